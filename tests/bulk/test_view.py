"""PreparedView serves the same points as LedgerView's windowed reads (one reconciliation per source)."""

from __future__ import annotations

import datetime as dt
import random

from lossledger.bulk.view import PreparedView
from lossledger.verify import LedgerView

MERGE = dt.date(2022, 5, 1)


def test_windows_equal_the_base_view(ledger_url: str) -> None:
    base, prepared = LedgerView.open(ledger_url), PreparedView.open(ledger_url)
    rng = random.Random(3)
    days = sorted(base.points("general-staff", start=dt.date(2022, 2, 24), end=dt.date(2026, 12, 31))["personnel"])
    for _ in range(40):
        start = rng.choice(days)
        end = start + dt.timedelta(days=rng.randint(0, 20))
        want = base.points("general-staff", start=start, end=end)
        got = prepared.points("general-staff", start=start, end=end)
        if end < MERGE:  # the one documented difference: the merged vehicles line before the merge
            assert all(p.merged for p in got.pop("vehicles", {}).values())
        assert got == want, (start, end)
    assert prepared.points("mediazona", start=days[400], end=days[420]) == base.points(
        "mediazona", start=days[400], end=days[420]
    )


def test_a_worker_adopts_the_shipped_index_only_for_its_version(ledger_url: str, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The client ships its fingerprint index with the ledger; a worker whose copy has the same
    version serves it as is, one whose ledger has another version builds its own."""
    import shutil

    from lossledger.bulk.worker import ledger_index, open_view
    from lossledger.verify.fingerprint import FingerprintIndex

    version, (pairs, n_dates) = ledger_index(LedgerView.open(ledger_url))
    copy = tmp_path / "copy.sqlite"  # as a worker writes the shipped bytes into its own directory
    shutil.copyfile(ledger_url[len("sqlite:///") :], copy)
    view = open_view(f"sqlite:///{copy}", (pairs, n_dates), version)
    adopted = FingerprintIndex.load(view)
    assert adopted.pairs is pairs and adopted.n_dates == n_dates
    second = tmp_path / "second.sqlite"
    shutil.copyfile(copy, second)
    other = open_view(f"sqlite:///{second}", ({}, 0), "another version")
    built = FingerprintIndex.load(other)
    assert built.n_dates == n_dates and built.pairs is not pairs and built.pairs.keys() == pairs.keys()
