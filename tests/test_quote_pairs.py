"""Quotations whose two marks are of two kinds, found and made one pair."""

from __future__ import annotations

import time

import pytest

from ltmt.quote_pairs import closing_mark, mixed_pairs, paired_again


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a fused output: the model's opening mark, a match's closing one (session 72)
        ("Die Notiz »{{title}}“ fehlt.", ["»{{title}}“"]),
        ("„%s” und »%d»", ["„%s”", "»%d»"]),
        ("»a“ b\n„c«", ["»a“", "„c«"]),  # each line apart
        # one pair each: German's, Switzerland's, English's, nested, side by side
        ("„Hallo“", []),
        ("«Grüezi»", []),
        ("“Hello”", []),
        ("»Er sagte „ja“.«", []),
        ("»x«„y“", []),
        # straight marks are left out (they nest inside the others)
        ('»%s -c "help set"«', []),
        ('»%s"', []),
        # a line with an odd number of marks: a quotation that runs on (a lone mark)
        ("»a“ »b", []),
        ("„a“ b“", []),
        # marks inside a tag or JSON are theirs
        ('<a title="»x“">Link</a>', []),
    ],
)
def test_mixed_pairs(text: str, expected: list[str]) -> None:
    assert [text[a : b + 1] for a, b in mixed_pairs(text)] == expected


@pytest.mark.parametrize(
    ("source", "output", "language", "expected"),
    [
        (
            'The note "{{title}}" is gone.',
            "Die Notiz »{{title}}“ fehlt.",
            "de",
            "Die Notiz »{{title}}« fehlt.",
        ),
        ('Type "%s".', "„%s” eingeben.", "de-AT", "„%s“ eingeben."),
        ('Type "%s".', "«%s“ eingeben.", "de_CH", "«%s» eingeben."),
        ('Type "%s".', "»%s» eingeben.", "de", "»%s« eingeben."),
        # an English opening mark: which pair was meant is not known (qa says it)
        ('Type "%s".', "“%s« eingeben.", "de", "“%s« eingeben."),
        # Swedish writes »...»; a language other than German is left as it is
        ('Type "%s".', "Skriv »%s».", "sv", "Skriv »%s»."),
        # the source's own pair of two kinds is copied as it is
        ("Open »%s“ now.", "»%s“ jetzt öffnen.", "de", "»%s“ jetzt öffnen."),
        ('Type "%s".', "»%s« eingeben.", "de", "»%s« eingeben."),
    ],
)
def test_paired_again(source: str, output: str, language: str, expected: str) -> None:
    assert paired_again(source, output, language) == expected


def test_closing_mark() -> None:
    assert [closing_mark(mark) for mark in "»«„“"] == ["«", "»", "“", "”"]


def test_many_marks_are_paired_in_linear_time() -> None:
    text = ("»a“ „b« " * 20_000) + "\n" + "„" * 40_001
    started = time.perf_counter()
    assert len(mixed_pairs(text)) == 40_000
    assert paired_again("x", text, "de").count("«") == 20_000
    assert time.perf_counter() - started < 5
