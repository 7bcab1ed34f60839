"""Benchmark: ``lossledger check`` on one article, wall time from the shell, on a synced SQLite ledger.

Baseline in the same run: ``python -c pass`` (the interpreter's own start-up).  Each run is a
fresh process, alternating ours and the baseline; the median and the ratio are printed.  Also
prints the dev set's report-date accuracy (the share of articles with a ground-truth report
whose found report_date equals it) and the highest confidence given to an article without
General Staff figures.

    python benchmarks/check.py [--runs 9] [--db PATH] [--article FILE]

Targets (issue 5): < 300 ms per check; >= 95 % of report dates; no date with confidence > 0.5
for an article without General Staff figures.

Where ``PYTHONDONTWRITEBYTECODE`` is set (this machine kind sets it), Python compiles every module
of lossledger from source on every start; with Python's default it does so once and reads the
cached bytecode after.  Both figures are printed: the second runs a copy of the package compiled
once beforehand (first on ``PYTHONPATH``), as Python's default leaves it after the first run.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEED = SHARED / "articles" / "seed-000_219740b5187f23e2.txt"


def wall(cmd: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, env=env)
    return time.perf_counter() - start


def dev_accuracy(db: str) -> tuple[float, int, float]:
    from lossledger.verify import LedgerView, check

    view = LedgerView.open(db)
    rows = [
        json.loads(line)
        for line in (SHARED / "articles" / "dev.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    dated = right = 0
    worst = 0.0
    for row in rows:
        data = check(row["text"], view, published=row["published"]).to_dict()
        if row["report_date"]:
            dated += 1
            right += data["report_date"] == row["report_date"]
        if not any(c["source"] == "general-staff" for c in row["claims"]) and data["report_date"]:
            worst = max(worst, data["confidence"])
    return right / dated, dated, worst


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--db", type=Path)
    parser.add_argument("--article", type=Path, default=SEED)
    args = parser.parse_args()
    tmp = tempfile.mkdtemp()
    db = args.db or Path(tmp) / "ledger.sqlite"
    env = {**os.environ, "LOSSLEDGER_DB": f"sqlite:///{db}", "LOSSLEDGER_CACHE_DIR": str(Path(tmp) / "cache")}
    exe = str(Path(sys.executable).with_name("lossledger"))
    if args.db is None:
        subprocess.run([exe, "sync", "--from", str(SHARED / "data")], check=True, stdout=subprocess.DEVNULL, env=env)
    ours_cmd = [exe, "check", str(args.article), "--format", "json"]
    base_cmd = [sys.executable, "-c", "pass"]
    first = wall(ours_cmd, env)  # the first check after a sync builds the fingerprint cache
    cached = None
    if os.environ.get("PYTHONDONTWRITEBYTECODE"):  # a copy of the package with its bytecode beside it
        import lossledger

        copy = Path(tmp) / "compiled"
        shutil.copytree(Path(lossledger.__file__).parent, copy / "lossledger")
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(copy)], check=True, stdout=subprocess.DEVNULL)
        cached = {**env, "PYTHONPATH": os.pathsep.join([str(copy), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)}
    ours, base, ours_cached = [], [], []
    for _ in range(args.runs):
        ours.append(wall(ours_cmd, env))
        base.append(wall(base_cmd, env))
        if cached is not None:
            ours_cached.append(wall(ours_cmd, cached))
    acc, dated, worst = dev_accuracy(f"sqlite:///{db}")
    o, b = statistics.median(ours), statistics.median(base)
    print(
        f"lossledger check {args.article.name}: median {o * 1000:.0f} ms over {args.runs} runs [min {min(ours) * 1000:.0f}, max {max(ours) * 1000:.0f}]; first run after sync {first * 1000:.0f} ms"
    )
    print(
        f"baseline python -c pass:       median {b * 1000:.0f} ms; ratio {o / b:.1f}x; check minus start-up {(o - b) * 1000:.0f} ms"
    )
    if ours_cached:
        oc = statistics.median(ours_cached)
        print(
            f"with cached bytecode (Python's default; PYTHONDONTWRITEBYTECODE is set here): median {oc * 1000:.0f} ms "
            f"[min {min(ours_cached) * 1000:.0f}, max {max(ours_cached) * 1000:.0f}]; ratio to baseline {oc / b:.1f}x"
        )
    print(
        f"dev set: report_date right for {acc:.1%} of {dated} dated articles; highest confidence without General Staff figures: {worst:.2f}"
    )
    quality = acc >= 0.95 and worst <= 0.5
    print(f"targets (< 300 ms, >= 95 %, <= 0.5): {'met' if o < 0.3 and quality else 'NOT met'}")
    if ours_cached:
        print(f"  with cached bytecode: {'met' if oc < 0.3 and quality else 'NOT met'}")


if __name__ == "__main__":
    main()
