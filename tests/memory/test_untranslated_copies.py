"""Which copied pairs an import names as their source maybe left untranslated."""

from __future__ import annotations

import time

import pytest

from ltmt.memory.untranslated_copies import (
    _SENTENCE_END,
    UNTRANSLATED_COPY,
    untranslated_copies,
    untranslated_copy,
)
from ltmt.segments import PairRecord

# Moodle's help text that po2php wrote as the German, read back by php2po (session 72)
MOODLE_HELP = (
    "If enabled, the time limit is stated on the initial quiz master page and a countdown "
    "timer is displayed in the quiz navigation block."
)


@pytest.mark.parametrize(
    "text",
    [
        MOODLE_HELP,
        "The minimum grade required to pass. This is used when determining whether a student "
        "has completed the activity.",
        "You do not have permission to view this quiz master because your role does not allow it.",
        "Allow students to review their attempts after the quiz master is closed.",
        "<p>Allow students to review their attempts after the quiz master is closed.</p>",
    ],
)
def test_prose_left_untranslated_is_a_copy_to_skip(text: str) -> None:
    assert untranslated_copy(text, text)


@pytest.mark.parametrize(
    "text",
    [
        # what a translator copies on purpose (session 71's reverted skip dropped these)
        "Trackly",
        "OK",
        "E-Mail",
        "GitHub Actions",
        "Terms of Service",
        "Live Chat",
        "https://example.com/docs/getting-started",
        "npm run build",
        'git commit -m "Fix the login bug"',
        "Ctrl+Shift+F",
        "Just do it.",
        "Think different.",
        "Made with love in Berlin.",
        "Copyright © 2026 Acme GmbH. All rights reserved.",
        "%s: %d of %d files",
        # code that reads as no language surely, though it has words and a stop
        "Run npm install and then npm run build to compile all the assets.",
        "SELECT id, name FROM users WHERE active = 1 ORDER BY name.",
        # prose, but no sentence: no stop at its end
        "Allow students to review their attempts after the quiz master is closed",
    ],
)
def test_what_is_copied_on_purpose_is_stored(text: str) -> None:
    assert not untranslated_copy(text, text)


def test_only_the_source_copied_is_a_copy() -> None:
    german = (
        "Wenn aktiviert, wird die Zeitbegrenzung auf der ersten Seite angezeigt und ein "
        "Countdown im Navigationsblock eingeblendet."
    )
    assert not untranslated_copy(MOODLE_HELP, german)
    assert untranslated_copy(f"  {MOODLE_HELP}\n", MOODLE_HELP)  # edge whitespace aside


def test_prose_of_another_language_than_the_source_is_no_copy_to_skip() -> None:
    """A German sentence copied in a German → English memory's file reads as German."""
    assert not untranslated_copy(MOODLE_HELP, MOODLE_HELP, src_lang="de")


def test_the_copies_positions_are_returned() -> None:
    records = [
        PairRecord("Back to course", "Zurück zum Kurs", "de.po: entry 1"),
        PairRecord("OK", "OK", "de.po: entry 2"),
        PairRecord(MOODLE_HELP, MOODLE_HELP, "de.po: entry 3"),
        PairRecord(MOODLE_HELP, MOODLE_HELP, "de.po: entry 4", unpaired="fuzzy"),
    ]
    assert untranslated_copies(records) == ["de.po: entry 3"]
    assert UNTRANSLATED_COPY == "untranslated: the translation is the source"


@pytest.mark.parametrize(
    "adversarial",
    [
        ".'" * 50_000 + "x",
        "." + "'" * 100_000 + "x",
        ".</a" * 50_000,
        ".</a>" * 40_000 + "x",
        "!" * 100_000 + "x",
        "." + ")" * 50_000 + "</b>" * 20_000 + "<",
    ],
    ids=[
        "stops-and-quotes",
        "one-long-quote-run",
        "unclosed-tags",
        "tags-then-text",
        "stops",
        "mixed",
    ],
)
def test_the_sentence_end_cannot_backtrack_for_long(adversarial: str) -> None:
    started = time.perf_counter()
    assert _SENTENCE_END.search(adversarial) is None
    assert time.perf_counter() - started < 0.5
