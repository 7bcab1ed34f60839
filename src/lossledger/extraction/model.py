"""Result dataclasses of extraction: :class:`Claim`, :class:`Ignored`, :class:`Extraction`.

``Extraction.to_dict()`` is the contract JSON of ``lossledger extract --format json`` (issue 4):
``{"language", "as_of", "claims": [...], "ignored": [...]}``; claims carry the extra fields
verification needs (issue 5): ``text``, ``precision``, ``framing`` and a per-claim ``as_of``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

__all__ = ["CLAIM_SOURCES", "GENERAL_STAFF", "KINDS", "QUALIFIERS", "Claim", "Extraction", "Ignored"]

KINDS = ("total", "increase")
QUALIFIERS = ("exact", "about", "more_than")
#: the sources a claim found in text may name (the registry, sources.toml, holds the ledger's)
CLAIM_SOURCES = ("general-staff", "mediazona", "oryx", "russian-mod", "ukraine-own", "other")
#: the source whose daily statement the ledger holds (registry.CLAIMS; tests/test_registry.py checks)
GENERAL_STAFF = CLAIM_SOURCES[0]
#: the vocabulary's source cues that name the General Staff, or Ukraine's forces and state in its voice
GENERAL_STAFF_CUES = frozenset({"src:general-staff", "src:general-staff-weak"})


@dataclass
class Claim:
    """One loss figure the text states, with what it is and where it came from."""

    metric: str
    value: int
    kind: str = "total"
    qualifier: str = "exact"
    source: str = GENERAL_STAFF
    span: tuple[int, int] = (0, 0)
    confidence: float = 0.5
    #: an increase's period: an ISO 8601 duration ("P1D", "P7D", "P1M"), or ``since:2025-01-01``
    #: (``since:--01-01`` with the report's year) for a new loss since a day
    period: str | None = None
    text: str = ""
    precision: int = 1
    framing: list[str] = field(default_factory=list)
    as_of: dt.date | None = None
    #: what decided total vs increase: a cue at the figure ("near", "clause", "paren") or weaker
    #: evidence ("sentence", "list", "trailing", "default", "size", "period", and "more": a word
    #: like "more", "further" at the figure, which in a list of totals may mean "also"); check
    #: may re-read a weakly decided kind with the ledger (verify/check.py)
    kind_by: str = ""
    #: the source is named in the figure's own sentence (else it was carried from another sentence
    #: or defaulted, and check may re-read it with the ledger)
    named_source: bool = False

    @property
    def multi_day(self) -> bool:
        """An increase over more than a day ("in the past week"): no single report states it."""
        return self.kind == "increase" and self.period not in (None, "P1D")

    def key(self) -> tuple[str, str, str, int]:
        """(source, metric, kind, value): what makes two mentions the same claim."""
        return (self.source, self.metric, self.kind, self.value)

    def to_dict(self) -> dict[str, Any]:
        return {
            "metric": self.metric,
            "value": self.value,
            "kind": self.kind,
            "qualifier": self.qualifier,
            "source": self.source,
            "period": self.period,
            "span": [self.span[0], self.span[1]],
            "confidence": round(self.confidence, 2),
            "text": self.text,
            "precision": self.precision,
            "framing": list(self.framing),
            "as_of": self.as_of.isoformat() if self.as_of else None,
        }


@dataclass
class Ignored:
    """A number deliberately not taken as a claim, and why (a year, a day count, a unit number…)."""

    value: float
    span: tuple[int, int]
    reason: str

    def to_dict(self) -> dict[str, Any]:
        value: float = int(self.value) if float(self.value).is_integer() else self.value
        return {"value": value, "span": [self.span[0], self.span[1]], "reason": self.reason}


@dataclass
class Extraction:
    """Everything found in one document."""

    language: str
    as_of: dt.date | None = None
    claims: list[Claim] = field(default_factory=list)
    ignored: list[Ignored] = field(default_factory=list)
    #: list items whose noun the vocabulary lacks (metric ""): ``check`` names them with the ledger
    unnamed: list[Claim] = field(default_factory=list)
    #: the weekday (0 = Monday) the text gives its report, where no date places it ("on Tuesday,
    #: the General Staff said"): ``check`` prefers such a report among equally fitting ones
    weekday: int | None = None

    def to_dict(self) -> dict[str, Any]:
        """The contract JSON (issue 4)."""
        return {
            "language": self.language,
            "as_of": self.as_of.isoformat() if self.as_of else None,
            "claims": [c.to_dict() for c in self.claims],
            "ignored": [i.to_dict() for i in self.ignored],
        }
