"""Bulk inserts through the database driver's own ``executemany``.

SQLAlchemy's ``conn.execute(insert(table), rows)`` builds and type-processes a parameter dict per
row; for the 50–100k rows of a full sync that costs about as much as the insert itself (measured
with benchmarks/ingest.py: ~0.7 s of a 2.7 s sync).  This module hands plain tuples to the
DB-API cursor instead, in the dialect's parameter style, converting dates the way SQLAlchemy's
SQLite types store them (ISO text), so rows read back identically through the ORM models.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, Date, DateTime, Table

__all__ = ["insert_rows"]

_MARKERS = {"qmark": "?", "format": "%s", "pyformat": "%s", "numeric": ":{n}", "named": ":{name}"}


def _sqlite_text(value: Any) -> Any:
    if isinstance(value, dt.datetime):  # SQLAlchemy's SQLite DATETIME storage format
        return value.strftime("%Y-%m-%d %H:%M:%S.%f")
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _sqlite_rows(table: Table, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> list[tuple[Any, ...]]:
    """Rows with their date/datetime cells as SQLAlchemy's SQLite types store them."""
    positions = [i for i, c in enumerate(columns) if isinstance(table.c[c].type, Date | DateTime)]
    if not positions:
        return [tuple(r) for r in rows]
    memo: dict[Any, Any] = {}
    out = []
    for row in rows:
        cells = list(row)
        for i in positions:
            value = cells[i]
            text = memo.get(value)
            if text is None and value is not None:
                text = memo[value] = _sqlite_text(value)
            cells[i] = text
        out.append(tuple(cells))
    return out


def insert_rows(conn: Connection, table: Table, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    """Insert ``rows`` (tuples in ``columns`` order) into ``table`` inside the caller's transaction."""
    if not rows:
        return
    style = conn.dialect.paramstyle
    marker = _MARKERS.get(style, "%s")
    marks = ", ".join(marker.format(n=i + 1, name=c) for i, c in enumerate(columns))
    sql = f"INSERT INTO {table.name} ({', '.join(columns)}) VALUES ({marks})"
    if conn.dialect.name == "sqlite":
        rows = _sqlite_rows(table, columns, rows)
    if style == "named":
        rows = [dict(zip(columns, row, strict=True)) for row in rows]  # type: ignore[misc]
    cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.executemany(sql, rows)
    finally:
        cursor.close()
