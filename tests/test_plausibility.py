"""Implausible totals are flagged at sync (warning + conflicts entry with the rule), and ``check``
says when the ledger value it compared with is one of them."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from lossledger.cli import main
from lossledger.ledger import Ledger
from lossledger.ledger.plausibility import flag_totals
from lossledger.verify import check

from .conftest import DATA
from .test_sync import EQUIP, MZ, PETRO

D = dt.date(2024, 2, 1)


def _series(*values: int, start: dt.date = D, step: int = 1) -> list[tuple[str, str, dt.date, int]]:
    return [("c", "tanks", start + dt.timedelta(days=i * step), v) for i, v in enumerate(values)]


def _rules(flags: dict[tuple[str, dt.date], list]) -> dict[int, list[str]]:  # type: ignore[type-arg]
    return {(date - D).days: [f.rule for f in fl] for (_m, date), fl in flags.items()}


def test_rules_on_series() -> None:
    gs = "general-staff"
    assert _rules(flag_totals(_series(6400, 6420, 6440), source=gs)) == {}
    # one wrong value is one flagged value: the next is compared with the total before it
    assert _rules(flag_totals(_series(6400, 64200, 6440, 6460), source=gs)) == {1: ["tenfold-jump", "daily-bound"]}
    assert _rules(flag_totals(_series(6400, 642, 6440, 6460), source=gs)) == {1: ["fell"]}
    # a small fall is flagged once and becomes the new level
    assert _rules(flag_totals(_series(6400, 6398, 6399, 6410), source=gs)) == {1: ["fell"]}
    # ... unless a correction is recorded that day
    assert _rules(flag_totals(_series(6400, 6398, 6410), {("tanks", D + dt.timedelta(days=1)): -5}, source=gs)) == {}
    # Oryx removes items: its totals may fall
    assert _rules(flag_totals(_series(3000, 2990, 3010), source="oryx")) == {}
    # a sparse series may grow tenfold over years; the daily bounds are the General Staff's only
    assert _rules(flag_totals(_series(10000, 370000, step=900), source="ukraine-own")) == {}
    assert _rules(flag_totals(_series(100, 600), source="mediazona")) == {}
    assert _rules(flag_totals(_series(100, 600), source=gs)) == {1: ["daily-bound"]}


def test_the_real_data_has_only_small_unexplained_falls(synced: Ledger) -> None:
    """The bounds must not fire on the real statements (uav grew 2,719 in a day in 2026)."""
    rows = [c.to_dict() for c in synced.conflicts()]
    flags = [f for r in rows for f in r.get("flags", [])]
    assert {f["rule"] for f in flags} == {"fell"}
    assert len(flags) < 15
    for source in ("mediazona", "oryx", "russian-mod", "ukraine-own"):
        assert not [r for r in synced.conflicts(source=source) if r.flags], source


def _tenfold_tanks(data: Path) -> None:
    path = data / PETRO / EQUIP
    records = json.loads(path.read_text())
    next(r for r in records if r["date"] == "2024-02-16")["tank"] *= 10
    path.write_text(json.dumps(records))


def test_a_tenfold_value_is_flagged_at_sync(
    synced_sqlite_copy: Path, data_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _tenfold_tanks(data_copy)
    url = f"sqlite:///{synced_sqlite_copy}"
    assert main(["sync", "--db", url, "--from", str(data_copy), "--only", PETRO, "-f", "json"]) == 0
    out, err = capsys.readouterr()
    warning = [line for line in err.splitlines() if "tanks 2024-02-16" in line]
    assert len(warning) == 1 and "tenfold-jump" in warning[0] and "64,650" in warning[0], err
    (report,) = json.loads(out)["datasets"]
    assert {(f["metric"], f["date"], f["rule"], f["value"]) for f in report["flags"]} == {
        ("tanks", "2024-02-16", "tenfold-jump", 64650),
        ("tanks", "2024-02-16", "daily-bound", 64650),
    }
    with Ledger.open(url) as ledger:
        (row,) = [r for r in ledger.conflicts(metric="tanks", start="2024-02-16", end="2024-02-17") if r.flags]
        assert row.date == "2024-02-16" and {f.compilation for f in row.flags or []} == {"petroivaniuk"}
        assert row.resolved == 6465  # orc-losses' value wins the reconciliation
        assert ledger.show("2024-02-16").figures["tanks"].flags[0].rule == "tenfold-jump"
        assert not ledger.show("2024-02-17").figures["tanks"].flags  # the day after is not blamed
    # warned once: a sync that writes nothing new says nothing
    assert main(["sync", "--db", url, "--from", str(data_copy), "--only", PETRO, "--force"]) == 0
    assert "tenfold" not in capsys.readouterr().err


def test_check_says_the_ledger_value_is_flagged(synced_sqlite_copy: Path, data_copy: Path) -> None:
    """A single-source series (Mediazona) with a bad value: the correct article is a 'mismatch',
    and the check says the value it compared with is implausible."""
    path = data_copy / MZ / "totals.csv"
    path.write_text(path.read_text().replace("2023-12-31,40599,", "2023-12-31,405990,"))
    url = f"sqlite:///{synced_sqlite_copy}"
    text = "By 31 December 2023, Mediazona and BBC Russian had confirmed the names of 40,599 Russian soldiers killed."
    with Ledger.open(url) as ledger:
        before = check(text, ledger).to_dict()["claims"][0]
        assert before["verdict"] == "match" and before["ledger_flags"] == []
        result = ledger.sync(data_copy, only=[MZ])
        assert any("tenfold-jump" in w for r in result.reports for w in r.warnings)
        after = check(text, ledger).to_dict()["claims"][0]
    assert after["verdict"] == "mismatch" and after["ledger_value"] == 405990
    assert [f["rule"] for f in after["ledger_flags"]] == ["tenfold-jump"]
    assert "flagged as implausible" in after["explanation"]
    # the SQLite fast path of `lossledger check` says the same
    from lossledger.verify import LedgerView

    fast = check(text, LedgerView.open(url)).to_dict()["claims"][0]
    assert fast["ledger_flags"] == after["ledger_flags"]


def test_the_shared_data_round_trip_stays_unflagged(tmp_path: Path) -> None:
    """Flags are computed from the current values: correcting the file clears them."""
    data = tmp_path / "data"
    import shutil

    shutil.copytree(DATA / MZ, data / MZ)
    with Ledger.open(f"sqlite:///{tmp_path / 'l.sqlite'}") as ledger:
        ledger.sync(data)
        path = data / MZ / "totals.csv"
        original = path.read_text()
        path.write_text(original.replace("2023-12-31,40599,", "2023-12-31,405990,"))
        ledger.sync(data)
        assert [r for r in ledger.conflicts(source="mediazona") if r.flags]
        path.write_text(original)
        assert ledger.sync(data).superseded == 1
        assert not [r for r in ledger.conflicts(source="mediazona") if r.flags]
