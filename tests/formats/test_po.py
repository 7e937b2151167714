"""The PO module: a catalog's declared language, the header a translated catalog gets."""

from __future__ import annotations

from pathlib import Path

import pytest

from ltmt.errors import LanguageError
from ltmt.formats.po import read_po

HEADER = (
    'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: {language}\\n"\n'
)


def catalog(tmp_path: Path, language: str) -> Path:
    """A catalog declaring ``language`` with one translated entry."""
    path = tmp_path / "de.po"
    entry = 'msgid "Open the file"\nmsgstr "Datei öffnen"\n'
    path.write_text(HEADER.format(language=language) + "\n" + entry, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("declared", "asked"),
    [
        ("de", "de_DE"),  # a bare language serves any region asked for (it was refused)
        ("de", "de-AT"),
        ("de_DE", "de"),
        ("de_DE", "deu"),
    ],
)
def test_a_declared_language_matches_a_code_saying_more_or_less(
    tmp_path: Path, declared: str, asked: str
) -> None:
    records = list(read_po(catalog(tmp_path, declared), tgt_lang=asked))
    assert [(r.source, r.target) for r in records] == [("Open the file", "Datei öffnen")]


def test_a_declared_region_is_not_another_region(tmp_path: Path) -> None:
    with pytest.raises(LanguageError, match="de_AT"):
        list(read_po(catalog(tmp_path, "de_AT"), tgt_lang="de_DE"))


def test_each_pair_has_its_msgid_line_as_msgfmt_names_it(tmp_path: Path) -> None:
    """A PO pair said no line (``ltmt qa --json``'s ``line`` was null): it is its entry's
    ``msgid`` line, after its comments and ``msgctxt``, for each form of a plural entry."""
    path = tmp_path / "de.po"
    path.write_text(
        HEADER.format(language="de")
        + '\n# a comment\n#, c-format\nmsgid "Open %s"\nmsgstr "%s öffnen"\n'  # 6-9
        + '\n#. dev\nmsgctxt "menu"\nmsgid ""\n"Save"\nmsgstr "Speichern"\n'  # 10-15
        + '\n#~ msgid "old"\n#~ msgstr "alt"\n'  # 16-18
        + '\nmsgid "%d file"\nmsgid_plural "%d files"\nmsgstr[0] "%d Datei"\n'  # 19-22
        + 'msgstr[1] "%d Dateien"\n',
        encoding="utf-8",
    )
    records = list(read_po(path))
    assert [(r.source, r.line) for r in records] == [
        ("Open %s", 8),
        ("Save", 13),
        ("%d file", 20),
        ("%d files", 20),
    ]
