"""What each figure is: kind (total/increase, period), qualifier, source, and whose losses.

Scopes, from the narrowest: the words next to the number ("six *more* tanks", "*близько* 400300",
"(+23)"); its clause (between commas); its sentence (cues before the number; an increase cue at the
end of a list applies back to the list: "1.100 Soldaten, 24 Panzer … an nur einem Tag"); the
previous sentences (a source, once named, holds until another is named: the seed article's
Mediazona paragraph).  A figure nothing attributes is the General Staff's in a text that names the
General Staff, else ``other``.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, replace

from .document import Doc, quotations
from .figures import Candidate
from .model import GENERAL_STAFF, GENERAL_STAFF_CUES
from .periods import year_of
from .tokens import BULLETS, DASHES, NUM, PUNCT, WORD, Token
from .vocab import SECTOR_KEYS, Match

__all__ = ["Cue", "attribute", "collect_cues"]


class CueIndex:
    """Cues grouped by sentence, and the last cue before each sentence (O(1) look-ups)."""

    def __init__(self, cues: list[Cue]) -> None:
        self.cues = cues
        self.by_sentence: dict[int, list[Cue]] = {}
        for q in cues:
            self.by_sentence.setdefault(q.sentence, []).append(q)
        self._sentences = sorted(self.by_sentence)
        #: per sentence, what :func:`_speakers` found
        self.speakers: dict[int, tuple[list[Cue] | None, Cue | None]] = {}
        #: per cue, whether it is the side that lost (:func:`_lost_subject`), asked for every later sentence
        self.lost: dict[Cue, bool] = {}

    def in_sentence(self, s: int) -> list[Cue]:
        return self.by_sentence.get(s, [])

    def last_before(self, s: int) -> Cue | None:
        k = bisect_left(self._sentences, s)
        return self.by_sentence[self._sentences[k - 1]][-1] if k else None

    def subject_before(self, s: int, lost: Callable[[Cue], bool] | None = None) -> Cue | None:
        """The first named cue of the last sentence before ``s`` that has cues outside quotation
        marks: the speaker a next sentence ("Asimismo, ha dicho que …") continues, not a source
        its clauses compare with ("…, compared with the fewer than 6,000 Shoigu admitted") nor
        one its speaker's quote mentions ("“… the Air Force destroyed 13 drones”, it said"), nor
        one that ``lost`` says is the side that lost ("Moscow has lost 284,280 wounded")."""
        k = bisect_left(self._sentences, s)
        while k:
            cues = [q for q in self.by_sentence[self._sentences[k - 1]] if not q.quoted and not (lost and lost(q))]
            if cues:
                return next((q for q in cues if not q.cat.endswith("-weak")), cues[0])
            k -= 1
        return None


@dataclass(frozen=True)
class Cue:
    """A cue found in the text: ``cat`` is its category, ``value`` its payload, tokens [first, last)."""

    first: int
    last: int
    cat: str
    value: object
    sentence: int
    clause: int
    paren: int
    quoted: bool = False


def collect_cues(doc: Doc, prefixes: tuple[str, ...]) -> list[Cue]:
    """Every match of a category starting with one of ``prefixes``, as cues in text order; none
    from a "read also" box or a web address (their words are other articles')."""
    out: list[Cue] = []
    for m in doc.all_matches():
        if doc.aside[m.start] is not None:
            continue
        for cat, value in m.entries:
            if cat.startswith(prefixes):
                out.append(
                    Cue(
                        m.start, m.end, cat, value, doc.sent_of[m.start], doc.clause_of[m.start], doc.paren[m.start],
                        doc.quoted[m.start],
                    )
                )  # fmt: skip
    return out


#: A country that speaks is a source: Russia of its own losses, Ukraine of Russia's (whose figures
#: are the General Staff's when nothing more precise is named, as "Ukraine claims" in the vocabularies).
_SPEAKERS = {"place:russia": "src:russian-mod", "place:ukraine": "src:general-staff-weak"}
#: A side's forces after "according to" speak: "за даними українських військових" (according to
#: the Ukrainian military) names the General Staff's side as the speaker, not as the side that lost.
_SIDE_SPEAKERS = {
    "side:ukraine": "src:general-staff-weak",
    "side:russia": "src:russian-mod",
    "sideadj:ukraine": "src:general-staff-weak",  # "based on Ukraine's data", "according to Ukrainian figures"
    "sideadj:russia": "src:russian-mod",
}


def speaker_cues(doc: Doc) -> list[Cue]:
    """Source cues of a country or its capital followed, at most one word apart, by a word of
    saying ("Russland opplyste 2. mars at 498 …", "η Ρωσία ανακοίνωσε", "Moskva navodi"), or
    after a word of saying that stands before its speaker ("d'après l'Ukraine", "laut Kiew"), or
    opening a headline before its colon ("Ukraine: 73,000 …");
    and of a side's forces after such a word ("за даними українських військових")."""
    out: list[Cue] = []
    n = len(doc.tokens)
    said = {m.start: m for m in doc.matches_in(0, n, "date:said")}
    said_ends = {m.end: m for m in said.values()} if doc.lex.verb_first else {}
    according = {m.end: m for m in doc.matches_in(0, n, "date:according")}

    def speaks(first: int, last: int, cat: str, m: Match) -> None:
        sentence, clause, paren = doc.sent_of[m.start], doc.clause_of[m.start], doc.paren[m.start]
        out.append(Cue(first, last, cat, None, sentence, clause, paren, doc.quoted[m.start]))

    sides = [*doc.matches_in(0, n, "side:"), *doc.matches_in(0, n, "sideadj:")]
    for m, names, side in [
        *((m, _SIDE_SPEAKERS, True) for m in sides),
        *((m, _SPEAKERS, False) for m in doc.matches_in(0, n, "place:")),
    ]:
        cat = next((names[c] for c, _ in m.entries if c in names), None)
        if cat is None:
            continue
        first = _according_to(doc, m, according, side)
        if first is not None:
            speaks(first, m.end, cat, m)
            continue
        if not side and m.has("place:ukraine") and _headline_speaker(doc, m):
            speaks(m.start, m.end + 1, cat, m)
            continue
        # where the verb closes the sentence, the country that opens it speaks ("Ukrayna ise … iddia
        # ediyor"), and so do Ukraine's forces ("ウクライナ軍は … 殺害したと発表した")
        opener = not side or (cat == "src:general-staff-weak" and not m.has("place:ukraine"))
        if opener and doc.lex.verb_final and not doc.aside[m.start] and _closing_said(doc, m, said):
            speaks(m.start, m.end, cat, m)
            continue
        verb = _said_after(doc, m, said)
        # a side's forces speak right before their word ("El ejército ruso dijo …"; not "… si
        # stimano"), or in a relative clause right after them ("El ejército ruso, que también
        # informó el miércoles, afirma …")
        if verb is not None and (
            not side or _forces_speak(doc, _forces_end(doc, m), verb) or _sides_word(doc, m, verb)
        ):
            speaks(m.start, verb.end, cat, m)
        elif not side and doc.lex.verb_first and (verb := _said_before(doc, m, said_ends)) is not None:
            # "أعلنت روسيا تكبيد …", "Insgesamt gibt die Ukraine … an": the verb first, the country speaks
            speaks(verb.start, m.end, cat, m)
    return out


def _sides_word(doc: Doc, m: Match, verb: Match) -> bool:
    """A side's adjective right before a word of saying names that side's word ("Ukraine's
    estimate is much higher", "Ukrainian estimates put …"): the side speaks.  Not where adjectives
    follow their noun: "le chef de l'État ukrainien évoque" is the head of state's word."""
    return verb.start == m.end and not doc.lex.adjective_after_noun and _side_adjective(m) is not None


def _said_before(doc: Doc, m: Match, said_ends: dict[int, Match]) -> Match | None:
    """The word of saying that ends right before a country, maybe past its article ("gibt *die*
    Ukraine"), where the verb may stand before its subject."""
    k = m.start
    if k > 0 and doc.tokens[k - 1].norm in doc.lex.articles:
        k -= 1
    return said_ends.get(k)


def _headline_speaker(doc: Doc, m: Match) -> bool:
    """A country opening its sentence before a colon speaks for what follows, as a headline writes
    it ("أوكرانيا: مقتل 73 ألف جندي روسي", "Ukraine: 73,000 Russian soldiers killed"); asked of
    Ukraine only: "Russie : 1 120 soldats perdus" names the side that lost, not a speaker."""
    return (
        doc.sentence_range(m.start)[0] == m.start
        and m.end < len(doc.tokens)
        and doc.tokens[m.end].raw == ":"
        and not doc.aside[m.start]
    )


def _forces_speak(doc: Doc, end: int | None, verb: Match) -> bool:
    """Whether forces ending at ``end`` speak with ``verb``: it follows them at once, or a relative
    clause opens right after them, past which :func:`_said_after` found it ("El ejército ruso,
    que también informó el miércoles, afirma …")."""
    return end is not None and (verb.start == end or _relative_at(doc, end))


def _relative_at(doc: Doc, k: int) -> bool:
    """Whether a relative clause opens at token ``k``: a comma, then a relative pronoun (", que",
    ", which")."""
    toks = doc.tokens
    return k + 1 < len(toks) and toks[k].raw == "," and toks[k + 1].norm in doc.lex.relatives


def _forces_end(doc: Doc, m: Match) -> int | None:
    """Where a side's forces end: a side's name ("the Russian army") ends with itself; a side's
    adjective names forces only with a word for soldiers ("Украинские военные оценивают",
    "les militaires ukrainiens affirment"), after it or, where adjectives follow, before it, or
    made a noun by its article ("los ucranianos")."""
    if m.cats() & {"side:ukraine", "side:russia"}:
        return m.end
    if m.start and doc.tokens[m.start - 1].norm in doc.lex.articles:
        return m.end  # the adjective made a noun by its article: "los ucranianos hablan de …"
    noun = doc.match_at.get(m.end)
    if noun is not None and noun.has("metric:personnel") and not doc.lex.adjective_after_noun:
        return noun.end
    before = doc.match_at.get(m.start - 1) if m.start else None
    if before is not None and before.end == m.start and before.has("metric:personnel") and doc.lex.adjective_after_noun:
        return m.end
    return None


#: at most this many words of a noun phrase between "according to" and a side's adjective
#: ("secondo *i dati* ucraini", "según *cálculos* ucranianos")
_ACCORDING_GAP = 2


def _according_to(doc: Doc, m: Match, according: dict[int, Match], side: bool) -> int | None:
    """Where the word of saying that makes a country or a side its speaker starts, when one
    stands before it in its clause: right before it ("according to Ukraine"), before the noun a
    side's adjective qualifies ("secondo i dati ucraini"), or around the adjective when the
    phrase takes it inside ("по украинским данным": ``according`` lists "по данным")."""
    clause = doc.clause_of[m.start]
    for k in _ends_before(doc, m.start):
        if k in according and doc.clause_of[according[k].start] == clause:
            return according[k].start
    if not side or not m.cats() & {"sideadj:ukraine", "sideadj:russia"}:
        return None
    toks = doc.tokens
    for gap in range(1, _ACCORDING_GAP + 1 if doc.lex.adjective_after_noun else 1):
        k = m.start - gap
        if k < 1 or toks[k].kind != WORD or doc.clause_of[k] != clause:
            break
        if k in according:
            # "selon le gouvernement ukrainien": a named speaker, not the side's data
            return None if doc.matches_in(k, m.start, "src:") else according[k].start
    if m.start > 0 and m.end < len(toks) and doc.clause_of[m.end] == clause:
        pair = (doc.lex.key(toks[m.start - 1].norm), doc.lex.key(toks[m.end].norm))
        if pair in doc.lex.according_pairs:
            return m.start - 1
    return None


def _said_after(doc: Doc, m: Match, said: dict[int, Match]) -> Match | None:
    """The listed word of saying right after a country or a side's forces (at most one word
    apart, past an aside or a relative pronoun) that makes it the speaker; None when there is none
    or it is not one."""
    after = _past_aside(doc, m.end)
    if _relative_at(doc, after):
        after += 2  # "Ucrania, que aseguraba …", "Moscow, which said …": the relative clause's speaker
    if any(q.end > m.start for q in doc.matches_in(max(0, m.start - _NAME_REACH), m.start, "src:")):
        return None  # "las Fuerzas Armadas de Ucrania situaron": the country ends a source's name
    verb = next((said[k] for k in range(after, after + 2) if k in said), None)
    if verb is None and (timed := _past_time(doc, after)) != after:
        after = timed
        verb = next((said[k] for k in range(after, after + 2) if k in said), None)
    if verb is None or (after == m.end and doc.clause_of[verb.start] != doc.clause_of[m.start]):
        return None
    if doc.aside[m.start] is not None:
        return None  # a "read also" headline speaks of another article
    if any(
        f.start != verb.start and (f.end <= verb.end or f.cats() & {"frame:lost", "frame:won"})
        for f in doc.matches_in(m.start, verb.end + 1, "frame:")
    ):
        # "Russia reportedly lost 820": the country is the side that lost, not a speaker; a noun of
        # loss right after the verb is what it speaks of ("Украинские военные оценивают потери …")
        return None
    if not _listed_said(doc, verb):
        return None  # only the listed (active) forms: "Ukraina anslås", "Rusia juga dicatat" are passive
    if doc.matches_in(verb.end, doc.clause_range(verb.start)[1], "src:"):
        return None  # "… baru Rusia diumumkan oleh Staf Umum AFU": a named source after the verb speaks
    return verb


#: how many tokens before a country a source's name that ends with it may start
_NAME_REACH = 8
#: at most this many tokens in an aside between a speaker and its word of saying
_ASIDE = 5


def _past_aside(doc: Doc, k: int) -> int:
    """Where the words after an aside set off by commas at token ``k`` resume ("Ucrania, por su
    parte, cifró …", "Kyiv, in turn, said …"), else ``k``: only words stand between the commas."""
    toks = doc.tokens
    if k >= len(toks) or toks[k].raw != ",":
        return k
    for j in range(k + 2, min(len(toks), k + 2 + _ASIDE)):
        if toks[j].raw == ",":
            return j + 1
        if toks[j].kind != WORD:
            return k
    return k


#: a day named between a speaker and its word of saying ("Kyiv *on Friday* said", "Russland *am Montag* erklärte")
_TIME_CUES = {"date:weekday", "date:today", "date:yesterday"}


def _past_time(doc: Doc, k: int) -> int:
    """Where the words after a day named at token ``k`` (after a short preposition) resume, else ``k``."""
    toks = doc.tokens
    j = k + 1 if k < len(toks) and toks[k].kind == WORD and len(toks[k].norm) <= 3 else k
    for start in dict.fromkeys((k, j)):
        day = next((m for m in doc.matches_in(start, min(len(toks), start + 3), "date:") if m.start == start), None)
        if day is not None and day.cats() & _TIME_CUES:
            return day.end
    return k


def _listed_said(doc: Doc, verb: Match) -> bool:
    """Whether the words of ``verb`` are one of the language's listed (active) words of saying,
    written with spaces or, in scripts without them, as one ("発表", "说")."""
    return _written(doc, verb.start, verb.end) in doc.lex.said


def _closes(doc: Doc, k: int, end: int) -> bool:
    """Whether tokens [k, end) are nothing or one of the language's active endings of a word of
    saying (``said_endings``)."""
    return k == end or _written(doc, k, end) in doc.lex.said_endings


def _written(doc: Doc, a: int, b: int) -> str:
    """Tokens [a, b) as a listed phrase: their normal forms, a space between those the text
    spaces ("said", "発表", "تسلیم کیا")."""
    toks = doc.tokens[a:b]
    return "".join((" " if i and toks[i - 1].end < t.start else "") + t.norm for i, t in enumerate(toks))


def _closing_said(doc: Doc, m: Match, said: dict[int, Match]) -> bool:
    """Where the verb closes its sentence (``verb_final``), a country that opens it is its speaker
    when a listed word of saying ends it: the figures and their words of loss stand between."""
    a, b = doc.sentence_range(m.start)
    if m.start - a > 1:
        return False
    end = b - 1 if b - 1 > m.end and doc.tokens[b - 1].kind == PUNCT else b
    # the verb's active ending may follow its listed stem ("発表した", "説明している"; not the
    # passive "伝えられる": then no one named speaks)
    verb = next((v for v in said.values() if v.start > m.end and _closes(doc, v.end, end)), None)
    if verb is None or not _listed_said(doc, verb):
        return False
    return not doc.matches_in(m.end, verb.start, "src:")  # a named source inside the sentence speaks


def _ends_before(doc: Doc, start: int) -> list[int]:
    """Where a word before token ``start`` may end: right before it, or before an article and
    its apostrophe ("d'après *l'*Ukraine", "laut *der* Ukraine")."""
    ends = [start]
    k = start
    if k > 1 and doc.tokens[k - 1].raw in ("'", "’") and len(doc.tokens[k - 2].norm) <= 2:
        k -= 2  # an elided article: "l'", "dell'"
    elif k > 0 and doc.tokens[k - 1].norm in doc.lex.articles:
        k -= 1
    if k < start:
        ends.append(k)
    return ends


def _nearest(cues: list[Cue], pos: int) -> Cue | None:
    return min(cues, key=lambda q: abs(q.first - pos), default=None)


# --- kind -------------------------------------------------------------------------------------


def _near_increase(doc: Doc, c: Candidate) -> bool:
    """'another 1,200', 'ще на 1420', 'Ще понад тисяча', 'six more tanks', '300 asker daha'."""
    end = c.first
    for _ in range(2):
        m = doc.match_end.get(end)
        if m is None:
            if end - 1 >= 0 and doc.tokens[end - 1].kind == WORD and len(doc.tokens[end - 1].raw) <= 3:
                end -= 1
                continue
            break
        if m.has("kind:increase_near"):
            return True
        if m.has("q:about") or m.has("q:more_than"):
            end = m.start
            continue
        break
    for start in (c.last, c.term_last if c.term_first >= c.last else -1):  # the words after the figure
        m = doc.match_at.get(start) if 0 <= start < len(doc.tokens) else None
        # not across a line break: "- satu kapal selam\nSelain itu" is the next line's "besides"
        if (
            m is not None
            and m.has("kind:increase_near")
            and doc.tokens[start].raw != "+"
            and not doc.tokens[start].nl_before
        ):
            return True
    return False


def _since_day(q: Cue) -> bool:
    """A period cue of a day the text names ("since January 2024": ``since:2024-01-01``)."""
    return q.cat == "kind:periods" and isinstance(q.value, str) and q.value.startswith("since:")


def _kind_from(cue: Cue) -> tuple[str, str | None]:
    if cue.cat == "kind:total":
        return "total", None
    return "increase", None


def _period_for(kcues: CueIndex, s: int, chosen: Cue) -> tuple[str | None, bool]:
    """(the period of the increase cue ``chosen``, whether it is "the same period" as a total
    named before it: then the figure is a total)."""
    for q in kcues.in_sentence(s):
        if q.cat == "kind:periods" and q.first == chosen.first:
            period = _same_period(kcues, s, q)
            return period, period is None and q.value == "same"
    return None, False


#: how many sentences back "in the same period" looks for the period it means
_SAME_BACK = 2


def _same_period(kcues: CueIndex, s: int, q: Cue) -> str | None:
    """A period cue's value; "in the same period" (the vocabularies' period ``same``) is the period
    named last in its sentence or the two before ("a week … In the same period, 189 guns"), or
    the whole war (None) when that is what was named last ("since the invasion … In the same
    period, 3,570 tanks"), else a day."""
    if q.value != "same":
        return str(q.value)
    named = _antecedent(kcues, s, q)
    if named is None:
        return "P1D"
    return None if named.cat == "kind:total" else str(named.value)


def _antecedent(kcues: CueIndex, s: int, q: Cue) -> Cue | None:
    """The period or total cue "in the same period" at ``q`` refers to (see ``_same_period``)."""
    for t in range(s, s - 1 - _SAME_BACK, -1):
        named = [
            p
            for p in kcues.in_sentence(t)
            if p.first < q.first and (p.cat == "kind:total" or (p.cat == "kind:periods" and p.value != "same"))
        ]
        if named:
            return named[-1]
    return None


def _unnamed_same(kcues: CueIndex, s: int, chosen: Cue) -> bool:
    """Whether the increase cue ``chosen`` is "in this period" with no period named before it."""
    return any(
        q.cat == "kind:periods" and q.first == chosen.first and q.value == "same" and _antecedent(kcues, s, q) is None
        for q in kcues.in_sentence(s)
    )


def _resolve_kind(
    doc: Doc, c: Candidate, kcues: CueIndex, all_cands: list[Candidate], figure_sentences: set[int]
) -> None:
    if c.kind is not None:
        return
    if c.plus or _near_increase(doc, c):
        c.kind, c.kind_near, c.kind_by = "increase", True, "near"
        clause = [
            q
            for q in kcues.in_sentence(doc.sent_of[c.first])
            if q.clause == doc.clause_of[c.first] and q.cat == "kind:periods"
        ]
        c.period = _same_period(kcues, doc.sent_of[c.first], clause[0]) if clause else None
        return
    if _rose_to(doc, c, all_cands):
        c.kind, c.kind_by = "total", "clause"
        return
    s = doc.sent_of[c.first]
    sent = [q for q in kcues.in_sentence(s) if q.cat in ("kind:increase", "kind:total")]
    lo, hi = c.evidence()
    clause_ids = {doc.clause_of[lo], doc.clause_of[max(lo, hi - 1)]}
    local = [q for q in sent if q.clause in clause_ids]
    if any(q.cat == "kind:increase" and not _trails(q, all_cands, c) for q in local):
        # "in the last 24 hours, 55 tanks altogether": "altogether" sums the clause's period (but
        # not one that closes another figure: "6,465 tanks in the past 24 hours and 1,210 in total")
        local = [q for q in local if not (q.cat == "kind:total" and not q.paren and _altogether(doc, q))]
    if any(_since_day(q) and q.last <= c.first for q in kcues.in_sentence(s)):
        # "від початку 2024 року загальні втрати, …, перевищили 421 тисячу": the total since then
        local = [q for q in local if q.cat != "kind:total" or q.paren]
        sent = [q for q in sent if q.cat != "kind:total" or q.paren]
    chosen = _nearest(local, c.first)
    c.kind_by = "clause"
    if chosen is None and _subset_day(doc, c):
        c.kind, c.period, c.kind_by = "increase", "P1D", "subset"
        return
    if chosen is None:
        # cues of an "of which …" clause ("بينها 12 دبابة في يوم السبت وحده") stay in it
        before = [q for q in sent if q.last <= c.first and q.paren == 0 and not _in_subset_clause(doc, q)]
        chosen = max(before, key=lambda q: q.first, default=None)
        c.kind_by = "sentence"
    if chosen is None:
        chosen = _backward_cue(doc, c, sent, all_cands)
        c.kind_by = "trailing"
    if chosen is None and not c.before_total:
        chosen = _period_before(doc, kcues, s, figure_sentences) or _continued_period(doc, kcues, s)
        c.kind_by = "sentence"
    if chosen is None:  # a figure a running total follows is the new loss it adds
        c.kind, c.kind_by = ("increase", "clause") if c.before_total else ("total", "default")
        return
    c.kind = _kind_from(chosen)[0]
    c.kind_gap = max(chosen.first - hi, lo - chosen.last, 0)
    if (
        c.kind == "total"
        and c.kind_gap <= _ALTOGETHER_GAP
        and chosen.last <= lo
        and not chosen.paren
        and _altogether(doc, chosen)
    ):
        c.kind_by = "altogether"  # "a total of 710 … in a day": a sum, not since when (check reads it)
    if c.kind == "increase":
        c.period, since_war = _period_for(kcues, doc.sent_of[chosen.first], chosen)
        if since_war:
            c.kind = "total"  # the same period as a total named before: since the war began
        if c.period in ("P1M", "P1Y"):  # "in May", "in 2024": or the date the figure was stated
            c.kind_by = "period"
        elif _unnamed_same(kcues, doc.sent_of[chosen.first], chosen):
            c.kind_by = "sentence"  # "sur cette période" naming no period before it: its size decides


def _period_before(doc: Doc, kcues: CueIndex, s: int, figure_sentences: set[int]) -> Cue | None:
    """The period a sentence of losses but no figures names right before a sentence of figures
    with no cue of their own, a day since which or a month ("He published the enemy's losses
    since 8 August. According to the data, the enemy lost 17,819 soldiers"); not a count of days,
    which news gives of the war ("the report on the 21 days since 24 February. 13,800 died")."""
    if s == 0 or s - 1 in figure_sentences:
        return None
    if not doc.matches_in(*doc.sentences[s - 1], "frame:loss"):
        return None  # "since June, 350 strikes": a period of something else
    periods = [q for q in kcues.in_sentence(s - 1) if _since_day(q) or (q.cat == "kind:periods" and q.value == "P1M")]
    return periods[-1] if periods and periods[-1].paren == 0 else None


def _continued_period(doc: Doc, kcues: CueIndex, s: int) -> Cue | None:
    """The period of several days the sentence before names, where sentence ``s`` opens with a
    word that continues it (``[kind] continuing``: "Seit Sonntag verloren 4.180 Soldaten ihr Leben.
    Darüber hinaus sollen 87 Schützenpanzer verloren gegangen sein")."""
    first = doc.sentences[s][0]
    if s == 0 or not doc.matches_in(first, min(first + 2, doc.sentences[s][1]), "kind:continuing"):
        return None
    periods = {q.first for q in kcues.in_sentence(s - 1) if q.cat == "kind:periods" and q.value not in ("P1D", "same")}
    named = [q for q in kcues.in_sentence(s - 1) if q.cat == "kind:increase" and q.first in periods]
    return named[-1] if named else None


def _trails(q: Cue, figs: list[Candidate], c: Candidate) -> bool:
    """Whether cue ``q`` comes right after another figure (its number or its noun)."""
    return any(f is not c and q.first - 1 <= max(f.last, f.term_last) <= q.first for f in figs)


#: words (a qualifier, a verb: "insgesamt seien dabei mindestens 1.030") between "altogether" and
#: the figure it sums
_ALTOGETHER_GAP = 3


def _altogether(doc: Doc, q: Cue) -> bool:
    m = doc.match_at.get(q.first)
    return m is not None and m.has("kind:altogether")


def _rose_to(doc: Doc, c: Candidate, cands: list[Candidate]) -> bool:
    """ "rose by 1,210 to 400,300", "зросли на 1 210 до 400 300": after a figure marked as a rise,
    a figure of the same metric introduced by "to", or larger and later in its sentence, is the new
    total."""
    prev = cands.before(c) if isinstance(cands, _Figures) else None
    if prev is None or prev.metric != c.metric or prev.kind_by != "near":
        return False
    m = doc.to_total_ending(c.first)
    if m is not None:
        return prev.last <= m.start
    # "зросли на 3 і склали 23 949 одиниць", "rose by 3 and reached 23,949": the larger figure of
    # the same metric later in the sentence, with no cue of a new loss between, is the total
    return (
        doc.sent_of[prev.first] == doc.sent_of[c.first]
        and c.num.value > prev.num.value
        and not doc.matches_in(prev.last, c.first, "kind:increase")
        and not doc.matches_in(prev.last, c.first, "kind:increase_near")
    )


def _in_subset_clause(doc: Doc, q: Cue) -> bool:
    return bool(doc.matches_in(*doc.clause_range(q.first), "kind:anaphora"))


def _subset_day(doc: Doc, c: Candidate) -> bool:
    """ "of which 4 tanks on Monday" ("بينها 4 دبابات يوم الاثنين"): a part of a total dated to one
    day is that day's increase."""
    lo, hi = doc.clause_range(c.first)
    if not doc.matches_in(lo, hi, "kind:anaphora"):
        return False
    return bool(doc.matches_in(lo, hi, "date:weekday") or doc.matches_in(lo, hi, "date:yesterday"))


def _backward_cue(doc: Doc, c: Candidate, sent: list[Cue], cands: list[Candidate]) -> Cue | None:
    """An increase cue closing the sentence applies back to a list before it, unless its clause
    picks out a part ("of which", "بينها") or has its own total."""
    after = [q for q in sent if q.first >= c.last and q.cat == "kind:increase" and q.paren == 0]
    if not after:
        return None
    cue = after[0]
    lo, hi = _clause_span(doc, cue.first)
    if doc.matches_in(lo, hi, "kind:anaphora"):
        return None
    if hi < len(doc.tokens) and doc.tokens[hi].raw in ("–", "—", "‒", ":"):
        hi = doc.clause_range(hi)[1]  # "за сутки — 950 человек": the cue introduces the next figure
    if any(o.metric == c.metric for o in _cands_between(cands, lo, hi) if o is not c):
        return None  # "… 46.000, con un aumento di 140 unità": the cue is the other figure's
    if any(q.cat == "kind:total" and c.last <= q.first < cue.first for q in sent):
        return None
    return cue


class _Figures(list[Candidate]):
    """The figures of a text in text order, with their first tokens for bisection."""

    def __init__(self, figs: list[Candidate]) -> None:
        super().__init__(figs)
        self.firsts = [c.first for c in figs]

    def before(self, c: Candidate) -> Candidate | None:
        k = bisect_left(self.firsts, c.first)
        return self[k - 1] if k else None


def _cands_between(cands: list[Candidate], lo: int, hi: int) -> list[Candidate]:
    firsts = cands.firsts if isinstance(cands, _Figures) else [c.first for c in cands]
    a, b = bisect_left(firsts, lo), bisect_left(firsts, hi)
    return cands[a:b]


def _clause_span(doc: Doc, i: int) -> tuple[int, int]:
    return doc.clause_range(i)


# --- qualifier --------------------------------------------------------------------------------


def _qualifier_at(doc: Doc, c: Candidate) -> str | None:
    toks = doc.tokens
    end = c.first
    for _ in range(2):
        m = doc.match_end.get(end)
        if m is not None:
            if m.has("q:exact"):
                return "exact"
            if m.has("q:more_than"):
                return "more_than"
            if m.has("q:about"):
                return "about"
        if end - 1 >= 0 and toks[end - 1].kind == WORD and toks[end - 1].norm in doc.lex.articles:
            end -= 1
            continue
        if end - 1 >= 0 and toks[end - 1].raw in ("«", '"', "“", "„", "(", "‒", "—", "–", "-", ":"):
            end -= 1
            continue
        break
    for start in (c.last, c.last + 1, c.term_last):
        m = doc.match_at.get(start) if start >= 0 else None
        if m is not None:
            if m.has("q:more_than_after"):
                return "more_than"
            if m.has("q:about_after"):
                return "about"
    return None


def _coordinated(doc: Doc, prev: Candidate, c: Candidate) -> bool:
    """'mehr als 3000 Panzer und 6000 gepanzerte Fahrzeuge': only a conjunction between."""
    gap = doc.tokens[prev.evidence()[1] : c.first]
    return 0 < len(gap) <= 2 and all(t.norm in doc.lex.conjunctions for t in gap)


# --- sources and sides ------------------------------------------------------------------------


def _speakers(cues: CueIndex, doc: Doc, s: int) -> tuple[list[Cue] | None, Cue | None]:
    """The source cues of sentence ``s`` that may speak for its figures (None: none does, and
    the figures go to the second item), and the subject of the sentences before; the same for
    every figure of the sentence, so it is worked out once per sentence."""
    found = cues.speakers.get(s)
    if found is not None:
        return found
    sent = cues.in_sentence(s)
    last_earlier = cues.subject_before(s, lambda q: _lost_once(cues, doc, q))
    cited = [q for q in sent if _cited(doc, q)]
    if cited:
        sent = cited  # "podała agencja Ukrinform, cytując Operację Sił Połączonych": the one cited speaks
    elif len(relaying := [q for q in sent if _relays(doc, q)]) < len(sent):
        # "les chiffres de l'état-major cités par le ministère britannique": the one cited speaks
        sent = [q for q in sent if q not in relaying]
    # a named source beats "Kyiv" in its sentence; Russia's MoD (often Russia named by its country)
    # does not silence Ukraine's own word of saying ("Die Ukraine spricht von …, Russland meldet …")
    if any(not _weak(q) and q.cat != "src:russian-mod" for q in sent):
        sent = [q for q in sent if not _weak(q)]
    elif sent and last_earlier is not None and last_earlier.cat in _COUNTS and s - last_earlier.sentence == 1:
        # "According to Oryx, 2,000 vehicles … Of these, 1,005 the Ukrainians destroyed": a count
        # project's figures go on in the next sentence, whatever "the Ukrainians" did
        found = cues.speakers[s] = (None, last_earlier)
        return found
    told = _told_after(cues, doc, s) if sent else None  # (with none named, ``_named_next`` reads it)
    if told is not None and not any(_says(doc, q) for q in sent):
        sent = [told]  # "… възлизат на над 1 милион. Това заяви министърът на отбраната на Русия"
    speaking = [q for q in sent if not _suffered(cues, doc, q) and not _spoken_of(doc, q, sent)]
    if speaking:
        sent = speaking  # "Russia's MoD said that the Ukrainian forces suffered 1,630 losses"
    elif sent and all(_lost_once(cues, doc, q) for q in sent):
        # "ВСУ … лишились 1,5 млн": they lost; the speaker is named before, or not at all
        found = cues.speakers[s] = (None, last_earlier)
        return found
    found = cues.speakers[s] = (sent, last_earlier)
    return found


def _told_after(cues: CueIndex, doc: Doc, s: int) -> Cue | None:
    """The source the next sentence names when it opens by pointing back ("Това заяви …", "Про
    це повідомив …", "This was stated by …": ``[dates] told_back``): it spoke sentence ``s``."""
    if s + 1 >= len(doc.sentences):
        return None
    a = doc.sentences[s + 1][0]
    if not doc.matches_in(a, min(a + 3, len(doc.tokens)), "date:told_back"):
        return None
    return next((q for q in cues.in_sentence(s + 1) if not _weak(q)), None)


def _says(doc: Doc, q: Cue) -> bool:
    """Whether a word of saying or of "according to" stands right beside a source's name."""
    lo, hi = max(0, q.first - 4), min(len(doc.tokens), q.last + 3)
    return bool(doc.matches_in(lo, hi, "date:said") or doc.matches_in(lo, hi, "date:according"))


def _lost_once(cues: CueIndex, doc: Doc, q: Cue) -> bool:
    """:func:`_lost_subject`, once per cue of ``cues``."""
    found = cues.lost.get(q)
    if found is None:
        found = cues.lost[q] = _lost_subject(doc, q)
    return found


def _relays(doc: Doc, q: Cue) -> bool:
    """Whether a source is named right after a word that makes it the one relaying another
    (``cited_by``: "cités par", "cited by"), past an article."""
    ends = _ends_before(doc, q.first)
    return any(m.end in ends for m in doc.matches_in(max(0, q.first - 5), q.first, "date:cited_by"))


def _cited(doc: Doc, q: Cue) -> bool:
    """Whether a source is named right after a word of citing (``citing``), past an article or
    a side's adjective ("cytując *ukraińską* Operację Sił Połączonych")."""
    if not doc.matches_in(0, len(doc.tokens), "date:citing"):
        return False
    ends = _ends_before(doc, q.first)
    if any(m.end == q.first for m in doc.matches_in(max(0, q.first - 1), q.first, "sideadj:")):
        ends.append(q.first - 1)
    return any(m.end in ends for m in doc.matches_in(max(0, q.first - 6), q.first, "date:citing"))


def _source_cue(cues: CueIndex, doc: Doc, c: Candidate) -> tuple[Cue | None, bool]:
    """The cue attributing ``c`` and whether it is in the same sentence."""
    sent, last_earlier = _speakers(cues, doc, doc.sent_of[c.first])
    if sent is None:
        return last_earlier, False
    lo, hi = c.evidence()
    # a source named in brackets speaks only for the bracket ("1.030 soldados (… mercenarios Wagner …)")
    sent = [q for q in sent if not q.paren or q.paren == doc.paren[c.first]] or sent
    clause_ids = {doc.clause_of[lo], doc.clause_of[max(lo, hi - 1)]}
    local = [q for q in sent if q.clause in clause_ids]
    if local:
        return min(local, key=lambda q: _gap(q, c)), True
    before = [q for q in sent if q.last <= c.first]
    if before:
        return before[-1], True
    after = [q for q in sent if q.first >= c.last]
    if after:
        return after[0], True
    return last_earlier, False


def _gap(q: Cue, c: Candidate) -> tuple[int, bool]:
    """How far a speaker's words stand from a figure's, edge to edge; of two as far, the one
    before the figure first ("Die Ukraine spricht von 13.500 …, Russland dagegen meldet 500")."""
    after = q.first >= c.last
    return (q.first - c.last if after else c.first - q.last), after


#: sources that count losses item by item: their next sentence usually details their count
_COUNTS = {"src:oryx", "src:mediazona"}


def _suffered(cues: CueIndex, doc: Doc, q: Cue) -> bool:
    """A cue followed at once by a word of loss names the side that lost ("as forças ucranianas
    sofreram…", "Ukrainian forces lost…"), not a speaker, unless a verb of saying stands before
    it.  The air force is never that side: the word after it is what it did ("ukrajinské letectvo
    zostrelilo 20 dronov": shot down)."""
    return (
        (
            q.cat != "src:air-force"
            and bool(doc.matches_in(q.last, min(q.last + 2, len(doc.tokens)), "frame:loss"))
            # a verb of saying before it: "وأوضح بيان صادر عن الهيئة حجم الخسائر" (a statement of the
            # Staff set out the losses' extent), not "secondo cui i russi morti"
            and not doc.matches_in(max(0, q.first - 4), q.first, "date:said")
        )
        or _lost_once(cues, doc, q)
        or _losses_of(doc, q)
        or _destroyed(doc, q)
    )


def _destroyed(doc: Doc, q: Cue) -> bool:
    """Ukraine's forces right after a verb of destroying (``[framing] won``) are what was
    destroyed, not who speaks: "俄军歼灭乌军约30人，击毁2辆装甲战车" (the Russian army wiped out
    about 30 of the Ukrainian army and destroyed 2 armoured vehicles)."""
    return q.cat in _UKRAINE_FORCES and any(
        m.end in (q.first, q.first - 1) for m in doc.matches_in(max(0, q.first - 6), q.first, "frame:won")
    )


def _losses_of(doc: Doc, q: Cue) -> bool:
    """Ukraine's forces right after a word of loss, with at most a linking word or an article
    between ("pierderile forţelor armate ucrainene au depăşit 215.000", "the losses of the
    Ukrainian armed forces"), are whose losses they are, not who speaks ("losses, according to
    the General Staff" speaks)."""
    if q.cat not in _UKRAINE_FORCES:
        return False
    links = doc.lex.day_links | doc.lex.articles
    for m in doc.matches_in(max(0, q.first - 3), q.first, "frame:loss"):
        between = doc.tokens[m.end : q.first]
        if len(between) <= 2 and all(t.kind == WORD and t.norm in links for t in between):
            return True
    return False


def _lost_subject(doc: Doc, q: Cue) -> bool:
    """Ukraine's army or "Kyiv" as the subject of a verb of losing (``[framing] lost``) later in
    its sentence, a few words on, with no punctuation, figure, word of saying, other source,
    country or side between: the side that lost ("ВСУ с начала спецоперации лишились свыше 1,5
    миллиона"), not the speaker ("ЗСУ знищили" destroys; "According to the General Staff, Russia
    lost" speaks; nor one named after "according to", or after Russia in its clause).  Where the
    verb closes its clause (``verb_final``: "ارتش اوکراین … ۱۷۰ سرباز … از دست داده است"),
    figures and the commas of their list may stand between; where a participle does
    (``participle_final``: "soll die ukrainische Armee mehr als 1,5 Millionen Menschen verloren
    haben", "hat der Kreml bereits 2935 Panzer, 5909 Fahrzeuge … verloren"), the object: figures,
    the commas of their list and all, with no other punctuation."""
    if q.cat not in _LOSING_SIDES:
        return False
    ends = _ends_before(doc, q.first)
    if any(m.end in ends for m in doc.matches_in(max(0, q.first - 4), q.first, "date:according")):
        return False  # "Laut Generalstab verlieren die Russen …": named after "according to", it speaks
    clause_lo = doc.clause_range(q.first)[0]
    russia = [*doc.matches_in(clause_lo, q.first, "place:russia"), *doc.matches_in(clause_lo, q.first, "side:russia")]
    if doc.lex.verb_final:  # "러시아가 … 시작한 이래로 우크라이나군은 … 잃었습니다": Russia began, in a phrase of time
        russia = [m for m in russia if not doc.matches_in(m.end, q.first, "date:since")]
    if any(not doc.matches_in(m.end, q.first, "date:said") for m in russia):
        return False  # "die Russland … nach Angaben der Ukraine verloren haben soll": Russia lost
    end = doc.sentence_range(q.first)[1]
    start = _after_abbreviation(doc, q.last, end)  # "Вооруженные силы Украины (ВСУ) потеряли"
    lost = doc.matches_in(start, end, "frame:lost")
    if not lost:
        return False
    verb = lost[0].start
    # an abbreviation in brackets stands aside ("с начала специальной военной операции (СВО)")
    between = [t for k, t in enumerate(doc.tokens[start:verb], start) if not doc.paren[k] and t.raw not in "()"]
    object_first = doc.lex.participle_final and _object_list(between)
    if doc.lex.verb_final:
        if any(t.kind == PUNCT and t.raw not in _LIST_GAP for t in between):
            return False
    elif (
        not object_first
        and not _set_off(doc, start, verb)
        and (
            len(between) > _SUBJECT_GAP
            or any(t.kind == PUNCT or (t.kind == NUM and year_of(t) is None) for t in between)
        )
    ):  # a year may stand between ("ВСУ с 2022 года потеряли")
        return False  # "Россия, по данным ВСУ, потеряла": a clause break or a figure first
    # a word of saying, another source, a country or a side between them, or a country or side
    # right after the verb (its subject in "verlor Russland", "خسرت القوات الروسية")
    near = {cat for m in doc.matches_in(start, end, "") if m.start < lost[0].end + 3 for cat in m.cats()}
    return not any(cat.startswith(("date:said", "src:", "place:", "side:", "sideadj:")) for cat in near)


def _object_list(between: list[Token]) -> bool:
    """Whether the words between a subject and its closing participle are its object: no
    punctuation but the commas of a list of figures, after the first figure."""
    figure = False
    for t in between:
        if t.kind == NUM:
            figure = True
        elif t.kind == PUNCT and (not figure or t.raw not in _LIST_GAP):
            return False
    return True


def _set_off(doc: Doc, start: int, verb: int) -> bool:
    """Whether only a phrase set off by commas stands between a subject and its verb ("O Exército
    ucraniano, desde o início da operação militar especial, perdeu"): no figure, word of saying,
    source, country or side in it."""
    toks = doc.tokens
    if verb - start < 3 or toks[start].raw != "," or toks[verb - 1].raw != ",":
        return False
    inside = toks[start + 1 : verb - 1]
    if any(t.kind == NUM or t.raw in ",;:()" for t in inside):
        return False
    return not any(
        cat.startswith(("date:said", "src:", "place:", "side:"))
        for m in doc.matches_in(start, verb, "")
        for cat in m.cats()
    )


def _after_abbreviation(doc: Doc, k: int, end: int) -> int:
    """Past a bracketed abbreviation of a name that ends at token k ("… Украины (ВСУ)", "the Armed
    Forces of Ukraine (AFU)"): brackets right there holding words only, at most three; else k."""
    close = doc.bracket_end(k, 5)
    if close is None or close > end or close == k + 2:
        return k
    return close if all(t.kind == WORD for t in doc.tokens[k + 1 : close - 1]) else k


def _spoken_of(doc: Doc, q: Cue, sent: list[Cue]) -> bool:
    """Ukraine's forces named after Russia's MoD in its sentence, with no figure between and no
    word of saying of their own, are what Russia's MoD speaks of ("러시아 국방부는 우크라이나군이
    … 잃었다고", "Russia's MoD said the Ukrainian army lost"), not a second speaker ("Moscow admits
    498 dead; Ukraine's army says 5,840")."""
    if q.cat not in _UKRAINE_FORCES or doc.matches_in(max(0, q.first - 1), q.last + 2, "date:said"):
        return False
    return any(
        p.cat == "src:russian-mod"
        and p.last <= q.first
        and not any(t.kind == NUM for t in doc.tokens[p.last : q.first])
        for p in sent
    )


#: at most this many words between Ukraine's forces and their verb of losing
_SUBJECT_GAP = 5


#: cues naming Ukraine's forces: as the subject of "lost" they are the side that lost
_UKRAINE_FORCES = GENERAL_STAFF_CUES
#: the sources that may be the subject of a verb of losing: Ukraine's forces, and Russia named as
#: its ministry's source ("Москва на данный момент потеряла …": Moscow lost, no one spoke)
_LOSING_SIDES = {*_UKRAINE_FORCES, "src:russian-mod"}


def _side(doc: Doc, c: Candidate, scues: CueIndex) -> str:
    return _whose(_side_cue(doc, c, scues), c)


def _whose(side: str, c: Candidate) -> str:
    """A side cue's side for figure ``c``: "the enemy" is the enemy of whoever speaks."""
    if side == "enemy":
        return "ukraine" if c.source == "russian-mod" else "russia"
    return side


#: Sources that report Russia's losses unless the figure's own clause says otherwise.
_RUSSIA_BY_DEFAULT = (GENERAL_STAFF, "mediazona", "oryx", "other")


def _side_cue(doc: Doc, c: Candidate, scues: CueIndex) -> str:
    """Whose losses: an adjective on the figure's noun ("2,049 Russian tanks") decides; then the
    side cues of its clause; a figure of a source that counts Russia's losses is Russia's unless
    its clause says otherwise; else its sentence's cues, then the last one before it."""
    own = _noun_side(doc, c)
    if own is not None:
        c.side_by_noun = True
        return own
    s = doc.sent_of[c.first]
    lo, hi = c.evidence()
    clause_lo, _ = doc.clause_range(lo)
    sent = [q for q in scues.in_sentence(s) if not _agent(doc, q.first)]
    window = [q for q in sent if clause_lo <= q.first <= hi + 3]
    if window:
        return _nearest(window, c.first).cat[5:]  # type: ignore[union-attr]
    if c.source in _RUSSIA_BY_DEFAULT and (c.strong_source or c.source != GENERAL_STAFF or not sent):
        c.side_by_default = True
        return "russia"
    if sent:
        return _nearest(sent, c.first).cat[5:]  # type: ignore[union-attr]
    earlier = scues.last_before(s)
    return earlier.cat[5:] if earlier is not None else "russia"


def _agent(doc: Doc, k: int) -> bool:
    """Whether the side named at token ``k`` is a passive verb's agent, right after "by" (maybe
    with an article): "31 tanks destroyed by Kyiv", "détruits par les forces ukrainiennes"."""
    return any(e and doc.tokens[e - 1].norm in doc.lex.agent_prepositions for e in _ends_before(doc, k))


def _noun_side(doc: Doc, c: Candidate) -> str | None:
    """The side an adjective gives the figure's noun phrase: between the number and its term,
    right before a term that precedes the number, or right after the term where adjectives follow
    their noun ("chars russes")."""
    if c.term_first < 0:
        return None
    span = range(c.last, c.term_first) if c.term_first >= c.last else range(max(0, c.term_first - 2), c.term_first)
    after = [c.term_last] if doc.lex.adjective_after_noun else []
    line = doc.sent_of[c.term_first]
    for k in [*span, *after]:
        if k >= len(doc.tokens) or doc.sent_of[k] != line:
            continue  # a list line's noun takes no adjective from the header above it
        side = _side_adjective(doc.ctx_at.get(k))
        if side is not None:
            return side
    country = _country_after(doc, c.term_last, line)
    if country is not None:
        return country
    # a possessive phrase right before the number, maybe across its qualifier: "यूक्रेन के कम से
    # कम 370 सैनिक" (Ukraine's at least 370 soldiers); one word there is no possessive ("la Russia
    # ha perso in Ucraina 194.430 uomini")
    m = doc.ctx_end.get(doc.before_qualifier(c.first))
    return _side_adjective(m) if m is not None and m.end - m.start >= 2 else None


def _country_after(doc: Doc, k: int, line: int) -> str | None:
    """The country (or Ukraine's forces) named right after a figure's noun: the genitive that
    owns it ("120 tys. żołnierzy Ukrainy", "артиллерии ВСУ"; not across a preposition: "sa
    Ukraine" is in Ukraine)."""
    toks = doc.tokens
    if doc.lex.verb_final:  # "95 విమానాలను ఉక్రెయిన్ కూల్చివేసింది": there the country that follows acts
        return None
    if doc.lex.genitive_before:  # "1 114 380 sotilasta Ukrainassa": the owner came first; after, a place
        return None
    if k >= len(toks) or doc.sent_of[k] != line:
        return None
    m = doc.ctx_at.get(k)
    if m is not None and doc.matches_in(m.end, min(m.end + 2, len(toks)), "date:said"):
        return None  # "900 casualties Ukraine's military said": the speaker, with its comma left out
    for cat, _ in m.entries if m is not None else ():
        if cat in ("place:ukraine", "place:russia"):
            return cat[6:]
        if cat in _UKRAINE_FORCES:  # "26 орудий полевой артиллерии ВСУ"
            return "ukraine"
    return None


def _side_adjective(m: Match | None) -> str | None:
    for cat, _ in m.entries if m is not None else ():
        if cat.startswith("sideadj:"):
            return cat[8:]
    return None


@dataclass
class _Ctx:
    kcues: CueIndex
    srccues: CueIndex
    sidecues: CueIndex
    figure_sentences: set[int]
    default_source: str
    #: (opening, closing, speaker) of quotations whose speaker is named right after them
    quoted_by: list[tuple[int, int, Cue]]


#: how many tokens after a quotation's closing mark its speaker may be named ("”, a transmis
#: Ministerul britanic", "», a déclaré le porte-parole de l'armée")
_QUOTE_TAG = 6


def _quote_speakers(doc: Doc, srccues: CueIndex) -> list[tuple[int, int, Cue]]:
    """Quotations followed by a comma or dash (or closing on a comma), a word of saying and a
    source: the source speaks every sentence of the quotation (a report quoted over several
    paragraphs)."""
    out = []
    toks = doc.tokens
    for first, last in quotations(doc):
        if last + 2 >= len(toks) or not (toks[last + 1].raw in (",", *DASHES) or toks[last - 1].raw == ","):
            continue  # "…», a transmis", "…” – said", and English's comma inside: "…,” said"
        s = doc.sent_of[min(last + 1, len(toks) - 1)]
        near = [q for q in srccues.in_sentence(s) if last < q.first <= last + _QUOTE_TAG and not _weak(q)]
        if near and doc.matches_in(last + 1, min(len(toks), near[0].last + _QUOTE_TAG // 2), "date:said"):
            out.append((first, last, near[0]))
    return out


#: how many sentences of figures a source named after them can speak for
_NAMED_AFTER = 3


def _named_next(ctx: _Ctx, s: int) -> Cue | None:
    """The source of figures named only after them, in the first sentence of no figures of its
    own that follows them and the figure sentences (naming no source) right after them ("Russia
    has lost at least 2,002 tanks. Oryx reported this." — "… 157 tanks in a week. The total is
    above 6,000. This is shown by an analysis of Oryx" — "Про це повідомив … Oryx").  Not
    Russia's MoD: "for the Kremlin, the losses grow worse" names no speaker."""
    for t in range(s + 1, s + 1 + _NAMED_AFTER):
        cues = ctx.srccues.in_sentence(t)
        if t in ctx.figure_sentences:
            if cues:
                return None
            continue
        after = [q for q in cues if not _weak(q) and q.cat != "src:russian-mod"]
        return after[0] if after else None
    return None


def _source_name(cue: Cue | None) -> str | None:
    """The source a cue names ("src:general-staff-weak": "general-staff")."""
    return None if cue is None else cue.cat[4:].removesuffix("-weak")


def _weak(cue: Cue | None) -> bool:
    return cue is not None and cue.cat.endswith("-weak")


#: what an air force's count can hold: what it shoots down (its soldiers' and tanks' losses are
#: the General Staff's to report, or the figure is someone else's)
_SHOT_DOWN = {"uav", "cruise_missiles", "aircraft", "helicopters", "other_equipment", None}

#: Sources that count people only: an equipment figure a sentence later is not theirs
#: (Mediazona's named dead).  Russia's MoD stays: its equipment figures are Ukraine's losses.
_PEOPLE_ONLY = {"mediazona"}


def _apply_source(doc: Doc, c: Candidate, ctx: _Ctx) -> None:
    cue, same_sentence = _source_cue(ctx.srccues, doc, c)
    if not same_sentence:  # inside a quotation whose speaker is named after it
        quoted = next((q for a, b, q in ctx.quoted_by if a < c.first < b), None)
        if quoted is not None:
            cue, same_sentence = quoted, True
    if cue is None:
        cue = _named_next(ctx, doc.sent_of[c.first])
    elif not same_sentence and _lead_in(doc, cue.sentence, doc.sent_of[c.first]):
        same_sentence = True  # a list's items are named by the sentence that opens it
    name = _source_name(cue)
    if cue is not None and not same_sentence and name in _PEOPLE_ONLY and c.metric not in ("personnel", "pow"):
        cue = None  # "Mediazona counts 35,780 dead. … 5,316 tanks were destroyed": not Mediazona's
    elif name == "air-force" and c.metric not in _SHOT_DOWN:
        # "Según la Fuerza Aérea, … 975.000 bajas": the air force counts what it shoots down; the
        # speaker before it goes on ("BBC named 4,515 … One in five served in the air force")
        cue, same_sentence = ctx.srccues.subject_before(doc.sent_of[c.first]), False
        name = _source_name(cue)
        if name == "air-force":
            cue = name = None
    if cue is None:
        c.source, c.strong_source = ctx.default_source, False
    else:
        c.source = GENERAL_STAFF if name == "statement-header" else str(name)
        c.strong_source = same_sentence and not _weak(cue)
    c.side = _side(doc, c, ctx.sidecues)
    if c.side != "ukraine" and not c.side_by_noun and _lost_by_ukraine(doc, c, ctx.srccues):
        c.side = "ukraine"
    if c.side != "ukraine" and not c.side_by_noun and _won_by(doc, c, _RUSSIA_SIDE):
        # "l'armée russe a supprimé 293 avions": Russia counts what it destroyed, Ukraine's losses
        c.side = "ukraine"
        if not c.strong_source:
            c.source = "russian-mod"
    elif c.side == "ukraine" and not c.side_by_noun and _won_by(doc, c, _UKRAINE_SIDE):
        c.side = "russia"  # "le truppe di Kiev hanno eliminato 730 militari": what Ukraine destroyed


#: at most this many list items after the sentence that opens their list with a colon
_LIST_ITEMS = 24


def _lead_in(doc: Doc, opening: int, s: int) -> bool:
    """Whether sentence ``s`` is an item of a list that sentence ``opening`` opens with a colon
    ("Selon l'état-major …, en 2025, les russes ont perdu :" then "– 1 816 chars,"): every
    sentence between starts with a bullet or a number."""
    if not 0 < s - opening <= _LIST_ITEMS:
        return False
    end = doc.sentences[opening][1]
    if doc.tokens[end - 1].raw not in (":", "："):
        return False
    for t in range(opening + 1, s + 1):
        first = doc.tokens[doc.sentences[t][0]]
        if first.raw not in BULLETS and first.kind != NUM:
            return False
    return True


def _won_by(doc: Doc, c: Candidate, side: set[str]) -> bool:
    """Whether a side's forces are the subject of a verb of destroying (``[framing] won``) before
    the figure in its sentence: a phrase naming that side, at most a few words without
    punctuation or figures before the verb ("l’armée russe a éliminé 293 avions")."""
    if doc.lex.verb_final:  # "1.200 Rus askerini etkisiz hale getirdi": a side right before the verb is its object
        return False
    a = doc.sentence_range(c.first)[0]
    for m in doc.matches_in(a, c.first, "frame:won"):
        lo = max(a, m.start - _SUBJECT_GAP - 3)
        # a side counted by a number is what the verb's figure counts, not who destroyed ("720
        # Russian invaders were eliminated …, and 121,480 of them have been killed"); a country
        # right after "since the invasion" is the invader ("Від початку вторгнення Російської
        # Федерації … наші військові знищили"), its forces may be the subject ("since the war
        # began Ukrainian troops have knocked out")
        subjects = [
            x
            for x in doc.matches_in(lo, m.start, "")
            if x.cats() & side
            and not _counted(doc, x.start)
            and not (
                x.cats() <= _COUNTRY_WORDS
                and any(t.end == x.start for t in doc.matches_in(max(0, x.start - _SINCE_REACH), x.start, "kind:total"))
            )
        ]
        if not subjects:
            continue
        between = doc.tokens[subjects[-1].end : m.start]
        # "killed 5,640 Russian troops and destroyed 63 tanks": after "and" the verb goes on with
        # the subject before; the side just named is the first verb's object
        if not any(
            t.kind == NUM or (t.kind == PUNCT and t.raw not in "'’") or t.norm in doc.lex.conjunctions for t in between
        ):
            return True
    return False


def _counted(doc: Doc, k: int) -> bool:
    """Whether the words at token ``k`` are a figure's noun, right after its number maybe past
    a side's adjective ("820 *Russian* occupiers")."""
    while k and (m := doc.ctx_end.get(k)) is not None and "sideadj:" in m.prefixes:
        k = m.start
    return bool(k) and doc.tokens[k - 1].kind == NUM


#: the most tokens of a phrase of time ("since the start of the full-scale invasion") ending
#: right before a country
_SINCE_REACH = 8
#: cues that name Russia's side, and Ukraine's
_RUSSIA_SIDE = {"sideadj:russia", "place:russia", "src:russian-mod", "side:russia"}
_UKRAINE_SIDE = {"sideadj:ukraine", "place:ukraine", "side:ukraine", *_UKRAINE_FORCES}
#: those of them that name a country or its adjective, not its forces
_COUNTRY_WORDS = {c for c in _RUSSIA_SIDE | _UKRAINE_SIDE if c.startswith(("sideadj:", "place:"))}


def _lost_by_ukraine(doc: Doc, c: Candidate, srccues: CueIndex) -> bool:
    """Whether Ukraine's forces are the subject that lost, earlier in the figure's sentence (Russia
    named as the subject that lost, "der Kreml hat … verloren", is Russia's side)."""
    return any(
        q.last <= c.first and q.cat in _UKRAINE_FORCES and _lost_once(srccues, doc, q)
        for q in srccues.in_sentence(doc.sent_of[c.first])
    )


def _resolve_anaphors(cues: list[Cue]) -> list[Cue]:
    """ "The ministry", "das Ministerium", "o ministério" (``[sources] anaphor``) are the source
    named last before them ("the Ukrainian Ministry of Defence wrote … the ministry said that Russia
    had lost 6,819 tanks"); with none before, they name nothing."""
    out: list[Cue] = []
    named: Cue | None = None
    for k, q in enumerate(cues):
        if q.cat == "src:anaphor":
            # "o Ministério da Defesa do Reino Unido": a source named right after it is its own
            after = next((p for p in cues[k + 1 :] if p.cat.startswith("src:")), None)
            own = after is not None and after.sentence == q.sentence and after.first - q.last <= _OWN_NAME
            if named is not None and not own:
                out.append(replace(q, cat=named.cat, value=named.value))
            continue
        if q.cat.startswith("src:") and not _weak(q):
            named = q
        out.append(q)
    return out


#: at most this many words between "the ministry" and a name that makes it that source's
_OWN_NAME = 4


def _named_people(doc: Doc, cues: list[Cue]) -> list[Cue]:
    """A person named right after a source ("речник Генштабу Дмитро Ковальов", "the Russian
    defence ministry, Igor Konashenkov") speaks for it where the text names them again ("–
    додав Ковальов"): a cue of that source at each later mention of the surname (its first
    letters, so that case endings still match)."""
    toks = doc.tokens
    stems: dict[str, Cue] = {}
    for q in cues:
        if not q.cat.startswith("src:") or _weak(q) or q.quoted:
            continue
        k = q.last + (q.last < len(toks) and toks[q.last].raw == ",")
        name = k
        while name < len(toks) and name - k < 3 and _name_word(doc, name) and doc.sent_of[name] == q.sentence:
            name += 1
        if name - k >= 2:  # a first name and a surname
            surname = toks[name - 1].norm
            stems.setdefault(surname[: max(4, len(surname) - 2)], replace(q, first=k, last=name))
    out: list[Cue] = []
    names = [j for j in range(len(toks)) if _name_word(doc, j) and not doc.aside[j]] if stems else []
    for stem, q in stems.items():
        for j in names:
            if j >= q.last and toks[j].norm.startswith(stem):
                out.append(replace(q, first=j, last=j + 1, sentence=doc.sent_of[j], clause=doc.clause_of[j],
                                   paren=doc.paren[j], quoted=doc.quoted[j]))  # fmt: skip
    return out


def _russian_named(doc: Doc, q: Cue) -> bool:
    """Whether a source's name is qualified as Russia's: "Russian air force", "l'armée de l'air
    russe" (the adjective after its noun where the language puts it there): Ukraine's air force
    speaks of what it shot down, Russia's air force is the side that lost."""
    k = q.last if doc.lex.adjective_after_noun else q.first - 1
    m = doc.ctx_at.get(k) if 0 <= k < len(doc.tokens) else None
    return m is not None and m.has("sideadj:russia") and doc.sent_of[k] == q.sentence


#: tokens after a possessor's noun within which a word of saying makes the phrase a speaker
_POSSESSED_SPEAKER = 4


def _object_of(doc: Doc, q: Cue) -> bool:
    """A source named right after a preposition that makes it an object ("einen Vertrag mit dem
    russischen Verteidigungsministerium", "a deal with the Kremlin") is what the sentence is
    about, not who speaks."""
    preps, toks, k = doc.lex.object_prepositions, doc.tokens, q.first
    if not preps or k == 0:
        return False
    if any(m.end in (k, k - 1) for m in doc.matches_in(max(0, k - 5), k, "date:according")):
        return False  # "de acuerdo con el Ejército", "zusammen mit": the preposition ends "according to"
    if toks[k - 1].norm in preps:
        return True
    # past an article ("mit *dem* …", "with *the* …")
    return k > 1 and toks[k - 1].kind == WORD and len(toks[k - 1].norm) <= 3 and toks[k - 2].norm in preps


def _possessor(doc: Doc, q: Cue) -> bool:
    """A name that owns the noun after it ("the Kremlin's weaponry", "Putin's troops") is no
    speaker, unless a word of saying follows that noun ("the Kremlin's spokesman said") or comes
    before the name ("according to Kyiv's figures")."""
    toks = doc.tokens
    k = q.last
    if (
        k + 1 >= len(toks)
        or toks[k].raw not in ("'", "’")
        or toks[k + 1].norm != "s"
        or toks[k].start != toks[k - 1].end
    ):
        return False
    if any(
        m.end == q.first or m.start == q.first for m in doc.matches_in(max(0, q.first - 4), q.last, "date:according")
    ):
        return False  # "according to Kyiv's figures", its cue from "according" on
    return not doc.matches_in(k + 2, min(len(toks), k + 2 + _POSSESSED_SPEAKER), "date:said")


#: tokens after a possessive particle within which the word of loss it joins ends ("의 하루 전사자")
_POSSESSED_GAP = 5


def _owns_loss(doc: Doc, q: Cue) -> bool:
    """Ukraine's forces right after a word of death or casualties in their sentence, maybe past an
    article, own those deaths and do not speak: "korban jiwa angkatan bersenjata Ukraina" (not
    where the owner comes first: there the word after it is its own, "ukrán halottak").  Words of
    loss are left out: the vocabulary's include "figures" and "listed"."""
    toks = doc.tokens
    if q.last + 1 < len(toks) and toks[q.last].norm in doc.lex.possessives:
        # "乌克兰军队的损失超过21.5万人", "우크라이나군의 하루 전사자": the owner, its particle, then
        # the loss, maybe past a word of time
        lo, hi = q.last + 1, min(len(toks), q.last + 1 + _POSSESSED_GAP)
        return bool(doc.matches_in(lo, hi, "frame:loss") or doc.matches_in(lo, hi, "frame:death"))
    if doc.lex.genitive_before or doc.lex.verb_final:
        return False
    ends = _ends_before(doc, q.first)
    lo = max(doc.sentence_range(q.first)[0], q.first - 4)
    return any(
        m.end in ends and not m.has("frame:won") and not doc.tokens[m.end].nl_before
        for m in doc.matches_in(lo, q.first, "frame:death")
    )


def _name_word(doc: Doc, k: int) -> bool:
    """A word written as a name: capitalised, no acronym ("Ковальов", not "ЗСУ"), and no word
    the vocabulary knows ("Ukraine", "Генштабу")."""
    t = doc.tokens[k]
    return (
        t.kind == WORD and len(t.raw) >= 3 and t.raw[0].isupper() and not t.raw.isupper()
        and doc.match_at.get(k) is None and doc.ctx_at.get(k) is None
    )  # fmt: skip


def attribute(doc: Doc, cands: list[Candidate], default_source: str) -> None:
    """Set kind, period, qualifier, source and side on every candidate figure."""
    cues = collect_cues(doc, ("kind:increase", "kind:total", "kind:periods", "src:", "side:"))
    sectors = collect_cues(doc, (SECTOR_KEYS["sector"],))  # where they fought, not who speaks
    # a period right after a month's name dates it ("in februari vorig jaar": February last year)
    months = {m.end for m in doc.matches_in(0, len(doc.tokens), "date:month")}
    cues = [q for q in cues if not (q.cat.startswith("kind:") and q.first in months)]
    speakers = speaker_cues(doc)
    # a side that speaks ("according to the Ukrainian military") is no side that lost
    cues = [q for q in cues if not (q.cat.startswith("side:") and any(s.first <= q.first < s.last for s in speakers))]
    cues = sorted([*cues, *speakers], key=lambda q: q.first)
    # "rzecznik Wschodniego Zgrupowania Sił Zbrojnych Ukrainy", "Повітряні сили Збройних сил
    # України": the forces name the group's owner, and "the agency" after it is the group
    units = {q.last for q in cues if q.cat in ("src:other", "src:air-force")}
    cues = [q for q in cues if not (q.cat in _UKRAINE_FORCES and units.intersection(_ends_before(doc, q.first)))]
    cues = _resolve_anaphors(cues)
    cues = sorted([*cues, *_named_people(doc, cues)], key=lambda q: q.first)
    # "l'armée de l'air russe a également souffert": Russia's air force is the side that lost
    cues = [q for q in cues if not (q.cat == "src:air-force" and _russian_named(doc, q))]
    # "since the Kremlin launched its invasion": a name inside a phrase of time is no speaker
    spans = [(q.first, q.last) for q in cues if q.cat == "kind:total"]
    cues = [q for q in cues if not (q.cat.startswith("src:") and any(a <= q.first and q.last <= b for a, b in spans))]
    cues = [q for q in cues if not (q.cat.startswith("src:") and (_possessor(doc, q) or _object_of(doc, q)))]
    cues = [replace(q, cat="side:ukraine") if q.cat in _UKRAINE_FORCES and _owns_loss(doc, q) else q for q in cues]
    figs = _Figures([c for c in cands if c.reason is None])
    srccues = CueIndex([q for q in cues if q.cat.startswith("src:")])
    ctx = _Ctx(
        CueIndex([q for q in cues if q.cat.startswith("kind:")]),
        srccues,
        CueIndex([q for q in cues if q.cat.startswith("side:")]),
        {doc.sent_of[c.first] for c in figs},
        default_source,
        _quote_speakers(doc, srccues),
    )
    prev: Candidate | None = None
    prev_explicit: str | None = None
    for c in figs:
        c.qualifier = explicit = _qualifier_at(doc, c)
        # the statement marks only personnel as approximate: its qualifier does not carry to equipment
        same_sentence = prev is not None and doc.sent_of[prev.first] == doc.sent_of[c.first]
        coordinated = same_sentence and prev is not None and _coordinated(doc, prev, c)
        if (
            c.qualifier is None
            and coordinated
            and prev_explicit is not None
            and prev is not None
            and prev.metric != "personnel"
        ):
            c.qualifier = explicit = prev_explicit
        if c.qualifier is None and c.num.words_only and c.num.has_scale:
            c.qualifier = "about"  # "ще тисячу", "півтори тисячі", "one million": a round word
        c.qualifier = c.qualifier or "exact"
        if c.parent is None and coordinated and prev is not None and prev.kind_near:
            c.kind, c.kind_near, c.kind_by = "increase", True, "list"
        if c.parent is None:
            _resolve_kind(doc, c, ctx.kcues, figs, ctx.figure_sentences)
        _apply_source(doc, c, ctx)
        prev, prev_explicit = c, explicit
    for c in figs:
        if c.parent is not None:
            _paren_kind(doc, c, ctx.kcues)
    groups = list_groups(doc, figs)  # the lists' items do not move: one grouping serves every step
    _share_list_kinds(groups)
    _headed_lists(doc, figs, groups, ctx)
    _sector_tallies(doc, groups, sectors)
    for c in figs:
        if c.parent is not None:  # "(celkem 5981)" counts the losses of its figure's side
            c.side = c.parent.side


_LIST_GAP = {",", ";", "'", "’", "،", "؛", "、", "，", "；", "-", "–", "—", "•", "·", "*", "(", ")", "+"}


def _sector_tallies(doc: Doc, groups: list[list[Candidate]], sectors: list[Cue]) -> None:
    """Figures of a list whose clause names one front sector (``[sources] sector``) are that
    sector's tally ("на Покровському напрямку ворог втратив 156 осіб"), even when the General
    Staff reports it: its daily statement counts the whole front ("на всіх напрямках",
    ``all_sectors``, listed so that the shorter phrase does not match there)."""
    if not sectors:
        return
    clauses = {(q.sentence, q.clause) for q in sectors}
    for group in groups:
        if any((doc.sent_of[c.first], doc.clause_of[c.first]) in clauses for c in group):
            for c in group:
                if c.source == GENERAL_STAFF:
                    c.source, c.strong_source = "other", True


def list_groups(doc: Doc, figs: list[Candidate]) -> list[list[Candidate]]:
    """Figures of one list: items next to each other with only separators between them (commas,
    conjunctions, bullets, an item's bracketed increase): "14 ББМ, три артсистеми та 49 БпЛА"."""
    groups: list[list[Candidate]] = []
    prev: Candidate | None = None
    for c in figs:
        if c.parent is not None:
            continue
        if prev is not None and _list_gap(doc, prev.evidence()[1], c.evidence()[0]):
            groups[-1].append(c)
        else:
            groups.append([c])
        prev = c
    return groups


def _list_gap(doc: Doc, lo: int, hi: int) -> bool:
    if hi - lo > 12 or hi < lo:
        return False
    words = 0
    for k in range(lo, hi):
        tok = doc.tokens[k]
        if doc.paren[k] or tok.raw in _LIST_GAP or tok.kind == NUM and doc.paren[k]:
            continue
        if tok.kind == WORD and tok.norm in doc.lex.conjunctions:
            words += 1
            continue
        m = doc.match_at.get(k)
        if m is not None and m.cats() & {"q:about", "q:more_than", "counter", "non:unit_words"}:
            continue  # "8.5대, 18.6대": a counter or a unit word ends an item
        return False
    return words <= 2


def _share_list_kinds(groups: list[list[Candidate]]) -> None:
    """An item marked as a new loss ("ще один танк", "six more tanks") makes the list's items that
    no cue of their own speaks of new losses too; an item whose noun says whose losses it is
    ("ein ukrainisches Schützenpanzerfahrzeug, vier gepanzerte Kampffahrzeuge") says it for the
    items whose nouns do not."""
    for group in groups:
        if len(group) < 2:
            continue
        if any(c.kind_by == "near" for c in group):
            for c in group:
                if c.kind_by == "default":
                    c.kind, c.kind_by = "increase", "list"
        sides = {c.side for c in group if c.side_by_noun}
        if len(sides) == 1:
            side = sides.pop()
            for c in group:
                c.side = side
        elif not sides and not group[0].side_by_default:
            # "as tropas ucranianas perderam 1.325 militares, dez blindados": the side the first
            # item's clause names is the list's, for items no cue of their own speaks for
            for c in group[1:]:
                if c.side_by_default:
                    c.side = group[0].side


#: a list this long under a header takes the kind of the text right before the header
_HEADED_LIST = 3


def _headed_lists(doc: Doc, figs: list[Candidate], groups: list[list[Candidate]], ctx: _Ctx) -> None:
    """A list of figures under a header line ending in a colon, none with a cue of its own, has
    the kind the text before it gives: "… from 27 November to 3 December … / The weapons lost: /
    • 62 tanks; / • 75 artillery systems" are that week's losses.  A side the header names
    ("Perdas de Kiev em 2025:") is the side of the items whose nouns name none, on every bullet line
    under it (``_bullet_runs``).  A list whose items
    carry their day's increase in brackets ("tanks — 7928 (+17) units;") is the statement's list of
    totals, whatever the header: its items without brackets are totals too ("submarines — 1").
    Bullets right after a sentence that names a period of several days take it too ("за три
    зимові місяці … / • 322 танки")."""
    with_increase = {id(c.parent) for c in figs if c.parent is not None and c.plus}
    for group in _bullet_runs(doc, groups):  # the header's side: every bullet line under it
        found = _list_header(doc, group[0]) if len(group) >= _HEADED_LIST else None
        sides = [q for q in ctx.sidecues.in_sentence(found[0]) if q.paren == 0] if found is not None else []
        if sides:
            side = sides[-1].cat[5:]
            for c in group:
                if not c.side_by_noun:
                    c.side = _whose(side, c)
    for group in groups:
        if len(group) < _HEADED_LIST:
            continue
        found = _list_header(doc, group[0])
        if found is None:
            continue
        header, spans_only = found  # bullets after a full stop take only a period of several days
        if any(id(c) in with_increase for c in group):
            continue
        for s in (header, header - 1):
            cues = [q for q in ctx.kcues.in_sentence(s) if q.cat in ("kind:increase", "kind:total") and q.paren == 0]
            if spans_only:  # "за три зимові місяці … 92 850, в середньому 1031 щодня": the span
                cues = [
                    q for q in cues if q.cat == "kind:increase" and _period_for(ctx.kcues, s, q)[0] not in (None, "P1D")
                ]
            if cues:
                chosen = cues[-1]
                kind = _kind_from(chosen)[0]
                period = _period_for(ctx.kcues, s, chosen)[0] if kind == "increase" else None
                # an item with a cue of its own stops it; a first item on a line of its own may
                # have taken the header's ("… потерял:\n\nпочти 29 тысяч военных,\n\n70 танков")
                first = group[0]
                header_own = doc.sent_of[first.first] != header and (first.kind, first.period) == (kind, period)
                if (first.kind_by in ("default", "size") or header_own) and all(
                    c.kind_by in ("default", "size") for c in group[1:]
                ):
                    for c in group:
                        c.kind, c.period, c.kind_by = kind, period, "list"
                break


def _list_header(doc: Doc, first: Candidate) -> tuple[int, bool] | None:
    """The sentence that heads a list: its header line, ending in a colon, or else the sentence
    right before its first bullet (then True: it gives the list only a period of several days)."""
    header = _header_sentence(doc, first)
    if header is not None:
        return header, False
    header = _bullets_after(doc, first)
    return (header, True) if header is not None else None


def _bullet_runs(doc: Doc, groups: list[list[Candidate]]) -> list[list[Candidate]]:
    """Lists joined where bullet lines go on from one to the next: a line whose wording the
    vocabulary lacks ("- 2.495 tanques e veículos blindados de combate;") ends a list of items
    with only separators between them, not the header's list of bullets."""
    out: list[list[Candidate]] = []
    for group in groups:
        if (
            out
            and _on_bullet_line(doc, group[0])
            and _on_bullet_line(doc, out[-1][-1])
            and doc.sent_of[group[0].first] - doc.sent_of[out[-1][-1].first] <= 1
        ):
            out[-1] = [*out[-1], *group]
        else:
            out.append(list(group))
    return out


def _on_bullet_line(doc: Doc, c: Candidate) -> bool:
    """Whether the figure opens a line with a bullet ("- 10 aeronaves;", "• 62 tanks")."""
    j = doc.before_qualifier(c.evidence()[0]) - 1
    return j >= 0 and doc.tokens[j].raw in BULLETS and doc.tokens[j].nl_before


def _bullets_after(doc: Doc, first: Candidate) -> int | None:
    """The sentence right before a list whose first item opens a line with a bullet ("… за три
    зимові місяці … 92 850 …. / • 322 танки; / • 430 ББМ"), which then heads it."""
    j = doc.before_qualifier(first.evidence()[0]) - 1
    return doc.sent_of[j - 1] if j >= 1 and _on_bullet_line(doc, first) else None


def _header_sentence(doc: Doc, first: Candidate) -> int | None:
    """The sentence of the header line a list's first item follows: one ending in a colon."""
    toks = doc.tokens
    j = doc.before_qualifier(first.evidence()[0]) - 1  # ":\n\nпочти 29 тысяч военных"
    while j >= 0 and toks[j].raw in _LIST_GAP:
        j -= 1
    return doc.sent_of[j] if j >= 0 and toks[j].raw in (":", "：") else None


def _paren_kind(doc: Doc, c: Candidate, kcues: CueIndex) -> None:
    """A bracketed number after a figure: '(+23)' is the increase; '(łącznie … 4965)' or a bigger
    bare number is the total, and then the figure before it is the increase."""
    parent = c.parent
    assert parent is not None
    inside = [q for q in kcues.in_sentence(doc.sent_of[c.first]) if q.paren == doc.paren[c.first] and q.paren]
    c.source, c.strong_source, c.side = parent.source, parent.strong_source, parent.side
    c.kind_by = "paren"
    if c.plus or any(q.cat == "kind:increase" for q in inside):
        c.kind = "increase"
        periods = [q for q in inside if q.cat == "kind:periods"]
        c.period = str(periods[0].value) if periods else "P1D"
        if parent.kind == "increase" and parent.kind_by != "near" and parent.period in (None, c.period):
            # "БпЛА за добу – 9 439 (+32 за добу)": the figure the day's loss is bracketed after is the total
            parent.kind, parent.period, parent.kind_by = "total", None, "paren"
        return
    if any(q.cat == "kind:total" for q in inside) or c.num.value > parent.num.value:
        c.kind = "total"
        if parent.kind == "total":
            parent.kind = "increase"
        return
    c.kind = "increase"
