"""Unreal Engine's argument modifiers: kept as written, their forms translated each alone, a
gender of pronouns and an ordinal written as German writes them
(:mod:`ltmt.formats.unreal_modifiers`)."""

from __future__ import annotations

from typing import Any

import pytest

from ltmt.formats.smart_format import translated_by_forms
from ltmt.formats.unreal_modifiers import modifiers
from ltmt.segments import Translation

ARROWS = "{0} {0}|plural(one=arrow,other=arrows) left in your quiver."
GENDER = "Kaelen says {Gender}|gender(he,she) will meet you at the gate."
PLACE = "You finished {Place}{Place}|ordinal(one=st,two=nd,few=rd,other=th)."
MINUTES = "Played for {Minutes} {Minutes}|plural(one=minute,other=minutes)"
OUTPUTS = {
    "{0} {plural} left in your quiver.": "{0} {plural} in deinem Köcher übrig.",
    "arrow": "Pfeil",
    "arrows": "Pfeile",
    "Kaelen says {gender} will meet you at the gate.": "Kaelen sagt, {gender} trifft dich am Tor.",
    "You finished {Place}{ordinal}.": "Du hast {Place}{ordinal} abgeschlossen.",
    "Played for {Minutes} {plural}": "Gespielt für {Minutes} {plural}",
    "minute": "Minute",
    "minutes": "Minuten, gesamt",  # a comma in a form: quoted
}


def _translate(texts: list[str], prefer: list[dict[str, Any]]) -> list[Translation]:
    return [Translation(text, OUTPUTS.get(text, f"<{text}>"), "model") for text in texts]


def test_modifiers_keep_their_syntax_and_only_their_forms_are_translated() -> None:
    texts = [ARROWS, GENDER, PLACE, MINUTES]
    done = translated_by_forms(texts, [{}] * 4, _translate, tgt_lang="de")
    assert done is not None
    assert [t.text for t in done] == [
        "{0} {0}|plural(one=Pfeil,other=Pfeile) in deinem Köcher übrig.",
        "Kaelen sagt, {Gender}|gender(er,sie) trifft dich am Tor.",
        "Du hast {Place}{Place}|ordinal(one=.,two=.,few=.,other=.) abgeschlossen.",
        'Gespielt für {Minutes} {Minutes}|plural(one=Minute,other="Minuten, gesamt")',
    ]


@pytest.mark.parametrize(
    ("text", "keys", "forms"),
    [
        ("{N}|plural(one=is,other=are)", ("one", "other"), ("is", "are")),
        ('{N}|plural(one="a, b",other=c)', ("one", "other"), ("a, b", "c")),
        ("{G}|gender(Le,La,Lo)", ("", "", ""), ("Le", "La", "Lo")),
        (
            "{N}|plural(zero=none,one=one,other=many)",
            ("zero", "one", "other"),
            ("none", "one", "many"),
        ),
    ],
)
def test_modifier_values(text: str, keys: tuple[str, ...], forms: tuple[str, ...]) -> None:
    [found] = modifiers(text)
    assert (found.keys, found.forms) == (keys, forms)


def test_korean_hpp_is_left_as_it_is() -> None:
    assert modifiers("{Name}|hpp(이,가) 왔다") == []
