"""``check``: an article's figures against the ledger, with the evidence.

1. Extract the claims (extract/).
2. Find the report the General Staff figures come from by fingerprint (fingerprint.py), and let
   that report settle what the words left open: give default figures of which none is any
   report's near the text's date to others (``others_fitting_nothing``); name the list items
   whose category the text words in a way no vocabulary holds, and the numbers no word names at
   all that equal one line of the report (``name_with_ledger``); give a side's own acknowledged dead,
   read as the General Staff's but not its figures, to that side (``acknowledged_with_ledger``);
   give a figure neither its words nor its report make the General Staff's to others
   (``others_by_size``), and so the default figures of a text that quotes Russia's MoD or
   Ukraine's own losses and fits reports only weakly (``others_beside_acknowledged``); name the
   half of a split vehicles line a figure is (``_name_merged_line``); give a loosely bound
   figure the one line of the report it equals (``metric_with_ledger``).  A weak fit months before the text's date gives way to a report of
   its last days that fits half as well (``_recent_report``).
3. Decide the date the article *presents* its figures as — the date it states, when one is
   stated within a week after the fingerprinted report — and judge every claim against that
   report (verdicts.py): a figure from an earlier report is ``stale``.
4. Note framing problems: killed-and-wounded presented as deaths, a total presented as a 24-hour
   increase or the reverse, figures of several report dates mixed.
5. Put the other sources' nearest figures beside them (context.py).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from functools import partial
from typing import TYPE_CHECKING, Any

from .. import registry
from ..extraction import extract
from ..extraction.model import Claim
from ..extraction.numbers import trailing_zeros
from ..extraction.unnamed import BARE
from ..ledger.points import Point
from ..taxonomy import STATEMENT_METRICS
from .context import context_block
from .fingerprint import Fingerprint, FingerprintIndex, latest_report, round_figure, round_sum
from .report import CheckReport, Note
from .verdicts import Judgement, judge_general_staff, judge_other, line_value, reach_days
from .view import LedgerView

if TYPE_CHECKING:
    from ..ledger import Ledger

__all__ = ["check", "read_with_ledger"]

GENERAL_STAFF = registry.CLAIMS  # the source whose reports a text is fingerprinted against
#: A stated date this far after the fingerprinted report makes its figures stale, not mis-dated.
STALE_WINDOW = dt.timedelta(days=7)


def _view(ledger: Ledger | LedgerView) -> LedgerView:
    return ledger if isinstance(ledger, LedgerView) else LedgerView.from_ledger(ledger)


#: the two lines the statement merged into "vehicles and fuel tanks" on 2022-05-01
_HALVES = ("military_auto", "fuel_tanks")


def check(
    text: str,
    ledger: Ledger | LedgerView,
    published: str | dt.date | None = None,
    *,
    language: str | None = None,
    context: bool = True,
) -> CheckReport:
    """Check every loss figure of ``text`` against ``ledger``; see the module docstring.

    ``context=False`` leaves out the other sources' figures beside the report (most of a check's
    cost once the series are read; ``lossledger bulk`` does not report them)."""
    view = _view(ledger)
    found = extract(text, published=published, language=language)
    stated = found.as_of
    index = FingerprintIndex.load(view)
    latest = latest_report(published)
    source_with_ledger(found.claims, index, latest, stated)
    mistaken_russian_with_ledger(found.claims, index, latest, stated)
    gs_claims = [c for c in found.claims if c.source == GENERAL_STAFF]
    # every report the text may quote, ranked by the text's own date, weekday and publication
    find = partial(index.find, near=stated, latest=latest, weekday=found.weekday)
    fingerprint = read_with_ledger(gs_claims, index, find(gs_claims), find)
    settle: list[Callable[[list[Claim], Fingerprint], bool]] = [  # the report settles what words left open
        lambda gs, fp: others_fitting_nothing(gs, index, latest),
        lambda gs, fp: acknowledged_with_ledger(gs, view, index, fp.date),
        lambda gs, fp: others_by_size(gs, index, fp),
        lambda gs, fp: others_beside_acknowledged(gs, found.claims, index, fp),
        lambda gs, fp: russian_toll_with_ledger(found.claims, view, index, fp),
        lambda gs, fp: repeated_increases(found.claims, index, fp),
        lambda gs, fp: month_sums_with_ledger(gs, index, fp, latest),
        lambda gs, fp: (
            fp.date is not None and fp.confidence >= NAME_CONFIDENCE and metric_with_ledger(gs, index, fp.date)
        ),
    ]
    for step in settle:  # each step that changes a claim is followed by a new fingerprint
        if step(gs_claims, fingerprint):
            gs_claims = [c for c in found.claims if c.source == GENERAL_STAFF]
            fingerprint = find(gs_claims)
    found.claims = _once(found.claims)
    gs_claims = [c for c in found.claims if c.source == GENERAL_STAFF]
    fingerprint = _recent_report(gs_claims, index, fingerprint, latest)
    captured = _captured_later(gs_claims, index, fingerprint, latest)
    if captured is not None:  # a page element stored after the page was written
        fingerprint = captured
    by_period = _period_report(gs_claims, index, fingerprint, latest)
    if by_period is not None:  # its figures are sums over periods up to that report: none is stale
        fingerprint = by_period
    reference = fingerprint.date if by_period is not None else _reference_date(fingerprint.date, stated, view)
    newer = newest_quoted(gs_claims, index, fingerprint, latest)
    if newer is not None and (reference is None or newer >= reference):
        reference = newer
    else:
        newer = None
    named: list[Claim] = []
    if found.unnamed and fingerprint.confidence >= NAME_CONFIDENCE and fingerprint.date is not None:
        named = name_with_ledger(found.unnamed, found.claims, index, fingerprint.date)
        found.claims = sorted([*found.claims, *named], key=lambda c: c.span[0])
        gs_claims = [c for c in found.claims if c.source == GENERAL_STAFF]
    spans = {c.span for c in named}
    unnamed = [u for u in found.unnamed if u.span not in spans and BARE not in u.framing]
    back = max([15, *(reach_days(c, reference) for c in gs_claims if c.kind == "increase")])
    series = view.points(GENERAL_STAFF, start=reference - dt.timedelta(days=back), end=reference) if reference else {}
    _name_merged_line(found.claims, series, reference)
    judgements = [
        judge_general_staff(c, series, reference)
        if c.source == GENERAL_STAFF
        else judge_other(c, view, reference or stated)
        for c in found.claims
    ]
    report = CheckReport(found.language, fingerprint, reference, stated, judgements, newest_quoted=newer)
    report.notes = _notes(report, series) + [_unnamed_note(u, report.report_date) for u in [*named, *unnamed]]
    if captured is not None and captured is fingerprint:
        report.notes.append(Note(
            "report-after-publication",
            f"The figures are those of the {captured.date} report, issued after the text's date ({published}):"
            " a part of the page updated after it was written (a live widget), not the article's own figures.",
        ))  # fmt: skip
    report.context = context_block(view, reference, series) if context else {}
    report.documents = _documents(view, report)
    return report


def _settled(c: Claim, what: str, **changes: Any) -> None:
    """Change what the report settled on ``c`` (its ``what``: kind, source or metric) and say so
    in its framing ("source-from-ledger")."""
    for name, value in changes.items():
        setattr(c, name, value)
    c.framing = sorted({*c.framing, f"{what}-from-ledger"})


#: kinds decided by these may be re-read with the ledger; a cue at the figure may not
_WEAK_KINDS = {"default", "sentence", "list", "trailing", "size", "period", "more", "altogether"}


def _name_merged_line(claims: list[Claim], series: dict[str, Any], reference: dt.date | None) -> None:
    """A text that names one half of "vehicles and fuel tanks" ("26,654 fuel tanks" in 2024) for
    a report that has only the merged line names that line; a text that lists both halves (the
    report of 2022-05-01 beside the older split) keeps them; "vehicles" that are not the merged
    line's figure but one half's are that half."""
    halves = [c for c in claims if c.metric in ("vehicles", *_HALVES)]
    if len({c.metric for c in halves}) == 1 and reference in series.get("vehicles", {}):
        for c in halves:
            if reference not in series.get(c.metric, {}):
                c.metric = "vehicles"
    for c in halves:  # "1144 innych pojazdów" on a report of the split lines: the half it equals
        if c.metric == "vehicles" and reference is not None and not _equals(c, series.get("vehicles", {}), reference):
            equal = [half for half in _HALVES if _equals(c, series.get(half, {}), reference)]
            if len(equal) == 1:
                c.metric = equal[0]


def _equals(c: Claim, points: dict[dt.date, Point], day: dt.date) -> bool:
    value = line_value(points.get(day), c.kind)
    return value is not None and c.value == value


def read_with_ledger(
    claims: list[Claim], index: FingerprintIndex, fingerprint: Fingerprint, find: Callable[[list[Claim]], Fingerprint]
) -> Fingerprint:
    """Re-read figures whose kind the words left open (no cue at the figure) with the ledger:
    one that is not its kind's value on the report the text quotes but is the other kind's value
    there ("two tanks" with no cue: that day's increase) takes the other kind.  A figure that fits
    neither reading keeps its kind and is judged a mismatch: an outlet's error is never hidden.
    When no report fits the figures as read, or one fits only weakly, the reading with every open
    kind flipped is tried; if it fits no better, a weakly fitting report still settles the figures
    one by one.
    ``find`` fingerprints claims with the text's own date hints (``FingerprintIndex.find``)."""
    open_ = [c for c in claims if c.kind_by in _WEAK_KINDS and not c.multi_day]
    if not open_:
        return fingerprint
    date = fingerprint.date
    if date is None or fingerprint.confidence < 0.5:
        flipped = [c if c not in open_ else _other_kind(c) for c in claims]
        trial = find(flipped)
        if trial.date is not None and trial.confidence > max(0.5, fingerprint.confidence):
            date = trial.date
        elif date is None:
            return fingerprint
    changed = False
    for c in open_:
        reading = _as_fits(c, index, date)
        if reading is not None and reading is not c:
            _settled(c, "kind", kind=reading.kind, period=None, kind_by="ledger")
            changed = True
    return find(claims) if changed else fingerprint


#: what unattributed figures need to be read as one General Staff report's: the fingerprint's
#: confidence, and exact figures equal to that report — three, an exact personnel total counting
#: two (it names one day), or two when the report is of the date the text states
SOURCE_CONFIDENCE = 0.6
#: an exact total at least this large names a few reports at most
_SPECIFIC_TOTAL = 100


def source_with_ledger(
    claims: list[Claim], index: FingerprintIndex, latest: dt.date | None = None, stated: dt.date | None = None
) -> None:
    """Figures whose speaker the text names in another sentence or not at all ("As of 28 July,
    40,230 soldiers. Russia lost 1,742 tanks, 3,979 armoured vehicles…" after a politician's
    quote) are the General Staff's when, exactly as stated, they are one report's figures (see
    ``SOURCE_CONFIDENCE``) and nothing the text attributes to the General Staff points elsewhere.
    A figure attributed in its own sentence keeps its source: the ledger decides only what the
    words leave open."""
    open_ = [c for c in claims if c.source != GENERAL_STAFF and not c.named_source and not c.multi_day]
    # an exact figure, not Ukraine's own losses, that the attributed figures' report may hold alone
    single = [c for c in open_ if c.source != "ukraine-own" and c.qualifier == "exact" and c.value >= _SPECIFIC_TOTAL]
    if not single and len(open_) < 2:
        return
    named = index.find([c for c in claims if c.source == GENERAL_STAFF], latest=latest)
    if named.date is not None and named.confidence >= SOURCE_CONFIDENCE:
        # the text's attributed figures fix a report: a figure with no speaker of its own that is
        # exactly that report's ("303 russische Panzer zerschossen" above the list) is one of it
        for c in single:
            if _as_fits(c, index, named.date) is c:
                _settled(c, "source", source=GENERAL_STAFF)
    if len(open_) < 2:
        return
    as_gs = _as_general_staff(open_)
    trial = index.find(as_gs, near=stated, latest=latest)
    if trial.date is not None and trial.confidence < SOURCE_CONFIDENCE:
        # "Zelensky: 30-35 thousand a month … • 900 in the past day, 1,270,400 in all": figures
        # that fit the report with an exact total among them (a few small increases fit some
        # day by chance) are judged by themselves, the others keep their speaker
        fitting = [r for c in as_gs if (r := _as_fits(c, index, trial.date)) is not None]
        if any(c.kind == "total" and c.qualifier == "exact" and c.value >= _SPECIFIC_TOTAL for c in fitting):
            trial = index.find(fitting, near=stated, latest=latest)
    if trial.date is None or trial.confidence < SOURCE_CONFIDENCE:
        return
    readings = [_as_fits(c, index, trial.date) for c in as_gs]
    evidence = sum(_evidence(r) for r in readings if r is not None and r.qualifier == "exact")
    if evidence < (2 if trial.date == stated else 3):
        return
    if named.date is not None and named.confidence >= 0.5 and named.date != trial.date:
        return
    _the_reports(open_, readings)


#: a total this large, not rounded, that equals a report's is that report's whoever the text names
_RUSSIA_NEVER_COUNTED = 10_000


def mistaken_russian_with_ledger(
    claims: list[Claim], index: FingerprintIndex, latest: dt.date | None = None, stated: dt.date | None = None
) -> None:
    """Russia's own losses by the text's words that are, digit for digit, one General Staff
    report's figures, among them a total of tens of thousands not rounded ("1,073,530 troop losses
    … 830 in the past day, the General Staff of the Russian armed forces said"): the outlet
    mistook Ukraine's General Staff for Russia's, which has never published such counts."""
    russian = [c for c in claims if c.source == "russian-mod"]
    if len(russian) < 2:
        return
    as_gs = _as_general_staff(russian)
    trial = index.find(as_gs, near=stated, latest=latest)
    if trial.date is None or trial.confidence < SOURCE_CONFIDENCE:
        return
    readings = [_as_fits(c, index, trial.date) for c in as_gs]
    fitting = [r for r in readings if r is not None]
    if len(fitting) < 2 or not any(
        r.kind == "total" and r.value >= _RUSSIA_NEVER_COUNTED and not round_sum(r.value) for r in fitting
    ):
        return
    _the_reports(russian, readings)


def _as_general_staff(claims: list[Claim]) -> list[Claim]:
    """Copies of ``claims`` as the General Staff's, to try them against the reports."""
    return [replace(c, source=GENERAL_STAFF, framing=list(c.framing)) for c in claims]


def _the_reports(claims: list[Claim], readings: list[Claim | None]) -> None:
    """The claims whose reading fits the report become the General Staff's."""
    for c, reading in zip(claims, readings, strict=True):
        if reading is not None:
            _settled(c, "source", source=GENERAL_STAFF)


def _as_fits(c: Claim, index: FingerprintIndex, date: dt.date) -> Claim | None:
    """``c`` if it is the report's figure of ``date``; else its other kind's reading where no cue
    at the figure settled its kind and that reading is ("22万8340人 … 560人": a total and its day's
    loss; read_with_ledger gives it that kind); else None."""
    if index.fits_on(c, date):
        return c
    other = _other_kind(c)
    return other if c.kind_by in _WEAK_KINDS and index.fits_on(other, date) else None


#: how far back from its publication a text's General Staff figures are looked for in the ledger
_FIT_WINDOW = dt.timedelta(days=60)
#: before this report the ledger misses the first days' several updates a day (morning tallies)
_LEDGER_FULL = dt.date(2022, 3, 6)
#: a round or qualified figure fits a report within this share of its value (the outlet rounds)
_LOOSE = 25


#: figures a named speaker gives of which none fits any report of the months before: a front
#: sector's or an operation's tally ("ad Avdiivka … 47.186 persone; 364 carri armati; …"), not an
#: outlet's slips, which sit beside right figures
_NAMED_NONE_FIT = 3


def others_fitting_nothing(claims: list[Claim], index: FingerprintIndex, latest: dt.date | None) -> bool:
    """Figures the General Staff got only by default (no sentence of theirs names it) of which
    not one is any report's figure in the two months before the text was published, even
    loosely ("more than 150", "700 thousand": within 4 %), are someone else's: a front sector's
    day, a commander's estimate, Russia's MoD on Ukraine's losses where the words missed the
    speaker.  One figure that fits keeps them all: an outlet's error beside right figures stays
    a mismatch.  Whether anything changed."""
    if latest is None or latest < _LEDGER_FULL or not claims:
        return False
    daily = [c for c in claims if not c.multi_day]
    if not daily or (any(c.named_source for c in claims) and len({c.key() for c in daily}) < _NAMED_NONE_FIT):
        return False
    window = range((latest - _FIT_WINDOW).toordinal(), latest.toordinal() + 1)
    for c in daily:
        if c.qualifier != "exact" or round_figure(c):
            c = replace(c, qualifier="about", precision=max(c.precision or 1, c.value // _LOOSE))
        if any(d in window for d in index.ordinals(c)):
            return False
    # a loss over a stated period that is the rise of the reports over it ("seit Sonntag 4.180")
    if any(c.multi_day and any(d in window for d in index.period_ordinals(c)) for c in claims):
        return False
    for c in claims:
        _settled(c, "source", source="other")
    return True


#: how sure the fingerprint must be of its report before a figure that does not fit it goes to others
_SIZE_CONFIDENCE = 0.2


def others_by_size(claims: list[Claim], index: FingerprintIndex, fingerprint: Fingerprint) -> bool:
    """A figure the words gave the General Staff only from another sentence, and whose kind only
    its size decided ("Kyiv says 1,030 died. ... 27 people were killed in the strike": no cue
    makes the 27 a day's loss), that is no figure of the report the text quotes nor of the week
    before it, is someone else's: the words never said it was the statement's.  A figure with a
    cue of its own that fits nothing stays the General Staff's, a mismatch.  Whether anything
    changed."""
    if fingerprint.date is None or fingerprint.confidence < _SIZE_CONFIDENCE:
        return False
    last = fingerprint.date.toordinal()
    window = range(last - STALE_WINDOW.days, last + 1)
    changed = False
    for c in claims:
        if c.named_source or c.kind_by != "size" or c.multi_day:
            continue
        if not any(d in window for d in index.ordinals(c)):
            _settled(c, "source", source="other")
            changed = True
    return changed


#: the sources of a side's own acknowledged losses (acknowledged-own-losses in ../shared/data)
ACKNOWLEDGED = ("russian-mod", "ukraine-own")


def others_beside_acknowledged(
    gs_claims: list[Claim], claims: list[Claim], index: FingerprintIndex, fingerprint: Fingerprint
) -> bool:
    """Figures the General Staff got only by default, in a text that also quotes Russia's MoD
    or Ukraine's own losses and whose figures fit reports only weakly (fingerprint under
    ``_SIZE_CONFIDENCE``), are the other speaker's: a Russian MoD briefing's list of "destroyed
    Ukrainian tanks", a Western estimate beside Moscow's admitted toll.  Figures whose sentence
    names the General Staff stay its own, and so does a total of the report they best fit (a
    personnel total beside Zelensky's count of Ukraine's dead).  Whether anything changed."""
    date = fingerprint.date
    if date is None or fingerprint.confidence >= _SIZE_CONFIDENCE or not any(c.source in ACKNOWLEDGED for c in claims):
        return False
    changed = False
    for c in gs_claims:
        if not c.named_source and not (c.kind == "total" and index.fits_on(c, date)):
            _settled(c, "source", source="other")
            changed = True
    return changed


def russian_toll_with_ledger(
    claims: list[Claim], view: LedgerView, index: FingerprintIndex, fingerprint: Fingerprint
) -> bool:
    """Russia's losses of soldiers that the words credit to Russia's MoD ("Russia has reported
    the loss of 1,340 soldiers in one day", "440 weitere Soldaten von Kreml-Chef Putin") but that
    are, as stated, figures of the General Staff report the text quotes, and no toll Moscow
    acknowledged, are the General Staff's: Moscow has published no running toll of its own since
    September 2022; one stated again beside the General Staff's own is that figure, one claim.
    Whether anything changed."""
    date = fingerprint.date
    if date is None or fingerprint.confidence < 0.5:
        return False
    suspects = [c for c in claims if c.source == "russian-mod" and c.metric == "personnel"]
    if not suspects:
        return False
    acknowledged = _acknowledged_totals(view)
    reported = view.points(GENERAL_STAFF, start=date, end=date).get("personnel", {}).get(date)
    changed = False
    for c in suspects:
        if c.value in acknowledged or not index.fits_on(replace(c, source=GENERAL_STAFF), date):
            continue
        if trailing_zeros(c.value) >= _ROUND and not _within(c, reported, _NEAR_ROUND):
            continue  # "up to 14,000 wounded", "400,000": an estimate's round figure, not the report's rounded
        if any(_same_figure(c, other) for other in claims if other.source == GENERAL_STAFF):
            claims.remove(c)  # the report's figure stated again (headline and body): one claim
        else:
            _settled(c, "source", source=GENERAL_STAFF)
        changed = True
    return changed


#: a figure with this many trailing zeros is round; as the report's rounding it is this close to it
_ROUND = 3
_NEAR_ROUND = 0.01


def _within(c: Claim, point: Point | None, share: float) -> bool:
    value = line_value(point, c.kind)
    return value is not None and abs(c.value - value) <= share * value


def repeated_increases(claims: list[Claim], index: FingerprintIndex, fingerprint: Fingerprint) -> bool:
    """A General Staff "total" that is not the report's total but the very figure the text gives
    as that report's new loss of the metric ("‘1,740 of Putin's men killed’ … 1,740 troops lost in
    a single day", "lost 41 artillery systems and a total of 35 … in a single day") is that figure
    stated again: one claim, the new loss.  A total that equals no new loss the text states stays
    a mismatch.  Whether anything changed."""
    date = fingerprint.date
    if date is None or fingerprint.confidence < 0.5:
        return False
    gs = [c for c in claims if c.source == GENERAL_STAFF]
    stated = {(c.metric, c.value) for c in gs if c.kind == "increase" and not c.multi_day and index.fits_on(c, date)}
    repeats = [c for c in gs if c.kind == "total" and (c.metric, c.value) in stated and not index.fits_on(c, date)]
    for c in repeats:
        claims.remove(c)
    return bool(repeats)


def _once(claims: list[Claim]) -> list[Claim]:
    """One claim per figure and source, as extraction merges them: a figure the ledger gave the
    speaker its other mention already had (headline and body) is that claim again."""
    seen: set[tuple[str, str, str, int]] = set()
    out = []
    for c in claims:
        if c.key() not in seen:
            seen.add(c.key())
            out.append(c)
    return out


#: how far a month's sum may end before the report the rest of the text quotes
_MONTH_BEFORE = dt.timedelta(days=45)


def month_sums_with_ledger(
    claims: list[Claim], index: FingerprintIndex, fingerprint: Fingerprint, latest: dt.date | None
) -> bool:
    """A General Staff "total" (or a day's loss) that no report near the text's has but that is,
    exactly, the rise over a calendar month ("Russia lost 45,720 soldiers, its worst month", the
    month named elsewhere or not at all) is that month's increase: the report of the 1st less that
    of the month before.  Sums of 1,000 or more, not ending in "00" (a round figure may be anything)."""
    date = fingerprint.date
    changed = False
    for c in claims:
        if c.multi_day or c.qualifier != "exact" or c.value < 1_000 or round_sum(c.value):
            continue
        near = [d for d in index.ordinals(c) if latest is None or d <= latest.toordinal()]
        if date is not None:
            near = [d for d in near if abs(d - date.toordinal()) <= _MONTH_BEFORE.days]
        if near:
            continue
        month = replace(c, kind="increase", period="P1M", framing=list(c.framing))
        ends = list(index.period_ordinals(month, month_starts=True))
        if latest is not None:
            ends = [d for d in ends if d <= latest.toordinal()]
        if date is not None:
            ends = [d for d in ends if 0 <= date.toordinal() - d <= _MONTH_BEFORE.days]
        if ends:
            _settled(c, "kind", kind="increase", period="P1M")
            changed = True
    return changed


def _same_figure(a: Claim, b: Claim) -> bool:
    return (a.metric, a.kind, a.value) == (b.metric, b.kind, b.value)


def acknowledged_with_ledger(
    claims: list[Claim], view: LedgerView, index: FingerprintIndex, date: dt.date | None
) -> bool:
    """A personnel total read as the General Staff's that is not that report's figure (or no
    report fits) but is, exactly, a total one side acknowledged of its own dead or wounded
    ("Moscow last gave 5,937 dead", "Zelensky: 31,000 soldiers killed") is that side's, and a
    total even where the words made it a new loss: the ledger names the speaker the words left
    to a default.  Whether anything changed."""
    suspects = [
        c
        for c in claims
        if c.metric == "personnel"
        and c.qualifier == "exact"  # "about 31,000" is someone's rounding, not that figure
        and (c.kind == "total" or c.period in (None, "P1D", "P1M"))  # "in September 2022": the month it was stated
        and (date is None or not index.fits_on(c, date))
    ]  # fmt: skip
    if not suspects:
        return False
    owners = _acknowledged_totals(view)
    changed = False
    for c in suspects:
        owner = owners.get(c.value)
        if owner is not None:
            _settled(c, "source", source=owner, kind="total", period=None)
            changed = True
    return changed


def _acknowledged_totals(view: LedgerView) -> dict[int, str]:
    """Every personnel total a side acknowledged of its own losses exactly (not a round "about
    10,000", which a General Staff figure may be too), and whose it is."""
    out: dict[int, str] = {}
    for source in ACKNOWLEDGED:
        if source not in view.sources:
            continue
        for category in view.categories(source):
            for row in view.raw(source, metrics=["personnel"], category=category):
                if row.kind == "total" and row.qualifier == "exact":
                    out.setdefault(row.value, source)
    return out


#: how sure the report date must be before list items are named by its figures
NAME_CONFIDENCE = 0.6


def name_with_ledger(unnamed: list[Claim], claims: list[Claim], index: FingerprintIndex, date: dt.date) -> list[Claim]:
    """List items whose noun the vocabulary lacks (extraction/unnamed.py) named by the report the
    text quotes: an item takes the one statement line, of those the text names nowhere else,
    whose figure of its kind on ``date`` equals it; an item that equals none, or several, stays
    unnamed.  A bare number of a sentence of losses (``BARE``) may be a total or an increase: it
    takes the one line of either kind that equals it on ``date`` (on any day of the weeks before,
    too many lines equal too many numbers)."""
    taken = {(c.metric, c.kind) for c in claims if c.source == GENERAL_STAFF}
    out: list[Claim] = []
    parent: Claim | None = None
    for item in unnamed:
        if "bracketed" in item.framing:  # "(+0)" after its item: the item's line, whatever it says
            if parent is not None:
                out.append(replace(item, metric=parent.metric, framing=["metric-from-ledger"]))
            continue
        parent = None
        if item.value < 2:  # 0 and 1 are on every line of some report: they name nothing
            continue
        if BARE in item.framing:  # a number no word names: the one line of either kind it equals that day
            fits = [
                (line, kind)
                for kind in ("total", "increase")
                if (line := _the_one_line(replace(item, kind=kind), index, date, taken))
            ]
            if len(fits) == 1:
                line, kind = fits[0]
                out.append(replace(item, metric=line, kind=kind, framing=["metric-from-ledger", BARE]))
                taken.add((line, kind))
            continue
        line = _the_one_line(item, index, date, taken)
        if line is not None:
            parent = replace(item, metric=line, framing=["metric-from-ledger"])
            taken.add((parent.metric, parent.kind))
            out.append(parent)
    return out


def _the_one_line(claim: Claim, index: FingerprintIndex, date: dt.date, taken: set[tuple[str, str]]) -> str | None:
    """The one statement line, of those no claim holds (``taken``: metric and kind), whose figure
    of ``claim``'s kind on ``date`` equals it; None when none does, or several."""
    fits = [
        m
        for m in STATEMENT_METRICS
        if (m, claim.kind) not in taken and index.fits_on(replace(claim, metric=m, framing=[]), date)
    ]
    return fits[0] if len(fits) == 1 else None


#: below this confidence a figure's category came from a list's coordination or a noun before it
#: (extraction/engine.py), not from a term at the figure or a statement line
BOUND_CONFIDENCE = 0.8


def metric_with_ledger(claims: list[Claim], index: FingerprintIndex, date: dt.date) -> bool:
    """A figure whose category the words bound only loosely (a list's coordination, a noun
    before it) that is not that category's figure on the report the text quotes but is, exactly,
    the figure of one other line no other claim holds ("337" beside "artillery" in a run-on
    list, the report's MLRS) takes that line.  A figure bound by a term at it keeps its
    category, and a mismatch is reported.  Whether anything changed."""
    fitting = [index.fits_on(c, date) for c in claims]
    taken = {(c.metric, c.kind) for c, fits in zip(claims, fitting, strict=True) if fits}
    changed = False
    for c, fits in zip(claims, fitting, strict=True):
        if fits or c.confidence >= BOUND_CONFIDENCE or c.qualifier != "exact" or c.value < 2 or c.multi_day:
            continue  # 0 and 1 are on every line of some report: they name nothing
        line = _the_one_line(c, index, date, taken)  # its own line does not fit: never the one
        if line is not None:
            _settled(c, "metric", metric=line)
            taken.add((c.metric, c.kind))
            changed = True
    return changed


def _unnamed_note(item: Claim, date: dt.date | None) -> Note:
    """What a reader should know of a list item whose category the text names in words no
    vocabulary holds: which line of the report it was read as, or that it was not checked."""
    if BARE in item.framing:
        return Note(
            "number-named-by-ledger",
            f"no word names what {item.text} counts; read as the {item.metric} {item.kind}, the one line of that"
            " report it equals",
            item.span,
        )
    said = f"{item.text} is an item of a General Staff list whose category is in words lossledger does not know"
    if item.metric:
        return Note(
            "list-item-named-by-ledger",
            f"{said}; read as {item.metric}, the one line of that report it equals",
            item.span,
        )
    where = f"no line of the report of {date.isoformat()} equals it" if date else "no report was found to name it"
    return Note("unnamed-list-item", f"{said}; {where}, so it is not checked", item.span)


#: how far after the best-fitting report a text's newest figures may be, and the evidence they need
MIX_WINDOW = dt.timedelta(days=3)


def newest_quoted(
    claims: list[Claim], index: FingerprintIndex, fingerprint: Fingerprint, latest: dt.date | None = None
) -> dt.date | None:
    """A text that mixes two reports ("111,760 personnel (+590)" of today beside yesterday's
    equipment list, as pages updated by hand do) is judged against the newer: the latest report
    within three days after the best-fitting one whose own figures the text states — two figures,
    or one exact personnel total, that equal that report and not the best one.  It is then the
    report date, and the older figures are stale, with their date."""
    best = fingerprint.date
    if best is None or fingerprint.confidence < 0.5:
        return None
    first = best.toordinal()
    last = min(first + MIX_WINDOW.days, latest.toordinal() if latest is not None else first + MIX_WINDOW.days)
    evidence: Counter[int] = Counter()
    for c in claims:
        if c.source != GENERAL_STAFF or c.multi_day:
            continue
        dates = index.ordinals(c)
        if first in dates:
            continue
        for d in dates:
            if first < d <= last:
                evidence[d] += _evidence(c)
    newer = [d for d, weight in evidence.items() if weight >= 2]
    return dt.date.fromordinal(max(newer)) if newer else None


def _evidence(c: Claim) -> int:
    """What a figure equal to a report says for that report: an exact personnel total names one
    day (two), any other figure one."""
    return 2 if (c.metric, c.kind, c.qualifier) == ("personnel", "total", "exact") else 1


def _other_kind(c: Claim) -> Claim:
    return replace(c, kind="increase" if c.kind == "total" else "total", period=None, framing=list(c.framing))


#: a report this weakly fingerprinted, and over a week before the text was published, gives way to
#: one of the text's last days that explains at least half as much of it (``_recent_report``)
_RECENT_CONFIDENCE = 0.3
_RECENT_DAYS = 3


def _fixes_a_day(fingerprint: Fingerprint) -> bool:
    """Whether the figures date their report surely enough to keep it: neither weakly nor by a
    coincidence of small figures (``Fingerprint.coincidence``)."""
    return fingerprint.date is not None and not fingerprint.coincidence and fingerprint.confidence >= _RECENT_CONFIDENCE


def _recent_report(
    claims: list[Claim], index: FingerprintIndex, fingerprint: Fingerprint, latest: dt.date | None
) -> Fingerprint:
    """News quotes the report of its day: where a few small figures fit a report months before
    the text was published only weakly ("22 artillery systems and 31 drones in a day" fit many
    days) or by coincidence (three drones in all: the war's first week), a report of the text's
    last days that fits at least half as well is the one it quotes."""
    if latest is None or fingerprint.date is None or _fixes_a_day(fingerprint):
        return fingerprint
    if (latest - fingerprint.date) <= STALE_WINDOW:
        return fingerprint
    recent = index.find(claims, near=latest, latest=latest, earliest=latest - dt.timedelta(days=_RECENT_DAYS))
    return recent if recent.date is not None and recent.score >= fingerprint.score / 2 else fingerprint


#: a report after the text's publication is taken only when this many distinct figures, all of
#: the text's but one, fit it surely: a page's live widget captured when it was stored
_CAPTURED_FIGURES = 4
_CAPTURED_CONFIDENCE = 0.8


def _captured_later(
    claims: list[Claim], index: FingerprintIndex, fingerprint: Fingerprint, latest: dt.date | None
) -> Fingerprint | None:
    """The report a page's figures come from when it was issued after the page's date: a site's
    header widget ("1 225th day of the war: 1,022,090 personnel, 10,985 tanks …") holds the totals
    of the day the page was stored, not of the day it was written.  Only where the figures fix no
    day up to publication and all of them but one (stale, or a figure of the article's own), four
    or more, fit one later report surely."""
    if latest is None or _fixes_a_day(fingerprint):
        return None
    later = index.find(claims, earliest=latest + dt.timedelta(days=1))
    if (
        later.date is None
        or later.confidence < _CAPTURED_CONFIDENCE
        or later.matched < max(_CAPTURED_FIGURES, later.claims - 1)
    ):
        return None
    return later


#: how many days before publication the report that losses over stated periods sum up to is
#: looked for, and how sure its date is (never above a look-alike's bound: a rise over months
#: can equal another speaker's count by chance)
_PERIOD_DAYS = 14
_PERIOD_CONFIDENCE = 0.5


def _period_report(
    claims: list[Claim], index: FingerprintIndex, fingerprint: Fingerprint, latest: dt.date | None
) -> Fingerprint | None:
    """The report a text quotes whose General Staff figures fix no day (or only weakly, or by
    coincidence) but include losses over stated periods ("за три зимних месяца … около 92 850", a
    commander's winter): the latest report of the fortnight up to the day of publication over
    whose periods the reports rose by most of them (at least half); None when the figures fix a
    day or no report is that."""
    # "almost 300,000", "over 7,700" fit many reports' rise: only figures with their last digits
    spans = [c for c in claims if c.multi_day and not round_sum(c.value)]
    # a day fixed by coincidence or weakly ("4 cruise missiles" beside a week's sums) is no day fixed
    if _fixes_a_day(fingerprint) or latest is None or not spans:
        return None
    published = latest.toordinal() - 1  # (``latest`` allows for a clock ahead of Kyiv's)
    window = range(published - _PERIOD_DAYS, published + 1)
    fits = Counter(d for c in spans for d in index.period_ordinals(c) if d in window)
    if not fits:
        return None
    best, count = max(fits.items(), key=lambda item: (item[1], item[0]))
    if 2 * count < len(spans):
        return None
    return Fingerprint(dt.date.fromordinal(best), _PERIOD_CONFIDENCE, matched=count, claims=len(claims))


def _reference_date(found: dt.date | None, stated: dt.date | None, view: LedgerView) -> dt.date | None:
    """The report an article's figures are judged against: the fingerprinted one, unless the
    article states a later date within a week that the ledger has (then its figures are stale)."""
    if found is None:
        return stated if stated and _has_report(view, stated) else None
    if stated and found < stated <= found + STALE_WINDOW and _has_report(view, stated):
        return stated
    return found


def _has_report(view: LedgerView, date: dt.date) -> bool:
    return bool(view.points(GENERAL_STAFF, start=date, end=date))


def _notes(report: CheckReport, series: dict[str, dict[dt.date, Point]]) -> list[Note]:
    notes: list[Note] = []
    for j in report.judgements:
        c = j.claim
        if c.source == GENERAL_STAFF and c.metric == "personnel" and "deaths" in c.framing:
            notes.append(Note(
                "personnel-framed-as-deaths",
                f"{c.text or c.value} is the General Staff's personnel figure, which counts killed AND wounded; the text presents it as deaths.",
                c.span,
            ))  # fmt: skip
        confusion = _kind_confusion(j, series, report.reference_date)
        if confusion:
            notes.append(confusion)
    fp, stated = report.fingerprint, report.stated_date
    if fp.date and report.reference_date and report.reference_date != fp.date:
        notes.append(
            Note(
                "stale-figures",
                f"The text presents its figures as of {report.reference_date}, but they are those of the {fp.date} report.",
            )
        )
    elif fp.date and stated and stated != fp.date:
        notes.append(
            Note(
                "stated-date-differs",
                f"The text's date ({stated}) differs from the report its figures match ({fp.date}).",
            )
        )
    dates = {
        j.ledger_date
        for j in report.judgements
        if j.claim.source == GENERAL_STAFF and j.verdict in ("match", "stale") and j.ledger_date
    }
    if len(dates) > 1:
        notes.append(
            Note(
                "mixed-dates",
                "The text mixes figures of several General Staff reports: "
                + ", ".join(str(d) for d in sorted(dates))
                + ".",
            )
        )
    if not fp.date and any(c.claim.source == GENERAL_STAFF for c in report.judgements):
        notes.append(Note("no-report", "No General Staff report in the ledger matches the text's figures."))
    return notes


def _kind_confusion(j: Judgement, series: dict[str, dict[dt.date, Point]], when: dt.date | None) -> Note | None:
    """A 24-hour increase that is really a total, or the reverse."""
    c: Claim = j.claim
    if c.source != GENERAL_STAFF or when is None or j.verdict in ("match", "rounded", "stale"):
        return None
    point = series.get(c.metric, {}).get(when)
    if point is None:
        return None
    total, increase = point.total, point.increase
    if c.kind == "increase" and total is not None and c.value == total:
        return Note(
            "total-as-increase",
            f"{c.value:,} is the cumulative total of {c.metric} on {when}, presented as a 24-hour increase.",
            c.span,
        )
    if c.kind == "total" and increase is not None and c.value == increase and increase != total:
        return Note(
            "increase-as-total",
            f"{c.value:,} is the 24-hour increase of {c.metric} on {when}, presented as a total.",
            c.span,
        )
    return None


def _documents(view: LedgerView, report: CheckReport) -> dict[int, str]:
    return view.uris({d for j in report.judgements for d in j.documents})
