"""The real-news regression corpus (tests/corpus, issue 11): its shape, and scores that must not fall.

The floors are the scores measured when the corpus was written, rounded down: a change that
makes real text read worse fails here even when the dev set and the golden cases still pass.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from lossledger.extraction.model import CLAIM_SOURCES
from lossledger.taxonomy import metric_names
from lossledger.verify import LedgerView

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
BENCH = Path(__file__).resolve().parents[2] / "benchmarks" / "realworld.py"
#: (group, General Staff figure F1, share of dated texts whose report date is found); the dates'
#: floors were lowered by two points, and the first twelve's F1 floor by one, when sets 28 and 29
#: came in (texts that quote one rounded figure in passing, often with no date of their own: 0.83
#: and 0.85 in the first twelve on the code that added them, report dates 19 of 28 and 21 of 31);
#: the others' F1 floor by one when sets 35-38 came in (79 passages in 36 other languages, five of
#: which had no vocabulary until then: 0.835 on the code that added them, 0.917 for all others);
#: the others' dates floor by one when set 44 came in (figures quoted in passing in 11 other
#: languages, report dates found for 6 of 11 on the code that added them: 582 of 658 in all); the
#: others' and overall F1 floors by one when sets 46 and 47 came in (125 passages, 68 of them
#: look-alikes and figures in passing, 0.83 on the code that added them; over all 3,392 texts the
#: others 0.909, overall 0.939)
FLOORS = {"first-12": (0.94, 0.91), "others": (0.90, 0.88), "overall": (0.93, 0.90)}


def _records() -> list[dict]:
    out = []
    for path in sorted(CORPUS.glob("*.jsonl")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                record = json.loads(line)
                record["_where"] = f"{path.name}:{n}"
                out.append(record)
    return out


def test_corpus_records_are_well_formed() -> None:
    records = _records()
    assert len(records) >= 300
    metrics = set(metric_names())
    ids = set()
    for r in records:
        where = r["_where"]
        assert r["id"] not in ids, where
        ids.add(r["id"])
        assert where.startswith(r["language"] + "."), where
        assert r["based_on"].startswith(("http://", "https://")), where
        assert r["text"].strip(), where
        for c in r["claims"]:
            assert c["source"] in CLAIM_SOURCES and c["metric"] in metrics, (where, c)
            assert c["kind"] in ("total", "increase") and c["qualifier"] in ("exact", "about", "more_than"), (where, c)
    languages = {r["language"] for r in records}
    assert len(languages) >= 30, sorted(languages)


@pytest.mark.slow
def test_scores_on_the_corpus_do_not_fall(synced_sqlite_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("bench_realworld", BENCH)
    assert spec and spec.loader
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    records = [{k: v for k, v in r.items() if k != "_where"} for r in _records()]
    view = LedgerView.open(f"sqlite:///{synced_sqlite_path}")
    result = bench.evaluate(records, view)
    for group, (f1, dated) in FLOORS.items():
        got = result[group]
        right, total = got["report_date"]
        assert got["general_staff"]["f1"] >= f1, (group, got["general_staff"])
        assert total == 0 or right / total >= dated, (group, got["report_date"])
    right, total = result["overall"]["lookalikes_dated"]
    assert right == 0, result["overall"]["lookalikes_dated"]


OWN_WORDS = Path(__file__).resolve().parent / "own_words"


@pytest.mark.parametrize("path", sorted(OWN_WORDS.glob("*.jsonl")), ids=lambda p: p.stem)
def test_texts_written_for_a_new_languages_vocabulary_read(path: Path, synced_sqlite_path: Path) -> None:
    """A language added with texts written in our own words (no real passage to rewrite yet, so
    not in the corpus): its vocabulary reads them, real General Staff values of real dates."""
    spec = importlib.util.spec_from_file_location("bench_realworld", BENCH)
    assert spec and spec.loader
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    result = bench.evaluate(records, LedgerView.open(f"sqlite:///{synced_sqlite_path}"))["overall"]
    right, total = result["report_date"]
    assert result["general_staff"]["f1"] >= 0.95 and right == total, result
    assert result["lookalikes_dated"][0] == 0, result
