"""qa's ``extra`` check: strings a translation has that its source translates none of
(:mod:`ltmt.qa.extra_strings`)."""

from __future__ import annotations

from pathlib import Path

from ltmt.qa.catalog_forms import FormProblem
from ltmt.qa.extra_strings import extra_problems

SOURCE = """<resources>
    <string name="app_name" translatable="false">TrailNotes</string>
    <string name="title_home">My trails</string>
</resources>
"""
# an Android CI trial's values-de: both were warnings on standard error alone, and
# `--fail-on warning` passed the file that Android lint's ExtraTranslation fails
TRANSLATION = """<resources>
    <string name="app_name">TrailNotes</string>
    <string name="title_home">Meine Touren</string>
    <string name="old_feature">Alte Funktion</string>
</resources>
"""


def _files(tmp_path: Path) -> tuple[Path, Path]:
    source, target = tmp_path / "values" / "strings.xml", tmp_path / "values-de" / "strings.xml"
    for path, text in ((source, SOURCE), (target, TRANSLATION)):
        path.parent.mkdir()
        path.write_text(text, "utf-8")
    return source, target


def test_extra_problems_of_an_android_translation(tmp_path: Path) -> None:
    source, target = _files(tmp_path)
    assert extra_problems(target, source) == [
        FormProblem(
            f"{target}: app_name",
            "",
            "",
            f'marked translatable="false" in {source}: delete it from this file '
            "(Android lint's ExtraTranslation, which fails a release build)",
            "extra",
        ),
        FormProblem(
            f"{target}: old_feature",
            "",
            "",
            f"not in {source}: delete it from this file if it is obsolete "
            "(Android lint's ExtraTranslation, which fails a release build)",
            "extra",
        ),
    ]


def test_no_extra_problems_of_a_folder_or_a_complete_translation(tmp_path: Path) -> None:
    source, target = _files(tmp_path)
    assert extra_problems(target.parent, source.parent) == []
    assert extra_problems(source, target) == []  # the other way round: nothing extra
    en, de = tmp_path / "en.json", tmp_path / "de.json"
    en.write_text('{"save": "Save"}', "utf-8")
    de.write_text('{"save": "Speichern", "old": "Alt"}', "utf-8")
    assert [p.message for p in extra_problems(de, en)] == [
        f"not in {en}: delete it from this file if it is obsolete"
    ]


def test_a_json_name_spelled_flat_beside_its_nested_spelling_is_no_obsolete_string(
    tmp_path: Path,
) -> None:
    """Trial s75: a flat ``button.save`` beside the nested ``button`` → ``save`` was called
    obsolete, and deleting it deleted the reviewer's German; a flat translation of a nested
    source has no extra string at all."""
    en, de = tmp_path / "en.json", tmp_path / "de.json"
    en.write_text('{"button": {"save": "Save", "share": "Share"}}', "utf-8")
    de.write_text('{"button.share": "Freigeben"}', "utf-8")
    assert extra_problems(de, en) == []
    de.write_text('{"button": {"save": "Speichern"}, "button.save": "Sichern"}', "utf-8")
    assert extra_problems(de, en) == [
        FormProblem(
            f"{de}: /button.save",
            "",
            "",
            f"spells a name of {en} flat or nested otherwise, beside another spelling of it "
            "in this file; i18next reads one of the two: keep one of each",
            "extra",
        )
    ]
