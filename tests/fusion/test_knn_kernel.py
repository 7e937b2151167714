"""Plain kNN's compiled step (:mod:`ltmt.fusion.knn_kernel`) against its torch operations."""

from __future__ import annotations

import pytest
import torch
from fusion_fakes import make_match

from ltmt.fusion.knn import KnnConfig, KnnFusion
from ltmt.fusion.knn_state import KnnState

SOURCE, TARGET = "open the file", "öffne die Datei"
TEXTS = [SOURCE, "x", "the file was not found"]
MATCHES = [
    [make_match(SOURCE, TARGET + " " + TARGET, 80), make_match("open a file", "eine Datei", 70)],
    [],  # a sentence without memory: its rows stay as they are
    [make_match("the file was found", "die Datei wurde gefunden", 90)],
]


def _state(backbone, config: KnnConfig, wary: bool = False) -> KnnState:  # type: ignore[no-untyped-def]
    fusion = KnnFusion(config)
    prepare = fusion.prepare_wary if wary else fusion.prepare
    state = prepare(backbone, TEXTS, MATCHES)
    assert state is not None and type(state) is KnnState
    return state


@pytest.mark.parametrize(
    ("options", "wary"),
    [
        ({}, False),  # the defaults: memory_eos nearest, context 3 with its penalty
        ({"memory_eos": "all", "context": 0}, False),
        ({"memory_eos": "none", "neighbours": 40}, False),  # more neighbours than entries
        ({"temperature": 5.0, "tau": 50.0, "lambda_max": 1.0}, False),
        ({}, True),  # the copy guard's: differing penalty, no memory vote for </s>
    ],
)
def test_compiled_step_equals_torchs(tiny_backbone, options: dict, wary: bool) -> None:  # type: ignore[no-untyped-def, type-arg]
    """Every row's log-probabilities after mixing equal torch's up to float32 rounding, rows of
    the sentence without memory and rows whose λ is 0 bit for bit, with and without a prefix."""
    config = KnnConfig(min_score=0, **options)
    state = _state(tiny_backbone, config, wary)
    reference = _state(tiny_backbone, config, wary)
    reference.compiled_mix = False
    generator = torch.Generator().manual_seed(len(options))
    rows = torch.tensor([0, 0, 1, 1, 2, 2])
    vocab = tiny_backbone.vocab_size
    for step in range(4):
        hidden = torch.randn(rows.numel(), tiny_backbone.d_model, generator=generator) * 0.1
        log_probs = torch.log_softmax(torch.randn(rows.numel(), vocab, generator=generator), -1)
        prefix = torch.randint(0, vocab, (rows.numel(), step + 1), generator=generator)
        prefix[:, 0] = tiny_backbone.start_id
        for given in (prefix, None):
            ours = state.fuse_log_probs(hidden, log_probs.clone(), rows, given)
            theirs = reference.fuse_log_probs(hidden, log_probs.clone(), rows, given)
            torch.testing.assert_close(ours, theirs, atol=2e-5, rtol=1e-5)
            assert torch.equal(ours[2:4], log_probs[2:4])  # no memory
            moved = (theirs != log_probs).any(dim=1)
            assert torch.equal(ours[~moved], log_probs[~moved])  # λ 0: untouched


def test_some_rows_mixed_only_the_rows_with_memory(tiny_backbone) -> None:  # type: ignore[no-untyped-def]
    """Rows given in any order, those of the sentence without memory among them."""
    config = KnnConfig(min_score=0, tau=50.0)
    state, reference = _state(tiny_backbone, config), _state(tiny_backbone, config)
    reference.compiled_mix = False
    rows = torch.tensor([1, 2, 0, 1])
    hidden = torch.randn(4, tiny_backbone.d_model) * 0.1
    log_probs = torch.log_softmax(torch.randn(4, tiny_backbone.vocab_size), dim=-1)
    ours = state.fuse_log_probs(hidden, log_probs.clone(), rows)
    theirs = reference.fuse_log_probs(hidden, log_probs.clone(), rows)
    torch.testing.assert_close(ours, theirs, atol=2e-5, rtol=1e-5)
    assert torch.equal(ours[[0, 3]], log_probs[[0, 3]])
    assert not torch.equal(ours[[1, 2]], log_probs[[1, 2]])


def test_torch_operations_where_the_kernel_does_not_apply(
    tiny_backbone,  # type: ignore[no-untyped-def]
    remove_numba,  # type: ignore[no-untyped-def]
) -> None:
    state = _state(tiny_backbone, KnnConfig(min_score=0))
    float32 = torch.zeros(2, 3)
    assert state._compiled_mix(float32) is not None
    assert state._compiled_mix(float32.bfloat16()) is None
    remove_numba()
    assert state._compiled_mix(float32) is None
