"""Date and time formats written with strftime's directives: found, kept from the model and
written in the target language's order and punctuation (CLDR's data, through Babel)."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from ltmt.date_formats import (
    date_runs,
    dates_in_order,
    directives,
    localise_dates,
    localised_run,
    lost_fields,
    only_directives,
)


@pytest.mark.parametrize(
    ("text", "runs"),
    [
        ("%A %B %-d", ["%A %B %-d"]),
        ("Yesterday, %l\u2236%M %p", ["%l\u2236%M %p"]),  # GNOME's ratio sign
        ("%m/%d", ["%m/%d"]),  # a month and a day: a date although printf has both
        ("%d.%m.", ["%d.%m"]),
        ("Updated %B %-d, %Y at %H:%M", ["%B %-d, %Y", "%H:%M"]),
        ("%a %b %-e_%R", ["%a %b %-e_%R"]),
        # printf's, or something else
        ("%d \u00d7 %d", []),
        ("%s: %d", []),
        ("%d %%", []),
        ("Restart %PRODUCTNAME now", []),  # followed by a letter
        ('Could not open "%B".', []),  # one directive: a file name in Caja
        ("Default arguments are -i -f %F -- %R", []),  # more than one sign between
        ("%x(%a) %H:%M", ["%H:%M"]),
    ],
)
def test_date_runs(text, runs):
    assert [run.text for run in date_runs(text)] == runs
    for run in date_runs(text):
        assert text[run.start : run.end] == run.text


@pytest.mark.parametrize(
    ("run", "target", "expected"),
    [
        # what gnome-shell's German translators wrote, padding aside
        ("%B %-d", "de", "%-d. %B"),
        ("%A %B %-d", "de", "%A, %-d. %B"),
        ("%m/%d", "de", "%d.%m."),
        ("%B %-d %Y, %H\u2236%M", "de", "%-d. %B %Y, %H\u2236%M"),  # the time as written
        ("%b %e", "de", "%e. %b"),
        ("%a %m/%d/%Y %I:%M %p", "de", "%a, %d.%m.%Y %I:%M %p"),  # a 12-hour clock stays
        ("%B %-d", "fr", "%-d %B"),
        ("%B %-d", "pt-BR", "%-d de %B"),
        ("%B %-d", "en-GB", "%-d %B"),
        ("%B %Y", "ru", "%B %Y\u202f\u0433."),
        # Japanese writes the month as a number beside its sign
        ("%B %-d", "ja", "%-m月%-d日"),
        ("%m/%d/%Y", "ja", "%Y/%m/%d"),
        # as written: ISO 8601, a time alone, a field CLDR has no skeleton for, no language
        ("%Y-%m-%d %H:%M:%S", "de", "%Y-%m-%d %H:%M:%S"),
        ("%Y%m%d", "de", "%Y%m%d"),
        ("%+4Y-%m-%d", "de", "%+4Y-%m-%d"),  # GNU date's help
        ("%l:%M %p", "de", "%l:%M %p"),
        ("%j/%Y", "de", "%j/%Y"),
        ("%B %-d", "und", "%B %-d"),
        ("%B %-d", "xx", "%B %-d"),
    ],
)
def test_a_date_gets_the_target_languages_order_and_signs(run, target, expected):
    assert localised_run(run, target) == expected


LANGUAGES = ("de", "fr", "es", "it", "nl", "pl", "sv", "ru", "tr", "fi", "hu", "pt-BR", "en-GB")
DATE_DIRECTIVES = ("%A", "%a", "%B", "%b", "%m", "%-m", "%d", "%-d", "%e", "%Y", "%y")
TIME_DIRECTIVES = ("%H", "%I", "%l", "%M", "%S", "%p")


@settings(deadline=None)  # a language's first pattern reads Babel's data
@example(["%b", "%d"], [], " ", "fi")
@given(
    st.lists(st.sampled_from(DATE_DIRECTIVES), min_size=2, max_size=4),
    st.lists(st.sampled_from(TIME_DIRECTIVES), max_size=3),
    st.sampled_from([" ", ", ", "/", ".", "-"]),
    st.sampled_from(LANGUAGES),
)
def test_a_localised_run_writes_every_field_of_its_source(dates, times, separator, language):
    run = separator.join(dates + times)
    localised = localised_run(run, language)
    assert lost_fields(run, localised) == []
    # every directive of the source's stays, a month in the language's own form: Finnish
    # writes an abbreviated month and its day as numbers (``%b %d`` -> ``%d.%-m.``, CLDR's
    # ``d.M.``), which Hypothesis found; the other fields are the source's own
    assert sorted(_field(d.text) for d in directives(localised)) == sorted(
        _field(d.text) for d in directives(run)
    )


def _field(directive: str) -> str:
    """The field a directive writes: a month's name or number alike."""
    return "month" if directive in ("%b", "%B", "%m", "%-m") else directive


def test_a_line_of_date_runs_alone():
    assert only_directives("%A, %H:%M")
    assert only_directives("(%B %Y)")
    assert only_directives("%OB")  # one alone: nothing to translate either
    assert not only_directives("Today %H:%M")
    assert not only_directives("%B 2024")  # a digit
    assert not only_directives("Restart")
    assert not only_directives('"%s"')  # printf's, and German quotes it otherwise
    assert not only_directives("'%B'")


def test_the_translation_gets_each_run_it_holds_as_written_localised():
    source = "Updated %m/%d/%Y at %l:%M %p"
    assert localise_dates(source, "Aktualisiert am %m/%d/%Y um %l:%M %p", "de") == (
        "Aktualisiert am %d.%m.%Y um %l:%M %p"
    )
    # a run the translation does not hold as written is left to the translation
    assert localise_dates(source, "Aktualisiert %m.%d.%Y", "de") == "Aktualisiert %m.%d.%Y"
    assert localise_dates(source, "Aktualisiert am %m/%d/%Y", "") == "Aktualisiert am %m/%d/%Y"


@pytest.mark.parametrize(
    ("source", "target", "lost"),
    [
        ("%A, %B %-d", "%A, %-d. %B", []),
        ("%I:%M %p", "%H:%M", []),  # a 24-hour clock needs no AM/PM
        ("%I:%M %p", "%I:%M", ["AM/PM"]),  # a 12-hour one does
        ("%B %-d %Y", "%e. %B", ["year"]),
        ("%A %B %-d", "%A, den %-d. %B", []),  # a word between is the language's
        ("Yesterday, %l:%M %p", "Gestern", ["hour", "minute", "AM/PM"]),
        ("%d files", "Dateien", []),  # no date run
        ("%F %T", "%d.%m.%Y %T", []),  # a composite directive's fields
    ],
)
def test_lost_fields(source, target, lost):
    assert lost_fields(source, target) == lost


@pytest.mark.parametrize(
    ("source", "target", "language", "expected"),
    [
        # marketing trial, session 65: the month translated, the order English's
        (
            "Upgrade to Pro for only €19/month until March 1, 2027.",
            "Upgrade auf Pro für nur €19/Monat bis März 1, 2027.",
            "de",
            "Upgrade auf Pro für nur €19/Monat bis 1. März 2027.",
        ),
        ("Ends Oct. 3, 2026", "Endet Okt. 3, 2026", "de", "Endet 3. Okt. 2026"),
        ("Ends April 3 2026", "Endet April 3 2026", "de-CH", "Endet 3. April 2026"),
        # a line in capitals (subtitles trial s76)
        ("BERLIN, NOVEMBER 9, 1989", "BERLIN, NOVEMBER 9, 1989", "de", "BERLIN, 9. NOVEMBER 1989"),
        ("UNTIL MARCH 1, 2027", "BIS MÄRZ 1, 2027", "de", "BIS 1. MÄRZ 2027"),
        # left: German order already, another day, the English name, a language that writes
        # the month first, a word that is no month
        ("Until March 1, 2027.", "Bis 1. März 2027.", "de", "Bis 1. März 2027."),
        ("Until March 1, 2027.", "Bis März 2, 2027.", "de", "Bis März 2, 2027."),
        ("Until March 1, 2027.", "Bis March 1, 2027.", "de", "Bis March 1, 2027."),
        ("Until March 1, 2027.", "Until March 1, 2027.", "en", "Until March 1, 2027."),
        ("Version 3, 2027", "Version 3, 2027", "de", "Version 3, 2027"),
    ],
)
def test_a_written_date_gets_the_target_languages_order(source, target, language, expected):
    assert dates_in_order(source, target, language) == expected
    assert localise_dates(source, target, language) == expected
