"""The public API: ``__all__`` is exactly what the package exports, and importing it is light."""

from __future__ import annotations

import subprocess
import sys

import lossledger


def test_all_names_resolve_and_nothing_else_is_public() -> None:
    for name in lossledger.__all__:
        assert getattr(lossledger, name) is not None, name
    public = {n for n in dir(lossledger) if not n.startswith("_")} - {
        "annotations",
        "import_module",
        "TYPE_CHECKING",
        "Any",
    }
    modules = {n for n in public if type(getattr(lossledger, n)).__name__ == "module"}
    assert public - modules == set(lossledger.__all__) - {"__version__"}


def test_import_is_light() -> None:
    code = "import sys, lossledger, lossledger.cli; print(sorted(m for m in ('sqlalchemy', 'pandas', 'numpy', 'fastapi', 'alembic') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == "[]"
