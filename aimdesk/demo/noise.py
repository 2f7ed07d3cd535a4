"""How one member writes one site: abbreviations, typos, word order, scripts, id formats.

Every function takes the member's :class:`NoiseStyle` and a seeded ``random.Random`` and
returns the text as that member's list would show it. Nothing here decides *which* sites a
member lists (``records.py``) or how the file looks (``layouts.py``).
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

from anyascii import anyascii

from aimdesk.demo.countries import COUNTRY_ALIASES, COUNTRY_NAMES, LEGAL_FORMS, City
from aimdesk.demo.sites import Site, SiteAddress, SiteName


@dataclass(frozen=True, slots=True)
class NoiseStyle:
    """One member's habits when typing supplier data.

    Probabilities are per record unless said otherwise.
    """

    language: str = "en"
    legal_official: float = 0.55
    legal_drop: float = 0.12
    typo: float = 0.05
    ascii_fold: float = 0.2
    upper: float = 0.0
    abbreviate: float = 0.4
    district: float = 0.5
    park: float = 0.7
    postal: float = 0.8
    region: float = 0.8
    city_variant: float = 0.25
    local_script: tuple[str, ...] = ()
    local_share: float = 0.0
    countries: tuple[tuple[str, float], ...] = (("en", 1.0),)
    sedex_fill: float = 0.75
    sedex_formats: tuple[tuple[str, float], ...] = (("plain", 1.0),)
    word_order: float = 0.2
    unit_label: float = 0.5
    old_name: float = 0.4
    spelling: float = 0.3
    full_address: bool = False


ISO3: dict[str, str] = {
    "CN": "CHN", "IN": "IND", "BD": "BGD", "VN": "VNM", "TR": "TUR", "TH": "THA", "ID": "IDN", "PK": "PAK",
    "KH": "KHM", "LK": "LKA", "MX": "MEX", "BR": "BRA", "ES": "ESP", "PT": "PRT", "IT": "ITA", "PL": "POL",
    "MA": "MAR", "GB": "GBR", "US": "USA", "DE": "DEU", "FR": "FRA", "EG": "EGY", "KE": "KEN", "ZA": "ZAF",
}

LOCAL_LANGUAGE: dict[str, str] = {
    "CN": "zh", "VN": "vi", "TH": "th", "TR": "tr", "DE": "de", "FR": "fr", "ES": "es", "MX": "es",
    "IT": "it", "PT": "pt", "BR": "pt", "ID": "id",
}

ABBREVIATIONS: tuple[tuple[str, str], ...] = (
    ("Road", "Rd"), ("Street", "St"), ("Avenue", "Ave"), ("Boulevard", "Blvd"), ("Lane", "Ln"),
    ("Industrial Estate", "Ind. Est."), ("Industrial Park", "Ind. Park"), ("Industrial Area", "Ind. Area"),
    ("Industrial Zone", "I.Z."), ("Highway", "Hwy"), ("Jalan", "Jl."), ("Caddesi", "Cad."), ("Bulvarı", "Blv."),
    ("Organize Sanayi Bölgesi", "OSB"), ("Calle", "C/"), ("Avenida", "Av."), ("Polígono Industrial", "Pol. Ind."),
    ("Carretera", "Ctra."), ("Rua", "R."), ("Via", "V."), ("straße", "str."), ("Straße", "Str."),
    ("Zone Industrielle", "Z.I."), ("rue", "r."), ("avenue", "av."), ("Moo", "M."), ("National Road", "NR"),
    ("Drive", "Dr"), ("Parkway", "Pkwy"), ("Special Economic Zone", "SEZ"), ("Quartier Industriel", "Q.I."),
)
"""Full word -> short form; members abbreviate in either direction."""

SPELLINGS: dict[str, tuple[str, ...]] = {
    "Shree": ("Shri", "Sri"), "Shri": ("Shree", "Sri"), "Sri": ("Shri", "Shree"), "Mahalaxmi": ("Mahalakshmi",),
    "Lakshmi": ("Laxmi",), "Apparels": ("Apparel",), "Exports": ("Export", "Exporters"), "Garments": ("Garment",),
    "Garment": ("Garments",), "Textiles": ("Textile",), "Textile": ("Textiles",), "Knitwear": ("Knit Wear",),
    "Knitting": ("Knit",), "Products": ("Prods.", "Product"), "Foods": ("Food",), "Food": ("Foods",),
    "Fashions": ("Fashion",), "Home Textiles": ("Home Textile",), "Al-Karim": ("Al Karim", "Alkarim"),
    "Al-Madina": ("Al Madina",), "Sonar Bangla": ("Sonarbangla",), "Crescent Star": ("Crescent",),
    "Spinning & Weaving": ("Spinning and Weaving",), "Print & Packaging": ("Print and Packaging",),
    "Hermanos": ("Hnos.",), "Confecções": ("Confeccoes", "Confecção"), "Maquiladora": ("Maquila",),
    "Tekstil": ("Textile",), "Household Products": ("Household",), "Plastic Products": ("Plastic",),
    "Laboratories": ("Labs",), "Laboratoires": ("Labo",), "Industries": ("Inds.",),
    "Müller": ("Mueller",), "Schäfer": ("Schaefer",), "Krüger": ("Krueger",), "Süßwaren": ("Suesswaren",),
}
"""Spelling variants of name words (transliteration, plural, abbreviation)."""

_LATIN = re.compile(r"[A-Za-zÀ-ɏ]")


def typo(text: str, rng: random.Random) -> str:
    """Make one typing slip in a Latin-script letter: drop, double, swap or change a vowel."""
    positions = [index for index, char in enumerate(text) if _LATIN.match(char)]
    if len(positions) < 4:
        return text
    index = rng.choice(positions[1:])
    operation = rng.randrange(4)
    if operation == 0:
        return text[:index] + text[index + 1:]
    if operation == 1:
        return text[:index] + text[index] + text[index:]
    if operation == 2 and index + 1 < len(text) and _LATIN.match(text[index + 1]):
        return text[:index] + text[index + 1] + text[index] + text[index + 2:]
    vowels = "aeiou" if text[index].islower() else "AEIOU"
    return text[:index] + rng.choice(vowels) + text[index + 1:]


def fold_ascii(text: str) -> str:
    """Drop accents from Latin text (``Ş`` -> ``S``); other scripts are left alone."""
    return "".join(anyascii(char) if _LATIN.match(char) else char for char in text)


def _legal(key: str, style: NoiseStyle, rng: random.Random) -> str:
    if not key:
        return ""
    spellings = LEGAL_FORMS[key]
    if key != "id_pt" and rng.random() < style.legal_drop:
        return ""
    if rng.random() < style.legal_official:
        return spellings[0]
    return rng.choice(spellings[1:])


def _respell(words: str, style: NoiseStyle, rng: random.Random) -> str:
    if rng.random() >= style.spelling:
        return words
    for word, variants in SPELLINGS.items():
        if word in words:
            return re.sub(rf"\b{re.escape(word)}\b", rng.choice(variants), words, count=1)
    return words


def render_name(site: Site, style: NoiseStyle, rng: random.Random) -> str:
    """The site name as this member writes it (script, legal form, order, case, slips)."""
    name: SiteName = site.name
    if site.old_name is not None and rng.random() < style.old_name:
        name = site.old_name
    if site.country in style.local_script and name.local and rng.random() < style.local_share:
        text = name.local
        if name.unit and rng.random() < style.unit_label:
            text += {"Unit I": "一厂", "Plant 1": "一厂", "Plant 2": "二厂", "Unit II": "二厂"}.get(name.unit, "分厂")
        return text
    core = _respell(name.core, style, rng)
    legal = _legal(name.legal, style, rng)
    if name.legal == "id_pt":
        roll = rng.random()
        if roll < 0.55:
            text = f"{legal} {core}"
        elif roll < 0.8:
            text = f"{core}, {legal}"
        elif roll < 0.9:
            text = f"{core} {legal}"
        else:
            text = core
    else:
        place = name.place
        if place and rng.random() < style.word_order:
            order = rng.randrange(3)
            if order == 0:
                core = f"{core} ({place})"
            elif order == 1 and " " in core:
                brand, rest = core.split(" ", 1)
                core = f"{brand} ({place}) {rest}"
            # order 2: the member leaves the town out
        elif place:
            core = f"{place} {core}"
        text = f"{core} {legal}" if legal else core
    if name.unit and rng.random() < style.unit_label:
        text = rng.choice((f"{text} - {name.unit}", f"{text} ({name.unit})", f"{text} {name.unit}"))
    return _finish_text(text, style, rng)


def _finish_text(text: str, style: NoiseStyle, rng: random.Random) -> str:
    if rng.random() < style.ascii_fold:
        text = fold_ascii(text)
    if rng.random() < style.typo:
        text = typo(text, rng)
    if rng.random() < style.upper:
        text = text.upper()
    if rng.random() < 0.02:
        text = rng.choice((f" {text}", f"{text} ", f"{text}  ", text.replace(" ", "  ", 1)))
    return text


def _number_and_street(address: SiteAddress, rng: random.Random) -> str:
    number, street, style = address.number, address.street, address.style
    if not street:
        return number
    roll = rng.random()
    if style == "no_first":
        options = (f"No. {number}, {street}", f"No.{number} {street}", f"#{number} {street}",
                   f"{number} {street}", f"{street} No. {number}", f"No. {number} {street}")
        return options[0] if roll < 0.4 else rng.choice(options[1:])
    if style == "holding":
        options = (f"Plot {number}, {street}", f"Plot # {number}, {street}", f"Holding No. {number}, {street}",
                   f"Plot-{number} {street}")
        return options[0] if roll < 0.4 else rng.choice(options[1:])
    if style == "plot_first":
        options = (f"Plot No. {number}, {street}", f"Plot {number}, {street}", f"Plot # {number} {street}",
                   f"P-{number}, {street}")
        return options[0] if roll < 0.4 else rng.choice(options[1:])
    if style == "street_no":
        options = ((f"{street} No: {number}", f"{street} No:{number}", f"{street} No.{number}", f"{street} No {number}")
                   if street.endswith(("Caddesi", "Cadde", "Bulvarı", "Sokak"))
                   else (f"{street} No. {number}", f"{street} No.{number}", f"{street} no {number}", f"{street} Kav. {number}"))
        return options[0] if roll < 0.5 else rng.choice(options[1:])
    if style == "street_num":
        return f"{street} {number}" if roll < 0.7 else f"{street} No. {number}"
    if style == "street_comma_num":
        options = (f"{street}, {number}", f"{street} {number}", f"{street}, nº {number}", f"{street}, n. {number}")
        return options[0] if roll < 0.5 else rng.choice(options[1:3])
    if style == "unit_first":
        options = (f"Unit {number}, {street}", f"Unit {number} {street}", f"{number} {street}")
        return options[0] if roll < 0.5 else rng.choice(options[1:])
    if style == "street_lot":
        options = (f"{street}, Lot {number}", f"{street} lot n° {number}", f"Lot {number}, {street}")
        return options[0] if roll < 0.5 else rng.choice(options[1:])
    return f"{number} {street}" if roll < 0.7 else f"{number}, {street}"


def _abbreviate(text: str, style: NoiseStyle, rng: random.Random) -> str:
    for full, short in ABBREVIATIONS:
        if rng.random() >= style.abbreviate:
            continue
        text = re.sub(rf"(?<!\w){re.escape(full)}(?!\w)", short, text)
    return text


def render_address(site: Site, style: NoiseStyle, rng: random.Random, *, with_city: bool = False,
                   city: str = "", region: str = "", postal: str = "") -> str:
    """The street address as this member writes it; ``with_city`` appends town and postcode.

    Args:
        site: the true site.
        style: the member's habits.
        rng: seeded random source.
        with_city: for members with one address column (no city/postcode columns).
        city, region, postal: the member's own spellings, used when ``with_city``.
    """
    address = site.address
    if site.country in style.local_script and address.local and rng.random() < style.local_share:
        return address.local
    parts = [_number_and_street(address, rng)]
    if address.park and rng.random() < style.park:
        parts.insert(0, address.park)
    if address.district and rng.random() < style.district:
        parts.append(address.district)
    if with_city:
        town = f"{postal} {city}".strip() if site.country in ("DE", "FR", "ES", "IT", "PL", "PT", "BR", "TR") \
            else " ".join(part for part in (city, region, postal) if part)
        parts.append(town)
    text = _abbreviate(", ".join(part for part in parts if part), style, rng)
    return _finish_text(text, style, rng)


def render_city(city: City, country: str, style: NoiseStyle, rng: random.Random) -> str:
    """The town: usual name, a local or English variant, or a misspelling."""
    if country in style.local_script and city.local and rng.random() < style.local_share:
        return city.local
    text = city.name
    if city.variants and rng.random() < style.city_variant:
        text = rng.choice(city.variants)
    if rng.random() < style.ascii_fold:
        text = fold_ascii(text)
    if rng.random() < style.typo / 2:
        text = typo(text, rng)
    return text.upper() if rng.random() < style.upper else text


def render_region(city: City, country: str, style: NoiseStyle, rng: random.Random) -> str:
    """The province or state, sometimes abbreviated, in local script, or left out."""
    if rng.random() >= style.region:
        return ""
    if country in style.local_script and city.region_local and rng.random() < style.local_share:
        return city.region_local
    text = city.region
    if city.region_variants and rng.random() < style.city_variant:
        text = rng.choice(city.region_variants)
    return fold_ascii(text) if rng.random() < style.ascii_fold else text


def render_postal(site: Site, style: NoiseStyle, rng: random.Random) -> str:
    """The postal code, with or without its inner space or dash, or missing."""
    if rng.random() >= style.postal:
        return ""
    code = site.address.postal
    if rng.random() < 0.25:
        code = code.replace(" ", "").replace("-", "") if site.country not in ("GB",) else code.replace(" ", "")
    if site.country == "MX" and rng.random() < 0.2:
        code = f"C.P. {code}"
    return code


def render_country(code: str, style: NoiseStyle, rng: random.Random) -> str:
    """The country: ISO code, English or member-language name, local name or a formal alias."""
    keys = [key for key, _ in style.countries]
    way = rng.choices(keys, weights=[weight for _, weight in style.countries])[0]
    names = COUNTRY_NAMES[code]
    if way == "iso2":
        return code
    if way == "iso3":
        return ISO3[code]
    if way == "lang":
        return names[style.language]
    if way == "local":
        return names[LOCAL_LANGUAGE.get(code, "en")]
    if way == "alias" and code in COUNTRY_ALIASES:
        return rng.choice(COUNTRY_ALIASES[code])
    if way == "upper":
        return names["en"].upper()
    return names["en"]


def unknown_country(code: str, rng: random.Random) -> str:
    """A country cell nobody can resolve: a misspelling, a continent or a placeholder."""
    roll = rng.random()
    if roll < 0.6:
        text = COUNTRY_NAMES[code]["en"]
        slipped = typo(text, rng)
        return slipped if slipped != text else text[::-1].lower()
    return rng.choice(("Asia", "Far East", "EU", "Overseas", "tbc", "see address"))


def render_sedex(site: Site, style: NoiseStyle, rng: random.Random) -> str:
    """The Sedex reference as typed: ``ZS123``, ``ZS: 000000123``, ``zs 123``, digits only, a ZC …"""
    if site.zs is None or rng.random() >= style.sedex_fill:
        if site.zs is None and rng.random() < 0.04:
            return f"ZC{site.zc}"  # the company is on Sedex, the site is not
        return ""
    keys = [key for key, _ in style.sedex_formats]
    way = rng.choices(keys, weights=[weight for _, weight in style.sedex_formats])[0]
    digits = str(site.zs)
    if rng.random() < 0.04:
        way = "zc"
    if way == "padded":
        return f"ZS: {digits.zfill(9)}"
    if way == "lower":
        return f"zs {digits}"
    if way == "dash":
        return f"ZS-{digits}"
    if way == "digits":
        return digits
    if way == "zc":
        return f"ZC{site.zc}"
    if way == "spaced":
        return f" ZS {digits} "
    return f"ZS{digits}"
