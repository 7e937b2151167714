"""The decoder: agreement with transformers' generate, cache invariance, length limits."""

from __future__ import annotations

import math

import pytest
import torch
from generate_reference import generate_tokens

from ltmt.errors import ConfigError
from ltmt.model.backbone import load_backbone
from ltmt.model.decode import DecodeConfig, compact_order, decode

SOURCES = ["open the file", "could not open %s: %s", "hello world", "the cat sat on the mat"]


@pytest.fixture(scope="module")
def backbone(tiny_model_dir):
    return load_backbone(tiny_model_dir)


@pytest.fixture(scope="module")
def batch(backbone):
    return backbone.tokenizer(SOURCES, return_tensors="pt", padding=True)


@pytest.mark.parametrize("beam", [1, 3])
def test_cache_does_not_change_tokens(backbone, batch, beam):
    cached = decode(backbone, batch["input_ids"], batch["attention_mask"], DecodeConfig(beam=beam))
    uncached = decode(
        backbone,
        batch["input_ids"],
        batch["attention_mask"],
        DecodeConfig(beam=beam, use_cache=False),
    )
    assert cached == uncached


def test_greedy_agrees_with_generate(backbone, batch):
    config = DecodeConfig(beam=1, max_len_a=0, max_len_b=12)
    ours = decode(backbone, batch["input_ids"], batch["attention_mask"], config)
    assert ours == generate_tokens(backbone, batch, beams=1, max_new_tokens=12)


def test_batch_order_does_not_matter(backbone, batch):
    config = DecodeConfig(beam=2)
    together = decode(backbone, batch["input_ids"], batch["attention_mask"], config)
    for row, source in enumerate(SOURCES):
        alone = backbone.tokenizer([source], return_tensors="pt")
        assert (
            decode(backbone, alone["input_ids"], alone["attention_mask"], config)[0]
            == together[row]
        )


def test_a_beam_wider_than_half_the_vocabulary_agrees_with_generate(backbone, batch):
    beam = backbone.vocab_size // 2 + 3  # each beam ranks every token: fewer than 2·beam
    config = DecodeConfig(beam=beam, max_len_a=0, max_len_b=4)
    ours = decode(backbone, batch["input_ids"], batch["attention_mask"], config)
    assert ours == generate_tokens(backbone, batch, beams=beam, max_new_tokens=4)


class _Scripted:
    """A fusion whose log-probabilities are ``first`` at the first step, ``later`` afterwards
    (token id → log-probability, every other token -1e9); it counts the rows it stepped."""

    def __init__(self, first: dict[int, float], later: dict[int, float]) -> None:
        self.first, self.later, self.step, self.rows = first, later, 0, 0

    def fuse_hidden(self, hidden, rows):
        self.rows += rows.numel()
        return hidden

    def fuse_log_probs(self, hidden, log_probs, rows, prefix=None):
        out = torch.full_like(log_probs, -1e9)
        for token, value in (self.first if self.step == 0 else self.later).items():
            out[:, token] = value
        self.step += 1
        return out


def _cheap_tokens(backbone) -> tuple[int, int]:
    return tuple(t for t in range(3, 10) if t not in (backbone.eos_id, backbone.pad_id))[:2]


@pytest.mark.parametrize(("stop", "steps"), [("best", 1), ("beam", 6)])
def test_the_best_rule_ends_once_no_live_hypothesis_can_beat_the_best(backbone, batch, stop, steps):
    """</s> at 0.9 at the first step, two other tokens at 0.05: the finished ``</s>`` scores
    log 0.9, the live ones at most log 0.05 / 2. ``best`` ends there; ``beam`` waits for a
    second finished hypothesis, which only the length limit (6) brings. Both return ``</s>``."""
    one, two = _cheap_tokens(backbone)
    scripted = _Scripted(
        {backbone.eos_id: math.log(0.9), one: math.log(0.05), two: math.log(0.05)}, {one: 0.0}
    )
    config = DecodeConfig(beam=2, max_len_a=0, max_len_b=6, stop=stop)
    out = decode(backbone, batch["input_ids"][:1], batch["attention_mask"][:1], config, scripted)
    assert out == [[]]
    assert scripted.rows == 1 + 2 * (steps - 1)  # the first step reads one row per sentence


def test_the_best_rule_waits_while_a_live_hypothesis_can_still_win(backbone, batch):
    """</s> and another token at 0.5 each at the first step, then that token at 1: the live
    hypothesis can still reach a better score at every length, so the search goes on to the
    length limit and the longer hypothesis wins."""
    one, _ = _cheap_tokens(backbone)
    scripted = _Scripted({backbone.eos_id: math.log(0.5), one: math.log(0.5)}, {one: 0.0})
    config = DecodeConfig(beam=2, max_len_a=0, max_len_b=6, stop="best")
    out = decode(backbone, batch["input_ids"][:1], batch["attention_mask"][:1], config, scripted)
    assert out == [[one] * 6]


@pytest.mark.parametrize("beam", [1, 4])
def test_length_limit_is_respected(backbone, batch, beam):
    config = DecodeConfig(beam=beam, max_len_a=0, max_len_b=3)
    for tokens in decode(backbone, batch["input_ids"], batch["attention_mask"], config):
        assert len(tokens) <= 3


def test_pad_is_never_produced(backbone, batch):
    for tokens in decode(
        backbone, batch["input_ids"], batch["attention_mask"], DecodeConfig(beam=3)
    ):
        assert backbone.pad_id not in tokens


class _Recorder:
    """A fusion state that changes nothing and records the rows it was called with."""

    def __init__(self) -> None:
        self.rows: list[list[int]] = []

    def fuse_hidden(self, hidden, rows):
        self.rows.append(rows.tolist())
        return hidden

    def fuse_log_probs(self, hidden, log_probs, rows, prefix=None):
        return log_probs


@pytest.mark.parametrize("beam", [1, 3])
def test_identity_fusion_changes_nothing_and_sees_sentence_rows(backbone, batch, beam):
    recorder = _Recorder()
    config = DecodeConfig(beam=beam)
    plain = decode(backbone, batch["input_ids"], batch["attention_mask"], config)
    fused = decode(backbone, batch["input_ids"], batch["attention_mask"], config, recorder)
    assert fused == plain
    assert recorder.rows[0] == list(range(len(SOURCES)))  # one row per sentence at first
    for rows in recorder.rows:  # each sentence's rows side by side, sentences in any order
        runs = [sentence for n, sentence in enumerate(rows) if n == 0 or rows[n - 1] != sentence]
        assert len(runs) == len(set(runs))
    assert set(recorder.rows[1]) == set(range(len(SOURCES)))
    assert len(recorder.rows[1]) == beam * len(SOURCES)  # then the beam


def test_forcing_fusion_steers_the_output(backbone, batch):
    wanted = backbone.tokenizer(text_target=["die Datei"])["input_ids"][0]  # ends with </s>

    class Force:
        def __init__(self) -> None:
            self.step = 0

        def fuse_hidden(self, hidden, rows):
            return hidden

        def fuse_log_probs(self, hidden, log_probs, rows, prefix=None):
            forced = torch.full_like(log_probs, -1e9)
            forced[:, wanted[min(self.step, len(wanted) - 1)]] = 0.0
            self.step += 1
            return forced

    out = decode(
        backbone, batch["input_ids"][:1], batch["attention_mask"][:1], DecodeConfig(beam=1), Force()
    )
    assert out[0] == wanted[:-1]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"beam": 0}, "beam must be >= 1, got 0"),
        ({"max_len": 0}, "max_len must be >= 1, got 0"),
        ({"stop": "first"}, "stop must be beam or best, got 'first'"),
    ],
)
def test_bad_config(kwargs, message):
    with pytest.raises(ConfigError, match=message):
        DecodeConfig(**kwargs)


@pytest.mark.parametrize("width", [7, 64 * 8, 8001])
def test_top_per_row_equals_topk(width: int) -> None:
    """Values and columns as ``topk``'s (distinct values), with ``-inf`` columns, a width under
    the blocks ranked, a whole number of blocks and a partial block at the end."""
    from ltmt.model.decode import top_per_row

    values = torch.randn(5, width, generator=torch.Generator().manual_seed(width)) * 3
    values[:, :3] = -float("inf")
    values[2, -1] = 100.0  # the best column of a row in the partial block
    top, columns = top_per_row(values, 8 if width > 8 else 4)
    expected = values.topk(top.size(1), dim=1)
    assert torch.equal(top, expected.values)
    assert torch.equal(columns, expected.indices)


@pytest.mark.parametrize("beam", [1, 3])
def test_steps_of_few_rows_run_on_one_thread_then_threads_come_back(
    backbone, batch, monkeypatch, beam
):
    """Beam search's first step reads one row per sentence (4 rows), the next ones 3 per live
    sentence; greedy search one per live sentence: with SINGLE_THREAD_ROWS 3 the steps of at
    most 3 rows run on one thread, the others on two, the same tokens come out as with every
    step on two, and the threads are two again after."""
    from ltmt.model import decode as decoding
    from ltmt.workers import torch_threads

    seen: list[tuple[int, int]] = []
    log_probs = decoding._Stepper.__call__

    def spy(self, prefix, *args):  # type: ignore[no-untyped-def]
        seen.append((prefix.size(0), torch.get_num_threads()))
        return log_probs(self, prefix, *args)

    monkeypatch.setattr(decoding._Stepper, "__call__", spy)
    config = DecodeConfig(beam=beam, max_len_a=1.0, max_len_b=3)
    with torch_threads(2):
        monkeypatch.setattr(decoding, "SINGLE_THREAD_ROWS", 0)
        every_step_on_two = decode(backbone, batch["input_ids"], batch["attention_mask"], config)
        assert {threads for _, threads in seen} == {2}
        seen.clear()
        monkeypatch.setattr(decoding, "SINGLE_THREAD_ROWS", 3)
        tokens = decode(backbone, batch["input_ids"], batch["attention_mask"], config)
        assert torch.get_num_threads() == 2
    assert seen[0] == (4, 2) and (beam == 1 or seen[1] == (12, 2))
    assert any(rows <= 3 for rows, _ in seen)  # sentences finished: fewer rows
    assert all(threads == (1 if rows <= 3 else 2) for rows, threads in seen)
    assert tokens == every_step_on_two


@pytest.mark.parametrize(
    ("live", "order"),
    [
        ([True, True, True], [0, 1, 2]),
        ([False, True, True, True], [3, 1, 2]),
        ([True, False, True, False, True], [0, 4, 2]),
        ([False, False, True, True], [2, 3]),
        ([True, True, False, False], [0, 1]),
        ([False, True], [1]),
        ([False, False], []),
    ],
)
def test_compact_order_keeps_the_first_places_and_fills_them_from_the_end(live, order):
    assert compact_order(torch.tensor(live)).tolist() == order
