"""Tokens of a text: numbers, words and punctuation, with their character offsets.

Every later step works on this one token list, so offsets always point into the caller's text.
Digits of every script (Arabic-Indic ٠-٩, Persian ۰-۹, full-width ０-９) are mapped to ASCII by a
1:1 translation, which keeps offsets.  Word tokens carry a normalised form for vocabulary look-ups:
lower case, Arabic diacritics and tatweel dropped, Arabic/Persian letter variants unified (the
usual folding of Arabic IR), Traditional Chinese characters written as Simplified (OpenCC's table);
vocabulary is folded the same way by :func:`fold`.

Hand-written because a general tokenizer (ICU, spaCy) would be heavy and would not keep
"400 300" or "12 129" (space-grouped thousands) together.
"""

from __future__ import annotations

import importlib.util
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

__all__ = [
    "BULLETS",
    "DASHES",
    "NUM",
    "PUNCT",
    "UNSPACED",
    "WORD",
    "Token",
    "fold",
    "split_sentences",
    "to_ascii_digits",
    "tokenize",
]

NUM, WORD, PUNCT = 0, 1, 2

#: The zero of every decimal digit set of the Basic Multilingual Plane (Unicode category Nd:
#: Arabic-Indic, Persian, Devanagari, Bengali, Tamil, Thai, Myanmar, full-width…), generated from
#: unicodedata; tests/extraction/test_numbers.py checks it against the running Python's database.
DIGIT_ZEROS = (
    0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6, 0x0C66, 0x0CE6, 0x0D66,
    0x0DE6, 0x0E50, 0x0ED0, 0x0F20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90,
    0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0, 0xFF10,
)  # fmt: skip
#: The group and decimal symbols of every CLDR locale (Babel), beside ASCII ',' '.' and "'":
#: tests/extraction/test_numbers.py checks the set against Babel's data.
CLDR_SEPARATORS = "\u00a0\u202f\u060c\u066b\u066c\u2e41"

_DIGITS = {zero + i: ord("0") + i for zero in DIGIT_ZEROS for i in range(10)}
_DIGITS[0x066B] = ord(".")  # Arabic decimal separator
_DIGITS[0x066C] = ord(",")  # Arabic thousands separator
#: any character ``_DIGITS`` maps: most texts have none, and a search is ~20 times cheaper than
#: a dictionary translation of every character
_NON_ASCII_DIGIT = re.compile("[" + "".join(f"{chr(z)}-{chr(z + 9)}" for z in DIGIT_ZEROS) + "\u066b\u066c]")


#: a full-width, Arabic or reversed comma between digits ("４００，３００", "1،179،790") is a
#: thousands separator; elsewhere it is the script's punctuation and stays as it is
_WIDE_COMMA = re.compile(r"(?<=\d)[\uff0c\u060c\u2e41](?=\d)")


def to_ascii_digits(text: str) -> str:
    """Map every script's decimal digits to ASCII, keeping the length (and so all offsets)."""
    if _NON_ASCII_DIGIT.search(text):
        text = text.translate(_DIGITS)
    return _WIDE_COMMA.sub(",", text) if ("\uff0c" in text or "\u060c" in text or "\u2e41" in text) else text


# Characters that are part of a word but not letters: combining marks (Arabic harakat, Devanagari
# vowel signs), tatweel, zero-width (non-)joiners used inside Persian words.
_MARKS = "\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200c\u200d"
#: the vowel signs and other marks of the Indic scripts (Devanagari to Sinhala) belong to their
#: words and are kept: "दो" (two) and "दे" (give) differ only by one
_INDIC = "\u0900-\u0963\u0966-\u0dff"  # (the dandas, U+0964-5, end sentences)
#: scripts tokenised one character per token
_UNSPACED = "\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uac00-\ud7af"
# A number: digit groups joined by one separator (any locale's: , . ' ’ space NBSP thin spaces)
# or by a paragraph break (scraped text splits "950\n\n000"); validated in numbers.py.  Bounded
# repetition and a single separator per step keep the pattern linear (no nested quantifiers).
_TOKEN = re.compile(
    # the whitespace before a token is captured so that line breaks cost no extra scan; the
    # groups' order is the order tokenize() unpacks them in
    r"(?P<ws>\s*+)(?:(?P<num>\d{1,30}(?:(?:[.,'’\u00a0\u2009\u202f\u2007 ]|\n\n?)\d{1,30}){0,12})"
    # CJK ideographs, kana and Hangul are one token each: no spaces mark words ("13万人", "2만명");
    # so are the letters of Thai, Lao, Khmer and Myanmar, scripts written without spaces
    rf"|(?P<cjk>[{_UNSPACED}]+)"
    # (runs of letters and runs of marks, possessive: one step per run, not per character)
    rf"|(?P<word>(?:[^\W\d_{_UNSPACED}]++|[{_MARKS}{_INDIC}]++|['’ʼ](?=[а-яіїєґА-ЯІЇЄҐ]))+)"
    r"|(?P<punct>\S))?"
)
#: marks that open a list item's line ("– 1 816 chars", "• tanks")
BULLETS = frozenset({"-", "–", "—", "‒", "•", "·", "*", "▪", "●"})
#: what separates list items ("," ";" "،" "、"), besides conjunctions
LIST_SEPARATORS = frozenset({",", ";", "،", "؛", "、", "，", "；"})
#: a character of a script tokenised one character per token
UNSPACED = re.compile(f"[{_UNSPACED}]")


def _opencc_table() -> Path | None:
    """OpenCC's table of Traditional Chinese characters and their Simplified forms, found without
    importing the package (its import reads every table it has: ~10 ms of a command's budget)."""
    spec = importlib.util.find_spec("opencc")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        path = Path(folder) / "dictionary" / "TSCharacters.txt"
        if path.is_file():
            return path
    return None


#: the table :func:`fold` reads (a key of the lexicons built with it: vocab.py)
TRADITIONAL_TABLE = _opencc_table()


def _simplified() -> dict[str, str]:
    """Each Traditional character as its first Simplified form ("國" → "国", "損" → "损"): news
    from Taiwan and Hong Kong then meets a vocabulary written once, in Simplified characters."""
    if TRADITIONAL_TABLE is None:
        return {}
    out = {}
    for line in TRADITIONAL_TABLE.read_text(encoding="utf-8").splitlines():
        trad, _, simple = line.partition("\t")
        if len(trad) == 1 and simple.split():
            out[trad] = simple.split()[0]
    return out


_FOLD = str.maketrans(
    {
        **_simplified(),
        "ё": "е",
        "’": "'",
        "ʼ": "'",
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ى": "ی",
        "ي": "ی",
        "ك": "ک",
        "ة": "ه",
        "ۀ": "ه",
        "ؤ": "و",
        "ئ": "ی",
    }
)
#: marks dropped for look-up: the ones above, and the Devanagari nukta, which news often omits
#: ("फरवरी" for CLDR's "फ़रवरी", February)
_STRIP = re.compile(f"[{_MARKS}\u093c]")
#: ``_FOLD`` as a dictionary of characters: a punctuation token is one character
_PUNCT_FOLD = {chr(k): v for k, v in _FOLD.items()}


@lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """The look-up form of a word: lower case, composed (NFC: a decomposed "tăng" is the
    vocabulary's "tăng"), optional marks dropped, letter variants unified."""
    word = word.lower().translate(_FOLD)
    if not word.isascii():
        word = _STRIP.sub("", unicodedata.normalize("NFC", word))
    return word


@dataclass(slots=True)
class Token:
    """One token: ``kind`` is NUM, WORD or PUNCT; ``norm`` the folded text; offsets into the text."""

    kind: int
    start: int
    end: int
    raw: str
    norm: str
    nl_before: bool = False  # a line break between the previous token and this one


def _split_number(raw: str, start: int) -> list[tuple[int, int]]:
    """Split a digit run at separators that cannot be thousands separators ("24 2022")."""
    parts: list[tuple[int, int]] = []
    groups = list(re.finditer(r"\d+", raw))
    cur_start = groups[0].start()
    prev = groups[0]
    first_len = len(prev.group())
    seps: set[str] = set()
    for g in groups[1:]:
        sep = raw[prev.end() : g.start()]
        sepkind = "nl" if "\n" in sep else sep
        spaced = sepkind in (" ", "\u00a0", "\u2009", "\u202f", "\u2007", "nl", "'", "’")
        ok = len(g.group()) == 3 and first_len <= 3 and (not seps or sepkind in seps or not spaced)
        if sepkind == "nl":
            ok = ok and g.group() == "000"
        if spaced and not ok:
            parts.append((start + cur_start, start + prev.end()))
            cur_start, first_len, seps = g.start(), len(g.group()), set()
        else:
            seps.add(sepkind)
        prev = g
    parts.append((start + cur_start, start + prev.end()))
    return parts


def _date_part_before(text: str, end: int) -> bool:
    """Whether a day, a month or a year ends at ``end`` (the "02" of "2026-02-14", the "2022" of
    "2022-04"), not the group of a number ("1 000-1 100": a range)."""
    k = end
    while k > 0 and text[k - 1].isdigit():
        k -= 1
    return 1 <= end - k <= 2 or (end - k == 4 and text[k : k + 2] in ("19", "20"))


def _after_date(raw: str, start: int, pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The day of a date ("2026-02-14", "14.02.2026" ends here) does not begin a space-grouped
    number: " date 2026-02-14 177 433" is the 14th, then 177,433."""
    cut = next((k for k, ch in enumerate(raw) if not ch.isdigit()), len(raw))
    if cut == len(raw) or raw[cut] not in " \u00a0\u2009\u202f\u2007":
        return pieces
    rest = raw[cut:].lstrip()
    rest_start = start + len(raw) - len(rest)
    return [(start, start + cut), *_split_number(rest, rest_start)]


def tokenize(text: str) -> list[Token]:
    """Tokens of ``text`` (already digit-normalised with :func:`to_ascii_digits`).

    ``findall`` hands over each match's groups as strings, with no match objects to query: the
    matches are contiguous (whitespace, then one token), so offsets are the running sum of their
    lengths."""
    out: list[Token] = []
    append = out.append
    pos = 0
    for ws, num, cjk, word, punct in _TOKEN.findall(text):
        s = pos + len(ws)
        nl = "\n" in ws
        if word:
            pos = s + len(word)
            append(Token(WORD, s, pos, word, fold(word), nl))
        elif num:
            pos = s + len(num)
            if num.isdigit():
                append(Token(NUM, s, pos, num, num, nl))
                continue
            pieces = _split_number(num, s)
            if s >= 2 and text[s - 1] in "-/." and _date_part_before(text, s - 1):
                pieces = _after_date(num, s, pieces)
            for k, (ps, pe) in enumerate(pieces):
                piece = text[ps:pe]
                append(Token(NUM, ps, pe, piece, piece, nl if k == 0 else "\n" in text[s:ps]))
        elif punct:
            pos = s + len(punct)
            append(Token(PUNCT, s, pos, punct, _PUNCT_FOLD.get(punct, punct), nl))
        elif cjk:  # a run of a script without spaces: one token per character
            for k, ch in enumerate(cjk):
                append(Token(WORD, s + k, s + k + 1, ch, fold(ch), nl and k == 0))
            pos = s + len(cjk)
        else:  # trailing whitespace: no token
            pos = s
    return out


#: the full stops of Khmer ("។", "៕") and Myanmar ("။"), inside the ranges of scripts without spaces
_UNSPACED_STOPS = frozenset("\u17d4\u17d5\u104b")

#: Sentences are cut after this many tokens (a bound on the work per figure, not a grammar rule).
MAX_SENTENCE_TOKENS = 400


def _ordinal_date(tokens: list[Token], i: int) -> bool:
    """ "4. September", "12. Januar": a German ordinal day, not a sentence end."""
    prev = tokens[i - 1] if i > 0 else None
    return prev is not None and prev.kind == NUM and len(prev.raw) <= 2 and prev.end == tokens[i].start


#: a line at least this long that ends without a mark of its own was wrapped by width
_WRAPPED_LINE = 50
#: so many such lines make a text hard-wrapped (wire copy, e-mailed releases)
_WRAPPED_LINES = 2


def _soft_wraps(tokens: list[Token]) -> set[int]:
    """Tokens after a line break that only wraps a sentence ("… ha sufrido 18.900 / bajas, …"): in
    a text with several long lines that end without punctuation, a break before a lower-case word
    is no sentence end.  Lists and statements have short lines ending in commas or figures."""
    breaks = []
    line_start = 0
    for i, tok in enumerate(tokens):
        if i and tok.nl_before:
            prev = tokens[i - 1]
            long_line = prev.end - tokens[line_start].start >= _WRAPPED_LINE
            if long_line and prev.kind != PUNCT and tok.kind == WORD and tok.raw[0].islower():
                breaks.append(i)
            line_start = i
    return set(breaks) if len(breaks) >= _WRAPPED_LINES else set()


def _abbreviation(tokens: list[Token], i: int, abbreviations: frozenset[str]) -> bool:
    """A title the language lists before the '.' at token i ("Col. Gen. Sergei Rudskoy")."""
    return bool(i) and tokens[i - 1].kind == WORD and tokens[i - 1].norm in abbreviations


def _initial(tokens: list[Token], i: int) -> bool:
    """ "William J. Burns", "президент В. Зеленский": a capital letter alone before the '.' at
    token i, after a word, is a name's initial, not a sentence's last word."""
    if i < 2:
        return False
    letter, before = tokens[i - 1], tokens[i - 2]
    return (
        letter.kind == WORD and len(letter.raw) == 1 and letter.raw.isupper() and letter.end == tokens[i].start
        and before.kind == WORD
    )  # fmt: skip


#: the dashes text writes (hyphen, en, em and figure dash, minus): between a statement's term and
#: its figure, in date ranges, and before a quoted speaker's words after a full stop
DASHES = frozenset("-–—‒−")


def split_sentences(tokens: list[Token], abbreviations: frozenset[str] = frozenset()) -> list[tuple[int, int]]:
    """Sentence boundaries as (first token index, end token index).

    A sentence ends at a line break, at '!' '?' ';' '؟' '。' '।' (danda), at the Armenian, Ethiopic,
    Urdu, Khmer and Myanmar full stops '։' '።' '۔' '។' '။', and at '.' followed by a capital
    letter, a quote, a dash and a capital (a quoted speaker's words: "… żołnierzy. - Strona …") or a
    letter of a caseless script (Arabic, Persian, CJK, Thai…).  A '.' before a
    digit or a lower-case word is an abbreviation ("тис. 400", "ok. tysiąca") and does not end a
    sentence; so is one after a title the language lists (``abbreviations``: "Col. Gen. Sergei
    Rudskoy") or after a name's initial ("William J. Burns").
    """
    bounds: list[tuple[int, int]] = []
    start = 0
    n = len(tokens)
    soft = _soft_wraps(tokens)
    for i, tok in enumerate(tokens):
        if i - start >= MAX_SENTENCE_TOKENS:
            # no real sentence is this long; cutting keeps every per-sentence step bounded
            bounds.append((start, i))
            start = i
        if i > start and tok.nl_before and i not in soft:
            bounds.append((start, i))
            start = i
        if tok.raw in _UNSPACED_STOPS:  # tokenised as letters of their script, one per token
            bounds.append((start, i + 1))
            start = i + 1
            continue
        if tok.kind != PUNCT:
            continue
        ch = tok.raw
        end = False
        if ch in "!?;؟。！？।॥։።۔":
            end = True
        elif ch == "." and (_abbreviation(tokens, i, abbreviations) or _initial(tokens, i)):
            end = False
        elif ch in ".…" and i + 1 < n and not _ordinal_date(tokens, i):
            nxt = tokens[i + 1]
            first = nxt.raw[0]
            # a capital or a letter of a caseless script (Arabic, Devanagari, CJK, Thai…) starts a sentence
            end = nxt.nl_before or (nxt.kind == WORD and first.isalpha() and not first.islower())
            end = end or (nxt.kind == PUNCT and first in "\"'«“„‘(")
            if not end and nxt.raw in DASHES and i + 2 < n:  # "… żołnierzy. - Strona ukraińska …": a quote's dash
                after = tokens[i + 2]
                end = after.kind == WORD and after.raw[0].isalpha() and not after.raw[0].islower()
        elif ch in ".…" and i + 1 >= n:
            end = True
        if end:
            bounds.append((start, i + 1))
            start = i + 1
    if start < n:
        bounds.append((start, n))
    return bounds
