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
* the self-attention keys and values live in buffers with room for more positions, one slot
  per beam row of a sentence: a step writes each row's key and value in its own slot at the new
  position, and they never move when beams are reordered. Each row keeps instead which slot
  holds its own history at every position (``ancestors``, a small table of slot numbers that a
  reordering gathers), and attends over all the slots of its sentence with the others masked
  out: two matrix products per sentence and head over its ``beam`` query rows. Reordering the
  beams copied every filled position of every row each step; that copy and
  ``scaled_dot_product_attention``, with its fixed cost per row and head for a one-token query,
  took 11 % and 9 % of a warm kNN pass's operator time (session 32); a step of 48 to 128 rows
  now takes 0.78-0.88 of the time on one thread, 0.84-0.95 on two (``eval/ab_decoder_step.py``,
  session 33). The buffers are only copied when they grow, and when sentences leave the
  batch: beam search then puts the live sentences after the kept count in the places of those
  that ended (:func:`ltmt.model.decode.compact_order`), and only theirs are copied, in place
  (session 34: 0.18 s to 0.10 s of a warm kNN pass over the speed segments); another order
  copies every kept sentence's into spare buffers.
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
    double when full, up to ``capacity`` while it is larger). ``places``: the most sentences it
    holds at once, when more will join (:meth:`admit`) than it starts with.

    Each sentence is at its own position: one that joins later starts at position 0 in the place
    of one that ended, while the others go on (continuous batching). A row attends only over the
    positions its sentence has filled; the positions past them, which the longest sentence's
    steps make room for, are masked out like the other rows' slots.
    """

    def __init__(
        self,
        model: Any,
        encoder_states: torch.Tensor,
        mask: torch.Tensor,
        group: int,
        capacity: int = _FIRST_CAPACITY,
        places: int = 0,
    ) -> None:
        import torch

        decoder = model.get_decoder()
        self.decoder = decoder
        self.layers = list(decoder.layers)
        self.group = group
        first = self.layers[0].self_attn
        self.heads, self.head_dim = first.num_heads, first.head_dim
        self.scale = float(decoder.embed_scale)
        self.places = max(places, mask.size(0))
        self.count = 0  # the live sentences, in places [0, count)
        self.projections = [_joined(layer.self_attn) for layer in self.layers]
        self.cross_projections = [
            _joined(layer.encoder_attn, ("k_proj", "v_proj")) for layer in self.layers
        ]
        # per layer, for every place, in the states' dtype: keys (places, heads, head_dim, src),
        # values (places, heads, src, head_dim); the bias (places, 1, 1, src) float32: 0 where a
        # row may attend, -inf elsewhere. ``cross`` and ``cross_bias``: the live places' views.
        self._cross_base: list[tuple[torch.Tensor, torch.Tensor]] = []
        self._cross_bias_base = torch.empty(0)
        self.cross: list[tuple[torch.Tensor, torch.Tensor]] = []
        self.cross_bias = torch.empty(0)
        self.expected = max(1, capacity)
        self.capacity = min(self.expected, _FIRST_CAPACITY)
        # per layer, (places, heads, capacity, slots, head_dim): slot j of a sentence holds what
        # its row j wrote at each position; ``keys`` and ``values`` are the live places' views
        self._key_base: list[torch.Tensor] = []
        self._value_base: list[torch.Tensor] = []
        self._spare_base: list[torch.Tensor] = []  # as many again, for sentences leaving
        self.keys: list[torch.Tensor] = []
        self.values: list[torch.Tensor] = []
        # the positions each live sentence has filled, in place order
        self.lengths: list[int] = []
        # (rows, capacity): the slot holding each row's own history at each position it filled;
        # -1 past them (never a slot: masked out)
        self.ancestors = torch.zeros((0, 0), dtype=torch.long, device=mask.device)
        # the last step's last-layer cross-attention (rows, src), heads averaged, when
        # :meth:`step` was asked for it
        self.attention: torch.Tensor | None = None
        self.admit(encoder_states, mask)

    @property
    def position(self) -> int:
        """The positions the longest live sentence has filled."""
        return max(self.lengths, default=0)

    def _heads(self, states: torch.Tensor) -> torch.Tensor:
        """``(n, length, d)`` → ``(n, heads, length, head_dim)``."""
        n, length, _ = states.shape
        return states.view(n, length, self.heads, self.head_dim).transpose(1, 2)

    def _by_sentence(self, states: torch.Tensor) -> torch.Tensor:
        """``(rows, 1, d)`` → ``(sentences, heads, group, head_dim)``."""
        rows = states.size(0)
        grouped = states.view(rows // self.group, self.group, self.heads, self.head_dim)
        return grouped.transpose(1, 2)

    def _live_views(self) -> None:
        """Point ``keys``, ``values``, ``cross`` and ``cross_bias`` at the live places."""
        count = self.count
        self.keys = [buffer[:count] for buffer in self._key_base]
        self.values = [buffer[:count] for buffer in self._value_base]
        self.cross = [(keys[:count], values[:count]) for keys, values in self._cross_base]
        self.cross_bias = self._cross_bias_base[:count]

    def admit(self, encoder_states: torch.Tensor, mask: torch.Tensor) -> None:
        """Let sentences join, at position 0, in the places after the live ones:
        ``encoder_states (new, src, d)`` with ``mask (new, src)``; ``group`` rows each, which
        the next step's tokens and every ``select`` count after the live sentences' rows."""
        import torch

        joining, length = mask.shape
        start, end = self.count, self.count + joining
        if end > self.places:
            raise ValueError(
                f"{joining} sentences cannot join {self.count} in {self.places} places"
            )
        projected = []
        for index, layer in enumerate(self.layers):
            attention = layer.encoder_attn
            joined = self.cross_projections[index]
            if joined is None:
                keys, values = attention.k_proj(encoder_states), attention.v_proj(encoder_states)
            else:
                keys, values = joined(encoder_states).chunk(2, dim=-1)
            projected.append((keys, values))
        if length > self._cross_bias_base.size(-1):
            self._widen_cross(length, projected[0][0])
        for index, (keys, values) in enumerate(projected):
            key_base, value_base = self._cross_base[index]
            key_base[start:end, :, :, :length] = self._heads(keys).transpose(2, 3)
            value_base[start:end, :, :length] = self._heads(values)
        bias = self._cross_bias_base[start:end]
        bias.fill_(float("-inf"))
        bias[:, :, :, :length].masked_fill_(mask.bool()[:, None, None, :], 0.0)
        self.lengths.extend([0] * joining)
        self.ancestors = torch.cat(
            [
                self.ancestors,
                self.ancestors.new_full((joining * self.group, self.ancestors.size(1)), -1),
            ]
        )
        self.count = end
        self._live_views()

    def _widen_cross(self, width: int, like: torch.Tensor) -> None:
        """Room for sources of ``width`` tokens in the cross-attention buffers (zeros, masked
        out for the sentences already there)."""
        import torch

        old = self._cross_base
        filled = self._cross_bias_base.size(-1) if old else 0
        shape = (self.places, self.heads, self.head_dim, width)
        base = []
        for index in range(len(self.layers)):
            keys = torch.zeros(shape, dtype=like.dtype, device=like.device)
            values = torch.zeros(
                (self.places, self.heads, width, self.head_dim),
                dtype=like.dtype,
                device=like.device,
            )
            if filled:
                keys[..., :filled] = old[index][0]
                values[:, :, :filled] = old[index][1]
            base.append((keys, values))
        bias = torch.full((self.places, 1, 1, width), float("-inf"), device=like.device)
        if filled:
            bias[..., :filled] = self._cross_bias_base
        self._cross_base, self._cross_bias_base = base, bias

    def _room(self, like: torch.Tensor) -> None:
        """Make sure the buffers hold ``places`` sentences of ``group`` slots and one more
        position than the longest live sentence has filled."""
        import torch

        filled = self.position
        if self._key_base and filled < self.capacity:
            return
        if self._key_base:  # full: double, but not past the expected length until it is reached
            doubled = 2 * self.capacity
            reached = self.capacity >= self.expected
            self.capacity = doubled if reached else min(doubled, self.expected)
        shape = (self.places, self.heads, self.capacity, self.group, self.head_dim)
        count = self.count

        # zeros: a sentence shorter than the longest reads positions it has not filled, masked
        # out, and -inf cannot mask out garbage that is NaN
        def grown(old: torch.Tensor | None) -> torch.Tensor:
            new = torch.zeros(shape, dtype=like.dtype, device=like.device)
            if old is not None and filled:
                new[:count, :, :filled] = old[:count, :, :filled]
            return new

        layers = len(self.layers)
        self._key_base = [
            grown(self._key_base[i] if self._key_base else None) for i in range(layers)
        ]
        self._value_base = [
            grown(self._value_base[i] if self._value_base else None) for i in range(layers)
        ]
        self._spare_base = [grown(None) for _ in range(2 * layers)]
        ancestors = torch.full(
            (self.ancestors.size(0), self.capacity), -1, dtype=torch.long, device=like.device
        )
        ancestors[:, :filled] = self.ancestors[:, :filled]
        self.ancestors = ancestors
        self._live_views()

    def _own_history_bias(self, sentences: int, width: int, like: torch.Tensor) -> torch.Tensor:
        """``(sentences, 1, group, width * group)`` float32: 0 at the slot holding each row's own
        key at each of the ``width`` positions, ``-inf`` at the other rows' slots and at the
        positions the row's sentence has not filled."""
        import torch

        slots = torch.arange(self.group, device=like.device)
        own = self.ancestors[:, :width, None] == slots  # (rows, width, group)
        bias = torch.zeros(own.shape, device=like.device).masked_fill_(~own, float("-inf"))
        return bias.view(sentences, 1, self.group, width * self.group)

    def step(self, tokens: torch.Tensor, keep_attention: bool = False) -> torch.Tensor:
        """The final states ``(rows, d)`` after reading ``tokens (rows,)``, each sentence's rows
        at its next position.

        ``keep_attention``: also keep the last layer's cross-attention weights (heads averaged)
        in ``self.attention``.
        """
        import torch

        decoder = self.decoder
        rows = tokens.size(0)
        sentences = rows // self.group
        embedded = decoder.embed_tokens(tokens) * self.scale
        self._room(embedded)
        lengths = self.lengths
        position = max(lengths)
        # every sentence at the same position (a batch that started together): plain slices
        together = min(lengths) == position
        slot = torch.arange(rows, device=tokens.device) % self.group
        if together:
            at: torch.Tensor | int = position
            embedded = embedded + decoder.embed_positions.weight[position]
            self.ancestors[:, position] = slot
        else:
            at = torch.tensor(lengths, device=tokens.device)
            by_row = at.repeat_interleave(self.group)
            embedded = embedded + decoder.embed_positions.weight[by_row]
            self.ancestors[torch.arange(rows, device=tokens.device), by_row] = slot
        hidden = embedded[:, None, :]  # (rows, 1, d)
        width = position + 1
        places = torch.arange(sentences, device=tokens.device)
        # one sentence's slots at every position, side by side: (sentences * heads, width *
        # group, head_dim) views of the buffers
        span = (sentences * self.heads, width * self.group, self.head_dim)
        needs_bias = self.group > 1 or not together
        bias = self._own_history_bias(sentences, width, hidden) if needs_bias else None
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
            if together:
                keys[:, :, position] = self._by_sentence(key)
                values[:, :, position] = self._by_sentence(value)
            else:
                keys[places, :, at] = self._by_sentence(key)
                values[places, :, at] = self._by_sentence(value)
            # a sentence's group of query rows over all its slots, other rows' masked out
            query = (self._by_sentence(query) * attention.scaling).reshape(
                sentences * self.heads, self.group, self.head_dim
            )
            scores = torch.bmm(query, keys[:, :, :width].reshape(span).transpose(1, 2)).float()
            if bias is not None:
                scores = scores.view(sentences, self.heads, self.group, -1).add_(bias)
            weights = torch.softmax(scores, dim=-1).to(query.dtype)
            mixed = torch.bmm(
                weights.view(sentences * self.heads, self.group, -1),
                values[:, :, :width].reshape(span),
            )
            mixed = mixed.view(sentences, self.heads, self.group, self.head_dim)
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
        self.lengths = [length + 1 for length in lengths]
        return hidden[:, 0]

    def select(
        self, index: torch.Tensor, *, same_sentences: bool, group: int | None = None
    ) -> None:
        """Keep rows ``index`` (each a whole ``group`` of one sentence's rows, in order, unless
        ``same_sentences``: then the live sentences are the same and only beams moved).
        ``group``: the rows per sentence from now on, when it changes (each of a sentence's
        rows in ``index`` then names the same old row: the first step's one row per sentence
        becomes the beam).

        Only the rows' ``ancestors`` are gathered; the buffers are copied when sentences leave
        or the group changes."""
        import torch

        old_group = self.group
        self.group = old_group if group is None else group
        filled = self.position
        self.ancestors = self.ancestors.index_select(0, index)
        if same_sentences and self.group == old_group:
            return
        kept = index.view(-1, self.group)[:, 0] // old_group
        self.lengths = [self.lengths[i] for i in kept.tolist()]
        count = kept.numel()
        moves = None if self.group != old_group else _moves_into_place(kept)
        if moves is not None:  # the sentences after the kept ones fill the places of those leaving
            self._move_sentences(*moves, count)
            return
        for keys, values in self._cross_base:
            keys[:count] = keys[: self.count].index_select(0, kept)
            values[:count] = values[: self.count].index_select(0, kept)
        bias = self._cross_bias_base
        bias[:count] = bias[: self.count].index_select(0, kept)
        old_count, self.count = self.count, count
        if not (self._key_base and filled):
            # made for the new group at the next step
            self._key_base, self._value_base, self._spare_base = [], [], []
            self._live_views()
            return
        layers = len(self.layers)
        old = self._key_base + self._value_base
        if self.group != old_group:  # new slots: each row's history is in its old slot
            shape = (self.places, self.heads, self.capacity, self.group, self.head_dim)
            # the new slots of the filled positions are zeros, never garbage that the mask's
            # -inf could not hide (NaN)
            fresh = [buffer.new_zeros(shape) for buffer in old]
            for source, target in zip(old, fresh, strict=True):
                target[:count, :, :filled, :old_group] = source[
                    :old_count, :, :filled
                ].index_select(0, kept)
            self._key_base, self._value_base = fresh[:layers], fresh[layers:]
            self._spare_base = [buffer.new_zeros(shape) for buffer in old]
        else:
            for source, target in zip(old, self._spare_base, strict=True):
                torch.index_select(
                    source[:old_count, :, :filled], 0, kept, out=target[:count, :, :filled]
                )
            self._key_base = self._spare_base[:layers]
            self._value_base = self._spare_base[layers:]
            self._spare_base = old
        self._live_views()

    def _move_sentences(self, targets: torch.Tensor, sources: torch.Tensor, count: int) -> None:
        """Keep the first ``count`` sentences, after copying those at places ``sources`` (all
        ``count`` or beyond) into places ``targets`` (all below ``count``): only the moved
        sentences' cross-attention keys and values and filled self-attention positions are copied,
        in place, where keeping sentences in order copied every kept one's."""

        def move(tensor: torch.Tensor) -> None:
            if targets.numel():
                tensor.index_copy_(0, targets, tensor.index_select(0, sources))

        filled = self.position
        for keys, values in self._cross_base:
            move(keys)
            move(values)
        move(self._cross_bias_base)
        for buffer in self._key_base + self._value_base:  # none before the first step
            move(buffer[:, :, :filled])
        self.count = count
        self._live_views()


def _moves_into_place(kept: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor] | None:
    """For the sentences ``kept`` (their old places, in their new order): the places that get
    another sentence and the places of those sentences, when every sentence moved comes from
    beyond the kept count (so none is overwritten before it moves: beam search's order,
    :func:`ltmt.model.decode.compact_order`); ``None`` otherwise."""
    import torch

    count = kept.numel()
    targets = torch.nonzero(kept != torch.arange(count, device=kept.device)).flatten()
    sources = kept[targets]
    if targets.numel() and not bool((sources >= count).all()):
        return None
    return targets, sources


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
