"""How big the General Staff's figures were, month by month: what a total or a day's increase can be.

A figure's size says what it is when words do not: "two tanks" in 2024 is a day's loss, never a
total (the total was above 8,000); "9,113 tanks" is never a day's loss, whatever cue a list
carries from its first sentence.  ``vocab/_magnitudes.tsv`` holds, per metric and month, the
lowest and highest total and the largest day's increase of the reconciled General Staff series;
it is generated from a ledger synced from ../shared/data:

    python -m lossledger.extraction.magnitudes [--db URL]

and a test checks it against the test session's ledger.  Dates after the table's last month take
its last month (totals only grow).
"""

from __future__ import annotations

import datetime as dt
import sys
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from .model import GENERAL_STAFF

if TYPE_CHECKING:
    from ..verify.view import LedgerView

__all__ = ["Magnitudes", "magnitudes", "table_rows"]

PATH = Path(__file__).resolve().parent / "vocab" / "_magnitudes.tsv"
#: Metrics whose figures the news quotes (the lines of the statement).
METRICS = (
    "personnel", "tanks", "afv", "artillery", "mlrs", "air_defense", "aircraft", "helicopters", "uav",
    "cruise_missiles", "ships", "submarines", "vehicles", "special_equipment", "military_auto", "fuel_tanks",
)  # fmt: skip


@dataclass(frozen=True)
class Month:
    """One metric's figures in one month."""

    start: dt.date
    min_total: int
    max_total: int
    max_increase: int


def table_rows(view: LedgerView) -> list[tuple[str, str, int, int, int]]:
    """(metric, YYYY-MM, min total, max total, max day's increase) from the ledger's General Staff series."""
    points = view.points(GENERAL_STAFF)
    rows = []
    for metric in METRICS:
        series = points.get(metric, {})
        months: dict[str, list[int]] = {}
        incs: dict[str, int] = {}
        for day, p in sorted(series.items()):
            key = day.strftime("%Y-%m")
            if p.total is not None:
                months.setdefault(key, []).append(p.total)
            if p.increase is not None and p.increase >= 0:
                incs[key] = max(incs.get(key, 0), p.increase)
        for key, totals in sorted(months.items()):
            rows.append((metric, key, min(totals), max(totals), incs.get(key, 0)))
    return rows


def write_table(view: LedgerView, path: Path = PATH) -> None:
    lines = ["# metric\tmonth\tmin_total\tmax_total\tmax_increase  (python -m lossledger.extraction.magnitudes)"]
    lines += ["\t".join(map(str, row)) for row in table_rows(view)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


class Magnitudes:
    """Look-ups in the table: the month of a date, the months a total fits, plausibility bounds."""

    def __init__(self, rows: dict[str, list[Month]]) -> None:
        self.rows = rows
        self._starts = {m: [x.start for x in months] for m, months in rows.items()}
        self._largest_ever: dict[str, int] = {}

    def month(self, metric: str, on: dt.date) -> Month | None:
        """The metric's row for the month of ``on`` (the first or last month outside the table)."""
        months = self.rows.get(metric)
        if not months:
            return None
        k = bisect_right(self._starts[metric], on) - 1
        return months[max(0, min(k, len(months) - 1))]

    def largest_increase(self, metric: str, on: dt.date | None, days: int = 1) -> int | None:
        """The largest increase over ``days`` days plausible around ``on`` (any date when None):
        the largest day's increase of the month and its neighbours, times the days, with room."""
        months = self.rows.get(metric)
        if not months:
            return None
        if on is None:
            day = self._largest_ever.get(metric)
            if day is None:
                day = self._largest_ever[metric] = max(m.max_increase for m in months)
        else:
            k = bisect_right(self._starts[metric], on) - 1
            k = max(0, min(k, len(months) - 1))
            day = max(m.max_increase for m in months[max(0, k - 1) : k + 2])
        return int(day * 1.5 * days) + 2

    def smallest_total(self, metric: str, on: dt.date | None) -> int | None:
        """The smallest total the metric had around ``on`` (a month before it), or ever when None."""
        months = self.rows.get(metric)
        if not months:
            return None
        if on is None:
            return months[0].min_total
        row = self.month(metric, on - dt.timedelta(days=31))
        return row.min_total if row else None

    def largest_total(self, metric: str) -> int | None:
        """The largest total the metric ever had (its last month's)."""
        months = self.rows.get(metric)
        return max(m.max_total for m in months) if months else None

    def months_of_total(self, metric: str, value: int) -> list[dt.date]:
        """The months whose totals include ``value``."""
        return [m.start for m in self.rows.get(metric, []) if m.min_total <= value <= m.max_total]


@cache
def magnitudes() -> Magnitudes:
    rows: dict[str, list[Month]] = {}
    text = resources.files(__package__).joinpath("vocab", "_magnitudes.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        metric, month, lo, hi, inc = line.split("\t")
        year, mon = month.split("-")
        rows.setdefault(metric, []).append(Month(dt.date(int(year), int(mon), 1), int(lo), int(hi), int(inc)))
    return Magnitudes(rows)


def main(argv: list[str] | None = None) -> int:
    import argparse

    from ..verify.view import LedgerView

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", default=None, help="ledger URL (default: $LOSSLEDGER_DB, else the per-user file)")
    args = ap.parse_args(argv)
    write_table(LedgerView.open(args.db))
    print(f"wrote {PATH}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
