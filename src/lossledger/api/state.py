"""What the service keeps between requests: the ledger, its version, and caches keyed by it.

Every cached thing (a response body, the precomputed russianwarship table, the claims-vs-confirmed
summary) is valid for one :meth:`Ledger.version`; the version is asked of the database at most
once per ``version_ttl`` seconds (one cheap ``max(sync_run.id)`` query), so a sync made by another
process shows within a second while a hot endpoint costs no query at all.
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from ..ledger import Ledger

__all__ = ["CachedResponse", "ResponseCache", "ServiceState", "etag_for"]

T = TypeVar("T")


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
    """The ledger a running app serves, with its version and per-version caches."""

    def __init__(self, ledger: Ledger, *, token: str | None, read_only: bool, version_ttl: float = 1.0) -> None:
        self.ledger = ledger
        self.token = token
        self.read_only = read_only
        self.version_ttl = version_ttl
        self.responses = ResponseCache()
        self._version: str | None = None
        self._checked = float("-inf")
        self._memo: dict[str, tuple[str, Any]] = {}
        self._locks: dict[str, threading.Lock] = {}
        self._guard = threading.Lock()

    @property
    def writable(self) -> bool:
        """Whether write endpoints (sync) may run at all: not read-only and a token to check."""
        return not self.read_only and bool(self.token)

    def version(self) -> str:
        """The ledger's version, asked of the database at most once per ``version_ttl`` seconds."""
        now = time.monotonic()
        if now - self._checked >= self.version_ttl:
            self._set_version(self.ledger.version())
            self._checked = now
        return self._version  # type: ignore[return-value]

    def refresh(self) -> str:
        """Ask the database for the version now (after a sync made by this process)."""
        self._checked = float("-inf")
        return self.version()

    def _set_version(self, version: str) -> None:
        if version != self._version:
            self._version = version
            self.responses.clear()

    def memo(self, name: str, build: Callable[[], T]) -> T:
        """``build()`` once per ledger version (concurrent callers wait for the one build)."""
        version = self.version()
        hit = self._memo.get(name)
        if hit is not None and hit[0] == version:
            return hit[1]  # type: ignore[no-any-return]
        with self._guard:
            lock = self._locks.setdefault(name, threading.Lock())
        with lock:
            hit = self._memo.get(name)
            if hit is not None and hit[0] == version:
                return hit[1]  # type: ignore[no-any-return]
            value = build()
            self._memo[name] = (version, value)
            return value
