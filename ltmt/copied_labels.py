"""Labels in title case that the model copies: ``Settings``, ``Close``, ``Parental Controls``.

The shipped model learned from gettext messages, where a capitalised word alone is often a name, and
it copies most short labels written in title case: 100 of AntennaPod's 820 strings that its own
German file has too came back as written (``eval/android_reference_trial.py``), nearly all of them
one or two capitalised words (``Settings``, ``Yes``, ``Queue``), while it translates the same words
in lower case (``settings`` → ``Einstellungen``, ``yes`` → ``ja``). So a line the model copied whose
words are in title case is decoded once more with those words in lower case
(:func:`ltmt.capitals.lowered_label`), and that translation, its first letter a capital where the
line's is (:func:`as_label`), replaces the copy unless it still holds the line's words (a copy, or
``html html`` for ``html``), or misspells an English word of the line into no word of the target
language (:func:`mangled_words`: ``Quue`` for ``Queue``, ``Subcribe``, ``Spm`` for ``Spam``): the
copy is then the better output. A word written again as it is passes (German keeps ``PIN``,
``Push``, ``Reset``; so does the ``forward`` of ``Schnell-forward``). The target language's words
come from a table ltmt ships (:func:`ltmt.word_tables.target_words`: German's); a model translating
into a language with no table gets no such check.

A name must stay as written: the line is tried again only where every word of it in title case
is one English writes in lower case inside a sentence (:func:`ltmt.word_tables.lowercase_words`:
``settings`` and ``close`` are, ``brian`` and ``james`` are not, so coreutils' ``Brian Fox`` is
not made ``Brian-Fuchs``). :func:`retry_copied_labels`
does it for a translator's outputs decoded without memory, where the source language is
English.

Memory can make the model copy a line it translates alone: kNN fusion reading a weak match of
other words (``Introduction`` beside ``Description`` → ``Beschreibung``, a fuzzy score of 52)
leaves ``Introduction`` in English where the model alone writes ``Einführung``. So a fused output
that copies its line of English words (each one English writes in lower case: no name) is
decoded once more without memory (:func:`retry_fused_copies`), unless a match the fusion read
writes those words as they are in its translation (``Dashboard`` → ``Dashboard-Ansicht``: the
memory keeps the word). The line is then as if it had no memory: the steps after a decode
without memory, the retry in lower case above among them, see it too.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Collection, Sequence
from functools import partial
from typing import TYPE_CHECKING

from ltmt.capitals import first_letter, lowered_label, with_first_capital
from ltmt.formats.placeholder_syntax import (
    without_placeholders,
)
from ltmt.percent_signs import restore_percents
from ltmt.pictographs import starts_with_tag
from ltmt.routing import matches_read
from ltmt.text import LETTERS, collapse_space, fuzzy_score
from ltmt.word_tables import lowercase_words, model_target_words
from ltmt.wording import counted

if TYPE_CHECKING:
    from ltmt.segments import Match
    from ltmt.translator import Translator
    from ltmt.units import Unit

logger = logging.getLogger(__name__)


# how close (fuzzy score, case-folded) a translation's word must be to an English word of the
# line to count as its misspelling: ``quue`` for ``queue`` 89, ``spm`` for ``spam`` 86
_NEARLY = 75.0


def mangled_words(text: str, line: str, words: Collection[str]) -> list[str]:
    """The words of translation ``text`` that misspell an English word of ``line`` (one of
    :func:`lowercase_words`; ``quue`` for ``Queue``: nearly it, not it) and are not ``words``
    (the target language's, case-folded)."""
    english = _words(line) & lowercase_words()
    return [
        word
        for word in (w.casefold() for w in LETTERS.findall(without_placeholders(text)))
        if word not in words
        and word not in english
        and any(fuzzy_score(word, e) >= _NEARLY for e in english)
    ]


def _words(text: str) -> frozenset[str]:
    """The words of ``text`` outside its placeholders, case-folded."""
    return frozenset(w.casefold() for w in LETTERS.findall(without_placeholders(text)))


def as_label(text: str, line: str) -> str:
    """``text`` with its first letter outside placeholders a capital where ``line``'s is
    one, but where ``text`` starts with a tag of a word kept as written and ``line`` does not:
    that word starts it (``Open <x/>`` → ``<x/> öffnen``, ``my_file.txt öffnen``), and the
    word after it is no first word."""
    first = first_letter(line)
    if first is None or not line[first].isupper():
        return text
    if starts_with_tag(text) and not starts_with_tag(line):
        return text
    return with_first_capital(text)


# spaces beside a sign: the model writes ``Open ...`` for a copied ``Open...``
_SPACE_BY_SIGN = re.compile(r"\s+(?=[^\w\s])|(?<=[^\w\s])\s+")


def copied(line: str, output: str) -> bool:
    """Whether ``output`` is ``line`` as written (case and kinds of spaces aside: the model
    writes a plain space for the line's no-break space, ``Learn\u00a0More``, and may set a
    sign apart, ``Open ...`` for ``Open...``)."""
    return _folded(output) == _folded(line)


def _folded(text: str) -> str:
    return _SPACE_BY_SIGN.sub("", collapse_space(text)).casefold()


def retry_copied_labels(
    translator: Translator,
    units: Sequence[Unit],
    outputs: list[str],
    skip: Collection[int],
) -> set[int]:
    """Decode again, with their title-case words in lower case, the lines of ``units`` whose
    ``outputs`` copied them (but those in ``skip``: decoded with memory, or following glossary
    terms); replaces the outputs that are then translations, and returns their indices. Only
    for an English source (the table of words is English's)."""
    if not translator.source_language.lower().startswith("en"):
        return set()
    todo = [
        (i, lowered)
        for i, unit in enumerate(units)
        if i not in skip
        and copied(unit.text, outputs[i])
        and (lowered := lowered_label(unit.text)) is not None
    ]
    if not todo:
        return set()
    texts = translator.decode_texts([text for _, text in todo], [units[i].segment for i, _ in todo])
    path = translator.backbone.path  # None: a model held only in memory, its pair unknown
    words = model_target_words(path) if path is not None else None
    replaced: set[int] = set()
    mangled = 0
    for (i, lowered), text in zip(todo, texts, strict=True):
        # a translation, not the words again (``html html`` for ``html``)
        if not text.strip() or lowered.strip().casefold() in text.casefold():
            continue
        if words is not None and mangled_words(text, units[i].text, words):
            mangled += 1
            continue
        outputs[i] = as_label(text, units[i].text)
        replaced.add(i)
    # of the lines copied, those translated and those kept: one line, not one of each
    logger.debug(
        "copied labels: %s in title case came back as written: %d translated in lower case, "
        "%d kept as written (%d for an English word the translation misspelt)",
        counted(len(todo), "line"),
        len(replaced),
        len(todo) - len(replaced),
        mangled,
    )
    return replaced


def unbacked_copy(line: str, output: str, read: Callable[[], Sequence[Match]]) -> bool:
    """Whether fused ``output`` copies ``line`` (:func:`copied`), a line of English words that
    English writes in lower case inside a sentence (:func:`lowercase_words`: no name), while no
    match of ``read()`` (those the fusion read, asked only for such a copy) has all of those
    words in its translation."""
    words = _words(line)
    if not words or not copied(line, output) or not words <= lowercase_words():
        return False
    return not any(words <= _words(match.segment.target) for match in read())


def retry_fused_copies(
    translator: Translator,
    fused: Sequence[int],
    units: Sequence[Unit],
    encoded: Sequence[Sequence[int]],
    matches: Sequence[Sequence[Match]],
    outputs: list[str],
) -> set[int]:
    """Decode again without memory the ``fused`` lines (indices into ``units``, ``encoded``:
    their token ids as decoded, and ``outputs``; ``matches`` per segment) whose output copied
    them with no match to back the copy (:func:`unbacked_copy`; a copy but for a percent sign
    lost, ``Score: {$a}`` for ``Score: {$a}%``, too); their outputs become the
    model's own, and their indices come back: lines decoded without memory now, for the steps
    that follow such a decode. Only for an English source (the table of words is English's)."""
    if not translator.source_language.lower().startswith("en"):
        return set()
    # a copy that lost a percent sign (Score: {$a} for Score: {$a}%) is a copy all the same
    todo = [
        i
        for i in fused
        if unbacked_copy(
            units[i].text,
            restore_percents(units[i].text, outputs[i]),
            partial(matches_read, translator, units[i], matches),
        )
    ]
    if not todo:
        return set()
    texts = translator.decode_ids([encoded[i] for i in todo], sources=[units[i].text for i in todo])
    for i, text in zip(todo, texts, strict=True):
        outputs[i] = text
    logger.info(
        "fused copies: %d lines fusion left as written, with no match read writing their words "
        "so, decoded again without memory",
        len(todo),
    )
    return set(todo)
