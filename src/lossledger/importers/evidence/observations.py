"""A list's counts as observations of the ledger, so ``check``, ``compare`` and the dashboard see them.

For each series the value at date D is the number of current records dated on or before D —
what the list, as published in this file, says had been confirmed by D (a later edition may
still add records dated before D).  A row is written only on dates where the count changes,
like Oryx's own daily counts; the ledger derives increases where consecutive days exist.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable

from ... import taxonomy
from ...model import ObservationRow
from .rows import RecordRow

__all__ = ["cumulative", "equipment_observations", "person_observations"]


def cumulative(dates: Iterable[dt.date]) -> list[tuple[dt.date, int]]:
    """(date, running count) on each date that has at least one record, oldest first.

    >>> cumulative([dt.date(2022, 3, 2), dt.date(2022, 3, 1), dt.date(2022, 3, 2)])
    [(datetime.date(2022, 3, 1), 1), (datetime.date(2022, 3, 2), 3)]
    """
    return _running(Counter(dates))


def _running(per_date: Counter[dt.date]) -> list[tuple[dt.date, int]]:
    out: list[tuple[dt.date, int]] = []
    total = 0
    for date, n in sorted(per_date.items()):
        total += n
        out.append((date, total))
    return out


def person_observations(source: str, records: list[RecordRow], document_key: str) -> list[ObservationRow]:
    """The named-deaths list as a personnel series (deaths, a lower bound — not killed+wounded)."""
    return [
        ObservationRow(
            source=source, metric="personnel", report_date=d, kind="total", value=n, document_key=document_key
        )
        for d, n in cumulative(r.date for r in records)
    ]


def equipment_observations(
    source: str, records: list[RecordRow], documents: dict[str, str], note: str
) -> list[ObservationRow]:
    """Per side, metric and status ('' = all statuses): items whose category maps to the metric.

    ``documents`` maps a status to the key of the file its records came from; the all-status
    series cite the first file and say in ``note`` that they count all of them.  Every item
    counts towards ``all_equipment``, whether or not its system's category is known.
    """
    metric_of = {c.slug: c.metric for c in taxonomy.oryx_categories()}
    # Records counted per (side, category, status, date) first: ~5k cells for 35k records, so
    # the per-metric series are summed per cell, not per record (0.10 → 0.02 s).
    cells = Counter((r.side, r.category, r.status or "", r.date) for r in records)
    per_date: dict[tuple[str, str, str], Counter[dt.date]] = defaultdict(Counter)
    for (side, category, status, date), n in cells.items():
        metrics = {"all_equipment"}
        if category is not None and metric_of[category] != "all_equipment":
            metrics.add(metric_of[category])
        for metric in metrics:
            per_date[(side, metric, "")][date] += n
            per_date[(side, metric, status)][date] += n
    first = next(iter(documents.values()))
    out: list[ObservationRow] = []
    for (side, metric, status), counts in sorted(per_date.items()):
        doc = documents.get(status, first)
        for d, n in _running(counts):
            out.append(
                ObservationRow(
                    source=source,
                    metric=metric,
                    report_date=d,
                    kind="total",
                    value=n,
                    document_key=doc,
                    side=side,
                    status=status,
                    note=None if status else note,
                )  # fmt: skip
            )
    return out
