"""A .properties entry's text before its value, and the lines put in place of marks."""

from __future__ import annotations

import time

import pytest

from ltmt.formats.properties_layout import LinesAsWritten, before_value


@pytest.mark.parametrize(
    ("lines", "key", "before"),
    [
        ("greeting=Hello\n", "greeting", "greeting="),
        ("spaced : Open file\n", "spaced", "spaced : "),
        ("  indented  =  Save\n", "indented", "  indented  =  "),
        ("ws\tTab value\n", "ws", "ws\t"),
        ("key==value\n", "key", "key="),  # the second = is the value's
        ("a\\ b\\=c = x\n", "a\\ b\\=c", "a\\ b\\=c = "),  # escaped space and = in the key
        ("long = first \\\n    second\n", "long", "long = "),
        ("long = \\\n    first\n", "long", "long = "),  # the value on the next line
        ("empty.key\n", "empty.key", "empty.key"),
        ("lo\\\n  ng=x\n", "long", None),  # a key continued on the next line
        ("other=x\n", "greeting", None),  # not the key's line
        ("", "greeting", None),
    ],
)
def test_before_value(lines: str, key: str, before: str | None) -> None:
    assert before_value(lines, key) == before


@pytest.mark.parametrize("filler", ["\\", "\\ ", " ", "a\\=", " =", "\t:"])
def test_before_value_takes_linear_time_on_adversarial_lines(filler: str) -> None:
    line = filler * 50_000 + "\\\n"
    started = time.perf_counter()
    before_value(line, "key")
    assert time.perf_counter() - started < 1.0


def test_marked_lines_are_replaced_whole() -> None:
    lines = LinesAsWritten()
    text = f"# c\n{lines.mark(chr(10))}\nkey={lines.mark('key : Wert' + chr(10))}\nnext=x\n"
    assert lines.put_in(text) == "# c\n\nkey : Wert\nnext=x\n"


def test_text_without_marks_is_unchanged() -> None:
    assert LinesAsWritten().put_in("a=b\n") == "a=b\n"
