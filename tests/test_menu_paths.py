"""The separators of a menu path (``Settings > Account``), kept by the model and by qa."""

from __future__ import annotations

import pytest

from ltmt.menu_paths import lost_separators, separator_spans
from ltmt.qa.pair_checks import menu_problems, placeholder_problems
from ltmt.units import LineForms, split_segment

_HTML = (
    "Click <strong>Settings</strong> > <strong>Account</strong> > <strong>Notifications</strong>."
)


@pytest.mark.parametrize(
    ("text", "separators"),
    [
        (_HTML, [">", ">"]),
        ("Open <b>File</b> &gt; <b>Save As</b>.", ["&gt;"]),
        ("Open <kbd>File</kbd> &gt; <code>Save</code>.", ["&gt;"]),
        ("Go to **Settings** > **Account**.", [">"]),
        ('Open "Settings" > "Account".', [">"]),
        ("Choose Edit > Preferences > General.", [">", ">"]),
        # a single > between two words of prose is no menu's (qa1.po: rc 0 became 1)
        ("Open File > Save As.", []),
        ("The price must be greater than the cost (price > cost).", []),
        ("Only show rows where Total > Limit.", []),
        ("Press Next > to continue.", []),
        ("Quote: Alice > Bob in rank.", []),
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
    assert placeholder_problems(_HTML, target, {}) == []
    assert menu_problems(_HTML, target, {}) == [
        "lacks 1 of the > between the labels of a menu path (Settings > Account): keep each"
    ]
    kept = target.replace("</strong> <strong>", "</strong> > <strong>")
    assert menu_problems(_HTML, kept, {}) == []


@pytest.mark.parametrize(
    ("source", "target"),
    [  # the tester's qa1.po: correct prose that qa called an error
        (
            "The price must be greater than the cost (price > cost).",
            "Der Preis muss höher als die Kosten sein (Preis größer als Kosten).",
        ),
        ("Only show rows where Total > Limit.", "Nur Zeilen anzeigen, deren Summe größer ist."),
        ("Press Next > to continue.", "Klicken Sie auf Weiter >, um fortzufahren."),
        ("Quote: Alice > Bob in rank.", "Zitat: Alice steht im Rang über Bob."),
        # a path the translator writes in quotes, its > in prose
        ("Go to <b>Settings</b> > <b>Account</b>.", "Gehen Sie zu „Einstellungen > Konto“."),
    ],
)
def test_a_single_separator_in_prose_is_no_menu_path(source, target):
    assert menu_problems(source, target, {}) == []


def test_a_lost_separator_is_a_warning_of_the_menus_check():
    from ltmt.qa.findings import CHECKS

    assert CHECKS["menus"].severity == "warning"
    source = "Choose Edit > Preferences > General."
    assert menu_problems(source, "Wählen Sie Bearbeiten → Einstellungen → Allgemein.", {}) == [
        "lacks 2 of the > between the labels of a menu path (Settings > Account): keep each"
    ]


def test_a_separator_goes_to_the_model_as_a_tag_and_comes_back_as_written():
    split = split_segment("Open File > Save As > PDF.", LineForms(decorations=True))
    assert split.lines == ["Open File <x1/> Save As <x2/> PDF."]
    assert split.rebuild(["Datei <x1/> Speichern <x2/> PDF öffnen."]) == (
        "Datei > Speichern > PDF öffnen."
    )


def test_a_single_separator_in_prose_goes_to_the_model_as_written():
    split = split_segment("Press Next > to continue.", LineForms(decorations=True))
    assert split.lines == ["Press Next > to continue."]
