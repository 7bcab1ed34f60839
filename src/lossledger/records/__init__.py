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
    from .query import count, duplicates, lists, rejections

__all__ = ["count", "duplicates", "estimate", "lists", "rejections"]


#: reading functions, imported on first use (records/query.py needs SQLAlchemy)
_QUERIES = ("count", "duplicates", "lists", "rejections")


def __getattr__(name: str) -> Any:
    if name in _QUERIES:
        from . import query

        return getattr(query, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


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
