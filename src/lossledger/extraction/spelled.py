"""Spelled numbers from a maintained library: num2words' spellings, read backwards.

Numbers written in words ("двісті тисяч", "tizenhét", "kétezer", "hai mươi", "dvacet jedna")
need each language's number words.  num2words spells numbers in some 50 languages; spelling
1–999, their thousands (one word where a language glues them: "hetvenhétezer") and a few millions and splitting the results gives a word → value table: a
spelling that is one word is a number word ("kétezer" = 2000, "einundzwanzig" = 21); in a
spelling of several words, a word that is no number word is the scale word ("тисячі" in "дві
тисячі").  The words join the language's vocabulary (vocab.py) below its own ``[numbers]``,
which wins where both have a word and covers what num2words lacks ("півтори", "тис.", "ألفا").
Built once per lexicon and kept in the lexicon's on-disk cache.
"""

from __future__ import annotations

from .tokens import WORD, tokenize

__all__ = ["spelled_numbers"]

#: our language codes that num2words names otherwise
_CODES = {"kk": "kz"}
#: numbers spelled to learn units, tens, hundreds and the compounds some languages write as one word
_UNITS = range(1, 1000)
#: numbers spelled to learn scale words in their forms (one, a few, many)
_SCALES = (1_000, 2_000, 5_000, 11_000, 21_000, 1_000_000, 2_000_000, 5_000_000, 11_000_000)


def _words(text: str) -> list[str]:
    return [t.norm for t in tokenize(text) if t.kind == WORD]


def spelled_numbers(code: str) -> tuple[dict[str, float], dict[str, float]]:
    """(number words, scale words) of language ``code`` by num2words; ({}, {}) when it has none."""
    try:
        from num2words import num2words

        num2words(1, lang=_CODES.get(code, code))
    except (ImportError, NotImplementedError, KeyError, ValueError, TypeError):
        return {}, {}
    lang = _CODES.get(code, code)
    words: dict[str, float] = {}
    for n in _UNITS:
        spelled = _words(num2words(n, lang=lang))
        if len(spelled) == 1:
            words.setdefault(spelled[0], float(n))
    for n in _UNITS:  # thousands glued into one word: "hetvenhétezer", "siebenundsiebzigtausend"
        spelled = _words(num2words(n * 1_000, lang=lang))
        if len(spelled) == 1:
            words.setdefault(spelled[0], float(n * 1_000))
    scales: dict[str, float] = {}
    for n in _SCALES:
        spelled = _words(num2words(n, lang=lang))
        if len(spelled) == 1:
            words.setdefault(spelled[0], float(n))
            continue
        scale = 1_000 if n < 1_000_000 else 1_000_000
        rest = [w for w in spelled if w not in words]
        # one unknown word, and the known ones count what it multiplies: "п'ять тисяч" is 5 × 1000
        # (CJK myriads and connectives fail the count and are left to the vocabulary)
        if len(rest) == 1 and sum(words[w] for w in spelled if w in words) == n // scale:
            scales.setdefault(rest[0], float(scale))
    return words, scales
