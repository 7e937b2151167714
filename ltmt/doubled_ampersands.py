"""Doubled ampersands (``&&``: an ``&`` written as text in a Qt, KDE or Windows label) given to
the model as the ``&`` they show, and written doubled again in its translation.

Given as a tag, ``Find && &Replace…`` came out ``&& &Ersetzen…`` (``Find`` lost) and ``Print
&& Preview`` as ``&& Vorschau ausgeben``; read as text, ``Find & Replace…`` comes out ``Finden &
Ersatz…``, both words kept (measured by hand on 15 menu labels with the default model: a tag
lost the word before it in 3, the ``&`` lost one in none). So :func:`single` gives the model
each ``&&`` (:func:`ltmt.accelerators.literal_ampersands`) as ``&``, and :func:`doubled_again`
writes the translation's ``&`` doubled, spaced as the source's was where the model glued it
to a word (``Kopiere &-Barte``, ``Rock& rollen``): a single ``&`` would mark the character
after it as the accelerator. This is not an accelerator's marker, so it is done whatever
``--accelerators`` says (``none`` places no accelerator; it does not unescape ``&&``).

:func:`words_lost_beside` is ``ltmt qa``'s: a ``&&`` that stands between words in the source
and at an edge of its line in the translation (``&& &Ersetzen…``) lost the words on that side.
"""

from __future__ import annotations

import re

from ltmt.accelerators import literal_ampersands
from ltmt.formats.placeholder_syntax import find_placeholders

# (a space before it, a space after it) in the source, for each ``&&`` given as ``&``
Spacing = tuple[tuple[bool, bool], ...]


# a single ``&`` between two letters (``Q&A``, ``AT&T``): given beside ``&&`` as ``&``, the two
# swapped places (``Q&A && support`` → ``Q && A & Unterstützung``)
_AMPERSAND_IN_A_WORD = re.compile(r"[^\W\d_]&(?!&)[^\W\d_]")


def shown_as_single(text: str) -> bool:
    """Whether :func:`single` gives ``text``'s ``&&`` to the model as ``&``: each stands between
    two words of two letters or more (a menu's ``Find && &Replace…``, ``Copy && Paste``), and
    no single ``&`` stands between two letters. An operator between one-letter operands
    (``Both A && B must be true.``: the model dropped the ``A``), ``R&&D``, or a line with
    ``Q&A`` is given as the morning gave it, the ``&&`` a tag
    (:func:`ltmt.accelerators.literal_ampersands`; a regression trial, session 71)."""
    return _shown_as_single(text, literal_ampersands(text))


def _shown_as_single(text: str, found: list[tuple[int, int, str]]) -> bool:
    """:func:`shown_as_single` of ``text`` whose doubled ampersands are ``found``."""
    if not found or _AMPERSAND_IN_A_WORD.search(text):
        return False
    return all(
        _word_before(text[:start]) >= 2 and _word_after(text[end:]) >= 2 for start, end, _ in found
    )


def _word_before(text: str) -> int:
    """The letters of the word that ends ``text``, spaces aside (0: none)."""
    match = re.search(r"([^\W_]+)\W{0,2}\s*$", text)
    return len(match.group(1)) if match else 0


def _word_after(text: str) -> int:
    """The letters of the word that starts ``text``, spaces and an accelerator's ``&`` aside."""
    match = re.match(r"\s*&?([^\W_]+)", text)
    return len(match.group(1)) if match else 0


def single(text: str) -> tuple[str, Spacing]:
    """``text`` with each of its doubled ampersands as one ``&``, and how each was spaced; as
    it is where :func:`shown_as_single` says no."""
    found = literal_ampersands(text)
    if not _shown_as_single(text, found):
        return text, ()
    pieces, spacing, last = [], [], 0
    for start, end, _ in found:
        pieces += [text[last:start], "&"]
        spacing.append((text[start - 1 : start].isspace(), text[end : end + 1].isspace()))
        last = end
    pieces.append(text[last:])
    return "".join(pieces), tuple(spacing)


def doubled_again(translation: str, spacing: Spacing) -> str:
    """``translation`` with its first single ampersands (outside placeholders and entities),
    one for each of ``spacing``, written ``&&`` (the model got no accelerator's marker: its line's
    was set aside, so an ``&`` before a letter is one of these too, ``A&&B`` given as
    ``A&B``); one glued to a word or a hyphen where the source's had a space gets one."""
    covered = {i for p in find_placeholders(translation) for i in range(p.start, p.end)}
    spots = [
        i
        for i, char in enumerate(translation)
        if char == "&"
        and i not in covered
        and translation[i + 1 : i + 2] != "&"
        and translation[i - 1 : i] != "&"
    ][: len(spacing)]
    for i, (space_before, space_after) in reversed(list(zip(spots, spacing))):
        before, after = translation[:i], translation[i + 1 :]
        if space_after and after[:1] == "-" and after[1:2].isalpha():
            after = after[1:]  # ``&-Barte``: the model's hyphen joined it to the word
        if space_after and after[:1].isalnum():
            after = " " + after
        if space_before and before[-1:].isalnum():
            before += " "
        translation = before + "&&" + after
    return translation


def words_lost_beside(source: str, target: str) -> bool:
    """Whether a line of ``target`` starts or ends with a ``&&`` (nothing but marks before or
    after it) where the line of ``source`` of the same number has words on both sides of each
    of its own (``Find && &Replace…`` → ``&& &Ersetzen…``)."""
    source_lines, target_lines = source.split("\n"), target.split("\n")
    if len(source_lines) != len(target_lines):
        return False
    for source_line, target_line in zip(source_lines, target_lines, strict=True):
        wanted = literal_ampersands(source_line)
        if not wanted or not all(_between_words(source_line, s, e) for s, e, _ in wanted):
            continue
        written = literal_ampersands(target_line)
        if not all(_between_words(target_line, s, e) for s, e, _ in written):
            return True
    return False


def _between_words(line: str, start: int, end: int) -> bool:
    """Whether ``line`` has a letter or digit before ``start`` and after ``end``."""
    return any(c.isalnum() for c in line[:start]) and any(c.isalnum() for c in line[end:])
