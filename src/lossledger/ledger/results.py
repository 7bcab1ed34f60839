"""Typed results of :class:`~lossledger.ledger.Ledger` queries (JSON by lossledger/results.py)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..results import Result
from .plausibility import Flag

__all__ = [
    "CompilationSummary",
    "Conflict",
    "ConflictValue",
    "FigureProvenance",
    "Health",
    "ObservationRef",
    "SourceStatus",
    "SourceSummary",
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
    documents: list[dict[str, Any]]
