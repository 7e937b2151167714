"""The negation guard: a line whose output lost its source's negation is decoded again."""

from __future__ import annotations

import pytest
import torch

from ltmt.address_steering import AddressPenalty, word_tokens
from ltmt.negation_guard import (
    BONUSES,
    NEAR_EXACT,
    NEGATING_WORDS,
    NegationBonus,
    guard_negations,
    negation_lost,
    said_as_approved,
)
from ltmt.segments import Match, Segment
from ltmt.translator import Translator
from ltmt.units import Unit

PREGNANT = "Do not take this medication if you are pregnant."
REVERSED = "Medikament nehmen, wenn Sie schwanger sind."  # the healthcare trial's, session 73
KEPT = "Medikament nicht nehmen, wenn Sie schwanger sind."
EXCEPT = "3.3 Except as set out in Section 4.2, the Provider shall not store Customer Data."
EXCEPT_REVERSED = (
    "3.3 Ausgenommen wie in Ziffer 4.2 festgelegt, speichert der Anbieter Kundendaten."
)
EXCEPT_KEPT = "3.3 Außer wie in Ziffer 4.2 festgelegt, speichert der Anbieter keine Kundendaten."
LIMIT = "4.3 The total liability of the Provider shall not exceed EUR 20,000 per claim."
LIMIT_KEPT = "4.3 Die Haftung des Anbieters darf EUR 20.000 je Anspruch nicht übersteigen."


@pytest.mark.parametrize(
    ("source", "output", "lost"),
    [
        (PREGNANT, REVERSED, True),
        (PREGNANT, KEPT, False),
        ("Never freeze.", "Einfrieren.", True),
        ("Not for children under 12.", "Nicht für Kinder unter 12.", False),
        ("Open the file.", "Datei öffnen.", False),  # no negation to lose
        ("Item No. 5", "Artikel Nr. 5", False),  # a number's No., as qa reads it
        # counted (medical IFU trial, session 75): one of two, and one said twice
        ("Do not disconnect unless closed.", "Nicht trennen, wenn geschlossen.", True),
        ("Do not use before the expiry date.", "Nicht vor Ablauf nicht mehr verwenden.", True),
        # an exception is no negation, a number's separator ends no clause (legal trial, s75)
        (EXCEPT, EXCEPT_REVERSED, True),
        (EXCEPT, EXCEPT_KEPT, False),
        (LIMIT, "4.3 Die Haftung darf nicht über 20.000 je Anspruch nicht übersteigen.", True),
        (LIMIT, LIMIT_KEPT, False),
    ],
)
def test_a_lost_negation_is_what_qa_s_check_finds(source, output, lost):
    assert negation_lost(source, output) is lost


def test_the_bonus_falls_on_every_row_on_a_word_s_last_token_after_its_others():
    state = NegationBonus([(5,), (7, 8)], 2, bonus=2.0)
    log_probs = torch.zeros(3, 10)
    rows = torch.tensor([0, 1, 1])
    prefix = torch.tensor([[0, 3, 7], [0, 3, 4], [0, 7, 7]])  # the start token first
    state.fuse_log_probs(torch.zeros(3, 4), log_probs, rows, prefix)
    assert log_probs[0].tolist() == [0, 0, 0, 0, 0, 2, 0, 0, 2, 0]  # after 7: 8 too
    assert log_probs[1].tolist() == [0, 0, 0, 0, 0, 2, 0, 0, 0, 0]
    assert log_probs[2].tolist() == [0, 0, 0, 0, 0, 2, 0, 0, 2, 0]


def test_the_negating_words_are_those_the_model_can_write(tiny_backbone):
    ids = tiny_backbone.tokenizer(text_target="nicht", add_special_tokens=False)["input_ids"]
    assert tuple(ids) in word_tokens(tiny_backbone, NEGATING_WORDS)
    assert {"nicht", "Nicht", "kein", "Keine", "nie", "ohne"} <= set(NEGATING_WORDS)


class _ScriptedTranslator(Translator):
    """Decodes by script: ``first`` (text → the first decode's output) for a decode without
    the bonus, ``steered`` (text → {(bonus, with memory): output}) for one with it; each
    decode's batch texts and state kept in :attr:`decodes`. A tiny model writes no German."""

    def __init__(self, *args, first, steered=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.first = first
        self.steered = steered or {}
        self.texts: list[str] = []
        self.decodes: list[tuple[list[str], object]] = []

    def encode(self, texts, segments=None):
        # an id that names the text, then as many as a source whose output fits the limit
        self.texts += texts
        return [[len(self.texts) - len(texts) + n, *[0] * 63] for n in range(len(texts))]

    def decode(self, batch, state=None):
        texts = [self.texts[ids[0]] for ids in batch]
        self.decodes.append((texts, state))
        if not isinstance(state, NegationBonus):
            return [self.first[text] for text in texts]
        memory = _reads_memory(state.inner)
        return [self.steered.get(text, {}).get((-state.penalty, memory), "") for text in texts]


def _reads_memory(state):
    """Whether ``state`` is, or wraps, :class:`_AnyMatchFusion`'s state."""
    while state is not None:
        if type(state) is object:
            return True
        state = getattr(state, "inner", None)
    return False


CAP = "The total liability shall not exceed EUR 20,000 per claim."
CAPPED = "Die Gesamthaftung ist auf EUR 20.000 je Anspruch begrenzt."  # a reviewer's paraphrase


def _approved(source: str, target: str, score: float) -> Match:
    return Match(Segment(0, "u1", source, target, 0.0, "t"), score)


PARAPHRASED = _approved(
    "The total liability shall not exceed EUR 10,000 per claim.",
    "Die Gesamthaftung ist auf EUR 10.000 je Anspruch begrenzt.",
    98.7,
)


@pytest.mark.parametrize(
    ("source", "output", "match", "said"),
    [
        # the approved pair says its "not" without a negating word, and so does the output
        (CAP, CAPPED, PARAPHRASED, True),
        # a match below NEAR_EXACT, a pair that says its negation, one that says another
        (CAP, CAPPED, Match(PARAPHRASED.segment, 85.0), False),
        (
            CAP,
            CAPPED,
            _approved(PARAPHRASED.segment.source, "Sie darf EUR 10.000 nicht übersteigen.", 98.7),
            False,
        ),
        (
            "The total liability shall never exceed EUR 20,000 per claim.",
            CAPPED,
            PARAPHRASED,
            False,
        ),
        # the output is not the approved target's wording, but another that lost the negation
        (CAP, "Die Gesamthaftung wird EUR 20.000 je Anspruch übersteigen.", PARAPHRASED, False),
        # the output says fewer negating words than the approved target does
        (
            "Do not copy the file without a licence.",
            "Die Datei nur mit Lizenz kopieren.",
            _approved(
                "Do not copy the files without a licence.",
                "Die Dateien nur ohne Lizenz kopieren.",
                97.0,
            ),
            False,
        ),
    ],
)
def test_an_output_says_a_negation_as_its_approved_near_exact_match_does(
    source, output, match, said
):
    assert (said_as_approved(source, output, [match]) is match) is said


class _ApprovedMemory:
    """One match for every line: ``match``."""

    def __init__(self, match: Match) -> None:
        self.match = match

    def search_batch(self, user, texts, k=4):
        return [[self.match]] * len(texts)

    def users(self):
        return ["u1"]


@pytest.mark.parametrize(("score", "kept"), [(98.7, True), (85.0, False)])
def test_a_near_exact_match_that_paraphrases_its_negation_is_kept(tiny_backbone, score, kept):
    # trial s75 (legal2): the approved "ist auf ... begrenzt" for "shall not exceed" was
    # thrown away for a decode without memory that says "nicht"
    without_memory = "Die Gesamthaftung wird EUR 20.000 je Anspruch nicht übersteigen."
    translator = _ScriptedTranslator(
        tiny_backbone,
        _ApprovedMemory(Match(PARAPHRASED.segment, score)),
        fusion=_AnyMatchFusion(),
        beam=1,
        first={CAP: CAPPED},
        steered={CAP: {(1.0, False): without_memory}},
    )
    [result] = translator.translate([CAP], user="u1", fit=False)
    if kept:
        assert (result.text, result.method, result.negation_lost) == (CAPPED, "fake", True)
        assert len(translator.decodes) == 1  # fused (the fusion's name), not decoded again
        assert not result.match_set_aside
    else:
        assert (result.text, result.method, result.match_set_aside) == (
            without_memory,
            "model",
            True,
        )


class _WeakMemory:
    """One weak match of other words for every line."""

    def search_batch(self, user, texts, k=4):
        from ltmt.segments import Match, Segment

        match = Match(Segment(0, "u1", "Take this medication.", "Nehmen Sie es.", 0.0, "t"), 52.0)
        return [[match]] * len(texts)

    def users(self):
        return ["u1"]


class _AnyMatchFusion:
    """A fusion that reads every match (decoding is scripted)."""

    name = "fake"

    def prepare(self, backbone, sources, matches):
        return object()


def _guard(translator, texts, outputs, fused=()):
    units = [Unit(n, text) for n, text in enumerate(texts)]
    encoded = translator.encode(texts)
    hits = [[] for _ in texts]
    matches = [() for _ in texts]
    return guard_negations(translator, units, encoded, matches, hits, outputs, set(fused))


def test_only_a_line_that_lost_its_negation_is_decoded_again(tiny_backbone):
    texts = [PREGNANT, "Do not freeze.", "Open the file."]
    translator = _ScriptedTranslator(
        tiny_backbone, beam=1, first={}, steered={PREGNANT: {(1.0, False): KEPT}}
    )
    outputs = [REVERSED, "Nicht einfrieren.", "Datei öffnen."]
    guarded = _guard(translator, texts, outputs)
    assert guarded.replaced == {0} and guarded.without_memory == set()
    assert outputs == [KEPT, "Nicht einfrieren.", "Datei öffnen."]
    [(decoded, state)] = translator.decodes
    assert decoded == [PREGNANT]
    assert isinstance(state, NegationBonus) and state.penalty == -BONUSES[0]
    assert state.inner is None  # no memory, no glossary, no form of address asked


def test_a_line_unless_lost_is_decoded_again_one_that_says_more_is_not(tiny_backbone):
    unless = "Do not disconnect the catheter unless the clamp is closed."
    kept = "Den Katheter nicht trennen, wenn die Klemme nicht geschlossen ist."
    doubled = "Lassen Sie nicht vor Ablauf nicht mehr verwenden."
    translator = _ScriptedTranslator(
        tiny_backbone, beam=1, first={}, steered={unless: {(1.0, False): kept}}
    )
    outputs = ["Den Katheter nicht trennen, wenn die Klemme geschlossen ist.", doubled]
    guarded = _guard(translator, [unless, "Do not use before the expiry date."], outputs)
    assert guarded.replaced == {0}
    assert outputs == [kept, doubled]
    assert [decoded for decoded, _ in translator.decodes] == [[unless]]


def test_a_line_that_kept_the_exception_and_lost_its_not_is_decoded_again(tiny_backbone):
    translator = _ScriptedTranslator(
        tiny_backbone, beam=1, first={}, steered={EXCEPT: {(1.0, False): EXCEPT_KEPT}}
    )
    outputs = [EXCEPT_REVERSED]
    assert _guard(translator, [EXCEPT], outputs).replaced == {0}
    assert outputs == [EXCEPT_KEPT]


def test_a_decode_that_says_a_limit_s_not_twice_across_a_number_is_refused(tiny_backbone):
    doubled = "4.3 Die Haftung darf nicht über 20.000 je Anspruch nicht übersteigen."
    limited = "4.3 Die Haftung des Anbieters ist auf EUR 20.000 je Anspruch begrenzt."
    steered = {(1.0, False): doubled, (2.0, False): LIMIT_KEPT}
    translator = _ScriptedTranslator(tiny_backbone, beam=1, first={}, steered={LIMIT: steered})
    outputs = [limited]
    assert _guard(translator, [LIMIT], outputs).replaced == {0}
    assert outputs == [LIMIT_KEPT]


def test_the_bonus_grows_until_a_decode_says_a_negation_and_no_more(tiny_backbone):
    steered = {
        (1.0, False): REVERSED,  # still none
        (2.0, False): "Nichts nehmen Sie nichts, wenn Sie schwanger sind.",  # two: refused
        (3.0, False): KEPT,
    }
    translator = _ScriptedTranslator(tiny_backbone, beam=1, first={}, steered={PREGNANT: steered})
    outputs = [REVERSED]
    assert _guard(translator, [PREGNANT], outputs).replaced == {0}
    assert outputs == [KEPT]
    assert [-state.penalty for _, state in translator.decodes] == [1.0, 2.0, 3.0]


@pytest.mark.parametrize(
    ("source", "first", "steered"),
    [
        # says the negation twice, which German may read as none
        ("Set the root directory, but not the admin dir.", "Wurzel setzen, aber", "aber nicht das Verzeichnis nicht."),
        # a word twice in a row
        (PREGNANT, REVERSED, "Medikament Medikament nicht nehmen, wenn Sie schwanger sind."),
        # a placeholder lost
        ("Do not open %s.", "%s öffnen.", "Nicht öffnen."),
        # a number lost
        ("Do not take more than 4 tablets.", "4 Tabletten nehmen.", "Keine Tabletten nehmen."),
    ],
)  # fmt: skip
def test_a_decode_that_says_a_negation_but_is_worse_is_refused(
    tiny_backbone, source, first, steered
):
    script = {(bonus, False): steered for bonus in BONUSES}
    translator = _ScriptedTranslator(tiny_backbone, beam=1, first={}, steered={source: script})
    outputs = [first]
    assert _guard(translator, [source], outputs).replaced == set()
    assert outputs == [first]
    assert len(translator.decodes) == len(BONUSES)


def test_a_decode_that_makes_up_a_word_is_refused(tiny_backbone, monkeypatch):
    """With a bonus of 1 the default model wrote ``Medikamentieren Sie nicht``; 3 gave
    ``Medikament nicht nehmen``."""

    class Dictionary:
        def unknown_words(self, text, source="", accept=()):
            return [word for word in text.split() if word.startswith("Medikamentieren")]

    monkeypatch.setattr("ltmt.negation_guard.dictionary_for", lambda language: Dictionary())
    steered = {
        (1.0, False): "Medikamentieren Sie nicht, wenn Sie schwanger sind.",
        (2.0, False): REVERSED,
        (3.0, False): KEPT,
    }
    translator = _ScriptedTranslator(tiny_backbone, beam=1, first={}, steered={PREGNANT: steered})
    outputs = [REVERSED]
    assert _guard(translator, [PREGNANT], outputs).replaced == {0}
    assert outputs == [KEPT]


def test_a_fused_line_is_decoded_with_its_memory_first_then_without(tiny_backbone):
    translator = _ScriptedTranslator(
        tiny_backbone,
        _WeakMemory(),
        fusion=_AnyMatchFusion(),
        beam=1,
        first={PREGNANT: REVERSED},
        steered={PREGNANT: {(2.0, False): KEPT}},  # with memory: none
    )
    [result] = translator.translate([PREGNANT], user="u1", fit=False)
    assert (result.text, result.method, result.negation_lost) == (KEPT, "model", False)
    assert result.match_set_aside
    tried = [(-state.penalty, _reads_memory(state.inner)) for _, state in translator.decodes[1:]]
    assert tried == [(1.0, True), (2.0, True), (3.0, True), (1.0, False), (2.0, False)]


def test_a_translation_that_still_lost_its_negation_is_flagged(tiny_backbone):
    translator = _ScriptedTranslator(tiny_backbone, beam=1, first={PREGNANT: REVERSED})
    [result] = translator.translate([PREGNANT], fit=False)
    assert (result.text, result.negation_lost) == (REVERSED, True)
    assert len(translator.decodes) == 1 + len(BONUSES)


def test_without_the_guard_nothing_is_decoded_again_and_the_loss_is_still_flagged(tiny_backbone):
    translator = _ScriptedTranslator(
        tiny_backbone,
        beam=1,
        negation_guard=False,
        first={PREGNANT: REVERSED},
        steered={PREGNANT: {(1.0, False): KEPT}},
    )
    [result] = translator.translate([PREGNANT], fit=False)
    assert (result.text, result.negation_lost) == (REVERSED, True)
    assert len(translator.decodes) == 1


def test_an_output_that_kept_its_negation_is_never_decoded_again(tiny_backbone):
    texts = ["Do not freeze.", "Open the file."]
    translator = _ScriptedTranslator(
        tiny_backbone,
        beam=1,
        first={"Do not freeze.": "Nicht einfrieren.", "Open the file.": "Datei öffnen."},
    )
    results = translator.translate(texts, fit=False)
    assert [r.text for r in results] == ["Nicht einfrieren.", "Datei öffnen."]
    assert not any(r.negation_lost for r in results)
    assert len(translator.decodes) == 1


def test_the_new_output_s_numbers_are_repaired(tiny_backbone):
    """A number the steered decode wrote with a repeated digit once is written as the source
    has it, as the first output's would be."""
    source = "E766: Do not open the file."
    translator = _ScriptedTranslator(
        tiny_backbone,
        beam=1,
        first={source: "E766: Datei öffnen."},
        steered={source: {(1.0, False): "E76: Datei nicht öffnen."}},
    )
    [result] = translator.translate([source], fit=False)
    assert result.text == "E766: Datei nicht öffnen."
    assert result.numbers_repaired and not result.negation_lost


def test_the_steered_decode_keeps_the_form_of_address_asked(tiny_backbone):
    source = "Do not share your password."
    translator = _ScriptedTranslator(
        tiny_backbone,
        beam=1,
        formality="du",
        first={source: "Teile dein Passwort."},
        steered={
            source: {
                (1.0, False): "Teilen Sie Ihr Passwort nicht.",  # the other form: refused
                (2.0, False): "Teile dein Passwort nicht.",
            }
        },
    )
    [result] = translator.translate([source], fit=False)
    assert result.text == "Teile dein Passwort nicht."
    state = translator.decodes[-1][1]
    assert isinstance(state, NegationBonus) and isinstance(state.inner, AddressPenalty)
    assert state.inner.steered == [True]


ASSIGN = "The Customer may not assign this Agreement without consent."
ASSIGN_ONE = "Der Kunde darf diesen Vertrag ohne Zustimmung abtreten."  # one of two


def test_a_line_that_kept_one_negation_of_two_is_flagged_not_decoded_again(tiny_backbone):
    """German says two negations with one often: a decode steered to more of them was slow
    and took the bare model's output over a reviewed match (a regression trial, session 75)."""
    translator = _ScriptedTranslator(
        tiny_backbone,
        beam=1,
        first={ASSIGN: ASSIGN_ONE},
        steered={ASSIGN: {(1.0, False): "Der Kunde darf nicht ohne Zustimmung abtreten."}},
    )
    [result] = translator.translate([ASSIGN], fit=False)
    assert (result.text, result.negation_lost) == (ASSIGN_ONE, True)
    assert len(translator.decodes) == 1


TOUCH = "Do not touch the hot plates."
TOUCH_AVOIDED = "Berühren der heißen Platten vermeiden."  # no negating word


def _approved(score):
    from ltmt.segments import Match, Segment

    source, target = "Do not touch the hot plate.", "Berühren der heißen Platte vermeiden."
    return Match(Segment(0, "u1", source, target, 0.0, "t"), score)


@pytest.mark.parametrize(("score", "decoded_again"), [(96.0, False), (100.0, False), (70.0, True)])
def test_a_fused_line_worded_as_its_approved_match_is_not_decoded_again(
    tiny_backbone, score, decoded_again
):
    """A match of :data:`NEAR_EXACT` or more whose stored pair lacks the negation as the
    output does is the user's wording: kept; a weaker match's is decoded again."""
    steered = {TOUCH: {(1.0, False): "Die heißen Platten nicht berühren."}}
    translator = _ScriptedTranslator(tiny_backbone, beam=1, first={}, steered=steered)
    outputs = [TOUCH_AVOIDED]
    units = [Unit(0, TOUCH)]
    matches = [(_approved(score),)]
    guarded = guard_negations(
        translator, units, translator.encode([TOUCH]), matches, [[]], outputs, {0}
    )
    assert (guarded.replaced == {0}) is decoded_again
    assert bool(translator.decodes) is decoded_again
    assert NEAR_EXACT == 90.0
