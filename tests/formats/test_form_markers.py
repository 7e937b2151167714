"""The base that Yarn Spinner's markers and Unreal's modifiers share
(:mod:`ltmt.formats.form_markers`): one field, forms translated or fixed, written back in each
kind's syntax."""

from __future__ import annotations

import pytest

from ltmt.formats.form_markers import FormMarker, ordinal_form
from ltmt.formats.unreal_modifiers import modifiers
from ltmt.formats.yarn_markup import markers

COINS = 'You have [plural value={$n} one="coin" other="coins"/].'
ARROWS = "{0} {0}|plural(one=arrow,other=arrows) left."
PLACE = "You finished {Place}{Place}|ordinal(one=st,two=nd,few=rd,other=th)."
YARN_PLACE = 'You came [ordinal value={$place} one="%st" two="%nd" few="%rd" other="%th"/].'


@pytest.mark.parametrize(
    ("text", "tgt_lang", "field", "to_translate", "written"),
    [
        (COINS, "de", "{plural}", ("coin", "coins"), '[plural value={$n} one="M" other="Ms"/]'),
        (ARROWS, "de", "{plural}", ("arrow", "arrows"), "{0}|plural(one=M,other=Ms)"),
        (PLACE, "de", "{ordinal}", (), "{Place}|ordinal(one=.,two=.,few=.,other=.)"),
        (
            YARN_PLACE,
            "de-AT",
            "{ordinal}",
            (),
            '[ordinal value={$place} one="%." two="%." few="%." other="%."/]',
        ),
    ],
)
def test_a_marker_is_one_field_and_writes_its_forms_back_in_its_syntax(
    text: str, tgt_lang: str, field: str, to_translate: tuple[str, ...], written: str
) -> None:
    (found,) = [*markers(text, tgt_lang), *modifiers(text, tgt_lang)]
    assert isinstance(found, FormMarker)
    assert found.field == field
    assert found.to_translate == to_translate
    forms = ["M", "Ms"] if to_translate else ["x"] * len(found.forms)
    assert found.written(forms) == written


@pytest.mark.parametrize("text", [COINS, ARROWS])
def test_a_marker_written_with_another_number_of_forms_is_refused(text: str) -> None:
    (found,) = [*markers(text), *modifiers(text)]
    with pytest.raises(ValueError, match=r"^1 forms for 2$"):
        found.written(["Münze"])


@pytest.mark.parametrize(
    ("tgt_lang", "form"), [("de", "%."), ("de-CH", "%."), ("fr", None), ("", None)]
)
def test_ordinal_form_by_target_language(tgt_lang: str, form: str | None) -> None:
    assert ordinal_form(tgt_lang) == form
