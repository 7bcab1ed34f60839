"""Flagging implausible totals at sync: which values of a batch break a plausibility rule, and
which of those this sync wrote (the others were warned about when they were first written).

The rules are those of :mod:`lossledger.ledger.plausibility`, applied to a batch grouped as the
queries group a source's rows (:data:`~lossledger.ledger.points.DEFAULT_CATEGORY`: one series per
sub-category where a source has them, Oryx's equipment types summed per metric), so a value
flagged here is the value ``show``, ``conflicts`` and ``check`` flag.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from typing import Any, NamedTuple

from sqlalchemy import Connection, select

from ..model import Batch
from ..registry import EXEMPT
from ..store.models import Compilation, Observation, Source
from .plausibility import Flag
from .points import DEFAULT_CATEGORY, RawRow, flag_rows

__all__ = ["flag_batch", "report_new_flags"]

#: A dataset with more flagged values than this is summed up in one warning.
LISTED = 3


class Group(NamedTuple):
    """A series as the queries read it (``category`` None: a source's sub-categories summed)."""

    source: str
    side: str
    status: str
    category: str | None


class Cell(NamedTuple):
    """A flagged value: its series, metric and date."""

    group: Group
    metric: str
    date: dt.date


def _group(source: str, side: str, status: str, category: str) -> Group:
    return Group(source, side, status, category if source in DEFAULT_CATEGORY else None)


def _recorded_corrections(conn: Connection, sources: list[str]) -> dict[Group, list[RawRow]]:
    """The corrections the ledger holds for ``sources``, of any compilation, by series: PetroIvaniuk's
    corrections file explains the falls of orc-losses' transcription of the same statements."""
    o = Observation
    query = (
        select(o.metric, o.report_date, o.value, Compilation.slug, Source.slug, o.side, o.status, o.category)
        .join(Source, Source.id == o.source_id)
        .join(Compilation, Compilation.id == o.compilation_id)
        .where(o.kind == "correction", o.superseded_at.is_(None), Source.slug.in_(sources))
    )
    out: dict[Group, list[RawRow]] = defaultdict(list)
    for metric, date, value, comp, source, side, status, category in conn.execute(query):
        out[_group(source, side, status, category)].append(
            RawRow(
                metric=metric,
                kind="correction",
                report_date=date,
                value=value,
                qualifier="exact",
                document_id=0,
                observation_id=0,
                compilation=comp,
                period_days=None,
                category=category,
            )
        )
    return out


def flag_batch(conn: Connection, batch: Batch) -> dict[Cell, list[Flag]]:
    """The implausible totals of ``batch``, given the corrections the ledger already records."""
    comp = batch.importer.compilation.slug
    groups: dict[Group, list[RawRow]] = defaultdict(list)
    for ob in batch.observations:  # a full sync's 67k figures: the cheap tests first
        if ob.kind == "increase" or ob.source in EXEMPT:
            continue
        groups[_group(ob.source, ob.side, ob.status, ob.category)].append(
            RawRow(
                metric=ob.metric,
                kind=ob.kind,
                report_date=ob.report_date,
                value=ob.value,
                qualifier=ob.qualifier,
                document_id=0,
                observation_id=0,
                compilation=comp,
                period_days=None,
                category=ob.category,
            )
        )
    if not groups:
        return {}
    recorded = _recorded_corrections(conn, sorted({g.source for g in groups}))
    return {
        Cell(group, metric, date): flags
        for group, rows in groups.items()
        for (metric, date), flags in flag_rows(rows + recorded.get(group, []), group.source).items()
    }


def _written_now(conn: Connection, comp: str, cell: Cell, sync_id: int) -> bool:
    (source, side, status, category), metric, date = cell
    o = Observation
    query = (
        select(o.id)
        .join(Source, Source.id == o.source_id)
        .join(Compilation, Compilation.id == o.compilation_id)
        .where(
            Compilation.slug == comp,
            Source.slug == source,
            o.side == side,
            o.status == status,
            o.metric == metric,
            o.kind == "total",
            o.report_date == date,
            o.superseded_at.is_(None),
            o.sync_id == sync_id,
        )  # fmt: skip
        .limit(1)
    )
    if category is not None:
        query = query.where(o.category == category)
    return conn.execute(query).first() is not None


def report_new_flags(conn: Connection, batch: Batch, flags: dict[Cell, list[Flag]], sync_id: int) -> None:
    """Record in the batch's report, and warn about, the flagged values this sync wrote."""
    comp = batch.importer.compilation.slug
    new = {
        cell: fl
        for cell, fl in sorted(flags.items(), key=lambda item: item[0].date)
        if _written_now(conn, comp, cell, sync_id)
    }
    report = batch.report
    for ((source, _side, _status, category), metric, date), fl in new.items():
        for flag in fl:
            entry: dict[str, Any] = {"source": source, "metric": metric, "date": date.isoformat(), **flag.to_dict()}
            if category:
                entry["category"] = category
            report.flags.append(entry)
    lines = [_line(cell, fl) for cell, fl in new.items()]
    if len(lines) > LISTED:
        rules = Counter(f.rule for fl in new.values() for f in fl)
        counted = ", ".join(f"{rule} ×{n}" for rule, n in rules.most_common())
        lines = [
            f"{len(lines)} implausible totals flagged ({counted}), e.g. {lines[0]}; `lossledger conflicts` lists them"
        ]
    for line in lines:
        report.warn(f"{batch.importer.name}: {line}")


def _line(cell: Cell, flags: list[Flag]) -> str:
    (_source, _side, _status, category), metric, date = cell
    name = f"{metric}/{category}" if category else metric
    return f"{name} {date}: {flags[0].detail} ({', '.join(dict.fromkeys(f.rule for f in flags))})"
