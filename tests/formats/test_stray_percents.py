"""A ``%`` a printf format string's translation has and its source neither writes nor says."""

from __future__ import annotations

import time

import pytest

from ltmt.formats.repair import repair_line
from ltmt.formats.stray_percents import without_stray_percents


@pytest.mark.parametrize(
    ("source", "output", "expected"),
    [
        # a stringsdict form (healthcare trial, session 73): a conversion cut short
        (
            "Take %d tablet of %@ with water.",
            "Legen Sie %d Tablet von %@ mit Wasser. Tablette von %",
            "Legen Sie %d Tablet von %@ mit Wasser. Tablette von",
        ),
        (
            "Take %1$d tablets of %2$@",
            "Nimm %1$d Tabletten % von %2$@",
            "Nimm %1$d Tabletten von %2$@",
        ),
        ("Hello %(name)s", "Hallo %(name)s (%)", "Hallo %(name)s ()"),
        ("%#@count@ left", "%#@count@ übrig%", "%#@count@ übrig"),
        # a percent sign of the source's own, or of a word it says: kept
        ("Saved 50% of %s", "50 % von %s gespart", "50 % von %s gespart"),
        ("Battery at %d percent", "Akku bei %d %", "Akku bei %d %"),
        ("Battery at %d per cent", "Akku bei %d %", "Akku bei %d %"),
        ("%d pct. of users", "%d % der Nutzer", "%d % der Nutzer"),
        ("%d PCT of users", "%d % der Nutzer", "%d % der Nutzer"),
        ("Percentage: %d", "Prozentsatz: %d %", "Prozentsatz: %d %"),
        ("Pick %s, not a pctx", "Wähle %s % aus", "Wähle %s aus"),
        # a source that writes %% has its lone % escaped by the repair, not dropped here
        ("Used: %d%%", "Belegt: %d%% (50 %)", "Belegt: %d%% (50 %)"),
        # no printf conversion a letter ends: Qt's, Ruby's named, no placeholder at all
        ("Open %1 now", "Öffne %1 jetzt %", "Öffne %1 jetzt %"),
        ("Hello %{name}", "Hallo %{name} %", "Hallo %{name} %"),
        ("Take two tablets", "Nimm zwei Tabletten %", "Nimm zwei Tabletten %"),
    ],
)
def test_a_stray_percent_is_dropped_where_the_source_is_a_format_string(source, output, expected):
    assert without_stray_percents(source, output) == expected


def test_the_repair_drops_a_stray_percent_and_says_so():
    assert repair_line(
        "Take %d tablet of %@ with water.", "Nehmen Sie %d Tablette von %@ mit Wasser. von %"
    ) == ("Nehmen Sie %d Tablette von %@ mit Wasser. von", ["a stray % removed"])


def test_a_long_adversarial_text_is_read_in_linear_time():
    source = "%d " + "per per cen" * 2_000  # "per ?cent" started at every word, never ended
    output = "%d" + " \t %" * 5_000
    started = time.perf_counter()
    assert without_stray_percents(source, output) == "%d" + " \t" * 5_000
    assert time.perf_counter() - started < 2.0
