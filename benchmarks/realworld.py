"""Extraction and checking scored on a labelled JSONL of real (or rewritten) news passages.

    python benchmarks/realworld.py PATH.jsonl [PATH.jsonl ...] [--db URL] [--json] [--one-per-figure]

Each line has the shape of ../shared/articles/dev.jsonl: ``text``, ``language``, ``published``,
``report_date`` (null for look-alikes: texts whose figures are not the General Staff's) and
``claims`` (``source``, ``metric``, ``kind``, ``value``, ``qualifier``), optionally ``errors``
(the outlet's wrong figures: ``metric``, ``kind``, ``text_value``, ``data_value``).  Printed per
language, per group (the 12 languages with the oldest vocabularies, the others) and overall:

- General Staff figure P/R/F1 over (metric, kind, value) and all-sources F1 over
  (source, metric, kind, value), multisets matched per text (as benchmarks/extraction.py);
- report date found: ``check``'s report date equals the label's, over texts with a report date;
- look-alikes: texts labelled with no General Staff report; how many ``check`` gives a report
  date with confidence above 0.5 (the target is none);
- outlet-error recall: labelled errors that ``check`` judges ``mismatch`` or ``stale``.

The ledger is ``--db`` (default: $LOSSLEDGER_DB, else the per-user file), synced from ../shared/data.
``evaluate(paths, view)`` returns the same numbers as a dict (tests/extraction/test_corpus.py uses it).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from extraction import _match, _prf  # noqa: E402  (benchmarks/extraction.py)

from lossledger.verify import LedgerView, check  # noqa: E402

#: The languages whose vocabularies the project started with (issue 11 reports them as a group).
FIRST_TWELVE = ("ar", "de", "en", "es", "fa", "fr", "it", "pl", "pt", "ru", "tr", "uk")
GS = "general-staff"


def load(paths: list[Path]) -> list[dict[str, Any]]:
    out = []
    for path in paths:
        with path.open(encoding="utf-8") as fh:
            out.extend(json.loads(line) for line in fh if line.strip())
    return out


def _groups(lang: str) -> tuple[str, ...]:
    return (lang, "first-12" if lang in FIRST_TWELVE else "others", "overall")


def _error_found(error: dict[str, Any], claims: list[dict[str, Any]]) -> bool:
    for c in claims:
        if c["source"] != GS or c["metric"] != error["metric"] or c["kind"] != error["kind"]:
            continue
        if c["value"] == error["text_value"] and c["verdict"] in ("mismatch", "stale"):
            return True
    return False


def _one_per_figure(claims: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each (source, metric, kind, value) once: dev.jsonl's convention that a figure stated twice
    (headline and body) is one claim, for label sets that list every repeat."""
    seen: set[tuple[Any, ...]] = set()
    out = []
    for c in claims:
        key = (c["source"], c["metric"], c["kind"], c["value"])
        if key not in seen:
            seen.add(key)
            out.append(c)
    return out


def evaluate(records: list[dict[str, Any]], view: LedgerView, one_per_figure: bool = False) -> dict[str, Any]:
    """Quality per language, per group and overall (see the module docstring); ``one_per_figure``
    scores each labelled figure once however often the labels repeat it."""
    acc: dict[str, Counter[str]] = defaultdict(Counter)
    worst: list[tuple[float, str]] = []
    for rec in records:
        report = check(rec["text"], view, published=rec.get("published"), language=rec.get("language"))
        got = report.to_dict()
        pred = got["claims"]
        gold = _one_per_figure(rec["claims"]) if one_per_figure else rec["claims"]
        gs_gold = [(c["metric"], c["kind"], c["value"]) for c in gold if c["source"] == GS]
        gs_pred = [(c["metric"], c["kind"], c["value"]) for c in pred if c["source"] == GS]
        tp, fp, fn = _match(gs_gold, gs_pred)
        atp, afp, afn = _match(
            [(c["source"], c["metric"], c["kind"], c["value"]) for c in gold],
            [(c["source"], c["metric"], c["kind"], c["value"]) for c in pred],
        )
        lookalike = not gs_gold and not rec.get("report_date")
        for g in _groups(rec["language"]):
            a = acc[g]
            a["texts"] += 1
            a["tp"] += tp
            a["fp"] += fp
            a["fn"] += fn
            a["atp"] += atp
            a["afp"] += afp
            a["afn"] += afn
            if rec.get("report_date"):
                a["dated"] += 1
                a["date_right"] += got["report_date"] == rec["report_date"]
            if lookalike:
                a["lookalikes"] += 1
                a["lookalike_dated"] += got["report_date"] is not None and got["confidence"] > 0.5
            for e in rec.get("errors", []):
                a["errors"] += 1
                a["errors_found"] += _error_found(e, pred)
        if fp or fn:
            worst.append((fp + fn, rec.get("id") or rec.get("based_on", "?")))
    out: dict[str, Any] = {}
    for g in sorted(acc, key=lambda k: (k in ("first-12", "others", "overall"), k)):
        a = acc[g]
        out[g] = {
            "texts": a["texts"],
            "general_staff": _prf(a["tp"], a["fp"], a["fn"]),
            "all_sources": _prf(a["atp"], a["afp"], a["afn"]),
            "report_date": (a["date_right"], a["dated"]),
            "lookalikes_dated": (a["lookalike_dated"], a["lookalikes"]),
            "errors_found": (a["errors_found"], a["errors"]),
        }
    out["_worst"] = [name for _n, name in sorted(worst, reverse=True)[:15]]
    return out


def _ratio(pair: tuple[int, int]) -> str:
    right, total = pair
    return f"{right}/{total}" + (f" ({right / total:.0%})" if total else "")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="+", type=Path)
    ap.add_argument("--db", default=None, help="ledger URL (default: $LOSSLEDGER_DB, else the per-user file)")
    ap.add_argument("--json", action="store_true")
    ap.add_argument(
        "--one-per-figure", action="store_true", help="score a figure the labels repeat once (dev.jsonl's convention)"
    )
    args = ap.parse_args(argv)
    records = load(args.paths)
    view = LedgerView.open(args.db)
    t0 = time.perf_counter()
    result = evaluate(records, view, args.one_per_figure)
    seconds = time.perf_counter() - t0
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    print(
        f"{'':9}{'texts':>6} {'GS P':>6} {'GS R':>6} {'GS F1':>6} {'all F1':>6}  report date   look-alikes dated  errors found"
    )
    for g, m in result.items():
        if g.startswith("_"):
            continue
        gs, al = m["general_staff"], m["all_sources"]
        print(
            f"{g:9}{m['texts']:>6} {gs['precision']:>6.3f} {gs['recall']:>6.3f} {gs['f1']:>6.3f} {al['f1']:>6.3f}"
            f"  {_ratio(m['report_date']):13} {_ratio(m['lookalikes_dated']):18} {_ratio(m['errors_found'])}"
        )
    print(f"worst texts: {', '.join(result['_worst'])}")
    print(f"{len(records)} texts checked in {seconds:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
