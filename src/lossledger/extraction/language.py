"""Language detection, restricted to the languages we have vocabulary for.

lingua (``lingua-language-detector``, Rust) in its low-accuracy mode: trigram models only,
loaded lazily for the candidate languages of the text's script, so the first detection in a
process costs ~70 ms (py3langid, used before, spent ~0.5 s decompressing its model and importing
numpy — most of a command-line ``check``'s budget) and each later one well under a millisecond.
Restricting it to our languages avoids near-misses such as Ukrainian read as Belarusian.  Only
the first 300 characters are looked at: enough for news copy (all 48 dev texts are recognised),
and it bounds the cost on a 5 MB input.

Loading lingua's models is most of a detection's cost (~12 ms per language; eight languages share
the Latin script), so the candidates are narrowed first by function words — data, in
each vocabulary's ``[language] function_words``: the languages whose words the sample holds, within a third of the
best (distinct words), once the best holds at least three.  One such language is the answer;
among several, lingua decides between them only; when the words say too little (a headline, a
language without a list), lingua decides among all.  ``check`` on an English article
went from ~0.30 to ~0.24 s; all 48 dev texts are detected as before (tests/extraction).

The words decide alone more often than lingua is asked: a language with half as many distinct
words again as the next is the answer unless the two share their words (``[language]
confusable``), and where the first 300 characters hold too few, the first 1,000 are counted.
Beside extraction a lingua call costs ~1 ms (its models leave the CPU caches); on the 1,266
labelled texts it is asked 140 times instead of 435, and one answer changed (ky-c02, now right).
"""

from __future__ import annotations

import re
import tomllib
from collections import Counter
from functools import cache, lru_cache
from importlib import resources
from typing import Any

from .vocab import available_languages

__all__ = ["candidates", "detect_language"]


#: a word, for counting function words: a run of letters (digits, marks and apostrophes split)
_WORD = re.compile(r"[^\W\d_]+")
#: a language keeps its place among the candidates with at least this share of the best's words
_NEAR = 1 / 3
#: distinct function words of the best language needed before the words narrow anything
_SURE = 3
#: the best language is the only candidate with this many times the distinct words of the next
_DECISIVE = 1.5
#: characters whose function words are counted when the first 300 do not decide
_WORDS_SAMPLE = 1000
#: our codes that lingua knows by another ISO 639-1 code (Norwegian: lingua has Bokmål and Nynorsk)
_LINGUA = {"no": "nb"}
_FROM_LINGUA = {"nb": "no", "nn": "no"}
#: kana, CJK ideographs and Hangul: scripts of our languages without function-word lists
_UNLISTED = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


@cache
def _lists() -> tuple[dict[str, frozenset[str]], dict[str, frozenset[str]]]:
    """Each language's ``[language] function_words`` and ``confusable`` (kept in the on-disk
    cache: reading every vocabulary file would cost a command-line check ~1 ms per language)."""
    from .. import derived as disk
    from .vocab import load_vocab, vocabulary_hash

    key = vocabulary_hash()
    stored = disk.load("language-lists", key)
    if isinstance(stored, tuple):
        return stored
    words: dict[str, frozenset[str]] = {}
    confusable: dict[str, frozenset[str]] = {}
    for code in available_languages():
        vocab = load_vocab(code)
        listed = frozenset(w.lower() for w in vocab.list("language", "function_words"))
        if listed:
            words[code] = listed
        others = frozenset(vocab.list("language", "confusable"))
        if others:
            confusable[code] = others
    disk.store("language-lists", key, (words, confusable))
    return words, confusable


def _function_words() -> dict[str, frozenset[str]]:
    """Each language's function words (those with a list)."""
    return _lists()[0]


def _confusable() -> dict[str, frozenset[str]]:
    """Each language's ``[language] confusable``: the languages whose function words it shares
    (Malay and Indonesian, Serbian and Croatian): the words never decide between them."""
    return _lists()[1]


@cache
def _rank() -> dict[str, int]:
    """Each listed language's place: ties among candidates keep this order."""
    return {code: place for place, code in enumerate(_function_words())}


@cache
def _languages_of_words() -> dict[str, tuple[str, ...]]:
    """Each function word and the languages that list it (one look-up per word of a sample)."""
    found: dict[str, list[str]] = {}
    for code, words in _function_words().items():
        for word in words:
            found.setdefault(word, []).append(code)
    return {word: tuple(codes) for word, codes in found.items()}


@cache
def _detector(codes: tuple[str, ...] | None = None) -> Any:
    """A lingua detector for ``codes`` (default: every language we have vocabulary for)."""
    from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

    # only languages we have vocabulary for: a Ukrainian text read as Belarusian would lose its
    # vocabulary, while read as Ukrainian or Russian it keeps almost all of it
    languages = [
        Language.from_iso_code_639_1(getattr(IsoCode639_1, _LINGUA.get(code, code).upper()))
        for code in codes or available_languages()
        if hasattr(IsoCode639_1, _LINGUA.get(code, code).upper())
    ]
    return LanguageDetectorBuilder.from_languages(*languages).with_low_accuracy_mode().build()


def candidates(sample: str, *, decisive: bool = False) -> tuple[str, ...]:
    """Languages the sample's function words point to, best first; () when they say nothing.
    ``decisive``: a language with half as many distinct words again as any other, none of them
    one it is confusable with, is the only candidate (lingua is then not asked; on the 1,266
    labelled texts it chose the same language every time)."""
    if _UNLISTED.search(sample):  # English words in a Chinese text must not make it English
        return ()
    hits: dict[str, int] = {}
    by_word = _languages_of_words()
    for word in set(_WORD.findall(sample.lower())):
        for code in by_word.get(word, ()):
            hits[code] = hits.get(code, 0) + 1
    best = max(hits.values(), default=0)
    if best < _SURE:  # too few to go on (a headline, or a language without a list)
        return ()
    rank = _rank()
    near = sorted((code for code, n in hits.items() if n >= best * _NEAR), key=lambda code: (-hits[code], rank[code]))
    confusable = _confusable().get(near[0], frozenset())
    if decisive and len(near) > 1 and best >= _DECISIVE * hits[near[1]] and not confusable & set(near[1:]):
        return (near[0],)
    return tuple(near)


@cache
def _scripts() -> list[tuple[str, list[tuple[int, int]]]]:
    """(language, code point ranges) of the scripts only one of our languages writes
    (``vocab/_scripts.toml``), in the file's order."""
    text = resources.files(__package__).joinpath("vocab", "_scripts.toml").read_text(encoding="utf-8")
    return [
        (entry["language"], [(int(lo, 16), int(hi, 16)) for lo, hi in entry["ranges"]])
        for entry in tomllib.loads(text).values()
    ]


@lru_cache(maxsize=8192)
def _script_of(ch: str) -> str | None:
    point = ord(ch)
    for code, ranges in _scripts():
        if any(lo <= point <= hi for lo, hi in ranges):
            return code
    return None


def by_script(letters: list[str]) -> str | None:
    """The language of a sample whose letters are mostly in a script only it writes (Greek,
    Georgian, Thai, Tamil…; kana makes Japanese even among kanji)."""
    found = Counter(map(_script_of, [ch for ch in letters if not ch.isascii()]))
    if not found:
        return None
    for code, _ranges in _scripts():  # in the file's order: kana before Han
        inside = found.get(code, 0)
        if inside and (inside * 2 >= len(letters) or code == "ja" and inside * 10 >= len(letters)):
            return code
    return None


def _sample(text: str, size: int) -> str:
    """The first ``size`` characters, without lone surrogates (possible in a JSON string, never
    in decoded UTF-8), which cannot reach lingua."""
    return text[:size].encode("utf-8", "ignore").decode("utf-8")


def detect_language(text: str) -> str:
    """ISO 639-1 code of ``text``'s language; "en" when there is nothing to go on."""
    sample = _sample(text, 300)
    letters = [ch for ch in sample if ch.isalpha()]
    if not letters or (len(letters) < 30 and all(ch.isascii() for ch in letters)):
        return "en"  # too little to go on; Latin-script cues are English-merged everywhere
    script = by_script(letters)
    if script is not None:
        return script
    codes = candidates(sample, decisive=True)
    if len(codes) == 1:
        return codes[0]
    # more words where the first 300 characters hold too few (a statement's list, a headline):
    # lingua, asked otherwise, costs ~1 ms a text beside extraction (its models leave the caches)
    more = candidates(_sample(text, _WORDS_SAMPLE), decisive=True)
    if len(more) == 1:
        return more[0]
    found = _detector(tuple(sorted(codes)) or None).detect_language_of(sample)
    if found is None:
        return "en"
    code = str(found.iso_code_639_1.name.lower())
    return _FROM_LINGUA.get(code, code)
