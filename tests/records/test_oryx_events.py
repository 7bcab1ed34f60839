"""Oryx's per-item events: every row accounted for, items merged across statuses, and the
per-status counts of Russian tanks against the scrape's own totals_by_type.csv."""

from __future__ import annotations

import pandas as pd
import pytest

from lossledger import count_records, record_duplicates, record_lists, record_rejections
from lossledger.analysis.compare import compare
from lossledger.ledger import Ledger

from .conftest import ORYX

RANK = {"damaged": 0, "abandoned": 1, "captured": 2, "destroyed": 3}
# Tanks by name; a T-72 hull carrying a rocket launcher is Oryx's rocket artillery.
TANK = r"^(?:Unknown |unknown )?(?:T-(?:54|55|62|64|72|80|90)(?!\d)(?!.* hull with)|tank$)"


@pytest.fixture(scope="module")
def items(oryx_events_frame: pd.DataFrame) -> pd.DataFrame:
    """One row per item (side, system, photo), its strongest status and first date — in pandas."""
    ev = oryx_events_frame.copy()
    ev["sys"] = ev.system.str.split().str.join(" ").str.replace(r"^\d+\s+", "", regex=True)
    # the first link of the cell (a few cells put a note before it: "2x KamAZ 6x6 https://…")
    ev["link"] = ev.url.str.extract(r"(https?://[^/\s]+\.\S*)", expand=False)
    ev = ev[ev.link.notna()]
    ev["rank"] = ev.status.map(RANK)
    first = ev.groupby(["country", "sys", "link"]).date_recorded.transform("min")
    ev = ev.assign(date_recorded=first).sort_values("rank", ascending=False)
    return ev.drop_duplicates(["country", "sys", "link"])


def test_every_row_is_accounted_for(synced: Ledger, oryx_events_frame: pd.DataFrame, items: pd.DataFrame) -> None:
    (row,) = [r for r in record_lists(synced) if r["list"] == "oryx"]
    assert row["rows"] == len(oryx_events_frame) == 37505
    assert row["records"] + row["merged"] + row["rejected"] == row["rows"]
    assert row["records"] == len(items)
    (rejected,) = record_rejections(synced, "oryx")  # 'ttps://…': a link without its h
    assert (rejected["file"], rejected["line"], rejected["code"]) == (
        "oryx-scarnecchia/event_destroyed.csv",
        7676,
        "schema.evidence",
    )


def test_merged_rows_are_the_same_item(synced: Ledger) -> None:
    rows = record_duplicates(synced, "oryx")
    assert len(rows) == 2056
    assert {r["reason"] for r in rows} == {"same item: same side, system and photo"}
    assert all(f"counted as {r['kept']['status']}" in r["detail"] for r in rows)


def test_russian_tanks_by_status_match_pandas_and_are_compared_with_totals(synced: Ledger, items: pd.DataFrame) -> None:
    last = items.date_recorded.max()
    tanks = items[(items.country == "Russia") & items.sys.str.match(TANK)]
    expected = tanks.status.value_counts().to_dict()
    got = count_records(synced, "oryx", last, by="status", side="russia")
    by_category = count_records(synced, "oryx", last, by="category", side="russia")["by"]
    assert by_category["tanks"] == len(tanks)
    totals = pd.read_csv(ORYX / "totals_by_type.csv")
    own = totals[(totals.country == "Russia") & (totals.equipment_type == "Tanks")].iloc[0]
    series = synced.series("tanks", source="oryx-items")
    for status in RANK:
        tank_series = synced.series("tanks", source="oryx-items", status=status)
        assert int(tank_series["total"].dropna().iloc[-1]) == expected[status]
        # docs/records.md explains why the item list holds more tanks than Oryx's tally
        assert 0.9 * own[status] <= expected[status] <= 4.5 * own[status], (status, expected[status], own[status])
    assert int(series["total"].dropna().iloc[-1]) == len(tanks)
    assert own["type_total"] == 4074 < len(tanks) < 1.3 * own["type_total"]
    assert sum(got["by"].values()) == got["total"]


def test_breakdowns_cover_every_record(synced: Ledger) -> None:
    for by in ("status", "system", "category", "origin", "side", "month"):
        got = count_records(synced, "oryx", "2024-02-16", window="14d", by=by)
        assert sum(got["by"].values()) == got["total"]


def test_claims_vs_items_compare(synced: Ledger) -> None:
    frame = compare(synced, "tanks", ["general-staff", "oryx-items"])
    assert (frame["ratio"].dropna() > 1).all()  # the claim is above the confirmed lower bound
    assert {"oryx-items:destroyed", "oryx-items:captured"} <= set(frame.columns)
