"""Evidence registries: lists of confirmed items (named deaths, photographed equipment), each
record with its evidence links, counted as their publishers count them.

    >>> from lossledger import Ledger, count_records
    >>> count_records(Ledger.open(), "ru-fatalities", "2023-04-11", window="14d", by="unit")
    {'list': 'ru-fatalities', 'as_of': '2023-04-11', 'total': ..., 'window': {'days': 14, ...}, 'by': {...}}

Importers (importers/ru_fatalities_bessudnov.py, importers/oryx_scarnecchia_events.py) turn the
files into records with importers/evidence/ (which lists, links, Oryx systems, rows, duplicates);
ledger/records_writer.py writes them; this package reads them back: query (counts, duplicates,
rejections), capture (lists for estimation, analysis/estimate.py), chart.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .query import count, duplicates, lists, rejections

__all__ = ["count", "duplicates", "lists", "rejections"]


#: reading functions, imported on first use (records/query.py needs SQLAlchemy)
_QUERIES = ("count", "duplicates", "lists", "rejections")


def __getattr__(name: str) -> Any:
    if name in _QUERIES:
        from . import query

        return getattr(query, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
