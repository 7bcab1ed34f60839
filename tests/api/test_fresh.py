"""Fresh while serving: a sync lands under a running server, which switches to it without an error
or a pause; a failed sync changes nothing; /healthz tells each source's data age."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import httpx
import pytest

from lossledger.errors import InputError
from lossledger.refresh import Refresher, parse_interval

from .support import make_app, serve_in_thread


@pytest.mark.parametrize(("text", "seconds"), [("6h", 21600), ("30m", 1800), ("1d", 86400), ("45", 45), ("0.5s", 0.5)])
def test_parse_interval(text: str, seconds: float) -> None:
    assert parse_interval(text) == seconds


@pytest.mark.parametrize("text", ["", "0", "6x", "-1h", "h"])
def test_a_bad_interval_is_an_input_error(text: str) -> None:
    with pytest.raises(InputError):
        parse_interval(text)


@pytest.mark.slow
def test_a_sync_lands_under_a_running_server(synced_sqlite_copy: Path, data_copy: Path) -> None:
    totals = data_copy / "oryx-totals" / "totals.csv"
    totals.write_text(
        totals.read_text(encoding="utf-8").replace("2022-04-20,tanks,519,", "2022-04-20,tanks,520,"), encoding="utf-8"
    )
    url = f"sqlite:///{synced_sqlite_copy}"
    refresher = Refresher(url, every=3600, origin=data_copy)
    statuses: list[int] = []
    with (
        serve_in_thread(make_app(synced_sqlite_copy, version_ttl=0.05, warm=True)) as base,
        httpx.Client(base_url=base, timeout=30) as client,
    ):
        before = client.get("/healthz").json()["version"]
        assert client.get("/ledger/v1/days/2022-04-20?source=oryx").json()["figures"]["tanks"]["total"] == 519
        syncing = threading.Thread(target=refresher.sync_once)
        syncing.start()
        while syncing.is_alive():  # requests keep being answered while the sync writes
            statuses.append(client.get("/api/v2/statistics/latest").status_code)
            statuses.append(client.get("/ledger/v1/series/tanks?start=2024-01-01&end=2024-01-31").status_code)
        syncing.join()
        assert refresher.last is not None and refresher.last.superseded >= 1, refresher.last_error
        deadline = time.monotonic() + 90  # a few seconds, unless the machine is busy
        while client.get("/healthz").json()["version"] == before:  # the new tables are built, then swapped in
            statuses.append(client.get("/api/v2/statistics/latest").status_code)
            assert time.monotonic() < deadline
            time.sleep(0.25)
        assert client.get("/ledger/v1/days/2022-04-20?source=oryx").json()["figures"]["tanks"]["total"] == 520
    assert statuses and set(statuses) == {200}


def test_a_failed_round_changes_nothing(synced_sqlite_copy: Path, tmp_path: Path) -> None:
    url = f"sqlite:///{synced_sqlite_copy}"
    before = synced_sqlite_copy.read_bytes()
    refresher = Refresher(url, every=0.01, origin=tmp_path / "no-such-folder")
    refresher.run(rounds=2)
    assert refresher.rounds == 2 and refresher.last is None and refresher.last_error
    from lossledger.ledger import Ledger

    with Ledger.open(url) as ledger:
        assert ledger.version() == "s1"
    assert len(synced_sqlite_copy.read_bytes()) == len(before)


def test_healthz_tells_the_age_of_each_source(client: httpx.Client) -> None:
    sources = {s["source"]: s for s in client.get("/healthz").json()["sources"]}
    staff = sources["general-staff"]
    assert staff["newest_report"] == "2026-08-22" and staff["age_hours"] > 0
    assert staff["max_age_hours"] and staff["stale"] is (staff["age_hours"] > staff["max_age_hours"])
