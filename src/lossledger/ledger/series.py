"""Reading a source's figures from the store: the query half of :func:`load_points`.

:func:`load_points` is the one path from observation rows to the numbers every output shows
(``show``, ``series``, the API, the dashboard): it reads the rows current at a moment
(``as_known_at``) and hands them to :func:`~lossledger.ledger.points.build_points`, which
reconciles them (the same pure function ``check`` uses on its in-memory view).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Connection, and_, or_, select

from ..registry import CLAIMS
from ..store.models import Compilation, Observation, Source
from .points import DEFAULT_CATEGORY, DEFAULT_SIDE, Point, RawRow, build_points, read_window, with_parts

__all__ = ["DEFAULT_CATEGORY", "DEFAULT_SIDE", "Point", "known_at_filter", "load_points"]


def known_at_filter(as_known_at: dt.datetime | None) -> Any:
    """Rows current now, or current at ``as_known_at`` (recorded before it, not yet superseded)."""
    o = Observation
    if as_known_at is None:
        return o.superseded_at.is_(None)
    return and_(o.recorded_at <= as_known_at, or_(o.superseded_at.is_(None), o.superseded_at > as_known_at))


def load_points(
    conn: Connection,
    *,
    source: str = CLAIMS,
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
    wanted = with_parts(metrics) if metrics else None
    rows = _query(conn, source, wanted, start, end, as_known_at, side, category, status)
    return build_points(rows, metrics=metrics, start=start, end=end, source=source)


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
) -> list[RawRow]:
    o, c, s = Observation, Compilation, Source
    query = (
        select(
            o.metric,
            o.kind,
            o.report_date,
            o.value,
            o.qualifier,
            o.document_id,
            o.id,
            c.slug,
            o.period_days,
            o.category,
        )
        .join(c, c.id == o.compilation_id)
        .join(s, s.id == o.source_id)
        .where(s.slug == source, o.side == side, o.status == status, known_at_filter(as_known_at))
    )
    if category is not None:
        query = query.where(o.category == category)
    if metrics:
        query = query.where(o.metric.in_(metrics))
    lo, hi = read_window(start, end)
    if lo is not None:
        query = query.where(o.report_date >= lo)
    if hi is not None:
        query = query.where(o.report_date <= hi)
    return [RawRow._make(row) for row in conn.execute(query).all()]
