"""A fused output that lost a word memory and model agree on, or kept English the model translates.

kNN fusion follows a match's wording and may leave out what the match says for a word the line still
has: with ``Read these Instructions for Use carefully before using the device.`` → ``Lesen Sie diese
Gebrauchsanweisung vor der Verwendung des Geräts sorgfältig durch.`` in memory, ``Read these
Instructions for Use carefully before using the X2 monitor.`` came out ``Lesen Sie diese
Gebrauchsanweisung vor der Verwendung des X2-Monitor.``: ``sorgfältig`` (a safety word) gone. Or it
starts on the line's own words and never leaves them: ``See the Instructions for Use for details.``
came out ``See the Gebrauchsanweisungen für Details finden.`` (fuzzy repair had put ``See the`` in
the place of a product name the match's translation copies). Neither the copy guard (no copy of a
match), the fused-copy retry (no whole copy) nor the re-check of sentences (one sentence, no part
lost) sees it.

So a fused output that is suspect (:func:`suspect`: it lacks more words of the best read match's
translation than the line lacks of its source, or keeps an English word of the line that no match's
translation writes as stored) is decoded once more without memory, and the model's own output
replaces it where it shows what the fused one did wrong (:func:`worse_than_base`): the fused output
lacks a word that the match's translation and the model's both write (no form of it: not for
``Gebrauchsanweisungen`` or ``Zwischenzertifikat`` against ``Gebrauchsanweisung`` or
``Zertifikat``), or keeps an English word of the line that the model's translates (no word of it
holds the English word: ``Shelleinstellungen`` keeps ``shell``). A word is one of four letters or
more for the first rule (the articles and pronouns a wording may change, ``des``/``den``, are
shorter), and one English writes in lower case inside a sentence for the second
(:func:`ltmt.word_tables.lowercase_words`: a name is kept as written whatever the model does). The
model's own output never replaces one that keeps more of the line's placeholders and numbers
(:func:`ltmt.placeholder_guard.kept_line_shape`), and then follows its glossary terms as a line
without memory does.
"""

from __future__ import annotations

import logging
from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING

from ltmt.copied_labels import copied, fusion_read
from ltmt.formats.placeholder_syntax import without_placeholders
from ltmt.placeholder_guard import kept_line_shape
from ltmt.text import LETTERS, fuzzy_score
from ltmt.word_tables import lowercase_words

if TYPE_CHECKING:
    from ltmt.segments import Match
    from ltmt.translator import Translator
    from ltmt.units import Unit

logger = logging.getLogger(__name__)

_CONTENT_LETTERS = 4  # a word of the target's own: longer than its articles and pronouns
# how close (fuzzy score, case-folded) a word of the output must be to count as a form of a
# match's word (``gebrauchsanweisungen`` for ``gebrauchsanweisung``): as copied_labels' misspelling
_FORM = 75.0


def _words(text: str) -> frozenset[str]:
    """The words (letters) of ``text`` outside its placeholders, case-folded."""
    return frozenset(w.casefold() for w in LETTERS.findall(without_placeholders(text)))


def _content(text: str) -> frozenset[str]:
    return frozenset(w for w in _words(text) if len(w) >= _CONTENT_LETTERS)


def _lacks(words: Collection[str], output: frozenset[str]) -> set[str]:
    """The ``words`` of which ``output`` (its words) says no form: none close to it, nor a
    compound that holds it (``zwischenzertifikat`` for ``zertifikat``)."""
    return {w for w in words if not any(w in o or fuzzy_score(w, o) >= _FORM for o in output)}


def _english(line: str, output: str) -> frozenset[str]:
    """The words of ``line`` of two letters or more that ``output`` keeps as written and
    English writes in lower case inside a sentence (no name; not the ``E`` of ``E766``)."""
    kept = _words(line) & _words(output) & lowercase_words()
    return frozenset(word for word in kept if len(word) > 1)


def suspect(line: str, output: str, read: Sequence[Match], stored: Sequence[Match]) -> bool:
    """Whether fused ``output`` of ``line`` lacks more words of four letters or more of the
    translation of the best match of ``read`` (the matches fusion read), no form of them, than
    ``line`` lacks words of the match's source, or keeps
    an English word of ``line`` that no match's translation writes: worth a decode without
    memory to compare (:func:`worse_than_base`). A copy of the whole line is not: that is the
    fused-copy retry's (:func:`ltmt.copied_labels.retry_fused_copies`, ``label_retry``)."""
    if copied(line, output):
        return False
    return bool(_english(line, output) - _written(stored)) or _lost_more(line, output, read)


def worse_than_base(
    line: str, output: str, base: str, read: Sequence[Match], stored: Sequence[Match]
) -> bool:
    """Whether fused ``output`` of ``line`` lacks a word (:func:`suspect`) that ``base`` (the
    line decoded without memory) writes too, or keeps an English word of ``line`` that no
    match's translation writes and ``base`` translates (no word of it holds the word)."""
    plain = _words(base)
    if any(not any(w in p for p in plain) for w in _english(line, output) - _written(stored)):
        return True
    return bool(_lost(output, read) & plain)


def _written(stored: Sequence[Match]) -> frozenset[str]:
    """The words of the translations of ``stored`` (as stored: a repaired match's translation
    holds words of the line)."""
    return frozenset().union(*(_words(m.segment.target) for m in stored))


def _lost(output: str, read: Sequence[Match]) -> set[str]:
    """The words of four letters or more of the best match's translation that ``output`` says
    no form of."""
    if not read:
        return set()
    best = max(read, key=lambda m: m.score)
    return _lacks(_content(best.segment.target), _words(output))


def _lost_more(line: str, output: str, read: Sequence[Match]) -> bool:
    """Whether ``output`` lost more words of the best match's translation (:func:`_lost`) than
    ``line`` lacks words of its source: more than the words the line does not say took away."""
    if not read:
        return False
    best = max(read, key=lambda m: m.score)
    return len(_lost(output, read)) > len(_words(best.segment.source) - _words(line))


def retry_fused_word_losses(
    translator: Translator,
    fused: Sequence[int],
    units: Sequence[Unit],
    encoded: Sequence[Sequence[int]],
    matches: Sequence[Sequence[Match]],
    outputs: list[str],
) -> set[int]:
    """Decode again without memory the ``fused`` lines (indices into ``units``, ``encoded``:
    their token ids, and ``outputs``; ``matches`` per segment) whose output is :func:`suspect`,
    and put the model's own output in place of those :func:`worse_than_base`; their indices
    come back: lines decoded without memory now, for the steps that follow such a decode.
    Only for an English source (the table of English words is English's)."""
    if not fused or not translator.source_language.lower().startswith("en"):
        return set()
    found = {i: fusion_read(translator, units[i], matches) for i in fused}
    todo = [
        i for i in fused if suspect(units[i].text, outputs[i], found[i], matches[units[i].segment])
    ]
    if not todo:
        return set()
    texts = translator.decode_ids([encoded[i] for i in todo])
    replaced = set()
    for i, text in zip(todo, texts, strict=True):
        stored = matches[units[i].segment]
        line = units[i].text  # never for a base that keeps fewer placeholders or numbers
        if worse_than_base(line, outputs[i], text, found[i], stored) and kept_line_shape(
            line, text
        ) >= kept_line_shape(line, outputs[i]):
            outputs[i] = text
            replaced.add(i)
    logger.info(
        "fused word losses: %d fused lines decoded again without memory, %d replaced for a word "
        "lost that memory and model write or English kept that the model translates",
        len(todo),
        len(replaced),
    )
    return replaced
