"""Run a benchmark: for every test set, a fresh memory store, every system, timed.

Only the public API is used: :class:`ltmt.Translator` (through :mod:`ltmt.bench.systems`) and
:class:`ltmt.Memory`. Scoring happens afterwards (:mod:`ltmt.bench.results`) on the outputs kept
here, so a run's numbers can be recomputed from ``hypotheses.jsonl``.
"""

from __future__ import annotations

import hashlib
import logging
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import Any

from ltmt import Memory
from ltmt.bench.config import ONLINE_SUFFIX, BenchConfig
from ltmt.bench.data import TestSet, find_general_sets, find_users
from ltmt.bench.systems import DecodeOptions, System, Translates, build_systems
from ltmt.errors import ConfigError, InputError, ModelError
from ltmt.evaluate import fuzzy_band
from ltmt.model.languages import BENCH_NAMES, check_language_pair
from ltmt.segments import Translation
from ltmt.wording import shortened
from ltmt.workers import plan_parallelism

logger = logging.getLogger(__name__)

Progress = Callable[[str], None]
TOKEN_UNIT_MODEL = "target subword tokens of the model's tokenizer (without </s>)"
TOKEN_UNIT_WHITESPACE = "whitespace-separated target tokens"


@dataclass(frozen=True)
class SystemRun:
    """What one system produced on one test set, and how long it took (seconds, wall clock).

    ``bands`` holds each segment's fuzzy-match band against the memory as imported (before any
    online additions), so offline and online runs are binned alike.
    """

    system: str
    testset: str
    general: bool
    sources: tuple[str, ...]
    references: tuple[str, ...]
    hypotheses: tuple[str, ...]
    methods: tuple[str, ...]
    bands: tuple[str, ...]
    seconds: float
    tokens: int
    # the weights its fused batches ran on (``int8``, ``bfloat16``, ``float32``), and what
    # encoded them (``ctranslate2``, ``torch``); ``none`` for a system without fusion
    weights: str = "none"
    encoder: str = "none"
    # the trained component its fusion read (a combiner's, an adapter's folder, absolute) and
    # its fingerprint (:func:`files_fingerprint`); "" for a system without one
    trained: str = ""
    trained_fingerprint: str = ""


@dataclass(frozen=True)
class BenchRun:
    """Everything a run produced, before scoring."""

    config: BenchConfig
    model: str  # a local model's resolved path, else its name
    threads: int
    token_unit: str
    runs: tuple[SystemRun, ...]
    workers: int = 1  # batches each system decoded at once
    skipped: dict[str, str] = field(default_factory=dict)
    memory_sizes: dict[str, int] = field(default_factory=dict)
    general_memory: str | None = None
    model_fingerprint: str = ""  # Backbone.weights_fingerprint, as the caches of states key it


def run_bench(config: BenchConfig, *, progress: Progress | None = None) -> BenchRun:
    """Run ``config``: load the model once, build the systems, translate every test set.

    Each test set gets a fresh store in a temporary folder, with its memory imported; each
    online run gets its own. ``progress`` receives one line per finished step. With
    ``config.threads``, torch uses that many threads during the run (restored afterwards).
    """
    import torch

    previous = torch.get_num_threads()
    if config.threads is not None:
        torch.set_num_threads(config.threads)
    try:
        return _run(config, progress or (lambda line: None))
    finally:
        torch.set_num_threads(previous)


def _run(config: BenchConfig, say: Progress) -> BenchRun:
    import torch

    from ltmt import Translator

    # as ltmt translate's --src-lang and Translator(source_language=...) are checked
    check_language_pair(config.model, config.source_lang, config.target_lang, BENCH_NAMES)
    user_sets = find_users(config.users_dir, config.limit) if config.users_dir is not None else []
    general_sets = (
        find_general_sets(
            config.general_dir,
            config.memory_user,
            config.source_lang,
            config.target_lang,
            config.limit,
        )
        if config.general_dir is not None and config.memory_user is not None
        else []
    )
    backbone = Translator(config.model).backbone
    options = DecodeOptions(
        backbone,
        beam=config.beam,
        batch_size=config.batch_size,
        top_k=config.top_k,
        fusion_weights=config.fusion_weights,
        fusion_encoder=config.fusion_encoder,
        workers=config.workers,
        worker_processes=config.worker_processes,
        copy_guard=config.copy_guard,
        fusion_options=config.fusion_options,
    )
    systems, skipped = build_systems(config.systems, options, config.tm_threshold)
    for name, reason in skipped.items():
        say(f"skipping {name}: {reason}")
    if not systems:
        raise ConfigError(f"none of the systems can run here ({', '.join(skipped)} skipped)")
    count_tokens, token_unit = _token_counter(backbone)
    # Two untimed segments, so the first timed system does not pay torch's start-up.
    sample = [s for t in user_sets + general_sets for s in t.sources if s.strip()][:2]
    Translator(backbone, beam=config.beam).translate(sample)

    runs: list[SystemRun] = []
    sizes: dict[str, int] = {}
    active = list(systems)

    def attempt(system: System, work: Callable[[], SystemRun]) -> None:
        # A method that loads its weights lazily fails at its first batch: skip it everywhere.
        try:
            run = work()
        except (ConfigError, ModelError) as exc:
            skipped[system.name] = str(exc)
            active.remove(system)
            runs[:] = [
                r for r in runs if r.system not in (system.name, system.name + ONLINE_SUFFIX)
            ]
            say(f"skipping {system.name}: {exc}")
            return
        runs.append(run)
        say(_describe(run))

    for testset, general in [(s, False) for s in user_sets] + [(s, True) for s in general_sets]:
        with fresh_memory(testset) as memory:
            sizes[testset.name] = memory.count(testset.user)
            bands = _bands(memory, testset)
            for system in list(active):
                attempt(
                    system,
                    partial(_run_offline, system, memory, testset, bands, general, count_tokens),
                )
        if config.online and not general:
            for system in [s for s in active if s.uses_memory]:
                with fresh_memory(testset) as memory:
                    attempt(
                        system, partial(_run_online, system, memory, testset, bands, count_tokens)
                    )
    if not active:
        raise ConfigError(f"none of the systems could run ({', '.join(skipped)} skipped)")
    return BenchRun(
        config=config,
        model=str(backbone.path.resolve()) if backbone.path is not None else str(backbone.name),
        model_fingerprint=backbone.weights_fingerprint,
        threads=torch.get_num_threads(),
        workers=plan_parallelism(
            config.workers, torch.get_num_threads(), backbone.device_type
        ).workers,
        token_unit=token_unit,
        runs=tuple(runs),
        skipped=skipped,
        memory_sizes=sizes,
        general_memory=(
            str(config.memory_user.absolute()) if config.memory_user is not None else None
        ),
    )


@contextmanager
def fresh_memory(testset: TestSet) -> Iterator[Memory]:
    """A new store in a temporary folder holding ``testset``'s memory; removed afterwards."""
    with (
        tempfile.TemporaryDirectory(prefix="ltmt-bench-") as folder,
        Memory(Path(folder) / "store") as memory,
    ):
        if testset.memory:
            memory.import_pairs(testset.user, list(testset.memory), origin=testset.memory_origin)
        yield memory


def _bands(memory: Memory, testset: TestSet) -> tuple[str, ...]:
    """The fuzzy-match band of each test source: its best match score in the user's memory."""
    if not testset.memory or not testset.sources:
        return tuple(fuzzy_band(0) for _ in testset.sources)
    found = memory.search_batch(testset.user, list(testset.sources), k=1)
    return tuple(fuzzy_band(matches[0].score if matches else 0) for matches in found)


def _run_offline(
    system: System,
    memory: Memory,
    testset: TestSet,
    bands: tuple[str, ...],
    general: bool,
    count_tokens: Callable[[Sequence[str]], int],
) -> SystemRun:
    translator = _started(system.bind(memory))
    started = time.perf_counter()
    # a cold-start user (an empty memory) is no user of the store: translated as no one's,
    # not warned about as a misspelt one
    user = testset.user if testset.memory else None
    translations = translator.translate(list(testset.sources), user, fit=False)
    seconds = time.perf_counter() - started
    run = _system_run(system.name, testset, general, translations, bands, seconds, count_tokens)
    return with_fused_settings(run, translator)


def _run_online(
    system: System,
    memory: Memory,
    testset: TestSet,
    bands: tuple[str, ...],
    count_tokens: Callable[[Sequence[str]], int],
) -> SystemRun:
    """Translate one segment at a time, adding its reference to the memory right after (a
    translator post-editing as they go). The time includes adding the references."""
    translator = _started(system.bind(memory))
    translations: list[Translation] = []
    started = time.perf_counter()
    for source, reference in zip(testset.sources, testset.references, strict=True):
        translations.extend(translator.translate([source], testset.user, fit=False))
        try:
            memory.add(testset.user, source, reference, origin="bench-online")
        except InputError as exc:  # the store's cleaning refuses the pair: it stays unlearned
            logger.info("not learned: %s", exc)
    seconds = time.perf_counter() - started
    run = _system_run(
        system.name + ONLINE_SUFFIX, testset, False, translations, bands, seconds, count_tokens
    )
    return with_fused_settings(run, translator)


def _started(translator: Translates) -> Translates:
    """``translator`` with its worker processes, if it has any, running and loaded: their start
    is not timed, as the model's loading is not (:mod:`ltmt.worker_processes`)."""
    recipe = getattr(translator, "worker_recipe", None)
    if recipe is not None:
        from ltmt.worker_processes import start_worker_processes

        start_worker_processes(recipe)
    return translator


def _system_run(
    name: str,
    testset: TestSet,
    general: bool,
    translations: list[Translation],
    bands: tuple[str, ...],
    seconds: float,
    count_tokens: Callable[[Sequence[str]], int],
) -> SystemRun:
    hypotheses = tuple(t.text for t in translations)
    if len(hypotheses) != len(testset.sources):  # a broken system must not score misaligned
        raise RuntimeError(
            f"{name} returned {len(hypotheses)} translations for {len(testset.sources)} segments"
        )
    _warn_unfinished(name, testset.name, translations)
    return SystemRun(
        system=name,
        testset=testset.name,
        general=general,
        sources=testset.sources,
        references=testset.references,
        hypotheses=hypotheses,
        methods=tuple(t.method for t in translations),
        bands=bands,
        seconds=seconds,
        tokens=count_tokens(hypotheses),
    )


def _warn_unfinished(system: str, testset: str, translations: Sequence[Translation]) -> None:
    """A warning for each output that ran to the model's length limit (``unfinished``), named by
    its segment's number in the test set: ``ltmt translate`` names them in its own run, the
    bench, which calls the translator itself, here."""
    for number, translation in enumerate(translations, 1):
        if translation.unfinished:
            logger.warning(
                "%s: %s: the model's output for segment %d (%s) stopped at its length limit, "
                "unfinished (cut short or repeating itself)",
                testset,
                system,
                number,
                shortened(repr(translation.source), 50),
            )


def with_fused_settings(run: SystemRun, translator: Any) -> SystemRun:
    """``run`` with what ``translator``'s fused batches ran on: ``weights`` (``auto`` resolved
    by the CPU: :func:`ltmt.model.backbone.fusion_weights_for`) and ``encoder``
    (``ctranslate2`` or ``torch``: :mod:`ltmt.model.fast_encoder`), both ``none`` when it fuses
    nothing; a CAT system's are its fallback's; and the trained component its fusion read
    (``trained``, ``trained_fingerprint``)."""
    translator = getattr(translator, "fallback", translator)
    if getattr(translator, "fusion_name", "none") == "none":
        return replace(run, weights="none", encoder="none")
    backbone = translator.backbone
    run = replace(run, weights=str(backbone.weights_label), encoder=backbone.encoder_engine)
    trained = getattr(translator.fusion, "directory", None)  # set once the fusion read it
    if trained is None:
        return run
    trained = Path(trained).absolute()
    return replace(run, trained=str(trained), trained_fingerprint=files_fingerprint(trained))


def files_fingerprint(directory: Path) -> str:
    """A hash of the files under ``directory``, their names and contents (16 hex digits): the
    same for the same trained component wherever it lies, another for one trained again."""
    digest = hashlib.sha1()
    for path in sorted(p for p in directory.rglob("*") if p.is_file()):
        digest.update(path.relative_to(directory).as_posix().encode("utf-8") + b"\0")
        with path.open("rb") as stream:
            while chunk := stream.read(1 << 20):
                digest.update(chunk)
    return digest.hexdigest()[:16]


def _token_counter(backbone: Any) -> tuple[Callable[[Sequence[str]], int], str]:
    """Count target tokens with the model's tokenizer, or whitespace tokens without one."""
    tokenizer = getattr(backbone, "tokenizer", None)
    if tokenizer is None:
        return (lambda texts: sum(len(t.split()) for t in texts)), TOKEN_UNIT_WHITESPACE

    def count(texts: Sequence[str]) -> int:
        if not texts:
            return 0
        ids = tokenizer(text_target=list(texts), add_special_tokens=False)["input_ids"]
        return sum(len(row) for row in ids)

    return count, TOKEN_UNIT_MODEL


def _describe(run: SystemRun) -> str:
    rate = len(run.sources) / run.seconds if run.seconds > 0 else float("inf")
    return (
        f"{run.testset}: {run.system} translated {len(run.sources)} segments "
        f"in {run.seconds:.1f}s ({rate:.1f}/s)"
    )
