"""Items of one KDE menu and their shared accelerators (:mod:`ltmt.formats.kde_menus`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ltmt.formats.kde_menus import menu_group
from ltmt.qa.catalog_forms import catalog_state

HEADER = 'msgid ""\nmsgstr ""\n"Language: de\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'


def _entry(line: int, context: str, source: str, target: str, where: str = "main") -> str:
    context_line = f'msgctxt "{context}"\n' if context else ""
    return f'#: src/{where}.cpp:{line}\n{context_line}msgid "{source}"\nmsgstr "{target}"\n\n'


@pytest.mark.parametrize(
    ("context", "locations", "group"),
    [
        ("@action:inmenu File", ["src/main.cpp:41"], "@action:inmenu File"),
        ("@action:inmenu/plain Edit", [], "@action:inmenu Edit"),
        ("@action:inmenu", ["src/main.cpp:41", "src/other.cpp:3"], "@action:inmenu src/main.cpp"),
        ("@action:inmenu", [], None),
        ("@action:button", ["src/main.cpp:41"], None),
        ("@info", ["src/main.cpp:41"], None),
        ("", ["src/main.cpp:41"], None),
    ],
)
def test_a_menu_is_named_by_its_context_marker_else_by_its_source_file(
    context: str, locations: list[str], group: str | None
) -> None:
    assert menu_group(context, locations) == group


def test_two_items_of_one_kde_menu_sharing_a_letter_are_a_note(tmp_path: Path) -> None:
    path = tmp_path / "de.po"
    path.write_text(
        HEADER
        + _entry(41, "@action:inmenu File", "&Save", "&Speichern")
        + _entry(42, "@action:inmenu File", "&Close", "S&chließen")
        + _entry(43, "@action:inmenu File", "Save &As…", "&Speichern unter…")
        + _entry(44, "@action:inmenu Edit", "&Select All", "&Suchen")  # another menu
        + _entry(45, "@action:inmenu File", "&Print", "&Drucken"),
        encoding="utf-8",
    )
    state = catalog_state(path)
    assert state is not None
    found = [problem for problem in state.form_problems if problem.check == "accelerator"]
    assert [(p.position, p.target, p.message, p.severity) for p in found] == [
        (
            f"{path}: entry 3",
            "&Speichern unter…",
            "its accelerator &S is that of entry 1 too, in one menu (@action:inmenu File) "
            "where the sources' differ: choose another letter",
            "note",
        )
    ]


def test_bare_menu_items_are_grouped_by_their_source_file(tmp_path: Path) -> None:
    path = tmp_path / "de.po"
    path.write_text(
        HEADER
        + _entry(1, "@action:inmenu", "&Save", "&Speichern", "main")
        + _entry(2, "@action:inmenu", "Save &As…", "&Speichern unter…", "other")
        + _entry(3, "@action:inmenu", "Sa&ve Copy", "&Sichern", "main")
        + _entry(4, "", "&Search", "&Senden", "main"),  # no menu item
        encoding="utf-8",
    )
    state = catalog_state(path)
    assert state is not None
    found = [problem for problem in state.form_problems if problem.check == "accelerator"]
    assert [(p.position, p.message) for p in found] == [
        (
            f"{path}: entry 3",
            "its accelerator &S is that of entry 1 too, in one menu (@action:inmenu "
            "src/main.cpp) where the sources' differ: choose another letter",
        )
    ]
