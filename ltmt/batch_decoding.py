"""The first decode of a translation's planned batches, each batch on a worker thread.

:meth:`ltmt.translator.Translator._translate_units` plans the units into length-sorted batches
(:func:`ltmt.routing.plan_batches`: a batch with fusion where a unit has memory the fusion
reads); this module decodes them (:func:`ltmt.workers.ordered_map`: at most ``workers`` at
once, in order), hands fused batches to worker processes where the translator has them
(:mod:`ltmt.worker_processes`), and collects each unit's output, which units the fusion
decoded with memory, and the progress of whole segments. The steps after the first decode
(guards, repairs, retries) stay with the translator.
"""

from __future__ import annotations

import contextlib
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ltmt.worker_processes import decode_in_processes
from ltmt.workers import ordered_map, torch_threads

if TYPE_CHECKING:
    from ltmt.segments import Match
    from ltmt.terminology.decoding import GlossaryPass
    from ltmt.terminology.matching import TermHit
    from ltmt.translator import Translator
    from ltmt.units import Unit

# a batch as planned: its units' indices, and whether it is decoded with fusion
PlannedBatch = tuple[list[int], bool]


@dataclass
class BatchDecoding:
    """One translation's units, their token ids, memory matches (one tuple per segment) and
    glossary hits (one list per unit), decoded batch by batch by ``translator``."""

    translator: Translator
    units: list[Unit]
    encoded: list[list[int]]
    matches: list[tuple[Match, ...]]
    hits: list[list[TermHit]]
    glossary: GlossaryPass

    def decode_all(
        self,
        batches: Sequence[PlannedBatch],
        outputs: list[str],
        progress: Callable[[int], None] | None,
    ) -> list[int]:
        """Decode ``batches`` into ``outputs`` (one per unit, in place); returns the units the
        fusion decoded with memory (their segment has matches and the fusion's state used
        them). ``progress(n)`` is called as ``n`` more segments have all their units decoded."""
        remaining_lines = Counter(unit.segment for unit in self.units)
        fused: list[int] = []
        with self._threads(batches):
            decoded = ordered_map(self.decode_batch, batches, self.translator.parallel.workers)
            for (chunk, _), (texts, used) in zip(batches, decoded, strict=True):
                fused.extend(self._fused_units(chunk, used))
                finished = 0
                for i, text in zip(chunk, texts):
                    outputs[i] = text
                    remaining_lines[self.units[i].segment] -= 1
                    finished += remaining_lines[self.units[i].segment] == 0
                if progress and finished:
                    progress(finished)
        return fused

    def decode_batch(self, planned: PlannedBatch) -> tuple[list[str], list[bool] | None]:
        """A planned batch's texts, and which of its lines the fusion had memory for
        (``None``: no fusion state)."""
        chunk, with_fusion = planned
        translator = self.translator
        texts = [self.units[i].text for i in chunk]
        matches = [self.matches[self.units[i].segment] for i in chunk]
        state = None
        if with_fusion and translator.worker_processes:
            decoded = decode_in_processes(
                translator, texts, matches, [self.encoded[i] for i in chunk]
            )
            if decoded is not None:
                return decoded
            with_fusion = False  # no match used: decoded here, as a batch without memory
        if with_fusion and translator.fusion is not None:
            state = translator.prepare_state(texts, matches)
        outputs = translator.terms.decode_first(
            [self.encoded[i] for i in chunk], chunk, self.hits, state, self.glossary
        )
        if state is None:
            return outputs, None
        # A state marks the sentences it holds memory for (``has_memory``); a sentence whose
        # matches the fusion did not use is the model's own output, whatever the batch.
        has_memory = getattr(state, "has_memory", None)
        if has_memory is None:
            return outputs, [True] * len(chunk)
        return outputs, [bool(flag) for flag in has_memory]

    def _fused_units(self, chunk: list[int], used: list[bool] | None) -> list[int]:
        """The units of a decoded batch (``chunk``) the fusion decoded with memory: ``used``
        says so for each, and their segment has matches."""
        if used is None:
            return []
        return [i for i, flag in zip(chunk, used) if flag and self.matches[self.units[i].segment]]

    def _threads(self, batches: Sequence[PlannedBatch]) -> contextlib.AbstractContextManager[None]:
        """torch's intra-op threads while ``batches`` decode: each worker's share, where torch
        decodes any of them (fused batches, or plain ones without the fast path; CTranslate2
        has its own threads, :class:`ltmt.model.engine.Decoder`)."""
        translator = self.translator
        fused = any(with_fusion for _, with_fusion in batches) and translator.fusion is not None
        if not fused and translator.decoder.fast is not None:
            return contextlib.nullcontext()
        return torch_threads(translator.parallel.threads)
