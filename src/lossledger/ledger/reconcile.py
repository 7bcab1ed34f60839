"""Reconciling transcriptions of one source into its default series.

The General Staff's statement reaches us through several compilations (PetroIvaniuk,
orc-losses, russianwarship.rip, our own extraction) that disagree on 200+ (date, metric) cells:
different values, or a line one of them left out on a day both transcribed.  Each cell of the
default series is resolved by this documented, deterministic rule:

1. **agree** — every compilation that has the cell gives the same value (not marked), and no
   complete transcription of that day lacks the line.
2. **coverage** — they agree, but a complete transcription (``complete`` in sources.toml) of that day
   lacks the line although the statement carried it and the compilation has a field for it: the value given (marked, the absent
   compilation listed with value ``None``).
3. **majority** — one value is given by more compilations than any other.
4. **continuity** — the value that best fits the nearest agreed totals within ``WINDOW`` days
   before and after, allowing for recorded corrections (a cumulative total lies between its
   neighbours): the candidate with the smallest violation, when unique.
5. **priority** — the first compilation in sources.toml's ``priority`` that has the cell: statement text
   read by lossledger, then russianwarship.rip (carries the statement's own increases), then
   PetroIvaniuk (complete daily series with a corrections file), then orc-losses; for Oryx, the
   daily scrape before totals quoted in the news.

Rules 2–5 mark the cell ``resolved`` with the rule's name and every candidate, so a reader sees
all values and their documents.  The window keeps the rule local: a cell resolves the same way
whether one day or the whole series is asked for.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from .. import taxonomy
from ..errors import SchemaError
from ..registry import COMPLETE, PRIORITY

__all__ = ["WINDOW", "CompilationValue", "Cell", "resolve_cells"]

#: sources.toml's ``compilations.priority``, as ranks
_RANK = {compilation: rank for rank, compilation in enumerate(PRIORITY)}
WINDOW = dt.timedelta(days=7)

Key = tuple[str, str, dt.date]


@dataclass(frozen=True)
class CompilationValue:
    """One compilation's value for a cell (``value`` None: the compilation lacks the line) — a
    candidate for the cell's value; extraction.figures.Candidate is another thing (a figure found in text)."""

    compilation: str
    value: int | None
    qualifier: str
    document_id: int
    observation_id: int | None


@dataclass
class Cell:
    """A resolved cell of a source's series."""

    metric: str
    kind: str
    date: dt.date
    value: int
    qualifier: str
    candidates: list[CompilationValue] = field(default_factory=list)
    rule: str = "agree"

    @property
    def resolved(self) -> bool:
        """True when the compilations disagreed and a rule chose the value."""
        return self.rule != "agree"


def _rank(compilation: str) -> int:
    """Its place in sources.toml's priority; a compilation not there is an error, not "last"."""
    try:
        return _RANK[compilation]
    except KeyError:
        raise SchemaError(
            f"compilation {compilation!r} is not in sources.toml (compilations.priority)", code="registry.compilation"
        ) from None


def resolve_cells(
    candidates: Iterable[tuple[str, str, dt.date, CompilationValue]],
    reported: dict[str, dict[dt.date, int]] | None = None,
) -> dict[Key, Cell]:
    """Resolve ``(metric, kind, date, candidate)`` tuples into one cell per (metric, kind, date).

    ``reported`` maps a compilation to the dates it transcribed (and one document of each), so a
    line a complete transcription left out can be told from a day it skipped.
    """
    grouped: dict[Key, list[CompilationValue]] = defaultdict(list)
    for metric, kind, date, cand in candidates:
        grouped[(metric, kind, date)].append(cand)
    cells: dict[Key, Cell] = {}
    disputed: list[Key] = []
    for key, cands in grouped.items():
        if len({c.value for c in cands}) == 1:
            best = min(cands, key=lambda c: _rank(c.compilation))
            cell = cells[key] = Cell(*key, value=best.value or 0, qualifier=best.qualifier, candidates=cands)
            if cell.kind == "total" and reported:
                _check_coverage(cell, reported)
        else:
            disputed.append(key)
    anchors: dict[tuple[str, str], tuple[list[dt.date], list[int]]] = {}
    for key in sorted(cells):
        cell = cells[key]
        dates, vals = anchors.setdefault((cell.metric, cell.kind), ([], []))
        dates.append(cell.date)
        vals.append(cell.value)
    corrections = {(m, d): cell.value for (m, k, d), cell in cells.items() if k == "correction"}
    for key in disputed:
        metric, kind, _date = key
        cells[key] = _resolve(key, grouped[key], anchors.get((metric, kind), ([], [])), corrections)
    return cells


def _check_coverage(cell: Cell, reported: dict[str, dict[dt.date, int]]) -> None:
    present = {c.compilation for c in cell.candidates}
    metric = taxonomy.metrics().get(cell.metric)
    if metric is None or not metric.reported_on(cell.date):
        return
    absent = [
        comp
        for comp in sorted(COMPLETE - present)
        if cell.date in reported.get(comp, {}) and cell.metric in taxonomy.compilation_metrics(comp)
    ]
    if absent:
        cell.rule = "coverage"
        cell.candidates = [
            *cell.candidates,
            *(CompilationValue(comp, None, "exact", reported[comp][cell.date], None) for comp in absent),
        ]


def _resolve(
    key: Key,
    cands: list[CompilationValue],
    anchor: tuple[list[dt.date], list[int]],
    corrections: dict[tuple[str, dt.date], int],
) -> Cell:
    metric, kind, date = key
    counts = Counter(c.value for c in cands if c.value is not None)
    (top, n), *rest = counts.most_common()
    if rest and n > rest[0][1]:
        return _cell(key, cands, top, "majority")
    if kind == "total":
        value = _by_continuity(metric, date, sorted(counts), anchor, corrections)
        if value is not None:
            return _cell(key, cands, value, "continuity")
    best = min(cands, key=lambda c: (_rank(c.compilation), c.compilation))
    return _cell(key, cands, best.value or 0, "priority")


def _by_continuity(
    metric: str,
    date: dt.date,
    values: list[int],
    anchor: tuple[list[dt.date], list[int]],
    corrections: dict[tuple[str, dt.date], int],
) -> int | None:
    dates, vals = anchor
    i = bisect.bisect_left(dates, date)
    low = high = None
    if i > 0 and date - dates[i - 1] <= WINDOW:  # corrections in (before, date] may lower the total
        low = vals[i - 1] + _corrections(metric, dates[i - 1], date, corrections)
    if i < len(dates) and dates[i] - date <= WINDOW:  # corrections in (date, after] lowered `after`
        high = vals[i] - _corrections(metric, date, dates[i], corrections)
    if low is None and high is None:
        return None
    scored = sorted((_violation(v, low, high), v) for v in values)
    if len(scored) > 1 and scored[0][0] == scored[1][0]:
        return None
    return scored[0][1]


def _corrections(metric: str, after: dt.date, upto: dt.date, corrections: dict[tuple[str, dt.date], int]) -> int:
    total, day = 0, after + dt.timedelta(days=1)
    while day <= upto:
        total += corrections.get((metric, day), 0)
        day += dt.timedelta(days=1)
    return total


def _violation(value: int, low: int | None, high: int | None) -> int:
    return (0 if low is None else max(0, low - value)) + (0 if high is None else max(0, value - high))


def _cell(key: Key, cands: list[CompilationValue], value: int, rule: str) -> Cell:
    chosen = min((c for c in cands if c.value == value), key=lambda c: _rank(c.compilation))
    return Cell(*key, value=value, qualifier=chosen.qualifier, candidates=cands, rule=rule)
