"""A near match's negation or comparison kept where the line differs from the match's source
(a pharma trial, session 76)."""

from __future__ import annotations

import time

import pytest

from ltmt.match_polarity import english_ways, german_ways, polarity_kept
from ltmt.segments import Match, Segment


def _match(source: str, target: str, score: float = 95.0) -> Match:
    return Match(Segment(0, "u1", source, target, 0.0, "t"), score)


RECOMMENDED = _match(
    "Xarelto is not recommended in patients with creatinine clearance < 15 mL/min.",
    "Die Anwendung von Xarelto wird bei Patienten mit einer Kreatinin-Clearance < 15 ml/min "
    "nicht empfohlen.",
)
CHILDREN = _match(
    "Xarelto must not be used in children below 18 years of age.",
    "Xarelto darf bei Kindern unter 18 Jahren nicht angewendet werden.",
)
ABOVE = _match("Do not store above 25 °C.", "Nicht über 25 °C lagern.")
NOT_NOW = _match("Not now", "Jetzt nicht")
BEFORE = _match(
    "Take the tablets after meals.", "Nehmen Sie die Tabletten nach den Mahlzeiten ein."
)
MAXIMUM = _match("The maximum dose is 30 mg.", "Die Höchstdosis beträgt 30 mg.")


@pytest.mark.parametrize(
    ("source", "output", "match", "message"),
    [
        # the trial's three lines: the match's "nicht" and "über" kept
        (
            "Xarelto is recommended in patients with creatinine clearance < 15 mL/min.",
            "Die Anwendung von Xarelto wird in Patienten mit einer Kreatinin-Clearance < 15 "
            "ml/min nicht empfohlen.",
            RECOMMENDED,
            "the translation says 'nicht' where the source says no negation, as the memory "
            "match 'Xarelto is not recommended in patients with creat…' does: check that it "
            "does not say the opposite",
        ),
        (
            "Xarelto must be used in children below 18 years of age.",
            "Xarelto darf bei Kindern unter 18 Jahren nicht angewendet werden.",
            CHILDREN,
            "the translation says 'nicht' where the source says no negation, as the memory "
            "match 'Xarelto must not be used in children below 18 yea…' does: check that it "
            "does not say the opposite",
        ),
        (
            "Do not store below 25 °C.",
            "Nicht über 25 °C lagern.",
            ABOVE,
            "the translation says 'über' where the source says 'below', as the memory match "
            "'Do not store above 25 °C.' does: check that it does not say the opposite",
        ),
        # the line's "not" lacked where the match has none: qa's negation check's and the
        # negation guard's, not this
        (
            "Xarelto is not recommended in children.",
            "Xarelto wird bei Kindern empfohlen.",
            _match("Xarelto is recommended in children.", "Xarelto wird bei Kindern empfohlen."),
            None,
        ),
        (
            "Take the tablets before meals.",
            "Nehmen Sie die Tabletten nach den Mahlzeiten ein.",
            BEFORE,
            "the translation says 'nach' where the source says 'before', as the memory match "
            "'Take the tablets after meals.' does: check that it does not say the opposite",
        ),
        (
            "The minimum dose is 30 mg.",
            "Die Höchstdosis beträgt 30 mg.",
            MAXIMUM,
            "the translation says 'höchstdosis' where the source says 'minimum', as the memory "
            "match 'The maximum dose is 30 mg.' does: check that it does not say the opposite",
        ),
        # right translations: the line's polarity said, the match's not
        (
            "Xarelto must be used in children below 18 years of age.",
            "Xarelto muss bei Kindern unter 18 Jahren angewendet werden.",
            CHILDREN,
            None,
        ),
        ("Do not store below 25 °C.", "Nicht unter 25 °C lagern.", ABOVE, None),
        ("Store above 25 °C.", "Über 25 °C lagern.", ABOVE, None),
        ("Take the tablets before meals.", "Vor den Mahlzeiten einnehmen.", BEFORE, None),
        ("The minimum dose is 30 mg.", "Die Mindestdosis beträgt 30 mg.", MAXIMUM, None),
        # the line says what the match says (another number): nothing to compare
        ("Do not store above 30 °C.", "Nicht über 30 °C lagern.", ABOVE, None),
        # a German idiom with no match of the other polarity behind it (session 75's rule)
        ("Maybe later", "Jetzt nicht", _match("Maybe later", "Vielleicht später", 100.0), None),
        ("Maybe later", "Jetzt nicht", _match("Later", "Später", 70.0), None),
        # "over" that compares nothing is no comparison word
        (
            "Hover the icon.",
            "Zeigen Sie auf das Symbol.",
            _match("Hover over the icon.", "x"),
            None,
        ),
        # the match's target does not say its negation in a plain word: nothing to keep
        (
            "Use the app.",
            "Verwenden Sie die App.",
            _match("Don't use the app.", "App meiden."),
            None,
        ),
    ],
)
def test_a_match_s_negation_or_comparison_kept_is_named(source, output, match, message):
    kept = polarity_kept(source, output, [match])
    assert (kept.message(source) if kept else None) == message


def test_the_idiom_a_match_of_other_polarity_put_there_is_named():
    """``Jetzt nicht`` for ``Maybe later`` passes qa alone, not where ``Not now`` put it."""
    assert polarity_kept("Maybe later", "Jetzt nicht", [NOT_NOW]) == (
        "negation",
        "Not now",
        "nicht",
    )


@pytest.mark.parametrize(
    ("source", "output", "match"),
    [
        # a match of other words (below NEAR) shares a "nach" by chance
        (
            "Two years later, he became a broker.",
            "Nach zwei Jahren wurde er Makler.",
            _match("He died after a long illness.", "Er starb nach langer Krankheit.", 55.0),
        ),
        # another word of the way than the match's ("über Emacs" for "through Emacs")
        (
            "allow passphrase to be prompted through Emacs",
            "Erlaube die Eingabe eines Passwortes über Emacs",
            _match("allow a passphrase of at least 8 characters", "mindestens 8 Zeichen", 72.0),
        ),
        # what the source may say with a negation ("unable" as "nicht")
        (
            "unable to create directory %s",
            "Verzeichnis %s kann nicht erstellt werden",
            _match("could not create directory '%s'", "Verzeichnis »%s« nicht erstellt", 80.0),
        ),
    ],
)
def test_a_word_the_match_did_not_put_there_is_not_named(source, output, match):
    assert polarity_kept(source, output, [match]) is None


@pytest.mark.parametrize(
    ("text", "ways"),
    [
        ("Do not store above 25 °C.", {"negation": 1, "above": 1}),
        ("children under the age of 12", {"below": 1}),
        ("under the terms of the licence", {}),
        ("clearance < 15 mL/min, ≥ 2 and <b>bold</b> -> next", {"below": 1, "above": 1}),
        ("max. 5 mg, min 2 mg, for 5 min in mL/min", {"below": 1, "above": 1}),
        ("more column names than columns", {"above": 1}),
        (
            "no more than 3 tablets before or after meals",
            {"negation": 1, "above": 1, "before": 1, "after": 1},
        ),
    ],
)
def test_english_ways_counts_each_way_s_words(text, ways):
    assert +english_ways(text) == ways


@pytest.mark.parametrize(
    ("text", "ways"),
    [
        ("Nicht über 25 °C lagern.", {("negation", "nicht"): 1, ("above", "über"): 1}),
        (
            "bei Kindern unter 18 Jahren, ab 12 Jahren",
            {("below", "unter"): 1, ("above", "ab"): 1},
        ),
        (
            "Die Höchstdosis vor und nach dem Essen, ohne Nicht-Mitglieder",
            {
                ("below", "höchstdosis"): 1,
                ("before", "vor"): 1,
                ("after", "nach"): 1,
                ("negation", "ohne"): 1,
            },
        ),
    ],
)
def test_german_ways_counts_each_way_s_words_as_written(text, ways):
    assert +german_ways(text) == ways


@pytest.mark.parametrize(
    "piece",
    ["under word ", "below a ", "<", "not ", "nicht über ", "at least at ", "max. min. "],
)
def test_the_patterns_take_linear_time_on_adversarial_input(piece):
    """50,000 characters of a pattern's near misses read in well under a few seconds (a
    pattern that backtracks took minutes on such a text)."""
    text = piece * (50_000 // len(piece)) + "!"
    started = time.perf_counter()
    english_ways(text)
    german_ways(text)
    assert time.perf_counter() - started < 5.0
