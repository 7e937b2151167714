"""Ruby's format strings as msgfmt -c reads them: their arguments, by name or number."""

from __future__ import annotations

import pytest

from ltmt.formats.ruby_format import Arguments, RubyFormatError, arguments


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("You have %<count>d unread", Arguments(True, {"count": "int"})),
        ('"%{title}" due %<at>.2f', Arguments(True, {"title": "string", "at": "float"})),
        ("%-10{a} %<b>-5p %<c>x", Arguments(True, {"a": "string", "b": "object", "c": "int"})),
        ("%s of %d, 100%% and %5%", Arguments(False, {"1": "string", "2": "int"})),
        ("%2$d von %1$s", Arguments(False, {"2": "int", "1": "string"})),
        ("%*d", Arguments(False, {"1": "int", "2": "int"})),
        ("no directive", Arguments(False, {})),
    ],
)
def test_arguments(text: str, expected: Arguments) -> None:
    assert arguments(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("100 % von %{x}", r"invalid directive at '% von ' \(write '%%' for a percent sign\)"),
        ("%{x} fertig %", "invalid directive at '%'"),
        ("%<count", "invalid directive"),
        ("%<a>d %s", "named and unnamed arguments mixed"),
        ("%s %1$d", "numbered and unnumbered arguments mixed"),
    ],
)
def test_what_is_no_ruby_format_string(text: str, message: str) -> None:
    with pytest.raises(RubyFormatError, match=message):
        arguments(text)
