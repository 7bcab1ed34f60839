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
