"""Ledger commands: sync, show, latest, series, conflicts, sources, export, changes, status."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer
from rich import box
from rich.console import Group
from rich.table import Table

from .. import taxonomy
from ..registry import CLAIMS
from .application import DB, Format, app, emit, err_console, state

if TYPE_CHECKING:
    from ..ledger import Ledger
    from ..ledger.results import Change, Day

FORMAT = typer.Option(Format.table, "--format", "-f", help="Output format.")
AS_KNOWN_AT = typer.Option(
    None,
    "--as-known-at",
    help="Answer as the ledger stood at this ISO timestamp, or after sync N (sync:N), before later revisions.",
)
SOURCE = typer.Option(CLAIMS, "--source", help="Source slug (see `lossledger sources`).")


def open_ledger(ctx: typer.Context, *, writable: bool = False) -> Ledger:
    """The ledger of ``--db``; read-only unless the command writes (a ledger on read-only media
    can be queried; nothing is created or migrated by a command that only reads)."""
    # imported here, not at module level: `lossledger check` never loads SQLAlchemy (verify/view.py)
    from ..ledger import Ledger

    return Ledger.open(state(ctx).db, read_only=not writable)


def _num(value: Any) -> str:
    return "" if value is None else f"{value:,}".replace(",", " ")


@app.command()
def sync(
    ctx: typer.Context,
    db: str | None = DB,
    origin: str = typer.Option(
        None,
        "--from",
        help="Local folder or mirror URL with the layout of shared/data (default: the public upstreams).",
    ),
    only: list[str] = typer.Option(None, "--only", help="Import only these dataset folders."),
    force: bool = typer.Option(False, "--force", help="Re-parse datasets even when their files are unchanged."),
    watch: str = typer.Option(
        None, "--watch", help="Sync again every interval (6h, 30m, 1d) until interrupted; failed rounds are logged."
    ),
    fmt: Format = FORMAT,
) -> None:
    """Fetch and import every dataset lossledger knows (atomic: a failure changes nothing)."""
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    if watch is not None:
        _watch(ctx, origin, watch)
        return

    with (
        open_ledger(ctx, writable=True) as ledger,
        Progress(  # only on a terminal: elsewhere a transient bar leaves a blank line behind
            TextColumn("{task.description}"),
            BarColumn(),
            TimeElapsedColumn(),
            console=err_console,
            transient=True,
            disable=not err_console.is_terminal,
        ) as bar,
    ):
        task = bar.add_task("sync", total=None)

        def progress(step: str, done: int, total: int) -> None:
            bar.update(task, description=step, completed=done, total=total)

        result = ledger.sync(origin, only=only or None, force=force, progress=progress)
    for warning in result.warnings + [w for r in result.reports for w in r.warnings]:
        err_console.print(f"lossledger: warning: {warning}", markup=False, highlight=False)
    emit(result.to_dict(), fmt, table=_sync_table, rows=lambda d: d["datasets"])


def _watch(ctx: typer.Context, origin: str | None, every: str) -> None:
    """``sync --watch``: :class:`~lossledger.refresh.Refresher` in the foreground, one line a round."""
    import logging

    from ..config import resolve_db_url
    from ..refresh import Refresher, parse_interval

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s: %(message)s", stream=sys.stderr)
    refresher = Refresher(resolve_db_url(state(ctx).db), parse_interval(every), origin)
    try:
        refresher.run()
    except KeyboardInterrupt:
        refresher.stop()


def _sync_table(data: dict[str, Any]) -> Group:
    """The datasets' counts in 80 columns, then why rows were skipped (wrapped to the width)."""
    table = Table(
        title=f"sync {data['sync_id'] or ''} from {data['origin']}: {data['added']} added, {data['superseded']} revised",
        box=box.SIMPLE_HEAD,
        pad_edge=False,
        show_edge=False,
        collapse_padding=True,
    )
    columns = ("dataset", "status", "read", "added", "revised", "same", "skipped")
    for col in columns:
        table.add_column(col, justify="left" if col in ("dataset", "status") else "right", no_wrap=col == "dataset")
    reasons = Table.grid(padding=(0, 1))
    reasons.add_column(no_wrap=True)
    reasons.add_column()
    for d in data["datasets"]:
        numbers = (d["read"], d["added"], d["superseded"], d["unchanged"], sum(d["skipped"].values()))
        table.add_row(d["dataset"], d["status"], *(str(n) for n in numbers))
        if d["skipped"]:
            reasons.add_row(f"{d['dataset']}:", "; ".join(f"{n}× {why}" for why, n in d["skipped"].items()))
    return Group(table, "skipped rows:", reasons) if reasons.row_count else Group(table)


def _day_table(data: Day) -> Table:
    table = Table(title=f"{data.source} · {data.date} · day {data.day}")
    for col, just in (("metric", "left"), ("total", "right"), ("24h", "right"), ("note", "left")):
        table.add_column(col, justify=just)  # type: ignore[arg-type]
    for metric, fig in data.figures.items():
        notes = []
        if fig.qualifier != "exact":
            notes.append(fig.qualifier.replace("_", " "))
        if fig.resolved:
            vals = ", ".join(f"{v.compilation}={_num(v.value) or '—'}" for v in fig.resolved.values)
            notes.append(f"resolved by {fig.resolved.rule} ({vals})")
        if fig.correction:
            notes.append(f"correction {fig.correction:+d}")
        if fig.flags:
            notes.append(f"IMPLAUSIBLE {_flag_text([f.to_dict() for f in fig.flags])}")
        if fig.merged:
            notes.append(f"sum of lines merged on {taxonomy.metric(metric).since}")  # taxonomy.toml: vehicles
        inc = fig.increase
        table.add_row(taxonomy.label(metric), _num(fig.total), "" if inc is None else f"{inc:+d}", "; ".join(notes))
    return table


def _day_rows(data: Day) -> list[dict[str, Any]]:
    return [
        {
            "date": data.date,
            "metric": m,
            "total": f.total,
            "increase": f.increase,
            "qualifier": f.qualifier,
            "resolved": f.resolved.rule if f.resolved else "",
            "documents": " ".join(map(str, f.documents)),
        }
        for m, f in data.figures.items()
    ]


@app.command()
def show(
    ctx: typer.Context,
    db: str | None = DB,
    date: str = typer.Argument(..., help="Report date, YYYY-MM-DD."),
    source: str = SOURCE,
    as_known_at: str = AS_KNOWN_AT,
    fmt: Format = FORMAT,
) -> None:
    """What a source reported for one date, with increases and documents."""
    with open_ledger(ctx) as ledger:
        emit(ledger.show(date, source=source, as_known_at=as_known_at), fmt, table=_day_table, rows=_day_rows)


@app.command()
def latest(
    ctx: typer.Context, db: str | None = DB, source: str = SOURCE, as_known_at: str = AS_KNOWN_AT, fmt: Format = FORMAT
) -> None:
    """The newest report of a source."""
    with open_ledger(ctx) as ledger:
        emit(ledger.latest(source=source, as_known_at=as_known_at), fmt, table=_day_table, rows=_day_rows)


@app.command()
def series(
    ctx: typer.Context,
    db: str | None = DB,
    metric: str = typer.Argument(..., help="Taxonomy metric, e.g. tanks, personnel."),
    start: str = typer.Option(None, "--from", help="First date (YYYY-MM-DD)."),
    end: str = typer.Option(None, "--to", help="Last date (YYYY-MM-DD)."),
    daily: bool = typer.Option(
        False, "--daily", help="One row per calendar day; days the source skipped are marked missing."
    ),
    rolling: int = typer.Option(None, "--rolling", help="Add the N-day mean of daily increases."),
    monthly: bool = typer.Option(False, "--monthly", help="One row per month: last total, sum of increases."),
    source: str = SOURCE,
    category: str = typer.Option(
        None, "--category", help="A source's sub-series (e.g. probate_estimate, infantry_fighting_vehicles)."
    ),
    status: str = typer.Option("", "--status", help="Oryx status: destroyed, damaged, abandoned, captured."),
    as_known_at: str = AS_KNOWN_AT,
    fmt: Format = FORMAT,
) -> None:
    """A metric's series: totals, increases, corrections, gaps and resolved conflicts."""
    options: dict[str, Any] = dict(source=source, start=start, end=end, daily=daily, rolling=rolling, monthly=monthly,
                                   as_known_at=as_known_at, category=category, status=status)  # fmt: skip
    with open_ledger(ctx) as ledger:
        if fmt is Format.csv:  # the DataFrame's own CSV (its index is the date)
            sys.stdout.write(ledger.series(metric, **options).to_csv())
            return
        found = ledger.series_records(metric, **options)
    # the records alone: the command's arguments are the result's head
    emit(found.records, fmt, table=lambda recs: _series_table(recs, f"{source} · {taxonomy.label(metric)}"))


_FLAGS = {
    "increase_derived": "derived",
    "corrected": "CORRECTION",
    "merged": "merged",
    "resolved": "resolved",
    "missing": "MISSING",
}


def _series_table(records: list[dict[str, Any]], title: str) -> Table:
    table = Table(title=title)
    first = next(iter(records[0])) if records else "date"
    extra = [k for k in (records[0] if records else {}) if k.startswith("rolling_") or k in ("days",)]
    for col in (first, "total", "increase", *extra, "notes"):
        table.add_column(col, justify="left" if col in (first, "notes") else "right")
    for r in records:
        notes = [
            label
            for key, label in _FLAGS.items()
            if r.get(key) and not (key == "resolved" and isinstance(r[key], int | float) and r[key] == 0)
        ]
        if r.get("correction"):
            notes.append(f"correction {r['correction']:+d}")
        if r.get("rule") and r.get("resolved"):
            notes.append(f"rule {r['rule']}")
        table.add_row(
            str(r[first]),
            _num(r.get("total")),
            "" if r.get("increase") is None else f"{r['increase']:+d}",
            *[("" if r.get(c) is None else str(r[c])) for c in extra],
            ", ".join(notes),
        )
    return table


def _flag_text(flags: list[dict[str, Any]]) -> str:
    return "; ".join(f"{f['compilation']}={_num(f['value'])} {f['rule']}" for f in flags)


def _conflict_table(rows: list[dict[str, Any]]) -> Table:
    disagree, flagged = sum(r["rule"] != "agree" for r in rows), sum(bool(r.get("flags")) for r in rows)
    table = Table(title=f"{disagree} disagreements between compilations, {flagged} implausible totals")
    for col in ("date", "metric", "values", "resolved", "rule", "flagged"):
        table.add_column(col)
    for r in rows:
        vals = ", ".join(f"{v['compilation']}={_num(v['value']) or '—'} (doc {v['document']})" for v in r["values"])
        table.add_row(r["date"], r["metric"], vals, _num(r["resolved"]), r["rule"], _flag_text(r.get("flags", [])))
    return table


def _conflict_rows(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for r in rows:
        flat = {"date": r["date"], "metric": r["metric"], "resolved": r["resolved"], "rule": r["rule"],
                "flagged": _flag_text(r.get("flags", []))}  # fmt: skip
        for v in r["values"]:
            flat[v["compilation"]] = v["value"]
            flat[f"{v['compilation']}_document"] = v["document"]
        out.append(flat)
    return out


@app.command()
def conflicts(
    ctx: typer.Context,
    db: str | None = DB,
    metric: str = typer.Option(None, "--metric", help="Only this metric."),
    start: str = typer.Option(None, "--from"),
    end: str = typer.Option(None, "--to"),
    source: str = SOURCE,
    as_known_at: str = AS_KNOWN_AT,
    fmt: Format = FORMAT,
) -> None:
    """Every (date, metric) where transcriptions disagree, with values, documents and the resolution."""
    with open_ledger(ctx) as ledger:
        rows = ledger.conflicts(source=source, metric=metric, start=start, end=end, as_known_at=as_known_at)
    emit([r.to_dict() for r in rows], fmt, table=_conflict_table, rows=_conflict_rows)


@app.command()
def sources(ctx: typer.Context, db: str | None = DB, fmt: Format = FORMAT) -> None:
    """Sources (who reports) and their compilations (who transcribed), with counts and date ranges."""
    with open_ledger(ctx) as ledger:
        data = [s.to_dict() for s in ledger.sources()]

    def table(rows: list[dict[str, Any]]) -> Table:
        t = Table(title="sources and compilations")
        for col in ("source", "kind", "compilation", "observations", "first", "last"):
            t.add_column(col)
        for s in rows:
            for c in s["compilations"] or [{"slug": "", "observations": 0, "first": "", "last": ""}]:
                t.add_row(s["slug"], s["kind"], c["slug"], str(c["observations"]), c["first"], c["last"])
        return t

    emit(
        data,
        fmt,
        table=table,
        rows=lambda rows: [
            {"source": s["slug"], "kind": s["kind"], **{f"compilation_{k}": v for k, v in c.items()}}
            for s in rows
            for c in s["compilations"]
        ],
    )


@app.command()
def export(
    ctx: typer.Context,
    db: str | None = DB,
    fmt: str = typer.Option("csv", "--format", "-f", help="csv, json or parquet."),
    out: Path = typer.Option(None, "--out", "-o", help="Output file (default: standard output; parquet needs --out)."),
    history: bool = typer.Option(False, "--history", help="Include superseded values."),
) -> None:
    """Every observation with its source, compilation and document."""
    from ..errors import InputError

    target = None if out is None or str(out) == "-" else out  # "-": standard output
    if fmt == "parquet" and target is None:
        raise InputError(
            "parquet is binary and is not written to standard output: give --out FILE.parquet", code="input.format"
        )
    with open_ledger(ctx) as ledger:
        data = ledger.export(fmt, target, history=history)
    if target is None:
        sys.stdout.write(data if isinstance(data, str) else data.decode())
    else:
        err_console.print(f"wrote {fmt} to {target} ({target.stat().st_size:,} bytes)", markup=False, highlight=False)


@app.command()
def changes(
    ctx: typer.Context,
    db: str | None = DB,
    since: str = typer.Option(None, "--since", help="Only revisions at or after this ISO timestamp."),
    limit: int = typer.Option(None, "--limit"),
    fmt: Format = FORMAT,
) -> None:
    """Revisions: values a later sync replaced (from what, to what, by which document)."""
    with open_ledger(ctx) as ledger:
        rows = ledger.changes(since, limit=limit)

    def table(rs: list[Change]) -> Table:
        t = Table(title=f"{len(rs)} revisions")
        for col in ("changed_at", "source", "compilation", "date", "metric", "kind", "old", "new", "document"):
            t.add_column(col)
        for r in rs:
            t.add_row(
                r.changed_at, r.source, r.compilation, r.date, r.metric, r.kind, _num(r.old), _num(r.new),
                r.new_document_uri,
            )  # fmt: skip
        return t

    emit(rows, fmt, table=table, rows=lambda rs: [r.to_dict() for r in rs])


@app.command()
def status(
    ctx: typer.Context,
    db: str | None = DB,
    max_age: float = typer.Option(36.0, "--max-age", help="Hours after which a daily source is stale."),
    fmt: Format = FORMAT,
) -> None:
    """Per source: newest report date, when it was fetched; warns about stale sources."""
    with open_ledger(ctx) as ledger:
        statuses = ledger.status(max_age_hours=max_age)
    for r in statuses:
        if r.stale:
            err_console.print(
                f"lossledger: warning: {r.source} is stale: newest report {r.newest_report} is "
                f"{r.age_hours:.0f} h old: {r.stale_reason}",
                markup=False,
                highlight=False,
            )

    def table(rs: list[dict[str, Any]]) -> Table:
        t = Table(title="freshness")
        for col in ("source", "newest report", "age (h)", "fetched at", "stale"):
            t.add_column(col)
        for r in rs:
            t.add_row(
                r["source"],
                r["newest_report"],
                f"{r['age_hours']:.0f}",
                r["fetched_at"] or "",
                "STALE" if r["stale"] else "ok",
            )
        return t

    emit([r.to_dict() for r in statuses], fmt, table=table)
