"""``ltmt train fusion``: train the attention adapter on a frozen base model.

    ltmt train fusion --config configs/train/fusion-en-de.yaml --base runs/base-en-de/best \
        [--output DIR] [--max-minutes 20]

The output is an adapter directory (``config.json`` + ``model.safetensors``), by default
``BASE/fusion-attention`` where :class:`ltmt.fusion.attention.AttentionFusion` finds it. Steps:
retrieve memory for sampled pairs (:mod:`ltmt.train.fusion_data`), force-decode every pair
needed once with the frozen base, then train the adapter on those states alone. Memory dropout:
a share of examples gets no memory, another share the memory of a pair from another product,
so the gate learns when memory is not to be trusted.
"""

from __future__ import annotations

import json
import logging
import math
import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ltmt.config import check_choice, check_range, to_dict
from ltmt.errors import ConfigError
from ltmt.train.config import bf16_setting
from ltmt.train.fusion_data import (
    FusionDataSpec,
    FusionExamples,
    decode_examples,
    load_groups,
    retrieve_memories,
)
from ltmt.train.output import (
    check_improved,
    check_output_dir,
    check_trained,
    time_is_up,
    training_provenance,
)

if TYPE_CHECKING:
    import torch

    from ltmt.fusion.adapter import MemoryAdapter

logger = logging.getLogger(__name__)

ProgressFactory = Callable[[int, int], Any]


@dataclass(frozen=True)
class AdapterShape:
    """The adapter's shape (``d_model`` comes from the base model); see :class:`AdapterConfig`."""

    heads: int = 4
    d_attention: int = 256
    max_matches: int = 4
    min_score: float = 0.0
    gate_bias: float = 0.0


@dataclass(frozen=True)
class FusionOptimisation:
    """Optimiser, schedule, batching and memory dropout of the adapter training."""

    steps: int = 3000
    batch_examples: int = 32
    peak_lr: float = 1e-3
    warmup_steps: int = 150
    weight_decay: float = 0.01
    clip_norm: float = 1.0
    label_smoothing: float = 0.0
    p_empty: float = 0.15
    p_unrelated: float = 0.15
    dev_share: float = 0.03
    eval_every: int = 500
    max_minutes: float = 0.0
    bf16: str = "auto"
    device: str = "auto"
    threads: int = 0
    seed: int = 1

    def __post_init__(self) -> None:
        for name in ("steps", "batch_examples", "peak_lr", "eval_every"):
            check_range(f"train.{name}", getattr(self, name), above=0)
        for name in ("p_empty", "p_unrelated", "dev_share", "label_smoothing"):
            check_range(f"train.{name}", getattr(self, name), at_least=0, below=1)
        check_range("train.max_minutes", self.max_minutes, at_least=0)  # 0: no time limit
        object.__setattr__(self, "bf16", bf16_setting(self.bf16))
        check_choice("train.device", self.device, ("auto", "cpu", "cuda"))
        if self.p_empty + self.p_unrelated >= 1:
            raise ConfigError(
                "train.p_empty + train.p_unrelated must be < 1, "
                f"got {self.p_empty + self.p_unrelated!r}"
            )


@dataclass(frozen=True)
class FusionTrainConfig:
    """Everything ``ltmt train fusion`` needs; read from YAML with :func:`ltmt.config.from_dict`
    (``method: attention``, the default; see :mod:`ltmt.train.methods`)."""

    method: str = "attention"
    adapter: AdapterShape = field(default_factory=AdapterShape)
    data: FusionDataSpec = field(default_factory=FusionDataSpec)
    train: FusionOptimisation = field(default_factory=FusionOptimisation)

    def __post_init__(self) -> None:
        if self.method != "attention":
            raise ConfigError(f"method must be attention here, got {self.method!r}")


@dataclass
class _Batch:
    """One padded training batch: the decoder's ``hidden`` states, and the datastore entries
    (force-decoded memory segments: keys, target tokens, fuzzy scores) each row may attend to."""

    hidden: torch.Tensor  # (B, T, d)
    labels: torch.Tensor  # (B, T), -100 for padding
    entry_keys: torch.Tensor  # (B, N, d)
    entry_values: torch.Tensor  # (B, N)
    entry_scores: torch.Tensor  # (B, N)
    mask: torch.Tensor  # (B, T, N)


class _Sampler:
    """Builds padded batches from force-decoded examples, with memory dropout."""

    def __init__(
        self, data: FusionExamples, shape: AdapterShape, opt: FusionOptimisation, seed: int
    ) -> None:
        from ltmt.text import normalize

        self.data = data
        self.shape = shape
        self.opt = opt
        self.rng = random.Random(seed)
        self.normalize = normalize
        retrieval = data.retrieval
        self.by_group: dict[int, list[int]] = {}
        for position, query in enumerate(retrieval.queries):
            self.by_group.setdefault(retrieval.pairs[query].group, []).append(position)

    def memory_for(self, position: int, mode: str) -> list[tuple[int, float]]:
        retrieval = self.data.retrieval
        if mode == "empty":
            return []
        if mode == "unrelated" and len(self.by_group) > 1:
            from ltmt.text import fuzzy_score

            own = retrieval.pairs[retrieval.queries[position]]
            other_groups = [g for g in self.by_group if g != own.group]
            other = self.rng.choice(self.by_group[self.rng.choice(other_groups)])
            query = self.normalize(own.source)
            # the score this memory would really get for this query
            found = [
                (j, fuzzy_score(query, self.normalize(retrieval.pairs[j].source)))
                for j, _ in retrieval.memories[other]
            ]
        else:
            found = retrieval.memories[position]
        found = [(j, s) for j, s in found if s >= self.shape.min_score]
        return sorted(found, key=lambda item: -item[1])[: self.shape.max_matches]

    def mode(self) -> str:
        r = self.rng.random()
        if r < self.opt.p_empty:
            return "empty"
        return "unrelated" if r < self.opt.p_empty + self.opt.p_unrelated else "own"

    def batch(self, positions: list[int], modes: list[str]) -> _Batch:
        import torch

        data, retrieval = self.data, self.data.retrieval
        d = data.states.size(1)
        spans = [data.span(retrieval.queries[p]) for p in positions]
        memories = [self.memory_for(p, m) for p, m in zip(positions, modes, strict=True)]
        steps = max(e - s for s, e in spans)
        entries = [sum(data.span(j)[1] - data.span(j)[0] for j, _ in m) for m in memories]
        width = max(max(entries), 1)
        size = len(positions)
        hidden = torch.zeros((size, steps, d), dtype=data.states.dtype)
        labels = torch.full((size, steps), -100, dtype=torch.long)
        entry_keys = torch.zeros((size, width, d), dtype=data.states.dtype)
        entry_values = torch.zeros((size, width), dtype=torch.long)
        entry_scores = torch.zeros((size, width))
        valid = torch.zeros((size, width), dtype=torch.bool)
        for row, ((start, end), memory) in enumerate(zip(spans, memories, strict=True)):
            hidden[row, : end - start] = data.states[start:end]
            labels[row, : end - start] = data.tokens[start:end]
            at = 0
            for j, score in memory:
                s, e = data.span(j)
                entry_keys[row, at : at + e - s] = data.states[s:e]
                entry_values[row, at : at + e - s] = data.tokens[s:e]
                entry_scores[row, at : at + e - s] = score
                valid[row, at : at + e - s] = True
                at += e - s
        mask = valid[:, None, :] & (labels != -100)[:, :, None]
        return _Batch(hidden, labels, entry_keys, entry_values, entry_scores, mask)


def _loss(
    adapter: MemoryAdapter, batch: _Batch, output: Any, label_smoothing: float = 0.0
) -> torch.Tensor:
    """Mean token cross-entropy of ``lm_head(adapter(h))`` (``output``: the base model)."""
    import torch.nn.functional as F

    embeddings = output.get_input_embeddings().weight
    dtype = batch.hidden.dtype  # bf16 states under autocast, float32 otherwise
    memory = adapter.project_memory(
        batch.entry_keys.to(dtype),
        embeddings[batch.entry_values].to(dtype),
        batch.entry_scores.to(dtype),
    )
    fused = adapter(batch.hidden.to(dtype), memory, batch.mask)
    logits = output.lm_head(fused) + output.final_logits_bias
    return F.cross_entropy(
        logits.float().view(-1, logits.size(-1)),
        batch.labels.view(-1),
        ignore_index=-100,
        label_smoothing=label_smoothing,
    )


def evaluate_adapter(
    adapter: MemoryAdapter,
    sampler: _Sampler,
    positions: list[int],
    model: Any,
    batch_size: int = 64,
    device: str = "cpu",
) -> dict[str, float]:
    """Dev loss with the retrieved memory, an unrelated one, and none (which is the base)."""
    import torch

    adapter.eval()
    out: dict[str, float] = {}
    with torch.inference_mode():
        for mode in ("own", "unrelated", "empty"):
            total, count = 0.0, 0
            state = sampler.rng.getstate()
            sampler.rng.seed(0)  # the same unrelated memories at every evaluation
            for start in range(0, len(positions), batch_size):
                chunk = positions[start : start + batch_size]
                batch = _to_device(sampler.batch(chunk, [mode] * len(chunk)), device)
                tokens = int((batch.labels != -100).sum())
                total += float(_loss(adapter, _float(batch), model)) * tokens
                count += tokens
            sampler.rng.setstate(state)
            out[f"loss_{'memory' if mode == 'own' else mode}"] = round(total / max(count, 1), 4)
    adapter.train()
    return out


def _snapshot(adapter: MemoryAdapter) -> dict[str, torch.Tensor]:
    return {name: value.detach().clone() for name, value in adapter.state_dict().items()}


def _to_device(batch: _Batch, device: str) -> _Batch:
    if device == "cpu":
        return batch
    return _Batch(*(getattr(batch, f.name).to(device) for f in fields(_Batch)))


def _float(batch: _Batch) -> _Batch:
    return _Batch(
        batch.hidden.float(),
        batch.labels,
        batch.entry_keys.float(),
        batch.entry_values,
        batch.entry_scores,
        batch.mask,
    )


def train_fusion(
    config: FusionTrainConfig,
    base: str | Path,
    output: str | Path | None = None,
    *,
    progress: ProgressFactory | None = None,
    overwrite: bool = False,
) -> dict[str, Any]:
    """Train an attention adapter for the frozen model ``base``; returns a summary dict.

    ``output`` defaults to ``BASE/fusion-attention``; a folder that holds files already is
    refused before training starts unless ``overwrite`` (:func:`check_output_dir`).
    ``progress(total, initial)`` may return a tqdm-like object; the library prints nothing.
    """
    import torch

    from ltmt.fusion.adapter import (
        AdapterConfig,
        BaseInfo,
        MemoryAdapter,
        embedding_scale,
        embedding_sha1,
    )
    from ltmt.fusion.attention import ADAPTER_SUBDIR
    from ltmt.model.backbone import load_backbone
    from ltmt.train.base import resolve_device, use_bf16

    opt = config.train
    device = resolve_device(opt.device)  # force-decoding runs on the CPU, the adapter here
    bf16 = use_bf16(opt.bf16, device)  # emulated bf16 on CPUs without AVX512-BF16/AMX is slow
    target = Path(output) if output is not None else Path(base) / ADAPTER_SUBDIR
    check_output_dir(target, "attention adapter", overwrite=overwrite)
    backbone = load_backbone(base)
    if opt.threads:
        torch.set_num_threads(opt.threads)
    random.seed(opt.seed)
    torch.manual_seed(opt.seed)
    started = time.monotonic()
    for p in backbone.model.parameters():
        p.requires_grad_(False)

    names, groups = load_groups(config.data, opt.seed)
    adapter_config = AdapterConfig(
        d_model=backbone.d_model,
        embedding_scale=embedding_scale(backbone.model),
        **to_dict(config.adapter),
    )
    retrieval = retrieve_memories(
        names,
        groups,
        config.data,
        opt.seed,
        workers=max(opt.threads, 1),
        selection=adapter_config.selection,  # what AttentionFusion reads at decoding
    )
    needed = len(set(retrieval.queries) | {j for m in retrieval.memories for j, _ in m})
    bar = progress(needed, 0) if progress else None
    data = decode_examples(backbone, retrieval, progress=bar.update if bar is not None else None)
    if bar is not None:
        bar.close()
    prepared_seconds = time.monotonic() - started
    logger.info(
        "force-decoded %d pairs (%d states) in %.0f s",
        needed,
        data.states.size(0),
        prepared_seconds,
    )

    positions = list(range(len(retrieval.queries)))
    random.Random(opt.seed).shuffle(positions)
    n_dev = min(max(1, int(len(positions) * opt.dev_share)), 500) if len(positions) > 1 else 0
    dev, train = positions[:n_dev], positions[n_dev:] or positions
    sampler = _Sampler(data, config.adapter, opt, opt.seed)
    adapter = MemoryAdapter(adapter_config)
    adapter.train()
    model = backbone.model
    adapter.to(device)
    model.to(device)
    optimizer = torch.optim.AdamW(
        adapter.parameters(), lr=opt.peak_lr, weight_decay=opt.weight_decay
    )
    history: list[dict[str, Any]] = []
    initial = evaluate_adapter(adapter, sampler, dev, model, device=device) if dev else {}
    logger.info("dev before training: %s", initial)
    # Early stopping: the adapter kept is the one with the lowest dev loss with memory (step 0,
    # the identity, included), so a run that starts to overfit does not ship its last steps.
    best_loss, best_step = initial.get("loss_memory", math.inf), 0
    best_state = _snapshot(adapter)
    bar = progress(opt.steps, 0) if progress else None
    train_start = time.monotonic()
    step, loss_sum, loss_count = 0, 0.0, 0
    try:
        stopping = time_is_up(train_start, opt.max_minutes)  # over before the first step?
        while not stopping:
            chunk = [sampler.rng.choice(train) for _ in range(opt.batch_examples)]
            batch = _to_device(sampler.batch(chunk, [sampler.mode() for _ in chunk]), device)
            for group in optimizer.param_groups:
                group["lr"] = _lr(step, opt)
            with torch.autocast(device, dtype=torch.bfloat16, enabled=bf16):
                loss = _loss(adapter, batch if bf16 else _float(batch), model, opt.label_smoothing)
            optimizer.zero_grad(set_to_none=True)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(adapter.parameters(), opt.clip_norm)
            optimizer.step()
            step += 1
            loss_sum += float(loss.detach())
            loss_count += 1
            if bar is not None:
                bar.update(1)
            # a run the time budget stops is evaluated there too: its last steps count
            stopping = step == opt.steps or time_is_up(train_start, opt.max_minutes)
            if step % opt.eval_every == 0 or stopping:
                record: dict[str, Any] = {
                    "step": step,
                    "train_loss": round(loss_sum / loss_count, 4),
                }
                if dev:
                    record.update(evaluate_adapter(adapter, sampler, dev, model, device=device))
                history.append(record)
                if record.get("loss_memory", math.inf) < best_loss:
                    best_loss, best_step = record["loss_memory"], step
                    best_state = _snapshot(adapter)
                logger.info("%s", record)
                if bar is not None:
                    bar.set_postfix(loss=record["train_loss"], dev_mem=record.get("loss_memory"))
                loss_sum, loss_count = 0.0, 0
    finally:
        if bar is not None:
            bar.close()
    check_trained(step, opt.max_minutes)
    if dev:
        check_improved(best_step, step, opt.steps, opt.max_minutes)
        adapter.load_state_dict(best_state)
    final = evaluate_adapter(adapter, sampler, dev, model, device=device) if dev else {}
    adapter.to("cpu")
    model.to("cpu")
    summary: dict[str, Any] = {
        "output": str(target.resolve()),
        "base": str(backbone.path.resolve()) if backbone.path is not None else backbone.name,
        "provenance": training_provenance(device, bf16, config.data.data_dir),
        "steps": step,
        "best_step": best_step if dev else step,
        "queries": len(retrieval.queries),
        "dev_queries": len(dev),
        "pairs_decoded": needed,
        "prepare_minutes": round(prepared_seconds / 60, 2),
        "train_minutes": round((time.monotonic() - train_start) / 60, 2),
        "dev_before": initial,
        "dev_after": final,
        "history": history,
        "config": to_dict(config),
    }
    info = BaseInfo(
        name=backbone.name,
        fingerprint=backbone.weights_fingerprint,
        embedding_sha1=embedding_sha1(model),
    )
    adapter.eval()
    adapter.save(target, info, extra={k: v for k, v in summary.items() if k != "history"})
    (target / "train_log.json").write_text(json.dumps(summary, indent=2), "utf-8")
    return summary


def _lr(step: int, opt: FusionOptimisation) -> float:
    """Linear warm-up, then cosine decay to 10 % of the peak."""
    if step < opt.warmup_steps:
        return opt.peak_lr * (step + 1) / opt.warmup_steps
    progress = (step - opt.warmup_steps) / max(opt.steps - opt.warmup_steps, 1)
    return opt.peak_lr * (0.1 + 0.9 * 0.5 * (1 + math.cos(math.pi * min(progress, 1.0))))
