"""The first decode of a translation's planned batches (ltmt.batch_decoding)."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from ltmt.batch_decoding import BatchDecoding
from ltmt.segments import Match, Segment
from ltmt.terminology.decoding import GlossaryPass
from ltmt.units import Unit


class _State:
    """A fusion state that used the memory of its first sentence only."""

    def __init__(self, size: int) -> None:
        self.has_memory = [index == 0 for index in range(size)]


def _translator(fusion: object | None) -> Any:
    """A stand-in with what BatchDecoding reads of a Translator: outputs are the upper-cased
    "out" and each unit's index, and the texts of each prepared state are recorded."""
    prepared: list[list[str]] = []

    def prepare_state(texts: list[str], matches: list[tuple[Match, ...]]) -> _State:
        prepared.append(list(texts))
        return _State(len(texts))

    def decode_first(batch: list[list[int]], chunk: list[int], *_: object) -> list[str]:
        return [f"out{index}" for index in chunk]

    return SimpleNamespace(
        parallel=SimpleNamespace(workers=1, threads=1),
        worker_processes=False,
        fusion=fusion,
        decoder=SimpleNamespace(fast=object()),
        prepare_state=prepare_state,
        terms=SimpleNamespace(decode_first=decode_first),
        prepared=prepared,
    )


def _match() -> tuple[Match, ...]:
    return (Match(Segment(1, "u1", "a", "b", 0.0, "test"), 80.0),)


def test_outputs_fused_units_and_segment_progress() -> None:
    # segment 0 has two lines (units 0 and 2) in different batches; segment 1 one line
    units = [Unit(0, "first line"), Unit(1, "other"), Unit(0, "second line")]
    translator = _translator(fusion=None)
    decoding = BatchDecoding(
        translator, units, [[1], [2], [3]], [_match(), ()], [[], [], []], GlossaryPass()
    )
    outputs = [""] * 3
    finished: list[int] = []
    fused = decoding.decode_all([([0, 1], False), ([2], False)], outputs, finished.append)
    assert outputs == ["out0", "out1", "out2"]
    assert fused == []  # no fusion state: the model's own outputs
    assert finished == [1, 1]  # segment 1 after the first batch, segment 0 after the second


def test_fused_units_are_those_the_state_used_with_matches() -> None:
    units = [Unit(0, "with memory"), Unit(1, "state unused"), Unit(2, "no matches")]
    translator = _translator(fusion=object())
    matches = [_match(), _match(), ()]
    decoding = BatchDecoding(
        translator, units, [[1], [2], [3]], matches, [[], [], []], GlossaryPass()
    )
    outputs = [""] * 3
    fused = decoding.decode_all([([0, 1], True), ([2], True)], outputs, None)
    assert fused == [0]  # unit 1's state did not use memory; unit 2 has no matches
    assert translator.prepared == [["with memory", "state unused"], ["no matches"]]
