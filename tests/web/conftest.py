"""The dashboard tests use the API tests' app and client (one app over the session's synced ledger)."""

from __future__ import annotations

from ..api.conftest import api_app, client

__all__ = ["api_app", "client"]
