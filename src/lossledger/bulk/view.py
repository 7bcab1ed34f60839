"""A ledger view for checking many articles in one process: the reconciled series built once.

``check`` asks the view for the General Staff series around each article's report date, and
:class:`~lossledger.verify.LedgerView` reads and reconciles that window again for every article
(~75 ms of the ~110 ms an article costs on this machine).  A worker checks thousands of articles
against the same ledger, so :class:`PreparedView` reconciles each source's whole series once and
serves windows from it.  Reconciling the whole series gives the same points as the window
(``tests/bulk/test_view.py`` checks it), except one difference in the windowed path: a window
entirely before the 2022-05-01 merge has no ``vehicles`` line, because the merged line only
exists when the window reaches a date that reports it.  Here it exists, as in ``show``.
"""

from __future__ import annotations

import bisect
import datetime as dt
from typing import Any

from ..ledger.points import Point, build_points
from ..verify import LedgerView

__all__ = ["PreparedView"]


class PreparedView(LedgerView):
    """A :class:`LedgerView` whose unfiltered ``points`` come from one reconciliation per source."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._series: dict[str, dict[str, tuple[list[dt.date], list[Point]]]] = {}

    def points(
        self, source: str, *, start: dt.date | None = None, end: dt.date | None = None, **kwargs: Any
    ) -> dict[str, dict[dt.date, Point]]:
        if kwargs:  # a metric or category subset: rare in checking, read as the base view does
            return super().points(source, start=start, end=end, **kwargs)
        series = self._series.get(source)
        if series is None:
            series = self._series[source] = {
                metric: (list(by_date), list(by_date.values()))
                for metric, by_date in build_points(self.raw(source)).items()
            }
        out: dict[str, dict[dt.date, Point]] = {}
        for metric, (dates, points) in series.items():
            lo = 0 if start is None else bisect.bisect_left(dates, start)
            hi = len(dates) if end is None else bisect.bisect_right(dates, end)
            if lo < hi:
                out[metric] = dict(zip(dates[lo:hi], points[lo:hi], strict=True))
        return out
