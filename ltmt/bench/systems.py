"""The systems a benchmark compares, behind one small protocol, and the registry that builds them.

``base``, ``tm``, ``tm-repair`` and ``exact`` are built in; every other name is a fusion method
given to ``Translator(fusion=NAME)``, so a new fusion method needs no change here. A fusion
method that cannot be built here (not in this version, or its trained weights missing) is
*skipped* with the reason rather than failing the whole run; one that the user's own
``fusion_options`` keep from running (a mistyped option, a combiner folder that does not load)
is an error, found before anything is translated.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, Protocol

from ltmt.errors import LtmtError
from ltmt.fusion.registry import UnknownFusionOption
from ltmt.segments import Translation

if TYPE_CHECKING:
    from ltmt.fusion.base import Fusion
    from ltmt.memory.store import Memory


class Translates(Protocol):
    """Anything that translates a user's segments: a :class:`ltmt.Translator` is one."""

    def translate(
        self, texts: Sequence[str], user: str | None = None, *, fit: bool = True
    ) -> list[Translation]:
        """One :class:`Translation` per text, in order; ``fit=False``: the outputs as the
        decoder wrote them, not fitted to their sources (what the benchmark scores)."""
        ...


class System(Protocol):
    """A way of producing translations, bound to one user's memory for a run."""

    @property
    def name(self) -> str:
        """The system's name in reports."""
        ...

    @property
    def uses_memory(self) -> bool:
        """False: the memory is ignored (and online learning would change nothing)."""
        ...

    def bind(self, memory: Memory) -> Translates:
        """What translates with ``memory`` (built once per memory, used for many calls)."""
        ...


@dataclass(frozen=True)
class DecodeOptions:
    """What every model-backed system shares: the loaded model and decoding settings.

    ``model`` is whatever :class:`ltmt.Translator` accepts as its model (a loaded backbone here,
    so the weights are read once for all systems).
    """

    model: Any
    beam: int = 4
    batch_size: int = 32
    top_k: int = 4
    fusion_weights: str = "auto"  # the fused batches' weights (ltmt.model.engine.FUSION_WEIGHTS)
    fusion_encoder: str = "auto"  # what encodes them (ltmt.model.fast_encoder.FUSION_ENCODERS)
    workers: int = 0  # batches decoded at once (ltmt.workers; 0: automatic)
    worker_processes: bool = False  # fused batches in processes (ltmt.worker_processes)
    copy_guard: bool = True  # copies of a match of other words decoded again (ltmt.copy_guard)
    # KEY=VALUE options of every fusion method (ltmt translate --fusion-option combiner=DIR)
    fusion_options: tuple[str, ...] = ()


@dataclass(frozen=True)
class TranslatorSystem:
    """A :class:`ltmt.Translator` configuration: ``base`` (no memory), ``exact``, or a fusion."""

    name: str
    options: DecodeOptions
    fusion: str = "none"
    uses_memory: bool = True

    def bind(self, memory: Memory | None) -> Translates:
        from ltmt.model.engine import fusion_weight_options
        from ltmt.translator import Translator

        translator: Translates = Translator(
            self.options.model,
            memory if self.uses_memory else None,
            fusion=self._fusion(),
            beam=self.options.beam,
            batch_size=self.options.batch_size,
            top_k=self.options.top_k,
            exact_reuse=self.uses_memory,
            workers=self.options.workers,
            worker_processes=self.options.worker_processes,
            fusion_encoder=self.options.fusion_encoder,
            copy_guard=self.options.copy_guard,
            warn_unknown_user=self.uses_memory,  # the base system reads none on purpose
            **fusion_weight_options(self.options.fusion_weights),
        )
        return translator

    def _fusion(self) -> str | Fusion | None:
        """The fusion method by name, or built with the run's ``fusion_options`` as ``ltmt
        translate --fusion-option`` builds it (a method that takes no such option raises the
        error that names it: the system is skipped)."""
        if self.fusion == "none" or not self.options.fusion_options:
            return self.fusion
        from ltmt.fusion.registry import make_fusion, parse_fusion_options

        options = parse_fusion_options(self.options.fusion_options)
        model_dir = getattr(self.options.model, "path", None)  # what auto resolves with
        return make_fusion(self.fusion, model_dir, **options)


@dataclass(frozen=True)
class TmSystem:
    """What a CAT tool pre-translates: the best fuzzy match's target when its score reaches
    ``threshold`` (method ``tm``), else the ``fallback`` system's translation.

    With ``repair`` (system ``tm-repair``), the top ``REPAIR_CANDIDATES`` matches first get the
    input's verbatim words (:mod:`ltmt.fusion.repair`, as fusion reads them) and the best
    rescored one is used: it shows how much of fusion's gain the repair alone brings.
    """

    name: str
    threshold: float
    fallback: System
    uses_memory: bool = True
    repair: bool = False

    def bind(self, memory: Memory) -> Translates:
        return _TmTranslator(memory, self.threshold, self.fallback.bind(memory), self.repair)


REPAIR_CANDIDATES = 4


@dataclass(frozen=True)
class _TmTranslator:
    memory: Memory
    threshold: float
    fallback: Translates
    repair: bool = False

    def translate(
        self, texts: Sequence[str], user: str | None = None, *, fit: bool = True
    ) -> list[Translation]:
        texts = list(texts)
        if user is None or not texts:
            return self.fallback.translate(texts, user, fit=fit)
        found = self.memory.search_batch(user, texts, k=REPAIR_CANDIDATES if self.repair else 1)
        results: list[Translation | None] = [None] * len(texts)
        rest = []
        for index, (text, matches) in enumerate(zip(texts, found, strict=True)):
            if self.repair and matches:
                from ltmt.fusion.repair import repair_match

                repaired = [repair_match(m, text) for m in matches]
                matches = [max(repaired, key=lambda m: m.score)]
            if text.strip() and matches and matches[0].score >= self.threshold:
                best = matches[0]
                results[index] = Translation(text, best.segment.target, (best,), method="tm")
            else:
                rest.append(index)
        if rest:
            translated = self.fallback.translate([texts[i] for i in rest], user, fit=fit)
            for index, translation in zip(rest, translated, strict=True):
                results[index] = translation
        return [r for r in results if r is not None]


SystemFactory = Callable[[str, DecodeOptions, float], System]


def _base(name: str, options: DecodeOptions, tm_threshold: float) -> System:
    return TranslatorSystem(name, options, uses_memory=False)


def _exact(name: str, options: DecodeOptions, tm_threshold: float) -> System:
    return TranslatorSystem(name, options)


def _tm(name: str, options: DecodeOptions, tm_threshold: float) -> System:
    return TmSystem(
        name, tm_threshold, fallback=TranslatorSystem("base", options, uses_memory=False)
    )


def _tm_repair(name: str, options: DecodeOptions, tm_threshold: float) -> System:
    return TmSystem(
        name,
        tm_threshold,
        fallback=TranslatorSystem("base", options, uses_memory=False),
        repair=True,
    )


BUILTIN: dict[str, SystemFactory] = {
    "base": _base,
    "tm": _tm,
    "tm-repair": _tm_repair,
    "exact": _exact,
}


def known_system_names() -> tuple[str, ...]:
    """The built-in systems and the fusion methods the registry knows (built or not)."""
    from ltmt.fusion.registry import FUSION_NAMES

    return (*BUILTIN, *(name for name in FUSION_NAMES if name != "none"))


def build_systems(
    names: Sequence[str], options: DecodeOptions, tm_threshold: float
) -> tuple[list[System], dict[str, str]]:
    """The systems named, in order, and ``{name: reason}`` for those that cannot run here.

    Names are checked by :class:`~ltmt.bench.config.BenchConfig`. A fusion method that cannot
    be built is skipped with the error's message as the reason (one that loads its weights
    lazily can still fail at its first batch: the runner skips it then). One that builds
    without the run's ``fusion_options`` but not with them is the user's error, raised: a bad
    option value or path; an option it does not take is skipped only where another fusion
    system of the run takes the options (``neighbours=8`` for ``knn``, not ``attention``),
    else raised (a typo such as ``neighbour=8``).
    """
    systems: list[System] = []
    skipped: dict[str, str] = {}
    not_taken: list[UnknownFusionOption] = []
    for name in names:
        factory = BUILTIN.get(name)
        if factory is not None:
            systems.append(factory(name, options, tm_threshold))
            continue
        system = TranslatorSystem(name, options, fusion=name)
        try:
            system.bind(None)  # builds the fusion method: an unavailable one fails here
        except UnknownFusionOption as exc:
            not_taken.append(exc)
            skipped[name] = str(exc)
            continue
        except LtmtError as exc:
            if options.fusion_options and _builds_without_options(system):
                raise
            skipped[name] = str(exc)
            continue
        systems.append(system)
    fused = [s for s in systems if isinstance(s, TranslatorSystem) and s.fusion != "none"]
    if not_taken and not fused:
        raise not_taken[0]
    return systems, skipped


def _builds_without_options(system: TranslatorSystem) -> bool:
    """Whether ``system`` builds without the run's fusion options: then they kept it from
    building, not this machine or this model."""
    bare = replace(system, options=replace(system.options, fusion_options=()))
    try:
        bare.bind(None)
    except LtmtError:
        return False
    return True
