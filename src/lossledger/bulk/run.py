"""``check_archive``: a whole archive checked on Dask, resumable and exactly-once.

1. List the shards of the inputs (inputs.py) and leave out those with a completion marker.
2. Open the ledger once here (its version goes in the manifest) and register
   :class:`~.worker.LedgerPlugin`: every worker opens it read-only and builds its index once.
3. Submit one pure task per pending shard (which also encodes the shard's Parquet files); as each
   finishes, write its files' bytes and then its marker (outputs.py).  The scheduler re-runs the task of a worker lost mid-run (Dask's own retry of
   tasks whose worker died), so nothing is lost; a result is written only by this process, once.
4. Rebuild the summary, the rejects file and the HTML report from every completed shard.

Default cluster: a ``dask.distributed.LocalCluster`` of ``workers`` processes (one thread each:
checking is pure Python, so threads would share one core); ``scheduler="tcp://host:8786"`` uses a
running cluster, whose workers need lossledger installed and read the inputs by the same URLs.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import logging
import os
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from ..errors import ConfigError, InputError, LossLedgerError
from ..registry import CLAIMS
from .inputs import Shard, list_shards
from .outputs import LEDGER_COPY, Output, write_bytes, write_text
from .version import extraction_version

__all__ = ["ArchiveResult", "Progress", "check_archive", "finalize"]


class Progress(Protocol):
    """What ``check_archive`` reports as it goes (the CLI draws a Rich bar from it)."""

    def start(self, shards: int, done: int, dashboard: str | None) -> None: ...

    def advance(self, shard: Shard, marker: dict[str, Any]) -> None: ...

    def stop(self) -> None: ...


@dataclass
class ArchiveResult:
    """What a run did, and where its outputs are."""

    out: Path
    shards: int
    skipped: int
    processed: int
    articles: int
    rejects: int
    seconds: float
    failed: list[tuple[str, str]] = field(default_factory=list)
    workers: dict[str, int] = field(default_factory=dict)  # address → resident memory (bytes)
    dashboard: str | None = None
    totals: dict[str, float] = field(default_factory=dict)

    @property
    def articles_per_second(self) -> float:
        return self.articles / self.seconds if self.seconds else 0.0


def check_archive(
    inputs: Sequence[str],
    out: str | Path,
    *,
    db: str | None = None,
    scheduler: str | None = None,
    workers: int | None = None,
    progress: Progress | None = None,
) -> ArchiveResult:
    """Check every article of ``inputs`` against the ledger ``db``; results in the folder ``out``.

    Resumable: shards completed by an earlier run into the same ``out`` are skipped, and their
    results count once.  Raises :class:`InputError` when a shard could not be read (after writing
    every other shard and the summary: a re-run retries only the failed ones)."""
    import time

    from distributed import as_completed

    shards = list_shards(inputs)
    ledger_url, data, version, index = _ledger(db)
    output = Output(out)
    output.claim(
        {
            "extraction_version": extraction_version(),
            "ledger_version": version,
            "ledger_url": _safe_url(ledger_url),
            "created": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        }
    )
    pending = [s for s in shards if not output.done(s)]
    result = ArchiveResult(output.root, len(shards), len(shards) - len(pending), 0, 0, 0, 0.0)
    started = time.perf_counter()
    if pending:
        from .worker import LedgerPlugin, check_shard

        with (
            _for_workers(ledger_url, data, None if scheduler else output.root) as (url, data),
            _client(scheduler, workers) as client,
        ):
            result.dashboard = _dashboard(client)
            sha256 = hashlib.sha256(data).hexdigest() if data is not None else ""
            client.register_plugin(LedgerPlugin(url, data, sha256, index, version))
            if progress:
                progress.start(len(shards), result.skipped, result.dashboard)
            try:
                futures = {client.submit(check_shard, s, key=f"check-shard-{s.id}", pure=False): s for s in pending}
                for future in as_completed(futures):  # type: ignore[no-untyped-call]
                    shard = futures[future]
                    try:
                        shard_result = future.result()
                    except LossLedgerError as exc:
                        result.failed.append((shard.name, str(exc)))
                        continue
                    except Exception as exc:  # unreadable file, bad gzip or Parquet: the others go on
                        result.failed.append((shard.name, f"{exc.__class__.__name__}: {exc}"))
                        continue
                    marker = output.write_shard(shard, shard_result)
                    result.processed += 1
                    result.articles += marker["articles"]
                    result.rejects += marker["rejects"]
                    if progress:
                        progress.advance(shard, marker)
                result.workers = _memory(client)
            finally:
                if progress:
                    progress.stop()
    result.seconds = time.perf_counter() - started
    result.totals = finalize(output)
    if result.failed:
        name, why = result.failed[0]
        raise InputError(
            f"{len(result.failed)} shard(s) could not be read, first: {why}; the others are complete, "
            "re-run to retry the failed ones",
            code="input.shard",
            file=name,
        )
    return result


def finalize(output: Output) -> dict[str, float]:
    """Rebuild summary.parquet/.csv, rejects.jsonl and report.html from every completed shard."""
    from .report import render_report
    from .summary import summarise, totals

    tally = output.tallies()
    summary = summarise(tally)
    summary.to_parquet(output.root / "summary.parquet.tmp", index=False)
    os.replace(output.root / "summary.parquet.tmp", output.root / "summary.parquet")
    write_text(output.root / "summary.csv", summary.to_csv(index=False))
    codes: Counter[str] = Counter()
    lines = []
    import json

    for reject in output.rejects():
        codes[reject["code"]] += 1
        lines.append(json.dumps(reject, ensure_ascii=False) + "\n")
    write_text(output.root / "rejects.jsonl", "".join(lines))
    overall = totals(tally)
    html = render_report(
        summarise(tally, by=["outlet"]),
        summarise(tally, by=["month"]),
        summarise(tally, by=["language"]),
        overall,
        output.manifest(),
        len(output.done_ids()),
        dict(codes),
    )
    write_text(output.root / "report.html", html)
    return overall


def _ledger(db: str | None) -> tuple[str, bytes | None, str, tuple[Any, ...]]:
    """(URL, the SQLite file's bytes or None, version, fingerprint index) of the ledger to check
    against; refuses a ledger with no General Staff reports (nothing could be verified)."""
    from ..config import resolve_db_url
    from ..verify import LedgerView
    from .worker import ledger_index

    url = resolve_db_url(db)
    data = None
    if url.startswith("sqlite:///"):
        path = Path(url[len("sqlite:///") :])
        if not path.is_file():
            raise ConfigError("no ledger here: run `lossledger sync` first", code="config.db", file=str(path))
        data = path.read_bytes()
    view = LedgerView.open(url)
    try:
        if not view.raw(CLAIMS, end=dt.date(2022, 3, 1)):
            raise ConfigError(
                "the ledger holds no General Staff reports: run `lossledger sync` first",
                code="config.db",
                file=_safe_url(url),
            )
        version, index = ledger_index(view)
    finally:
        view.close()
    return url, data, version, index


@contextlib.contextmanager
def _for_workers(url: str, data: bytes | None, out: Path | None) -> Iterator[tuple[str, bytes | None]]:
    """(URL, bytes) of the ledger the workers open.  The workers of a local cluster (``out``
    given) open a copy of the SQLite file in the output folder, so that ~40 MB do not travel
    through Dask's messages to each of them and a sync during the run changes nothing they read;
    it is removed when the run ends, after the cluster (a killed run's copy is replaced by the
    next).  Remote workers get the bytes and write their own copy (worker.LedgerPlugin)."""
    if data is None or out is None:
        yield url, data
        return
    path = out / LEDGER_COPY
    write_bytes(path, data)
    try:
        yield f"sqlite:///{path}", None
    finally:  # the cluster has closed: no worker holds the file or SQLite's -wal and -shm beside it
        for leftover in (path, path.with_name(f"{path.name}-wal"), path.with_name(f"{path.name}-shm")):
            leftover.unlink(missing_ok=True)


def _safe_url(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


#: The local cluster's workers do not run Dask's statistical profiler (a sample of every worker
#: thread every 10 ms, for the dashboard's profile page): on a machine whose every core runs a
#: worker it takes CPU from the checking.  A cluster given by ``--scheduler`` keeps its own config.
LOCAL_CONFIG = {"distributed.worker.profile.enabled": False}


@contextlib.contextmanager
def _client(scheduler: str | None, workers: int | None) -> Iterator[Any]:
    from distributed import Client, LocalCluster

    if scheduler:
        with Client(scheduler) as client:  # type: ignore[no-untyped-call]
            yield client
        return
    import dask

    n = workers or os.cpu_count() or 1
    with (
        dask.config.set(LOCAL_CONFIG),
        LocalCluster(  # type: ignore[no-untyped-call]
            n_workers=n, threads_per_worker=1, processes=True, dashboard_address=":0", silence_logs=logging.ERROR
        ) as cluster,
        Client(cluster) as client,  # type: ignore[no-untyped-call]
    ):
        yield client


def _dashboard(client: Any) -> str | None:
    try:
        return str(client.dashboard_link)
    except (KeyError, AttributeError):  # no dashboard (bokeh missing, or disabled)
        return None


def _memory(client: Any) -> dict[str, int]:
    def rss() -> int:
        import psutil

        return int(psutil.Process().memory_info().rss)

    return {str(k): int(v) for k, v in client.run(rss).items()}
