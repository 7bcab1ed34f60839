"""Usage errors: every command, given no arguments or a bad option, exits 2 with a usage line.

The pinned typer raises its vendored copy of click's exceptions, which the CLI once did not
recognise (exit 70, "internal error").  ``--db`` is accepted before and after the subcommand.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lossledger.cli import main

from .test_cli_docs import _commands

#: Commands that run (exit 0) without arguments: they list or summarise the whole ledger.
RUN_WITHOUT_ARGUMENTS = {"sources", "latest", "conflicts", "changes", "status", "export", "records lists",
                         "records duplicates", "sync", "serve"}  # fmt: skip


def _usage_error(args: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    code = main(args)
    err = capsys.readouterr().err
    assert code == 2, (args, code, err)
    assert "Usage: lossledger" in err, err
    assert "internal error" not in err
    return err


@pytest.mark.parametrize("name", sorted(_commands()))
def test_every_command_rejects_a_bad_option(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    err = _usage_error([*name.split(), "--no-such-option"], capsys)
    assert "--no-such-option" in err


@pytest.mark.parametrize("name", sorted(set(_commands()) - RUN_WITHOUT_ARGUMENTS))
def test_every_command_without_its_arguments(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    _usage_error(name.split(), capsys)


@pytest.mark.parametrize(
    "args",
    [
        [],
        ["no-such-command"],
        ["--no-such-option"],
        ["series", "tanks", "--rolling", "abc"],
        ["show", "2024-02-16", "-f", "xml"],
        ["records"],
        ["check", "-", "--format", "pdf"],
    ],  # fmt: skip
    ids=[
        "no-args",
        "unknown-command",
        "unknown-global-option",
        "rolling-abc",
        "format-xml",
        "group-no-args",
        "check-pdf",
    ],
)
def test_usage_errors_exit_2(args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    _usage_error(args, capsys)


def test_db_before_and_after_the_subcommand(
    synced_sqlite_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    url = f"sqlite:///{synced_sqlite_path}"
    monkeypatch.delenv("LOSSLEDGER_DB", raising=False)
    outputs = []
    for args in (
        ["--db", url, "show", "2024-02-16", "-f", "json"],
        ["show", "2024-02-16", "--db", url, "-f", "json"],
        ["show", "2024-02-16", f"--db={url}", "-f", "json"],
    ):
        assert main(args) == 0, capsys.readouterr().err
        outputs.append(json.loads(capsys.readouterr().out))
    monkeypatch.setenv("LOSSLEDGER_DB", url)
    assert main(["show", "2024-02-16", "-f", "json"]) == 0
    outputs.append(json.loads(capsys.readouterr().out))
    assert all(o == outputs[0] for o in outputs)
    assert outputs[0]["figures"]["tanks"]["total"] == 6465
    # the option after the subcommand wins over the variable and over the global option
    assert main(["--db", "/nonexistent/dir/x.sqlite", "records", "lists", "--db", url, "-f", "json"]) == 0
    assert {r["list"] for r in json.loads(capsys.readouterr().out)} == {"ru-fatalities", "oryx"}
    assert main(["check", "-", "--db", url, "--help"]) == 0


def test_strict_check_still_exits_3(
    synced_sqlite_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = tmp_path / "a.txt"
    article.write_text("On 16 February 2024 the General Staff said Russia had lost 6,999 tanks.", encoding="utf-8")
    assert main(["check", str(article), "--db", str(synced_sqlite_path), "--strict", "--published", "2024-02-16"]) == 3
