"""The help text and the README keep up with the commands (as sqlite-utils' test_docs)."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from aimdesk.cli import HANDLERS, build_parser

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")


def subcommands() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


def test_every_command_has_a_handler() -> None:
    assert set(subcommands()) == set(HANDLERS)


@pytest.mark.parametrize("name", sorted(HANDLERS))
def test_every_command_has_help_and_is_in_the_readme(name: str) -> None:
    parser = subcommands()[name]
    assert parser.description and len(parser.description) > 30
    for action in parser._actions:
        if action.option_strings and action.dest != "help":
            assert action.help, f"{name} {action.option_strings} has no help"
    assert f"aimdesk" in README and f" {name}" in README


def test_readme_opens_with_the_two_commands() -> None:
    head = README[:800]
    assert "make run" in head and "make test" in head
