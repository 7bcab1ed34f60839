"""sync keeps no bad value: a corrected file undoes it; a vanished or empty origin is said clearly."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from lossledger.cli import main
from lossledger.errors import InputError
from lossledger.ledger import Ledger

from .conftest import DATA
from .test_sync import EQUIP, PETRO, state


def _tenfold(data: Path, date: str = "2024-02-16") -> None:
    path = data / PETRO / EQUIP
    records = json.loads(path.read_text())
    next(r for r in records if r["date"] == date)["tank"] *= 10
    path.write_text(json.dumps(records))


def test_a_corrected_file_undoes_the_bad_value(synced_sqlite_copy: Path, data_copy: Path) -> None:
    _tenfold(data_copy)
    with Ledger.open(f"sqlite:///{synced_sqlite_copy}") as ledger:
        bad = ledger.sync(data_copy, only=[PETRO])
        assert bad.superseded == 1
        candidates = ledger.show("2024-02-16").figures["tanks"].resolved.values
        assert {c.value for c in candidates} == {6465, 64650}
        # the original files again: their hashes are known, yet the bad value must not stay current
        fixed = ledger.sync(DATA, only=[PETRO])
        assert (fixed.added, fixed.superseded) == (0, 1)
        tanks = ledger.show("2024-02-16").figures["tanks"]
        assert tanks.total == 6465 and tanks.resolved is None
        revisions = [(c.old, c.new) for c in ledger.changes() if c.metric == "tanks"]
        assert revisions == [(64650, 6465), (6465, 64650)]  # newest first
        # and now the same files are unchanged: skipped, nothing written
        again = ledger.sync(DATA, only=[PETRO])
        assert [r.status for r in again.reports] == ["unchanged"] and again.superseded == 0
        # the bad copy once more is a revision again (its files are known too)
        assert ledger.sync(data_copy, only=[PETRO]).superseded == 1


def test_a_vanished_dataset_folder_is_warned_about(ledger: Ledger, tmp_path: Path) -> None:
    origin = tmp_path / "data"
    origin.mkdir()
    for folder in ("mediazona-totals", "oryx-totals"):
        shutil.copytree(DATA / folder, origin / folder)
    first = ledger.sync(origin)
    assert not first.warnings
    shutil.rmtree(origin / "oryx-totals")
    before = state(ledger)
    result = ledger.sync(origin)
    warning = [w for w in result.warnings if "oryx-totals" in w]
    assert warning and "missing" in warning[0] and "kept" in warning[0], result.warnings
    assert state(ledger)[0] == before[0]  # nothing withdrawn
    assert ledger.sync(origin, only=["mediazona-totals"]).warnings == []  # not asked for: no word


def test_an_empty_or_foreign_origin_is_an_error(
    synced_sqlite_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    url = f"sqlite:///{synced_sqlite_copy}"
    with Ledger.open(url) as ledger:
        before = state(ledger)
        with pytest.raises(InputError, match="no dataset folder"):
            ledger.sync(empty)
        (empty / "holiday-photos").mkdir()
        with pytest.raises(InputError, match="no dataset folder"):
            ledger.sync(empty)
        assert state(ledger) == before
    assert main(["sync", "--db", url, "--from", str(empty)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err[-1].startswith("lossledger: error: ") and str(empty) in err[-1], err
