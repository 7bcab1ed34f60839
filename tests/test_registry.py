"""sources.toml is the one place for sources and compilations (lossledger/registry.py).

Adding a compilation is one sources.toml entry plus its importer module: these tests fail when
either is missing, when a module describes a source or compilation of its own, and when the file
breaks one of its rules (a compilation missing from the priority list is an error, not "last").
"""

from __future__ import annotations

import ast
import copy
import tomllib
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from lossledger import registry
from lossledger.errors import NotFound, SchemaError
from lossledger.importers import IMPORTERS

SRC = Path(registry.__file__).parent


def _toml() -> dict[str, Any]:
    return tomllib.loads(resources.files("lossledger").joinpath("sources.toml").read_text(encoding="utf-8"))


def test_every_compilation_has_an_importer_and_every_importer_a_compilation() -> None:
    produced = {importer.compilation.slug for importer in IMPORTERS}
    assert produced == set(registry.load().compilations)
    for importer in IMPORTERS:
        assert importer.compilation is registry.compilation(importer.compilation.slug)


def test_every_source_is_cited_by_an_importer_and_described_once() -> None:
    cited = {s.slug: s for importer in IMPORTERS for s in importer.sources}
    assert set(cited) == set(registry.load().sources)
    assert all(s is registry.source(slug) for slug, s in cited.items())


def test_no_module_describes_a_source_or_compilation_of_its_own() -> None:
    """SourceInfo/CompilationInfo are built from sources.toml only (registry.py), never in code."""
    built = []
    for path in SRC.rglob("*.py"):
        if path.name in ("registry.py", "model.py"):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) in ("SourceInfo", "CompilationInfo"):
                built.append(f"{path.relative_to(SRC)}:{node.lineno}")
    assert built == []


def test_rules_name_known_sources() -> None:
    known = set(registry.load().sources)
    named = {registry.CLAIMS, registry.CONFIRMED, *registry.SHORT_NAMES, *registry.DEFAULT_CATEGORY}
    named |= {*registry.DEFAULT_SIDE, *registry.CADENCE_HOURS, *registry.BOUNDED, *registry.EXEMPT}
    assert named <= known
    assert set(registry.COMPLETE) <= set(registry.PRIORITY)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["compilations"]["priority"].remove("orc-losses"), "orc-losses missing from compilations.priority"),
        (lambda d: d["compilations"]["priority"].append("nobody"), "unknown or repeated nobody"),
        (lambda d: d["defaults"].update(claims="nobody"), "'nobody' is not a source"),
        (lambda d: d["sources"]["oryx"].update(kind="rumour"), "needs a name and a kind"),
        (lambda d: d["sources"]["oryx"].update(colour="red"), "unknown key(s) colour"),
        (lambda d: d["compilations"]["petroivaniuk"].update(ranks="first"), "unknown key(s) ranks"),
    ],
)
def test_a_broken_registry_is_an_error_at_load(change: Any, message: str) -> None:
    data = copy.deepcopy(_toml())
    change(data)
    with pytest.raises(SchemaError, match=message.replace("(", r"\(").replace(")", r"\)")) as caught:
        registry.parse(data)
    assert caught.value.code == "registry.invalid"


def test_unknown_names_are_not_found() -> None:
    with pytest.raises(NotFound):
        registry.source("nobody")
    with pytest.raises(NotFound):
        registry.compilation("nobody")


def test_reconciliation_refuses_a_compilation_without_a_rank() -> None:
    import datetime as dt

    from lossledger.ledger.reconcile import CompilationValue, resolve_cells

    day = dt.date(2023, 5, 28)
    cands = [
        ("tanks", "total", day, CompilationValue(c, v, "exact", 1, None)) for c, v in (("orc-losses", 1), ("nobody", 2))
    ]
    with pytest.raises(SchemaError, match="not in sources.toml"):
        resolve_cells(cands)


def test_extraction_names_the_registry_s_claims_source() -> None:
    """extract/ spells the General Staff's source name once (extraction/model.py), as the registry does."""
    from lossledger.extraction.model import CLAIM_SOURCES, GENERAL_STAFF

    assert GENERAL_STAFF == registry.CLAIMS and set(CLAIM_SOURCES) - {"other"} <= set(registry.load().sources) | {
        "ukraine-own"
    }
