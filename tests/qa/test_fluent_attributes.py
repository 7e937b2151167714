"""The attributes of a Fluent file's source that its translation lacks."""

from __future__ import annotations

from pathlib import Path

from ltmt.qa.catalog_forms import FormProblem
from ltmt.qa.fluent_attributes import attribute_problems, attributes_missing

SOURCE = (
    "menu-pin = Pin tab\n    .accesskey = P\n"
    "dialog-window =\n    .title = Clear recent history\n    .style = min-width: 42em\n"
    "restore =\n    .label = Restore\n    .tooltiptext = Restore the tabs\n"
    "gone = Gone\n    .accesskey = G\n"
    "-brand = Nightjar\n    .gender = masculine\n"
)
GERMAN = (
    "menu-pin = Tab anheften\n"
    "dialog-window =\n    .title = Chronik löschen\n"
    "restore =\n    .label = Wiederherstellen\n"
    "-brand = Nightjar\n"
)


def _files(tmp_path: Path) -> tuple[Path, Path]:
    source, german = tmp_path / "en.ftl", tmp_path / "de.ftl"
    source.write_text(SOURCE, "utf-8")
    german.write_text(GERMAN, "utf-8")
    return german, source


def test_the_attributes_a_translated_message_lacks_are_found(tmp_path: Path) -> None:
    """Session 74: qa said ``nothing found`` of a German ``menu-pin`` without the English
    ``.accesskey`` (compare-locales reports it). A message lacking whole, and a term's
    attributes (the target language's grammar), are not read."""
    assert attributes_missing(*_files(tmp_path)) == [
        ("menu-pin", "accesskey"),
        ("dialog-window", "style"),
        ("restore", "tooltiptext"),
    ]


def test_a_lacking_attribute_is_a_missing_problem_unless_named_missing_already(
    tmp_path: Path,
) -> None:
    german, source = _files(tmp_path)
    assert attribute_problems(german, source, reported=["restore.tooltiptext"]) == [
        FormProblem(
            f"{german}: menu-pin.accesskey",
            "",
            "",
            f"the translation of this message lacks the source's .accesskey ({source}): Fluent "
            "takes none from the source's message, so the element has none; add it, or rerun "
            "ltmt translate into this file",
            "missing",
        ),
        FormProblem(
            f"{german}: dialog-window.style",
            "",
            "",
            f"the translation of this message lacks the source's .style ({source}): Fluent "
            "takes none from the source's message, so the element has none; add it, or rerun "
            "ltmt translate into this file",
            "missing",
        ),
    ]
    other = tmp_path / "de.po"
    other.write_text('msgid "Save"\nmsgstr "Speichern"\n', "utf-8")
    assert attribute_problems(other, source) == attribute_problems(tmp_path, source) == []
