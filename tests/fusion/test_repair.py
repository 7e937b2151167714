"""Fuzzy-match repair: the input's verbatim words carried into a match, and where it stops."""

from __future__ import annotations

import pytest
from fusion_fakes import make_match
from rapidfuzz import fuzz

from ltmt.fusion.repair import bracketed_cores, repair_match
from ltmt.fusion.selection import usable_matches
from ltmt.text import normalize


def _match(source: str, target: str, text: str):  # type: ignore[no-untyped-def]
    return make_match(source, target, float(fuzz.ratio(normalize(source), normalize(text))))


@pytest.mark.parametrize(
    ("source", "target", "text", "repaired"),
    [
        (  # an error code
            "E692: Invalid operation for Lists",
            "E692: Unzulässige Operation für Listen",
            "E1153: Invalid operation for Lists",
            "E1153: Unzulässige Operation für Listen",
        ),
        (  # a command name
            "cat-file reported failure",
            "cat-file meldete Fehler",
            "mktree reported failure",
            "mktree meldete Fehler",
        ),
        (  # a placeholder
            "Processing %d files.",
            "Verarbeite %d Dateien.",
            "Processing %s files.",
            "Verarbeite %s Dateien.",
        ),
        (  # spans of different lengths: their code-like words pair up
            "E767: Too many arguments for printf()",
            "E767: Zu viele Argumente für printf()",
            "E766: Insufficient arguments for printf()",
            "E766: Zu viele Argumente für printf()",
        ),
        (  # a code-like new word finds the old one whatever its case
            "use balloon evaluation in the terminal",
            "verwende die Ballon-eval Funktion im Terminal",
            "use balloon evaluation in the GUI",
            "verwende die Ballon-eval Funktion im GUI",
        ),
        (  # an amount the target writes with its marks swapped (the legal2 trial, s75)
            "4.3 The total liability shall not exceed EUR 10,000 per claim.",
            "4.3 Die Gesamthaftung ist auf EUR 10.000 je Anspruch begrenzt.",
            "4.3 The total liability shall not exceed EUR 20,000 per claim.",
            "4.3 Die Gesamthaftung ist auf EUR 20.000 je Anspruch begrenzt.",
        ),
        (  # a decimal written with German's comma; the new number without marks
            "The filter weighs 2.5 kg.",
            "Der Filter wiegt 2,5 kg.",
            "The filter weighs 3 kg.",
            "Der Filter wiegt 3 kg.",
        ),
        (  # a version the target copies as it is: swapped verbatim, not its marks
            "Version 2.5 is out.",
            "Version 2.5 ist da.",
            "Version 2.6 is out.",
            "Version 2.6 ist da.",
        ),
    ],
)
def test_verbatim_words_are_swapped_and_the_match_rescored(source, target, text, repaired):  # type: ignore[no-untyped-def]
    match = _match(source, target, text)
    out = repair_match(match, text)
    assert out.segment.target == repaired
    assert out.score > match.score
    assert out.score == fuzz.ratio(normalize(text), normalize(out.segment.source))
    assert out.segment.id == match.segment.id and out.segment.user == match.segment.user


@pytest.mark.parametrize(
    ("source", "target", "text"),
    [
        # the old word was translated, not copied: "Option" is no copy of "option"
        ("unrecognized option: '%s'", "nicht erkannte Option: '%s'", "unrecognized pattern: '%s'"),
        # nothing in common around the swap: one word is no template for another
        ("Start", "Start", "Stop"),
        # the old word occurs twice in the target: which one to swap is unknown
        ("copy %s", "%s nach %s kopieren", "copy %d"),
        # a name the target copies is no slot for a word in lower case (a user trial)
        (
            "<strong>Upgrade</strong> to Trackly Pro to unlock time tracking.",
            "<strong>Wechseln</strong> Sie zu Trackly Pro, um die Zeiterfassung freizuschalten.",
            "Trackly keeps your team on schedule.",
        ),
        # a number whose marks swapped the target has twice: which one is unknown
        ("Pay 1,000 now.", "Zahlen Sie 1.000 jetzt, 1.000 später.", "Pay 2,000 now."),
        # a number for a word: no number's marks to swap
        ("Pay 1,000 now.", "Zahlen Sie 1.000 jetzt.", "Pay everything now."),
        # identical sources: nothing to do
        ("open the file", "die Datei öffnen", "open the file"),
    ],
)
def test_left_alone(source: str, target: str, text: str) -> None:
    match = _match(source, target, text)
    assert repair_match(match, text) is match


def test_usable_matches_repairs_unless_told_not_to() -> None:
    text = "mktree reported failure"
    match = _match("cat-file reported failure", "cat-file meldete Fehler", text)
    [repaired] = usable_matches([match], 0.0, 4, text)
    assert repaired.segment.target == "mktree meldete Fehler"
    [kept] = usable_matches([match], 0.0, 4, text, repair=False)
    assert kept is match


def test_a_match_below_the_threshold_is_not_lifted_over_it_by_a_swapped_name() -> None:
    """The user trial: scored 36 in ``memory search``, it was fused at 51.8 (min score 50)."""
    text = "Trackly keeps your team on schedule."
    match = make_match(
        "Upgrade to Trackly Pro to unlock time tracking.",
        "Wechseln Sie zu Trackly Pro, um die Zeiterfassung freizuschalten.",
        36.0,
    )
    assert usable_matches([match], 50.0, 2, text) == []


@pytest.mark.parametrize(
    ("source", "target", "text", "repaired"),
    [
        # legal2 trial: the digits were swapped, the words beside them kept the match's number
        (
            "The Customer shall pay the deposit within 30 (thirty) days.",
            "Der Kunde hat die Kaution innerhalb von 30 (dreißig) Tagen zu zahlen.",
            "The Customer shall pay the deposit within 10 (ten) days.",
            "Der Kunde hat die Kaution innerhalb von 10 (zehn) Tagen zu zahlen.",
        ),
        (
            "Either party may terminate with 3 (three) months' notice.",
            "Jede Partei kann mit einer Frist von 3 (drei) Monaten kündigen.",
            "Either party may terminate with 6 (six) months' notice.",
            "Jede Partei kann mit einer Frist von 6 (sechs) Monaten kündigen.",
        ),
        # digits the target does not hold once are not swapped: nor are its words
        (
            "Pay 30 (thirty) days after 30 days.",
            "Zahlen Sie 30 (dreißig) Tage nach 30 Tagen.",
            "Pay 10 (ten) days after 30 days.",
            "Zahlen Sie 30 (dreißig) Tage nach 30 Tagen.",
        ),
    ],
)
def test_a_number_s_words_are_swapped_with_its_digits(source, target, text, repaired):  # type: ignore[no-untyped-def]
    assert repair_match(_match(source, target, text), text).segment.target == repaired


def test_a_number_closing_a_parenthesis_is_repaired_where_its_target_writes_it_bare():
    """The pharma trial (s76): ``section 6)`` → ``section 2)`` found no ``6)`` in ``Abschnitt
    6.``; unrepaired, the fused output stopped after ``Abschnitt 2.``."""
    source = "Do not take it if you are allergic to any of its ingredients (listed in section 6)."
    target = "Nicht einnehmen, wenn Sie allergisch gegen einen der in Abschnitt 6. genannten Bestandteile sind."
    text = source.replace("section 6)", "section 2)")
    match = _match(source, target, text)
    out = repair_match(match, text)
    assert out.segment.target == target.replace("6.", "2.")
    assert out.segment.source == text and out.score == 100.0


@pytest.mark.parametrize(
    ("old", "new", "cores"),
    [
        ("6)", "2)", ("6", "2")),
        ("(E692)", "(E1153)", ("E692", "E1153")),
        ("[6]", "[2]", ("6", "2")),
        ("6)", "(2", None),  # the brackets differ: no swap of the words inside
        ("6", "2", None),  # no brackets: the word itself is looked up
        ("()", "()", None),  # nothing inside
        ("printf()", "mktree()", None),  # words, not codes: most often translated
        ("commit)", "merge)", None),
    ],
)
def test_bracketed_cores(old: str, new: str, cores: tuple[str, str] | None) -> None:
    assert bracketed_cores(old, new) == cores
