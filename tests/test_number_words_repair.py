"""The repair of a number a German translation writes in words other than its source's."""

from __future__ import annotations

import pytest

from ltmt.number_words_repair import repair_number_words, repair_worded_numbers
from ltmt.units import Unit


@pytest.mark.parametrize(
    ("source", "output", "repaired"),
    [
        # legal2 trial: a fuzzy match's number in words carried into the new clause
        (
            "The Customer shall pay the deposit within 10 (ten) days.",
            "Der Kunde hat die Kaution innerhalb von 10 (dreißig) Tagen zu zahlen.",
            "Der Kunde hat die Kaution innerhalb von 10 (zehn) Tagen zu zahlen.",
        ),
        (
            "2.3 The annual fee is EUR 150,000 (one hundred and fifty thousand euros), payable in advance.",
            "2.3 Die jährliche Vergütung beträgt 150.000 (einhundertzwanzigtausend Euro) und ist im Voraus zahlbar.",
            "2.3 Die jährliche Vergütung beträgt 150.000 (einhundertfünfzigtausend Euro) und ist im Voraus zahlbar.",
        ),
        (
            "2.4 The Customer shall pay the fees within 14 (fourteen) days of receipt of the invoice.",
            "2.4 Der Kunde hat die Vergütung innerhalb von 14 (fourteen) Tagen nach Zugang der Rechnung zu zahlen.",
            "2.4 Der Kunde hat die Vergütung innerhalb von 14 (vierzehn) Tagen nach Zugang der Rechnung zu zahlen.",
        ),
        ("Thirty (30) days", "Zwanzig (30) Tage", "Dreißig (30) Tage"),
        (
            "EUR 2,500,000 (two million five hundred thousand euros)",
            "2.500.000 EUR (zwei Millionen vierhunderttausend Euro)",
            "2.500.000 EUR (zwei Millionen fünfhunderttausend Euro)",
        ),
        # said in words nowhere: where they belong is the translator's to choose
        ("within 60 (sixty) days", "innerhalb von 60 Tagen", "innerhalb von 60 Tagen"),
        # right, or no pair in the source: as it is
        (
            "within 30 (thirty) days",
            "innerhalb von 30 (dreissig) Tagen",
            "innerhalb von 30 (dreissig) Tagen",
        ),
        ("within 10 days", "innerhalb von 10 (dreißig) Tagen", "innerhalb von 10 (dreißig) Tagen"),
    ],
)
def test_repair_number_words(source, output, repaired):
    assert repair_number_words(source, output) == repaired


def test_repair_worded_numbers_says_which_outputs_it_repaired_and_which_stay_wrong():
    sources = [
        "within 10 (ten) days",
        "within 60 (sixty) days",
        "within 30 (thirty) days",
        "within 30 days",
    ]
    outputs = [
        "innerhalb von 10 (dreißig) Tagen",
        "innerhalb von 60 Tagen",
        "innerhalb von 30 (dreißig) Tagen",
        "innerhalb von 30 Tagen",
    ]
    units = [Unit(n, text) for n, text in enumerate(sources)]
    assert repair_worded_numbers(units, outputs) == ({0}, {1})
    assert outputs == [
        "innerhalb von 10 (zehn) Tagen",
        "innerhalb von 60 Tagen",
        "innerhalb von 30 (dreißig) Tagen",
        "innerhalb von 30 Tagen",
    ]
