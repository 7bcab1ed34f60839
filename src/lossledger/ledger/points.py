"""Reconciled points from raw observation rows — pure Python, no database.

:func:`build_points` sums an evidence source's sub-categories, resolves compilations'
disagreements (ledger/reconcile.py), bridges the 2022-05-01 merge (vehicles = military auto +
fuel tanks before it) and derives increases the source did not state: ``increase(D) = total(D) −
total(D−1) − correction(D)``, only when D−1 was reported (no increase across a skipped day).
``ledger/series.py`` feeds it rows from the store; ``verify`` from its in-memory view.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from .. import taxonomy
from ..registry import DEFAULT_CATEGORY, DEFAULT_SIDE
from .plausibility import Flag, flag_totals
from .reconcile import Candidate, Cell, resolve_cells

# DEFAULT_CATEGORY and DEFAULT_SIDE are sources.toml's (lossledger.registry), named here for verify/view.py
__all__ = ["DEFAULT_CATEGORY", "DEFAULT_SIDE", "ONE_DAY", "Point", "RawRow", "build_points", "flag_rows", "with_parts"]

ONE_DAY = dt.timedelta(days=1)


#: (metric, kind, report_date, value, qualifier, document_id, observation_id, compilation, period_days, category)
RawRow = tuple[str, str, dt.date, int, str, int, int, str, Any, str]


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
    #: implausible values among the candidates (ledger/plausibility.py)
    flags: list[Flag] = field(default_factory=list)

    @property
    def resolved(self) -> bool:
        return self.rule != "agree"

    @property
    def document_ids(self) -> list[int]:
        return sorted({c.document_id for c in (*self.candidates, *self.others)})


def with_parts(metrics: list[str]) -> list[str]:
    """``metrics`` plus the lines merged into them (vehicles → military_auto, fuel_tanks)."""
    out = list(metrics)
    for name in metrics:
        out.extend(p for p in taxonomy.metric(name).merged_from if p not in out)
    return out


def build_points(
    rows: list[RawRow],
    *,
    metrics: list[str] | None = None,
    start: dt.date | None = None,
    end: dt.date | None = None,
    source: str | None = None,
) -> dict[str, dict[dt.date, Point]]:
    """Points by metric and date within [start, end] from one source's raw rows (``source``
    names it, for the plausibility rules that depend on it)."""
    summed = _sum_categories(rows)
    reported: dict[str, dict[dt.date, int]] = defaultdict(dict)
    for _metric, _kind, date, _value, _qualifier, doc_id, _obs_id, comp, _period, _category in rows:
        reported[comp].setdefault(date, doc_id)
    candidates = [
        (metric, kind, date, Candidate(comp, v[0], v[1], v[2], v[3]))
        for (comp, metric, kind, date), v in summed.items()
    ]
    periods = {(metric, date): v[4] for (_c, metric, kind, date), v in summed.items() if kind == "increase" and v[4]}
    points = _assemble(resolve_cells(candidates, reported), periods)
    _flag(points, summed, source)
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


def _sum_categories(rows: list[RawRow]) -> dict[tuple[str, str, str, dt.date], list[Any]]:
    """One value per (compilation, metric, kind, date): a metric several sub-categories add up to
    (Oryx: afv = IFVs + APCs + MRAPs + …) is their sum.  Oryx's daily counts are a change log —
    a category has a row only on days it changed — so each category's last value carries forward,
    and a date is summed only once every category of the metric has a value."""
    groups: dict[tuple[str, str, str], dict[str, list[RawRow]]] = defaultdict(lambda: defaultdict(list))
    for row in rows:
        groups[(row[7], row[0], row[1])][row[9]].append(row)
    summed: dict[tuple[str, str, str, dt.date], list[Any]] = {}
    for (comp, metric, kind), by_category in groups.items():
        if len(by_category) == 1:
            for r in next(iter(by_category.values())):
                summed[(comp, metric, kind, r[2])] = [r[3], r[4], r[5], r[6], r[8]]
            continue
        last: dict[str, RawRow] = {}
        events = sorted(
            ((r[2], category, r) for category, rs in by_category.items() for r in rs), key=lambda e: (e[0], e[1])
        )
        for i, (date, category, row) in enumerate(events):
            last[category] = row
            if (i + 1 < len(events) and events[i + 1][0] == date) or len(last) < len(by_category):
                continue  # more changes that day, or a category not seen yet
            qualifiers = [r[4] for r in last.values() if r[4] != "exact"]
            summed[(comp, metric, kind, date)] = [
                sum(r[3] for r in last.values()),
                qualifiers[0] if qualifiers else "exact",
                row[5],
                row[6],
                None,
            ]
    return summed


def _assemble(
    cells: dict[tuple[str, str, dt.date], Cell], periods: dict[tuple[str, dt.date], int]
) -> dict[str, dict[dt.date, Point]]:
    points: dict[str, dict[dt.date, Point]] = defaultdict(dict)
    for (metric, kind, date), cell in cells.items():
        point = points[metric].setdefault(date, Point(date))
        if kind == "total":
            point.total, point.qualifier, point.rule = cell.value, cell.qualifier, cell.rule
            point.candidates.extend(cell.candidates)
            continue
        if kind == "increase":
            point.increase = cell.value
            point.period_days = periods.get((metric, date))
        else:
            point.correction = cell.value
        point.others.extend(cell.candidates)
    return points


def flag_rows(rows: list[RawRow], source: str | None = None) -> dict[tuple[str, dt.date], list[Flag]]:
    """The implausible totals among one source's raw rows, by (metric, date), as
    :func:`build_points` attaches them to its points (``sync`` checks a batch with it)."""
    return _flags(_sum_categories(rows), source)


def _flags(
    summed: dict[tuple[str, str, str, dt.date], list[Any]], source: str | None
) -> dict[tuple[str, dt.date], list[Flag]]:
    totals = [(comp, metric, date, v[0]) for (comp, metric, kind, date), v in summed.items() if kind == "total"]
    corrections = {(metric, date): v[0] for (_c, metric, kind, date), v in summed.items() if kind == "correction"}
    return flag_totals(totals, corrections, source=source)


def _flag(
    points: dict[str, dict[dt.date, Point]], summed: dict[tuple[str, str, str, dt.date], list[Any]], source: str | None
) -> None:
    """Attach to each point the implausible values among its compilations' totals."""
    for (metric, date), flags in _flags(summed, source).items():
        point = points.get(metric, {}).get(date)
        if point is not None:
            point.flags = flags


def _bridge_merges(points: dict[str, dict[dt.date, Point]]) -> None:
    """Before a merge, the merged line's total is the sum of its parts (continuous series), also
    in a window that holds only dates before the merge (the merged line then has no point yet)."""
    for metric, found in taxonomy.metrics().items():
        parts = found.merged_from
        if not parts or not all(p in points for p in parts):
            continue
        by_date = points.setdefault(metric, {})
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
