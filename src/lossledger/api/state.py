"""What the service keeps between requests: the ledger, its version, and caches keyed by it.

Every cached thing (a response body, the precomputed russianwarship table, the claims-vs-confirmed
summary) is valid for one :meth:`Ledger.version`; the version is asked of the database at most
once per ``version_ttl`` seconds (one cheap ``max(sync_run.id)`` query), so a sync made by another
process (``serve --sync-every``, ``sync --watch``, a cron job) is served within a second or two of
its commit — once the new tables are built — while a hot endpoint costs no query at all.
"""

from __future__ import annotations

import hashlib
import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from ..ledger import Ledger

__all__ = ["CachedResponse", "ResponseCache", "ServiceState", "etag_for"]

T = TypeVar("T")
log = logging.getLogger("lossledger.api")


def etag_for(version: str, path: str, query: bytes | str = b"") -> str:
    """A strong ETag for one URL at one ledger version.

    Every cacheable response is a pure function of (ledger version, path, query), so hashing those
    three identifies the body without hashing the body itself.

    >>> etag_for("s1", "/api/v2/statistics/latest")
    '"s1-954725125df173fa"'
    """
    raw = query.encode() if isinstance(query, str) else query
    digest = hashlib.blake2b(path.encode() + b"?" + raw, digest_size=8).hexdigest()
    return f'"{version}-{digest}"'


def etag_matches(if_none_match: str, etag: str) -> bool:
    """Whether an ``If-None-Match`` header names ``etag`` (weak or strong, or ``*``), RFC 9110 §13.1.2."""
    for candidate in if_none_match.split(","):
        tag = candidate.strip()
        if tag == "*" or tag.removeprefix("W/") == etag:
            return True
    return False


@dataclass(frozen=True)
class CachedResponse:
    """A complete response: status, raw ASGI headers and body."""

    status: int
    headers: tuple[tuple[bytes, bytes], ...]
    body: bytes
    etag: str


class ResponseCache:
    """A bounded LRU of response bodies (by entries and by bytes).

    Read and filled by the middleware on the event loop, but cleared by whichever thread first
    sees a new ledger version (a route in the thread pool), hence the lock.
    """

    def __init__(self, max_entries: int = 2048, max_bytes: int = 64 * 1024 * 1024) -> None:
        self.max_entries = max_entries
        self.max_bytes = max_bytes
        self._items: OrderedDict[tuple[str, str, bytes], CachedResponse] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._items)

    def get(self, key: tuple[str, str, bytes]) -> CachedResponse | None:
        with self._lock:
            item = self._items.get(key)
            if item is not None:
                self._items.move_to_end(key)
            return item

    def put(self, key: tuple[str, str, bytes], item: CachedResponse) -> None:
        if len(item.body) > self.max_bytes // 8:  # one huge body must not evict everything
            return
        with self._lock:
            old = self._items.pop(key, None)
            if old is not None:
                self._bytes -= len(old.body)
            self._items[key] = item
            self._bytes += len(item.body)
            while len(self._items) > self.max_entries or self._bytes > self.max_bytes:
                _, dropped = self._items.popitem(last=False)
                self._bytes -= len(dropped.body)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
            self._bytes = 0


class ServiceState:
    """The ledger a running app serves, with the version it serves and per-version caches.

    The *served* version changes atomically: when the database shows a new version (a sync by this
    or another process), a background thread builds the registered per-version tables
    (``warmers``: the compatible records, the claims summary) from the new ledger while requests go
    on being answered from the old ones; then one assignment swaps version and tables and the
    response cache is emptied.  No request waits for a rebuild, and none sees half of one.
    """

    def __init__(
        self, ledger: Ledger, *, token: str | None, read_only: bool, version_ttl: float = 1.0, public_url: str = ""
    ) -> None:
        self.ledger = ledger
        self.token = token
        self.read_only = read_only
        self.version_ttl = version_ttl
        #: Base of the links the API generates ("" = relative links): never taken from a request.
        self.public_url = public_url.rstrip("/")
        self.responses = ResponseCache()
        self.warmers: dict[str, Callable[[], Any]] = {}
        self._served: str | None = None
        self._checked = float("-inf")
        self._memo: dict[str, Any] = {}
        self._locks: dict[str, threading.Lock] = {}
        self._guard = threading.Lock()
        self._advancing: str | None = None

    @property
    def writable(self) -> bool:
        """Whether write endpoints (sync) may run at all: not read-only and a token to check."""
        return not self.read_only and bool(self.token)

    def version(self) -> str:
        """The version being served; the database is asked at most once per ``version_ttl`` seconds,
        and a newer version is prepared in the background (see the class docstring)."""
        now = time.monotonic()
        if self._served is None:
            self._swap(self.ledger.version(), {})
            self._checked = now
        elif now - self._checked >= self.version_ttl:
            self._checked = now
            latest = self.ledger.version()
            if latest != self._served and self._advancing != latest:
                self._advancing = latest
                threading.Thread(target=self._advance, args=(latest,), name="lossledger-advance", daemon=True).start()
        return self._served  # type: ignore[return-value]

    def refresh(self) -> str:
        """Switch to the database's version now, building the tables in this thread (after a sync
        made by this process, whose caller must see its own result)."""
        self._advance(self.ledger.version())
        self._checked = time.monotonic()
        return self._served  # type: ignore[return-value]

    def _advance(self, version: str) -> None:
        try:
            tables = {name: build() for name, build in self.warmers.items()}
        except Exception:  # a broken ledger: keep serving what was served; the next poll tries again
            log.warning("could not prepare ledger version %s", version, exc_info=True)
            self._advancing = None
            return
        self._swap(version, tables)

    def _swap(self, version: str, tables: dict[str, Any]) -> None:
        with self._guard:
            self._served, self._memo = version, dict(tables)
            self._advancing = None
            self.responses.clear()

    def memo(self, name: str, build: Callable[[], T]) -> T:
        """``build()`` once per served version (concurrent callers wait for the one build)."""
        self.version()
        memo = self._memo
        if name in memo:
            return memo[name]  # type: ignore[no-any-return]
        with self._guard:
            lock = self._locks.setdefault(name, threading.Lock())
        with lock:
            memo = self._memo
            if name not in memo:
                memo[name] = build()
            return memo[name]  # type: ignore[no-any-return]
