"""The precomputed daily series: every source's default series, one JSON row per report date.

A series request used to reconcile its whole date range on every call (~0.1–0.3 s for a year);
the reconciled points change only when a sync adds observations, so the sync that adds them also
rebuilds this table, in its own transaction (:func:`rebuild_series`).  A plain series request
(default side, category and status, no ``as_known_at``, no daily/rolling/monthly view) is then
a bisect and a slice of the series' encoded rows, read from the table once per ledger version
(:func:`load_series`) — the rows are the ones ``Ledger.series`` gives (tests compare them).  ``derived_state`` says which sync the table was built at; it is current
while no later sync has added observations (:func:`series_current`).
"""

from __future__ import annotations

import bisect
import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, delete, func, insert, select

from ..model import utcnow
from ..store.bulk import insert_rows
from ..store.models import DerivedState, Observation, SeriesPoint, Source
from .series import Point, load_points

__all__ = [
    "SERIES_STATE",
    "SeriesRows",
    "load_series",
    "point_record",
    "precomputed_sources",
    "rebuild_series",
    "series_current",
]

SERIES_STATE = "series_point"


def point_record(point: Point, corrected: bool) -> dict[str, Any]:
    """One row of a plain series, as :func:`~lossledger.ledger.frames.frame_records` gives it."""
    return {"date": point.date.isoformat(), "total": point.total, "increase": point.increase,
            "correction": point.correction or 0, "qualifier": point.qualifier, "increase_derived": point.increase_derived,
            "corrected": corrected, "merged": point.merged, "resolved": point.resolved, "rule": point.rule,
            "missing": False, "documents": ",".join(str(i) for i in point.document_ids)}  # fmt: skip


#: One encoder for every row: ``json.dumps`` with options builds a new encoder per call, a third
#: of the cost of encoding the ~28,000 rows of a full rebuild.
_dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


COLUMNS = ("source_id", "metric", "report_date", "record", "lead")


def _rows(source_id: int, metric: str, points: dict[dt.date, Point]) -> list[tuple[Any, ...]]:
    rows = []
    previous: int | None = None
    for date, point in sorted(points.items()):
        alone = bool(point.correction)  # the first row of a range has no day before to compare with
        corrected = alone or (previous is not None and point.total is not None and point.total < previous)
        record = _dumps(point_record(point, corrected))
        lead = _dumps(point_record(point, alone)) if corrected != alone else None
        rows.append((source_id, metric, date, record, lead))
        if point.total is not None:
            previous = point.total
    return rows


def rebuild_series(conn: Connection, sync_id: int) -> int:
    """Replace the table's rows with every source's current default series; returns the row count."""
    conn.execute(delete(SeriesPoint))
    total = 0
    pairs = conn.execute(
        select(Source.id, Source.slug, Observation.metric).distinct().join(Source, Source.id == Observation.source_id)
    )
    for source_id, slug, metric in pairs.all():
        # One metric at a time, exactly as Ledger.series loads it: reconciliation's coverage rule
        # looks at the rows loaded with the metric, so loading all metrics at once could differ.
        points = load_points(conn, source=slug, metrics=[metric]).get(metric, {})
        rows = _rows(source_id, metric, points)
        insert_rows(conn, SeriesPoint.__table__, COLUMNS, rows)  # type: ignore[arg-type]
        total += len(rows)
    conn.execute(delete(DerivedState).where(DerivedState.name == SERIES_STATE))
    conn.execute(insert(DerivedState).values(name=SERIES_STATE, sync_id=sync_id, built_at=utcnow()))
    return total


def series_current(conn: Connection) -> bool:
    """Whether the table reflects every observation: built at or after the last sync that added any."""
    built = conn.execute(select(DerivedState.sync_id).where(DerivedState.name == SERIES_STATE)).scalar()
    newest = conn.execute(select(func.max(Observation.sync_id))).scalar()
    return newest is None or (built is not None and built >= newest)


def precomputed_sources(conn: Connection) -> dict[str, int]:
    """Source ids by slug when the precomputed series are current, else nothing (read the slow path)."""
    if not series_current(conn):
        return {}
    return {slug: source_id for source_id, slug in conn.execute(select(Source.id, Source.slug))}


@dataclass(frozen=True)
class SeriesRows:
    """One series' precomputed rows, encoded, oldest first: any date range is a bisect and a slice."""

    dates: list[str]
    rows: list[bytes]
    leads: dict[int, bytes]

    def between(self, start: dt.date | None, end: dt.date | None) -> list[bytes]:
        """The encoded rows within [start, end] (inclusive), the first as the first of a range."""
        lo = bisect.bisect_left(self.dates, start.isoformat()) if start else 0
        hi = bisect.bisect_right(self.dates, end.isoformat()) if end else len(self.dates)
        out = self.rows[lo:hi]
        if out and lo in self.leads:
            out[0] = self.leads[lo]
        return out


def load_series(conn: Connection, source_id: int, metric: str) -> SeriesRows:
    """All precomputed rows of one series (one indexed range query of the primary key)."""
    p = SeriesPoint
    query = select(p.report_date, p.record, p.lead).where(p.source_id == source_id, p.metric == metric)
    rows = conn.execute(query.order_by(p.report_date)).all()
    return SeriesRows(
        [d.isoformat() for d, _r, _l in rows],
        [r.encode() for _d, r, _l in rows],
        {i: lead.encode() for i, (_d, _r, lead) in enumerate(rows) if lead is not None},
    )
