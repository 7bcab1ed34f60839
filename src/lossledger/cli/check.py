"""``lossledger check``: an article's figures against the ledger."""

from __future__ import annotations

import datetime as dt
import sys
from enum import StrEnum
from typing import Any

import typer
from rich.table import Table

from .application import DB, app, dumps, out_console, state

_COLOURS = {"match": "green", "rounded": "cyan", "stale": "yellow", "mismatch": "bold red", "unverifiable": "dim"}


class CheckFormat(StrEnum):
    table = "table"
    json = "json"
    markdown = "markdown"


@app.command()
def check(
    ctx: typer.Context,
    db: str | None = DB,
    article: str = typer.Argument(..., help="A text file, an http(s) URL, or - for standard input."),
    published: str = typer.Option(
        None, "--published", help="Publication date (YYYY-MM-DD): resolves 'this Friday', 'yesterday'."
    ),
    language: str = typer.Option(None, "--language", help="ISO 639-1 code, if detection should be skipped."),
    fmt: CheckFormat = typer.Option(CheckFormat.table, "--format", "-f", help="table, json or markdown."),
    strict: bool = typer.Option(False, "--strict", help="Exit 3 when a figure is a mismatch (for scripts)."),
) -> None:
    """Check every loss figure of an article against the ledger: verdicts, notes and context."""
    # Imported here: the check path reads an SQLite ledger without loading SQLAlchemy (verify/view.py).
    from ..sources.textinput import read_text_input
    from ..verify import LedgerView
    from ..verify import check as run_check

    document = read_text_input(article)
    when = _date(published) or _date(document.published)  # a web page's own date when not given
    report = run_check(document.text, LedgerView.open(state(ctx).db), published=when, language=language)
    if fmt is CheckFormat.json:
        sys.stdout.write(dumps(report.to_dict()) + "\n")
    elif fmt is CheckFormat.markdown:
        sys.stdout.write(report.to_markdown(document.text))
    else:
        _print_table(report.to_dict(), document.text)
    if strict and any(j.verdict == "mismatch" for j in report.judgements):
        raise typer.Exit(3)


def _date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    from ..errors import InputError

    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise InputError(f"--published: not a YYYY-MM-DD date: {value!r}", code="input.date") from None


def _print_table(data: dict[str, Any], text: str) -> None:
    head = (
        f"report {data['report_date']} (confidence {data['confidence']:.2f})"
        if data["report_date"]
        else "no General Staff report matches"
    )
    table = Table(title=head)
    for col in ("figure", "source", "metric", "kind", "verdict", "ledger", "date", "explanation"):
        table.add_column(col)
    for c in data["claims"]:
        quoted = text[c["span"][0] : c["span"][1]].replace("\n", " ")
        verdict = f"[{_COLOURS[c['verdict']]}]{c['verdict']}[/]"
        ledger = "" if c["ledger_value"] is None else f"{c['ledger_value']:,}"
        table.add_row(
            quoted,
            c["source"],
            c["metric"],
            c["kind"],
            verdict,
            ledger,
            c["ledger_date"] or "",
            c["explanation"],
            style=None,
        )
    out_console.print(table)
    for note in data["notes"]:
        out_console.print(f"[yellow]note[/] {note['code']}: {note['message']}", highlight=False)
    for comp in data["context"].get("comparisons", []):
        out_console.print(
            f"[dim]context[/] {comp['claim']} {comp['claim_value']:,} vs {comp['evidence']} {comp['evidence_value']:,} ({comp['evidence_date']}): ×{comp['ratio']}",
            highlight=False,
        )
