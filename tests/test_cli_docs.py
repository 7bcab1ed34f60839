"""Docs that cannot rot: every command has help text, and the README names every command."""

from __future__ import annotations

from typing import Any

import pytest
import typer

from lossledger.cli import app, main

from .conftest import REPO


def _commands() -> dict[str, Any]:
    group: Any = typer.main.get_command(app)  # typer vendors click: compare by shape, not class
    out: dict[str, Any] = {}
    for name, command in group.commands.items():
        out[name] = command
        if hasattr(command, "commands"):
            out.update({f"{name} {sub}": c for sub, c in command.commands.items()})
    return out


@pytest.mark.parametrize("name", sorted(_commands()))
def test_every_command_has_help(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    command = _commands()[name]
    assert (command.help or "").strip(), f"`lossledger {name}` has no help text"
    assert main([*name.split(), "--help"]) == 0
    assert "Usage:" in capsys.readouterr().out


def test_readme_mentions_every_top_level_command() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    missing = [name for name in _commands() if " " not in name and f"lossledger {name}" not in readme]
    assert not missing, f"README does not show: {missing}"
