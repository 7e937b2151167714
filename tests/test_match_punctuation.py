"""A fused copy of a match that differs from its input in final punctuation alone: the input's."""

from __future__ import annotations

import pytest

from ltmt.match_punctuation import (
    final_punctuation,
    punctuate_copies,
    punctuated_copy,
    with_final_punctuation,
    without_borrowed_final,
)
from ltmt.segments import Match, Segment
from ltmt.units import Unit


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Save", ""), ("Save.", "."), ("Really?! ", "?!"), ("Loading...", "..."),
     ("Settings…", "…"), ("Name: %s", ""), ("Version 1.2", ""), ("", "")],
)  # fmt: skip
def test_final_punctuation_is_the_run_of_marks_that_ends_a_text(text, expected):
    assert final_punctuation(text) == expected


@pytest.mark.parametrize(
    ("text", "source", "output", "expected"),
    [
        # the trial's: a mark changed, added, dropped
        ("Order %s has been shipped!", "Order %s has been shipped.",
         "Bestellung %s wurde versandt.", "Bestellung %s wurde versandt!"),
        ("Read our privacy policy", "Read our privacy policy.",
         "Lesen Sie unsere Datenschutzerklärung.", "Lesen Sie unsere Datenschutzerklärung"),
        ("Change your shipping address?", "Change your shipping address",
         "Lieferadresse ändern", "Lieferadresse ändern?"),
        ("Save changes:", "save changes", "Änderungen speichern", "Änderungen speichern:"),
        # an ellipsis as the input writes it; the model's ... for a target's …
        ("Loading...", "Loading…", "Wird geladen…", "Wird geladen..."),
        ("Loading…", "Loading", "Wird geladen", "Wird geladen…"),
        ("Open…", "Open.", "Öffnen.", "Öffnen…"),
        ("Save?", "Save...", "Speichern...", "Speichern?"),
        # the output's trailing whitespace stays
        ("Done!", "Done.", "Fertig. ", "Fertig! "),
        # the same punctuation, other words, or a target that does not end as its source does
        ("Save changes.", "Save changes.", "Änderungen speichern.", "Änderungen speichern."),
        ("Save all changes?", "Save changes", "Änderungen speichern", "Änderungen speichern"),
        ("Introduction", "Introduction.", "Einleitung", "Einleitung"),
        ("Are you sure?", "Are you sure.", "Sind Sie sicher!", "Sind Sie sicher!"),
        # a final period of an abbreviation is the word's (session 60's regression trial)
        ("Apples, pears, etc", "Apples, pears, etc.", "Äpfel, Birnen usw.", "Äpfel, Birnen usw."),
        ("Fruit, e.g", "Fruit, e.g.", "Obst, z. B.", "Obst, z. B."),
        ("Made by Acme Inc", "Made by Acme Inc.", "Von Acme Inc.", "Von Acme Inc."),
        ("Call No", "Call No.", "Anruf Nr.", "Anruf Nr."),
        ("See part B", "See part B.", "Siehe Teil B.", "Siehe Teil B."),
        ("About 5 kg", "About 5 kg.", "Etwa 5 kg ca.", "Etwa 5 kg ca."),
        # ... but a word that ends as one does is no abbreviation
        ("We met at the Zoo", "We met at the Zoo.", "Wir trafen uns im Zoo.",
         "Wir trafen uns im Zoo"),
    ],
)  # fmt: skip
def test_a_copy_takes_the_inputs_final_punctuation_where_it_ends_as_its_source(
    text, source, output, expected
):
    assert with_final_punctuation(text, source, output) == expected


def _match(source, target, id_=1):
    return Match(Segment(id_, "u1", source, target, 0.0, "test"), 97.0)


def test_only_an_output_that_copies_a_matchs_target_is_punctuated():
    read = [_match("Save changes", "Änderungen sichern", 1), _match("Save changes", "Speichern", 2)]
    assert punctuated_copy("Save changes?", "Speichern", read) == "Speichern?"
    assert punctuated_copy("Save changes?", "Speichern  ", read) == "Speichern?  "
    assert punctuated_copy("Save changes?", "Alles speichern", read) == "Alles speichern"
    # the model's ... for the stored …
    read = [_match("Open file…", "Datei öffnen…")]
    assert punctuated_copy("Open file", "Datei öffnen...", read) == "Datei öffnen"


def test_fused_lines_copying_a_match_end_as_their_line_does():
    """A fusion without a match selection reads every match found."""
    units = [Unit(0, "Order %s has been shipped!"), Unit(1, "Change your address?")]
    matches = [
        (_match("Order %s has been shipped.", "Bestellung %s wurde versandt."),),
        (_match("Change your address", "Adresse ändern"),),
    ]
    outputs = ["Bestellung %s wurde versandt.", "Adresse ändern"]
    changed = punctuate_copies(object(), None, [0], units, matches, outputs)  # type: ignore[arg-type]
    assert changed == {0}
    assert outputs == ["Bestellung %s wurde versandt!", "Adresse ändern"]  # line 1 not fused


@pytest.mark.parametrize(
    ("text", "output", "expected"),
    [
        # a table cell without a full stop: the match's is taken off
        ("100-240 V~, 50/60 Hz", "100-240 V~, 50/60 Hz.", "100-240 V~, 50/60 Hz"),
        ("100-240 V~, 50/60 Hz", "100-240 V~, 50/60 Hz. ", "100-240 V~, 50/60 Hz "),
        # a line that ends with a mark of its own keeps the output's
        ("100-240 V~, 50/60 Hz!", "100-240 V~, 50/60 Hz.", "100-240 V~, 50/60 Hz."),
        # a mark the match's target does not end with is the model's, not the match's
        ("100-240 V~, 50/60 Hz", "100-240 V~, 50/60 Hz?", "100-240 V~, 50/60 Hz?"),
        # an abbreviation's period is the word's
        ("Netzteil usw", "Netzteil usw.", "Netzteil usw."),
    ],
)
def test_a_line_without_final_punctuation_gets_none_from_a_match(text, output, expected):
    read = [_match("Power supply: 100-240 V~, 50/60 Hz.", "Stromversorgung: 100-240 V~, 50/60 Hz.")]
    assert without_borrowed_final(text, output, read) == expected


def test_a_fused_line_without_final_punctuation_loses_the_matchs():
    units = [Unit(0, "100-240 V~, 50/60 Hz")]
    matches = [(_match("Power supply: 100-240 V~, 50/60 Hz.", "Stromversorgung: 100-240 V~."),)]
    outputs = ["100-240 V~, 50/60 Hz."]
    changed = punctuate_copies(object(), None, [0], units, matches, outputs)  # type: ignore[arg-type]
    assert changed == {0}
    assert outputs == ["100-240 V~, 50/60 Hz"]


@pytest.mark.parametrize(
    ("source", "target"),
    [
        # coreutils' translators end a help line with a full stop its source has not: the
        # memory's convention, which the fused output keeps (the day's term test lost them)
        (
            "Echo the STRING(s).\n\n  -n   do not output the trailing newline",
            "Die ZEICHENKETTE ausgeben.\n\n  -n   Zeilenumbruch nicht ausgeben.",
        ),
        # a match of several lines: its final mark is its last line's, not this line's
        ("Print the factors.\nRead them from input.", "Faktoren ausgeben.\nEingabe lesen."),
    ],
)
def test_a_final_mark_a_memory_adds_or_another_line_ends_with_stays(source, target):
    text, output = "do not output the trailing newline", "Zeilenumbruch nicht ausgeben."
    assert without_borrowed_final(text, output, [_match(source, target)]) == output


@pytest.mark.parametrize(
    ("units", "expected"),
    [
        # one line of wrapped text: its sentence goes on below, the mark is the output's own
        ([Unit(0, "Print the factors of each NUMBER.  If none"), Unit(0, "are given, read")], "."),
        ([Unit(0, "not deleting branch '%s' that is not yet merged to"), Unit(0, "'%s'")], "."),
        # a line whose sentence ends inside it: the last mark may be that sentence's
        ([Unit(0, "Print the factors.  If none are given")], "."),
    ],
)
def test_a_line_of_several_pieces_or_sentences_keeps_its_final_mark(units, expected):
    matches = [(_match("Print the factors of each NUMBER.", "Faktoren jeder ZAHL ausgeben."),)]
    outputs = ["Faktoren ausgeben."] + ["x"] * (len(units) - 1)
    punctuate_copies(object(), None, [0], units, matches, outputs)  # type: ignore[arg-type]
    assert outputs[0].endswith(expected)
