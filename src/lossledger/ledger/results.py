"""Typed results of :class:`~lossledger.ledger.Ledger` queries (JSON by lossledger/results.py)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from ..results import Result
from .plausibility import Flag

__all__ = [
    "Change",
    "CompilationRef",
    "CompilationSummary",
    "Conflict",
    "ConflictValue",
    "Day",
    "DocumentRef",
    "Figure",
    "FigureProvenance",
    "Health",
    "HistoryEntry",
    "ObservationRef",
    "Provenance",
    "ProvenanceDocument",
    "Resolution",
    "Series",
    "SeriesValue",
    "SourceStatus",
    "SourceSummary",
    "SyncEntry",
    "Via",
]


@dataclass
class ConflictValue(Result):
    """One compilation's value of a disputed cell, and the document it read it from."""

    compilation: str
    value: int | None
    document: int


@dataclass
class Conflict(Result):
    """A (date, metric) where the compilations disagree or a total is implausible: every value,
    the one the reconciliation kept (``resolved``) and by which rule; ``flags`` only when a value
    is implausible (ledger/plausibility.py)."""

    date: str
    metric: str
    values: list[ConflictValue]
    resolved: int | None
    rule: str
    flags: list[Flag] | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "date": self.date,
            "metric": self.metric,
            "values": [v.to_dict() for v in self.values],
            "resolved": self.resolved,
            "rule": self.rule,
        }
        if self.flags:
            out["flags"] = [f.to_dict() for f in self.flags]
        return out


@dataclass
class Resolution(Result):
    """How the reconciliation chose a cell's total where the compilations disagreed: the rule, and
    every compilation's value with its document (ledger/reconcile.py)."""

    rule: str
    values: list[ConflictValue]


@dataclass
class Figure(Result):
    """One figure of a day (:meth:`Ledger.show`): the total and its increase, and — each only when
    it says something — the qualifier (other than exact), whether the increase was derived, the
    day's correction, whether the total is a sum of merged lines, how a disagreement was resolved,
    and the plausibility flags; then the ids of the documents it was read from."""

    total: int | None
    increase: int | None
    qualifier: str = "exact"
    increase_derived: bool = False
    correction: int | None = None
    merged: bool = False
    resolved: Resolution | None = None
    flags: list[Flag] | None = None
    documents: list[int] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"total": self.total, "increase": self.increase}
        if self.qualifier != "exact":
            out["qualifier"] = self.qualifier
        if self.increase_derived:
            out["increase_derived"] = True
        if self.correction:
            out["correction"] = self.correction
        if self.merged:
            out["merged"] = True
        if self.resolved is not None:
            out["resolved"] = self.resolved.to_dict()
        if self.flags:
            out["flags"] = [f.to_dict() for f in self.flags]
        out["documents"] = self.documents
        return out


@dataclass
class Via(Result):
    """The file a cited document was read from (a quoted page's figures → the dataset's file)."""

    uri: str
    sha256: str | None
    retrieved_at: str | None


@dataclass
class DocumentRef(Result):
    """A document the ledger read: its URI, media type, sha256, when it was retrieved, its dataset,
    the upstream commit (``snapshot``, when known) and the file that cited it (``via``, if any)."""

    id: int
    uri: str
    media_type: str
    sha256: str | None
    retrieved_at: str | None
    dataset: str | None
    snapshot: str | None = None
    via: Via | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "uri": self.uri,
            "media_type": self.media_type,
            "sha256": self.sha256,
            "retrieved_at": self.retrieved_at,
            "dataset": self.dataset,
        }
        if self.snapshot:
            out["snapshot"] = self.snapshot
        if self.via is not None:
            out["via"] = self.via.to_dict()
        return out


@dataclass
class Day(Result):
    """What a source reported for one date (:meth:`Ledger.show`, :meth:`Ledger.latest`): the day
    of the war, every figure by taxonomy metric in the statement's order, and the documents;
    ``as_known_at`` only when the question was asked of a past moment."""

    date: str
    day: int
    source: str
    figures: dict[str, Figure]
    documents: list[DocumentRef]
    as_known_at: str | None = None

    def to_dict(self) -> dict[str, Any]:
        out = super().to_dict()
        if self.as_known_at is None:
            del out["as_known_at"]
        return out


#: One value of a series record: a date, a total, a flag, a rule, a rolling mean or nothing.
SeriesValue = str | int | float | bool | None


@dataclass
class Series(Result):
    """A metric's series as JSON records (:meth:`Ledger.series_records`): one record per report
    date — ``date``, ``total``, ``increase``, ``correction``, ``qualifier``, ``increase_derived``,
    ``corrected``, ``merged``, ``resolved``, ``rule``, ``missing``, ``documents``, and
    ``rolling_N`` with a rolling mean — or with ``monthly`` one per month (``month``, ``total``,
    ``increase``, ``correction``, ``days``, ``corrected``, ``resolved``).  The keys of a record
    depend on the view asked for, so records are plain dicts (ledger/frames.py builds them).
    ``lossledger series --format json`` prints the records; the API answers the whole result."""

    metric: str
    source: str
    label: dict[str, str]
    status: str
    category: str | None
    records: list[dict[str, SeriesValue]]


@dataclass
class CompilationSummary(Result):
    """A compilation of a source's figures as the ledger holds it: how many current observations,
    and the first and last report dates they cover."""

    slug: str
    name: str
    url: str | None
    license: str | None
    observations: int
    first: str
    last: str


@dataclass
class SourceSummary(Result):
    """Who reports (a source, declared in sources.toml) and who transcribed it (its compilations)."""

    slug: str
    name: str
    kind: str
    url: str | None
    description: str
    compilations: list[CompilationSummary]


@dataclass
class SourceStatus(Result):
    """A source's freshness: its newest report, that report's age in hours (from 08:00 Kyiv of its
    date), when it was fetched, and whether it is stale — and why (``stale_reason``)."""

    source: str
    name: str
    newest_report: str
    age_hours: float
    fetched_at: str | None
    last_sync: str | None
    observations: int
    max_age_hours: float | None
    stale: bool
    stale_reason: str | None


@dataclass
class Health(Result):
    """``ok`` while the database answers, the ledger's version, whether the service writes, and
    every source's freshness."""

    ok: bool
    version: str
    read_only: bool
    sources: list[SourceStatus]


@dataclass
class ObservationRef(Result):
    """One compilation's observation of a figure's cell: the total (``kind`` "total") or the
    increase or correction it published ("increase/correction"), and its document."""

    id: int | None
    compilation: str
    kind: str
    value: int | None
    qualifier: str
    document: int


@dataclass
class FigureProvenance(Result):
    """Where one number comes from (:meth:`Ledger.figure`): the reconciled figure, every
    compilation's observation of its cell and the documents they were read from."""

    date: str
    metric: str
    source: str
    total: int | None
    increase: int | None
    increase_derived: bool
    rule: str
    merged: bool
    observations: list[ObservationRef]
    documents: list[DocumentRef]


@dataclass
class CompilationRef(Result):
    """A compilation named in an observation's provenance."""

    slug: str
    name: str
    url: str | None


@dataclass
class ProvenanceDocument(Result):
    """One document of an observation's chain: the one it was read from, or a file that one was
    read through."""

    id: int
    uri: str
    sha256: str | None
    media_type: str
    retrieved_at: str | None
    dataset: str | None
    snapshot: str | None


@dataclass
class HistoryEntry(Result):
    """One value a compilation has held for a cell, when it was recorded and superseded, and its document."""

    id: int
    value: int
    qualifier: str
    recorded_at: str
    superseded_at: str | None
    document: int


@dataclass
class Provenance(Result):
    """One observation (:meth:`Ledger.provenance`): its source and compilation, its cell and value,
    when it was recorded (and superseded) by which sync, the document it was read from and the
    files that one was read through (``via``), and every value of its cell (``history``)."""

    id: int
    source: str
    compilation: CompilationRef
    metric: str
    category: str
    status: str
    side: str
    date: str
    kind: str
    value: int
    qualifier: str
    period_days: int | None
    note: str | None
    recorded_at: str
    superseded_at: str | None
    sync_id: int
    document: ProvenanceDocument | None
    via: list[ProvenanceDocument]
    history: list[HistoryEntry]


@dataclass
class Change(Result):
    """A revision (:meth:`Ledger.changes`): a value a later sync replaced — which cell, from what,
    to what, by which document, observation and sync."""

    changed_at: str | None
    source: str
    compilation: str
    metric: str
    category: str
    status: str
    side: str
    kind: str
    date: str
    old: int
    new: int
    difference: int
    old_document: int
    new_document: int
    new_document_uri: str
    observation: int
    sync_id: int


@dataclass
class SyncEntry(Result):
    """One sync of the ledger (:meth:`Ledger.syncs`): when it started and finished, and its origin."""

    id: int
    started_at: dt.datetime
    finished_at: dt.datetime | None
    origin: str
