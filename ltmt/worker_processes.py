"""Fused batches decoded in worker processes: the cores used without sharing Python's lock.

Threads that decode fused batches side by side (:mod:`ltmt.workers`) gain less than CTranslate2
does from a second core (1.3-1.5x for kNN against 1.75x, session 16): a fused step is hundreds
of small torch calls, and each takes Python's lock again. Processes do not share it. With
``Translator(worker_processes=True)`` (``ltmt translate --worker-processes``, ``ltmt bench
--worker-processes``) each of the translator's ``workers`` threads hands its fused batch to one
of ``workers`` processes and waits for it; batches without fusion stay in the calling process,
where the CTranslate2 fast path already decodes them side by side.

Measured on 2 cores, 2 workers (``eval/bench_speed.py``'s ``*-procs`` engines, interleaved with
the same engines on threads; ``eval/results/speed/processes-s17/``): on 1,461 dev segments
(9-10 batches per user) 1.01x the tokens per second of threads for kNN, 1.06x with its states on
disk, 1.19x for the trained combiner (whose steps hold the most small calls), every output the
same; on 349 segments (3 batches per user, the third of 5 lines) 1.01x, 1.02x and 1.13x. A
worker's batch takes what it takes on one thread in the calling process (the hand-over costs
milliseconds), so the gain is capped by how little two threads lose to each other here. Each
worker holds its own copy of the model: ``ltmt translate`` with a memory peaked at 1,455 MB for
the three processes against 721 MB with threads (``eval/rss_translate.py``).

The processes are started at the translator's first translation (``spawn``: each imports ltmt
and loads the fused weights, a couple of seconds, while the calling process retrieves and
encodes) and shared by every translator of the process with the same :class:`FusedDecoding` (a
service's or a benchmark's translators per user share them); they end with the process, or at
:func:`stop_worker_processes` (a translator's :meth:`~ltmt.translator.Translator.close`
ends its own, as a ``with`` block's end does). A worker prepares the batch's memory as the
caller's fusion would (the same method, the same weights, the force-decoded states on the same
disk store) and decodes it with the batch's settings. The texts are the caller's up to float
rounding: a match that the disk store does not keep (one repaired or narrowed to the input) is
force-decoded in the worker's own batch, and states computed beside other segments differ in
the last bits, which can change a few outputs. A batch whose matches the fusion does not use
comes back undecoded: the caller decodes it as any batch without memory.

Code that makes a translator with worker processes must be importable without side effects, as
for any ``spawn``-ed process: a script guards its work with ``if __name__ == "__main__":``
(a worker that finds its start making translators with workers again stops with an error saying
so). Ctrl-C is the caller's: the workers ignore it, and the caller's pool ends them as it exits
once their current batches are done. A caller that dies (``kill -9``) ends them too
(:func:`~ltmt.parent_process.exit_with_parent`).
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from ltmt.errors import ConfigError, ModelError
from ltmt.parent_process import exit_with_parent

Result = TypeVar("Result")

if TYPE_CHECKING:
    from ltmt.fusion.state_store import StateStore
    from ltmt.model.backbone import Backbone
    from ltmt.model.decode import DecodeConfig
    from ltmt.model.engine import FusionWeightOptions
    from ltmt.segments import Match
    from ltmt.translator import Translator


@dataclass(frozen=True)
class FusedDecoding:
    """What a worker process needs to decode fused batches as the caller would.

    ``model``: the model's directory; ``native``: loaded with ltmt's own Marian modules;
    ``fusion``: the method's name; ``variant``: the fused weights (``""``, ``int8``,
    ``bfloat16``, ``bfloat16+int8-head``, ``int8-head``, ``int8-encoder+int8-head``);
    ``shortlist``: fused batches score their vocabulary shortlist; ``threads``: intra-op
    threads per process; ``processes``: how many; ``encoder``: the caller's
    ``fusion_encoder``."""

    model: str
    native: bool
    fusion: str
    variant: str
    shortlist: bool
    threads: int
    processes: int
    encoder: str = "auto"


@dataclass(frozen=True)
class FusedBatch:
    """One batch to decode in a worker: its lines' ``texts``, their ``matches`` and ``token_ids``
    (the caller's encoding), decoded with ``config``; ``states``: where the caller keeps
    force-decoded states on disk (``None``: it does not); ``wary``: with the fusion's wary
    settings (``prepare_wary``: the copy guard's second decode, :mod:`ltmt.copy_guard`)."""

    texts: list[str]
    matches: list[tuple[Match, ...]]
    token_ids: list[list[int]]
    config: DecodeConfig
    states: StatesOnDisk | None = None
    wary: bool = False


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
    wary: bool = False,
) -> Decoded:
    """A fused batch of ``translator`` (its lines' ``texts``, ``matches`` and ``token_ids``)
    decoded by one of its worker processes, as ``translator`` would decode it (waits for it);
    ``wary``: with the fusion's wary settings (:class:`FusedBatch`)."""
    recipe = translator.worker_recipe
    assert recipe is not None, "a translator without worker processes"
    batch = FusedBatch(
        texts, matches, token_ids, translator.decode_config, _states_on_disk(translator), wary
    )
    return _result(recipe, _submit(recipe, _decode, batch))


def start_worker_processes(recipe: FusedDecoding, wait: bool = True) -> None:
    """Start ``recipe``'s processes now (otherwise they start with the first batches) and,
    with ``wait``, wait until each has loaded the model (without, a no-op for processes that
    were started before)."""
    if not wait:
        with _pools_lock:
            running = recipe in _pools
        if not running:  # calls at once start a process each
            for _ in range(recipe.processes):
                _submit(recipe, _ready)
        return
    _in_every_process(recipe, _ready)


def forget_in_worker_processes(recipe: FusedDecoding) -> None:
    """Empty the in-memory caches of force-decoded states in each of ``recipe``'s processes
    (what is on disk stays, as :meth:`~ltmt.fusion.datastore.SegmentCache.clear` does in the
    calling process); they are running when this returns."""
    _in_every_process(recipe, _forget)


def _in_every_process(recipe: FusedDecoding, function: Callable[[], int]) -> None:
    """Run ``function`` (which returns its process id) in every one of ``recipe``'s
    processes, starting them if they are not running."""
    reached: set[int] = set()
    while len(reached) < recipe.processes:
        # a process busy with one call takes no other, so calls at once reach them all
        calls = [_submit(recipe, function) for _ in range(recipe.processes)]
        reached.update(_result(recipe, call) for call in calls)


def stop_worker_processes(recipe: FusedDecoding | None = None) -> None:
    """End the worker processes of ``recipe`` (of every recipe: None) that this process
    started; they start again when next needed."""
    with _pools_lock:
        chosen = [recipe] if recipe is not None else list(_pools)
        pools = [pool for key in chosen if (pool := _pools.pop(key, None)) is not None]
    for pool in pools:
        pool.shutdown(wait=True, cancel_futures=True)


def _pool(recipe: FusedDecoding) -> ProcessPoolExecutor:
    _check_not_bootstrapping()
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


def _submit(recipe: FusedDecoding, function: Callable[..., Result], *args: Any) -> Future[Result]:
    """``function(*args)`` handed to one of ``recipe``'s processes (see :func:`_result`)."""
    try:
        return _pool(recipe).submit(function, *args)
    except BrokenProcessPool as exc:
        raise _died(recipe) from exc


def _result(recipe: FusedDecoding, call: Future[Result]) -> Result:
    """``call``'s result; a process that died is a one-line :class:`~ltmt.errors.ModelError`
    (and its pool is dropped, so the next call starts new processes)."""
    try:
        return call.result()
    except BrokenProcessPool as exc:
        raise _died(recipe) from exc


def _died(recipe: FusedDecoding) -> ModelError:
    """The error of a worker that ended unexpectedly; its pool is dropped."""
    with _pools_lock:
        _pools.pop(recipe, None)
    return ModelError(
        "a worker process decoding fused batches ended unexpectedly (out of memory, or a "
        'script that does not guard its work with if __name__ == "__main__": see the error '
        "above); run again without worker processes"
    )


def _check_not_bootstrapping() -> None:
    """A one-line :class:`~ltmt.errors.ConfigError` in a worker being started, whose import of
    the calling script makes translators with worker processes again (the script's work is not
    guarded by ``if __name__ == "__main__":``): without it, each worker would start more."""
    # what multiprocessing.spawn sets while a new process imports the calling script
    if getattr(multiprocessing.current_process(), "_inheriting", False):
        raise ConfigError(
            "worker processes import the calling script again: guard its work with "
            'if __name__ == "__main__": (spawned processes need it)'
        )


# in a worker process: what it was started with, the model, and a translator per disk store of
# states (a memory's), the most recently used first to stay (many users' translators share it)
_recipe: FusedDecoding | None = None
_backbone: Backbone | None = None
_translators: OrderedDict[StatesOnDisk | None, Translator] = OrderedDict()
MOST_TRANSLATORS = 16
ORPHAN_GRACE_S = 5.0  # SIGTERM ends a worker at once (it does not handle it): ample


def _start_worker(recipe: FusedDecoding) -> None:
    """Load the model's fused weights (in the worker process). Ctrl-C is the caller's to
    handle: the worker ignores it and ends when the caller's pool does, or when the caller
    dies (a killed caller's workers waited for batches for ever)."""
    global _recipe, _backbone
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    exit_with_parent(grace_s=ORPHAN_GRACE_S)
    import torch

    from ltmt.model.backbone import load_backbone

    torch.set_num_threads(recipe.threads)
    _recipe = recipe
    _backbone = load_backbone(recipe.model, native=recipe.native)
    loaded = _translator(None).backbone.model  # the fused weights now, not at the first batch
    assert loaded is not None


def _translator(states: StatesOnDisk | None) -> Translator:
    """The worker's translator for batches whose force-decoded states are kept in ``states``
    (at most :data:`MOST_TRANSLATORS` kept: the least recently used goes, its memory closed)."""
    translator = _translators.get(states)
    if translator is not None:
        _translators.move_to_end(states)
    else:
        from ltmt.fusion.state_store import StateStore
        from ltmt.memory.store import Memory
        from ltmt.translator import Translator

        assert _recipe is not None and _backbone is not None, "worker not started"
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
            fusion_encoder=_recipe.encoder,
            **weight_flags(_recipe.variant),
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
        while len(_translators) > MOST_TRANSLATORS:
            _, dropped = _translators.popitem(last=False)
            if dropped.memory is not None:
                dropped.memory.close()
    return translator


def _ready() -> int:
    """This worker's process id, once it has started (a moment later, so that calls at once
    land on different processes)."""
    time.sleep(0.05)
    return os.getpid()


def _forget() -> int:
    """In a worker: empty its translators' in-memory caches of force-decoded states; its
    process id (a moment later, as :func:`_ready`)."""
    for translator in _translators.values():
        cache = getattr(translator.fusion, "cache", None)
        if cache is not None:
            cache.clear()
    return _ready()


def weight_flags(variant: str) -> FusionWeightOptions:
    """The :class:`~ltmt.translator.Translator` weight options (as
    :func:`~ltmt.model.engine.fusion_weight_options` gives them for a name) that give fused
    weights of ``variant`` (a :class:`~ltmt.model.backbone.Backbone`'s)."""
    parts = set(variant.split("+")) - {""}
    return {
        "fusion_int8": parts == {"int8"},
        "fusion_bf16": "bfloat16" in parts,
        "fusion_int8_head": "int8-head" in parts,
        "fusion_int8_encoder": "int8-encoder" in parts,
    }


def _decode(batch: FusedBatch) -> Decoded:
    """In a worker: prepare the batch's memory and decode it (``None`` without memory)."""
    translator = _translator(batch.states)
    assert translator.fusion is not None
    translator.decode_config = batch.config
    state = translator.prepare_state(batch.texts, batch.matches, wary=batch.wary)
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
        encoder=translator.fusion_encoder,
    )


def _states_on_disk(translator: Translator) -> StatesOnDisk | None:
    """Where ``translator`` keeps its force-decoded states on disk, or ``None``."""
    store: StateStore | None = getattr(getattr(translator.fusion, "cache", None), "store", None)
    if store is None:
        return None
    memory = str(store.memory.path) if store.memory is not None else None
    return StatesOnDisk(str(store.base.parent), store.max_bytes, memory)
