"""The summary of a bulk run: per outlet × language × month, verdict rates, stale lags, framing notes.

Computed from the shards' tallies alone (small, whatever the archive's size), with pandas.
Rates are shares of *checked* articles (those with at least one General Staff figure): ``right``,
``late``, ``wrong``, ``wrong_figure``, ``total_as_increase``, ``personnel_as_deaths``…
(rows.py defines each); verdict shares are of General Staff claims.  Stale lags are the days
between the report a text presents and the one its figures come from (mean and median).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .rows import FLAGS

if TYPE_CHECKING:
    import pandas as pd
    import pyarrow as pa

__all__ = ["RATES", "summarise", "totals"]

VERDICTS = ("match", "rounded", "stale", "mismatch", "unverifiable")
RATES = tuple(f for f in FLAGS if f != "checked")
GROUP = ["outlet", "language", "month"]


def summarise(tally: pa.Table, by: list[str] | None = None) -> pd.DataFrame:
    """One row per group (default: outlet, language, month) with counts, rates and lags."""
    import pandas as pd

    by = GROUP if by is None else by
    frame = tally.to_pandas()
    counts = (
        frame.pivot_table(index=by, columns="key", values="count", aggfunc="sum", fill_value=0)
        if len(frame)
        else pd.DataFrame()
    )
    out = pd.DataFrame(index=counts.index)
    for col in ("articles", "checked", "claims", *RATES):
        out[col] = counts.get(col, 0)
    gs = sum(counts.get(f"verdict:{v}", 0) for v in VERDICTS)
    out["gs_claims"] = gs
    for v in VERDICTS:
        out[f"verdict_{v}"] = counts.get(f"verdict:{v}", 0) / _nonzero(gs)
    for rate in RATES:
        out[f"rate_{rate}"] = out[rate] / _nonzero(out["checked"])
    lags = sorted((int(c.split(":")[1]), c) for c in counts.columns if str(c).startswith("lag:"))
    out["stale_lag_mean"] = _lag_mean(counts, lags)
    out["stale_lag_median"] = _lag_median(counts, lags)
    return out.reset_index()


def totals(tally: pa.Table) -> dict[str, float]:
    """The whole run's counts and rates (one group)."""
    import pyarrow as pa

    flat = tally.set_column(
        tally.schema.get_field_index("outlet"), "outlet", pa.array(["all"] * tally.num_rows, pa.string())
    )
    frame = summarise(flat, by=["outlet"])
    if frame.empty:
        return {"articles": 0, "checked": 0}
    row = frame.iloc[0].drop(labels=["outlet"])
    return {k: (float(v) if isinstance(v, float) else int(v)) for k, v in row.items()}


def _nonzero(series: pd.Series | int) -> pd.Series | int:
    if isinstance(series, int):
        return series or 1
    return series.where(series != 0, other=float("nan"))


def _lag_mean(counts: pd.DataFrame, lags: list[tuple[int, str]]) -> pd.Series:
    n = sum(counts[c] for _d, c in lags) if lags else 0
    s = sum(counts[c] * d for d, c in lags) if lags else 0
    return s / _nonzero(n) if lags else float("nan")


def _lag_median(counts: pd.DataFrame, lags: list[tuple[int, str]]) -> pd.Series:
    import pandas as pd

    if not lags:
        return pd.Series(float("nan"), index=counts.index)

    def median(row: pd.Series) -> float:
        n = sum(row[c] for _d, c in lags)
        if not n:
            return float("nan")
        seen = 0
        for d, c in lags:
            seen += row[c]
            if seen * 2 >= n:
                return float(d)
        return float(lags[-1][0])

    return counts.apply(median, axis=1)
