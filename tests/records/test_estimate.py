"""Multiple systems estimation: known answers, agreement with statsmodels, the seeded simulation
study of docs/estimation.md (coverage of the 95% intervals within 90–99%), and the real lists."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest

from lossledger import estimate_population
from lossledger.analysis import estimate as est
from lossledger.errors import InputError
from lossledger.ledger import Ledger

DOC = Path(__file__).resolve().parents[2] / "docs" / "estimation.md"


def test_chapman_textbook_values() -> None:
    result = est.chapman(300, 400, 120)
    assert round(result.estimate) == 997  # (301 × 401) / 121 − 1
    assert result.observed == 580
    assert result.observed < result.lower < result.estimate < result.upper
    with pytest.raises(InputError):
        est.chapman(10, 10, 11)


def test_capture_histories_and_two_list_dispatch() -> None:
    assert est.capture_histories([{1, 2, 3}, {3, 4}]) == {(1, 0): 2, (1, 1): 1, (0, 1): 1}
    result = est.estimate([{1, 2, 3}, {3, 4}], ["a", "b"])
    assert result.method == "chapman" and result.lists == ["a", "b"]


def test_loglinear_finds_the_dependence_and_the_size() -> None:
    rng = np.random.default_rng(7)
    hist = est.simulate_histories(rng, 20000, (0.25, 0.30, 0.35), depend=(0, 1, 0.5, 0.2333))
    result = est.loglinear(hist)
    assert result.model is not None and "[AB]" in result.model
    assert result.lower <= 20000 <= result.upper
    assert abs(result.estimate / 20000 - 1) < 0.05
    assert result.models[0]["model"] == result.model  # best AIC first


def test_profile_fit_agrees_with_statsmodels() -> None:
    import statsmodels.api as sm

    rng = np.random.default_rng(3)
    hist = est.simulate_histories(rng, 3000, (0.3, 0.3, 0.4))
    x, _x0, cells = est._design(3, [(0, 1)])
    y = np.array([float(hist.get(h, 0)) for h in cells])
    ours = est._poisson_mu(y, x, None)
    theirs = sm.GLM(y, x, family=sm.families.Poisson()).fit().fittedvalues
    assert np.allclose(ours, theirs, rtol=1e-6)


@pytest.mark.slow
def test_simulation_study_coverage_and_docs_table() -> None:
    rows = est.simulation_study()
    for row in rows:
        if row["assumptions_hold"]:
            assert 0.90 <= row["coverage"] <= 0.99, row
    violated = [r for r in rows if not r["assumptions_hold"]]
    assert violated and all(r["coverage"] < 0.90 for r in violated)  # the docs' warning holds
    text = DOC.read_text(encoding="utf-8")
    for row in rows:  # docs/estimation.md reports this very run
        line = next(t for t in text.splitlines() if t.startswith(f"| {row['scenario']} |"))
        assert re.search(rf"\| {row['coverage']:.3f} \|", line), (row, line)


def test_estimate_on_the_real_list(synced: Ledger) -> None:
    specs = ["ru-fatalities:host=archive.ph", "ru-fatalities:host=archive.is,archive.md,archive.vn,archive.today"]
    result = estimate_population(synced, specs, as_of="2023-04-11")
    assert result.method == "chapman"
    assert result.histories["11"] > 0
    assert result.observed <= 18835 <= result.upper  # every record of the list has a link of either kind, or other
    three = estimate_population(synced, [*specs, "ru-fatalities:service!=archive.today"])
    assert three.method == "loglinear" and three.models and three.lower <= three.estimate <= three.upper
    with pytest.raises(InputError):
        estimate_population(synced, ["ru-fatalities:colour=red", "oryx"])
