"""qa's checks of an Android strings.xml that its pairs do not show (:mod:`ltmt.qa.android_checks`)."""

from __future__ import annotations

from pathlib import Path

from ltmt.qa.android_checks import android_problems
from ltmt.qa.catalog_forms import FormProblem

SOURCE = """<resources>
    <string name="error_network">Can\\'t connect. Check your connection.</string>
    <plurals name="days_left">
        <item quantity="one">One day left</item>
        <item quantity="other">%d days left</item>
    </plurals>
    <string-array name="sort_options">
        <item>Date created</item>
        <item>Date modified</item>
        <item>Title</item>
    </string-array>
</resources>
"""

# an Android trial's values-de (session 67): the apostrophe was a warning on standard error,
# said twice, the rest passed
TRANSLATION = """<resources>
    <string name="error_network">Keine Verbindung. Prüf' deine Verbindung.</string>
    <plurals name="days_left">
        <item quantity="one">Noch ein Tag</item>
        <item quantity="few">%d Tage</item>
    </plurals>
    <plurals name="notes">
        <item quantity="one">%d Notizen</item>
        <item quantity="other">%d Notizen</item>
    </plurals>
    <string-array name="sort_options">
        <item>Erstellungsdatum</item>
    </string-array>
</resources>
"""


def test_what_aapt2_rejects_and_android_throws_for_are_problems(tmp_path: Path) -> None:
    source, target = tmp_path / "values" / "strings.xml", tmp_path / "values-de" / "strings.xml"
    for path, text in ((source, SOURCE), (target, TRANSLATION)):
        path.parent.mkdir()
        path.write_text(text, encoding="utf-8")
    found = [
        (p.position, p.check, p.severity, p.message) for p in android_problems(target, None, source)
    ]
    assert found == [
        (
            f"{target}: error_network",
            "android",
            None,
            "has an unescaped apostrophe, which aapt2 rejects (the app does not build): write \\'",
        ),
        (
            f"{target}: days_left",
            "plurals",
            None,
            "has no other form: getQuantityString throws for the counts that take it; add "
            '<item quantity="other">',
        ),
        (
            f"{target}: days_left",
            "plurals",
            "note",
            "has a few form, which de does not use: Android never shows it; remove it",
        ),
        (
            f"{target}: notes",
            "plurals",
            "note",
            "its one and other forms are the same text: translate each for its count",
        ),
        (
            f"{target}: sort_options",
            "android",
            None,
            f"has 1 item where {source} has 3 items: an app that reads the missing ones crashes",
        ),
    ]
    # without a source file, the arrays are not compared; another format has none of these
    assert [p.check for p in android_problems(target)] == [
        "android",
        "plurals",
        "plurals",
        "plurals",
    ]
    json = tmp_path / "de.json"
    json.write_text("{}", encoding="utf-8")
    assert android_problems(json) == []
    assert isinstance(android_problems(target)[0], FormProblem)


def test_an_android_plural_whose_german_is_alike_in_the_plural_is_not_noted(
    tmp_path: Path,
) -> None:
    """Regression trial regc, session 67: '%d Byte' for one and other was a warning."""
    target = tmp_path / "strings.xml"
    target.write_text(
        '<resources>\n    <plurals name="size">\n        <item quantity="one">%d Byte</item>\n'
        '        <item quantity="other">%d Byte</item>\n    </plurals>\n</resources>\n',
        encoding="utf-8",
    )
    assert android_problems(target) == []
