"""The HTML report of a bulk run: how often each outlet is right, late, wrong; error kinds over time.

One self-contained file (charts are inline SVG drawn by matplotlib, no CDN, no script), headed by
the extraction version and the ledger version that produced it.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["render_report"]

KINDS = {
    "rate_wrong_figure": "wrong figure",
    "rate_late": "late (stale figures)",
    "rate_total_as_increase": "total given as increase",
    "rate_personnel_as_deaths": "personnel called deaths",
}
OUTCOMES = {"rate_right": ("right", "#2e7d32"), "rate_late": ("late", "#f9a825"), "rate_wrong": ("wrong", "#c62828")}
TOP_OUTLETS = 25

_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>lossledger bulk report</title>
<style>
body{font:14px/1.45 system-ui,sans-serif;margin:2em auto;max-width:1100px;color:#222}
table{border-collapse:collapse;margin:1em 0}td,th{padding:3px 8px;border-bottom:1px solid #ddd;text-align:right}
th:first-child,td:first-child{text-align:left}code{background:#f4f4f4;padding:1px 4px}
.meta td{text-align:left}svg{max-width:100%;height:auto}
</style></head><body>
<h1>Loss figures quoted in {{ articles }} articles, checked against the ledger</h1>
<table class="meta">
<tr><td>extraction version</td><td><code>{{ m.extraction_version }}</code></td></tr>
<tr><td>ledger</td><td><code>{{ m.ledger_url }}</code> (version <code>{{ m.ledger_version }}</code>)</td></tr>
<tr><td>shards complete</td><td>{{ shards }}</td></tr>
<tr><td>articles / with General Staff figures</td><td>{{ articles }} / {{ checked }}</td></tr>
<tr><td>rejected records</td><td>{{ rejected }}{% for code, n in reject_codes %} · <code>{{ code }}</code> {{ n }}{% endfor %}</td></tr>
</table>
<p>Shares are of articles with at least one General Staff figure. <b>right</b>: every figure matches
the report the text presents; <b>late</b>: the figures are an earlier report's (stale); <b>wrong</b>:
a figure matches no report (a mismatch). An article can be both late and wrong.</p>
<h2>Overall</h2>{{ overall | safe }}
<h2>How often each outlet is right, late, wrong</h2>{{ outlet_chart | safe }}{{ outlet_table | safe }}
<h2>Error kinds over time</h2>{{ time_chart | safe }}
<h2>By language</h2>{{ language_table | safe }}
</body></html>
"""


def render_report(
    by_outlet: pd.DataFrame, by_month: pd.DataFrame, by_language: pd.DataFrame, totals: dict[str, Any],
    manifest: dict[str, Any], shards: int, reject_codes: dict[str, int],
) -> str:  # fmt: skip
    """The report's HTML from the summaries grouped by outlet, by month and by language."""
    import jinja2

    page = jinja2.Environment(autoescape=True).from_string(_PAGE)
    columns = ["articles", "checked", "rate_right", "rate_late", "rate_wrong", *KINDS, "stale_lag_mean"]
    top = by_outlet.sort_values("articles", ascending=False).head(TOP_OUTLETS)
    return page.render(
        m=manifest,
        articles=f"{totals.get('articles', 0):,}",
        checked=f"{totals.get('checked', 0):,}",
        shards=shards,
        rejected=sum(reject_codes.values()),
        reject_codes=sorted(reject_codes.items()),
        overall=_table_html([{"": "all", **{c: totals.get(c) for c in columns}}], ["", *columns]),
        outlet_chart=_outlet_chart(top),
        outlet_table=_table_html(top.to_dict("records"), ["outlet", *columns]),
        time_chart=_time_chart(by_month),
        language_table=_table_html(by_language.to_dict("records"), ["language", *columns]),
    )


def _fmt(value: Any, column: str) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return "–"
    if column.startswith("rate_"):
        return f"{value:.1%}"
    if isinstance(value, float):
        return f"{value:.2f}"
    return f"{value:,}" if isinstance(value, int) else str(value)


def _table_html(rows: list[dict[str, Any]], columns: list[str]) -> str:
    from html import escape

    head = "".join(f"<th>{escape(c.removeprefix('rate_').replace('_', ' '))}</th>" for c in columns)
    body = "".join("<tr>" + "".join(f"<td>{escape(_fmt(r.get(c), c))}</td>" for c in columns) + "</tr>" for r in rows)
    return f"<table><tr>{head}</tr>{body}</table>"


def _svg(fig: Any) -> str:
    import matplotlib.pyplot as plt

    buf = io.StringIO()
    fig.savefig(buf, format="svg", bbox_inches="tight")
    plt.close(fig)
    text = buf.getvalue()
    return text[text.index("<svg") :]


def _outlet_chart(top: pd.DataFrame) -> str:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    if top.empty:
        return "<p>No articles.</p>"
    fig, ax = plt.subplots(figsize=(9, 0.3 * len(top) + 1.2))
    names = list(top["outlet"])[::-1]
    for i, (column, (label, colour)) in enumerate(OUTCOMES.items()):
        values = [v if v == v else 0 for v in top[column]][::-1]
        ax.barh([y + (i - 1) * 0.27 for y in range(len(names))], values, height=0.27, label=label, color=colour)
    ax.set_yticks(range(len(names)), names)
    ax.xaxis.set_major_formatter(matplotlib.ticker.PercentFormatter(1.0))
    ax.set_xlabel("share of checked articles")
    ax.legend(loc="lower right")
    return _svg(fig)


def _time_chart(by_month: pd.DataFrame) -> str:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    frame = by_month[by_month["month"] != "unknown"].sort_values("month")
    if frame.empty:
        return "<p>No dated articles.</p>"
    fig, ax = plt.subplots(figsize=(10, 3.6))
    for column, label in KINDS.items():
        ax.plot(frame["month"], frame[column], marker=".", label=label)
    step = max(1, len(frame) // 12)
    ax.set_xticks(range(0, len(frame), step), list(frame["month"])[::step], rotation=45, ha="right")
    ax.yaxis.set_major_formatter(matplotlib.ticker.PercentFormatter(1.0))
    ax.set_ylabel("share of checked articles")
    ax.legend(fontsize=8)
    return _svg(fig)
