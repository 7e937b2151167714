"""The weak-match guard: a fused output that says what only a weak match says is replaced by the
model's own output without memory, and said to have had its match set aside."""

from __future__ import annotations

import logging

import pytest

from ltmt.fusion.selection import MatchSelection
from ltmt.model.backbone import load_backbone
from ltmt.segments import Match, Segment
from ltmt.translator import Translator
from ltmt.weak_match_guard import borrowed_run, says_run


def _match(source: str, target: str, score: float) -> Match:
    return Match(Segment(1, "u1", source, target, 0.0, "test"), score)


# the Qt trial's (s76): a tooltip about saving beside a match of score 39 about opening
OPEN = _match("Could not open <b>%1</b>.", "<b>%1</b> konnte nicht geöffnet werden.", 39.0)
TEXT = "Saves all open documents."
ADDED = "Speichert alle offenen Dokumente. konnte nicht geöffnet werden"
PLAIN = "Speichert alle offenen Dokumente."


@pytest.mark.parametrize(
    ("output", "matches", "expected"),
    [
        (ADDED, [OPEN], ("konnte", "nicht", "geöffnet", "werden")),
        # a match of 50 or more: its wording is what fusion is for
        (ADDED, [_match(OPEN.segment.source, OPEN.segment.target, 50.0)], None),
        (ADDED, [OPEN, _match("Save all", "Alle speichern", 80.0)], None),
        (PLAIN, [OPEN], None),
        # two words in a row, or three short ones, are any two sentences'
        ("Die Datei konnte nicht gespeichert werden.", [OPEN], None),
        ("Es ist da.", [_match("It is there now.", "Es ist da jetzt.", 30.0)], None),
        # placeholders are no words: %1 between them breaks no run
        ("%1 konnte nicht geöffnet werden", [OPEN], ("konnte", "nicht", "geöffnet", "werden")),
        (ADDED, [], None),
    ],
)
def test_a_run_of_a_weak_matchs_words_is_borrowed(output, matches, expected):
    assert borrowed_run(output, matches) == expected


def test_a_run_is_said_by_words_in_a_row_case_folded():
    run = ("konnte", "nicht", "geöffnet")
    assert says_run("Sie Konnte nicht geöffnet werden", run)
    assert not says_run("konnte nicht sofort geöffnet werden", run)


class _Fusion:
    """A fusion whose decodes are scripted (by :class:`_Scripted`); it reads every match."""

    name = "fake"

    def selection_for(self, backbone):
        return MatchSelection(min_score=0.0, repair=False)

    def prepare(self, backbone, sources, matches):
        return "fused"


class _Scripted(Translator):
    """Decodes to ``fused`` with memory, ``plain`` without."""

    def __init__(self, *args, fused, plain, **kwargs):
        super().__init__(*args, **kwargs)
        self.fused, self.plain = fused, plain

    def decode(self, batch, state=None):
        return [self.plain if state is None else self.fused] * len(batch)


class _Memory:
    def search_batch(self, user, texts, k=4):
        return [[OPEN] for _ in texts]

    def users(self):
        return ["u1"]


@pytest.fixture(scope="module")
def backbone(tiny_model_dir):
    return load_backbone(tiny_model_dir)


def _translate(backbone, fused, plain=PLAIN):
    translator = _Scripted(backbone, _Memory(), fusion=_Fusion(), fused=fused, plain=plain)
    [result] = translator.translate([TEXT], user="u1")
    return result


def test_a_fused_output_with_a_weak_matchs_clause_is_the_models_own(backbone, caplog):
    with caplog.at_level(logging.INFO, logger="ltmt.weak_match_guard"):
        result = _translate(backbone, ADDED)
    assert (result.text, result.method, result.match_set_aside) == (PLAIN, "model", True)
    assert [r.getMessage() for r in caplog.records if r.name == "ltmt.weak_match_guard"] == [
        "weak-match guard: 1 fused outputs said words only a weak match says, decoded again "
        "without memory"
    ]


def test_a_fused_output_is_kept_where_the_model_alone_says_the_same_words(backbone):
    result = _translate(backbone, ADDED, plain=ADDED)
    assert (result.text, result.method, result.match_set_aside) == (ADDED, "fake", False)


def test_a_fused_output_without_the_matchs_words_is_kept(backbone):
    fused = "Speichert alle geöffneten Dokumente."
    result = _translate(backbone, fused)
    assert (result.text, result.method, result.match_set_aside) == (fused, "fake", False)
