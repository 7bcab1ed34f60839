"""One checked article as output rows: its claims, the article itself, and its tallies.

The tallies are counts per (outlet, language, month) — articles, verdicts, framing notes, stale
lags — which the summary adds up over shards, so a report over millions of articles never loads
the claims.  An article's error kinds are decided here, once:

- ``right``: every General Staff figure matches (or is a fair rounding) and nothing is noted;
- ``late``: the figures are those of an earlier report than the one the text presents
  (note ``stale-figures``); the lag is the days between the two;
- ``wrong``: a General Staff figure is a mismatch; ``wrong_figure`` when neither a kind confusion
  (a total given as an increase or the reverse) nor lateness (an increase of the earlier report)
  explains it;
- the framing notes: ``personnel-framed-as-deaths``, ``total-as-increase``, ``increase-as-total``,
  ``mixed-dates``.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import TYPE_CHECKING, Any

from ..registry import CLAIMS

if TYPE_CHECKING:
    import pyarrow as pa

    from ..verify import CheckReport
    from .inputs import Article

__all__ = ["ARTICLE_SCHEMA", "CLAIM_SCHEMA", "FLAGS", "TALLY_SCHEMA", "article_rows", "month_of"]

GENERAL_STAFF = CLAIMS
KIND_CONFUSIONS = ("total-as-increase", "increase-as-total")
#: article-level flags, in the order of the summary's columns
FLAGS = (
    "checked",
    "right",
    "late",
    "wrong",
    "wrong_figure",
    "total_as_increase",
    "increase_as_total",
    "personnel_as_deaths",
    "mixed_dates",
    "no_report",
)


def _schemas() -> tuple[pa.Schema, pa.Schema, pa.Schema]:
    import pyarrow as pa

    where = [
        ("shard", pa.string()),
        ("record", pa.int64()),
        ("url", pa.string()),
        ("outlet", pa.string()),
        ("published", pa.date32()),
        ("month", pa.string()),
        ("language", pa.string()),
        ("report_date", pa.date32()),
        ("judged_against", pa.date32()),
        ("confidence", pa.float64()),
    ]
    claims = pa.schema(
        [
            *where,
            ("source", pa.string()),
            ("metric", pa.string()),
            ("kind", pa.string()),
            ("value", pa.int64()),
            ("qualifier", pa.string()),
            ("verdict", pa.string()),
            ("ledger_value", pa.int64()),
            ("ledger_date", pa.date32()),
            ("difference", pa.int64()),
            ("span_start", pa.int64()),
            ("span_end", pa.int64()),
            ("text", pa.string()),
            ("claim_confidence", pa.float64()),
            ("notes", pa.list_(pa.string())),
        ]
    )
    articles = pa.schema(
        [
            *where,
            ("stated_date", pa.date32()),
            ("claims", pa.int64()),
            ("gs_claims", pa.int64()),
            ("stale_lag_days", pa.int64()),
            ("notes", pa.list_(pa.string())),
            *[(flag, pa.bool_()) for flag in FLAGS],
        ]
    )
    tally = pa.schema(
        [
            ("outlet", pa.string()),
            ("language", pa.string()),
            ("month", pa.string()),
            ("key", pa.string()),
            ("count", pa.int64()),
        ]
    )
    return claims, articles, tally


CLAIM_SCHEMA, ARTICLE_SCHEMA, TALLY_SCHEMA = _schemas()


def month_of(day: dt.date | None) -> str:
    return day.strftime("%Y-%m") if day else "unknown"


def article_rows(
    shard: str, article: Article, report: CheckReport, tally: Counter[tuple[str, str, str, str]]
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The article's row and its claims' rows; adds its counts to ``tally``."""
    fp = report.fingerprint
    language = (article.language or report.language or "und").split("-")[0].lower()
    base = {
        "shard": shard,
        "record": article.record,
        "url": article.url,
        "outlet": article.outlet,
        "published": article.published,
        "month": month_of(article.published),
        "language": language,
        "report_date": fp.date,
        "judged_against": report.reference_date,
        "confidence": round(fp.confidence, 4),
    }
    at_span: dict[tuple[int, int], list[str]] = {}
    for note in report.notes:
        if note.span is not None:
            at_span.setdefault(tuple(note.span), []).append(note.code)  # type: ignore[arg-type]
    claims = []
    for j in report.judgements:
        c = j.claim
        claims.append(
            {
                **base,
                "source": c.source,
                "metric": c.metric,
                "kind": c.kind,
                "value": c.value,
                "qualifier": c.qualifier,
                "verdict": j.verdict,
                "ledger_value": j.ledger_value,
                "ledger_date": j.ledger_date,
                "difference": j.difference,
                "span_start": c.span[0],
                "span_end": c.span[1],
                "text": c.text,
                "claim_confidence": round(c.confidence, 3),
                "notes": at_span.get(tuple(c.span), []),  # type: ignore[arg-type]
            }
        )
    flags, lag = _flags(report, claims)
    row = {
        **base,
        "stated_date": report.stated_date,
        "claims": len(claims),
        "gs_claims": sum(1 for c in claims if c["source"] == GENERAL_STAFF),
        "stale_lag_days": lag,
        "notes": sorted({n.code for n in report.notes}),
        **flags,
    }
    _count(tally, row, claims)
    return row, claims


def _flags(report: CheckReport, claims: list[dict[str, Any]]) -> tuple[dict[str, bool], int | None]:
    gs = [c for c in claims if c["source"] == GENERAL_STAFF]
    codes = {n.code for n in report.notes}
    late = "stale-figures" in codes
    lag = (
        (report.reference_date - report.fingerprint.date).days
        if late and report.reference_date and report.fingerprint.date
        else None
    )
    # verify recognises a stale increase only 2 reports back (increases repeat by chance): in a
    # text whose totals are an earlier report's, its increases are that report's too — late, not wrong
    mismatches = [c for c in gs if c["verdict"] == "mismatch" and not (late and c["kind"] == "increase")]
    framing = codes & {"personnel-framed-as-deaths", *KIND_CONFUSIONS, "mixed-dates"}
    checked = bool(gs)
    flags = {
        "checked": checked,
        "right": checked and not late and not framing and all(c["verdict"] in ("match", "rounded") for c in gs),
        "late": late,
        "wrong": any(c["verdict"] == "mismatch" for c in gs),
        "wrong_figure": any(not set(c["notes"]) & set(KIND_CONFUSIONS) for c in mismatches),
        "total_as_increase": "total-as-increase" in codes,
        "increase_as_total": "increase-as-total" in codes,
        "personnel_as_deaths": "personnel-framed-as-deaths" in codes,
        "mixed_dates": "mixed-dates" in codes,
        "no_report": "no-report" in codes,
    }
    return flags, lag


def _count(tally: Counter[tuple[str, str, str, str]], row: dict[str, Any], claims: list[dict[str, Any]]) -> None:
    where = (row["outlet"], row["language"], row["month"])
    tally[(*where, "articles")] += 1
    for flag in FLAGS:
        if row[flag]:
            tally[(*where, flag)] += 1
    if row["stale_lag_days"] is not None:
        tally[(*where, f"lag:{row['stale_lag_days']}")] += 1
    for c in claims:
        if c["source"] == GENERAL_STAFF:
            tally[(*where, f"verdict:{c['verdict']}")] += 1
    tally[(*where, "claims")] += len(claims)
