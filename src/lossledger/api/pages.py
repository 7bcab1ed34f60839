"""The web pages on the app: the dashboard at ``/``, ``/docs``, ``/static`` and the term icons.

The pages themselves are rendered by :mod:`lossledger.web` (templates, strings, vendored files);
wiring them to routes is the API's, so web imports nothing of the API (api → web, one way).
"""

from __future__ import annotations

from fastapi import FastAPI, Query, Request, Response
from fastapi.staticfiles import StaticFiles

from ..web import LANGS, STATIC, render, render_docs
from .compat import ICON_PATH
from .responses import cached_response

__all__ = ["mount_dashboard"]


def mount_dashboard(app: FastAPI) -> None:
    """Add ``/``, ``/docs``, ``/static`` and ``/images/icons`` to ``app``."""
    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")
    app.mount(ICON_PATH.rstrip("/"), StaticFiles(directory=str(STATIC / "icons")), name="icons")

    @app.get("/docs", response_class=Response, include_in_schema=False)
    def docs(request: Request) -> Response:
        return cached_response(request, render_docs, media_type="text/html; charset=utf-8")

    @app.get("/", response_class=Response, include_in_schema=False)
    def dashboard(request: Request, lang: str = Query("en")) -> Response:
        chosen = lang if lang in LANGS else "en"
        return cached_response(request, lambda: render(chosen), media_type="text/html; charset=utf-8")
