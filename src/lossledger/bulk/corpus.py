"""A generated archive with errors injected at known rates, to test that a bulk report finds them.

Texts are statements and news articles in eight languages (templates.toml), plus the texts of
``shared/articles/dev.jsonl`` with their General Staff figures re-drawn for another report date,
each quoting the figures of a random report date of the real ledger.  Each article carries at
most one injected error, drawn with its outlet's rates (nominal rate × the outlet's factor; the
factors average 1, so the corpus-wide rates are the nominal ones):

- ``wrong_digit``: one equipment total with one digit changed (a mismatch);
- ``stale``: the figures of the report 1–3 days before the date the text states;
- ``total_as_increase``: one equipment total given as the 24-hour increase;
- ``personnel_as_deaths``: the personnel figure (killed and wounded) presented as deaths.

``truth.parquet`` lists every article with what was injected; :mod:`.recovery` compares it with a
report.  Deterministic for a seed.
"""

from __future__ import annotations

import bisect
import datetime as dt
import json
import random
import re
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, NamedTuple

from ..errors import InputError
from ..extraction.claims import MERGE_DAY
from ..extraction.numbers import trailing_zeros
from ..registry import CLAIMS

__all__ = ["DEFAULT_RATES", "ERRORS", "OUTLETS", "CorpusResult", "generate_corpus"]

ERRORS = ("wrong_digit", "stale", "total_as_increase", "personnel_as_deaths")
DEFAULT_RATES = {"wrong_digit": 0.05, "stale": 0.08, "total_as_increase": 0.04, "personnel_as_deaths": 0.06}
#: invented outlets and their error-rate factors (mean 1)
OUTLETS = {
    "careful-daily.example": 0.25,
    "kyiv-wire.example": 0.5,
    "morning-post.example": 0.75,
    "euro-monitor.example": 1.0,
    "eastern-front.example": 1.0,
    "frontline-news.example": 1.25,
    "hasty-herald.example": 1.5,
    "rumour-mill.example": 1.75,
}
METRICS = ("personnel", "tanks", "afv", "artillery", "air_defense", "uav")
EQUIPMENT = ("tanks", "afv", "artillery")
GENERAL_STAFF = CLAIMS
_NUMBER = re.compile(r"\d{1,3}(?:([ ,.\u00a0\u202f'])\d{3})(?:\1\d{3})*|\d+")


@dataclass
class CorpusResult:
    folder: Path
    articles: int
    shards: list[Path]
    truth: Path
    rates: dict[str, float]
    dev_templates: int = 0
    languages: list[str] = field(default_factory=list)


@dataclass
class _Figures:
    totals: dict[str, int]
    increases: dict[str, int]


class _Slot(NamedTuple):
    """Where a dev template's figure stands and how it is re-drawn (see :class:`_DevTemplate`)."""

    start: int
    end: int
    metric: str
    kind: str
    how: str
    sep: str


@dataclass
class _DevTemplate:
    """A dev text whose General Staff figures can be re-drawn: their places and what they are.

    A slot is (start, end, metric, kind, how, separator): ``how`` is ``exact`` (the figure of the
    report, re-drawn), ``floor``/``round`` (a rounded figure, "more than 3000", re-drawn rounded to
    as many zeros) or ``fixed`` (a number in words, "one submarine": kept, and only dates with the
    same value are drawn)."""

    id: str
    language: str
    text: str
    slots: list[_Slot]
    stated: dt.date | None
    fixed: dict[tuple[str, str], int] = field(default_factory=dict)

    def render(self, figures: _Figures, override: dict[tuple[str, str], int] | None = None) -> str:
        out, last = [], 0
        for start, end, metric, kind, how, sep in self.slots:
            if how == "fixed":
                continue
            value = (override or {}).get((metric, kind))
            if value is None:
                value = _rounded(
                    (figures.totals if kind == "total" else figures.increases)[metric], how, self.text[start:end]
                )
            out += [self.text[last:start], _group(value, sep)]
            last = end
        return "".join(out) + self.text[last:]


def _rounded(value: int, how: str, original: str) -> int:
    digits = re.sub(r"\D", "", original)
    step = int(10 ** (len(digits) - len(digits.rstrip("0"))))
    if how == "floor":
        return max(step, value // step * step)
    if how == "round":
        return max(step, (value + step // 2) // step * step)
    return value


def _group(value: int, sep: str) -> str:
    return f"{value:,}".replace(",", sep) if sep else str(value)


class _Ledger:
    """The General Staff's reconciled figures by date, and the dates a corpus can quote."""

    def __init__(self, db: str | None) -> None:
        from ..config import resolve_db_url
        from .worker import open_view

        self.view = open_view(resolve_db_url(db))
        self.series = self.view.points(GENERAL_STAFF)
        personnel = self.series.get("personnel", {})
        self.dates = [d for d in sorted(personnel) if all(self.complete(d - dt.timedelta(days=k)) for k in range(4))]
        if not self.dates:
            raise InputError(
                "the ledger holds no General Staff reports to draw from: run `lossledger sync`", code="input.ledger"
            )

    def complete(self, day: dt.date, metrics: tuple[str, ...] = METRICS) -> bool:
        for m in metrics:
            p = self.series.get(m, {}).get(day)
            if p is None or p.total is None or p.increase is None:
                return False
        return True

    def figures(self, day: dt.date) -> _Figures:
        totals = {m: p.total for m, by in self.series.items() if (p := by.get(day)) and p.total is not None}
        incs = {m: p.increase for m, by in self.series.items() if (p := by.get(day)) and p.increase is not None}
        return _Figures(totals, incs)

    def value(self, metric: str, kind: str, day: dt.date) -> int | None:
        p = self.series.get(metric, {}).get(day)
        return None if p is None else (p.total if kind == "total" else p.increase)

    def recent_totals(self, metric: str, day: dt.date, days: int = 15) -> set[int]:
        by = self.series.get(metric, {})
        return {p.total for k in range(days) if (p := by.get(day - dt.timedelta(days=k))) and p.total is not None}


def _load_templates() -> dict[str, Any]:
    return tomllib.loads(resources.files("lossledger.bulk").joinpath("templates.toml").read_text(encoding="utf-8"))


def _mutate(value: int, rng: random.Random, avoid: set[int]) -> int:
    """``value`` with one digit (not the first) changed, not a rounding ("…00") nor a recent total."""
    digits = str(value)
    for _ in range(100):
        pos = rng.randrange(1, len(digits))
        new = digits[:pos] + rng.choice([d for d in "0123456789" if d != digits[pos]]) + digits[pos + 1 :]
        if not new.endswith("00") and int(new) not in avoid:
            return int(new)
    raise ValueError(f"cannot mutate {value}")  # pragma: no cover - 3+ digit values always can


def _dev_templates(path: Path, ledger: _Ledger, rng: random.Random) -> list[_DevTemplate]:
    """The dev texts whose General Staff figures are all re-drawable and that check clean when
    re-drawn for ten other dates (texts the extractor misreads would blur the rates)."""
    from ..extraction import extract

    found = []
    for line in path.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        if not rec.get("report_date"):
            continue
        template = _dev_template(rec, ledger, extract)
        if (
            template
            and len(_dev_dates(template, ledger)) >= 30
            and all(_checks_clean(template, ledger, rng) for _ in range(10))
        ):
            found.append(template)
    return found


def _dev_template(rec: dict[str, Any], ledger: _Ledger, extract: Any) -> _DevTemplate | None:
    day = dt.date.fromisoformat(rec["report_date"])
    figures = ledger.figures(day)
    text = rec["text"]
    found = extract(text, published=rec.get("published"), language=rec["language"])
    slots: dict[int, _Slot] = {}
    fixed: dict[tuple[str, str], int] = {}
    for c in found.claims:
        if c.source != GENERAL_STAFF:
            continue
        if c.multi_day:
            return None
        truth = (figures.totals if c.kind == "total" else figures.increases).get(c.metric)
        at = text.find(c.text, c.span[0], c.span[1] + len(c.text)) if c.text else -1
        match = _NUMBER.fullmatch(c.text or "")
        if at < 0 or truth is None:
            return None
        if match is None:
            if truth != c.value:
                return None
            fixed[(c.metric, c.kind)] = c.value
            continue
        how = "exact" if truth == c.value else _how_rounded(c.value, truth, c.qualifier)
        if how is None:
            return None  # the outlet's own mistake, or a figure of another day: not re-drawable
        slots[at] = _Slot(at, at + len(c.text), c.metric, c.kind, how, match.group(1) or "")
    if len(slots) < 2:
        return None
    return _DevTemplate(rec["id"], rec["language"], text, [slots[k] for k in sorted(slots)], found.as_of, fixed)


def _how_rounded(value: int, truth: int, qualifier: str) -> str | None:
    zeros = trailing_zeros(value)
    if zeros < 2:
        return None
    step = 10**zeros
    if qualifier == "more_than" and value < truth <= value + step:
        return "floor"
    if abs(value - truth) <= step // 2:
        return "round"
    return None


def _dev_dates(template: _DevTemplate, ledger: _Ledger) -> list[dt.date]:
    cached: list[dt.date] | None = getattr(template, "_dates", None)
    if cached is None:
        metrics = tuple({s.metric for s in template.slots})
        stated = template.stated
        # a text that names the merged vehicles line speaks of a report after the merge: before
        # it, the statement had military auto and fuel tanks on lines of their own
        since = MERGE_DAY if "vehicles" in metrics else dt.date.min
        cached = [
            d
            for d in ledger.dates
            if d >= since
            and ledger.complete(d, metrics)
            and not (stated and d < stated <= d + dt.timedelta(days=7))
            and all(ledger.value(m, k, d) == v for (m, k), v in template.fixed.items())
        ]
        template._dates = cached  # type: ignore[attr-defined]
    return cached


def _checks_clean(template: _DevTemplate, ledger: _Ledger, rng: random.Random) -> bool:
    from ..verify import check

    dates = _dev_dates(template, ledger)
    if not dates:
        return False
    day = rng.choice(dates)
    text = template.render(ledger.figures(day))
    report = check(text, ledger.view, published=day, language=template.language, context=False)
    gs = [j for j in report.judgements if j.claim.source == GENERAL_STAFF]
    codes = {n.code for n in report.notes} & {
        "stale-figures",
        "total-as-increase",
        "personnel-framed-as-deaths",
        "mixed-dates",
    }
    return report.report_date == day and not codes and all(j.verdict in ("match", "rounded") for j in gs)


class _Renderer:
    """One article: its text and its truth row, for a report date and an error to inject."""

    def __init__(self, ledger: _Ledger, templates: dict[str, Any], dev: list[_DevTemplate], dev_share: float) -> None:
        from babel.dates import format_date
        from babel.numbers import format_decimal

        self.ledger, self.templates, self.dev, self.dev_share = ledger, templates, dev, dev_share
        self.format_date, self.format_decimal = format_date, format_decimal

    def render(self, rng: random.Random, day: dt.date, error: str | None) -> tuple[str, str, str, dict[str, Any]]:
        """(text, language, template id, truth details)."""
        if error in (None, "wrong_digit") and self.dev and rng.random() < self.dev_share:
            return self._dev(rng, day, error)
        return self._own(rng, day, error)

    def _own(self, rng: random.Random, day: dt.date, error: str | None) -> tuple[str, str, str, dict[str, Any]]:
        language = rng.choice(sorted(self.templates))
        spec = self.templates[language]
        choices = [*spec["articles"], *([spec["statement"]] if "statement" in spec else [])]
        index = rng.randrange(len(choices))
        template = choices[index]
        lag = rng.randint(1, 3) if error == "stale" else 0
        figures = self.ledger.figures(day - dt.timedelta(days=lag))
        totals, increases = dict(figures.totals), dict(figures.increases)
        detail: dict[str, Any] = {"lag": lag or None, "metric": None, "value": None}
        if error == "wrong_digit":
            metric = rng.choice([m for m in EQUIPMENT if "{" + m + "}" in template])
            totals[metric] = _mutate(totals[metric], rng, self.ledger.recent_totals(metric, day))
            detail.update(metric=metric, value=totals[metric])
        elif error == "total_as_increase":
            metric = rng.choice([m for m in EQUIPMENT if "{" + m + "_inc}" in template])
            increases[metric] = totals[metric]
            detail.update(metric=metric, value=totals[metric])
        fields = {m: self.format_decimal(totals[m], locale=language) for m in METRICS}
        fields |= {f"{m}_inc": self.format_decimal(increases[m], locale=language) for m in METRICS}
        fields["date"] = self.format_date(day, "long", locale=language)
        fields["personnel_words"] = spec["personnel"]["deaths" if error == "personnel_as_deaths" else "neutral"]
        return template.format(**fields), language, f"{language}-{index}", detail

    def _dev(self, rng: random.Random, drawn: dt.date, error: str | None) -> tuple[str, str, str, dict[str, Any]]:
        candidates = self.dev
        if error == "wrong_digit":
            candidates = [t for t in self.dev if _equipment_totals(t)] or self.dev
        template = rng.choice(candidates)
        dates = _dev_dates(template, self.ledger)  # the template's date nearest the drawn one: the
        at = bisect.bisect_left(dates, drawn)  # archive stays in date order, as crawls are
        day = min(dates[max(0, at - 1) : at + 1], key=lambda d: abs(d - drawn))
        figures = self.ledger.figures(day)
        detail: dict[str, Any] = {"lag": None, "metric": None, "value": None, "report_date": day}
        override = {}
        if error == "wrong_digit" and _equipment_totals(template):
            metric = rng.choice(_equipment_totals(template))
            override[(metric, "total")] = _mutate(figures.totals[metric], rng, self.ledger.recent_totals(metric, day))
            detail.update(metric=metric, value=override[(metric, "total")])
        elif error == "wrong_digit":  # pragma: no cover - some dev text always has equipment totals
            raise InputError("no dev template can carry a wrong digit", code="input.corpus")
        return template.render(figures, override), template.language, f"dev:{template.id}", detail


def _equipment_totals(template: _DevTemplate) -> list[str]:
    return sorted(
        {
            s.metric
            for s in template.slots
            if s.kind == "total"
            and s.how == "exact"
            and s.metric != "personnel"
            and len(template.text[s.start : s.end]) >= 3
        }
    )


def generate_corpus(
    out: str | Path,
    articles: int = 200_000,
    *,
    db: str | None = None,
    shard_size: int = 2_000,
    seed: int = 0,
    rates: dict[str, float] | None = None,
    dev: str | Path | None = None,
    dev_share: float = 0.2,
    fmt: str = "jsonl",
) -> CorpusResult:
    """Write ``articles`` texts as shards of ``shard_size`` (``fmt``: jsonl, parquet or warc) and
    ``truth.parquet`` into ``out``; articles are in date order, as crawls are.

    ``dev``: a dev.jsonl whose texts are re-drawn and mixed in (``dev_share`` of the clean and
    wrong-digit articles).  Raises :class:`InputError` for rates that are not shares."""
    rates = dict(DEFAULT_RATES if rates is None else rates)
    if (
        set(rates) - set(ERRORS)
        or any(r < 0 for r in rates.values())
        or sum(rates.values()) * max(OUTLETS.values()) >= 1
    ):
        raise InputError(
            f"rates must be non-negative shares of {', '.join(ERRORS)} summing to < {1 / max(OUTLETS.values()):.2f}",
            code="input.rates",
        )
    if fmt not in _WRITERS:
        raise InputError(f"format must be one of {', '.join(_WRITERS)}, not {fmt!r}", code="input.format")
    rng = random.Random(seed)
    ledger = _Ledger(db)
    try:
        return _generate(Path(out), articles, ledger, rng, shard_size, rates, dev, dev_share, fmt, seed)
    finally:
        ledger.view.close()


def _generate(
    folder: Path, articles: int, ledger: _Ledger, rng: random.Random, shard_size: int, rates: dict[str, float],
    dev: str | Path | None, dev_share: float, fmt: str, seed: int,
) -> CorpusResult:  # fmt: skip
    dev_templates = _dev_templates(Path(dev), ledger, random.Random(seed + 1)) if dev else []
    renderer = _Renderer(ledger, _load_templates(), dev_templates, dev_share)
    (folder / "shards").mkdir(parents=True, exist_ok=True)
    days = sorted(rng.choice(ledger.dates) for _ in range(articles))
    outlets = sorted(OUTLETS)
    truth: list[dict[str, Any]] = []
    shards: list[Path] = []
    for start in range(0, articles, shard_size):
        records = []
        for i in range(start, min(articles, start + shard_size)):
            outlet = rng.choice(outlets)
            error = _draw_error(rng, rates, OUTLETS[outlet])
            text, language, template, detail = renderer.render(rng, days[i], error)
            day = detail.pop("report_date", days[i])
            url = f"https://{outlet}/{day.isoformat()}/{i:07d}"
            record = {"url": url, "outlet": outlet, "published": day.isoformat(), "text": text}
            if rng.random() < 0.7:  # the rest have their language detected
                record["language"] = language
            records.append(record)
            truth.append({"url": url, "outlet": outlet, "language": language, "template": template,
                          "report_date": day, "error": error or "", **detail})  # fmt: skip
        shards.append(_WRITERS[fmt](folder / "shards" / f"articles-{len(shards):05d}", records))
    import pyarrow as pa
    import pyarrow.parquet as pq

    truth_path = folder / "truth.parquet"
    pq.write_table(pa.Table.from_pylist(truth), truth_path)
    meta = {
        "articles": articles,
        "seed": seed,
        "rates": rates,
        "outlets": OUTLETS,
        "dev_templates": [t.id for t in dev_templates],
    }
    (folder / "corpus.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    return CorpusResult(folder, articles, shards, truth_path, rates, len(dev_templates), sorted(renderer.templates))


def _draw_error(rng: random.Random, rates: dict[str, float], factor: float) -> str | None:
    u, edge = rng.random(), 0.0
    for name in ERRORS:
        edge += rates.get(name, 0.0) * factor
        if u < edge:
            return name
    return None


def _write_jsonl(stem: Path, records: list[dict[str, Any]]) -> Path:
    path = stem.with_suffix(".jsonl")
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def _write_parquet(stem: Path, records: list[dict[str, Any]]) -> Path:
    import pyarrow as pa
    import pyarrow.parquet as pq

    path = stem.with_suffix(".parquet")
    pq.write_table(pa.Table.from_pylist(records), path, row_group_size=max(1, len(records) // 2))
    return path


def _write_warc(stem: Path, records: list[dict[str, Any]]) -> Path:
    """Each article as an HTML page in a WARC response record, as a crawler stores it."""
    from html import escape
    from io import BytesIO

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = stem.with_suffix(".warc.gz")
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for r in records:
            title, _, rest = r["text"].partition(". ")
            paragraphs = "".join(f"<p>{escape(p)}</p>" for p in rest.split("\n") if p.strip())
            page = (f"<!doctype html><html><head><title>{escape(title)}</title><script>var x=1;</script></head>"
                    f"<body><nav>Home | World</nav><article><h1>{escape(title)}.</h1>{paragraphs}</article>"
                    "<footer>© outlet</footer></body></html>").encode()  # fmt: skip
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                r["url"], "response", payload=BytesIO(page), http_headers=http,
                warc_headers_dict={"WARC-Date": f"{r['published']}T08:00:00Z"},
            )  # fmt: skip
            writer.write_record(record)
    return path


_WRITERS = {"jsonl": _write_jsonl, "parquet": _write_parquet, "warc": _write_warc}
