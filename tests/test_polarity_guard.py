"""The polarity guard: a fused output that says a near match's negation or comparison where
the line differs from the match's source is decoded again without memory, and flagged where
the model's own says it too (a pharma trial, session 76)."""

from __future__ import annotations

import pytest

from ltmt.match_polarity import polarity_kept
from ltmt.placeholder_guard import Replaced
from ltmt.polarity_guard import guard_polarity
from ltmt.segments import Match, Segment
from ltmt.translator import Translator
from ltmt.units import Unit

CHILDREN = "Xarelto must be used in children below 18 years of age."
NEGATED = Match(
    Segment(
        0,
        "u1",
        "Xarelto must not be used in children below 18 years of age.",
        "Xarelto darf bei Kindern unter 18 Jahren nicht angewendet werden.",
        0.0,
        "t",
    ),
    96.5,
)
KEPT = "Xarelto darf bei Kindern unter 18 Jahren nicht angewendet werden."
OWN = "Xarelto muss bei Kindern unter 18 Jahren angewendet werden."
STORE = "Do not store below 25 degrees."
ABOVE = Match(
    Segment(1, "u1", "Do not store above 25 degrees.", "Nicht über 25 Grad lagern.", 0.0, "t"), 88
)


class _Memory:
    """Each line's one match, by its text."""

    def __init__(self, matches: dict[str, Match]) -> None:
        self.matches = matches

    def search_batch(self, user, texts, k=4):
        return [[self.matches[text]] if text in self.matches else [] for text in texts]

    def users(self):
        return ["u1"]


class _AnyMatchFusion:
    """A fusion that reads every match (decoding is scripted)."""

    name = "fake"

    def prepare(self, backbone, sources, matches):
        return object()


class _ScriptedTranslator(Translator):
    """Decodes by script: ``fused`` (text → output) for a decode that reads memory, ``own``
    for one without; each decode's texts kept in :attr:`decodes`. A tiny model writes no
    German."""

    def __init__(self, *args, fused, own, **kwargs):
        super().__init__(*args, **kwargs)
        self.fused, self.own = fused, own
        self.texts: list[str] = []
        self.decodes: list[tuple[list[str], bool]] = []

    def encode(self, texts, segments=None):
        self.texts += texts
        return [[len(self.texts) - len(texts) + n, *[0] * 63] for n in range(len(texts))]

    def decode(self, batch, state=None):
        texts = [self.texts[ids[0]] for ids in batch]
        self.decodes.append((texts, state is not None))
        script = self.fused if state is not None else self.own
        return [script[text] for text in texts]


def _translator(backbone, fused, own, **kwargs):
    memory = _Memory({CHILDREN: NEGATED, STORE: ABOVE})
    return _ScriptedTranslator(
        backbone, memory, fusion=_AnyMatchFusion(), beam=1, fused=fused, own=own, **kwargs
    )


@pytest.mark.parametrize(
    ("source", "kept", "own"),
    [
        (CHILDREN, KEPT, OWN),
        (STORE, "Nicht über 25 Grad lagern.", "Nicht unter 25 Grad lagern."),
    ],
)
def test_a_fused_output_that_kept_its_match_s_polarity_is_replaced_by_the_model_s_own(
    tiny_backbone, source, kept, own
):
    translator = _translator(tiny_backbone, {source: kept}, {source: own})
    [result] = translator.translate([source], user="u1", fit=False)
    assert (result.text, result.method) == (own, "model")
    assert result.match_set_aside and not result.match_polarity
    assert translator.decodes == [([source], True), ([source], False)]


def test_one_the_model_s_own_says_too_is_kept_and_flagged(tiny_backbone):
    translator = _translator(tiny_backbone, {CHILDREN: KEPT}, {CHILDREN: KEPT})
    [result] = translator.translate([CHILDREN], user="u1", fit=False)
    assert (result.text, result.method) == (KEPT, "fake")
    assert result.match_polarity and not result.match_set_aside
    assert not result.copies_other_words  # said as what it is, not as words missing


def test_a_fused_output_with_the_line_s_polarity_is_not_decoded_again(tiny_backbone):
    translator = _translator(tiny_backbone, {CHILDREN: OWN}, {})
    [result] = translator.translate([CHILDREN], user="u1", fit=False)
    assert (result.text, result.method, result.match_polarity) == (OWN, "fake", False)
    assert translator.decodes == [([CHILDREN], True)]


def test_without_the_negation_guard_nothing_is_decoded_again_and_it_is_still_flagged(
    tiny_backbone,
):
    translator = _translator(tiny_backbone, {CHILDREN: KEPT}, {CHILDREN: OWN}, negation_guard=False)
    [result] = translator.translate([CHILDREN], user="u1", fit=False)
    assert (result.text, result.match_polarity) == (KEPT, True)
    assert translator.decodes == [([CHILDREN], True)]


class _ModelAlone:
    """A translator without fusion whose model alone writes ``plain`` (by source), its numbers
    not repaired."""

    number_repair = False
    written_language = "de"
    fusion = None

    def __init__(self, plain: dict[str, str]) -> None:
        self.plain = plain

    def decode_ids(self, encoded, hits=(), *, sources):
        return [self.plain[source] for source in sources]


def test_the_model_s_own_output_replaces_only_where_it_keeps_the_line_s_numbers():
    """A decode without memory that loses a number the fused output kept is no better."""
    units = [Unit(0, CHILDREN), Unit(1, STORE)]
    outputs = [KEPT, "Nicht über 25 Grad lagern."]
    model = _ModelAlone({CHILDREN: "Xarelto muss bei Kindern angewendet werden.", STORE: OWN})
    guarded = guard_polarity(
        model, [0, 1], units, [[1], [2]], [(NEGATED,), (ABOVE,)], [[], []], outputs
    )
    assert guarded == Replaced(set(), set())
    assert outputs == [KEPT, "Nicht über 25 Grad lagern."]


def test_a_negation_of_the_line_s_lacked_is_left_to_the_negation_guard():
    """``Do not take ...`` fused as a weak match's ``Nehmen Sie es.``: the negation guard
    decodes it again steered to one, and ``negation_lost`` flags it (not twice)."""
    weak = Match(Segment(2, "u1", "Take this medication.", "Nehmen Sie es.", 0.0, "t"), 52.0)
    line = "Do not take this medication if you are pregnant."
    assert polarity_kept(line, "Medikament nehmen, wenn Sie schwanger sind.", [weak]) is None
    assert polarity_kept(CHILDREN, KEPT, [NEGATED]) is not None
