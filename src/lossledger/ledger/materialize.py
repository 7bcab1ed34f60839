"""Rebuilding ``series_point``, the materialized reconciled series of every source.

Run inside the sync's transaction whenever a sync changed the ledger, so the table always equals
what :func:`~lossledger.ledger.series.load_points` computes from the current observations (a test
checks the two agree).  Each source's default side and category are materialized, per status
(Oryx) and in all.
"""

from __future__ import annotations

from sqlalchemy import Connection, delete, insert, select

from ..store.models import Observation, SeriesPoint, Source
from .series import DEFAULT_SIDE, load_points

__all__ = ["refresh_series"]


def refresh_series(conn: Connection) -> int:
    """Recompute ``series_point`` from the current observations; returns the number of rows."""
    conn.execute(delete(SeriesPoint))
    statuses = conn.execute(
        select(Source.slug, Observation.status).distinct().join(Source, Source.id == Observation.source_id).where(Observation.superseded_at.is_(None))
    ).all()
    rows = []
    for source, status in sorted(statuses):
        side = DEFAULT_SIDE.get(source, "russia")
        for metric, points in load_points(conn, source=source, status=status).items():
            for date, p in points.items():
                rows.append({
                    "source": source, "side": side, "metric": metric, "status": status, "report_date": date,
                    "total": p.total, "increase": p.increase, "increase_derived": p.increase_derived,
                    "qualifier": p.qualifier, "rule": p.rule, "period_days": p.period_days,
                })  # fmt: skip
    if rows:
        conn.execute(insert(SeriesPoint), rows)
    return len(rows)
