"""The tail guard: a fused output that stopped where its match goes on is replaced by the model's
own output without memory, and said to have had its match set aside."""

from __future__ import annotations

import logging

import pytest

from ltmt.fusion.selection import MatchSelection
from ltmt.model.backbone import load_backbone
from ltmt.segments import Match, Segment
from ltmt.translator import Translator

SECTION_6 = Match(
    Segment(
        1,
        "u1",
        "Keep the pack (see section 6) in a dry place.",
        "Die Packung (siehe Abschnitt 6.) an einem trockenen Ort aufbewahren.",
        0.0,
        "test",
    ),
    98.0,
)
TEXT = "Keep the pack (see section 2) in a dry place."
# the pharma trial's output (s76) in small: the match's words up to the changed number, then
# the end of the sentence
CUT = "Die Packung (siehe Abschnitt 2.)."
PLAIN = "Halten Sie die Packung (siehe Abschnitt 2) an einem trockenen Ort."
WHOLE = "Die Packung (siehe Abschnitt 2.) an einem trockenen Ort aufbewahren."


class _Fusion:
    """A fusion whose decodes are scripted (by :class:`_Scripted`); it reads every match."""

    name = "fake"

    def selection_for(self, backbone):
        return MatchSelection(repair=False)

    def prepare(self, backbone, sources, matches):
        return "fused"


class _Scripted(Translator):
    """Decodes to ``fused`` with memory, ``plain`` without."""

    def __init__(self, *args, fused, **kwargs):
        super().__init__(*args, **kwargs)
        self.fused = fused

    def decode(self, batch, state=None):
        return [PLAIN if state is None else self.fused] * len(batch)


class _Memory:
    def search_batch(self, user, texts, k=4):
        return [[SECTION_6] for _ in texts]

    def users(self):
        return ["u1"]


@pytest.fixture(scope="module")
def backbone(tiny_model_dir):
    return load_backbone(tiny_model_dir)


def _translate(backbone, fused):
    translator = _Scripted(backbone, _Memory(), fusion=_Fusion(), fused=fused)
    [result] = translator.translate([TEXT], user="u1")
    return result


def test_a_fused_output_cut_short_is_the_models_own_and_its_match_set_aside(backbone, caplog):
    with caplog.at_level(logging.INFO, logger="ltmt.tail_guard"):
        result = _translate(backbone, CUT)
    assert (result.text, result.method, result.match_set_aside) == (PLAIN, "model", True)
    assert not result.numbers_not_repairable
    assert [r.getMessage() for r in caplog.records if r.name == "ltmt.tail_guard"] == [
        "tail guard: 1 fused outputs stopped where the match they followed goes on, decoded "
        "again without memory"
    ]


def test_a_whole_fused_output_is_kept(backbone):
    result = _translate(backbone, WHOLE)
    assert (result.text, result.method, result.match_set_aside) == (WHOLE, "fake", False)
