"""The copy guard: a fused output must not be a match's translation of something else.

kNN fusion follows a good match closely, and sometimes all the way: the output is the match's
target, word for word, while the input differs from the match's source in words
(``Exit with a status code indicating success.`` rendered as the match's ``... der Misserfolg
signalisiert.``; ``Could not open %s: denied`` cut to the match's ``%s konnte nicht geöffnet
werden``). Such an output is wrong wherever the words differ: it translates the match, not the
input. A fused output that repeats the target of a match it read (as read: narrowed to the line,
repaired, :func:`ltmt.routing.read_matches`) whose source's words are not the input's
(:func:`copied_match`) is decoded again with the fusion's wary settings
(``prepare_wary``: for kNN, :meth:`ltmt.fusion.knn.KnnConfig.wary`), which push away the
memory entries translated from the match words the input lacks and leave the end of the output
to the model. The second output replaces the first unless it lost its shape where the first had
not (:func:`lost_shape`: a placeholder or number lost or added, less than half the input's
length, or more than twice it while repeating a word). A second output that is still a copy of
a match of other words (the first output again, most often: for an input that adds words to a
stored segment, the wary decode gives the match's translation word for word) is no
replacement: the line is said apart (:attr:`GuardedCopies.still_copied`,
``Translation.copies_other_words``), as is a copy kept for its second output's lost shape, so
that a reviewer checks the words the input adds, which it may lack (decoding such a line
without memory instead was measured worse on the dev users). The
guard runs once every batch is decoded, on all the fused lines together: the copies of all
batches are decoded again in full batches of similar length (a few lines a batch, each decoded
with its own batch, cost almost as many steps as that whole batch), on the translator's workers.
It runs before the glossary's step (:mod:`ltmt.terminology.decoding`), which then makes the
output carry the line's terms as it would the first, and before the placeholder guard.
"""

from __future__ import annotations

import logging
from collections.abc import MutableSequence, Sequence
from typing import TYPE_CHECKING, NamedTuple, Protocol, runtime_checkable

from ltmt.formats.placeholder_syntax import without_placeholders
from ltmt.line_seams import doubled_words
from ltmt.lost_tails import lost_tail
from ltmt.numbers_kept import kept_shape
from ltmt.repeated_words import repeated_source_words
from ltmt.routing import read_matches
from ltmt.terminology.constraints import misshapen
from ltmt.text import collapse_space, word_counts, word_parts
from ltmt.workers import ordered_map, torch_threads

if TYPE_CHECKING:
    from ltmt.fusion.base import FusionState
    from ltmt.model.backbone import Backbone
    from ltmt.segments import Match
    from ltmt.translator import Translator
    from ltmt.units import Unit

logger = logging.getLogger(__name__)


@runtime_checkable
class WaryFusion(Protocol):
    """A fusion method the copy guard can use: it decodes an input again with settings that trust
    memory less (``prepare_wary``, same arguments and result as ``prepare``)."""

    def prepare_wary(
        self, backbone: Backbone, sources: Sequence[str], matches: Sequence[Sequence[Match]]
    ) -> FusionState | None: ...


class GuardedCopies(NamedTuple):
    """What :func:`guard_copies` did: ``replaced``, the lines whose output its second decode
    replaced; ``still_copied``, those whose output is still a copy of a match of other words
    (the second decode copied it again, or lost its shape and the copy was kept)."""

    replaced: set[int]
    still_copied: set[int]


def copied_match(text: str, output: str, read: Sequence[Match]) -> Match | None:
    """The match of ``read`` (the matches fusion read for input ``text``) whose target
    ``output`` repeats (spaces folded) while its source's words differ from ``text``'s (word
    parts, case-folded, each as often: a difference of case, spacing or punctuation alone is no
    copy of something else, a word said once more is: a heading read into its sentence,
    ``Liability The liability cap ...``, copied the match of ``The liability cap ...``);
    ``None`` when there is none. A placeholder said once more is no word said once more (the
    placeholder guard's: the dev benchmark's ``error opening TOFU database '%s': %s``, whose
    fused output was decoded again into ``Datenbank: %s': %s'`` when its letters counted)."""
    said = collapse_space(output)
    if not said:
        return None
    words, counts = word_parts(text), word_counts(without_placeholders(text))
    for match in read:
        source = match.segment.source
        if collapse_space(match.segment.target) == said and (
            word_parts(source) != words or word_counts(without_placeholders(source)) != counts
        ):
            return match
    return None


def lost_shape(source: str, output: str) -> bool:
    """Whether a decode of input ``source`` lost its shape (as the glossary's step judges it,
    ``misshapen``): a placeholder or number lost or added, less than half the input's length
    (it stopped early), or more than twice it while saying a word twice in a row or a word of
    the input more often than the input does (it repeated itself). More than twice the
    length alone is no loss: a short input's German runs that long (``Forgot your username?``
    → ``Entfernen Sie Ihren Benutzernamen vergessen?``), and keeping the copy for it kept a
    translation of other words (``Passwort vergessen?``)."""
    if not misshapen(source, output):
        return False
    only_long = kept_shape(source, output) == (0, 0, 0) and len(output) > len(source)
    repeats = doubled_words(source, output) or repeated_source_words(source, output)
    return not only_long or bool(repeats)


def _worse(source: str, second: str, first: str, read: Sequence[Match]) -> bool:
    """Whether the wary decode ``second`` of input ``source`` lost what its first output
    ``first`` kept: its shape (:func:`lost_shape`), or the tail of a match of ``read`` that it
    followed (:func:`ltmt.lost_tails.lost_tail`: with the match's neighbours around a changed
    word pushed away, the model went on alone and ended the sentence, ``... in Abschnitt 2.``
    for the copy's ``... in Abschnitt 6. genannten sonstigen Bestandteile ...``)."""
    if lost_shape(source, second) and not lost_shape(source, first):
        return True
    return lost_tail(source, second, read) is not None and lost_tail(source, first, read) is None


def guard_copies(
    translator: Translator,
    fused: Sequence[int],
    units: Sequence[Unit],
    encoded: Sequence[list[int]],
    matches: Sequence[tuple[Match, ...]],
    outputs: MutableSequence[str],
) -> GuardedCopies:
    """Decode again, with the fusion's wary settings, the ``fused`` lines (indices into
    ``units``, ``encoded`` and ``outputs``; ``matches`` per segment) whose output copies a match
    of something else (:func:`copied_match`); replaces those ``outputs`` whose second decode
    kept its shape (see the module doc) and returns the indices of those it changed, and apart
    those whose output is still a copy of a match of other words, the second decode's copied
    one too or the first kept (:class:`GuardedCopies`). Nothing for a fusion without wary
    settings. The translator calls it once all its batches are decoded: the copies are decoded
    again in batches of up to ``batch_size`` lines of similar length, on up to its ``workers``
    at once (the CPU threads shared among those at work)."""
    fusion = translator.fusion
    if not isinstance(fusion, WaryFusion):
        return GuardedCopies(set(), set())
    backbone = translator.backbone
    read = {
        i: read_matches(fusion, units[i].text, matches[units[i].segment], backbone) or ()
        for i in fused
    }
    suspects = [i for i in fused if copied_match(units[i].text, outputs[i], read[i])]
    if not suspects:
        return GuardedCopies(set(), set())
    suspects.sort(key=lambda i: len(encoded[i]))
    parallel = translator.parallel
    # as many batches as it takes, and no fewer than the workers (small batches side by side
    # use the CPU better than one batch on all its threads)
    count = max(-(-len(suspects) // translator.batch_size), min(parallel.workers, len(suspects)))
    size = -(-len(suspects) // count)
    chunks = [suspects[start : start + size] for start in range(0, len(suspects), size)]
    workers = min(parallel.workers, len(chunks))
    threads = max(1, parallel.threads * parallel.workers // workers)

    def decode(chunk: list[int]) -> list[str] | None:
        return _decode_wary(translator, chunk, units, encoded, matches)

    replaced: set[int] = set()
    misshapen_kept: set[int] = set()  # copies kept: their second output lost its shape
    copied_again: set[int] = set()  # the second output a copy too: the first kept
    with torch_threads(threads):
        for chunk, wary in zip(chunks, ordered_map(decode, chunks, workers), strict=True):
            if wary is None:
                continue
            for i, text in zip(chunk, wary, strict=True):
                source = units[i].text
                if _worse(source, text, outputs[i], read[i]):
                    misshapen_kept.add(i)
                    continue
                # the first output again, or another match's: a copy all the same, no replacement
                copy = copied_match(source, text, read[i]) is not None
                (copied_again if copy else replaced).add(i)
                outputs[i] = text
    summary = guard_summary(len(suspects), len(replaced), len(misshapen_kept), len(copied_again))
    logger.info("%s", summary)
    return GuardedCopies(replaced, misshapen_kept | copied_again)


def guard_summary(suspects: int, replaced: int, misshapen_kept: int, copied_again: int = 0) -> str:
    """The copy guard's log line: how many fused outputs it decoded again and how many of
    those it replaced; the copies kept because their second output lost its shape, and those
    whose second output copied a match of other words again, are named only where there are
    some (none when every copy was replaced)."""
    line = (
        f"copy guard: {suspects} fused outputs repeated a match of other words and were decoded "
        f"again with memory trusted less; {replaced} replaced"
    )
    if misshapen_kept:
        line += f" ({misshapen_kept} kept: the second output lost its shape)"
    if copied_again:
        line += (
            f" ({copied_again} kept: the second output copied a match of other words too; "
            "words their input adds may be missing)"
        )
    return line


def _decode_wary(
    translator: Translator,
    chunk: list[int],
    units: Sequence[Unit],
    encoded: Sequence[list[int]],
    matches: Sequence[tuple[Match, ...]],
) -> list[str] | None:
    """The wary decode of lines ``chunk`` (``None``: the fusion read no match of theirs), in the
    translator's worker processes where it has them."""
    from ltmt.worker_processes import decode_in_processes

    texts = [units[i].text for i in chunk]
    read = [matches[units[i].segment] for i in chunk]
    batch = [encoded[i] for i in chunk]
    if translator.worker_processes:
        decoded = decode_in_processes(translator, texts, read, batch, wary=True)
        return None if decoded is None else decoded[0]
    state = translator.prepare_state(texts, read, wary=True)
    return None if state is None else translator.decode(batch, state)
