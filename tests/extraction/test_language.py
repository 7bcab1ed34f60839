"""Language detection: function words narrow lingua's candidates without changing its answers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lossledger.extraction import language

DEV = Path(__file__).resolve().parents[3] / "shared" / "articles" / "dev.jsonl"
if not DEV.exists():  # CI clones main next to a copy of shared/
    DEV = Path(__file__).resolve().parents[2].parent / "shared" / "articles" / "dev.jsonl"


def _lingua_alone(text: str) -> str:
    found = language._detector().detect_language_of(text[:300])
    return "en" if found is None else found.iso_code_639_1.name.lower()


@pytest.mark.skipif(not DEV.exists(), reason="../shared/articles/dev.jsonl not present")
def test_dev_texts_detected_as_by_lingua_alone() -> None:
    texts = [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines() if line.strip()]
    narrowed = 0
    for item in texts:
        got = language.detect_language(item["text"])
        assert got == item["language"] == _lingua_alone(item["text"]), item["text"][:80]
        narrowed += bool(language.candidates(item["text"][:300]))
    assert narrowed >= len(texts) * 3 // 4  # the narrowing does its job on most news copy


def test_candidates() -> None:
    english = (
        "The General Staff said that Russia has lost 6,465 tanks since the start of the invasion, with 1,210 troops"
    )
    assert language.candidates(english) == ("en",)
    assert (
        language.candidates("Генштаб повідомив, що втрати росії зросли і також ще 1210 окупантів, як це було")[0]
        == "uk"
    )
    assert language.candidates("6465 tanks") == ()  # too few words: lingua decides among all
    # Dutch has its own list now: its function words point to it alone
    dutch = "Het Russische leger heeft volgens de Oekraïense generale staf 1200 soldaten verloren in de afgelopen dag"
    assert language.candidates(dutch)[0] == "nl"
    assert language.detect_language(dutch) == "nl"
    # English words quoted in a Chinese text narrow nothing: lingua reads the whole sample
    chinese = "乌克兰总参谋部称, the General Staff said that Russia has lost troops with the war, 俄军损失了13万4100名士兵和坦克"
    assert language.candidates(chinese) == ()


def test_every_list_is_a_language_we_read() -> None:
    from lossledger.extraction.vocab import available_languages

    assert set(language._function_words()) <= set(available_languages())


def test_words_decide_unless_the_languages_are_confusable() -> None:
    # German words far ahead of any other list's: German alone, lingua is not asked
    german = (
        "Die Ukraine hat nach Angaben des Generalstabs in der Nacht mehr als 1.200 Soldaten und die Russen verloren"
    )
    assert language.candidates(german, decisive=True) == ("de",)
    # Malay and Indonesian share their function words: however many, lingua decides between them
    malay = "Menurut kenyataan tentera Ukraine, Rusia telah kehilangan seramai 1,200 askar dan kerajaan berkata bahawa"
    found = language.candidates(malay, decisive=True)
    assert found[0] == "ms" and ("id" in found or len(found) == 1)
    assert language._confusable()["ms"] == {"id"}
    assert language.detect_language(malay) == "ms"


def test_more_words_decide_when_the_first_300_characters_hold_few() -> None:
    # a statement opens with its list: its first 300 characters hold almost no function words
    text = (
        "Загальні бойові втрати противника з 24.02.22 по 10.05.25 орієнтовно склали: особового складу ‒ близько "
        "963 210 (+1 240) осіб, танків ‒ 10 793 (+3) од, бойових броньованих машин ‒ 22 479 (+5) од, артилерійських "
        "систем ‒ 27 118 (+37) од, РСЗВ ‒ 1 381 (+1) од, засоби ППО ‒ 1 159 (+0) од, літаків ‒ 370 (+0) од.\n"
        "Це дані, які ще уточнюються, і також у Генштабі кажуть, що за минулу добу найбільше боїв було на "
        "Покровському напрямку, де ворог не має успіху та втрачає техніку, як і раніше."
    )
    assert language.candidates(text[:300], decisive=True) == ()
    assert language.candidates(text[: language._WORDS_SAMPLE], decisive=True) == ("uk",)
    assert language.detect_language(text) == "uk"
