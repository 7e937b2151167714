"""The one match selection: narrowing, repair, thresholds, and that every reader shares it."""

from __future__ import annotations

import pytest
from fusion_fakes import make_match

from ltmt.errors import ConfigError
from ltmt.fusion import selection
from ltmt.fusion.adapter import AdapterConfig
from ltmt.fusion.knn import KnnConfig
from ltmt.fusion.selection import MatchSelection, align_lines, select_matches, usable_matches
from ltmt.units import cells


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"min_score": 101.0}, r"min_score must be in \[0, 100\]"),
        ({"max_matches": 0}, "max_matches must be >= 1"),
        ({"margin": -1.0}, "margin must be >= 0"),
        ({"min_best": -1.0}, r"min_best must be in \[0, 100\]"),
    ],
)
def test_selection_validation(options: dict[str, float], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        MatchSelection(**options)  # type: ignore[arg-type]


def test_select_matches_thresholds_sorts_and_cuts() -> None:
    matches = [
        make_match("a b c", "x", 55.0, 1),
        make_match("a b d", "y", 90.0, 2),
        make_match("a b e", "z", 40.0, 3),
        make_match("a b f", "  ", 95.0, 4),
    ]
    chosen = select_matches(matches, None, MatchSelection(min_score=50.0, max_matches=4))
    assert [m.segment.id for m in chosen] == [2, 1]
    narrow = MatchSelection(min_score=50.0, max_matches=4, margin=10.0)
    assert [m.segment.id for m in select_matches(matches, None, narrow)] == [2]


def test_weaker_matches_are_read_only_beside_a_best_one_that_reaches_min_best() -> None:
    weak = [make_match("a b c", "x", 45.0, 1), make_match("a b d", "y", 42.0, 2)]
    gated = MatchSelection(min_score=40.0, max_matches=4, min_best=50.0)
    assert select_matches(weak, None, gated) == []  # no match good enough: none is read
    with_good = [*weak, make_match("a b e", "z", 55.0, 3)]
    assert [m.segment.id for m in select_matches(with_good, None, gated)] == [3, 1, 2]
    assert len(select_matches(weak, None, MatchSelection(min_score=40.0, max_matches=4))) == 2
    # the best is taken after repair: a match that repair lifts over min_best opens the gate
    repaired = make_match("Error E692 happened now", "Fehler E692 passiert jetzt", 48.0)
    [kept] = select_matches([repaired], "Error E1153 happened", gated)
    assert kept.score >= 50.0 and "E1153" in kept.segment.target


def test_select_matches_narrows_lines_and_repairs() -> None:
    match = make_match("Open file\nError E692 happened", "Datei öffnen\nFehler E692 passiert", 60)
    [kept] = select_matches([match], "Error E1153 happened", MatchSelection(min_score=0.0))
    assert (kept.segment.source, kept.segment.target) == (
        "Error E1153 happened",
        "Fehler E1153 passiert",
    )
    assert kept.score == 100.0
    plain = MatchSelection(min_score=0.0, narrow_lines=False, repair=False)
    assert select_matches([match], "Error E1153 happened", plain) == [match]


def test_each_method_names_its_selection() -> None:
    knn = KnnConfig(min_score=60.0, max_matches=3, match_margin=5.0, repair=False)
    assert knn.selection == MatchSelection(60.0, 3, 5.0, True, False)
    gated = KnnConfig(min_score=40.0, min_best_score=50.0).selection
    assert gated == MatchSelection(40.0, 2, min_best=50.0)
    assert AdapterConfig(d_model=8, max_matches=4, min_score=0.0).selection == MatchSelection(
        0.0, 4
    )


def test_training_and_decoding_read_matches_through_the_same_selection(
    tiny_backbone,  # type: ignore[no-untyped-def]
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Fails if the combiner's training data or a decoder reads matches any other way."""
    from ltmt.fusion.combiner import Combiner, CombinerConfig
    from ltmt.fusion.knn import KnnFusion
    from ltmt.fusion.trained_knn import TrainedKnnFusion
    from ltmt.train.combiner_data import Example, featurise

    seen: list[MatchSelection] = []
    real = selection.select_matches

    def spy(matches, text, chosen):  # type: ignore[no-untyped-def]
        seen.append(chosen)
        return real(matches, text, chosen)

    monkeypatch.setattr(selection, "select_matches", spy)
    knn = KnnConfig(min_score=30.0, max_matches=1)
    fusion = TrainedKnnFusion(Combiner(CombinerConfig(knn={"min_score": 30.0, "max_matches": 1})))
    source, target = "do not open the file", "öffne die Datei nicht"
    memory = [make_match("open the files", "öffne die Dateien", 80.0)]
    assert fusion.prepare(tiny_backbone, [source], [memory]) is not None
    example = Example(source, target, (("open the files", "öffne die Dateien", 80.0),), "own")
    rows = featurise(tiny_backbone, KnnFusion(fusion.config, reads_shares=True), [example])
    assert rows.features.size(0) > 0
    assert len(seen) == 2
    assert seen[0] == seen[1] == knn.selection


def test_training_and_decoding_measure_the_same_differing_shares(
    tiny_backbone,  # type: ignore[no-untyped-def]
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The per-neighbour differing share and missing words (:mod:`ltmt.fusion.alignment`) are
    computed inside the one forced-decoding path: training rows and decoding read them against
    the same input, and a training row's neighbours carry the very values the decoder's state
    gives them."""
    import torch

    from ltmt.fusion import datastore
    from ltmt.fusion.combiner import Combiner, CombinerConfig
    from ltmt.fusion.knn import KnnFusion
    from ltmt.fusion.trained_knn import TrainedKnnFusion
    from ltmt.train.combiner_data import Example, _prefixes, featurise

    queries: list[str] = []
    real = datastore.differing_shares
    real_missing = datastore.missing_words
    lacking: list[str] = []

    def spy(alignment, source_ids, tokenizer, query):  # type: ignore[no-untyped-def]
        queries.append(query)
        return real(alignment, source_ids, tokenizer, query)

    def spy_missing(match_source: str, query: str) -> tuple[float, float]:
        lacking.append(query)
        return real_missing(match_source, query)

    monkeypatch.setattr(datastore, "differing_shares", spy)
    monkeypatch.setattr(datastore, "missing_words", spy_missing)
    knn = {"min_score": 0.0, "max_matches": 1, "tau": 100.0, "cache_size": 0}
    # a combiner that reads both (a batch's memory computes them only for a method that does)
    reads = CombinerConfig(knn=knn, neighbour_features=True, missing_features=True)
    decoder = TrainedKnnFusion(Combiner(reads))
    fusion = KnnFusion(decoder.config, reads_shares=True)
    source, target = "do not open the file", "öffne die Datei nicht"
    match = ("close the old file", "schließe die alte Datei", 60.0)
    example = Example(source, target, (match,), "own")
    rows = featurise(tiny_backbone, fusion, [example])
    state = decoder.prepare(tiny_backbone, [source], [[make_match(*match)]])
    assert state is not None
    assert queries == lacking == [source, source]
    [forced] = datastore.force_decode(tiny_backbone, [(source, target)])
    steps = torch.zeros(forced.values.numel(), dtype=torch.long)
    prefix = _prefixes(forced.values, fusion.config.context, tiny_backbone.start_id)
    decoded = state.neighbours(forced.keys, steps, prefix)
    width = decoded.differing.size(1)
    assert torch.allclose(rows.differing[:, :width], decoded.differing)
    assert bool((state.memory.differing > 0).any())  # "close", "old" are not in the input
    assert torch.equal(rows.missing[:, :width], decoded.missing)
    # each neighbour's own match score (score_features), the same in rows and at decoding
    assert rows.match_score is not None and decoded.scores is not None
    assert torch.equal(rows.match_score[:, :width], decoded.scores)
    assert decoded.scores.unique().tolist() == [pytest.approx(state.memory.scores[0] / 100)]
    # the match lacks "do", "not", "open" of the input's five words, and its negation
    assert rows.missing[:, 0].tolist() == [[pytest.approx(0.6), 1.0]] * rows.missing.size(0)


def test_training_rows_and_decoding_steps_read_the_same_lacked_attention(
    tiny_backbone,  # type: ignore[no-untyped-def]
) -> None:
    """``attention_features``: a training row's per-neighbour attention on input words its
    match lacks (from the pair's forced cross-attention) equals what a decoding step gives
    (the incremental decoder's own last-layer attention, teacher-forced on the same target)."""
    import torch

    from ltmt.fusion import datastore
    from ltmt.fusion.knn import KnnFusion
    from ltmt.model.incremental import IncrementalDecoder
    from ltmt.train.combiner_data import Example, _prefixes, featurise

    knn = KnnConfig(min_score=0.0, max_matches=1, tau=100.0, cache_size=0)
    fusion = KnnFusion(knn, reads_attention=True, reads_shares=True)
    source, target = "do not open the file", "öffne die Datei nicht"
    match = ("close the old file", "schließe die alte Datei", 60.0)
    rows = featurise(tiny_backbone, fusion, [Example(source, target, (match,), "own")])
    state = fusion.prepare(tiny_backbone, [source], [[make_match(*match)]])
    assert state is not None and rows.lacked is not None
    [forced] = datastore.force_decode(tiny_backbone, [(source, target)])
    model, values = tiny_backbone.model, forced.values
    ids = torch.tensor([tiny_backbone.tokenizer(source)["input_ids"]])
    mask = torch.ones_like(ids)
    with torch.inference_mode():
        encoded = model.get_encoder()(input_ids=ids, attention_mask=mask).last_hidden_state
        decoder = IncrementalDecoder(model, encoded, mask, group=1)
        read = torch.cat([torch.tensor([tiny_backbone.start_id]), values[:-1]])
        hidden, attention = [], []
        for token in read:
            hidden.append(decoder.step(token[None], keep_attention=True))
            assert decoder.attention is not None
            attention.append(decoder.attention)
    steps = torch.zeros(values.numel(), dtype=torch.long)
    prefix = _prefixes(values, fusion.config.context, tiny_backbone.start_id)
    decoded = state.neighbours(torch.cat(hidden), steps, prefix, torch.cat(attention))
    assert decoded.lacked is not None
    width = decoded.lacked.size(1)
    assert torch.allclose(rows.lacked[:, :width], decoded.lacked, atol=1e-5)
    assert bool((rows.lacked > 0).any())  # "do", "not", "open" are not in the match
    # the input's token positions the match lacks: "do", "not", "open", never "the file" or </s>
    marks = state.memory.lacked
    assert marks is not None and marks[0].tolist()[-1] is False and bool(marks[0].any())


def test_match_margin_drops_matches_far_below_the_best() -> None:
    matches = [make_match("open the file", "öffne die Datei", 90.0), make_match("a b", "c d", 75.0)]
    assert len(usable_matches(matches, 50.0, 2, repair=False)) == 2
    assert len(usable_matches(matches, 50.0, 2, repair=False, margin=15.0)) == 2
    [best] = usable_matches(matches, 50.0, 2, repair=False, margin=10.0)
    assert best.score == 90.0


@pytest.mark.parametrize(
    ("text", "source", "target", "expected_source", "expected_target"),
    [
        (
            "open the file",
            "hello world\nopen the file\n",
            "hallo Welt\nöffne die Datei\n",
            "open the file",
            "öffne die Datei",
        ),
        (  # re-wrapped target: the words at the same relative position, +-1 word
            "hello world",
            "hello world\nopen the file",
            "hallo Welt öffne die Datei",
            "hello world",
            "hallo Welt öffne",
        ),
        (
            "hello world open the file",
            "hello world\nopen the file",
            "hallo Welt\nöffne die Datei",
            "hello world\nopen the file",
            "hallo Welt\nöffne die Datei",
        ),
        (  # any line separator str.splitlines knows: its lines are decoded apart
            "open the file",
            "hello world\u2028open the file",
            "hallo Welt\u2028öffne die Datei",
            "open the file",
            "öffne die Datei",
        ),
        ("open the file", "open the file", "öffne die Datei", "open the file", "öffne die Datei"),
        (  # a line break written as an escape, the next text an escaped quote: decoded apart
            # (a Ren'Py line fused whole read the other half's words and swapped the halves)
            "The note read:",
            r"The letter read:\n\"Come alone.\"",
            r"Im Brief stand:\n\"Komm allein.\"",
            "The letter read:",
            "Im Brief stand:",
        ),
        (
            r"\"Come along.\"",
            r"The letter read:\n\"Come alone.\"",
            r"Im Brief stand:\n\"Komm allein.\"",
            r"\"Come alone.\"",
            r"\"Komm allein.\"",
        ),
        (  # an escape that parts no two texts: a path's, one line
            "open the file",
            r"open C:\new\file",
            r"öffne C:\new\file",
            r"open C:\new\file",
            r"öffne C:\new\file",
        ),
        (  # a tab-separated column, decoded apart; the option column is code, not a line
            "list the server names",
            "--serverlist\t\tList the Vim server names",
            "--serverlist\t\tVim-Servernamen auflisten",
            "List the Vim server names",
            "Vim-Servernamen auflisten",
        ),
    ],
)
def test_align_lines(
    text: str, source: str, target: str, expected_source: str, expected_target: str
) -> None:
    aligned = align_lines(make_match(source, target, 55.0), text)
    assert (aligned.segment.source, aligned.segment.target) == (expected_source, expected_target)
    if len(cells(source)) > 1:  # rescored
        from rapidfuzz import fuzz

        assert aligned.score == fuzz.ratio(
            text.casefold(), " ".join(expected_source.split()).casefold()
        )
    else:
        assert aligned.score == 55.0
