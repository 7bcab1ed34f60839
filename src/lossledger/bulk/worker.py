"""What runs on a Dask worker: the ledger opened once, and one shard checked into output tables.

:class:`LedgerPlugin` is registered with the cluster; every worker — including one that joins
or is restarted mid-run — runs its ``setup`` once: it writes the shipped SQLite file into the
worker's local directory (or connects to PostgreSQL by URL), opens it read-only as a
:class:`~.view.PreparedView` and adopts the fingerprint index the client shipped (built once, for
that ledger version; a worker whose ledger has another version builds its own).
:func:`check_shard` is a pure task (shard in; its encoded Parquet files and counts out): a worker
lost mid-task only means the scheduler runs it again.
"""

from __future__ import annotations

import os
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from distributed import WorkerPlugin

from ..errors import LossLedgerError
from ..registry import CLAIMS
from .inputs import Article, Reject, Shard, read_shard
from .rows import ARTICLE_SCHEMA, CLAIM_SCHEMA, TALLY_SCHEMA, article_rows
from .view import PreparedView

if TYPE_CHECKING:
    import pyarrow as pa

    from ..verify import LedgerView

__all__ = ["PLUGIN", "LedgerPlugin", "ShardResult", "check_articles", "check_shard", "open_view"]

PLUGIN = "lossledger-ledger"


@dataclass
class ShardResult:
    """A checked shard: its output tables (or, as a task returns it, their encoded files), its
    rejects, its counts and what it cost."""

    claims: pa.Table | None
    articles: pa.Table | None
    tally: pa.Table | None
    rejects: list[dict[str, Any]] = field(default_factory=list)
    seconds: float = 0.0
    worker: str = ""
    files: dict[str, bytes] = field(default_factory=dict)  # the encoded output files (outputs.encode_files)
    n_articles: int = 0
    n_claims: int = 0

    def encoded(self, shard_id: str) -> ShardResult:
        """This result as the client needs it: the Parquet files and the counts, without the tables
        (the client writes bytes; pickling the tables too would cost the one client's CPU)."""
        from .outputs import encode_files

        return replace(self, files=encode_files(shard_id, self), claims=None, articles=None, tally=None)


def open_view(url: str, index: tuple[Any, ...] | None = None, version: str = "") -> PreparedView:
    """The read-only view of the ledger at ``url``, with its fingerprint index ready: ``index``
    (the ``(pairs, n_dates)`` of :class:`~lossledger.verify.fingerprint.FingerprintIndex`) when it
    was built from a ledger of the same ``version``, else loaded or built here.

    SQLite files are read with ``sqlite3`` in read-only mode; any other backend through a
    :class:`~lossledger.ledger.Ledger` opened without migrating (a worker never writes)."""
    from ..verify.fingerprint import FingerprintIndex

    view = _open(url)
    if index is not None and version == version_of(view):
        FingerprintIndex(*index).adopt(view)
    else:
        FingerprintIndex.load(view)
    view.points(CLAIMS)  # reconciled once, here, rather than in the first task
    return view


def _open(url: str) -> PreparedView:
    if url.startswith("sqlite:"):
        return cast(PreparedView, PreparedView.open(url))  # open() builds cls
    from ..ledger import Ledger

    return cast(PreparedView, PreparedView.from_ledger(Ledger.open(url, migrate=False)))


def version_of(view: LedgerView) -> str:
    """The ledger's content version as one string (the manifest's ``ledger_version``)."""
    return ":".join(str(v) for v in view.version)


def ledger_index(view: LedgerView) -> tuple[str, tuple[Any, ...]]:
    """(version, fingerprint index) of ``view``'s ledger, as the client ships them to workers:
    the index comes from the client's disk cache after its first use."""
    from ..verify.fingerprint import FingerprintIndex

    index = FingerprintIndex.load(view)
    return version_of(view), (index.pairs, index.n_dates)


class LedgerPlugin(WorkerPlugin):
    """Ships the ledger to every worker and opens it there once (a Dask worker plugin).

    ``data`` is the SQLite file's bytes (None for a server URL); it is written to the worker's
    local directory under its sha256, so a restarted worker on the same host reuses it.
    """

    name = PLUGIN
    idempotent = False

    def __init__(
        self,
        url: str,
        data: bytes | None = None,
        sha256: str = "",
        index: tuple[Any, ...] | None = None,
        version: str = "",
    ) -> None:
        self.url = url
        self.data = data
        self.sha256 = sha256
        self.index = index  # the client's fingerprint index of this ledger version (built once, shipped)
        self.version = version
        self.view: PreparedView | None = None

    def setup(self, worker: Any) -> None:
        url = self.url
        if self.data is not None:
            path = Path(worker.local_directory) / f"ledger-{self.sha256[:16]}.sqlite"
            if not path.exists():
                tmp = path.with_suffix(f".{os.getpid()}.tmp")
                tmp.write_bytes(self.data)
                os.replace(tmp, path)
            url = f"sqlite:///{path}"
        self.view = open_view(url, self.index, self.version)

    def teardown(self, worker: Any) -> None:
        if self.view is not None:
            self.view.close()

    def __getstate__(self) -> dict[str, Any]:
        return {
            "url": self.url, "data": self.data, "sha256": self.sha256, "index": self.index,
            "version": self.version, "view": None,
        }  # fmt: skip


def _worker_view() -> tuple[PreparedView, str]:
    from distributed import get_worker

    worker = get_worker()
    plugin = cast(LedgerPlugin, worker.plugins[PLUGIN])
    if plugin.view is None:  # pragma: no cover - setup failed; the scheduler reports its error
        raise RuntimeError("the ledger plugin did not open the ledger on this worker")
    return plugin.view, str(worker.address)


def check_articles(shard: Shard, items: Iterable[Article | Reject], view: PreparedView) -> ShardResult:
    """Check every article of ``items`` against ``view``; the same code path with or without Dask."""
    import pyarrow as pa

    from ..verify import check

    started = time.perf_counter()
    claims: list[dict[str, Any]] = []
    articles: list[dict[str, Any]] = []
    rejects: list[dict[str, Any]] = []
    tally: Counter[tuple[str, str, str, str]] = Counter()
    for item in items:
        if isinstance(item, Reject):
            rejects.append(item.to_dict(shard))
            continue
        try:
            report = check(item.text, view, published=item.published, language=item.language, context=False)
        except LossLedgerError as exc:
            rejects.append(Reject(item.record, item.url, exc.code, exc.message).to_dict(shard))
            continue
        row, rows = article_rows(shard.name, item, report, tally)
        articles.append(row)
        claims.extend(rows)
    tallies = [{"outlet": o, "language": la, "month": m, "key": k, "count": n} for (o, la, m, k), n in tally.items()]
    return ShardResult(
        claims=pa.Table.from_pylist(claims, schema=CLAIM_SCHEMA),
        articles=pa.Table.from_pylist(articles, schema=ARTICLE_SCHEMA),
        tally=pa.Table.from_pylist(tallies, schema=TALLY_SCHEMA),
        rejects=rejects,
        seconds=time.perf_counter() - started,
        n_articles=len(articles),
        n_claims=len(claims),
    )


def check_shard(shard: Shard) -> ShardResult:
    """The Dask task: read ``shard``, check it with this worker's ledger, encode its files here."""
    view, address = _worker_view()
    result = check_articles(shard, read_shard(shard), view)
    result.worker = address
    return result.encoded(shard.id)
