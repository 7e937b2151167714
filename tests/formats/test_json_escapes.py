"""Which characters a JSON file writes as ``\\u`` escapes, kept by kind in its translation."""

from __future__ import annotations

import json
import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ltmt.formats.json_escapes import JsonEscapes, escapes_of, is_invisible

GERMAN = "„Größe:\u00a0{n}“ für\u200bdich"


@pytest.mark.parametrize(
    ("source", "written"),
    [
        # plain UTF-8, no escapes: nothing escaped
        ('{"a": "Price: {n}"}', GERMAN),
        ('{"a": "Café … {n}"}', GERMAN),
        # ASCII with one invisible escape (trial s76): the invisible ones alone
        ('{"a": "Price:\\u00a0{n}"}', "„Größe:\\u00a0{n}“ für\\u200bdich"),
        ('{"a": "a\\u200Bb"}', "„Größe:\\u00a0{n}“ für\\u200bdich"),  # upper-case hex
        # UTF-8 with a no-break space escaped: its raw letters stay raw
        ('{"a": "Café", "b": "…\\u00a0"}', "„Größe:\\u00a0{n}“ für\\u200bdich"),
        # ... an invisible one it writes raw stays raw, the others are escaped
        ('{"a": "é\\u00a0", "b": "a\u200bb"}', "„Größe:\\u00a0{n}“ für\u200bdich"),
        # ASCII, every non-ASCII escaped (json.dumps, json_encode): everything escaped
        (
            '{"a": "caf\\u00e9\\u00a0"}',
            "\\u201eGr\\u00f6\\u00dfe:\\u00a0{n}\\u201c f\\u00fcr\\u200bdich",
        ),
        ('{"a": "\\u2026"}', "\\u201eGr\\u00f6\\u00dfe:\\u00a0{n}\\u201c f\\u00fcr\\u200bdich"),
        (
            '{"a": "\\ud83d\\ude00"}',
            "\\u201eGr\\u00f6\\u00dfe:\\u00a0{n}\\u201c f\\u00fcr\\u200bdich",
        ),
        # escapes of ASCII characters (Go's \u003c, Jed's \u0004), a backslash then u: none
        ('{"a": "\\u003cb\\u003e \\u0004"}', GERMAN),
        ('{"a": "C:\\\\users\\\\u00e9"}', GERMAN),
    ],
    ids=[
        "utf8",
        "utf8-punctuation",
        "ascii-nbsp-escaped",
        "ascii-zwsp-upper-hex",
        "utf8-nbsp-escaped",
        "utf8-zwsp-raw",
        "all-escaped",
        "all-escaped-ellipsis",
        "all-escaped-emoji-pair",
        "ascii-escapes",
        "escaped-backslash",
    ],
)
def test_a_translation_escapes_what_its_source_escapes_by_kind(source: str, written: str) -> None:
    assert escapes_of(source).dumps(GERMAN) == f'"{written}"'


@pytest.mark.parametrize(
    ("character", "expected"),
    [
        ("\u00a0", True),  # no-break space
        ("\u202f", True),  # narrow no-break space
        ("\u200b", True),  # zero-width space
        ("\u00ad", True),  # soft hyphen
        ("\u2028", True),  # line separator
        ("\u0085", True),  # a C1 control
        ("\ue000", True),  # private use
        ("ü", False),
        ("„", False),
        ("…", False),
        ("😀", False),
    ],
)
def test_invisible_characters(character: str, expected: bool) -> None:
    assert is_invisible(character) is expected


def test_beyond_the_bmp_an_invisible_character_is_a_surrogate_pair() -> None:
    escapes = escapes_of('{"a": "\\u00a0"}')
    assert escapes.dumps("x\U000e0001y") == '"x\\udb40\\udc01y"'  # a language tag
    assert json.loads(escapes.dumps("x\U000e0001y")) == "x\U000e0001y"


def test_a_lone_surrogate_escape_is_invisible() -> None:
    assert escapes_of('{"a": "\\ud800"}') == JsonEscapes(invisible=True)


@pytest.mark.parametrize(
    ("source", "translation", "written"),
    [
        # every non-ASCII escaped in the source, the translator's file in UTF-8: theirs
        ('{"a": "caf\\u00e9"}', '{"a": "Größe\u00a0x"}', '"Größe\u00a0x \\u200b"'),
        # nothing non-ASCII in the translation so far: the source's escapes
        ('{"a": "caf\\u00e9"}', '{"a": "x"}', '"Gr\\u00f6\\u00dfe\\u00a0x \\u200b"'),
        # a translation so far escaped all through: the source's, UTF-8, again
        ('{"a": "é"}', '{"a": "Gr\\u00f6\\u00dfe"}', '"Größe\u00a0x \u200b"'),
    ],
)
def test_beside_an_existing_translation_what_it_writes_raw_stays_raw(
    source: str, translation: str, written: str
) -> None:
    assert escapes_of(source).beside(translation).dumps("Größe\u00a0x \u200b") == written


def test_scalars_other_than_strings_are_written_as_json_dumps_writes_them() -> None:
    escapes = escapes_of('{"a": "\\u00a0"}')
    assert [escapes.dumps(item) for item in (1.5, True, None)] == ["1.5", "true", "null"]


@given(value=st.text(), source=st.sampled_from(['{"a": "\\u00a0"}', '{"a": "\\u00e9"}', "{}"]))
def test_what_is_written_reads_back_as_the_value(value: str, source: str) -> None:
    assert json.loads(escapes_of(source).dumps(value)) == value


@pytest.mark.parametrize(
    "text",
    [
        "\\" * 200_000,
        "\\u" * 100_000,
        "\\ud83d" * 50_000,
        "\\ud83d\\u" * 40_000,
        '"' + "\\ud800\\udc0" * 30_000 + '"',
    ],
)
def test_reading_escapes_is_linear_on_adversarial_text(text: str) -> None:
    started = time.perf_counter()
    escapes_of(text)
    assert time.perf_counter() - started < 1.0
