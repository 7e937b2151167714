"""``ltmt train base``: train a SentencePiece vocabulary and a Marian model from scratch.

Output layout (``OUTPUT``)::

    tokenizer/      source.spm, target.spm, vocab.json, tokenizer config (built once)
    last/           the latest checkpoint: a standard Marian directory
    best/           the checkpoint with the best dev BLEU so far: a standard Marian directory
    state.pt        optimiser state, step, epoch position, best BLEU, the random generators'
                    states (for --resume: a resumed run draws the dropout an unbroken one would)
    log.jsonl       one JSON object per logged step and per evaluation
    config.json     the training configuration
"""

from __future__ import annotations

import json
import logging
import math
import random
import shutil
import signal
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from ltmt.config import to_dict
from ltmt.errors import InputError
from ltmt.model.cpu import cpu_has_fast_bf16
from ltmt.provenance import utc_now
from ltmt.train.config import BaseTrainConfig, ModelShape
from ltmt.train.data import (
    EncodedCorpus,
    collate,
    encode_pairs,
    iter_epoch,
    load_dev_pairs,
    load_training_pairs,
    token_batches,
)
from ltmt.train.output import give_new_file_mode, training_provenance

logger = logging.getLogger(__name__)

ProgressFactory = Callable[[int, int], Any]


def build_marian(shape: ModelShape, vocab_size: int, *, fairseq_embeddings: bool = True) -> Any:
    """A randomly initialised ``MarianMTModel`` of ``shape`` with OPUS-MT's special-token layout.

    ``fairseq_embeddings``: re-initialise the token embeddings with N(0, d_model^-0.5) (see
    below); ``False`` keeps transformers' own initialisation.
    """
    from transformers import MarianConfig, MarianMTModel

    pad = vocab_size - 1
    config = MarianConfig(
        vocab_size=vocab_size,
        decoder_vocab_size=vocab_size,
        d_model=shape.d_model,
        encoder_layers=shape.encoder_layers,
        decoder_layers=shape.decoder_layers,
        encoder_attention_heads=shape.attention_heads,
        decoder_attention_heads=shape.attention_heads,
        encoder_ffn_dim=shape.ffn_dim,
        decoder_ffn_dim=shape.ffn_dim,
        dropout=shape.dropout,
        attention_dropout=0.0,
        activation_dropout=0.0,
        activation_function="swish",
        max_position_embeddings=shape.max_positions,
        pad_token_id=pad,
        eos_token_id=0,
        decoder_start_token_id=pad,
        forced_eos_token_id=0,
        scale_embedding=True,
        share_encoder_decoder_embeddings=True,
        tie_word_embeddings=True,
    )
    model = MarianMTModel(config)
    # transformers initialises embeddings with std 0.02: times sqrt(d_model) that is ~0.3, below
    # the sinusoidal positions (~0.7), so tokens start drowned by positions. fairseq's N(0, d^-0.5)
    # gives unit-scale token embeddings after the scaling.
    if fairseq_embeddings:
        import torch

        with torch.no_grad():
            model.model.shared.weight.normal_(0.0, shape.d_model**-0.5)
            model.model.shared.weight[pad].zero_()
    model.generation_config.num_beams = 4
    model.generation_config.max_length = 256
    model.generation_config.bad_words_ids = [[pad]]
    return model


def load_marian(checkpoint: Path) -> Any:
    """The float32 ``MarianMTModel`` of ``checkpoint``, to train on: its sinusoidal positions
    frozen, as :func:`build_marian`'s are. transformers loads them as a trainable parameter, so
    a resumed or ``--init-from`` run trained the fixed positions its fresh run never touched
    (a run resumed at step 30 drifted from the unbroken one from step 32 on)."""
    import torch
    from transformers import MarianMTModel

    model = MarianMTModel.from_pretrained(str(checkpoint), dtype=torch.float32)
    for stack in (model.model.encoder, model.model.decoder):
        stack.embed_positions.weight.requires_grad_(False)
    return model


def use_bf16(setting: str, device: str = "cpu") -> bool:
    """Resolve the ``train.bf16`` setting (``auto``, ``on``, ``off``) for ``device``."""
    if setting != "auto":
        return setting == "on"
    if device == "cuda":
        import torch

        return bool(torch.cuda.is_bf16_supported())
    return cpu_has_fast_bf16()


def resolve_device(setting: str) -> str:
    """``train.device``: ``auto`` is ``cuda`` where a GPU is visible, else ``cpu``."""
    import torch

    if setting == "auto":
        return "cuda" if torch.cuda.is_available() else "cpu"
    if setting == "cuda" and not torch.cuda.is_available():
        raise InputError("train.device is cuda but torch sees no GPU; set train.device: cpu")
    return setting


def inverse_sqrt_lr(step: int, peak: float, warmup: int) -> float:
    """Linear warm-up to ``peak`` over ``warmup`` steps, then decay with 1/sqrt(step)."""
    step = max(step, 1)
    if step < warmup:
        return peak * step / warmup
    return peak * math.sqrt(warmup / step)


class _StopFlag:
    """Set by SIGTERM/SIGINT so the loop can save a checkpoint before it exits; ``signum``: the
    signal that came (``None`` while none has)."""

    def __init__(self) -> None:
        self.signum: int | None = None

    @property
    def stop(self) -> bool:
        return self.signum is not None

    @property
    def signal_name(self) -> str | None:
        """``SIGINT``, ``SIGTERM``, or ``None`` while no signal came."""
        return None if self.signum is None else signal.Signals(self.signum).name

    def __call__(self, signum: int, frame: object) -> None:
        self.signum = signum


def rng_states() -> dict[str, Any]:
    """The states of the random generators training draws from: torch's (dropout), CUDA's
    where a GPU is seen, numpy's and Python's; ``state.pt`` keeps them so that a resumed run
    draws what the run would have drawn unbroken (:func:`restore_rng_states`)."""
    import torch

    return {
        "torch": torch.get_rng_state(),
        "cuda": torch.cuda.get_rng_state_all() if torch.cuda.is_available() else None,
        "numpy": np.random.get_state(),
        "python": random.getstate(),
    }


def restore_rng_states(states: dict[str, Any]) -> None:
    """Set the random generators to ``states`` (:func:`rng_states`; loaded onto any device)."""
    import torch

    torch.set_rng_state(states["torch"].cpu())
    if states["cuda"] is not None and torch.cuda.is_available():
        torch.cuda.set_rng_state_all([state.cpu() for state in states["cuda"]])
    np.random.set_state(states["numpy"])
    random.setstate(states["python"])


def train_base(
    config: BaseTrainConfig,
    output: Path,
    *,
    resume: bool = False,
    init_from: Path | None = None,
    progress: ProgressFactory | None = None,
    tokenizer_only: bool = False,
) -> dict[str, Any]:
    """Train (or resume training of) a base model; returns a summary dict: ``stopped_by``
    names the signal (``SIGINT``, ``SIGTERM``) that ended it early, its step saved in ``last/``
    (``None``: it ran to its budget).

    ``tokenizer_only``: make ``output/tokenizer`` (:func:`ensure_tokenizer`) and stop; a later
    run with the same ``output`` trains the model on it.

    ``init_from``: start from the weights and tokenizer of an existing checkpoint of the same
    vocabulary (e.g. the shipped default, to keep training it in a later session) instead of a
    random model. ``progress(total, initial)`` may return a tqdm-like object with ``update`` and
    ``set_postfix``; the CLI passes a progress bar, the library prints nothing.
    """
    import torch

    from ltmt.model.vocab import marian_vocab

    opt = config.train
    state_path = output / "state.pt"
    if resume and not state_path.is_file():
        raise InputError(
            f"nothing to resume in {output}: no state.pt (drop --resume to start anew)"
        )
    if not resume and state_path.is_file():
        raise InputError(
            f"{output} already holds a training run; pass --resume or another --output"
        )
    if opt.threads:
        torch.set_num_threads(opt.threads)
    random.seed(opt.seed)
    np.random.seed(opt.seed)
    torch.manual_seed(opt.seed)

    pairs = load_training_pairs(config.data)
    dev = load_dev_pairs(config.data, opt.seed)
    # only now: data that is not found leaves no half-made output folder behind
    if resume:
        check_resumable(config, output)
    else:  # the run's config, kept as it started: what a --resume is checked against
        output.mkdir(parents=True, exist_ok=True)
        (output / "config.json").write_text(json.dumps(to_dict(config), indent=2), "utf-8")
    tokenizer_dir = ensure_tokenizer(config, output, pairs, init_from)
    if tokenizer_only:
        return {"output": str(output), "tokenizer": str(tokenizer_dir), "pairs": len(pairs)}
    vocab = marian_vocab(tokenizer_dir / "source.spm")
    corpus = encode_pairs(pairs, tokenizer_dir / "source.spm", vocab, config.data)
    pad_id = vocab["<pad>"]

    # The model must be final before the optimiser is built: an optimiser over another model's
    # parameters would step nothing (their gradients stay None) while training seems to run.
    if resume:
        model = load_marian(output / "last")
    elif init_from is not None:
        model = load_marian(init_from)
    else:
        model = build_marian(config.model, len(vocab))
    device = resolve_device(opt.device)
    bf16 = use_bf16(opt.bf16, device)
    provenance = training_provenance(device, bf16, config.data.data_dir)
    model.to(device)
    optimizer = torch.optim.AdamW(
        model.parameters(),
        lr=opt.peak_lr,
        betas=(0.9, 0.98),
        eps=1e-9,
        weight_decay=opt.weight_decay,
        fused=device == "cuda",
    )
    step, epoch, position, best_bleu, elapsed = 0, 0, 0, -1.0, 0.0
    if resume:
        state = torch.load(state_path, map_location=device, weights_only=False)
        optimizer.load_state_dict(state["optimizer"])
        step, epoch, position = state["step"], state["epoch"], state["position"]
        best_bleu, elapsed = state["best_bleu"], state["elapsed"]
        if "rng" in state:  # a state.pt of an older ltmt has none: dropout draws anew
            restore_rng_states(state["rng"])
        logger.info(
            "resuming at step %d (epoch %d, batch %d), best BLEU %.2f",
            step,
            epoch,
            position,
            best_bleu,
        )
    parameters = sum(p.numel() for p in model.parameters())
    logger.info(
        "model: %.1fM parameters, vocab %d, device %s, bf16 autocast %s",
        parameters / 1e6,
        len(vocab),
        device,
        "on" if bf16 else "off",
    )

    stop = _StopFlag()
    previous = {sig: signal.signal(sig, stop) for sig in (signal.SIGTERM, signal.SIGINT)}
    log = (output / "log.jsonl").open("a", encoding="utf-8")
    started = time.monotonic() - elapsed
    session_start = time.monotonic()
    bar = progress(opt.max_steps or 0, step) if progress else None
    tokens_since, loss_sum, loss_tokens, window_start = 0, 0.0, 0, time.monotonic()
    saved_step = step if resume else -1  # the step last/ holds (-1: none yet)

    def save(best: bool, bleu: float | None) -> None:
        nonlocal saved_step
        saved_step = step
        _save_checkpoint(
            model,
            tokenizer_dir,
            output / "last",
            step=step,
            bleu=bleu,
            config=config,
            provenance={**provenance, "created": utc_now()},
        )
        torch.save(
            {
                "optimizer": optimizer.state_dict(),
                "step": step,
                "epoch": epoch,
                "position": position,
                "best_bleu": best_bleu,
                "elapsed": time.monotonic() - started,
                "rng": rng_states(),
            },
            state_path,
        )
        if best:
            tmp = output / "best.tmp"
            shutil.rmtree(tmp, ignore_errors=True)
            shutil.copytree(output / "last", tmp)
            shutil.rmtree(output / "best", ignore_errors=True)
            tmp.rename(output / "best")

    def evaluate_and_save() -> None:
        nonlocal best_bleu
        bleu = evaluate_bleu(model, tokenizer_dir, dev)
        model.train()
        is_best = bleu > best_bleu
        best_bleu = max(best_bleu, bleu)
        log.write(json.dumps({"step": step, "epoch": epoch, "dev_bleu": round(bleu, 2)}) + "\n")
        log.flush()
        logger.info("step %d epoch %d: dev BLEU %.2f (best %.2f)", step, epoch, bleu, best_bleu)
        save(is_best, bleu)

    def out_of_budget() -> bool:
        if stop.stop:
            return True
        if opt.max_steps and step >= opt.max_steps:
            return True
        return bool(opt.max_minutes and (time.monotonic() - session_start) / 60 >= opt.max_minutes)

    try:
        model.train()
        while epoch < opt.epochs and not out_of_budget():
            batches = token_batches(corpus, opt.batch_tokens, opt.seed + epoch)
            for batch_index, indices in iter_epoch(batches, position):
                loss_value, n_tokens = train_step(
                    model, optimizer, corpus, indices, pad_id, step, opt, device
                )
                step += 1
                position = batch_index + 1  # the next batch to run, saved for --resume
                tokens_since += n_tokens
                loss_sum += loss_value * n_tokens
                loss_tokens += n_tokens
                if bar is not None:
                    bar.update(1)
                if step % 100 == 0:
                    seconds = time.monotonic() - window_start
                    record = {
                        "step": step,
                        "epoch": epoch,
                        "loss": round(loss_sum / max(loss_tokens, 1), 4),
                        "lr": inverse_sqrt_lr(step, opt.peak_lr, opt.warmup_steps),
                        "tgt_tokens_per_s": round(tokens_since / max(seconds, 1e-9), 1),
                    }
                    log.write(json.dumps(record) + "\n")
                    log.flush()
                    if bar is not None:
                        bar.set_postfix(
                            loss=record["loss"], ep=epoch, tok_s=int(record["tgt_tokens_per_s"])
                        )
                    tokens_since, loss_sum, loss_tokens, window_start = 0, 0.0, 0, time.monotonic()
                if step % opt.eval_every == 0 or out_of_budget():
                    evaluate_and_save()
                if out_of_budget():
                    break
            else:
                epoch += 1
                position = 0
        # the last epoch, the time budget or a signal can end the loop between evaluations
        if saved_step != step or not (output / "best").is_dir():
            evaluate_and_save()
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        log.close()
        if bar is not None:
            bar.close()
    return {
        "output": str(output.resolve()),
        "step": step,
        "stopped_by": stop.signal_name,
        "epoch": epoch,
        "best_dev_bleu": best_bleu,
        "parameters": parameters,
        "hours": (time.monotonic() - started) / 3600,
    }


def check_resumable(config: BaseTrainConfig, output: Path) -> None:
    """Refuse to resume the run in ``output`` with another model or data config than the one
    it recorded in ``config.json`` (its checkpoint's shape, its batches' order): one line naming
    the first key that differs. ``train`` settings (steps, budget, threads) may change."""
    recorded_path = output / "config.json"
    try:
        recorded = json.loads(recorded_path.read_text("utf-8"))
    except (OSError, json.JSONDecodeError):
        raise InputError(
            f"cannot resume {output}: {recorded_path} is missing or not JSON; "
            "restore it or start anew in another --output"
        ) from None
    current = to_dict(config)
    for section in ("model", "data"):
        for key, value in current[section].items():
            was = recorded.get(section, {}).get(key)
            if was != value:
                raise InputError(
                    f"cannot resume {output}: {section}.{key} is {value!r} here but {was!r} in "
                    f"{recorded_path}; resume with the run's config or train into another --output"
                )


def ensure_tokenizer(
    config: BaseTrainConfig,
    output: Path,
    pairs: list[tuple[str, str]],
    init_from: Path | None = None,
) -> Path:
    """``output/tokenizer``: kept when it is there already (a resumed run, or one made
    beforehand to spare a lent GPU the minute it takes), else copied from ``init_from``, else
    trained on a seeded sample of ``pairs`` (the training pairs of ``config.data``)."""
    from ltmt.model.vocab import train_sentencepiece, write_tokenizer_files

    tokenizer_dir = output / "tokenizer"
    if init_from is not None and not (tokenizer_dir / "vocab.json").is_file():
        if not (init_from / "vocab.json").is_file():
            raise InputError(
                f"--init-from {init_from}: not a Marian checkpoint directory (no vocab.json)"
            )
        tokenizer_dir.mkdir(parents=True, exist_ok=True)
        for name in ("source.spm", "target.spm", "vocab.json", "tokenizer_config.json"):
            if (init_from / name).is_file():
                shutil.copyfile(init_from / name, tokenizer_dir / name)
    if not (tokenizer_dir / "vocab.json").is_file():
        sample = random.Random(config.train.seed).sample(pairs, min(len(pairs), 300_000))
        sides = [s for s, _ in sample] + [t for _, t in sample]
        spm_path = train_sentencepiece(sides, output / "spm", config.model.vocab_size)
        write_tokenizer_files(spm_path, tokenizer_dir)
    return tokenizer_dir


def train_step(
    model: Any,
    optimizer: Any,
    corpus: EncodedCorpus,
    indices: list[int],
    pad_id: int,
    step: int,
    opt: Any,
    device: str = "cpu",
) -> tuple[float, int]:
    """One optimiser step on the examples ``indices`` of ``corpus`` at ``step`` (its learning
    rate): (the batch's loss, its target tokens). What ``train_base`` runs, and what
    ``eval/train_step_time.py`` times."""
    import torch
    import torch.nn.functional as F
    from transformers.models.marian.modeling_marian import shift_tokens_right

    input_ids, mask, labels = (
        torch.from_numpy(a).to(device, non_blocking=True) for a in collate(corpus, indices, pad_id)
    )
    decoder_input = shift_tokens_right(labels, pad_id, pad_id)
    for group in optimizer.param_groups:
        group["lr"] = inverse_sqrt_lr(step + 1, opt.peak_lr, opt.warmup_steps)
    with torch.autocast(device, dtype=torch.bfloat16, enabled=use_bf16(opt.bf16, device)):
        logits = model(
            input_ids=input_ids, attention_mask=mask, decoder_input_ids=decoder_input
        ).logits
    n_tokens = int((labels != -100).sum())
    loss = F.cross_entropy(
        logits.float().view(-1, logits.size(-1)),
        labels.view(-1),
        ignore_index=-100,
        label_smoothing=opt.label_smoothing,
        reduction="sum",
    ) / max(n_tokens, 1)
    optimizer.zero_grad(set_to_none=True)
    loss.backward()
    torch.nn.utils.clip_grad_norm_(model.parameters(), opt.clip_norm)
    optimizer.step()
    return float(loss.detach()), n_tokens


def evaluate_bleu(
    model: Any, tokenizer_dir: Path, dev: list[tuple[str, str]], batch_size: int = 64
) -> float:
    """Greedy-decode the dev sources with ltmt's decoder; sacrebleu BLEU against the references.

    ltmt's decoder runs on the CPU: a model trained on a GPU is evaluated through a CPU copy.
    """
    import copy

    import sacrebleu
    from transformers import MarianTokenizer

    from ltmt.model.backbone import Backbone
    from ltmt.translator import Translator

    tokenizer = MarianTokenizer.from_pretrained(str(tokenizer_dir))
    model.eval()
    if next(model.parameters()).device.type != "cpu":
        model = copy.deepcopy(model).to("cpu")
    backbone = Backbone(model=model, tokenizer=tokenizer, name="training", path=None)
    translator = Translator(backbone, beam=1, batch_size=batch_size)
    hypotheses = [t.text for t in translator.translate([s for s, _ in dev])]
    return float(sacrebleu.corpus_bleu(hypotheses, [[t for _, t in dev]]).score)


def _save_checkpoint(
    model: Any,
    tokenizer_dir: Path,
    out_dir: Path,
    *,
    step: int,
    bleu: float | None,
    config: BaseTrainConfig,
    provenance: dict[str, Any],
) -> None:
    """Write ``model``'s checkpoint to ``out_dir`` (replaced whole, through a temporary folder):
    a Marian directory, ``tokenizer_dir``'s files and ``ltmt_training.json`` (step, dev BLEU,
    ``provenance`` (:func:`training_provenance`) and the config)."""
    tmp = out_dir.with_name(out_dir.name + ".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    model.save_pretrained(str(tmp))
    give_new_file_mode(tmp)
    for item in tokenizer_dir.iterdir():
        shutil.copyfile(item, tmp / item.name)
    (tmp / "ltmt_training.json").write_text(
        json.dumps(
            {"step": step, "dev_bleu": bleu, "provenance": provenance, "config": to_dict(config)},
            indent=2,
        ),
        "utf-8",
    )
    shutil.rmtree(out_dir, ignore_errors=True)
    tmp.rename(out_dir)
