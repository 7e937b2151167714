"""Fusion method ``knn-trained``: kNN fusion whose λ comes from a trained combiner.

The combiner network and its features live in :mod:`ltmt.fusion.combiner`, which imports torch;
this module does not, so that building the fusion (``auto`` is ``knn-trained`` on the default
model) costs nothing for a run whose segments never reach the fused decoder (an empty memory
decodes on CTranslate2 and never loads torch: ``import torch`` alone is ~220 MB resident).
The combiner is read at the first batch that has a match.
"""

from __future__ import annotations

import dataclasses
import json
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ltmt.errors import LtmtError
from ltmt.fusion.artifact import CONFIG, beside_model, check_trained_on
from ltmt.fusion.knn import KnnConfig, KnnFusion
from ltmt.fusion.knn_state import KnnState, Neighbours
from ltmt.fusion.registry import COMBINER_SUBDIR

if TYPE_CHECKING:
    import torch

    from ltmt.fusion.adapter import BaseInfo
    from ltmt.fusion.combiner import Combiner
    from ltmt.fusion.datastore import BatchMemory
    from ltmt.fusion.selection import MatchSelection
    from ltmt.model.backbone import Backbone


class TrainedKnnFusion(KnnFusion):
    """kNN fusion with a trained combiner (fusion method ``knn-trained``).

    ``combiner``: a directory, a loaded :class:`~ltmt.fusion.combiner.Combiner`, or ``None``
    for ``fusion-combiner/`` inside the model directory (read at the first batch). The kNN
    settings are the combiner's.
    """

    name = "knn-trained"

    def __init__(
        self, combiner: str | Path | Combiner | None = None, *, cache_size: int = 4096
    ) -> None:
        super().__init__(KnnConfig(cache_size=cache_size))
        self._loading = threading.Lock()  # one thread reads the combiner, the others wait
        self.combiner: Combiner | None = None
        self.directory: Path | None = None
        self.base: BaseInfo | None = None
        if isinstance(combiner, (str, Path)):
            self.directory = Path(combiner)
            self._use(*_load_combiner(self.directory))
        elif combiner is not None:
            self._use(combiner)
        self._checked: str | None = None
        # the kNN settings of the combiner beside each model directory, read before it loads
        self._settings_on_disk: dict[Path, KnnConfig] = {}

    @property
    def reads_attention(self) -> bool:
        """Its combiner's ``attention_features`` (``False`` until the combiner is read)."""
        return self.combiner is not None and self.combiner.config.attention_features

    @property
    def reads_differing(self) -> bool:
        """Its combiner's ``neighbour_features`` (or knn's ``differing_penalty``)."""
        reads = self.combiner is not None and self.combiner.config.neighbour_features
        return reads or super().reads_differing

    @property
    def reads_missing(self) -> bool:
        """Its combiner's ``missing_features``."""
        return self.combiner is not None and self.combiner.config.missing_features

    def _use(self, combiner: Combiner, base: BaseInfo | None = None) -> None:
        """Read matches with ``combiner``'s kNN settings; the segment cache (and the disk store
        a translator gave it) stays."""
        self.combiner, self.base = combiner, base
        cache_size = self.cache.capacity
        self.config = dataclasses.replace(combiner.config.knn_config, cache_size=cache_size)

    def _combiner_for(self, backbone: Backbone) -> Combiner:
        with self._loading:
            if self.combiner is None:
                self.directory = beside_model(
                    backbone,
                    COMBINER_SUBDIR,
                    "a trained combiner",
                    "TrainedKnnFusion(COMBINER_DIR)",
                )
                self._use(*_load_combiner(self.directory))
            if self.base is not None and self._checked != backbone.fingerprint:
                check_trained_on(
                    backbone, self.base.embedding_sha1, self.base.name, self.directory, "combiner"
                )
                self._checked = backbone.fingerprint
            assert self.combiner is not None
            return self.combiner

    def matches_read(self, backbone: Backbone) -> int:
        """The combiner's ``max_matches`` (:meth:`settings_for`)."""
        return self.settings_for(backbone).max_matches

    def selection_for(self, backbone: Backbone) -> MatchSelection:
        """The combiner's match selection (:meth:`settings_for`): before its first batch too,
        so that the first inputs of a run are routed as the later ones are."""
        return self.settings_for(backbone).selection

    def settings_for(self, backbone: Backbone) -> KnnConfig:
        """The kNN settings it reads matches with over ``backbone``: its combiner's, read from
        the combiner's ``config.json`` alone while the combiner is not loaded (no torch for a
        run that never fuses), once per model directory; knn's defaults where it has none
        (:meth:`prepare` then says what is wrong)."""
        if self.combiner is not None or backbone.path is None:
            return self.config
        found = self._settings_on_disk.get(backbone.path)
        if found is None:
            found = self.config
            try:
                meta = json.loads((backbone.path / COMBINER_SUBDIR / CONFIG).read_text("utf-8"))
                found = dataclasses.replace(
                    KnnConfig(**meta["combiner"]["knn"]), cache_size=self.cache.capacity
                )
            except (OSError, ValueError, KeyError, TypeError, LtmtError):
                pass
            self._settings_on_disk[backbone.path] = found
        return found

    def _prepare(
        self, backbone: Backbone, sources: Any, matches: Any, wary: bool
    ) -> KnnState | None:
        """Reads the combiner first (at the first batch with a match): its kNN settings are
        the ones :meth:`prepare` and :meth:`prepare_wary` read."""
        if not any(matches):
            return None
        self._combiner_for(backbone)
        return super()._prepare(backbone, sources, matches, wary)

    def new_state(
        self, memory: BatchMemory, backbone: Backbone, config: KnnConfig | None = None
    ) -> KnnState:
        assert self.combiner is not None
        return CombinerState(
            self.combiner,
            memory,
            config or self.config,
            backbone.d_model,
            backbone.eos_id,
            backbone.start_id,
        )


def _load_combiner(directory: Path) -> tuple[Combiner, BaseInfo]:
    from ltmt.fusion.combiner import Combiner

    return Combiner.load(directory)


class CombinerState(KnnState):
    """A batch's kNN datastore whose λ comes from the combiner."""

    compiled_mix = False  # the combiner adjusts the vote (:meth:`adjust`)

    def __init__(self, combiner: Combiner, memory: BatchMemory, *args: Any) -> None:
        super().__init__(memory, *args)
        combiner.net.to(memory.keys.device)  # its weights beside the states (CUDA too)
        self.combiner = combiner
        config = combiner.config  # a step computes only the neighbours' fields it reads
        self.step_fields = frozenset(
            name
            for name, read in (
                ("missing", config.missing_features),
                ("scores", config.score_features),
            )
            if read
        )

    def adjust(
        self, found: Neighbours, log_probs: torch.Tensor, rows: torch.Tensor
    ) -> tuple[torch.Tensor, torch.Tensor]:
        import torch

        from ltmt.fusion.combiner import state_features

        combiner, tokens, distance = self.combiner, found.tokens, found.distance
        features, per_neighbour = combiner.inputs(
            state_features(self, log_probs, found, rows, combiner.config.model_features),
            distance,
            found.differing,
            tokens == tokens[:, :1],
            found.missing,
            found.lacked,
            found.scores,
        )
        weights = found.weights
        with torch.inference_mode():
            lam, temperature = combiner.predict(features, found.lam)
            offsets = None if per_neighbour is None else combiner.net.offsets(per_neighbour)
            if combiner.config.temperature or offsets is not None:
                weights = self.vote(tokens, distance, temperature[:, None], offsets)[0]
        return lam, weights
