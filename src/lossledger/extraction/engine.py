"""``extract()``: the pipeline from a text to its claims.

text ─ language ─ tokens/vocabulary matches (document.py) ─ numbers (numbers.py)
     ─ dates (dates.py) ─ candidate figures (figures.py) ─ kind/qualifier/source (attribution.py)
     ─ claims: filtered, merged, dated (here)
"""

from __future__ import annotations

import bisect
import datetime as dt
import gc
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache

from ..errors import InputError
from ..warday import date_of_day
from .asof import resolve_as_of, stated_weekday
from .attribution import attribute, list_groups
from .claims import build_claims
from .dates import INVASION, DateMention, find_dates
from .document import Doc, analyse
from .figures import (
    NO_METRIC,
    REASONS,
    Candidate,
    after_anaphora,
    find_candidates,
    joins_range,
    pair_respectively,
    year_after,
    year_like,
)
from .implicit import add_implicit_ones
from .language import detect_language
from .large import LARGE, extract_large, workers
from .magnitudes import magnitudes
from .model import GENERAL_STAFF, GENERAL_STAFF_CUES, Claim, Extraction, Ignored
from .numbers import RANGE_MARKS
from .periods import period_cues, year_of
from .plausibility import era_hint, settle_kinds
from .statement import is_statement
from .tokens import NUM, PUNCT, WORD
from .unnamed import bare_numbers, unnamed_items
from .vocab import Match

__all__ = ["extract"]

_EQUIPMENT_TERMS = ("metric:", "stmt:")
#: the metrics that count people, not equipment ("getöteten, verletzten und gefangenen Soldaten")
_PEOPLE = ("personnel", "pow")
_MAX_CHARS = 20_000_000


def _published(value: dt.date | str | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value.date() if isinstance(value, dt.datetime) else value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise InputError(
            f"published must be a date or YYYY-MM-DD, not {value!r}", code="input.date", field="published"
        ) from None


@cache
def _known_languages() -> frozenset[str]:
    """Every language code CLDR names (Babel's locale data), less the special codes that name no
    language (undetermined, none, multiple, uncoded).  Any real language is accepted, not only
    those with a vocabulary: vocabularies are added language by language, and the rest degrade."""
    from babel import Locale

    return frozenset(Locale("en").languages) - {"und", "zxx", "mul", "mis"}


def _language(value: str | None) -> str | None:
    """'uk', 'UK', 'uk-UA', 'uk_UA' -> 'uk'; InputError for anything that is no language code."""
    if value is None:
        return None
    code = str(value).replace("_", "-").split("-")[0].strip().lower() if isinstance(value, str) else ""
    if not (code.isascii() and code.isalpha() and 2 <= len(code) <= 3 and code in _known_languages()):
        raise InputError(
            f"language must be an ISO 639-1 code such as 'uk', not {value!r}", code="input.language", field="language"
        )
    return code


def _default_source(doc: Doc, statement: bool) -> str:
    """The General Staff's for a text that names it (even as "Kyiv" or "ВСУ"), is a statement,
    or speaks of "the enemy" (Ukraine's official voice) without naming another source; else other."""
    if statement:
        return GENERAL_STAFF
    named = doc.named_sources()
    if named & {*GENERAL_STAFF_CUES, "src:statement-header"}:
        return GENERAL_STAFF
    enemy = any(m.has("side:enemy") for m in doc.context)
    return GENERAL_STAFF if enemy and not named else "other"


#: kind cues that speak of losses ("to", a to_total word, says nothing by itself)
_LOSS_KINDS = {"kind:increase", "kind:total", "kind:increase_near", "kind:running_total"}


def _speaks_of_losses(doc: Doc, a: int, b: int) -> bool:
    """Whether tokens [a, b) hold a word of loss (or death, launch…) or of a total or new loss."""
    return bool(doc.matches_in(a, b, "frame:")) or any(m.cats() & _LOSS_KINDS for m in doc.matches_in(a, b, "kind:"))


def _loss_context(doc: Doc, c: Candidate) -> bool:
    """Personnel figures need words of loss in their sentence, or in the one before when theirs
    does not speak of troops deployed ("Kiew spricht von 620.350 Soldaten" after "Verluste",
    but not "700,000 troops are at the front")."""
    a, b = doc.sentence_range(c.first)
    ca, cb = doc.clause_range(c.first)
    if doc.matches_in(ca, cb, "non:deployed") and not doc.matches_in(ca, cb, "frame:"):
        return False  # "… managed to mobilise 406,000 people, while their losses came to 418,000"
    if _speaks_of_losses(doc, a, b):
        return True
    if doc.matches_in(a, b, "non:deployed") or a == 0:
        return False
    pa, pb = doc.sentence_range(a - 1)
    return bool(doc.matches_in(pa, pb, "frame:loss") or doc.matches_in(pa, pb, "frame:death"))


def _force_size(doc: Doc, c: Candidate) -> bool:
    """An equipment figure in a sentence (or the brackets it stands in) about forces held, not lost
    ("Russia has about 3,000 tanks in active service", "10–12 thousand are in storage"): words of
    deployment or holding, and no word of loss or of a total or new loss."""
    a, b = doc.sentence_range(c.first)
    group = doc.paren[c.first]
    if group:  # "… destroyed (the army has 2,860 tanks in service, 10,200 more in storage)": the brackets
        while a < c.first and doc.paren[a] != group:
            a += 1
        b = next((k for k in range(c.first, b) if doc.paren[k] != group), b)
    return bool(doc.matches_in(a, b, "non:deployed")) and not _speaks_of_losses(doc, a, b)


def _personnel_context(doc: Doc, c: Candidate) -> bool:
    a, b = doc.sentence_range(c.first)
    if a > 0 and doc.tokens[a - 1].raw == ";" and not doc.matches_in(a, b, "metric:"):
        a = doc.sentence_range(a - 1)[0]  # "… 1210 żołnierzy; łącznie to już 400 300": one thought
    loss = False
    for m in doc.matches_in(a, b, ""):
        cats = m.cats()
        if cats & {"metric:personnel", "stmt:personnel"}:
            return True
        if cats & {"weak:personnel", "frame:death", "frame:loss"}:
            loss = True
    # "Die Zahl der zivilen Opfer … gibt die UN mit 26.717 an": victims who are civilians
    return loss and not doc.matches_in(a, b, "non:civilian")


def _clause_has_equipment(doc: Doc, c: Candidate) -> bool:
    lo, hi = doc.clause_range(c.first)
    for m in doc.matches_in(lo, hi, ""):
        if any(x.startswith(_EQUIPMENT_TERMS) and not x.endswith(_PEOPLE) for x in m.cats()):
            return True
    return False


def _wounded_only(doc: Doc, c: Candidate) -> bool:
    """'210 were wounded', '3 825 odniosło rany': a count of wounded alone is no loss metric
    (but "killed or wounded", "убитими та пораненими" is)."""
    toks = doc.tokens
    end = max(c.last, c.term_last) + 5
    wounded = False
    lo = doc.clause_range(c.first)[0]
    if any(m.end <= c.first for m in doc.matches_in(lo, c.first, "frame:death")):
        return False  # "killed 400 soldiers and wounded 300 others": the 400 were killed
    k = c.first
    while k <= min(end, len(toks) - 1):
        if k >= max(c.last, c.term_last) and toks[k].kind == PUNCT and toks[k].raw in ".;,":
            aside = _including_aside(doc, k) if toks[k].raw == "," else None
            if aside is not None:  # "1.684 orang lainnya, termasuk 116 anak-anak, … luka-luka"
                k, end = aside, aside + 5
                continue
            if toks[k].raw != "," or not any(f.end == k for f in doc.matches_in(max(0, k - 4), k, "frame:")):
                break
            end = k + 5  # "wounded, captured or killed": the list of what befell them goes on
        m = doc.frame_at.get(k)
        if m is not None:
            if m.has("frame:death"):
                return False
            wounded = wounded or m.has("frame:wounded")
        k += 1
    return wounded


#: the most tokens an aside opened by "including" runs to its closing comma
_INCLUDING_REACH = 8


def _including_aside(doc: Doc, k: int) -> int | None:
    """The comma closing an aside that opens after the comma at ``k`` with "including", "among
    them" (``[kind] anaphora``): "…, including 116 children, were wounded"; else None."""
    toks = doc.tokens
    if not any(m.start == k + 1 for m in doc.matches_in(k + 1, min(len(toks), k + 4), "kind:anaphora")):
        return None
    for j in range(k + 2, min(len(toks), k + _INCLUDING_REACH)):
        if toks[j].kind == PUNCT and toks[j].raw in ".;":
            return None
        if toks[j].raw == ",":
            return j + 1
    return None


def _total_stated(doc: Doc, c: Candidate) -> bool:
    """ "o total de militares russos mortos em 34": a small bare number that a clause names as a
    total of a personnel term."""
    lo, hi = doc.clause_range(c.first)
    return bool(doc.matches_in(lo, hi, "kind:total")) and any(
        m.has("metric:personnel") for m in doc.matches_in(lo, hi, "metric:")
    )


def _launched(doc: Doc, c: Candidate) -> bool:
    """ "Russia launched 145 drones overnight": a sentence about an attack and not about losses.

    A word of launching between the first and last figure of a list of three or more is part of
    an item's name the vocabulary lacks ("1,231 launch-pad rocket systems"), not the verb."""
    a, b = doc.sentence_range(c.first)
    lo = bisect.bisect_left(doc.numbers, a, key=lambda n: n.first)
    hi = bisect.bisect_left(doc.numbers, b, lo=lo, key=lambda n: n.first)
    inside = (doc.numbers[lo].last, doc.numbers[hi - 1].first) if hi - lo >= 3 else (b, a)
    launches = [
        m
        for m in doc.matches_in(a, b, "frame:launch")
        if not _in_term(doc, m.start) and not inside[0] <= m.start < inside[1]
    ]
    if not launches:
        return False
    # "En total, … se lanzaron 38 drones": "total" counts, it is no word of loss there
    counting = {k for m in doc.matches_in(a, b, "kind:altogether") for k in range(m.start, m.end)}
    return not any(m.start not in counting for m in doc.matches_in(a, b, "frame:loss"))


#: what an air force shoots down at night (its count of a night is no daily statement's figure)
_INTERCEPTED = {"uav", "cruise_missiles"}


def _overnight(doc: Doc, c: Candidate) -> bool:
    """ "shot down 45 of 60 drones overnight", "nella notte 24 sono stati abbattuti": drones and
    missiles of the night just past (``[dates] overnight``) are an air force's interceptions."""
    return c.metric in _INTERCEPTED and bool(doc.matches_in(*doc.sentence_range(c.first), "date:overnight"))


def _in_term(doc: Doc, k: int) -> bool:
    """Whether token k is part of a metric's name ("launch" in "multiple launch rocket systems")."""
    cov = doc.cover[k]
    return cov is not None and any(x.startswith(_EQUIPMENT_TERMS) for x in cov.cats())


_CIVILIANS = REASONS["civilian"]


def _brackets_other_number(doc: Doc, c: Candidate, prev: Candidate | None) -> bool:
    """Whether ``c`` is the "(+0)" of another number than the last figure's ("RSZV — 1,240 (+0)",
    whose noun the vocabulary lacks): that line's increase, never the line before's."""
    k = c.first - 2 if c.plus else c.first - 1
    toks = doc.tokens
    return k >= 1 and toks[k].raw == "(" and toks[k - 1].kind == NUM and (prev is None or prev.last != k)


def _elided(doc: Doc, c: Candidate, prev: Candidate | None) -> bool:
    """A number after "and" that names its own period where the figure before it named its noun:
    "746 artillery systems in January and 878 in February" (the noun left out the second time);
    or after a comma right after that noun, with the past day: "2.995 tanques, siete en el último
    día"."""
    if prev is None or c.first == 0 or doc.sent_of[prev.first] != doc.sent_of[c.first] or c.last >= len(doc.tokens):
        return False
    after = [m for m in (doc.match_at.get(c.last), doc.ctx_at.get(c.last)) if m is not None]
    if doc.tokens[c.first - 1].norm in doc.lex.conjunctions:
        return any("date:" in m.prefixes or m.has("kind:periods") for m in after)
    if doc.tokens[c.first - 1].norm in doc.lex.articles:
        # "sumar las 106.720 de 2022": an article before the number stands for the noun, a year after it
        return year_after(doc, c.last)
    # "2.995 tanques, siete en el último día": the day's share, right after the noun and a comma
    return (
        doc.tokens[c.first - 1].raw == ","
        and prev.term_last == c.first - 1
        and any(m.get("kind:periods") == "P1D" for m in after)
    )


def _resolve_bare(doc: Doc, cands: list[Candidate]) -> None:
    """Give bare numbers a metric: the figure they refer back to, or personnel in a loss context.
    A bare number in the sentence of a count of civilians, with no figure between them, counts
    civilians too ("1,119 civilians were killed and 1,790 wounded")."""
    prev: Candidate | None = None
    civilians: Candidate | None = None
    at = {c.first: c for c in cands}
    named = [c for c in cands if c.reason is None and c.how in ("term", "stmt")]  # figures a noun names
    figs: list[Candidate] = []
    for c in cands:
        if c.reason == _CIVILIANS:
            civilians = c
        if c.reason is not None:
            continue
        if (
            c.metric is None
            and civilians is not None
            and doc.sent_of[civilians.first] == doc.sent_of[c.first]
            and (prev is None or prev.first < civilians.first)
        ):
            c.reason = _CIVILIANS
            continue
        if c.metric is not None:
            prev = c
            figs.append(c)
            continue
        nxt = at.get(c.last + 1)
        if nxt is not None and nxt.metric is not None and nxt.reason is None and _joined(doc, c):
            c.metric, c.how, c.term_first, c.term_last = nxt.metric, "coord", nxt.term_first, nxt.term_last
            continue
        lo, hi = doc.clause_range(c.first)
        if _running_total(doc, c, figs):
            prev = c
            continue
        counted = bool(doc.matches_in(c.last, min(hi, c.last + 2), "non:unit_words")) or _counted_by_head(doc, c, hi)
        refers_back = (
            counted
            or bool(doc.matches_in(lo, hi, "kind:anaphora"))
            or after_anaphora(doc, c.first)
            or _speaker_goes_on(doc, c, prev)
        )
        subject = _subject_term(doc, c, named, counted)
        if subject is not None:
            c.metric, c.how, c.term_first, c.term_last = subject[0], "subject", subject[1], subject[2]
        elif (
            (refers_back or (c.plus and not _brackets_other_number(doc, c, prev)) or _elided(doc, c, prev))
            and prev is not None
            and doc.sent_of[prev.first] >= doc.sent_of[c.first] - 1
        ):
            c.metric, c.how = prev.metric, "inherit"
        elif (
            _personnel_context(doc, c)
            and not _clause_has_equipment(doc, c)
            and (c.num.value >= 100 or c.num.has_scale or _total_stated(doc, c))
        ):
            c.metric, c.how = "personnel", "bare"
        else:
            c.reason = NO_METRIC
            continue
        prev = c
        figs.append(c)


def _speaker_goes_on(doc: Doc, c: Candidate, prev: Candidate | None) -> bool:
    """A count of thousands that names nothing, in a sentence that names who says it and no
    category, right after a sentence whose figure counts people, counts people too: "Podał
    liczbę 5937 … Strona ukraińska twierdzi, że sięga ona ponad 55 tys."."""
    if prev is None or prev.metric != "personnel" or c.num.value < 1000 or year_like(c.num):
        return False
    a, b = doc.sentence_range(c.first)
    if doc.sent_of[prev.first] != doc.sent_of[c.first] - 1 or doc.matches_in(a, b, "metric:"):
        return False
    return bool(doc.matches_in(a, b, "src:") or doc.matches_in(a, b, "place:"))


def _counted_by_head(doc: Doc, c: Candidate, hi: int) -> bool:
    """ "605 Systeme verloren", "11,112 systems, the General Staff said": a word that also heads
    category names (``[nonclaims] unit_heads``) counts the equipment named before the number when
    its clause ends there or a word of loss follows; "984 sistemas de disparo de foguetes" is a
    category the vocabulary lacks (unnamed.py)."""
    head = next(iter(doc.matches_in(c.last, min(hi, c.last + 2), "non:unit_heads")), None)
    if head is None:
        return False
    k = head.end
    while k < hi and (cm := doc.ctx_at.get(k)) is not None and "sideadj:" in cm.prefixes:
        k = cm.end  # "1 415 systèmes russes détruits"
    return k >= hi or doc.tokens[k].kind == PUNCT or doc.frame_at.get(k) is not None


def _subject_term(doc: Doc, c: Candidate, named: list[Candidate], counted: bool = False) -> tuple[str, int, int] | None:
    """The equipment a sentence is about when no number took its name: the nearest equipment term
    a few words before a bare number of its sentence, no other figure's name, with words of loss or
    of a new loss or total between and no named figure ("Втрати бойових броньованих машин зросли
    на 3 і склали 23 949 одиниць"; "шкоди завдано артилерії: за добу знищено 31 систему").  A
    number ``counted`` in units ("il numero di veicoli blindati supera le 22.000 unità") counts
    the term before it whatever the verb between.
    Personnel is left to the bare-number rule (a count of people needs no noun)."""
    if c.num.words_only:
        return None
    a = max(doc.sentence_range(c.first)[0], c.first - _SUBJECT_REACH)
    near = [f for f in named if a <= f.term_first < c.first or a <= f.first < c.first]
    for m in reversed(doc.matches_in(a, c.first, "metric:")):
        if m.end > c.first:
            continue
        metric = next(cat[7:] for cat in m.cats() if cat.startswith("metric:"))
        if metric == "personnel" or any(f.term_first == m.start for f in near):
            return None
        if not (
            counted or _speaks_of_losses(doc, m.end, c.first) or _put_at(doc, m, c, a) or _lost_term(doc, m, c)
        ) or any(m.end <= f.first and f.last <= c.first for f in near):
            return None
        return metric, m.start, m.end
    return None


def _put_at(doc: Doc, m: Match, c: Candidate, a: int) -> bool:
    """ "beziffert die zerstörten russischen Panzer auf 3080", "die Zahl der zerstörten Panzer
    stieg auf 3080", "wozów opancerzonych okupanta wzrosła do 9557": the term, then at most its
    complement, a verb and the word that brings a figure to its value
    (``[kind] to_total``) right before the number, in a sentence whose words before the term
    speak of losses."""
    return c.first - m.end <= 3 and doc.to_total_ending(c.first) is not None and _speaks_of_losses(doc, a, m.start)


#: at most this many words (a verb, an adverb) between a lost equipment's term and its number
_LOST_TERM_GAP = 4


def _lost_term(doc: Doc, m: Match, c: Candidate) -> bool:
    """ "Zniszczonych bojowych wozów opancerzonych okupanta jest już 9557", "Унищожените бойни
    бронирани машини вече са 17 222": a word of loss right before the term (the destroyed
    vehicles), then only a few words, the verb, before the number."""
    if m.start == 0:
        return False
    before = doc.matches_in(max(0, m.start - 2), m.start, "frame:")
    if not any(f.end >= m.start - (doc.tokens[m.start - 1].norm in doc.lex.articles) for f in before):
        return False
    gap = doc.tokens[m.end : c.first]
    return len(gap) <= _LOST_TERM_GAP and all(t.kind == WORD for t in gap)


#: how many tokens before a bare number the equipment its sentence is about may stand
_SUBJECT_REACH = 16


def _joined(doc: Doc, c: Candidate) -> bool:
    """The word after c joins two numbers of one term: "between 138,500 and 200,000 people", "3
    or 4 tanks", "१९ हजारदेखि २० हजार" (the joining word glued to the scale word)."""
    if c.num.glued in doc.lex.conjunctions:
        return True
    return c.last < len(doc.tokens) and joins_range(doc, doc.tokens[c.last])


def _running_total(doc: Doc, c: Candidate, figs: list[Candidate]) -> bool:
    """A bare number after "bringing the total to" / "portando il totale a" is the total of the
    figure before it, which is then a new loss; after "respectively" ("rispettivamente a 3.751 e
    7.307") the bare numbers are the totals of the figures before, in order."""
    if not figs:
        return False
    lo = doc.clause_range(c.first)[0]
    cues = [m for m in doc.matches_in(max(0, lo - 1), c.first, "kind:running_total") if m.end <= c.first]
    if not cues:
        cues = _total_to(doc, c, lo)
    if not cues:
        return False
    cue = cues[-1]
    bare_after = [k for k in range(cue.end, c.first) if doc.tokens[k].kind == NUM]
    s = doc.sent_of[cue.start]
    before = [f for f in figs[-8:] if f.last <= cue.start and doc.sent_of[f.first] == s]
    if not before and not doc.matches_in(doc.sentence_range(cue.start)[0], c.first, "metric:"):
        # "… 1140 eliminierte Soldaten gemeldet. Die Zahl ist damit auf … gestiegen": the sentence
        # before holds the figure whose total this is
        before = [f for f in figs[-8:] if doc.sent_of[f.first] == s - 1]
    if not before:
        return False
    respectively = bool(doc.matches_in(max(0, cue.start - 3), min(len(doc.tokens), cue.end + 3), "kind:respectively"))
    if respectively:
        sent_end = doc.sentence_range(c.first)[1]
        count = len([n for n in doc.numbers if cue.end <= n.first < sent_end])
        items = [f for f in before if f.metric is not None]
        if not 1 < count <= len(items):
            return False
        chosen = items[len(items) - count + len(bare_after)]
    elif bare_after:
        return False
    else:
        chosen = before[-1]
    c.metric, c.how, c.kind, c.kind_by = chosen.metric, "inherit", "total", "clause"
    chosen.before_total = True
    return True


def _total_to(doc: Doc, c: Candidate, lo: int) -> list[Match]:
    """ "elevando o número total de perdas na guerra para 5.047", "elevando as perdas para um total
    de 7.012": a word of a total in the number's clause and the word that brings a figure to its
    value right before the number (or before "a total of") make a running total as the listed
    phrases do (the total word's match)."""
    q = doc.match_end.get(c.first)
    ending = q if q is not None and q.has("q:exact") else None  # "… para um total de 7.012"
    j = doc.before_qualifier(c.first)
    totals = [m for m in doc.matches_in(lo, j, "kind:total") if m.end <= j]
    ending = ending or next((m for m in totals if m.end == j), None)
    k = ending.start if ending is not None else j
    if doc.to_total_ending(k) is None:
        return []
    return [m for m in totals if m.end < k] or ([ending] if ending is not None else [])


#: below this, a count named only "people" is a strike's victims, as a bare number is no figure
_FEW_PEOPLE = 100
#: how far a count of "people" may exceed the largest personnel total ever and be a toll
_TOLL_ROOM = 2


def _beyond_any_toll(c: Candidate) -> bool:
    """A count of "people" larger than any toll of the war (twice the General Staff's largest
    personnel total, the largest toll counted) is a population, refugees or a city, not losses."""
    largest = magnitudes().largest_total("personnel")
    return largest is not None and c.num.int_value > _TOLL_ROOM * largest


#: years before this that open a figure's sentence make it another war's ("between 1918 and 1920")
_WAR_YEARS_FROM = 2014


def _past_wars(doc: Doc, cands: list[Candidate]) -> dict[int, int]:
    """Sentences that name a span of years before the war ("În Războiul Finlandez din 1939-1940",
    "between 1918 and 1920", "the Soviet–Afghan war of 1979–1989"), each with the first token of
    its first such year: the figures after it compare with history.  A year before a word for
    years ("(1999-2000 роки)") was read as a duration, and counts too."""
    years: dict[int, list[int]] = {}
    for c in cands:
        if c.reason in ("year", "date", REASONS["time_after"]) and 1900 <= c.num.value < _WAR_YEARS_FROM:
            years.setdefault(doc.sent_of[c.first], []).append(c.first)
    return {s: min(firsts) for s, firsts in years.items() if len(firsts) >= 2}


_AIR_FORCE = "Air Force interception count, not the General Staff's loss statistics"
_CLAIMED_BY_OTHERS = "Ukraine's losses as claimed by others"
_RUSSIAN_EQUIPMENT = "equipment claimed by Russia (Ukraine's losses)"


def _filter(doc: Doc, cands: list[Candidate], statement: bool) -> None:
    """Drop figures that are not Russian losses or not losses at all, with the reason."""
    past = _past_wars(doc, cands)
    for c in cands:
        if c.reason is not None:
            continue
        if c.first > past.get(doc.sent_of[c.first], len(doc.tokens)) and not statement:
            c.source, c.strong_source = "other", True  # a historical comparison, never the statement's
        if doc.matches_in(doc.clause_range(c.first)[0], c.first, "non:aim"):
            c.reason = "a goal, a plan or a projection, not losses"  # "the goal is to kill 50,000 a month", "could reach 650,000"
        elif c.metric == "personnel" and _wounded_only(doc, c):
            c.reason = "wounded only"
        elif c.metric == "personnel" and c.how == "weak" and _beyond_any_toll(c):
            c.reason = REASONS["other"]  # "13 millones de personas": a population, not a toll
        elif c.metric == "personnel" and c.how == "weak" and c.num.int_value < _FEW_PEOPLE and not c.plus:
            c.reason = _CIVILIANS  # "the strike killed two people": a strike's victims, as bare numbers
        elif c.metric == "personnel" and c.how != "paren" and not statement and not _loss_context(doc, c):
            c.reason = "no words of loss (force size?)"
        elif c.side == "ukraine":
            if c.source in ("ua-official", "ukraine-own") or (c.source == GENERAL_STAFF and not c.strong_source):
                c.source = "ukraine-own"
            else:
                c.reason = _CLAIMED_BY_OTHERS
        elif c.source == "ua-official":
            c.source = "other"
        if c.source == GENERAL_STAFF and not c.num.has_scale and c.num.value != int(c.num.value):
            c.source = "other"  # "8.5 tanks a day": the outlet's own average; the statement counts whole items
        if c.reason is None and (c.source == "air-force" or _overnight(doc, c)):
            c.reason = _AIR_FORCE
        if c.reason is None and c.metric != "personnel" and c.how not in ("paren", "stmt"):
            # a statement's own lines launch nothing; prose around its header may ("11 droni lanciati")
            if _launched(doc, c):
                c.reason = "weapons launched in an attack, not losses"
            elif not statement and _force_size(doc, c):
                c.reason = "forces held, not losses"
        if c.reason is None and c.source == "russian-mod" and c.metric != "personnel":
            if c.strong_source or not (c.side_by_noun and c.side == "russia"):
                c.reason = _RUSSIAN_EQUIPMENT
            else:  # "303 russische Panzer zerschossen" after "even the Kremlin admits …": not Moscow's count
                c.source = "other"


#: reasons that give a figure to another speaker: a headline repeating it speaks for them too
_OTHER_SPEAKERS = (_AIR_FORCE, _CLAIMED_BY_OTHERS, _RUSSIAN_EQUIPMENT)


def _headline_follows(doc: Doc, cands: list[Candidate]) -> None:
    """A headline's figure that the body repeats (same value, same metric or none) is the body's:
    the body names who counted it ("Defence forces shot down 67 Russian drones" over "the Air
    Force confirmed 67 drones downed"), where the headline's subject may only be the side.  A
    speaker the headline names with a verb of saying ("Ukraine's military says …") keeps it."""
    if not doc.sentences or doc.sentences[0][1] >= len(doc.tokens) or not doc.tokens[doc.sentences[0][1]].nl_before:
        return
    said = bool(doc.matches_in(*doc.sentences[0], "date:said"))
    head = [
        c
        for c in cands
        if c.reason is None
        and doc.sent_of[c.first] == 0
        and c.source == GENERAL_STAFF
        and not (c.strong_source and said)
    ]
    if not head:
        return
    body = {
        (b.metric, b.num.value): b
        for b in cands
        if doc.sent_of[b.first] > 0
        and (b.reason in _OTHER_SPEAKERS or (b.reason is None and b.strong_source and b.source != GENERAL_STAFF))
    }
    # where the body also gives the figure to the General Staff, the headline may quote either
    staff = {b.num.value for b in cands if doc.sent_of[b.first] > 0 and b.reason is None and b.source == GENERAL_STAFF}
    for c in head:
        b = body.get((c.metric, c.num.value)) or body.get((None, c.num.value))
        if b is not None and c.num.value not in staff:
            c.reason, c.source = b.reason, b.source


def _articles(doc: Doc, figs: list[Candidate]) -> None:
    """ "one"/"un"/"ein" alone is the indefinite article ("un soldat russe a témoigné", "einer
    Gesamtzahl von"): as a count it stands in a list of figures ("28 navires et un sous-marin")
    or with a word of new losses ("ще один танк"), or is a piece of equipment named in a sentence
    that counts others ("28 navios, incluindo um submarino")."""
    listed = {id(c) for group in list_groups(doc, figs) if len(group) > 1 for c in group}
    counted = Counter(doc.sent_of[c.first] for c in figs)
    for c in figs:
        if not (c.num.words_only and c.num.value == 1) or id(c) in listed or c.kind_by == "near" or c.parent:
            continue
        if c.metric != "personnel" and counted[doc.sent_of[c.first]] > 1:
            continue
        c.reason = "an article, not a count"


def _averages(doc: Doc, figs: list[Candidate]) -> None:
    """A figure after "on average"/"averaging"/"в среднем" in its sentence, with no other number
    between but averages ("The average daily casualties fell from over 1262 per day in May to 1140
    in July"), or whose term stands right before one, and the rest of its list, are the outlet's
    own daily averages: another source's figures, never the General Staff's; the figures around
    them keep theirs."""
    averaged: set[int] = set()  # tokens of the figures found to be averages so far
    for group in list_groups(doc, figs):
        first = group[0]
        lo = doc.sentence_range(first.first)[0]
        before = [
            m
            for m in doc.matches_in(lo, first.first, "non:average")
            if not any(
                doc.tokens[k].kind == NUM and k not in averaged and year_of(doc.tokens[k]) is None
                for k in range(m.end, first.first)
            )
        ]
        after = [doc.match_at.get(max(c.last, c.term_last)) for c in group]
        if before or any(m is not None and m.has("non:average") for m in after):
            for c in group:
                c.source, c.strong_source, c.kind, c.period, c.kind_by = "other", True, "increase", "P1D", "clause"
                averaged.update(range(c.first, c.last))


def _ranges(doc: Doc, figs: list[Candidate]) -> None:
    """The two ends of a range ("1,000–1,500 soldiers a day", "von 1000 bis 1500", "between 300
    and 600") are someone's estimate or the outlet's summary, never a figure of the daily
    statement, which gives one number per line: not the General Staff's, whoever the text credits."""
    for a, b in zip(figs, figs[1:], strict=False):
        if b.first - a.last != 1 or a.metric != b.metric or not 0 < a.num.value < b.num.value <= 10 * a.num.value:
            continue
        joiner = doc.tokens[a.last]
        between = a.first > 0 and doc.tokens[a.first - 1].norm in doc.lex.between and doc.lex.joins(joiner.norm)
        if joiner.raw in RANGE_MARKS or joiner.norm in doc.lex.range_words or between:
            for c in (a, b):
                if c.source == GENERAL_STAFF:
                    c.source, c.strong_source = "other", True


def _sentence_eras(doc: Doc, dates: list[DateMention], figs: list[Candidate]) -> dict[int, dt.date]:
    """{id(figure): the dated day its own sentence names}: "on March 1, 2022; the first tally
    showed 5,710 killed" is measured against 2022, not against the publication date."""
    by_sentence: dict[int, list[tuple[int, dt.date]]] = {}
    for d in dates:
        if d.year and d.month and not d.metadata and not d.since_cue:
            day = d.date() or _month_start(d)
            if day is not None and day > INVASION:
                by_sentence.setdefault(doc.sent_of[d.first], []).append((d.first, day))
    out: dict[int, dt.date] = {}
    for c in figs:
        s = doc.sent_of[c.first]
        found = by_sentence.get(s)
        start = doc.sentences[s][0]
        if not found and start > 0 and doc.tokens[start - 1].raw == ";":
            found = by_sentence.get(s - 1)  # "… on March 1, 2022; the first tally showed 5,710"
        if found:
            out[id(c)] = min(found, key=lambda x: abs(x[0] - c.first))[1]
    return out


def _to_claim(doc: Doc, c: Candidate) -> Claim:
    lo, hi = c.evidence()
    start, end = doc.tokens[lo].start, doc.tokens[hi - 1].end
    if c.how == "coord":
        lo = c.first
        hi = c.last
    conf = {"coord": 0.7, "term": 0.9, "stmt": 0.95, "paren": 0.9, "weak": 0.6, "inherit": 0.7, "bare": 0.6}.get(
        c.how, 0.5
    )
    conf = min(1.0, conf + (0.05 if c.strong_source else 0.0))
    return Claim(
        metric=c.metric or "personnel",
        value=c.num.int_value,
        kind=c.kind or "total",
        qualifier=c.qualifier or "exact",
        source=c.source or GENERAL_STAFF,
        span=(start, end),
        confidence=conf,
        period=c.period,
        text=doc.text[c.num.start : c.num.end],
        precision=c.num.precision,
        # "six more tanks", "weitere 5.630 Fahrzeuge": a word that may mean "also" in a list of
        # totals, weaker than a "(+6)" at the figure (check may re-read it with the ledger)
        kind_by="more" if c.kind_by == "near" and not c.plus else c.kind_by,
        named_source=c.strong_source,
    )


def extract(
    text: str, published: dt.date | str | None = None, language: str | None = None, *, processes: int | None = None
) -> Extraction:
    """Every loss figure in ``text``, what it is and whom the text attributes it to.

    ``published`` (a date or 'YYYY-MM-DD') resolves relative dates ("this Friday"); ``language``
    (ISO 639-1) skips detection; ``processes`` read a text over 200,000 characters in parallel
    (default ``$LOSSLEDGER_WORKERS``, else up to 2: large.py).  Never raises anything but :class:`~lossledger.errors.LossLedgerError`.

    >>> extract("Russia lost 6,465 tanks.").claims[0].value
    6465
    """
    if not isinstance(text, str):
        raise InputError(f"text must be str, not {type(text).__name__}", code="input.type")
    if len(text) > _MAX_CHARS:
        raise InputError(f"text is {len(text)} characters, more than {_MAX_CHARS}", code="input.too_large")
    pub = _published(published)
    lang = _language(language) or detect_language(text)
    with _few_collections():
        if len(text) > LARGE:
            return extract_large(text, lang, pub, _extract, workers(processes))
        return _extract(text, pub, lang)


#: objects allocated between two young-generation collections while a text is read (CPython's
#: default is 700)
_GC_YOUNG = 50_000


@contextmanager
def _few_collections() -> Iterator[None]:
    """Fewer garbage collections while a text is read: its tokens, matches and candidates form
    no cycles worth collecting, but at CPython's default each 700 of them start a collection, and
    the older generations' collections walk the whole vocabulary (a quarter of the time on a
    5 MB text).  The caller's thresholds are restored after."""
    before = gc.get_threshold()
    if before[0] >= _GC_YOUNG or not gc.isenabled():
        yield
        return
    gc.set_threshold(_GC_YOUNG, *before[1:])
    try:
        yield
    finally:
        gc.set_threshold(*before)


def _extract(text: str, pub: dt.date | None, lang: str) -> Extraction:
    """The pipeline on one text (or one window of a large one: large.py)."""
    doc = analyse(text, lang)
    dates = find_dates(doc.tokens, doc.all_matches(), doc.lex)
    doc.add_cues(period_cues(doc, dates, pub))
    add_implicit_ones(doc, dates)
    cands = find_candidates(doc, dates)
    statement = is_statement(doc, cands)
    pair_respectively(doc, cands)
    _resolve_bare(doc, cands)
    attribute(doc, cands, _default_source(doc, statement))
    if statement:
        for c in cands:
            if c.reason is None and c.how in ("stmt", "paren", "term") and not c.strong_source:
                c.source = GENERAL_STAFF
    _filter(doc, cands, statement)
    _headline_follows(doc, cands)
    _articles(doc, [c for c in cands if c.reason is None])
    unnamed = unnamed_items(doc, cands) + bare_numbers(doc, cands)
    figs = [c for c in cands if c.reason is None]
    _averages(doc, figs)
    _ranges(doc, figs)
    dated = pub or _war_day(doc, cands)  # "Идет 618-й день войны" dates a text with no date of its own
    settle_kinds(figs, era_hint(dates, figs, dated), _sentence_eras(doc, dates, figs), list_groups(doc, figs))
    as_of, fig_dates = resolve_as_of(doc, dates, figs, dated)
    era = as_of or pub or next((d.date() or _month_start(d) for d in dates if d.metadata), None)

    def to_claim(d: Doc, c: Candidate) -> Claim:
        claim = _to_claim(d, c)
        claim.as_of = fig_dates.get(index[id(c)])
        return claim

    index = {id(c): i for i, c in enumerate(figs)}
    claims = build_claims(doc, figs, to_claim, era)
    ignored = [Ignored(c.num.value, (c.num.start, c.num.end), c.reason or "") for c in cands if c.reason is not None]
    weekday = stated_weekday(doc, dates, figs) if pub is None and as_of is None else None
    return Extraction(language=lang, as_of=as_of, claims=claims, ignored=ignored, unnamed=unnamed, weekday=weekday)


#: the fewest days a count of the war's days has ("in 3 days", "among the 10 days with the
#: highest losses" are periods; "day 618" a date)
_FEWEST_WAR_DAYS = 30
#: the most: below the first year a number could be read as (a year is no day count)
_LAST_WAR_DAY = 1899
#: tokens between a day's number and the word "day" (an ordinal ending: "618-й", "843-тя", "618e")
_ORDINAL_GAP = 2


def _war_day(doc: Doc, cands: list[Candidate]) -> dt.date | None:
    """The day a text counts the war to ("day 618 of the war", "Идет 618-й день войны", "trwa
    już od 618 dni", "843-тя доба") as a date, when one such count is all it gives (two different
    counts give none).  A number next to a name of the unit "day" (CLDR's, every plural form, or
    the language's ``[nonclaims] day_before`` words: "доба") or after "day", not after a period
    prefix ("in the last 10 days")."""
    toks = doc.tokens
    found: set[int] = set()
    if doc.lex.term_before_number:
        return None  # "24일": where a counter follows every number, a day's number and a count of days look alike
    for c in cands:
        if c.reason in (None, "date") or not c.num.raw_digits.isdigit() or c.num.last - c.num.first != 1:
            continue
        n = c.num.int_value
        if not _FEWEST_WAR_DAYS <= n <= _LAST_WAR_DAY or doc.matches_in(
            max(0, c.first - 3), c.first, "kind:period_prefix"
        ):
            continue
        named_after = any(
            toks[k].kind == WORD
            and toks[k].norm not in doc.lex.day_marks  # "20일", "20日": the 20th of a month
            and (
                doc.lex.names_days(toks[k].norm) or ((m := doc.match_at.get(k)) is not None and m.has("non:day_before"))
            )
            for k in range(c.last, min(len(toks), c.last + _ORDINAL_GAP + 1))
        )
        if named_after or c.reason == REASONS["day_before"]:
            found.add(n)
    return date_of_day(found.pop()) if len(found) == 1 else None


def _month_start(dm: DateMention) -> dt.date | None:
    return dt.date(dm.year, dm.month, 1) if dm.year and dm.month else None
