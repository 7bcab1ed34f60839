"""``sync``: fetch every dataset folder lossledger knows, parse it, write it — all or nothing.

1. *Fetch* each known folder's files from the origin (local folder, HTTP mirror or upstream);
   folders the origin has but no importer knows are warned about and skipped; an origin with no
   known folder at all is an error, and a folder synced before that the origin no longer has is
   warned about (its figures stay as they were).
2. *Skip* datasets whose files are unchanged (HTTP 304, or exactly the files of the dataset's
   latest import, by sha256) unless ``force``.  Files that are merely known — an older version of
   the folder — are imported again: the current figures are always those the latest sync of a
   dataset read, so a corrected file reverts a bad value (a revision like any other).
3. *Parse* every changed dataset into a batch (no database access; bad input raises here).
4. *Write* all batches in ONE transaction with the sync's record and the HTTP validators: a
   failure anywhere — a corrupted file mid-way, a database error — leaves the ledger as it was.
   When the batches added or revised anything, the precomputed daily series is rebuilt in the
   same transaction (ledger/daily.py).
Re-running adds nothing: unchanged figures are not written again (ledger/writer.py).
"""

from __future__ import annotations

import gc
import hashlib
import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, delete, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite

from ..errors import InputError
from ..importers import IMPORTERS, Importer
from ..model import Batch, FetchedFile, ImportReport, utcnow
from ..sources.fetch import NOT_MODIFIED, Origin, UpstreamOrigin, Validators, matches, open_origin
from ..store.db import bulk_cache, lock_for_sync, transaction
from ..store.models import DatasetState, Document, FetchState, SyncRun
from .batches import write_batch
from .daily import rebuild_series, series_current
from .flagging import flag_batch, report_new_flags

__all__ = ["Progress", "SyncResult", "sync"]

#: progress(task, done, total) — called as work advances (the CLI draws a bar).
Progress = Callable[[str, int, int], None]


@dataclass
class SyncResult:
    """What a sync did, per dataset."""

    origin: str
    sync_id: int | None = None
    reports: list[ImportReport] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def added(self) -> int:
        return sum(r.added for r in self.reports)

    @property
    def superseded(self) -> int:
        return sum(r.superseded for r in self.reports)

    def to_dict(self) -> dict[str, Any]:
        return {
            "origin": self.origin,
            "sync_id": self.sync_id,
            "added": self.added,
            "superseded": self.superseded,
            "warnings": self.warnings,
            "datasets": [r.to_dict() for r in self.reports],
        }


def _load_validators(engine: Engine) -> dict[str, Validators]:
    with engine.connect() as conn:
        rows = conn.execute(select(FetchState.url, FetchState.etag, FetchState.last_modified)).all()
    return {url: Validators(etag, modified) for url, etag, modified in rows}


def _wanted_files(importer: Importer, origin: Origin, listing: list[str] | None) -> list[tuple[str, str | None, bool]]:
    """(name, upstream URL, required) of the files ``importer`` reads from this origin."""
    wanted = [(spec.name, spec.upstream, spec.required) for spec in importer.files]
    if importer.patterns and listing is not None:
        named = {w[0] for w in wanted}
        wanted += [(n, None, False) for n in listing if matches(n, importer.patterns) and n not in named]
    if isinstance(origin, UpstreamOrigin):
        wanted = [w for w in wanted if w[1] is not None]
    return wanted


def _fetch_folder(
    origin: Origin, folder: str, importers: list[Importer], result: SyncResult
) -> dict[str, FetchedFile] | None:
    """The folder's files, or None when the folder is unchanged since the last sync (HTTP 304)."""
    listing = origin.list(folder)
    files: dict[str, FetchedFile] = {}
    stale: list[tuple[str, str | None]] = []
    specs = {w[0]: w for imp in importers for w in _wanted_files(imp, origin, listing)}
    for name, upstream, required in specs.values():
        got = origin.fetch(folder, name, upstream)
        if got is NOT_MODIFIED:
            stale.append((name, upstream))
        elif isinstance(got, FetchedFile):
            files[name] = got
        elif required and not isinstance(origin, UpstreamOrigin):
            raise InputError(f"required file {name} is missing", code="input.missing", file=f"{folder}/{name}")
    if stale and not files:
        return None
    for name, upstream in stale:  # partly changed: re-read the unchanged files in full
        got = origin.fetch(folder, name, upstream, conditional=False)
        if isinstance(got, FetchedFile):
            files[name] = got
    extra = getattr(importers[0], "fetch_upstream", None)
    if isinstance(origin, UpstreamOrigin) and callable(extra):
        files.update(extra(origin))
    snapshot = origin.snapshot(folder) if files else None
    for f in files.values():
        f.snapshot = snapshot
    return files


def _owns(importer: Importer, name: str) -> bool:
    return any(spec.name == name for spec in importer.files) or matches(name, importer.patterns)


def files_key(files: dict[str, FetchedFile]) -> str:
    """What identifies a dataset's input: a hash of its files' names and contents (sha256)."""
    listing = "\n".join(sorted(f"{name}\t{f.key}" for name, f in files.items()))
    return hashlib.sha256(listing.encode()).hexdigest()


def _unchanged(engine: Engine, folder: str, files: dict[str, FetchedFile]) -> bool:
    """True when ``files`` are exactly those the folder's latest import read."""
    with engine.connect() as conn:
        latest = conn.execute(select(DatasetState.files_key).where(DatasetState.dataset == folder)).scalar()
    return latest == files_key(files)


def _plan(engine: Engine, origin: Origin, only: list[str] | None, result: SyncResult) -> list[str]:
    """The folders to sync, in registry order; warns about unknown and vanished folders."""
    every = list(dict.fromkeys(i.folder for i in IMPORTERS))
    unknown = [f for f in only or [] if f not in every]
    if unknown:
        raise InputError(f"unknown dataset(s): {', '.join(unknown)}", code="input.dataset")
    known = [f for f in every if f in only] if only else every
    present = origin.folders()
    if present is None:  # an origin that cannot list its folders: every file is asked for
        return known
    for folder in present:
        if folder not in every:
            result.warnings.append(f"unknown dataset folder {folder!r} skipped (no importer knows it)")
    wanted = [f for f in known if f in present]
    if not wanted:
        expected = ", ".join(known[:3]) + ("…" if len(known) > 3 else "")
        raise InputError(
            f"no dataset folder to sync here (expected a folder such as {expected})",
            code="input.empty_origin",
            file=origin.label,
        )
    with engine.connect() as conn:
        synced_before = set(conn.execute(select(Document.dataset).distinct()).scalars())
    for folder in known:
        if folder not in present and folder in synced_before:
            result.warnings.append(
                f"dataset folder {folder!r} is missing from {origin.label}: its figures from earlier syncs are kept"
            )
    return wanted


@contextmanager
def _collector_paused() -> Iterator[None]:
    """No cyclic garbage collection while a sync builds its rows.

    A full sync holds ~250k row objects at once and makes no cycles worth collecting; with the
    collector on, its generation-2 passes walk all of them again and again (gc.get_stats: ~1500
    collections), 0.27 s of a 2.8 s sync (benchmarks/ingest.py).  Reference counting still frees
    everything; the collector is switched back on only if this call switched it off.
    """
    paused = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()


def sync(
    engine: Engine,
    origin: str | Path | None = None,
    *,
    only: list[str] | None = None,
    force: bool = False,
    progress: Progress | None = None,
    timeout: float = 30.0,
    retries: int = 3,
) -> SyncResult:
    """Fetch, parse and write every known dataset from ``origin`` (see the module docstring)."""
    source = open_origin(origin, _load_validators(engine), timeout=timeout, retries=retries)
    result = SyncResult(origin=source.label)
    try:
        with _collector_paused():
            folders = _plan(engine, source, only, result)
            batches, imported = _parse_all(engine, source, folders, result, force=force, progress=progress)
            _write(engine, source, batches, imported, result)
    finally:
        source.close()
    return result


def _parse_all(
    engine: Engine, source: Origin, folders: list[str], result: SyncResult, *, force: bool, progress: Progress | None
) -> tuple[list[Batch], dict[str, str]]:
    """Fetch each folder and parse the changed ones (no writes; bad input raises here).

    Returns the batches and, by folder, the :func:`files_key` of the folders parsed."""
    batches: list[Batch] = []
    imported: dict[str, str] = {}
    for n, folder in enumerate(folders):
        importers = [i for i in IMPORTERS if i.folder == folder]
        if progress:
            progress(f"fetch {folder}", n, len(folders))
        files = _fetch_folder(source, folder, importers, result)
        if files is None or not files or (not force and _unchanged(engine, folder, files)):
            result.reports.extend(ImportReport(dataset=i.name, status="unchanged") for i in importers)
            continue
        imported[folder] = files_key(files)
        for importer in importers:
            mine = {k: v for k, v in files.items() if _owns(importer, k)}
            if not mine:
                continue
            if progress:
                progress(f"parse {importer.name}", n, len(folders))
            batches.append(importer.parse(mine))
    if progress:
        progress("write", len(folders), len(folders))
    return batches, imported


def _write(engine: Engine, source: Origin, batches: list[Batch], imported: dict[str, str], result: SyncResult) -> None:
    now = utcnow()
    with transaction(engine) as conn, bulk_cache(conn):
        lock_for_sync(conn)
        sync_id = conn.execute(
            insert(SyncRun).values(started_at=now, origin=source.label, summary="").returning(SyncRun.id)
        ).scalar_one()
        batches.reverse()
        while batches:  # each batch let go once written, so later ones reuse its memory (peak 171 -> 163 MB)
            batch = batches.pop()
            flags = flag_batch(conn, batch)
            result.reports.append(write_batch(conn, batch, sync_id=sync_id, now=now))
            if flags:
                report_new_flags(conn, batch, flags, sync_id)
            del batch
        seen = getattr(source, "seen", {})
        for url, v in seen.items():
            _upsert_fetch_state(conn, url, v, now)
        if imported:
            conn.execute(delete(DatasetState).where(DatasetState.dataset.in_(list(imported))))
            conn.execute(
                insert(DatasetState),
                [{"dataset": d, "files_key": k, "sync_id": sync_id, "imported_at": now} for d, k in imported.items()],
            )
        result.sync_id = sync_id
        if result.added or result.superseded or not series_current(conn):
            rebuild_series(conn, sync_id)  # in the same transaction: the table never lags the data
        summary = json.dumps(result.to_dict(), ensure_ascii=False, default=str)
        conn.execute(update(SyncRun).where(SyncRun.id == sync_id).values(finished_at=utcnow(), summary=summary))


def _upsert_fetch_state(conn: Any, url: str, v: Validators, now: Any) -> None:
    values = {"url": url, "etag": v.etag, "last_modified": v.last_modified, "fetched_at": now}
    dialect = conn.dialect.name
    stmt: Any
    if dialect == "postgresql":
        stmt = postgresql.insert(FetchState).values(**values)
    else:
        stmt = sqlite.insert(FetchState).values(**values)
    stmt = stmt.on_conflict_do_update(
        index_elements=["url"], set_={k: values[k] for k in ("etag", "last_modified", "fetched_at")}
    )
    conn.execute(stmt)
