"""Benchmark: ``lossledger bulk check`` throughput on 1 and 2 Dask workers, against the
single-process ``check`` loop, in the same run.

Each run checks the same generated corpus (``lossledger bulk corpus``) four ways:

- ``check loop``: one process, ``LedgerView.open`` + ``check(text, view)`` per article, as
  ``lossledger check`` does (on a sample: it rebuilds the series window and the context per article);
- ``prepared loop``: one process, the per-article work of a worker (bulk/worker.py:
  ``check_articles`` with the prepared view, no context block) — the serial baseline of scaling;
- ``bulk, 1 worker`` and ``bulk, 2 workers``: ``check_archive`` on a LocalCluster, wall time from
  the call to the summary (cluster start, shipping the ledger, writing Parquet included), and the
  steady rate (articles / the workers' summed compute seconds per worker).

Printed: medians of ``--runs`` runs, the speed-ups over the check loop, the scaling efficiency at
2 workers (rate₂ / (2 × rate₁); target ≥ 0.8), the resident memory per worker, and the projected
time and cost of 10 million articles on 100 workers with its assumptions.  Re-run on a quiet
machine with:

    python benchmarks/bulk.py --runs 5 --articles 8000 [--db PATH] [--corpus DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEV = REPO.parent / "shared" / "articles" / "dev.jsonl"
#: assumptions of the projection (stated in the output)
PROJECTED_ARTICLES = 10_000_000
PROJECTED_WORKERS = 100
PRICE_PER_WORKER_HOUR = 0.05  # USD: one vCPU and 2 GiB of a cloud VM, on-demand, 2026


def _records(corpus: Path) -> list[dict[str, object]]:
    out: list[dict[str, object]] = []
    for path in sorted((corpus / "shards").glob("*.jsonl")):
        out.extend(json.loads(line) for line in path.read_text(encoding="utf-8").splitlines())
    return out


def check_loop(records: list[dict[str, object]], db: str) -> float:
    from lossledger.verify import LedgerView, check

    view = LedgerView.open(db)
    check("warm-up: Russia lost 6,465 tanks.", view)
    start = time.perf_counter()
    for r in records:
        check(str(r["text"]), view, published=str(r["published"]), language=r.get("language"))  # type: ignore[arg-type]
    return len(records) / (time.perf_counter() - start)


def prepared_loop(corpus: Path, db: str) -> float:
    from lossledger.bulk.inputs import list_shards, read_shard
    from lossledger.bulk.worker import check_articles, open_view

    view = open_view(db)
    n, start = 0, time.perf_counter()
    for shard in list_shards([str(corpus / "shards")]):  # check_articles checks with context=False
        n += check_articles(shard, read_shard(shard), view).n_articles
    return n / (time.perf_counter() - start)


def bulk(corpus: Path, db: str, workers: int) -> tuple[float, float, list[int]]:
    from lossledger.bulk import check_archive

    with tempfile.TemporaryDirectory(prefix="bulk-bench-") as out:
        start = time.perf_counter()
        result = check_archive([str(corpus / "shards")], out, db=db, workers=workers)
        wall = time.perf_counter() - start
        markers = [json.loads(p.read_text()) for p in (Path(out) / "_markers").glob("*.json")]
    busy: dict[str, float] = {}
    for m in markers:
        busy[m["worker"]] = busy.get(m["worker"], 0.0) + m["seconds"]
    steady = result.articles / max(busy.values()) if busy else 0.0
    return result.articles / wall, steady, sorted(result.workers.values())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--articles", type=int, default=4000)
    parser.add_argument("--shard-size", type=int, default=250)
    parser.add_argument("--sample", type=int, default=300, help="articles of the (slow) check loop")
    parser.add_argument("--db", default=None, help="ledger URL or SQLite path (default: $LOSSLEDGER_DB)")
    parser.add_argument("--corpus", type=Path, default=None, help="an existing corpus folder (default: generate one)")
    args = parser.parse_args()

    from lossledger.bulk import generate_corpus
    from lossledger.config import resolve_db_url

    db = resolve_db_url(args.db)
    tmp = tempfile.TemporaryDirectory(prefix="bulk-corpus-")
    corpus = args.corpus or Path(tmp.name)
    if args.corpus is None:
        generate_corpus(
            corpus, args.articles, db=db, shard_size=args.shard_size, seed=1, dev=DEV if DEV.exists() else None
        )
    records = _records(corpus)
    sample = records[:: max(1, len(records) // args.sample)][: args.sample]
    figures: dict[str, list[float]] = {k: [] for k in ("check", "prepared", "wall1", "steady1", "wall2", "steady2")}
    memory: list[int] = []
    for run in range(args.runs):
        figures["check"].append(check_loop(sample, db))
        figures["prepared"].append(prepared_loop(corpus, db))
        wall1, steady1, _ = bulk(corpus, db, 1)
        wall2, steady2, mem = bulk(corpus, db, 2)
        for key, value in zip(("wall1", "steady1", "wall2", "steady2"), (wall1, steady1, wall2, steady2), strict=True):
            figures[key].append(value)
        memory.extend(mem)
        print(f"run {run + 1}: " + ", ".join(f"{k} {v[-1]:,.0f}/s" for k, v in figures.items()), flush=True)
    med = {k: statistics.median(v) for k, v in figures.items()}
    efficiency_wall = med["wall2"] / (2 * med["wall1"])
    efficiency_steady = med["steady2"] / (2 * med["steady1"])
    print(
        f"\n{len(records):,} articles, {args.runs} runs, medians; machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at the end"
    )
    print(f"check loop (as `lossledger check`, {len(sample)} articles): {med['check']:,.0f} articles/s  [baseline]")
    print(
        f"prepared loop (a worker's per-article work, one process): {med['prepared']:,.0f} articles/s  ({med['prepared'] / med['check']:.1f}x)"
    )
    print(
        f"bulk, 1 worker:  {med['wall1']:,.0f} articles/s wall, {med['steady1']:,.0f}/s steady  ({med['wall1'] / med['check']:.1f}x the check loop)"
    )
    print(
        f"bulk, 2 workers: {med['wall2']:,.0f} articles/s wall, {med['steady2']:,.0f}/s steady  ({med['wall2'] / med['check']:.1f}x the check loop)"
    )
    print(
        f"scaling efficiency at 2 workers: {efficiency_wall:.2f} wall, {efficiency_steady:.2f} steady (target >= 0.8)"
    )
    print(
        f"memory per worker (RSS after the run): median {statistics.median(memory) / 2**20:,.0f} MiB, max {max(memory) / 2**20:,.0f} MiB"
    )
    rate = med["steady1"] * PROJECTED_WORKERS * efficiency_steady
    hours = PROJECTED_ARTICLES / rate / 3600
    print(
        f"projection: {PROJECTED_ARTICLES:,} articles on {PROJECTED_WORKERS} workers ≈ {hours * 60:,.0f} min, "
        f"≈ ${hours * PROJECTED_WORKERS * PRICE_PER_WORKER_HOUR:,.2f}\n"
        f"  assumptions: each worker one core as fast as one here ({med['steady1']:,.0f} articles/s steady), the 2-worker "
        f"efficiency ({efficiency_steady:.2f}) holds at 100, articles like the corpus' (~1 kB, 6–10 figures), "
        f"${PRICE_PER_WORKER_HOUR}/worker-hour (1 vCPU, 2 GiB), the client writing the files workers encoded keeps up "
        f"(it did here at {med['wall2']:,.0f}/s), cluster start-up and ledger shipping (~36 MB a worker) not counted"
    )
    tmp.cleanup()


if __name__ == "__main__":
    main()
