"""A glossary target placed as the first part of a German compound (tbx trial: "coolant pump",
"chip conveyor", "turret station")."""

from __future__ import annotations

import time

import pytest

from ltmt.terminology.modifier_compounds import (
    attribute_before_head,
    echoed_part,
    garbled_part,
    head_compound,
    joined_with_head,
    leftover,
    with_part_replaced,
    writes_modifier,
)


@pytest.mark.parametrize(
    ("source", "end", "expected"),
    [
        ("The coolant pump is off.", 11, True),  # "coolant" before "pump"
        ("Add coolant.", 11, False),  # a full stop after it
        ("Add coolant", 11, False),  # the line's end
        ("Check the coolant, then the oil.", 17, False),  # a comma
        ("Set coolant 5 %.", 11, False),  # a number is no noun
        # regterms trial: an article, pronoun or function word after it: the term is a verb
        ("Then share the link.", 10, False),
        ("Before it expires, order a new end mill.", 24, False),
        ("Then post them.", 9, False),
        ("Then share your work.", 10, False),
        ("The coolant tank and oil.", 11, True),
    ],
)
def test_writes_modifier(source, end, expected):
    assert writes_modifier(source, end) is expected


@pytest.mark.parametrize(
    ("word", "following", "expected"),
    [
        ("coolante", "Konzentration", True),
        (" täglichen", " Tafel", True),
        ("türretter", "Station", True),
        ("Nutzer", "Zugriff", False),  # a noun before a noun: "Geben Sie dem Nutzer Zugriff"
        ("die", "Konzentration", False),  # a function word
        ("coolante", "liegt", False),  # no noun after it
        ("coolante", "5", False),
        # regterms trial: a pronoun is no head ("Freigaben-Sie", "Druck-Sie" were placed)
        ("teilen", "Sie", False),
        ("bestellen", "Ihre", False),
        ("geben", "Ihnen", False),
        ("posten", "Es", False),
    ],
)
def test_attribute_before_head(word, following, expected):
    assert attribute_before_head(word, following) is expected


def test_joined_with_head_is_hyphenated_with_the_first_parts_link():
    assert (
        joined_with_head("Kühlschmierstoff", " Konzentration") == "Kühlschmierstoff-Konzentration"
    )
    assert joined_with_head("Schaltfläche", "Galerie", "f") == "Schaltflächen-Galerie"


@pytest.mark.parametrize(
    ("word", "source", "expected"),
    [
        ("Chip-Fahrer", "chip", 0),
        ("Kühl-Chip", "chip", 1),
        ("Chipfahrer", "chip", None),  # no hyphen: the attention decides
        ("Chip-Chip", "chip", None),  # which one is unclear
        ("Chip-", "chip", None),
        ("Span-Fahrer", "chip", None),
    ],
)
def test_echoed_part(word, source, expected):
    assert echoed_part(word, source) == expected


@pytest.mark.parametrize(
    ("word", "part", "source", "expected"),
    [
        # regterms trial: a garbled head ("das Spindel-Hausen", "des Span-Referns" were placed)
        ("Spindle-Hausen", 0, "Lubricate the spindle housing.", True),
        ("Chip-Referns", 0, "Chip removal is done automatically.", True),
        ("Chip-Fahrer", 0, "The chip conveyor", False),  # a German word
        ("Kühl-Chip", 1, "the cooled chip", False),
        ("Chip-Layout", 0, "the chip layout", False),  # the noun table's
        ("OCSP-Responder", 0, "the OCSP responder", False),  # the input's word
        ("Chip-USB", 0, "the chip", False),  # an acronym
    ],
)
def test_garbled_part(word, part, source, expected):
    assert garbled_part(word, part, source) is expected


def test_a_part_a_glossary_target_writes_is_no_garble():
    assert garbled_part("Mana-Potion", 1, "", ["Mana"]) is False
    assert garbled_part("Mana-Potion", 1, "") is True


def test_with_part_replaced_keeps_the_other_parts():
    assert with_part_replaced("Chip-Fahrer", 0, "Span") == "Span-Fahrer"
    assert with_part_replaced("Kühl-Chip", 1, "Span") == "Kühl-Span"
    assert with_part_replaced("Seite-Layout", 0, "Seite", "f") == "Seiten-Layout"


@pytest.mark.parametrize(
    ("rest", "term_first", "expected"),
    [
        ("ter", True, True),  # tür|ret|ter for "turret": no "Werkzeugrevolver-Ter"
        ("-Ter", True, True),
        ("tür", True, False),  # a noun the table knows
        ("datei", True, False),
        ("Klä", False, True),  # Klä|rmpfe for "workpieces": no "Klä-Werkstücke"
        ("Einstellungs", False, False),
        ("IV-", False, False),
        # dev run: a longer first part, or one the model hyphenated, stays ("OCSP-Responder",
        # "Submodule-Pfad", "Konvertierungs-Angabe" were replaced whole)
        ("OCSP-", False, False),
        ("Submodule", False, False),
        ("Konvertierungs", False, False),
    ],
)
def test_leftover(rest, term_first, expected):
    assert leftover(rest, term_first) is expected


@pytest.mark.parametrize(
    ("text", "target", "expected"),
    [
        ("Prüfen Sie den Kühlschmierstoff-Tafel.", "Kühlschmierstoff", "Kühlschmierstoff-Tafel"),
        ("Die Seiten-Vorschau", "Seite", "Seiten-Vorschau"),
        ("Der Kühlschmierstoff-Tank und der Kühlschmierstoff", "Kühlschmierstoff", None),
        ("Die Element-Datei", "Datei", None),  # the target is the head
        ("Die Kühlschmierstofftafel", "Kühlschmierstoff", None),
    ],
)
def test_head_compound(text, target, expected):
    assert head_compound(text, target, "f" if target == "Seite" else "") == expected


def test_the_patterns_take_linear_time_on_adversarial_input():
    long = "Kühlschmierstoff-" + "a-" * 20000 + "!" + " " * 20000
    start = time.perf_counter()
    head_compound(long, "Kühlschmierstoff")
    writes_modifier("x" + " " * 50000 + "1", 1)
    attribute_before_head("abc", "A" + "-a" * 20000 + "-")
    writes_modifier("x" + " " * 50000 + "a" * 50000 + "1", 1)
    assert time.perf_counter() - start < 1.0
