"""Evidence registries: lists of confirmed items (named deaths, photographed equipment), each
record with its evidence links, counted as their publishers count them.

    >>> from lossledger import Ledger, count_records                     # doctest: +SKIP
    >>> count_records(Ledger.open(), "ru-fatalities", "2023-04-11", window="14d", by="unit")  # doctest: +SKIP
    {'list': 'ru-fatalities', 'as_of': '2023-04-11', 'total': ..., 'window': {'days': 14, ...}, 'by': {...}}

Importers (importers/ru_fatalities_bessudnov.py, importers/oryx_scarnecchia_events.py) turn the
files into records; records/store.py writes them; the functions below read them back.  Module
map: known_lists (which lists), links (evidence URLs), oryx_systems (system → equipment type), rows
and dedup (parse-time records, duplicates), observations (counts as ledger series), importing
(shared importer code), store (writing), query (reading), capture (lists for estimation), chart.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

# The importers import this package's modules while the registry loads; loading the registry
# first keeps that order whichever of the two is imported first (no circular import).
from .. import importers as _importers  # noqa: F401

if TYPE_CHECKING:
    import datetime as dt

    from ..analysis.estimate import Estimate
    from ..ledger import Ledger

__all__ = ["count", "duplicates", "estimate", "lists", "rejections"]


def count(
    ledger: Ledger,
    list_slug: str,
    as_of: str | dt.date | None = None,
    *,
    window: str | int | None = None,
    by: str | None = None,
    side: str | None = None,
) -> dict[str, Any]:
    """Records of ``list_slug`` dated on or before ``as_of``, added in ``window``, broken down ``by``.

    See :func:`lossledger.records.query.count` for the result's shape.
    """
    from .query import count as _count

    return _count(ledger, list_slug, as_of, window=window, by=by, side=side)


def duplicates(ledger: Ledger, list_slug: str | None = None) -> list[dict[str, Any]]:
    """Rows merged into another record by the latest import of a list (or of every list), and why."""
    from .query import duplicates as _duplicates

    return _duplicates(ledger, list_slug)


def rejections(ledger: Ledger, list_slug: str) -> list[dict[str, Any]]:
    """Rows the latest import of a list rejected, with file, line, code and reason."""
    from .query import rejections as _rejections

    return _rejections(ledger, list_slug)


def lists(ledger: Ledger) -> list[dict[str, Any]]:
    """Every imported list with its accounting (rows read = records + merged + rejected)."""
    from .query import lists as _lists

    return _lists(ledger)


def estimate(ledger: Ledger, specs: list[str], *, as_of: str | dt.date | None = None, level: float = 0.95) -> Estimate:
    """Multiple systems estimate from two or more list specs (``"ru-fatalities:host=archive.ph"``).

    Chapman for two lists, log-linear models chosen by AIC for more (analysis/estimate.py);
    records/capture.py defines the specs and how items are linked across lists.
    """
    from ..analysis.estimate import estimate as run
    from .capture import members, parse_spec
    from .query import parse_date

    parsed = [parse_spec(text) for text in specs]
    sets = members(ledger, parsed, parse_date(as_of) if as_of is not None else None)
    return run(sets, [s.text for s in parsed], level=level)
