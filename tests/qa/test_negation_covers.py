"""What German says of two English negations with one: weder ... noch, one nicht before a
list, an unless without a negating word."""

from __future__ import annotations

import time

import pytest

from ltmt.qa.negation_covers import covered_in_german, unless_in_german


@pytest.mark.parametrize(
    ("target", "source", "covered"),
    [
        # each noch of weder ... noch, whatever the source says
        ("Weder heiß noch kalt.", "Neither hot nor cold.", 1),
        ("weder A noch B noch C", "", 2),
        ("Noch nicht fertig.", "Not done yet.", 0),  # noch alone is "still"
        # a list after one negation, as many as the source repeats one in a list
        ("Nicht einfrieren oder schütteln.", "Do not freeze and do not shake.", 1),
        ("Nicht biegen, falten oder schneiden.", "Do not bend, do not fold or do not cut.", 2),
        ("Nicht biegen, falten oder schneiden.", "Do not bend, fold or cut.", 0),
        ("Keine Nutzung oder Lagerung.", "Do not use or don't store.", 1),
        ("Einfrieren, aber nicht schütteln.", "Do not freeze and do not shake.", 0),
        ("Einfrieren. Nicht schütteln.", "Do not freeze. Do not shake.", 0),
        # an unless: vorbehaltlich, bis zur, a conditional's negation for unless ... not
        ("Vorbehaltlich anderweitiger Vereinbarung", "Unless otherwise agreed", 1),
        ("Verlängert sich bis zur Kündigung.", "Renews unless cancelled.", 1),
        ("Verlängert sich bis zur Kündigung.", "Renews until cancelled.", 0),
        ("zahlbar, sofern der Kunde nicht widerspricht", "payable unless he does not object", 1),
        ("zahlbar, sofern der Kunde nicht widerspricht", "payable unless he objects", 0),
        ("Vorbehaltlich X, bis zum Ende", "Unless X", 1),  # one unless, one covered
    ],
)
def test_what_german_covers_of_the_source_s_negations(target, source, covered):
    assert covered_in_german(target, source) == covered


@pytest.mark.parametrize(
    ("target", "said"),
    [
        ("Vorbehaltlich anderweitiger Vereinbarung", True),
        ("bis zum Widerruf", True),
        ("Steril, sofern das Paket nicht geöffnet ist.", True),
        ("Nicht trennen, wenn die Klemme zu ist.", False),  # wenn alone turns it round
        ("Verlängert sich, sofern gekündigt.", False),
    ],
)
def test_an_unless_said_without_es_sei_denn(target, said):
    assert unless_in_german(target) is said


@pytest.mark.parametrize(
    ("target", "source"),
    [
        ("nicht " + "und " * 20_000, "do not x " + "and do not " * 20_000),
        ("sofern " * 20_000 + "x", "unless " * 20_000 + "x"),
        ("sofern " + "x " * 50_000 + "nicht", "unless " + "x " * 50_000 + "not"),
        ("Abs. " * 20_000, ", unless" * 20_000),
        ("weder " + "noch " * 20_000, "neither " + "nor " * 20_000),
        ("wenn a" * 10_000 + ".", "unless a " * 10_000 + "and " * 10_000),
    ],
)
def test_long_adversarial_lines_are_read_in_linear_time(target, source):
    start = time.perf_counter()
    covered_in_german(target, source)
    unless_in_german(target)
    assert time.perf_counter() - start < 2.0


@pytest.mark.parametrize(
    ("target", "said"),
    [
        (
            "Nicht verlängert. Wenn gekündigt, endet es.",
            False,
        ),  # the negation before, another sentence
        ("Wenn gekündigt. Nicht verlängert.", False),
        ("sofern gemäß Abs. 1 lit. b nicht anders vereinbart", True),  # abbreviations: one clause
    ],
)
def test_a_conditional_s_negation_is_read_in_its_clause(target, said):
    assert unless_in_german(target) is said
