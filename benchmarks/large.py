"""Benchmark: one 5 MB text of news extracted, read by helper processes against one process.

The text is the committed real-news corpus (tests/corpus, 71 languages, every passage distinct)
joined and repeated up to 5,000,000 bytes: the worst case for ``large.py``, which reads each
distinct passage once.  Each run is a fresh process that warms up on one short text, then times
``extract`` on the 5 MB text; runs alternate the baseline (``processes=1``: one process reads
every window, as before helpers existed) and ours (``processes=N``, default: what
``LOSSLEDGER_WORKERS`` or the machine gives).  Printed: median seconds of each, their ratio,
peak memory (this process's own peak plus the helpers' largest peak, an upper bound: forked
helpers share the vocabulary's pages), and whether both give the same claims.

    python benchmarks/large.py [--runs 3] [--processes N] [--mb 5]

Target (issue 11): a 5 MB text in under 3 s and under 500 MB.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def _text(size: int) -> str:
    texts = [
        json.loads(line)["text"]
        for path in sorted((REPO / "tests" / "corpus").glob("*.jsonl"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    big = "\n\n".join(texts)
    while len(big.encode()) < size:
        big += "\n\n" + big
    return big.encode()[:size].decode("utf-8", "ignore")


def _child(processes: int, size: int) -> None:
    from lossledger.extraction import extract

    text = _text(size)
    extract("Russia lost 6,465 tanks.", language="en")
    start = time.perf_counter()
    found = extract(text, processes=processes)
    seconds = time.perf_counter() - start
    status = Path("/proc/self/status").read_text().splitlines()
    own = next(line for line in status if line.startswith("VmHWM")).split()[1]
    helpers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    digest = hashlib.sha256(repr([(c.metric, c.kind, c.value, c.source, c.span) for c in found.claims]).encode())
    print(
        json.dumps(
            {
                "seconds": seconds,
                "own_mb": int(own) // 1024,
                "helpers_mb": helpers // 1024,
                "claims": len(found.claims),
                "digest": digest.hexdigest(),
            }
        )
    )


def _run(processes: int, size: int) -> dict[str, float]:
    cmd = [sys.executable, __file__, "--child", str(processes), "--bytes", str(size)]
    done = subprocess.run(cmd, check=True, capture_output=True, text=True)
    return json.loads(done.stdout.splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--processes", type=int, default=None, help="ours (default: LOSSLEDGER_WORKERS or the machine's)")
    ap.add_argument("--mb", type=float, default=5.0)
    ap.add_argument("--child", type=int, default=None, help=argparse.SUPPRESS)
    ap.add_argument("--bytes", type=int, default=None, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child is not None:
        _child(args.child, args.bytes)
        return
    from lossledger.extraction.large import workers

    ours_n = workers(args.processes)
    size = int(args.mb * 1_000_000)
    base: list[dict[str, float]] = []
    ours: list[dict[str, float]] = []
    for _ in range(args.runs):
        base.append(_run(1, size))
        ours.append(_run(ours_n, size))
    b = statistics.median(r["seconds"] for r in base)
    o = statistics.median(r["seconds"] for r in ours)

    def runs(rs: list[dict[str, float]]) -> str:
        return ", ".join(f"{r['seconds']:.2f}" for r in rs)

    print(f"{args.mb:g} MB of corpus news, {args.runs} runs each, alternating:")
    print(f"  baseline, 1 process:  {b:.2f} s median ({runs(base)}), peak {max(r['own_mb'] for r in base)} MB")
    print(
        f"  ours, {ours_n} processes: {o:.2f} s median ({runs(ours)}), peak {max(r['own_mb'] for r in ours)} MB"
        f" + helpers {max(r['helpers_mb'] for r in ours)} MB"
    )
    same = len({r["digest"] for r in base + ours}) == 1
    print(f"  ratio ours/baseline: {o / b:.2f}; same claims: {same} ({int(ours[0]['claims'])} claims)")


if __name__ == "__main__":
    main()
