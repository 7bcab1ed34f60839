"""Lists for multiple systems estimation: a records list, or the part of one a filter selects.

A *list spec* is ``LIST[:CONDITION[:CONDITION…]]``, a condition ``FIELD=V1,V2`` (any of the
values), ``FIELD!=V1,V2`` (none of them) or ``links>=N``.  Fields: ``service`` (of an evidence link:
archive.today's mirrors are one service, importers/evidence/links.py), ``host`` (of a link), ``side``,
``status``, ``category``, ``system``, ``origin``, ``unit``, ``region``.  A record is on the list
when one of its links (for service/host) or the record itself matches every condition.

    ru-fatalities:host=archive.ph                   deaths with an archive.ph link
    ru-fatalities:host=archive.is,archive.md,archive.vn,archive.today
    ru-fatalities:service!=archive.today            deaths with a link elsewhere (Wayback, VK…)

Items are linked by record within one list, and across lists by a shared evidence URL.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from ..errors import InputError
from ..importers.evidence.links import service_of
from ..store.models import Record, RecordLink
from .query import list_row

if TYPE_CHECKING:
    from ..ledger import Ledger

__all__ = ["FIELDS", "Condition", "ListSpec", "members", "parse_spec"]

#: Record fields a condition may test (links are tested through ``host`` and ``service``).
FIELDS = {"side": "side", "status": "status", "category": "category", "system": "system", "origin": "origin",
          "unit": "unit_type", "region": "region"}  # fmt: skip
_CONDITION = re.compile(r"^(?P<field>[a-z_]+)\s*(?P<op>!=|>=|=)\s*(?P<values>.+)$")


@dataclass(frozen=True)
class Condition:
    field: str
    op: str  # = | != | >=
    values: tuple[str, ...]

    def test(self, value: Any) -> bool:
        if self.op == ">=":
            return int(value) >= int(self.values[0])
        hit = ("" if value is None else str(value)) in self.values
        return hit if self.op == "=" else not hit


@dataclass(frozen=True)
class ListSpec:
    text: str
    list_slug: str
    conditions: tuple[Condition, ...]


def parse_spec(text: str) -> ListSpec:
    """``ru-fatalities:host=archive.ph`` → a :class:`ListSpec`; :class:`InputError` if malformed."""
    slug, *parts = [p.strip() for p in text.split(":")]
    conditions = []
    for part in parts:
        match = _CONDITION.match(part)
        if not match:
            raise InputError(
                f"bad condition {part!r} in {text!r} (FIELD=V1,V2 | FIELD!=V | links>=N)", code="input.spec"
            )
        name, op = match["field"], match["op"]
        if name not in (*FIELDS, "host", "service", "links") or (op == ">=") != (name == "links"):
            raise InputError(
                f"cannot test {name}{op} in {text!r}; fields: {', '.join((*FIELDS, 'host', 'service'))}, links>=N",
                code="input.spec",
            )
        values = tuple(v.strip() for v in match["values"].split(","))
        if op == ">=" and not values[0].isdigit():
            raise InputError(f"links>= needs a number in {text!r}", code="input.spec")
        conditions.append(Condition(name, op, values))
    return ListSpec(text, slug, tuple(conditions))


def _loader(ledger: Ledger, slug: str, as_of: dt.date | None) -> dict[int, dict[str, Any]]:
    """Current records of a list (dated ≤ as_of) with their fields and links."""
    with ledger.engine.connect() as conn:
        stored = list_row(conn, slug)
        cols = [Record.id, *(getattr(Record, c) for c in FIELDS.values())]
        where = [Record.list_id == stored.id, Record.withdrawn_at.is_(None)]
        if as_of is not None:
            where.append(Record.date <= as_of)
        records = {
            rid: {**dict(zip(FIELDS, values, strict=True)), "links": []}
            for rid, *values in conn.execute(select(*cols).where(*where))
        }
        query = (
            select(RecordLink.record_id, RecordLink.url, RecordLink.host)
            .join(Record, Record.id == RecordLink.record_id)
            .where(*where)
        )
        for rid, url, host in conn.execute(query):
            records[rid]["links"].append((url, host))
    return records


def _matches(spec: ListSpec) -> Callable[[dict[str, Any]], bool]:
    def test(record: dict[str, Any]) -> bool:
        for c in spec.conditions:
            if c.field == "links":
                ok = c.test(len(record["links"]))
            elif c.field in ("host", "service"):
                # "=": some link is on one of the hosts; "!=": some link is elsewhere
                ok = any(c.test(h if c.field == "host" else service_of(h)) for _url, h in record["links"])
            else:
                ok = c.test(record[c.field])
            if not ok:
                return False
        return True

    return test


def _normalise(url: str) -> str:
    return re.sub(r"^https?://(www\.)?", "", url.strip()).rstrip("/").lower()


def members(ledger: Ledger, specs: list[ListSpec], as_of: dt.date | None = None) -> list[set[str]]:
    """The linked items on each list: a record is ``"<list>#<id>"``; records of different lists
    sharing an evidence URL are one item (the first list's record names it)."""
    loaded = {s.list_slug: _loader(ledger, s.list_slug, as_of) for s in specs}
    alias: dict[str, str] = {}
    if len(loaded) > 1:  # link across lists by evidence URL
        owner: dict[str, str] = {}
        for slug, records in loaded.items():
            for rid, rec in records.items():
                item = f"{slug}#{rid}"
                for url, _host in rec["links"]:
                    first = owner.setdefault(_normalise(url), item)
                    if first != item and not first.startswith(f"{slug}#"):
                        alias[item] = alias.get(first, first)
    out = []
    for spec in specs:
        test = _matches(spec)
        out.append(
            {
                alias.get(f"{spec.list_slug}#{rid}", f"{spec.list_slug}#{rid}")
                for rid, rec in loaded[spec.list_slug].items()
                if test(rec)
            }
        )
    return out
