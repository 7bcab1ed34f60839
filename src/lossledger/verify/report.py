"""The result of a check: report date, judged claims, framing notes, context — as JSON or Markdown."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from .. import registry
from .fingerprint import Fingerprint
from .verdicts import Judgement

__all__ = ["CheckReport", "Note"]


@dataclass
class Note:
    """Something a reader of the article should know: a framing problem or a date problem."""

    code: str
    message: str
    span: tuple[int, int] | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "message": self.message, "span": list(self.span) if self.span else None}


@dataclass
class CheckReport:
    """Everything ``check`` found about one article."""

    language: str
    fingerprint: Fingerprint
    reference_date: dt.date | None
    stated_date: dt.date | None
    judgements: list[Judgement] = field(default_factory=list)
    #: a newer report whose own figures the text states beside older ones (check.newest_quoted)
    newest_quoted: dt.date | None = None
    notes: list[Note] = field(default_factory=list)
    context: dict[str, Any] = field(default_factory=dict)
    documents: dict[int, str] = field(default_factory=dict)

    @property
    def report_date(self) -> dt.date | None:
        """The report the text quotes: found by its figures — the newest report whose own figures
        it states, when it mixes a report with leftovers of an older one (those are stale) —
        else the date the text states when it quotes General Staff figures none of which pins a
        day ("about 1,000 a day", rounded totals) and the ledger holds that report."""
        if self.newest_quoted is not None:
            return self.newest_quoted
        if self.fingerprint.date is not None:
            return self.fingerprint.date
        quotes = any(j.claim.source == registry.CLAIMS for j in self.judgements)
        return self.reference_date if quotes else None

    @property
    def report_date_basis(self) -> str | None:
        if self.newest_quoted is not None:
            return "newest figures"
        if self.fingerprint.date is not None:
            return "figures"
        return "stated date" if self.report_date is not None else None

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for j in self.judgements:
            out[j.verdict] = out.get(j.verdict, 0) + 1
        return out

    def to_dict(self) -> dict[str, Any]:
        """The contract JSON of ``lossledger check --format json`` (issue 5)."""
        fp = self.fingerprint
        return {
            "report_date": self.report_date.isoformat() if self.report_date else None,
            "report_date_basis": self.report_date_basis,
            "confidence": round(fp.confidence, 3),
            "runner_up": fp.to_dict()["runner_up"],
            "judged_against": self.reference_date.isoformat() if self.reference_date else None,
            "stated_date": self.stated_date.isoformat() if self.stated_date else None,
            "language": self.language,
            "claims": [j.to_dict() for j in self.judgements],
            "notes": [n.to_dict() for n in self.notes],
            "context": self.context,
            "documents": {str(k): v for k, v in sorted(self.documents.items())},
            "summary": self.counts(),
        }

    def to_markdown(self, text: str | None = None) -> str:
        """An editor's note: verdicts table, notes and context, ready to paste."""
        fp = self.fingerprint
        lines = ["### Fact-check of the quoted loss figures", ""]
        if fp.date:
            runner = f"; runner-up {fp.runner_up}" if fp.runner_up else ""
            lines.append(
                f"Figures match the General Staff report of **{fp.date}** (confidence {fp.confidence:.2f}{runner})."
            )
        elif self.report_date:
            lines.append(
                f"No figure pins a report; the text's date gives the General Staff report of **{self.report_date}**."
            )
        else:
            lines.append("No General Staff report matches the figures of this text.")
        lines += ["", "| figure | source | kind | verdict | ledger | date | note |", "|---|---|---|---|---|---|---|"]
        for j in self.judgements:
            c = j.claim
            quoted = (text[c.span[0] : c.span[1]] if text else c.text).replace("|", "\\|").replace("\n", " ")
            ledger = "" if j.ledger_value is None else f"{j.ledger_value:,}"
            lines.append(
                f"| {quoted} ({c.metric}) | {c.source} | {c.kind} | **{j.verdict}** | {ledger} | {j.ledger_date or ''} | {j.explanation} |"
            )
        if self.notes:
            lines += ["", "**Notes**", ""] + [f"- `{n.code}`: {n.message}" for n in self.notes]
        comparisons = self.context.get("comparisons", [])
        if comparisons:
            lines += ["", "**Context**", ""]
            for c in comparisons:
                lines.append(
                    f"- {c['claim']}: {c['claim_value']:,} vs {c['evidence']}: {c['evidence_value']:,} ({c['evidence_date']}), ×{c['ratio']}. {c['explanation']}"
                )
        return "\n".join(lines) + "\n"
