"""Extraction: loss figures in news texts, Telegram posts and official statements (issue 4).

``extract(text, published=None, language=None) -> Extraction`` finds every loss figure, in many
languages, and says what it is: metric, value, kind (total/increase), qualifier, source, evidence
span.  Vocabulary is data, one file per language (``vocab/<lang>.toml``).

Names are imported on first use: the commands that do not extract skip the engine's ~45 ms of
imports (``lossledger.cli`` registers ``extract`` without loading it).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .engine import extract
    from .model import Claim, Extraction, Ignored

__all__ = ["Claim", "Extraction", "Ignored", "extract"]

_HOME = {"extract": ".engine", "Claim": ".model", "Extraction": ".model", "Ignored": ".model"}


def __getattr__(name: str) -> Any:
    if name in _HOME:
        return getattr(import_module(_HOME[name], __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
