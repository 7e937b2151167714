"""Accelerators shared in one menu of a keyed catalog (.resx): grouped by the key's prefix."""

from __future__ import annotations

import pytest

from ltmt.qa.keyed_accelerators import shared_key_accelerators
from ltmt.segments import PairRecord


def _record(name: str, source: str, target: str, is_key: bool = True) -> PairRecord:
    metadata = {"context": name, "context_is_key": is_key}
    return PairRecord(source, target, f"Resources.de.resx: {name}", metadata)


def test_a_letter_twice_in_one_menu_is_a_note() -> None:
    records = [
        _record("FileMenu_New", "_New", "_Neu"),
        _record("FileMenu_Save", "_Save", "_Speichern"),
        _record("FileMenu_SaveAs", "Save _As...", "_Speichern unter..."),
    ]
    (problem,) = shared_key_accelerators(records)
    assert problem.position == "Resources.de.resx: FileMenu_SaveAs"
    assert (problem.check, problem.severity) == ("accelerator", "note")
    assert problem.message == (
        "its accelerator _S is that of FileMenu_Save too, in one menu (FileMenu_...) where the "
        "sources' differ: choose another letter"
    )


def test_a_nested_json_objects_strings_are_one_menu() -> None:
    """Regression trial s72: i18next's nested ``menu.file`` gave ``&Neue Notiz`` and ``&Neues
    Fenster`` one letter unnoticed, where the same keys written flat were a note."""
    records = [
        _record("/menu/file/newNote", "&New Note", "&Neue Notiz"),
        _record("/menu/file/newWindow", "New &Window", "&Neues Fenster"),
        _record("/menu/edit/undo", "&Undo", "&Rückgängig"),
        _record("/menu/edit/new", "&New", "&Neu"),  # another menu
    ]
    (problem,) = shared_key_accelerators(records)
    assert problem.position == "Resources.de.resx: /menu/file/newWindow"
    assert problem.message == (
        "its accelerator &N is that of /menu/file/newNote too, in one menu (/menu/file/...) "
        "where the sources' differ: choose another letter"
    )


@pytest.mark.parametrize(
    "records",
    [
        # other menus
        [
            _record("FileMenu_Save", "_Save", "_Speichern"),
            _record("EditMenu_Search", "_Search", "_Suchen"),
        ],
        # the sources share the letter too
        [_record("Menu_Save", "_Save", "_Speichern"), _record("Menu_Send", "_Send", "_Senden")],
        # no prefix: no menu to tell
        [_record("Save", "_Save", "_Speichern"), _record("SaveAs", "Save _As", "_Speichern unter")],
        # nor at a JSON file's top level
        [_record("/save", "&Save", "&Speichern"), _record("/send", "Sen&d", "&Senden")],
        # a slash is no separator in a name that is no JSON pointer (an Apple .strings key)
        [
            _record("Open/Save", "&Save", "&Speichern"),
            _record("Open/Send", "Sen&d", "&Senden"),
        ],
        # a nested object's names with an underscore are grouped by it, as before
        [
            _record("/menu/file_new", "&New", "&Neu"),
            _record("/menu/edit_undo", "&Undo", "&Nochmal"),
        ],
        # names that are no keys (a PO msgctxt)
        [
            _record("Menu_Save", "_Save", "_Speichern", is_key=False),
            _record("Menu_SaveAs", "Save _As", "_Speichern unter", is_key=False),
        ],
    ],
)
def test_no_note_where_no_menu_gives_one_key_twice(records: list[PairRecord]) -> None:
    assert shared_key_accelerators(records) == []


def test_a_menu_bars_keys_extended_by_their_items_keys_are_submenus() -> None:
    """Trial s75 xamarin: ``Menu_Edit`` (``&Bearbeiten``, on the menu bar) and
    ``Menu_FileExit`` (``&Beenden``, in the File menu) were "in one menu (Menu_...)". A letter
    twice in the File menu still is a note, and one twice on the bar."""
    records = [
        _record("Menu_File", "&File", "&Datei"),
        _record("Menu_FileOpen", "&Open...", "Ö&ffnen..."),
        _record("Menu_FileSave", "&Save", "&Speichern"),
        _record("Menu_FileClose", "&Close", "&Schließen"),
        _record("Menu_FileExit", "E&xit", "&Beenden"),
        _record("Menu_Edit", "&Edit", "&Bearbeiten"),
        _record("Menu_Delete", "&Delete", "&Daten"),
    ]
    found = [(problem.position, problem.message) for problem in shared_key_accelerators(records)]
    assert found == [
        (
            "Resources.de.resx: Menu_FileClose",
            "its accelerator &S is that of Menu_FileSave too, in one menu (Menu_File...) where "
            "the sources' differ: choose another letter",
        ),
        (
            "Resources.de.resx: Menu_Delete",
            "its accelerator &D is that of Menu_File too, in one menu (Menu_...) where the "
            "sources' differ: choose another letter",
        ),
    ]


@pytest.mark.parametrize(
    "records",
    [
        # variants of one item: their sources begin with its source
        [
            _record("FileMenu_Save", "_Save", "_Speichern"),
            _record("FileMenu_SaveAs", "Save _As...", "_Speichern unter..."),
            _record("FileMenu_SaveAll", "Save A_ll", "Alle spei_chern"),
        ],
        # one key extending a sibling's is no submenu: it may be an item of the same menu
        [
            _record("FileMenu_Print", "_Print", "_Drucken"),
            _record("FileMenu_PrintSetup", "Page Set_up...", "_Druckeinrichtung..."),
        ],
    ],
)
def test_keys_extending_a_siblings_key_are_still_one_menu(records: list[PairRecord]) -> None:
    (problem,) = shared_key_accelerators(records)
    assert problem.message.startswith("its accelerator _")
    assert "in one menu (FileMenu_...)" in problem.message
