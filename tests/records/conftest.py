"""Helpers of the records tests: copies of one dataset folder to break, and the real files read
independently of lossledger (plain pandas / csv), to check the importers against."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest

from tests.conftest import DATA

FATALITIES = DATA / "ru-fatalities-bessudnov" / "fatalities_anonymised.csv"
ORYX = DATA / "oryx-scarnecchia"


@pytest.fixture
def folder(tmp_path: Path) -> Callable[[str], Path]:
    """``folder("ru-fatalities-bessudnov")`` copies that dataset folder alone into a fresh data root."""

    def copy(name: str) -> Path:
        root = tmp_path / "data"
        shutil.copytree(DATA / name, root / name)
        return root

    return copy


@pytest.fixture(scope="session")
def fatalities_frame() -> pd.DataFrame:
    """The fatalities file as plain strings (blank cells as '')."""
    return pd.read_csv(FATALITIES, dtype=str, keep_default_na=False)


@pytest.fixture(scope="session")
def oryx_events_frame() -> pd.DataFrame:
    frames = [
        pd.read_csv(ORYX / f"event_{s}.csv", dtype=str, keep_default_na=False)
        for s in ("destroyed", "damaged", "abandoned", "captured")
    ]
    return pd.concat(frames, ignore_index=True)
