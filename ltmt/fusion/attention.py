"""Attention fusion: the trained long-term-memory adapter (:mod:`ltmt.fusion.adapter`) at decoding.

    AttentionFusion()                          # the model's own: MODEL_DIR/fusion-attention/
    AttentionFusion("runs/fusion-attention")   # or an explicit adapter directory
    AttentionFusion.load("runs/fusion-attention")

The adapter must have been trained on the model it decodes with: loading checks a hash of the
base embeddings recorded at training time.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ltmt.errors import ModelError
from ltmt.fusion.adapter import (
    BaseInfo,
    MemoryAdapter,
    ProjectedMemory,
)
from ltmt.fusion.artifact import beside_model, check_trained_on
from ltmt.fusion.datastore import BatchMemory, SegmentCache, prepare_batch_memory

if TYPE_CHECKING:
    import torch

    from ltmt.model.backbone import Backbone
    from ltmt.segments import Match

ADAPTER_SUBDIR = "fusion-attention"


class AttentionFusion:
    """Gated cross-attention fusion with a trained adapter.

    ``adapter``: an adapter directory, an already loaded :class:`MemoryAdapter`, or ``None`` to
    use ``fusion-attention/`` inside the backbone's model directory (found at the first batch).
    ``cache_size``: force-decoded memory segments kept between batches.
    """

    name = "attention"

    def __init__(
        self,
        adapter: str | Path | MemoryAdapter | None = None,
        *,
        cache_size: int = 4096,
        check_base: bool = True,
    ) -> None:
        self.adapter: MemoryAdapter | None = None
        self.base: BaseInfo | None = None
        self.directory: Path | None = None
        if isinstance(adapter, MemoryAdapter):
            self.adapter = adapter.eval()
        elif adapter is not None:
            self.directory = Path(adapter)
            self.adapter, self.base = MemoryAdapter.load(self.directory)
        self.check_base = check_base
        self.cache = SegmentCache(cache_size)
        self._checked: str | None = None

    @classmethod
    def load(cls, directory: str | Path, **options: object) -> AttentionFusion:
        """Load the adapter in ``directory`` (``config.json`` + ``model.safetensors``)."""
        return cls(Path(directory), **options)  # type: ignore[arg-type]

    def _adapter_for(self, backbone: Backbone) -> MemoryAdapter:
        if self.adapter is None:
            self.directory = beside_model(
                backbone, ADAPTER_SUBDIR, "an attention adapter", "AttentionFusion(ADAPTER_DIR)"
            )
            self.adapter, self.base = MemoryAdapter.load(self.directory)
        if self.check_base and self.base is not None and self._checked != backbone.fingerprint:
            check_trained_on(
                backbone,
                self.base.embedding_sha1,
                self.base.name,
                self.directory,
                "attention adapter",
            )
            self._checked = backbone.fingerprint
        if self.adapter.config.d_model != backbone.d_model:
            raise ModelError(
                f"adapter d_model {self.adapter.config.d_model} != model d_model {backbone.d_model}"
            )
        return self.adapter

    def prepare(
        self, backbone: Backbone, sources: Sequence[str], matches: Sequence[Sequence[Match]]
    ) -> AttentionState | None:
        """Force-decode and project the usable matches of each input; ``None`` if there are none."""
        import torch

        if not any(matches):
            return None
        adapter = self._adapter_for(backbone)
        cfg = adapter.config
        # the same selection as the adapter's training
        memory = prepare_batch_memory(backbone, sources, matches, cfg.selection, self.cache)
        if memory is None:
            return None
        embeddings = backbone.model.get_input_embeddings().weight
        with torch.inference_mode():
            projected = adapter.project_memory(
                memory.keys, embeddings[memory.values].float(), memory.scores
            )
        return AttentionState(adapter, memory, projected)


class AttentionState:
    """One batch's projected memory; rows reach their sentence's entries through ``rows``."""

    def __init__(
        self, adapter: MemoryAdapter, memory: BatchMemory, projected: ProjectedMemory
    ) -> None:
        self.adapter = adapter
        self.memory = memory
        self.projected = projected
        self.has_memory = memory.has_memory

    def fuse_hidden(self, hidden: torch.Tensor, rows: torch.Tensor) -> torch.Tensor:
        """``hidden (n, d_model)`` → fused states; rows without memory are returned as they are."""
        import torch

        active = torch.nonzero(self.has_memory[rows]).flatten()
        if active.numel() == 0:
            return hidden
        start, end = self.memory.span(rows[active])
        owner = self.memory.sentence[start:end]
        mask = owner[None, :] == rows[active][:, None]  # (a, S)
        span = ProjectedMemory(
            self.projected.keys[start:end][None],
            self.projected.values[start:end][None],
            self.projected.bias[start:end][None],
        )
        with torch.inference_mode():
            fused = self.adapter(hidden[active].float()[None], span, mask[None])[0]
        out = hidden.clone()
        out[active] = fused.to(hidden.dtype)
        return out

    def fuse_log_probs(
        self,
        hidden: torch.Tensor,
        log_probs: torch.Tensor,
        rows: torch.Tensor,
        prefix: torch.Tensor | None = None,
    ) -> torch.Tensor:
        return log_probs
