"""A translated plain-text file read as pairs beside its source file, line by line."""

from __future__ import annotations

from pathlib import Path

import pytest

from ltmt.errors import InputError
from ltmt.formats.pairs import read_translations
from ltmt.formats.text_pairs import read_text_pairs


def test_lines_pair_one_by_one_and_blank_ones_are_no_pairs(tmp_path: Path) -> None:
    source = tmp_path / "in.txt"
    target = tmp_path / "out.txt"
    source.write_text("\ufeffOpen %s\r\n\r\nSave the file\r\nQuit\r\n", "utf-8")
    target.write_text("%s öffnen\n\nDatei speichern\n\n", "utf-8")
    records = list(read_text_pairs(target, source_file=source))
    assert [(r.source, r.target, r.position) for r in records] == [
        ("Open %s", "%s öffnen", f"{target}:1"),  # the path as given, not out.txt:1
        ("Save the file", "Datei speichern", f"{target}:3"),
        ("Quit", "", f"{target}:4"),  # untranslated
    ]
    # through the registry, as memory import and qa read it (a corpus's .de beside its .en)
    corpus = tmp_path / "corpus.de"
    corpus.write_text(target.read_text("utf-8"), "utf-8")
    assert len(list(read_translations(corpus, "txt", source_file=source))) == 3


def test_a_dos_end_of_file_mark_is_no_line_to_pair(tmp_path: Path) -> None:
    """A final Ctrl-Z was a third line: "out.txt has 3 lines but in.txt has 2"."""
    source, target = tmp_path / "in.txt", tmp_path / "out.txt"
    source.write_text("Open\r\nSave\r\n", "utf-8")
    target.write_text("Öffnen\r\nSpeichern\r\n\x1a", "utf-8")
    records = list(read_text_pairs(target, source_file=source))
    assert [(r.source, r.target) for r in records] == [("Open", "Öffnen"), ("Save", "Speichern")]


@pytest.mark.parametrize(
    ("source_lines", "message"),
    [
        (None, r"out.txt: a plain-text file holds one language; give the source-language file "),
        ("a\n", r"out.txt has 2 lines but in.txt has 1; a translation pairs with its source line "),
    ],
)
def test_what_cannot_be_paired_says_why(
    tmp_path: Path, source_lines: str | None, message: str
) -> None:
    target = tmp_path / "out.txt"
    target.write_text("x\ny\n", "utf-8")
    source = tmp_path / "in.txt"
    if source_lines is not None:
        source.write_text(source_lines, "utf-8")
    with pytest.raises(InputError, match=message):
        list(read_text_pairs(target, source_file=source if source_lines is not None else None))
