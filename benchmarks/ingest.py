"""Benchmark: a full sync from ../shared/data into a new SQLite file, against a bare baseline.

Baseline, measured in the same run: parse the same JSON/CSV files with the standard library and
insert one row per numeric value with a bare ``sqlite3.executemany`` into one table — the least
any importer must do.  Each measurement runs in a fresh child process (so peak memory is that of
one sync), alternating ours and the baseline; the script prints the median of the runs, the ratio,
and the peak RSS of each.

    python benchmarks/ingest.py [--runs 5] [--data ../shared/data]

Targets (issue 3): full sync < 5 s, within 3x of the baseline, peak memory < 400 MB.
"""

from __future__ import annotations

import argparse
import csv
import importlib
import io
import json
import os
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "data"


def baseline(data: Path, db: Path) -> int:
    """Parse every JSON/CSV file of ``data`` and executemany one row per numeric value."""
    rows: list[tuple[str, str, str, float]] = []
    for path in sorted(data.rglob("*")):
        if path.suffix == ".json" and "schema" not in path.name:
            records = json.loads(path.read_text(encoding="utf-8"))
            for i, rec in enumerate(records if isinstance(records, list) else []):
                if isinstance(rec, dict):
                    key = str(rec.get("date", i))
                    rows.extend(
                        (path.name, key, k, v)
                        for k, v in rec.items()
                        if isinstance(v, int | float) and not isinstance(v, bool)
                    )
        elif path.suffix == ".csv":
            with path.open(encoding="utf-8", newline="") as fh:
                for i, rec in enumerate(csv.DictReader(fh)):
                    for k, v in rec.items():
                        if v and v.lstrip("-").isdigit():
                            rows.append((path.name, str(i), k, int(v)))
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE obs (file TEXT, rec TEXT, key TEXT, value INTEGER)")
    with conn:
        conn.executemany("INSERT INTO obs VALUES (?, ?, ?, ?)", rows)
    conn.close()
    return len(rows)


def ours(data: Path, db: Path) -> int:
    from lossledger.ledger import Ledger

    with Ledger.open(f"sqlite:///{db}") as ledger:
        result = ledger.sync(data)
    return result.added


def child(kind: str, data: Path) -> None:
    """Run one measurement and print JSON: seconds (the work alone), rows, peak RSS."""
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "ledger.sqlite"
        if kind == "ours":
            # Import cost is not part of the sync (the baseline imports json/csv/sqlite3 at module
            # level): Ledger, lossledger.sync with the importer registry, which Ledger.sync imports
            # on first use (0.06 s), and Alembic, which Ledger.open imports to create a new
            # ledger's schema (0.09 s, a third of it Mako loading Pygments).  The migrations
            # themselves run on the clock; "process" below is the whole child, imports included.
            for module in ("lossledger.sync", "lossledger.ledger", "alembic.command"):
                importlib.import_module(module)
        start = time.perf_counter()
        rows = (ours if kind == "ours" else baseline)(data, db)
        seconds = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": seconds, "rows": rows, "peak_mb": peak_mb}))


def measure(kind: str, data: Path) -> dict[str, float]:
    started = time.perf_counter()
    out = subprocess.run(
        [sys.executable, __file__, "--child", kind, "--data", str(data)], check=True, capture_output=True, text=True
    )
    result = json.loads(out.stdout.strip().splitlines()[-1])
    result["process_seconds"] = time.perf_counter() - started
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--child", choices=["ours", "baseline"])
    args = parser.parse_args()
    if args.child:
        child(args.child, args.data)
        return
    runs: dict[str, list[dict[str, float]]] = {"ours": [], "baseline": []}
    measure("ours", args.data)  # warm-up (file cache, .pyc)
    for _ in range(args.runs):
        for kind in ("ours", "baseline"):
            runs[kind].append(measure(kind, args.data))
    med = {
        k: {f: statistics.median(r[f] for r in v) for f in ("seconds", "process_seconds", "peak_mb", "rows")}
        for k, v in runs.items()
    }
    ratios = [a["seconds"] / b["seconds"] for a, b in zip(runs["ours"], runs["baseline"], strict=True)]
    out = io.StringIO()
    out.write(
        f"full sync of {args.data} into a new SQLite file, {args.runs} runs (median), cpu count {os.cpu_count()}\n"
    )
    for kind, label in (("ours", "lossledger sync"), ("baseline", "baseline (stdlib parse + sqlite3.executemany)")):
        m = med[kind]
        out.write(
            f"  {label:48s} {m['seconds']:6.2f} s   process {m['process_seconds']:6.2f} s   peak {m['peak_mb']:6.0f} MB   rows {m['rows']:.0f}\n"
        )
    out.write(
        f"  ratio ours/baseline (median of paired runs): {statistics.median(ratios):.2f}x   [min {min(ratios):.2f}, max {max(ratios):.2f}]\n"
    )
    ok = med["ours"]["seconds"] < 5 and statistics.median(ratios) <= 3 and med["ours"]["peak_mb"] < 400
    out.write(f"  targets (< 5 s, <= 3x, < 400 MB): {'met' if ok else 'NOT met'}\n")
    print(out.getvalue(), end="")


if __name__ == "__main__":
    main()
