"""Packaging: every data file the package reads ships in a wheel (a regular ``pip install .``).

An editable install reads files from the source tree, so a file missing from
``[tool.setuptools.package-data]`` goes unnoticed until someone installs the package: then
``check`` fails on its first text.  This compares the globs with the files on disk.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "lossledger"


def test_every_data_file_is_package_data() -> None:
    globs = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["package-data"][
        "lossledger"
    ]
    shipped = {path for pattern in globs for path in PACKAGE.glob(pattern) if path.is_file()}
    data = {
        path
        for path in PACKAGE.rglob("*")
        if path.is_file() and path.suffix not in (".py", ".pyc") and "__pycache__" not in path.parts
    }
    assert not data - shipped, sorted(str(p.relative_to(PACKAGE)) for p in data - shipped)
