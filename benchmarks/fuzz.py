"""The long fuzz run: hostile texts through ``extract`` and ``check``, broken dataset files through
``sync``, each in a worker process with a per-input deadline.  Reports crashes (an exception that is
not a LossLedgerError), hangs (an input past the deadline), tracebacks (anything a worker printed
that looks like one) and failed syncs that changed the ledger (its dump before and after).

    python benchmarks/fuzz.py --texts 100000 --files 10000 [--workers 2] [--deadline 20] [--seed 1]
    python benchmarks/fuzz.py --replay text:4711 --seed 1        # one input again, in this process

Inputs are derived from (seed, index), so any finding can be replayed; the failing inputs are saved
under --out (text files, and each broken dataset folder) with a JSON summary.  The mutators are
tests/fuzzing.py's, the ones the suite's tests/test_fuzz.py runs in small.  Dataset folders are
trimmed to --trim records per file and only the broken folder is synced, so a sync takes
milliseconds and 10^4 of them fit in minutes.  Prints the figures; exits 1 if anything was found.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import multiprocessing as mp
import os
import random
import shutil
import signal
import sys
import tempfile
import time
import traceback
from collections import Counter
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))  # tests.fuzzing: the mutators shared with the suite

from tests.fuzzing import dump_digest, mutate_file, mutate_text, random_text, trim_dataset  # noqa: E402

SHARED = REPO.parent / "shared"
DATA = SHARED / "data"
ARTICLES = SHARED / "articles"


# --- inputs --------------------------------------------------------------------------------------


def _seeds() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(ARTICLES.glob("*.txt"))]
    dev = ARTICLES / "dev.jsonl"
    if dev.exists():
        texts += [json.loads(line)["text"] for line in dev.read_text(encoding="utf-8").splitlines() if line.strip()]
    return texts


def make_text(seed: int, index: int, seeds: list[str]) -> str:
    rng = random.Random(f"text:{seed}:{index}")
    if rng.random() < 0.3:
        return random_text(rng, rng.choice([200, 2000, 20000]), surrogates=True)
    return mutate_text(rng, rng.choice(seeds))


def _folders(origin: Path) -> list[str]:
    return sorted(p.name for p in origin.iterdir() if p.is_dir())


def make_folder(seed: int, index: int, origin: Path, target: Path) -> tuple[str, str, str]:
    """Copy one dataset folder of ``origin`` into ``target`` and break one of its files."""
    rng = random.Random(f"file:{seed}:{index}")
    folder = rng.choice(_folders(origin))
    shutil.copytree(origin / folder, target / folder)
    files = sorted(p for p in (target / folder).iterdir() if p.suffix in (".csv", ".json") and ".schema." not in p.name)
    victim = rng.choice(files)
    return folder, victim.name, mutate_file(rng, victim)


# --- work done in a worker -----------------------------------------------------------------------


class Job:
    """What a worker does with one input; returns (outcome, detail)."""

    def __init__(self, args: argparse.Namespace, workdir: Path) -> None:
        self.args, self.workdir = args, workdir
        self.seeds = _seeds()
        self.view: Any = None

    def text(self, index: int) -> tuple[str, str]:
        from lossledger import extract
        from lossledger.errors import LossLedgerError
        from lossledger.verify import LedgerView, check

        if self.view is None:
            self.view = LedgerView.open(f"sqlite:///{self.args.check_db}")
        text = make_text(self.args.seed, index, self.seeds)
        try:
            json.dumps(extract(text).to_dict())
            json.dumps(check(text, self.view).to_dict())
        except LossLedgerError as exc:
            return "refused", exc.code
        return "ok", ""

    def file(self, index: int) -> tuple[str, str]:
        from lossledger.errors import LossLedgerError
        from lossledger.ledger import Ledger

        work = Path(tempfile.mkdtemp(dir=self.workdir))
        try:
            folder, name, how = make_folder(self.args.seed, index, self.args.origin, work)
            ledger_path = work / "ledger.sqlite"
            shutil.copy(self.args.base_ledger, ledger_path)
            before = dump_digest(ledger_path)
            try:
                with Ledger.open(f"sqlite:///{ledger_path}") as ledger:
                    ledger.sync(work, only=[folder], force=True)
            except LossLedgerError as exc:
                if "\n" in str(exc):
                    return "multiline-error", f"{folder}/{name} ({how}): {exc!s:.300}"
                if dump_digest(ledger_path) != before:
                    return "changed-on-failure", f"{folder}/{name} ({how}): {exc!s:.300}"
                return "refused", exc.code
            return "ok", ""
        finally:
            shutil.rmtree(work, ignore_errors=True)


def worker(conn: Connection, args: argparse.Namespace, workdir: Path, log: Path) -> None:
    """Run jobs sent over ``conn`` until None; stderr goes to ``log`` (scanned for tracebacks)."""
    sys.stderr = open(log, "a", encoding="utf-8", buffering=1)  # noqa: SIM115 (lives as long as the process)
    os.dup2(sys.stderr.fileno(), 2)
    job = Job(args, workdir)
    while True:
        item = conn.recv()
        if item is None:
            return
        kind, index = item
        try:
            conn.send(getattr(job, kind)(index))
        except Exception:  # a crash: the finding, with its traceback
            conn.send(("crash", traceback.format_exc()))


# --- the parent: scheduling, deadlines, findings ---------------------------------------------------


class Pool:
    """Worker processes fed one input at a time; a worker past the deadline is killed and replaced."""

    def __init__(self, args: argparse.Namespace, workdir: Path) -> None:
        self.args, self.workdir = args, workdir
        self.ctx = mp.get_context("fork")
        self.slots: list[dict[str, Any]] = [self._start(i) for i in range(args.workers)]

    def _start(self, n: int) -> dict[str, Any]:
        parent, child = self.ctx.Pipe()
        log = self.workdir / f"worker-{n}.log"
        proc = self.ctx.Process(target=worker, args=(child, self.args, self.workdir, log), daemon=True)
        proc.start()
        return {"n": n, "proc": proc, "conn": parent, "job": None, "since": 0.0}

    def run(self, jobs: list[tuple[str, int]], on_result: Any) -> None:
        queue = list(reversed(jobs))
        while queue or any(s["job"] for s in self.slots):
            for slot in self.slots:
                if slot["job"] is None and queue:
                    slot["job"], slot["since"] = queue.pop(), time.monotonic()
                    slot["conn"].send(slot["job"])
            busy = {s["conn"]: s for s in self.slots if s["job"]}
            for conn in wait(list(busy), timeout=0.5):
                slot = busy[conn]
                on_result(slot["job"], *conn.recv())
                slot["job"] = None
            now = time.monotonic()
            for i, slot in enumerate(self.slots):
                if slot["job"] and now - slot["since"] > self.args.deadline:
                    on_result(slot["job"], "hang", f"no answer within {self.args.deadline} s")
                    slot["proc"].kill()
                    slot["proc"].join()
                    self.slots[i] = self._start(slot["n"])

    def close(self) -> None:
        for slot in self.slots:
            with contextlib.suppress(OSError):  # a worker that died with the interrupt
                slot["conn"].send(None)
            slot["proc"].join(timeout=10 if slot["job"] is None else 0)
            if slot["proc"].is_alive():
                slot["proc"].kill()
                slot["proc"].join()


def prepare(args: argparse.Namespace, workdir: Path) -> None:
    """The ledger ``check`` reads (a full sync), the trimmed origin, and its synced base ledger."""
    from lossledger.ledger import Ledger

    if args.check_db is None:
        args.check_db = workdir / "check.sqlite"
        with Ledger.open(f"sqlite:///{args.check_db}") as ledger:
            ledger.sync(DATA)
    args.origin = workdir / "origin"
    for folder in _folders(DATA):
        trim_dataset(DATA / folder, args.origin / folder, args.trim)
    args.base_ledger = workdir / "base.sqlite"
    with Ledger.open(f"sqlite:///{args.base_ledger}") as ledger:
        ledger.sync(args.origin)


def save_finding(args: argparse.Namespace, kind: str, index: int, outcome: str, detail: str) -> None:
    out = Path(args.out) / f"{outcome}-{kind}-{index}"
    out.mkdir(parents=True, exist_ok=True)
    (out / "detail.txt").write_text(f"{kind}:{index} seed {args.seed}: {outcome}\n{detail}\n", encoding="utf-8")
    if kind == "text":
        # a generated text may hold lone surrogates (as a JSON "\\ud800" does): kept as they are
        (out / "input.txt").write_bytes(make_text(args.seed, index, _seeds()).encode("utf-8", "surrogatepass"))
    else:
        make_folder(args.seed, index, args.origin, out)


def signature(outcome: str, detail: str) -> str:
    """What findings of one kind share: the exception and the innermost frame of a crash."""
    if outcome != "crash":
        return outcome
    lines = detail.strip().splitlines()
    frames = [line.strip() for line in lines if line.strip().startswith("File ")]
    return f"{lines[-1].split(':')[0]} at {frames[-1] if frames else '?'}"  # the type, not its message


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--texts", type=int, default=2000)
    parser.add_argument("--files", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workers", type=int, default=max(1, min(2, os.cpu_count() or 1)))
    parser.add_argument("--deadline", type=float, default=20.0, help="Seconds one input may take (a hang beyond).")
    parser.add_argument("--trim", type=int, default=200, help="Records kept per dataset file.")
    parser.add_argument(
        "--check-db", type=Path, default=None, help="A synced SQLite ledger for check (default: sync one)."
    )
    parser.add_argument("--out", default=str(REPO / "fuzz-findings"), help="Where failing inputs are saved.")
    parser.add_argument("--replay", help="Run one input (text:N or file:N) in this process and print the outcome.")
    args = parser.parse_args()
    os.environ.setdefault("LOSSLEDGER_CACHE_DIR", tempfile.mkdtemp(prefix="lossledger-fuzz-cache-"))
    with tempfile.TemporaryDirectory(prefix="lossledger-fuzz-") as tmp:
        workdir = Path(tmp)
        started = time.perf_counter()
        prepare(args, workdir)
        print(
            f"prepared in {time.perf_counter() - started:.1f} s (seed {args.seed}, {args.workers} workers)", flush=True
        )
        if args.replay:
            kind, index = args.replay.split(":")
            print(getattr(Job(args, workdir), kind)(int(index)))
            return 0
        return campaign(args, workdir)


def campaign(args: argparse.Namespace, workdir: Path) -> int:
    counts: dict[str, Counter[str]] = {"text": Counter(), "file": Counter()}
    codes: dict[str, Counter[str]] = {"text": Counter(), "file": Counter()}
    findings: list[dict[str, Any]] = []
    kinds: Counter[str] = Counter()
    elapsed: dict[str, float] = {}

    def on_result(job: tuple[str, int], outcome: str, detail: str) -> None:
        kind, index = job
        counts[kind][outcome] += 1
        if outcome == "refused":
            codes[kind][detail] += 1
        elif outcome != "ok":
            kinds[signature(outcome, detail)] += 1
            if kinds[signature(outcome, detail)] <= 3:  # three reproducers of each kind are enough
                findings.append({"input": f"{kind}:{index}", "outcome": outcome, "detail": detail[-2000:]})
                save_finding(args, kind, index, outcome, detail)
        done = sum(counts[kind].values())
        if done % 1000 == 0:
            print(f"  {kind}: {done} done, {sum(kinds.values())} findings", flush=True)

    # SIGTERM (or Ctrl-C) ends the run early with the summary of the inputs done so far
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    pool = Pool(args, workdir)
    interrupted = False
    try:
        for kind, n in (("text", args.texts), ("file", args.files)):
            start = time.perf_counter()
            try:
                pool.run([(kind, i) for i in range(n)], on_result)
            finally:
                elapsed[kind] = time.perf_counter() - start
    except KeyboardInterrupt:
        interrupted = True
    finally:
        pool.close()
    printed = [p.read_text(encoding="utf-8", errors="replace") for p in workdir.glob("worker-*.log")]
    tracebacks = sum(text.count("Traceback (most recent call last)") for text in printed)
    summary = {
        "seed": args.seed,
        "deadline_s": args.deadline,
        "workers": args.workers,
        "interrupted": interrupted,
        "texts": {"inputs": sum(counts["text"].values()), "seconds": round(elapsed.get("text", 0), 1), **counts["text"],
                  "refused_by_code": dict(codes["text"])},
        "files": {"inputs": sum(counts["file"].values()), "seconds": round(elapsed.get("file", 0), 1), **counts["file"],
                  "refused_by_code": dict(codes["file"])},
        "crashes": sum(c["crash"] for c in counts.values()),
        "hangs": sum(c["hang"] for c in counts.values()),
        "tracebacks_printed": tracebacks,
        "failed_syncs_that_changed_the_ledger": counts["file"]["changed-on-failure"],
        "multi_line_errors": counts["file"]["multiline-error"],
        "findings_by_kind": dict(kinds),
        "findings": findings[:50],
    }  # fmt: skip
    buffer = io.StringIO()
    json.dump(summary, buffer, indent=2, ensure_ascii=False)
    Path(args.out).mkdir(parents=True, exist_ok=True)
    (Path(args.out) / f"summary-seed{args.seed}.json").write_text(buffer.getvalue(), encoding="utf-8")
    print(buffer.getvalue())
    bad = summary["crashes"] + summary["hangs"] + tracebacks + summary["failed_syncs_that_changed_the_ledger"]
    return 1 if bad or summary["multi_line_errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
