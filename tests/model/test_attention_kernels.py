"""The compiled attention of the incremental decoder (numba) against torch's products."""

from __future__ import annotations

from pathlib import Path

import pytest
import torch

from ltmt.model import incremental
from ltmt.model.backbone import load_backbone
from ltmt.model.decode import DecodeConfig, decode
from ltmt.model.incremental import IncrementalDecoder

SOURCES = ["open the file", "the cat sat on the mat today", "hello world", "x"]


def _encoded(backbone):  # type: ignore[no-untyped-def]
    batch = backbone.tokenizer(SOURCES, return_tensors="pt", padding=True)
    states = backbone.model.get_encoder()(**batch).last_hidden_state
    return states, batch["attention_mask"]


def test_compiled_steps_equal_torchs_through_beams_growth_and_sentences_leaving(
    tiny_backbone,  # type: ignore[no-untyped-def]
) -> None:
    """Both decoders read the same tokens, beams reordered within sentences, the first step's
    row becoming the beam, a sentence leaving in beam search's order and another order, and the
    buffers growing twice: every step's states and last-layer cross-attention (heads averaged,
    nothing on padding) equal torch's up to float32 rounding."""
    generator = torch.Generator().manual_seed(3)
    with torch.inference_mode():
        states, mask = _encoded(tiny_backbone)
        model = tiny_backbone.model
        compiled = IncrementalDecoder(model, states, mask, group=1, capacity=2)
        plain = IncrementalDecoder(model, states, mask, group=1, capacity=2, compiled=False)
        assert compiled.kernels is not None and plain.kernels is None
        sentences, vocab = len(SOURCES), tiny_backbone.vocab_size
        reorders = [
            (torch.arange(sentences).repeat_interleave(3), False, 3),  # the beam of 3
            (torch.tensor([2, 0, 1, 3, 3, 5, 8, 6, 7, 9, 11, 10]), True, None),
            (torch.tensor([9, 10, 11, 3, 4, 5, 6, 7, 8]), False, None),  # sentence 0 leaves
            (torch.tensor([6, 7, 8, 0, 1, 2]), False, None),  # another order: a copy
            (torch.tensor([1, 1, 0, 5, 4, 3]), True, None),
        ]
        rows = sentences
        for index, same, group in [*reorders, (None, False, None)]:
            tokens = torch.randint(5, vocab - 1, (rows,), generator=generator)
            ours = compiled.step(tokens, keep_attention=True)
            theirs = plain.step(tokens, keep_attention=True)
            torch.testing.assert_close(ours, theirs, atol=1e-5, rtol=1e-4)
            assert compiled.attention is not None and plain.attention is not None
            torch.testing.assert_close(compiled.attention, plain.attention, atol=1e-6, rtol=1e-5)
            if index is None:
                break
            for decoder in (compiled, plain):
                decoder.select(index, same_sentences=same, group=group)
            rows = index.numel()
        assert compiled.capacity == plain.capacity == 8  # grown from 2 twice


def test_cross_attention_on_padding_is_zero(tiny_backbone) -> None:  # type: ignore[no-untyped-def]
    with torch.inference_mode():
        states, mask = _encoded(tiny_backbone)
        decoder = IncrementalDecoder(tiny_backbone.model, states, mask, group=1)
        decoder.step(torch.full((len(SOURCES),), tiny_backbone.start_id), keep_attention=True)
    assert decoder.kernels is not None and decoder.attention is not None
    assert bool((decoder.attention[mask == 0] == 0).all())
    torch.testing.assert_close(decoder.attention.sum(dim=1), torch.ones(len(SOURCES)))


def test_search_outputs_are_the_same_on_both(
    tiny_model_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Beam search over the tiny model (float32: the compiled attention) gives the outputs it
    gives on torch's products."""
    backbone = load_backbone(tiny_model_dir)
    batch = backbone.tokenizer(SOURCES, return_tensors="pt", padding=True)
    config = DecodeConfig(beam=3, max_len_a=1.0, max_len_b=5)
    ours = decode(backbone, batch["input_ids"], batch["attention_mask"], config)
    monkeypatch.setattr(incremental, "_compiled_kernels", lambda *arguments: None)
    theirs = decode(backbone, batch["input_ids"], batch["attention_mask"], config)
    assert ours == theirs and any(ours)


def test_torch_products_where_the_kernels_do_not_apply(
    tiny_backbone,  # type: ignore[no-untyped-def]
    remove_numba,  # type: ignore[no-untyped-def]
) -> None:
    """A gradient asked for, or numba missing: torch's products (bfloat16 states take the
    kernels in float32: ``test_incremental``)."""
    with torch.inference_mode():
        states, mask = _encoded(tiny_backbone)
    model = tiny_backbone.model
    with torch.enable_grad():
        graded = IncrementalDecoder(model, states, mask, group=1)
    remove_numba()
    with torch.inference_mode():
        without_numba = IncrementalDecoder(model, states, mask, group=1)
        stepped = without_numba.step(torch.full((len(SOURCES),), tiny_backbone.start_id))
    assert graded.kernels is None and without_numba.kernels is None
    assert stepped.shape == (len(SOURCES), states.size(-1))


def test_kernels_on_no_rows_write_nothing() -> None:
    """A batch whose sentences have all left: both kernels return at once."""
    import numpy as np

    from ltmt.model.attention_kernels import cross_attend, self_attend

    out = np.zeros((0, 8), np.float32)
    keys = np.zeros((0, 2, 3, 4), np.float32)
    cross_attend(out, keys, keys, np.zeros((0, 3), np.float32), 0.5, out, out, False)
    slots = np.zeros((0, 2, 4, 2, 4), np.float32)
    self_attend(
        np.zeros((0, 24), np.float32), slots, slots, np.zeros((0, 4), np.int64), 0, 0.5, out
    )
    assert out.shape == (0, 8)
