"""Marian's decoder one token at a time, with few Python operations per step.

``MarianDecoder.forward`` rebuilds its attention masks, cache objects and output records at
every call; for the one-token steps of search those dominate the matrix products of a small
model. :class:`IncrementalDecoder` runs the same layers (the model's own weights, so float32,
bfloat16 and int8 copies all work) on plain tensors:

* the cross-attention keys and values are computed once per batch, one per *sentence* (one
  matrix product for both): the ``beam`` rows of a sentence query them together, so beam
  reordering never copies them;
* the self-attention's query, key and value come from one matrix product (the three
  projections' weights side by side, when they are plain ``Linear`` layers);
* the self-attention keys and values live in buffers with room for more positions: a step
  writes its position in place, and reordering the rows gathers the filled positions into a
  second buffer (one copy per tensor, where appending and then reordering took two).
* the cross-attention is two matrix products in the states' dtype over keys transposed once
  per batch, with the softmax in float32 and the source mask as an additive bias:
  ``scaled_dot_product_attention`` with a mask has a fixed cost per call that two products of a
  sentence's ``beam`` query rows do not pay (``eval/bench_step_ops.py``), and the step's
  attention weights, which a fusion may read, come with it. (On bfloat16 weights the products
  ran in float32 until session 13; in bfloat16 a cold kNN pass is about 4 % faster,
  ``eval/results/speed/cross-bf16/``. The force-decoded memory's states, through the full
  decoder, were bfloat16 throughout.)

Its states equal ``MarianDecoder``'s (the tests compare them) up to float rounding.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import torch

# positions the self-attention buffers hold at first; they double when full
_FIRST_CAPACITY = 16


class IncrementalDecoder:
    """The decoder of ``model`` over ``encoder_states (sentences, src, d)`` with
    ``mask (sentences, src)``; ``group`` rows per sentence (the beam); ``capacity``: the positions
    it will likely decode (the key/value buffers start with room for ``min(capacity, 16)`` and
    double when full, up to ``capacity`` while it is larger)."""

    def __init__(
        self,
        model: Any,
        encoder_states: torch.Tensor,
        mask: torch.Tensor,
        group: int,
        capacity: int = _FIRST_CAPACITY,
    ) -> None:
        import torch

        decoder = model.get_decoder()
        self.decoder = decoder
        self.layers = list(decoder.layers)
        self.group = group
        first = self.layers[0].self_attn
        self.heads, self.head_dim = first.num_heads, first.head_dim
        self.scale = float(decoder.embed_scale)
        # (sentences, 1, 1, src) float32: 0 where a row may attend, -inf elsewhere
        allowed = mask.bool()[:, None, None, :]
        self.cross_bias = torch.zeros(allowed.shape, device=mask.device).masked_fill(
            ~allowed, float("-inf")
        )
        self.projections = [_joined(layer.self_attn) for layer in self.layers]
        # per layer, in the states' dtype: keys (sentences, heads, head_dim, src), values
        # (sentences, heads, src, head_dim)
        self.cross: list[tuple[torch.Tensor, torch.Tensor]] = []
        for layer in self.layers:
            attention = layer.encoder_attn
            joined = _joined(attention, ("k_proj", "v_proj"))
            if joined is None:
                keys, values = attention.k_proj(encoder_states), attention.v_proj(encoder_states)
            else:
                keys, values = joined(encoder_states).chunk(2, dim=-1)
            keys = self._heads(keys).transpose(2, 3).contiguous()
            self.cross.append((keys, self._heads(values).contiguous()))
        self.expected = max(1, capacity)
        self.capacity = min(self.expected, _FIRST_CAPACITY)
        # per layer, (rows, heads, capacity, head_dim); positions [0, position) are filled
        self.keys: list[torch.Tensor] = []
        self.values: list[torch.Tensor] = []
        self.spare: list[torch.Tensor] = []  # as many buffers again, for reordering
        self.position = 0
        self._sdpa = torch.nn.functional.scaled_dot_product_attention
        # the last step's last-layer cross-attention (rows, src), heads averaged, when
        # :meth:`step` was asked for it
        self.attention: torch.Tensor | None = None

    def _heads(self, states: torch.Tensor) -> torch.Tensor:
        """``(n, length, d)`` → ``(n, heads, length, head_dim)``."""
        n, length, _ = states.shape
        return states.view(n, length, self.heads, self.head_dim).transpose(1, 2)

    def _room(self, rows: int, like: torch.Tensor) -> None:
        """Make sure the buffers hold ``rows`` rows and one more position."""
        import torch

        if self.keys and self.position < self.capacity:
            return
        if self.keys:  # full: double, but not past the expected length until it is reached
            doubled = 2 * self.capacity
            reached = self.capacity >= self.expected
            self.capacity = doubled if reached else min(doubled, self.expected)
        shape = (rows, self.heads, self.capacity, self.head_dim)
        filled = self.position

        def grown(old: torch.Tensor | None) -> torch.Tensor:
            new = torch.empty(shape, dtype=like.dtype, device=like.device)
            if old is not None and filled:
                new[:, :, :filled] = old[:, :, :filled]
            return new

        count = len(self.layers)
        self.keys = [grown(self.keys[i] if self.keys else None) for i in range(count)]
        self.values = [grown(self.values[i] if self.values else None) for i in range(count)]
        self.spare = [grown(None) for _ in range(2 * count)]

    def step(self, tokens: torch.Tensor, keep_attention: bool = False) -> torch.Tensor:
        """The final states ``(rows, d)`` after reading ``tokens (rows,)`` at the next position.

        ``keep_attention``: also keep the last layer's cross-attention weights (heads averaged)
        in ``self.attention``.
        """
        import torch

        decoder = self.decoder
        embedded = decoder.embed_tokens(tokens) * self.scale
        # (rows, 1, d)
        hidden = (embedded + decoder.embed_positions.weight[self.position])[:, None, :]
        rows = hidden.size(0)
        sentences = rows // self.group
        self._room(rows, hidden)
        position, width = self.position, self.position + 1
        for index, layer in enumerate(self.layers):
            attention = layer.self_attn
            joined = self.projections[index]
            if joined is None:
                query, key, value = (
                    attention.q_proj(hidden),
                    attention.k_proj(hidden),
                    attention.v_proj(hidden),
                )
            else:
                query, key, value = joined(hidden).chunk(3, dim=-1)
            keys, values = self.keys[index], self.values[index]
            keys[:, :, position : position + 1] = self._heads(key)
            values[:, :, position : position + 1] = self._heads(value)
            mixed = self._sdpa(self._heads(query), keys[:, :, :width], values[:, :, :width])
            mixed = mixed.transpose(1, 2).reshape(rows, 1, -1)
            hidden = layer_norm_of(layer.self_attn_layer_norm, hidden + attention.out_proj(mixed))
            # cross-attention: the rows of a sentence are one query block over its keys
            cross = layer.encoder_attn
            query = cross.q_proj(hidden).view(sentences, self.group, self.heads, self.head_dim)
            cross_keys, cross_values = self.cross[index]
            scores = ((query.transpose(1, 2) * cross.scaling) @ cross_keys).float()
            weights = torch.softmax(scores.add_(self.cross_bias), dim=-1)
            if keep_attention and index == len(self.layers) - 1:
                # (rows, src), heads averaged
                self.attention = weights.mean(dim=1).reshape(rows, -1)
            mixed = weights.to(cross_values.dtype) @ cross_values
            mixed = mixed.to(hidden.dtype).transpose(1, 2).reshape(rows, 1, -1)
            hidden = layer_norm_of(layer.encoder_attn_layer_norm, hidden + cross.out_proj(mixed))
            feed = layer.fc2(layer.activation_fn(layer.fc1(hidden)))
            hidden = layer_norm_of(layer.final_layer_norm, hidden + feed)
        self.position += 1
        return hidden[:, 0]

    def select(
        self, index: torch.Tensor, *, same_sentences: bool, group: int | None = None
    ) -> None:
        """Keep rows ``index`` (each a whole ``group`` of one sentence's rows, in order, unless
        ``same_sentences``: then the live sentences are the same and only beams moved).
        ``group``: the rows per sentence from now on, when it changes (each of a sentence's
        rows in ``index`` then names the same old row: the first step's one row per sentence
        becomes the beam)."""
        import torch

        old_group = self.group
        self.group = old_group if group is None else group
        filled = self.position
        if self.keys and filled:
            count = len(self.layers)
            rows = index.numel()
            if rows > self.spare[0].size(0):  # more rows: wider spare buffers
                self.spare = [buffer.new_empty((rows, *buffer.shape[1:])) for buffer in self.spare]
            elif rows != self.keys[0].size(0):  # fewer rows: narrower spare buffers
                self.spare = [buffer[:rows] for buffer in self.spare]
            old = self.keys + self.values
            for source, target in zip(old, self.spare, strict=True):
                torch.index_select(source[:, :, :filled], 0, index, out=target[:, :, :filled])
            self.keys, self.values = self.spare[:count], self.spare[count:]
            self.spare = [buffer[:rows] for buffer in old]
        if not same_sentences:
            kept = index.view(-1, self.group)[:, 0] // old_group
            self.cross = [(k.index_select(0, kept), v.index_select(0, kept)) for k, v in self.cross]
            self.cross_bias = self.cross_bias.index_select(0, kept)


def _joined(attention: Any, names: tuple[str, ...] = ("q_proj", "k_proj", "v_proj")) -> Any:
    """One function for the projections ``names`` of ``attention`` (their outputs side by side),
    or ``None`` when they are neither plain ``Linear`` layers nor joined already (by
    :mod:`ltmt.model.packed` or :mod:`ltmt.model.int8_linear`)."""
    import torch

    from ltmt.model.packed import JOINED, side_by_side

    packed = getattr(attention, JOINED, {}).get(names)
    if packed is not None:  # packed side by side once, with the model (ltmt.model.packed)
        return packed
    joined = side_by_side(attention, names)
    if joined is None:
        return None
    weight, bias = joined

    def project(states: torch.Tensor) -> torch.Tensor:
        return torch.nn.functional.linear(states, weight, bias)

    return project


def layer_norm_of(module: Any, states: torch.Tensor) -> torch.Tensor:
    """``module(states)`` for a ``LayerNorm``, without the module call's overhead."""
    import torch

    return torch.nn.functional.layer_norm(
        states, module.normalized_shape, module.weight, module.bias, module.eps
    )
