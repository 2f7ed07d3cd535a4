"""Running the command line inside the test process, as a user would type it."""

from __future__ import annotations

import pytest

from aimdesk.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: object) -> tuple[int, str, str]:
    """Exit status, stdout and stderr of `aimdesk ARGV…`."""
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err
