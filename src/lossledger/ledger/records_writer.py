"""Writing a list's records into the ledger, inside the sync's one transaction.

Idempotent: a record whose key (its content) is already current is left alone; new keys are
inserted with their links in bulk (store/bulk.py, not per-row ORM objects — the two lists hold
~57k records); current records absent from this import are marked ``withdrawn_at`` (never
deleted).  Merges and rejections are the accounting of one import (``import_key`` = its files):
written once per import, so re-running the same files adds nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any, cast

from sqlalchemy import Connection, Table, insert, select, update

from ..importers.evidence.known_lists import LOSSLEDGER_RECORDS, ListInfo
from ..importers.evidence.links import host_of
from ..importers.evidence.rows import RecordRow, RecordSet
from ..model import Batch
from ..store.bulk import insert_rows, reserve_ids
from ..store.models import Record, RecordLink, RecordList, RecordMerge, RecordRejection
from .writer import ensure_compilation, ensure_documents, ensure_sources

__all__ = ["write_records"]

_CHUNK = 500
_RECORD = cast(Table, Record.__table__)
_RECORD_LINK = cast(Table, RecordLink.__table__)
_RECORD_MERGE = cast(Table, RecordMerge.__table__)
_RECORD_REJECTION = cast(Table, RecordRejection.__table__)
_MERGE_COLUMNS = (
    "list_id", "import_key", "record_id", "key", "external_id", "reason", "detail", "document_id", "line", "sync_id"
)  # fmt: skip
_REJECTION_COLUMNS = ("list_id", "import_key", "document_id", "line", "code", "reason", "external_id", "sync_id")


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
    "id", "list_id", "key", "external_id", "side", "date", "birth_year", "age", "region", "region_code", "unit_type",
    "system", "category", "status", "origin", "document_id", "line", "sync_id", "recorded_at",
)  # fmt: skip


def _record_values(
    id_: int, r: RecordRow, list_id: int, doc_id: int, sync_id: int, now: dt.datetime
) -> tuple[Any, ...]:
    return (
        id_, list_id, r.key, r.external_id, r.side, r.date, r.birth_year, r.age, r.region, r.region_code, r.unit_type,
        r.system, r.category, r.status, r.origin, doc_id, r.line, sync_id, now,
    )  # fmt: skip


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
    ids = {k: i for k, (i, _w) in existing.items()}
    if new:
        # Ids chosen before the insert, so the links need no read-back of the ~54k new records
        # (that SELECT was 0.12 s of a 2.5 s SQLite sync).
        new_ids = reserve_ids(conn, _RECORD, len(new))
        rows = [
            _record_values(i, r, list_id, doc_ids[r.document_key], sync_id, now)
            for i, r in zip(new_ids, new, strict=True)
        ]
        insert_rows(conn, _RECORD, _RECORD_COLUMNS, rows)
        links = [
            (i, n, url, host_of(url)[:200]) for i, r in zip(new_ids, new, strict=True) for n, url in enumerate(r.links)
        ]
        insert_rows(conn, _RECORD_LINK, ("record_id", "position", "url", "host"), links)
        ids.update(zip((r.key for r in new), new_ids, strict=True))
    keys = {r.key for r in recset.records}
    gone = [i for k, (i, w) in existing.items() if w is None and k not in keys]
    back = [i for k, (i, w) in existing.items() if w is not None and k in keys]
    for chunk in _chunks(gone):
        conn.execute(update(Record).where(Record.id.in_(chunk)).values(withdrawn_at=now))
    for chunk in _chunks(back):  # a record that reappears upstream is current again
        conn.execute(update(Record).where(Record.id.in_(chunk)).values(withdrawn_at=None))
    _write_accounting(conn, recset, list_id, doc_ids, ids, sync_id)
    conn.execute(
        update(RecordList)
        .where(RecordList.id == list_id)
        .values(import_key=recset.import_key, imported_at=now, rows_read=recset.rows_read)
    )
    return {"added": len(new), "unchanged": len(recset.records) - len(new), "withdrawn": len(gone)}


def _written(conn: Connection, table: type[RecordMerge] | type[RecordRejection], list_id: int, key: str) -> bool:
    query = select(table.id).where(table.list_id == list_id, table.import_key == key).limit(1)
    return conn.execute(query).scalar() is not None


def _write_accounting(
    conn: Connection, recset: RecordSet, list_id: int, doc_ids: dict[str, int], kept: dict[str, int], sync_id: int
) -> None:
    """Merges and rejections of this import, unless the same files were imported before.

    ``kept`` maps the key of every record of the list to its id (a merge points at the record kept).
    """
    key = recset.import_key
    if recset.merges and not _written(conn, RecordMerge, list_id, key):
        merges = [
            (list_id, key, kept[m.into], m.key, m.external_id, m.reason[:200], m.detail, doc_ids[m.document_key],
             m.line, sync_id)
            for m in recset.merges
        ]  # fmt: skip
        insert_rows(conn, _RECORD_MERGE, _MERGE_COLUMNS, merges)
    if recset.rejections and not _written(conn, RecordRejection, list_id, key):
        rejections = [
            (list_id, key, doc_ids[r.document_key], r.line, r.code, r.reason, r.external_id, sync_id)
            for r in recset.rejections
        ]
        insert_rows(conn, _RECORD_REJECTION, _REJECTION_COLUMNS, rejections)
