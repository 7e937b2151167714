"""The fusion seam between retrieval and decoding.

A :class:`Fusion` method turns the retrieved matches of a batch into a :class:`FusionState`;
the decoder calls the state at every step. Rows of the decoding batch are mapped to their input
sentence by ``rows`` (a ``(n,)`` LongTensor of sentence indices), so a state never tracks beam
reordering or finished sentences itself: everything it needs is passed in.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol, runtime_checkable

if TYPE_CHECKING:
    import torch

    from ltmt.model.backbone import Backbone
    from ltmt.segments import Match


@runtime_checkable
class FusionState(Protocol):
    """Per-batch memory state consulted at every decoding step."""

    def fuse_hidden(self, hidden: torch.Tensor, rows: torch.Tensor) -> torch.Tensor:
        """Adjust the final decoder states ``(n, d_model)`` before the output projection."""
        ...

    def fuse_log_probs(
        self,
        hidden: torch.Tensor,
        log_probs: torch.Tensor,
        rows: torch.Tensor,
        prefix: torch.Tensor | None = None,
        attention: torch.Tensor | None = None,
    ) -> torch.Tensor:
        """Adjust next-token log-probabilities ``(n, vocab)`` given the states ``(n, d_model)``.

        ``log_probs`` belongs to the decoder step and may be changed in place and returned.

        ``prefix (n, t)``: the tokens each row has read so far (the start token first).
        ``attention (n, S)``: the step's last-layer cross-attention over the input (heads
        averaged); the decoder passes it only to a state whose ``reads_attention`` is true, so
        a state that does not read it need not take the argument.
        """
        ...


class WrappingState:
    """The part of a :class:`FusionState` that adds its own step to the one it wraps (a
    glossary's constraint, a form of address's penalty, around the fusion's state): the hidden
    states and the attention go to ``inner`` as they come, and :meth:`inner_log_probs` gives
    the log-probabilities after its step; ``inner`` None: nothing wrapped."""

    inner: FusionState | None

    def fuse_hidden(self, hidden: torch.Tensor, rows: torch.Tensor) -> torch.Tensor:
        return self.inner.fuse_hidden(hidden, rows) if self.inner is not None else hidden

    @property
    def reads_attention(self) -> bool:
        """Whether the inner state reads the step's cross-attention (passed on to it)."""
        return bool(getattr(self.inner, "reads_attention", False))

    def inner_log_probs(
        self,
        hidden: torch.Tensor,
        log_probs: torch.Tensor,
        rows: torch.Tensor,
        prefix: torch.Tensor | None,
        attention: torch.Tensor | None,
    ) -> torch.Tensor:
        """``log_probs (n, vocab)`` after the inner state's step (``attention`` passed only where
        the decoder gave it: a state that does not read it need not take the argument)."""
        if self.inner is None:
            return log_probs
        if attention is not None:
            return self.inner.fuse_log_probs(hidden, log_probs, rows, prefix, attention)
        return self.inner.fuse_log_probs(hidden, log_probs, rows, prefix)


class Fusion(Protocol):
    """A fusion method: builds the per-batch state from each input's retrieved matches."""

    name: str

    def prepare(
        self, backbone: Backbone, sources: Sequence[str], matches: Sequence[Sequence[Match]]
    ) -> FusionState | None:
        """The state for one batch, or ``None`` when no input has a usable match."""
        ...
