"""The separators of a menu path (``Settings > Account``), kept by the model and by qa."""

from __future__ import annotations

import pytest

from ltmt.menu_paths import lost_separators, separator_spans
from ltmt.qa.pair_checks import placeholder_problems
from ltmt.units import LineForms, split_segment

_HTML = (
    "Click <strong>Settings</strong> > <strong>Account</strong> > <strong>Notifications</strong>."
)


@pytest.mark.parametrize(
    ("text", "separators"),
    [
        (_HTML, [">", ">"]),
        ("Open File &gt; Save As.", ["&gt;"]),
        ("Open File > Save As.", [">"]),
        ("a -> b", []),  # an arrow
        ("> quoted text", []),  # a quote's
        ("if x > 5", []),  # a comparison with a number
        ("x>y", []),
    ],
)
def test_a_menu_paths_separators_are_found(text, separators):
    assert [found[2] for found in separator_spans(text)] == separators


def test_a_lost_separator_is_counted_and_reported_by_qa():
    # session 67: the model dropped the second &gt; of a Zendesk article's menu path, qa silent
    target = (
        "Klicken Sie auf <strong>Einstellungen</strong> > <strong>Konto</strong> "
        "<strong>Benachrichtigungen</strong>."
    )
    assert lost_separators(_HTML, target) == 1
    assert placeholder_problems(_HTML, target, {}) == [
        "lacks 1 of the > between the labels of a menu path (Settings > Account): keep each"
    ]
    kept = target.replace("</strong> <strong>", "</strong> > <strong>")
    assert placeholder_problems(_HTML, kept, {}) == []


def test_a_separator_goes_to_the_model_as_a_tag_and_comes_back_as_written():
    split = split_segment("Open File > Save As > PDF.", LineForms(decorations=True))
    assert split.lines == ["Open File <x1/> Save As <x2/> PDF."]
    assert split.rebuild(["Datei <x1/> Speichern <x2/> PDF öffnen."]) == (
        "Datei > Speichern > PDF öffnen."
    )
