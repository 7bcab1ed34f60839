"""Pydantic models of request and response bodies — for the OpenAPI document and schemathesis.

Responses are encoded by the routes themselves (cached bytes), so these models describe them
rather than produce them; tests check real responses against them (schemathesis).  The native
API's models (``*V1``: the ledger's own API, version 1, at ``/ledger/v1``) allow extra keys, so a
new field in the ledger's output is not a schema violation; the upstream models (russianwarship.rip
``/api/v1`` and ``/api/v2``, made by :func:`upstream_models`) are closed and keep the original API's
key order.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass
from typing import Annotated, Any, get_type_hints

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, create_model

from ..analysis.compare import ClaimSummary, Comparison
from ..ledger.results import (
    Change,
    CompilationRef,
    CompilationSummary,
    Conflict,
    ConflictValue,
    Day,
    DocumentRef,
    Figure,
    FigureProvenance,
    Health,
    HistoryEntry,
    ObservationRef,
    Provenance,
    ProvenanceDocument,
    Resolution,
    Series,
    SourceStatus,
    SourceSummary,
    Via,
)
from ..taxonomy import MetricSummary

__all__ = [
    "CheckRequest",
    "IsoDate",
    "IsoMoment",
    "ErrorV1",
    "ErrorV2",
    "SyncRequest",
    "UpstreamModels",
    "V2Term",
    "V2TermResponse",
    "V2WarInfo",
    "V2WarStatus",
    "V2WarStatusText",
    "upstream_models",
]


_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_MOMENT_RE = re.compile(r"^\d{4}-\d{2}-\d{2}([Tt ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?([Zz]|[+-]\d{2}:?\d{2})?)?$")


def _iso(pattern: re.Pattern[str], what: str) -> BeforeValidator:
    # pydantic would also take a number as a Unix timestamp; the API documents ISO 8601 only.
    def check(value: object) -> object:
        if isinstance(value, str) and not pattern.match(value):
            raise ValueError(f"expected {what}")
        return value

    return BeforeValidator(check)


IsoDate = Annotated[dt.date, _iso(_DATE_RE, "a YYYY-MM-DD date")]
IsoMoment = Annotated[dt.datetime, _iso(_MOMENT_RE, "an ISO 8601 date or date-time")]


class Open(BaseModel):
    model_config = ConfigDict(extra="allow")


# --- v1 --------------------------------------------------------------------------------------------


class ErrorV1(BaseModel):
    """Every v1 error: ``ok`` false, a message, a stable code and the HTTP status."""

    ok: bool = False
    error: str
    code: str
    status: int
    place: str | None = None


def _described(result: type, name: str, **nested: Any) -> type[BaseModel]:
    """The open response model of a library result: its dataclass is the one description
    (``nested``: a field's type given as a model, where the dataclass names another result)."""
    hints = {**get_type_hints(result), **nested}
    fields: dict[str, Any] = {
        f.name: (hints[f.name], ... if f.default is dataclasses.MISSING else f.default)
        for f in dataclasses.fields(result)
    }
    return create_model(name, __base__=Open, __doc__=result.__doc__, **fields)


MetricV1 = _described(MetricSummary, "MetricV1")
#: ``GET /ledger/v1/metrics`` (a model made at run time is a value to mypy, not a type)
MetricsV1: Any = list[MetricV1]  # type: ignore[valid-type]

CompilationV1 = _described(CompilationSummary, "CompilationV1")
SourceV1 = _described(SourceSummary, "SourceV1", compilations=list[CompilationV1])  # type: ignore[valid-type]
#: ``GET /ledger/v1/sources`` (a model made at run time is a value to mypy, not a type)
SourcesV1: Any = list[SourceV1]  # type: ignore[valid-type]

CandidateV1 = _described(ConflictValue, "CandidateV1")


ResolvedV1 = _described(Resolution, "ResolvedV1", values=list[CandidateV1])  # type: ignore[valid-type]
FigureV1 = _described(Figure, "FigureV1", resolved=ResolvedV1 | None)
ViaV1 = _described(Via, "ViaV1")
DocumentV1 = _described(DocumentRef, "DocumentV1", via=ViaV1 | None)
#: ``lossledger show DATE --format json`` (:meth:`Ledger.show`) and ``GET /ledger/v1/days/{date}``
DayV1 = _described(Day, "DayV1", figures=dict[str, FigureV1], documents=list[DocumentV1])  # type: ignore[valid-type]


#: ``GET /ledger/v1/series/{metric}`` (:meth:`Ledger.series_records`)
SeriesV1 = _described(Series, "SeriesV1")


ConflictV1 = _described(Conflict, "ConflictV1", values=list[CandidateV1])  # type: ignore[valid-type]
#: ``GET /ledger/v1/conflicts`` (a model made at run time is a value to mypy, not a type)
ConflictsV1: Any = list[ConflictV1]  # type: ignore[valid-type]


ComparisonV1 = _described(Comparison, "ComparisonV1")
ClaimSummaryV1 = _described(ClaimSummary, "ClaimSummaryV1")
#: ``GET /ledger/v1/claims`` (a model made at run time is a value to mypy, not a type)
ClaimsV1: Any = list[ClaimSummaryV1]  # type: ignore[valid-type]


ObservationRefV1 = _described(ObservationRef, "ObservationRefV1")
FigureProvenanceV1 = _described(
    FigureProvenance,
    "FigureProvenanceV1",
    observations=list[ObservationRefV1],  # type: ignore[valid-type]
    documents=list[DocumentV1],  # type: ignore[valid-type]
)

CompilationRefV1 = _described(CompilationRef, "CompilationRefV1")
ProvenanceDocumentV1 = _described(ProvenanceDocument, "ProvenanceDocumentV1")
HistoryEntryV1 = _described(HistoryEntry, "HistoryEntryV1")
ProvenanceV1 = _described(
    Provenance,
    "ProvenanceV1",
    compilation=CompilationRefV1,
    document=ProvenanceDocumentV1 | None,
    via=list[ProvenanceDocumentV1],  # type: ignore[valid-type]
    history=list[HistoryEntryV1],  # type: ignore[valid-type]
)

ChangeV1 = _described(Change, "ChangeV1")
#: ``GET /ledger/v1/changes`` (a model made at run time is a value to mypy, not a type)
ChangesV1: Any = list[ChangeV1]  # type: ignore[valid-type]


HealthSourceV1 = _described(SourceStatus, "HealthSourceV1")
HealthV1 = _described(Health, "HealthV1", sources=list[HealthSourceV1])  # type: ignore[valid-type]


class CheckRequest(BaseModel):
    """An article to check: its text and, when known, its publication date (YYYY-MM-DD)."""

    model_config = ConfigDict(extra="forbid")
    text: str = Field(..., description="The article's text (at most 1 MB).")
    published: IsoDate | None = Field(None, description="Publication date, YYYY-MM-DD (helps date the report).")


class CheckClaimV1(Open):
    metric: str | None
    kind: str | None
    value: int | float | None
    source: str | None
    verdict: str = Field(..., description="match, stale, mismatch, rounded or unverifiable")
    ledger_value: int | float | None
    ledger_date: str | None
    span: list[int] | None


class CheckNoteV1(Open):
    code: str
    message: str
    span: list[int] | None = None


class CheckResultV1(Open):
    """Exactly ``lossledger check --format json``."""

    report_date: str | None
    report_date_basis: str | None = None
    confidence: float
    claims: list[CheckClaimV1]
    notes: list[CheckNoteV1]
    context: dict[str, Any]


class SyncRequest(BaseModel):
    """What to sync: an origin (folder or mirror URL; default: the server's configured origin)."""

    model_config = ConfigDict(extra="forbid")
    origin: str | None = None
    only: list[str] | None = None
    force: bool = False


# --- upstream v1 and v2 (russianwarship.rip) --------------------------------------------------------


class ErrorV2(BaseModel):
    """Laravel's error body: ``message`` and, for 422, ``errors`` by field."""

    message: str
    errors: dict[str, list[str]] | None = None


class WarStatusV2(BaseModel):
    code: int
    alias: str


class V2Term(BaseModel):
    title: str
    icon: str


class V2WarStatus(BaseModel):
    message: str
    data: WarStatusV2


class WarStatusTextV2(BaseModel):
    code: int
    alias: str
    description: str


class V2WarStatusText(BaseModel):
    message: str
    data: WarStatusTextV2


class WarInfoDataV2(BaseModel):
    """Keys and order as recorded from upstream (docs/api.md)."""

    date_start: str
    date_end: str | None
    current_day: int
    current_date: str
    war_status: WarStatusV2


class V2WarInfo(BaseModel):
    message: str
    data: WarInfoDataV2


class PagingV2(BaseModel):
    next_url: str | None
    prev_url: str | None
    first_url: str | None
    last_url: str | None


class V2TermResponse(BaseModel):
    message: str
    data: V2Term


@dataclass(frozen=True)
class UpstreamModels:
    """The response models of one upstream version (its keys, with or without ``war_status``)."""

    statistic: type[BaseModel]
    listing: type[BaseModel]
    terms: type[BaseModel]


def upstream_models(version: str, keys: tuple[str, ...], war_status: bool, list_increase: bool) -> UpstreamModels:
    """Closed models (key order as upstream) of one version's records, lists and terms."""
    tag = version.upper()
    int_fields: dict[str, Any] = {key: (int, ...) for key in keys}
    term_fields: dict[str, Any] = {key: (V2Term, ...) for key in keys}
    stats: Any = create_model(f"Stats{tag}", **int_fields)
    head: dict[str, Any] = {"date": (str, ...), "day": (int, ...), "resource": (str, ...)}
    if war_status:
        head["war_status"] = (WarStatusV2, ...)
    listed: Any = create_model(f"ListRecord{tag}", **head, stats=(stats, ...))
    record: Any = create_model(f"Record{tag}", **head, stats=(stats, ...), increase=(stats, ...))
    item: Any = record if list_increase else listed
    page: Any = create_model(f"ListData{tag}", records=(list[item], ...), paging=(PagingV2, ...))
    terms: Any = create_model(f"TermsData{tag}", **term_fields)
    return UpstreamModels(
        statistic=create_model(f"Statistic{tag}", message=(str, ...), data=(record, ...)),
        listing=create_model(f"List{tag}", message=(str, ...), data=(page, ...)),
        terms=create_model(f"Terms{tag}", message=(str, ...), data=(terms, ...)),
    )
