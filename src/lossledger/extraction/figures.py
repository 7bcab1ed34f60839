"""Finding figures: which numbers are loss figures, and of which metric.

A number becomes a candidate figure when a metric term names it:
- after it, past at most four other words ("6,465 battle tanks", "26 bin 650 asker",
  "12.611 (+29) mezzi corazzati", "3950 وحدة من المعدات الخاصة");
- before it, across a dash or colon (the statement's "танків ‒ 6465 (+23) од", "artiglierie — oltre
  27.000");
- before it, for languages that put number words after the noun (Arabic "غواصة واحدة");
- right before it, when the number closes a list item written noun first ("panssarivaunuja
  3 021, helikoptereita 121 ja lentokoneita 276"): nothing follows the number before the item
  ends, or the term after it lies past the list's joining word;
- in brackets after a figure ("(+1210)", "(di cui 14 …)", "(łącznie od wybuchu wojny 4965)"): the
  same metric as the figure it follows.
A number no term names is a *bare* figure: it inherits the metric of the figure its clause refers
back to ("1,010 of them", "altri 5 dei quali") or is the personnel count when its sentence speaks
of losses ("the total … amounts to approximately 400,300.").  Everything else is ignored, with the
reason the vocabulary gives (year, hours, percent, brigade, civilians…).
"""

from __future__ import annotations

from dataclasses import dataclass

from .dates import DateMention
from .document import Doc
from .numbers import NumberPhrase
from .periods import year_of
from .tokens import BULLETS, DASHES, NUM, PUNCT, WORD, Token
from .vocab import Match

__all__ = ["NO_METRIC", "Candidate", "find_candidates", "joins_range", "pair_respectively"]

_DASHES = DASHES | {":", "：", "="}
#: emphasis marks that scraped pages keep from markdown
_MARKUP = {"*", "**", "_", "__"}
_QUOTES = {'"', "«", "»", "“", "”", "„", "'", "‘", "’"}
#: quotation marks that close a quotation (a figure right before one ends what is quoted)
_CLOSING = {'"', "»", "“", "”"}

#: Non-claim vocabulary key -> reason written in ``ignored``.
REASONS = {
    "time_after": "duration or time window",
    "day_before": "day of the war",
    "percent": "percentage",
    "money": "money",
    "unit": "military unit number",
    "distance": "distance or area",
    "age": "age",
    "ratio": "ratio",
    "civilian": "civilians, not a military loss figure",
    "other": "not a loss figure",
    "deployed": "force size, not losses",
    "vague": "a vague quantity (several hundred)",
    "number_names": 'part of a name ("cargo 200": the dead)',
}
#: the reason of a number no metric word names and nothing else makes a figure
NO_METRIC = "no loss metric nearby"


@dataclass
class Candidate:
    """A number that may be a loss figure, with what the association step found."""

    num: NumberPhrase
    metric: str | None = None
    how: str = "bare"  # term | stmt | weak | paren | inherit | subject | coord | bare
    term_first: int = -1
    term_last: int = -1
    parent: Candidate | None = None  # the figure a bracketed number belongs to
    plus: bool = False  # written with a '+' sign
    reason: str | None = None  # set when the number is not a figure
    kind: str | None = None
    period: str | None = None
    qualifier: str | None = None
    source: str | None = None
    strong_source: bool = False
    side: str = "russia"
    side_by_noun: bool = False  # the side came from an adjective on the figure's noun
    side_by_default: bool = False  # no cue near it named the side: its source's usual one
    kind_near: bool = False  # kind set by a word next to the number ("ще", "+")
    #: what set the kind: near | clause | sentence | subset | trailing | list | paren | default | size
    kind_by: str = ""
    before_total: bool = False  # a running total of the same metric follows ("…, bringing the total to")
    kind_gap: int = 0  # tokens between the kind's cue and the figure (0: next to it, or no cue)

    @property
    def first(self) -> int:
        return self.num.first

    @property
    def last(self) -> int:
        return self.num.last

    def evidence(self) -> tuple[int, int]:
        """Token range of the evidence: the number and its term."""
        num = self.num
        if self.term_first < 0:
            return num.first, num.last
        return min(num.first, self.term_first), max(num.last, self.term_last)


def _metric_of(doc: Doc, i: int) -> tuple[str, str, int] | None:
    """(metric, how, end) if a metric phrase starts at token i."""
    m = doc.match_at.get(i)
    if m is None:
        return None
    for cat, _ in m.entries:
        if cat.startswith("metric:"):
            return cat[7:], "term", m.end
    for cat, _ in m.entries:
        if cat.startswith("stmt:"):
            return cat[5:], "stmt", m.end
    for cat, _ in m.entries:
        if cat.startswith("weak:"):
            return cat[5:], "weak", m.end
    return None


def _non_at(doc: Doc, i: int) -> str | None:
    m = doc.match_at.get(i)
    if m is None:
        return None
    for cat, _ in m.entries:
        if cat.startswith("non:") and cat[4:] in REASONS:
            return cat[4:]
    return None


def _weekday_after(doc: Doc, i: int) -> bool:
    """Whether the unit of time at token i is followed by a weekday's name ("يوم الثلاثاء", "روز
    سه‌شنبه": the day called Tuesday)."""
    m = doc.match_at.get(i)
    end = m.end if m is not None else i + 1
    return any(w.start == end for w in doc.matches_in(end, min(end + 3, len(doc.tokens)), "date:weekday"))


#: words an article-like "one" may stand before its noun past a unit word ("one unit of special equipment")
_ARTICLE_UNIT_REACH = 3


def _forward(doc: Doc, c: Candidate) -> tuple[str, str, int, int] | None | str:
    """Find a metric term after the number: (metric, how, first, last), a non-claim key, or None."""
    toks = doc.tokens
    j = c.last
    words = 0
    n = len(toks)
    sent = doc.sent_of[c.first]
    # "one"/"uma"/"ein" is also the indefinite article: as a figure it stands next to its noun,
    # or past one word the vocabulary knows ("ще один підводний човен", "ein weiteres U-Boot")
    article = c.num.words_only and c.num.value == 1
    # or past "unit of" and any words to its noun ("one unit of special equipment")
    unit_first = article and bool(doc.matches_in(j, j + 1, "non:unit_words"))
    reach = _ARTICLE_UNIT_REACH if unit_first else 1 if article else 4
    while j < n and words <= reach:
        tok = toks[j]
        if tok.nl_before and j > c.last or doc.sent_of[j] != sent:
            return None
        found = _metric_of(doc, j)
        if found is not None:
            if _introduces_number(doc, found[2]):
                return None  # "129.870 (+840) Flugzeuge: 294 (+1)": the noun names the number after its colon
            if _non_at(doc, found[2]) == "unit":
                return "unit"  # "10 танкових батальйонах", "49 artillery divisions": units, their kind named
            if found[0] == "personnel":
                later = _equipment_after_people_word(doc, j, found[2])
                if later is not None:
                    return later
                if _non_at(doc, found[2]) == "civilian":
                    return "civilian"  # "11.743 tote Zivilisten", "300 dead civilians": the dead are civilians
            return found[0], found[1], j, found[2]
        non = _non_at(doc, j)
        if non == "time_after" and _weekday_after(doc, j):
            return None  # "12 يوم الثلاثاء": the day is Tuesday, not twelve days
        if non is not None and (
            words == 0 or non in ("civilian", "other", "deployed") or (non == "unit" and words <= 2)
        ):
            return non  # "чотири мотострілецькі дивізії": units, an adjective or two before
        if tok.kind == PUNCT:
            if tok.raw == "(" and words == 0:
                end = doc.bracket_end(j, 16)
                if end is None:
                    return None
                j = end
                continue
            if tok.raw in ("-", "–", "'", "’", "/") or tok.raw in _QUOTES or tok.raw in _MARKUP:
                j += 1  # "10.222 **carros de combate**": markdown emphasis is no punctuation
                continue
            return None
        if tok.kind == NUM or (doc.lex.term_before_number and tok.norm in doc.lex.conjunctions):
            return None  # "전차 51대와 장갑차 112대": the list item ends at its joining word
        cm = doc.ctx_at.get(j)
        if cm is not None and ("src:" in cm.prefixes or "date:" in cm.prefixes):
            return None
        m = doc.match_at.get(j)
        if m is None and cm is not None and "sideadj:" in cm.prefixes:
            m = cm  # a side's adjective is a word it knows: "one Russian tank", "ще один російський танк"
        if m is not None:
            cats = m.cats()
            if cats & {"scale", "numword"} or "date:" in m.prefixes:
                return None
            j = m.end
        elif article and not unit_first:
            return None
        else:
            j += 1
        words += 1
    return None


#: how many words an equipment noun may stand after a people word that qualifies it
_PEOPLE_WORD_REACH = 2


def _equipment_after_people_word(doc: Doc, j: int, end: int) -> tuple[str, str, int, int] | None:
    """A people word that names a side ("rusų", "venäläistä": the Russians') with an equipment
    noun right after it is that noun's qualifier, not the figure's noun: "5 rusų kariuomenės
    tankus" are five of the Russian army's tanks."""
    cm = doc.ctx_at.get(j)
    if cm is None or "sideadj:" not in cm.prefixes:
        return None
    k = end
    for _ in range(_PEOPLE_WORD_REACH + 1):
        if k >= len(doc.tokens) or doc.tokens[k].kind != WORD or doc.tokens[k].nl_before:
            return None
        found = _metric_of(doc, k)
        if found is not None:
            return (found[0], found[1], k, found[2]) if found[0] != "personnel" else None
        m = doc.match_at.get(k)
        k = m.end if m is not None else k + 1
    return None


def _before_qualifier(doc: Doc, c: Candidate) -> int:
    """The token before the number, or before the qualifier standing right before it ("‒ близько
    400300", "— oltre 27.000")."""
    return doc.before_qualifier(c.first) - 1


def _ordinal_dot(doc: Doc, k: int) -> bool:
    """Whether token k is a full stop glued to the number before it inside a sentence: an
    ordinal ("Príslušníci 30. samostatnej brigády"), not the end of a list item."""
    toks = doc.tokens
    return (
        0 < k < len(toks) - 1
        and toks[k].raw == "."
        and toks[k - 1].kind == NUM
        and toks[k].start == toks[k - 1].end
        and doc.sent_of[k + 1] == doc.sent_of[k]
    )


def _introduces_number(doc: Doc, end: int) -> bool:
    """Whether a dash or colon and then a number follow the term ending at token ``end`` (the
    statement's "танків ‒ 6465", a table's "Flugzeuge: 294")."""
    toks = doc.tokens
    return (
        end + 1 < len(toks)
        and toks[end].raw in _DASHES
        and toks[end].raw != "-"
        and not toks[end].nl_before  # "— 5.241 tank\n— 9.877 …": a bullet opens the next line
        and toks[end + 1].kind == NUM
        and doc.sent_of[end + 1] == doc.sent_of[end]
    )


def _backward(doc: Doc, c: Candidate) -> tuple[str, str, int, int] | None:
    """A metric term before the number across a dash/colon, or right before a number word."""
    toks = doc.tokens
    j = _before_qualifier(doc, c)
    if (
        j >= 0 and toks[j].raw in _DASHES and not (toks[c.first].nl_before and year_like(c.num))
    ):  # "casualties:\n2022: …"
        for end in (j, _before_gloss_or_slash(doc, j)):
            m2 = doc.match_end.get(end)
            if m2 is not None:
                found = _metric_of(doc, m2.start)
                if found is not None and found[2] == end:
                    return found[0], found[1], m2.start, end
        opening = _line_opening_term(doc, j)
        if opening is not None:
            return opening
    if (doc.lex.number_after_term and c.num.words_only) or doc.lex.term_before_number:
        # Arabic "غواصة واحدة"; Chinese, Japanese and Korean write "坦克1135辆", "전차 11,135대"
        for end in (j, _before_gloss(doc, j)):
            m3 = doc.match_end.get(end + 1)
            if m3 is not None:
                found = _metric_of(doc, m3.start)
                if found is not None:
                    return found[0], found[1], m3.start, m3.end
    return None


#: at most this many words between a line's opening term and its dash or colon
_LINE_WORDS = 10


def _line_opening_term(doc: Doc, j: int) -> tuple[str, str, int, int] | None:
    """The term that opens a statement line (or a sentence, maybe after an article) whose dash
    or colon (token ``j``) follows a few more words of its wording the vocabulary lacks: "UAVs of
    the operational-tactical level — 17,867 (+68)", "Les véhicules blindés de combat suivent la
    même trajectoire : 23 928".  Only words and hyphens stand between."""
    toks = doc.tokens
    start = doc.sentence_range(j)[0]
    k = j - 1
    while k > start and j - k <= _LINE_WORDS and not toks[k].nl_before and (toks[k].kind == WORD or toks[k].raw == "-"):
        k -= 1
    if k == j - 1 or not (k == start or toks[k].nl_before) or j - k > _LINE_WORDS:
        return None
    if toks[k].raw in BULLETS or (toks[k].norm in doc.lex.articles and k + 1 < j):
        k += 1  # "• БпЛА … за добу – 9 439", "Les véhicules …"
    found = _metric_of(doc, k)
    if found is None or found[1] == "weak" or found[2] >= j:
        return None
    return found[0], found[1], k, found[2]


def _before_gloss_or_slash(doc: Doc, j: int) -> int:
    """Where a statement line's term ends before its dash at token ``j`` when a gloss in brackets
    or a second name after a slash stands between: "БПЛА (poziom operacyjno-taktyczny) – 33 526",
    "okrętów/łodzi – 28"."""
    toks = doc.tokens
    if j > 0 and toks[j - 1].raw == ")":
        return _before_brackets(doc, j - 1, 6) + 1
    if j > 1 and toks[j - 2].raw == "/" and toks[j - 1].kind == WORD:
        return j - 2
    return j


def _before_brackets(doc: Doc, j: int, reach: int) -> int:
    """The token before a bracketed gloss that token ``j`` closes (its opening at most ``reach``
    tokens back), else ``j``."""
    if j >= 0 and doc.tokens[j].raw == ")":
        opening = next((i for i in range(j - 1, max(-1, j - reach - 1), -1) if doc.tokens[i].raw == "("), None)
        if opening is not None:
            return opening - 1
    return j


def _bracketed_after_term(doc: Doc, c: Candidate) -> tuple[str, str, int, int] | None:
    """The metric term right before '(' when the brackets hold only the number: "tanks (320)"."""
    toks = doc.tokens
    j = c.first - 1
    if j < 1 or toks[j].raw != "(" or c.last >= len(toks) or toks[c.last].raw != ")":
        return None
    return _term_ending_at(doc, j)


def _term_ending_at(doc: Doc, end: int) -> tuple[str, str, int, int] | None:
    """A metric term (not a weak or statement word) whose match ends at token ``end``."""
    m = doc.match_end.get(end)
    found = _metric_of(doc, m.start) if m is not None else None
    if m is None or found is None or found[1] != "term":
        return None
    return found[0], found[1], m.start, m.end


def _noun_first(doc: Doc, c: Candidate) -> tuple[str, str, int, int] | None:
    """The metric term right before the number when the number ends its list item: what follows
    is a comma, the list's joining word, a full stop or the line's end ("helikoptereita 121 ja")."""
    toks = doc.tokens
    if c.num.words_only:  # German "… zwei Flugzeuge ein.": a verb's particle, not a number
        return None
    before = _before_qualifier(doc, c) + 1
    found = _term_ending_at(doc, before)
    k = c.last
    closing_verb = doc.lex.verb_final and k < len(toks) and k in doc.frame_at
    if found is None and closing_verb:
        # "toplam asker kaybı 950 bine ulaştı": the term, its word of loss, the number, the verb
        named = doc.match_end.get(before) or doc.ctx_end.get(before)
        frame = next((m for m in doc.matches_in(max(0, before - 3), before, "frame:loss") if m.end == before), None)
        if frame is not None and named is None:
            found = _term_ending_at(doc, frame.start)
    if found is None or _ordinal_dot(doc, c.last):
        return None
    ends_item = (
        k >= len(toks)
        or toks[k].nl_before
        or doc.sent_of[k] != doc.sent_of[c.first]
        or toks[k].raw in (",", ";", ".")
        or (toks[k].kind == WORD and toks[k].norm in doc.lex.conjunctions)
        or _increase_in_brackets(doc, k)  # "Marschflugkörper 4.137 (+0)"
        or closing_verb  # where the verb closes the clause, it closes the item too
    )
    return found if ends_item else None


def _increase_in_brackets(doc: Doc, k: int) -> bool:
    """Whether a bracketed increase opens at token k: "(+0)", "(+12)"."""
    toks = doc.tokens
    return k + 2 < len(toks) and toks[k].raw == "(" and toks[k + 1].raw == "+" and toks[k + 2].kind == NUM


#: how many words may stand between a term and the word that brings its figure to its value:
#: a verb ("aumentaram para"), or an adjective and a compound verb ("chars russes sont passées à")
_TO_WORDS = 5


def _term_put_at(doc: Doc, c: Candidate) -> tuple[str, str, int, int] | None:
    """The metric term a few words before the word that brings a figure to its value, right
    before the number: "as perdas de tanques aumentaram para 3.736 e de veículos blindados para
    7.275" (the term after the number belongs to the next item)."""
    j = _before_qualifier(doc, c) + 1
    to = doc.to_total_ending(j)
    if to is None:
        return None
    # the noun right before the word, or before a phrase of time that stands between them
    for start in dict.fromkeys((to.start, _since_phrase_start(doc, to.start))):
        for end in range(start, max(-1, start - _TO_WORDS), -1):
            m = doc.ctx_at.get(end) if end < to.start else None
            if m is not None and any(cat.startswith(("src:", "place:", "side:")) for cat in m.cats()):
                break  # "Soldaten laut ukrainischer Seite auf 171.730": a speaker stands between
            found = _term_ending_at(doc, end)
            if found is not None:
                return found
    return None


#: at most this many tokens in a phrase of time between a figure's noun and the word bringing it to its value
_SINCE_PHRASE = 10


def _since_phrase_start(doc: Doc, k: int) -> int:
    """Where a phrase of time since the war began, standing right before token k, starts ("die
    Verluste an Soldaten *seit Beginn des Ukraine-Krieges insgesamt* auf 500.080"), else k: the
    figure's noun stands before it."""
    for m in doc.matches_in(max(0, k - _SINCE_PHRASE), k, "date:since"):
        if all(doc.tokens[i].kind != NUM and not doc.tokens[i].nl_before for i in range(m.start, k)):
            return m.start
    return k


def _past_conjunction(doc: Doc, last: int, term_first: int) -> bool:
    """Whether the list's joining word stands between a number and the term found after it."""
    return term_first > last and any(
        doc.tokens[k].kind == WORD and doc.tokens[k].norm in doc.lex.conjunctions for k in range(last, term_first)
    )


def _before_gloss(doc: Doc, j: int) -> int:
    """The token before what may stand between a noun and its number where the number follows
    it: a gloss in brackets ("다연장로켓(MLRS) 203문") and particles ("戦車は4006台", "車両などを9834台")."""
    toks = doc.tokens
    j = _before_brackets(doc, j, 5)
    for _ in range(3):  # "装甲戦闘車両などを9834台": particles may stack, and span several tokens
        size = next(
            (
                k
                for k in (3, 2, 1)
                if j - k + 1 >= 0 and "".join(t.norm for t in toks[j - k + 1 : j + 1]) in doc.lex.particles
            ),
            0,
        )
        if not size:
            break
        j -= size
    return j


#: a word of a caseless script this long before "-34" names a model ("सुखोई-34", "केए-52"); a
#: shorter one is a clitic ("כ-400")
_CASELESS_NAME = 2


def _nonclaim_reason(doc: Doc, c: Candidate, dates: dict[int, DateMention]) -> str | None:
    """Why the number is not a figure, looking at the tokens around it."""
    toks = doc.tokens
    num = c.num
    aside = doc.aside[num.first]
    if aside is not None:
        return aside
    if num.words_only:  # "hunderte", "тысячи", "हजारों": a scale word that is itself vague
        own, before = doc.match_at.get(num.first), doc.match_end.get(num.first)
        if (own is not None and own.has("non:vague")) or (before is not None and before.has("non:few")):
            return REASONS["vague"]  # or one after "several", "кілька": "кілька сотень тисяч"
    if num.first in dates:
        return "date"
    cov = doc.cover[num.first]
    if cov is not None and not num.names_itself and not (cov.cats() & {"numword", "scale"}):
        if "kind:" in cov.prefixes:
            return "time window"
        non = next((x[4:] for x in cov.cats() if x.startswith("non:") and x[4:] in REASONS), None)
        return REASONS.get(non or "", "part of a phrase")
    tok = toks[num.first]
    if num.first + 1 < len(toks) and toks[num.first].kind == NUM:
        nxt = toks[num.last] if num.last < len(toks) else None
        if (
            nxt is not None
            and nxt.raw == ":"
            and num.last + 1 < len(toks)
            and toks[num.last + 1].kind == NUM
            and len(toks[num.last + 1].raw) == 2
        ):
            return "time of day"
    prev = toks[num.first - 1] if num.first > 0 else None
    if (  # the minutes of "8:31"
        prev is not None
        and prev.raw == ":"
        and prev.end == tok.start
        and len(tok.raw) == 2
        and num.first > 1
        and toks[num.first - 2].kind == NUM
        and len(toks[num.first - 2].raw) <= 2
        and toks[num.first - 2].end == prev.start
    ):
        return "time of day"
    if prev is not None and tok.kind == NUM:
        adjacent = prev.end == tok.start
        if prev.raw in ("-", "‑", "–") and num.first > 1 and adjacent:
            pp = toks[num.first - 2]
            # "T-72", "Су-34", "Szu–34", "т-62", "सुखोई-34"; not a clitic of a caseless script ("כ-400": about 400)
            first = pp.raw[:1]
            if (
                pp.kind == WORD
                and pp.end == prev.start
                and (
                    first.isupper()
                    or (len(pp.raw) <= 3 and first.islower())
                    or (len(pp.raw) >= _CASELESS_NAME and not first.isupper() and not first.islower())
                )
            ):
                return "model designation"
            if pp.kind == NUM and pp.end == prev.start:
                return None if _non_at(doc, num.last) is None else REASONS.get(_non_at(doc, num.last) or "", "range")
        if prev.kind == WORD and adjacent and prev.raw[:1].isupper() and len(prev.raw) <= 4 and prev.raw.isascii():
            return "model designation"
        if prev.kind == WORD and adjacent and prev.raw[-1:].isascii() and prev.raw[-1:].isalpha():
            return "part of a name"  # "@region776", "Su34": a number glued to Latin letters names something
        if prev.raw in ("$", "€", "£", "#", "№", "No"):
            return "money" if prev.raw in "$€£" else "number sign"
    nxt = toks[num.last] if num.last < len(toks) else None
    if (prev is not None and prev.raw == "/" and prev.end == tok.start) or (
        nxt is not None
        and nxt.raw == "/"
        and nxt.start == toks[num.last - 1].end
        and num.last + 1 < len(toks)
        and toks[num.last + 1].kind == NUM
    ):
        return "date or fraction"
    m = doc.match_end.get(num.first)
    if m is not None:
        for cat in m.cats():
            if cat == "non:day_before" and _counts_after(doc, num.last):
                continue  # "am letzten Tag 660 russische Soldaten": the day's count, not the day
            if cat in ("non:day_before", "non:money", "non:vague", "non:number_names"):
                return REASONS[cat[4:]]
    return None


def _counts_after(doc: Doc, k: int) -> bool:
    """Whether a category's name follows token ``k`` at once, or after one adjective ("660
    russische Soldaten")."""
    return any(_metric_of(doc, j) is not None for j in range(k, min(k + 2, len(doc.tokens))))


def year_like(num: NumberPhrase) -> bool:
    """Four digits of a year, Gregorian or Thai Buddhist era (2565 = 2022)."""
    return (
        bool(num.raw_digits)
        and num.raw_digits.isdigit()
        and len(num.raw_digits) == 4
        and (1900 <= num.value <= 2100 or 2500 <= num.value <= 2600)
    )


def _count_of_loss(doc: Doc, c: Candidate) -> bool:
    """Four digits right after a word of loss or right before a word of total are a count, not
    a year ("Russia's army has lost 2033 in total"): a year would take a preposition."""
    after_loss = any(m.end == c.first for m in doc.matches_in(max(0, c.first - 3), c.first, "frame:loss"))
    return after_loss or any(m.start == c.last for m in doc.matches_in(c.last, c.last + 1, "kind:total"))


def year_after(doc: Doc, k: int) -> bool:
    """Whether token k is a word that links a year of the war after it ("de 2022", "of 2023")."""
    toks = doc.tokens
    return (
        k + 1 < len(toks)
        and toks[k].norm in doc.lex.year_links | doc.lex.day_links
        and year_of(toks[k + 1]) is not None
    )


def _bare_ok(doc: Doc, c: Candidate) -> bool:
    """A bare number may be a figure: followed by punctuation, the end, or a word that refers back."""
    toks = doc.tokens
    j = c.last
    if c.num.glued in doc.lex.conjunctions and j < len(toks) and toks[j].kind == NUM:
        return True  # "१९ हजारदेखि २० हजार": the range's joining word is glued to the scale word
    if (
        j + 1 < len(toks)
        and toks[j].raw in ("'", "’")
        and toks[j + 1].kind == WORD
        and toks[j + 1].start == toks[j].end
    ):
        return True  # a Turkish case suffix: "24 bin 700'e ulaştı"
    if (
        j + 1 < len(toks)
        and toks[j].raw == "-"
        and toks[j].start == toks[j - 1].end
        and toks[j + 1].kind == WORD
        and toks[j + 1].start == toks[j].end
    ):
        return True  # a case suffix after a hyphen: "183 130-ს მიაღწია", "11 135-ə çatıb"
    if after_anaphora(doc, c.first):
        return True  # "de las cuales 1.060 se produjeron…": the part of the figure before
    if not c.num.words_only and year_after(doc, j):
        return True  # "las 106.720 de 2022": a year's share of the figure named before
    if j < len(toks) and toks[j].raw in _CLOSING and toks[j].start == toks[j - 1].end and doc.quoted[c.first]:
        return True  # «alrededor de 88.380» han fallecido: a quoted figure ends its quotation
    while j < len(toks) and toks[j].raw in _QUOTES and not toks[j].nl_before:
        j += 1
    if j >= len(toks) or toks[j].nl_before:
        return True
    tok = toks[j]
    if joins_range(doc, tok) and j + 1 < len(toks) and toks[j + 1].kind == NUM:
        return True  # "between 138,500 and 200,000 people": the metric of the next figure
    if tok.kind == WORD and tok.norm in doc.lex.conjunctions and doc.frame_at.get(j + 1) is not None:
        return True  # "зросли на 3 і склали 23 949": the clause goes on with a word of loss
    if _ordinal_dot(doc, j):
        return False
    if tok.kind == PUNCT:
        return tok.raw not in ("%", "-", "/", "x", "×")
    m = doc.match_at.get(j)
    if m is not None:
        cats = m.cats()
        if cats & {
            "non:bare_follow",
            "kind:anaphora",
            "non:unit_words",
            "non:unit_heads",
            "q:more_than_after",
            "q:about_after",
            "kind:increase_near",
            "kind:increase",
            "kind:total",
        }:
            return True
        if "date:" in m.prefixes:
            return True
    cm = doc.ctx_at.get(j)
    return cm is not None and ("date:" in cm.prefixes or "src:" in cm.prefixes)


def after_anaphora(doc: Doc, first: int) -> bool:
    """Whether a number follows "of which", "de las cuales", "entre os quais" (quotes or a
    qualifier between: "including just under 41,000"; a comma: "Sur ce nombre, 810")."""
    k = first
    while k > 0 and doc.tokens[k - 1].raw in _QUOTES:
        k -= 1
    k = doc.before_qualifier(k)
    if k > 0 and doc.tokens[k - 1].raw in (",", ":"):
        k -= 1
    return any(m.end == k for m in doc.matches_in(max(0, k - 4), k, "kind:anaphora"))


def find_candidates(doc: Doc, dates: list[DateMention]) -> list[Candidate]:
    """A candidate for every number of ``doc``, with its metric or the reason it is no figure."""
    date_tokens: dict[int, DateMention] = {}
    for dm in dates:
        for k in range(dm.first, dm.last):
            date_tokens[k] = dm
    out: list[Candidate] = []
    prev_fig: Candidate | None = None
    for num in doc.numbers:
        c = Candidate(num)
        c.plus = num.first > 0 and doc.tokens[num.first - 1].raw == "+"
        out.append(c)
        reason = _nonclaim_reason(doc, c, date_tokens)
        if reason is not None:
            c.reason = reason
            continue
        own = _metric_of(doc, num.first) if num.names_itself or (num.words_only and num.last - num.first == 1) else None
        if own is not None:  # a word that is its own count: Arabic dual "غواصتين" (two submarines)
            c.metric, c.how, c.term_first, c.term_last = own[0], own[1], num.first, num.last
            prev_fig = c
            continue
        fwd = _forward(doc, c)
        if isinstance(fwd, tuple):
            c.metric, c.how, c.term_first, c.term_last = fwd
        elif isinstance(fwd, str):
            c.reason = REASONS[fwd]
            continue
        if c.metric is None or c.how == "weak" or _past_conjunction(doc, c.last, c.term_first):
            # "personnel – about 400,300 (+1,210) people"; "helikoptereita 121 ja lentokoneita 276"
            back = _backward(doc, c) or _noun_first(doc, c)
            if back is None and c.how != "weak":
                # the term found after the number (if any) is the next item's: "die Zahl der
                # getöteten Soldaten auf 82.000 gestiegen", "o total de tanques … subiu para 3.736"
                back = _term_put_at(doc, c)
            if back is not None:
                c.metric, c.how, c.term_first, c.term_last = back
        if c.metric is None and doc.paren[num.first] and prev_fig is not None and _in_parens_after(doc, prev_fig, c):
            c.parent, c.metric, c.how = prev_fig, prev_fig.metric, "paren"
        if c.metric is None:  # "a tankok (320), a páncélozott (232)": the count in brackets after its noun
            named = _bracketed_after_term(doc, c)
            if named is not None:
                c.metric, c.how, c.term_first, c.term_last = named
        if c.metric == "personnel" and (
            (c.term_last > c.last and _taken_prisoner(doc, c)) or _captured_before(doc, c)
        ):  # "200 Russian soldiers were taken prisoner", "wzięły do niewoli ponad 200 Rosjan"
            c.metric = "pow"
        if year_like(num) and (
            (c.metric is None and not _count_of_loss(doc, c))
            or (num.first > 0 and doc.tokens[num.first - 1].norm in doc.lex.year_words)  # "im Jahr 2024"
        ):
            c.reason = "year"
            continue
        if c.metric is None and not _bare_ok(doc, c):
            c.reason = NO_METRIC
            continue
        if c.metric is not None and c.how != "paren":
            prev_fig = c
    _ranges_of_units(doc, out)
    return out


#: at most this many tokens between a count of people and the words that say they were captured
_PRISONER_REACH = 5


def _taken_prisoner(doc: Doc, c: Candidate) -> bool:
    """Whether the clause goes on, a few words after the people a number counts, to say they were
    taken prisoner (``pow`` words: "zostało wziętych do niewoli", "потрапили в полон")."""
    hi = min(doc.clause_range(c.term_last - 1)[1], c.term_last + _PRISONER_REACH)
    for m in doc.matches_in(c.term_last, hi, "metric:pow"):
        if m.start < c.term_last or any(t.kind == NUM for t in doc.tokens[c.term_last : m.start]):
            continue  # another number's: "5710 zabitych i 200 wziętych do niewoli"
        if doc.matches_in(c.term_last, m.start, "metric:personnel") or doc.matches_in(
            c.term_last, m.start, "frame:death"
        ):
            continue  # "9 тис військових убитими та полоненими": the dead and the captured together
        return True
    return False


def _captured_before(doc: Doc, c: Candidate) -> bool:
    """Whether a word of taking prisoner ends right before the number (past its qualifier), in
    its clause: "сили ЗСУ взяли в полон понад 200 росіян", "جرى أسر 200 جندي روسي"."""
    k = doc.before_qualifier(c.first)
    m = doc.match_end.get(k)
    return m is not None and m.has("metric:pow") and doc.clause_of[m.start] == doc.clause_of[c.first]


def joins_range(doc: Doc, tok: Token) -> bool:
    """Whether a token joins the two ends of a range ("138,500 and 200,000", "120–130")."""
    return tok.raw in ("-", "–") or doc.lex.joins(tok.norm)


#: the reasons a range's second number gives its first: the unit after it counts both
_RANGE_UNITS = frozenset(REASONS[k] for k in ("unit", "distance", "percent", "money", "time_after", "age", "ratio"))


def _ranges_of_units(doc: Doc, cands: list[Candidate]) -> None:
    """The first number of a range of units is units too, unless a term of its own names it:
    "entre 120 y 130 batallones", "for gains of 100 to 200 metres"."""
    for c, nxt in zip(cands, cands[1:], strict=False):
        if (
            (c.metric is None or c.how not in ("term", "stmt", "paren"))
            and c.reason is None
            and nxt.reason in _RANGE_UNITS
            and nxt.first == c.last + 1
            and joins_range(doc, doc.tokens[c.last])
        ):
            c.reason = nxt.reason


def _in_parens_after(doc: Doc, fig: Candidate, c: Candidate) -> bool:
    """Whether ``c`` is inside brackets that follow ``fig`` (its number or its term) directly."""
    toks = doc.tokens
    j = c.first - 1
    while j >= 0 and toks[j].raw != "(":
        if toks[j].raw == ")" or toks[j].nl_before or c.first - j > 16:
            return False
        j -= 1
    if j < 0:
        return False
    if j == fig.last:
        return True
    end = max(fig.last, fig.term_last)
    gap = toks[end:j]
    return end <= j and len(gap) <= 2 and all(t.kind == WORD for t in gap)


def pair_respectively(doc: Doc, cands: list[Candidate]) -> None:
    """A list of category nouns and as many numbers joined by "respectively" ("gepanzerte
    Kampffahrzeuge, Artilleriesysteme, Raketensysteme … – 22.567, 28.067 bzw. 1.388 Einheiten",
    "300 and 500 tanks and armoured vehicles respectively"): the numbers are the nouns' figures,
    in order.  The word stands in or right after the numbers, with the nouns before them, or
    right after the nouns that follow them."""
    for m in doc.matches_in(0, len(doc.tokens), "kind:respectively"):
        a, b = doc.sentence_range(m.start)
        for run in _number_runs(doc, [c for c in cands if a <= c.first < b and c.reason in (None, NO_METRIC)], m):
            if len(run) < 2:
                continue
            if run[0].first <= m.end and m.start <= run[-1].last + 1:
                terms = _noun_list(doc, a, run[0].first)[-len(run) :]
            else:
                terms = _noun_list(doc, run[-1].last, m.start)
                terms = terms if terms and m.start - terms[-1][2] <= 1 else []
            if len(terms) == len(run):
                for c, t in zip(run, terms, strict=True):
                    c.metric, c.how, c.term_first, c.term_last, c.reason = t[0], "term", t[1], t[2], None


def _number_runs(doc: Doc, nums: list[Candidate], word: Match) -> list[list[Candidate]]:
    """The runs of numbers with only separators, a conjunction or the "respectively" word between
    them."""
    toks = doc.tokens
    runs: list[list[Candidate]] = []
    for c in nums:
        gap = range(runs[-1][-1].last, c.first) if runs else range(0)
        joined = runs and all(
            toks[k].raw in (",", ";", ".") or toks[k].norm in doc.lex.conjunctions or word.start <= k < word.end
            for k in gap
        )
        if joined:
            runs[-1].append(c)
        else:
            runs.append([c])
    return runs


def _noun_list(doc: Doc, a: int, end: int) -> list[tuple[str, int, int]]:
    """The category nouns of tokens [a, end) as (metric, first, last), when no number stands
    between them (one list of nouns)."""
    terms: list[tuple[str, int, int]] = []
    k = a
    while k < end:
        found = _metric_of(doc, k)
        if found is not None and found[1] == "term" and found[2] <= end:
            terms.append((found[0], k, found[2]))
            k = found[2]
            continue
        if terms and doc.tokens[k].kind == NUM:
            return []
        k += 1
    return terms
