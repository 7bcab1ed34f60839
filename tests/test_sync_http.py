"""sync over HTTP from a mirror on 127.0.0.1: conditional requests, retries, failures."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lossledger.errors import FetchError, InputError
from lossledger.ledger import Ledger
from lossledger.ledger.sync import sync
from lossledger.sources.fetch import HttpClient

from .httpserver import serve

pytestmark = pytest.mark.slow


def test_mirror_sync_then_conditional_resync(tmp_path: Path, data_copy: Path) -> None:
    (data_copy / "someone-elses-data").mkdir()
    with serve(data_copy) as (base, log), Ledger.open(f"sqlite:///{tmp_path / 'l.sqlite'}") as ledger:
        first = ledger.sync(base)
        assert first.added > 40000
        assert any("someone-elses-data" in w for w in first.warnings)
        assert ledger.show("2024-02-16").figures["tanks"].total == 6465
        docs = ledger.show("2024-02-16").documents
        assert any(d.uri.startswith(base) and d.uri.endswith("russia_losses_equipment.json") for d in docs)
        fetched = [p for p, code in log if code == 200 and not p.endswith("/")]
        log.clear()
        second = ledger.sync(base)
        assert second.added == 0 and all(r.status == "unchanged" for r in second.reports)
        files = [(p, code) for p, code in log if not p.endswith("/") and "SNAPSHOT" not in p]
        assert files and all(code == 304 for _p, code in files), files  # nothing downloaded again
        assert len(files) >= len([p for p in fetched if "SNAPSHOT" not in p]) - 1
        # one file changes upstream: only its dataset is read again
        path = data_copy / "oryx-totals" / "totals.csv"
        path.write_text(path.read_text().replace(",519,", ",520,"))
        log.clear()
        third = ledger.sync(base)
        assert third.superseded == 1 and third.added == 0
        assert {r.dataset for r in third.reports if r.status == "imported"} == {"oryx-totals"}
        assert ledger.changes()[0].new == 520


def test_mirror_without_listing_tries_known_files(tmp_path: Path, data_copy: Path) -> None:
    with serve(data_copy, listing=False) as (base, _log), Ledger.open(f"sqlite:///{tmp_path / 'l.sqlite'}") as ledger:
        result = ledger.sync(base, only=["general-staff-petroivaniuk", "mediazona-totals"])
        assert {r.dataset for r in result.reports if r.added} == {"general-staff-petroivaniuk", "mediazona-totals"}


def test_retries_then_succeeds(tmp_path: Path, data_copy: Path) -> None:
    failures = {"/mediazona-totals/totals.csv": [503, 502]}
    with (
        serve(data_copy, failures=failures) as (base, log),
        Ledger.open(f"sqlite:///{tmp_path / 'l.sqlite'}") as ledger,
    ):
        import lossledger.ledger.sync as sync_module

        result = sync_module.sync(ledger.engine, base, only=["mediazona-totals"], retries=3)
        assert result.added > 40
        codes = [code for p, code in log if p == "/mediazona-totals/totals.csv"]
        assert codes == [503, 502, 200]


def test_persistent_failure_and_missing_file_leave_ledger_unchanged(tmp_path: Path, data_copy: Path) -> None:
    (data_copy / "general-staff-petroivaniuk" / "russia_losses_personnel.json").unlink()
    with (
        serve(data_copy, failures={"/oryx-totals/totals.csv": [500] * 10}) as (base, _log),
        Ledger.open(f"sqlite:///{tmp_path / 'l.sqlite'}") as ledger,
    ):
        with pytest.raises(FetchError, match=r"oryx-totals/totals.csv: HTTP 500 \(fetch.http\)"):
            sync(ledger.engine, base, only=["mediazona-totals", "oryx-totals"], retries=1)
        with pytest.raises(InputError, match="required file russia_losses_personnel.json is missing"):
            sync(ledger.engine, base, only=["general-staff-petroivaniuk"], retries=1)
        assert ledger.syncs() == []


def test_timeout_is_a_fetch_error(tmp_path: Path) -> None:
    (tmp_path / "slow.json").write_text(json.dumps([]))
    with serve(tmp_path, stall={"/slow.json": 2.0}) as (base, _log):
        client = HttpClient(timeout=0.3, retries=0)
        with pytest.raises(FetchError, match="slow.json"):
            client.get(base + "slow.json")
        client.close()
