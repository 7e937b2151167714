"""Labels in title case the model copied (Settings), decoded again in lower case; names kept."""

from __future__ import annotations

import pytest

from ltmt.copied_labels import (
    as_label,
    copied,
    lowercase_words,
    lowered_label,
    mangled_words,
    target_words,
)


@pytest.mark.parametrize(
    ("line", "lowered"),
    [
        ("Settings", "settings"),
        ("Parental Controls", "parental controls"),
        ("Duration: %1$s", "duration: %1$s"),  # placeholders as written
        ("Open %S File", "open %S file"),
        ("Rate AntennaPod", "rate AntennaPod"),  # not title case: as written
        # a name, a word English writes capitalised: the line is left as it is
        ("Brian Fox", None),
        ("James Youngman", None),
        ("Dingbats", None),
        # nothing in title case
        ("settings", None),
        ("URL", None),
        ("GitHub", None),
    ],
)
def test_a_label_is_lowered_only_where_every_title_case_word_is_a_lower_case_word(
    line: str, lowered: str | None
) -> None:
    assert lowered_label(line) == lowered


def test_the_table_says_how_it_was_made_and_holds_lower_case_words() -> None:
    import gzip

    from ltmt.copied_labels import TABLE

    with gzip.open(TABLE, "rt", encoding="utf-8") as handle:
        header = [line for line in handle if line.startswith("#")]
    assert "eval/build_lowercase_words.py" in header[1]
    words = lowercase_words()
    assert {"settings", "close", "yes", "queue"} <= words
    assert not {"brian", "james", "david"} & words
    assert all(word == word.lower() for word in words)


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


def test_the_target_tables_say_how_they_were_made_and_hold_german_words() -> None:
    import gzip

    from ltmt.copied_labels import TARGET_TABLES

    with gzip.open(TARGET_TABLES["de"], "rt", encoding="utf-8") as handle:
        header = [line for line in handle if line.startswith("#")]
    assert "eval/build_target_words.py" in header[1]
    words = target_words("de")
    assert words is not None and {"typ", "einstellungen", "ja"} <= words
    assert not {"queue", "forward", "close"} & words
    assert target_words("de_AT") is words and target_words("fr") is None
