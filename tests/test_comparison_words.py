"""Comparisons and ranges said in words before or between numbers, lost or turned round in a
German translation (a medical-device trial, session 75)."""

from __future__ import annotations

import time

import pytest

from ltmt.comparison_words import (
    WordedComparison,
    comparison_word_problems,
    lost_ranges,
    worded_comparisons,
)


@pytest.mark.parametrize(
    ("source", "target", "expected"),
    [
        # the trial's: the fusion with a stored "Bei 2 °C bis 8 °C lagern." dropped "below"
        ("Store below 30 °C.", "Bei 30 °C lagern.", [("below 30", "below", "lost")]),
        ("Store below 25 °C.", "Über 25 °C lagern.", [("below 25", "below", "flipped")]),
        (
            "Administer at most 5 mL.",
            "Mindestens 5 ml verabreichen.",
            [("at most 5", "below", "flipped")],
        ),
        (
            "Use at least 8 characters.",
            "Verwenden Sie 8 Zeichen.",
            [("at least 8", "above", "lost")],
        ),
        ("Do not store above 25 °C.", "Bei 25 °C lagern.", [("above 25", "above", "lost")]),
        ("Not below 5 mL.", "5 ml.", [("Not below 5", "above", "lost")]),
        (
            "No more than 3 tablets a day.",
            "3 Tabletten pro Tag.",
            [("No more than 3", "below", "lost")],
        ),
        (
            "Suitable from 18 years on.",
            "Geeignet für 18 Jahre.",
            [("from 18 years on", "above", "lost")],
        ),
        (
            "Over 25 °C the device stops.",
            "Bei 25 °C stoppt das Gerät.",
            [("Over 25", "above", "lost")],
        ),
        # said in German's words, before or after the number, or as a range's bound
        ("Store below 30 °C.", "Unter 30 °C lagern.", []),
        ("Store below 30 °C.", "Nicht über 30 °C lagern.", []),
        ("Administer at most 5 mL.", "Höchstens 5 ml verabreichen.", []),
        ("Administer at most 5 mL.", "5 ml oder weniger verabreichen.", []),
        ("Up to 5 MB", "Bis zu 5 MB", []),
        ("Use at least 8 characters.", "Verwenden Sie mindestens 8 Zeichen.", []),
        ("More than 100 files", "Mehr als 100 Dateien", []),
        ("Maximum of 10 users", "Maximal 10 Benutzer", []),
        (
            "Must have at least 1 and at most 79 characters.",
            "Muss zwischen 1 und 79 Zeichen haben.",
            [],
        ),
        ("It must be at least 120 to 140 cm.", "Es müssen 120 bis 140 cm sein.", []),
        # German's other words for a bound (news references, general train)
        ("The rate shot up to 4.1 percent.", "Die Rate kletterte auf 4,1 Prozent.", []),
        ("Payments can be made up to 31 December.", "Zahlungen bis zum 31. Dezember.", []),
        ("It employs just under 3000 people.", "Es beschäftigt knapp 3000 Mitarbeiter.", []),
        ("Bonuses exceeding 25,000 pounds", "Boni, die 25.000 Pfund übersteigen", []),
        ("Aid was more than 100 billion euros.", "Es wurden mehr als EUR 100 Mrd. gezahlt.", []),
        ("We act from 2006 onwards.", "Wir handeln von 2006 an.", []),
        ("A directive dating from 1975 on equal pay", "Eine Richtlinie von 1975 über Entgelt", []),
        ("And the second year went up to 75 percent.", "Im zweiten Jahr waren es 75 Prozent.", []),
        ("Only from 5 February onwards?", "Erst ab dem 5. Februar?", []),
        ("No more than 10% are valid.", "Allenfalls 10 % sind gültig.", []),
        ("Few traveled more than 25 miles.", "Wenige reisten weiter als 25 Meilen.", []),
        # a negation may turn either round: "cannot have more than 2" is "nicht mehr als 2"
        ("cannot have more than 2 rows", "kann nicht mehr als 2 Zeilen haben", []),
        # one negation each side, read (a pharma trial, session 76): the German's right before
        # its comparison, the English's within it or earlier in its sentence
        (
            "Do not store below 25 °C.",
            "Nicht über 25 °C lagern.",
            [("below 25", "below", "flipped")],
        ),
        (
            "Do not store above 25 °C.",
            "Nicht unter 25 °C lagern.",
            [("above 25", "above", "flipped")],
        ),
        ("Do not store below 25 °C.", "Nicht unter 25 °C lagern.", []),
        ("Do not store above 25 °C.", "Nicht über 25 °C lagern.", []),
        ("Take no more than 3 tablets.", "Nehmen Sie nicht mehr als 3 Tabletten ein.", []),
        (
            "Take no more than 3 tablets.",
            "Nehmen Sie nicht weniger als 3 Tabletten ein.",
            [("no more than 3", "below", "flipped")],
        ),
        ("Do not take more than 3 tablets.", "Nicht mehr als 3 Tabletten einnehmen.", []),
        # a German negation away from the comparison, or an English one in another sentence
        # or after it: not read, not judged
        (
            "Do not use in children under 18 years.",
            "Bei Kindern unter 18 Jahren nicht anwenden.",
            [],
        ),
        (
            "Do not use in children under 18 years.",
            "Nicht bei Kindern unter 18 Jahren anwenden.",
            [],
        ),
        ("Do not use it. Store below 25 °C.", "Nicht verwenden. Über 25 °C lagern.", []),
        ("Store below 25 °C. Do not freeze.", "Nicht über 25 °C lagern. Einfrieren.", []),
        # a number lost is the numbers check's; "over" a span of time is no bound
        ("Store below 30 °C.", "Kühl lagern.", []),
        ("The plan runs over 10 years.", "Der Plan läuft 10 Jahre.", []),
        ("Open 2 files", "2 Dateien öffnen", []),
    ],
)
def test_worded_comparisons(source, target, expected):
    assert worded_comparisons(source, target) == [WordedComparison(*found) for found in expected]


@pytest.mark.parametrize(
    ("source", "target", "lost"),
    [
        (
            "Store between 15 °C and 25 °C.",
            "Bei 15 °C und 25 °C lagern.",
            ["between 15 °C and 25 °C"],
        ),
        (
            "Occlusion alarm pressure: 300 mmHg to 900 mmHg",
            "Alarmdruck: 300 mmHg auf 900 mmHg",
            ["300 mmHg to 900 mmHg"],
        ),
        ("Store at 2 °C to 25 °C.", "Store um 2 °C auf 25 °C.", ["2 °C to 25 °C"]),
        ("Store at 2 to 8 °C.", "Bei 2 und 8 °C lagern.", ["2 to 8 °C"]),
        ("Choose from 1 to 10.", "Wählen Sie 1 oder 10.", ["from 1 to 10"]),
        # said: zwischen … und, bis, a dash, von … bis
        ("Store between 15 °C and 25 °C.", "Zwischen 15 °C und 25 °C lagern.", []),
        ("Store between 15 °C and 25 °C.", "Bei 15 bis 25 °C lagern.", []),
        ("Store at 2 °C to 8 °C.", "Bei 2 °C bis 8 °C lagern.", []),
        ("Store at 2 to 8 °C.", "Bei 2\u20138 °C lagern.", []),
        ("300 mmHg to 900 mmHg", "von 300 mmHg bis 900 mmHg", []),
        # a change the source says with "from": German's "von … auf"
        ("The limit rose from 5 to 10.", "Das Limit stieg von 5 auf 10.", []),
        # no range: a change's amount, a year, a unit on one side only, a bare "1 to 5"
        (
            "Prices fell by 2 percent to 3.30 euros.",
            "Die Preise fielen um 2 Prozent auf 3,30 Euro.",
            [],
        ),
        ("The rate fell in 2009 to 7%.", "Die Rate fiel 2009 auf 7 %.", []),
        ("Shares rose 1.49% to 6,229.21.", "Die Aktien stiegen um 1,49 % auf 6.229,21.", []),
        ("Rate it 1 to 5.", "Bewerten Sie es 1 zu 5.", []),
        ("Limits go from the current 0.5 mg to 0.1 mg.", "von derzeit 0,5 mg auf 0,1 mg", []),
        ("Between 2014 and 2015, it grew.", "In den Jahren 2014 und 2015 wuchs es.", []),
        ("It sank in December 2007 to 4 per cent.", "Er sank im Dezember 2007 auf 4 Prozent.", []),
        # a number lost is the numbers check's
        ("Store between 15 °C and 25 °C.", "Kühl lagern.", []),
    ],
)
def test_lost_ranges(source, target, lost):
    assert lost_ranges(source, target) == lost


def test_the_findings_say_what_to_write():
    assert comparison_word_problems(
        "Store below 25 °C between 15 °C and 25 °C, at least 2 h.",
        "Über 25 °C lagern, bei 15 °C und 25 °C, 2 h.",
    ) == [
        "writes the comparison below 25 the other way round: say unter, höchstens, bis zu, "
        "weniger als",
        "lacks the comparison of at least 2: say it (über, mindestens, ab, mehr als)",
        "lacks the range of between 15 °C and 25 °C: say it (zwischen … und …, … bis …, …\u2013…)",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "below " + "1." * 20000 + "x",
        "between " + "1 °C " * 5000 + "and",
        "1 mmHg to " * 5000,
        "from " + "1 " * 10000 + "on",
        "zwischen " + "a " * 20000 + "1 und 2",
        "5 bis " * 8000,
        "not " * 10000 + "below 5",
        "went up to 1 " * 8000,
    ],
)
def test_long_adversarial_text_is_read_in_linear_time(text):
    """No pattern backtracks catastrophically, and a range is judged once per pair of numbers:
    each of these took seconds to minutes before."""
    started = time.perf_counter()
    comparison_word_problems(text, text)
    comparison_word_problems(text, "1 mmHg und " * 5000)
    assert time.perf_counter() - started < 5
