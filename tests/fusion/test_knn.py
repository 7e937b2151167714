"""kNN fusion on the tiny random model: identity without memory, copying with an exact match."""

from __future__ import annotations

import pytest
import torch
from fusion_fakes import FakeMemory, make_match

from ltmt.errors import ConfigError
from ltmt.fusion.datastore import BatchMemory, SegmentCache, as_stored, force_decode
from ltmt.fusion.knn import KnnConfig, KnnFusion
from ltmt.fusion.knn_state import KnnState
from ltmt.model.decode import DecodeConfig, decode
from ltmt.text import collapse_space
from ltmt.translator import Translator

SOURCE, TARGET = "open the file", "öffne die Datei"
# lambda close to 1 and a sharp kNN distribution: the random model must follow its memory.
COPY = KnnConfig(lambda_max=1.0, tau=100.0, temperature=0.01, min_score=0.0)


def _short(translator: Translator, config: DecodeConfig) -> Translator:
    translator.decode_config = config
    return translator


def _encode(backbone, texts):  # type: ignore[no-untyped-def]
    batch = backbone.tokenizer(texts, return_tensors="pt", padding=True)
    return batch["input_ids"], batch["attention_mask"]


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"neighbours": 0}, "neighbours must be >= 1, got 0"),
        ({"temperature": 0.0}, "temperature must be > 0, got 0.0"),
        ({"tau": -1.0}, "tau must be > 0, got -1.0"),
        ({"lambda_max": 1.5}, r"lambda_max must be in \[0, 1\], got 1.5"),
        ({"score_exponent": -1.0}, "score_exponent must be >= 0"),
        ({"min_score": 101.0}, r"min_score must be in \[0, 100\], got 101.0"),
        ({"max_matches": 0}, "max_matches must be >= 1"),
        ({"match_margin": -1.0}, "match_margin must be >= 0, got -1.0"),
        ({"cache_size": -1}, "cache_size must be >= 0"),
        ({"memory_eos": "some"}, "memory_eos must be all, nearest or none, got 'some'"),
        ({"context": 5}, r"context must be in \[0, 4\], got 5"),
        ({"context_penalty": -0.5}, "context_penalty must be >= 0, got -0.5"),
        ({"differing_penalty": -1.0}, "differing_penalty must be >= 0, got -1.0"),
    ],
)
def test_config_validation(options: dict[str, float], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        KnnConfig(**options)  # type: ignore[arg-type]


def test_config_and_options_are_exclusive() -> None:
    with pytest.raises(ConfigError, match="either a KnnConfig or keyword options"):
        KnnFusion(KnnConfig(), tau=0.3)


def test_no_usable_match_gives_no_state(tiny_backbone) -> None:  # type: ignore[no-untyped-def]
    fusion = KnnFusion(min_score=60.0)
    assert fusion.prepare(tiny_backbone, ["a", "b"], [[], []]) is None
    weak = [[make_match(SOURCE, TARGET, 40.0)]]
    assert fusion.prepare(tiny_backbone, [SOURCE], weak) is None


@pytest.mark.parametrize("beam", [1, 3])
def test_rows_without_memory_are_untouched(tiny_backbone, beam: int) -> None:  # type: ignore[no-untyped-def]
    """A batch mixing inputs with and without memory: the latter decode exactly as the base."""
    texts = ["the cat sat on the mat", SOURCE, "hello world"]
    ids, mask = _encode(tiny_backbone, texts)
    config = DecodeConfig(beam=beam, max_len_a=1.0, max_len_b=3)
    base = decode(tiny_backbone, ids, mask, config)
    state = KnnFusion(COPY).prepare(
        tiny_backbone, texts, [[], [make_match(SOURCE, TARGET, 100.0)], []]
    )
    fused = decode(tiny_backbone, ids, mask, config, state)
    assert fused[0] == base[0] and fused[2] == base[2]
    assert tiny_backbone.tokenizer.decode(fused[1], skip_special_tokens=True) == TARGET


def test_log_probs_identical_for_rows_without_memory(tiny_backbone) -> None:  # type: ignore[no-untyped-def]
    state = KnnFusion(COPY).prepare(
        tiny_backbone, ["x", SOURCE], [[], [make_match(SOURCE, TARGET, 90.0)]]
    )
    assert state is not None
    hidden = torch.randn(4, tiny_backbone.d_model)
    log_probs = torch.log_softmax(torch.randn(4, 50), dim=-1)
    rows = torch.tensor([0, 0, 1, 1])
    out = state.fuse_log_probs(hidden, log_probs, rows)
    assert torch.equal(out[:2], log_probs[:2])
    assert torch.allclose(out.exp().sum(dim=-1), torch.ones(4), atol=1e-5)


def test_lambda_zero_is_the_base_model(tiny_backbone) -> None:  # type: ignore[no-untyped-def]
    ids, mask = _encode(tiny_backbone, [SOURCE])
    config = DecodeConfig(beam=2, max_len_a=1.0, max_len_b=3)
    state = KnnFusion(lambda_max=0.0, min_score=0.0).prepare(
        tiny_backbone, [SOURCE], [[make_match(SOURCE, TARGET, 100.0)]]
    )
    assert decode(tiny_backbone, ids, mask, config, state) == decode(
        tiny_backbone, ids, mask, config
    )


@pytest.mark.parametrize("beam", [1, 3])
@pytest.mark.parametrize("use_cache", [True, False])
def test_exact_match_reproduces_target(tiny_backbone, beam: int, use_cache: bool) -> None:  # type: ignore[no-untyped-def]
    memory = FakeMemory(
        {SOURCE: [(SOURCE, TARGET, 100.0), ("the file was not found", "x y", 60.0)]}
    )
    translator = Translator(
        tiny_backbone,
        memory,
        fusion=KnnFusion(COPY),
        beam=beam,
        exact_reuse=False,  # type: ignore[arg-type]
    )
    translator.decode_config = DecodeConfig(beam=beam, use_cache=use_cache)
    [result] = translator.translate([SOURCE], user="u")
    assert result.text == TARGET
    assert result.method == "knn"


def test_cache_on_and_off_give_same_tokens(tiny_backbone) -> None:  # type: ignore[no-untyped-def]
    texts = ["the cat sat on the mat", "save the file as %s"]
    matches = [
        [make_match("the cat sat", "die Katze saß", 70.0)],
        [make_match(SOURCE, TARGET, 65.0)],
    ]
    ids, mask = _encode(tiny_backbone, texts)
    fusion = KnnFusion(KnnConfig(lambda_max=0.7, tau=5.0, temperature=0.5, min_score=0.0))
    outputs = [
        decode(
            tiny_backbone,
            ids,
            mask,
            DecodeConfig(beam=beam, use_cache=c, max_len_a=1.0, max_len_b=3),
            fusion.prepare(tiny_backbone, texts, matches),
        )
        for beam in (1, 3)
        for c in (True, False)
    ]
    assert outputs[0] == outputs[1]
    assert outputs[2] == outputs[3]


def test_empty_memory_translator_matches_base(tiny_backbone) -> None:  # type: ignore[no-untyped-def]
    texts = ["open the file", "hello world\nshow all commits"]
    short = DecodeConfig(beam=2, max_len_a=1.0, max_len_b=2)
    base = _short(Translator(tiny_backbone, beam=2), short).translate(texts)
    fused = _short(Translator(tiny_backbone, FakeMemory(), fusion="knn"), short).translate(  # type: ignore[arg-type]
        texts, user="u"
    )
    assert [t.text for t in fused] == [t.text for t in base]
    assert {t.method for t in fused} == {"model"}


def test_segment_cache_reuses_and_bounds(tiny_backbone) -> None:  # type: ignore[no-untyped-def]
    fusion = KnnFusion(COPY)
    matches = [[make_match(SOURCE, TARGET, 80.0, id=1)], [make_match(SOURCE, TARGET, 80.0, id=1)]]
    first = fusion.prepare(tiny_backbone, ["a", "b"], matches)
    assert len(fusion.cache) == 1 and fusion.cache.misses == 1
    second = fusion.prepare(tiny_backbone, ["a", "b"], matches)
    assert fusion.cache.hits == 1
    assert first is not None and second is not None
    assert torch.equal(first.memory.keys, second.memory.keys)
    cache = SegmentCache(capacity=2)
    for key in "abc":
        cache.put(key, force_decode(tiny_backbone, [(SOURCE, TARGET)])[0])
    assert len(cache) == 2 and cache.get("a") is None


def test_each_input_is_selected_once_per_translation(tiny_backbone, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import ltmt.fusion.selection as selection

    calls: list[str | None] = []
    select = selection.select_matches

    def counted(matches, text, chosen):  # type: ignore[no-untyped-def]
        calls.append(text)
        return select(matches, text, chosen)

    monkeypatch.setattr(selection, "select_matches", counted)
    memory = FakeMemory({SOURCE: [(SOURCE + " now", TARGET, 80.0)], "x": []})
    translator = Translator(tiny_backbone, memory, fusion=KnnFusion(COPY), beam=2)  # type: ignore[arg-type]
    [result, _] = translator.translate([SOURCE, "x"], user="u")
    assert result.method == "knn"
    # routed to the fused batch by its selection, which prepare then reads again, remembered
    assert calls == [SOURCE]
    fusion = translator.fusion
    assert isinstance(fusion, KnnFusion)
    fusion.cache.clear()  # forgets the selections too
    translator.translate([SOURCE], user="u")
    assert calls == [SOURCE, SOURCE]


def test_multiline_targets_are_normalised(tiny_backbone) -> None:  # type: ignore[no-untyped-def]
    assert collapse_space("  a\nb \n\n c\n") == "a b c"
    [plain] = force_decode(tiny_backbone, [(SOURCE, TARGET)])
    state = KnnFusion(COPY).prepare(
        tiny_backbone, [SOURCE], [[make_match(SOURCE + "\n", TARGET + "\n", 90.0)]]
    )
    assert state is not None
    assert torch.equal(state.memory.values, plain.values)
    # the datastore's keys as it keeps them (float16), read as float32
    assert torch.allclose(state.memory.keys, as_stored(plain).keys.float(), atol=1e-5)


def test_forced_states_match_incremental_decoding(tiny_backbone) -> None:  # type: ignore[no-untyped-def]
    """Keys are what the decoder computes at each step when it follows the target."""
    [forced] = force_decode(tiny_backbone, [(SOURCE, TARGET)])
    model = tiny_backbone.model
    ids, mask = _encode(tiny_backbone, [SOURCE])
    with torch.inference_mode():
        enc = model.get_encoder()(input_ids=ids, attention_mask=mask).last_hidden_state
        prefix = torch.tensor([[tiny_backbone.start_id, *forced.values[:-1].tolist()]])
        states = model.get_decoder()(
            input_ids=prefix, encoder_hidden_states=enc, encoder_attention_mask=mask
        ).last_hidden_state[0]
    assert torch.allclose(states, forced.keys, atol=1e-5)
    assert int(forced.values[-1]) == tiny_backbone.eos_id


def test_mixture_matches_the_dense_formula(tiny_backbone) -> None:  # type: ignore[no-untyped-def]
    """log(λ p_knn + (1 - λ) p_model), with p_knn summed over neighbours sharing a token."""
    fusion = KnnFusion(
        KnnConfig(lambda_max=0.6, tau=50.0, temperature=0.3, neighbours=6, min_score=0)
    )
    state = fusion.prepare(
        tiny_backbone, [SOURCE, "x"], [[make_match(SOURCE, TARGET + " " + TARGET, 80)]] * 2
    )
    assert state is not None
    torch.manual_seed(0)
    hidden = torch.randn(3, tiny_backbone.d_model)
    vocab = int(tiny_backbone.model.config.vocab_size)
    log_probs = torch.log_softmax(torch.randn(3, vocab), dim=-1)
    rows = torch.tensor([0, 1, 1])
    lam, tokens, weights, distance = state.neighbours(hidden, rows)[:4]
    assert bool((distance[:, 1:] >= distance[:, :-1]).all())
    assert bool((lam > 0).all()) and len(set(tokens[0].tolist())) < tokens.size(1)  # shared tokens
    p_knn = torch.zeros(3, vocab).scatter_add_(1, tokens, weights)
    expected = torch.log(lam[:, None] * p_knn + (1 - lam[:, None]) * log_probs.exp())
    assert torch.allclose(state.fuse_log_probs(hidden, log_probs, rows), expected, atol=1e-5)


def test_long_memory_is_cut_at_the_position_table(tiny_backbone) -> None:  # type: ignore[no-untyped-def]
    positions = tiny_backbone.model.config.max_position_embeddings
    long_text = " ".join(["the file"] * positions)
    [forced] = force_decode(tiny_backbone, [(long_text, long_text)])
    assert forced.values.numel() == positions


def _two_segment_memory() -> BatchMemory:
    """One sentence, two segments: ``[5, 6, eos]`` and ``[7, 5, 8, eos]`` (eos = 0)."""
    values = torch.tensor([5, 6, 0, 7, 5, 8, 0])
    count = values.numel()
    return BatchMemory(
        keys=torch.zeros(count, 4),
        values=values,
        scores=torch.full((count,), 90.0),
        sentence=torch.zeros(count, dtype=torch.long),
        offsets=torch.tensor([0, count]),
        best_score=torch.tensor([90.0]),
        positions=torch.tensor([0, 1, 2, 0, 1, 2, 3]),
    )


def test_entry_history_reads_back_to_the_start_token() -> None:
    state = KnnState(_two_segment_memory(), KnnConfig(context=2), 4, eos_id=0, start_id=9)
    assert state.history.tolist() == [
        [9, -1], [5, 9], [6, 5],  # first segment: before 5 only the start token
        [9, -1], [7, 9], [5, 7], [8, 5],
    ]  # fmt: skip


def test_shared_history_picks_the_aligned_entry() -> None:
    """All states are equidistant; the history term alone sends ``7 5 →`` to the entry predicting
    8 (after ``7 5``), not to the one predicting 6 (after ``start 5``); ``3 6 →`` shares only
    its last token with the entry predicting </s> (after ``5 6``)."""
    memory = _two_segment_memory()
    config = KnnConfig(context=2, context_penalty=0.5, neighbours=1, tau=10.0, min_score=0)
    state = KnnState(memory, config, 4, eos_id=0, start_id=9)
    hidden, rows = torch.zeros(2, 4), torch.tensor([0, 0])
    prefix = torch.tensor([[9, 7, 5], [9, 3, 6]])
    lam, tokens, _, distance = state.neighbours(hidden, rows, prefix)[:4]
    assert tokens[:, 0].tolist() == [8, 0]
    assert distance[:, 0].tolist() == [0.0, 0.5]  # the second row shares one token of two
    assert bool(lam[0] > lam[1])
    without = KnnState(memory, KnnConfig(neighbours=7, context=0), 4).neighbours(
        hidden, rows, prefix
    )[:4]
    assert bool((without[3] == 0).all())  # no history term: every entry at distance 0


def _three_sentence_state(backbone):  # type: ignore[no-untyped-def]
    """A kNN state over three inputs: one, two and one matches."""
    fusion = KnnFusion(KnnConfig(tau=50.0, neighbours=3, min_score=0))
    matches = [
        [make_match(SOURCE, TARGET, 80)],
        [make_match("hello world", "hallo Welt", 70), make_match(SOURCE, TARGET, 60)],
        [make_match("open it", "öffne es", 90)],
    ]
    state = fusion.prepare(backbone, [SOURCE, "hello", "open"], matches)
    assert state is not None
    return state


def test_rows_in_any_order_get_the_same_neighbours(tiny_backbone) -> None:  # type: ignore[no-untyped-def]
    """Runs of equal length per sentence (beam search) take the batched path; any other order
    the general one; both score each row against its own sentence's entries."""
    state = _three_sentence_state(tiny_backbone)
    torch.manual_seed(1)
    hidden = torch.randn(6, tiny_backbone.d_model)
    grouped = torch.tensor([0, 0, 1, 1, 2, 2])
    order = torch.tensor([3, 0, 5, 2, 1, 4])  # rows 1 0 2 1 0 2: no equal runs
    lam, tokens, weights, distance = state.neighbours(hidden, grouped)[:4]
    lam2, tokens2, weights2, distance2 = state.neighbours(hidden[order], grouped[order])[:4]
    assert torch.allclose(distance[order], distance2, atol=1e-5)
    assert torch.equal(tokens[order], tokens2)
    assert torch.allclose(lam[order], lam2) and torch.allclose(weights[order], weights2)
    for row, sentence in enumerate(grouped.tolist()):  # only the row's own sentence's tokens
        own = state.memory.values[
            state.memory.offsets[sentence] : state.memory.offsets[sentence + 1]
        ]
        assert set(tokens[row][distance[row].isfinite()].tolist()) <= set(own.tolist())


def test_steps_reuse_their_rows_gathers_and_stay_exact(tiny_backbone) -> None:  # type: ignore[no-untyped-def]
    """A step whose rows equal the last step's reuses the gathered per-sentence tensors (and
    the live sentences' keys); when a sentence finishes they are gathered again. Every step's
    neighbours equal those of a fresh state, bit for bit, even when the caller reuses and
    overwrites its rows tensor."""
    state = _three_sentence_state(tiny_backbone)
    torch.manual_seed(2)
    rows = torch.tensor([0, 0, 1, 1, 2, 2])
    steps = [(torch.randn(6, tiny_backbone.d_model), rows) for _ in range(2)]
    live = torch.tensor([0, 0, 2, 2])  # sentence 1 finished
    steps += [(torch.randn(4, tiny_backbone.d_model), live) for _ in range(2)]
    views = []
    for hidden, step_rows in steps:
        found = state.neighbours(hidden, step_rows)
        views.append(state._view)
        fresh = KnnState(state.memory, state.config, tiny_backbone.d_model)
        expected = fresh.neighbours(hidden, step_rows)
        for got, want in zip(found, expected, strict=True):
            assert (got is None and want is None) or torch.equal(got, want)
    assert views[0] is views[1] and views[2] is views[3] and views[1] is not views[2]
    assert views[2].live_keys is not None and views[2].live_keys.size(0) == 2
    reused = rows.clone()
    hidden = torch.randn(6, tiny_backbone.d_model)
    first = state.neighbours(hidden, reused).tokens
    reused[:] = torch.tensor([2, 2, 1, 1, 0, 0])  # the same tensor, other sentences
    swapped = state.neighbours(hidden, reused).tokens
    fresh = KnnState(state.memory, state.config, tiny_backbone.d_model)
    assert torch.equal(swapped, fresh.neighbours(hidden, reused).tokens)
    assert not torch.equal(first, swapped)


def test_rows_in_unequal_runs_read_their_sentences_row_by_row(tiny_backbone) -> None:  # type: ignore[no-untyped-def]
    """Rows that are not runs of equal length per sentence read their sentences' keys row by
    row: every row finds the neighbours it finds alone."""
    state = _three_sentence_state(tiny_backbone)
    torch.manual_seed(3)
    hidden, rows = torch.randn(4, tiny_backbone.d_model), torch.tensor([0, 1, 1, 2])
    found = state.neighbours(hidden, rows)
    assert state._view is not None and state._view.group == 1
    for row in range(4):
        alone = KnnState(state.memory, state.config, tiny_backbone.d_model).neighbours(
            hidden[row : row + 1], rows[row : row + 1]
        )
        assert torch.equal(found.tokens[row], alone.tokens[0])
        torch.testing.assert_close(found.distance[row], alone.distance[0])


def test_a_step_computes_only_the_fields_asked_for(tiny_backbone) -> None:  # type: ignore[no-untyped-def]
    """``fields`` leaves ``missing`` and ``scores`` out (None) and changes nothing else;
    plain knn's decoding steps ask for neither."""
    state = _three_sentence_state(tiny_backbone)
    hidden = torch.randn(6, tiny_backbone.d_model)
    rows = torch.tensor([0, 0, 1, 1, 2, 2])
    full = state.neighbours(hidden, rows)
    assert full.missing is not None and full.scores is not None
    bare = state.neighbours(hidden, rows, fields=())
    assert bare.missing is None and bare.scores is None
    for name in ("lam", "tokens", "weights", "distance", "differing"):
        assert torch.equal(getattr(bare, name), getattr(full, name))
    only = state.neighbours(hidden, rows, fields={"scores"})
    assert only.missing is None and torch.equal(only.scores, full.scores)
    assert state.step_fields == frozenset()


def test_batched_force_decoding_equals_one_pair_at_a_time(tiny_backbone) -> None:  # type: ignore[no-untyped-def]
    """Sources and targets of very different lengths, bucketed apart: padding changes nothing."""
    pairs = [
        (SOURCE, TARGET),
        ("hello", "hallo Welt und alle anderen hier " * 3),
        ("the cat sat on the mat " * 4, "Katze"),
        ("open it", "öffne es"),
    ]
    together = force_decode(tiny_backbone, pairs, batch_size=3)
    for pair, batched in zip(pairs, together, strict=True):
        [alone] = force_decode(tiny_backbone, [pair])
        assert torch.equal(alone.values, batched.values)
        assert torch.allclose(alone.keys, batched.keys, atol=1e-5)


@pytest.mark.parametrize("beam", [1, 2])
def test_fusion_makes_every_tensor_on_the_models_device(tiny_backbone, beam: int) -> None:  # type: ignore[no-untyped-def]
    # the model is on the CPU, torch's default device "meta": a tensor made without the model's
    # device (force-decoding, the datastore, the kNN state, decoding) would fail to mix
    memory = FakeMemory({SOURCE: [(SOURCE, TARGET, 90.0), ("hello world", "hallo Welt", 60.0)]})
    translator = Translator(tiny_backbone, memory, fusion=KnnFusion(COPY), beam=beam)
    expected = [t.text for t in translator.translate([SOURCE, "hello"], user="u")]
    translator.fusion.cache.clear()  # type: ignore[union-attr]
    torch.set_default_device("meta")
    try:
        found = [t.text for t in translator.translate([SOURCE, "hello"], user="u")]
    finally:
        torch.set_default_device(None)
    assert found == expected and found[0] == TARGET


def test_differing_penalty_pushes_entries_from_words_the_input_lacks(tiny_backbone) -> None:  # type: ignore[no-untyped-def]
    """An entry's distance grows by ``differing_penalty`` x its differing share; with 0 (the
    default) the shares change nothing, and a batch's memory does not compute them."""
    import dataclasses

    matches = [[make_match("close the old file", "schließe die alte Datei", 60.0)]]
    plain = KnnFusion(min_score=0.0, tau=100.0, neighbours=64, context=0, cache_size=0)
    unread = plain.prepare(tiny_backbone, [SOURCE], matches)
    assert unread is not None and unread.memory.differing is None  # read as zeros
    config = dataclasses.replace(plain.config, differing_penalty=3.0)
    state = KnnFusion(config).prepare(tiny_backbone, [SOURCE], matches)
    assert state is not None and state.memory.differing is not None
    shares = state.memory.differing
    assert bool((shares > 0).any()) and bool((shares <= 1 + 1e-6).all())
    torch.manual_seed(0)
    hidden, rows = torch.randn(2, tiny_backbone.d_model), torch.tensor([0, 0])
    base = KnnState(state.memory, plain.config, tiny_backbone.d_model).neighbours(hidden, rows)
    assert torch.equal(base.distance, unread.neighbours(hidden, rows).distance)
    pushed = state.neighbours(hidden, rows)
    expected = torch.sort(base.distance + 3.0 * base.differing, dim=1).values
    assert torch.allclose(pushed.distance, expected, atol=1e-5)
    assert bool((pushed.lam <= base.lam).all())


def test_the_vote_stays_on_the_datastores_device() -> None:
    """Every tensor is made on the model's device: on the ``meta`` device here, where a tensor
    made on the CPU would show (as it would on a GPU)."""
    state = KnnState(_two_segment_memory(), KnnConfig(memory_eos="all"), 4)
    tokens = torch.zeros((2, 3), dtype=torch.long, device="meta")
    weights, keep = state.vote(tokens, torch.zeros((2, 3), device="meta"), 1.0)
    assert weights.device == keep.device == torch.device("meta") and keep.shape == (2,)
