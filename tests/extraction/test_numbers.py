"""Numbers as written in the wild, and round-trips through Babel's locale formatting."""

from __future__ import annotations

import pytest
from babel.numbers import format_decimal
from hypothesis import given, settings
from hypothesis import strategies as st

from lossledger.extraction.numbers import parse_digits, parse_number

CASES = [
    ("en", "400,300", 400300),
    ("de", "103.770", 103770),
    ("fr", "400\u00a0300", 400300),
    ("fr", "400\u202f300", 400300),
    ("uk", "400\u2009300", 400300),
    ("de", "15'000", 15000),
    ("en", "1.2 million", 1200000),
    ("it", "400 mila", 400000),
    ("ru", "1,18 млн", 1180000),
    ("uk", "13 тис.", 13000),
    ("uk", "646 тис. 400", 646400),
    ("tr", "377 bin 820", 377820),
    ("ar", "مليون و182 ألفاً و610", 1182610),
    ("ar", "209 آلاف و940", 209940),
    ("ar", "غواصتين", 2),
    ("fa", "۱۳۰ هزار", 130000),
    ("fa", "یک هزار و ۵۹۷", 1597),
    ("ar", "٦٤٦٥", 6465),
    ("en", "４００３００", 400300),
    ("en", "one", 1),
    ("en", "six", 6),
    ("de", "zwei", 2),
    ("uk", "півтори тисячі", 1500),
    ("uk", "тисячу", 1000),
    ("it", "27.000 e mezzo", 27500),
    ("zh", "13万4100", 134100),
    ("ko", "2만9천63", 29063),
    ("ja", "13万4100", 134100),
    ("pl", "285 tys.", 285000),
    ("pt", "300 mil", 300000),
    ("es", "1,2 millones", 1200000),
    ("en", "４００，３００", 400300),
    ("en", "twenty-five", 25),
    ("en", "a hundred thousand", 100000),
    ("en", "half a million", 500000),
    ("es", "trescientos veinte mil", 320000),
    ("fr", "deux cent mille", 200000),
    ("fr", "quatre-vingts", 80),
    ("tr", "yüz bin", 100000),
    ("tr", "iki yüz elli bin", 250000),
    ("pl", "dwieście tysięcy", 200000),
    ("pt", "quinhentos", 500),
    ("it", "quattrocento", 400),
    ("de", "dreihundert", 300),
]


@pytest.mark.parametrize(("lang", "text", "value"), CASES)
def test_parse_number(lang: str, text: str, value: int) -> None:
    assert parse_number(text, lang) == value


def test_decimal_vs_thousands() -> None:
    assert parse_digits("1.003") == (1003.0, 1, 0)
    assert parse_digits("1,18") == (1.18, 1, 2)
    assert parse_digits("24.02.22") is None


LOCALES = ["en_US", "de_DE", "fr_FR", "uk_UA", "ru_RU", "es_ES", "it_IT", "pt_PT", "pl_PL", "tr_TR", "de_CH", "en_IN"]


@settings(max_examples=300, deadline=None)
@given(value=st.integers(min_value=0, max_value=9_999_999), locale=st.sampled_from(LOCALES))
def test_round_trip_through_babel(value: int, locale: str) -> None:
    """A number written as each locale writes it (Babel's CLDR patterns) parses back."""
    written = format_decimal(value, locale=locale)
    if locale == "en_IN" and value >= 100_000:
        return  # lakh grouping ("1,00,000") is not a thousands grouping; not claimed
    lang = locale.split("_")[0]
    assert parse_number(written, lang) == value, written


def test_digit_sets_are_unicodes() -> None:
    """tokens.DIGIT_ZEROS is every decimal digit set of the BMP in this Python's Unicode database."""
    import unicodedata

    from lossledger.extraction.tokens import DIGIT_ZEROS

    zeros = [
        cp for cp in range(0x80, 0x10000) if unicodedata.category(chr(cp)) == "Nd" and unicodedata.decimal(chr(cp)) == 0
    ]
    assert set(DIGIT_ZEROS) == set(zeros)


def test_separators_are_cldrs() -> None:
    """tokens.CLDR_SEPARATORS holds every group and decimal symbol of every CLDR locale (Babel)."""
    from babel import Locale
    from babel.localedata import locale_identifiers

    from lossledger.extraction.tokens import CLDR_SEPARATORS

    found = set()
    for ident in locale_identifiers():
        for syms in Locale.parse(ident).number_symbols.values():
            found.update(v for k, v in syms.items() if k in ("group", "decimal") and v)
    assert found - {",", ".", "'"} <= set(CLDR_SEPARATORS)


@pytest.mark.parametrize(
    ("text", "language", "value"),
    [
        ("1،179،790", "ar", 1_179_790),  # Arabic comma between digit groups
        ("١٬١٧٩٬٧٩٠", "ar", 1_179_790),  # Arabic-Indic digits, Arabic thousands sign
        ("1,17,950", "hi", 117_950),  # lakh grouping
        ("๑๑๑๓๕", "th", 11_135),  # Thai digits
        ("১২,৫৯২", "bn", 12_592),  # Bengali digits
        ("௧௨௩", "ta", 123),  # Tamil digits
        ("४ सय ५०", "ne", 450),  # hundreds with the word, then the rest in digits
        ("१ सय १२", "ne", 112),
        ("साढे १३ हजार", "ne", 13_500),  # a half before its number: thirteen and a half thousand
        ("साढ़े तीन लाख", "hi", 350_000),
        ("সাড়ে ৩ লাখ", "bn", 350_000),
    ],
)
def test_numbers_of_other_scripts(text: str, language: str, value: int) -> None:
    assert parse_number(text, language) == value


@pytest.mark.parametrize(
    ("text", "language", "values"),
    [
        ("Oroszország 60–70 ezer katonát veszített", "hu", [60_000, 70_000]),
        ("between 500 and 600 thousand Russian soldiers were killed", "en", [500_000, 600_000]),
        ("Rusia a pierdut 30 – 40 de mii de soldați", "ro", [30_000, 40_000]),
        ("Russia lost 2-3 tanks", "en", [2, 3]),  # no scale: nothing to share
    ],
)
def test_a_range_shares_its_scale_word(text: str, language: str, values: list[int]) -> None:
    from lossledger.extraction import extract

    assert sorted(c.value for c in extract(text, language=language).claims) == values


def test_spelled_hundreds_tens_and_units() -> None:
    assert parse_number("four hundred ninety eight", "en") == 498
    assert parse_number("cent soixante-deux", "fr") == 162


@pytest.mark.parametrize(
    ("text", "language", "value"),
    [
        # one-word compounds no vocabulary lists: num2words' spellings, read backwards (spelled.py)
        ("A vezérkar szerint Oroszország háromszázhetvenöt katonát veszített.", "hu", 375),
        ("Laut Generalstab verlor Russland dreihundertfünfundsiebzig Soldaten.", "de", 375),
    ],
)
def test_spelled_numbers_from_num2words(text: str, language: str, value: int) -> None:
    from lossledger.extraction import extract

    assert [c.value for c in extract(text, language=language).claims] == [value]
