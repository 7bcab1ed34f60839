"""The ledger: writing observations without overwriting, and reading them back reconciled.

``Ledger`` is imported lazily: the pure parts of this package (``points``) must stay importable
without SQLAlchemy, which the fast ``check`` path never loads.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .core import Ledger, parse_moment

__all__ = ["Ledger", "parse_moment"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from . import core

        return getattr(core, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
