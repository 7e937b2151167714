"""Force-decoded memory: the (decoder state → next target token) pairs of retrieved segments.

Both fusion methods read memory the same way: each retrieved target is teacher-forced through
the frozen model, conditioned on its own source, and every target position gives one entry — the
final decoder state that *predicts* a token, and that token. :func:`build_batch_memory` lays the
entries of one batch out flat, sorted by the sentence they belong to, so a decoding step can reach
its sentence's entries by a contiguous slice. Forced decoding also records each entry's
cross-attention over its match's source, from which every entry gets its differing share against
the input it serves (:mod:`ltmt.fusion.alignment`): training and decoding both get it here.

The translator decodes one line at a time and SentencePiece folds whitespace: a multi-line match
whose source and target have as many lines is narrowed to the line pair that best matches the
line being translated (:func:`ltmt.fusion.selection.align_lines`); any other is force-decoded as
its whitespace-normalised text.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Hashable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from ltmt.fusion.alignment import (
    cross_attention,
    differing_shares,
    lacked_positions,
    missing_words,
)
from ltmt.model.batching import length_batches, pad_token_ids
from ltmt.text import collapse_space

if TYPE_CHECKING:
    import torch

    from ltmt.fusion.selection import MatchSelection
    from ltmt.fusion.state_store import StateStore
    from ltmt.model.backbone import Backbone
    from ltmt.segments import Match, Segment


@dataclass(frozen=True)
class ForcedSegment:
    """One force-decoded target: ``keys (length, d_model)`` float32, ``values (length,)`` token ids.

    ``keys[t]`` is the final decoder state after reading the target prefix ``values[:t]``;
    ``values`` ends with ``</s>``. ``alignment (length, source_length)``: that state's
    cross-attention over the tokens ``source (source_length,)`` of the match's source
    (:mod:`ltmt.fusion.alignment`); ``None`` when not recorded (no entry then counts as differing).
    """

    keys: torch.Tensor
    values: torch.Tensor
    alignment: torch.Tensor | None = None
    source: torch.Tensor | None = None


class SegmentCache:
    """A bounded LRU of force-decoded segments, owned by one fusion object (never module-global).

    Keys hold the backbone fingerprint, the segment's id and creation time and the match's
    normalised texts (:func:`cache_key`), so a changed model or other texts miss instead of
    returning stale states; :meth:`clear` drops everything. A segment keeps the states of the
    batch that first decoded it (:func:`force_decode` says how they differ with the batch), so a
    translation can read other states than it would have decoded itself: in rare segments its
    output depends on what was translated before (by hand, on the dev benchmark's dpkg and
    coreutils: knn-trained reading the packs knn wrote gave a few outputs other than a run of
    knn-trained alone). Decoding every segment in a fixed shape (rows of 4, widths rounded up
    to 16) makes its states its own, but cost well more of the force-decoding's CPU time (by
    hand, on dpkg's segments): not done.
    ``store``: a second level on disk shared by runs (:mod:`ltmt.fusion.state_store`), read on a
    miss here and written with every new segment; ``disk_hits`` counts what it returned.
    It also remembers the fusion's match selections (:meth:`selected`). Threads that prepare
    batches at once (:mod:`ltmt.workers`) may share it.
    """

    def __init__(self, capacity: int, store: StateStore | None = None) -> None:
        self.capacity = capacity
        self.store = store
        self._lock = threading.Lock()  # the LRU's order and counts (the store has its own)
        self._items: OrderedDict[Hashable, ForcedSegment] = OrderedDict()
        self._selected: dict[Hashable, tuple[tuple[Match, ...], tuple[Match, ...]]] = {}
        self.hits = 0
        self.misses = 0
        self.disk_hits = 0

    def __len__(self) -> int:
        return len(self._items)

    def get(self, key: Hashable) -> ForcedSegment | None:
        with self._lock:
            item = self._items.get(key)
            if item is not None:
                self.hits += 1
                self._items.move_to_end(key)
                return item
        stored = self.store.get(key) if self.store is not None else None
        with self._lock:
            if stored is None:
                self.misses += 1
                return None
            self.disk_hits += 1
            self.hits += 1
            self._remember(key, stored)
        return stored

    def put(self, key: Hashable, item: ForcedSegment) -> None:
        self.put_many([(key, item)])

    def put_many(self, items: Sequence[tuple[Hashable, ForcedSegment]]) -> None:
        """Remember ``items``, and write them to the disk store as one pack (a batch's)."""
        with self._lock:
            for key, item in items:
                self._remember(key, item)
        if self.store is not None and items:
            self.store.put_many(items)

    def _remember(self, key: Hashable, item: ForcedSegment) -> None:
        """Keep ``item`` as the newest (the caller holds the lock)."""
        if self.capacity <= 0:
            return
        self._items[key] = item
        self._items.move_to_end(key)
        while len(self._items) > self.capacity:
            self._items.popitem(last=False)

    def clear(self) -> None:
        """Forget the segments held in memory (the disk store keeps its own)."""
        with self._lock:
            self._items.clear()
            self._selected.clear()

    def selected(
        self, matches: Sequence[Match], text: str | None, selection: MatchSelection
    ) -> list[Match]:
        """``select_matches(matches, text, selection)``, remembered (:data:`_SELECTIONS` at
        most): the translator routes each input by it, then the fusion's ``prepare`` reads the
        same selection, and its line narrowing and repair are not cheap."""
        from ltmt.fusion.selection import select_matches

        given = tuple(matches)
        # by the match objects themselves (a segment may hold unhashable fields); the entry keeps
        # them alive, so their ids stay theirs while it lasts
        key = (tuple(map(id, given)), text, selection)
        with self._lock:
            entry = self._selected.get(key)
        if entry is None or any(a is not b for a, b in zip(entry[0], given, strict=True)):
            entry = (given, tuple(select_matches(given, text, selection)))
            with self._lock:
                if len(self._selected) >= _SELECTIONS:
                    self._selected.clear()
                self._selected[key] = entry
        return list(entry[1])


# match selections a SegmentCache remembers (a few batches' inputs)
_SELECTIONS = 4096


# tokens (count * longest) per force-decoding batch: typical segments still go 64 at a time,
# long ones in smaller batches, so their attention maps do not set the run's peak memory
_MAX_CELLS = 4096


def force_decode(
    backbone: Backbone,
    pairs: Sequence[tuple[str, str]],
    *,
    batch_size: int = 64,
    max_tokens: int = 256,
) -> list[ForcedSegment]:
    """Teacher-force each ``(source, target)`` through the model; one :class:`ForcedSegment` each.

    Texts are used as given (normalise them first). Sources are encoded in batches of similar
    source length, targets decoded in batches of similar target length (:func:`length_batches`),
    so little is spent on padding. Right padding leaves a real position's states unchanged in
    exact arithmetic (causal self-attention, masked encoder and cross-attention), not in floats:
    a batch of other rows or widths sums in another order, so a segment's states differ with the
    batch it is decoded in (by hand, on dpkg's memory: far more on bfloat16 weights than on
    float32 ones, after float16 storage), which the knn vote (temperature 0.1) can feel.
    """
    import torch

    if not pairs:
        return []
    tokenizer = backbone.tokenizer
    # never past the model's position table (targets are read one position per token)
    max_tokens = min(max_tokens, backbone.max_positions)
    sources = tokenizer([s for s, _ in pairs], truncation=True, max_length=max_tokens)["input_ids"]
    targets = tokenizer(text_target=[t for _, t in pairs], truncation=True, max_length=max_tokens)[
        "input_ids"
    ]
    decoder = backbone.model.get_decoder()
    results: list[ForcedSegment | None] = [None] * len(pairs)
    with torch.inference_mode():
        encoded = encode_sources(backbone, sources, batch_size)
        target_lengths = [len(t) for t in targets]
        for chunk in length_batches(target_lengths, batch_size, max_cells=_MAX_CELLS):
            states, src_mask = _pad_states([encoded[i] for i in chunk])
            tgt_ids, _ = pad_token_ids([targets[i] for i in chunk], backbone.pad_id, states.device)
            start = torch.full_like(tgt_ids[:, :1], backbone.start_id)
            decoder_input = torch.cat([start, tgt_ids[:, :-1]], dim=1)
            with cross_attention(decoder, src_mask) as attention:
                hidden = decoder(
                    input_ids=decoder_input,
                    encoder_hidden_states=states,
                    encoder_attention_mask=src_mask,
                    use_cache=False,
                ).last_hidden_state.float()
            for row, i in enumerate(chunk):
                length, width = len(targets[i]), len(sources[i])
                results[i] = ForcedSegment(
                    hidden[row, :length].clone(),
                    tgt_ids[row, :length].clone(),
                    attention[0][row, :length, :width].cpu().clone(),
                    torch.tensor(sources[i], dtype=torch.long),
                )
    return [r for r in results if r is not None]


def encode_sources(
    backbone: Backbone, sources: list[list[int]], batch_size: int
) -> list[torch.Tensor]:
    """The encoder states ``(length, d_model)`` of each tokenised source, encoded in batches of
    similar length (what :func:`force_decode` encodes the matches' sources with, and what
    ``eval/ct2_encoder_trial.py`` and ``eval/int8_encoder_error.py`` measure)."""
    states: list[torch.Tensor | None] = [None] * len(sources)
    for chunk in length_batches([len(s) for s in sources], batch_size, max_cells=_MAX_CELLS):
        ids, mask = pad_token_ids([sources[i] for i in chunk], backbone.pad_id, backbone.device)
        out = backbone.encode(ids, mask)
        for row, i in enumerate(chunk):
            states[i] = out[row, : len(sources[i])]
    return [s for s in states if s is not None]


def _pad_states(states: list[torch.Tensor]) -> tuple[torch.Tensor, torch.Tensor]:
    """Right-pad encoder states to one ``(batch, width, d_model)`` tensor, with its mask."""
    import torch

    width = max(s.size(0) for s in states)
    padded = states[0].new_zeros((len(states), width, states[0].size(1)))
    mask = torch.zeros((len(states), width), dtype=torch.long, device=padded.device)
    for row, state in enumerate(states):
        padded[row, : state.size(0)] = state
        mask[row, : state.size(0)] = 1
    return padded, mask


@dataclass(frozen=True)
class BatchMemory:
    """The force-decoded entries of one batch, flat and sorted by sentence.

    ``keys (N, d_model)`` float32, ``values (N,)`` token ids, ``scores (N,)`` the fuzzy score
    (0-100) of the match each entry came from, ``positions (N,)`` the entry's target position in
    its segment (0 predicts the first token), ``offsets (batch + 1,)``: sentence ``i`` owns
    entries ``offsets[i]:offsets[i + 1]``; ``best_score (batch,)`` its best used match score
    (0 without memory); ``differing (N,)``: each entry's attention on match-source words its
    sentence's input lacks (:func:`ltmt.fusion.alignment.differing_shares`; ``None``: zeros);
    ``missing (N, 2)``: what its match's source lacks of that input
    (:func:`ltmt.fusion.alignment.missing_words`; ``None``: zeros); ``lacked (N, L)`` bool:
    the positions of its sentence's input whose word its match's source lacks
    (:func:`ltmt.fusion.alignment.lacked_positions`; ``None``: not built, the default).
    """

    keys: torch.Tensor
    values: torch.Tensor
    scores: torch.Tensor
    sentence: torch.Tensor
    offsets: torch.Tensor
    best_score: torch.Tensor
    positions: torch.Tensor
    differing: torch.Tensor | None = None
    missing: torch.Tensor | None = None
    lacked: torch.Tensor | None = None

    @property
    def has_memory(self) -> torch.Tensor:
        """``(batch,)`` bool: which sentences own at least one entry."""
        return self.offsets[1:] > self.offsets[:-1]

    def span(self, rows: torch.Tensor) -> tuple[int, int]:
        """The contiguous entry range that covers the sentences of ``rows`` (non-empty)."""
        return int(self.offsets[int(rows.min())]), int(self.offsets[int(rows.max()) + 1])


def build_batch_memory(
    backbone: Backbone,
    matches: Sequence[Sequence[Match]],
    cache: SegmentCache | None,
    *,
    batch_size: int = 64,
    sources: Sequence[str] | None = None,
    lacked: bool = False,
    differing: bool = True,
    missing: bool = True,
) -> BatchMemory | None:
    """Force-decode the (already filtered) matches of each sentence; ``None`` when there are none.

    Each distinct segment is decoded once per batch (and once per cache lifetime). ``sources``:
    the inputs, one per sentence, that each entry's ``differing`` share and its match's
    ``missing`` words are measured against (each left ``None``, read as zeros, when not asked
    for: a method that does not read them). ``lacked``: also mark, for each entry, the input
    positions its match's source lacks (``BatchMemory.lacked``; needs ``sources``).
    """
    import torch

    if not any(matches):
        return None
    fingerprint = backbone.states_fingerprint
    keyed: dict[Hashable, tuple[str, str]] = {}
    for sentence_matches in matches:
        for match in sentence_matches:
            keyed.setdefault(cache_key(fingerprint, match), segment_texts(match.segment))
    forced: dict[Hashable, ForcedSegment] = {}
    undecoded = []
    for key in keyed:
        item = cache.get(key) if cache is not None else None
        if item is None:
            undecoded.append(key)
        else:
            forced[key] = item
    decoded = stored_states(backbone, [keyed[k] for k in undecoded], batch_size=batch_size)
    fresh = list(zip(undecoded, decoded, strict=True))
    forced.update(fresh)
    if cache is not None:
        cache.put_many(fresh)

    device = backbone.device  # every tensor of the batch's memory lives with the model
    keys, values, shares, lacking, marks = [], [], [], [], []
    lengths: list[int] = []  # entries per match, in order
    match_scores: list[float] = []
    counts, best = [], []  # entries and best used score per sentence
    for index, sentence_matches in enumerate(matches):
        count = 0
        if lacked and sources is not None:
            texts = [segment_texts(m.segment)[0] for m in sentence_matches]
            positions_lacked = lacked_positions(backbone.tokenizer, sources[index], texts)
        for number, match in enumerate(sentence_matches):
            item = forced[cache_key(fingerprint, match)]
            length = item.values.numel()
            if missing and sources is not None:
                lacks = missing_words(segment_texts(match.segment)[0], sources[index])
                lacking.append(torch.tensor([lacks], device=device).expand(length, 2))
            if differing:
                if sources is None or item.alignment is None or item.source is None:
                    shares.append(torch.zeros(length, device=device))
                else:
                    share = differing_shares(
                        item.alignment, item.source, backbone.tokenizer, sources[index]
                    )
                    shares.append(share.to(device))
            if lacked and sources is not None:
                marks.append(positions_lacked[number].expand(length, -1))
            keys.append(item.keys.to(device, torch.float32))
            values.append(item.values.to(device))
            lengths.append(length)
            match_scores.append(float(match.score))
            count += length
        counts.append(count)
        best.append(max((float(m.score) for m in sentence_matches), default=0.0))
    # per entry, from the per-match and per-sentence counts (no tensor per match)
    per_match = torch.tensor(lengths, dtype=torch.long, device=device)
    per_sentence = torch.tensor(counts, dtype=torch.long, device=device)
    starts = torch.cumsum(per_match, dim=0) - per_match  # each match's first entry
    offsets = torch.zeros(len(matches) + 1, dtype=torch.long, device=device)
    offsets[1:] = torch.cumsum(per_sentence, dim=0)
    entries = torch.arange(sum(lengths), device=device)
    return BatchMemory(
        keys=torch.cat(keys),
        values=torch.cat(values),
        scores=torch.tensor(match_scores, device=device).repeat_interleave(per_match),
        sentence=torch.arange(len(matches), device=device).repeat_interleave(per_sentence),
        offsets=offsets,
        best_score=torch.tensor(best, dtype=torch.float32, device=device),
        positions=entries - starts.repeat_interleave(per_match),
        differing=torch.cat(shares) if differing else None,
        missing=torch.cat(lacking) if lacking else None,
        lacked=_padded_marks(marks, device) if marks else None,
    )


def _padded_marks(marks: list[torch.Tensor], device: Any) -> torch.Tensor:
    """``(N, L)`` bool: the entries' ``(n, l)`` marks right-padded with False to the longest."""
    import torch

    width = max(m.size(1) for m in marks)
    out = torch.zeros((sum(m.size(0) for m in marks), width), dtype=torch.bool)
    row = 0
    for m in marks:
        out[row : row + m.size(0), : m.size(1)] = m
        row += m.size(0)
    return out.to(device)


def stored_states(
    backbone: Backbone, pairs: Sequence[tuple[str, str]], *, batch_size: int = 64
) -> list[ForcedSegment]:
    """``pairs`` force-decoded (:func:`force_decode`) as a datastore keeps them
    (:func:`as_stored`): what a run keeps of the matches it meets and what warming stores, the
    same values either way."""
    return [as_stored(item) for item in force_decode(backbone, pairs, batch_size=batch_size)]


def as_stored(item: ForcedSegment) -> ForcedSegment:
    """``item`` as a datastore keeps it: float32 keys rounded to float16 (half the bytes in
    memory and on disk, as kNN-MT datastores keep their keys; a segment with a state beyond
    float16's range keeps float32), bfloat16 ones as they are. Decoding reads them as float32,
    the same values whether just decoded or read back from disk."""
    import torch

    keys = item.keys
    if keys.dtype != torch.float32:
        return item
    narrow = keys.to(torch.float16)
    if not bool(torch.isfinite(narrow).all()):
        return item
    return replace(item, keys=narrow)


def segment_texts(segment: Segment) -> tuple[str, str]:
    """The normalised source and target of ``segment``, as segment cache keys hold them."""
    return collapse_space(segment.source), collapse_space(segment.target)


def cache_key(fingerprint: str, match: Match) -> Hashable:
    """``(model fingerprint, user, segment id, source, target, created)``: the texts are the
    match's as read (narrowed to a line, repaired: :mod:`ltmt.fusion.selection`), ``created``
    the stored segment's, which the disk store checks before keeping them
    (:mod:`ltmt.fusion.state_store`)."""
    segment = match.segment
    source, target = segment_texts(segment)
    return (fingerprint, segment.user, segment.id, source, target, float(segment.created))


def prepare_batch_memory(
    backbone: Backbone,
    sources: Sequence[str],
    matches: Sequence[Sequence[Match]],
    selection: MatchSelection,
    cache: SegmentCache,
    lacked: bool = False,
    differing: bool = True,
    missing: bool = True,
) -> BatchMemory | None:
    """The matches of each input that ``selection`` keeps (:mod:`ltmt.fusion.selection`,
    remembered by ``cache``: :meth:`SegmentCache.selected`), force-decoded as one batch
    (``lacked``, ``differing``, ``missing``: see :func:`build_batch_memory`)."""
    used = [cache.selected(m, text, selection) for m, text in zip(matches, sources, strict=True)]
    return build_batch_memory(
        backbone,
        used,
        cache,
        sources=sources,
        lacked=lacked,
        differing=differing,
        missing=missing,
    )
