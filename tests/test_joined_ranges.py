"""A source's number range that its translation writes as one number: found and parted."""

from __future__ import annotations

import time

import pytest

from ltmt.joined_ranges import joined_ranges, ranges_parted

NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("source", "output", "joined", "parted"),
    [
        # a healthcare user's trial (session 73): a storage range became one temperature
        (
            "Keep at 2\u20138 °C.",
            "Keep bei 2.8 °C.",
            [("2\u20138", "2.8")],
            "Keep bei 2\u20138 °C.",
        ),
        (
            "Keep at 2\u20138 °C.",
            "Bei 2,8 °C lagern.",
            [("2\u20138", "2,8")],
            "Bei 2\u20138 °C lagern.",
        ),
        (
            f"Store at 15\u201325{NBSP}°C",
            f"Halten bei 15.25{NBSP}°C ein.",
            [("15\u201325", "15.25")],
            f"Halten bei 15\u201325{NBSP}°C ein.",
        ),
        # a hyphen, a spaced dash: written back as the source writes the range
        ("Keep at 2-8 °C.", "Bei 2,8 °C.", [("2-8", "2,8")], "Bei 2-8 °C."),
        (
            "Wait 5 \u2013 10 minutes",
            "5,10 Minuten warten",
            [("5 \u2013 10", "5,10")],
            "5 \u2013 10 Minuten warten",
        ),
        ("ISO 8859-1", "ISO 8859.1", [("8859-1", "8859.1")], "ISO 8859-1"),
        # "to": German's en dash
        (
            "Store at 15 to 25 °C",
            "Bei 15.25 °C lagern.",
            [("15 to 25", "15.25")],
            "Bei 15\u201325 °C lagern.",
        ),
        # two ranges, each once
        (
            "Take 1\u20132 tablets 3\u20134 times a day.",
            "1.2 Tabletten 3,4 Mal täglich.",
            [("1\u20132", "1.2"), ("3\u20134", "3,4")],
            "1\u20132 Tabletten 3\u20134 Mal täglich.",
        ),
        # a range kept, in whatever form
        ("Keep at 2\u20138 °C.", "Bei 2\u20138 °C lagern.", [], None),
        ("Keep at 2\u20138 °C.", "Bei 2 bis 8 °C lagern.", [], None),
        ("Store at 15\u201325 °C", "Bei 15 bis25 °C", [], None),
        # the source has the number too: which is which is unknown
        ("Version 2.8 replaces 2\u20138.", "Version 2.8 ersetzt 2.8.", [], None),
        ("Version 2,8 replaces 2\u20138.", "Version 2.8 ersetzt 2,8.", [], None),
        # no range: a date, a time, a decimal's part, a number glued to a word, numbers in
        # the other order
        ("On 2024-05-01", "Am 01.05.2024", [], None),
        ("Due 2024-05", "Fällig 05.2024", [], None),
        ("Open 9:00\u201317:00", "Geöffnet 9.00\u201317.00", [], None),
        ("Use 1.5-2 mg", "1,5.2 mg verwenden", [], None),
        ("Use A2-8 paper", "A2.8-Papier verwenden", [], None),
        ("Pages 8-2", "Seiten 2.8", [], None),
        ("Take 2 tablets, then 8 more", "2.8 Tabletten", [], None),
        # an output's number of more parts is no joined range
        ("Keep at 2\u20138 °C.", "Bei 2.8.1 °C.", [], None),
        ("Keep at 2\u20138 °C.", "Bei 12.8 °C.", [], None),
        # a clock time or a date of the source's, as German writes it (regression trial,
        # session 73: "um 15.30 Uhr" became "um 15-30 Uhr")
        (
            "Sessions last 15-30 minutes; the first one starts at 15:30.",
            "15-30 Minuten; der erste beginnt um 15.30 Uhr.",
            [],
            None,
        ),
        ("Take 14-30 mg at 14:30.", "Nimm 14-30 mg bis 14.30 Uhr.", [], None),
        ("Open 10-12 and from 10:12.", "Geöffnet 10\u201312 und ab 10.12 Uhr", [], None),
        ("Meet 10-11 on 10/11.", "Treffen 10\u201311 am 10.11.", [], None),
        ("Pages 10-11 (printed 10/11)", "Seiten 10\u201311 (gedruckt 10.11)", [], None),
        ("Pages 10-11 (printed 11/10)", "Seiten 10\u201311 (gedruckt 10.11)", [], None),
        # the source's time written twice: which is the range is unknown, as for 2.8 above
        ("Take 14-30 mg at 14:30.", "Nimm 14.30 mg bis 14.30 Uhr.", [], None),
        # the source writes no time, the translation says it is one: "Uhr", a day and month
        ("Starts 15-30", f"Beginnt 15.30{NBSP}Uhr", [], None),
        ("Closed 24-12 and 31-12.", "Geschlossen am 24.12. und 31.12.", [], None),
        ("Closed 24-12 only.", "Nur am 24.12. geschlossen.", [], None),
        # no time nor date: minutes of one digit or past 59, a month past 12, a day past 31
        ("Open 9-5", "Geöffnet 9.5 Uhr", [("9-5", "9.5")], "Geöffnet 9-5 Uhr"),
        ("Open 9-75", "Geöffnet 9.75 Uhr", [("9-75", "9.75")], "Geöffnet 9-75 Uhr"),
        ("Keep 24-13.", "Bei 24.13.", [("24-13", "24.13")], "Bei 24-13."),
        ("Keep 32-12.", "Bei 32.12.", [("32-12", "32.12")], "Bei 32-12."),
        # a range the translation writes already, as often as the source: none joined
        ("Take 1-2 tablets", "1\u20132 Tabletten, 1.2 mg", [], None),
        ("Take 1-2 tablets", "1 bis 2 Tabletten, 1.2 mg", [], None),
        (
            "Take 1-2 tablets 1-2 times a day",
            "1\u20132 Tabletten 1.2 Mal täglich",
            [("1-2", "1.2")],
            "1\u20132 Tabletten 1-2 Mal täglich",
        ),
    ],
)
def test_a_range_written_as_one_number_is_found_and_parted(source, output, joined, parted):
    found = joined_ranges(source, output)
    assert [(each.range, each.number) for each in found] == joined
    assert ranges_parted(source, output) == (output if parted is None else parted)


def test_a_joined_range_says_where_it_is_and_its_numbers():
    (found,) = joined_ranges("Store at 15 to 25 °C", "Bei 15.25 °C")
    assert (found.first, found.last, found.start, found.end) == ("15", "25", 4, 9)
    assert found.parted == "15\u201325"


def test_a_range_the_source_has_once_is_parted_once():
    assert ranges_parted("Keep at 2\u20138 °C.", "2.8 °C, 2.8 °C") == "2\u20138 °C, 2.8 °C"


_ADVERSARIAL = {
    "digits": "9" * 200_000 + "x",
    "hyphens": "1-" * 50_000 + "x",
    "en dashes": "1\u2013" * 50_000 + "x",
    "spaced dashes": "1 - " * 50_000 + "x",
    "decimals": "1." * 50_000 + "x",
    "commas": "1," * 50_000 + "x",
    "almost to": "1 " + " " * 100_000 + "tx",
    "a long to": "1 to " * 50_000 + "x",
    "spaces after digits": "1" + " " * 100_000 + "to",
    "colons": "1:" * 50_000 + "1",
    "slashes": "1/" * 50_000 + "1",
    "almost bis": "1 " + " " * 100_000 + "bx",
    "a long bis": "1 bis " * 50_000 + "x",
    "almost uhr": "1.2 " * 50_000 + "Uh",
    "spaces before uhr": "1.2" + " " * 100_000 + "Uhr",
}


@pytest.mark.parametrize("text", list(_ADVERSARIAL.values()), ids=list(_ADVERSARIAL))
def test_long_adversarial_input_is_read_in_linear_time(text):
    started = time.monotonic()
    joined_ranges(text, text)
    ranges_parted(text, text.replace("-", ".").replace("\u2013", ",").replace(" to ", "."))
    joined_ranges("1-2 " * 50_000, text)
    assert time.monotonic() - started < 10
