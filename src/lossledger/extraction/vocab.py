"""Per-language vocabulary: loading, validation, and the phrase index used to find cues.

Each language is one data file, ``extraction/vocab/<lang>.toml`` (like dateparser's per-language
``date_translation_data``), so a new language touches no Python.  Sections:

- ``[language]``: ``strip_prefixes`` (clitics glued to words, e.g. Arabic و ال ب), ``number_after_term``
  (number words may follow the noun: Arabic "غواصة واحدة"), ``term_before_number`` (any number may
  follow its noun directly: Chinese "坦克1135辆", Korean "전차 11,135대"), ``particles`` (topic
  and subject particles between such a noun and its number: Japanese "戦車は4006台"),
  ``object_prepositions`` (a source named right after them is what the sentence is about, not who
  speaks: "a contract *with* the Russian defence ministry", "einen Vertrag *mit* dem …"),
  ``agent_prepositions`` (the side named right after them did what the passive verb says, so it
  is not the side that lost: "31 tanks destroyed *by* Kyiv", "détruits *par* les forces
  ukrainiennes"),
  ``possessives`` (a particle joining an owner to the noun after it: Chinese "的", Japanese "の":
  Ukraine's forces before it and a word of loss own the loss, "乌克兰军队的损失", and do not speak),
  ``relatives`` (relative pronouns: a country before ", que" and a word of saying speaks: "Ucrania,
  que aseguraba …", "Moscow, which said …"),
  ``verb_final`` (the verb closes its clause, after the figures: Persian, Turkish, Japanese),
  ``verb_first`` (the verb may stand before its subject: Arabic "أعلنت روسيا …", and the
  verb-second languages after an opening phrase: German "Insgesamt gibt die Ukraine … an"),
  ``participle_final`` (a compound tense's participle closes its clause, after the figures: German,
  Dutch: "die ukrainische Armee soll 1,5 Millionen Menschen verloren haben"),
  ``genitive_before`` (an owner stands before its noun, so a country after a figure's noun is a
  place: Finnish "sotilasta Ukrainassa"), ``conjunctions`` (joining list items),
  ``articles`` (words that may stand between a qualifier and its number), ``function_words``
  (short words every sentence has: they narrow language detection), ``confusable`` (languages
  sharing most of those words: lingua decides between them), ``suffixes`` (case and number
  endings stripped before look-up, for a language no lemmatiser or stemmer covers),
  ``abbreviations`` (titles before a name whose full stop ends no sentence: "Col.", "gen.", "Sr."),
  ``indefinite`` (indefinite articles that are no number word, which count one before a noun in
  a list of figures: "119 vehicles and *a* helicopter"), ``bare_noun_one`` (the language has no
  articles, so a noun named in such a list without a number counts one: "втратили танк, 25
  артилерійських систем"; implicit.py).
- ``[numbers]``: ``words`` (value of each number word), ``scales`` (thousand, млн, bin, ألف, 万),
  ``connectors`` ("and", "و"), ``half`` ("and a half", "e mezzo"), ``half_before`` (a half
  before its number: "साढे १३ हजार", thirteen and a half thousand), ``counters`` (classifiers
  between a number and its noun: 辆, 架, 명, 대; a lone numeral character counts only before one),
  ``range_words`` (words joining the two ends of a range: "to", "bis", "до"; dashes need none),
  ``between`` (a word before a range whose ends "and" joins: "between", "entre", "zwischen").
- ``[metrics]``: phrases naming each taxonomy metric; ``[weak_metrics]`` phrases that name it only
  in a loss context ("people").  Every key must be a taxonomy metric (checked on load).
- ``[qualifiers]``: ``about``, ``more_than`` (before the number), ``about_after``, ``more_than_after``.
- ``[kind]``: ``increase`` and ``total`` cues, ``increase_near`` ("another", "six *more* tanks"),
  ``altogether`` (total words that sum within a period their clause names: "insgesamt", "in total"),
  ``anaphora`` ("of them"), ``periods`` (cue -> ISO period), ``period_prefix`` ("over the past"),
  ``running_total`` ("bringing the total to": the bare number after it is the total of the figure
  before, which is a new loss), ``respectively`` (bare totals map to the figures before, in order),
  ``to_total`` ("rose by 1,210 *to* 400,300": the figure after it is the new total), ``record``
  ("the highest daily losses since the invasion": a record day's figure is first reported on the
  earliest report that holds it; verify/fingerprint.py prefers that date among equal fits),
  ``continuing`` (a sentence's opening "in addition", "darüber hinaus": its figures with no cue
  of their own continue the period of the sentence before).
- ``[sources]``: attribution cues per source (``ua-official`` = Ukrainian officials, who give
  ``ukraine-own`` for Ukraine's losses and ``other`` for Russia's; ``air-force``: the Air Force's
  overnight interception counts, which are not the General Staff's loss statistics; ``anaphor``:
  "the ministry", "das Ministerium", which name the source named last before them; ``sector``:
  words naming one front sector, "напрямок", "direction": a list in its clause is that sector's
  tally, not the daily statement; ``all_sectors``: the whole front, "на всіх напрямках").
- ``[side]``: cues that the figures are Ukraine's losses (``ukraine``) or Russia's (``russia``);
  ``russian_adjectives``/``ukrainian_adjectives`` on the figure's own noun ("2,049 Russian tanks");
  ``enemy`` ("the enemy", "противник") is the side opposite the speaker: Russia's losses when
  Ukraine speaks, Ukraine's when the Russian MoD does.
- ``[framing]``: ``death``, ``loss``, ``wounded`` words; ``launch`` words of attacks, not losses;
  ``lost``: verbs whose subject is the side that lost ("ВСУ … лишились", not "ЗСУ знищили");
  ``won``: verbs whose subject destroyed what it counts ("l'armée russe a supprimé 293 avions");
  both are words of loss too, without being listed under ``loss``
  ("launched 145 drones").
- ``[nonclaims]``: nouns and markers of numbers that are not loss figures, by reason.
- ``[dates]``: month/weekday names beyond Babel's, ``as_of``, ``range_from``/``range_to``,
  ``previous_day``, ``today``, ``yesterday`` cues, other ``relative`` phrases ("two days
  ago", "позавчора") that dateparser resolves against the publication date, and ``during``
  (``during_after``): words before (after) a month or a year that make it a period ("in December"),
  ``said``: words of saying, which make a month next to them the date of a statement, and
  ``said_endings``: the active endings that may follow one where the verb closes its sentence
  ("発表*した*"; not the passive "伝え*られる*");
  ``according``: words of saying that stand before their speaker ("according to", "selon", "laut");
  ``citing``: words by which one speaker relays another, named after them ("Ukrinform, *citing*
  the Joint Forces", "*со ссылкой на* Генштаб"): the one cited speaks for the figures;
  ``cited_by``: words after which the speaker that relays another is named ("the General Staff's
  figures *cited by* the British ministry"): the one named before speaks;
  ``overnight``: words of the night just past ("overnight", "вночі", "nella notte"): drones and
  missiles counted in their sentence are an air force's interceptions, not the daily statement's;
  ``told_back``: words that open a sentence by pointing back to the one before as what its source
  said ("Това заяви …", "Про це повідомив …", "This was stated by …");
  ``during_suffixes``: case endings that say "in" on a month itself (Finnish "lokakuussa");
  ``day_links``: words between a day number and its month ("24 *de* febrero", "24*th* of"),
  ``day_marks``: the mark after a day number where the language writes one ("14*일*", "14*日*"),
  ``year_links``: words between a month and its year ("febrero *de* 2024", "лютого *року*"),
  ``year_words``: the word "year" between a "during" word and the year's number ("pada *tahun* 2024").

A phrase is written as text, its words in any form (normally the lemma): words are looked up by
their key (lemma, then Snowball stem: normalise.py), so "танк" matches "танків" and "танками".
A word ending in ``*`` matches any word starting with it; ``=word`` matches only as written;
``*word`` may also end a compound ("*raketenwerfer" in "Mehrfachraketenwerfersysteme").  Side
cues match as written: their case says whose losses they are.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from ..errors import SchemaError
from ..taxonomy import metric_names, statement_wording
from .normalise import Normaliser, normaliser
from .tokens import NUM, PUNCT, TRADITIONAL_TABLE, WORD, Token, fold, to_ascii_digits, tokenize

__all__ = ["Lexicon", "Match", "Vocab", "available_languages", "lexicon", "load_vocab", "vocabulary_hash"]

#: ``[dates]`` keys that are phrases marking a date's role (matched as cues, CONTEXT layer).
DATE_CUES = (
    "as_of",
    "range_from",
    "range_to",
    "previous_day",
    "today",
    "yesterday",
    "since",
    "relative",
    "during",
    "during_after",
    "said",
    "according",
    "citing",
    "cited_by",
    "overnight",
    "told_back",
)

#: Section -> allowed keys (None: any key, validated separately).
_SCHEMA: dict[str, set[str] | None] = {
    "language": {
        "code",
        "name",
        "strip_prefixes",
        "number_after_term",
        "term_before_number",
        "particles",
        "object_prepositions",
        "agent_prepositions",
        "relatives",
        "possessives",
        "adjective_after_noun",
        "verb_final",
        "participle_final",
        "genitive_before",
        "verb_first",
        "conjunctions",
        "articles",
        "function_words",
        "confusable",
        "suffixes",
        "abbreviations",
        "indefinite",
        "bare_noun_one",
    },
    "numbers": {"words", "scales", "connectors", "half", "half_before", "counters", "range_words", "between"},
    "metrics": None,
    "weak_metrics": None,
    "qualifiers": {"about", "more_than", "about_after", "more_than_after", "exact"},
    "kind": {
        "increase",
        "total",
        "increase_near",
        "anaphora",
        "periods",
        "period_prefix",
        "running_total",
        "respectively",
        "to_total",
        "altogether",
        "record",
        "continuing",
    },
    "sources": {
        "general-staff",
        "general-staff-weak",
        "statement-header",
        "mediazona",
        "mediazona-weak",
        "oryx",
        "russian-mod",
        "ua-official",
        "other",
        "air-force",
        "anaphor",
        "sector",
        "all_sectors",
    },
    "side": {"ukraine", "russia", "enemy", "russian_adjectives", "ukrainian_adjectives"},
    "framing": {"death", "loss", "wounded", "launch", "lost", "won"},
    "nonclaims": None,
    "dates": {
        "months",
        "weekdays",
        "during_suffixes",
        "day_links",
        "day_marks",
        "year_links",
        "year_words",
        "said_endings",
        *DATE_CUES,
    },
}


@dataclass(frozen=True)
class Vocab:
    """One language's vocabulary as loaded from its TOML file."""

    code: str
    data: dict[str, Any]

    def section(self, name: str) -> dict[str, Any]:
        value = self.data.get(name, {})
        return value if isinstance(value, dict) else {}

    def list(self, section: str, key: str) -> list[str]:
        return list(self.section(section).get(key, []))


def _vocab_dir() -> Any:
    return resources.files(__package__).joinpath("vocab")


@cache
def available_languages() -> tuple[str, ...]:
    """Codes of the languages that have a vocabulary file."""
    names = [p.name for p in _vocab_dir().iterdir() if p.name.endswith(".toml") and not p.name.startswith("_")]
    return tuple(sorted(n[:-5] for n in names))


def _validate(code: str, data: dict[str, Any]) -> None:
    known = set(metric_names())
    for section, value in data.items():
        if section not in _SCHEMA:
            raise SchemaError(f"unknown section [{section}]", code="vocab.section", file=f"{code}.toml")
        allowed = _SCHEMA[section]
        if allowed is not None and isinstance(value, dict):
            extra = set(value) - allowed
            if extra:
                raise SchemaError(
                    f"unknown keys in [{section}]: {sorted(extra)}", code="vocab.key", file=f"{code}.toml"
                )
    for section in ("metrics", "weak_metrics"):
        unknown = set(data.get(section, {})) - known
        if unknown:
            raise SchemaError(
                f"[{section}] names metrics not in the taxonomy: {sorted(unknown)}",
                code="vocab.metric",
                file=f"{code}.toml",
            )


@cache
def load_vocab(code: str) -> Vocab:
    """The vocabulary of language ``code``; :class:`SchemaError` if its file is malformed."""
    path = _vocab_dir().joinpath(f"{code}.toml")
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise SchemaError(f"no vocabulary for language {code!r}", code="vocab.missing") from None
    except tomllib.TOMLDecodeError as exc:
        raise SchemaError(f"malformed vocabulary: {exc}", code="vocab.toml", file=f"{code}.toml") from None
    _validate(code, data)
    return Vocab(code, data)


# --- the phrase index -------------------------------------------------------------------------


@dataclass(frozen=True)
class _Phrase:
    words: tuple[str, ...]  # folded, as written
    keys: tuple[str, ...]  # look-up keys (normalise.py)
    stems: tuple[bool, ...]  # the word ends in '*': any word starting with it
    entry: tuple[str, Any]
    layer: int = 0
    size: int = 1
    head: bool = False  # the first word starts with '*': it may end a compound ("*raketenwerfer")
    keyed: bool = True  # False: its words match only as written
    #: a match of this phrase alone: its categories and their prefixes (``Match``), made once
    cats: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)
    prefixes: frozenset[str] = field(default=frozenset(), hash=False, compare=False)


@dataclass(slots=True)
class Match:
    """A vocabulary phrase found at tokens [start, end): its categories and payloads."""

    start: int
    end: int
    entries: list[tuple[str, Any]]
    _cats: dict[str, Any] = field(default_factory=dict, repr=False)
    #: every category and every prefix of one ending in ':' ("kind:", "kind:increase")
    prefixes: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        if self.prefixes:  # given with ``_cats`` (a one-phrase match: the phrase keeps both;
            return  # they are shared, and nothing changes a match's categories once it is made)
        for c, v in reversed(self.entries):
            self._cats[c] = v  # the first entry of a category wins, as get() promised
        self.prefixes = _prefixes(tuple(self._cats))

    def has(self, category: str) -> bool:
        return category in self._cats

    def get(self, category: str) -> Any:
        return self._cats.get(category)

    def cats(self) -> set[str]:
        return set(self._cats)


@lru_cache(maxsize=4096)
def _prefixes(cats: tuple[str, ...]) -> frozenset[str]:
    """Every category and its part up to each ':' ("kind:", "kind:increase"), and ""."""
    return frozenset({*cats, "", *(c[: i + 1] for c in cats for i, ch in enumerate(c) if ch == ":")})


def _same(word: str) -> str:
    return word


def _phrase_tokens(
    text: str, key: Callable[[str], str]
) -> tuple[tuple[str, ...], tuple[str, ...], tuple[bool, ...], bool, bool]:
    """Words of a vocabulary phrase, folded and as look-up keys; ``word*`` is a prefix and
    ``=word`` matches only as written (neither is keyed); a leading ``*`` marks a compound head."""
    toks = tokenize(to_ascii_digits(text))
    head = bool(toks) and toks[0].kind == PUNCT and toks[0].raw == "*"
    words: list[str] = []
    keys: list[str] = []
    stems: list[bool] = []
    literal = first_literal = False
    for t in toks[1:] if head else toks:
        if t.kind == PUNCT and t.raw == "*" and words:
            stems[-1] = True
            keys[-1] = words[-1]
            continue
        if t.kind == PUNCT and t.raw == "=":
            literal = True
            first_literal = first_literal or not words
            continue
        words.append(t.norm if t.kind != NUM else t.raw)
        keys.append(key(t.norm) if t.kind == WORD and not literal else words[-1])
        stems.append(False)
        literal = False
    return tuple(words), tuple(keys), tuple(stems), head, first_literal


@dataclass(frozen=True, slots=True)
class _Firsts:
    """The phrases one word begins (``Lexicon._firsts``): those any next word may continue (one
    word long, or a prefix second word), and the rest by their second word as written and by key."""

    phrases: tuple[_Phrase, ...]
    always: tuple[int, ...]
    by_word: dict[str, tuple[int, ...]]
    by_key: dict[str, tuple[int, ...]]


#: Layers of the index: matches of different layers may overlap ("Russian soldiers" is a side
#: cue in CONTEXT and holds the metric term "soldiers" in PRIMARY; "has lost" is framing).
PRIMARY, CONTEXT, FRAMING = 0, 1, 2


@dataclass
class Lexicon:
    """Every phrase of a set of vocabularies, indexed by first word for a longest-match scan.

    Hand-written rather than one big regex alternation: Python's ``re`` tries alternatives one
    by one at every position, while this index costs one dictionary look-up per token (cached
    per word form), which keeps extraction above 500 articles per second.
    """

    prefixes: tuple[str, ...] = ()
    exact: dict[str, list[_Phrase]] = field(default_factory=lambda: defaultdict(list))
    keyed: dict[str, list[_Phrase]] = field(default_factory=lambda: defaultdict(list))
    stems: dict[str, list[_Phrase]] = field(default_factory=lambda: defaultdict(list))
    stem_lengths: set[int] = field(default_factory=set)
    heads: dict[str, list[_Phrase]] = field(default_factory=lambda: defaultdict(list))
    head_lengths: set[int] = field(default_factory=set)
    number_after_term: bool = False
    term_before_number: bool = False
    adjective_after_noun: bool = False
    verb_final: bool = False  # the verb closes its clause, after the figures ("… ۱۷۰ سرباز … از دست داده است")
    participle_final: bool = False  # a compound tense's participle closes it ("hat … 1,5 Millionen verloren")
    verb_first: bool = False  # the verb may stand before its subject ("أعلنت روسيا …", "Insgesamt gibt die Ukraine …")
    genitive_before: bool = False  # the owner stands before its noun ("Ukrainan sotilaat"); after it, a place
    bare_noun_one: bool = False  # a list's noun without a number counts one ("танк, 25 артсистем": implicit.py)
    indefinite: frozenset[str] = frozenset()  # the host's articles that count one in a list ("and a helicopter")
    normaliser: Normaliser | None = None
    conjunctions: frozenset[str] = frozenset()
    articles: frozenset[str] = frozenset()
    particles: frozenset[str] = frozenset()  # between a noun and the number after it ("戦車は4006台")
    object_prepositions: frozenset[str] = frozenset()  # a source after them is no speaker ("a contract *with* the MoD")
    agent_prepositions: frozenset[str] = frozenset()  # a side after them acted ("destroyed *by* Kyiv")
    relatives: frozenset[str] = frozenset()  # "Moscú, *que* el viernes afirmó …": the name before speaks
    possessives: frozenset[str] = frozenset()  # owner, particle, noun: "乌克兰军队*的*损失"
    during_suffixes: tuple[str, ...] = ()
    scale_words: frozenset[str] = frozenset()  # the host language's, as listed ("हजार", "ezer")
    range_words: frozenset[str] = frozenset()  # host and English ("to", "bis", "до")
    between: frozenset[str] = frozenset()  # a word opening a range joined by "and" ("between", "entre")
    day_links: frozenset[str] = frozenset()  # host and English ("de", "of", "th")
    day_marks: frozenset[str] = frozenset()  # a day number's mark after it ("14일", "14日")
    year_links: frozenset[str] = frozenset()  # host and English ("de", "року", "r")
    year_words: frozenset[str] = frozenset()  # "tahun", "Jahr", "año": "in the year 2024"
    said: frozenset[str] = frozenset()  # words of saying as listed, host and English ("opplyste")
    said_endings: frozenset[str] = frozenset()  # a closing word of saying's active endings ("した")
    abbreviations: frozenset[str] = frozenset()  # titles whose full stop ends no sentence ("Gen.")
    according_pairs: frozenset[tuple[str, str]] = frozenset()  # the keys of two-word ``according`` ("по данным")
    #: the names of the units of time (CLDR's durations, with their keys) -> "H" "D" "W" "M" "Y"
    time_units: dict[str, str] = field(default_factory=dict)
    _findex: dict[str, _Firsts] = field(default_factory=dict)
    _vcache: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = field(default_factory=dict)

    def joins(self, norm: str) -> bool:
        """Whether a word (its folded form) joins two numbers: "and", "or", "to", "bis", "до"."""
        return norm in self.conjunctions or norm in self.range_words

    def key(self, word: str) -> str:
        return self.normaliser.key(word) if self.normaliser is not None else word

    def time_unit(self, norm: str) -> str | None:
        """The unit of time a word (folded) names, by its form or its key: "H" "D" "W" "M" "Y"."""
        return self.time_units.get(norm) or self.time_units.get(self.key(norm))

    def names_days(self, norm: str) -> bool:
        """Whether a word (folded) is a name of the unit "day" ("днів", "dni", "jours")."""
        return self.time_unit(norm) == "D"

    def add(self, text: str, category: str, payload: Any = None, layer: int = PRIMARY, keyed: bool = True) -> None:
        """Index a phrase; ``keyed=False`` matches its words only as written (side cues: "ukraińskich
        żołnierzy" are Ukraine's losses, "ukraińscy żołnierze" the ones who destroyed something).
        A phrase joined by a zero-width non-joiner is also indexed spaced, as news often types it
        ("سه‌شنبه" and "سه شنبه", Tuesday)."""
        if "\u200c" in text:
            self.add(text.replace("\u200c", " "), category, payload, layer, keyed)
        words, keys, stems, head, literal = _phrase_tokens(text, self.key if keyed else _same)
        if not words:
            return
        phrase = _Phrase(
            words, keys, stems, (category, payload), layer, len(words), head, keyed,
            {category: payload}, _prefixes((category,)),
        )  # fmt: skip
        if head:
            self.heads[keys[0]].append(phrase)
            self.head_lengths.add(len(keys[0]))
        if stems[0]:
            self.stems[words[0]].append(phrase)
            self.stem_lengths.add(len(words[0]))
        else:
            self.exact[words[0]].append(phrase)
            if keyed and not literal:
                self.keyed[keys[0]].append(phrase)
        self._findex.clear()

    def _variants(self, norm: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """The forms a word is looked up by: as written (itself, and without a clitic prefix such
        as Arabic و ال), and their look-up keys (normalise.py)."""
        found = self._vcache.get(norm)
        if found is None:
            surface = [norm]
            for p in self.prefixes:
                if norm.startswith(p) and len(norm) - len(p) >= 2:
                    surface.append(norm[len(p) :])
            keys = tuple(dict.fromkeys(self.key(v) for v in surface))
            found = self._vcache[norm] = (tuple(surface), keys)
        return found

    def _candidates(self, norm: str) -> tuple[_Phrase, ...]:
        """The phrases a word may begin (kept by ``_firsts``)."""
        cands: list[_Phrase] = []
        surface, keys = self._variants(norm)
        for v in surface:
            cands.extend(self.exact.get(v, ()))
            for n in self.stem_lengths:
                if n <= len(v):
                    cands.extend(self.stems.get(v[:n], ()))
        # a word written as the vocabulary writes it wins over one that shares a key; beside a
        # stem's phrases a longer phrase by key is still tried ("Министерства обороны России"
        # beside "министерств* обороны украины"): its other words must match too; beside a word
        # written as listed, only a speaker's name is, its other words as written
        # ("Verteidigungsministeriums der Ukraine" beside "…ministeriums der russischen
        # Föderation", but not "Ukraine gezahlt" for "ukrainischen Zahlen", whose lemmas are alike)
        exact = any(v in self.exact for v in surface)
        found = bool(cands)
        for v in keys:
            for ph in self.keyed.get(v, ()):
                if not found or (ph.size > 1 and not exact and ph not in cands):
                    cands.append(ph)
                elif ph.size > 1 and exact and ph.layer == CONTEXT:
                    cands.append(replace(ph, keyed=False))
        if not cands and self.head_lengths:
            cands.extend(self._compound_heads(norm))
        return tuple(cands)

    def _compound_heads(self, norm: str) -> list[_Phrase]:
        """The longest compound head ending the word ("mehrfachraketenwerfersysteme" ends with
        "raketenwerfersystem"): compared on the key and on the folded form."""
        for v in dict.fromkeys((self.key(norm), norm)):
            for n in sorted(self.head_lengths, reverse=True):
                if n < len(v) and v[-n:] in self.heads:
                    return list(self.heads[v[-n:]])
        return []

    def _firsts(self, norm: str) -> _Firsts:
        """The phrases a word may begin, indexed by their second word (most phrases fail there)."""
        found = self._findex.get(norm)
        if found is None:
            phrases = self._candidates(norm)
            always: list[int] = []
            by_word: dict[str, list[int]] = defaultdict(list)
            by_key: dict[str, list[int]] = defaultdict(list)
            for p, ph in enumerate(phrases):
                if ph.size == 1 or ph.stems[1]:
                    always.append(p)
                    continue
                by_word[ph.words[1]].append(p)
                if ph.keyed:
                    by_key[ph.keys[1]].append(p)
            found = self._findex[norm] = _Firsts(
                phrases,
                tuple(always),
                {w: tuple(ps) for w, ps in by_word.items()},
                {w: tuple(ps) for w, ps in by_key.items()},
            )
        return found

    def scan_layers(self, tokens: list[Token], layers: int = 3) -> list[list[Match]]:
        """Per layer: longest phrase matches, left to right, non-overlapping within the layer."""
        out: list[list[Match]] = [[] for _ in range(layers)]
        free = [0] * layers
        n = len(tokens)
        norms = [t.norm for t in tokens]
        known = self._vcache
        forms = [known.get(v) or self._variants(v) for v in norms]
        breaks = [t.nl_before for t in tokens]
        index = self._findex
        firsts = [index.get(v) or self._firsts(v) for v in norms]
        for i in [i for i, first in enumerate(firsts) if first.phrases]:  # most tokens begin none
            first = firsts[i]
            order: tuple[int, ...] | list[int] = first.always
            if (first.by_word or first.by_key) and i + 1 < n:
                nxt_surface, nxt_keys = forms[i + 1]
                more: list[int] = []
                for v in nxt_surface:
                    more.extend(first.by_word.get(v, ()))
                for v in nxt_keys:
                    more.extend(first.by_key.get(v, ()))
                if more:  # most phrases a word begins fail on the second word: then none is added
                    order = sorted({*first.always, *more})
            phrases = first.phrases
            best: dict[int, tuple[int, list[tuple[str, Any]], _Phrase]] = {}
            for p in order:
                ph = phrases[p]
                layer = ph.layer
                if layer >= layers or free[layer] > i:
                    continue
                k = ph.size
                have = best.get(layer)
                if (have is not None and k < have[0]) or i + k > n:
                    continue
                if k > 1 and not _rest_matches(ph, forms, breaks, i):
                    continue
                if have is None or k > have[0]:
                    best[layer] = (k, [ph.entry], ph)
                elif ph.entry not in have[1]:
                    have[1].append(ph.entry)
            for layer, (k, entries, ph) in best.items():
                if len(entries) == 1:  # one phrase: its categories were worked out when it was added
                    out[layer].append(Match(i, i + k, entries, ph.cats, ph.prefixes))
                else:
                    out[layer].append(Match(i, i + k, entries))
                free[layer] = i + k
        return out

    def scan(self, tokens: list[Token]) -> list[Match]:
        """Matches of the primary layer."""
        return self.scan_layers(tokens, 1)[0]


def _rest_matches(
    ph: _Phrase, forms: list[tuple[tuple[str, ...], tuple[str, ...]]], breaks: list[bool], i: int
) -> bool:
    """Whether words 2.. of ``ph`` match the tokens after i (on one line)."""
    for j in range(1, ph.size):
        if breaks[i + j]:
            return False
        word = ph.words[j]
        surface, keys = forms[i + j]
        if ph.stems[j]:
            if not any(v.startswith(word) for v in surface):
                return False
        elif word not in surface and not (ph.keyed and ph.keys[j] in keys):
            return False
    return True


#: keys of ``[sources]`` that name no source: a front sector, or all of them (attribution.py)
SECTOR_KEYS = {"sector": "sector:one", "all_sectors": "sector:all"}


def _add_section(
    lex: Lexicon,
    vocab: Vocab,
    section: str,
    prefix: str,
    layer: int = PRIMARY,
    *,
    keyed: bool = True,
    categories: dict[str, str] | None = None,
) -> None:
    """Every phrase of ``section`` as ``prefix`` + its key, or as ``categories[key]``."""
    for key, phrases in vocab.section(section).items():
        category = (categories or {}).get(key, f"{prefix}{key}")
        if isinstance(phrases, dict):
            for phrase, payload in phrases.items():
                lex.add(phrase, category, payload, layer, keyed)
        elif isinstance(phrases, list):
            for phrase in phrases:
                lex.add(phrase, category, None, layer, keyed)


def _add_names_after_anaphors(lex: Lexicon, vocab: Vocab, keyed: bool) -> None:
    """A source's name that begins with the last words of an anaphor ("the ministry" +
    "ministry of defence of ukraine", "o ministério" + "ministério da defesa russo") is added with
    the anaphor's first words before it: phrases match leftmost first, so "the Ministry of Defense
    of Ukraine" would otherwise be "the ministry" (whoever was named last) and a bare place."""
    sources = vocab.section("sources")
    anaphors = [a.split() for a in sources.get("anaphor", []) if len(a.split()) > 1]
    for key, phrases in sources.items():
        if key == "anaphor" or key in SECTOR_KEYS:
            continue
        for phrase in phrases:
            words = phrase.split()
            for head in anaphors:
                for n in range(1, len(head)):
                    tail = head[n:]
                    if len(words) > len(tail) and words[: len(tail)] == tail:
                        lex.add(" ".join(head[:n] + words), f"src:{key}", None, CONTEXT, keyed)


def _inflects(lex: Lexicon, word: str) -> bool:
    """Whether a number word's look-up key is a form of it ("тысячи": "тысяча"), not another
    word's lemma: Romanian "mie" (thousand) is also a pronoun whose key, "eu", "noi" (we) shares;
    such a word matches only as written."""
    return all(lex.key(w)[:2] == fold(w)[:2] for w in word.split())


def _add_vocab(lex: Lexicon, vocab: Vocab, keyed: bool = True) -> None:
    """Numbers, metrics, qualifiers, kind and non-claim cues go to the PRIMARY layer; sources,
    sides and date cues to CONTEXT, so that "Russian soldiers" is both a side cue and a metric
    term ("soldiers"); framing words to FRAMING ("Russia has lost" is a side cue *and* says
    "lost").  ``keyed=False`` for a guest vocabulary (English in a Polish text): its words match
    as written, never by a key of the host language ("one" is a form of Polish "on")."""
    nums = vocab.section("numbers")
    for word, value in nums.get("words", {}).items():
        lex.add(word, "numword", value, keyed=keyed and _inflects(lex, word))
    for word, value in nums.get("scales", {}).items():
        lex.add(word, "scale", value, keyed=keyed and _inflects(lex, word))
    if keyed:
        lex.scale_words = frozenset(fold(w) for w in nums.get("scales", {}))
    for word in nums.get("connectors", []):
        lex.add(word, "connector", keyed=keyed)
    for word in nums.get("half", []):
        lex.add(word, "half", keyed=keyed)
    for word in nums.get("half_before", []):
        lex.add(word, "half_before", keyed=keyed)
    for word in nums.get("counters", []):
        lex.add(word, "counter", keyed=keyed)
    _add_section(lex, vocab, "metrics", "metric:", keyed=keyed)
    _add_section(lex, vocab, "weak_metrics", "weak:", keyed=keyed)
    _add_section(lex, vocab, "qualifiers", "q:", keyed=keyed)
    _add_section(lex, vocab, "kind", "kind:", keyed=keyed)
    _add_section(lex, vocab, "nonclaims", "non:", keyed=keyed)
    _add_section(lex, vocab, "sources", "src:", CONTEXT, keyed=keyed, categories=SECTOR_KEYS)
    _add_names_after_anaphors(lex, vocab, keyed)
    side = vocab.section("side")
    for key, name in (("ukraine", "ukraine"), ("russia", "russia"), ("enemy", "enemy")):
        for phrase in side.get(key, []):
            lex.add(phrase, f"side:{name}", None, CONTEXT, keyed=False)
    for key, name in (("russian_adjectives", "russia"), ("ukrainian_adjectives", "ukraine")):
        for phrase in side.get(key, []):
            lex.add(phrase, f"sideadj:{name}", None, CONTEXT, keyed=keyed)
    _add_section(lex, vocab, "framing", "frame:", FRAMING, keyed=keyed)
    framing = vocab.section("framing")
    for phrase in [*framing.get("lost", []), *framing.get("won", [])]:
        lex.add(phrase, "frame:loss", None, FRAMING, keyed)  # a verb of losing or destroying speaks of losses
    dates = vocab.section("dates")
    for key in ("months", "weekdays"):
        for word, value in dates.get(key, {}).items():
            lex.add(word, f"date:{key[:-1]}", value, keyed=keyed)
    for key in DATE_CUES:
        for phrase in dates.get(key, []):
            lex.add(phrase, f"date:{key}", None, CONTEXT, keyed=keyed)


#: Babel's CLDR names of the two countries and their capitals (the capital as the time zone's
#: exemplar city; English has none, so the zone's own name stands for it).
_PLACES = {"russia": ("RU", "Europe/Moscow"), "ukraine": ("UA", "Europe/Kiev")}


def _add_babel_places(lex: Lexicon, code: str, keyed: bool = True) -> None:
    """ "Russia", "Ρωσία", "Москва", "Kyiv" in ``code`` as ``place:russia``/``place:ukraine``
    (CONTEXT layer): a country that speaks ("Russland opplyste", "Moskva navodi") is a source
    (attribution.speaker_cues)."""
    from babel import Locale, UnknownLocaleError

    try:
        loc = Locale.parse(code)
    except (UnknownLocaleError, ValueError):
        return
    for side, (territory, zone) in _PLACES.items():
        city = loc.time_zones.get(zone, {}).get("city") or zone.split("/")[1]
        for name in {loc.territories.get(territory), city}:
            if name:
                lex.add(name, f"place:{side}", None, CONTEXT, keyed=keyed)


def _add_spelled(lex: Lexicon, vocab: Vocab) -> None:
    """Number and scale words num2words spells for the language (spelled.py), below the
    vocabulary's own ``[numbers]``, which wins where both have a word.  They match only as
    spelled (their keys would catch inflected verbs: Italian "sei", six, shares "sono"'s key), and
    not in scripts written without spaces, where one character would be a number everywhere."""
    from .spelled import spelled_numbers
    from .tokens import UNSPACED

    nums = vocab.section("numbers")
    have = {fold(w) for w in (*nums.get("words", {}), *nums.get("scales", {}))}
    words, scales = spelled_numbers(vocab.code)
    for table, category in ((words, "numword"), (scales, "scale")):
        for word, value in table.items():
            if word not in have and not UNSPACED.search(word):
                lex.add(word, category, value, keyed=False)


def _add_babel_dates(lex: Lexicon, code: str, keyed: bool = True) -> None:
    """Month and weekday names of ``code`` from Babel's CLDR data (months in all widths and contexts)."""
    from babel import Locale, UnknownLocaleError

    try:
        loc = Locale.parse(code)
    except (UnknownLocaleError, ValueError):
        return
    for context in ("format", "stand-alone"):
        wide = {name.lower() for name in loc.months[context]["wide"].values()}
        for width in ("wide", "abbreviated"):
            for num, name in loc.months[context][width].items():
                if len(name.rstrip(".")) >= 2:  # "日", "월", "மே" alone stand inside other words
                    lex.add(name.rstrip("."), "date:month", num, keyed=keyed)
                    if name.rstrip(".").lower() not in wide:  # "mar": a date beside a day, else the sea
                        lex.add(name.rstrip("."), "date:abbr", name.rstrip(".").lower(), keyed=keyed)
        # weekdays in full only: their abbreviations are words ("So", so; "mar", sea; "Di")
        for num, name in loc.days[context]["wide"].items():
            if len(name) >= 2:
                lex.add(name, "date:weekday", num, keyed=keyed)


#: counts that bring out every plural form CLDR knows (Arabic's zero, two, few and many; Slavic
#: few and many; fractions' "other")
_PLURAL_SAMPLES = (0, 1, 2, 3, 5, 11, 21, 100, 1.5)
#: the count in a formatted unit ("1,5 дня", "٥ أيام")
_NUMBER_PART = re.compile(r"[\d\s.,\u066b\u066c\u00a0\u202f]*\d[\d\s.,\u066b\u066c\u00a0\u202f]*")


#: CLDR's units of time, each with the letter of its ISO 8601 duration ("H" for hours: PT…H)
_TIME_UNITS = {
    "duration-hour": "H",
    "duration-day": "D",
    "duration-week": "W",
    "duration-month": "M",
    "duration-year": "Y",
}


def _add_babel_units(lex: Lexicon, code: str) -> None:
    """The names of the units of time in every plural form ("день", "дня", "днів"; "month",
    "months"; "miesiąc", "miesięcy"), from Babel's CLDR unit patterns, with their keys: a text's
    count of the war's days dates it (engine.py), and "over the past three months" is a period
    (periods.py).  Not in scripts written without spaces, where one character stands in other
    words; a name two units share is left out."""
    from babel import UnknownLocaleError
    from babel.units import format_unit

    from .tokens import UNSPACED

    units: dict[str, set[str]] = defaultdict(set)
    for unit, letter in _TIME_UNITS.items():
        for count in _PLURAL_SAMPLES:
            try:
                text = format_unit(count, unit, length="long", locale=code)
            except (UnknownLocaleError, ValueError, KeyError):
                return
            name = fold(_NUMBER_PART.sub(" ", text).strip())
            if len(name) >= 2 and " " not in name and not UNSPACED.search(name):
                units[name].add(letter)
                units[lex.key(name)].add(letter)
    lex.time_units = {name: letters.pop() for name, letters in units.items() if len(letters) == 1}


def _add_statement(lex: Lexicon, code: str, keyed: bool = True) -> None:
    """The statement's own line wording (taxonomy.toml) as metric phrases for en/uk/ru."""
    if code not in ("en", "uk", "ru"):
        return
    for wording, name in statement_wording(code).items():
        if name in ("military_auto", "fuel_tanks") and wording in ("vehicles", "fuel tank"):
            continue
        lex.add(wording, f"stmt:{name}", keyed=keyed)


@cache
def lexicon(code: str) -> Lexicon:
    """The phrase index for language ``code``: its vocabulary plus English (for the English words
    every press copies: UAV, MLRS, Oryx, BBC), statement wording and Babel's month and weekday
    names.  A language without a vocabulary file gets English and the statement structure only.

    Building one takes ~60 ms (TOML, Babel's CLDR data); it is kept in the on-disk cache
    (lossledger/derived.py) under a hash of everything it is built from."""
    from .. import derived as disk

    key = _lexicon_key(code)
    stored = disk.load(f"lexicon:{code}", key)
    if isinstance(stored, Lexicon):
        return stored
    lex = _build_lexicon(code)
    disk.store(f"lexicon:{code}", key, lex)
    return lex


@cache
def vocabulary_hash() -> str:
    """A hash of every vocabulary and forms file's name, size and modification time (keys of the
    on-disk caches built from them): a file written since changes it, as it does for make.  Their
    contents (9 MB) would cost a command-line check ~25 ms to read."""
    import hashlib

    digest = hashlib.sha256()
    for folder in (_vocab_dir(), _vocab_dir().joinpath("forms")):
        with os.scandir(str(folder)) as entries:
            for entry in sorted((e for e in entries if e.name.endswith((".toml", ".tsv"))), key=lambda e: e.name):
                stat = entry.stat()
                digest.update(f"{entry.name} {stat.st_size} {stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


#: The modules that turn phrases into keys (every extraction module this one imports; a test checks it).
LEXICON_MODULES = ("vocab.py", "tokens.py", "normalise.py", "spelled.py")


def _lexicon_key(code: str) -> str:
    """A hash of the inputs of a lexicon: vocabulary, forms and taxonomy files, Babel's and
    PyStemmer's versions, and the modules that turn phrases into keys."""
    import hashlib

    import babel
    import Stemmer

    # PyStemmer has no __version__: its extension module's size and time stand for it (reading
    # package metadata costs a command-line check ~15 ms)
    stat = Path(Stemmer.__file__ or "").stat()
    digest = hashlib.sha256(f"{babel.__version__} {stat.st_size} {stat.st_mtime_ns} {vocabulary_hash()}".encode())
    digest.update(resources.files("lossledger").joinpath("taxonomy.toml").read_bytes())
    if TRADITIONAL_TABLE is not None:
        digest.update(TRADITIONAL_TABLE.read_bytes())
    here = Path(__file__).parent
    for module in LEXICON_MODULES:
        digest.update((here / module).read_bytes())
    return digest.hexdigest()


#: the ``[language]`` flags (word order, and whether a bare noun counts one), each a field of
#: ``Lexicon`` of the same name
_LANGUAGE_FLAGS = (
    "number_after_term", "adjective_after_noun", "term_before_number", "verb_final", "participle_final", "genitive_before",
    "verb_first", "bare_noun_one",
)  # fmt: skip


def _build_lexicon(code: str) -> Lexicon:
    own = load_vocab(code) if code in available_languages() else None
    suffixes = tuple(fold(x) for x in own.list("language", "suffixes")) if own else ()
    lex = Lexicon(normaliser=normaliser(code, suffixes))
    codes = [c for c in (code, "en") if c in available_languages()]
    for i, c in enumerate(dict.fromkeys(codes)):
        vocab = load_vocab(c)
        if i == 0:
            lex.prefixes = tuple(fold(p) for p in vocab.list("language", "strip_prefixes"))
            lex.abbreviations = frozenset(fold(w) for w in vocab.list("language", "abbreviations"))
            for flag in _LANGUAGE_FLAGS:
                setattr(lex, flag, bool(vocab.section("language").get(flag, False)))
            lex.during_suffixes = tuple(fold(x) for x in vocab.list("dates", "during_suffixes"))
            lex.indefinite = frozenset(fold(w) for w in vocab.list("language", "indefinite"))
        lex.conjunctions |= {fold(w) for w in vocab.list("language", "conjunctions")}
        lex.articles |= {fold(w) for w in vocab.list("language", "articles")}
        lex.particles |= {fold(w) for w in vocab.list("language", "particles")}
        lex.object_prepositions |= {fold(w) for w in vocab.list("language", "object_prepositions")}
        lex.agent_prepositions |= {fold(w) for w in vocab.list("language", "agent_prepositions")}
        lex.relatives |= {fold(w) for w in vocab.list("language", "relatives")}
        lex.possessives |= {fold(w) for w in vocab.list("language", "possessives")}
        lex.range_words |= {fold(w) for w in vocab.list("numbers", "range_words")}
        lex.between |= {fold(w) for w in vocab.list("numbers", "between")}
        lex.day_links |= {fold(w) for w in vocab.list("dates", "day_links")}
        lex.day_marks |= {fold(w) for w in vocab.list("dates", "day_marks")}
        lex.year_links |= {fold(w) for w in vocab.list("dates", "year_links")}
        lex.year_words |= {fold(w) for w in vocab.list("dates", "year_words")}
        lex.said |= {fold(w) for w in vocab.list("dates", "said")}
        lex.said_endings |= {fold(w) for w in vocab.list("dates", "said_endings")}
        if i == 0:  # "по украинским данным": a side's adjective inside the host language's phrase
            pairs = [fold(w).split() for w in vocab.list("dates", "according")]
            lex.according_pairs = frozenset((lex.key(p[0]), lex.key(p[1])) for p in pairs if len(p) == 2)
        _add_vocab(lex, vocab, keyed=i == 0)
        if i == 0:
            _add_spelled(lex, vocab)
        _add_babel_dates(lex, c, keyed=i == 0)
        _add_babel_places(lex, c, keyed=i == 0)
        _add_statement(lex, c, keyed=i == 0)
    _add_babel_units(lex, code)
    if code not in codes:
        _add_babel_dates(lex, code)
        _add_babel_places(lex, code)
    return lex
