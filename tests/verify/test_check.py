"""check: an article's figures against the real ledger, on variants built from real articles."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from lossledger.cli import main
from lossledger.extraction import extract
from lossledger.ledger import Ledger
from lossledger.verify import LedgerView, check

from ..conftest import ARTICLES

SEED = (ARTICLES / "seed-000_219740b5187f23e2.txt").read_text(encoding="utf-8")
DEV = [json.loads(line) for line in (ARTICLES / "dev.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(autouse=True)
def _cache_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LOSSLEDGER_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "cache"))


@pytest.fixture(scope="module")
def view(synced_sqlite_path: Path) -> LedgerView:
    return LedgerView.open(f"sqlite:///{synced_sqlite_path}")


def _claims(report, **where):  # type: ignore[no-untyped-def]
    return [c for c in report.to_dict()["claims"] if all(c[k] == v for k, v in where.items())]


def test_seed_article(view: LedgerView) -> None:
    report = check(SEED, view)
    data = report.to_dict()
    assert data["report_date"] == "2024-02-16" and data["confidence"] > 0.8
    gs = _claims(report, source="general-staff")
    exact = [c for c in gs if c["qualifier"] != "more_than"]
    assert len(exact) == 11 and all(c["verdict"] == "match" for c in exact), [
        (c["metric"], c["verdict"]) for c in exact
    ]
    assert [c["verdict"] for c in gs if c["qualifier"] == "more_than"] == ["rounded"]  # "Over 400,000" vs 400,300
    inc = _claims(report, metric="personnel", kind="increase", source="general-staff")
    assert [(c["value"], c["verdict"], c["ledger_value"]) for c in inc] == [(1210, "match", 1210)]
    mz = _claims(report, source="mediazona", kind="total")
    assert [(c["value"], c["verdict"], c["ledger_date"]) for c in mz] == [(43460, "match", "2024-02-02")]
    deaths = [n for n in data["notes"] if n["code"] == "personnel-framed-as-deaths"]
    assert deaths and deaths[0]["span"][0] < SEED.index("\n")  # the headline
    ctx = data["context"]
    assert ctx["general_staff"]["personnel"]["total"] == 400300
    assert ctx["mediazona"]["named_deaths"] == {
        "value": 43460,
        "date": "2024-02-02",
        "days_before": 14,
        "documents": ctx["mediazona"]["named_deaths"]["documents"],
    }
    assert ctx["acknowledged_own_losses"]["russia"]["killed"]["value"] == 5937
    assert set(data) >= {"report_date", "confidence", "claims", "notes", "context"}
    for claim in data["claims"]:
        assert set(claim) >= {"metric", "kind", "value", "source", "verdict", "ledger_value", "ledger_date", "span"}


def _written_like(original: str, value: int) -> str:
    """``value`` written with the thousands separator ``original`` uses."""
    sep = next((ch for ch in original if not ch.isdigit()), "")
    digits = str(value)
    if not sep or len(digits) <= 3:
        return digits
    groups = []
    while digits:
        groups.insert(0, digits[-3:])
        digits = digits[:-3]
    return sep.join(groups)


def _figures_of(date: str, ledger: Ledger) -> dict[tuple[str, str], int]:
    figures = ledger.show(date).figures
    out = {}
    for metric, fig in figures.items():
        out[(metric, "total")] = fig.total
        if fig.increase is not None:
            out[(metric, "increase")] = fig.increase
    return out


def _replace(text: str, span: tuple[int, int], old: str, new: str) -> str:
    start = text.index(old, span[0]) if old in text[span[0] : span[1]] else text.index(old)
    return text[:start] + new + text[start + len(old) :]


@pytest.mark.parametrize("article", [a["id"] for a in DEV if a["report_date"] and not a["errors"]][:10] + ["seed"])
def test_one_altered_figure_is_exactly_one_mismatch(article: str, view: LedgerView) -> None:
    text = SEED if article == "seed" else next(a["text"] for a in DEV if a["id"] == article)
    baseline = check(text, view)
    candidates = [
        j for j in baseline.judgements
        if j.claim.source == "general-staff" and j.verdict == "match" and j.claim.value >= 10 and j.claim.qualifier == "exact"
        and re.fullmatch(r"\d{1,3}(?:[ ,.\u00a0\u202f]\d{3})*|\d+", j.claim.text or "")
    ]  # fmt: skip
    if not candidates:
        pytest.skip("no plainly written exact General Staff figure to alter")
    target = candidates[0].claim
    altered_value = target.value + 7
    altered = _replace(text, target.span, target.text, _written_like(target.text, altered_value))
    report = check(altered, view)
    mismatches = [j for j in report.judgements if j.verdict == "mismatch"]
    before = [j for j in baseline.judgements if j.verdict == "mismatch"]
    assert len(mismatches) == len(before) + 1
    new = [j for j in mismatches if j.claim.value == altered_value]
    assert len(new) == 1 and new[0].difference == 7 and new[0].ledger_value == target.value


def test_yesterdays_figures_are_stale_with_their_date(view: LedgerView, synced_sqlite_path: Path) -> None:
    with Ledger.open(f"sqlite:///{synced_sqlite_path}") as ledger:
        today, yesterday = _figures_of("2024-02-16", ledger), _figures_of("2024-02-15", ledger)
    text = SEED
    changed = 0
    for claim in extract(SEED).claims:
        key = (claim.metric, claim.kind)
        if claim.source != "general-staff" or key not in today or claim.value != today[key]:
            continue
        if yesterday[key] != today[key] and claim.text and claim.text in text:
            text = _replace(text, claim.span, claim.text, _written_like(claim.text, yesterday[key]))
            changed += 1
    assert changed >= 5
    report = check(text, view, published="2024-02-16")  # "this Friday" is 2024-02-16
    data = report.to_dict()
    assert data["report_date"] == "2024-02-15" and data["judged_against"] == "2024-02-16"
    stale = [c for c in data["claims"] if c["verdict"] == "stale"]
    assert len(stale) == changed and {c["ledger_date"] for c in stale} == {"2024-02-15"}
    assert "stale-figures" in {n["code"] for n in data["notes"]}
    assert not [c for c in data["claims"] if c["verdict"] == "mismatch"]


def test_mixed_dates_and_kind_confusion(view: LedgerView) -> None:
    text = SEED.replace("6,465 battle tanks", "6,442 battle tanks")  # 2024-02-15's tanks
    data = check(text, view).to_dict()
    tanks = _claims_of(data, "tanks")
    assert (tanks["verdict"], tanks["ledger_date"]) == ("stale", "2024-02-15")
    assert "mixed-dates" in {n["code"] for n in data["notes"]}
    confused = "The General Staff reported on 16 February 2024 that Russia lost 6,465 tanks in the past 24 hours and 1,210 soldiers in total."
    codes = {n["code"] for n in check(confused, view, published="2024-02-16").to_dict()["notes"]}
    assert {"total-as-increase", "increase-as-total"} <= codes


def _claims_of(data: dict, metric: str) -> dict:  # type: ignore[type-arg]
    return next(c for c in data["claims"] if c["metric"] == metric and c["source"] == "general-staff")


def test_dev_set_report_dates(view: LedgerView) -> None:
    dated = [a for a in DEV if a["report_date"]]
    right = [
        a["id"]
        for a in dated
        if check(a["text"], view, published=a["published"]).to_dict()["report_date"] == a["report_date"]
    ]
    assert len(right) / len(dated) >= 0.95, sorted(set(a["id"] for a in dated) - set(right))
    for a in DEV:
        if not any(c["source"] == "general-staff" for c in a["claims"]):
            data = check(a["text"], view, published=a["published"]).to_dict()
            assert data["report_date"] is None or data["confidence"] <= 0.5, a["id"]


def test_fast_path_reads_what_sqlalchemy_reads(synced_sqlite_path: Path) -> None:
    fast = LedgerView.open(f"sqlite:///{synced_sqlite_path}")
    with Ledger.open(f"sqlite:///{synced_sqlite_path}") as ledger:
        slow = LedgerView.from_ledger(ledger)
        for source in ("general-staff", "mediazona", "oryx", "russian-mod"):
            assert fast.raw(source) == slow.raw(source), source
        assert fast.version == slow.version
        assert check(SEED, fast).to_dict() == check(SEED, ledger).to_dict()


def test_check_on_each_backend(synced: Ledger) -> None:
    data = check(SEED, synced).to_dict()
    assert data["report_date"] == "2024-02-16"
    assert _claims_of(data, "tanks")["verdict"] == "match"


def test_cli_formats_and_exit_codes(
    synced_sqlite_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    db = ["--db", f"sqlite:///{synced_sqlite_path}"]
    seed = ARTICLES / "seed-000_219740b5187f23e2.txt"
    assert main([*db, "check", str(seed), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["report_date"] == "2024-02-16"
    assert main([*db, "check", str(seed), "--format", "markdown"]) == 0
    markdown = capsys.readouterr().out
    assert "| figure |" in markdown and "2024-02-16" in markdown
    assert main([*db, "check", str(seed), "--strict"]) == 0
    altered = tmp_path / "altered.txt"
    altered.write_text(SEED.replace("6,465 battle tanks", "6,400 battle tanks"), encoding="utf-8")
    capsys.readouterr()
    assert main([*db, "check", str(altered), "--strict", "--format", "json"]) == 3
    assert any(c["verdict"] == "mismatch" for c in json.loads(capsys.readouterr().out)["claims"])
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    assert main([*db, "check", str(empty), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["report_date"] is None
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\x89PNG\x00\x01")
    assert main([*db, "check", str(binary)]) == 1
    assert capsys.readouterr().err.startswith("lossledger: error: ")
    monkeypatch.setattr("sys.stdin", open(seed, encoding="utf-8"))  # noqa: SIM115
    assert main([*db, "check", "-", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["report_date"] == "2024-02-16"


def test_check_command_does_not_load_sqlalchemy(synced_sqlite_path: Path) -> None:
    import subprocess
    import sys

    code = (
        "import sys; from lossledger.cli import main; "
        f"rc = main(['--db', 'sqlite:///{synced_sqlite_path}', 'check', {str(ARTICLES / 'seed-000_219740b5187f23e2.txt')!r}, '-f', 'json']); "
        "heavy = sorted(m for m in ('sqlalchemy', 'pandas', 'fastapi', 'matplotlib', 'alembic') if m in sys.modules); "
        "print(heavy, file=sys.stderr); sys.exit(rc)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stderr.strip().splitlines()[-1] == "[]"


def test_increase_over_a_week_is_the_difference_of_totals(view: LedgerView, synced_sqlite_path: Path) -> None:
    with Ledger.open(f"sqlite:///{synced_sqlite_path}") as ledger:
        week = ledger.series("personnel", start="2026-08-15", end="2026-08-22")["total"]
    gained = int(week.iloc[-1] - week.iloc[0])
    text = f"In the past week Russia lost {gained:,} soldiers, the General Staff said on August 22, bringing the total to more than 1.47 million."
    data = check(text, view, published="2026-08-22").to_dict()
    weekly = _claims_of(data, "personnel")
    assert (weekly["kind"], weekly["value"], weekly["verdict"], weekly["ledger_value"]) == (
        "increase",
        gained,
        "match",
        gained,
    )
    wrong = check(text.replace(f"{gained:,}", f"{gained + 500:,}"), view, published="2026-08-22").to_dict()
    assert _claims_of(wrong, "personnel")["verdict"] == "mismatch"


def test_a_kind_the_words_leave_open_is_read_with_the_ledger(view: LedgerView) -> None:
    """'За минулу добу' opens the sentence but the figures are the totals of 1 March 2022: the
    ones too big for a day's loss are totals by size; 29 helicopters fits a day's loss by size,
    and the ledger reads it as that report's total (its increase was 0)."""
    text = (
        "За минулу добу окупанти, за даними Генштабу, втратили 198 танків, 846 бойових броньованих машин, "
        "29 літаків і 29 гелікоптерів."
    )
    assert ("helicopters", "increase", 29) in {(c.metric, c.kind, c.value) for c in extract(text).claims}
    data = check(text, view).to_dict()
    assert data["report_date"] == "2022-03-01"
    got = {(c["metric"], c["kind"], c["value"], c["verdict"]) for c in data["claims"]}
    assert got == {
        ("tanks", "total", 198, "match"),
        ("afv", "total", 846, "match"),
        ("aircraft", "total", 29, "match"),
        ("helicopters", "total", 29, "match"),
    }


def test_an_outlets_error_is_not_read_away(view: LedgerView) -> None:
    """A figure that fits neither kind keeps its reading and is a mismatch."""
    text = "За даними Генштабу, окупанти втратили 198 танків, 846 бойових броньованих машин і 31 гелікоптер."
    data = check(text, view).to_dict()
    heli = [c for c in data["claims"] if c["metric"] == "helicopters"][0]
    assert heli["verdict"] == "mismatch" and heli["value"] == 31


def test_no_report_after_the_text_was_published(view: LedgerView) -> None:
    """500,080 is the personnel total of 25 May 2024; a text published in February 2023 cannot
    quote that report (a force size, or a mistake): its report date is never a later one."""
    text = "Russia has lost 500,080 soldiers, Ukraine's General Staff said."
    assert check(text, view).report_date == dt.date(2024, 5, 25)
    report = check(text, view, published="2023-02-11")
    assert report.report_date is None or report.report_date <= dt.date(2023, 2, 12)


def test_a_page_widget_stored_later_gives_its_own_report(view: LedgerView) -> None:
    """A news page of December 2024 stored with the site's header widget of July 2025 (the war's
    1,225th day): four or more figures that fix no day up to publication but all fit one later
    report exactly are that report's, with a note; three figures are not enough."""
    widget = (
        "1225 день війни. Втрати ворога: особовий склад 1 022 090, танки 10 985, артилерія 29 794, "
        "літаки 420, гелікоптери 340, БпЛА 43 013.\n\n"
    )
    article = "Уночі 14 грудня над Черкащиною збили 25 дронів, повідомив голова ОВА."
    report = check(widget + article, view, published="2024-12-14", language="uk")
    assert report.report_date == dt.date(2025, 7, 2)
    assert "report-after-publication" in {n.code for n in report.notes}
    three = "Втрати ворога: особовий склад 1 022 090, танки 10 985, артилерія 29 794.\n\n" + article
    report = check(three, view, published="2024-12-14", language="uk")
    assert report.report_date is None or report.report_date <= dt.date(2024, 12, 15)


def test_a_text_mixing_two_reports_quotes_the_newer(view: LedgerView) -> None:
    """Today's personnel figures beside yesterday's equipment list (a page updated by hand): the
    text quotes today's report, and the equipment figures are stale, with yesterday's date; the
    fingerprint still names the report most figures fit."""
    text = (
        "Ukraine's General Staff: Russia has lost 400,300 personnel (+1,210). Equipment: "
        "6,442 tanks, 12,090 armoured vehicles, 9,620 artillery systems, 7,404 drones."
    )
    report = check(text, view)
    assert report.report_date == report.reference_date == dt.date(2024, 2, 16)
    assert report.fingerprint.date == dt.date(2024, 2, 15) and report.report_date_basis == "newest figures"
    stale = [j for j in report.judgements if j.verdict == "stale"]
    assert {j.claim.metric for j in stale} >= {"tanks", "afv", "artillery", "uav"}


def test_figures_without_a_speaker_of_their_own_are_read_with_the_ledger(view: LedgerView) -> None:
    """Exact figures of one report whose speaker the text names only in another sentence (here a
    politician, whose own figures are 'other') are the General Staff's; a figure whose speaker is
    named in its own sentence keeps that source."""
    carried = (
        "Zelensky spoke about the war in a video address. "
        "As of 16 February, Russia had lost 400,300 soldiers, 6,465 tanks and 12,129 armoured vehicles."
    )
    report = check(carried, view)
    read = [j.claim for j in report.judgements if j.claim.source == "general-staff"]
    assert {c.value for c in read} == {400300, 6465, 12129}
    assert all("source-from-ledger" in c.framing for c in read)
    assert report.report_date == dt.date(2024, 2, 16)
    named = "Zelensky said Russia had lost 400,300 soldiers, 6,465 tanks and 12,129 armoured vehicles."
    assert not _claims(check(named, view), source="general-staff")
    too_little = "Zelensky spoke about the war. Russia had lost 6,465 tanks and 12,129 armoured vehicles."
    assert not _claims(check(too_little, view), source="general-staff")  # two figures, no date of its own


def test_a_rounded_milestone_is_dated_when_first_reached(view: LedgerView) -> None:
    """'More than a million' fits every report after the crossing; ties among reports that only
    rounded figures fit go to the first of them, the day it was news."""
    series = view.points("general-staff", start=dt.date(2025, 5, 1), end=dt.date(2025, 8, 1))["personnel"]
    first = min(d for d, p in series.items() if p.total is not None and p.total > 1_000_000)
    report = check("Russia has lost more than 1,000,000 soldiers, Ukraine's General Staff said.", view)
    assert report.report_date == first


@pytest.mark.parametrize(
    "text, rounded",
    [
        (
            "Ukraine's General Staff says Russia has lost more than 200,000 troops, 610 of them in the past day.",
            200_000,
        ),
        ("Russia's losses reached about 1 million soldiers, Ukraine's General Staff said.", 1_000_000),
    ],
)
def test_a_rounded_figure_is_dated_where_the_total_is_nearest_it(view: LedgerView, text: str, rounded: int) -> None:
    """A rounded figure fits a wide range ("more than 200,000": up to 300,000); of the reports that
    fit all figures equally, the one whose total is nearest the rounded value wins, as news rounds
    the number just passed."""
    report = check(text, view)
    series = view.points("general-staff")["personnel"]
    fitting = [d for d, p in series.items() if p.total is not None and abs(p.total - rounded) <= rounded // 2]
    assert report.report_date is not None
    assert all(
        abs(series[report.report_date].total - rounded) <= abs(series[d].total - rounded) + 1_000
        for d in fitting
        if "610" not in text or series[d].increase == 610
    )


def test_a_speaker_is_never_a_source_named_inside_a_quotation(view: LedgerView) -> None:
    """The sentence after a quote continues the quote's speaker, not a source the quote mentions."""
    text = (
        "Ukraine's General Staff published its morning update. "
        '"Air defence and the Air Force worked all night," the statement said. '
        "Russia has lost 400,300 soldiers and 6,465 tanks since the invasion began."
    )
    found = extract(text, language="en")
    assert {(c.source, c.value) for c in found.claims} == {("general-staff", 400300), ("general-staff", 6465)}


def test_a_list_item_the_vocabulary_cannot_name_is_named_by_the_ledger(view: LedgerView) -> None:
    """'sistemas de disparo de foguetes em salva' is in no vocabulary; between named items of a
    General Staff list it is one of the statement's lines, and the report the list quotes (16
    February 2024) has 984 on one line only, MLRS.  The same item mistyped (985) equals no line
    and stays unnamed: an outlet's error is never bound to a line it does not fit."""
    text = (
        "Segundo o Estado-Maior ucraniano, a Rússia perdeu desde o início da invasão 6.465 tanques, "
        "12.129 veículos blindados, 9.641 sistemas de artilharia, {mlrs} sistemas de disparo de foguetes "
        "em salva, 332 aviões e 325 helicópteros."
    )
    found = extract(text.format(mlrs="984"), language="pt")
    assert [(c.metric, c.value, c.source) for c in found.unnamed] == [("", 984, "general-staff")]
    assert 984 not in {c.value for c in found.claims}
    report = check(text.format(mlrs="984"), view, language="pt")
    assert report.to_dict()["report_date"] == "2024-02-16"
    mlrs = _claims(report, metric="mlrs")
    assert [(c["value"], c["verdict"]) for c in mlrs] == [(984, "match")]
    assert [n.code for n in report.notes if "list" in n.code] == ["list-item-named-by-ledger"]
    typo = check(text.format(mlrs="985"), view, language="pt").to_dict()
    assert typo["report_date"] == "2024-02-16" and 985 not in {c["value"] for c in typo["claims"]}
    assert [n["message"][:4] for n in typo["notes"] if n["code"] == "unnamed-list-item"] == ["985 "]


def test_an_increase_since_a_day_is_judged_from_that_days_report(view: LedgerView) -> None:
    """1,159 tanks and 2,510 armoured vehicles are the report of 17 May 2025 less that of
    1 January 2025; a figure off by one is a mismatch over the same span."""
    text = "On 17 May 2025 Ukraine's General Staff said that since January Russia had lost {} tanks and 2,510 armoured combat vehicles."
    data = check(text.format("1,159"), view).to_dict()
    assert data["report_date"] == "2025-05-17"
    got = {(c["metric"], c["kind"], c["value"], c["verdict"]) for c in data["claims"]}
    assert got == {("tanks", "increase", 1159, "match"), ("afv", "increase", 2510, "match")}
    assert "2025-01-01" in _claims(check(text.format("1,159"), view), metric="tanks")[0]["explanation"]
    typo = _claims(check(text.format("1,158"), view), metric="tanks")
    assert [c["verdict"] for c in typo] == ["mismatch"]


def test_an_unnamed_item_with_its_bracketed_increase(view: LedgerView) -> None:
    """'312 (+0) lancia missili multipli' between named items of the 18 September 2022 list: a
    bare number there is not personnel; the ledger names it MLRS and its '(+0)' follows it."""
    text = (
        "Lo Stato maggiore ucraino elenca 2.210 (+8) tank, 4.718 (+17) veicoli corazzati da combattimento, "
        "1.309 (+3) sistemi di artiglieria, 312 (+0) lancia missili multipli, 168 (+0) sistemi di difesa aerea."
    )
    assert not [c for c in extract(text, language="it").claims if c.metric == "personnel"]
    data = check(text, view, language="it").to_dict()
    assert data["report_date"] == "2022-09-18"
    got = {(c["kind"], c["value"], c["verdict"]) for c in data["claims"] if c["metric"] == "mlrs"}
    assert got == {("total", 312, "match"), ("increase", 0, "match")}


def test_a_sides_acknowledged_dead_are_that_sides(view: LedgerView) -> None:
    """1,351 is the toll Russia's General Staff gave on 25 March 2022 (acknowledged-own-losses),
    never a General Staff report's: beside Kyiv's report of that week, the text's default source
    gives way to the ledger's; a figure equal to nothing acknowledged is not Moscow's: fitting no
    report either, with no cue of its own, it is someone else's (``others_by_size``)."""
    text = (
        "Ukraine's General Staff said on 28 March 2022 that Russia had lost about 17,000 troops, 586 tanks "
        "and 1,694 armoured vehicles. The only official figure from the other side dates from a week earlier: "
        "{} soldiers killed."
    )
    data = check(text.format("1,351"), view).to_dict()
    assert data["report_date"] == "2022-03-28"
    moscow = [c for c in data["claims"] if c["value"] == 1351]
    assert [(c["source"], c["kind"], c["verdict"]) for c in moscow] == [("russian-mod", "total", "match")]
    other = [c for c in check(text.format("1,352"), view).to_dict()["claims"] if c["value"] == 1352]
    assert [c["source"] for c in other] == ["other"]


def test_an_acknowledged_toll_dated_by_its_month(view: LedgerView) -> None:
    """ "In September 2022 it put its dead at 5,937": the month is when the toll was stated, and the
    figure, exactly one side's acknowledged toll, is that side's total, not a month's new losses."""
    text = (
        "Ukraine's General Staff says Russia has lost 1,200,540 troops. Neither side shares its own losses: "
        "Russia last gave an official number in September 2022, putting its dead at 5,937."
    )
    data = check(text, view, published="2026-01-30").to_dict()
    toll = [c for c in data["claims"] if c["value"] == 5937]
    assert [(c["source"], c["kind"]) for c in toll] == [("russian-mod", "total")]


def test_a_figure_only_its_size_made_a_new_loss_and_that_fits_no_report_is_anothers(view: LedgerView) -> None:
    """No cue makes the 14 a day's loss, its sentence names no speaker, and the report of that
    day (or the week before) has no such figure: not the General Staff's.  With a cue of its
    own ("41 more in the past day") a figure that fits nothing stays a General Staff mismatch."""
    text = (
        "Ukraine's General Staff said on 7 February 2023 that Russia had lost 133,190 soldiers, 1,030 of them "
        "in the past day. {}"
    )
    loose = check(text.format("Elsewhere, 14 soldiers died in one village."), view).to_dict()
    assert loose["report_date"] == "2023-02-07"
    assert [c["source"] for c in loose["claims"] if c["value"] == 14] == ["other"]
    cued = check(text.format("Its tanks lost 41 more in the past day."), view).to_dict()
    assert [(c["source"], c["verdict"]) for c in cued["claims"] if c["value"] == 41] == [("general-staff", "mismatch")]


def test_a_loosely_bound_figure_takes_the_one_line_it_equals(view: LedgerView) -> None:
    """In "461 air defence, 227 and 294 aircraft" the 227 was bound to "aircraft" only by the list;
    it is the report's air defence figure and no other claim holds that line: it takes it.  The
    461, bound by the term at it, stays air defence and a mismatch (the report's MLRS)."""
    text = (
        "Ukraine's General Staff said on 7 February 2023 that Russia had lost 133,190 soldiers, 3,245 tanks, "
        "6,443 armoured vehicles, 2,232 artillery systems and 461 air defence, 227 and 294 aircraft."
    )
    data = check(text, view).to_dict()
    got = {(c["value"], c["metric"], c["verdict"]) for c in data["claims"] if c["value"] in (227, 461)}
    assert got == {(227, "air_defense", "match"), (461, "air_defense", "mismatch")}


def test_a_weak_fit_months_before_gives_way_to_the_report_of_the_texts_last_days(view: LedgerView) -> None:
    """Three small day's losses fit a report of mid-May 2023 a little better than the one the
    text (published 28 May) quotes; the report of its last days explains at least half as much,
    so it is the one."""
    text = (
        "Ukraine's General Staff said that in one day Russia lost 22 artillery systems, 31 drones "
        "and 3 units of special equipment."
    )
    assert check(text, view, published="2023-05-28").to_dict()["report_date"] == "2023-05-27"


def _corpus_text(language: str, ident: str) -> dict:
    path = Path(__file__).resolve().parents[1] / "corpus" / f"{language}.jsonl"
    return next(r for r in map(json.loads, path.read_text(encoding="utf-8").splitlines()) if r["id"] == ident)


def test_default_figures_beside_acknowledged_tolls_that_fit_weakly_are_anothers(view: LedgerView) -> None:
    """Bodies found in a city's morgues, beside Moscow's admitted toll and the army's total: the
    count of bodies fits reports only weakly and its sentence names no speaker, so it is not the
    General Staff's; the army's total is."""
    record = _corpus_text("hr", "hr-c05")
    data = check(record["text"], view, language="hr").to_dict()
    got = {(c["source"], c["value"]) for c in data["claims"]}
    assert {("other", 1500), ("general-staff", 20000), ("russian-mod", 1351)} <= got


def test_vehicles_of_a_report_with_split_lines_are_the_half_they_equal(view: LedgerView) -> None:
    text = (
        "Ukraińska armia podała, że Rosjanie stracili 582 czołgi, 1664 pojazdy opancerzone, 294 systemy "
        "artyleryjskie, 121 samolotów oraz 1144 innych pojazdów."
    )
    data = check(text, view, language="pl").to_dict()
    assert data["report_date"] == "2022-03-27"
    assert [c["metric"] for c in data["claims"] if c["value"] == 1144] == ["military_auto"]


def test_a_large_figure_written_round_without_a_qualifier_is_read_as_rounded(view: LedgerView) -> None:
    text = "Ukraine's General Staff says 570 000 Russian soldiers have been eliminated since the invasion began."
    data = check(text, view, language="en").to_dict()
    assert data["report_date"] == "2024-07-24"
    assert [c["verdict"] for c in data["claims"]] == ["rounded"]


@pytest.mark.parametrize(
    "text, language, published, matched",
    [
        # the statement's own words name it, whoever the text quotes before
        (
            "Зеленський сказав, що Росія щомісяця втрачає 30–35 тисяч військових.\n"
            "Загальні бойові втрати російської армії з 24 лютого 2022 року по 19 лютого 2026 року становлять "
            "близько 1 256 910 осіб, із яких 830 осіб - за минулу добу.",
            "uk",
            "2026-02-19",
            {1256910, 830},
        ),
        # a deputy minister's week (20-26 March 2023) in a list; "4 cruise missiles" after it fits a
        # day of September 2022 by itself, a coincidence: the sums date the text on 26 March
        (
            "За тиждень 20-26 березня Сили оборони знищили близько 5640 російських військових, повідомив заступник "
            "міністра оборони. Ворог також втратив:\n- 63 танки;\n- 94 бойові броньовані машини;\n"
            "- 63 артилерійські системи;\n- 15 РСЗВ.\nКрім того, збито 4 крилаті ракети та 57 БПЛА.",
            "uk",
            "2023-03-26",
            {5640, 63, 94, 15},
        ),
    ],
)
def test_the_report_of_the_texts_day_is_found_past_other_speakers_and_coincidences(
    view: LedgerView, text: str, language: str, published: str, matched: set[int]
) -> None:
    data = check(text, view, language=language, published=published).to_dict()
    assert data["report_date"] == published
    got = {c["value"] for c in data["claims"] if c["source"] == "general-staff" and c["verdict"] == "match"}
    assert matched <= got


def test_a_report_only_rounded_figures_fit_is_never_certain(view: LedgerView) -> None:
    """Estimates round too: a report that no exact figure of the text fits is given, but never
    with a confidence above 0.45 (no look-alike is dated with more than 0.5)."""
    text = (
        "Ukraine's General Staff says more than 728,000 Russian soldiers were killed or wounded, over 1,000 a day, "
        "and more than 9,000 tanks were destroyed."
    )
    data = check(text, view, language="en").to_dict()
    assert data["report_date"] == "2024-11-22" and data["confidence"] <= 0.45


def test_a_months_increase_is_judged_over_that_calendar_month(view: LedgerView) -> None:
    # December has 31 days: the month before the report of 1 January starts on 1 December, not 2 December
    text = (
        "Ukraine's General Staff said Russia lost 48,670 soldiers in December. In total, Russian losses "
        "reached 790,800 troops, the General Staff said in its report of 1 January."
    )
    report = check(text, view, published="2025-01-01", language="en")
    [month] = _claims(report, value=48670)
    assert (month["kind"], month["verdict"]) == ("increase", "match")
    assert "2024-12-01" in month["explanation"]
    # the outlet's slip stays a mismatch
    report = check(text.replace("48,670", "46,670"), view, published="2025-01-01", language="en")
    assert _claims(report, value=46670)[0]["verdict"] == "mismatch"


@pytest.mark.parametrize(
    "second, source",
    [
        ("103 wounded", "other"),  # no report of April or May 2023 holds either figure
        ("6 armoured vehicles destroyed", "general-staff"),  # the report of 1 June 2023 has +6
    ],
)
def test_default_figures_that_fit_no_report_near_the_text_are_someone_elses(
    view: LedgerView, second: str, source: str
) -> None:
    # a front sector's day in a text that names the General Staff only in another sentence
    text = (
        "Ukraine's General Staff publishes its count of Russian losses every morning. On the eastern front "
        f"alone, more than 150 Russian soldiers were killed over the past day and {second}, a spokesman "
        "said on television."
    )
    report = check(text, view, published="2023-06-01", language="en")
    assert {c["source"] for c in _claims(report, value=150)} == {source}


def test_a_reports_figures_carried_over_from_another_source_are_the_general_staffs(view: LedgerView) -> None:
    # Oryx is named first; the Ukrainian figures after it equal the report of 8 March 2022 exactly
    text = (
        "Oryx has counted more than 1,200 Russian vehicles lost on photos and videos. "
        "The only official source is the invaded country's own ministry. In the first 12 days the Ukrainians "
        "claimed 12,000 Russian soldiers, 303 tanks, 1,036 armoured vehicles, 120 artillery systems, "
        "56 rocket launchers, 48 aircraft and 80 helicopters."
    )
    report = check(text, view, language="en")
    assert report.report_date == dt.date(2022, 3, 8)
    assert {c["source"] for c in _claims(report, value=303)} == {"general-staff"}


def test_a_number_no_word_names_takes_the_one_line_it_equals_that_day(view: LedgerView) -> None:
    text = (
        "Laut dem ukrainischen Militär verlor Moskau in den vergangenen 24 Stunden 950 Soldaten, womit sich "
        "die Verluste der russischen Truppen auf insgesamt 379.610 belaufen. Zudem habe Russland 6.257 Panzer verloren."
    )
    report = check(text, view, published="2024-01-25", language="de")
    assert [(c["metric"], c["kind"]) for c in _claims(report, value=379610)] == [("personnel", "total")]
    assert "number-named-by-ledger" in {n["code"] for n in report.to_dict()["notes"]}


@pytest.mark.parametrize(
    "text, language, value",
    [
        (
            "Russia has reported the loss of 1,340 soldiers in one day. Ukraine's General Staff puts the total "
            "at 678,520 personnel, 9,047 tanks and 19,565 artillery systems.",
            "en",
            1340,
        ),
        (
            "An einem Tag verlor Kreml-Chef Putin 440 weitere Soldaten. Die Ukraine meldet insgesamt 62.500 "
            "getötete Soldaten, 2486 Panzer und 1477 Artilleriesysteme.",
            "de",
            440,
        ),
    ],
)
def test_russian_losses_credited_to_moscow_that_are_the_reports_figures_are_the_general_staffs(
    view: LedgerView, text: str, language: str, value: int
) -> None:
    report = check(text, view, language=language)
    assert {c["source"] for c in _claims(report, value=value)} == {"general-staff"}


def test_a_toll_moscow_acknowledged_stays_its_own(view: LedgerView) -> None:
    text = (
        "Moscow last admitted 5,937 dead soldiers. Ukraine's General Staff puts Russia's losses at 55,510 "
        "personnel, 2,235 tanks and 1,335 artillery systems."
    )
    report = check(text, view, published="2022-09-22", language="en")
    assert {c["source"] for c in _claims(report, value=5937)} == {"russian-mod"}


@pytest.mark.parametrize(
    "text, language, date",
    [
        (
            "Allein im November verlor Russland laut Generalstab 31.190 Soldaten und 617 Artilleriesysteme.",
            "de",
            "2025-12-01",
        ),
        (
            "Since the start of the year, 299,210 Russian soldiers were killed or wounded, the General Staff said.",
            "en",
            "2025-09-09",
        ),
    ],
)
def test_a_sum_over_a_period_dates_a_text_that_gives_no_date(
    view: LedgerView, text: str, language: str, date: str
) -> None:
    # the report whose total less that of the period's first day equals the sum: 1 December less
    # 1 November for "in November"; 9 September less 1 January for "since the start of the year"
    report = check(text, view, language=language)
    assert report.to_dict()["report_date"] == date
    assert _claims(report, kind="increase")[0]["verdict"] == "match"
    # a round sum recurs over a season of reports: it dates nothing
    rounded = re.sub(r"\d[\d.,]*\d(?= (Soldaten|Russian))", "31.000" if language == "de" else "299,000", text)
    assert rounded != text and check(rounded, view, language=language).to_dict()["report_date"] is None


def test_a_sum_word_next_to_a_days_figure_does_not_make_it_a_total(view: LedgerView) -> None:
    # "a total of 710" in one day of November 2022: the report's new loss, not its total
    text = (
        "The General Staff said on Tuesday that a total of 710 Russian soldiers had been eliminated. Ukraine also "
        "claimed 15 Russian tanks, 24 armored vehicles and nine artillery systems on Tuesday."
    )
    report = check(text, view, published="2022-11-09", language="en")
    assert [(c["kind"], c["verdict"]) for c in _claims(report, value=710)] == [("increase", "match")]


def test_a_days_figure_stated_again_as_a_total_is_one_claim(view: LedgerView) -> None:
    text = (
        "Russia loses 41 artillery systems in a day, Kyiv says\n"
        "Moscow's forces lost 41 artillery systems and a total of 35 armored combat vehicles in a single day, "
        "the General Staff said on Thursday. Russia lost 1,160 soldiers over the past 24 hours, bringing the "
        "total to 407,240, and 9,867 artillery systems in all."
    )
    report = check(text, view, published="2024-02-22", language="en")
    assert [(c["kind"], c["verdict"]) for c in _claims(report, value=41)] == [("increase", "match")]


def test_figures_without_a_speaker_beside_another_speakers_are_read_by_themselves(view: LedgerView) -> None:
    # the president's monthly estimate and a strike's dead fit no report; the bullets do, with
    # an exact total among them: those are the General Staff's
    text = (
        "Zelensky spoke to the newspaper. Every month Russia loses 30 to 35 thousand soldiers killed, he said.\n"
        "Russia's losses: the latest\n"
        "• Over the past day Russia lost 900 soldiers. Since the full-scale invasion began, its losses "
        "stand at 1,270,400 troops.\n"
        "• The strike on Novorossiysk left 3 dead and 16 wounded."
    )
    report = check(text, view, language="en")
    assert report.to_dict()["report_date"] == "2026-03-05"
    assert {c["value"] for c in _claims(report, source="general-staff")} == {900, 1270400}


def test_a_months_sum_read_as_a_total_is_that_months_increase(view: LedgerView) -> None:
    # 45,720 is no report's total in December 2024, but the rise over November (1 December less 1 November)
    text = "In November Russia's army suffered its heaviest losses of the war: 45,720 killed and wounded, the General Staff said."
    report = check(text, view, published="2024-12-16", language="en")
    [month] = _claims(report, value=45720)
    assert (month["kind"], month["verdict"]) == ("increase", "match")
    # a figure that is no month's sum either stays what the words made it, a mismatch
    [slip] = _claims(check(text.replace("45,720", "45,270"), view, published="2024-12-16", language="en"), value=45270)
    assert slip["verdict"] == "mismatch"


def test_a_sectors_tally_that_fits_no_report_is_not_the_general_staffs(view: LedgerView) -> None:
    text = (
        "Ukraine's military said that in four months of fighting at Avdiivka the enemy lost "
        "47,186 troops, 364 tanks, 248 artillery systems and 748 armoured combat vehicles."
    )
    report = check(text, view, published="2024-02-18", language="en")
    assert not _claims(report, source="general-staff")
    # one wrong figure beside right ones stays the General Staff's, a mismatch
    day = check("The General Staff said Russia has lost 404,950 troops and 6,590 tanks.", view, published="2024-02-20")
    assert "mismatch" in {c["verdict"] for c in _claims(day, source="general-staff")}


def test_a_large_bare_total_ending_in_hundreds_is_named_by_the_ledger(view: LedgerView) -> None:
    # "In totale … è di 92.200": no word names it; the report it equals does
    text = (
        "Sono 510 i soldati russi morti nelle ultime 24 ore, fanno sapere le forze armate ucraine. "
        "In totale dall'inizio della guerra è di 92.200. A questi si aggiungono 2.929 carri armati."
    )
    report = check(text, view, published="2022-12-06", language="it")
    [total] = _claims(report, value=92200)
    assert (total["metric"], total["kind"], total["verdict"]) == ("personnel", "total", "match")


def test_a_total_and_its_days_loss_with_no_speaker_are_read_together(view: LedgerView) -> None:
    """A blogger reads a loss graphic out with no speaker and no word of a day's loss: the personnel
    total of 30 June 2023 and, beside it, 560 and 3 (that day's losses). Alone the total names the
    day only weakly; read with the other kind, the small figures are that report's increases, and
    the text is dated with them."""
    text = "グラフによると、ロシア兵の死傷者数は22万8340人で、その横に560人とある。戦車は4041両で、その横に3両とある。"
    report = check(text, view, language="ja")
    assert report.report_date == dt.date(2023, 6, 30) and report.fingerprint.confidence > 0.5
    got = {(j.claim.metric, j.claim.kind, j.claim.value, j.verdict) for j in report.judgements}
    assert {("personnel", "total", 228340, "match"), ("personnel", "increase", 560, "match")} <= got


@pytest.mark.parametrize(
    "text, language",
    [
        ("Mai così tanti soldati russi caduti in un giorno: 950, secondo il bollettino ucraino.", "it"),
        ("Ukraine says 950 Russian troops were killed in the past day, the highest daily toll of the war.", "en"),
    ],
)
def test_a_record_days_figure_is_dated_on_the_first_report_that_holds_it(
    view: LedgerView, text: str, language: str
) -> None:
    """A day's loss the text calls a record, with no date of its own, fits every report with that
    increase; a record is news the first time, so the earliest of them is the one it quotes."""
    series = view.points("general-staff")["personnel"]
    first = min(d for d, p in series.items() if p.increase == 950)
    report = check(text, view, language=language)
    assert report.report_date == first


def test_a_figure_with_no_speaker_equal_to_the_report_the_text_names_is_the_general_staffs(view: LedgerView) -> None:
    """A headline figure stands after a sentence about the Kremlin and before the figures the text
    credits to Ukraine's army; it is exactly that report's tank total, so it is one of the report's
    lines, not Moscow's claim (which would be Ukraine's losses)."""
    text = (
        "Selbst der Kreml räumt inzwischen Verluste ein.\n\n303 russische Panzer zerstört\n\nLaut ukrainischer "
        "Armee wurden außerdem 1036 Schützenpanzer, 120 Artilleriesysteme und 56 Mehrfachraketenwerfer vernichtet."
    )
    report = check(text, view, language="de")
    assert report.report_date == dt.date(2022, 3, 8)
    [tanks] = _claims(report, value=303)
    assert (tanks["source"], tanks["metric"], tanks["verdict"]) == ("general-staff", "tanks", "match")


def test_a_loss_over_a_stated_period_that_the_reports_add_up_to_stays_the_general_staffs(view: LedgerView) -> None:
    """A week's sum credited to the General Staff beside figures of no single report: the sum is
    the rise of the reports over its days, so the text's figures are not a sector's tally."""
    series = view.points("general-staff")["personnel"]
    friday = dt.date(2024, 4, 19)
    week = sum(series[friday - dt.timedelta(days=k)].increase for k in range(5))
    text = (
        f"Laut Generalstab hat Russland seit Sonntag {week:,} Soldaten verloren. "
        "Darüber hinaus sollen 87 Schützenpanzer und 76 Drohnen verloren gegangen sein."
    ).replace(",", ".")
    report = check(text, view, published=friday.isoformat(), language="de")
    [personnel] = _claims(report, value=week)
    assert (personnel["source"], personnel["kind"], personnel["verdict"]) == ("general-staff", "increase", "match")


def test_a_commanders_sums_over_a_winter_date_the_report_they_add_up_to(view: LedgerView) -> None:
    """Losses "over the three winter months" stated two days into March fix no single report;
    the report whose rise over the three months they are (the last of February's) is the one
    the text quotes, and they match it."""
    series = view.points("general-staff")["personnel"]
    end, start = dt.date(2025, 3, 1), dt.date(2024, 12, 1)
    winter = series[end].total - series[start].total
    text = (
        f"Головнокомандувач ЗСУ: за три зимові місяці росіяни втратили {winter:,} військових убитими та пораненими."
    ).replace(",", " ")
    report = check(text, view, published="2025-03-02", language="uk")
    assert (report.report_date, report.fingerprint.confidence) == (end, 0.5)
    [claim] = _claims(report, value=winter)
    assert (claim["kind"], claim["verdict"]) == ("increase", "match")


def test_days_increases_that_fit_only_a_report_weeks_before_the_text_are_no_sure_date(view: LedgerView) -> None:
    """A day's increases are news on their day: the same four increases date the report of
    2023-06-10 surely in a text of the day after, and with confidence 0.45 at most in one of four
    weeks later (a front sector's day equals a national report by chance)."""
    text = (
        "On Saturday the General Staff said its troops had beaten back attacks in the Zaporizhzhia direction "
        "over the past day, destroying 8 tanks, 15 artillery systems, 16 drones and 18 vehicles."
    )
    next_day = check(text, view, published="2023-06-11", language="en").to_dict()
    assert next_day["report_date"] == "2023-06-10" and next_day["confidence"] > 0.9
    weeks_on = check(text, view, published="2023-07-08", language="en").to_dict()
    assert weeks_on["report_date"] == "2023-06-10" and weeks_on["confidence"] <= 0.45


def test_small_figures_alone_are_no_sure_date(view: LedgerView) -> None:
    """Three aircraft in a day and three drones in all fit only the war's first reports: a
    coincidence of small numbers in a text of 2024, dated with confidence 0.45 at most."""
    text = "The General Staff says three Russian aircraft were downed in the past 24 hours; Russia has now lost 3 drones in all."
    data = check(text, view, published="2024-05-28", language="en").to_dict()
    assert data["report_date"] == "2022-03-04" and data["confidence"] <= 0.45


def test_small_figures_that_fit_the_wars_first_days_yield_to_the_report_of_the_texts_day(view: LedgerView) -> None:
    """ "3 UAVs" read as a total fits only the first week's reports; the report of the text's own
    day, which its aircraft and helicopters fit, is the one it quotes."""
    text = (
        "The General Staff said in its 6 a.m. update that air defence units had hit 12 enemy air targets: "
        "2 aircraft, 3 helicopters, 3 UAVs and 4 cruise missiles."
    )
    assert check(text, view, published="2022-03-19", language="en").to_dict()["report_date"] == "2022-03-19"


def test_a_report_the_outlet_credits_to_russias_general_staff_is_read_as_ukraines(view: LedgerView) -> None:
    """Russia has never counted its own losses in hundreds of thousands: a total of 525,150 with
    the day's 1,090, exactly the report of 2024-06-15, is that report, whoever the outlet names."""
    text = (
        "Russia has suffered 525,150 troop losses since February 2022, including 1,090 in the past day, "
        "the General Staff of the Russian armed forces said in its latest report."
    )
    data = check(text, view, published="2024-06-15", language="en").to_dict()
    assert data["report_date"] == "2024-06-15"
    assert {(c["source"], c["value"]) for c in data["claims"]} == {("general-staff", 525_150), ("general-staff", 1090)}
    own = "Russia's defence ministry said 5,937 of its soldiers had died and 1,090 were wounded in the past day."
    assert all(c["source"] != "general-staff" for c in check(own, view, published="2022-09-21").to_dict()["claims"])
