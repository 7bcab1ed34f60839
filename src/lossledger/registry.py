"""Sources and compilations: every rule about who reports and who transcribed it (sources.toml).

One place for what was spelled as literals across the package: the default source, short
names, default category and side of a source's series, how often it publishes, which totals the
plausibility checks bound or exempt, the reconciliation priority and which transcriptions are
complete.  The file is checked when it loads — a compilation missing from ``priority``, a
priority naming no compilation, an unknown key or kind, a default naming no source — so a
mistake is an error at the first import, never a silent "ranks last".

    >>> from lossledger import registry
    >>> registry.CLAIMS, registry.source("oryx").kind, registry.PRIORITY[0]
    ('general-staff', 'evidence', 'russianwarship-api')
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from importlib import resources
from typing import Any

from .errors import NotFound, SchemaError
from .model import CompilationInfo, SourceInfo

__all__ = [
    "BOUNDED",
    "CADENCE_HOURS",
    "CLAIMS",
    "COMPLETE",
    "CONFIRMED",
    "DEFAULT_CATEGORY",
    "DEFAULT_SIDE",
    "EXEMPT",
    "PRIORITY",
    "SHORT_NAMES",
    "Registry",
    "compilation",
    "confirming",
    "load",
    "source",
]

KINDS = ("claims", "evidence", "acknowledgement")
_SOURCE_KEYS = {"name", "kind", "url", "description", "short_name", "default_category", "default_side"}
_SOURCE_KEYS |= {"cadence_hours", "bounded", "jumps"}
_COMPILATION_KEYS = {"name", "url", "license", "description", "complete"}


@dataclass(frozen=True)
class Registry:
    """sources.toml, read and checked."""

    sources: dict[str, SourceInfo]
    compilations: dict[str, CompilationInfo]
    priority: tuple[str, ...]
    complete: frozenset[str]
    claims: str
    confirmed: str
    confirming: dict[str, str]
    short_names: dict[str, str]
    default_category: dict[str, str]
    default_side: dict[str, str]
    #: source → hours after which it is stale (None: never stale); sources not listed are daily
    cadence_hours: dict[str, float | None]
    bounded: frozenset[str]
    exempt: frozenset[str]


def _fail(message: str) -> SchemaError:
    return SchemaError(message, code="registry.invalid", file="sources.toml")


def _source(slug: str, raw: dict[str, Any]) -> SourceInfo:
    unknown = set(raw) - _SOURCE_KEYS
    if unknown:
        raise _fail(f"source {slug!r}: unknown key(s) {', '.join(sorted(unknown))}")
    if raw.get("kind") not in KINDS or "name" not in raw:
        raise _fail(f"source {slug!r}: needs a name and a kind ({', '.join(KINDS)})")
    return SourceInfo(slug, raw["name"], raw["kind"], raw.get("url"), raw.get("description", ""))


def _compilation(slug: str, raw: dict[str, Any]) -> CompilationInfo:
    unknown = set(raw) - _COMPILATION_KEYS
    if unknown or "name" not in raw:
        raise _fail(f"compilation {slug!r}: needs a name; unknown key(s) {', '.join(sorted(unknown)) or 'none'}")
    return CompilationInfo(slug, raw["name"], raw.get("url"), raw.get("license"), raw.get("description", ""))


def parse(data: dict[str, Any]) -> Registry:
    """A :class:`Registry` from the parsed TOML; :class:`SchemaError` names the first mistake."""
    raw_sources: dict[str, dict[str, Any]] = data.get("sources", {})
    raw_compilations = dict(data.get("compilations", {}))
    priority = tuple(raw_compilations.pop("priority", ()))
    sources = {slug: _source(slug, raw) for slug, raw in raw_sources.items()}
    compilations = {slug: _compilation(slug, raw) for slug, raw in raw_compilations.items()}
    missing = [c for c in compilations if c not in priority]
    if missing:
        raise _fail(f"compilation(s) {', '.join(missing)} missing from compilations.priority")
    unknown = [c for c in priority if c not in compilations]
    if unknown or len(set(priority)) != len(priority):
        raise _fail(f"compilations.priority: unknown or repeated {', '.join(unknown) or 'entries'}")
    defaults = data.get("defaults", {})
    confirming = dict(defaults.get("confirming", {}))
    for name in (defaults.get("claims"), defaults.get("confirmed"), *confirming.values()):
        if name not in sources:
            raise _fail(f"defaults: {name!r} is not a source")

    def having(key: str) -> dict[str, Any]:
        return {slug: raw[key] for slug, raw in raw_sources.items() if key in raw}

    return Registry(
        sources=sources,
        compilations=compilations,
        priority=priority,
        complete=frozenset(c for c, raw in raw_compilations.items() if raw.get("complete")),
        claims=defaults["claims"],
        confirmed=defaults["confirmed"],
        confirming=confirming,
        short_names=having("short_name"),
        default_category=having("default_category"),
        default_side=having("default_side"),
        cadence_hours={s: float(h) or None for s, h in having("cadence_hours").items()},
        bounded=frozenset(s for s, flag in having("bounded").items() if flag),
        exempt=frozenset(s for s, flag in having("jumps").items() if flag),
    )


def load() -> Registry:
    """The package's sources.toml, checked."""
    text = resources.files(__package__).joinpath("sources.toml").read_text(encoding="utf-8")
    return parse(tomllib.loads(text))


_REGISTRY = load()

#: The source meant when none is given (the daily statement news quotes).
CLAIMS: str = _REGISTRY.claims
#: The source ``compare`` sets against the claims by default.
CONFIRMED: str = _REGISTRY.confirmed
#: Reconciliation's last rule: the first of these compilations that has the cell.
PRIORITY = _REGISTRY.priority
#: Compilations that transcribe every line of each statement they cover.
COMPLETE = _REGISTRY.complete
#: How a sentence names a source.
SHORT_NAMES = _REGISTRY.short_names
#: The sub-series a source's metric means by default; sources not listed sum all categories.
DEFAULT_CATEGORY = _REGISTRY.default_category
#: Whose losses a source's series counts by default (else "russia").
DEFAULT_SIDE = _REGISTRY.default_side
#: Staleness limits of sources that do not publish daily (None: irregular, never stale).
CADENCE_HOURS = _REGISTRY.cadence_hours
#: Sources whose daily growth taxonomy.toml's ``max_daily`` bounds.
BOUNDED = _REGISTRY.bounded
#: Sources whose totals may jump and fall (exempt from the plausibility flags).
EXEMPT = _REGISTRY.exempt


def source(slug: str) -> SourceInfo:
    """The source called ``slug``; :class:`NotFound` for one sources.toml does not have."""
    try:
        return _REGISTRY.sources[slug]
    except KeyError:
        raise NotFound(f"unknown source {slug!r}", code="registry.source") from None


def compilation(slug: str) -> CompilationInfo:
    """The compilation called ``slug``; :class:`NotFound` for one sources.toml does not have."""
    try:
        return _REGISTRY.compilations[slug]
    except KeyError:
        raise NotFound(f"unknown compilation {slug!r}", code="registry.compilation") from None


def confirming(metric: str) -> str:
    """The source whose evidence confirms ``metric``'s claims (Oryx; named deaths for personnel)."""
    return _REGISTRY.confirming.get(metric, CONFIRMED)
