"""Benchmark: API throughput and latency on loopback, against Datasette serving the same SQLite file.

Starts, on 127.0.0.1, ``lossledger serve`` (JSON access log on, sent to /dev/null) and
``datasette serve -i`` (immutable mode, its fastest) over one synced SQLite ledger, then loads
each with a bounded client — ``wrk`` (Debian package ``wrk``) when installed, else a thread pool of
httpx clients — for a fixed time per run, alternating the servers, and prints the median of the
runs: requests/s, p50 and p99 latency.

Endpoints compared:
  latest         ours ``/api/v2/statistics/latest``; Datasette: the newest report's rows of the
                 ``observation`` table (``?report_date=D&source_id=1&kind=total&_shape=array``)
  year           ours ``/ledger/v1/series/tanks?start=2024-01-01&end=2024-12-31``; Datasette: the
                 same metric's rows of ``observation`` in 2024 (``_size=max``)
  year-uncached  the same, but every request asks for another date range of about a year (a wrk Lua
                 script counts through start dates and lengths), so ours never answers from its
                 response cache: it slices the precomputed daily series (ledger/daily.py)

    python benchmarks/api.py [--db ledger.sqlite] [--runs 3] [--seconds 5] [--connections 16] [--workers 2]

Targets: latest >= 1,500 requests/s with p99 < 25 ms on this 2-core machine and at least
Datasette's throughput (issue 6); year-uncached >= 1,000 requests/s with p99 < 50 ms (issue 12).
Ours answers repeated GETs from an in-process cache keyed by the ledger's version
(src/lossledger/api/middleware.py); the first request of a URL (cold) is timed separately.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import httpx

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = Path(os.environ.get("LOSSLEDGER_SHARED", REPO.parent / "shared")) / "data"
HOST = "127.0.0.1"


@dataclass
class Result:
    rps: float
    p50_ms: float
    p99_ms: float
    errors: int


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


def wait_ready(url: str, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with contextlib.suppress(httpx.HTTPError):
            if httpx.get(url, timeout=2).status_code == 200:
                return
        time.sleep(0.2)
    raise RuntimeError(f"server did not answer {url}")


@contextlib.contextmanager
def server(cmd: list[str], ready_url: str) -> Iterator[None]:
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        wait_ready(ready_url)
        yield
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def ours(db: Path, port: int, workers: int) -> list[str]:
    code = "import sys; from lossledger.cli import main; sys.exit(main())"
    return [
        sys.executable,
        "-c",
        code,
        "serve",
        "--db",
        str(db),
        "--host",
        HOST,
        "--port",
        str(port),
        "--workers",
        str(workers),
    ]


def datasette(db: Path, port: int) -> list[str]:
    return [
        sys.executable,
        "-m",
        "datasette",
        "serve",
        "-i",
        str(db),
        "--host",
        HOST,
        "--port",
        str(port),
        "--setting",
        "sql_time_limit_ms",
        "5000",
    ]


_LATENCY = re.compile(r"^\s+(50|99)(?:\.0+)?%\s+([\d.]+)(us|ms|s)\s*$", re.M)
_UNIT = {"us": 0.001, "ms": 1.0, "s": 1000.0}


#: Distinct date ranges of about a year: start counts through 1,100 days from 2022-03-01, the
#: length through 300–429 days, so 143,000 requests pass before a range repeats.
RANGES_LUA = """
local n = 0
local t0 = 1646092800
request = function()
  n = n + 1
  local s = t0 + (n %% 1100) * 86400
  local e = s + (300 + (math.floor(n / 1100) %% 130)) * 86400
  return wrk.format("GET", string.format(%r, os.date("!%%Y-%%m-%%d", s), os.date("!%%Y-%%m-%%d", e)))
end
"""


def ranged(template: str, n: int) -> str:
    """The n-th distinct range of :data:`RANGES_LUA`, filled into ``template`` (the threads client)."""
    import datetime as dt

    start = dt.date(2022, 3, 1) + dt.timedelta(days=n % 1100)
    end = start + dt.timedelta(days=300 + (n // 1100) % 130)
    return template % (start.isoformat(), end.isoformat())


def load_wrk(url: str, seconds: float, connections: int) -> Result:
    """One bounded wrk run (1 thread: the servers need the machine's two cores).  A URL with two
    ``%s`` is a template: each request fills in a new date range (RANGES_LUA)."""
    cmd = ["wrk", "-t1", f"-c{connections}", f"-d{seconds:g}s", "--latency", "--timeout", "5s"]
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        if "%s" in url:
            origin = "{0.scheme}://{0.netloc}".format(urlsplit(url))
            script.write(RANGES_LUA % url.removeprefix(origin))
            cmd += ["-s", script.name]
            url = origin
    try:
        out = subprocess.run([*cmd, url], check=True, capture_output=True, text=True).stdout
    finally:
        os.unlink(script.name)
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    lat = {pct: float(v) * _UNIT[unit] for pct, v, unit in _LATENCY.findall(out)}
    errors = sum(int(n) for n in re.findall(r"Non-2xx or 3xx responses: (\d+)", out))
    errors += sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", out))
    return Result(rps, lat["50"], lat["99"], errors)


def load_threads(url: str, seconds: float, connections: int) -> Result:
    """Fallback without wrk: ``connections`` threads, each an httpx client, for ``seconds``."""
    stop = time.monotonic() + seconds
    latencies: list[list[float]] = [[] for _ in range(connections)]
    errors = [0] * connections

    def worker(i: int) -> None:
        with httpx.Client(timeout=5) as client:
            while time.monotonic() < stop:
                t0 = time.perf_counter()
                n = len(latencies[i]) * connections + i
                status = client.get(ranged(url, n) if "%s" in url else url).status_code
                latencies[i].append((time.perf_counter() - t0) * 1000)
                errors[i] += status != 200

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(connections)]
    start = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.monotonic() - start
    flat = sorted(x for lat in latencies for x in lat)
    return Result(len(flat) / elapsed, flat[len(flat) // 2], flat[int(len(flat) * 0.99)], sum(errors))


def cold_ms(url: str) -> float:
    t0 = time.perf_counter()
    httpx.get(ranged(url, 0) if "%s" in url else url, timeout=30).raise_for_status()
    return (time.perf_counter() - t0) * 1000


def synced_copy(db: Path | None, data: Path, tmp: Path) -> Path:
    """The ledger to serve: a copy of ``db``, or a fresh sync of ``data`` (~3 s)."""
    target = tmp / "ledger.sqlite"
    if db is not None:
        shutil.copy(db, target)
        return target
    from lossledger.ledger import Ledger

    with Ledger.open(f"sqlite:///{target}") as ledger:
        ledger.sync(data)
    return target


def newest_report(db: Path) -> tuple[str, int]:
    """The General Staff's newest report date and its source id (for Datasette's filters)."""
    import sqlite3

    con = sqlite3.connect(db)
    try:
        sid = int(con.execute("SELECT id FROM source WHERE slug = 'general-staff'").fetchone()[0])
        return str(
            con.execute("SELECT max(report_date) FROM observation WHERE source_id = ?", (sid,)).fetchone()[0]
        ), sid
    finally:
        con.close()


def median(results: list[Result]) -> Result:
    return Result(*(statistics.median(getattr(r, f) for r in results) for f in ("rps", "p50_ms", "p99_ms", "errors")))  # type: ignore[arg-type]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--db", type=Path, help="A synced SQLite ledger (default: sync ../shared/data into a temp file)."
    )
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seconds", type=float, default=5.0, help="Length of each timed run.")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--client", choices=["auto", "wrk", "threads"], default="auto")
    args = parser.parse_args()
    use_wrk = args.client == "wrk" or (args.client == "auto" and shutil.which("wrk"))
    load = load_wrk if use_wrk else load_threads

    with tempfile.TemporaryDirectory() as tmp:
        db = synced_copy(args.db, args.data, Path(tmp))
        date, source_id = newest_report(db)
        p_ours, p_ds = free_port(), free_port()
        base_ours, base_ds = f"http://{HOST}:{p_ours}", f"http://{HOST}:{p_ds}"
        table = f"{base_ds}/ledger/observation.json"
        urls = {
            "latest": (
                f"{base_ours}/api/v2/statistics/latest",
                f"{table}?source_id={source_id}&report_date={date}&kind=total&_shape=array&_nocount=1&_nofacet=1",
            ),
            "year": (
                f"{base_ours}/ledger/v1/series/tanks?start=2024-01-01&end=2024-12-31",
                f"{table}?source_id={source_id}&metric=tanks&kind=total&report_date__gte=2024-01-01&report_date__lte=2024-12-31&_shape=array&_size=max&_nocount=1&_nofacet=1",
            ),
            "year-uncached": (
                f"{base_ours}/ledger/v1/series/tanks?start=%s&end=%s",
                f"{table}?source_id={source_id}&metric=tanks&kind=total&report_date__gte=%s&report_date__lte=%s&_shape=array&_size=max&_nocount=1&_nofacet=1",
            ),
        }
        results: dict[tuple[str, str], list[Result]] = {}
        cold: dict[str, float] = {}
        print(f"client: {'wrk -t1' if use_wrk else 'httpx threads'}, {args.connections} connections, {args.runs} runs x {args.seconds:g} s; "
              f"ours: {args.workers} worker(s); db {db.stat().st_size / 1e6:.1f} MB", flush=True)  # fmt: skip
        with (
            server(ours(db, p_ours, args.workers), f"{base_ours}/healthz"),
            server(datasette(db, p_ds), f"{base_ds}/-/versions.json"),
        ):
            for name, (mine, theirs) in urls.items():
                cold[name] = cold_ms(mine)
                for url in (mine, theirs):  # warm every worker and Datasette's caches, untimed
                    load(url, 2, args.connections)
            for run in range(args.runs):
                for name, (mine, theirs) in urls.items():
                    for who, url in (("lossledger", mine), ("datasette", theirs)):
                        r = load(url, args.seconds, args.connections)
                        results.setdefault((name, who), []).append(r)
                        print(
                            f"  run {run + 1} {name:13} {who:10} {r.rps:8.0f} req/s  p50 {r.p50_ms:6.2f} ms  p99 {r.p99_ms:6.2f} ms  errors {r.errors}",
                            flush=True,
                        )
        print("\nmedian of runs")
        print(f"{'endpoint':13} {'server':10} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8}")
        for (name, who), rs in results.items():
            m = median(rs)
            print(f"{name:13} {who:10} {m.rps:9.0f} {m.p50_ms:8.2f} {m.p99_ms:8.2f}")
        for name in urls:
            a, b = median(results[(name, "lossledger")]), median(results[(name, "datasette")])
            print(
                f"{name}: lossledger/datasette throughput {a.rps / b.rps:.1f}x; first (uncached) request {cold[name]:.0f} ms"
            )
        latest = median(results[("latest", "lossledger")])
        ok = latest.rps >= 1500 and latest.p99_ms < 25 and latest.rps >= median(results[("latest", "datasette")]).rps
        print(f"targets (latest >= 1500 req/s, p99 < 25 ms, >= Datasette): {'met' if ok else 'NOT met'}")
        uncached = median(results[("year-uncached", "lossledger")])
        ok = uncached.rps >= 1000 and uncached.p99_ms < 50
        print(f"targets (year-uncached >= 1000 req/s, p99 < 50 ms): {'met' if ok else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
