"""The Typer application and what every command shares: global options and output formats.

Commands live in sibling modules (one per area) and register on :data:`app`; each parses its
arguments, calls one library function, and prints with :func:`emit`.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

import typer
from rich.console import Console, RenderableType

from ..results import json_default

__all__ = ["DB", "Format", "State", "app", "emit", "emit_rows", "err_console", "out_console", "state"]

app = typer.Typer(
    name="lossledger",
    help="A verifiable ledger of reported losses in the Russia–Ukraine war.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

out_console = Console(soft_wrap=True)
err_console = Console(stderr=True, soft_wrap=True)


class Format(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


@dataclass
class State:
    db: str | None = None
    debug: bool = False


def state(ctx: typer.Context) -> State:
    obj = ctx.find_root().obj
    return obj if isinstance(obj, State) else State()


_DB_HELP = "Database URL or SQLite path (default: $LOSSLEDGER_DB, else a per-user SQLite file)."


@app.callback()
def _global_options(
    ctx: typer.Context,
    db: str = typer.Option(None, "--db", help=_DB_HELP),
    debug: bool = typer.Option(False, "--debug", help="Show tracebacks for errors."),
) -> None:
    """A verifiable ledger of reported losses in the Russia–Ukraine war."""
    ctx.obj = State(db=db, debug=debug)


def _db_after_command(ctx: typer.Context, value: str | None) -> str | None:
    # The group's callback has run (it parses before the subcommand), so the root State exists:
    # a --db given after the subcommand replaces the one given before it.
    if value is not None:
        root = ctx.find_root()
        if not isinstance(root.obj, State):
            root.obj = State()
        root.obj.db = value
    return value


#: ``--db`` after the subcommand (``lossledger show 2024-02-16 --db X``): declared once, added to
#: every command that opens the ledger; it sets the same :class:`State` as the global option.
DB = typer.Option(None, "--db", help=_DB_HELP, callback=_db_after_command, expose_value=False)


def dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, default=json_default)


def emit(
    data: Any,
    fmt: Format,
    table: Callable[[Any], RenderableType] | None = None,
    rows: Callable[[Any], Iterable[Mapping[str, Any]]] | None = None,
) -> None:
    """Print ``data`` as JSON, CSV (from ``rows``) or a Rich table (from ``table``)."""
    if fmt is Format.json:
        sys.stdout.write(dumps(data) + "\n")
    elif fmt is Format.csv:
        emit_rows(list(rows(data)) if rows else list(data))
    elif table is not None:
        out_console.print(table(data))
    else:
        sys.stdout.write(dumps(data) + "\n")


def emit_rows(rows: list[Mapping[str, Any]]) -> None:
    """Write dict rows as CSV to standard output (header from the union of keys, in order)."""
    fields: list[str] = []
    for row in rows:
        fields.extend(k for k in row if k not in fields)
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: ("" if v is None else v) for k, v in row.items()})
    sys.stdout.write(buf.getvalue())
