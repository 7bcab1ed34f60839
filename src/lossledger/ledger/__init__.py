"""The ledger: writing observations without overwriting, and reading them back reconciled."""

from .core import Ledger, parse_moment

__all__ = ["Ledger", "parse_moment"]
