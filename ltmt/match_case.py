"""A 100 % match that differs from the input in case: its translation written in the input's case.

Memory matches are scored on case-folded text (:func:`ltmt.text.normalize`), so ``Yes`` has a
100 % match in a stored ``YES`` → ``JA``, and `` REPLACE`` in ``Replace`` → ``Ersetzen``.
Reused as stored, such a translation has the wrong case for the input: on the dev users, vim's
`` REPLACE`` came back `` Ersetzen`` (its translators wrote `` ERSETZEN``), ``Yes`` ``JA`` and
``&Ok`` ``&OK``, coreutils' ``Name`` ``NAME``, gnupg's ``No`` ``nein`` and git's ``Could not
detach HEAD`` ``konnte HEAD nicht loslösen``. :func:`recased` writes the stored translation in
the input's case where the difference says how (outside placeholders: ``%s`` is not ``%S``):

- the input in capitals (no small letter, two capitals at least), the match's source not: the
  translation in capitals (`` ERSETZEN``; German's ``ß`` as ``SS``);
- the match's source in capitals, the input not, and the translation one word in capitals:
  that word with a capital and small letters where the input starts with a capital (``JA`` →
  ``Ja``, ``&OK`` → ``&Ok``, ``NAME`` → ``Name``); otherwise nothing can be said without
  knowing which German words are nouns (``DATEI NICHT GEFUNDEN`` for ``file not found``,
  ``NAME`` for ``name``), and :func:`recased` gives None: the input is then decoded, the match
  read by fusion like any other;
- the input starts with a capital where the match's source starts with a small letter: the
  translation with a capital first letter where the translation starts with it (``nein`` →
  ``Nein``; not ``'%s' kann nicht geöffnet werden`` for ``Can't open '%s'``); the other way
  round it stays as written (a German line may start with a noun: ``Priorität`` for
  ``priority``);
- any other difference (``Open File`` for ``Open file``: German has no title case): as written.

Among several 100 % matches, one whose source is the input as written comes first
(:func:`same_case_first`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from ltmt.capitals import first_letter, in_capitals, with_first_capital
from ltmt.formats.placeholder_syntax import outside_placeholders, without_placeholders
from ltmt.segments import Match
from ltmt.text import LETTERS

# a text "in capitals" has at least this many, and no small letter (``OK``, ``YES``; not ``A``)
MIN_CAPITALS = 2

M = TypeVar("M", bound=Match)


def _letters(text: str) -> str:
    return "".join(LETTERS.findall(without_placeholders(text)))


def in_capitals_only(text: str) -> bool:
    """Whether ``text`` has no small letter and :data:`MIN_CAPITALS` capitals at least, outside
    its placeholders."""
    letters = _letters(text)
    return sum(c.isupper() for c in letters) >= MIN_CAPITALS and not any(
        c.islower() for c in letters
    )


def _starts_with_capital(text: str) -> bool | None:
    at = first_letter(text)
    return None if at is None else text[at].isupper()


def recased(text: str, source: str, target: str) -> str | None:
    """``target``, the stored translation of ``source`` (a 100 % match of input ``text``),
    written in ``text``'s case; None where its case cannot be told (module docstring)."""
    if _letters(text) == _letters(source):
        return target
    if in_capitals_only(text) and not in_capitals_only(source):
        return in_capitals(target)
    if in_capitals_only(source) and not in_capitals_only(text):
        if not in_capitals_only(target):
            return target  # the translator wrote it in small letters too
        if len(LETTERS.findall(without_placeholders(target))) != 1 or not _starts_with_capital(
            text
        ):
            return None
        return with_first_capital(outside_placeholders(target, str.lower))
    if _starts_with_capital(text) and _starts_with_capital(source) is False:
        return _with_capital_start(target)
    return target


def _with_capital_start(target: str) -> str:
    """``target`` with a capital first letter where the line starts with it (after spaces,
    quotes or an accelerator; not ``'%s' kann ...``, whose sentence starts with ``'%s'``)."""
    at = first_letter(target)
    if (
        at is None
        or any(c.isalnum() for c in target[:at])
        or without_placeholders(target[:at]) != target[:at]
    ):
        return target
    return with_first_capital(target)


def same_case_first(text: str, matches: Sequence[M]) -> list[M]:
    """``matches`` (scored alike) with those whose source has ``text``'s letters as written
    first, each group in its order."""
    letters = _letters(text)
    same = [m for m in matches if _letters(m.segment.source) == letters]
    return same + [m for m in matches if _letters(m.segment.source) != letters]
