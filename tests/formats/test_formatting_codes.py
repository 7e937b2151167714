"""Minecraft's formatting codes: which ``§`` starts one, and what a number or a word is beside it."""

from __future__ import annotations

import time

import pytest

from ltmt.formats.formatting_codes import (
    code_edges,
    code_spans,
    invalid_codes,
    only_codes,
    section_number,
    without_codes,
)
from ltmt.formats.placeholder_syntax import find_placeholders


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("The turret will attack §nall§r§7 players!", ["§n", "§r", "§7"]),
        ("§c§lWARNING:§r", ["§c", "§l", "§r"]),
        ("§C§LUpper case too", ["§C", "§L"]),  # Minecraft reads §C as §c
        ("The password is §k12345§r.", ["§k", "§r"]),
        ("Grey digits §712345§r", ["§7", "§r"]),  # a code of a letter: §7 before digits is one
        ("Grey words §7 here §r", ["§7", "§r"]),
        # where no code of a letter says the text is Minecraft's, a digit's code glued to a
        # word or a code; else a law's section and its number
        ("The §7turret and §4§5Text", ["§7", "§4", "§5"]),
        ("Read §12 and §1983 and §1.5", []),
        ("§3 The data is kept under §5a BGB, see §5 of the terms.", []),
        ("See § 3 and §§ 4-5", []),  # a section sign spaced from its number: no code
        ("Invalid §S and §x and §K", ["§K"]),  # K (the Kelvin sign) is no k
        ("Trailing §", []),
    ],
)
def test_a_section_sign_and_one_code_character_is_a_code(text, codes):
    assert [text[start:end] for start, end in code_spans(text)] == codes


def test_a_section_sign_and_digits_is_a_laws_section_where_the_text_has_no_letter_code():
    assert section_number("§12", 0) and section_number("see §1.5", 4)
    assert section_number("§3 The data", 0) and section_number("§5a BGB", 0)
    assert not section_number("§7turret", 0)  # glued to the word it colours
    assert not section_number("§4§5Text", 0)  # and to another code
    assert not section_number("§712345§r", 0)  # the text has a code of a letter
    assert not section_number("§c", 0)  # a letter's code
    assert not section_number("§12", 0, lettered=True)  # as its caller read the text


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        ("§7turret", "  turret"),  # the 7 is no number, nor glued to the word
        ("§k12345§r.", "  12345  ."),  # the number 12345, not the code k12345
        ("Read §12", "Read §12"),  # a law's section keeps its number
        ("no codes 42", "no codes 42"),
    ],
)
def test_without_codes_blanks_each_code_and_keeps_the_length(text, plain):
    assert without_codes(text) == plain
    assert len(without_codes(text)) == len(text)


@pytest.mark.parametrize(
    ("line", "edges"),
    [
        ("§7Line one", ("§7", "Line one", "")),
        ("§c§lWARNING:§r §7The turret", ("§c§l", "WARNING:§r §7The turret", "")),
        ("Energy: §a1000 FE§r", ("", "Energy: §a1000 FE", "§r")),
        ("§7 Line one §r ", ("§7 ", "Line one", " §r ")),
        # codes inside the words, or no words, or no codes: no edges
        ("Hold §eShift§r for more", ("", "Hold §eShift§r for more", "")),
        ("§r §7", ("", "§r §7", "")),
        ("Read §12 now", ("", "Read §12 now", "")),
    ],
)
def test_code_edges_are_the_codes_before_and_after_a_lines_words(line, edges):
    assert code_edges(line) == edges


@pytest.mark.parametrize(
    ("text", "alone"),
    [
        ("§c§l", True),
        ("§r §7", True),
        ("§r\t§7", True),
        ("§c x", False),
        ("§S", False),
        ("", False),
    ],
)
def test_only_codes_is_codes_in_a_row_or_apart_by_spaces(text, alone):
    assert only_codes(text) is alone


@pytest.mark.parametrize(
    ("text", "invalid"),
    [
        ("§c§lWARNUNG:§r §7Das Geschütz greift §Salle§r an", ["§S"]),
        ("§Über §ä", ["§Ü", "§ä"]),  # a letter of any script
        ("Deine §Laserkanone", []),  # §L is bold (§l): valid, the placeholders check's
        ("See § 3, §5 and §§ 4", []),  # a section sign before no letter
    ],
)
def test_a_section_sign_before_a_letter_no_code_has_is_invalid(text, invalid):
    assert invalid_codes(text) == invalid


_ADVERSARIAL = {
    "signs": "§" * 50_000,
    "spaced codes": "§r " * 30_000 + "x",
    "codes then spaces": "§c" * 30_000 + " " * 30_000 + "§",
    "long sections": ("§1" + "2" * 100) * 500,
    "many sections": "§12 " * 15_000,  # the text is searched for a letter code once
}


@pytest.mark.parametrize("text", _ADVERSARIAL.values(), ids=_ADVERSARIAL.keys())
def test_long_adversarial_input_is_read_in_linear_time(text):
    started = time.perf_counter()
    code_spans(text)
    code_edges(text)
    without_codes(text[:20_000])
    only_codes(text)
    invalid_codes(text)
    assert time.perf_counter() - started < 1.0


@pytest.mark.parametrize("name", ["signs", "many sections", "long sections"])
def test_the_placeholder_inventory_of_many_codes_or_sections_is_read_in_linear_time(name):
    started = time.perf_counter()
    find_placeholders(_ADVERSARIAL[name])
    assert time.perf_counter() - started < 2.0
