"""The repair of a frequency said otherwise (``einmal täglich`` for ``twice daily``) and the
guard that decodes a fused output still saying it again without memory (the pharma trial,
session 76)."""

from __future__ import annotations

import pytest

from ltmt.frequency_repair import (
    GuardedFrequencies,
    guard_frequencies,
    repair_frequencies,
    repair_frequency,
)
from ltmt.units import Unit


@pytest.mark.parametrize(
    ("source", "output", "expected"),
    [
        # the trial's fused outputs: one narrow rewrite makes each right
        (
            "The recommended dose is 20 mg twice daily.",
            "Die empfohlene Dosis beträgt 20 mg täglich.",
            "Die empfohlene Dosis beträgt 20 mg zweimal täglich.",
        ),
        (
            "The recommended dose is 20 mg once weekly.",
            "Die empfohlene Dosis beträgt 20 mg einmal.",
            "Die empfohlene Dosis beträgt 20 mg einmal wöchentlich.",
        ),
        (
            "Adults (≥ 18 years): 2.5 mg twice daily.",
            "Erwachsene (≥ 18 Jahre): 2,5 mg einmal täglich.",
            "Erwachsene (≥ 18 Jahre): 2,5 mg zweimal täglich.",
        ),
        (
            "The recommended dose is 0.5 mg/kg body weight twice daily.",
            "Die empfohlene Dosis beträgt 0,5 mg/kg Körpergewicht zweimal.",
            "Die empfohlene Dosis beträgt 0,5 mg/kg Körpergewicht zweimal täglich.",
        ),
        (
            "Paediatric population: 15 mg twice daily for 21 days, followed by 20 mg once daily.",
            "Kinder: 15 mg täglich 21 Tagen, gefolgt von 20 mg einmal täglich.",
            "Kinder: 15 mg zweimal täglich 21 Tagen, gefolgt von 20 mg einmal täglich.",
        ),
        (
            "The recommended dose is 20 mg once weekly.",
            "Die empfohlene Dosis beträgt 20 mg einmal täglich.",
            "Die empfohlene Dosis beträgt 20 mg einmal wöchentlich.",
        ),
        # a count in digits stays in digits, a capital stays
        ("Take it twice daily.", "Nehmen Sie es 1-mal täglich.", "Nehmen Sie es 2-mal täglich."),
        ("Three times a day.", "Einmal am Tag.", "Dreimal am Tag."),
        # no narrow rewrite: left for the decode without memory (and counted)
        (
            "The maximum daily dose is 30 mg.",
            "Die maximale Dosis beträgt 30 mg.",
            "Die maximale Dosis beträgt 30 mg.",
        ),
        (
            "Take 20 mg every 8 hours.",
            "Nehmen Sie 20 mg täglich.",
            "Nehmen Sie 20 mg täglich.",
        ),
        (  # the other period is the source's too: not rewritten
            "Take 20 mg twice daily or once weekly.",
            "Nehmen Sie 20 mg täglich oder einmal täglich.",
            "Nehmen Sie 20 mg täglich oder einmal täglich.",
        ),
        (  # of two counts, the one before the period's adverb is the frequency's
            "Take it twice daily.",
            "Einmal nehmen Sie es noch einmal täglich.",
            "Einmal nehmen Sie es noch zweimal täglich.",
        ),
        (  # two counts, neither before a period: which is the frequency's is not told
            "Take it twice daily.",
            "Einmal nehmen Sie es am Tag, noch einmal.",
            "Einmal nehmen Sie es am Tag, noch einmal.",
        ),
        # right already: unchanged
        ("Take 20 mg twice daily.", "Nehmen Sie zweimal am Tag 20 mg.", None),
        ("Take 20 mg once daily.", "Nehmen Sie täglich 20 mg.", None),
        ("Click twice.", "Einmal klicken.", None),  # no frequency
    ],
)
def test_repair_frequency(source, output, expected):
    assert repair_frequency(source, output) == (output if expected is None else expected)


def test_repair_frequencies_counts_repaired_and_still_wrong():
    units = [
        Unit(0, "Take 20 mg twice daily."),
        Unit(1, "The maximum daily dose is 30 mg."),
        Unit(2, "Take 20 mg twice daily."),
        Unit(3, "Open the file."),
    ]
    outputs = [
        "Nehmen Sie 20 mg einmal täglich.",
        "Die maximale Dosis beträgt 30 mg.",
        "Nehmen Sie 20 mg zweimal täglich.",
        "Öffnen Sie die Datei.",
    ]
    assert repair_frequencies(units, outputs) == ({0}, {1})
    assert outputs[0] == "Nehmen Sie 20 mg zweimal täglich."


class _ModelAlone:
    """A translator whose model alone writes ``plain`` (one output per line, by source)."""

    number_repair = True
    written_language = "de"

    def __init__(self, plain: dict[str, str]) -> None:
        self.plain = plain
        self.decoded: list[str] = []

    def decode_ids(self, encoded, hits=(), *, sources):
        self.decoded += sources
        return [self.plain[source] for source in sources]

    def decode_texts(self, texts, segments, hits=()):
        raise AssertionError(f"decoded again: {texts}")


def test_guard_repairs_then_decodes_again_without_memory():
    units = [
        Unit(0, "The recommended dose is 20 mg twice daily."),
        Unit(1, "The maximum daily dose is 30 mg."),
        Unit(2, "Take 20 mg every 8 hours."),
        Unit(3, "Take 5 mg once daily."),
    ]
    outputs = [
        "Die empfohlene Dosis beträgt 20 mg einmal täglich.",  # repaired in place
        "Die maximale Dosis beträgt 30 mg.",  # the model's own says it
        "Nehmen Sie 20 mg täglich.",  # the model's own says it no better: kept
        "Nehmen Sie täglich 5 mg.",  # right: not decoded
    ]
    model = _ModelAlone(
        {
            units[1].text: "Die maximale tägliche Dosis beträgt 30 mg.",
            units[2].text: "Nehmen Sie 20 mg.",
        }
    )
    guarded = guard_frequencies(model, [0, 1, 2, 3], units, [[1]] * 4, [[]] * 4, outputs)
    assert guarded == GuardedFrequencies(repaired={0}, replaced={1}, numbers_wrong=set())
    assert outputs == [
        "Die empfohlene Dosis beträgt 20 mg zweimal täglich.",
        "Die maximale tägliche Dosis beträgt 30 mg.",
        "Nehmen Sie 20 mg täglich.",
        "Nehmen Sie täglich 5 mg.",
    ]
    assert sorted(model.decoded) == sorted([units[1].text, units[2].text])


def test_guard_keeps_the_fused_output_where_the_model_loses_a_placeholder():
    units = [Unit(0, "The maximum daily dose is %s mg.")]
    outputs = ["Die maximale Dosis beträgt %s mg."]
    model = _ModelAlone({units[0].text: "Die maximale tägliche Dosis beträgt."})
    guarded = guard_frequencies(model, [0], units, [[1]], [[]], outputs)
    assert guarded == GuardedFrequencies(set(), set(), set())
    assert outputs == ["Die maximale Dosis beträgt %s mg."]
