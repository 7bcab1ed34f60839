"""``lossledger label``: what every number of a text equals in the ledger (issue 11)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lossledger.cli import main
from lossledger.verify import LedgerView
from lossledger.verify.label import propose_labels

from ..conftest import ARTICLES

SEED = ARTICLES / "seed-000_219740b5187f23e2.txt"


@pytest.fixture(scope="module")
def view(synced_sqlite_path: Path) -> LedgerView:
    return LedgerView.open(f"sqlite:///{synced_sqlite_path}")


def test_the_seed_articles_numbers(view: LedgerView) -> None:
    proposal = propose_labels(SEED.read_text(encoding="utf-8"), view)
    assert proposal.report_date is not None and proposal.report_date.isoformat() == "2024-02-16"
    by_text = {n.text: n for n in proposal.numbers}
    assert {"metric": "tanks", "kind": "total", "date": "2024-02-16"} in by_text["6,465"].on_date
    assert any(e["source"] == "mediazona" for e in by_text["43,460"].other_sources)
    assert proposal.draft["report_date"] == "2024-02-16" and proposal.draft["errors"] == []


def test_an_outlets_typo_is_a_near_miss_and_an_error(view: LedgerView) -> None:
    text = "За даними Генштабу, станом на 16 лютого ворог втратив 6465 танків, 12129 ББМ і 9461 артсистему."
    proposal = propose_labels(text, view, "2024-02-16")
    near = {n.text: n.near_misses for n in proposal.numbers}["9461"]
    assert {"metric": "artillery", "kind": "total", "date": "2024-02-16", "value": 9641} in near
    assert {"metric": "artillery", "kind": "total", "text_value": 9461, "data_value": 9641} in proposal.draft["errors"]


def test_cli_reads_a_jsonl_of_passages(synced_sqlite_path: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "passages.jsonl"
    rows = [{"id": "a", "text": "Russia lost 6,465 tanks and 12,129 armoured vehicles.", "published": "2024-02-16"}]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    assert main(["--db", f"sqlite:///{synced_sqlite_path}", "label", str(path)]) == 0
    out = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert out[0]["id"] == "a" and out[0]["proposal"]["report_date"] == "2024-02-16"


def test_cli_refuses_a_broken_jsonl(synced_sqlite_path: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "bad.jsonl"
    path.write_text('{"text": "ok 1 tank"}\n{not json\n', encoding="utf-8")
    assert main(["--db", f"sqlite:///{synced_sqlite_path}", "label", str(path)]) == 1
    assert "bad.jsonl" in capsys.readouterr().err


def test_no_report_after_the_text_was_published(view: LedgerView) -> None:
    """A daily tally of common figures fits days after the text's publication too: those are no
    report it can quote."""
    text = "Over the past day Russia lost 1,250 soldiers, 14 tanks and 40 artillery systems, the General Staff said."
    proposal = propose_labels(text, view, "2024-01-10", language="en")
    assert proposal.report_date is not None and proposal.report_date.isoformat() <= "2024-01-11"
