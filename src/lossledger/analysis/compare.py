"""Claims vs. confirmed: one metric from several sources side by side, and their ratio.

The General Staff reports every day; Oryx (photo-confirmed equipment) and Mediazona (deaths
confirmed by name) are lower bounds published on their own dates.  :func:`compare` aligns them on
the dates of the sparser sources — each evidence figure next to the claim of the same date, or the
nearest earlier one — so the ratio compares like with like.  Used by ``lossledger compare``, the
API's comparison endpoint and the dashboard.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from .. import taxonomy
from ..errors import InputError, NotFound
from ..registry import CLAIMS, CONFIRMED

if TYPE_CHECKING:
    import pandas as pd

    from ..ledger import Ledger

__all__ = ["STATUSES", "compare", "gap_sentence"]

STATUSES = ("destroyed", "damaged", "abandoned", "captured")


def compare(
    ledger: Ledger,
    metric: str,
    sources: list[str] | tuple[str, ...] = (CLAIMS, CONFIRMED),
    *,
    start: str | dt.date | None = None,
    end: str | dt.date | None = None,
    by_status: bool = True,
) -> pd.DataFrame:
    """DataFrame indexed by date: one column per source (``oryx:destroyed``… when ``by_status``
    and the source has statuses), ``<base>_date`` (the date of the claim used, the nearest earlier
    one), and ``ratio`` = first source / second source."""
    import pandas as pd

    taxonomy.metric(metric)
    if len(sources) < 2:
        raise InputError("compare needs at least two sources", code="input.sources")
    base, *others = sources
    base_series = ledger.series(metric, source=base, start=start, end=end)["total"].dropna()
    if base_series.empty:
        raise NotFound(f"no {base} series for {metric}", code="not_found.series")
    frames = []
    for other in others:
        total = ledger.series(metric, source=other, start=start, end=end)["total"].dropna()
        if total.empty:
            continue
        cols = {other: total}
        if by_status:
            for status in STATUSES:
                part = ledger.series(metric, source=other, start=start, end=end, status=status)["total"].dropna()
                if not part.empty:
                    cols[f"{other}:{status}"] = part
        frames.append(pd.DataFrame(cols))
    if not frames:
        raise NotFound(f"no series for {metric} from {', '.join(others)}", code="not_found.series")
    evidence = pd.concat(frames, axis=1).sort_index()
    aligned = pd.merge_asof(
        evidence.reset_index().rename(columns={"index": "date"}).sort_values("date"),
        pd.DataFrame({"date": base_series.index, base: base_series.values, f"{base}_date": base_series.index}),
        on="date",
        direction="backward",
    ).set_index("date")
    first_other = others[0]
    if first_other in aligned:
        aligned["ratio"] = (aligned[base].astype("Float64") / aligned[first_other].astype("Float64")).round(2)
    return aligned[[base, f"{base}_date", *[c for c in aligned.columns if c not in (base, f"{base}_date")]]]


def gap_sentence(
    metric: str,
    claim: int,
    confirmed: int,
    claim_source: str = CLAIMS,
    confirmed_source: str = CONFIRMED,
    lang: str = "en",
) -> str:
    """One sentence explaining the gap between a claim and a confirmed lower bound."""
    label = taxonomy.label(metric, lang).lower()
    ratio = claim / confirmed if confirmed else float("inf")
    sep = "\u202f" if lang == "uk" else ","  # thin no-break space: the Ukrainian thousands separator
    c, e = f"{claim:,}".replace(",", sep), f"{confirmed:,}".replace(",", sep)
    if lang == "uk":
        if ratio < 1.05:
            return f"Генштаб заявляє {c} ({label}), {confirmed_source} підтверджує {e}: підрахунки майже збігаються."
        return (
            f"Генштаб заявляє {c} ({label}), а {confirmed_source} підтверджує {e} — у {ratio:.1f} раза менше: "
            "незалежний підрахунок враховує лише втрати з фото чи іменним підтвердженням, тож це нижня межа."
        )
    if ratio < 1.05:
        return f"The {claim_source} claims {c} {label}; {confirmed_source} confirms {e}: the counts nearly agree."
    return (
        f"The {claim_source} claims {c} {label}; {confirmed_source} confirms {e}, {ratio:.1f}× fewer: "
        "the independent count includes only losses proven by a photo or a name, so it is a lower bound, not a competing estimate."
    )
