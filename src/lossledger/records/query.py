"""Reading records back: counts as publishers give them, duplicates, rejections, the lists.

``count`` is the contract of ``lossledger records count`` (docs/records.md): the records of a
list dated on or before ``as_of`` (``total``), those within the ``window`` days up to and
including ``as_of``, and a breakdown that covers every record — a blank field is the bucket
``"unknown"`` — so the buckets always sum to the total.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, func, select

from ..errors import InputError, NotFound
from ..importers.evidence.known_lists import list_info
from ..store.models import Document, Record, RecordList, RecordMerge, RecordRejection
from ..warday import as_date

if TYPE_CHECKING:
    from ..ledger import Ledger

__all__ = [
    "BREAKDOWNS",
    "UNKNOWN",
    "age_band",
    "count",
    "duplicates",
    "lists",
    "parse_date",
    "parse_window",
    "rejections",
]

UNKNOWN = "unknown"


def age_band(age: int | None) -> str:
    """Five-year bands from 20 (``"20-24"``), ``"<20"``, ``"60+"``, or ``"unknown"``.

    >>> [age_band(a) for a in (19, 20, 37, 64, None)]
    ['<20', '20-24', '35-39', '60+', 'unknown']
    """
    if age is None:
        return UNKNOWN
    if age < 20:
        return "<20"
    if age >= 60:
        return "60+"
    low = age - age % 5
    return f"{low}-{low + 4}"


def _text(value: Any) -> str:
    return UNKNOWN if value is None or value == "" else str(value)


#: --by name → (the list kinds it applies to, the column, how a value becomes a bucket)
BREAKDOWNS: dict[str, tuple[frozenset[str], Any, Callable[[Any], str]]] = {
    "region": (frozenset({"person"}), Record.region, _text),
    "unit": (frozenset({"person"}), Record.unit_type, _text),
    "age-band": (frozenset({"person"}), Record.age, age_band),
    "month": (frozenset({"person", "equipment"}), Record.date, lambda d: d.strftime("%Y-%m")),
    "status": (frozenset({"equipment"}), Record.status, _text),
    "system": (frozenset({"equipment"}), Record.system, _text),
    "category": (frozenset({"equipment"}), Record.category, _text),
    "side": (frozenset({"person", "equipment"}), Record.side, _text),
    "origin": (frozenset({"equipment"}), Record.origin, _text),
}


def parse_window(window: str | int | None) -> int | None:
    """Days of a window: ``14``, ``"14d"`` or ``"2w"``; None stays None.

    >>> parse_window("14d"), parse_window("2w"), parse_window(7)
    (14, 14, 7)
    """
    if window is None:
        return None
    match = re.fullmatch(r"\s*(\d+)\s*([dw]?)\s*", str(window).lower())
    if not match or int(match.group(1)) < 1:
        raise InputError(f"window must be a number of days like 14d or 2w, not {window!r}", code="input.window")
    return int(match.group(1)) * (7 if match.group(2) == "w" else 1)


def parse_date(value: str | dt.date) -> dt.date:
    try:
        return as_date(value)
    except ValueError:
        raise InputError(f"not a YYYY-MM-DD date: {value!r}", code="input.date") from None


def list_row(conn: Connection, slug: str) -> Any:
    """The stored list ``slug``; :class:`NotFound` when unknown or not imported yet."""
    info = list_info(slug)
    row = conn.execute(select(RecordList.__table__).where(RecordList.slug == info.slug)).first()
    if row is None:
        raise NotFound(f"the ledger has no records of {slug!r} yet (run `lossledger sync`)", code="records.empty")
    return row


def count(
    ledger: Ledger,
    list_slug: str,
    as_of: str | dt.date | None = None,
    *,
    window: str | int | None = None,
    by: str | None = None,
    side: str | None = None,
) -> dict[str, Any]:
    """Records of a list as of a date, with the additions in a window and a breakdown.

    ``as_of`` defaults to the list's newest record date.  Returns ``{"list", "as_of", "total",
    "window": {"days", "count"} | None, "by": {bucket: n} | None}`` (plus ``"side"`` when
    filtered).  Only current records count (not withdrawn by a later edition of the list).
    """
    days = parse_window(window)
    with ledger.engine.connect() as conn:
        stored = list_row(conn, list_slug)
        breakdown = _breakdown(by, stored.kind, list_slug)
        where = [Record.list_id == stored.id, Record.withdrawn_at.is_(None)]
        if side is not None:
            where.append(Record.side == side)
        day = (
            parse_date(as_of)
            if as_of is not None
            else conn.execute(select(func.max(Record.date)).where(*where)).scalar()
        )
        if day is None:
            raise NotFound(f"no records in {list_slug!r}", code="records.empty")
        where.append(Record.date <= day)
        column = breakdown[1] if breakdown else Record.id
        rows = conn.execute(select(Record.date, column).where(*where)).all()
    out: dict[str, Any] = {"list": list_slug, "as_of": day.isoformat(), "total": len(rows), "window": None, "by": None}
    if days is not None:
        start = day - dt.timedelta(days=days - 1)
        out["window"] = {"days": days, "count": sum(1 for d, _ in rows if d >= start)}
    if breakdown is not None:
        buckets = Counter(breakdown[2](value) for _, value in rows)
        out["by"] = dict(sorted(buckets.items(), key=lambda kv: (-kv[1], kv[0])))
    if side is not None:
        out["side"] = side
    return out


def _breakdown(by: str | None, kind: str, slug: str) -> tuple[frozenset[str], Any, Callable[[Any], str]] | None:
    if by is None:
        return None
    found = BREAKDOWNS.get(by)
    if found is None:
        raise InputError(f"unknown breakdown {by!r}; one of {', '.join(BREAKDOWNS)}", code="input.by")
    if kind not in found[0]:
        usable = ", ".join(name for name, spec in BREAKDOWNS.items() if kind in spec[0])
        raise InputError(f"list {slug!r} has no {by!r}; it can be broken down by {usable}", code="input.by")
    return found


def duplicates(ledger: Ledger, list_slug: str | None = None) -> list[dict[str, Any]]:
    """What the latest import of each list merged, and why: one row per merged row."""
    slugs = [list_slug] if list_slug else None
    m, r, d, rl = RecordMerge, Record, Document, RecordList
    kept_doc = Document.__table__.alias("kept_doc")
    query = (
        select(rl.slug, m.line, d.dataset, d.uri, m.external_id, m.reason, m.detail, r.id, r.external_id.label("kept_id"),
               r.line.label("kept_line"), kept_doc.c.uri.label("kept_uri"), r.date, r.status, r.system)
        .join(rl, rl.id == m.list_id).join(d, d.id == m.document_id).join(r, r.id == m.record_id)
        .join(kept_doc, kept_doc.c.id == r.document_id)
        .where(m.import_key == rl.import_key)
        .order_by(rl.slug, d.uri, m.line)
    )  # fmt: skip
    with ledger.engine.connect() as conn:
        if slugs:
            list_row(conn, slugs[0])
            query = query.where(rl.slug.in_(slugs))
        rows = conn.execute(query).all()
    return [
        {
            "list": x.slug,
            "file": _label(x.dataset, x.uri),
            "line": x.line,
            "external_id": x.external_id,
            "reason": x.reason,
            "detail": x.detail,
            "kept": {
                "record": x.id,
                "external_id": x.kept_id,
                "file": _label(x.dataset, x.kept_uri),
                "line": x.kept_line,
                "date": x.date.isoformat(),
                **({"status": x.status, "system": x.system} if x.system else {}),
            },
        }  # fmt: skip
        for x in rows
    ]


def rejections(ledger: Ledger, list_slug: str) -> list[dict[str, Any]]:
    """The rows the latest import of a list rejected: file, line, error code and reason."""
    j, d = RecordRejection, Document
    with ledger.engine.connect() as conn:
        stored = list_row(conn, list_slug)
        query = (
            select(d.dataset, d.uri, j.line, j.code, j.reason, j.external_id)
            .join(d, d.id == j.document_id)
            .where(j.list_id == stored.id, j.import_key == stored.import_key)
            .order_by(d.uri, j.line)
        )
        rows = conn.execute(query).all()
    return [{"list": list_slug, "file": _label(x.dataset, x.uri), "line": x.line, "code": x.code, "reason": x.reason,
             "external_id": x.external_id} for x in rows]  # fmt: skip


def lists(ledger: Ledger) -> list[dict[str, Any]]:
    """Every imported list with its accounting: rows read = records + merged + rejected."""
    out = []
    with ledger.engine.connect() as conn:
        for stored in conn.execute(select(RecordList.__table__).order_by(RecordList.slug)).all():
            current = [Record.list_id == stored.id, Record.withdrawn_at.is_(None)]
            n, first, last = conn.execute(
                select(func.count(), func.min(Record.date), func.max(Record.date)).where(*current)
            ).one()
            merged = _count(conn, RecordMerge, stored)
            rejected = _count(conn, RecordRejection, stored)
            withdrawn = conn.execute(
                select(func.count()).where(Record.list_id == stored.id, Record.withdrawn_at.is_not(None))
            ).scalar()
            out.append({
                "list": stored.slug, "name": stored.name, "kind": stored.kind, "rows": stored.rows_read, "records": n,
                "merged": merged, "rejected": rejected, "withdrawn": withdrawn,
                "first": first.isoformat() if first else None, "last": last.isoformat() if last else None,
                "imported_at": stored.imported_at.isoformat() if stored.imported_at else None,
            })  # fmt: skip
    return out


def _count(conn: Connection, table: Any, stored: Any) -> int:
    query = select(func.count()).where(table.list_id == stored.id, table.import_key == stored.import_key)
    return int(conn.execute(query).scalar() or 0)


def _label(dataset: str | None, uri: str) -> str:
    name = uri.replace("\\", "/").rsplit("/", 1)[-1]
    return f"{dataset}/{name}" if dataset else name
