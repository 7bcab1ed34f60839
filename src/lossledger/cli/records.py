"""Records commands: ``records count|duplicates|rejected|lists``, ``estimate`` and ``compare``.

Thin wrappers: each parses its arguments, opens the ledger, calls one library function
(lossledger.records, lossledger.analysis.estimate, lossledger.analysis.compare) and prints.
"""

from __future__ import annotations

import sys
from typing import Any

import typer
from rich import box
from rich.table import Table

from ..registry import CLAIMS, CONFIRMED
from .application import DB, Format, app, emit, err_console
from .ledger import FORMAT, open_ledger

records_app = typer.Typer(
    name="records",
    help="Evidence registries: named deaths and photographed equipment, record by record.",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(records_app, name="records")

LIST = typer.Argument(..., help="Records list: ru-fatalities or oryx.")


def _table(title: str, columns: list[str], rows: list[list[Any]]) -> Table:
    # compact (no vertical rules): a comparison's nine columns fit 80 characters
    table = Table(title=title, box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False, collapse_padding=True)
    for col in columns:
        table.add_column(col, no_wrap=col == "date" or col.endswith("_date"))
    for row in rows:
        table.add_row(*("" if v is None else str(v) for v in row))
    return table


def _count_table(data: dict[str, Any]) -> Table:
    window = f" · {data['window']['count']:,} in the last {data['window']['days']} days" if data["window"] else ""
    title = f"{data['list']} as of {data['as_of']}: {data['total']:,} records{window}"
    if not data["by"]:  # no breakdown asked: the count itself, and the window's
        rows = [["all records", f"{data['total']:,}"]]
        if data["window"]:
            rows.append([f"in the last {data['window']['days']} days", f"{data['window']['count']:,}"])
        return _table(title, ["records", "count"], rows)
    rows = [[bucket, f"{n:,}", f"{n / data['total']:.1%}" if data["total"] else ""] for bucket, n in data["by"].items()]
    return _table(title, ["bucket", "records", "share"], rows)


def _count_rows(data: dict[str, Any]) -> list[dict[str, Any]]:
    head = {"list": data["list"], "as_of": data["as_of"], "total": data["total"],
            "window_days": (data["window"] or {}).get("days"), "window_count": (data["window"] or {}).get("count")}  # fmt: skip
    if not data["by"]:
        return [head]
    return [{**head, "bucket": bucket, "count": n} for bucket, n in data["by"].items()]


@records_app.command("count")
def count_command(
    ctx: typer.Context,
    db: str | None = DB,
    list_slug: str = LIST,
    as_of: str = typer.Option(
        None, "--as-of", help="Count records dated on or before this date (default: the newest record)."
    ),
    window: str = typer.Option(
        None, "--window", help="Also count records dated within this many days up to as-of: 14d, 2w."
    ),
    by: str = typer.Option(
        None,
        "--by",
        help="Breakdown: region, unit, age-band, month (persons); status, system, category, origin, side, month (equipment).",
    ),
    side: str = typer.Option(None, "--side", help="Only the losses of one side: russia or ukraine (Oryx)."),
    fmt: Format = FORMAT,
) -> None:
    """Records of a list as its publisher counts them: total as of a date, additions in a window, breakdowns."""
    from ..records import count

    with open_ledger(ctx) as ledger:
        data = count(ledger, list_slug, as_of, window=window, by=by, side=side)
    emit(data, fmt, table=_count_table, rows=_count_rows)


@records_app.command("duplicates")
def duplicates_command(
    ctx: typer.Context,
    db: str | None = DB,
    list_slug: str = typer.Argument(None, help="Records list (default: every list)."),
    fmt: Format = FORMAT,
) -> None:
    """Rows merged into another record as the same item, and why."""
    from ..records import duplicates

    with open_ledger(ctx) as ledger:
        rows = duplicates(ledger, list_slug)

    def table(rs: list[dict[str, Any]]) -> Table:
        body = [[r["list"], f"{r['file']}:{r['line']}", r["external_id"], r["reason"], r["detail"],
                 f"{r['kept']['file']}:{r['kept']['line']}"] for r in rs]  # fmt: skip
        return _table(f"{len(rs)} rows merged as duplicates", ["list", "row", "id", "reason", "detail", "kept"], body)

    def flat(rs: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return [
            {**{k: v for k, v in r.items() if k != "kept"}, **{f"kept_{k}": v for k, v in r["kept"].items()}}
            for r in rs
        ]

    emit(rows, fmt, table=table, rows=flat)


@records_app.command("rejected")
def rejected_command(ctx: typer.Context, db: str | None = DB, list_slug: str = LIST, fmt: Format = FORMAT) -> None:
    """Rows the latest import could not use (bad date, negative age, no evidence…), with file and line."""
    from ..records import rejections

    with open_ledger(ctx) as ledger:
        rows = rejections(ledger, list_slug)
    body = [[f"{r['file']}:{r['line']}", r["external_id"], r["code"], r["reason"]] for r in rows]
    emit(rows, fmt, table=lambda rs: _table(f"{len(rs)} rows rejected", ["row", "id", "code", "reason"], body))


@records_app.command("lists")
def lists_command(ctx: typer.Context, db: str | None = DB, fmt: Format = FORMAT) -> None:
    """Every records list with its accounting: rows read = records + merged + rejected."""
    from ..records import lists

    with open_ledger(ctx) as ledger:
        rows = lists(ledger)
    cols = ["list", "kind", "rows", "records", "merged", "rejected", "withdrawn", "first", "last"]
    emit(rows, fmt, table=lambda rs: _table("records lists", cols, [[r[c] for c in cols] for r in rs]))


# --- estimate ------------------------------------------------------------------------------------


def _estimate_table(data: dict[str, Any]) -> Table:
    title = (f"{data['method']}: {data['estimate']:,.0f} ({data['level']:.0%} interval {data['lower']:,.0f}–{data['upper']:,.0f}, "
             f"{data['interval']}); {data['observed']:,} seen")  # fmt: skip
    table = _table(title, ["capture history", "items"], [[h, f"{n:,}"] for h, n in data["histories"].items()])
    for model in data["models"]:
        table.add_row(f"model {model['model']}", f"AIC {model['aic']} → {model['estimate']:,.0f}")
    for i, name in enumerate(data["lists"]):
        table.add_row(f"list {chr(ord('A') + i)}", name)
    for assumption in data["assumptions"]:
        table.add_row("assumes", assumption)
    return table


@app.command()
def estimate(
    ctx: typer.Context,
    db: str | None = DB,
    lists: list[str] = typer.Argument(
        ..., help="Two or more list specs: LIST[:FIELD=V1,V2][:FIELD!=V][:links>=N] (see docs/estimation.md)."
    ),
    as_of: str = typer.Option(None, "--as-of", help="Only records dated on or before this date."),
    level: float = typer.Option(0.95, "--level", help="Confidence level of the interval."),
    fmt: Format = FORMAT,
) -> None:
    """Estimate a population from overlapping lists: Chapman (2 lists) or log-linear models by AIC (3+)."""
    from ..analysis.estimate import estimate_population as run

    with open_ledger(ctx) as ledger:
        data = run(ledger, lists, as_of=as_of, level=level).to_dict()
    emit(
        data, fmt, table=_estimate_table, rows=lambda d: [{"history": h, "items": n} for h, n in d["histories"].items()]
    )


# --- compare -------------------------------------------------------------------------------------


@app.command()
def compare(
    ctx: typer.Context,
    db: str | None = DB,
    metric: str = typer.Argument(..., help="Taxonomy metric, e.g. tanks, afv, artillery."),
    sources: str = typer.Option(
        f"{CLAIMS},{CONFIRMED}", "--sources", help="Claim source first, then the confirming source(s)."
    ),
    start: str = typer.Option(None, "--from", help="First date (YYYY-MM-DD)."),
    end: str = typer.Option(None, "--to", help="Last date (YYYY-MM-DD)."),
    chart: str = typer.Option(None, "--chart", help="Also draw the totals and their ratio to this .png or .svg file."),
    fmt: Format = FORMAT,
) -> None:
    """Claims vs. confirmed: a metric from several sources on the confirming source's dates, with their ratio."""
    from ..analysis.compare import compare as run

    names = [s.strip() for s in sources.split(",") if s.strip()]
    with open_ledger(ctx) as ledger:
        frame = run(ledger, metric, names, start=start, end=end)
    if chart:
        from ..records.chart import ratio_chart

        err_console.print(f"wrote {ratio_chart(frame, metric, names, chart)}", markup=False, highlight=False)
    records = [{"date": _plain(d), **{k: _plain(v) for k, v in row.items()}} for d, row in frame.iterrows()]
    if fmt is Format.csv:
        sys.stdout.write(frame.to_csv(index_label="date", date_format="%Y-%m-%d"))
        return
    emit(records, fmt, table=lambda rs: _compare_table(f"{metric}: {' vs '.join(names)}", rs))


def _compare_table(title: str, records: list[dict[str, Any]]) -> Table:
    """The comparison in 80 columns: no column that is empty on every row (statuses a metric does
    not break down) or repeats the date; a status under its name alone (``destroyed``)."""
    cols = [
        c
        for c in (records[0] if records else {"date": None})
        if c == "date"
        or (
            any(r[c] is not None for r in records)
            and not (c.endswith("_date") and all(r[c] == r["date"] for r in records))
        )
    ]
    labels = [c.split(":", 1)[1] if ":" in c else c for c in cols]
    return _table(title, labels, [[r[c] for c in cols] for r in records])


def _plain(value: Any) -> Any:
    """pandas/numpy scalars and missing values as JSON-friendly Python values."""
    import pandas as pd

    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    if hasattr(value, "isoformat"):
        return value.isoformat()[:10]
    if hasattr(value, "item"):
        return value.item()
    return value
