"""The long-term-memory adapter: gated cross-attention from decoder states to retrieved memory.

Memory entries are the force-decoded entries of :mod:`ltmt.fusion.datastore`: for every position
of a retrieved target, the frozen model's final decoder state ``s`` and the token ``y`` it
predicts there (with ``E[y]`` its embedding, tied to the output projection), plus the match's
fuzzy score. For a decoder state ``h``::

    a  = W_o · Attn(q = W_q h, k = W_k s, v = W_v [s; E[y]], logit bias = w_head · score / 100)
    g  = sigmoid(W_g [h; a] + b_g)
    h' = h + g ⊙ a

``W_o`` starts at zero, so a fresh adapter is the identity; a row without memory is returned
unchanged. Saved as a self-describing directory: ``config.json`` (format version, shape, the base
model it was trained on) + ``model.safetensors``.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import torch
from torch import nn

from ltmt.config import check_range
from ltmt.errors import ConfigError
from ltmt.fusion.artifact import load_state, read_artifact, write_artifact
from ltmt.fusion.selection import MatchSelection

if TYPE_CHECKING:
    from ltmt.model.backbone import Backbone

FORMAT = "ltmt-fusion-attention"
FORMAT_VERSION = 1


@dataclass(frozen=True)
class AdapterConfig:
    """Shape of the adapter. ``max_matches`` / ``min_score``: which matches it reads at inference.

    ``embedding_scale``: 1 / the mean norm of the base's token embeddings (set at training time).
    Token embeddings enter the values multiplied by it, and the block's output too, so a unit
    change of the adapter moves logits by O(1) whatever the embedding scale of the base.
    """

    d_model: int
    heads: int = 4
    d_attention: int = 256
    max_matches: int = 4
    min_score: float = 0.0
    gate_bias: float = 0.0
    embedding_scale: float = 1.0

    def __post_init__(self) -> None:
        check_range("adapter embedding_scale", self.embedding_scale, above=0)
        check_range("adapter d_model", self.d_model, at_least=1)
        if self.heads < 1 or self.d_attention % self.heads:
            raise ConfigError(
                f"adapter d_attention ({self.d_attention}) must be a positive multiple "
                f"of heads ({self.heads})"
            )
        check_range("adapter max_matches", self.max_matches, at_least=1)
        check_range("adapter min_score", self.min_score, at_least=0, at_most=100)

    @property
    def selection(self) -> MatchSelection:
        """The matches the adapter reads, at decoding and in training (:mod:`.selection`)."""
        return MatchSelection(self.min_score, self.max_matches)


@dataclass(frozen=True)
class BaseInfo:
    """The base model a trained fusion layer belongs to: its ``name``, ``fingerprint`` (its
    :attr:`~ltmt.model.backbone.Backbone.weights_fingerprint` when trained: which exact weights,
    config and vocabulary files, for the record) and ``embedding_sha1`` (what loading checks,
    :func:`ltmt.fusion.artifact.check_trained_on`: a decoder fine-tuned after the layer was
    trained keeps it usable, another base does not)."""

    name: str = ""
    fingerprint: str = ""
    embedding_sha1: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


def embedding_scale(model: Any) -> float:
    """1 / the mean L2 norm of the model's token embeddings (see :class:`AdapterConfig`)."""
    with torch.no_grad():
        norm = model.get_input_embeddings().weight.float().norm(dim=1).mean()
    return float(1.0 / norm.clamp_min(1e-6))


def embedding_sha1(model: Any) -> str:
    """A content hash of the shared embeddings: identifies the base weights wherever they live."""
    return _sha1_of(model.get_input_embeddings().weight)


def base_embedding_sha1(backbone: Backbone) -> str:
    """:func:`embedding_sha1` of the float32 weights ``backbone`` runs, or was converted from: a
    bfloat16 copy's own embeddings are rounded, so it hashes those of the backbone it was made
    from (read from that backbone's checkpoint when its weights are not in memory)."""
    model = backbone.model
    origin = backbone.origin
    if origin is None or model.get_input_embeddings().weight.dtype == torch.float32:
        return embedding_sha1(model)
    if not origin.loaded and origin.path is not None:
        from ltmt.model.weights import checkpoint_embeddings

        weight = checkpoint_embeddings(origin.path, origin.config)
        if weight is not None:
            return _sha1_of(weight)
    return base_embedding_sha1(origin)


def _sha1_of(weight: torch.Tensor) -> str:
    from hashlib import sha1

    data = weight.detach().to(device="cpu", dtype=torch.float32).contiguous()
    return sha1(data.numpy().tobytes()).hexdigest()[:16]


@dataclass(frozen=True)
class ProjectedMemory:
    """Memory entries projected for attention.

    ``keys``/``values (..., N, heads, d_head)``, ``bias (..., N, heads)`` (added to the logits).
    """

    keys: torch.Tensor
    values: torch.Tensor
    bias: torch.Tensor


class MemoryAdapter(nn.Module):
    """Gated cross-attention over memory entries (see the module docstring)."""

    def __init__(self, config: AdapterConfig) -> None:
        super().__init__()
        self.config = config
        d, a = config.d_model, config.d_attention
        self.query = nn.Linear(d, a)
        self.key = nn.Linear(d, a)
        self.value = nn.Linear(2 * d, a)
        self.score_weight = nn.Parameter(torch.zeros(config.heads))
        self.output = nn.Linear(a, d)
        self.gate = nn.Linear(2 * d, d)
        with torch.no_grad():
            # q·k starts as a similarity of decoder states (the kNN view); the block as identity.
            self.key.weight.copy_(self.query.weight)
            self.key.bias.copy_(self.query.bias)
            nn.init.zeros_(self.output.weight)
            nn.init.zeros_(self.output.bias)
            nn.init.normal_(self.gate.weight, std=0.02)
            nn.init.constant_(self.gate.bias, config.gate_bias)

    @property
    def d_head(self) -> int:
        return self.config.d_attention // self.config.heads

    def project_memory(
        self, states: torch.Tensor, token_embeddings: torch.Tensor, scores: torch.Tensor
    ) -> ProjectedMemory:
        """``states``/``token_embeddings (..., N, d_model)``, ``scores (..., N)`` 0-100."""
        shape = (*states.shape[:-1], self.config.heads, self.d_head)
        keys = self.key(states).view(shape)
        embedded = token_embeddings * self.config.embedding_scale
        values = self.value(torch.cat([states, embedded], dim=-1)).view(shape)
        bias = (scores / 100.0)[..., None] * self.score_weight
        return ProjectedMemory(keys, values, bias)

    def forward(
        self, hidden: torch.Tensor, memory: ProjectedMemory, mask: torch.Tensor
    ) -> torch.Tensor:
        """``hidden (B, T, d)`` attends to ``memory (B, N, ...)`` where ``mask (B, T, N)`` is True.

        Rows with no allowed entry come back unchanged.
        """
        heads, d_head = self.config.heads, self.d_head
        batch, steps, _ = hidden.shape
        query = self.query(hidden).view(batch, steps, heads, d_head)
        logits = torch.einsum("bthd,bnhd->bhtn", query, memory.keys) / math.sqrt(d_head)
        logits = logits + memory.bias.permute(0, 2, 1)[:, :, None, :]
        logits = logits.masked_fill(~mask[:, None], float("-inf"))
        any_entry = mask.any(dim=-1)  # (B, T)
        weights = torch.softmax(logits.float(), dim=-1).nan_to_num(0.0).to(memory.values.dtype)
        context = torch.einsum("bhtn,bnhd->bthd", weights, memory.values).reshape(batch, steps, -1)
        attended = self.output(context) * self.config.embedding_scale
        gate = torch.sigmoid(self.gate(torch.cat([hidden, attended], dim=-1)))
        fused = hidden + gate * attended
        return torch.where(any_entry[..., None], fused, hidden)

    def save(
        self, directory: str | Path, base: BaseInfo, extra: dict[str, Any] | None = None
    ) -> Path:
        """Write ``config.json`` + ``model.safetensors`` into ``directory`` (created)."""
        meta = {"adapter": asdict(self.config), "base": asdict(base), "training": extra or {}}
        return write_artifact(directory, FORMAT, FORMAT_VERSION, self.state_dict(), meta)

    @classmethod
    def load(cls, directory: str | Path, *, device: str = "cpu") -> tuple[MemoryAdapter, BaseInfo]:
        """Load an adapter directory (mapped to ``device``, CPU by default)."""
        what, hint = "attention adapter", "train one with `ltmt train fusion`"
        meta, state = read_artifact(directory, FORMAT, FORMAT_VERSION, what, hint, device)
        adapter = cls(AdapterConfig(**meta["adapter"]))
        load_state(adapter, state, Path(directory), what, hint)
        adapter.to(device).eval()
        return adapter, BaseInfo(**meta.get("base", {}))
