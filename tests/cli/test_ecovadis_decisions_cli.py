"""`aimdesk ecovadis confirm` and `aimdesk ecovadis reject`, as typed."""

from __future__ import annotations

from pathlib import Path

import pytest

from aimdesk.core.store.sites import fetch_sites, site_ids
from aimdesk.core.store.workspace import Store
from tests.cli.cli_run import run
from tests.cli.demo_workspaces import matched_demo, workspace  # noqa: F401 - the shared fixtures
from tests.conftest import write_xlsx


def test_confirm_and_reject_settle_a_company_and_the_list_says_who(workspace: Path, tmp_path: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    with Store.open(workspace) as store:
        sites = sorted(fetch_sites(store, site_ids(store)).values(), key=lambda s: s.id)
    first, other = sites[0], sites[1]
    path = write_xlsx(tmp_path / "ev.xlsx", [["Company", "Country"], [first.site_name, first.country],
                                              ["Nowhere Gadgets GmbH", "DE"]])
    code, out, err = run(capsys, "--workspace", workspace, "ecovadis", "import", path)
    assert (code, err) == (0, "")
    code, out, _ = run(capsys, "--workspace", workspace, "ecovadis", "list")
    assert code == 0 and out.splitlines()[0].split()[-1] == "by"
    code, out, err = run(capsys, "--workspace", workspace, "ecovadis", "reject", "1")
    assert (code, err) == (0, "") and out.startswith(f"Rejected: {first.site_name} ({first.country})")
    code, out, _ = run(capsys, "--workspace", workspace, "ecovadis", "list")
    line = next(text for text in out.splitlines() if first.site_name in text)
    assert "unmatched" in line and "person (" in line and first.public_id not in line
    code, out, err = run(capsys, "--workspace", workspace, "ecovadis", "confirm", "2", other.public_id)
    assert (code, err) == (0, "") and f"is site {other.public_id}" in out
    code, out, _ = run(capsys, "--workspace", workspace, "ecovadis", "import", path)
    assert "2 of them as a person decided for the same company before." in out
    assert "1 matched to a site, 0 possible (for a person to check), 1 not matched." in out


def test_confirm_and_reject_refuse_what_does_not_exist(workspace: Path, tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    path = write_xlsx(tmp_path / "ev.xlsx", [["Company", "Country"], ["Nowhere Gadgets GmbH", "DE"]])
    assert run(capsys, "--workspace", workspace, "ecovadis", "import", path)[0] == 0
    code, out, err = run(capsys, "--workspace", workspace, "ecovadis", "confirm", "1", "S999999")
    assert (code, out) == (1, "") and "There is no site S999999 in use" in err and err.count("\n") == 1
    code, _, err = run(capsys, "--workspace", workspace, "ecovadis", "reject", "7")
    assert code == 1 and "There is no entry #7 in the EcoVadis list in force" in err
