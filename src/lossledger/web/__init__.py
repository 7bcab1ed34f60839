"""The dashboard at ``/``, the API docs at ``/docs`` and the term icons: pages and files, no CDN.

This package renders; it imports nothing of the API.  The app mounts it (api/pages.py), so the
imports run one way: api → web.

The page is rendered in the reader's language (``?lang=en`` or ``?lang=uk``; strings are data in
``static/i18n/<lang>.json``, a new language touches no Python) and fills itself from the native
API (static/app.js).  Front-end libraries (uPlot, Swagger UI) are vendored from npm into
``static/vendor/`` (see its README) and shipped in the package, so the dashboard and /docs work
with no internet.  ``/images/icons/`` serves icons of our own under the names upstream's terms
use (``static/icons/``), so the terms' icon URLs need no other host.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape

__all__ = ["LANGS", "STATIC", "TEMPLATES", "render_docs", "strings"]

_ROOT = Path(str(resources.files(__package__)))
STATIC = _ROOT / "static"
TEMPLATES = _ROOT / "templates"
#: Interface languages: one JSON file each under static/i18n/.
LANGS = tuple(sorted(p.stem for p in (STATIC / "i18n").glob("*.json")))


@cache
def strings(lang: str) -> dict[str, Any]:
    """The interface strings of ``lang`` (static/i18n/<lang>.json)."""
    return json.loads((STATIC / "i18n" / f"{lang}.json").read_text(encoding="utf-8"))  # type: ignore[no-any-return]


@cache
def _env() -> Environment:
    # autoescape on for .html: anything interpolated into the page is escaped by Jinja2.
    return Environment(
        loader=FileSystemLoader(str(TEMPLATES)), autoescape=select_autoescape(["html"]), auto_reload=False
    )


def render(lang: str) -> bytes:
    """The dashboard page in ``lang``."""
    return (
        _env()
        .get_template("index.html")
        .render(lang=lang, t=strings(lang), langs=LANGS, all_strings={k: strings(k)["lang_name"] for k in LANGS})
        .encode()
    )


@cache
def render_docs() -> bytes:
    """The Swagger UI page for ``/openapi.json``, from the vendored files and static/docs.js."""
    return _env().get_template("docs.html").render().encode()
