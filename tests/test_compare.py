"""Claims vs. confirmed: alignment on evidence dates and the one-sentence explanation."""

from __future__ import annotations

from lossledger.analysis.compare import compare, gap_sentence
from lossledger.ledger import Ledger


def test_compare_aligns_claims_on_evidence_dates(synced: Ledger) -> None:
    frame = compare(synced, "personnel", ["general-staff", "mediazona"])
    row = frame.loc["2024-02-02"]
    gs = synced.show("2024-02-02").figures["personnel"].total
    assert row["mediazona"] == 43460 and row["general-staff"] == gs
    assert abs(row["ratio"] - round(gs / 43460, 2)) < 1e-9
    tanks = compare(synced, "tanks")
    assert {"oryx", "oryx:destroyed", "ratio", "general-staff_date"} <= set(tanks.columns)
    assert (tanks["general-staff_date"] <= tanks.index).all()  # the claim of that day or before


def test_gap_sentence() -> None:
    en = gap_sentence("tanks", 12000, 4000)
    assert "12,000" in en and "4,000" in en and "3.0×" in en and "lower bound" in en
    uk = gap_sentence("tanks", 12000, 4000, lang="uk")
    assert "12\u202f000" in uk and "," in uk and "3.0 раза" in uk
    assert "nearly agree" in gap_sentence("ships", 28, 28)
