"""The canonical taxonomy of metrics, loaded from ``taxonomy.toml``.

One list of metrics with labels in English, Ukrainian and Russian, and every alias we meet —
the transcriptions' field names, the russianwarship.rip API keys, the statement's wording, Oryx's
equipment types — kept as data in ``taxonomy.toml``, so adding an alias touches no Python.
News vocabulary per language lives in ``extraction/vocab/<lang>.toml`` and refers to these names.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from dataclasses import asdict, dataclass, field
from functools import cache
from importlib import resources
from typing import Any, NamedTuple

from .errors import NotFound, SchemaError

__all__ = [
    "KeyRule",
    "Metric",
    "MetricSummary",
    "OryxCategory",
    "STATEMENT_METRICS",
    "compilation_keys",
    "compilation_metrics",
    "label",
    "metric",
    "metric_names",
    "metrics",
    "metric_summaries",
    "oryx_categories",
    "oryx_category",
    "oryx_heading",
    "resolve_key",
    "statement_wording",
]


@dataclass(frozen=True)
class Metric:
    """One canonical metric."""

    name: str
    unit: str
    labels: dict[str, str]
    since: dt.date
    until: dt.date | None = None
    note: str = ""
    merged_into: str | None = None
    merged_from: tuple[str, ...] = ()
    statement: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: the most one day of General Staff statements can plausibly add (None: no bound)
    max_daily: int | None = None

    def label(self, lang: str = "en") -> str:
        return self.labels.get(lang) or self.labels["en"]

    def reported_on(self, date: dt.date) -> bool:
        """Whether the General Staff statement carried this line on ``date``."""
        return self.since <= date and (self.until is None or date <= self.until)


@dataclass(frozen=True)
class OryxCategory:
    """An Oryx equipment type and the metric it counts towards."""

    slug: str
    metric: str
    names: tuple[str, ...]
    no_match: str = ""
    note: str = ""


@cache
def _data() -> dict[str, Any]:
    text = resources.files(__package__).joinpath("taxonomy.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


@cache
def metrics() -> dict[str, Metric]:
    """All metrics by name, in the taxonomy's order."""
    out: dict[str, Metric] = {}
    for name, raw in _data()["metrics"].items():
        out[name] = Metric(
            name=name,
            unit=raw["unit"],
            labels={lang: raw[lang] for lang in ("en", "uk", "ru")},
            since=dt.date.fromisoformat(raw["since"]),
            until=dt.date.fromisoformat(raw["until"]) if "until" in raw else None,
            note=raw.get("note", ""),
            merged_into=raw.get("merged_into"),
            merged_from=tuple(raw.get("merged_from", ())),
            statement={lang: tuple(words) for lang, words in raw.get("statement", {}).items()},
            max_daily=raw.get("max_daily"),
        )
    return out


def metric_names() -> list[str]:
    return list(metrics())


#: The metrics of the General Staff's daily statement, in the statement's order.
STATEMENT_METRICS: tuple[str, ...] = (
    "personnel",
    "tanks",
    "afv",
    "artillery",
    "mlrs",
    "air_defense",
    "aircraft",
    "helicopters",
    "uav",
    "cruise_missiles",
    "ships",
    "submarines",
    "vehicles",
    "special_equipment",
    "ground_robots",
    "military_auto",
    "fuel_tanks",
    "srbm_launchers",
)


def metric(name: str) -> Metric:
    """The metric called ``name``; :class:`NotFound` for an unknown name."""
    try:
        return metrics()[name]
    except KeyError:
        raise NotFound(f"unknown metric {name!r}; known: {', '.join(metrics())}", code="taxonomy.metric") from None


def label(name: str, lang: str = "en") -> str:
    return metric(name).label(lang)


class KeyRule(NamedTuple):
    """What a compilation's field holds: ``metric`` from ``start`` until ``until`` (None: open)."""

    metric: str
    start: dt.date | None
    until: dt.date | None


@cache
def _key_table() -> dict[str, dict[str, list[KeyRule]]]:
    table: dict[str, dict[str, list[KeyRule]]] = {}
    for compilation, keys in _data()["keys"].items():
        rules: dict[str, list[KeyRule]] = {}
        for key, value in keys.items():
            if isinstance(value, str):
                rules[key] = [KeyRule(value, None, None)]
            else:
                rules[key] = [
                    KeyRule(
                        item["metric"],
                        dt.date.fromisoformat(item["from"]) if "from" in item else None,
                        dt.date.fromisoformat(item["until"]) if "until" in item else None,
                    )
                    for item in value
                ]
        table[compilation] = rules
    return table


def compilation_keys(compilation: str) -> dict[str, list[KeyRule]]:
    """A compilation's own field names, in taxonomy.toml's order, each with the metrics it held and
    when (empty for a compilation without a key map).

    >>> compilation_keys("russianwarship")["personnel_units"]
    [KeyRule(metric='personnel', start=None, until=None)]
    """
    return _key_table().get(compilation, {})


def resolve_key(compilation: str, key: str, date: dt.date | None = None) -> str:
    """The metric a compilation's field ``key`` holds on ``date``.

    Raises :class:`SchemaError` (``schema.unknown_key``) for a field the taxonomy does not know.

    >>> resolve_key("orc-losses", "unarmoredVehicles", dt.date(2022, 4, 1))
    'military_auto'
    """
    rules = _key_table()[compilation].get(key)
    if not rules:
        raise SchemaError(f"unknown {compilation} field {key!r}", code="schema.unknown_key", field=key)
    for name, start, end in rules:
        if date is None or ((start is None or start <= date) and (end is None or date <= end)):
            return name
    raise SchemaError(f"{compilation} field {key!r} has no meaning on {date}", code="schema.unknown_key", field=key)


@cache
def compilation_metrics(compilation: str) -> frozenset[str]:
    """The metrics a compilation's fields can hold (empty for a compilation without a key map)."""
    rules = _key_table().get(compilation, {})
    return frozenset(name for options in rules.values() for name, _start, _end in options)


def _fold(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().casefold()


@cache
def _oryx_index() -> dict[str, OryxCategory]:
    index: dict[str, OryxCategory] = {}
    for slug, raw in _data()["oryx"].items():
        cat = OryxCategory(slug, raw["metric"], tuple(raw["names"]), raw.get("no_match", ""), raw.get("note", ""))
        for name in cat.names:
            index[_fold(name)] = cat
    return index


def oryx_categories() -> list[OryxCategory]:
    return list({c.slug: c for c in _oryx_index().values()}.values())


def oryx_heading(name: str) -> str | None:
    """If ``name`` is one of Oryx's summary headings, the reason to skip it; else None."""
    folded = _fold(name)
    for prefix, reason in _data()["oryx_headings"].items():
        if folded.startswith(_fold(prefix)):
            return str(reason)
    return None


def oryx_category(name: str) -> OryxCategory:
    """The category of an Oryx ``equipment_type`` (whitespace and case ignored).

    Raises :class:`SchemaError` (``schema.unknown_category``) for a type the taxonomy lacks.
    """
    cat = _oryx_index().get(_fold(name))
    if cat is None:
        raise SchemaError(f"unknown Oryx equipment type {name.strip()!r}", code="schema.unknown_category")
    return cat


def statement_wording(lang: str) -> dict[str, str]:
    """Statement line wording (lower case) → metric, for ``lang`` in en/uk/ru; longest first."""
    pairs = [(w, m.name) for m in metrics().values() for w in m.statement.get(lang, ())]
    pairs.sort(key=lambda p: -len(p[0]))
    return dict(pairs)


# A typed result (lossledger/results.py: JSON is its fields, in order); results.py sits in this
# module's layer, so the one-line to_dict is spelled here rather than inherited.
@dataclass
class MetricSummary:
    """A metric: labels (en, uk, ru), unit, the dates the statement carried it, merges, and the
    keys of one compilation (russianwarship v2 in the API) that hold it."""

    name: str
    unit: str
    labels: dict[str, str]
    since: str
    until: str | None
    note: str
    merged_into: str | None
    merged_from: list[str]
    statement: bool
    v2_keys: list[str]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def metric_summaries(compilation: str) -> list[MetricSummary]:
    """Every metric, in the taxonomy's order, with ``compilation``'s keys that hold it (``v2_keys``:
    the API shows the russianwarship keys; none for a metric the compilation lacks)."""
    keys: dict[str, list[str]] = {}
    for key, rules in compilation_keys(compilation).items():
        for rule in rules:
            keys.setdefault(rule.metric, []).append(key)
    return [
        MetricSummary(m.name, m.unit, m.labels, m.since.isoformat(), m.until.isoformat() if m.until else None, m.note,
                      m.merged_into, list(m.merged_from), m.name in STATEMENT_METRICS, keys.get(m.name, []))
        for m in metrics().values()
    ]  # fmt: skip
