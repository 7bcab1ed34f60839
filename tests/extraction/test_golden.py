"""Golden cases per language (tests/golden/extraction/<lang>.jsonl): exact claims with exact spans.

The files are written by tests/extraction/build_golden.py from hand-written cases.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lossledger import Ledger
from lossledger.extraction import extract

GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "extraction"


def _cases() -> list[pytest.param]:
    out = []
    for path in sorted(GOLDEN.glob("*.jsonl")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                out.append(pytest.param(json.loads(line), id=f"{path.stem}-{n}"))
    return out


def _key(c: dict) -> tuple:
    return (c["metric"], c["value"], c["kind"], c["qualifier"], c["source"], tuple(c["span"]))


@pytest.mark.parametrize("case", _cases())
def test_golden(case: dict) -> None:
    result = extract(case["text"], published=case.get("published"), language=case["language"]).to_dict()
    assert sorted(map(_key, result["claims"])) == sorted(map(_key, case["claims"]))
    ignored = {i["value"] for i in result["ignored"]}
    for value in case.get("ignored_values", []):
        assert value in ignored
    if "as_of" in case:
        assert result["as_of"] == case["as_of"]


def test_golden_as_of_agrees_with_the_ledger(synced_sqlite_path: Path) -> None:
    """A case's ``as_of`` is the report its General Staff figures are from: the ledger holds every
    one of them on that date (so a wrong date in a hand-written case cannot pass as golden)."""
    dated = [p.values[0] for p in _cases() if "as_of" in p.values[0]]
    assert dated, "no golden case states as_of"
    with Ledger.open(f"sqlite:///{synced_sqlite_path}", read_only=True) as ledger:
        for case in dated:
            figures = ledger.show(case["as_of"]).figures
            for c in case["claims"]:
                if c["source"] == "general-staff":
                    assert getattr(figures[c["metric"]], c["kind"]) == c["value"], (case["text"], c)
