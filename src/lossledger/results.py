"""The library's typed results and their one JSON form, shared by the CLI and the API.

A library function returns dataclasses (a :class:`Result`), not dicts; ``lossledger … --format
json`` and the REST API encode them with the same :func:`json_default`, so a result is described
once (the API's response models are made from the dataclasses, api/models.py) and both edges
print the same keys in the same order.  No imports beyond the standard library: every layer may
use it.
"""

from __future__ import annotations

import dataclasses
from typing import Any

__all__ = ["Result", "json_default"]


class Result:
    """Base of a typed result (a dataclass): its JSON is its fields, in order, nested results too
    (each by its own ``to_dict``).  A result whose JSON leaves out empty keys overrides ``to_dict``."""

    def to_dict(self) -> dict[str, Any]:
        return {f.name: _plain(getattr(self, f.name)) for f in dataclasses.fields(self)}  # type: ignore[arg-type]


def _plain(value: Any) -> Any:
    """A field's value for :meth:`Result.to_dict`: a nested result (or anything with ``to_dict``)
    as its own ``to_dict()`` — so a nested result's omissions hold — lists and dicts item by item."""
    if hasattr(value, "to_dict"):
        return value.to_dict()
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def json_default(value: Any) -> Any:
    """``json.dumps(default=…)`` for what the library returns: results (and anything with
    ``to_dict``), dates and times as ISO 8601, numpy scalars as Python numbers."""
    if hasattr(value, "to_dict"):
        return value.to_dict()
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")
