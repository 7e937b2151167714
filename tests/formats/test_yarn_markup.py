"""Yarn Spinner's replacement markers: kept whole, their quoted forms translated each alone,
an ordinal's forms written as German writes them (:mod:`ltmt.formats.yarn_markup`)."""

from __future__ import annotations

from typing import Any

from ltmt.formats.placeholders import protect
from ltmt.formats.smart_format import translated_by_forms
from ltmt.segments import Translation

COINS = 'You found {$n} [plural value={$n} one="coin" other="coins"/].'
GENDER = '[select value={$gender} m="He" f="She" nb="They"/] left the tavern.'
PLACE = 'This is your [ordinal value={$place} one="%st" two="%nd" few="%rd" other="%th"/] visit.'
OUTPUTS = {
    "You found {$n} {plural}.": "Du hast {$n} {plural} gefunden.",
    "coin": "Münze",
    "coins": '"Münzen"',  # (a quote the model adds would end the form)
    "{select} left the tavern.": "{select} verließ die Taverne.",
    "He": "Er",
    "She": "Sie",
    "They": "Sie",
    "This is your {ordinal} visit.": "Das ist dein {ordinal} Besuch.",
}


def _translate(texts: list[str], prefer: list[dict[str, Any]]) -> list[Translation]:
    return [Translation(text, OUTPUTS.get(text, f"<{text}>"), "model") for text in texts]


def test_markers_keep_their_names_and_only_their_forms_are_translated() -> None:
    done = translated_by_forms([COINS, GENDER, PLACE], [{}] * 3, _translate, tgt_lang="de")
    assert done is not None
    assert [t.text for t in done] == [
        'Du hast {$n} [plural value={$n} one="Münze" other="Münzen"/] gefunden.',
        '[select value={$gender} m="Er" f="Sie" nb="Sie"/] verließ die Taverne.',
        # German writes every ordinal with a full stop; the forms go to no model
        'Das ist dein [ordinal value={$place} one="%." two="%." few="%." other="%."/] Besuch.',
    ]


def test_an_ordinal_form_is_no_printf_conversion() -> None:
    assert protect(PLACE).placeholders == ("{$place}",)
