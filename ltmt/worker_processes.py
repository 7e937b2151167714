"""Fused batches decoded in worker processes: the cores used without sharing Python's lock.

Threads that decode fused batches side by side (:mod:`ltmt.workers`) gain less than CTranslate2
does from a second core (1.3-1.5x for kNN against 1.75x, session 16): a fused step is hundreds
of small torch calls, and each takes Python's lock again. Processes do not share it (two
processes with one thread each took 2.70-2.87 s each for a kNN pass that took 2.47-2.60 s
alone). With ``Translator(worker_processes=True)`` (``ltmt translate --worker-processes``) each
of the translator's ``workers`` threads hands its fused batch to one of ``workers`` processes
and waits for it; batches without fusion stay in the calling process, where the CTranslate2
fast path already decodes them side by side.

The processes are started on first use (``spawn``: each imports ltmt and loads the fused
weights once, about 2 s, then keeps them) and shared by every translator of the process with
the same :class:`FusedDecoding` (a server's or a benchmark's translators per user share them);
they end with the process, or at :func:`stop_worker_processes`. A process prepares the batch's
memory as the caller's fusion would (the same method, the same weights, the force-decoded
states on the same disk store) and decodes it with the batch's settings, so the texts are the
ones the calling process would write. A batch whose matches the fusion does not use comes back
undecoded: the caller decodes it as it would any batch without memory.

Each process holds its own copy of the model (about 300-500 MB for the default model's fused
weights), so the option is off by default. Code that makes a translator with it must be
importable without side effects, as for any ``spawn``-ed process: a script guards its work
with ``if __name__ == "__main__":``.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from ltmt.errors import ConfigError, ModelError

Result = TypeVar("Result")

if TYPE_CHECKING:
    from ltmt.fusion.state_store import StateStore
    from ltmt.model.backbone import Backbone
    from ltmt.model.decode import DecodeConfig
    from ltmt.segments import Match
    from ltmt.translator import Translator


@dataclass(frozen=True)
class FusedDecoding:
    """What a worker process needs to decode fused batches as the caller would.

    ``model``: the model's directory; ``native``: loaded with ltmt's own Marian modules;
    ``fusion``: the method's name; ``variant``: the fused weights (``""``, ``int8``,
    ``bfloat16``, ``bfloat16+int8-head``, ``int8-head``); ``shortlist``: fused batches score
    their vocabulary shortlist; ``threads``: intra-op threads per process; ``processes``: how
    many."""

    model: str
    native: bool
    fusion: str
    variant: str
    shortlist: bool
    threads: int
    processes: int


@dataclass(frozen=True)
class FusedBatch:
    """One batch to decode in a worker: its lines' ``texts``, their ``matches`` and ``token_ids``
    (the caller's encoding), decoded with ``config``; ``states``: where the caller keeps
    force-decoded states on disk (``None``: it does not)."""

    texts: list[str]
    matches: list[tuple[Match, ...]]
    token_ids: list[list[int]]
    config: DecodeConfig
    states: StatesOnDisk | None = None


@dataclass(frozen=True)
class StatesOnDisk:
    """A disk store of force-decoded states (:class:`~ltmt.fusion.state_store.StateStore`):
    its ``root`` folder and ``max_bytes``, and the folder of the ``memory`` it checks deleted
    segments against (``None``: none to check)."""

    root: str
    max_bytes: int
    memory: str | None


# the decoded texts and which lines had memory; None: the fusion used no match of the batch
Decoded = tuple[list[str], list[bool] | None] | None

_pools: dict[FusedDecoding, ProcessPoolExecutor] = {}
_pools_lock = threading.Lock()


def decode_in_processes(
    translator: Translator,
    texts: list[str],
    matches: list[tuple[Match, ...]],
    token_ids: list[list[int]],
) -> Decoded:
    """A fused batch of ``translator`` (its lines' ``texts``, ``matches`` and ``token_ids``)
    decoded by one of its worker processes, as ``translator`` would decode it (waits for it)."""
    recipe = recipe_for(translator)
    batch = FusedBatch(
        texts, matches, token_ids, translator.decode_config, _states_on_disk(translator)
    )
    return _result(recipe, _pool(recipe).submit(_decode, batch))


def start_worker_processes(recipe: FusedDecoding, wait: bool = True) -> None:
    """Start ``recipe``'s processes now (otherwise they start with the first batches) and,
    with ``wait``, wait until each has loaded the model."""
    if not wait:
        for _ in range(recipe.processes):
            _pool(recipe).submit(_ready)
        return
    started: set[int] = set()
    while len(started) < recipe.processes:
        # a process busy with one call takes no other, so calls at once reach them all
        calls = [_pool(recipe).submit(_ready) for _ in range(recipe.processes)]
        started.update(_result(recipe, call) for call in calls)


def forget_in_worker_processes(recipe: FusedDecoding) -> None:
    """Empty the in-memory caches of force-decoded states in ``recipe``'s processes (what is
    on disk stays), by starting them afresh; they are ready when this returns."""
    with _pools_lock:
        pool = _pools.pop(recipe, None)
    if pool is not None:
        pool.shutdown(wait=True, cancel_futures=True)
    start_worker_processes(recipe)


def stop_worker_processes() -> None:
    """End every worker process this process started (they start again when next needed)."""
    with _pools_lock:
        pools = list(_pools.values())
        _pools.clear()
    for pool in pools:
        pool.shutdown(wait=True, cancel_futures=True)


def _pool(recipe: FusedDecoding) -> ProcessPoolExecutor:
    with _pools_lock:
        pool = _pools.get(recipe)
        if pool is None:
            pool = ProcessPoolExecutor(
                max_workers=recipe.processes,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_start_worker,
                initargs=(recipe,),
            )
            _pools[recipe] = pool
        return pool


def _result(recipe: FusedDecoding, call: Future[Result]) -> Result:
    """``call``'s result; a process that died is a one-line :class:`~ltmt.errors.ModelError`
    (and its pool is dropped, so the next call starts new processes)."""
    try:
        return call.result()
    except BrokenProcessPool as exc:
        with _pools_lock:
            _pools.pop(recipe, None)
        raise ModelError(
            "a worker process decoding fused batches ended unexpectedly (out of memory?); "
            "run again without worker processes"
        ) from exc


# in a worker process: what it was started with, the model, and a translator per memory
_recipe: FusedDecoding | None = None
_backbone: Backbone | None = None
_translators: dict[StatesOnDisk | None, Translator] = {}


def _start_worker(recipe: FusedDecoding) -> None:
    """Load the model's fused weights (in the worker process). Ctrl-C is the caller's to
    handle: the worker ignores it and ends when the caller's pool does."""
    global _recipe, _backbone
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    import torch

    from ltmt.model.backbone import load_backbone

    torch.set_num_threads(recipe.threads)
    _recipe = recipe
    _backbone = load_backbone(recipe.model, native=recipe.native)
    loaded = _translator(None).backbone.model  # the fused weights now, not at the first batch
    assert loaded is not None


def _translator(states: StatesOnDisk | None) -> Translator:
    """The worker's translator for batches whose force-decoded states are kept in ``states``."""
    translator = _translators.get(states)
    if translator is None:
        from ltmt.fusion.state_store import StateStore
        from ltmt.memory.store import Memory
        from ltmt.translator import Translator

        assert _recipe is not None and _backbone is not None, "worker not started"
        flags = weight_flags(_recipe.variant)
        memory = states.memory if states is not None else None
        opened = Memory(memory) if memory is not None else None
        translator = Translator(
            _backbone,
            opened,
            fusion=_recipe.fusion,
            engine="torch",
            threads=_recipe.threads,
            workers=1,
            state_cache=False,
            shortlist=_recipe.shortlist,
            fusion_int8=flags["fusion_int8"],
            fusion_bf16=flags["fusion_bf16"],
            fusion_int8_head=flags["fusion_int8_head"],
        )
        cache = getattr(translator.fusion, "cache", None)
        if states is not None and cache is not None:
            cache.store = StateStore(
                translator.backbone.fingerprint,
                Path(states.root),
                max_bytes=states.max_bytes,
                memory=opened,
            )
        _translators[states] = translator
    return translator


def _ready() -> int:
    """This worker's process id, once it has started (a moment later, so that calls at once
    land on different processes)."""
    time.sleep(0.05)
    return os.getpid()


def weight_flags(variant: str) -> dict[str, bool]:
    """The :class:`~ltmt.translator.Translator` weight options that give fused weights of
    ``variant`` (a :class:`~ltmt.model.backbone.Backbone`'s)."""
    parts = set(variant.split("+")) - {""}
    return {
        "fusion_int8": parts == {"int8"},
        "fusion_bf16": "bfloat16" in parts,
        "fusion_int8_head": "int8-head" in parts,
    }


def _decode(batch: FusedBatch) -> Decoded:
    """In a worker: prepare the batch's memory and decode it (``None`` without memory)."""
    translator = _translator(batch.states)
    assert translator.fusion is not None
    translator.decode_config = batch.config
    state = translator.fusion.prepare(translator.backbone, batch.texts, batch.matches)
    if state is None:
        return None
    texts = translator.decode(batch.token_ids, state)
    has_memory = getattr(state, "has_memory", None)
    if has_memory is None:
        return texts, [True] * len(texts)
    return texts, [bool(flag) for flag in has_memory]


def check_worker_processes(translator: Translator, fusion: object) -> None:
    """A one-line :class:`~ltmt.errors.ConfigError` unless ``translator`` (made with
    ``fusion``, as its caller gave it) can hand its fused batches to worker processes."""
    backbone = translator.backbone
    if backbone.device_type != "cpu":
        raise ConfigError("worker processes decode on the CPU; on a GPU leave them off")
    if backbone.path is None:
        raise ConfigError(
            "worker processes load the model from its directory: give the translator a model "
            "directory, not a model in memory"
        )
    if not isinstance(fusion, str):
        raise ConfigError(
            "worker processes build the fusion from its name: pass fusion as a name "
            "(knn, knn-trained, auto), without fusion options"
        )


def recipe_for(translator: Translator) -> FusedDecoding:
    """The :class:`FusedDecoding` of ``translator``'s fused batches."""
    backbone = translator.backbone
    assert backbone.path is not None and translator.fusion is not None
    return FusedDecoding(
        model=str(backbone.path),
        native=backbone.native,
        fusion=translator.fusion.name,
        variant=backbone.variant,
        shortlist=translator.decoder.use_shortlist,
        threads=translator.parallel.threads,
        processes=translator.parallel.workers,
    )


def _states_on_disk(translator: Translator) -> StatesOnDisk | None:
    """Where ``translator`` keeps its force-decoded states on disk, or ``None``."""
    store: StateStore | None = getattr(getattr(translator.fusion, "cache", None), "store", None)
    if store is None:
        return None
    memory = str(store.memory.path) if store.memory is not None else None
    return StatesOnDisk(str(store.base.parent), store.max_bytes, memory)
