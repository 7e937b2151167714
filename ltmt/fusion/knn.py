"""Training-free token-level kNN fusion over a tiny per-sentence datastore (kNN-MT / SK-MT).

For each input, its retrieved matches are force-decoded by the same model
(:mod:`ltmt.fusion.datastore`); every target position gives a key (the decoder state) and a
value (the next token). At each step a row's state is compared with its own sentence's keys:

* ``d`` = L2 distance / sqrt(d_model) (the RMS distance per dimension, so settings carry across
  model sizes), plus ``context_penalty`` for each of the last ``context`` target tokens that the
  entry's own history does not share with the row's hypothesis (the longest common suffix
  counts): an entry that follows the same words is nearer, so a weak model whose states drift
  still keeps copying a memory it is aligned with. The ``neighbours`` nearest are kept;
* ``p_knn`` = softmax(-d / temperature) summed onto their tokens;
* ``λ`` = lambda_max · max(0, 1 - d_min / tau) · (best fuzzy score / 100) ** score_exponent —
  a memory that does not look like the current context gets λ = 0;
* ``p`` = λ · p_knn + (1 - λ) · p_model, returned as log-probabilities.

Rows whose sentence has no usable match are returned untouched (bit-identical to the base model).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from ltmt.config import check_choice, check_range
from ltmt.errors import ConfigError
from ltmt.fusion.datastore import BatchMemory, SegmentCache, prepare_batch_memory
from ltmt.fusion.knn_state import KnnState, Neighbours
from ltmt.fusion.selection import MatchSelection

if TYPE_CHECKING:
    from ltmt.model.backbone import Backbone
    from ltmt.segments import Match

# The wary settings (:meth:`KnnConfig.wary`): the copy guard's second decode of an output that
# repeated a match whose source says something else (:mod:`ltmt.copy_guard`).
WARY_DIFFERING_PENALTY = 2.0
WARY_MEMORY_EOS = "none"


@dataclass(frozen=True)
class KnnConfig:
    """Hyper-parameters of :class:`KnnFusion` (defaults tuned on the dev users).

    ``neighbours``: K nearest entries per step. ``temperature``: softmax temperature over RMS
    distances. ``tau``: the RMS distance at which λ reaches 0. ``lambda_max``: λ of a perfect
    match. ``score_exponent``: λ is scaled by (best fuzzy score / 100) ** score_exponent.
    ``min_score``: matches below this fuzzy score are ignored. ``max_matches``: at most this
    many matches per input are read, none more than ``match_margin`` points below the best
    (100: all; 10 ran 13 % faster for 0.2 BLEU less on the tuning sample).
    ``min_best_score``: an input is fused only when its best match scores at least this (and
    ``min_score``): a method may read weaker matches beside a good one (the shipped trained
    combiner reads them from 40 when the best reaches 50) without fusing weak ones alone.
    ``cache_size``: force-decoded segments kept (0: no cache).
    ``memory_eos``: which neighbours may vote for ``</s>``: ``all``, only the ``nearest``, ``none``.
    ``context``: target tokens of history compared (0-4); ``context_penalty``: RMS distance
    added per token of that history the entry does not share (0: states alone decide).
    ``repair``: carry the input's verbatim words into matches first (:mod:`ltmt.fusion.repair`).
    ``differing_penalty``: RMS distance added to an entry per unit of its cross-attention on
    match-source words the input lacks (:mod:`ltmt.fusion.alignment`; 0: not read).

    Tuned with ``eval/tune_knn.py`` on the dev users (80 segments each, beam 4) for the shipped
    default model: ``tau`` 2.5 and ``lambda_max`` 0.8 scored 48.5 BLEU against 45.4-48.4 for
    ``tau`` 2-3 and ``lambda_max`` 0.6-1 (a stronger base earns a share of the vote even on a
    perfect match).
    ``memory_eos`` ``nearest``: a match that ends where the input goes on ends the output only
    when its end is the nearest entry (48.6 BLEU and 98.9 % placeholders kept, against 48.5 and
    98.5 % with ``all``; ``none`` scored 48.7 and 99.3 % but cannot end a sentence on a model
    that relies on memory for it, as a tiny random one does).
    Retune when the base model changes much (``--distances`` shows where its RMS distances lie).
    """

    neighbours: int = 4
    temperature: float = 0.1
    tau: float = 2.5
    lambda_max: float = 0.8
    score_exponent: float = 0.5
    min_score: float = 50.0
    max_matches: int = 2
    match_margin: float = 100.0
    cache_size: int = 4096
    memory_eos: str = "nearest"
    context: int = 3
    context_penalty: float = 0.5
    repair: bool = True
    differing_penalty: float = 0.0
    min_best_score: float = 0.0

    def __post_init__(self) -> None:
        check_range("knn neighbours", self.neighbours, at_least=1)
        check_range("knn temperature", self.temperature, above=0)
        check_range("knn tau", self.tau, above=0)
        check_range("knn lambda_max", self.lambda_max, at_least=0, at_most=1)
        check_range("knn score_exponent", self.score_exponent, at_least=0)
        check_range("knn min_score", self.min_score, at_least=0, at_most=100)
        check_range("knn min_best_score", self.min_best_score, at_least=0, at_most=100)
        check_range("knn max_matches", self.max_matches, at_least=1)
        check_range("knn match_margin", self.match_margin, at_least=0)
        check_choice("knn memory_eos", self.memory_eos, ("all", "nearest", "none"))
        check_range("knn context", self.context, at_least=0, at_most=4)
        for name in ("context_penalty", "differing_penalty", "cache_size"):
            check_range(f"knn {name}", getattr(self, name), at_least=0)

    def wary(self) -> KnnConfig:
        """These settings for an input its memory misled: entries translated from match words
        the input lacks pushed away (``differing_penalty`` at least
        :data:`WARY_DIFFERING_PENALTY`) and no memory vote for ``</s>`` (the model alone ends the
        output, so a match that ends where the input goes on cannot cut it short)."""
        penalty = max(self.differing_penalty, WARY_DIFFERING_PENALTY)
        return replace(self, differing_penalty=penalty, memory_eos=WARY_MEMORY_EOS)

    @property
    def selection(self) -> MatchSelection:
        """The matches this method reads (:mod:`ltmt.fusion.selection`)."""
        return MatchSelection(
            self.min_score,
            self.max_matches,
            self.match_margin,
            True,
            self.repair,
            min_best=self.min_best_score,
        )


class KnnFusion:
    """kNN fusion: ``KnnFusion()``, ``KnnFusion(KnnConfig(...))`` or ``KnnFusion(tau=0.4, ...)``.

    Owns an LRU of force-decoded memory segments keyed by the backbone fingerprint and the
    segment's user, id and texts: a new model or an edited segment never hits a stale entry.
    """

    name = "knn"
    # :meth:`prepare` may run on several threads at once (its segment cache locks itself)
    concurrent_prepare = True

    def __init__(
        self,
        config: KnnConfig | None = None,
        *,
        reads_attention: bool = False,
        reads_shares: bool = False,
        **options: float,
    ) -> None:
        if config is not None and options:
            raise ConfigError("pass either a KnnConfig or keyword options, not both")
        self.config = config if config is not None else KnnConfig(**options)  # type: ignore[arg-type]
        self.cache = SegmentCache(self.config.cache_size)
        self._reads_attention = reads_attention
        self._reads_shares = reads_shares

    @property
    def reads_attention(self) -> bool:
        """Whether :meth:`prepare` marks the input positions each match lacks
        (``BatchMemory.lacked``), for a combiner that reads the decoder's cross-attention on
        them (``CombinerConfig.attention_features``; training featurises rows with it). Its
        states then read the step's attention (:attr:`KnnState.reads_attention`)."""
        return self._reads_attention

    @property
    def reads_differing(self) -> bool:
        """Whether its states read each entry's differing share
        (:func:`ltmt.fusion.alignment.differing_shares`): with a ``differing_penalty``, or
        ``reads_shares`` (a trainer featurising a combiner's rows). A batch's memory computes the
        shares only for a method that reads them."""
        return self._reads_shares or self.config.differing_penalty > 0

    @property
    def reads_missing(self) -> bool:
        """Whether its states read what each match lacks of the input
        (:func:`ltmt.fusion.alignment.missing_words`): only with ``reads_shares``."""
        return self._reads_shares

    def matches_read(self, backbone: Backbone) -> int:
        """The most matches per input this method reads (``max_matches``): the translator
        retrieves at least this many, so that the match selection can choose among them."""
        return self.config.max_matches

    def selection_for(self, backbone: Backbone) -> MatchSelection:
        """The matches this method reads over ``backbone`` (:attr:`KnnConfig.selection`): the
        translator routes each input by it (:func:`ltmt.routing.needs_fusion`)."""
        return self.config.selection

    def prepare(
        self, backbone: Backbone, sources: Sequence[str], matches: Sequence[Sequence[Match]]
    ) -> KnnState | None:
        """Force-decode the usable matches of each input; ``None`` when no input has one."""
        return self._prepare(backbone, sources, matches, wary=False)

    def prepare_wary(
        self, backbone: Backbone, sources: Sequence[str], matches: Sequence[Sequence[Match]]
    ) -> KnnState | None:
        """:meth:`prepare` with the wary settings (:meth:`KnnConfig.wary`), for the copy
        guard's second decode (:mod:`ltmt.copy_guard`); the same matches, read from the same
        segment cache."""
        return self._prepare(backbone, sources, matches, wary=True)

    def _prepare(
        self,
        backbone: Backbone,
        sources: Sequence[str],
        matches: Sequence[Sequence[Match]],
        wary: bool,
    ) -> KnnState | None:
        config = self.config.wary() if wary else self.config
        memory = prepare_batch_memory(
            backbone,
            sources,
            matches,
            config.selection,
            self.cache,
            lacked=self.reads_attention,
            differing=wary or self.reads_differing,  # the wary penalty reads the shares
            missing=self.reads_missing,
        )
        return None if memory is None else self.new_state(memory, backbone, config)

    def new_state(
        self, memory: BatchMemory, backbone: Backbone, config: KnnConfig | None = None
    ) -> KnnState:
        """The state over one batch's memory with ``config`` (default: its own settings; a
        trained combiner returns its own kind)."""
        return KnnState(
            memory,
            config or self.config,
            backbone.d_model,
            backbone.eos_id,
            backbone.start_id,
        )


__all__ = ["KnnConfig", "KnnFusion", "KnnState", "Neighbours"]
