"""Extraction: loss figures in news texts, Telegram posts and official statements (issue 4).

``extract(text, published=None, language=None) -> Extraction`` finds every loss figure, in many
languages, and says what it is: metric, value, kind (total/increase), qualifier, source, evidence
span.  Vocabulary is data, one file per language (``vocab/<lang>.toml``).
"""

from __future__ import annotations

from .engine import extract
from .model import Claim, Extraction, Ignored

__all__ = ["Claim", "Extraction", "Ignored", "extract"]
