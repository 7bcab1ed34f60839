"""Keeping a served ledger fresh: sync it again every interval, beside a running server.

    >>> refresher = Refresher("sqlite:///ledger.sqlite", parse_interval("6h"))   # doctest: +SKIP
    >>> refresher.start()                                                       # doctest: +SKIP

Each round is an ordinary :meth:`Ledger.sync` — fetch, parse, write in ONE transaction — so the
ledger a server reads changes from one version to the next at the commit, never half-way (SQLite's
WAL and PostgreSQL's MVCC keep readers on the version they began with).  The server notices the
new version within a second, builds its tables for it in the background and swaps them in
(api/state.py): no downtime, no request sees a mix.  A failed round (upstream down, bad file) is
logged and leaves the ledger as it was; the next round tries again, and ``/healthz`` shows the
data's age meanwhile.  ``lossledger serve --sync-every 6h`` runs one beside the server;
``lossledger sync --watch 6h`` runs the same loop on its own (for a separate process or host).
"""

from __future__ import annotations

import logging
import re
import threading
from pathlib import Path

from .errors import InputError
from .ledger import Ledger
from .ledger.sync import SyncResult

__all__ = ["Refresher", "parse_interval"]

log = logging.getLogger("lossledger.refresh")

_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
_INTERVAL = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$")


def parse_interval(text: str) -> float:
    """Seconds in ``text``: a number with an optional unit s, m, h or d (none = seconds).

    >>> parse_interval("6h"), parse_interval("90m"), parse_interval("45")
    (21600.0, 5400.0, 45.0)
    """
    match = _INTERVAL.match(text)
    seconds = float(match.group(1)) * _UNITS[match.group(2) or "s"] if match else 0.0
    if seconds <= 0:
        raise InputError(f"not an interval: {text!r} (e.g. 6h, 30m, 1d)", code="input.interval")
    return seconds


class Refresher:
    """Sync the ledger at ``url`` from ``origin`` (default: the public upstreams) every ``every`` seconds.

    :meth:`start` runs the rounds in a daemon thread, the first one after ``every`` seconds (a
    server starts on the data it has); :meth:`run` runs them in the calling thread, the first at
    once (``sync --watch``).  :meth:`stop` ends either after the round under way.
    """

    def __init__(self, url: str, every: float, origin: str | Path | None = None) -> None:
        self.url = url
        self.every = every
        self.origin = origin
        self.rounds = 0
        self.last: SyncResult | None = None
        self.last_error: str | None = None
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def sync_once(self) -> SyncResult | None:
        """One round; errors are logged and kept in ``last_error``, never raised."""
        try:
            with Ledger.open(self.url) as ledger:
                result = ledger.sync(self.origin)
        except Exception as exc:  # a failed round must not stop the server or the loop
            self.last_error = f"{exc.__class__.__name__}: {exc}"
            log.warning("periodic sync failed: %s", self.last_error)
            return None
        finally:
            self.rounds += 1
        self.last, self.last_error = result, None
        log.info("periodic sync: %d added, %d revised (sync %s)", result.added, result.superseded, result.sync_id)
        return result

    def run(self, *, immediately: bool = True, rounds: int | None = None) -> None:
        """Sync every interval until :meth:`stop` (or ``rounds`` rounds)."""
        if not immediately and self._stop.wait(self.every):
            return
        while rounds is None or self.rounds < rounds:
            self.sync_once()
            if (rounds is not None and self.rounds >= rounds) or self._stop.wait(self.every):
                return

    def start(self) -> Refresher:
        self._thread = threading.Thread(
            target=self.run, kwargs={"immediately": False}, name="lossledger-refresh", daemon=True
        )
        self._thread.start()
        return self

    def stop(self, timeout: float | None = None) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)
