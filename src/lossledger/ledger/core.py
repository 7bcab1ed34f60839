"""The :class:`Ledger`: the Python API every output (CLI, REST API, dashboard) goes through.

    >>> ledger = Ledger.open()                     # --db > $LOSSLEDGER_DB > per-user SQLite
    >>> ledger.sync("../shared/data")              # doctest: +SKIP
    >>> tanks = ledger.show("2024-02-16").figures["tanks"]
    >>> tanks.total, tanks.increase, tanks.increase_derived
    (6465, 23, True)
    >>> tanks.to_dict()
    {'total': 6465, 'increase': 23, 'increase_derived': True, 'documents': [...]}

Every query can be asked "as known at" a past moment: what the ledger said before a later sync
revised it.  A *report date* D is the date of the General Staff's morning statement; its totals
run to that morning and its increases cover the 24 hours before it (warday.py).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, func, select

from .. import taxonomy
from ..config import resolve_db_url
from ..errors import InputError, NotFound
from ..model import utcnow
from ..registry import CLAIMS
from ..store.db import connect
from ..store.models import Observation, Source, SyncRun
from ..warday import as_date, day_of_war
from .provenance import (
    held_series,
    list_changes,
    list_documents,
    list_sources,
    observation_provenance,
    source_status,
)
from .results import (
    Change,
    Conflict,
    ConflictValue,
    Day,
    DocumentRef,
    Figure,
    FigureProvenance,
    ObservationRef,
    Provenance,
    Resolution,
    Series,
    SourceStatus,
    SourceSummary,
    SyncEntry,
)
from .series import Point, known_at_filter, load_points

if TYPE_CHECKING:
    import pandas as pd

    from .sync import Progress, SyncResult

__all__ = ["Ledger", "parse_moment"]


def parse_moment(value: str | dt.datetime | None) -> dt.datetime | None:
    """A timestamp for ``as_known_at``: ISO 8601 (date or date-time, any offset) → naive UTC."""
    if value is None or isinstance(value, dt.datetime):
        moment = value
    else:
        try:
            moment = dt.datetime.fromisoformat(str(value).strip().replace("Z", "+00:00"))
        except ValueError:
            raise InputError(f"not an ISO timestamp: {value!r}", code="input.timestamp") from None
    if moment is not None and moment.tzinfo is not None:
        moment = moment.astimezone(dt.UTC).replace(tzinfo=None)
    return moment


def _date(value: str | dt.date) -> dt.date:
    try:
        return as_date(value)
    except ValueError:
        raise InputError(f"not a YYYY-MM-DD date: {value!r}", code="input.date") from None


class Ledger:
    """A ledger of loss figures in one database (SQLite file or PostgreSQL)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    # --- opening and syncing -----------------------------------------------------------------

    @classmethod
    def open(cls, url: str | None = None, *, migrate: bool = True, read_only: bool = False) -> Ledger:
        """Open (creating and migrating as needed) the ledger at ``url``: ``--db`` > $LOSSLEDGER_DB > per-user SQLite.

        ``read_only``: open an existing ledger for reading only — nothing is created or migrated,
        an SQLite file is opened ``mode=ro`` (it may be on read-only media), and a sync fails
        saying the ledger is read-only."""
        return cls(connect(resolve_db_url(url), upgrade=migrate, read_only=read_only))

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Ledger:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def url(self) -> str:
        return self.engine.url.render_as_string(hide_password=True)

    def sync(
        self,
        origin: str | Path | None = None,
        *,
        only: list[str] | None = None,
        force: bool = False,
        progress: Progress | None = None,
    ) -> SyncResult:
        """Import every known dataset from ``origin`` (folder, mirror URL, or the upstreams); atomic, idempotent."""
        from .sync import sync

        return sync(self.engine, origin, only=only, force=force, progress=progress)

    def moment(self, value: str | dt.datetime | None) -> dt.datetime | None:
        """An ``as_known_at`` as a naive UTC moment: an ISO 8601 date or date-time, or ``sync:N`` —
        as the ledger stood after its sync N (``lossledger sync`` prints N), which works right after
        a first sync whatever the clock says."""
        if not (isinstance(value, str) and value.strip().lower().startswith("sync:")):
            return parse_moment(value)
        number = value.split(":", 1)[1].strip()
        if not number.isdigit():
            raise InputError(f"not a sync number: {value!r} (sync:1, sync:2…)", code="input.timestamp")
        with self.engine.connect() as conn:
            finished = conn.execute(select(SyncRun.finished_at).where(SyncRun.id == int(number))).scalar()
        if finished is None:
            raise NotFound(f"this ledger has no finished sync {number}", code="ledger.no_sync")
        return finished

    def _knew_nothing(self, moment: dt.datetime | None) -> None:
        """:class:`NotFound` saying so when ``moment`` precedes every sync of the ledger."""
        if moment is None:
            return
        with self.engine.connect() as conn:
            first = conn.execute(select(func.min(SyncRun.finished_at))).scalar()
        if first is None or moment < first:
            since = f"its first sync finished at {first:%Y-%m-%dT%H:%M:%S} UTC" if first else "it has never been synced"
            raise NotFound(
                f"the ledger knew nothing at {moment:%Y-%m-%dT%H:%M:%S} UTC: {since} (`--as-known-at sync:1` is "
                "the ledger as its first sync left it)",
                code="ledger.not_yet_known",
            )

    # --- figures of one date -----------------------------------------------------------------

    def points(self, **kwargs: Any) -> dict[str, dict[dt.date, Point]]:
        """Reconciled points by metric and date (see ledger/series.py for the arguments)."""
        with self.engine.connect() as conn:
            return load_points(conn, **kwargs)

    def latest_date(self, source: str = CLAIMS, *, as_known_at: str | dt.datetime | None = None) -> dt.date:
        o, s, moment = Observation, Source, self.moment(as_known_at)
        query = (
            select(func.max(o.report_date))
            .join(s, s.id == o.source_id)
            .where(s.slug == source, known_at_filter(moment))
        )
        with self.engine.connect() as conn:
            latest = conn.execute(query).scalar()
        if latest is None:
            self._knew_nothing(moment)
            raise NotFound(f"the ledger has no {source} figures yet (run `lossledger sync`)", code="ledger.empty")
        return latest

    def show(self, date: str | dt.date, *, source: str = CLAIMS, as_known_at: str | dt.datetime | None = None) -> Day:
        """What ``source`` reported for ``date``: every figure with its increase, and the documents.

        Figures are keyed by taxonomy metric in the statement's order; a figure whose
        compilations disagreed carries ``resolved`` (the rule and every candidate).
        """
        day = _date(date)
        moment = self.moment(as_known_at)
        with self.engine.connect() as conn:
            points = load_points(conn, source=source, start=day, end=day, as_known_at=moment)
            if not points:
                self._knew_nothing(moment)
                raise NotFound(f"no {source} report for {day}", code="ledger.no_report")
            # merged totals (vehicles before 2022-05-01) are derived for series; the day shows what was stated
            figures = {
                m: _figure(points[m][day]) for m in _ordered(points) if day in points[m] and not points[m][day].merged
            }
            doc_ids = sorted({d for m in points for d in points[m][day].document_ids})
            documents = list_documents(conn, doc_ids)
        known = moment.isoformat() if moment is not None else None
        return Day(day.isoformat(), day_of_war(day), source, figures, documents, known)

    def latest(self, *, source: str = CLAIMS, as_known_at: str | dt.datetime | None = None) -> Day:
        """:meth:`show` for the newest report date of ``source``."""
        return self.show(self.latest_date(source, as_known_at=as_known_at), source=source, as_known_at=as_known_at)

    # --- series --------------------------------------------------------------------------------

    def series(
        self,
        metric: str,
        *,
        source: str = CLAIMS,
        start: str | dt.date | None = None,
        end: str | dt.date | None = None,
        daily: bool = False,
        rolling: int | None = None,
        monthly: bool = False,
        as_known_at: str | dt.datetime | None = None,
        side: str | None = None,
        category: str | None = None,
        status: str = "",
    ) -> pd.DataFrame:
        """One metric of one source as a pandas DataFrame indexed by report date (see ledger/frames.py)."""
        from .frames import series_frame

        taxonomy.metric(metric)
        first = _date(start) if start else None
        last = _date(end) if end else None
        points = self.points(
            source=source, metrics=[metric], start=first, end=last, as_known_at=self.moment(as_known_at),
            side=side, category=category, status=status,
        ).get(metric, {})  # fmt: skip
        return series_frame(points, daily=daily, rolling=rolling, monthly=monthly, start=first, end=last)

    def series_records(self, metric: str, **options: Any) -> Series:
        """:meth:`series` (``options``: its keyword arguments) as a
        :class:`~lossledger.ledger.results.Series`: the metric, source, labels and filters, and
        the frame's rows as JSON records (``lossledger series --format json``,
        ``GET /ledger/v1/series/{metric}``)."""
        from .frames import json_records

        records = json_records(self.series(metric, **options))
        source, status, category = options.get("source", CLAIMS), options.get("status", ""), options.get("category")
        return Series(metric, source, taxonomy.metric(metric).labels, status, category, records)

    # --- reconciliation --------------------------------------------------------------------------

    def conflicts(
        self,
        *,
        source: str = CLAIMS,
        metric: str | None = None,
        start: str | dt.date | None = None,
        end: str | dt.date | None = None,
        as_known_at: str | dt.datetime | None = None,
    ) -> list[Conflict]:
        """Every (date, metric) where the source's compilations disagree, with both values and
        documents, and every implausible total (``flags``: the rule that fired, ledger/plausibility.py)."""
        first = _date(start) if start else None
        last = _date(end) if end else None
        points = self.points(
            source=source, metrics=[metric] if metric else None, start=first, end=last,
            as_known_at=self.moment(as_known_at),
        )  # fmt: skip
        out = []
        for m in _ordered(points):
            for date, p in points[m].items():
                if not p.resolved and not p.flags:
                    continue
                values = [
                    ConflictValue(c.compilation, c.value, c.document_id)
                    for c in sorted(p.candidates, key=lambda c: c.compilation)
                ]
                out.append(Conflict(date.isoformat(), m, values, p.total, p.rule, list(p.flags) or None))
        return sorted(out, key=lambda r: (r.date, taxonomy.metric_names().index(r.metric)))

    # --- sources, provenance, history ------------------------------------------------------------

    def sources(self) -> list[SourceSummary]:
        """Sources with their compilations, counts and date ranges."""
        with self.engine.connect() as conn:
            return list_sources(conn)

    def documents(self, ids: list[int]) -> list[DocumentRef]:
        """The documents of ``ids`` (those the ledger has), by id: URI, sha256, when retrieved, and
        the file that cited it (``via``)."""
        with self.engine.connect() as conn:
            return list_documents(conn, ids)

    def figure(self, date: str | dt.date, metric: str, *, source: str = CLAIMS) -> FigureProvenance:
        """Where one number comes from: every compilation's observation of the cell (id, value,
        document) and the documents.  Raises NotFound for an unknown metric or an empty cell."""
        day = _date(date)
        taxonomy.metric(metric)
        point = self.points(source=source, metrics=[metric], start=day, end=day).get(metric, {}).get(day)
        if point is None:
            raise NotFound(f"no {source} figure for {metric} on {day}", code="ledger.no_figure")
        observations = [
            ObservationRef(c.observation_id, c.compilation, kind, c.value, c.qualifier, c.document_id)
            for kind, cands in (("total", point.candidates), ("increase/correction", point.others))
            for c in cands
        ]
        return FigureProvenance(
            day.isoformat(), metric, source, point.total, point.increase, point.increase_derived, point.rule,
            point.merged, observations, self.documents(point.document_ids),
        )  # fmt: skip

    def provenance(self, observation_id: int) -> Provenance:
        """One observation with its source, compilation, document chain, and history of its cell."""
        with self.engine.connect() as conn:
            return observation_provenance(conn, observation_id)

    def held_series(self) -> set[tuple[str, str]]:
        """(source, metric) of every series with a current figure."""
        with self.engine.connect() as conn:
            return held_series(conn)

    def changes(self, since: str | dt.datetime | None = None, *, limit: int | None = None) -> list[Change]:
        """Revisions: values a later sync replaced — which cell, from what, to what, by which document."""
        with self.engine.connect() as conn:
            return list_changes(conn, self.moment(since), limit)

    def status(self, *, now: dt.datetime | None = None, max_age_hours: float = 36.0) -> list[SourceStatus]:
        """Per source: newest report date, when it was fetched, and whether it is stale."""
        with self.engine.connect() as conn:
            return source_status(conn, now or utcnow(), max_age_hours)

    def syncs(self, limit: int = 20) -> list[SyncEntry]:
        """The newest ``limit`` syncs, newest first: id, when started and finished, origin."""
        query = (
            select(SyncRun.id, SyncRun.started_at, SyncRun.finished_at, SyncRun.origin)
            .order_by(SyncRun.id.desc())
            .limit(limit)
        )
        with self.engine.connect() as conn:
            return [SyncEntry(*r) for r in conn.execute(query)]

    def version(self) -> str:
        """Changes whenever the ledger's content changes (a cache key for the API)."""
        with self.engine.connect() as conn:
            newest = conn.execute(select(func.max(SyncRun.id))).scalar()
        return f"s{newest or 0}"

    def export(self, fmt: str = "csv", out: str | Path | None = None, *, history: bool = False) -> str | bytes:
        """Every observation with its source, compilation and document (csv, json or parquet)."""
        from .frames import export_frame

        return export_frame(self.engine, fmt, out, history=history)


def _ordered(points: dict[str, Any]) -> list[str]:
    order = taxonomy.metric_names()
    return sorted(points, key=lambda m: order.index(m) if m in order else len(order))


def _figure(p: Point) -> Figure:
    resolved = None
    if p.resolved:
        resolved = Resolution(p.rule, [ConflictValue(c.compilation, c.value, c.document_id) for c in p.candidates])
    return Figure(
        p.total, p.increase, p.qualifier, p.increase_derived, p.correction, p.merged, resolved, list(p.flags) or None,
        p.document_ids,
    )  # fmt: skip
