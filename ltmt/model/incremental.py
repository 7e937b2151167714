"""Marian's decoder one token at a time, with few Python operations per step.

``MarianDecoder.forward`` rebuilds its attention masks, cache objects and output records at
every call; for the one-token steps of search those dominate the matrix products of a small
model. :class:`IncrementalDecoder` runs the same layers (the model's own modules and weights, so
float32, bfloat16 and int8 copies all work) on plain tensors:

* the cross-attention keys and values are computed once per batch, one per *sentence*: the
  ``beam`` rows of a sentence query them together, so beam reordering never copies them;
* the self-attention keys and values grow by one position per step and are reordered with one
  ``index_select`` per tensor.

Its states equal ``MarianDecoder``'s (the tests compare them) up to float rounding.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import torch


class IncrementalDecoder:
    """The decoder of ``model`` over ``memory (sentences, src, d)`` with ``mask (sentences, src)``;
    ``group`` rows per sentence (the beam)."""

    def __init__(self, model: Any, memory: torch.Tensor, mask: torch.Tensor, group: int) -> None:
        import torch

        decoder = model.get_decoder()
        self.decoder = decoder
        self.layers = list(decoder.layers)
        self.group = group
        first = self.layers[0].self_attn
        self.heads, self.head_dim = first.num_heads, first.head_dim
        self.scale = float(decoder.embed_scale)
        # (sentences, 1, 1, src): True where a row may attend
        self.cross_mask = mask.bool()[:, None, None, :]
        self.cross: list[tuple[torch.Tensor, torch.Tensor]] = []
        for layer in self.layers:
            attention = layer.encoder_attn
            self.cross.append(
                (self._heads(attention.k_proj(memory)), self._heads(attention.v_proj(memory)))
            )
        self.keys: list[torch.Tensor | None] = [None] * len(self.layers)
        self.values: list[torch.Tensor | None] = [None] * len(self.layers)
        self.position = 0
        self._sdpa = torch.nn.functional.scaled_dot_product_attention

    def _heads(self, states: torch.Tensor) -> torch.Tensor:
        """``(n, length, d)`` → ``(n, heads, length, head_dim)``."""
        n, length, _ = states.shape
        return states.view(n, length, self.heads, self.head_dim).transpose(1, 2)

    def step(self, tokens: torch.Tensor) -> torch.Tensor:
        """The final states ``(rows, d)`` after reading ``tokens (rows,)`` at the next position."""
        import torch

        decoder = self.decoder
        embedded = decoder.embed_tokens(tokens) * self.scale
        # (rows, 1, d)
        hidden = (embedded + decoder.embed_positions.weight[self.position])[:, None, :]
        rows = hidden.size(0)
        sentences = rows // self.group
        for index, layer in enumerate(self.layers):
            attention = layer.self_attn
            query = self._heads(attention.q_proj(hidden))
            key = self._heads(attention.k_proj(hidden))
            value = self._heads(attention.v_proj(hidden))
            past_keys, past_values = self.keys[index], self.values[index]
            if past_keys is not None and past_values is not None:
                key = torch.cat([past_keys, key], dim=2)
                value = torch.cat([past_values, value], dim=2)
            self.keys[index], self.values[index] = key, value
            mixed = self._sdpa(query, key, value).transpose(1, 2).reshape(rows, 1, -1)
            hidden = layer_norm_of(layer.self_attn_layer_norm, hidden + attention.out_proj(mixed))
            # cross-attention: the rows of a sentence are one query block over its keys
            cross = layer.encoder_attn
            query = cross.q_proj(hidden).view(sentences, self.group, self.heads, self.head_dim)
            cross_keys, cross_values = self.cross[index]
            mixed = self._sdpa(
                query.transpose(1, 2), cross_keys, cross_values, attn_mask=self.cross_mask
            )
            mixed = mixed.transpose(1, 2).reshape(rows, 1, -1)
            hidden = layer_norm_of(layer.encoder_attn_layer_norm, hidden + cross.out_proj(mixed))
            feed = layer.fc2(layer.activation_fn(layer.fc1(hidden)))
            hidden = layer_norm_of(layer.final_layer_norm, hidden + feed)
        self.position += 1
        return hidden[:, 0]

    def select(self, index: torch.Tensor, *, same_sentences: bool) -> None:
        """Keep rows ``index`` (each a whole ``group`` of one sentence's rows, in order, unless
        ``same_sentences``: then the live sentences are the same and only beams moved)."""
        for layer in range(len(self.layers)):
            past_keys, past_values = self.keys[layer], self.values[layer]
            if past_keys is not None and past_values is not None:
                self.keys[layer] = past_keys.index_select(0, index)
                self.values[layer] = past_values.index_select(0, index)
        if not same_sentences:
            kept = index.view(-1, self.group)[:, 0] // self.group
            self.cross = [(k.index_select(0, kept), v.index_select(0, kept)) for k, v in self.cross]
            self.cross_mask = self.cross_mask.index_select(0, kept)


def layer_norm_of(module: Any, states: torch.Tensor) -> torch.Tensor:
    """``module(states)`` for a ``LayerNorm``, without the module call's overhead."""
    import torch

    return torch.nn.functional.layer_norm(
        states, module.normalized_shape, module.weight, module.bias, module.eps
    )
