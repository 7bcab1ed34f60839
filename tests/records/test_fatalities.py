"""The fatalities list: every row accounted for, and counts that match a plain pandas computation.

The pandas side below re-derives the rules of docs/records.md from the file alone — a record needs
a date and at least one http(s) link; a row with the same birth year, age, date, region, unit
type and links as an earlier row (birth year known) is the same person — without lossledger code.
"""

from __future__ import annotations

import csv
import re

import pandas as pd
import pytest

from lossledger import count_records, record_duplicates, record_lists, record_rejections
from lossledger.ledger import Ledger

from .conftest import FATALITIES

AS_OF = "2023-04-11"
# A link starts at http(s):// unless a "/" precedes it (a Wayback URL embeds the page it archived).
URL = re.compile(r"https?://.*?(?=(?<!/)https?://|\s|$)")
HOST = re.compile(r"^https?://[^/\s?#]+\.[^/\s?#]+")


def _links(cell: str) -> frozenset[str]:
    return frozenset(u.rstrip(",;.)]}>'\"«»") for u in URL.findall(cell) if HOST.match(u))


@pytest.fixture(scope="module")
def expected(fatalities_frame: pd.DataFrame) -> dict[str, object]:
    df = fatalities_frame.assign(links=fatalities_frame.source.map(_links))
    valid = (df.deathConfirmedDate.str.strip() != "") & (df.links.map(len) > 0)
    kept = df[valid]
    profile = ["birthYear", "age", "deathConfirmedDate", "region", "unitType", "links"]
    dup = (kept.birthYear != "") & kept.duplicated(profile, keep="first")
    records = kept[~dup]
    as_of = records[records.deathConfirmedDate <= AS_OF]
    window = as_of[as_of.deathConfirmedDate >= "2023-03-29"]  # 14 days up to and including 2023-04-11
    return {
        "rows": len(df), "rejected": int((~valid).sum()), "merged": int(dup.sum()), "records": len(records),
        "total": len(as_of), "window": len(window), "invalid_ids": set(df[~valid].id),
        "unit": as_of.unitType.replace("", "unknown").value_counts().to_dict(),
        "region": as_of.region.replace("", "unknown").value_counts().to_dict(),
    }  # fmt: skip


def test_every_row_is_accounted_for(synced: Ledger, expected: dict[str, object]) -> None:
    (row,) = [r for r in record_lists(synced) if r["list"] == "ru-fatalities"]
    assert row["rows"] == 20253 == expected["rows"]
    assert row["records"] + row["merged"] + row["rejected"] == row["rows"]
    assert (row["records"], row["merged"], row["rejected"]) == (
        expected["records"],
        expected["merged"],
        expected["rejected"],
    )


def test_total_and_window_match_pandas(synced: Ledger, expected: dict[str, object]) -> None:
    got = count_records(synced, "ru-fatalities", AS_OF, window="14d")
    assert got == {
        "list": "ru-fatalities",
        "as_of": AS_OF,
        "total": expected["total"],
        "window": {"days": 14, "count": expected["window"]},
        "by": None,
    }


@pytest.mark.parametrize(("by", "key"), [("unit", "unit"), ("region", "region")])
def test_breakdowns_match_pandas(synced: Ledger, expected: dict[str, object], by: str, key: str) -> None:
    got = count_records(synced, "ru-fatalities", AS_OF, by=by)
    assert got["by"] == expected[key]
    assert sum(got["by"].values()) == got["total"]


@pytest.mark.parametrize("by", ["age-band", "month"])
def test_every_breakdown_sums_to_the_total(synced: Ledger, by: str) -> None:
    got = count_records(synced, "ru-fatalities", "2022-12-31", window="2w", by=by)
    assert sum(got["by"].values()) == got["total"]
    assert got["window"]["days"] == 14


def test_rejections_name_file_line_and_reason(synced: Ledger, expected: dict[str, object]) -> None:
    rows = record_rejections(synced, "ru-fatalities")
    assert {r["external_id"] for r in rows} == expected["invalid_ids"]
    assert {r["code"] for r in rows} == {"schema.evidence", "schema.date"}
    starts = _record_lines()
    for r in rows:
        assert r["file"] == "ru-fatalities-bessudnov/fatalities_anonymised.csv"
        assert starts[r["line"]] == r["external_id"], r  # the line where that row starts in the file


def _record_lines() -> dict[int, str]:
    """Physical line where each row starts → its id (quoted cells span lines)."""
    with FATALITIES.open(encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh)
        next(reader)
        out, start = {}, reader.line_num + 1
        for cells in reader:
            out[start] = cells[0]
            start = reader.line_num + 1
    return out


def test_duplicates_are_listed_with_reason(synced: Ledger, expected: dict[str, object]) -> None:
    rows = record_duplicates(synced, "ru-fatalities")
    assert len(rows) == expected["merged"] == 7
    for r in rows:
        assert r["reason"] == "same birth year, age, date, region, unit type and evidence"
        assert r["kept"]["line"] < r["line"]


def test_counts_are_a_personnel_series_of_the_ledger(synced: Ledger, expected: dict[str, object]) -> None:
    series = synced.series("personnel", source="ru-fatalities")
    assert int(series["total"].dropna().iloc[-1]) == expected["records"]
    assert int(series.loc[pd.Timestamp(AS_OF), "total"]) == expected["total"]
