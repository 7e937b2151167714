"""qa's check of a Jed file's plural forms left empty."""

from __future__ import annotations

from pathlib import Path

from ltmt.qa.jed_checks import jed_form_problems

HEADER = '{"":{"domain":"messages","lang":"de_DE","plural-forms":"nplurals=2; plural=(n != 1);"}'


def test_an_empty_plural_form_beside_a_translated_first_one_is_named(tmp_path: Path) -> None:
    """WordPress trial s76: ``"%d guest":["%d Gast",""]`` passed qa."""
    path = tmp_path / "acme-de_DE-77aa.json"
    path.write_text(
        '{"locale_data":{"messages":' + HEADER + ',"%d guest":["%d Gast",""],'
        '"%d night":["",""],"%d room":["%d Zimmer","%d Zimmer"],"Save":["Speichern"]}}}',
        encoding="utf-8",
    )
    problems = jed_form_problems(path)
    assert [(p.position, p.source, p.target, p.message) for p in problems] == [
        (
            f"{path}: /locale_data/messages/%d guest/0",
            "%d guest",
            "%d Gast",
            "leaves form 2 empty: WordPress shows the English plural for the counts that take it "
            "(translate the plural in the .po and run wp i18n make-json again)",
        )
    ]


def test_other_files_are_not_asked(tmp_path: Path) -> None:
    catalog = tmp_path / "de.json"
    catalog.write_text('{"save": "Speichern", "count": ["", ""]}', encoding="utf-8")
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    assert jed_form_problems(catalog) == []
    assert jed_form_problems(broken) == []
    assert jed_form_problems(tmp_path) == []
