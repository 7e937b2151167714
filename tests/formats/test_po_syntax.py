"""PO syntax msgfmt rejects and translate-toolkit read without complaint: one-line errors."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from ltmt.errors import InputError
from ltmt.formats.documents import open_document
from ltmt.formats.po import read_po

HEADER = 'msgid ""\nmsgstr ""\n"Language: de\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'

# (entries after HEADER, the error's position and words): msgfmt rejects every one
DAMAGED = [
    (
        'msgid "Click "Save" to keep the note."\nmsgstr "Klicken Sie auf Speichern."\n',
        r"c\.po:6:14: a '\"' ends the string before the line does, which msgfmt rejects; "
        r"write a '\"' inside a string as \\\"",
    ),
    (
        'msgid "Save"\nmsgstr "Klicken Sie auf "Speichern"."\n',
        r"c\.po:7:25: a '\"' ends the string",
    ),
    (
        'msgid "Open the \\q file"\nmsgstr ""\n',
        r"c\.po:6:18: invalid escape '\\q' in a string, which msgfmt rejects; write a "
        r"backslash as \\\\",
    ),
    ('msgid "Tab\\xZ"\nmsgstr ""\n', r"c\.po:6:13: invalid escape '\\x'"),
    ('msgid "Open"\nmsgstr ""\n"more \\\'"\n', r"c\.po:8:8: invalid escape '\\''"),
    ('#~ msgid "Old \\e"\n#~ msgstr "Alt"\n', r"c\.po:6:16: invalid escape '\\e'"),
    ('#| msgid "Old \\e"\nmsgid "New"\nmsgstr ""\n', r"c\.po:6:16: invalid escape '\\e'"),
    (
        'msgid "Ends in a quote\\"\nmsgstr ""\n',
        r"c\.po:6:25: the string has no closing '\"' on its line, which msgfmt rejects",
    ),
    (
        'msgid "Save"\nmsgstr ""\n\n#: a.c:2\nmsgid "Save"\nmsgstr "Sichern"\n',
        r"c\.po:10: a message defined twice \(first on line 6\), which msgfmt rejects; delete "
        "one, or give them different msgctxt",
    ),
    (
        'msgctxt "menu"\nmsgid "%d file"\nmsgid_plural "%d files"\nmsgstr[0] ""\nmsgstr[1] ""\n\n'
        'msgctxt "menu"\nmsgid "%d file"\nmsgstr ""\n',
        r"c\.po:13: a message defined twice \(first on line 7\)",
    ),
    ('msgid "Save"\nmsgstr ""\n\n#~ msgid "Save"\n#~ msgstr "Sichern"\n', r"c\.po:9: a message"),
]

# what msgfmt reads: every escape C has, a comment after a msgstr, one message in two contexts
# (none and an empty one are two), an obsolete entry
VALID = (
    'msgid "\\a\\b\\f\\n\\r\\t\\v\\\\\\"\\0\\177\\x1b"\nmsgstr ""\n\n'
    'msgid "Save"\nmsgstr ""  # a comment\n\n'
    'msgctxt ""\nmsgid "Save"\nmsgstr ""\n\n'
    'msgctxt "menu"\nmsgid "Save"\nmsgstr ""\n\n'
    '#~ msgid "Open"\n#~ msgstr "Öffnen"\n'
)


@pytest.mark.parametrize(("entries", "message"), DAMAGED)
def test_damaged_catalogs_are_one_line_errors(tmp_path: Path, entries: str, message: str) -> None:
    """translate-toolkit read an inner '"' as part of the string, '\\q' as 'q' and kept a
    message defined twice: translate and memory import went on with a damaged catalog."""
    path = tmp_path / "c.po"
    path.write_text(HEADER + entries, "utf-8")
    with pytest.raises(InputError, match=message) as raised:
        open_document(path)
    assert "\n" not in str(raised.value)
    with pytest.raises(InputError, match=message):
        list(read_po(path))


def test_valid_syntax_is_read(tmp_path: Path) -> None:
    path = tmp_path / "c.po"
    path.write_text(HEADER + VALID, "utf-8")
    sources = [unit.source for unit in open_document(path).units()]
    assert sources == ['\a\b\f\n\r\t\v\\"\x00\x7f\x1b', "Save", "Save", "Save"]


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="needs GNU gettext's msgfmt")
def test_msgfmt_agrees(tmp_path: Path) -> None:
    def msgfmt_accepts(entries: str) -> bool:
        path = tmp_path / "c.po"
        path.write_text(HEADER + entries, "utf-8")
        return subprocess.run(["msgfmt", "-o", "/dev/null", str(path)]).returncode == 0

    assert [entries for entries, _ in DAMAGED if msgfmt_accepts(entries)] == []
    assert msgfmt_accepts(VALID)
