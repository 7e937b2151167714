"""A PO string's C escapes: read as the characters they stand for, written back as escapes."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from ltmt.formats.documents import open_document
from ltmt.formats.pipeline import translate_file
from ltmt.formats.po import read_po, write_po
from ltmt.segments import PairRecord


def _german(texts: list[str], prefer: list[dict] | None = None) -> list[str]:
    return [f"{text} (de)" for text in texts]


CATALOG = (
    'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
    'msgid "Ring the bell now\\a"\nmsgstr ""\n\n'
    'msgid "\\033[1mWarning:\\033[0m disk \\x41\\b\\f\\v full"\nmsgstr ""\n'
)


def test_every_escape_is_read_as_its_character_and_written_back(tmp_path: Path) -> None:
    """translate-toolkit read ``\\a`` as ``a`` and ``\\033`` as ``033``: the bell and the
    terminal's escape were lost to the model and to the output."""
    source = tmp_path / "c.po"
    source.write_text(CATALOG, "utf-8")
    assert [u.source for u in open_document(source).units()] == [
        "Ring the bell now\a",
        "\x1b[1mWarning:\x1b[0m disk A\b\f\v full",
    ]
    out = tmp_path / "de.po"
    translate_file(source, out, _german, tgt_lang="de")
    written = out.read_text("utf-8")
    assert 'msgstr "Ring the bell now\\a (de)"' in written
    assert 'msgstr "\\033[1mWarning:\\033[0m disk A\\b\\f\\v full (de)"' in written
    assert 'msgid "Ring the bell now\\a"' in written  # the sources as they were


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("Press \\1234 to go", "Press S4 to go"),  # \123 is "S", then the digit 4
        ("Code \\0123 here", "Code \n3 here"),  # \012 is a line break, then 3
        ("Ring\\7 now", "Ring\a now"),  # one digit is an octal byte too
    ],
)
def test_an_octal_escape_is_three_digits_at_most(tmp_path: Path, written: str, read: str) -> None:
    """A c-format entry's ``\\1234`` is C's ``\\123`` and ``4``: the reader makes it the
    character ``S`` and the digit, which the model translates as text and which is written back
    as a character, so nothing of it is a placeholder to lose."""
    source = tmp_path / "c.po"
    source.write_text(
        CATALOG.split("\n\n")[0] + f'\n\n#, c-format\nmsgid "{written}"\nmsgstr ""\n', "utf-8"
    )
    assert [u.source for u in open_document(source).units()] == [read]
    out = tmp_path / "de.po"
    translate_file(source, out, _german, tgt_lang="de")
    assert f'msgid "{written}"' in out.read_text("utf-8")  # the source as it was


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="needs GNU gettext's msgfmt")
def test_gettext_reads_the_escapes_written(tmp_path: Path) -> None:
    source = tmp_path / "c.po"
    source.write_text(CATALOG, "utf-8")
    out = tmp_path / "de.po"
    translate_file(source, out, _german, tgt_lang="de", mark_fuzzy=False)
    done = subprocess.run(
        ["msgfmt", "-c", "-o", str(tmp_path / "de.mo"), str(out)], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    pairs = [(r.source, r.target) for r in read_po(out)]
    assert ("Ring the bell now\a", "Ring the bell now\a (de)") in pairs


WINDOWS_PATH = r"Use ``C:\Users\name\widgets`` on Windows"


def _written(tmp_path: Path, source: str, target: str) -> str:
    out = tmp_path / "de.po"
    write_po(out, [PairRecord(source, target, "test", {})], tgt_lang="de")
    return out.read_text("utf-8")


def test_an_escaped_backslash_before_n_is_no_line_break(tmp_path: Path) -> None:
    """translate-toolkit's wrapper broke ``C:\\\\Users\\\\name`` into ``"C:\\\\Users\\\\n"`` and
    ``"ame"``, reading the escaped backslash and ``n`` as a line break."""
    written = _written(tmp_path, WINDOWS_PATH, WINDOWS_PATH + " (de)")
    assert 'msgid "Use ``C:\\\\Users\\\\name\\\\widgets`` on Windows"\n' in written
    assert 'msgstr "Use ``C:\\\\Users\\\\name\\\\widgets`` on Windows (de)"\n' in written


UNBROKEN = "sha256:" + "0123456789abcdef" * 5  # (no place to break a line in it)


def test_a_string_with_nowhere_to_break_stays_on_its_keyword_line(tmp_path: Path) -> None:
    """A word longer than the line was written under an empty ``msgid ""``, where msgcat keeps
    it on the keyword's line: a catalog ltmt wrote changed at every ``msgcat`` run."""
    written = _written(tmp_path, UNBROKEN, UNBROKEN)
    assert f'msgid "{UNBROKEN}"\nmsgstr "{UNBROKEN}"\n' in written


@pytest.mark.skipif(shutil.which("msgcat") is None, reason="needs GNU gettext's msgcat")
@pytest.mark.parametrize(
    "target",
    [
        WINDOWS_PATH,
        "A long sentence past the seventy-nine columns of gettext, with C:\\new\\name in it and "
        "more words after it.\nA second line\\n",
        'Tabs\tand "quotes" and \\ ' * 5,
        UNBROKEN,
        "x" * 75,
        "y" * 66 + " words",
    ],
)
def test_entries_written_are_wrapped_as_msgcat_wraps_them(tmp_path: Path, target: str) -> None:
    written = _written(tmp_path, "Source", target)
    done = subprocess.run(["msgcat", str(tmp_path / "de.po")], capture_output=True, text=True)
    assert done.stdout == written


# msgcat's (GNU gettext 0.21) lines for long translations: a URL broken after its "?" and after
# a full stop of its host name, Japanese between two kana (never before a small one), Chinese
# that fits in its characters but not in its columns under an empty first line
MSGCAT_WRAPPED = [
    (
        "Die Dokumentation unter http://www.example.org/wiki/Special:Search?search=translation"
        "+memory&go=Go liegt bereit.",
        'msgstr ""\n'
        '"Die Dokumentation unter http://www.example.org/wiki/Special:Search?"\n'
        '"search=translation+memory&go=Go liegt bereit."\n',
    ),
    (
        "Siehe unsere Hilfe: Die Seite unter https://docs.example.com/de/latest/index.html "
        "erklärt es.",
        'msgstr ""\n'
        '"Siehe unsere Hilfe: Die Seite unter https://docs.example.com/de/latest/index."\n'
        '"html erklärt es."\n',
    ),
    (
        "ファイルを開くときにエラーが発生しました。ファイルが存在すること、およびファイルを読み取る"
        "ための十分な権限があることを確認してください。",
        'msgstr ""\n'
        '"ファイルを開くときにエラーが発生しました。ファイルが存在すること、およびファ"\n'
        '"イルを読み取るための十分な権限があることを確認してください。"\n',
    ),
    (
        "请检查文件是否存在，以及您是否有足够的权限读取该文件和目录。请稍后再试。",  # noqa: RUF001
        'msgstr ""\n"请检查文件是否存在，以及您是否有足够的权限读取该文件和目录。请稍后再试。"\n',  # noqa: RUF001
    ),
]


@pytest.mark.parametrize(("target", "expected"), MSGCAT_WRAPPED)
def test_urls_and_cjk_are_wrapped_where_msgcat_wraps_them(
    tmp_path: Path, target: str, expected: str
) -> None:
    """ltmt broke a URL only after a "/" (``wiki/`` / ``Special:Search?...``), Japanese before
    ``ファイル`` with room left on the line, and wrote a Chinese string of 76 columns on its
    keyword's line (84 columns): each changed at the next ``msgcat`` run."""
    assert f'msgid "Source"\n{expected}' in _written(tmp_path, "Source", target)
