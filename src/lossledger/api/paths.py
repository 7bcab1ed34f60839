"""Where each API lives: the ledger's native API, and upstream's namespace.

``/api/…`` belongs to russianwarship.rip (its ``/api/v1`` and ``/api/v2`` are served as a drop-in,
upstream.py), so the ledger's own API lives under a prefix upstream has nothing at: ``/ledger/v1``.
Errors below ``/api/`` take upstream's Laravel shape, everywhere else the native one (errors.py).
"""

from __future__ import annotations

__all__ = ["NATIVE_PREFIX", "UPSTREAM_NAMESPACE", "is_upstream"]

NATIVE_PREFIX = "/ledger/v1"
UPSTREAM_NAMESPACE = "/api/"


def is_upstream(path: str) -> bool:
    """Whether ``path`` is in upstream's namespace (``/api`` and below).

    >>> is_upstream("/api/v1/statistics/latest"), is_upstream("/ledger/v1/latest")
    (True, False)
    """
    return path == UPSTREAM_NAMESPACE.rstrip("/") or path.startswith(UPSTREAM_NAMESPACE)
