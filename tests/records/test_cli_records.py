"""The commands: thin wrappers with the documented JSON contract, on both backends."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lossledger.cli import main


def _json(capsys: pytest.CaptureFixture[str], *args: str) -> object:
    assert main(list(args)) == 0
    return json.loads(capsys.readouterr().out)


def test_records_count_contract(synced_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    got = _json(
        capsys, "--db", synced_url, "records", "count", "ru-fatalities", "--as-of", "2023-04-11", "--format", "json"
    )
    assert got == {"list": "ru-fatalities", "as_of": "2023-04-11", "total": got["total"], "window": None, "by": None}
    windowed = _json(
        capsys,
        "--db",
        synced_url,
        "records",
        "count",
        "ru-fatalities",
        "--as-of",
        "2023-04-11",
        "--window",
        "14d",
        "--by",
        "unit",
        "--format",
        "json",
    )
    assert windowed["window"]["days"] == 14 and 0 < windowed["window"]["count"] < windowed["total"] == got["total"]
    assert sum(windowed["by"].values()) == windowed["total"] and "unknown" in windowed["by"]


def test_records_count_table_and_csv(synced_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", synced_url, "records", "count", "oryx", "--by", "status", "--side", "russia"]) == 0
    assert "destroyed" in capsys.readouterr().out
    assert main(["--db", synced_url, "records", "count", "oryx", "--by", "category", "--format", "csv"]) == 0
    header = capsys.readouterr().out.splitlines()[0]
    assert header == "list,as_of,total,window_days,window_count,bucket,count"


def test_records_errors_are_one_line(synced_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", synced_url, "records", "count", "ru-fatalities", "--by", "status"]) == 1
    assert "has no 'status'" in capsys.readouterr().err
    assert main(["--db", synced_url, "records", "count", "nope"]) == 1
    assert "unknown records list" in capsys.readouterr().err


def test_duplicates_rejected_lists(synced_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    dups = _json(capsys, "--db", synced_url, "records", "duplicates", "ru-fatalities", "--format", "json")
    assert len(dups) == 7 and all(d["reason"] and d["kept"]["line"] for d in dups)
    rejected = _json(capsys, "--db", synced_url, "records", "rejected", "oryx", "--format", "json")
    assert rejected[0]["file"] == "oryx-scarnecchia/event_destroyed.csv" and rejected[0]["line"] == 7676
    lists = _json(capsys, "--db", synced_url, "records", "lists", "--format", "json")
    assert {r["list"] for r in lists} == {"oryx", "ru-fatalities"}


def test_estimate_command(synced_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    got = _json(
        capsys,
        "--db",
        synced_url,
        "estimate",
        "ru-fatalities:host=archive.ph",
        "ru-fatalities:host=archive.is,archive.md,archive.vn,archive.today",
        "--format",
        "json",
    )
    assert got["method"] == "chapman" and got["lower"] <= got["estimate"] <= got["upper"]
    assert any("independent" in a for a in got["assumptions"])


@pytest.mark.parametrize("suffix", [".png", ".svg"])
def test_compare_with_chart(synced_url: str, capsys: pytest.CaptureFixture[str], tmp_path: Path, suffix: str) -> None:
    chart = tmp_path / f"tanks{suffix}"
    rows = _json(
        capsys,
        "--db",
        synced_url,
        "compare",
        "tanks",
        "--sources",
        "general-staff,oryx",
        "--chart",
        str(chart),
        "--format",
        "json",
    )
    assert rows and all(r["ratio"] is None or r["ratio"] > 1 for r in rows)
    assert {"date", "general-staff", "oryx", "ratio"} <= set(rows[-1])
    assert chart.stat().st_size > 1000
    head = chart.read_bytes()[:8]
    assert (
        head.startswith(b"\x89PNG")
        if suffix == ".png"
        else b"<svg" in chart.read_bytes()[:2000] or head.startswith(b"<?xml")
    )


def test_compare_table_and_bad_chart(synced_url: str, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert (
        main(["--db", synced_url, "compare", "tanks", "--sources", "general-staff,oryx-items", "--from", "2025-01-01"])
        == 0
    )
    assert "ratio" in capsys.readouterr().out
    assert main(["--db", synced_url, "compare", "tanks", "--chart", str(tmp_path / "x.gif")]) == 1
    assert "chart file must end" in capsys.readouterr().err
