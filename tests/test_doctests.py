"""The examples in the package's docstrings run, against the session's synced ledger.

Each docstring with examples is one test; ``Ledger.open()`` in an example opens that ledger
($LOSSLEDGER_DB), from a scratch folder.  Examples that sync, start a server or a Dask cluster
stay marked ``+SKIP``.  store/migrations is left out: its env.py runs Alembic on import.
"""

from __future__ import annotations

import doctest
import importlib
import pkgutil
from pathlib import Path

import pytest

import lossledger

FLAGS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE


def _doctests() -> list[pytest.param]:
    finder = doctest.DocTestFinder(exclude_empty=True)
    found = []
    for info in pkgutil.walk_packages(lossledger.__path__, "lossledger."):
        if info.name.startswith("lossledger.store.migrations"):
            continue
        module = importlib.import_module(info.name)
        for test in finder.find(module, info.name):
            if test.examples:
                found.append(pytest.param(test, id=test.name))
    return found


def test_there_are_doctests() -> None:
    assert len(_doctests()) >= 20


@pytest.mark.parametrize("test", _doctests())
def test_docstring_examples(
    test: doctest.DocTest, synced_sqlite_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LOSSLEDGER_DB", f"sqlite:///{synced_sqlite_path}")
    monkeypatch.chdir(tmp_path)
    runner = doctest.DocTestRunner(optionflags=FLAGS)
    runner.run(test, out=lambda _text: None)
    assert runner.failures == 0, _report(test)


def _report(test: doctest.DocTest) -> str:
    lines: list[str] = []
    doctest.DocTestRunner(optionflags=FLAGS).run(test, out=lines.append)
    return "".join(lines)
