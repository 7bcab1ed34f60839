"""Every vocabulary file loads, follows the schema, and names only taxonomy metrics."""

from __future__ import annotations

import ast
import tomllib
from importlib import resources
from pathlib import Path

import pytest

from lossledger.errors import SchemaError
from lossledger.extraction import vocab
from lossledger.taxonomy import metric_names

LANGS = vocab.available_languages()
REQUIRED = {"en", "uk", "ru", "de", "fr", "es", "it", "pt", "pl", "tr", "ar", "fa"}


def test_required_languages_have_vocabularies() -> None:
    assert set(LANGS) >= REQUIRED


@pytest.mark.parametrize("lang", LANGS)
def test_vocab_loads_and_names_only_taxonomy_metrics(lang: str) -> None:
    v = vocab.load_vocab(lang)
    known = set(metric_names())
    for section in ("metrics", "weak_metrics"):
        assert set(v.section(section)) <= known, f"{lang}: [{section}] has keys outside the taxonomy"
    assert v.section("language").get("code") == lang
    lex = vocab.lexicon(lang)
    assert lex.exact or lex.stems


@pytest.mark.parametrize("lang", LANGS)
def test_no_phrase_names_two_metrics(lang: str) -> None:
    """A phrase under two metrics is read as whichever the lexicon met first: ambiguity the data
    cannot mean (fi "sotilasajoneuvo*", a military vehicle, was under both afv and vehicles)."""
    metrics: dict[str, set[str]] = {}
    for metric, phrases in vocab.load_vocab(lang).section("metrics").items():
        for phrase in phrases:
            metrics.setdefault(phrase.lower(), set()).add(metric)
    assert not {p: m for p, m in metrics.items() if len(m) > 1}


@pytest.mark.parametrize("lang", sorted(REQUIRED))
def test_full_vocabularies_cover_the_statement_metrics(lang: str) -> None:
    v = vocab.load_vocab(lang)
    for metric in ("personnel", "tanks", "afv", "artillery", "aircraft", "helicopters", "uav", "ships"):
        assert v.section("metrics").get(metric), f"{lang} has no words for {metric}"


def test_unknown_metric_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(SchemaError):
        vocab._validate("xx", {"metrics": {"tankz": ["tanks"]}})
    with pytest.raises(SchemaError):
        vocab._validate("xx", {"nonsense": {}})


def test_vocab_files_are_valid_toml() -> None:
    folder = resources.files("lossledger.extraction").joinpath("vocab")
    for path in folder.iterdir():
        if path.name.endswith(".toml"):
            tomllib.loads(path.read_text(encoding="utf-8"))


def test_missing_language_is_a_schema_error() -> None:
    with pytest.raises(SchemaError):
        vocab.load_vocab("xx-nonexistent")


def test_lexicon_cache_key_covers_every_module_that_makes_phrase_keys() -> None:
    """The on-disk lexicon is keyed by the modules it is built with: every extraction module
    vocab.py imports (tokens.py makes the phrase keys) is hashed, so an edit rebuilds it."""
    tree = ast.parse(Path(vocab.__file__).read_text(encoding="utf-8"))
    imported = {
        f"{node.module}.py"
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.level == 1 and node.module
    }
    assert imported and imported | {"vocab.py"} <= set(vocab.LEXICON_MODULES)
