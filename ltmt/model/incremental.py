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
* on float32 or bfloat16 states on the CPU, each layer's self-attention and cross-attention
  are one compiled call each
  (:mod:`ltmt.model.attention_kernels`, numba): a row reads only the slots its ``ancestors``
  name and its source's unpadded positions, where torch's products read every slot of its
  sentence and loop over one tiny product per sentence and head; the step's keys and values are
  written in the same call. The decoder layers' steps of a warm kNN pass over the speed segments
  took 1.92 s → 1.55 s, the pass 4.59 → 4.24 s (session 36, ``eval/ab_knn_speed.py``). On
  bfloat16 weights (AMX, AVX-512 BF16) the kernels read the step's projections in float32 and
  keep the keys and values in float32, and their output goes back to bfloat16: torch's
  bfloat16 products made oneDNN compile a kernel for every sentence count and width a step
  met (942 of a cold pass's 1,624), and on an Intel Xeon with AMX a new process's first cold
  kNN pass took 5.15-5.23 s against 5.64-5.92, the next passes 6.6 % less in the same A/Bs
  (the day's A/Bs against the morning's code found the later passes the same on average;
  session 74, ``docs/results/speed.md``); 100 of the dev benchmark's 4,000 fused outputs
  changed, knn 48.99 → 48.98 BLEU, knn-trained 49.76 → 49.92. Elsewhere (a GPU, a gradient,
  numba missing) torch's products below run;
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
    double when full, up to ``capacity`` while it is larger); ``compiled``: run the attention by
    :mod:`ltmt.model.attention_kernels` where it applies (``False``: torch's products always,
    to compare them)."""

    def __init__(
        self,
        model: Any,
        encoder_states: torch.Tensor,
        mask: torch.Tensor,
        group: int,
        capacity: int = _FIRST_CAPACITY,
        compiled: bool = True,
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
        # the compiled attention (module doc), where it applies and ``compiled`` asks for it
        self.kernels = (
            _compiled_kernels(decoder, encoder_states, self.projections) if compiled else None
        )
        # per layer, in the states' dtype: keys (sentences, heads, head_dim, src), or in float32
        # (sentences, heads, src, head_dim) for the compiled attention; values (sentences,
        # heads, src, head_dim)
        self.cross: list[tuple[torch.Tensor, torch.Tensor]] = []
        for layer in self.layers:
            attention = layer.encoder_attn
            joined = _joined(attention, ("k_proj", "v_proj"))
            if joined is None:
                keys, values = attention.k_proj(encoder_states), attention.v_proj(encoder_states)
            else:
                keys, values = joined(encoder_states).chunk(2, dim=-1)
            keys, values = self._heads(keys), self._heads(values)
            if self.kernels is None:
                keys = keys.transpose(2, 3)
            else:
                keys, values = keys.float(), values.float()
            self.cross.append((keys.contiguous(), values.contiguous()))
        self.expected = max(1, capacity)
        self.capacity = min(self.expected, _FIRST_CAPACITY)
        # per layer, (sentences, heads, capacity, slots, head_dim): slot j of a sentence holds
        # what its row j wrote at each position; positions [0, position) are filled
        self.keys: list[torch.Tensor] = []
        self.values: list[torch.Tensor] = []
        self.spare: list[torch.Tensor] = []  # as many buffers again, for sentences leaving
        # (rows, capacity): the slot holding each row's own history at each filled position
        self.ancestors = torch.zeros(
            (mask.size(0) * group, 0), dtype=torch.long, device=mask.device
        )
        self.position = 0
        # the last step's last-layer cross-attention (rows, src), heads averaged, when
        # :meth:`step` was asked for it
        self.attention: torch.Tensor | None = None

    def _heads(self, states: torch.Tensor) -> torch.Tensor:
        """``(n, length, d)`` → ``(n, heads, length, head_dim)``."""
        n, length, _ = states.shape
        return states.view(n, length, self.heads, self.head_dim).transpose(1, 2)

    def _by_sentence(self, states: torch.Tensor) -> torch.Tensor:
        """``(rows, 1, d)`` → ``(sentences, heads, group, head_dim)``."""
        rows = states.size(0)
        grouped = states.view(rows // self.group, self.group, self.heads, self.head_dim)
        return grouped.transpose(1, 2)

    def _room(self, sentences: int, like: torch.Tensor) -> None:
        """Make sure the buffers hold ``sentences * group`` slots and one more position."""
        import torch

        if self.keys and self.position < self.capacity:
            return
        if self.keys:  # full: double, but not past the expected length until it is reached
            doubled = 2 * self.capacity
            reached = self.capacity >= self.expected
            self.capacity = doubled if reached else min(doubled, self.expected)
        shape = (sentences, self.heads, self.capacity, self.group, self.head_dim)
        filled = self.position

        def grown(old: torch.Tensor | None) -> torch.Tensor:
            dtype = torch.float32 if self.kernels is not None else like.dtype
            new = torch.empty(shape, dtype=dtype, device=like.device)
            if old is not None and filled:
                new[:, :, :filled] = old[:, :, :filled]
            return new

        count = len(self.layers)
        self.keys = [grown(self.keys[i] if self.keys else None) for i in range(count)]
        self.values = [grown(self.values[i] if self.values else None) for i in range(count)]
        self.spare = [grown(None) for _ in range(2 * count)]
        ancestors = torch.zeros(
            (self.ancestors.size(0), self.capacity), dtype=torch.long, device=like.device
        )
        ancestors[:, :filled] = self.ancestors[:, :filled]
        self.ancestors = ancestors

    def _own_history_bias(self, sentences: int, width: int, like: torch.Tensor) -> torch.Tensor:
        """``(sentences, 1, group, width * group)`` float32: 0 at the slot holding each row's own
        key at each of the ``width`` positions, ``-inf`` at the other rows' slots."""
        import torch

        slots = torch.arange(self.group, device=like.device)
        own = self.ancestors[:, :width, None] == slots  # (rows, width, group)
        bias = torch.zeros(own.shape, device=like.device).masked_fill_(~own, float("-inf"))
        return bias.view(sentences, 1, self.group, width * self.group)

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
        self._room(sentences, hidden)
        # each row's own slot at this position
        self.ancestors[:, self.position] = torch.arange(rows, device=hidden.device) % self.group
        compiled = self.kernels is not None
        bias = None
        if not compiled and self.group > 1:
            bias = self._own_history_bias(sentences, self.position + 1, hidden)
        for index, layer in enumerate(self.layers):
            attention = layer.self_attn
            if compiled:
                mixed = self._self_attention_compiled(index, hidden, attention)
            else:
                mixed = self._self_attention(index, hidden, attention, bias)
            hidden = layer_norm_of(layer.self_attn_layer_norm, hidden + attention.out_proj(mixed))
            cross = layer.encoder_attn
            keep = keep_attention and index == len(self.layers) - 1
            if compiled:
                mixed = self._cross_attention_compiled(index, hidden, cross, keep)
            else:
                mixed = self._cross_attention(index, hidden, cross, keep)
            hidden = layer_norm_of(layer.encoder_attn_layer_norm, hidden + cross.out_proj(mixed))
            feed = layer.fc2(layer.activation_fn(layer.fc1(hidden)))
            hidden = layer_norm_of(layer.final_layer_norm, hidden + feed)
        self.position += 1
        return hidden[:, 0]

    def _self_attention(
        self, index: int, hidden: torch.Tensor, attention: Any, bias: torch.Tensor | None
    ) -> torch.Tensor:
        """Layer ``index``'s self-attention of ``hidden (rows, 1, d)`` at this position in
        torch: a sentence's rows over all its slots, other rows' masked out by ``bias``
        (:meth:`_own_history_bias`; ``None`` for one row per sentence). ``(rows, 1, d)``."""
        import torch

        rows = hidden.size(0)
        sentences = rows // self.group
        position, width = self.position, self.position + 1
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
        keys[:, :, position] = self._by_sentence(key)
        values[:, :, position] = self._by_sentence(value)
        # one sentence's slots at every position, side by side: (sentences * heads, width *
        # group, head_dim) views of the buffers
        span = (sentences * self.heads, width * self.group, self.head_dim)
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
        return mixed.transpose(1, 2).reshape(rows, 1, -1)

    def _cross_attention(
        self, index: int, hidden: torch.Tensor, cross: Any, keep: bool
    ) -> torch.Tensor:
        """Layer ``index``'s cross-attention of ``hidden (rows, 1, d)`` in torch: the rows of a
        sentence are one query block over its keys. ``keep``: keep the weights, heads averaged,
        in ``self.attention``. ``(rows, 1, d)``."""
        import torch

        rows = hidden.size(0)
        sentences = rows // self.group
        query = cross.q_proj(hidden).view(sentences, self.group, self.heads, self.head_dim)
        cross_keys, cross_values = self.cross[index]
        scores = ((query.transpose(1, 2) * cross.scaling) @ cross_keys).float()
        weights = torch.softmax(scores.add_(self.cross_bias), dim=-1)
        if keep:
            self.attention = weights.mean(dim=1).reshape(rows, -1)  # (rows, src)
        mixed = weights.to(cross_values.dtype) @ cross_values
        return mixed.to(hidden.dtype).transpose(1, 2).reshape(rows, 1, -1)

    def _self_attention_compiled(
        self, index: int, hidden: torch.Tensor, attention: Any
    ) -> torch.Tensor:
        """:meth:`_self_attention` by the compiled kernel: each row over its own history."""
        assert self.kernels is not None
        joined = self.projections[index]
        assert joined is not None  # the compiled attention needs the joined projection
        rows = hidden.size(0)
        qkv = joined(hidden).view(rows, -1).float()
        mixed = qkv.new_empty((rows, qkv.size(1) // 3))
        self.kernels.self_attend(
            qkv.numpy(),
            self.keys[index].numpy(),
            self.values[index].numpy(),
            self.ancestors.numpy(),
            self.position,
            float(attention.scaling),
            mixed.numpy(),
        )
        return mixed.to(hidden.dtype)[:, None, :]

    def _cross_attention_compiled(
        self, index: int, hidden: torch.Tensor, cross: Any, keep: bool
    ) -> torch.Tensor:
        """:meth:`_cross_attention` by the compiled kernel: each row over its source."""
        assert self.kernels is not None
        rows = hidden.size(0)
        query = cross.q_proj(hidden).view(rows, -1).float()
        cross_keys, cross_values = self.cross[index]
        source = cross_keys.size(2)
        mixed = query.new_empty(query.shape)
        weights = query.new_empty((rows, source) if keep else (0, 0))
        self.kernels.cross_attend(
            query.numpy(),
            cross_keys.numpy(),
            cross_values.numpy(),
            self.cross_bias.view(-1, source).numpy(),
            float(cross.scaling),
            mixed.numpy(),
            weights.numpy(),
            keep,
        )
        if keep:
            self.attention = weights
        return mixed.to(hidden.dtype)[:, None, :]

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
        moves = None if self.group != old_group else _moves_into_place(kept)
        if moves is not None:  # the sentences after the kept ones fill the places of those leaving
            self._move_sentences(*moves, kept.numel())
            return
        self.cross = [(k.index_select(0, kept), v.index_select(0, kept)) for k, v in self.cross]
        self.cross_bias = self.cross_bias.index_select(0, kept)
        if not (self.keys and filled):
            # made for the new group at the next step
            self.keys, self.values, self.spare = [], [], []
            return
        count = len(self.layers)
        if self.group != old_group:  # new slots: each row's history is in its old slot
            sentences, capacity = kept.numel(), self.keys[0].size(2)
            shape = (sentences, self.heads, capacity, self.group, self.head_dim)
            old = self.keys + self.values
            # the new slots of the filled positions are zeros, never garbage that the mask's
            # -inf could not hide (NaN)
            fresh = [buffer.new_zeros(shape) for buffer in old]
            for source, target in zip(old, fresh, strict=True):
                target[:, :, :filled, :old_group] = source[:, :, :filled].index_select(0, kept)
            self.keys, self.values = fresh[:count], fresh[count:]
            self.spare = [buffer.new_empty(shape) for buffer in old]
            return
        sentences = kept.numel()
        if sentences > self.spare[0].size(0):  # more sentences: wider spare buffers
            self.spare = [buffer.new_empty((sentences, *buffer.shape[1:])) for buffer in self.spare]
        elif sentences != self.keys[0].size(0):  # fewer sentences: narrower spare buffers
            self.spare = [buffer[:sentences] for buffer in self.spare]
        old = self.keys + self.values
        for source, target in zip(old, self.spare, strict=True):
            torch.index_select(source[:, :, :filled], 0, kept, out=target[:, :, :filled])
        self.keys, self.values = self.spare[:count], self.spare[count:]
        self.spare = [buffer[:sentences] for buffer in old]

    def _move_sentences(self, targets: torch.Tensor, sources: torch.Tensor, count: int) -> None:
        """Keep the first ``count`` sentences, after copying those at places ``sources`` (all
        ``count`` or beyond) into places ``targets`` (all below ``count``): only the moved
        sentences' cross-attention keys and values and filled self-attention positions are copied,
        in place, where keeping sentences in order copied every kept one's."""

        filled = self.position
        if targets.numel():
            moving = [tensor for pair in self.cross for tensor in pair] + [self.cross_bias]
            # the self-attention buffers' filled positions (none before the first step)
            moving += [buffer[:, :, :filled] for buffer in self.keys + self.values]
            for tensor in moving:
                tensor.index_copy_(0, targets, tensor.index_select(0, sources))
        self.cross = [(keys[:count], values[:count]) for keys, values in self.cross]
        self.cross_bias = self.cross_bias[:count]
        self.keys = [buffer[:count] for buffer in self.keys]
        self.values = [buffer[:count] for buffer in self.values]


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


def _compiled_kernels(decoder: Any, encoder_states: torch.Tensor, projections: list[Any]) -> Any:
    """The compiled attention (:mod:`ltmt.model.attention_kernels`) where it applies: float32
    or bfloat16 states (and weights of the same dtype) on the CPU, every layer's
    self-attention projections joined in one product, no gradient asked for (the kernels have
    none) and numba importable; else ``None`` (torch's products)."""
    import torch

    applies = (
        encoder_states.device.type == "cpu"
        and encoder_states.dtype in (torch.float32, torch.bfloat16)
        and decoder.embed_tokens.weight.dtype == encoder_states.dtype
        and not torch.is_grad_enabled()
        and all(joined is not None for joined in projections)
    )
    if not applies:
        return None
    from ltmt.compiled import compiled_module

    return compiled_module("ltmt.model.attention_kernels")
