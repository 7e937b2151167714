"""The length limits XLIFF units declare, a translation's length under them, and the note of
those translated too long (LengthsChecked)."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from ltmt.formats.documents import Unit
from ltmt.formats.size_limits import (
    LengthsChecked,
    SizeLimit,
    declared_limit,
    shown_length,
    too_long_message,
)

SLR = 'xmlns:slr="urn:oasis:names:tc:xliff:sizerestriction:2.0"'


@pytest.mark.parametrize(
    ("attributes", "limit"),
    [
        ('maxwidth="12" size-unit="char"', SizeLimit(12, "char")),
        ('maxwidth="120"', SizeLimit(None, "pixel")),  # the spec's default unit
        ('maxwidth="40" size-unit="byte"', SizeLimit(None, "byte")),
        ('size-unit="char"', None),
        # no whole number: unchecked, and said so (it was ignored silently)
        ('maxwidth="wide" size-unit="char"', SizeLimit(None, 'maxwidth="wide" (no whole number)')),
        # a superscript two is a digit to str.isdigit, and int() refused it: the run crashed
        ('maxwidth="²" size-unit="char"', SizeLimit(None, 'maxwidth="²" (no whole number)')),
    ],
)
def test_xliff12_maxwidth_in_characters_is_a_limit(attributes: str, limit: SizeLimit) -> None:
    unit = etree.fromstring(f'<trans-unit id="1" {attributes}><source>A</source></trans-unit>')
    assert declared_limit(unit, 1) == limit


@pytest.mark.parametrize(
    ("profiles", "unit_attribute", "segment_attribute", "limit"),
    [
        (
            'generalProfile="xliff:codepoints"',
            ' slr:sizeRestriction="12"',
            "",
            SizeLimit(12, "char"),
        ),
        ('generalProfile="xliff:codepoints"', "", ' slr:sizeRestriction="8"', SizeLimit(8, "char")),
        (
            'generalProfile="acme:pixels"',
            ' slr:sizeRestriction="12"',
            "",
            SizeLimit(None, "acme:pixels"),
        ),
        ("", ' slr:sizeRestriction="12"', "", SizeLimit(None, "no profile")),
        ('generalProfile="xliff:codepoints"', ' slr:storageRestriction="12"', "", None),
    ],
)
def test_xliff20_size_restrictions_in_codepoints_are_limits(
    profiles: str, unit_attribute: str, segment_attribute: str, limit: SizeLimit | None
) -> None:
    declared = f"<slr:profiles {profiles}/>" if profiles else ""
    root = etree.fromstring(
        f'<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" {SLR}><file id="f">{declared}'
        f'<unit id="1"{unit_attribute}><segment{segment_attribute}><source>A</source>'
        "</segment></unit></file></xliff>"
    )
    segment = next(root.iter("{urn:oasis:names:tc:xliff:document:2.0}segment"))
    assert declared_limit(segment, 2) == limit


def test_inline_codes_do_not_count() -> None:
    assert shown_length('Los <x id="1"/> <g id="2">Nr.</g>') == len("Los  Nr.")
    assert too_long_message("Packungsbeilage beachten.", 25) is None
    assert too_long_message("Packungsbeilage beachten.", 12) == (
        "the translation is 25 characters long, its unit allows 12"
    )


class _Labels(LengthsChecked):
    """Labels of at most 5 characters, keyed by name."""

    path = Path("labels.txt")

    def __init__(self) -> None:
        super().__init__()
        self.over_limit: dict[str, str] = {}

    def units(self) -> list[Unit]:
        return [Unit(name, name) for name in ("ok", "cancel", "free")]

    def limit_at(self, key: str) -> tuple[int | None, str]:
        return (None if key == "free" else 5), f"label {key}"

    def over_limit_said(self, count: int) -> str:
        return f"{count} labels longer than 5 characters"


def test_strings_filled_too_long_are_noted_until_filled_short() -> None:
    labels = _Labels()
    assert labels.fill({"ok": "OK", "cancel": "Abbrechen", "free": "Unbegrenzt lang"}) == 3
    assert labels.over_limit == {
        "cancel": "label cancel: the translation is 9 characters long, its unit allows 5"
    }
    assert labels.review_notes() == [
        "1 labels longer than 5 characters (label cancel: the translation is 9 characters "
        "long, its unit allows 5): shorten it"
    ]
    labels.fill({"cancel": "Nein"})
    assert labels.translations["cancel"] == "Nein"
    assert labels.over_limit == {} and labels.review_notes() == []
