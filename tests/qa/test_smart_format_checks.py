"""qa's check of a SmartFormat expression's number of forms (and its head, a placeholder)."""

from __future__ import annotations

import pytest

from ltmt.qa.pair_checks import PAIR_CHECKS

LIVES = "You have {lives:plural:one life|{} lives} left."


@pytest.mark.parametrize(
    ("target", "plurals", "placeholders"),
    [
        ("Sie haben {lives:plural:ein Leben|{} Leben} übrig.", [], []),
        (
            "Sie haben {lives:plural:ein Leben|{} Leben| Leben} übrig.",
            [
                "{lives:plural: has 3 forms parted by |, the source 2: SmartFormat picks a form "
                "by the count or choice; write as many"
            ],
            [],
        ),
        ("Sie haben {lives:one Leben|{} Leben| Leben} links.", [], ["lacks {lives:plural:"]),
    ],
)
def test_a_changed_number_of_forms_or_head_is_an_error(
    target: str, plurals: list[str], placeholders: list[str]
) -> None:
    assert PAIR_CHECKS["plurals"](LIVES, target, {}) == plurals
    assert PAIR_CHECKS["placeholders"](LIVES, target, {}) == placeholders


COINS = 'You found {$n} [plural value={$n} one="coin" other="coins"/].'
LACKS_MARKER = (
    "lacks the Yarn marker [plural value={$n} one= other=/] (its forms aside): keep its name, "
    'value and attribute names as the source has them, each form quoted with "'
)


@pytest.mark.parametrize(
    ("target", "problems"),
    [
        ('Du hast {$n} [plural value={$n} one="Münze" other="Münzen"/] gefunden.', []),
        (  # an attribute renamed
            'Du hast {$n} [plural Wert={$n} one="Münze" other="Münzen"/] gefunden.',
            [LACKS_MARKER],
        ),
        ("Du hast {$n} [plural value={$n} eine andere=»coins«/] gefunden.", [LACKS_MARKER]),
        ("Du hast {$n} Münzen gefunden.", ["lacks {$n}", LACKS_MARKER]),
    ],
)
def test_a_yarn_marker_renamed_or_dropped_is_a_placeholders_error(
    target: str, problems: list[str]
) -> None:
    assert PAIR_CHECKS["placeholders"](COINS, target, {}) == problems


ARROWS = "{0} {0}|plural(one=arrow,other=arrows) left in your quiver."
GENDER = "Kaelen says {Gender}|gender(he,she) will meet you."


@pytest.mark.parametrize(
    ("source", "target", "problems"),
    [
        (ARROWS, "{0} {0}|plural(one=Pfeil,other=Pfeile) übrig.", []),
        (
            ARROWS,
            "{0} {0}|plural(one=Pfeil) übrig.",
            [
                "{0}|plural( has 1 form, the source 2: Unreal picks a form by the count or "
                "gender; write as many"
            ],
        ),
        (
            GENDER,
            "Kaelen sagt, {Gender}|gender(er) trifft dich.",
            [
                "{Gender}|gender( has 1 form, the source 2: Unreal picks a form by the count "
                "or gender; write as many"
            ],
        ),
        (
            ARROWS,
            "{0} {0}|plural(one=arrow,other=arrows) übrig.",
            [
                "{0}|plural( keeps the source's forms (arrow, arrows): write each in the "
                "target language"
            ],
        ),
    ],
)
def test_an_unreal_modifier_lacking_a_form_or_left_english_is_an_error(
    source: str, target: str, problems: list[str]
) -> None:
    assert PAIR_CHECKS["plurals"](source, target, {}) == problems


def test_unreal_rich_text_closing_tag() -> None:
    source = "<Bold>Warning:</> Save often!"
    assert PAIR_CHECKS["placeholders"](source, "<Bold>Warnung:</> Oft speichern!", {}) == []
    assert PAIR_CHECKS["placeholders"](source, "<Bold>Warnung:</Bold> Oft speichern!", {}) == [
        "lacks </>",
        "adds </Bold>, which the source does not have",
    ]
    # a </> between spaces closes nothing: <Return> is the key's name, translated or not
    source = "Press <Return> to confirm, or click the </> icon for code."
    target = "Drücken Sie die Eingabetaste oder klicken Sie auf das Symbol </> für Code."
    assert PAIR_CHECKS["placeholders"](source, target, {}) == []
