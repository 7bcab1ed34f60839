"""``lossledger label FILE|URL|-``: what every number of a text equals in the ledger (issue 11).

A helper for building labelled test sets: it proposes, never decides (verify/label.py).  A
``.jsonl`` file is read one record per line (each with ``text`` and optionally ``published`` and
``language``) and written back with a ``proposal`` field added.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import typer
from rich.table import Table

from .application import Format, app, dumps, emit, state

__all__ = ["label_command"]


def _table(data: dict[str, Any]) -> Table:
    table = Table(
        title=f"report {data['report_date'] or '?'} (score {data['report_score']}) · check: {data['check_date'] or '?'}"
        f" ({data['check_confidence']})"
    )
    for col in ("number", "general staff (equal)", "near misses", "other sources", "extracted as"):
        table.add_column(col)
    for n in data["numbers"]:
        table.add_row(
            n["text"],
            ", ".join(f"{e['metric']} {e['kind']} {e['date']}" for e in n["general_staff"][:6]),
            ", ".join(f"{e['metric']} {e['kind']}={e['value']}" for e in n["near_misses"][:4]),
            ", ".join(f"{e['source']} {e['metric']} {e['date']}" for e in n["other_sources"][:4]),
            ", ".join(f"{c['source']} {c['metric']} {c['kind']}" for c in n["extracted"]),
        )
    return table


@app.command("label")
def label_command(
    ctx: typer.Context,
    source: str = typer.Argument(
        ..., metavar="FILE|URL|-", help="A text, an http(s) URL, - for stdin, or a .jsonl file."
    ),
    published: str = typer.Option(None, "--published", help="Publication date (YYYY-MM-DD)."),
    language: str = typer.Option(None, "--language", help="ISO 639-1 code of the text's language (default: detected)."),
    fmt: Format = typer.Option(Format.table, "--format", help="Output format: table or json (.jsonl input: JSONL)."),
) -> None:
    """Propose labels for a text: the report date and what every number equals in the ledger."""
    from ..errors import ParseError
    from ..sources.textinput import read_text_input
    from ..verify import LedgerView
    from ..verify.label import propose_labels

    view = LedgerView.open(state(ctx).db)
    if source.endswith(".jsonl") and Path(source).is_file():
        for lineno, line in enumerate(Path(source).read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                text = record["text"]
            except (ValueError, KeyError, TypeError):
                raise ParseError(
                    "not a JSON object with a 'text'", code="parse.jsonl", file=source, line=lineno
                ) from None
            proposal = propose_labels(text, view, record.get("published"), language=record.get("language") or language)
            record["proposal"] = proposal.to_dict()
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
        return
    doc = read_text_input(source)
    data = propose_labels(doc.text, view, published, language=language).to_dict()
    if fmt is Format.json:
        sys.stdout.write(dumps(data) + "\n")
        return
    emit(data, fmt, table=_table)
