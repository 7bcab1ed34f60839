"""How well a bulk report recovers the errors injected into a generated corpus (corpus.py).

For each injected kind: the nominal rate p, how many articles carry it (truth), how many the
report flags, the flagged rate's distance from p in standard errors (``z``; the sampling error of a
share of n articles is sqrt(p(1−p)/n)), and the per-article precision and recall against truth.
Stale lags are compared article by article.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

from .outputs import Output

__all__ = ["DETECTED_BY", "rate_recovery"]

#: injected error → the article flag of rows.py that should find it
DETECTED_BY = {
    "wrong_digit": "wrong_figure",
    "stale": "late",
    "total_as_increase": "total_as_increase",
    "personnel_as_deaths": "personnel_as_deaths",
}


def rate_recovery(out: str | Path, corpus: str | Path) -> dict[str, Any]:
    """Compare the report in ``out`` with the truth of the corpus in ``corpus``."""
    import pyarrow.parquet as pq

    meta = json.loads((Path(corpus) / "corpus.json").read_text(encoding="utf-8"))
    truth = {r["url"]: r for r in pq.read_table(Path(corpus) / "truth.parquet").to_pylist()}
    columns = ["url", "stale_lag_days", *DETECTED_BY.values()]
    found = {r["url"]: r for r in Output(out).dataset("articles").to_table(columns=columns).to_pylist()}
    n = len(truth)
    kinds = []
    for kind, flag in DETECTED_BY.items():
        p = float(meta["rates"].get(kind, 0.0))
        injected = {u for u, t in truth.items() if t["error"] == kind}
        flagged = {u for u, r in found.items() if r[flag] and u in truth}
        hit = len(injected & flagged)
        se = math.sqrt(p * (1 - p) / n) if n and 0 < p < 1 else float("nan")
        rate = len(flagged) / n if n else 0.0
        kinds.append(
            {
                "kind": kind,
                "nominal_rate": p,
                "injected": len(injected),
                "injected_rate": len(injected) / n if n else 0.0,
                "flagged": len(flagged),
                "flagged_rate": rate,
                "standard_error": se,
                "z": (rate - p) / se if se == se and se else float("nan"),
                "precision": hit / len(flagged) if flagged else float("nan"),
                "recall": hit / len(injected) if injected else float("nan"),
            }
        )
    stale = [(t["lag"], found[u]["stale_lag_days"]) for u, t in truth.items() if t["error"] == "stale" and u in found]
    return {
        "articles": n,
        "checked": len(found),
        "missing": n - len(found.keys() & truth.keys()),
        "kinds": kinds,
        "stale_lag_exact": sum(a == b for a, b in stale) / len(stale) if stale else float("nan"),
        "stale_lag_true_mean": sum(a for a, _ in stale) / len(stale) if stale else float("nan"),
        "stale_lag_found_mean": (
            sum(b for _, b in stale if b is not None) / max(1, sum(b is not None for _, b in stale))
        )
        if stale
        else float("nan"),
    }
