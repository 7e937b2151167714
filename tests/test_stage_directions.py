"""A stage direction at a dialogue line's start: found, written back, and checked by qa."""

from __future__ import annotations

import pytest

from ltmt.stage_directions import (
    Direction,
    as_direction,
    direction_marks,
    direction_problems,
    split_direction,
)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # a game VO trial's lines (session 71)
        (
            "[whispering] Mira, stay close.",
            Direction("[", "whispering", "] ", "Mira, stay close."),
        ),
        ("(sighs) You always say that.", Direction("(", "sighs", ") ", "You always say that.")),
        ("*laughs* And I'm always right.", Direction("*", "laughs", "* ", "And I'm always right.")),
        ("[shouting] KAEL! OVER HERE!", Direction("[", "shouting", "] ", "KAEL! OVER HERE!")),
        ("(sighs heavily) Fine.", Direction("(", "sighs heavily", ") ", "Fine.")),
        ("[door slams] Who's there?", Direction("[", "door slams", "] ", "Who's there?")),
        ("(clears throat) Well.", Direction("(", "clears throat", ") ", "Well.")),
        ("(phone ringing) I'll get it.", Direction("(", "phone ringing", ") ", "I'll get it.")),
        ("[sobbing]  ...fine.", Direction("[", "sobbing", "]  ", "...fine.")),
        # no direction: no verb form inside the marks (a UI's or a log's tag, a noun, a
        # command; session 71's regression test), a capital inside the marks (UI text), no
        # letters, one letter, four words, marks that do not match, no spoken text, spoken
        # text in small letters
        ("[info] Server started on port 8080.", None),
        ("[error] Could not open the file.", None),
        ("[debug] Cache hit.", None),
        ("[warning] Disk almost full.", None),
        ("[beta] New editor", None),
        ("(default) English", None),
        ("(optional) Enter a name", None),
        ("(required) Email address", None),
        ("[new] Dark mode", None),
        ("[note] Back up first.", None),
        ("*tip* Press Ctrl+S.", None),
        ("[loading] Please wait.", None),
        ("[music] Welcome back to the show.", None),
        ("[laughter] That was a great answer.", None),
        ("(see below) Click Save.", None),
        ("[under his breath] Fine.", None),
        ("(Optional) Enter a name", None),
        ("[1] See the manual.", None),
        ("[x] Done", None),
        ("(s) selected", None),
        ("[one two three four] Go.", None),
        ("[whispering) Go.", None),
        ("(sighs)", None),
        ("*very* good", None),
        ("Stay close. [whispering] Go.", None),
    ],
)
def test_a_stage_direction_is_found_at_a_lines_start(line, expected):
    assert split_direction(line) == expected


@pytest.mark.parametrize(
    ("translation", "words", "expected"),
    [
        ("flüstern", "whispering", "flüstern"),
        ("Seufzt.", "sighs", "seufzt"),  # small letters, no full stop
        ("[Lacht]", "laughs", "lacht"),  # not in marks twice
        ("Räuspert sich", "clears throat", "räuspert sich"),
        # a noun stays as the model writes it: the source's or the translation's
        ("Tür schlägt zu", "door slams", "Tür schlägt zu"),
        ("Telefon klingelt", "phone ringing", "Telefon klingelt"),
        ("Seufzer", "sighs", "Seufzer"),
        ("sighs", "sighs", "sighs"),  # a copy stays as written
        (" . ", "sighs", "sighs"),  # nothing left: the source's words
    ],
)
def test_a_directions_translation_is_written_as_a_direction(translation, words, expected):
    assert as_direction(translation, words) == expected


def test_the_marks_of_a_leading_direction_are_where_they_are():
    assert direction_marks("  *laughs* And I'm always right.") == {2, 9}
    assert direction_marks("*very* good") == set()


@pytest.mark.parametrize(
    ("source", "target", "expected"),
    [
        ("[whispering] Stay close.", "[flüstern] Bleib nah bei mir.", []),
        ("(sighs) You always say that.", "(Seufzt) Du sagst das immer.", []),
        ("*laughs* And I'm always right.", "  *lacht* Und ich habe immer recht.", []),
        ("Stay close.", "Bleib nah bei mir.", []),
        ("(sighs) You always say that.", "", []),  # untranslated: not this check's
        # the direction's marks elsewhere: kept, where German puts it
        ("(sighs) You always say that.", "Du sagst das immer (seufzt).", []),
        ("*laughs* And I'm always right.", "und ich *lache* immer recht.", []),
        # a UI's tag is no direction: German UI moves it to the end (session 71's regression)
        ("(optional) Enter a name", "Namen eingeben (optional)", []),
        ("(required) Email address", "E-Mail-Adresse (erforderlich)", []),
        ("[beta] New editor", "Neuer Editor", []),
        # lost, or in other marks
        (
            "[whispering] Stay close.",
            "Bleib nah bei mir.",
            [
                "the source starts with the stage direction [whispering], the translation "
                "has none in []: put its translation first, in its marks"
            ],
        ),
        (
            "(sighs) You always say that.",
            "[seufzt] Du sagst das immer.",
            [
                "the source starts with the stage direction (sighs), the translation has "
                "none in (): put its translation first, in its marks"
            ],
        ),
    ],
)
def test_qa_warns_of_a_direction_lost(source, target, expected):
    assert direction_problems(source, target, {}) == expected
