"""Multiple systems estimation: how many items partial lists missed, with an interval.

Two lists: Chapman's nearly unbiased version of the Lincoln–Petersen estimator,
``N = (n1+1)(n2+1)/(m+1) − 1``, with the log-normal interval of Chao (1987), which keeps the
lower end above the number of items seen.  Three or more lists: Poisson log-linear models of the
``2^k − 1`` observed capture histories (statsmodels GLM), main effects always in, two-way
interactions chosen by AIC (every subset for k ≤ 4, forward selection beyond); the unobserved
cell is ``exp(intercept)``.  Its interval is a profile likelihood (Cormack 1992): the values of
N whose multinomial log-likelihood, maximised over the model's parameters with the missing cell
fixed at ``N − n``, is within ``χ²₁(level)/2`` of the maximum.

Assumptions (stated with every result, :data:`ASSUMPTIONS`): a closed population; records linked
across lists without error; for two lists, independent lists and homogeneous catchability in at
least one of them; for log-linear models, no interaction beyond those in the chosen model (no
three-way interaction when k = 3), and the interval ignores the uncertainty of choosing the model.
docs/estimation.md reports a seeded simulation study of the intervals' coverage.
"""

from __future__ import annotations

import itertools
import math
import warnings
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

from ..errors import InputError

if TYPE_CHECKING:
    import datetime as dt

    from ..ledger import Ledger

__all__ = [
    "ASSUMPTIONS",
    "Estimate",
    "capture_histories",
    "chapman",
    "estimate",
    "estimate_population",
    "loglinear",
    "simulate_histories",
    "simulation_study",
]

ASSUMPTIONS = {
    "common": [
        "closed population: the lists cover the same population over the same period",
        "perfect linkage: an item on two lists is recognised as the same item, and only then",
    ],
    "chapman": [
        "the two lists are independent (being on one does not change the chance of being on the other)",
        "catchability is homogeneous within at least one list; shared heterogeneity biases the estimate down",
    ],
    "loglinear": [
        "no interaction between lists beyond the two-way terms of the chosen model (no k-way term)",
        "the interval is conditional on the model chosen by AIC (selection uncertainty not included)",
    ],
}


@dataclass
class Estimate:
    """An estimate of the population size with its interval, method and assumptions."""

    method: str  # chapman | loglinear
    lists: list[str]  # in order: list A, list B, …
    observed: int  # distinct items on at least one list
    estimate: float
    lower: float
    upper: float
    level: float
    interval: str
    histories: dict[str, int]  # capture history ("101") → number of items
    model: str | None = None
    models: list[dict[str, Any]] = field(default_factory=list)
    assumptions: list[str] = field(default_factory=list)

    @property
    def missed(self) -> float:
        """Items on no list, as estimated."""
        return self.estimate - self.observed

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["missed"] = self.missed
        for key in ("estimate", "lower", "upper", "missed"):
            out[key] = round(float(out[key]), 1)
        return out


# --- capture histories ---------------------------------------------------------------------


def capture_histories(members: Sequence[Iterable[Any]]) -> dict[tuple[int, ...], int]:
    """Counts of each capture history: ``(1, 0, 1)`` = on lists 1 and 3 only.

    >>> capture_histories([{1, 2, 3}, {3, 4}])
    {(1, 0): 2, (1, 1): 1, (0, 1): 1}
    """
    sets = [set(m) for m in members]
    counts: dict[tuple[int, ...], int] = {}
    for item in sorted(set().union(*sets), key=repr):
        history = tuple(int(item in s) for s in sets)
        counts[history] = counts.get(history, 0) + 1
    return counts


def _label(history: tuple[int, ...]) -> str:
    return "".join(map(str, history))


def _z(level: float) -> float:
    from scipy.stats import norm

    return float(norm.ppf(0.5 + level / 2))


# --- two lists -------------------------------------------------------------------------------


def chapman(n1: int, n2: int, m: int, *, level: float = 0.95, names: Sequence[str] = ("A", "B")) -> Estimate:
    """Chapman's estimator for two lists of sizes ``n1``, ``n2`` sharing ``m`` items.

    >>> e = chapman(300, 400, 120)
    >>> round(e.estimate), round(e.lower), round(e.upper)
    (997, 897, 1127)
    """
    if min(n1, n2, m) < 0 or m > min(n1, n2):
        raise InputError(f"impossible list sizes n1={n1}, n2={n2}, overlap={m}", code="input.estimate")
    observed = n1 + n2 - m
    n_hat = (n1 + 1) * (n2 + 1) / (m + 1) - 1
    var = (n1 + 1) * (n2 + 1) * (n1 - m) * (n2 - m) / ((m + 1) ** 2 * (m + 2))
    f0 = n_hat - observed
    if f0 <= 0 or var <= 0:
        lower = upper = float(max(n_hat, observed))
    else:
        c = math.exp(_z(level) * math.sqrt(math.log(1 + var / f0**2)))
        lower, upper = observed + f0 / c, observed + f0 * c
    histories = {"10": n1 - m, "01": n2 - m, "11": m}
    return Estimate(
        "chapman", list(names), observed, n_hat, lower, upper, level, "log-normal (Chao 1987)", histories,
        assumptions=ASSUMPTIONS["common"] + ASSUMPTIONS["chapman"],
    )  # fmt: skip


# --- three or more lists: log-linear models --------------------------------------------------------


def _design(k: int, interactions: Sequence[tuple[int, int]]) -> tuple[np.ndarray, np.ndarray, list[tuple[int, ...]]]:
    """Design rows of the observed histories, of the unobserved one (all zeros), and the histories."""
    histories = [h for h in itertools.product((0, 1), repeat=k) if any(h)]

    def row(h: tuple[int, ...]) -> list[float]:
        return [1.0, *map(float, h), *(float(h[i] * h[j]) for i, j in interactions)]

    return np.array([row(h) for h in histories]), np.array(row((0,) * k)), histories


def _fit(y: np.ndarray, x: np.ndarray) -> Any | None:
    """A statsmodels Poisson GLM fit, or None when it does not converge (zero cells, separation)."""
    import statsmodels.api as sm

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        try:
            result = sm.GLM(y, x, family=sm.families.Poisson()).fit()
        except Exception:  # PerfectSeparation, convergence, overflow: the model is not usable here
            return None
    if not np.all(np.isfinite(result.params)) or result.params[0] > 50:
        return None
    return result


def _model_name(names: Sequence[str], interactions: Sequence[tuple[int, int]]) -> str:
    """Bracket notation: ``[AB][C]`` — lists joined when they interact."""
    groups = [f"[{names[i]}{names[j]}]" for i, j in interactions]
    alone = [f"[{n}]" for i, n in enumerate(names) if not any(i in pair for pair in interactions)]
    return "".join(groups + alone) or "[independence]"


def _candidates(k: int, y: np.ndarray) -> Iterable[tuple[tuple[int, int], ...]]:
    pairs = list(itertools.combinations(range(k), 2))
    if k <= 4:
        for size in range(len(pairs) + 1):
            yield from itertools.combinations(pairs, size)
        return
    chosen: tuple[tuple[int, int], ...] = ()  # forward selection: 2^(k(k-1)/2) models is too many
    best = _aic(k, y, chosen)
    yield chosen
    while True:
        trials = [
            (aic, chosen + (p,)) for p in pairs if p not in chosen if (aic := _aic(k, y, chosen + (p,))) is not None
        ]
        if not trials or best is None or min(trials)[0] >= best:
            return
        best, chosen = min(trials)
        yield chosen


def _aic(k: int, y: np.ndarray, interactions: tuple[tuple[int, int], ...]) -> float | None:
    x, _x0, _h = _design(k, interactions)
    result = _fit(y, x) if x.shape[1] <= len(y) else None
    return None if result is None else float(result.aic)


def loglinear(
    histories: Mapping[tuple[int, ...], int], *, level: float = 0.95, names: Sequence[str] | None = None
) -> Estimate:
    """Log-linear estimate from capture-history counts of k ≥ 3 lists (model chosen by AIC)."""
    k = len(next(iter(histories)))
    letters = [chr(ord("A") + i) for i in range(k)]  # models are named by letter: [AB][C]
    names = list(names or letters)
    if k < 3:
        raise InputError("log-linear models need three or more lists (use chapman for two)", code="input.estimate")
    _x, _x0, cells = _design(k, ())
    y = np.array([float(histories.get(h, 0)) for h in cells])
    observed = int(y.sum())
    if observed == 0:
        raise InputError("the lists are empty", code="input.estimate")
    fitted = []
    for interactions in dict.fromkeys(_candidates(k, y)):
        x, x0, _ = _design(k, interactions)
        if x.shape[1] > len(y):
            continue
        result = _fit(y, x)
        if result is not None:
            fitted.append((float(result.aic), interactions, result, x, x0))
    if not fitted:
        raise InputError("no log-linear model could be fitted to these lists", code="input.estimate")
    fitted.sort(key=lambda f: f[0])
    aic, interactions, result, x, x0 = fitted[0]
    missing = float(np.exp(x0 @ result.params))
    lower, upper = _profile_interval(y, x, x0, missing, level)
    models = [
        {
            "model": _model_name(letters, inter),
            "aic": round(a, 2),
            "estimate": round(observed + float(np.exp(x0_ @ r.params)), 1),
        }
        for a, inter, r, _x_, x0_ in fitted
    ]
    return Estimate(
        "loglinear", names, observed, observed + missing, observed + lower, observed + upper, level,
        "profile likelihood (Cormack 1992)", {_label(h): int(v) for h, v in zip(cells, y, strict=True) if v},
        model=_model_name(letters, interactions), models=models,
        assumptions=ASSUMPTIONS["common"] + ASSUMPTIONS["loglinear"],
    )  # fmt: skip


def _poisson_mu(y: np.ndarray, x: np.ndarray, start: np.ndarray | None) -> np.ndarray:
    """Fitted means of a Poisson log-linear model by Newton's method.

    The profile likelihood refits the model ~40 times per interval; statsmodels' GLM costs ~1 ms
    a fit, this ~0.05 ms, and the two agree (tests/records/test_estimate.py)."""
    beta = np.zeros(x.shape[1]) if start is None else start.copy()
    if start is None:
        beta[0] = math.log(max(y.mean(), 1e-9))
    for _ in range(100):
        mu = np.exp(np.clip(x @ beta, -700, 700))
        step = np.linalg.lstsq(x.T @ (mu[:, None] * x), x.T @ (y - mu), rcond=None)[0]
        beta += step
        if np.max(np.abs(step)) < 1e-10:
            break
    return np.asarray(np.exp(np.clip(x @ beta, -700, 700)))


def _profile_loglik(z0: float, y: np.ndarray, x: np.ndarray, x0: np.ndarray) -> float:
    """Multinomial log-likelihood of the complete table with ``z0`` unobserved items (constants dropped)."""
    full_y = np.append(y, z0)
    mu = _poisson_mu(full_y, np.vstack([x, x0]), None)
    total = full_y.sum()
    p = np.maximum(mu / mu.sum(), 1e-300)
    return float(math.lgamma(total + 1) - math.lgamma(z0 + 1) + np.sum(full_y * np.log(p)))


def _profile_interval(
    y: np.ndarray, x: np.ndarray, x0: np.ndarray, missing: float, level: float
) -> tuple[float, float]:
    """(lower, upper) of the unobserved count: where the profile drops by χ²₁(level)/2."""
    from scipy.optimize import brentq, minimize_scalar
    from scipy.stats import chi2

    drop = float(chi2.ppf(level, 1)) / 2
    hi = max(10.0, missing * 4 + 20)
    best = minimize_scalar(
        lambda z: -_profile_loglik(z, y, x, x0), bounds=(0.0, hi), method="bounded", options={"xatol": 0.01}
    )
    z_max, l_max = float(best.x), -float(best.fun)

    def gap(z: float) -> float:
        return l_max - _profile_loglik(z, y, x, x0) - drop

    lower = 0.0 if gap(0.0) <= 0 else brentq(gap, 0.0, z_max, xtol=0.01)
    upper_end = max(z_max * 2, 10.0)
    while gap(upper_end) < 0 and upper_end < 1e9:
        upper_end *= 2
    upper = brentq(gap, z_max, upper_end, xtol=0.01) if gap(upper_end) >= 0 else math.inf
    return float(lower), float(upper)


def estimate(members: Sequence[Iterable[Any]], names: Sequence[str], *, level: float = 0.95) -> Estimate:
    """Estimate from lists of linked item ids: Chapman for two lists, log-linear for more."""
    if len(members) < 2:
        raise InputError("estimation needs at least two lists", code="input.estimate")
    if not 0 < level < 1:
        raise InputError(f"level must be between 0 and 1, not {level}", code="input.estimate")
    histories = capture_histories(members)
    if len(members) == 2:
        n1 = sum(v for h, v in histories.items() if h[0])
        n2 = sum(v for h, v in histories.items() if h[1])
        return chapman(n1, n2, histories.get((1, 1), 0), level=level, names=names)
    return loglinear(histories, level=level, names=names)


# --- validation by simulation --------------------------------------------------------------------


def simulate_histories(
    rng: np.random.Generator, size: int, probs: Sequence[float], *, depend: tuple[int, int, float, float] | None = None,
    heterogeneity: float | None = None,
) -> dict[tuple[int, ...], int]:  # fmt: skip
    """Capture histories of a population of ``size`` items caught by lists with ``probs``.

    ``depend=(i, j, p_if, p_else)``: list j catches with ``p_if`` the items list i caught, else
    ``p_else`` (a two-way interaction).  ``heterogeneity=s``: each item's catchability is
    multiplied by a log-normal factor of sd ``s``, shared by all lists (violates the assumptions).
    """
    k = len(probs)
    scale = np.ones(size) if heterogeneity is None else rng.lognormal(-(heterogeneity**2) / 2, heterogeneity, size)
    caught = np.zeros((size, k), dtype=np.int8)
    for j, p in enumerate(probs):
        pj = np.full(size, p)
        if depend is not None and depend[1] == j:
            pj = np.where(caught[:, depend[0]] == 1, depend[2], depend[3])
        caught[:, j] = rng.random(size) < np.clip(pj * scale, 0, 1)
    seen = caught[caught.any(axis=1)]
    keys, counts = np.unique(seen, axis=0, return_counts=True)
    return {tuple(int(v) for v in key): int(n) for key, n in zip(keys, counts, strict=True)}


#: The scenarios of docs/estimation.md: (name, size, probs, depend, heterogeneity, replicates, valid)
SCENARIOS: tuple[tuple[str, int, tuple[float, ...], tuple[int, int, float, float] | None, float | None, int, bool], ...] = (
    ("2 lists, independent, N=1000", 1000, (0.30, 0.40), None, None, 1000, True),
    ("2 lists, independent, small, N=300", 300, (0.20, 0.25), None, None, 1000, True),
    ("3 lists, A–B dependent, N=2000", 2000, (0.25, 0.30, 0.35), (0, 1, 0.50, 0.2333), None, 200, True),
    ("2 lists, shared heterogeneity (violated)", 1000, (0.30, 0.40), None, 0.5, 1000, False),
)  # fmt: skip


def simulation_study(seed: int = 20240216, *, scale: float = 1.0, level: float = 0.95) -> list[dict[str, Any]]:
    """Coverage of the intervals on simulated populations of known size, one row per scenario.

    ``scale`` multiplies the number of replicates (tests use 1.0; docs/estimation.md too).
    Each row: scenario, method, N, replicates, coverage, mean estimate, relative bias, median
    width, and whether the scenario meets the method's assumptions.
    """
    rng = np.random.default_rng(seed)
    rows = []
    for name, size, probs, depend, hetero, reps, valid in SCENARIOS:
        reps = max(10, int(reps * scale))
        hits, estimates, widths = 0, [], []
        for _ in range(reps):
            hist = simulate_histories(rng, size, probs, depend=depend, heterogeneity=hetero)
            result = _estimate_histories(hist, len(probs), level)
            hits += result.lower <= size <= result.upper
            estimates.append(result.estimate)
            widths.append(result.upper - result.lower)
        rows.append({
            "scenario": name, "method": "chapman" if len(probs) == 2 else "loglinear (AIC)", "N": size, "replicates": reps,
            "coverage": round(hits / reps, 3), "mean_estimate": round(float(np.mean(estimates)), 1),
            "relative_bias": round(float(np.mean(estimates)) / size - 1, 4), "median_width": round(float(np.median(widths)), 1),
            "assumptions_hold": valid,
        })  # fmt: skip
    return rows


def _estimate_histories(hist: Mapping[tuple[int, ...], int], k: int, level: float) -> Estimate:
    if k == 2:
        n1 = hist.get((1, 0), 0) + hist.get((1, 1), 0)
        n2 = hist.get((0, 1), 0) + hist.get((1, 1), 0)
        return chapman(n1, n2, hist.get((1, 1), 0), level=level)
    return loglinear(hist, level=level)


def estimate_population(
    ledger: Ledger, specs: list[str], *, as_of: str | dt.date | None = None, level: float = 0.95
) -> Estimate:
    """Multiple systems estimate from two or more list specs (``"ru-fatalities:host=archive.ph"``).

    Chapman for two lists, log-linear models chosen by AIC for more (:func:`estimate`);
    records/capture.py defines the specs and how items are linked across lists.
    """
    from ..records.capture import members, parse_spec
    from ..records.query import parse_date

    parsed = [parse_spec(text) for text in specs]
    sets = members(ledger, parsed, parse_date(as_of) if as_of is not None else None)
    return estimate(sets, [s.text for s in parsed], level=level)
