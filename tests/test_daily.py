"""The precomputed daily series (ledger/daily.py): the same rows as Ledger.series, built at sync,
rebuilt only when a sync changes something, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from sqlalchemy import select

from lossledger.ledger import Ledger
from lossledger.ledger.daily import SERIES_STATE, load_series, series_current
from lossledger.ledger.frames import frame_records
from lossledger.store.models import DerivedState, SeriesPoint, Source


def _rows(ledger: Ledger, source: str, metric: str, start: str | None, end: str | None) -> list[dict[str, object]]:
    with ledger.engine.connect() as conn:
        source_id = conn.execute(select(Source.id).where(Source.slug == source)).scalar_one()
        rows = load_series(conn, source_id, metric)
    first = dt.date.fromisoformat(start) if start else None
    last = dt.date.fromisoformat(end) if end else None
    return [json.loads(r) for r in rows.between(first, last)]


@pytest.mark.parametrize(
    ("source", "metric", "start", "end"),
    [
        ("general-staff", "tanks", None, None),
        ("general-staff", "special_equipment", "2022-03-17", "2022-06-01"),  # a resolved cell at a range's edge
        ("general-staff", "vehicles", "2022-04-20", "2022-05-10"),  # across the merge
        ("general-staff", "personnel", "2024-11-30", "2025-01-02"),
        ("oryx", "tanks", "2023-01-01", "2023-12-31"),
        ("mediazona", "personnel", None, "2024-01-01"),
    ],
)
def test_precomputed_rows_are_ledger_series_rows(
    synced: Ledger, source: str, metric: str, start: str | None, end: str | None
) -> None:
    frame = synced.series(metric, source=source, start=start, end=end)
    expected = [] if frame.empty else frame_records(frame)
    assert _rows(synced, source, metric, start, end) == expected


def test_a_correction_at_the_start_of_a_range(synced: Ledger) -> None:
    """``corrected`` at a range's first row cannot compare with the day before: as Ledger.series."""
    query = (
        select(SeriesPoint.metric, SeriesPoint.report_date).join(Source, Source.id == SeriesPoint.source_id)
        .where(Source.slug == "general-staff", SeriesPoint.lead.is_not(None))
        .order_by(SeriesPoint.report_date, SeriesPoint.metric)
    )  # fmt: skip
    with synced.engine.connect() as conn:
        found = conn.execute(query).first()
    assert found is not None, "the shared data has totals that went down"
    metric, day = found[0], found[1].isoformat()
    frame = synced.series(metric, start=day, end=day)
    assert _rows(synced, "general-staff", metric, day, day) == frame_records(frame)
    whole = {r["date"]: r for r in _rows(synced, "general-staff", metric, None, None)}
    assert whole[day]["corrected"] is True and frame_records(frame)[0]["corrected"] is False


def test_built_at_sync_and_rebuilt_only_on_change(synced_sqlite_copy: Path, data_copy: Path) -> None:
    with Ledger.open(f"sqlite:///{synced_sqlite_copy}") as ledger:

        def built() -> int:
            with ledger.engine.connect() as conn:
                assert series_current(conn)
                return int(
                    conn.execute(select(DerivedState.sync_id).where(DerivedState.name == SERIES_STATE)).scalar_one()
                )

        first = built()
        ledger.sync(data_copy)  # nothing changed: the table stays as built
        assert built() == first
        totals = data_copy / "oryx-totals" / "totals.csv"
        totals.write_text(
            totals.read_text(encoding="utf-8").replace("2022-04-20,tanks,519,", "2022-04-20,tanks,520,"),
            encoding="utf-8",
        )
        result = ledger.sync(data_copy, only=["oryx-totals"])
        assert result.superseded >= 1 and built() == result.sync_id
        assert {r["date"]: r["total"] for r in _rows(ledger, "oryx", "tanks", "2022-04-20", "2022-04-20")} == {
            "2022-04-20": 520
        }


def test_not_current_until_built(ledger: Ledger) -> None:
    with ledger.engine.connect() as conn:
        assert series_current(conn)  # an empty ledger: nothing to be behind
        assert conn.execute(select(SeriesPoint)).first() is None
