"""Numbers written in digits and in words beside them: read in English and German, and what a
German translation gets wrong of its source's."""

from __future__ import annotations

import time

import pytest
from num2words import num2words

from ltmt.number_words import (
    german_values,
    german_worded_numbers,
    german_words,
    number_word_problems,
    worded_numbers,
)


@pytest.mark.parametrize(
    ("source", "pairs"),
    [
        ("within 30 (thirty) days", [(30, "thirty")]),
        ("within thirty (30) days", [(30, "thirty")]),
        ("Thirty (30) days", [(30, "Thirty")]),
        ("within 48 (forty-eight) hours", [(48, "forty-eight")]),
        ("within 48 (forty eight) hours", [(48, "forty eight")]),
        ("WITHIN THIRTY (30) DAYS", [(30, "THIRTY")]),
        (
            "The annual fee is EUR 150,000 (one hundred and fifty thousand euros).",
            [(150_000, "one hundred and fifty thousand")],
        ),
        (
            "a fee of EUR 150,000.00 (one hundred fifty thousand euros)",
            [(150_000, "one hundred fifty thousand")],
        ),
        (
            "150,000 EUR (one hundred and fifty thousand euros)",
            [(150_000, "one hundred and fifty thousand")],
        ),
        (
            "EUR 2,500,000 (two million, five hundred thousand euros)",
            [(2_500_000, "two million, five hundred thousand")],
        ),
        ("3 (three) months and 14 (fourteen) days", [(3, "three"), (14, "fourteen")]),
        ("start with a 0 (zero)", [(0, "zero")]),
        # words that say another number than the digits: the source's to settle, no pair
        ("within 10 (thirty) days", []),
        ("within 31 (thirty) days", []),
        ("within 30 (thirty one) days", []),
        # no number in words, or cents the words do not say
        ("See Section 4 (c).", []),
        ("Art. 6(1)(b) GDPR", []),
        ("EUR 10.50 (ten euros fifty)", []),
        ("in 2 (see below)", []),
        # a name that begins with a number's word
        ("Chapter 3 (Three Rivers) begins.", []),
        ("a list of 1 (One Direction)", []),
    ],
)
def test_worded_numbers_reads_a_source_s_numbers_in_digits_and_words(source, pairs):
    assert [(found.value, found.words) for found in worded_numbers(source)] == pairs


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("innerhalb von 30 (dreißig) Tagen", [(30, 30, "dreißig")]),
        ("innerhalb von 30 (dreissig) Tagen", [(30, 30, "dreissig")]),
        ("innerhalb von dreißig (30) Tagen", [(30, 30, "dreißig")]),
        (
            "150.000 (einhundertfünfzigtausend Euro)",
            [(150_000, 150_000, "einhundertfünfzigtausend")],
        ),
        ("150 000 EUR (hundertfünfzigtausend Euro)", [(150_000, 150_000, "hundertfünfzigtausend")]),
        (
            "EUR 150.000,00 (einhundertzwanzigtausend Euro)",
            [(150_000, 120_000, "einhundertzwanzigtausend")],
        ),
        (
            "2.500.000 EUR (zwei Millionen fünfhunderttausend Euro)",
            [(2_500_000, 2_500_000, "zwei Millionen fünfhunderttausend")],
        ),
        ("30 (in Worten: dreißig) Tage", [(30, 30, "dreißig")]),
        ("einen (1) Monat", [(1, 1, "einen")]),
        ("mit 0 (einer Null)", [(0, 0, "Null")]),
        # words that say no German number: None, the parenthesis as the words
        ("14 (fourteen) Tagen", [(14, None, "fourteen")]),
        ("30 (zzgl. MwSt.)", [(30, None, "zzgl. MwSt.")]),
    ],
)
def test_german_worded_numbers_reads_what_the_words_beside_digits_say(text, read):
    assert [(f.value, f.said, f.words) for f in german_worded_numbers(text)] == read


@pytest.mark.parametrize(
    "value",
    [
        0,
        1,
        7,
        11,
        16,
        17,
        21,
        30,
        71,
        99,
        100,
        101,
        365,
        999,
        1000,
        1001,
        14_000,
        99_999,
        150_000,
        1_000_000,
        2_500_000,
        250_000_000,
        1_000_000_000,
    ],
)
def test_every_number_num2words_writes_is_read_back_in_both_languages(value):
    assert german_values(german_words(value)) == [value]
    assert german_values(num2words(value, lang="de")) == [value]
    english = num2words(value, lang="en")
    assert [found.value for found in worded_numbers(f"{value:,} ({english})")] == [value]
    assert [found.value for found in worded_numbers(f"{english} ({value:,})")] == [value]


def test_german_words_are_num2words_german():
    assert [german_words(n) for n in (10, 30, 150_000, 2_500_000)] == [
        "zehn",
        "dreißig",
        "einhundertfünfzigtausend",
        "zwei Millionen fünfhunderttausend",
    ]


@pytest.mark.parametrize(
    ("source", "output", "problems"),
    [
        # legal2 trial: a match's 30 (dreißig) kept beside the line's 10
        (
            "The Customer shall pay the deposit within 10 (ten) days.",
            "Der Kunde hat die Kaution innerhalb von 10 (dreißig) Tagen zu zahlen.",
            [(10, "dreißig", False)],
        ),
        (
            "2.3 The annual fee is EUR 150,000 (one hundred and fifty thousand euros), payable in advance.",
            "2.3 Die jährliche Vergütung beträgt 150.000 (einhundertzwanzigtausend Euro) und ist im Voraus zahlbar.",
            [(150_000, "einhundertzwanzigtausend", False)],
        ),
        ("within thirty (30) days", "innerhalb von zwanzig (30) Tagen", [(30, "zwanzig", False)]),
        # the English words kept
        (
            "within 14 (fourteen) days of receipt",
            "innerhalb von 14 (fourteen) Tagen nach Zugang",
            [(14, "fourteen", True)],
        ),
        # said in words nowhere
        (
            "The Customer shall pay the deposit within 60 (sixty) days.",
            "Der Kunde hat die Kaution innerhalb von 60 Tagen zu zahlen.",
            [(60, None, False)],
        ),
        (
            "3 (three) months and 14 (fourteen) days",
            "3 (drei) Monate und 14 Tage",
            [(14, None, False)],
        ),
        # right
        ("within 30 (thirty) days", "innerhalb von 30 (dreißig) Tagen", []),
        ("within 30 (thirty) days", "binnen dreißig Tagen", []),
        ("within 30 (thirty) days", "innerhalb von dreißig (30) Tagen", []),
        ("within 30 (thirty) days", "innerhalb von 30 (in Worten: dreißig) Tagen", []),
        ("within 48 (forty-eight) hours", "binnen 48 (achtundvierzig) Stunden", []),
        ("one (1) year", "ein (1) Jahr", []),
        (
            "EUR 150,000 (one hundred and fifty thousand euros)",
            "150.000 EUR (hundertfünfzigtausend Euro)",
            [],
        ),
        (
            "must start with a 0 (zero).",
            "muss mit 0 (einer Null) anfangen.",  # postgresql's catalogue: "einer" is "a"
            [],
        ),
        # no pair in the source: the output's words are left alone
        ("within 10 days", "innerhalb von 10 (dreißig) Tagen", []),
        ("Chapter 3 (Three Rivers)", "Kapitel 3 (Three Rivers)", []),
    ],
)
def test_number_word_problems(source, output, problems):
    found = [
        (p.wanted.value, p.found.words if p.found else None, p.english)
        for p in number_word_problems(source, output)
    ]
    assert found == problems


_ADVERSARIAL = {
    "pairs": "thirty (30) " * 8000,
    "German pairs": "dreißig (30) " * 8000,
    "digits": "1 " * 100_000,
    "grouped digits": "1" + " 000" * 25_000,
    "digits in parentheses": "(1)" * 33_000,
    "open parentheses": "1 (" * 33_000,
    "an unclosed parenthesis": "1 (" + "a " * 100_000,
    "number words": "one " * 100_000 + "(1)",
    "German number words": "zehn " * 100_000 + "(1)",
    "articles": "einer " * 100_000,
    "scales": "zwei Millionen " * 7_000,
    "hyphens": "forty-" * 16_000 + " (40)",
    "a long run of digits": "9" * 100_000 + " (nine)",
    "grouped thousands": "1,000" * 20_000 + " (one thousand)",
    "tausend": "tausend" * 14_000,
    "currencies": "1 EUR (" * 14_000,
}


@pytest.mark.parametrize("text", list(_ADVERSARIAL.values()), ids=list(_ADVERSARIAL))
def test_long_adversarial_lines_are_read_in_linear_time(text):
    started = time.perf_counter()
    number_word_problems(text, text)
    german_values(text)
    assert time.perf_counter() - started < 10.0
