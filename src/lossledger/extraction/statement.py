"""The General Staff's daily statement, in every era of its format (uk/en/ru).

See ../shared/formats/general-staff-statement.md: a header "Загальні бойові втрати противника з
24.02.22 по 16.02.24 (орієнтовно) склали:" / "The total combat losses of the enemy from 24.02.22
to 16.02.24 were approximately:" / "Общие боевые потери противника с 24.02.22 по 16.02.24", then
one line per category, "<wording> <dash> [qualifier] <total> [(+<increase>)] [unit]", with any dash
(hyphen, en/em/figure dash, minus), separators in republished copies ("400 300", "+1 210"),
"(+0)", "(0)" or no bracket, and the categories renamed over time (taxonomy.toml's ``statement``
wording).  Line figures are found by figures.py's dash rule; this module recognises that a text
*is* a statement (so every line is the General Staff's, whatever the surrounding words); the
header's date range ("з 24.02.22 по 16.02.24") is read by dates.py/asof.py as the report date.
"""

from __future__ import annotations

from .document import Doc
from .figures import Candidate
from .model import GENERAL_STAFF_CUES
from .tokens import DASHES

__all__ = ["is_statement"]


def _dash_lines(doc: Doc, cands: list[Candidate]) -> int:
    """How many figures are written as statement lines: a term, a dash, the number; or a term
    alone on its line and the number alone on the next, as the statement's tables on news sites
    show it ("Танки\n10 576\nАртилерія\n25 912")."""
    count = 0
    toks = doc.tokens
    for c in cands:
        if c.reason is None and c.term_first >= 0 and c.term_first < c.first:
            between = toks[c.term_last : c.first]
            if any(t.raw in DASHES for t in between) or (
                not between
                and toks[c.first].nl_before
                and toks[c.term_first].nl_before
                and (c.last >= len(toks) or toks[c.last].nl_before)
            ):
                count += 1
    return count


def _bracketed_increases(cands: list[Candidate]) -> int:
    """How many figures carry the statement's "(+N)" after them: "8 971 tankų (+9), 17 876 … (+49)"."""
    return sum(1 for c in cands if c.reason is None and c.parent is not None and c.plus)


def is_statement(doc: Doc, cands: list[Candidate]) -> bool:
    """Whether the text carries the statement itself: its header, four or more category lines,
    or four or more figures with the statement's bracketed increase, however the lines are worded.
    Lines in a text that names other sources and not the General Staff are another tally in the
    statement's shape (a front group's month, "танки – 54;"), not the statement."""
    if doc.matches_in(0, len(doc.tokens), "src:statement-header"):
        return True
    if _dash_lines(doc, cands) < 4 and _bracketed_increases(cands) < 4:
        return False
    named = doc.named_sources()
    return not named or bool(named & GENERAL_STAFF_CUES)
