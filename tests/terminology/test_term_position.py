"""A glossary target tacked on at the end of an output, away from where its source has it."""

from __future__ import annotations

import pytest

from ltmt.terminology.matching import TermMatcher
from ltmt.terminology.term_position import (
    leftover_words,
    leftovers,
    past_closing_placeholder,
    tacked_on,
)
from ltmt.terminology.terms import Term

MATCHER = TermMatcher(
    [
        *(Term("Pro", "Pro"), Term("commit", "Commit"), Term("upgrade", "upgraden")),
        Term("Stamina", "Stamina"),
    ]
)


@pytest.mark.parametrize(
    ("source", "output", "expected"),
    [
        ("Upgrade to Pro today.", "Heute Upgrade neu starten Pro.", ["Pro"]),
        ("failed to write commit object", "Fehler beim Schreiben des Objekts Commit", ["commit"]),
        ("Upgrade to Pro today.", "Upgraden Sie heute auf Pro.", []),  # after a preposition
        ("Upgrade to Pro today.", "Heute auf Pro upgraden.", []),  # not last
        ("Get Pro", "Holen Sie sich Pro", []),  # the source ends on the term too
        ("Pro users get Pro support", "Pro-Nutzer erhalten Support von Pro", []),  # not only there
        ("You can upgrade today", "Sie können heute upgraden", []),  # a verb ends its clause
        # a sentence of its own after the output's end, though the source ends on the term
        ("Dodging costs stamina.", "Dodging kosten-Samina. Stamina.", ["Stamina"]),
        ("Rest. Stamina returns.", "Ruhe. Stamina kehrt zurück.", []),  # not last
        ("Rest. Stamina!", "Ruhe. Stamina!", []),  # the source's sentence too
    ],
)
def test_a_target_tacked_on_at_the_end(source: str, output: str, expected: list[str]):
    found = tacked_on(source, output, MATCHER.find(source))
    assert [hit.term.source for hit in found] == expected


# an e-mail template's trial (session 68), glossary workspace -> Workspace
BLOCK = "{{#if paid}}We will charge you.{{else}}Add a card to keep your workspace.{{/if}}"
BLOCK_OUT = (
    "{{#if paid}}Wir buchen ab.{{else}}Karte angeben, um den Arbeitsfläche zu erhalten.{{/if}}"
)


@pytest.mark.parametrize(
    ("source", "output", "past"),
    [
        (BLOCK, BLOCK_OUT + " Workspace zu erhalten", "Workspace zu erhalten"),
        (BLOCK, BLOCK_OUT, ""),
        # a link the model moved: its closing tag is no block (regression trial rege68)
        ("Read <a>the docs</a>", "Lies <a>die Doku</a> noch", ""),
        (
            'Invite your team to the workspace from <a href="/team">the team page</a>.',
            'Geben Sie Ihr <a href="/team">Team</a> zur Workspace von der Mannschaftsseite ein.',
            "",
        ),
        (
            "{% if x %}Keep your workspace.{% endif %}",
            "{% if x %}Ja.{% endif %} Workspace",
            "Workspace",
        ),
        # the tag the model gets for {{/if}} (ltmt.pictographs.set_aside), after a full stop
        ("<x1/>Keep your workspace.<x2/>", "<x1/>Behalte ihn.<x2/> Workspace", "Workspace"),
        ("Delete {{ name }}", "{{ name }} löschen", ""),  # German's verb after a field
        ("Delete <x/>", "<x/> löschen", ""),
        ("Saved. {{/if}} Done", "Gespeichert. {{/if}} Fertig", ""),  # the source's words after
    ],
)
def test_words_past_the_closing_block_its_source_ends_in(source: str, output: str, past: str):
    assert past_closing_placeholder(source, output) == past


def test_a_target_past_the_closing_block_is_tacked_on() -> None:
    matcher = TermMatcher([Term("workspace", "Workspace")])
    output = BLOCK_OUT + " Workspace zu erhalten"
    assert [hit.term.source for hit in tacked_on(BLOCK, output, matcher.find(BLOCK))] == [
        "workspace"
    ]


def test_a_target_before_a_link_the_model_moved_is_not_tacked_on() -> None:
    matcher = TermMatcher([Term("workspace", "Workspace")])
    source = 'Invite your team to the workspace from <a href="/team">the team page</a>.'
    output = 'Geben Sie Ihr <a href="/team">Team</a> zur Workspace von der Mannschaftsseite ein.'
    assert tacked_on(source, output, matcher.find(source)) == []


LEGAL = TermMatcher(
    [
        Term("Disclosing Party", "offenlegende Partei"),
        Term("Receiving Party", "empfangende Partei"),
        Term("sign in", "anmelden"),
    ]
)
BY_THE = "by the Disclosing Party to the Receiving Party, whether"


@pytest.mark.parametrize(
    ("source", "output", "expected"),
    [
        # a part of an English word joined to the target, the English word beside it
        (
            BY_THE,
            "von der offenlegende Partei-zeiving Party in die empfangende Partei, ob",
            ["Disclosing Party"],
        ),
        (
            BY_THE,
            "von der offenlegenden Partei Party in die empfangende Partei, ob",
            ["Disclosing Party"],
        ),
        (
            BY_THE,
            "von der Rezeiving offenlegende Partei in die empfangende Partei",
            ["Disclosing Party"],
        ),
        ("Sign in", "Anmelden in", ["sign in"]),  # the particle of a phrasal verb, at the end
        (BY_THE, "von der offenlegenden Partei an die empfangende Partei, ob", []),
        ("Sign in", "Anmelden", []),
        ("Sign in to Acme", "Bei Acme anmelden", []),  # a name the input writes
        ("Sign in to your account", "Melden Sie sich in Ihrem Konto an", []),  # no target
    ],
)
def test_a_target_beside_a_leftover_of_the_models_words(source, output, expected):
    found = leftovers(source, output, LEGAL.find(source))
    assert [hit.term.source for hit in found] == expected


GIT = TermMatcher(
    [
        Term("branch", "Branch"),
        Term("repository", "Repository"),
        Term("workspace", "Arbeitsbereich"),
    ]
)


@pytest.mark.parametrize(
    ("source", "output"),
    [
        # German function words the word table lacks (English writes them alike): no leftover
        (
            "Push the branch into the remote repository.",
            "Bleiben Sie den Branch in das entlegene Repository.",
        ),
        ("Move the repository into another workspace.", "Das Repository in einen Bereich."),
        ("The workspace is so fast.", "Der Arbeitsbereich so schnell."),
    ],
)
def test_a_german_function_word_beside_a_target_is_no_leftover(source: str, output: str):
    assert leftovers(source, output, GIT.find(source)) == []


@pytest.mark.parametrize(
    ("output", "expected"),
    [
        ("Cursor-Position unter jedem Fenster anzeigen", []),  # a word German shares with English
        ("Cursor-Sition unter jedem Fenster anzeigen", ["cursor"]),  # half written
    ],
)
def test_a_compound_placed_for_a_term_is_no_leftover(output, expected):
    source = "show cursor position below each window"
    found = leftovers(source, output, TermMatcher([Term("cursor", "Cursor")]).find(source))
    assert [hit.term.source for hit in found] == expected


@pytest.mark.parametrize(
    ("output", "words"),
    [
        ("Nahr Tabs nach dem Speichern", ["Nahr"]),  # tabsaver trial: the leftover named
        ("Tabs nach dem Speichern schließen", []),
    ],
)
def test_the_leftover_word_is_named(output, words):
    matcher = TermMatcher([Term("tab", "Tab")])
    source = "Close tabs after saving"
    assert leftover_words(source, output, matcher.find(source)) == words


@pytest.mark.parametrize(
    ("source", "output"),
    [
        # an ICU plural's case ('# button on this page') goes to the model with %d for its #:
        # the d was named a leftover (icu-min.json, a design-system trial)
        ("%d button on this page", "%d Schaltfläche auf dieser Seite"),
        ("%d buttons on this page", "%d Schaltflächen auf dieser Seite"),
        ("Button %s", "Schaltfläche %s"),
    ],
)
def test_a_placeholders_letters_beside_a_target_are_no_leftover(source: str, output: str):
    matcher = TermMatcher([Term("Button", "Schaltfläche")])
    assert leftover_words(source, output, matcher.find(source)) == []


ESTOP = TermMatcher(
    [Term("emergency stop button", "Not-Halt-Taster"), Term("emergency stop", "Not-Halt")]
)


@pytest.mark.parametrize(
    ("output", "words"),
    [
        # trial s72 tbx: 'Taster' of the other term's target was a leftover of Not-Halt's
        ("Drücken Sie den Not-Halt-Taster. Der Not-Halt trennt die Maschine nicht.", []),
        ("Drücken Sie den Not-Halt-Taster. Der Not-Halt-Stopzeiv trennt nichts.", ["Stopzeiv"]),
    ],
)
def test_a_target_inside_another_terms_longer_target_has_no_leftover(output, words):
    source = "Press the emergency stop button. The emergency stop does not disconnect it."
    assert leftover_words(source, output, ESTOP.find(source)) == words
