"""Batching token-id sequences for the model: right padding, and batches of similar length."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import torch


def pad_token_ids(
    sequences: Sequence[Sequence[int]], pad_id: int, device: torch.device | str | None = None
) -> tuple[torch.Tensor, torch.Tensor]:
    """Right-pad token-id lists to ``(batch, longest)`` ids and the matching 0/1 mask.

    Built on the CPU and moved to ``device`` (the model's) in one copy each.
    """
    import torch

    width = max(len(s) for s in sequences)
    ids = torch.full((len(sequences), width), pad_id, dtype=torch.long, device="cpu")
    mask = torch.zeros((len(sequences), width), dtype=torch.long, device="cpu")
    for row, sequence in enumerate(sequences):
        ids[row, : len(sequence)] = torch.tensor(sequence, dtype=torch.long, device="cpu")
        mask[row, : len(sequence)] = 1
    if device is not None:
        ids, mask = ids.to(device), mask.to(device)
    return ids, mask


def length_batches(
    lengths: Sequence[int],
    batch_size: int,
    max_padding: float = 0.25,
    max_cells: int | None = None,
) -> list[list[int]]:
    """Indices grouped into batches of similar ``lengths``, shortest first.

    A batch takes at most ``batch_size`` items and is closed before its padding (the cells of
    ``count * longest`` that are not real tokens) would pass ``max_padding`` of it, so
    segments of mixed lengths do not spend most of a batch's work on padding. ``max_cells``
    also bounds ``count * longest`` (a lone longer item still gets a batch of its own), which
    bounds the memory a batch's activations take.
    """
    order = sorted(range(len(lengths)), key=lambda i: lengths[i])
    batches: list[list[int]] = []
    current: list[int] = []
    total = 0
    for index in order:
        length = lengths[index]
        cells = (len(current) + 1) * length  # the newcomer is the longest so far
        if current and (
            len(current) >= batch_size
            or cells - (total + length) > max_padding * cells
            or (max_cells is not None and cells > max_cells)
        ):
            batches.append(current)
            current, total = [], 0
        current.append(index)
        total += length
    if current:
        batches.append(current)
    return batches
