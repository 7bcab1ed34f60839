"""``lossledger extract FILE|URL|-``: the loss figures in one document (issue 4)."""

from __future__ import annotations

from typing import Any

import typer
from rich.table import Table

from .application import Format, app, emit

__all__ = ["extract_command"]


def _table(data: dict[str, Any], text: str) -> Table:
    table = Table(title=f"language {data['language']} · as of {data['as_of'] or '?'} · {len(data['claims'])} claims")
    for col in ("metric", "value", "kind", "qualifier", "source", "text"):
        table.add_column(col, justify="right" if col == "value" else "left")
    for c in data["claims"]:
        start, end = c["span"]
        table.add_row(
            c["metric"], f"{c['value']:,}", c["kind"], c["qualifier"], c["source"], " ".join(text[start:end].split())
        )
    return table


@app.command("extract")
def extract_command(
    source: str = typer.Argument(
        ..., metavar="FILE|URL|-", help="A text file, an http(s) URL, or - for standard input."
    ),
    published: str = typer.Option(
        None, "--published", help="Publication date (YYYY-MM-DD), for relative dates such as 'this Friday'."
    ),
    language: str = typer.Option(None, "--language", help="ISO 639-1 code of the text's language (default: detected)."),
    fmt: Format = typer.Option(Format.table, "--format", help="Output format: table or json."),
) -> None:
    """Find the loss figures in a news text, Telegram post or official statement."""
    from ..extraction import extract as extract_figures  # here: other commands need no extractor
    from ..sources.textinput import read_text_input

    doc = read_text_input(source)
    result = extract_figures(doc.text, published=published or doc.published, language=language).to_dict()
    if fmt is Format.csv:
        emit(result["claims"], fmt)
        return
    emit(result, fmt, table=lambda data: _table(data, doc.text))
