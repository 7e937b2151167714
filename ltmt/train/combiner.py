"""``ltmt train fusion`` with a combiner config: train kNN fusion's λ combiner on a frozen base.

    ltmt train fusion --config configs/train/fusion-combiner-en-de.yaml \
        --base ltmt/models/default-en-de [--output DIR]

Steps: retrieve leave-one-out memory for sampled ``l10n/train`` pairs
(:func:`ltmt.train.fusion_data.retrieve_memories`), turn the queries into variants whose memory
matters or misleads (:mod:`ltmt.train.combiner_data`), force-decode them once and cache each
target position's features, then fit the combiner to the mixture's cross-entropy
``-log(λ p_knn(y) + (1 - λ) p_model(y))`` (seconds). The combiner kept is the one with the
lowest dev loss (step 0, which is plain kNN, included). The output, by default
``BASE/fusion-combiner``, is where ``--fusion knn-trained`` finds it.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import logging
import math
import random
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ltmt.config import check_range, to_dict, typed_fields, unknown_keys, unknown_keys_error
from ltmt.errors import ConfigError
from ltmt.train.combiner_data import (
    VARIANTS,
    Example,
    StepRows,
    VariantShares,
    build_examples,
    featurise,
    load_cached,
)
from ltmt.train.combiner_risk import (
    RiskRows,
    build_risk_rows,
    candidates,
    load_risk_rows,
    save_risk_rows,
    sequence_risk,
)
from ltmt.train.fusion_data import FusionDataSpec, load_groups, retrieve_memories
from ltmt.train.output import (
    check_improved,
    check_output_dir,
    check_trained,
    time_is_up,
    training_provenance,
)

if TYPE_CHECKING:
    import torch

    from ltmt.fusion.combiner import Combiner, CombinerConfig

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class CombinerShape:
    """The network (``hidden`` units, λ at most ``max_lambda``, never above kNN's with
    ``lower_only``, the vote's temperature predicted too with ``temperature``, λ left to kNN
    with ``adjust_lambda: false``, each neighbour's vote weighed by its differing share with
    ``neighbour_features``, and by what its match lacks of the input with ``missing_features``,
    and by the step's cross-attention on input words its match lacks with ``attention_features``,
    and by the fuzzy score of its own match with ``score_features``; ``members`` nets trained
    alike from seeds ``seed``, ``seed + 1``... and read as their mean) and the kNN settings it reads
    (any :class:`ltmt.fusion.knn.KnnConfig` field; the rest keep knn's defaults)."""

    hidden: int = 32
    max_lambda: float = 1.0
    lower_only: bool = False
    model_features: bool = True
    temperature: bool = False
    adjust_lambda: bool = True
    neighbour_features: bool = False
    missing_features: bool = False
    attention_features: bool = False
    score_features: bool = False
    members: int = 1
    knn: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        from ltmt.fusion.knn import KnnConfig

        if self.hidden < 1:
            raise ConfigError(f"combiner.hidden must be >= 1, got {self.hidden}")
        for name in (
            "lower_only",
            "model_features",
            "temperature",
            "adjust_lambda",
            "neighbour_features",
            "missing_features",
            "attention_features",
            "score_features",
        ):
            if not isinstance(getattr(self, name), bool):
                raise ConfigError(
                    f"combiner.{name} must be true or false, got {getattr(self, name)!r}"
                )
        from ltmt.fusion.combiner import CombinerConfig

        CombinerConfig(**to_dict(self))  # the features' rules, as a saved combiner's config
        if not (self.adjust_lambda or self.temperature):
            raise ConfigError("combiner.adjust_lambda: false needs temperature: true")
        if not 0 < self.max_lambda <= 1:
            raise ConfigError(f"combiner.max_lambda must be in (0, 1], got {self.max_lambda}")
        if not isinstance(self.knn, dict):
            raise ConfigError(f"combiner.knn must be a mapping of knn settings, got {self.knn!r}")
        known = [f.name for f in dataclasses.fields(KnnConfig)]
        unknown = unknown_keys(self.knn, known)
        if unknown:
            raise unknown_keys_error("combiner.knn", unknown, known)
        object.__setattr__(self, "knn", typed_fields(KnnConfig, self.knn, "combiner.knn."))
        KnnConfig(**self.knn)  # its own checks of the values


@dataclass(frozen=True)
class CombinerOptimisation:
    """Optimiser and split of the combiner training (rows are target positions).

    ``exclude``: variants left out of the training rows (an ablation; dev keeps them all).
    ``rows_cache``: a file keeping the featurised rows, reused when it exists (same config!).
    ``dev_split``: ``examples`` (a random ``dev_share`` of the queries) or ``products`` (every
    query of a random ``dev_share`` of the products: dev measures products never trained on).
    ``risk_weight``: adds this times the sequence-level risk over each query's n-best
    translations (:mod:`ltmt.train.combiner_risk`: ``risk_beam`` of them, ``risk_queries``
    queries a step, of the variants ``risk_variants`` only when given) to the token-level loss,
    and the dev-best step is the one with the lowest sum of both on the dev queries; 0 (the
    default): the token-level loss alone.
    """

    steps: int = 2000
    batch_rows: int = 4096
    peak_lr: float = 0.003
    weight_decay: float = 0.0
    dev_share: float = 0.1
    eval_every: int = 100
    max_minutes: float = 0.0
    threads: int = 0
    seed: int = 1
    exclude: tuple[str, ...] = ()
    rows_cache: str = ""
    dev_split: str = "examples"
    risk_weight: float = 0.0
    risk_beam: int = 4
    risk_queries: int = 256
    risk_variants: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.dev_split not in ("examples", "products"):
            raise ConfigError(
                f"train.dev_split must be examples or products, got {self.dev_split!r}"
            )
        for name in ("exclude", "risk_variants"):
            value = getattr(self, name)
            if isinstance(value, str) or not all(isinstance(v, str) for v in value):
                raise ConfigError(
                    f"train.{name} must be a list of variants, e.g. [term], got {value!r}"
                )
            unknown = sorted(set(value) - set(VARIANTS))
            if unknown:
                raise ConfigError(f"train.{name}: unknown variant(s) {unknown}; known: {VARIANTS}")
        for name in ("steps", "batch_rows", "peak_lr", "eval_every"):
            if not getattr(self, name) > 0:
                raise ConfigError(f"train.{name} must be > 0, got {getattr(self, name)!r}")
        if not 0 < self.dev_share < 1:
            raise ConfigError(f"train.dev_share must be in (0, 1), got {self.dev_share!r}")
        check_range("train.max_minutes", self.max_minutes, at_least=0)  # 0: no time limit
        if not self.risk_weight >= 0:
            raise ConfigError(f"train.risk_weight must be >= 0, got {self.risk_weight!r}")
        for name, least in (("risk_beam", 2), ("risk_queries", 1)):
            value = getattr(self, name)
            if not isinstance(value, int) or value < least:
                raise ConfigError(f"train.{name} must be an integer >= {least}, got {value!r}")


@dataclass(frozen=True)
class CombinerTrainConfig:
    """A combiner training config (``method: combiner`` in the YAML)."""

    method: str = "combiner"
    combiner: CombinerShape = field(default_factory=CombinerShape)
    data: FusionDataSpec = field(default_factory=FusionDataSpec)
    variants: VariantShares = field(default_factory=VariantShares)
    train: CombinerOptimisation = field(default_factory=CombinerOptimisation)

    def __post_init__(self) -> None:
        if self.method != "combiner":
            raise ConfigError(f"method must be combiner here, got {self.method!r}")


def mixture_loss(combiner: Combiner, rows: StepRows, index: torch.Tensor | None = None) -> Any:
    """Mean ``-log(λ p_knn(y) + (1 - λ) p_model(y))`` over ``rows`` (or those at ``index``);
    ``p_knn`` at the predicted temperature when the combiner predicts one."""
    import torch

    if index is None:
        index = torch.arange(rows.features.size(0))
    return -mixture_log_probs(combiner, rows, index).mean()


def mixture_log_probs(combiner: Combiner, rows: StepRows, index: torch.Tensor) -> Any:
    """``log(λ p_knn(y) + (1 - λ) p_model(y))`` of each row at ``index``."""
    import torch

    features, per_neighbour = combiner_inputs(combiner, rows, index)
    mixed, temperature = combiner.predict(features, rows.knn_lambda[index])
    if per_neighbour is not None:
        offsets = combiner.net.offsets(per_neighbour)
        knn_gold = rows.knn_gold_at(temperature, index, offsets)
    elif combiner.config.temperature:
        knn_gold = rows.knn_gold_at(temperature, index)
    else:
        knn_gold = rows.knn_gold[index]
    from_memory = torch.log((mixed * knn_gold).clamp_min(1e-30))
    from_model = torch.log1p(-mixed.clamp(max=1 - 1e-6)) + rows.model_gold[index]
    return torch.logaddexp(from_memory, from_model)


def combiner_inputs(
    combiner: Combiner, rows: StepRows, index: torch.Tensor
) -> tuple[torch.Tensor, torch.Tensor | None]:
    """The row features and per-neighbour inputs ``combiner`` reads at ``rows[index]``
    (:meth:`Combiner.inputs`, as at decoding)."""
    missing = None if rows.missing is None else rows.missing[index]
    lacked = None if rows.lacked is None else rows.lacked[index]
    scores = None if rows.match_score is None else rows.match_score[index]
    return combiner.inputs(
        rows.features[index],
        rows.distance[index],
        rows.differing[index],
        rows.same[index],
        missing,
        lacked,
        scores,
    )


def dev_losses(
    combiner: Combiner,
    rows: StepRows,
    dev: torch.Tensor,
    variant: torch.Tensor,
    risk: Risk | None = None,
) -> dict[str, float]:
    """Dev loss and mean λ, overall and per variant; with ``risk``, the dev queries' risk and
    ``objective`` (the loss + ``risk.weight`` times it, what the dev-best step minimises)."""
    import torch

    with torch.no_grad():
        out = {"loss": round(float(mixture_loss(combiner, rows, dev)), 4)}
        if risk is not None:
            value = float(sequence_risk(combiner, risk.rows, risk.dev))
            out["risk"] = round(value, 4)
            out["objective"] = round(out["loss"] + risk.weight * value, 4)
        lam = combiner.lambdas(combiner_inputs(combiner, rows, dev)[0], rows.knn_lambda[dev])
        for code, name in enumerate(VARIANTS):
            chosen = variant[dev] == code
            if bool(chosen.any()):
                loss = mixture_loss(combiner, rows, dev[chosen])
                out[f"loss_{name}"] = round(float(loss), 4)
                out[f"lambda_{name}"] = round(float(lam[chosen].mean()), 4)
    return out


def train_combiner(
    config: CombinerTrainConfig,
    base: str | Path,
    output: str | Path | None = None,
    *,
    progress: Any = None,
    overwrite: bool = False,
) -> dict[str, Any]:
    """Train a combiner for the frozen model ``base``; save it; return a summary dict.

    ``output`` defaults to ``BASE/fusion-combiner``; a folder that holds files already is
    refused before training starts unless ``overwrite`` (:func:`check_output_dir`)."""
    import torch

    from ltmt.fusion.adapter import BaseInfo, embedding_sha1
    from ltmt.fusion.combiner import Combiner, CombinerConfig
    from ltmt.fusion.knn import KnnConfig, KnnFusion
    from ltmt.fusion.registry import COMBINER_SUBDIR
    from ltmt.model.backbone import load_backbone

    opt = config.train
    if opt.threads:
        torch.set_num_threads(opt.threads)
    torch.manual_seed(opt.seed)
    started = time.monotonic()
    target = Path(output) if output is not None else Path(base) / COMBINER_SUBDIR
    check_output_dir(target, "trained combiner", overwrite=overwrite)
    backbone = load_backbone(base)
    names, groups = load_groups(config.data, opt.seed)
    retrieval = retrieve_memories(names, groups, config.data, opt.seed)
    examples = build_examples(retrieval, config.variants, opt.seed)
    knn = KnnConfig(**config.combiner.knn)
    # one fusion for the rows and the risk's candidates: a memory pair in its cache is not
    # force-decoded again
    fusion = KnnFusion(knn, reads_attention=config.combiner.attention_features, reads_shares=True)
    cache = Path(opt.rows_cache) if opt.rows_cache else None
    if cache is not None and cache.is_file():  # the same config's rows, featurised before
        rows = load_rows(cache)
        for name, held in (
            ("missing_features", rows.missing),
            ("attention_features", rows.lacked),
            ("score_features", rows.match_score),
        ):
            if getattr(config.combiner, name) and held is None:
                raise ConfigError(
                    f"{cache} holds rows without {name}; delete it to featurise again"
                )
    else:
        with _progress(progress, len(examples)) as update:
            rows = featurise(backbone, fusion, examples, progress=update)
        if cache is not None:
            cache.parent.mkdir(parents=True, exist_ok=True)
            torch.save(vars(rows), cache)
    risk_rows = None
    if opt.risk_weight > 0:
        risk_cache = None if cache is None else cache.with_name(cache.name + ".risk")
        if risk_cache is not None and risk_cache.is_file():
            risk_rows = load_risk_rows(risk_cache)
        else:
            with _progress(progress, len(examples)) as update:
                found = candidates(backbone, fusion, examples, beam=opt.risk_beam, progress=update)
            risk_rows = build_risk_rows(backbone, fusion, found)
            if risk_cache is not None:
                save_risk_rows(risk_rows, risk_cache)
    prepared = time.monotonic() - started
    example_variant = torch.tensor([VARIANTS.index(e.variant) for e in examples])
    variant = example_variant[rows.example]
    logger.info(
        "%d rows from %d examples in %.0f s", rows.features.size(0), len(examples), prepared
    )

    dev_examples = dev_split(examples, opt)
    is_dev = dev_examples[rows.example]
    left_out = torch.tensor([VARIANTS.index(v) for v in opt.exclude], dtype=torch.long)
    kept = ~is_dev & ~torch.isin(variant, left_out)
    dev, train = torch.nonzero(is_dev).flatten(), torch.nonzero(kept).flatten()
    if train.numel() == 0:
        raise ConfigError("too few training rows: raise data.queries_per_group")
    risk = None
    if risk_rows is not None:
        risk = _risk_term(risk_rows, example_variant, dev_examples, left_out, opt)

    single = CombinerConfig(knn=to_dict(knn), **{**_shape(config.combiner), "members": 1})
    train_start = time.monotonic()
    fits = [
        fit_member(single, rows, train, dev, variant, opt, opt.seed + i, risk)
        for i in range(config.combiner.members)
    ]
    combiner = Combiner.ensemble([fit.combiner for fit in fits])
    before, history, best_step = fits[0].before, fits[0].history, fits[0].best_step
    after = dev_losses(combiner, rows, dev, variant, risk)
    counts = {name: sum(e.variant == name for e in examples) for name in VARIANTS}
    summary: dict[str, Any] = {
        "output": str(target.resolve()),
        "base": str(backbone.path.resolve()) if backbone.path is not None else backbone.name,
        "provenance": training_provenance("cpu", False, config.data.data_dir),
        "examples": len(examples),
        "variants": counts,
        "rows": int(rows.features.size(0)),
        "dev_rows": int(dev.numel()),
        **({} if risk is None else risk.counts()),
        "steps": fits[0].steps,
        "best_step": best_step,
        "prepare_minutes": round(prepared / 60, 2),
        "train_minutes": round((time.monotonic() - train_start) / 60, 2),
        "dev_before": before,
        "dev_after": after,
        "config": to_dict(config),
    }
    if len(fits) > 1:  # each member's own dev-best step and loss (seeds seed, seed + 1, ...)
        summary["members"] = [
            {"seed": opt.seed + i, "best_step": fit.best_step, "dev_loss": fit.best_loss}
            for i, fit in enumerate(fits)
        ]
    info = BaseInfo(
        name=backbone.name,
        fingerprint=backbone.weights_fingerprint,
        embedding_sha1=embedding_sha1(backbone.model),
    )
    combiner.save(target, info, extra=summary)
    (target / "train_log.json").write_text(
        json.dumps({**summary, "history": history}, indent=2), "utf-8"
    )
    return summary


@contextlib.contextmanager
def _progress(progress: Any, total: int) -> Iterator[Callable[[int], None] | None]:
    """The ``update`` of a progress bar over ``total`` examples (``progress(total, 0)``; closed
    after), or ``None`` without one."""
    if not progress:
        yield None
        return
    bar = progress(total, 0)
    try:
        yield bar.update
    finally:
        bar.close()


def _risk_term(
    rows: RiskRows,
    example_variant: torch.Tensor,
    dev_examples: torch.Tensor,
    left_out: torch.Tensor,
    opt: CombinerOptimisation,
) -> Risk:
    """The risk's train and dev queries: the examples with candidates, of ``risk_variants``
    when given, split as the rows are (dev examples; ``exclude``'s variants left out of train)."""
    import torch

    queries = rows.queries()
    if opt.risk_variants:  # the risk of these variants' queries only
        chosen = torch.tensor([VARIANTS.index(v) for v in opt.risk_variants])
        queries = queries[torch.isin(example_variant[queries], chosen)]
    trainable = ~dev_examples[queries] & ~torch.isin(example_variant[queries], left_out)
    risk = Risk(rows, queries[trainable], queries[dev_examples[queries]], opt.risk_weight)
    if risk.train.numel() == 0 or risk.dev.numel() == 0:
        raise ConfigError("too few queries with candidates: raise data.queries_per_group")
    return risk


@dataclass
class Risk:
    """The sequence-level term of a training: candidates' rows, the train and dev queries
    (example indices) and its weight."""

    rows: RiskRows
    train: torch.Tensor
    dev: torch.Tensor
    weight: float

    def counts(self) -> dict[str, int]:
        """What a training log records of it: its candidates, train and dev queries."""
        return {
            "risk_candidates": int(self.rows.query.numel()),
            "risk_train_queries": int(self.train.numel()),
            "risk_dev_queries": int(self.dev.numel()),
        }


@dataclass
class MemberFit:
    """One trained net: the combiner at its dev-best step and how it got there."""

    combiner: Combiner
    before: dict[str, float]
    history: list[dict[str, Any]]
    best_step: int
    best_loss: float
    steps: int


def fit_member(
    config: CombinerConfig,
    rows: StepRows,
    train: torch.Tensor,
    dev: torch.Tensor,
    variant: torch.Tensor,
    opt: CombinerOptimisation,
    seed: int,
    risk: Risk | None = None,
) -> MemberFit:
    """Train one combiner net of ``config`` on ``rows[train]`` (initialisation and batches from
    ``seed``) and keep its lowest-dev-loss step (step 0, plain kNN, included); with ``risk``,
    the sequence-level term is added and the step with the lowest dev objective is kept."""
    import torch

    from ltmt.fusion.combiner import Combiner, CombinerNet

    torch.manual_seed(seed)
    combiner = Combiner(config)
    net = combiner.net
    assert isinstance(net, CombinerNet)  # config.members == 1
    features = combiner_inputs(combiner, rows, train)[0]
    net.mean.copy_(features.mean(dim=0))
    net.scale.copy_(features.std(dim=0).clamp_min(1e-3))
    key = "loss" if risk is None else "objective"
    before = dev_losses(combiner, rows, dev, variant, risk)
    logger.info("dev before training (plain knn): %s", before)
    best, best_step = before[key], 0
    best_state = {k: v.clone() for k, v in net.state_dict().items()}
    optimizer = torch.optim.AdamW(net.parameters(), lr=opt.peak_lr, weight_decay=opt.weight_decay)
    generator = torch.Generator().manual_seed(seed)
    history = []
    train_start = time.monotonic()
    step = 0
    stopping = time_is_up(train_start, opt.max_minutes)  # over before the first step?
    while not stopping:
        pick = train[torch.randint(train.numel(), (opt.batch_rows,), generator=generator)]
        for group in optimizer.param_groups:
            group["lr"] = opt.peak_lr * 0.5 * (1 + math.cos(math.pi * step / opt.steps))
        loss = mixture_loss(combiner, rows, pick)
        if risk is not None:
            queries = risk.train[
                torch.randint(risk.train.numel(), (opt.risk_queries,), generator=generator)
            ]
            loss = loss + risk.weight * sequence_risk(combiner, risk.rows, queries)
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        optimizer.step()
        step += 1
        # a run the time budget stops is evaluated there too: its last steps count
        stopping = step == opt.steps or time_is_up(train_start, opt.max_minutes)
        if step % opt.eval_every == 0 or stopping:
            record = {"step": step, "train_loss": round(float(loss.detach()), 4)}
            record.update(dev_losses(combiner, rows, dev, variant, risk))
            history.append(record)
            if record[key] < best:
                best, best_step = record[key], step
                best_state = {k: v.clone() for k, v in net.state_dict().items()}
    check_trained(step, opt.max_minutes)
    check_improved(best_step, step, opt.steps, opt.max_minutes)
    net.load_state_dict(best_state)
    net.eval()
    logger.info("seed %d: best dev %s %.4f at step %d", seed, key, best, best_step)
    return MemberFit(combiner, before, history, best_step, best, step)


def load_rows(path: Path) -> StepRows:
    """The featurised rows cached at ``path`` (``train.rows_cache``)."""
    held = load_cached(path, "featurised rows")
    try:
        return StepRows(**held)
    except TypeError:
        raise ConfigError(
            f"{path} holds featurised rows of an older ltmt; delete it to featurise again"
        ) from None


def dev_split(examples: list[Example], opt: CombinerOptimisation) -> torch.Tensor:
    """``(examples,)`` bool: the dev examples, whole examples (no pair on both sides) or whole
    products (``opt.dev_split``)."""
    import torch

    rng = random.Random(opt.seed)
    if opt.dev_split == "products":
        products = sorted({e.group for e in examples})
        rng.shuffle(products)
        held = set(products[: max(1, round(len(products) * opt.dev_share))])
        return torch.tensor([e.group in held for e in examples], dtype=torch.bool)
    order = list(range(len(examples)))
    rng.shuffle(order)
    dev = torch.zeros(len(examples), dtype=torch.bool)
    dev[order[: max(1, int(len(order) * opt.dev_share))]] = True
    return dev


def _shape(shape: CombinerShape) -> dict[str, Any]:
    return {k: v for k, v in to_dict(shape).items() if k != "knn"}
