"""The output folder of a bulk run, written so that a run can be killed at any moment.

Layout (``OUT``)::

    manifest.json                      extraction version and ledger the results belong to
    claims/month=YYYY-MM/language=xx/part-<shard>.parquet     one row per claim
    articles/month=YYYY-MM/language=xx/part-<shard>.parquet   one row per article
    _tallies/<shard>.parquet           counts per outlet × language × month (summed by the summary)
    _rejects/<shard>.jsonl             records that could not be checked, with the reason
    _markers/<shard>.json              written last: the shard is complete
    _ledger.sqlite                     during a run on a local cluster: the ledger its workers read
    summary.parquet, summary.csv, rejects.jsonl, report.html   rebuilt from the above at the end

Exactly-once: every file of a shard is named by the shard's id and written atomically (a hidden
temporary file, then ``os.replace``); the marker is written after all of them.  A shard without
a marker is redone, its files replaced, never added to: a killed run double-counts nothing, and
the summary is always a sum over the shards that have a marker.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import ConfigError
from .inputs import Shard

if TYPE_CHECKING:
    import pyarrow as pa

    from .worker import ShardResult

__all__ = ["LEDGER_COPY", "Output", "encode_files", "write_bytes", "write_text"]

TABLES = ("claims", "articles")
#: the local cluster's workers read the ledger from this copy during a run (run.py)
LEDGER_COPY = "_ledger.sqlite"


def _write_atomic(path: Path, write: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    write(tmp)
    os.replace(tmp, path)


def write_text(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` atomically."""
    _write_atomic(path, lambda tmp: tmp.write_text(text, encoding="utf-8"))


def write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically."""
    _write_atomic(path, lambda tmp: tmp.write_bytes(data))


class Output:
    """One run's output folder (see the module docstring)."""

    def __init__(self, root: str | Path) -> None:
        self.root = Path(root)

    # --- the run's identity --------------------------------------------------------------------

    def claim(self, manifest: dict[str, Any]) -> None:
        """Create the folder, or check that its results come from the same extraction and ledger."""
        path = self.root / "manifest.json"
        if path.exists():
            stored = json.loads(path.read_text(encoding="utf-8"))
            for key in ("extraction_version", "ledger_version"):
                if stored.get(key) != manifest[key]:
                    raise ConfigError(
                        f"holds results of {key.replace('_', ' ')} {stored.get(key)}, not {manifest[key]}: "
                        "use a new --out folder to check with this one",
                        code="config.bulk_out",
                        file=str(path),
                    )
            return
        self.root.mkdir(parents=True, exist_ok=True)
        write_text(path, json.dumps(manifest, indent=2) + "\n")

    def manifest(self) -> dict[str, Any]:
        return dict(json.loads((self.root / "manifest.json").read_text(encoding="utf-8")))

    # --- shards --------------------------------------------------------------------------------

    def _marker(self, shard_id: str) -> Path:
        return self.root / "_markers" / f"{shard_id}.json"

    def done(self, shard: Shard) -> bool:
        return self._marker(shard.id).exists()

    def markers(self) -> list[dict[str, Any]]:
        folder = self.root / "_markers"
        return (
            [json.loads(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.json"))]
            if folder.is_dir()
            else []
        )

    def write_shard(self, shard: Shard, result: ShardResult) -> dict[str, Any]:
        """Write a checked shard's files, then its marker (the commit point); returns the marker."""
        for table_name in TABLES:
            for old in (self.root / table_name).glob(f"month=*/language=*/part-{shard.id}.parquet"):
                old.unlink()  # an earlier attempt of this shard, killed before its marker
        for relative, data in (result.files or encode_files(shard.id, result)).items():
            write_bytes(self.root / relative, data)
        lines = "".join(json.dumps(r, ensure_ascii=False, default=str) + "\n" for r in result.rejects)
        write_text(self.root / "_rejects" / f"{shard.id}.jsonl", lines)
        marker = {
            "shard": shard.name,
            "id": shard.id,
            "articles": result.n_articles,
            "claims": result.n_claims,
            "rejects": len(result.rejects),
            "seconds": round(result.seconds, 3),
            "worker": result.worker,
            "finished": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        }
        write_text(self._marker(shard.id), json.dumps(marker) + "\n")
        return marker

    # --- reading back --------------------------------------------------------------------------

    def done_ids(self) -> set[str]:
        return {m["id"] for m in self.markers()}

    def tallies(self) -> pa.Table:
        """Every completed shard's tally rows (a shard without a marker is left out)."""
        import pyarrow as pa
        import pyarrow.parquet as pq

        from .rows import TALLY_SCHEMA

        parts = [pq.read_table(self.root / "_tallies" / f"{i}.parquet") for i in sorted(self.done_ids())]
        return pa.concat_tables(parts) if parts else TALLY_SCHEMA.empty_table()

    def rejects(self) -> Iterator[dict[str, Any]]:
        for shard_id in sorted(self.done_ids()):
            path = self.root / "_rejects" / f"{shard_id}.jsonl"
            for line in path.read_text(encoding="utf-8").splitlines():
                yield json.loads(line)

    def dataset(self, table_name: str) -> Any:
        """The claims or articles as a pyarrow dataset (hive partitions month, language)."""
        import pyarrow.dataset as ds

        from .rows import ARTICLE_SCHEMA, CLAIM_SCHEMA

        schema = CLAIM_SCHEMA if table_name == "claims" else ARTICLE_SCHEMA
        folder = self.root / table_name
        files = sorted(str(p) for p in folder.glob("month=*/language=*/part-*.parquet")) if folder.is_dir() else []
        return ds.dataset(files, schema=schema, format="parquet")


def encode_files(shard_id: str, result: ShardResult) -> dict[str, bytes]:
    """A checked shard's Parquet files (partitioned claims and articles, its tally) as bytes, by
    their path in the output folder.  Workers encode them (check_shard), so that the client only
    writes bytes and markers: one client serves many workers."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    def encoded(table: pa.Table, **options: Any) -> bytes:
        sink = pa.BufferOutputStream()
        pq.write_table(table, sink, **options)
        return bytes(sink.getvalue())

    files: dict[str, bytes] = {}
    for table_name in TABLES:
        for (month, language), part in _partitions(getattr(result, table_name)):
            path = f"{table_name}/month={month}/language={language}/part-{shard_id}.parquet"
            files[path] = encoded(part)  # snappy, Parquet's default: zstd costs 2.5x the time on
            # files this small (a partition of one shard) and saves nothing
    files[f"_tallies/{shard_id}.parquet"] = encoded(result.tally)
    return files


def _partitions(table: pa.Table) -> Iterator[tuple[tuple[str, str], pa.Table]]:
    import pyarrow.compute as pc

    if table.num_rows == 0:
        return
    keys = sorted(set(zip(table["month"].to_pylist(), table["language"].to_pylist(), strict=True)))
    for month, language in keys:
        mask = pc.and_(pc.equal(table["month"], month), pc.equal(table["language"], language))
        yield (month, language), table.filter(mask)
