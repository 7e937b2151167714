"""Mozilla's semicolon plural lists in .properties files: which values are one, and their forms."""

from __future__ import annotations

import time

import pytest

from ltmt.formats.mozilla_plurals import announced_plurals, plural_forms

NOTE = (
    "# LOCALIZATION NOTE (tabs.closeWarningMultiple):\n"
    "# Semicolon-separated list of plural forms. See:\n"
    "# http://developer.mozilla.org/en/docs/Localization_and_Plurals\n"
    "# #1 is the number of tabs to close"
)


@pytest.mark.parametrize(
    ("comments", "expected"),
    [
        ([NOTE], {"tabs.closeWarningMultiple"}),
        (
            [
                "# LOCALIZATION NOTE (downloadsTitleFiles, downloadsTitlePercent): Semi-colon list of "
                "plural forms."
            ],
            {"downloadsTitleFiles", "downloadsTitlePercent"},
        ),
        (["# LOCALIZATION NOTE (a): Semicolon list of\n# plural forms."], {"a"}),
        (["# LOCALIZATION NOTE (a): %S is the file name.\n# LOCALIZATION NOTE (b): ok"], set()),
        (
            ["# LOCALIZATION NOTE (a): do not translate.\n# LOCALIZATION NOTE (b):\n" + NOTE[2:]],
            {"tabs.closeWarningMultiple"},
        ),  # each note says its own keys
        (["# Semicolon-separated list of plural forms."], set()),  # names no key
    ],
)
def test_a_note_announces_the_keys_it_names(comments, expected):
    assert announced_plurals(comments) == expected


@pytest.mark.parametrize(
    ("value", "announced", "expected"),
    [
        ("#1 tab;#1 tabs", False, ("#1 tab", "#1 tabs")),  # the count in every form
        ("One tab;#1 tabs", True, ("One tab", "#1 tabs")),
        ("Saved; reload the page.", False, None),  # a semicolon of text
        ("Saved; reload the page.", True, ("Saved", " reload the page.")),  # the note says so
        ("#1 tab;", True, None),  # an empty form
        ("#1 tabs", True, None),  # one form: nothing to part
        ("#1 file; see #2", False, ("#1 file", " see #2")),
    ],
)
def test_a_value_is_parted_only_where_it_is_a_plural_list(value, announced, expected):
    forms = plural_forms(value, announced=announced)
    assert (forms.branches if forms else None) == expected


def test_a_translation_is_read_back_form_by_form_or_whole():
    forms = plural_forms("#1 tab;#1 tabs", announced=True)
    assert forms is not None
    # the model's form of the count, %1$d, a placeholder; #1 in the file
    assert [(e.key, e.source, e.shown) for e in forms.entries("k")] == [
        ("k#0", "%1$d tab", "#1 tab"),
        ("k#1", "%1$d tabs", "#1 tabs"),
    ]
    assert forms.read("k", "#1 Tab;#1 Tabs") == {"k#0": "%1$d Tab", "k#1": "%1$d Tabs"}
    assert forms.read("k", "#1 Tab(s)") == {"k": "#1 Tab(s)"}  # a reviewer's: kept whole
    assert forms.translation("k", {"k#0": "%1$d Tab", "k#1": "%1$d Tabs"}) == "#1 Tab;#1 Tabs"


def test_a_list_with_its_own_printf_count_is_shown_as_written():
    forms = plural_forms("#1 of %1$d;#1 of %1$d", announced=True)
    assert forms is not None
    assert [e.source for e in forms.entries("k")] == ["#1 of %1$d", "#1 of %1$d"]
    assert forms.translation("k", {"k#0": "#1 von %1$d", "k#1": "#1 von %1$d"}) == (
        "#1 von %1$d;#1 von %1$d"
    )


def test_a_long_adversarial_note_is_read_in_linear_time():
    comment = "# LOCALIZATION NOTE (" + "a," * 50_000 + "): " + "semi-colon list of " * 50_000
    started = time.perf_counter()
    assert announced_plurals([comment + "#" * 100_000]) == set()
    assert time.perf_counter() - started < 1.0
