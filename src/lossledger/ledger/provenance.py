"""Where the ledger's figures come from: sources and compilations, provenance of a figure, revisions,
freshness (the sources themselves are declared in sources.toml, lossledger/registry.py)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Connection, and_, func, select
from sqlalchemy.orm import aliased

from ..errors import NotFound
from ..registry import CADENCE_HOURS
from ..store.models import Compilation, Document, Observation, Source, SyncRun
from ..warday import KYIV
from .results import (
    Change,
    CompilationRef,
    CompilationSummary,
    DocumentRef,
    HistoryEntry,
    Provenance,
    ProvenanceDocument,
    SourceStatus,
    SourceSummary,
    Via,
)
from .writer import CELL_COLUMNS

__all__ = [
    "held_series",
    "list_changes",
    "list_documents",
    "list_sources",
    "observation_provenance",
    "source_status",
]


def _same_cell(a: Any, b: Any) -> list[Any]:
    """Conditions that ``a`` and ``b`` are figures of one cell (writer.CELL_COLUMNS names it once)."""
    return [getattr(a, name) == getattr(b, name) for name in CELL_COLUMNS]


def list_sources(conn: Connection) -> list[SourceSummary]:
    o, c, s = Observation, Compilation, Source
    stats = conn.execute(
        select(
            o.source_id,
            c.slug,
            c.name,
            c.url,
            c.license,
            func.count(),
            func.min(o.report_date),
            func.max(o.report_date),
        )
        .join(c, c.id == o.compilation_id)
        .where(o.superseded_at.is_(None))
        .group_by(o.source_id, c.slug, c.name, c.url, c.license)
        .order_by(c.slug)
    ).all()
    out = []
    for src in conn.execute(select(s.id, s.slug, s.name, s.kind, s.url, s.description).order_by(s.id)):
        comps = [
            CompilationSummary(slug, name, url, lic, n, first.isoformat(), last.isoformat())
            for sid, slug, name, url, lic, n, first, last in stats
            if sid == src.id
        ]
        out.append(SourceSummary(src.slug, src.name, src.kind, src.url, src.description, comps))
    return out


def _iso(moment: dt.datetime | None) -> str | None:
    return moment.isoformat() if moment else None


def list_documents(conn: Connection, ids: list[int]) -> list[DocumentRef]:
    """The documents of ``ids`` the ledger has, by id, each with the file that cited it (``via``)."""
    if not ids:
        return []
    d, parent = Document, Document.__table__.alias("parent")
    query = (
        select(
            d.id,
            d.uri,
            d.media_type,
            d.sha256,
            d.retrieved_at,
            d.dataset,
            d.snapshot,
            parent.c.uri.label("parent_uri"),
            parent.c.sha256.label("parent_sha256"),
            parent.c.retrieved_at.label("parent_retrieved_at"),
        )
        .outerjoin(parent, parent.c.id == d.parent_id)
        .where(d.id.in_(ids))
        .order_by(d.id)
    )
    return [
        DocumentRef(
            row.id,
            row.uri,
            row.media_type,
            row.sha256,
            _iso(row.retrieved_at),
            row.dataset,
            row.snapshot or None,
            Via(row.parent_uri, row.parent_sha256, _iso(row.parent_retrieved_at)) if row.parent_uri else None,
        )
        for row in conn.execute(query)
    ]


def _chain(conn: Connection, doc_id: int) -> list[ProvenanceDocument]:
    """A document and the chain of files it was read through (a cited page → its JSON file)."""
    table = Document.__table__
    chain: list[ProvenanceDocument] = []
    current: int | None = doc_id
    while current is not None and len(chain) < 5:
        rec = conn.execute(select(table).where(table.c.id == current)).first()
        if rec is None:
            break
        chain.append(
            ProvenanceDocument(
                rec.id, rec.uri, rec.sha256, rec.media_type, _iso(rec.retrieved_at), rec.dataset, rec.snapshot
            )
        )
        current = rec.parent_id
    return chain


def observation_provenance(conn: Connection, observation_id: int) -> Provenance:
    o, c, s = Observation, Compilation, Source
    row = conn.execute(
        select(
            o,
            s.slug.label("source"),
            c.slug.label("compilation"),
            c.name.label("compilation_name"),
            c.url.label("compilation_url"),
        )
        .join(s, s.id == o.source_id)
        .join(c, c.id == o.compilation_id)
        .where(o.id == observation_id)
    ).first()
    if row is None:
        raise NotFound(f"no observation {observation_id}", code="ledger.observation")
    ob = row  # Core execution spreads the entity into columns: the row itself carries them
    history = conn.execute(
        select(o.id, o.value, o.qualifier, o.recorded_at, o.superseded_at, o.document_id)
        .where(o.compilation_id == ob.compilation_id, *_same_cell(o, ob))
        .order_by(o.recorded_at)
    ).all()
    chain = _chain(conn, ob.document_id)
    return Provenance(
        ob.id, row.source, CompilationRef(row.compilation, row.compilation_name, row.compilation_url), ob.metric,
        ob.category, ob.status, ob.side, ob.report_date.isoformat(), ob.kind, ob.value, ob.qualifier, ob.period_days,
        ob.note, ob.recorded_at.isoformat(), _iso(ob.superseded_at), ob.sync_id, chain[0] if chain else None,
        chain[1:],
        [HistoryEntry(h.id, h.value, h.qualifier, h.recorded_at.isoformat(), _iso(h.superseded_at), h.document_id)
         for h in history],
    )  # fmt: skip


def list_changes(conn: Connection, since: dt.datetime | None, limit: int | None) -> list[Change]:
    old, new = aliased(Observation), aliased(Observation)
    s, c, d = Source, Compilation, aliased(Document)
    query = (
        select(
            old.superseded_at,
            s.slug,
            c.slug,
            old.metric,
            old.category,
            old.status,
            old.side,
            old.kind,
            old.report_date,
            old.value,
            new.value,
            old.document_id,
            new.document_id,
            d.uri,
            new.id,
            new.sync_id,
        )
        .join(
            new,
            and_(
                new.compilation_id == old.compilation_id,
                *_same_cell(new, old),
                new.recorded_at == old.superseded_at,
            ),
        )
        .join(s, s.id == old.source_id)
        .join(c, c.id == old.compilation_id)
        .join(d, d.id == new.document_id)
        .where(old.superseded_at.is_not(None))
        .order_by(old.superseded_at.desc(), old.report_date, old.metric)
    )
    if since is not None:
        query = query.where(old.superseded_at >= since)
    if limit:
        query = query.limit(limit)
    return [
        Change(_iso(at), source, compilation, metric, category, status, side, kind, date.isoformat(), old_value,
               new_value, new_value - old_value, old_doc, new_doc, uri, observation, sync_id)
        for (at, source, compilation, metric, category, status, side, kind, date, old_value, new_value, old_doc,
             new_doc, uri, observation, sync_id) in conn.execute(query)
    ]  # fmt: skip


def source_status(conn: Connection, now: dt.datetime, max_age_hours: float) -> list[SourceStatus]:
    """Per source: newest report, when fetched, whether stale — and why (``stale_reason``)."""
    o, s, d, parent = Observation, Source, Document, aliased(Document)
    retrieved = func.max(func.coalesce(d.retrieved_at, parent.retrieved_at))
    snapshot = func.max(func.coalesce(d.snapshot, parent.snapshot))
    # "file:…" sorts before "http…": the minimum says whether any figure was read from local files
    read_from = func.min(func.coalesce(parent.uri, d.uri))
    rows = conn.execute(
        select(s.slug, s.name, func.max(o.report_date), retrieved, func.count(), snapshot, read_from)
        .join(o, o.source_id == s.id)
        .join(d, d.id == o.document_id)
        .outerjoin(parent, parent.id == d.parent_id)
        .where(o.superseded_at.is_(None))
        .group_by(s.slug, s.name)
        .order_by(s.slug)
    ).all()
    last_sync = conn.execute(select(func.max(SyncRun.finished_at))).scalar()
    out = []
    for slug, name, newest, fetched, n, commit, uri in rows:
        # a report dated D is the statement of the morning of D (Kyiv): age counts from 08:00 Kyiv
        published = dt.datetime.combine(newest, dt.time(8, 0), KYIV).astimezone(dt.UTC).replace(tzinfo=None)
        age = (now - published).total_seconds() / 3600
        limit = CADENCE_HOURS.get(slug, max_age_hours)
        stale = limit is not None and age > limit
        reason = _stale_reason(uri, commit, fetched) if stale else None
        out.append(
            SourceStatus(slug, name, newest.isoformat(), round(age, 1), _iso(fetched), _iso(last_sync), n, limit, stale, reason)
        )  # fmt: skip
    return out


def _stale_reason(uri: str | None, commit: str | None, fetched: dt.datetime | None) -> str:
    """Why a source's newest report is old: a copy of the data was synced, or the source is silent."""
    if uri and uri.startswith("file:"):
        copy = f"a snapshot (upstream commit {commit[:12]})" if commit else "local files"
        return f"synced from {copy}, not from the upstream: `lossledger sync` without --from fetches the current data"
    when = f" (fetched {fetched:%Y-%m-%d %H:%M} UTC)" if fetched else ""
    return f"the upstream has published nothing newer{when}"


def held_series(conn: Connection) -> set[tuple[str, str]]:
    """(source, metric) of every series with a current figure: which exist, before reconciling any."""
    o, s = Observation, Source
    query = select(s.slug, o.metric).distinct().join(s, s.id == o.source_id).where(o.superseded_at.is_(None))
    return {(slug, metric) for slug, metric in conn.execute(query).all()}
