"""The glossary step of a translator's decoding: only outputs that lack a target change."""

from __future__ import annotations

import pytest

from ltmt.model.backbone import load_backbone
from ltmt.terminology.decoding import GlossaryDecoding, GlossaryPass, term_hits, with_terms
from ltmt.terminology.matching import TermMatcher, plural_forms, renders
from ltmt.terminology.terms import Term
from ltmt.translator import Translator
from ltmt.units import Unit

DEPOT = Term("repository", "Depot")


@pytest.fixture(scope="module")
def backbone(tiny_model_dir):
    return load_backbone(tiny_model_dir)


def test_term_hits_use_the_segments_matcher_and_none_without_one():
    matchers = [TermMatcher([DEPOT]), None]
    [hit] = term_hits(matchers, Unit(0, "the repositories"))
    assert (hit.term, hit.start, hit.end) == (DEPOT, 4, 16)
    assert term_hits(matchers, Unit(1, "the repository")) == []


def test_with_terms_shows_the_model_the_targets_in_place():
    unit = Unit(0, "open the repository now", joiner=" ", line_end=False)
    shown = with_terms(unit, TermMatcher([DEPOT]).find(unit.text))
    assert shown == Unit(0, "open the Depot now", joiner=" ", line_end=False)
    assert with_terms(unit, []) is unit


def test_outputs_that_carry_their_targets_are_left_alone(backbone):
    decoding = GlossaryDecoding(Translator(backbone, beam=1))
    units = [Unit(0, "the repository"), Unit(1, "the file")]
    hits = [TermMatcher([DEPOT]).find(u.text) for u in units]
    outputs = ["das Depots-Verzeichnis", "unchanged"]
    decoding.follow(units, hits, [(), ()], outputs, GlossaryPass())
    assert outputs == ["das Depots-Verzeichnis", "unchanged"]


@pytest.mark.parametrize("engine", ["auto", "torch"])
def test_a_missing_target_is_added_and_lines_without_terms_stay(backbone, engine):
    translator = Translator(backbone, beam=1, engine=engine)
    units = [Unit(0, "the repository is empty"), Unit(1, "the file")]
    outputs = [o.text for o in translator.translate([u.text for u in units])]
    assert not renders("Depot", outputs[0])  # the random model does not write it itself
    before = list(outputs)
    hits = [TermMatcher([DEPOT]).find(u.text) for u in units]
    translator.terms.follow(units, hits, [(), ()], outputs, GlossaryPass())
    assert renders("Depot", outputs[0])
    assert outputs[1] == before[1]


def test_the_constrained_state_is_the_inner_state_without_terms(backbone):
    decoding = GlossaryDecoding(Translator(backbone, beam=1))
    assert decoding.constrained_state([[5, 2]], None, [[]]) is None
    hits = [TermMatcher([DEPOT]).find("the repository")]
    state = decoding.constrained_state([[5, 6, 2]], None, hits)
    assert state is not None and [r.target for r in state.required[0]] == ["Depot"]


def test_a_plural_term_takes_the_plural_form_the_model_scores_best(backbone):
    """ "List all repositories": the target goes in the form of :func:`plural_forms` whose whole
    output the fast path scores best (on the random model, whichever that is), not "Depot"."""
    from ltmt.terminology.placement import Missing, place_terms

    translator = Translator(backbone, beam=1)
    decoding = translator.terms
    unit = Unit(0, "list all repositories")
    source = translator.encode([unit.text])[0]
    ids, [attention] = translator.decoder.fast.decode_aligned([source], translator.decode_config)
    [ids] = ids
    tokens = decoding.tokens()
    span = decoding.source_span(unit.text, TermMatcher([DEPOT]).find(unit.text)[0])

    def placed(form: str, plural: bool) -> tuple[Missing, list[int] | None]:
        term = Missing(span, tokens.required(form).token_ids, form, "repositories", plural)
        return term, place_terms(ids, attention, [term], tokens.pieces, [], tokens.word_ids)

    term, singular = placed("Depot", True)
    assert singular is not None
    options = [placed(form, True)[1] for form in plural_forms("Depot")]
    scores = translator.decoder.fast.score(source, options)
    best = options[max(range(len(options)), key=scores.__getitem__)]
    missing = [term]
    assert decoding.in_number(unit, ids, attention, missing, [], singular) == best
    assert missing[0].target == plural_forms("Depot")[options.index(best)]
    # a term written as the glossary writes it keeps its form
    term, singular = placed("Depot", False)
    assert decoding.in_number(unit, ids, attention, [term], [], singular) == singular
