"""Key combinations: found whole, their keys named in the target language, identifiers kept."""

from __future__ import annotations

import pytest

from ltmt.key_combinations import (
    combination_spans,
    english_key_names,
    escaped_tabs,
    only_combinations,
    written,
    written_line,
)


@pytest.mark.parametrize(
    ("line", "found"),
    [
        ("Press Ctrl+S to save", ["Ctrl+S"]),
        ("Save (Ctrl+S)", ["Ctrl+S"]),
        ("Use Shift+Tab to go back", ["Shift+Tab"]),
        ("Press Ctrl + Alt + Del to log in", ["Ctrl + Alt + Del"]),
        ("Zoom in (Ctrl++) or out (Ctrl+-)", ["Ctrl++", "Ctrl+-"]),
        ("Ctrl+Shift+ArrowUp moves it up.", ["Ctrl+Shift+ArrowUp"]),
        ("CmdOrCtrl+Shift+F", ["CmdOrCtrl+Shift+F"]),
        ("Alt+Ctrl", ["Alt+Ctrl"]),  # a modifier as the key
        ("Drücken Sie Strg+S", ["Strg+S"]),  # a German target's, for fusion's matches
        ("&New\\tCtrl+N", ["Ctrl+N"]),  # after a tab written as an escape (.rc menus)
        # not a combination: a word after the +, a hyphen (vim's CTRL-A), no modifier
        ("Shift+click to change the format", []),
        ("Hit Ctrl-C to abort", []),
        ("CTRL-A increments", []),
        ("a+b and C++", []),
        ("Alt-Svc header", []),
    ],
)
def test_combinations_are_found_whole(line, found):
    assert [line[start:end] for start, end, _ in combination_spans(line, "de")] == found


@pytest.mark.parametrize(
    ("combination", "language", "expected"),
    [
        ("Ctrl+S", "de", "Strg+S"),
        ("Ctrl+Shift+Del", "de", "Strg+Umschalt+Entf"),
        ("Ctrl + Alt + Backspace", "de", "Strg + Alt + Rücktaste"),
        ("Shift+Home", "de-DE", "Umschalt+Pos1"),
        ("Alt+F4", "de", "Alt+F4"),  # named alike in German
        ("CTRL+SHIFT+T", "de", "STRG+UMSCHALT+T"),
        # a key identifier code parses (Electron's), and a language without a table: as written
        ("CmdOrCtrl+Shift+F", "de", "CmdOrCtrl+Shift+F"),
        ("Ctrl+S", "fr", "Ctrl+S"),
    ],
)
def test_keys_are_named_as_the_target_languages_keyboards_name_them(
    combination, language, expected
):
    assert written(combination, language) == expected


@pytest.mark.parametrize(
    ("line", "alone"),
    [
        ("Ctrl+Shift+1", True),
        ("Ctrl+S, Ctrl+Shift+S", True),
        ("CmdOrCtrl+/", True),
        ("Ctrl+Shift+L or Ctrl+L", False),  # "or" is a word to translate
        ("Save (Ctrl+S)", False),
        ("Save", False),
    ],
)
def test_a_line_of_combinations_alone(line, alone):
    assert only_combinations(line) is alone


def test_written_line_names_each_combinations_keys():
    assert written_line("Ctrl+S, Shift+Del", "de") == "Strg+S, Umschalt+Entf"


@pytest.mark.parametrize(
    ("line", "tabs"),
    [
        # a tab written as an escape before a line's shortcut at its end (.rc menus, session 70)
        ("&New\\tCtrl+N", ["\\t"]),
        ("&Print...\\tCtrl+Shift+P", ["\\t"]),
        ("Find &Next \\t F3", [" \\t "]),
        ("&Delete\\tDel", ["\\t"]),
        # not: words after the shortcut, words after the escape, a path
        ("&New\\tCtrl+N to create", []),
        ("Type \\t to insert a tab", []),
        ("Indent\\tText", []),
        ("C:\\temp\\F3", []),
        # a function key alone; a key alone only after a menu item's accelerator: a label's
        # key name is text (it was a column: 'Entfirm mit:\\tGeben Sie ein', session 70)
        ("Help\\tF1", ["\\t"]),
        ("Full screen\\tF11", ["\\t"]),
        ("&Home\\tHome", ["\\t"]),
        ("Confirm with:\\tEnter", []),
        ("Location:\\tHome", []),
        ("Position:\\tEnd", []),
        ("Tom && Jerry\\tHome", []),  # a literal ampersand marks no key
        ("Set\\tF25", []),
    ],
)
def test_an_escaped_tab_before_a_shortcut(line: str, tabs: list[str]) -> None:
    assert [line[start:end] for start, end in escaped_tabs(line)] == tabs


def test_a_german_key_name_with_a_digit_reads_as_the_sources_english():
    """``Strg+Pos1`` for ``Ctrl+Home``: the number check found a 1 the source lacks."""
    assert english_key_names("Strg+Pos1 oder <kbd>Pos1</kbd>", "Ctrl+Home or Home") == (
        "Strg+Home oder <kbd>Home</kbd>"
    )
    assert english_key_names("Strg+Pos1", "Ctrl+End") == "Strg+Pos1"  # no Home in the source
    assert english_key_names("Position1", "Home") == "Position1"  # a word, not the key
