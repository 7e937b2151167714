"""The trained combiner: kNN fusion whose λ is predicted per step by a small network.

kNN fusion (:mod:`ltmt.fusion.knn`) mixes ``p = λ p_knn + (1 - λ) p_model`` with a hand-set λ
(from the nearest distance and the match's fuzzy score). The combiner keeps kNN's neighbours
and distribution and predicts the correction to that λ from what the step shows, in the manner
of adaptive / robust kNN-MT::

    features = [the K nearest distances, the share of distinct tokens among them, the fuzzy
                score, the model's max log-prob and entropy, its log-prob of kNN's top token,
                whether both agree, kNN's max token probability, kNN's own λ]
    λ = clamp(λ_knn + MLP(normalised features), 0, max_lambda)   (the MLP's output ≤ 0 with
                                                                  ``lower_only``)
    T = temperature_knn · exp(clamp(MLP₂(normalised features), ±3))   (with ``temperature``:
        the neighbours' vote is re-weighted at the row's own softmax temperature)
    vote_k ∝ exp(-d_k / T + MLP₃(neighbour k's inputs))   (with ``neighbour_features``: each
        neighbour's differing share — its attention on match-source words the input lacks,
        :mod:`ltmt.fusion.alignment` —, its distance, its gap to the nearest, whether it votes
        for the nearest's token, its rank; and λ reads the nearest's and the mean differing share;
        with ``missing_features`` also what the neighbour's match lacks of the input — the share
        of its words, whether it drops a negation —, and λ reads the nearest's; with
        ``attention_features`` also the step's cross-attention on input words the neighbour's
        match lacks — :func:`ltmt.fusion.alignment.lacked_attention` —, and λ reads the
        nearest's and the least of them; with ``score_features`` also the fuzzy score of the
        neighbour's own match, and λ reads the nearest's)

The MLP's last layer starts at zero, so an untrained combiner *is* kNN fusion. It is trained
(:mod:`ltmt.train.combiner`) on force-decoded pairs whose memory sometimes holds what the base
cannot know and sometimes a word that must not be copied, to minimise the mixture's
cross-entropy. Saved as ``MODEL_DIR/fusion-combiner/``: ``config.json`` (format, version, the
kNN settings it was trained with, its shape, the base it belongs to) + ``model.safetensors``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import torch
from torch import nn

from ltmt.errors import ConfigError
from ltmt.fusion.artifact import load_state, read_artifact, write_artifact
from ltmt.fusion.knn import KnnConfig
from ltmt.fusion.knn_state import KnnState, Neighbours

if TYPE_CHECKING:
    from ltmt.fusion.adapter import BaseInfo

FORMAT = "ltmt-fusion-combiner"
# 2: the config holds ``neighbour_features`` and knn's ``differing_penalty``, which an ltmt
# reading version 1 does not know (it now says "upgrade ltmt" instead of failing on them);
# 3: it holds ``missing_features``; 4: ``attention_features``; 5: ``members`` (an ensemble) and
# ``score_features``
FORMAT_VERSION = 5
FAR = 10.0  # RMS distance standing for "no neighbour"
MAX_LOG_FACTOR = 3.0  # the predicted temperature stays within e^±3 of kNN's
FEATURE_NAMES = (
    "distinct_share",
    "fuzzy_score",
    "model_max_log_prob",
    "model_entropy",
    "model_log_prob_of_knn_top",
    "agree",
    "knn_max_prob",
    "knn_lambda",
)

MODEL_FEATURES = ("model_max_log_prob", "model_entropy", "model_log_prob_of_knn_top", "agree")
DIFFERING_FEATURES = ("nearest_differing", "mean_differing")  # with neighbour_features
NEIGHBOUR_INPUTS = ("differing", "distance", "gap_to_nearest", "same_token_as_nearest", "rank")
MISSING_INPUTS = ("missing", "missing_negation")  # per neighbour, with missing_features
MISSING_FEATURES = ("nearest_missing", "nearest_missing_negation")  # λ's, with missing_features
ATTENTION_INPUTS = ("lacked_attention",)  # per neighbour, with attention_features
ATTENTION_FEATURES = ("nearest_lacked_attention", "least_lacked_attention")  # λ's
SCORE_INPUTS = ("match_score",)  # per neighbour, with score_features
SCORE_FEATURES = ("nearest_match_score",)  # λ's, with score_features


@dataclass(frozen=True)
class CombinerConfig:
    """The combiner's shape and the kNN settings whose neighbours it reads."""

    knn: dict[str, Any] = field(default_factory=dict)
    hidden: int = 32
    max_lambda: float = 1.0
    lower_only: bool = False
    model_features: bool = True
    temperature: bool = False  # predict the vote's softmax temperature too (format v1 has none)
    adjust_lambda: bool = True  # False: λ stays kNN's (a temperature-only combiner)
    neighbour_features: bool = False  # per-neighbour vote weights from the differing share
    missing_features: bool = False  # ... and from what each neighbour's match lacks of the input
    attention_features: bool = False  # ... and from the step's attention on what it lacks
    score_features: bool = False  # ... and from the fuzzy score of each neighbour's own match
    members: int = 1  # nets trained alike from other seeds; their λ and vote offsets averaged

    def __post_init__(self) -> None:  # the one check of these rules (training configs call it)
        for name in ("missing_features", "attention_features", "score_features"):
            if getattr(self, name) and not self.neighbour_features:
                raise ConfigError(f"combiner.{name} needs neighbour_features: true")
        if not isinstance(self.members, int) or self.members < 1:
            raise ConfigError(f"combiner.members must be an integer >= 1, got {self.members!r}")

    @cached_property
    def knn_config(self) -> KnnConfig:
        """The kNN settings (built once: a decoding step reads them)."""
        return KnnConfig(**self.knn)

    @property
    def features(self) -> int:
        return len(self.feature_names)

    @property
    def feature_names(self) -> list[str]:
        distances = [f"distance_{i + 1}" for i in range(self.knn_config.neighbours)]
        extra = DIFFERING_FEATURES if self.neighbour_features else ()
        missing = MISSING_FEATURES if self.missing_features else ()
        attention = ATTENTION_FEATURES if self.attention_features else ()
        scores = SCORE_FEATURES if self.score_features else ()
        return [*distances, *FEATURE_NAMES, *extra, *missing, *attention, *scores]

    @property
    def neighbour_inputs(self) -> tuple[str, ...]:
        """What the per-neighbour head reads (with ``neighbour_features``)."""
        missing = MISSING_INPUTS if self.missing_features else ()
        attention = ATTENTION_INPUTS if self.attention_features else ()
        scores = SCORE_INPUTS if self.score_features else ()
        return NEIGHBOUR_INPUTS + missing + attention + scores


def step_features(
    log_probs: torch.Tensor,
    lam: torch.Tensor,
    tokens: torch.Tensor,
    weights: torch.Tensor,
    distance: torch.Tensor,
    score: torch.Tensor,
    neighbours: int,
    model_features: bool = True,
) -> torch.Tensor:
    """``(a, neighbours + 8)`` features of ``a`` rows (see the module docstring).

    ``log_probs (a, vocab)``: the model's; ``lam (a,)``, ``tokens``/``weights``/``distance
    (a, k)``: :meth:`KnnState.neighbours`'s; ``score (a,)``: best fuzzy score 0-100.
    ``model_features``: False leaves the :data:`MODEL_FEATURES` at 0 instead of reading the
    whole vocabulary (a combiner with ``model_features: false`` multiplies them by 0; its
    training rows keep them, so a decoding step costs a few small products).
    """
    rows, k = distance.shape
    device = distance.device  # every tensor made here lives beside the states (CUDA too)
    far = torch.full((rows, neighbours), FAR, device=device)
    far[:, :k] = distance.float().clamp(max=FAR).nan_to_num(FAR)
    real = distance.isfinite()
    same = tokens[:, :, None] == tokens[:, None, :]
    first = (same & real[:, None, :]).float().argmax(dim=2)  # first real neighbour with my token
    ranks = torch.arange(k, device=device)[None, :]
    distinct = ((first == ranks) & real).sum(dim=1).float() / neighbours
    knn_probs = (same.float() @ weights.float()[:, :, None]).squeeze(2)
    if model_features:
        model = log_probs.float()
        best = model.max(dim=1)  # its indices: the first maximum, as argmax's
        entropy = -(model.exp() * model.clamp_min(-100.0)).sum(dim=1)
        at_top = model.gather(1, tokens[:, :1]).squeeze(1).clamp_min(-20.0)
        agree = (best.indices == tokens[:, 0]).float()
        confidence = [best.values.clamp_min(-20.0), entropy, at_top, agree]
    else:
        confidence = [torch.zeros(rows, device=device)] * len(MODEL_FEATURES)
    extra = torch.stack(
        [distinct, score.float() / 100.0, *confidence, knn_probs.max(dim=1).values, lam.float()],
        dim=1,
    )
    return torch.cat([far, extra], dim=1)


def state_features(
    state: KnnState,
    log_probs: torch.Tensor,
    found: Neighbours,
    rows: torch.Tensor,
    model_features: bool = True,
) -> torch.Tensor:
    """:func:`step_features` of ``rows`` of a kNN state, from its neighbours: what the combiner
    reads at decoding and what its training data records (one function for both)."""
    score = state.memory.best_score[rows]
    lam, tokens, weights, distance = found.lam, found.tokens, found.weights, found.distance
    return step_features(
        log_probs, lam, tokens, weights, distance, score, state.config.neighbours, model_features
    )


def neighbour_inputs(
    distance: torch.Tensor,
    differing: torch.Tensor,
    same: torch.Tensor,
    neighbours: int,
    missing: torch.Tensor | None = None,
    lacked: torch.Tensor | None = None,
    scores: torch.Tensor | None = None,
) -> tuple[torch.Tensor, torch.Tensor]:
    """What the per-neighbour head and λ read of the differing shares (``neighbour_features``).

    ``distance``/``differing (a, k)``, ``same (a, k)`` bool: the neighbour votes for the
    nearest's token; ``k``: at most ``neighbours`` (K; fewer at decoding when a sentence's
    memory has fewer entries, K padded with inf in training rows: a rank reads the same in
    both). Returns the ``(a, k, 5)`` inputs (:data:`NEIGHBOUR_INPUTS`) and the ``(a, 2)`` row
    features (:data:`DIFFERING_FEATURES`); a missing neighbour (inf) reads as ``FAR``.
    ``missing (a, k, 2)``: what each neighbour's match lacks of the input
    (:func:`ltmt.fusion.alignment.missing_words`); given, the inputs end with it
    (:data:`MISSING_INPUTS`) and the row features with the nearest's (:data:`MISSING_FEATURES`).
    ``lacked (a, k)``: the step's attention on input words each neighbour's match lacks; given,
    the inputs end with it and the row features with :data:`ATTENTION_FEATURES`.
    ``scores (a, k)``: the fuzzy score (0-1) of each neighbour's match; given, the inputs end
    with it and the row features with the nearest's (:data:`SCORE_FEATURES`).
    """
    rows, k = distance.shape
    real = distance.isfinite()
    near = distance.float().clamp(max=FAR).nan_to_num(FAR)
    share = differing.float() * real
    rank = torch.arange(k, dtype=torch.float32, device=distance.device) / max(neighbours, 1)
    rank = rank[None, :].expand(rows, k)
    inputs = torch.stack(
        [share, near, (near - near[:, :1]).clamp(0.0, FAR), same.float(), rank], dim=2
    )
    mean = share.sum(dim=1) / real.sum(dim=1).clamp_min(1)
    extra = torch.stack([share[:, 0], mean], dim=1)
    if missing is not None:
        lacks = missing.float() * real[:, :, None]
        inputs, extra = torch.cat([inputs, lacks], dim=2), torch.cat([extra, lacks[:, 0]], dim=1)
    if lacked is not None:
        share = lacked.float() * real
        least = share.masked_fill(~real, 1.0).min(dim=1).values * real.any(dim=1)
        inputs = torch.cat([inputs, share[:, :, None]], dim=2)
        extra = torch.cat([extra, share[:, :1], least[:, None]], dim=1)
    if scores is not None:
        score = scores.float() * real
        inputs, extra = (
            torch.cat([inputs, score[:, :, None]], dim=2),
            torch.cat([extra, score[:, :1]], dim=1),
        )
    return inputs, extra


class CombinerNet(nn.Module):
    """Normalised features → a correction to kNN's λ (zero at initialisation)."""

    def __init__(self, config: CombinerConfig) -> None:
        super().__init__()
        count = config.features
        self.max_lambda = config.max_lambda
        self.lower_only = config.lower_only
        self.adjust_lambda = config.adjust_lambda
        self.mean: torch.Tensor
        self.scale: torch.Tensor
        self.register_buffer("mean", torch.zeros(count))
        self.register_buffer("scale", torch.ones(count))
        used = torch.ones(count)
        if not config.model_features:  # the model's own confidence is not read
            for name in MODEL_FEATURES:
                used[config.knn_config.neighbours + FEATURE_NAMES.index(name)] = 0.0
        self.used: torch.Tensor
        self.register_buffer("used", used, persistent=False)
        self.hidden = nn.Linear(count, config.hidden)
        self.output = nn.Linear(config.hidden, 2 if config.temperature else 1)
        nn.init.zeros_(self.output.weight)
        nn.init.zeros_(self.output.bias)
        self.neighbour: nn.Sequential | None = None
        if config.neighbour_features:  # an offset to each neighbour's vote logit, 0 at first
            last = nn.Linear(16, 1)
            nn.init.zeros_(last.weight)
            nn.init.zeros_(last.bias)
            width = len(config.neighbour_inputs)
            self.neighbour = nn.Sequential(nn.Linear(width, 16), nn.GELU(), last)

    def forward(
        self, features: torch.Tensor, lam: torch.Tensor
    ) -> tuple[torch.Tensor, torch.Tensor]:
        """λ ``(a,)`` and the factor on kNN's temperature ``(a,)`` (ones without a head)."""
        x = (features - self.mean) / self.scale * self.used
        out = self.output(nn.functional.gelu(self.hidden(x)))
        delta = out[:, 0] if self.adjust_lambda else torch.zeros_like(out[:, 0])
        if self.lower_only:  # it may only distrust memory more than kNN does
            delta = delta.clamp(max=0.0)
        if out.size(1) > 1:
            factor = out[:, 1].clamp(-MAX_LOG_FACTOR, MAX_LOG_FACTOR).exp()
        else:
            factor = torch.ones_like(delta)
        return (lam + delta).clamp(0.0, self.max_lambda), factor

    def offsets(self, inputs: torch.Tensor) -> torch.Tensor | None:
        """``(a, K)`` offsets to the neighbours' vote logits from ``inputs (a, K, 5 to 8)``;
        ``None`` without a per-neighbour head."""
        if self.neighbour is None:
            return None
        return self.neighbour(inputs).squeeze(2)


class CombinerEnsemble(nn.Module):
    """``config.members`` combiner nets read as one: the mean of their λ, of their factors on
    kNN's temperature and of their offsets to the neighbours' vote logits (variance reduction:
    members differ only in their initialisation and batch order). Zero-initialised members
    make an untrained ensemble kNN too."""

    def __init__(self, config: CombinerConfig) -> None:
        super().__init__()
        self.members = nn.ModuleList(CombinerNet(config) for _ in range(config.members))

    def forward(
        self, features: torch.Tensor, lam: torch.Tensor
    ) -> tuple[torch.Tensor, torch.Tensor]:
        """The members' mean λ ``(a,)`` and mean temperature factor ``(a,)``."""
        lams, factors = zip(*(net(features, lam) for net in self.nets), strict=True)
        return torch.stack(lams).mean(dim=0), torch.stack(factors).mean(dim=0)

    def offsets(self, inputs: torch.Tensor) -> torch.Tensor | None:
        """The members' mean offsets ``(a, K)`` (``None`` without a per-neighbour head)."""
        found = [offsets for net in self.nets if (offsets := net.offsets(inputs)) is not None]
        return torch.stack(found).mean(dim=0) if found else None

    @property
    def nets(self) -> list[CombinerNet]:
        return cast("list[CombinerNet]", list(self.members))


class Combiner:
    """A combiner network with its config: ``Combiner(config)`` (untrained) or :meth:`load`.

    ``net``: one :class:`CombinerNet`, or a :class:`CombinerEnsemble` with ``config.members``
    above 1 (its state's keys then start with ``members.<i>.``; a single net's do not, as in
    every combiner saved before ensembles)."""

    def __init__(self, config: CombinerConfig) -> None:
        self.config = config
        self.net: CombinerNet | CombinerEnsemble = (
            CombinerNet(config) if config.members == 1 else CombinerEnsemble(config)
        )

    @classmethod
    def ensemble(cls, members: list[Combiner]) -> Combiner:
        """One combiner reading ``members`` (single nets of one config) as their mean."""
        config = replace(members[0].config, members=len(members))
        if any(replace(m.config, members=len(members)) != config for m in members):
            raise ConfigError("an ensemble's members must share one combiner config")
        if len(members) == 1:
            return members[0]
        combined = cls(config)
        assert isinstance(combined.net, CombinerEnsemble)
        for net, member in zip(combined.net.members, members, strict=True):
            net.load_state_dict(member.net.state_dict())
        combined.net.eval()
        return combined

    def lambdas(self, features: torch.Tensor, lam: torch.Tensor) -> torch.Tensor:
        """λ ``(a,)`` for ``features (a, F)`` and kNN's own ``lam (a,)``."""
        return self.net(features, lam.float())[0]

    def predict(
        self, features: torch.Tensor, lam: torch.Tensor
    ) -> tuple[torch.Tensor, torch.Tensor]:
        """λ ``(a,)`` and the temperature ``(a,)`` of the neighbours' vote."""
        lam, factor = self.net(features, lam.float())
        return lam, factor * self.config.knn_config.temperature

    def inputs(
        self,
        features: torch.Tensor,
        distance: torch.Tensor,
        differing: torch.Tensor,
        same: torch.Tensor,
        missing: torch.Tensor | None = None,
        lacked: torch.Tensor | None = None,
        scores: torch.Tensor | None = None,
    ) -> tuple[torch.Tensor, torch.Tensor | None]:
        """The row features this combiner reads (``features`` + the differing ones with
        ``neighbour_features``, + the missing ones with ``missing_features``: ``missing (a, k,
        2)`` is then required, + the attention ones with ``attention_features``: ``lacked (a,
        k)`` is then required, + the score one with ``score_features``: ``scores (a, k)`` is then
        required) and its per-neighbour inputs (``None`` without)."""
        if not self.config.neighbour_features:
            return features, None
        neighbours = self.config.knn_config.neighbours
        if not self.config.missing_features:
            missing = None
        elif missing is None:
            raise ConfigError("this combiner reads missing_features: featurise its rows again")
        if not self.config.attention_features:
            lacked = None
        elif lacked is None:
            raise ConfigError("this combiner reads attention_features: featurise its rows again")
        if not self.config.score_features:
            scores = None
        elif scores is None:
            raise ConfigError("this combiner reads score_features: featurise its rows again")
        per_neighbour, extra = neighbour_inputs(
            distance, differing, same, neighbours, missing, lacked, scores
        )
        return torch.cat([features, extra], dim=1), per_neighbour

    def save(
        self, directory: str | Path, base: BaseInfo, extra: dict[str, Any] | None = None
    ) -> Path:
        """Write ``config.json`` + ``model.safetensors`` into ``directory`` (created)."""
        meta = {
            "combiner": asdict(self.config),
            "features": self.config.feature_names,
            "base": asdict(base),
            "training": extra or {},
        }
        return write_artifact(directory, FORMAT, FORMAT_VERSION, self.net.state_dict(), meta)

    @classmethod
    def load(cls, directory: str | Path) -> tuple[Combiner, BaseInfo]:
        """Read a combiner directory written by :meth:`save`."""
        from ltmt.fusion.adapter import BaseInfo

        what = "trained combiner"
        hint = "train one: ltmt train fusion --config configs/train/fusion-combiner-en-de.yaml"
        meta, state = read_artifact(directory, FORMAT, FORMAT_VERSION, what, hint)
        combiner = cls(CombinerConfig(**meta["combiner"]))
        load_state(combiner.net, state, Path(directory), what, hint)
        combiner.net.eval()
        return combiner, BaseInfo(**meta.get("base", {}))
