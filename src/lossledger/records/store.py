"""Writing a list's records into the ledger, inside the sync's one transaction.

Idempotent: a record whose key (its content) is already current is left alone; new keys are
inserted with their links in bulk (Core ``executemany``, not per-row ORM objects — the two lists
hold ~57k records); current records absent from this import are marked ``withdrawn_at`` (never
deleted).  Merges and rejections are the accounting of one import (``import_key`` = its files):
written once per import, so re-running the same files adds nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Connection, insert, select, update

from ..importers.base import Batch
from ..ledger.writer import ensure_compilation, ensure_documents, ensure_sources
from ..store.bulk import insert_rows
from ..store.models import Record, RecordLink, RecordList, RecordMerge, RecordRejection
from .links import host_of
from .lists import LOSSLEDGER_RECORDS, ListInfo
from .rows import RecordRow, RecordSet

__all__ = ["write_records"]

_CHUNK = 500


def _chunks(items: Sequence[Any], size: int = _CHUNK) -> Iterable[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _ensure_list(conn: Connection, info: ListInfo) -> int:
    source_id = ensure_sources(conn, [info.source])[info.source.slug]
    comp_id = ensure_compilation(conn, LOSSLEDGER_RECORDS)
    found = conn.execute(select(RecordList.id).where(RecordList.slug == info.slug)).scalar()
    if found is not None:
        return int(found)
    values = {"slug": info.slug, "name": info.name, "kind": info.kind, "source_id": source_id, "compilation_id": comp_id,
              "description": info.description, "rows_read": 0}  # fmt: skip
    return int(conn.execute(insert(RecordList).values(**values).returning(RecordList.id)).scalar_one())


_RECORD_COLUMNS = (
    "list_id", "key", "external_id", "side", "date", "birth_year", "age", "region", "region_code", "unit_type",
    "system", "category", "status", "origin", "document_id", "line", "sync_id", "recorded_at",
)  # fmt: skip


def _record_values(r: RecordRow, list_id: int, doc_id: int, sync_id: int, now: dt.datetime) -> tuple[Any, ...]:
    return (
        list_id, r.key, r.external_id, r.side, r.date, r.birth_year, r.age, r.region, r.region_code, r.unit_type,
        r.system, r.category, r.status, r.origin, doc_id, r.line, sync_id, now,
    )  # fmt: skip


def _bulk(conn: Connection, table: Any, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    """Insert plain tuples: PostgreSQL's COPY (psycopg ``copy.write_row``: ~10× faster than the
    executemany of store/bulk.py for the ~130k record and link rows), else ``insert_rows``."""
    if not rows:
        return
    if conn.dialect.name != "postgresql":
        insert_rows(conn, table, columns, rows)
        return
    names = ", ".join(f'"{c}"' for c in columns)
    cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        with cursor.copy(f'COPY "{table.name}" ({names}) FROM STDIN') as copy:
            for row in rows:
                copy.write_row(row)
    finally:
        cursor.close()


def _new_ids(conn: Connection, list_id: int, sync_id: int) -> dict[str, int]:
    """key → id of the records this sync inserted, through the driver's cursor: SQLAlchemy's
    row processing costs more than the query for the ~35k rows of the Oryx list."""
    marker = "?" if conn.dialect.paramstyle == "qmark" else "%s"
    cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.execute(
            f"SELECT key, id FROM record WHERE list_id = {marker} AND sync_id = {marker}", (list_id, sync_id)
        )
        return dict(cursor.fetchall())
    finally:
        cursor.close()


def write_records(conn: Connection, batch: Batch, *, sync_id: int, now: dt.datetime) -> dict[str, int]:
    """Store ``batch.extra`` (a :class:`RecordSet`); returns added / unchanged / withdrawn counts."""
    recset: RecordSet = batch.extra
    list_id = _ensure_list(conn, recset.info)
    doc_ids = ensure_documents(conn, batch.documents)
    existing = {
        k: (i, w)
        for k, i, w in conn.execute(select(Record.key, Record.id, Record.withdrawn_at).where(Record.list_id == list_id))
    }
    new = [r for r in recset.records if r.key not in existing]
    if new:
        rows = [_record_values(r, list_id, doc_ids[r.document_key], sync_id, now) for r in new]
        _bulk(conn, Record.__table__, _RECORD_COLUMNS, rows)
        ids = _new_ids(conn, list_id, sync_id)
        links = [(ids[r.key], n, url, host_of(url)[:200]) for r in new for n, url in enumerate(r.links)]
        _bulk(conn, RecordLink.__table__, ("record_id", "position", "url", "host"), links)
    keys = {r.key for r in recset.records}
    gone = [i for k, (i, w) in existing.items() if w is None and k not in keys]
    back = [i for k, (i, w) in existing.items() if w is not None and k in keys]
    for chunk in _chunks(gone):
        conn.execute(update(Record).where(Record.id.in_(chunk)).values(withdrawn_at=now))
    for chunk in _chunks(back):  # a record that reappears upstream is current again
        conn.execute(update(Record).where(Record.id.in_(chunk)).values(withdrawn_at=None))
    _write_accounting(conn, recset, list_id, doc_ids, sync_id)
    conn.execute(
        update(RecordList)
        .where(RecordList.id == list_id)
        .values(import_key=recset.import_key, imported_at=now, rows_read=recset.rows_read)
    )
    return {"added": len(new), "unchanged": len(recset.records) - len(new), "withdrawn": len(gone)}


def _written(conn: Connection, table: type[RecordMerge] | type[RecordRejection], list_id: int, key: str) -> bool:
    query = select(table.id).where(table.list_id == list_id, table.import_key == key).limit(1)
    return conn.execute(query).scalar() is not None


def _write_accounting(conn: Connection, recset: RecordSet, list_id: int, doc_ids: dict[str, int], sync_id: int) -> None:
    """Merges and rejections of this import, unless the same files were imported before."""
    if recset.merges and not _written(conn, RecordMerge, list_id, recset.import_key):
        wanted = sorted({m.into for m in recset.merges})
        kept: dict[str, int] = {}
        for chunk in _chunks(wanted):
            kept.update(
                conn.execute(
                    select(Record.key, Record.id).where(Record.list_id == list_id, Record.key.in_(chunk))
                ).all()
            )
        conn.execute(insert(RecordMerge), [
            {"list_id": list_id, "import_key": recset.import_key, "record_id": kept[m.into], "key": m.key,
             "external_id": m.external_id, "reason": m.reason[:200], "detail": m.detail,
             "document_id": doc_ids[m.document_key], "line": m.line, "sync_id": sync_id}
            for m in recset.merges
        ])  # fmt: skip
    if recset.rejections and not _written(conn, RecordRejection, list_id, recset.import_key):
        conn.execute(insert(RecordRejection), [
            {"list_id": list_id, "import_key": recset.import_key, "document_id": doc_ids[r.document_key], "line": r.line,
             "code": r.code, "reason": r.reason, "external_id": r.external_id, "sync_id": sync_id}
            for r in recset.rejections
        ])  # fmt: skip
