"""Bulk inserts through the database driver, inside the caller's transaction.

SQLAlchemy's ``conn.execute(insert(table), rows)`` builds and type-processes a parameter dict per
row; for the ~190k rows of a full sync that costs about as much as the insert itself (measured
with benchmarks/ingest.py: ~0.7 s of a 2.7 s sync).  This module hands plain tuples to the driver:

* PostgreSQL: ``COPY … FROM STDIN`` (psycopg ``copy.write_row``), ~10× faster than executemany
  for the 67k observations and 120k record and link rows of a full sync;
* SQLite: ``executemany`` of one ``INSERT`` with many ``VALUES`` rows, dates converted the way
  SQLAlchemy's SQLite types store them (ISO text), so rows read back identically through the
  ORM models.

A driver error is raised as SQLAlchemy's ``DBAPIError`` (``store.db.transaction`` reports it as
a :class:`~lossledger.errors.StoreError`), as if the insert had gone through SQLAlchemy.
"""

from __future__ import annotations

import datetime as dt
import itertools
import sqlite3
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, Date, DateTime, Table, func, select, text
from sqlalchemy.exc import DBAPIError

__all__ = ["insert_rows", "reserve_ids"]

_MARKERS = {"qmark": "?", "format": "%s", "pyformat": "%s", "numeric": ":{n}", "named": ":{name}"}

#: Rows per SQLite INSERT statement.  One row per statement (plain executemany) pays SQLite's
#: statement reset and Python's per-call overhead for every row.  Writes of a full sync, median
#: of 5 runs: 1 row 1.24 s, 100 rows 1.19 s, 1000 rows 1.00 s, as many as the variable limit
#: allows (1700–8000) 1.28 s (statements that long cost more to compile than they save).
#: Capped by the bound-variable limit (32766 since SQLite 3.32, 999 before).
_SQLITE_ROWS_PER_STATEMENT = 1000


def _sqlite_text(value: Any) -> Any:
    if isinstance(value, dt.datetime):  # SQLAlchemy's SQLite DATETIME storage format
        return value.strftime("%Y-%m-%d %H:%M:%S.%f")
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _sqlite_rows(table: Table, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> Sequence[Sequence[Any]]:
    """Rows with their date/datetime cells as SQLAlchemy's SQLite types store them."""
    positions = [i for i, c in enumerate(columns) if isinstance(table.c[c].type, Date | DateTime)]
    if not positions:
        return rows
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
        out.append(cells)
    return out


def _sqlite_insert(cursor: Any, sql: str, marks: str, rows: Sequence[Sequence[Any]], width: int) -> None:
    """``rows`` in statements of up to _SQLITE_ROWS_PER_STATEMENT rows each."""
    per = max(
        1, min(_SQLITE_ROWS_PER_STATEMENT, cursor.connection.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER) // width)
    )
    whole = len(rows) - len(rows) % per
    if whole:
        many = sql + ", ".join([marks] * per)
        chain = itertools.chain.from_iterable
        cursor.executemany(many, (tuple(chain(rows[i : i + per])) for i in range(0, whole, per)))
    if whole < len(rows):
        cursor.executemany(sql + marks, rows[whole:])


def _copy(cursor: Any, table: Table, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    names = ", ".join(f'"{c}"' for c in columns)
    with cursor.copy(f'COPY "{table.name}" ({names}) FROM STDIN') as copy:
        for row in rows:
            copy.write_row(row)


def insert_rows(conn: Connection, table: Table, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    """Insert ``rows`` (tuples in ``columns`` order) into ``table`` inside the caller's transaction."""
    if not rows:
        return
    dialect = conn.dialect
    marker = _MARKERS.get(dialect.paramstyle, "%s")
    marks = "(" + ", ".join(marker.format(n=i + 1, name=c) for i, c in enumerate(columns)) + ")"
    sql = f"INSERT INTO {table.name} ({', '.join(columns)}) VALUES "
    cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        if dialect.name == "postgresql":
            _copy(cursor, table, columns, rows)
        elif dialect.name == "sqlite":
            _sqlite_insert(cursor, sql, marks, _sqlite_rows(table, columns, rows), len(columns))
        elif dialect.paramstyle == "named":
            cursor.executemany(sql + marks, [dict(zip(columns, row, strict=True)) for row in rows])
        else:
            cursor.executemany(sql + marks, rows)
    except dialect.loaded_dbapi.Error as exc:
        raise DBAPIError.instance(sql, None, exc, dialect.loaded_dbapi.Error, dialect=dialect) from None
    finally:
        cursor.close()


def reserve_ids(conn: Connection, table: Table, n: int) -> Sequence[int]:
    """Ids for ``n`` rows about to be inserted into ``table`` (integer primary key ``id``).

    Rows that refer to new rows (a record's links) can then be built without reading the ids
    back.  PostgreSQL: ``n`` values of the column's sequence, as its default would draw them.
    SQLite: the ids it would assign itself, max(id) + 1 onwards — safe inside a write
    transaction, which holds the database's only write lock from its first write on (a sync
    writes its ``sync_run`` row first).
    """
    if conn.dialect.name == "postgresql":
        # The sequence's name first: pg_get_serial_sequence inside the series ran once per row
        # (0.26 s for 54k ids; 0.03 s like this).
        seq = conn.execute(text("SELECT pg_get_serial_sequence(:table, 'id')"), {"table": table.name}).scalar_one()
        query = text("SELECT nextval(CAST(:seq AS regclass)) FROM generate_series(1, :n)")
        return list(conn.execute(query, {"seq": seq, "n": n}).scalars())
    start = conn.execute(select(func.max(table.c.id))).scalar() or 0
    return range(start + 1, start + n + 1)
