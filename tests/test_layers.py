"""The import contract: the pipeline's layers import one way, and no package imports in a cycle.

The contracts are ``[tool.importlinter]`` in pyproject.toml (import-linter, layers and
acyclic_siblings); imports inside functions count, ``if TYPE_CHECKING:`` imports do not (they
never run).  A second test proves the check can fail: the same contracts over a copy of the
package with one lazy import against the order are reported broken.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
LINT = shutil.which("lint-imports", path=str(Path(sys.executable).parent)) or shutil.which("lint-imports")


def _lint(src: Path) -> subprocess.CompletedProcess[str]:
    """``lint-imports`` with the project's contracts over the package found in ``src``."""
    if LINT is None:
        pytest.skip("import-linter is not installed (it is in the test extras)")
    env = {**os.environ, "PYTHONPATH": str(src)}
    return subprocess.run(
        [LINT, str(REPO / "pyproject.toml"), "--no-cache"],
        cwd=src,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_imports_follow_the_pipeline() -> None:
    result = _lint(REPO / "src")
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "2 kept, 0 broken" in result.stdout


def test_an_import_against_the_order_is_caught(tmp_path: Path) -> None:
    """An importer that imports the ledger, even lazily inside a function, breaks both contracts
    (the ledger imports the importers: a cycle too)."""
    src = tmp_path / "src"
    shutil.copytree(REPO / "src" / "lossledger", src / "lossledger", ignore=shutil.ignore_patterns("__pycache__"))
    base = src / "lossledger" / "importers" / "base.py"
    base.write_text(
        base.read_text(encoding="utf-8") + "\n\ndef _against_the_order() -> None:\n    from ..ledger import writer\n",
        encoding="utf-8",
    )
    result = _lint(src)
    assert result.returncode != 0
    assert "0 kept, 2 broken" in result.stdout, result.stdout[-4000:]
    assert "lossledger.importers.base -> lossledger.ledger.writer" in result.stdout
