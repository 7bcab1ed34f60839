"""The chart of ``lossledger compare``: claimed totals, confirmed counts, and their ratio over time.

matplotlib with the Agg backend (no display needed); the format follows the file's suffix
(.png, .svg, .pdf).  Two panels share the date axis: the totals of each source (log scale, the
claim is often ten times the confirmed count), and the ratio of the first source to the second.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from .. import taxonomy
from ..errors import InputError

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["ratio_chart"]

FORMATS = (".png", ".svg", ".pdf")


def ratio_chart(frame: pd.DataFrame, metric: str, sources: list[str], out: str | Path) -> Path:
    """Write the chart of a :func:`~lossledger.analysis.compare.compare` frame to ``out``."""
    path = Path(out)
    if path.suffix.lower() not in FORMATS:
        raise InputError(f"chart file must end in {', '.join(FORMATS)}: {path.name}", code="input.chart")
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    base, other = sources[0], sources[1]
    fig, (top, bottom) = plt.subplots(2, 1, sharex=True, figsize=(9, 6), height_ratios=(3, 2), layout="constrained")
    for column in (base, other):
        if column in frame:
            # dots mark the dates that carry data; the lines between them are interpolation
            top.plot(frame.index, frame[column].astype(float), label=column, marker=".", markersize=3)
    top.set_yscale("log")
    top.set_ylabel(f"{taxonomy.label(metric)} (total)")
    top.legend(loc="upper left")
    top.set_title(f"{taxonomy.label(metric)}: {base} claims vs {other} confirmed")
    if "ratio" in frame:
        bottom.plot(frame.index, frame["ratio"].astype(float), color="tab:red", marker=".", markersize=3)
        bottom.axhline(1.0, color="grey", linewidth=0.8, linestyle="--")
    bottom.set_ylabel(f"ratio {base} / {other}")
    bottom.set_xlabel("date of the confirmed count")
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path)
    plt.close(fig)
    return path
