"""Benchmark: a full sync from ../shared/data into a new SQLite file, against a bare baseline.

Two baselines, measured in the same run, each parsing the same JSON/CSV files with the standard
library and inserting with a bare ``sqlite3.executemany`` in one transaction:

* *same rows* (the target's baseline: "json/csv parse + bare executemany of the same rows"): the
  rows our sync writes — every table's rows, read beforehand from a ledger synced once, outside
  the clock — into tables of the same columns without constraints or indexes;
* *numeric cells*: one narrow row (file, record, key, value) per numeric value of the files — the
  least any importer must do; kept to show our cost over parsing alone.

Each measurement runs in a fresh child process (so peak memory is that of one sync), alternating
ours and the baselines; the script prints the median of the runs, the ratios, and the peak RSS.

    python benchmarks/ingest.py [--runs 5] [--data ../shared/data]

Targets (issue 3): full sync < 5 s, within 3x of the same-rows baseline, peak memory < 400 MB.
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


def parse_files(data: Path) -> list[tuple[str, str, str, float]]:
    """Parse every JSON/CSV file of ``data``: one (file, record, key, value) per numeric value."""
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
    return rows


def baseline(data: Path, db: Path) -> int:
    """Numeric cells: parse, then executemany one narrow row per numeric value."""
    rows = parse_files(data)
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE obs (file TEXT, rec TEXT, key TEXT, value INTEGER)")
    with conn:
        conn.executemany("INSERT INTO obs VALUES (?, ?, ?, ?)", rows)
    conn.close()
    return len(rows)


def ledger_rows(reference: Path) -> dict[str, tuple[list[str], list[tuple[object, ...]]]]:
    """Every table's columns and rows in a synced ledger (read before the clock starts)."""
    conn = sqlite3.connect(reference)
    tables = [t for (t,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    out = {}
    for table in tables:
        cur = conn.execute(f'SELECT * FROM "{table}"')
        out[table] = ([d[0] for d in cur.description], cur.fetchall())
    conn.close()
    return out


def same_rows(data: Path, db: Path, tables: dict[str, tuple[list[str], list[tuple[object, ...]]]]) -> int:
    """Same rows: parse the files, then executemany our sync's rows into bare tables."""
    parse_files(data)
    conn = sqlite3.connect(db)
    with conn:
        for table, (columns, rows) in tables.items():
            conn.execute(f'CREATE TABLE "{table}" ({", ".join(f"{c!r}" for c in columns)})')
            if rows:
                conn.executemany(f'INSERT INTO "{table}" VALUES ({", ".join("?" * len(columns))})', rows)
    conn.close()
    return sum(len(rows) for _columns, rows in tables.values())


def ours(data: Path, db: Path) -> int:
    from lossledger.ledger import Ledger

    with Ledger.open(f"sqlite:///{db}") as ledger:
        result = ledger.sync(data)
    return result.added


def child(kind: str, data: Path, reference: Path | None) -> None:
    """Run one measurement and print JSON: seconds (the work alone), rows, peak RSS."""
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "ledger.sqlite"
        if kind == "reference":  # a synced ledger whose rows the same-rows baseline writes
            assert reference is not None
            print(json.dumps({"rows": ours(data, reference)}))
            return
        tables = ledger_rows(reference) if kind == "same-rows" and reference else {}
        if kind == "ours":
            # Import cost is not part of the sync (the baseline imports json/csv/sqlite3 at module
            # level): Ledger, lossledger.ledger.sync with the importer registry, which Ledger.sync imports
            # on first use (0.06 s), and Alembic, which Ledger.open imports to create a new
            # ledger's schema (0.09 s, a third of it Mako loading Pygments).  The migrations
            # themselves run on the clock; "process" below is the whole child, imports included.
            for module in ("lossledger.ledger.sync", "lossledger.ledger", "alembic.command"):
                importlib.import_module(module)
        start = time.perf_counter()
        work = {"ours": ours, "baseline": baseline, "same-rows": lambda d, p: same_rows(d, p, tables)}[kind]
        rows = work(data, db)
        seconds = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": seconds, "rows": rows, "peak_mb": peak_mb}))


def measure(kind: str, data: Path, reference: Path) -> dict[str, float]:
    started = time.perf_counter()
    out = subprocess.run(
        [sys.executable, __file__, "--child", kind, "--data", str(data), "--reference", str(reference)],
        check=True,
        capture_output=True,
        text=True,
    )
    result = json.loads(out.stdout.strip().splitlines()[-1])
    result["process_seconds"] = time.perf_counter() - started
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--child", choices=["ours", "same-rows", "baseline", "reference"])
    parser.add_argument("--reference", type=Path, help="(child) the synced ledger the same-rows baseline copies")
    args = parser.parse_args()
    if args.child:
        child(args.child, args.data, args.reference)
        return
    kinds = {
        "ours": "lossledger sync (rows: observations + records)",
        "same-rows": "baseline: same rows (parse + executemany)",
        "baseline": "baseline: numeric cells (parse + executemany)",
    }
    runs: dict[str, list[dict[str, float]]] = {k: [] for k in kinds}
    with tempfile.TemporaryDirectory() as tmp:
        reference = Path(tmp) / "reference.sqlite"
        measure("reference", args.data, reference)  # also the warm-up (file cache, .pyc)
        for _ in range(args.runs):
            for kind in kinds:
                runs[kind].append(measure(kind, args.data, reference))
    med = {
        k: {f: statistics.median(r[f] for r in v) for f in ("seconds", "process_seconds", "peak_mb", "rows")}
        for k, v in runs.items()
    }
    out = io.StringIO()
    out.write(
        f"full sync of {args.data} into a new SQLite file, {args.runs} runs (median), cpu count {os.cpu_count()}\n"
    )
    for kind, label in kinds.items():
        m = med[kind]
        out.write(
            f"  {label:46s} {m['seconds']:6.2f} s   process {m['process_seconds']:6.2f} s   peak {m['peak_mb']:6.0f} MB   rows {m['rows']:.0f}\n"
        )
    ratio = {}
    for kind in ("same-rows", "baseline"):
        paired = [a["seconds"] / b["seconds"] for a, b in zip(runs["ours"], runs[kind], strict=True)]
        ratio[kind] = statistics.median(paired)
        out.write(
            f"  ratio ours / {kind:9s} (median of paired runs): {ratio[kind]:.2f}x   [min {min(paired):.2f}, max {max(paired):.2f}]\n"
        )
    ok = med["ours"]["seconds"] < 5 and ratio["same-rows"] <= 3 and med["ours"]["peak_mb"] < 400
    out.write(f"  targets (< 5 s, <= 3x the same-rows baseline, < 400 MB): {'met' if ok else 'NOT met'}\n")
    print(out.getvalue(), end="")


if __name__ == "__main__":
    main()
