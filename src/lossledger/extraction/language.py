"""Language detection, restricted to the languages we have vocabulary for.

lingua (``lingua-language-detector``, Rust) in its low-accuracy mode: trigram models only,
loaded lazily for the candidate languages of the text's script, so the first detection in a
process costs ~70 ms (py3langid, used before, spent ~0.5 s decompressing its model and importing
numpy — most of a command-line ``check``'s budget) and each later one well under a millisecond.
Restricting it to our languages avoids near-misses such as Ukrainian read as Belarusian.  Only
the first 300 characters are looked at: enough for news copy (all 48 dev texts are recognised),
and it bounds the cost on a 5 MB input.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from .vocab import available_languages

__all__ = ["detect_language"]


@cache
def _detector() -> Any:
    from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

    # only languages we have vocabulary for: a Ukrainian text read as Belarusian would lose its
    # vocabulary, while read as Ukrainian or Russian it keeps almost all of it
    languages = [Language.from_iso_code_639_1(getattr(IsoCode639_1, code.upper())) for code in available_languages()]
    return LanguageDetectorBuilder.from_languages(*languages).with_low_accuracy_mode().build()


def detect_language(text: str) -> str:
    """ISO 639-1 code of ``text``'s language; "en" when there is nothing to go on."""
    sample = text[:300]
    letters = [ch for ch in sample if ch.isalpha()]
    if not letters or (len(letters) < 30 and all(ch.isascii() for ch in letters)):
        return "en"  # too little to go on; Latin-script cues are English-merged everywhere
    found = _detector().detect_language_of(sample)
    return "en" if found is None else str(found.iso_code_639_1.name.lower())
