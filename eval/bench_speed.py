"""Decoding speed of ltmt against Hugging Face ``generate`` and CTranslate2, on the same model.

Every engine translates the same dev-user segments (the first ``--limit`` test segments of each
user, single-line ones only), with the same beam, batch size and threads, in rounds whose order
turns round (ABCDE, EDCBA, ABCDE, ...) so that host drift falls on every engine alike; an
engine's time is the median of its rounds (translation time only: models are loaded and
converted before the clock starts; ltmt's outputs as its decoder wrote them, ``fit=False``, as
CTranslate2's and ``generate``'s are: fitting them to their sources is not decoding).

Each engine runs in a child process of its own (since session 37; all of them loaded and warmed
up before the first round, one making its pass at a time), as a user's process runs one of them.
In one process they interfered: CTranslate2 decodes on worker threads of its own through the
process's one OpenMP runtime (torch's libgomp, which its calls bind to), and a CTranslate2
translator on 2 intra-op threads gives such a worker an OpenMP pool, after which libgomp lets no
idle thread of any pool spin, so ltmt's multi-threaded torch operations waited for their threads
to wake (:class:`ltmt.model.ctranslate.FastDecoder`). ``--one-process`` runs every engine in
this process, as the runs before session 37 did. Engines:

* ``ltmt-base``: ``Translator(fusion="none")``, the default engine (CTranslate2 int8 fast path);
* ``ltmt-torch``: the same through ltmt's torch decoder (its own float32 BLEU);
* ``ltmt-knn``: ``Translator(fusion="knn")`` with each user's memory, cold: its force-decoded
  states (in memory and on disk) emptied before every round (its default weights:
  :func:`ltmt.model.backbone.fusion_weights_for`: int8 on CPUs with VNNI and no AMX, bfloat16
  on other CPUs with native bf16, else float32);
* ``ltmt-knn-f32``: the same on float32 weights (``fusion_bf16=False``);
* ``ltmt-knn-hfstep``: ``ltmt-knn`` stepping with ``MarianDecoder`` itself rather than ltmt's
  incremental decoder (``DecodeConfig(incremental=False)``, the loop before it);
* ``ltmt-knn-shortlist``: ``ltmt-knn`` with the vocabulary shortlist (``shortlist=True``);
* ``ltmt-knn-warm``: the same in a user's next run over the same segments: the states of the
  matches are on disk (a full untimed pass fills them, into a store that checks the memory as
  the translator's own does: since session 18 repaired and narrowed matches are kept too; before,
  this engine's store kept them and the product's did not), only the in-memory cache is emptied
  before every round;
* ``ltmt-knn-trained-warm``: ``ltmt-knn-trained`` (below) in the same next run;
* ``ltmt-knn-int8`` / ``ltmt-knn-bf16``: ``ltmt-knn`` (cold) with ``fusion_int8=True`` (int8
  linear layers, :mod:`ltmt.model.int8_linear`) / ``fusion_bf16=True`` (bfloat16 weights);
  ``ltmt-knn`` itself runs on the CPU's default (:func:`ltmt.model.backbone.fusion_weights_for`);
* ``ltmt-knn-int8head``: ``ltmt-knn`` (cold) with ``fusion_int8_head=True`` (float32 weights,
  or bfloat16 where the CPU prefers them, with the output projection alone in int8,
  :mod:`ltmt.model.int8_linear`; on a CPU with AVX2 alone the default of sessions 19-24, whose
  int8 layers since session 25 are the default there);
  ``ltmt-knn-trained-int8head``, ``ltmt-knn-int8head-warm`` and
  ``ltmt-knn-trained-int8head-warm`` the same for ``ltmt-knn-trained`` and the next runs;
* ``ltmt-knn-int8encoder``, ``ltmt-knn-trained-int8encoder``, ``ltmt-knn-int8encoder-warm``,
  ``ltmt-knn-trained-int8encoder-warm``: the same with ``fusion_int8_encoder=True`` (float32
  decoder; the encoder's layers and the output projection in int8);
* ``ltmt-knn-torchencoder``, ``ltmt-knn-trained-torchencoder``, ``ltmt-knn-torchencoder-warm``,
  ``ltmt-knn-trained-torchencoder-warm``: the same with ``fusion_encoder="torch"`` (the fused
  batches and their matches' sources encoded by torch, as before session 22, rather than by
  CTranslate2's float32 encoder where ``auto`` picks it: :mod:`ltmt.model.fast_encoder`);
* ``ltmt-knn-ct2encoder``, ``ltmt-knn-trained-ct2encoder``, ``ltmt-knn-ct2encoder-warm``,
  ``ltmt-knn-trained-ct2encoder-warm``: the same with ``fusion_encoder="ctranslate2"``
  (CTranslate2 asked for by name: for int8 weights its int8 encoder, which ``auto`` leaves off);
* ``ltmt-knn-beststop`` / ``ltmt-knn-trained-beststop``: ``ltmt-knn`` / ``ltmt-knn-trained``
  with the beam search's ``best`` stopping rule (``DecodeConfig(stop="best")``);
* ``ltmt-knn-trained``: ``Translator(fusion="knn-trained")`` (kNN with the model's trained
  combiner), each user's memory, cold like ``ltmt-knn`` (its default weights, as ``ltmt-knn``);
* ``ltmt-knn-trained-f32``: the same on float32 weights;
* ``ltmt-knn-procs``, ``ltmt-knn-warm-procs``, ``ltmt-knn-trained-procs``: ``ltmt-knn``,
  ``ltmt-knn-warm``, ``ltmt-knn-trained`` with their fused batches decoded in worker processes
  (``Translator(worker_processes=True)``, :mod:`ltmt.worker_processes`: ``--workers`` of them,
  ``threads // workers`` threads each, their in-memory caches of force-decoded states emptied
  before every round as the other engines' are; the ``cpu_*`` figures count the calling
  process only, not its workers; ``outputs_differing_from_threads``: first-round outputs that
  differ from the engine without ``-procs``, when it runs);
* ``ltmt-knn-unguarded``, ``ltmt-knn-trained-unguarded``: ``ltmt-knn``, ``ltmt-knn-trained``
  without the copy guard (``Translator(copy_guard=False)``, :mod:`ltmt.copy_guard`): what the
  guard's second decodes cost;
* ``ltmt-knn-trained-other``: ``ltmt-knn-trained`` with the combiner in ``--other-combiner DIR``
  (a combiner directory, or a model directory holding ``fusion-combiner/``), to compare two
  combiners in one run;
* ``hf-generate``: ``MarianMTModel.generate`` in float32, length-sorted batches;
* ``ct2-int8`` / ``ct2-float32``: ``ctranslate2.Translator`` on the standard converter's output;
* ``ct2-int8-parts``: the same int8 model run as ltmt's fast path runs it since session 37, one
  thread per worker and ``threads`` workers, each batch split into ``threads`` parts of
  ``batch_size / threads`` (named in ``--engines`` only).

``--workers N`` (default 1): the engines that can decode several batches at once do, ``N`` at a
time with ``threads // N`` threads each (``Translator(workers=N, threads=...)``; CTranslate2's
``inter_threads=N, intra_threads=threads // N``); 1 is one batch at a time on every thread,
as before session 16 (``hf-generate`` always decodes one batch at a time).

Peak RSS is measured per engine in a child process of its own (load, then translate every
segment once), since one process cannot tell its engines' peaks apart.

    flock -x /tmp/ltmt-cpu.lock python eval/bench_speed.py --threads 2 --no-rss \
        --output eval/results/speed/speed.json
    python eval/bench_speed.py --threads 2 --rss-into eval/results/speed/speed.json

Writes per engine: seconds per round, tokens/s and segments/s (median round), tokens/s relative
to ``ct2-int8`` and to ``ltmt-torch`` (when they run), the same from the process's CPU time
(``cpu_*``: a second view when other jobs share the machine), BLEU (sacrebleu, first round)
and peak RSS in MB.
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from support import DEV_USERS_DIR, emit_report, use_this_checkout, write_json

use_this_checkout()

# a child process's lines to the parent start with this (its other output goes to stderr)
CHILD_MARK = "ltmt-bench-speed "

ENGINES = (
    "ltmt-base",
    "ltmt-torch",
    "ltmt-knn",
    "ltmt-knn-f32",
    "ltmt-knn-hfstep",
    "ltmt-knn-shortlist",
    "ltmt-knn-warm",
    "ltmt-knn-int8",
    "ltmt-knn-bf16",
    "ltmt-knn-int8head",
    "ltmt-knn-beststop",
    "hf-generate",
    "ct2-int8",
    "ct2-float32",
)
# named in --engines only: they need MODEL/fusion-combiner
OPTIONAL_ENGINES = (
    "ct2-int8-parts",
    "ltmt-knn-trained",
    "ltmt-knn-trained-f32",
    "ltmt-knn-trained-other",
    "ltmt-knn-trained-beststop",
    "ltmt-knn-trained-warm",
    "ltmt-knn-procs",
    "ltmt-knn-warm-procs",
    "ltmt-knn-trained-procs",
    "ltmt-knn-trained-int8head",
    "ltmt-knn-int8head-warm",
    "ltmt-knn-trained-int8head-warm",
    "ltmt-knn-int8encoder",
    "ltmt-knn-trained-int8encoder",
    "ltmt-knn-int8encoder-warm",
    "ltmt-knn-trained-int8encoder-warm",
    "ltmt-knn-torchencoder",
    "ltmt-knn-trained-torchencoder",
    "ltmt-knn-torchencoder-warm",
    "ltmt-knn-trained-torchencoder-warm",
    "ltmt-knn-ct2encoder",
    "ltmt-knn-trained-ct2encoder",
    "ltmt-knn-ct2encoder-warm",
    "ltmt-knn-trained-ct2encoder-warm",
    "ltmt-knn-unguarded",
    "ltmt-knn-trained-unguarded",
)

Translate = Callable[[str, list[str]], list[str]]  # (user, sources) -> outputs


def _fusion_encoder(variant: str) -> str:
    """The ``fusion_encoder`` an engine's variant names (``auto`` when it names none)."""
    if "-torchencoder" in variant:
        return "torch"
    return "ctranslate2" if "-ct2encoder" in variant else "auto"


def select_segments(users_dir: Path, limit: int | None) -> list[tuple[str, list[str], list[str]]]:
    """``(user, sources, references)`` per user: the first ``limit`` test pairs, single-line."""
    from ltmt.bench.data import find_users

    selected = []
    for testset in find_users(users_dir, limit):
        pairs = [(s, r) for s, r in zip(testset.sources, testset.references) if "\n" not in s]
        selected.append((testset.user, [s for s, _ in pairs], [r for _, r in pairs]))
    return selected


def engine_options(
    users_dir: Path, limit: int | None, threads: int, workers: int = 1
) -> argparse.Namespace:
    """The options :func:`build_engine` reads, as this benchmark sets them by default (the
    embedded model, beam 4, batches of 32), for a script that builds one of its engines."""
    return argparse.Namespace(
        model=None,
        users_dir=users_dir,
        limit=limit,
        beam=4,
        batch_size=32,
        threads=threads,
        workers=workers,
        other_combiner=None,
    )


def build_engine(name: str, args: argparse.Namespace, users_dir: Path) -> tuple[Translate, Any]:
    """The engine's translate function and what must stay open while it runs (or ``None``)."""
    from ltmt.model.backbone import load_backbone
    from ltmt.translator import Translator

    check_engines([name])

    # transformers' model for what steps with its own code (``generate``, MarianDecoder steps)
    backbone = load_backbone(args.model, native=name not in ("hf-generate", "ltmt-knn-hfstep"))
    if name in ("ltmt-base", "ltmt-torch"):
        engine = "torch" if name == "ltmt-torch" else "auto"
        translator = Translator(
            backbone,
            beam=args.beam,
            batch_size=args.batch_size,
            engine=engine,
            threads=args.threads,
            workers=_workers(args),
        )

        def translate(user: str, sources: list[str]) -> list[str]:
            return [t.text for t in translator.translate(sources, fit=False)]

        return translate, None
    if name.startswith("ltmt-knn") and name in (*ENGINES, *OPTIONAL_ENGINES):
        return _knn_engine(backbone, args, users_dir, variant=name.removeprefix("ltmt-knn"))
    if name == "hf-generate":
        return _generate_engine(backbone, args), None
    if name in ("ct2-int8", "ct2-float32", "ct2-int8-parts"):
        return _ct2_engine(backbone, name.split("-")[1], args, parts=name.endswith("-parts")), None
    raise AssertionError(f"no builder for engine {name!r}")


def check_engines(names: list[str]) -> None:
    """Stop with the choices unless every engine of ``names`` is one this script knows."""
    known = (*ENGINES, *OPTIONAL_ENGINES)
    for name in names:
        if name not in known:
            raise SystemExit(f"unknown engine {name!r}: choose from {', '.join(known)}")


def _knn_engine(
    backbone: Any, args: argparse.Namespace, users_dir: Path, variant: str
) -> tuple[Translate, Any]:
    """``variant``: ``""`` (cold), ``-f32``, ``-hfstep``, ``-shortlist``, ``-warm``, ``-int8``,
    ``-bf16``, ``-int8head``, ``-beststop``, ``-trained``, ``-trained-f32``, ``-trained-other``,
    ``-trained-beststop``, ``-trained-warm``, ``-trained-int8head``, ``-int8head-warm``,
    ``-trained-int8head-warm``, or those with ``-int8encoder``, ``-torchencoder`` or
    ``-ct2encoder`` for ``-int8head``; ``-procs`` or ``-unguarded`` after any (see the
    docstring)."""
    from ltmt.bench.data import find_users
    from ltmt.bench.runner import fresh_memory
    from ltmt.model.backbone import bfloat16_weights, quantized_int8
    from ltmt.translator import Translator

    processes = variant.endswith("-procs")
    variant = variant.removesuffix("-procs")
    guarded = not variant.endswith("-unguarded")
    variant = variant.removesuffix("-unguarded")
    warm = variant.endswith("-warm")
    if variant == "-int8":  # one quantised copy for every user
        backbone = quantized_int8(backbone)
    elif variant == "-bf16":
        backbone = bfloat16_weights(backbone)
    fusion: Any = "knn-trained" if variant.startswith("-trained") else "knn"
    contexts = {t.user: fresh_memory(t) for t in find_users(users_dir, args.limit)}
    memories = {user: context.__enter__() for user, context in contexts.items()}
    translators = {
        user: Translator(
            backbone,
            memory,
            fusion=_other_combiner(args) if variant == "-trained-other" else fusion,
            beam=args.beam,
            batch_size=args.batch_size,
            threads=args.threads,
            workers=_workers(args),
            fusion_bf16=False if variant.endswith("-f32") else None,
            shortlist=variant == "-shortlist",
            fusion_int8_head="-int8head" in variant,
            fusion_int8_encoder="-int8encoder" in variant,
            fusion_encoder=_fusion_encoder(variant),
            worker_processes=processes,
            copy_guard=guarded,
        )
        for user, memory in memories.items()
    }
    if variant in ("-hfstep", "-beststop", "-trained-beststop"):
        from dataclasses import replace

        change = {"incremental": False} if variant == "-hfstep" else {"stop": "best"}
        for translator in translators.values():
            translator.decode_config = replace(translator.decode_config, **change)

    def translate(user: str, sources: list[str]) -> list[str]:
        return [t.text for t in translators[user].translate(sources, user=user, fit=False)]

    def forget() -> None:  # no force-decoded segment in memory; cold: none on disk either
        for translator in translators.values():
            cache = translator.fusion.cache  # type: ignore[union-attr]
            cache.clear()
            if not warm and cache.store is not None:
                cache.store.clear()
        if processes:  # the workers' own in-memory caches emptied too
            from ltmt.worker_processes import forget_in_worker_processes

            for recipe in {t.worker_recipe for t in translators.values() if t.worker_recipe}:
                forget_in_worker_processes(recipe)

    if warm:  # the previous run: its matches' states reach the disk store
        import atexit
        import shutil
        import tempfile

        from ltmt.fusion.state_store import StateStore

        root = Path(tempfile.mkdtemp(prefix="ltmt-bench-states-"))  # apart from the cold runs'
        atexit.register(shutil.rmtree, root, True)
        for user, translator in translators.items():  # with the memory, as the translator's
            store = StateStore(backbone.fingerprint, root, memory=memories[user])
            translator.fusion.cache.store = store  # type: ignore[union-attr]
        for user, sources, _ in select_segments(users_dir, args.limit):
            translate(user, sources)
    translate.forget = forget  # type: ignore[attr-defined]
    translate.translators = translators  # type: ignore[attr-defined]
    forget()
    return translate, contexts


def _workers(args: argparse.Namespace) -> int:
    """The batches an engine decodes at once (1 where the caller's options predate it)."""
    return int(getattr(args, "workers", 1))


def _optional(path: Path | None) -> str | None:
    return None if path is None else str(path)


def _other_combiner(args: argparse.Namespace) -> Any:
    """A fresh ``knn-trained`` fusion (its own segment cache) over ``--other-combiner``."""
    from ltmt.fusion.registry import COMBINER_SUBDIR
    from ltmt.fusion.trained_knn import TrainedKnnFusion

    if getattr(args, "other_combiner", None) is None:
        raise SystemExit("engine ltmt-knn-trained-other needs --other-combiner DIR")
    directory = Path(args.other_combiner)
    if (directory / COMBINER_SUBDIR).is_dir():
        directory = directory / COMBINER_SUBDIR
    return TrainedKnnFusion(directory)


def _generate_engine(backbone: Any, args: argparse.Namespace) -> Translate:
    import torch

    from ltmt.model.batching import length_batches, pad_token_ids

    model, tokenizer = backbone.model, backbone.tokenizer

    def translate(user: str, sources: list[str]) -> list[str]:
        ids = tokenizer(sources)["input_ids"]
        outputs = [""] * len(sources)
        for batch in length_batches([len(i) for i in ids], args.batch_size, max_padding=1.0):
            input_ids, mask = pad_token_ids([ids[i] for i in batch], backbone.pad_id)
            with torch.inference_mode():
                generated = model.generate(
                    input_ids=input_ids,
                    attention_mask=mask,
                    num_beams=args.beam,
                    max_new_tokens=int(input_ids.size(1) * 1.5 + 10),
                )
            texts = tokenizer.batch_decode(generated, skip_special_tokens=True)
            for i, text in zip(batch, texts):
                outputs[i] = text
        return outputs

    return translate


def _ct2_engine(
    backbone: Any, compute_type: str, args: argparse.Namespace, parts: bool = False
) -> Translate:
    """CTranslate2 on the model's conversion: ``workers`` batches at once on ``threads //
    workers`` threads each; ``parts``: one thread per worker, ``threads`` workers, each batch
    split into ``threads // workers`` parts (as ltmt's fast path runs it since session 37)."""
    import ctranslate2

    from ltmt.model.ctranslate import convert

    workers = _workers(args)
    per_batch = max(1, args.threads // workers)
    translator = ctranslate2.Translator(
        str(convert(backbone, compute_type)),
        intra_threads=1 if parts else per_batch,
        inter_threads=workers * per_batch if parts else workers,
    )
    batch_size = -(-args.batch_size // per_batch) if parts else args.batch_size
    tokenizer = backbone.tokenizer

    def translate(user: str, sources: list[str]) -> list[str]:
        tokens = [tokenizer.convert_ids_to_tokens(i) for i in tokenizer(sources)["input_ids"]]
        longest = max(len(t) for t in tokens)  # ltmt's length rule, for the longest source
        results = translator.translate_batch(
            tokens,
            beam_size=args.beam,
            max_batch_size=batch_size,
            max_decoding_length=min(int(longest * 1.5 + 10), 256),
        )
        return [tokenizer.convert_tokens_to_string(r.hypotheses[0]) for r in results]

    return translate


Rounds = tuple[dict[str, list[float]], dict[str, list[float]], dict[str, list[str]]]


def _run_rounds(
    names: list[str], rounds: int, make_pass: Callable[[str], dict[str, Any]]
) -> Rounds:
    """``rounds`` rounds of one pass per engine (``make_pass(name)``: :func:`_one_pass`'s
    result), in forward, then reverse order, and so on: each engine's seconds, CPU seconds and
    first outputs."""
    seconds: dict[str, list[float]] = {name: [] for name in names}
    cpu_seconds: dict[str, list[float]] = {name: [] for name in names}
    outputs: dict[str, list[str]] = {}
    for index in range(rounds):
        for name in names if index % 2 == 0 else names[::-1]:
            result = make_pass(name)
            seconds[name].append(result["seconds"])
            cpu_seconds[name].append(result["cpu_seconds"])
            outputs.setdefault(name, result["outputs"])
        print(f"round {index + 1}:", {n: round(seconds[n][-1], 2) for n in names}, flush=True)
    return seconds, cpu_seconds, outputs


def _one_pass(translate: Callable[..., list[str]], segments: list[Any]) -> dict[str, Any]:
    """One timed pass of ``translate`` over ``segments`` (its caches emptied first): wall and
    CPU seconds of this process, and the outputs."""
    if hasattr(translate, "forget"):
        translate.forget()
    produced: list[str] = []
    started, cpu_started = time.perf_counter(), time.process_time()
    for user, sources, _ in segments:
        produced.extend(translate(user, sources))
    return {
        "seconds": time.perf_counter() - started,
        "cpu_seconds": time.process_time() - cpu_started,
        "outputs": produced,
    }


def _warmed_engine(
    name: str, args: argparse.Namespace, segments: list[Any]
) -> tuple[Translate, Any]:
    """:func:`build_engine`'s engine after a first call on two segments (first calls allocate
    and convert)."""
    translate, opened = build_engine(name, args, args.users_dir)
    translate(segments[0][0], segments[0][1][:2])
    return translate, opened


def _rounds_in_one_process(names: list[str], args: argparse.Namespace) -> Rounds:
    """Every engine loaded in this process, the rounds run here (the harness before session
    37): their OpenMP threads share one runtime, where CTranslate2's worker threads' pools make
    torch's threads sleep between operations (``--one-process``; see the docstring)."""
    import torch

    torch.set_num_threads(args.threads)
    segments = select_segments(args.users_dir, args.limit)
    engines = {name: _warmed_engine(name, args, segments) for name in names}
    result = _run_rounds(names, args.rounds, lambda name: _one_pass(engines[name][0], segments))
    for _, opened in engines.values():
        for context in (opened or {}).values():
            context.__exit__(None, None, None)
    return result


def _rounds_in_child_processes(names: list[str], args: argparse.Namespace) -> Rounds:
    """Each engine loaded in a child process of its own (all loaded before the first round),
    the rounds run by telling one child at a time to make a pass: an engine's threads share
    nothing with another's, as in the process of a user who runs one of them."""
    command = [sys.executable, __file__, *_forwarded(args)]
    children = {
        name: subprocess.Popen(
            [*command, "--child-engine", name],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        for name in names
    }

    def make_pass(name: str) -> dict[str, Any]:
        child = children[name]
        assert child.stdin is not None
        child.stdin.write("pass\n")
        child.stdin.flush()
        return _child_answer(name, child)

    try:
        for name, child in children.items():
            _child_answer(name, child)  # loaded and warmed up
        return _run_rounds(names, args.rounds, make_pass)
    finally:
        for child in children.values():
            if child.stdin is not None:
                child.stdin.close()
        for child in children.values():
            child.wait()


def _child_answer(name: str, child: subprocess.Popen[str]) -> dict[str, Any]:
    """The next message of engine ``name``'s child process (its other stdout lines skipped)."""
    assert child.stdout is not None
    for line in child.stdout:
        if line.startswith(CHILD_MARK):
            return dict(json.loads(line[len(CHILD_MARK) :]))
    raise SystemExit(f"engine {name}: its process ended (exit {child.wait()}; see above)")


def serve_engine(name: str, args: argparse.Namespace) -> None:
    """A child process of :func:`_rounds_in_child_processes`: load engine ``name``, warm it up,
    say so, then make one timed pass per ``pass`` line read from stdin, answering each."""
    import torch

    torch.set_num_threads(args.threads)
    segments = select_segments(args.users_dir, args.limit)
    translate, opened = _warmed_engine(name, args, segments)
    print(CHILD_MARK + json.dumps({"ready": True}), flush=True)
    for line in sys.stdin:
        if line.strip() != "pass":
            break
        print(CHILD_MARK + json.dumps(_one_pass(translate, segments)), flush=True)
    for context in (opened or {}).values():
        context.__exit__(None, None, None)


def count_tokens(backbone: Any, outputs: list[str]) -> int:
    """Target pieces of ``outputs`` (``</s>`` not counted), the same count for every engine."""
    ids = backbone.tokenizer(text_target=outputs)["input_ids"]
    return sum(len(i) - 1 for i in ids)


def run(args: argparse.Namespace) -> dict[str, Any]:
    import sacrebleu

    from ltmt.model.backbone import load_backbone

    names = args.engines.split(",")
    check_engines(names)
    segments = select_segments(args.users_dir, args.limit)
    references = [r for _, _, refs in segments for r in refs]
    rounds = _rounds_in_one_process if args.one_process else _rounds_in_child_processes
    seconds, cpu_seconds, outputs = rounds(names, args)
    counter = load_backbone(args.model)
    total = len(references)
    report: dict[str, Any] = {
        "model": str(args.model or "embedded default"),
        "other_combiner": _optional(getattr(args, "other_combiner", None)),
        "users_dir": str(args.users_dir),
        "segments": total,
        "selection": f"first {args.limit} test segments per user, single-line only",
        "beam": args.beam,
        "batch_size": args.batch_size,
        "threads": args.threads,
        "workers": _workers(args),
        "rounds": args.rounds,
        "order": "rounds alternate forward and reverse engine order",
        "processes": "all engines in one" if args.one_process else "one per engine",
        "machine": platform.processor() or platform.machine(),
        "engines": {},
    }
    for name in names:
        median = statistics.median(seconds[name])
        tokens = count_tokens(counter, outputs[name])
        report["engines"][name] = {
            "seconds_per_round": [round(s, 3) for s in seconds[name]],
            # CPU time of the engine's process (all its threads): less sensitive to other jobs
            # on the machine than wall time, though not immune (shared caches, spinning threads)
            "cpu_seconds_per_round": [round(s, 3) for s in cpu_seconds[name]],
            "cpu_tokens_per_second": round(tokens / statistics.median(cpu_seconds[name]), 1),
            "tokens": tokens,
            "tokens_per_second": round(tokens / median, 1),
            "segments_per_second": round(total / median, 2),
            "bleu": round(sacrebleu.corpus_bleu(outputs[name], [references]).score, 2),
        }
    for name in names:  # worker processes against threads: outputs that differ
        threads = name.removesuffix("-procs")
        if name.endswith("-procs") and threads in outputs:
            report["engines"][name]["outputs_differing_from_threads"] = sum(
                a != b for a, b in zip(outputs[name], outputs[threads], strict=True)
            )
    if "ct2-int8" in report["engines"]:
        reference = report["engines"]["ct2-int8"]["tokens_per_second"]
        cpu_reference = report["engines"]["ct2-int8"]["cpu_tokens_per_second"]
        for entry in report["engines"].values():
            entry["vs_ct2_int8"] = round(entry["tokens_per_second"] / reference, 3)
            entry["cpu_vs_ct2_int8"] = round(entry["cpu_tokens_per_second"] / cpu_reference, 3)
    if "ltmt-torch" in report["engines"]:  # the float32 torch decoder without memory
        reference = report["engines"]["ltmt-torch"]["tokens_per_second"]
        for entry in report["engines"].values():
            entry["vs_ltmt_torch"] = round(entry["tokens_per_second"] / reference, 3)
    if args.rss:
        for name in names:
            report["engines"][name]["peak_rss_mb"] = peak_rss_in_child(name, args)
    return report


def peak_rss_in_child(name: str, args: argparse.Namespace) -> float:
    """Peak RSS (MB) of a fresh process that loads ``name`` and translates every segment once."""
    command = [sys.executable, __file__, "--rss-of", name, *_forwarded(args)]
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    return float(done.stdout.strip().splitlines()[-1])


def _forwarded(args: argparse.Namespace) -> list[str]:
    options = [
        "--users-dir", str(args.users_dir), "--beam", str(args.beam),
        "--batch-size", str(args.batch_size), "--threads", str(args.threads),
        "--workers", str(_workers(args)),
    ]  # fmt: skip
    if args.limit is not None:
        options += ["--limit", str(args.limit)]
    if args.model is not None:
        options += ["--model", str(args.model)]
    if getattr(args, "other_combiner", None) is not None:
        options += ["--other-combiner", str(args.other_combiner)]
    return options


def measure_rss(name: str, args: argparse.Namespace) -> float:
    """Load ``name``, translate every selected segment once; this process's peak RSS in MB."""
    import resource

    import torch

    torch.set_num_threads(args.threads)
    translate, opened = build_engine(name, args, args.users_dir)
    for user, sources, _ in select_segments(args.users_dir, args.limit):
        translate(user, sources)
    for context in (opened or {}).values():
        context.__exit__(None, None, None)
    # VmHWM is this process's own peak; ru_maxrss would carry the parent's over the exec
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", default=None, help="model folder (default: the embedded one)")
    parser.add_argument("--users-dir", type=Path, default=DEV_USERS_DIR)
    parser.add_argument(
        "--other-combiner",
        type=Path,
        help="the combiner (or model) directory engine ltmt-knn-trained-other reads",
    )
    parser.add_argument("--engines", default=",".join(ENGINES), help="comma-separated")
    parser.add_argument("--limit", type=int, default=100, help="test segments per user")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--beam", type=int, default=4)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument(
        "--workers", type=int, default=1, help="batches decoded at once (see the docstring)"
    )
    parser.add_argument(
        "--one-process",
        action="store_true",
        help="every engine in this process, as before session 37 (see the docstring)",
    )
    parser.add_argument("--child-engine", help=argparse.SUPPRESS)
    parser.add_argument("--no-rss", dest="rss", action="store_false", help="skip peak RSS")
    parser.add_argument("--rss-of", help=argparse.SUPPRESS)
    parser.add_argument(
        "--rss-into",
        type=Path,
        help="only measure peak RSS (untimed: no lock needed) and add it to this report JSON",
    )
    parser.add_argument("--output", type=Path)
    args = parser.parse_args()
    if args.rss_of:
        print(round(measure_rss(args.rss_of, args), 1))
        return
    if args.child_engine:
        serve_engine(args.child_engine, args)
        return
    if args.rss_into:
        report = json.loads(args.rss_into.read_text(encoding="utf-8"))
        for name in report["engines"]:
            report["engines"][name]["peak_rss_mb"] = peak_rss_in_child(name, args)
        write_json(args.rss_into, report, ensure_ascii=False)
        return
    emit_report(run(args), args.output, ensure_ascii=False)


if __name__ == "__main__":
    main()
