from __future__ import annotations

import time

import pytest

from ltmt.dashes import em_dashes_in_lines, em_dashes_kept, en_dashes_in_lines, en_dashes_kept


@pytest.mark.parametrize(
    ("source", "output", "expected"),
    [
        (
            "It is fast \u2013 and it is free.",
            "Es ist schnell - und es ist frei.",
            "Es ist schnell \u2013 und es ist frei.",
        ),
        (
            "Brightly Planner \u2013 Plan your week in minutes",
            "Brightly Planner - Planen Sie Ihre Woche in Minuten",
            "Brightly Planner \u2013 Planen Sie Ihre Woche in Minuten",
        ),
        ("A \u2013 b \u2013 c", "A - b - c", "A \u2013 b \u2013 c"),
        # another count of hyphens: not each in a dash's place
        ("A \u2013 b \u2013 c", "A - b c", "A - b c"),
        # the source writes both: which is which is not known
        ("A \u2013 b - c", "A - b - c", "A - b - c"),
        # already an en dash, or no spaced hyphen (a word's hyphen stays)
        ("A \u2013 b", "A \u2013 b", "A \u2013 b"),
        (
            "Plans from €9 \u2013 cancel anytime.",
            "Plane aus €9- stornieren",
            "Plane aus €9- stornieren",
        ),
        ("E-mail \u2013 now", "E-Mail jetzt", "E-Mail jetzt"),
        # a sentence piece that starts with the dash (a trial's '"Save time every week." \u2013
        # Anna, Berlin' retried a sentence at a time came out '... - Anna, Berlin')
        ("\u2013 Anna, Berlin", "- Anna, Berlin", "\u2013 Anna, Berlin"),
        ("\u2013 Tom \u2013 Hamburg", "- Tom - Hamburg", "\u2013 Tom \u2013 Hamburg"),
        ("-5 \u2013 0", "-5 - 0", "-5 \u2013 0"),  # a minus sign is no spaced hyphen
        # no dash in the source: the output's hyphens are its own
        ("Pages 1 to 5", "Seiten 1 - 5", "Seiten 1 - 5"),
    ],
)
def test_a_spaced_en_dash_written_as_a_hyphen_is_written_back(source, output, expected):
    assert en_dashes_kept(source, output) == expected


def test_each_line_is_written_alone():
    assert en_dashes_in_lines(["a \u2013 b", "c - d"], ["a - b", "c - d"]) == [
        "a \u2013 b",
        "c - d",
    ]


@pytest.mark.parametrize(
    ("source", "output", "expected"),
    [
        # a Shopify trial: "Sizes 39\u201342" came out "39-42" (stdin "39 -42")
        ("Sizes 39\u201342", "Größen 39-42", "Größen 39\u201342"),
        ("Sizes 39\u201342", "Größen 39 -42", "Größen 39\u201342"),
        ("Open 9\u201317 daily", "Täglich 9 - 17 geöffnet", "Täglich 9\u201317 geöffnet"),
        # other numbers, and a hyphen the source does not have as a range, are the output's
        ("Sizes 1\u20132", "Größen 11-22", "Größen 11-22"),
        ("Sizes 1\u20132", "Größen 1-2.5", "Größen 1-2.5"),
        ("Call 555-1234", "Rufen Sie 555-1234 an", "Rufen Sie 555-1234 an"),
    ],
)
def test_a_number_ranges_en_dash_written_as_a_hyphen_is_written_back(source, output, expected):
    assert en_dashes_kept(source, output) == expected


EM = "\u2014"


@pytest.mark.parametrize(
    ("source", "output", "fused", "expected"),
    [
        # a Zendesk trial, session 76 (the shipped model's outputs): "--" or "-" for an em dash
        (
            f"Tip: prices are in \u20ac {EM} VAT isn\u2019t included.",
            "Tipp: die Preise in \u20ac -- VAT ist nicht enthalten.",
            False,
            f"Tipp: die Preise in \u20ac {EM} VAT ist nicht enthalten.",
        ),
        (
            f"Prices are in euros {EM} VAT is not included.",
            "Preise sind in Euro - die Mehrwertsteuer ist nicht enthalten.",
            False,
            f"Preise sind in Euro {EM} die Mehrwertsteuer ist nicht enthalten.",
        ),
        (f"A {EM} b {EM} c", "A -- b - c", False, f"A {EM} b {EM} c"),
        (f"{EM} Anna, Berlin", "-- Anna, Berlin", False, f"{EM} Anna, Berlin"),
        # fused: a double hyphen is the model's, which a memory holds from an earlier output; a
        # spaced hyphen is the memory's way to write a dash
        (f"A {EM} b", "A -- b", True, f"A {EM} b"),
        (f"A {EM} b", "A - b", True, "A - b"),
        (f"A {EM} b {EM} c", "A -- b - c", True, "A -- b - c"),
        # another count, a source with another dash or hyphen too, an output with an em dash or
        # the model's own en dash (German's dash): left as they are
        (f"A {EM} b {EM} c", "A -- b c", False, "A -- b c"),
        (f"A {EM} b \u2013 c", "A -- b - c", False, "A -- b - c"),
        (f"A {EM} b - c", "A -- b - c", False, "A -- b - c"),
        (f"A {EM} b -- c", "A -- b -- c", False, "A -- b -- c"),
        (f"A {EM} b {EM} c", f"A {EM} b -- c", False, f"A {EM} b -- c"),
        (f"{EM} Anna, Berlin", "\u2013 Anna, Berlin", False, "\u2013 Anna, Berlin"),
        # an unspaced em dash, a word's hyphen, a command's option: not a spaced dash
        (f"euros{EM}VAT", "Euro--VAT", False, "Euro--VAT"),
        (
            f"Run it {EM} with --force",
            "Mit --force ausf\u00fchren",
            False,
            "Mit --force ausf\u00fchren",
        ),
        ("Run it -- now", "Jetzt -- ausf\u00fchren", False, "Jetzt -- ausf\u00fchren"),
    ],
)
def test_a_spaced_em_dash_written_as_hyphens_is_written_back(source, output, fused, expected):
    assert em_dashes_kept(source, output, fused=fused) == expected


def test_each_line_is_written_alone_for_em_dashes_too():
    assert em_dashes_in_lines([f"a {EM} b", "c -- d"], ["a -- b", "c -- d"], fused=False) == [
        f"a {EM} b",
        "c -- d",
    ]


@pytest.mark.parametrize(
    "source, output",
    [
        (f"a {EM} " * 20000, "b -- " * 20000),
        (f"a {EM} " * 20000, " " * 50000 + "--"),
        (EM + " " * 50000, "-" * 50000),
    ],
    ids=["dashes", "spaces", "hyphens"],
)
def test_long_adversarial_lines_are_read_for_em_dashes_in_linear_time(source, output):
    started = time.perf_counter()
    em_dashes_kept(source, output)
    assert time.perf_counter() - started < 5.0
