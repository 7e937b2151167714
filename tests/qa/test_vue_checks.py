"""qa's vue-i18n checks (:mod:`ltmt.qa.vue_checks`)."""

from __future__ import annotations

import pytest

from ltmt.qa.vue_checks import choice_problems

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
        ("file | files", "Datei | Dateien", VUE, []),
        ("Home | Shop", "Start", VUE, []),  # no plural: text
        ("file | files", "Datei", {}, []),  # no vue-i18n file
    ],
)
def test_a_plural_has_its_sources_number_of_choices(source, target, metadata, expected):
    assert choice_problems(source, target, metadata) == expected
