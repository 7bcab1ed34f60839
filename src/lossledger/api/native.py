"""The native JSON API (``/ledger/v1``): the ledger's own view, as the CLI's ``--format json`` shows it.

Each route calls one :class:`~lossledger.ledger.Ledger` method (or analysis function) and encodes
its result once per ledger version (responses.py); bodies are the same objects the CLI prints —
``GET /ledger/v1/days/{date}`` is ``lossledger show DATE --format json``.  Errors have one shape
(errors.py).  The write endpoints (check, sync) live in writes.py.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request, Response
from starlette.concurrency import run_in_threadpool

from .. import taxonomy
from ..analysis.compare import claims_summary as summarise_claims
from ..analysis.compare import comparison as compare_sources
from ..errors import NotFound
from ..ledger import Ledger
from ..ledger.daily import SeriesRows, load_series, precomputed_sources
from ..ledger.results import Series
from ..registry import CLAIMS, CONFIRMED
from ..warday import WAR_START, today_kyiv
from .compat import COMPILATION
from .models import (
    ChangesV1,
    ClaimsV1,
    ComparisonV1,
    ConflictsV1,
    DayV1,
    DocumentV1,
    ErrorV1,
    FigureProvenanceV1,
    IsoDate,
    IsoMoment,
    MetricsV1,
    ProvenanceV1,
    SeriesV1,
    SourcesV1,
)
from .paths import NATIVE_PREFIX
from .responses import cached_response, dumps_v1, public_paths, service
from .state import ServiceState

__all__ = ["SERIES_PATH", "claims_summary", "precomputed", "router", "series_body", "span"]

router = APIRouter(
    prefix=NATIVE_PREFIX,
    tags=["ledger v1 (native)"],
    responses={
        400: {"model": ErrorV1, "description": "Bad input (a malformed date, an unknown option)."},
        404: {"model": ErrorV1, "description": "No such date, metric, source, observation or document."},
    },
)

SERIES_PATH = f"{NATIVE_PREFIX}/series/"
SOURCE = Query(CLAIMS, description="Source slug (see /ledger/v1/sources).", max_length=64)
AS_KNOWN_AT = Query(None, description="Answer as the ledger stood at this moment (ISO 8601), before later revisions.")
START = Query(None, description="First date, YYYY-MM-DD (dates before the war are taken as 2022-02-24).")
END = Query(None, description="Last date, YYYY-MM-DD (dates after tomorrow are taken as tomorrow).")
DATE = Path(description="Report date, YYYY-MM-DD.")
LANG = Query("en", description="Language of labels and sentences: en or uk.", pattern="^(en|uk)$")


def _ledger(request: Request) -> Ledger:
    return service(request).ledger


def span(start: dt.date | None, end: dt.date | None) -> tuple[dt.date | None, dt.date | None]:
    """Clamp a requested range to the war's calendar: a daily series from year 1 (or to 9999) would
    build millions of empty rows, or leave pandas' timestamp range, to show nothing more."""
    if start is not None:
        start = max(start, WAR_START)
    horizon = today_kyiv() + dt.timedelta(days=1)
    if end is not None:
        end = min(end, horizon)
    return start, end


@router.get("/metrics", response_model=MetricsV1, response_class=Response, summary="Metrics with labels in en/uk/ru")
def metrics(request: Request) -> Response:
    """Every metric of the taxonomy: labels (en, uk, ru), unit, the dates the statement carried it,
    merges, and the russianwarship v2 keys that hold it (none for ground robotic systems: v1 only)."""
    return cached_response(request, lambda: dumps_v1(taxonomy.metric_summaries(COMPILATION)))


@router.get("/sources", response_model=SourcesV1, response_class=Response, summary="Sources and their compilations")
def sources(request: Request) -> Response:
    """Who reports (source) and who transcribed it (compilation), with counts and date ranges."""
    return cached_response(request, lambda: dumps_v1(_ledger(request).sources()))


@router.get("/latest", response_model=DayV1, response_class=Response, summary="The newest report of a source")
def latest(request: Request, source: str = SOURCE, as_known_at: IsoMoment | None = AS_KNOWN_AT) -> Response:
    """:meth:`Ledger.latest`: the same object as ``lossledger latest --format json``."""
    return cached_response(
        request, lambda: dumps_v1(public_paths(_ledger(request).latest(source=source, as_known_at=as_known_at)))
    )


@router.get(
    "/days/{date}", response_model=DayV1, response_class=Response, summary="What a source reported for one date"
)
def day(
    request: Request, date: Annotated[IsoDate, DATE], source: str = SOURCE, as_known_at: IsoMoment | None = AS_KNOWN_AT
) -> Response:
    """Exactly ``lossledger show DATE --format json`` (:meth:`Ledger.show`): every figure with its
    increase, qualifier, resolution and document ids, and the documents."""
    return cached_response(
        request, lambda: dumps_v1(public_paths(_ledger(request).show(date, source=source, as_known_at=as_known_at)))
    )


@router.get(
    "/figures/{date}/{metric}",
    response_model=FigureProvenanceV1,
    response_class=Response,
    summary="Provenance of one figure",
)
def figure(
    request: Request,
    date: Annotated[IsoDate, DATE],
    metric: Annotated[str, Path(description="Taxonomy metric.", max_length=64)],
    source: str = SOURCE,
) -> Response:
    """Where one number comes from: every compilation's observation of the cell (id, value,
    document) and the documents — open one with /ledger/v1/observations/{id} for its history."""
    return cached_response(
        request, lambda: dumps_v1(public_paths(_ledger(request).figure(date, metric, source=source)))
    )


@router.get("/series/{metric}", response_model=SeriesV1, response_class=Response, summary="A metric's series")
async def series(
    request: Request,
    metric: Annotated[str, Path(description="Taxonomy metric, e.g. tanks, personnel.", max_length=64)],
    source: str = SOURCE,
    start: IsoDate | None = START,
    end: IsoDate | None = END,
    daily: Annotated[bool, Query(description="One row per calendar day; skipped days marked `missing`.")] = False,
    rolling: Annotated[
        int | None, Query(ge=1, le=366, description="Add `rolling_N`, the N-day mean of daily increases.")
    ] = None,
    monthly: Annotated[bool, Query(description="One row per month: last total, sum of increases.")] = False,
    status: Annotated[
        str, Query(description="Oryx status: destroyed, damaged, abandoned, captured.", max_length=16)
    ] = "",
    category: Annotated[
        str | None, Query(description="A source's sub-series (e.g. probate_estimate).", max_length=64)
    ] = None,
    as_known_at: IsoMoment | None = AS_KNOWN_AT,
) -> Response:
    """:meth:`Ledger.series_records` (the CLI's ``series --format json`` prints its records): total, increase,
    correction, ``corrected`` on correction days, ``resolved``/``rule``, ``missing`` with ``daily``.

    A plain series (no view, no filter, as known now) is a slice of the precomputed daily series
    (read from its table once per served version), answered on the event loop — cheaper than the
    hop to a worker thread; anything else is computed with pandas in the thread pool."""

    first, last = span(start, end)
    taxonomy.metric(metric)  # an unknown metric is a 404 before anything is read
    if not (daily or rolling or monthly or status or category is not None or as_known_at is not None):
        rows = precomputed(service(request), source, metric)
        if rows is not None:  # a slice of the precomputed daily series (ledger/daily.py)
            return cached_response(request, lambda: series_body(metric, source, rows, first, last))

    def body() -> bytes:
        return dumps_v1(_ledger(request).series_records(metric, source=source, start=first, end=last, daily=daily,
                        rolling=rolling, monthly=monthly, as_known_at=as_known_at, status=status, category=category))  # fmt: skip

    return await run_in_threadpool(cached_response, request, body)


def _series_sources(ledger: Ledger) -> dict[str, int]:
    with ledger.engine.connect() as conn:
        return precomputed_sources(conn)


def precomputed(state: ServiceState, source: str, metric: str) -> SeriesRows | None:
    """The precomputed rows of a plain series, read once per served version; None if there are none."""
    source_id = state.memo("series-sources", lambda: _series_sources(state.ledger)).get(source)
    if source_id is None:
        return None

    def load() -> SeriesRows:
        with state.ledger.engine.connect() as conn:
            return load_series(conn, source_id, metric)

    return state.memo(f"series:{source_id}:{metric}", load)


def series_body(metric: str, source: str, rows: SeriesRows, start: dt.date | None, end: dt.date | None) -> bytes:
    """A plain series' answer: its :class:`~lossledger.ledger.results.Series` (no status, no
    category) with a slice of the precomputed rows, already encoded, as its records."""
    return _series_head(metric, source) + b",".join(rows.between(start, end)) + b"]}"


@lru_cache(maxsize=256)
def _series_head(metric: str, source: str) -> bytes:
    """A plain series' encoded :class:`~lossledger.ledger.results.Series` up to its records' items
    (the hot path's few µs; only sources with precomputed rows get here)."""
    empty = dumps_v1(Series(metric, source, taxonomy.metric(metric).labels, "", None, []))  # …"records":[]}
    return empty[:-2]


@router.get(
    "/conflicts", response_model=ConflictsV1, response_class=Response, summary="Disagreements between compilations"
)
def conflicts(
    request: Request,
    source: str = SOURCE,
    metric: Annotated[str | None, Query(description="Only this metric.", max_length=64)] = None,
    start: IsoDate | None = START,
    end: IsoDate | None = END,
    as_known_at: IsoMoment | None = AS_KNOWN_AT,
) -> Response:
    """:meth:`Ledger.conflicts`: every (date, metric) where transcriptions disagree, each value with its document."""
    first, last = span(start, end)
    return cached_response(
        request,
        lambda: dumps_v1(
            _ledger(request).conflicts(source=source, metric=metric, start=first, end=last, as_known_at=as_known_at)
        ),
    )


@router.get(
    "/compare/{metric}",
    response_model=ComparisonV1,
    response_class=Response,
    summary="Claims vs. confirmed, side by side",
)
def comparison(
    request: Request,
    metric: Annotated[str, Path(description="Taxonomy metric.", max_length=64)],
    sources: Annotated[
        str, Query(description=f"Comma-separated sources, the claim first: {CLAIMS},{CONFIRMED}.", max_length=200)
    ] = f"{CLAIMS},{CONFIRMED}",
    start: IsoDate | None = START,
    end: IsoDate | None = END,
    by_status: Annotated[
        bool, Query(description="Add one column per Oryx status (destroyed, damaged, abandoned, captured).")
    ] = True,
    lang: str = LANG,
) -> Response:
    """:func:`analysis.compare.compare`: each evidence figure next to the claim of the same (or the
    nearest earlier) date, their ratio, and :func:`gap_sentence` explaining the newest gap."""
    names = [s.strip() for s in sources.split(",") if s.strip()]
    first, last = span(start, end)

    def body() -> bytes:
        found = compare_sources(_ledger(request), metric, names, start=first, end=last, by_status=by_status, lang=lang)
        return dumps_v1(found.to_dict())

    return cached_response(request, body)


def claims_summary(ledger: Ledger, lang: str) -> list[dict[str, Any]]:
    """:func:`analysis.compare.claims_summary` as the JSON the dashboard's table reads."""
    return [row.to_dict() for row in summarise_claims(ledger, lang)]


@router.get(
    "/claims",
    response_model=ClaimsV1,
    response_class=Response,
    summary="Newest claims vs. confirmed, every metric",
)
def claims(request: Request, lang: str = LANG) -> Response:
    """For each statement metric with an evidence series (Oryx equipment; Mediazona/BBC named
    deaths for personnel): the newest confirmed figure, the claim of that date, Oryx's statuses,
    the ratio, and the gap explained in one sentence."""
    state = service(request)
    return cached_response(
        request, lambda: dumps_v1(state.memo(f"claims-{lang}", lambda: claims_summary(state.ledger, lang)))
    )


@router.get(
    "/observations/{observation_id}",
    response_model=ProvenanceV1,
    response_class=Response,
    summary="Provenance of one observation",
)
def observation(request: Request, observation_id: Annotated[int, Path(ge=1, le=2**62)]) -> Response:
    """:meth:`Ledger.provenance`: source, compilation, the document chain, and the history of its cell."""
    return cached_response(request, lambda: dumps_v1(public_paths(_ledger(request).provenance(observation_id))))


@router.get("/documents/{document_id}", response_model=DocumentV1, response_class=Response, summary="One document")
def document(request: Request, document_id: Annotated[int, Path(ge=1, le=2**62)]) -> Response:
    """A document the ledger read: URI, sha256, when retrieved, and the file that cited it (``via``)."""

    def body() -> bytes:
        found = _ledger(request).documents([document_id])
        if not found:
            raise NotFound(f"no document {document_id}", code="ledger.document")
        return dumps_v1(public_paths(found[0]))

    return cached_response(request, body)


@router.get("/changes", response_model=ChangesV1, response_class=Response, summary="Revisions made by later syncs")
def changes(
    request: Request,
    since: Annotated[IsoMoment | None, Query(description="Only revisions at or after this moment (ISO 8601).")] = None,
    limit: Annotated[int | None, Query(ge=1, le=10000)] = None,
) -> Response:
    """:meth:`Ledger.changes`: which cell changed, from what, to what, by which document."""
    return cached_response(request, lambda: dumps_v1(public_paths(_ledger(request).changes(since, limit=limit))))
