"""Labels in title case the model copied (Settings), decoded again in lower case; names kept."""

from __future__ import annotations

import pytest

from ltmt.copied_labels import as_label, copied, mangled_words
from ltmt.word_tables import target_words


@pytest.mark.parametrize(
    ("text", "line", "expected"),
    [
        ("einstellungen", "Settings", "Einstellungen"),
        ("ja", "Yes", "Ja"),
        ("%s öffnen", "Open %s", "%s Öffnen"),  # the first letter outside placeholders
        ("öffnen", "%s open", "öffnen"),
        ("öffnen", "open", "öffnen"),
    ],
)
def test_the_translation_gets_the_lines_first_capital(text: str, line: str, expected: str) -> None:
    assert as_label(text, line) == expected


def test_copied_ignores_case_and_spaces() -> None:
    assert copied("Settings", " settings ")
    assert not copied("Settings", "Einstellungen")
    # the model writes a plain space for a no-break one (Firefox's "Learn\u00a0More")
    assert copied("Learn\u00a0More", "Learn More")
    # a sign set apart is still a copy (Qt's "&Open..." came back "&Open ...")
    assert copied("Open...", "Open ...")
    assert copied("&Open...", "& Open ...")
    assert not copied("Open...", "Öffnen ...")
    assert not copied("Log out", "Logout")


@pytest.mark.parametrize(
    ("text", "line", "mangled"),
    [
        ("Quue", "Queue", ["quue"]),  # nearly the English word
        ("Subcribe", "Subscribe", ["subcribe"]),
        ("Spm", "Spam", ["spm"]),
        # an English word written again as it is: German keeps some (PIN, Push, Reset)
        ("Ungültiger PIN", "Bad PIN", []),
        ("Schnell-forward", "Fast-forward", []),
        ("Beispiel: 2006-08-14T02:34", "Example: 2006-08-14T02:34", []),
        # German words, like the English ones or not
        ("Typ", "Type", []),
        ("Lizenzen", "Licenses", []),
        ("Synchronisation", "Synchronization", []),
        ("Einstellungen", "Settings", []),
        # a name is no English word of the table: written again, it is no fault
        ("AntennaPod bewerten", "Rate AntennaPod", []),
        ("%s öffnen", "Open %s", []),  # placeholders are not words
    ],
)
def test_a_translation_that_misspells_an_english_word_is_found(
    text: str, line: str, mangled: list[str]
) -> None:
    assert mangled_words(text, line, target_words("de") or frozenset()) == mangled
