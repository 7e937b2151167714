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
        # names that are no keys (a PO msgctxt)
        [
            _record("Menu_Save", "_Save", "_Speichern", is_key=False),
            _record("Menu_SaveAs", "Save _As", "_Speichern unter", is_key=False),
        ],
    ],
)
def test_no_note_where_no_menu_gives_one_key_twice(records: list[PairRecord]) -> None:
    assert shared_key_accelerators(records) == []
