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


def test_every_command_loads_from_its_own_module() -> None:
    """`lossledger NAME` imports only the module its command names (cli/__init__.py): each top-level
    command must be listed there with the module that defines it, and `check` loads neither the
    server nor the bulk runner."""
    import subprocess
    import sys

    from lossledger.cli import _COMMANDS

    top = sorted(name for name in _commands() if " " not in name)
    assert set(top) <= set(_COMMANDS), sorted(set(top) - set(_COMMANDS))
    probe = (
        "import sys, typer; from lossledger.cli import _load; "
        "names = typer.main.get_command(_load(sys.argv[1:])).commands; "
        "loaded = {m.rsplit('.', 1)[1] for m in sys.modules if m.startswith('lossledger.cli.')}; "
        "print(sorted(loaded)); sys.exit(0 if sys.argv[1] in names else 1)"
    )
    for name in top:
        run = subprocess.run([sys.executable, "-c", probe, name], capture_output=True, text=True)
        assert run.returncode == 0, (name, run.stderr[-500:])
        if name == "check":
            assert "serve" not in run.stdout and "bulk" not in run.stdout, run.stdout
