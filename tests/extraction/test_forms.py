"""The forms tables (extraction/vocab/forms) and the look-up keys built on them."""

from __future__ import annotations

import pytest

from lossledger.extraction import extract
from lossledger.extraction.forms import SIMPLEMMA_CODES, VOCAB, inputs_hash
from lossledger.extraction.normalise import load_forms, normaliser, snowball_name
from lossledger.extraction.vocab import available_languages


def _tables() -> list[str]:
    return sorted(p.stem for p in (VOCAB / "forms").glob("*.tsv"))


@pytest.mark.parametrize("code", _tables())
def test_forms_table_is_current(code: str) -> None:
    """A vocabulary changed without its table regenerated: run python -m lossledger.extraction.forms CODE."""
    first = (VOCAB / "forms" / f"{code}.tsv").read_text(encoding="utf-8").split("\n", 1)[0]
    assert first.startswith(f"# inputs {inputs_hash(code)}:"), (
        f"regenerate: python -m lossledger.extraction.forms {code}"
    )


def test_every_language_simplemma_knows_has_a_table() -> None:
    from simplemma.strategies.dictionaries.dictionary_factory import SUPPORTED_LANGUAGES

    missing = [
        c for c in available_languages() if SIMPLEMMA_CODES.get(c, c) in SUPPORTED_LANGUAGES and c not in _tables()
    ]
    assert not missing, f"python -m lossledger.extraction.forms {' '.join(missing)}"


def test_keys_join_inflected_forms() -> None:
    uk, pl, de = normaliser("uk"), normaliser("pl"), normaliser("de")
    assert uk.key("танків") == uk.key("танк")
    assert pl.key("czołgów") == pl.key("czołgi")
    assert de.key("hubschraubern") == de.key("hubschrauber")
    assert snowball_name("cs") == "czech" and snowball_name("ja") is None
    assert load_forms("ja") == {}


def test_inflected_form_missing_from_the_vocabulary_is_read() -> None:
    # the locative "wozach" is written nowhere in pl.toml ("wozy", "wozów" are): it shares their lemma
    text = "Sztab Generalny poinformował o 23 opancerzonych wozach bojowych zniszczonych w ciągu doby."
    claims = {(c.metric, c.kind, c.value) for c in extract(text, language="pl").claims}
    assert claims == {("afv", "increase", 23)}
