"""qa's check of a SmartFormat expression's number of forms and conditions, its braces' balance
(and its head, a placeholder)."""

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


HEALTH = "{hp:cond:>50?You look healthy.|You are hurt.}"


@pytest.mark.parametrize(
    ("target", "plurals", "placeholders"),
    [
        # a correct translation: its head compared, not its forms' words
        ("{hp:cond:>50?Du siehst gesund aus.|Du bist verletzt.}", [], []),
        (
            "{hp:cond:>60?Du siehst gesund aus.|Du bist verletzt.}",
            [
                "{hp:cond: has the conditions >60?|, the source >50?|: SmartFormat picks a "
                "form by them; write the source's"
            ],
            [],
        ),
        (
            "{hp:Du siehst gesund aus.|Du bist verletzt.}",
            [],
            [
                "lacks {hp:cond:",
                "adds {hp:Du siehst gesund aus.|Du bist verletzt.}, which the source does not have",
            ],
        ),
    ],
)
def test_a_conditionals_forms_are_compared_as_forms(
    target: str, plurals: list[str], placeholders: list[str]
) -> None:
    assert PAIR_CHECKS["plurals"](HEALTH, target, {}) == plurals
    assert PAIR_CHECKS["placeholders"](HEALTH, target, {}) == placeholders
    assert PAIR_CHECKS["copied"](HEALTH, target, {}) == []


def _unbalanced(said: str) -> list[str]:
    return [
        f"unbalanced braces in a Smart String: {said}; SmartFormat cannot parse it: balance "
        "them as the source does"
    ]


@pytest.mark.parametrize(
    ("source", "target", "problems"),
    [
        (
            LIVES,
            "Du hast noch {lives:plural:ein Leben|{} Leben.",
            _unbalanced("a '{' never closed"),
        ),
        (
            LIVES,
            "Du hast noch {lives:plural:ein Leben|{} Leben}}.",
            _unbalanced("a '}' that closes no '{'"),
        ),
        (
            LIVES,
            "Du} hast {lives:plural:ein Leben|{} Leben.",
            _unbalanced("a '{' never closed and a '}' that closes no '{'"),
        ),
        (
            LIVES,
            "Du hast {lives:plural:ein Leben|{} Leben}}}.",
            _unbalanced("2 '}' that close no '{'"),
        ),
        (LIVES, "Du hast noch {lives:plural:ein Leben|{} Leben}.", []),
        # SmartFormat's escaped braces are none; the source's own imbalance is no news
        (LIVES + " \\{help\\}", "Du hast noch {lives:plural:ein Leben|{} Leben}. \\{Hilfe\\}", []),
        ("{a:plural:x|y}}", "{a:plural:x|yy}}", []),
        # no Smart String: the placeholders and icu checks' to say
        ("Welcome, {player}!", "Willkommen, {player}}!", []),
    ],
)
def test_unbalanced_smart_string_braces_are_an_error(
    source: str, target: str, problems: list[str]
) -> None:
    assert PAIR_CHECKS["plurals"](source, target, {}) == problems


@pytest.mark.parametrize(
    ("source", "target", "said"),
    [
        (
            "You own {count} {count:plural:gem|gems}.",
            "Sie besitzen {count} {count:plural:gem|gems}.",
            ["the forms 'gem', 'gems' are left as in the source"],
        ),
        (
            "{count} {count:plural:key|keys} left",
            "{count} {count:plural:Schlüssel|keys} übrig",
            ["the form 'keys' is left as in the source"],
        ),
        (
            "{count} {count:plural:key|keys} left",
            "{count} {count:plural:Schlüssel|Schlüssel} übrig",
            [],
        ),
    ],
)
def test_plural_forms_left_english_in_a_sentence_are_named(
    source: str, target: str, said: list[str]
) -> None:
    assert PAIR_CHECKS["copied"](source, target, {}) == said


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
