"""check_archive on a real two-worker LocalCluster: outputs, rate recovery, resuming, faults."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest

from lossledger.bulk import check_archive, extraction_version, rate_recovery
from lossledger.bulk.inputs import Shard
from lossledger.bulk.outputs import LEDGER_COPY, Output
from lossledger.errors import ConfigError, InputError


class Stop(Exception):
    """Raised by a progress callback to interrupt a run, as a kill would."""


class Recorder:
    def __init__(self, on_advance: Any = None) -> None:
        self.done: list[str] = []
        self.on_advance = on_advance

    def start(self, shards: int, done: int, dashboard: str | None) -> None:
        self.total, self.already = shards, done

    def advance(self, shard: Shard, marker: dict[str, Any]) -> None:
        self.done.append(shard.id)
        if self.on_advance:
            self.on_advance(len(self.done))

    def stop(self) -> None:
        pass


def _claims(out: Path) -> Counter[tuple[Any, ...]]:
    table = Output(out).dataset("claims").to_table(columns=["url", "span_start", "metric", "kind", "value", "verdict"])
    return Counter(tuple(r.values()) for r in table.to_pylist())


@pytest.fixture(scope="module")
def complete(cluster: Any, small_corpus: Path, ledger_url: str, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("complete")
    result = check_archive([str(small_corpus / "shards")], out, db=ledger_url, scheduler=cluster.scheduler_address)
    assert result.processed == result.shards == 6 and result.articles == 300 and not result.failed
    return out


def test_outputs_summary_and_report(complete: Path) -> None:
    months = {p.name for p in (complete / "claims").glob("month=*")}
    languages = {p.name for p in (complete / "claims").glob("month=*/language=*")}
    assert len(months) >= 2 and {"language=en", "language=uk", "language=de"} <= languages
    claims = Output(complete).dataset("claims").to_table()
    assert {"verdict", "span_start", "span_end", "report_date", "confidence"} <= set(claims.column_names)
    assert set(claims["verdict"].to_pylist()) >= {"match", "stale", "mismatch"}
    summary = pq.read_table(complete / "summary.parquet").to_pandas()
    assert summary["articles"].sum() == 300 and summary["outlet"].nunique() == 8
    assert {"rate_right", "rate_late", "rate_wrong", "stale_lag_mean", "rate_personnel_as_deaths"} <= set(
        summary.columns
    )
    html = (complete / "report.html").read_text(encoding="utf-8")
    assert (
        extraction_version() in html
        and html.count("<svg") == 2
        and "http" not in html.split("<svg")[0].split("</title>")[1]
    )


def test_report_recovers_the_injected_rates(complete: Path, small_corpus: Path) -> None:
    found = rate_recovery(complete, small_corpus)
    assert found["missing"] == 0
    for kind in found["kinds"]:
        assert kind["recall"] >= 0.95 and kind["precision"] >= 0.95, kind
        assert abs(kind["z"]) < 3, kind  # the flagged rate is the nominal one within sampling error
    assert found["stale_lag_exact"] == 1.0


def test_a_rerun_skips_completed_shards_and_counts_once(
    complete: Path, small_corpus: Path, ledger_url: str, cluster: Any
) -> None:
    before = (complete / "summary.csv").read_text()
    result = check_archive([str(small_corpus / "shards")], complete, db=ledger_url, scheduler=cluster.scheduler_address)
    assert (result.processed, result.skipped) == (0, 6)
    assert (complete / "summary.csv").read_text() == before


@pytest.mark.slow
def test_an_interrupted_run_resumes_exactly_once(
    complete: Path, small_corpus: Path, ledger_url: str, cluster: Any, tmp_path: Path
) -> None:
    def interrupt(n: int) -> None:
        if n == 2:
            raise Stop

    with pytest.raises(Stop):
        check_archive(
            [str(small_corpus / "shards")],
            tmp_path,
            db=ledger_url,
            scheduler=cluster.scheduler_address,
            progress=Recorder(interrupt),
        )
    assert len(Output(tmp_path).done_ids()) == 2
    # a shard killed after its files but before its marker: a stale copy of its files is replaced, not added
    pending = next(p for p in (complete / "_markers").glob("*.json") if p.stem not in Output(tmp_path).done_ids())
    for part in (complete / "claims").glob(f"month=*/language=*/part-{pending.stem}.parquet"):
        target = tmp_path / part.relative_to(complete)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(part, target)
    resumed = Recorder()
    result = check_archive(
        [str(small_corpus / "shards")], tmp_path, db=ledger_url, scheduler=cluster.scheduler_address, progress=resumed
    )
    assert (result.processed, result.skipped, resumed.already) == (4, 2, 2)
    assert _claims(tmp_path) == _claims(complete)
    assert (tmp_path / "summary.csv").read_text() == (complete / "summary.csv").read_text()


def test_a_worker_killed_mid_run_loses_nothing(
    complete: Path, small_corpus: Path, ledger_url: str, cluster: Any, tmp_path: Path
) -> None:
    from distributed import Client

    killed: list[str] = []

    with Client(cluster) as client:

        def kill(n: int) -> None:
            if killed:
                return
            busy = [addr for addr, keys in client.processing().items() if keys]
            if busy:
                pid = client.run(os.getpid, workers=[busy[0]])[busy[0]]
                os.kill(pid, signal.SIGKILL)
                killed.append(busy[0])

        result = check_archive(
            [str(small_corpus / "shards")],
            tmp_path,
            db=ledger_url,
            scheduler=cluster.scheduler_address,
            progress=Recorder(kill),
        )
        assert killed, "no worker was busy to kill"
        assert result.processed == 6 and result.articles == 300
        assert _claims(tmp_path) == _claims(complete)
        client.wait_for_workers(2, timeout=60)  # the nanny restarted it: later tests have two workers


@pytest.mark.slow
def test_an_unreadable_shard_fails_alone(small_corpus: Path, ledger_url: str, cluster: Any, tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    shutil.copytree(small_corpus / "shards", inputs)
    (inputs / "broken.jsonl.gz").write_bytes(b"\x1f\x8b\x08\x00not really gzip")
    out = tmp_path / "out"
    with pytest.raises(InputError, match="could not be read") as err:
        check_archive([str(inputs)], out, db=ledger_url, scheduler=cluster.scheduler_address)
    assert err.value.file and err.value.file.endswith("broken.jsonl.gz")
    assert len(Output(out).done_ids()) == 6 and (out / "summary.parquet").exists()


def test_results_of_another_ledger_are_not_mixed(
    complete: Path, small_corpus: Path, tmp_path: Path, synced_sqlite_copy: Path
) -> None:
    import sqlite3

    with sqlite3.connect(synced_sqlite_copy) as conn:  # a newer sync: another ledger version
        conn.execute(
            "INSERT INTO sync_run (id, started_at, origin, summary) SELECT max(id) + 1, max(started_at), 'test', '' FROM sync_run"
        )
    with pytest.raises(ConfigError, match="ledger version"):
        check_archive([str(small_corpus / "shards")], complete, db=f"sqlite:///{synced_sqlite_copy}", workers=1)


@pytest.mark.slow
def test_cli_killed_and_restarted_is_exactly_once(
    complete: Path, small_corpus: Path, synced_sqlite_path: Path, tmp_path: Path
) -> None:
    """The whole command, on its default LocalCluster, killed (SIGKILL, with its workers) mid-run."""
    env = {**os.environ, "LOSSLEDGER_DB": str(synced_sqlite_path)}
    cmd = [
        sys.executable,
        "-c",
        "import sys; from lossledger.cli import main; sys.exit(main())",
        "bulk",
        "check",
        str(small_corpus / "shards"),
        "--out",
        str(tmp_path),
        "--workers",
        "2",
        "--quiet",
    ]
    proc = subprocess.Popen(cmd, env=env, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while len(list((tmp_path / "_markers").glob("*.json"))) < 2 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    assert 2 <= len(Output(tmp_path).done_ids()) < 6
    run = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    assert "already complete" in run.stdout
    assert _claims(tmp_path) == _claims(complete)
    assert not list(tmp_path.glob(f"{LEDGER_COPY}*"))  # the workers' copy of the ledger goes with the run
