"""Extraction quality and speed on a JSONL file of dev.jsonl's shape (../shared/articles/README.md).

    python benchmarks/extraction.py [PATH] [--runs N] [--json]

Prints, per language and overall:
- P/R/F1 over General Staff figures as (metric, kind, value) tuples, and over all sources as
  (source, metric, kind, value) tuples — multisets matched per article;
- qualifier accuracy over matched claims (all-sources matching);
- as_of accuracy over articles whose ground truth has a ``report_date``: our document ``as_of``
  is the report date the text states or implies, so it is compared with ``report_date`` (the
  report whose figures the text quotes) — they differ where a text dates its figures wrongly or
  not at all and gives no publication date;
- throughput on one core (articles per CPU-second of this single-threaded process, and per
  wall-clock second; median of ``--runs`` timed passes, caches of relative-date parsing cleared
  between passes) against a baseline measured in the same run: a single
  ``re.finditer(r"\\d[\\d.,\\s]*")`` pass over the same texts.

``evaluate(path)`` returns the same numbers as a dict (the tests assert the thresholds with it).
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from lossledger.extraction import extract

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared" / "articles" / "dev.jsonl"
_BASELINE = re.compile(r"\d[\d.,\s]*")


def load(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f, "tp": tp, "fp": fp, "fn": fn}


def _match(gold: list[tuple], pred: list[tuple]) -> tuple[int, int, int]:
    g, p = Counter(gold), Counter(pred)
    tp = sum((g & p).values())
    return tp, sum(p.values()) - tp, sum(g.values()) - tp


def _qualifiers(gold: list[dict[str, Any]], pred: list[dict[str, Any]]) -> tuple[int, int]:
    """(correct, compared) qualifiers over claims matched on (source, metric, kind, value)."""
    pool: dict[tuple, list[str]] = defaultdict(list)
    for c in pred:
        pool[(c["source"], c["metric"], c["kind"], c["value"])].append(c["qualifier"])
    right = total = 0
    for c in gold:
        key = (c["source"], c["metric"], c["kind"], c["value"])
        if pool[key]:
            q = pool[key].pop(0)
            total += 1
            right += q == c["qualifier"]
    return right, total


def score(articles: list[dict[str, Any]], results: list[dict[str, Any]]) -> dict[str, Any]:
    """Quality metrics per language and overall."""
    acc: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0, 0]))
    extra: dict[str, Counter[str]] = defaultdict(Counter)
    for art, res in zip(articles, results, strict=True):
        for lang in (art["language"], "overall"):
            for name, gold, pred in (
                ("gs", [(c["metric"], c["kind"], c["value"]) for c in art["claims"] if c["source"] == "general-staff"],
                 [(c["metric"], c["kind"], c["value"]) for c in res["claims"] if c["source"] == "general-staff"]),
                ("all", [(c["source"], c["metric"], c["kind"], c["value"]) for c in art["claims"]],
                 [(c["source"], c["metric"], c["kind"], c["value"]) for c in res["claims"]]),
            ):  # fmt: skip
                tp, fp, fn = _match(gold, pred)
                cell = acc[lang][name]
                cell[0] += tp
                cell[1] += fp
                cell[2] += fn
            right, total = _qualifiers(art["claims"], res["claims"])
            extra[lang]["q_right"] += right
            extra[lang]["q_total"] += total
            extra[lang]["articles"] += 1
            if art.get("report_date"):
                extra[lang]["asof_total"] += 1
                extra[lang]["asof_right"] += res["as_of"] == art["report_date"]
    out: dict[str, Any] = {}
    for lang in sorted(acc, key=lambda k: (k == "overall", k)):
        e = extra[lang]
        out[lang] = {
            "articles": e["articles"],
            "general_staff": _prf(*acc[lang]["gs"]),
            "all_sources": _prf(*acc[lang]["all"]),
            "qualifier_accuracy": e["q_right"] / e["q_total"] if e["q_total"] else None,
            "as_of_accuracy": e["asof_right"] / e["asof_total"] if e["asof_total"] else None,
            "as_of_articles": e["asof_total"],
        }
    return out


def _run(articles: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [extract(a["text"], published=a.get("published")).to_dict() for a in articles]


def _clear_caches() -> None:
    from lossledger.extraction import dates

    dates.resolve_relative.cache_clear()


def _timed(fn: Any) -> tuple[float, float]:
    """(wall seconds, CPU seconds of this process) of one call."""
    w0, c0 = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - w0, time.process_time() - c0


def _baseline(texts: list[str]) -> None:
    for text in texts:
        for _m in _BASELINE.finditer(text):
            pass


def throughput(articles: list[dict[str, Any]], runs: int = 5) -> dict[str, float]:
    """Articles per second of extract() and of the regex baseline (medians of ``runs`` passes).

    Both wall-clock and CPU time (``time.process_time``: one core's worth of work, unaffected by
    other processes sharing the machine) are measured; extraction is single-threaded.
    """
    texts = [a["text"] for a in articles]
    _run(articles)  # warm-up: vocabulary, language model and regexes load once per process
    ours_wall, ours_cpu, base_wall, base_cpu = [], [], [], []
    for _ in range(runs):
        _clear_caches()
        wall, cpu = _timed(lambda: _run(articles))
        ours_wall.append(len(texts) / wall)
        ours_cpu.append(len(texts) / max(cpu, 1e-9))
        wall, cpu = _timed(lambda: _baseline(texts))
        base_wall.append(len(texts) / wall)
        base_cpu.append(len(texts) / max(cpu, 1e-9))
    o, b = statistics.median(ours_cpu), statistics.median(base_cpu)
    return {
        "articles_per_second": o,
        "baseline_articles_per_second": b,
        "ratio": o / b,
        "articles_per_second_wall": statistics.median(ours_wall),
        "baseline_articles_per_second_wall": statistics.median(base_wall),
        "runs": runs,
    }


def evaluate(path: Path = DEFAULT, runs: int = 5) -> dict[str, Any]:
    """All metrics for the JSONL file at ``path``: quality per language and overall, throughput."""
    articles = load(path)
    results = _run(articles)
    return {"quality": score(articles, results), "throughput": throughput(articles, runs) if runs else None}


def _fmt(m: dict[str, float]) -> str:
    return f"P {m['precision']:.3f} R {m['recall']:.3f} F1 {m['f1']:.3f} (tp {m['tp']} fp {m['fp']} fn {m['fn']})"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    result = evaluate(args.path, args.runs)
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    for lang, m in result["quality"].items():
        q = m["qualifier_accuracy"]
        a = m["as_of_accuracy"]
        print(f"{lang:8} n={m['articles']:<3} GS  {_fmt(m['general_staff'])}")
        print(f"{'':14}ALL {_fmt(m['all_sources'])}")
        print(
            f"{'':14}qualifier acc {'-' if q is None else f'{q:.3f}'}  as_of acc {'-' if a is None else f'{a:.3f}'} (of {m['as_of_articles']})"
        )
    t = result["throughput"]
    if t:
        print(
            f"throughput (one core, CPU time): {t['articles_per_second']:.0f} articles/s (median of {t['runs']} runs); "
            f"baseline re.finditer: {t['baseline_articles_per_second']:.0f} articles/s; ratio {t['ratio']:.4f}"
        )
        print(
            f"throughput (wall clock): {t['articles_per_second_wall']:.0f} articles/s; "
            f"baseline: {t['baseline_articles_per_second_wall']:.0f} articles/s"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
