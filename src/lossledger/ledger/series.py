"""A source's figures per metric and date, reconciled across compilations.

:func:`load_points` is the one path from observation rows to the numbers every output shows
(``show``, ``series``, the API, the dashboard, ``check``): it reads the rows current at a moment
(``as_known_at``), sums an evidence source's sub-categories, resolves compilations' disagreements
(analysis/reconcile.py), bridges the 2022-05-01 merge (vehicles = military auto + fuel tanks
before it) and derives increases the source did not state: ``increase(D) = total(D) −
total(D−1) − correction(D)``, only when D−1 was reported (no increase across a skipped day).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, and_, or_, select

from .. import taxonomy
from ..analysis.reconcile import WINDOW, Candidate, Cell, resolve_cells
from ..store.models import Compilation, Observation, Source

__all__ = ["DEFAULT_CATEGORY", "DEFAULT_SIDE", "Point", "known_at_filter", "load_points"]

#: The sub-series a source's metric means by default; sources not listed sum all categories
#: (Oryx: a metric is the sum of the equipment types mapped to it).
DEFAULT_CATEGORY = {"mediazona": "named_deaths", "russian-mod": "killed", "ukraine-own": "killed", "general-staff": ""}
#: Whose losses a source's series counts by default.
DEFAULT_SIDE = {"ukraine-own": "ukraine"}

ONE_DAY = dt.timedelta(days=1)


@dataclass
class Point:
    """One date of one metric of a source's series."""

    date: dt.date
    total: int | None = None
    increase: int | None = None
    increase_derived: bool = False
    correction: int | None = None
    qualifier: str = "exact"
    rule: str = "agree"
    candidates: list[Candidate] = field(default_factory=list)  # of the total
    others: list[Candidate] = field(default_factory=list)  # of the increase and correction
    merged: bool = False
    period_days: int | None = None

    @property
    def resolved(self) -> bool:
        return self.rule != "agree"

    @property
    def document_ids(self) -> list[int]:
        return sorted({c.document_id for c in (*self.candidates, *self.others)})


def known_at_filter(as_known_at: dt.datetime | None) -> Any:
    """Rows current now, or current at ``as_known_at`` (recorded before it, not yet superseded)."""
    o = Observation
    if as_known_at is None:
        return o.superseded_at.is_(None)
    return and_(o.recorded_at <= as_known_at, or_(o.superseded_at.is_(None), o.superseded_at > as_known_at))


def _with_parts(metrics: list[str]) -> list[str]:
    out = list(metrics)
    for name in metrics:
        out.extend(p for p in taxonomy.metric(name).merged_from if p not in out)
    return out


def load_points(
    conn: Connection,
    *,
    source: str = "general-staff",
    metrics: list[str] | None = None,
    start: dt.date | None = None,
    end: dt.date | None = None,
    as_known_at: dt.datetime | None = None,
    side: str | None = None,
    category: str | None = None,
    status: str = "",
) -> dict[str, dict[dt.date, Point]]:
    """Points by metric and date for ``source`` within [start, end] (inclusive)."""
    side = side or DEFAULT_SIDE.get(source, "russia")
    if category is None:
        category = DEFAULT_CATEGORY.get(source)
    wanted = _with_parts(metrics) if metrics else None
    rows, reported = _query(conn, source, wanted, start, end, as_known_at, side, category, status)
    cells = resolve_cells(rows, reported)
    points = _assemble(cells)
    _bridge_merges(points)
    _derive_increases(points)
    keep = set(metrics) if metrics else None
    out: dict[str, dict[dt.date, Point]] = {}
    for metric, by_date in points.items():
        if keep is not None and metric not in keep:
            continue
        selected = {d: p for d, p in by_date.items() if (start is None or d >= start) and (end is None or d <= end)}
        if selected:
            out[metric] = dict(sorted(selected.items()))
    return out


def _query(
    conn: Connection,
    source: str,
    metrics: list[str] | None,
    start: dt.date | None,
    end: dt.date | None,
    as_known_at: dt.datetime | None,
    side: str,
    category: str | None,
    status: str,
) -> tuple[list[tuple[str, str, dt.date, Candidate]], dict[str, dict[dt.date, int]]]:
    o, c, s = Observation, Compilation, Source
    query = (
        select(o.metric, o.kind, o.report_date, o.value, o.qualifier, o.document_id, o.id, c.slug, o.period_days)
        .join(c, c.id == o.compilation_id)
        .join(s, s.id == o.source_id)
        .where(s.slug == source, o.side == side, o.status == status, known_at_filter(as_known_at))
    )
    if category is not None:
        query = query.where(o.category == category)
    if metrics:
        query = query.where(o.metric.in_(metrics))
    # one day before (for derived increases) and the reconciliation window on both sides
    if start is not None:
        query = query.where(o.report_date >= start - ONE_DAY - WINDOW)
    if end is not None:
        query = query.where(o.report_date <= end + WINDOW)
    summed: dict[tuple[str, str, str, dt.date], list[Any]] = {}
    reported: dict[str, dict[dt.date, int]] = defaultdict(dict)
    for metric, kind, date, value, qualifier, doc_id, obs_id, comp, period in conn.execute(query).all():
        reported[comp].setdefault(date, doc_id)
        key = (comp, metric, kind, date)
        acc = summed.get(key)
        if acc is None:
            summed[key] = [value, qualifier, doc_id, obs_id, period]
        else:  # several categories of one metric (Oryx): their sum
            acc[0] += value
            if qualifier != "exact":
                acc[1] = qualifier
    rows = [
        (metric, kind, date, Candidate(comp, v[0], v[1], v[2], v[3]))
        for (comp, metric, kind, date), v in summed.items()
    ]
    return rows, reported


def _assemble(cells: dict[tuple[str, str, dt.date], Cell]) -> dict[str, dict[dt.date, Point]]:
    points: dict[str, dict[dt.date, Point]] = defaultdict(dict)
    for (metric, kind, date), cell in cells.items():
        point = points[metric].setdefault(date, Point(date))
        if kind == "total":
            point.total, point.qualifier, point.rule = cell.value, cell.qualifier, cell.rule
            point.candidates.extend(cell.candidates)
            continue
        if kind == "increase":
            point.increase = cell.value
        else:
            point.correction = cell.value
        point.others.extend(cell.candidates)
    return points


def _bridge_merges(points: dict[str, dict[dt.date, Point]]) -> None:
    """Before a merge, the merged line's total is the sum of its parts (continuous series)."""
    for metric, by_date in list(points.items()):
        parts = taxonomy.metric(metric).merged_from if metric in taxonomy.metrics() else ()
        if not parts or not all(p in points for p in parts):
            continue
        for date in set.intersection(*(set(points[p]) for p in parts)):
            if date in by_date and by_date[date].total is not None:
                continue
            pieces = [points[p][date] for p in parts]
            if any(x.total is None for x in pieces):
                continue
            merged = Point(date, total=sum(x.total or 0 for x in pieces), merged=True)
            merged.others = [c for x in pieces for c in (*x.candidates, *x.others)]
            by_date[date] = merged


def _derive_increases(points: dict[str, dict[dt.date, Point]]) -> None:
    for by_date in points.values():
        for date, point in by_date.items():
            if point.increase is not None or point.total is None:
                continue
            prev = by_date.get(date - ONE_DAY)
            if prev is None or prev.total is None:
                continue
            point.increase = point.total - prev.total - (point.correction or 0)
            point.increase_derived = True
