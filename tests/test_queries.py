"""Queries: series with corrections, gaps, rolling and monthly views; conflicts; export; status."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import pandas as pd
import pytest

from lossledger.cli import main
from lossledger.errors import InputError, NotFound
from lossledger.ledger import Ledger
from lossledger.ledger.reconcile import CompilationValue, resolve_cells

from .conftest import DATA


def test_series_marks_corrections(synced: Ledger) -> None:
    frame = synced.series("special_equipment", start="2024-11-28", end="2024-12-01")
    day = frame.loc["2024-11-30"]
    assert (day["total"], day["correction"], day["increase"]) == (3617, -85, 2)  # 3617 − 3700 − (−85)
    assert bool(day["corrected"]) and not frame.loc["2024-11-29", "corrected"]
    apc = synced.series("afv", start="2022-10-12", end="2022-10-13").loc["2022-10-13"]
    assert apc["total"] == 5167 and bool(apc["corrected"])


def test_vehicles_continuous_across_the_merge(synced: Ledger) -> None:
    frame = synced.series("vehicles", start="2022-04-29", end="2022-05-02")
    assert frame.loc["2022-04-30", "total"] == 1701 + 76 and bool(frame.loc["2022-04-30", "merged"])
    assert frame.loc["2022-05-01", "total"] == 1796 and frame.loc["2022-05-01", "increase"] == 1796 - 1777
    assert "vehicles" not in synced.show("2022-04-30").figures  # the statement did not carry it yet
    assert synced.show("2022-04-30").figures["military_auto"].total == 1701


def test_skipped_days_are_visible(ledger: Ledger) -> None:
    ledger.sync(DATA, only=["general-staff-orc-losses"])
    frame = ledger.series("tanks", start="2022-03-01", end="2022-03-06", daily=True)
    assert list(frame.index.strftime("%Y-%m-%d")) == [f"2022-03-0{d}" for d in range(1, 7)]
    assert frame["missing"].tolist() == [True, False, True, True, False, False]
    assert pd.isna(frame.loc["2022-03-05", "increase"])  # no increase across a skipped day
    assert frame.loc["2022-03-06", "increase"] == frame.loc["2022-03-06", "total"] - frame.loc["2022-03-05", "total"]


def test_rolling_and_monthly_match_pandas(synced: Ledger) -> None:
    daily = synced.series("tanks", start="2024-01-01", end="2024-03-31", daily=True, rolling=7)
    expected = daily["increase"].astype(float).rolling(7, min_periods=1).mean().round(2)
    assert (daily["rolling_7"].astype(float) - expected).abs().max() < 1e-9
    monthly = synced.series("tanks", start="2024-01-01", end="2024-03-31", monthly=True)
    assert list(monthly["total"]) == [
        daily.loc["2024-01-31", "total"],
        daily.loc["2024-02-29", "total"],
        daily.loc["2024-03-31", "total"],
    ]
    assert monthly["increase"].iloc[1] == daily.loc["2024-02-01":"2024-02-29", "increase"].sum()
    with pytest.raises(InputError):
        synced.series("tanks", rolling=0)
    with pytest.raises(NotFound):
        synced.series("battleships")


def test_conflicts_are_resolved_deterministically(synced: Ledger) -> None:
    rows = [c.to_dict() for c in synced.conflicts()]
    values = [r for r in rows if r["rule"] != "coverage"]
    assert len(values) > 100 and len(rows) > 150
    assert rows == [c.to_dict() for c in synced.conflicts()]
    assert {r["rule"] for r in rows} <= {"coverage", "majority", "continuity", "priority", "agree"}
    assert all(r.get("flags") for r in rows if r["rule"] == "agree")  # listed for an implausible value
    one = next(r for r in rows if r["metric"] == "helicopters" and r["date"] == "2026-04-01")
    assert {v["compilation"]: v["value"] for v in one["values"]} == {"orc-losses": 350, "petroivaniuk": 351}
    fig = synced.show(one["date"]).figures["helicopters"]
    assert fig.total == one["resolved"] and fig.resolved is not None and fig.resolved.rule == one["rule"]
    # a cell resolves the same whether one day or the whole series is asked
    for r in values[:40]:
        assert synced.show(r["date"]).figures[r["metric"]].total == r["resolved"]


def test_continuity_rule_uses_neighbours_and_corrections() -> None:
    d = dt.date(2024, 1, 10)

    def cands(date: dt.date, *vals: tuple[str, int]) -> list[tuple[str, str, dt.date, CompilationValue]]:
        return [("tanks", "total", date, CompilationValue(c, v, "exact", 1, None)) for c, v in vals]

    rows = cands(d - dt.timedelta(1), ("petroivaniuk", 100), ("orc-losses", 100))
    rows += cands(d, ("petroivaniuk", 90), ("orc-losses", 105))
    rows += cands(d + dt.timedelta(1), ("petroivaniuk", 110), ("orc-losses", 110))
    cell = resolve_cells(rows)[("tanks", "total", d)]
    assert (cell.value, cell.rule) == (105, "continuity")  # 90 would fall below the day before
    # the day after is 95: without a correction both candidates break continuity equally
    rows = rows[:4] + cands(d + dt.timedelta(1), ("petroivaniuk", 95), ("orc-losses", 95))
    cell = resolve_cells(rows)[("tanks", "total", d)]
    assert (cell.value, cell.rule) == (90, "priority")
    # a recorded correction of −12 on that day explains the drop: 90 fits, 105 does not
    rows += [("tanks", "correction", d, CompilationValue("petroivaniuk", -12, "exact", 1, None))]
    cell = resolve_cells(rows)[("tanks", "total", d)]
    assert (cell.value, cell.rule) == (90, "continuity")


def test_export_formats(synced_sqlite_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = f"sqlite:///{synced_sqlite_path}"
    assert main(["--db", url, "export", "--format", "parquet", "--out", str(tmp_path / "l.parquet")]) == 0
    frame = pd.read_parquet(tmp_path / "l.parquet")
    assert len(frame) > 40000
    assert {
        "source",
        "compilation",
        "metric",
        "report_date",
        "kind",
        "value",
        "document_uri",
        "document_sha256",
    } <= set(frame.columns)
    row = frame[
        (frame.compilation == "petroivaniuk")
        & (frame.metric == "tanks")
        & (frame.report_date.astype(str) == "2024-02-16")
    ]
    assert row["value"].tolist() == [6465]
    assert main(["--db", url, "export", "--format", "csv"]) == 0
    assert len(pd.read_csv(io.StringIO(capsys.readouterr().out), low_memory=False)) == len(frame)
    with Ledger.open(url) as ledger:
        records = json.loads(ledger.export("json"))
    assert len(records) == len(frame)
    assert main(["--db", url, "export", "--format", "parquet"]) == 1


def test_status_and_sources(synced: Ledger, capsys: pytest.CaptureFixture[str]) -> None:
    rows = {r.source: r for r in synced.status(now=dt.datetime(2026, 8, 22, 20, 0))}
    gs = rows["general-staff"]
    assert gs.newest_report == "2026-08-22" and not gs.stale and gs.fetched_at
    later = {r.source: r for r in synced.status(now=dt.datetime(2026, 8, 24, 20, 0))}
    assert later["general-staff"].stale
    assert not later["russian-mod"].stale  # irregular: never stale
    slugs = {s.slug for s in synced.sources()}
    assert {"general-staff", "oryx", "mediazona", "russian-mod", "ukraine-own"} <= slugs


def test_series_and_show_cli_formats(synced_sqlite_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = f"sqlite:///{synced_sqlite_path}"
    assert main(["--db", url, "series", "tanks", "--from", "2024-02-15", "--to", "2024-02-16", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [(r["date"], r["total"], r["increase"]) for r in rows] == [("2024-02-15", 6442, 9), ("2024-02-16", 6465, 23)]
    assert main(["--db", url, "series", "tanks", "--from", "2024-02-15", "--to", "2024-02-16", "--format", "csv"]) == 0
    assert capsys.readouterr().out.splitlines()[2].startswith("2024-02-16,6465,23,")
    assert main(["--db", url, "latest", "--format", "csv"]) == 0
    assert "2026-08-22,personnel,1475270" in capsys.readouterr().out
    for command in (["sources"], ["status"], ["changes"], ["conflicts", "--metric", "tanks"], ["show", "2024-02-16"]):
        assert main(["--db", url, *command]) == 0, command


def test_series_of_a_range_with_no_points_is_empty(
    synced_sqlite_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Oryx's destroyed tanks have no points in January 2023: an empty list, not an internal error."""
    url = f"sqlite:///{synced_sqlite_path}"
    args = ["--db", url, "series", "tanks", "--source", "oryx", "--status", "destroyed"]
    assert main([*args, "--from", "2023-01-01", "--to", "2023-02-01", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_figure_names_every_observation_and_document(synced: Ledger) -> None:
    fig = synced.figure("2024-02-16", "tanks")
    assert fig.total == 6465 and fig.date == "2024-02-16" and fig.source == "general-staff"
    totals = [o for o in fig.observations if o.kind == "total"]
    assert totals and all(o.value == 6465 and o.id for o in totals)
    assert sorted(d.id for d in fig.documents) == synced.show("2024-02-16").figures["tanks"].documents
    with pytest.raises(NotFound):
        synced.figure("1999-01-01", "tanks")
