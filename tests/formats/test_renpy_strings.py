"""Ren'Py's string literals and say statements (:mod:`ltmt.formats.renpy_strings`)."""

from __future__ import annotations

import pytest

from ltmt.formats.renpy_strings import say_string, unescaped, written


@pytest.mark.parametrize(
    ("line", "words"),
    [
        ('    e "Hello!"', "Hello!"),
        ('"The gate was locked."', "The gate was locked."),
        ('    e happy @ angry "Hi."', "Hi."),
        ('    m "Gone!" with vpunch', "Gone!"),
        ('    e "Wait." nointeract', "Wait."),
        ('    e "Red." (what_color="#f00")', "Red."),
        ('    "Eileen" "Hello"', "Hello"),  # a speaker named by a string
        ("    e 'It\\'s me.'", "It\\'s me."),
        ('    extend " never mind."', " never mind."),
        ('    e ""', ""),
    ],
)
def test_a_say_statements_words_are_its_string(line, words):
    found = say_string(line)
    assert found is not None and found.raw == words
    assert line[found.start : found.end] == words


@pytest.mark.parametrize(
    "line",
    [
        '    voice "voice/e_0012.ogg"',
        '    play music "theme.ogg"',
        '    show text "Chapter 1"',
        '    $ name = "Eileen"',
        "    nvl clear",
        '    e = Character("Eileen")',
        '    "a" "b" "c"',
        '    e """Hello"""',
        '    e "unclosed',
    ],
)
def test_other_statements_have_no_words_to_translate(line):
    assert say_string(line) is None


@pytest.mark.parametrize(
    ("raw", "text"),
    [
        ('She said \\"run\\".', 'She said "run".'),
        ("Line one\\nLine two", "Line one\nLine two"),
        ("A \\\\ backslash", "A \\ backslash"),
        ("\\{b} and \\[x] at 20\\%", "{{b} and [[x] at 20%%"),  # the text's own escapes
        ("{{b} [[x] 20%%", "{{b} [[x] 20%%"),  # kept: the placeholders' to keep
    ],
)
def test_a_literals_text_is_what_renpy_reads(raw, text):
    assert unescaped(raw) == text


@pytest.mark.parametrize("quote", ['"', "'"])
def test_a_text_is_written_back_as_a_literal_of_its_quote(quote):
    text = 'Er sagte "Lauf" \\ und\'s\nweiter'
    inside = written(text, quote)
    assert "\n" not in inside
    assert unescaped(inside) == text
    assert f"{quote}{inside}{quote}".count(quote) - inside.count("\\" + quote) == 2
