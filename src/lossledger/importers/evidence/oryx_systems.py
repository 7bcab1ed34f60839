"""Which Oryx equipment type a system belongs to (rules in ``oryx_systems.toml``).

Oryx's per-item rows name a system ("T-80BVM Obr. 2022"), not the type heading it is listed under;
the ledger's metrics come from the types (taxonomy ``[oryx.*]``).  The rules are data, first match
wins, and a system no rule knows has no category: its records count towards ``all_equipment`` only.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from functools import cache
from importlib import resources
from pathlib import Path

from ... import derived as disk
from ... import taxonomy

__all__ = ["SystemTypes", "category_of", "normalise_system", "rules"]

#: Oryx prefixes a system with its running count on the day of the scrape ("1029 BMP-2(K)"),
#: so one system appears under several names; calibres ("152mm …") have no space after the digits.
_COUNT_PREFIX = re.compile(r"^\d+\s+")


@cache
def normalise_system(name: str) -> str:
    """The system's name without Oryx's running-count prefix and surrounding whitespace.

    >>> normalise_system("1029 BMP-2(K) ")
    'BMP-2(K)'
    >>> normalise_system("152mm 2S19 Msta-S")
    '152mm 2S19 Msta-S'
    """
    return _COUNT_PREFIX.sub("", " ".join(name.split()))


@cache
def rules() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(category slug, pattern) in order; categories are checked against the taxonomy."""
    text = resources.files(__package__).joinpath("oryx_systems.toml").read_text(encoding="utf-8")
    known = {c.slug for c in taxonomy.oryx_categories()}
    out = []
    for rule in tomllib.loads(text)["rule"]:
        if rule["category"] not in known:
            raise ValueError(f"oryx_systems.toml: unknown category {rule['category']!r}")
        out.append((rule["category"], re.compile(rule["match"])))
    return tuple(out)


@cache
def category_of(system: str) -> str | None:
    """The ``[oryx.*]`` slug of a (normalised) system name, or None when no rule knows it."""
    for category, pattern in rules():
        if pattern.search(system):
            return category
    return None


class SystemTypes:
    """:func:`category_of` for one parse, with its answers kept in the on-disk cache.

    Typing the 1.3k systems of the Oryx events runs up to 26 regular expressions on each: 0.12 s
    (plus 0.03 s compiling them) in every process that syncs, for answers that only change with
    the rules.  They are stored (lossledger/derived.py) under a hash of the rules, the taxonomy and
    this module, so a changed rule is never answered from the cache.
    """

    NAME = "oryx-system-types"

    def __init__(self) -> None:
        self._key = _rules_key()
        stored = disk.load(self.NAME, self._key)
        self._known: dict[str, str | None] = stored if isinstance(stored, dict) else {}
        self._added = False

    def __call__(self, system: str) -> str | None:
        """The category of a normalised system name (as :func:`category_of`)."""
        try:
            return self._known[system]
        except KeyError:
            found = self._known[system] = category_of(system)
            self._added = True
            return found

    def save(self) -> None:
        """Store the answers if this parse typed systems the cache did not know."""
        if self._added:
            disk.store(self.NAME, self._key, self._known)
            self._added = False


@cache
def _rules_key() -> str:
    digest = hashlib.sha256()
    digest.update(resources.files(__package__).joinpath("oryx_systems.toml").read_bytes())
    digest.update(resources.files("lossledger").joinpath("taxonomy.toml").read_bytes())
    digest.update(Path(__file__).read_bytes())
    return digest.hexdigest()
