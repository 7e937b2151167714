"""Which engine decodes a batch, chosen once per translator.

Batches that need no fusion (``--fusion none``, inputs with no usable match, the placeholder
guard's re-decode) go through the CTranslate2 fast path when it is available and the model
converts faithfully (:mod:`ltmt.model.ctranslate`); fused batches, and everything when the fast
path is off or refused, through the torch loop of :mod:`ltmt.model.decode`.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TypedDict

from ltmt.errors import ChoiceError, ModelError
from ltmt.model.batching import pad_token_ids
from ltmt.model.decode import DecodeConfig, decode
from ltmt.model.shortlist import LexicalShortlist

if TYPE_CHECKING:
    import torch

    from ltmt.fusion.base import FusionState
    from ltmt.model.backbone import Backbone
    from ltmt.model.ctranslate import FastDecoder

logger = logging.getLogger(__name__)

ENGINES = ("auto", "ctranslate2", "torch")
FUSION_WEIGHTS = (
    "auto",
    "float32",
    "float32-int8-head",
    "float32-int8-encoder-head",
    "bfloat16",
    "bfloat16-int8-head",
    "int8",
)


def check_engine(engine: str, compute_type: str) -> None:
    """Raise :class:`ConfigError` unless ``engine`` and ``compute_type`` are known."""
    from ltmt.model.ctranslate import COMPUTE_TYPES

    if engine not in ENGINES:
        raise ChoiceError(f"engine must be one of {', '.join(ENGINES)}, got {engine!r}")
    if compute_type not in COMPUTE_TYPES:
        raise ChoiceError(
            f"compute type must be one of {', '.join(COMPUTE_TYPES)}, got {compute_type!r}"
        )


def fusion_encoder_for(engine: str, fusion_encoder: str | None) -> str:
    """The ``fusion_encoder`` of a run: the one asked for, else ``torch`` with the torch engine
    (ltmt's own decoder for every batch) and ``auto`` with the others; :class:`ConfigError`
    for an unknown one."""
    from ltmt.model.fast_encoder import FUSION_ENCODERS

    if fusion_encoder is None:
        return "torch" if engine == "torch" else "auto"
    if fusion_encoder not in FUSION_ENCODERS:
        raise ChoiceError(
            f"fusion encoder must be one of {', '.join(FUSION_ENCODERS)}, got {fusion_encoder!r}"
        )
    return fusion_encoder


def check_fusion_weights(weights: str) -> None:
    """Raise :class:`ConfigError` unless ``weights`` names the fused batches' weights."""
    if weights not in FUSION_WEIGHTS:
        raise ChoiceError(
            f"fusion weights must be one of {', '.join(FUSION_WEIGHTS)}, got {weights!r}"
        )


class FusionWeightOptions(TypedDict):
    """The :class:`ltmt.Translator` options that select the fused batches' weights."""

    fusion_int8: bool | None
    fusion_bf16: bool | None
    fusion_int8_head: bool
    fusion_int8_encoder: bool


def fusion_weight_options(weights: str) -> FusionWeightOptions:
    """The :class:`ltmt.Translator` options for the fused batches' ``weights``, one of
    :data:`FUSION_WEIGHTS` (checked)."""
    check_fusion_weights(weights)
    return {
        "fusion_int8": None if weights == "auto" else weights == "int8",
        "fusion_bf16": None if weights == "auto" else weights.startswith("bfloat16"),
        "fusion_int8_head": weights.endswith("-head"),
        "fusion_int8_encoder": "-int8-encoder" in weights,
    }


class Decoder:
    """Decode token-id batches for one backbone and search setting.

    ``engine``: ``auto`` (CTranslate2 for plain batches when installed and faithful, else torch),
    ``ctranslate2`` (required: an error when it cannot be used) or ``torch``.
    ``compute_type``: the fast path's weights, ``int8`` or ``float32``. ``threads``: the fast
    path's intra-op threads per batch (0: torch's count); ``workers``: the batches it decodes at
    once (CTranslate2's ``inter_threads``: calls from that many threads run side by side). The
    fast path is converted on first use.
    ``shortlist``: fused batches score only their shortlist's tokens when the model ships a
    lexical table and the fusion state names its tokens (:mod:`ltmt.model.shortlist`; off by
    default: it cost the default model 0.5 BLEU on the dev users for a few percent of speed).
    """

    def __init__(
        self,
        backbone: Backbone,
        *,
        engine: str = "auto",
        compute_type: str = "int8",
        threads: int = 0,
        workers: int = 1,
        cache_dir: Path | None = None,
        shortlist: bool = False,
    ) -> None:
        check_engine(engine, compute_type)
        self.backbone = backbone
        self.engine = engine
        self.compute_type = compute_type
        self.threads = threads
        self.workers = workers
        self.cache_dir = cache_dir
        # the fast path and the shortlist table load on first use, once whatever the threads
        self._loading = threading.Lock()
        self._fast: FastDecoder | None = None
        self._fast_tried = engine == "torch"
        self.use_shortlist = shortlist
        self._table: LexicalShortlist | None = None
        self._table_tried = not shortlist
        self._always: tuple[int, ...] = ()  # the special tokens every shortlist keeps

    @property
    def fast(self) -> FastDecoder | None:
        """The CTranslate2 decoder, or ``None`` when plain batches go through torch."""
        if not self._fast_tried:
            with self._loading:
                if not self._fast_tried:
                    try:
                        self._fast = self._make_fast()
                    finally:  # tried once, whether it worked or raised
                        self._fast_tried = True
        return self._fast

    def decode(
        self,
        batch: Sequence[Sequence[int]],
        config: DecodeConfig,
        state: FusionState | None = None,
    ) -> list[list[int]]:
        """Token ids per sentence (no specials); ``state`` fuses memory (torch only)."""
        if state is None and self.fast is not None:
            return self.fast.decode(batch, config)
        input_ids, mask = pad_token_ids(batch, self.backbone.pad_id, self.backbone.device)
        shortlist = self.shortlist_for(input_ids, state)
        return decode(self.backbone, input_ids, mask, config, state, shortlist)

    def score(
        self, sources: Sequence[Sequence[int]], outputs: Sequence[Sequence[int]]
    ) -> list[float]:
        """The log-probability the model gives each of ``outputs`` (token ids, no specials) as
        the translation of the source beside it (``</s>`` included): the fast path's scoring,
        else a teacher-forced torch pass (:mod:`ltmt.model.scoring`)."""
        if self.fast is not None:
            return self.fast.score(sources, outputs)
        from ltmt.model.scoring import log_probs

        return log_probs(self.backbone, sources, outputs)

    def shortlist_for(
        self, input_ids: torch.Tensor, state: FusionState | None
    ) -> torch.Tensor | None:
        """The token ids a fused batch scores; ``None`` (the whole vocabulary) without a fusion
        state that names its tokens, or without the model's lexical table."""
        named = getattr(state, "shortlist_tokens", None)
        if named is None:
            return None
        if not self._table_tried:
            with self._loading:
                if not self._table_tried:
                    try:
                        self._table = LexicalShortlist.load(self.backbone.path)
                        self._always = (self.backbone.eos_id, *_unknown_id(self.backbone))
                    finally:
                        self._table_tried = True
        if self._table is None:
            return None
        return self._table.tokens(input_ids, named(), self._always, self.backbone.vocab_size)

    def _make_fast(self) -> FastDecoder | None:
        """The backbone's CTranslate2 decoder for these settings: loaded once per backbone and
        shared by its decoders (one model in memory for all of a process's users); None where
        it cannot be had, said once per backbone (a warning where the cache is not writable)."""
        from ltmt.model import ctranslate

        if not ctranslate.available():
            if self.engine == "ctranslate2":
                raise ModelError("engine ctranslate2 needs the package: pip install ctranslate2")
            return None
        key = (self.compute_type, self.threads, self.workers, self.cache_dir)
        shared = self.backbone.fast_decoders.get(key)
        # None: found impossible before, said then (--engine ctranslate2 tries again, to say why)
        if shared is not None or (key in self.backbone.fast_decoders and self.engine == "auto"):
            return shared
        try:
            fast = ctranslate.FastDecoder(
                self.backbone, self.compute_type, self.threads, self.cache_dir, self.workers
            )
        except ModelError as exc:
            if self.engine == "ctranslate2":
                raise
            if isinstance(exc, ctranslate.UnwritableCache):  # every run slower until fixed
                logger.warning("%s (until then torch decodes, several times slower)", exc)
            else:
                logger.info("fast path off, decoding with torch: %s", exc)
            fast = None
        self.backbone.fast_decoders[key] = fast
        return fast


def _unknown_id(backbone: Backbone) -> tuple[int, ...]:
    """``<unk>``'s id when the tokenizer has one."""
    unknown = getattr(backbone.tokenizer, "unk_token_id", None)
    return () if unknown is None else (int(unknown),)
