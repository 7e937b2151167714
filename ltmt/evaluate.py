"""Corpus scores through sacrebleu (BLEU, chrF2, TER, each with its signature), placeholder
accuracy, and fuzzy-match bands.

    from ltmt.evaluate import score_corpus
    scores = score_corpus(hypotheses, references, sources)
    scores.bleu, scores.signatures["bleu"]

All scores are percentages (0-100). BLEU, chrF2 and TER are sacrebleu's own corpus scores with
its default settings, so they equal ``sacrebleu REF -i HYP -m bleu chrf ter`` on the same lines.
Placeholders are what :mod:`ltmt.formats.placeholders` finds (printf, Qt ``%1``, brace fields,
tags, entities, escapes): the same inventory the translator restores, so the metric measures
what the product promises.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, field, replace
from typing import Any

from ltmt.accelerators import accelerators_lost
from ltmt.errors import InputError
from ltmt.formats.common import read_lines
from ltmt.formats.placeholder_syntax import placeholders_added
from ltmt.formats.placeholders import extract_placeholders, placeholder_matches
from ltmt.numbers_kept import numbers_lost

__all__ = [
    "BANDS",
    "Scores",
    "extract_placeholders",
    "fuzzy_band",
    "normalization_mismatches",
    "placeholder_accuracy",
    "placeholder_matches",
    "read_lines",
    "sacrebleu_signatures",
    "score_corpus",
]

# Fuzzy-match bands (best match score of a source in its user's memory), lowest first.
BANDS: tuple[str, ...] = ("0-49", "50-69", "70-89", "90-99", "100")
_BAND_FLOORS: tuple[tuple[float, str], ...] = (
    (100, "100"),
    (90, "90-99"),
    (70, "70-89"),
    (50, "50-69"),
)


@dataclass(frozen=True)
class Scores:
    """Corpus-level scores of one system on one test set (percentages).

    ``placeholder_acc`` is ``None`` when no sources were given or they hold no placeholder;
    ``placeholders`` is ``(kept, total)`` counted with multiplicity; ``placeholders_added``: the
    hypotheses' placeholders beyond their sources' (a ``%s`` with no argument behind it), summed
    over the corpus; ``numbers_lost``: the sources' runs of digits and codes (``DE89``) the
    hypotheses lack (:func:`ltmt.numbers_kept.numbers_lost`), summed likewise;
    ``accelerators_lost``: the sources' lines with a keyboard accelerator (``&Open``) whose
    hypothesis has none or several (:func:`ltmt.accelerators.accelerators_lost`). Without
    sources these four are ``None``: unmeasured, not zero.
    ``signatures`` maps ``bleu``/``chrf``/``ter`` to sacrebleu's signature strings.
    """

    bleu: float
    chrf: float
    ter: float
    segments: int
    placeholder_acc: float | None = None
    placeholders: tuple[int, int] | None = None
    placeholders_added: int | None = None
    numbers_lost: int | None = None
    accelerators_lost: int | None = None
    signatures: dict[str, str] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["placeholders"] = list(self.placeholders) if self.placeholders is not None else None
        return data


def placeholder_accuracy(
    hypotheses: Sequence[str], sources: Sequence[str]
) -> tuple[float | None, int, int]:
    """Corpus-level placeholder accuracy: ``(percent kept or None, kept, total)``.

    Kept = the source's placeholders found unchanged in the hypothesis, counted with
    multiplicity (see :func:`placeholder_matches`), summed over the corpus.
    """
    _check_lengths(hypotheses, sources, "sources")
    kept = total = 0
    for hypothesis, source in zip(hypotheses, sources, strict=True):
        k, t = placeholder_matches(source, hypothesis)
        kept += k
        total += t
    return (100.0 * kept / total if total else None), kept, total


def score_corpus(
    hypotheses: Sequence[str],
    references: Sequence[str],
    sources: Sequence[str] | None = None,
    *,
    more_references: Sequence[Sequence[str]] = (),
) -> Scores:
    """BLEU, chrF2 and TER of ``hypotheses`` against ``references`` (sacrebleu defaults), and
    against each of ``more_references`` too: several references per segment, as
    ``sacrebleu REF REF2 -i HYP`` scores them (the signatures say ``nrefs:2``).

    With ``sources``, also placeholder accuracy. Raises :class:`InputError` on an empty corpus
    or sequences of different lengths.
    """
    from sacrebleu.metrics import BLEU, CHRF, TER

    for more in (references, *more_references):
        _check_lengths(hypotheses, more, "references")
    if not hypotheses:
        raise InputError("no segments to score")
    hyps, refs = list(hypotheses), [list(r) for r in (references, *more_references)]
    values: dict[str, float] = {}
    signatures: dict[str, str] = {}
    for key, metric in (("bleu", BLEU()), ("chrf", CHRF()), ("ter", TER())):
        values[key] = float(metric.corpus_score(hyps, refs).score)
        signatures[key] = str(metric.get_signature())
    scores = Scores(
        bleu=values["bleu"],
        chrf=values["chrf"],
        ter=values["ter"],
        segments=len(hyps),
        signatures=signatures,
    )
    return scores if sources is None else _with_source_checks(scores, hyps, sources)


def _with_source_checks(scores: Scores, hypotheses: list[str], sources: Sequence[str]) -> Scores:
    """``scores`` with what only the sources can tell: placeholders kept and added, numbers and
    keyboard accelerators lost."""
    acc, kept, total = placeholder_accuracy(hypotheses, sources)
    return replace(
        scores,
        placeholder_acc=acc,
        placeholders=(kept, total),
        placeholders_added=sum(map(placeholders_added, sources, hypotheses)),
        numbers_lost=sum(map(numbers_lost, sources, hypotheses)),
        accelerators_lost=sum(map(accelerators_lost, sources, hypotheses)),
    )


def normalization_mismatches(hypotheses: Sequence[str], references: Sequence[str]) -> int:
    """How many lines pair a hypothesis and a reference written in different Unicode forms
    (one NFC, the other not: ``é`` as one character against ``e`` + a combining accent). The
    scores count those characters as different, as sacrebleu does; a caller warns of it."""
    import unicodedata

    return sum(
        unicodedata.is_normalized("NFC", h) != unicodedata.is_normalized("NFC", r)
        for h, r in zip(hypotheses, references, strict=True)
    )


def sacrebleu_signatures() -> dict[str, str]:
    """The signatures :func:`score_corpus` produces (sacrebleu needs a scored corpus for them)."""
    return score_corpus(["a"], ["a"]).signatures


def fuzzy_band(score: float) -> str:
    """The band (one of :data:`BANDS`) of a best fuzzy-match score in 0-100."""
    for floor, band in _BAND_FLOORS:
        if score >= floor:
            return band
    return BANDS[0]


def _check_lengths(hypotheses: Sequence[str], others: Sequence[str], what: str) -> None:
    if len(hypotheses) != len(others):
        raise InputError(
            f"{len(hypotheses)} hypotheses but {len(others)} {what}; they must align line by line"
        )
