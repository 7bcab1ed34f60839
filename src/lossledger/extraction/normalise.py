"""The look-up key of a word: its lemma, then its Snowball stem (issue 11).

News inflects the words vocabularies list ("танків", "czołgów", "harckocsit", "panssarivaunua"):
listing every form by hand does not scale.  Both sides of a vocabulary look-up are reduced to one
key by the same function, so a vocabulary file holds lemmas (or any one form) of its words:

1. the *forms table* of the language maps an inflected form to its lemma
   (``vocab/forms/<lang>.tsv``, generated from simplemma's dictionaries by
   ``python -m lossledger.extraction.forms``; see forms.py);
2. the Snowball stemmer of the language (PyStemmer) strips what is left, for forms the table
   does not know.

Languages with neither (Japanese, Chinese, Korean, Vietnamese…) keep the folded form as key.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from typing import Any

__all__ = ["Normaliser", "normaliser", "snowball_name"]

#: letters with combining marks (Devanagari, Bengali, Tamil… vowel signs are not "alpha")
_LETTERS_AND_MARKS = re.compile(r"(?:[^\W\d_]|[\u0300-\u036f\u0900-\u0dff])+")

#: Shorter stems collide across unrelated words (Arabic "إلى" and "آليات"): the lemma is kept.
MIN_STEM = 4


@cache
def snowball_name(code: str) -> str | None:
    """The Snowball algorithm for ISO 639-1 ``code`` ("cs" → "czech"), from the language's English
    name in Babel's CLDR data; None when Snowball has none."""
    import Stemmer
    from babel import Locale, UnknownLocaleError

    alias = {"nb": "no", "nn": "no"}.get(code, code)
    try:
        name = Locale.parse(alias).get_display_name("en") or ""
    except (UnknownLocaleError, ValueError, TypeError):
        return None
    first = name.split(" ")[0].lower()
    return first if first in Stemmer.algorithms() else None


@cache
def _stemmer(name: str) -> Any:
    import Stemmer

    return Stemmer.Stemmer(name)


def _forms_path(code: str) -> Any:
    return resources.files(__package__).joinpath("vocab", "forms", f"{code}.tsv")


@cache
def load_forms(code: str) -> dict[str, str]:
    """Form -> lemma of language ``code`` (empty when it has no table)."""
    path = _forms_path(code)
    if not path.is_file():
        return {}
    out: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        form, _, lemma = line.partition("\t")
        out[form] = lemma
    return out


class Normaliser:
    """``key(word)``: the look-up key of a folded word in one language (picklable; the stemmer
    is created on first use in each process).  A language neither simplemma nor Snowball covers
    may list its case and number endings (``[language] suffixes``): the longest one a word ends in
    is stripped ("হাজারের" → "হাজার"), a stemmer written as data."""

    def __init__(self, code: str, suffixes: tuple[str, ...] = ()) -> None:
        self.code = code
        self.forms = load_forms(code)
        self.stemmer_name = snowball_name(code)
        self.suffixes = tuple(sorted(suffixes, key=len, reverse=True))

    def __getstate__(self) -> dict[str, Any]:
        return {"code": self.code, "forms": self.forms, "stemmer_name": self.stemmer_name, "suffixes": self.suffixes}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)

    def key(self, word: str) -> str:
        """The key of ``word`` (already folded by tokens.fold); digits and short words stay as they are."""
        # words of letters (and, in Indic scripts, the vowel signs between them); not numbers
        if len(word) < 3 or not word.replace("'", "").isalpha() and not _LETTERS_AND_MARKS.fullmatch(word):
            return word
        lemma = self.forms.get(word, word)
        if self.stemmer_name is None:
            for suffix in self.suffixes:
                if lemma.endswith(suffix) and len(lemma) - len(suffix) >= 2:
                    return lemma[: -len(suffix)]
            return lemma
        stem = str(_stemmer(self.stemmer_name).stemWord(lemma))
        return stem if len(stem) >= MIN_STEM else lemma


@cache
def normaliser(code: str, suffixes: tuple[str, ...] = ()) -> Normaliser:
    return Normaliser(code, suffixes)
