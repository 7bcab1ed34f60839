"""The REST API: v1 (the ledger's own view), v2 (russianwarship.rip compatible), served with the dashboard.

    >>> from lossledger.api import create_app
    >>> app = create_app("sqlite:///ledger.sqlite")   # doctest: +SKIP

See docs/api.md; ``lossledger serve`` runs it with uvicorn.
"""

from .app import create_app

__all__ = ["create_app"]
