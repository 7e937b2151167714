"""Joomla INI language files: translated line for line, each value in double quotes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from formats_fakes import FakeModel

from ltmt.errors import InputError
from ltmt.formats.documents import open_document
from ltmt.formats.joomla_ini import JoomlaIniDocument, has_joomla_keys
from ltmt.formats.pipeline import translate_file

SOURCE = (
    "\ufeff; Joomla! Project\r\n"
    "; Note : All ini files need to be saved as UTF-8\r\n"
    "\r\n"
    'COM_TASKS="Tasks"\r\n'
    'COM_TASKS_N_ITEMS_DELETED="%d tasks deleted."\r\n'
    'COM_TASKS_N_ITEMS_DELETED_1="One task deleted."\r\n'
    'COM_TASKS_MORE="Show all %1$s tasks of %2$s"\r\n'
    'COM_TASKS_HTML_NOTE="<strong>Note:</strong> Save first."\r\n'
    'COM_TASKS_QUOTED_NAME="The task "_QQ_"%s"_QQ_" was saved."\r\n'
    'COM_TASKS_ESCAPED_QUOTE="Click \\"New\\" to create a task."\r\n'
    'COM_TASKS_MULTI="First line.\\nSecond line."\r\n'
    'COM_TASKS_EMPTY=""\r\n'
    "[section]\r\n"
    'COM_TASKS_SPACED = "Open tasks"  \r\n'
)
# checkini.py's rule for a key's line: a quoted value with no bare quote inside
VALID = re.compile(r'^[A-Z0-9_.\-]+ ?= ?"((?:[^"\\]|\\.|"_QQ_")*)"\s*$')


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    return path


def _valid(text: str) -> bool:
    lines = [line.lstrip("\ufeff") for line in text.splitlines()]
    keyed = [line for line in lines if line.strip() and line[0] not in ";["]
    return all(VALID.match(line) for line in keyed)


def test_units_are_the_values_unquoted(tmp_path: Path) -> None:
    source = _write(tmp_path, "com_tasks.ini", SOURCE)
    units = open_document(source, tgt_lang="de").units()
    assert [(u.key, u.source) for u in units] == [
        ("COM_TASKS", "Tasks"),
        ("COM_TASKS_N_ITEMS_DELETED", "%d tasks deleted."),
        ("COM_TASKS_N_ITEMS_DELETED_1", "One task deleted."),
        ("COM_TASKS_MORE", "Show all %1$s tasks of %2$s"),
        ("COM_TASKS_HTML_NOTE", "<strong>Note:</strong> Save first."),
        ("COM_TASKS_QUOTED_NAME", 'The task "%s" was saved.'),
        ("COM_TASKS_ESCAPED_QUOTE", 'Click "New" to create a task.'),
        ("COM_TASKS_MULTI", "First line.\\nSecond line."),
        ("COM_TASKS_SPACED", "Open tasks"),
    ]


def test_translated_line_for_line_and_valid_for_joomla(tmp_path: Path) -> None:
    source = _write(tmp_path, "com_tasks.ini", SOURCE)
    out = tmp_path / "de-DE.com_tasks.ini"
    translate_file(source, out, FakeModel(), tgt_lang="de")
    written = out.read_bytes().decode("utf-8")
    assert written == (
        "\ufeff; Joomla! Project\r\n"
        "; Note : All ini files need to be saved as UTF-8\r\n"
        "\r\n"
        'COM_TASKS="TASKS"\r\n'
        'COM_TASKS_N_ITEMS_DELETED="%d TASKS DELETED."\r\n'
        'COM_TASKS_N_ITEMS_DELETED_1="ONE TASK DELETED."\r\n'
        'COM_TASKS_MORE="SHOW ALL %1$s TASKS OF %2$s"\r\n'
        'COM_TASKS_HTML_NOTE="<strong>NOTE:</strong> SAVE FIRST."\r\n'
        'COM_TASKS_QUOTED_NAME="THE TASK "_QQ_"%s"_QQ_" WAS SAVED."\r\n'
        'COM_TASKS_ESCAPED_QUOTE="CLICK \\"NEW\\" TO CREATE A TASK."\r\n'
        'COM_TASKS_MULTI="FIRST LINE.\\nSECOND LINE."\r\n'
        'COM_TASKS_EMPTY=""\r\n'
        "[section]\r\n"
        'COM_TASKS_SPACED = "OPEN TASKS"  \r\n'
    )
    assert _valid(written)


def test_a_translations_quotes_are_escaped(tmp_path: Path) -> None:
    source = _write(tmp_path, "en-GB.mod_x.ini", 'A="Click New."\nB="Say "_QQ_"hi"_QQ_"."\n')
    document = JoomlaIniDocument.open(source)
    document.fill({"A": 'Klicken Sie „Neu“ oder "Neu" \\', "B": 'Sag "hallo".'})
    written = document.render().decode("utf-8")
    assert written == 'A="Klicken Sie „Neu“ oder \\"Neu\\" \\\\"\nB="Sag "_QQ_"hallo"_QQ_"."\n'
    assert _valid(written)


def test_a_rerun_keeps_the_lines_not_retranslated_byte_for_byte(tmp_path: Path) -> None:
    source = _write(
        tmp_path, "com_tasks.ini", 'A="Tasks"\n; new\nB = "Task copied."\nC="Archive"\n'
    )
    out = _write(
        tmp_path,
        "de.ini",
        '; Übersetzung\nA =  "Aufgaben" \nC="Klick "_QQ_"Archiv"_QQ_""\nOLD="Alt"\n',
    )
    model = FakeModel()
    translate_file(source, out, model, tgt_lang="de")
    assert model.seen == ["Task copied."]
    assert out.read_text("utf-8") == (
        'A =  "Aufgaben" \n; new\nB = "TASK COPIED."\nC="Klick "_QQ_"Archiv"_QQ_""\nOLD="Alt"\n'
    )


def test_memory_pairs_are_the_unquoted_texts(tmp_path: Path) -> None:
    source = _write(tmp_path, "en.ini", 'A="Click \\"New\\"."\nB="Archive"\n')
    out = _write(tmp_path, "de.ini", 'A="Klicken Sie "_QQ_"Neu"_QQ_"."\nB="Archiv"\n')
    records = JoomlaIniDocument.pairs(out, source_file=source)
    assert [(r.source, r.target) for r in records] == [
        ('Click "New".', 'Klicken Sie "Neu".'),
        ("Archive", "Archiv"),
    ]


@pytest.mark.parametrize("name", ["org.kde.knotepad.desktop", "launcher.ini"])
def test_a_desktop_entry_is_sent_to_its_own_format_not_to_properties(
    tmp_path: Path, name: str
) -> None:
    """``--format ini`` on a .desktop file said to use ``--format properties``, which broke it
    (``[Desktop Eintrag]``, ``Type=Anwendung``): by its extension or its group, it is named."""
    source = _write(tmp_path, name, "[Desktop Entry]\nName=KNotepad\n")
    with pytest.raises(
        InputError,
        match=r"the value of Name is not in double quotes, .*; it is a desktop entry: "
        r"translate it with --format desktop$",
    ):
        JoomlaIniDocument.open(source)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "[metadata]\nname = ltmt\n",
            r"x.ini:2: the value of name is not in double quotes, as Joomla writes every value "
            r'\(name="\.\.\."\): not a Joomla language file, or one to quote that value in; '
            r"translate another INI file with --format properties$",
        ),
        (
            'A="ok"\nB="Click "New" now"\n',
            r'x.ini:2: the value of B holds a bare " inside its quotes, which Joomla cannot '
            r'read; write it as \\" or "_QQ_"$',
        ),
        (
            'A="ok"\njust words\n',
            r'x.ini:2: not a line of a Joomla INI language file \(KEY="value", a ; comment or a '
            r"\[section\]\): just words; translate another INI file with --format properties$",
        ),
    ],
)
def test_a_line_joomla_cannot_read_is_refused_with_its_place(
    tmp_path: Path, text: str, message: str
) -> None:
    source = _write(tmp_path, "x.ini", text)
    with pytest.raises(InputError, match=message):
        JoomlaIniDocument.open(source)


@pytest.mark.parametrize(
    ("text", "joomla"),
    [
        ('; Tasks\n[section]\nCOM_TASKS_TITLE="Tasks"\nMOD_X.LABEL = "Label"\n', True),
        # a configuration's quoted values (regression trial rege68), PHP's, Windows'
        ('[general]\nname = "Acme Tasks"\ndata_dir = "/var/lib/acme"\n', False),
        ("[PHP]\nmax_execution_time = 30\n", False),
        ("[.ShellClassInfo]\nIconResource=icon.ico,0\n", False),
        ("; nothing here yet\n[section]\n", False),
    ],
)
def test_a_folders_ini_is_joomlas_only_with_joomlas_keys(
    tmp_path: Path, text: str, joomla: bool
) -> None:
    assert has_joomla_keys(_write(tmp_path, "x.ini", text)) is joomla
