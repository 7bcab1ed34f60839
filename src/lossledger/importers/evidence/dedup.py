"""Duplicates: rows of a list that are the same item, merged into one record with a reason.

*Equipment* (Oryx): one item is one system in one photo of one side.  The scrape writes a row per
status, so an item Oryx lists as "damaged and abandoned" is two rows; it is one record with the
status Oryx counts it under — the last state of the item: destroyed > captured > abandoned >
damaged — dated by its earliest row.
*Persons*: the same publisher id, or — names being removed — the same birth year, age, date,
region, unit type and the same evidence links.  Rows alike but without a birth year are kept
apart: several men of one region buried on one day are often reported by one page.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Hashable

from .rows import MergeRow, RecordRow

__all__ = ["STATUS_RANK", "equipment_key", "merge_equipment", "merge_persons", "person_key"]

#: Higher wins when one item appears under several statuses.
STATUS_RANK = {"damaged": 0, "abandoned": 1, "captured": 2, "destroyed": 3}


def _group(rows: list[RecordRow], key: Callable[[RecordRow], Hashable | None]) -> dict[Hashable, list[RecordRow]]:
    groups: dict[Hashable, list[RecordRow]] = {}
    for i, row in enumerate(rows):
        k = key(row)
        groups.setdefault(k if k is not None else ("row", i), []).append(row)
    return groups


def merge_persons(rows: list[RecordRow]) -> tuple[list[RecordRow], list[MergeRow]]:
    """Records (first row of each person, in file order) and the merged rows with their reason."""
    merges: list[MergeRow] = []
    kept = _merge(rows, lambda r: ("id", r.external_id) if r.external_id else None, "same publisher id", merges)

    def profile(r: RecordRow) -> Hashable | None:
        if r.birth_year is None:
            return None
        return (r.birth_year, r.age, r.date, r.region, r.unit_type, frozenset(r.links))

    kept = _merge(kept, profile, "same birth year, age, date, region, unit type and evidence", merges)
    return kept, merges


def _merge(
    rows: list[RecordRow], key: Callable[[RecordRow], Hashable | None], reason: str, merges: list[MergeRow]
) -> list[RecordRow]:
    kept: list[RecordRow] = []
    for group in _group(rows, key).values():
        first, *others = group
        kept.append(first)
        for row in others:
            detail = f"line {row.line} (id {row.external_id}) = line {first.line} (id {first.external_id})"
            merges.append(MergeRow(row.key, first.key, row.external_id, reason, detail, row.document_key, row.line))
    return sorted(kept, key=lambda r: (r.document_key, r.line))


def merge_equipment(rows: list[RecordRow], rekey: Callable[[RecordRow], str]) -> tuple[list[RecordRow], list[MergeRow]]:
    """One record per (side, system, photo URL); ``rekey`` recomputes a record's content key."""
    kept: list[RecordRow] = []
    merges: list[MergeRow] = []
    for group in _group(rows, lambda r: (r.side, r.system, r.links)).values():
        if len(group) == 1:
            kept.append(group[0])
            continue
        best = max(group, key=lambda r: (STATUS_RANK[r.status or "damaged"], -r.line))
        statuses = " and ".join(sorted({r.status or "" for r in group}, key=lambda s: STATUS_RANK.get(s, 0)))
        best.date = min(r.date for r in group)
        best.key = rekey(best)
        kept.append(best)
        reason = "same item: same side, system and photo"
        for row in group:
            if row is not best:
                detail = (
                    f"listed as {statuses}; counted as {best.status} (line {best.line} of its file), dated {best.date}"
                )
                merges.append(MergeRow(row.key, best.key, row.external_id, reason, detail, row.document_key, row.line))
    return sorted(kept, key=lambda r: (r.document_key, r.line)), merges


def equipment_key(row: RecordRow) -> str:
    """The content key of an equipment record (the fields of :func:`.rows.content_key`, inlined: 40k rows)."""
    text = (
        f"equipment\x1f{row.side}\x1f{row.system}\x1f{row.status}\x1f{row.date}\x1f{row.origin or ''}\x1f"
        + "\x1f".join(row.links)
    )
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def person_key(row: RecordRow) -> str:
    """The content key of a person record (the fields of :func:`.rows.content_key`, inlined: 20k rows)."""
    birth_year = "" if row.birth_year is None else row.birth_year
    age = "" if row.age is None else row.age
    text = (
        f"person\x1f{row.external_id or ''}\x1f{birth_year}\x1f{age}\x1f{row.date}\x1f{row.region or ''}\x1f"
        f"{row.unit_type or ''}"
    )
    if row.links:
        text += "\x1f" + "\x1f".join(row.links)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
