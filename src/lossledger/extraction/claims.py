"""From candidate figures to claims: framing, the metric of the era, rounding, repeats.

Conventions follow ../shared/articles/dev.jsonl's labels: a figure stated twice (headline and body,
"8712" and "8 712") is one claim, keeping a stated qualifier ("Over 400,000" … "exceeded 400,000");
a round figure stated beside the precise one it rounds ("3.000 carri armati" and "3.003 tank") is
``about``; "vehicles" before 2022-05-01 is the statement's "military auto" line (the two lines
merged that day, general-staff-statement.md).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from .. import taxonomy
from .document import Doc
from .figures import Candidate
from .model import Claim

__all__ = ["build_claims", "remap_era"]

MERGE_DAY = taxonomy.metric("vehicles").since  # the statement merged military auto and fuel tanks


def _framing(doc: Doc, c: Candidate, claim: Claim) -> list[str]:
    lo, hi = c.evidence()
    clo, _ = doc.clause_range(lo)
    _, chi = doc.clause_range(max(lo, hi - 1))
    out: list[str] = []
    if claim.metric == "personnel" and doc.matches_in(clo, chi, "frame:death"):
        out.append("deaths")
    if claim.kind == "increase" and claim.period in (None, "P1D"):
        out.append("daily")
        if doc.matches_in(*doc.sentence_range(lo), "kind:record") or doc.matches_in(*doc.sentences[0], "kind:record"):
            out.append("record")  # "the deadliest day of the war" here or in the headline
    if claim.kind == "total" and (
        doc.matches_in(clo, chi, "kind:total") or doc.matches_in(*doc.sentence_range(lo), "kind:total")
    ):
        out.append("cumulative")
    return out


def remap_era(claims: list[Claim], era: dt.date | None) -> None:
    """Name the vehicles line as the statement of that date did (merged on 2022-05-01)."""
    early = era < MERGE_DAY if era else any(c.metric in ("fuel_tanks", "srbm_launchers") for c in claims)
    for c in claims:
        if early and c.metric == "vehicles":
            c.metric = "military_auto"
        elif era and not early and c.metric == "military_auto":
            c.metric = "vehicles"


def _rounded(claims: list[Claim]) -> None:
    """A round figure next to the precise one of the same series is 'about' that figure."""
    for c in claims:
        if c.qualifier != "exact" or c.value < 1000 or c.value % 1000:
            continue
        for o in claims:
            if o is c or o.value % 1000 == 0 or (o.source, o.metric, o.kind) != (c.source, c.metric, c.kind):
                continue
            if abs(o.value - c.value) <= 0.02 * c.value:
                c.qualifier = "about"
                break


def _merge(claims: list[Claim], strong: list[bool]) -> list[Claim]:
    """One claim per (metric, kind, value) and source; a weakly attributed repeat of a figure that
    is strongly attributed elsewhere takes that attribution."""
    groups: dict[tuple[str, str, int], list[int]] = {}
    for i, c in enumerate(claims):
        groups.setdefault((c.metric, c.kind, c.value), []).append(i)
    keep: list[Claim] = []
    for idx in groups.values():
        strong_sources = {claims[i].source for i in idx if strong[i]}
        by_source: dict[str, Claim] = {}
        for i in idx:
            c = claims[i]
            if not strong[i] and strong_sources and c.source not in strong_sources:
                continue
            have = by_source.get(c.source)
            if have is None:
                by_source[c.source] = c
            elif have.qualifier == "exact" and c.qualifier != "exact":
                c.framing = sorted(set(c.framing) | set(have.framing))
                by_source[c.source] = c
            else:
                have.framing = sorted(set(c.framing) | set(have.framing))
        keep.extend(by_source.values())
    keep.sort(key=lambda c: c.span[0])
    return keep


def build_claims(
    doc: Doc, figs: list[Candidate], to_claim: Callable[[Doc, Candidate], Claim], era: dt.date | None
) -> list[Claim]:
    """Claims of the figures, in text order, with repeats merged."""
    claims: list[Claim] = []
    strong: list[bool] = []
    for c in figs:
        claim = to_claim(doc, c)
        claim.framing = _framing(doc, c, claim)
        claims.append(claim)
        strong.append(c.strong_source)
    remap_era(claims, era)
    merged = _merge(claims, strong)
    _rounded(merged)
    return merged
