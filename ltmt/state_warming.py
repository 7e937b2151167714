"""Warm a user's memory: force-decode its segments into the disk store before the first run.

kNN fusion and the trained combiner read each match's decoder states, which a run force-decodes
the first time it meets the match and keeps on disk for the next runs
(:mod:`ltmt.fusion.state_store`). :func:`warm_states` decodes every stored segment of a user
ahead of time (``ltmt memory warm``, :meth:`ltmt.translator.Translator.warm`): after an import,
a server's first requests and a translator's first file read the states of every match whose
texts are the stored ones (most matches; a match repaired with the input's words or narrowed to
one line of its segment is still decoded when first met). It moves the work, it does not save
it: warming a memory decodes all of it, where a run decodes only the matches it meets.

The states belong to the translator's model and fusion weights (int8, bfloat16, float32: their
fingerprint), so warm with the settings the translations will use. The store's bound
(``$LTMT_STATE_CACHE_MB``, shared by every user and model) holds: warming stops when the store
reaches 80 % of it (where eviction trims to), so that it never evicts states the runs wrote,
and says how many segments it left out.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ltmt.errors import ConfigError

if TYPE_CHECKING:
    from ltmt.translator import Translator

# segments force-decoded and written as one pack (the first pack: FIRST, which measures the
# bytes a segment takes before the others are counted against the store's room)
CHUNK = 256
FIRST = 32
# warming stops at this share of the store's bound: past the bound, eviction trims to it
FILL = 0.8


@dataclass(frozen=True)
class Warmth:
    """What :func:`warm_states` did for ``user``: its ``segments``, those whose states were
    ``on_disk`` already, those ``decoded`` now, those ``left_out`` (the store was full: 80 % of
    its bound), about ``megabytes`` written, in ``seconds``."""

    user: str
    segments: int
    on_disk: int
    decoded: int
    left_out: int
    megabytes: float
    seconds: float


def warm_states(
    translator: Translator, user: str, *, progress: Callable[[int], None] | None = None
) -> Warmth:
    """Force-decode ``user``'s stored segments into ``translator``'s disk store of states
    (those not there yet); ``progress(n)`` is called as ``n`` more segments are done.

    A :class:`ConfigError` says why when there is nothing to warm into: no memory, a method
    that reads no states, or no disk store (an encrypted memory, ``$LTMT_STATE_CACHE_MB=0``,
    ``state_cache=False``, a model without a local directory).
    """
    from ltmt.fusion.datastore import SegmentCache, cache_key, segment_texts, stored_states
    from ltmt.segments import Match

    memory = translator.memory
    if memory is None:
        raise ConfigError("warming needs the translator's memory: Translator(model, Memory())")
    cache = getattr(translator.fusion, "cache", None)
    if not isinstance(cache, SegmentCache):
        raise ConfigError(
            f"fusion {translator.fusion_name} reads no force-decoded states: warm for knn or "
            "knn-trained (--fusion)"
        )
    store = cache.store
    if store is None:
        raise ConfigError(_no_store_reason(translator))
    memory.require_user(user)
    started = time.perf_counter()
    backbone = translator.backbone
    fingerprint = backbone.states_fingerprint
    budget = int(store.max_bytes * FILL) - store.used_bytes()
    segments = on_disk = decoded = left_out = written = reported = 0
    pending: list[tuple[Hashable, tuple[str, str]]] = []

    def flush() -> None:
        nonlocal decoded, written, reported
        if pending:
            items = stored_states(backbone, [texts for _, texts in pending])
            store.put_many([(key, item) for (key, _), item in zip(pending, items, strict=True)])
            for item in items:
                parts = (item.keys, item.values, item.alignment, item.source)
                written += sum(t.numel() * t.element_size() for t in parts if t is not None)
            decoded += len(pending)
            pending.clear()
        if progress is not None and segments > reported:
            progress(segments - reported)
            reported = segments

    for segment in memory.segments(user):
        segments += 1
        if not segment.target.strip():  # never read: the match selection drops it
            continue
        key = cache_key(fingerprint, Match(segment, 100.0))
        if store.file_of(key) is not None:
            on_disk += 1
            continue
        each = written / decoded if decoded else 0.0  # bytes a segment took so far
        if budget <= 0 or written + each * (len(pending) + 1) > budget:
            left_out += 1
            continue
        pending.append((key, segment_texts(segment)))
        if len(pending) >= (CHUNK if decoded else FIRST):
            flush()
    flush()
    return Warmth(
        user=user,
        segments=segments,
        on_disk=on_disk,
        decoded=decoded,
        left_out=left_out,
        megabytes=round(written / 1024 / 1024, 1),
        seconds=round(time.perf_counter() - started, 2),
    )


def _no_store_reason(translator: Translator) -> str:
    from ltmt.fusion.state_store import ENV_MAX_MB, default_max_bytes

    if getattr(translator.memory, "encrypted", False):
        return "the memory is encrypted: the states of its segments are never kept on disk"
    if default_max_bytes() == 0:
        return f"{ENV_MAX_MB} is 0: no force-decoded states are kept on disk"
    if translator.backbone.path is None:
        return "the model has no local directory, which the states' disk store is keyed by"
    return "this translator keeps no states on disk (state_cache=False)"
