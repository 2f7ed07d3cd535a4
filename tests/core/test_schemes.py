"""Audit-type cells to canonical scheme codes (audit-schemes.md)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aimdesk.core.ingest.schemes import (
    SCHEME_CODES,
    SchemeMatch,
    normalise_scheme,
    normalise_scheme_text,
    scheme_label,
)


@pytest.mark.parametrize(("text", "code"), [
    ("SMETA 2P", "SMETA_2P"), ("SMETA 2-Pillar", "SMETA_2P"), ("SMETA 2 pillars", "SMETA_2P"),
    ("Sedex 2P", "SMETA_2P"), ("Sedex 2 Pillar", "SMETA_2P"), ("SMETA 6.1 2P", "SMETA_2P"),
    ("SMETA (2-P)", "SMETA_2P"), ("SMETA 2 pilares", "SMETA_2P"), ("SMETA 两支柱", "SMETA_2P"),
    ("SMETA二支柱", "SMETA_2P"), ("SMETA 2 Säulen", "SMETA_2P"), ("smeta2p", "SMETA_2P"),
    ("SMETA 4P", "SMETA_4P"), ("SMETA 4-Pillar", "SMETA_4P"), ("4 Pillars", "SMETA_4P"),
    ("Sedex 4P", "SMETA_4P"), ("SMETA 4 pilares", "SMETA_4P"), ("SMETA 4 piliers", "SMETA_4P"),
    ("SMETA 4支柱", "SMETA_4P"), ("SMETA四支柱", "SMETA_4P"), ("四支柱", "SMETA_4P"),
    ("Auditoría SMETA de 4 pilares", "SMETA_4P"), ("SMETA 4-Säulen", "SMETA_4P"),
    ("SMETA 6.1 (4 Pillar)", "SMETA_4P"), ("SMETA4P", "SMETA_4P"),
    ("Sedex Members Ethical Trade Audit 4 Pillar", "SMETA_4P"), ("SMETA quatre piliers", "SMETA_4P"),
    ("SMETA", "SMETA"), ("Sedex", "SMETA"), ("Sedex audit", "SMETA"), ("Sedex SMETA", "SMETA"),
    ("Sedex/SMETA", "SMETA"), ("SMETA 6.1", "SMETA"), ("SMETA 7.0", "SMETA"),
    ("SVA", "SVA"), ("Sedex Virtual Assessment", "SVA"), ("Virtual SMETA", "SVA"),
    ("remote SMETA", "SVA"), ("SMETA virtual", "SVA"), ("Sedex 4 pillar virtual", "SVA"),
    ("SMETA 远程审核", "SVA"),
    ("BSCI", "AMFORI_BSCI"), ("amfori BSCI", "AMFORI_BSCI"), ("Amfori-BSCI", "AMFORI_BSCI"),
    ("BSCI 2.0", "AMFORI_BSCI"), ("FTA BSCI", "AMFORI_BSCI"), ("BSCI audit", "AMFORI_BSCI"),
    ("amfori", "AMFORI_BSCI"),
    ("SA8000", "SA8000"), ("SA 8000", "SA8000"), ("SA8000:2014", "SA8000"), ("SAI", "SA8000"),
    ("Social Accountability 8000", "SA8000"),
    ("RBA", "RBA_VAP"), ("RBA VAP", "RBA_VAP"), ("VAP", "RBA_VAP"), ("EICC", "RBA_VAP"),
    ("EICC VAP", "RBA_VAP"), ("RBA audit", "RBA_VAP"), ("SVAP", "RBA_VAP"),
    ("WRAP", "WRAP"), ("W.R.A.P.", "WRAP"), ("WRAP Gold", "WRAP"), ("WRAP Platinum", "WRAP"),
    ("ICTI", "ICTI_ETP"), ("ICTI CARE", "ICTI_ETP"), ("ICTI ETP", "ICTI_ETP"), ("IETP", "ICTI_ETP"),
    ("Ethical Toy Program", "ICTI_ETP"),
    ("EcoVadis", "ECOVADIS"), ("Ecovadis", "ECOVADIS"), ("EV", "ECOVADIS"),
    ("EcoVadis rating", "ECOVADIS"), ("EcoVadis Gold", "ECOVADIS"),
    ("BRC", "NOT_SOCIAL"), ("BRCGS", "NOT_SOCIAL"), ("IFS", "NOT_SOCIAL"),
    ("FSSC 22000", "NOT_SOCIAL"), ("SQF", "NOT_SOCIAL"), ("ISO 22000", "NOT_SOCIAL"),
    ("HACCP", "NOT_SOCIAL"), ("GFSI", "NOT_SOCIAL"), ("ISO 9001", "NOT_SOCIAL"),
    ("ISO 14001", "NOT_SOCIAL"), ("GLOBALG.A.P.", "NOT_SOCIAL"), ("Organic", "NOT_SOCIAL"),
    ("amfori BEPI", "NOT_SOCIAL"), ("Food safety audit", "NOT_SOCIAL"),
    ("Auditoría de calidad", "NOT_SOCIAL"), ("质量审核", "NOT_SOCIAL"),
])
def test_real_world_spellings_map_to_their_scheme(text: str, code: str) -> None:
    assert normalise_scheme(text).code == code


@pytest.mark.parametrize("text", ["Walmart audit", "CoC audit", "Supplier Code audit",
                                  "internal social audit", "2nd party audit", "Higg FSLM",
                                  "Wrapping audit", "SAI Global"])
def test_unrecognised_social_audit_is_member_protocol_for_review(text: str) -> None:
    assert normalise_scheme(text) == SchemeMatch(
        code="MEMBER_PROTOCOL", label="Member protocol", is_social=True, needs_review=True)


@pytest.mark.parametrize("text", ["ETI", "ETI audit", "ETI Base Code audit"])
def test_eti_reads_as_smeta_but_asks_for_review(text: str) -> None:
    match = normalise_scheme(text)
    assert (match.code, match.needs_review) == ("SMETA", True)


@pytest.mark.parametrize("text", ["", "   ", "-", "N/A", "n/a", "TBC", "none"])
def test_empty_cell_has_no_scheme(text: str) -> None:
    assert normalise_scheme(text) == SchemeMatch(code=None, label="", is_social=False,
                                                 needs_review=False)


def test_recognised_schemes_do_not_ask_for_review() -> None:
    assert not normalise_scheme("SMETA 4P").needs_review
    assert not normalise_scheme("amfori BSCI").needs_review


def test_food_safety_and_ecovadis_are_not_social_site_audits() -> None:
    assert not normalise_scheme("BRCGS").is_social
    assert not normalise_scheme("EcoVadis Gold").is_social
    assert normalise_scheme("SMETA 2P").is_social


def test_match_carries_the_display_label() -> None:
    assert normalise_scheme("Sedex 4P").label == "SMETA 4-pillar"
    assert normalise_scheme("Sedex 2P").label == "SMETA 2-pillar"
    assert normalise_scheme("Sedex").label == "SMETA (pillars not stated)"


def test_every_code_has_its_own_label() -> None:
    labels = [scheme_label(code) for code in SCHEME_CODES]
    assert all(labels) and len(set(labels)) == len(SCHEME_CODES)
    assert scheme_label("SMETA_4P") == "SMETA 4-pillar"


def test_scheme_label_of_none_and_unknown() -> None:
    assert scheme_label(None) == ""
    assert scheme_label("FOO") == "FOO"


def test_normalised_text_drops_dots_and_spaces_punctuation() -> None:
    assert normalise_scheme_text("SMETA 6.1 (4-Pillar)") == "smeta 61 4 pillar"
    assert normalise_scheme_text("W.R.A.P.") == "wrap"


@given(st.text(max_size=40))
def test_any_text_gives_a_known_code_or_none(text: str) -> None:
    match = normalise_scheme(text)
    assert match.code is None or match.code in SCHEME_CODES
