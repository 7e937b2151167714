"""qa's vue-i18n checks (:mod:`ltmt.qa.vue_checks`)."""

from __future__ import annotations

import pytest

from ltmt.qa.vue_checks import choice_problems, syntax_problems

VUE = {"syntax": "vue-i18n"}


@pytest.mark.parametrize(
    ("source", "target", "metadata", "expected"),
    [
        # a vue-i18n user's trial (session 65): said missing, untranslated, before
        (
            "no notes | one note | {count} notes",
            "keine Notizen | {count} Notizen",
            VUE,
            [
                "has 2 choices, the source 3 (vue-i18n picks a choice by the count: 1 shows the "
                "first, any other count the second); write as many"
            ],
        ),
        (
            "file | files",
            "Datei",
            VUE,
            [
                "has 1 choice, the source 2 (vue-i18n picks a choice by the count: every count "
                "shows it); write as many"
            ],
        ),
        (
            "no notes | one note | {count} notes",
            "keine | eine | {count} | viele",
            VUE,
            [
                "has 4 choices, the source 3 (vue-i18n picks a choice by the count, from its "
                "first three choices only); write as many"
            ],
        ),
        ("file | files", "Datei | Dateien", VUE, []),
        ("Home | Shop", "Start", VUE, []),  # no plural: text
        ("file | files", "Datei", {}, []),  # no vue-i18n file
    ],
)
def test_a_plural_has_its_sources_number_of_choices(source, target, metadata, expected):
    assert choice_problems(source, target, metadata) == expected


AT = "has a bare @ ({}), which vue-i18n reads as a linked message and fails on: write it {{'@'}}"
BAR = (
    "has a | where the source has none, which vue-i18n reads as a plural's choices (it shows "
    "one part): write it {'|'}"
)


@pytest.mark.parametrize(
    ("source", "target", "metadata", "expected"),
    [
        # a vue-i18n user's trial (session 65): these passed, and break the app
        (
            "Write to help{'@'}acme.com",
            "Schreiben Sie an hilfe@acme.de",
            VUE,
            [AT.format("hilfe@acme.de")],
        ),
        ("Cancel at the end", "Abbrechen @ Ende", VUE, [AT.format("@")]),
        ("Required, please fill in", "Pflichtfeld | bitte ausfüllen", VUE, [BAR]),
        # vue-i18n's own syntax and literals pass
        ("See @:common.help or @.lower:a.b", "Siehe @:common.help, @.lower:a.b", VUE, []),
        ("Type {'@'} or {'|'}", "Tippen Sie {'@'} oder {'|'}", VUE, []),
        ("a | b", "a | b", VUE, []),  # the source's own bar
        ("Mail me@example.com", "Mail an me@example.com", VUE, []),  # the source's own @
        ("Cancel at the end", "Abbrechen @ Ende", {}, []),  # no vue-i18n file
    ],
)
def test_vue_syntax_in_a_translation_is_an_error(source, target, metadata, expected):
    assert syntax_problems(source, target, metadata) == expected
