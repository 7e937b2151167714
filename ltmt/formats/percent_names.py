"""Drupal's ``%name`` and Symfony's ``%name%`` against printf's conversions that start alike.

Both write a per cent sign and a word, as printf writes a conversion: ``%host`` starts as printf's
``%ho`` (a ``short`` in octal), ``%list`` as ``%li``, ``%id`` as ``%i``. A word that reads as a
conversion with a unit glued to it (:data:`PRINTF_LIKE`: ``%dpx``, ``%ds``, apt's ``%lid %lih
%limin %lis``) is a conversion and a word; another word is Drupal's or Symfony's whole. The
placeholder inventory (:mod:`ltmt.formats.placeholder_syntax`) reads them by these rules:

- Symfony's ``%name%`` is one placeholder whatever its name (``%id%``, ``%host%``, ``%list%``),
  but where its closing ``%`` starts printf's next conversion or a ``%%``: a name that reads
  as a conversion and a unit, with a letter, a digit or a ``%`` right after its closing ``%``
  (``%dx%d``, ``%lu%%``, a date's ``%Hh%M``), is printf's, and so is a conversion alone
  (``%lu%``: ``%lu`` and a per cent sign printf would misread) (:data:`SYMFONY_PERCENT`).
- Drupal's ``%name`` (no closing ``%``) is one where it does not read as a conversion and a
  unit (:data:`DRUPAL_PERCENT`). An ordinal's ending is no unit: a format cannot write a
  number's ``st``, ``nd`` or ``rd`` as text (``%dst`` is wrong for 2), so ``%host``, ``%list``,
  ``%last``, ``%end`` are Drupal's, not ``%ho`` and ``st`` (``%dth`` stays printf's).
- In a Drupal text (:func:`drupal_text`: one with Drupal's ``@name`` or ``!name`` and no printf
  conversion but those glued to a word), a word with a unit's shape is Drupal's too (``Order
  @number: %id``), but a conversion alone (``%lu``, ``%hd``) is still printf's
  (:data:`DRUPAL_TEXT_PERCENT`).

A text with printf conversions has no Drupal ``%name``: there it is a conversion glued to a word
(``%snumbers use %s as a decimal point``: coreutils), and :mod:`ltmt.formats.placeholder_syntax`
reads it so.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

# a printf conversion, a length modifier before it or not, a unit glued to it or not, that ends a
# word (``%lu``, ``%dpx``, ``%dx``, ``%ds``, a date's ``%Hh``, a duration's ``%dm``, ``%dy``,
# ``%dkm``, German's ``%dfach``, ``%dmal``, apt's ``%lid``) or Xcode's ``%arg``: read after a ``%``
_CONVERSION = r"(?:hh|ll|I64|I32|[hlLqjzZtI])?[A-Za-z]"
_UNIT = r"(?i:px|pt|em|ms|s|secs?|mins?|h|hrs?|d|k|[kmgt]i?b|x|th|[kcm]?m|y|w|fach|mal)"
PRINTF_LIKE = rf"(?:arg|{_CONVERSION}{_UNIT}?)(?!\w)"
# a conversion alone, with no unit: printf's in a Drupal text too (``%lu``, ``%hd``)
_BARE_CONVERSION = rf"(?:arg|{_CONVERSION})(?!\w)"
_NAME = r"[A-Za-z][A-Za-z_]\w*"
# Symfony's ``%name%`` (``%count%``, ``%APPDATA%``, ``%host%``): a name of a conversion's and a
# unit's shape only where no conversion or ``%%`` starts at its closing ``%`` (``%dx%d``), and
# not a conversion alone (``%lu%`` is printf's ``%lu`` and a per cent sign, written wrong)
SYMFONY_PERCENT = (
    rf"(?<![\w%])%(?:(?!{PRINTF_LIKE}){_NAME}%|(?!{_BARE_CONVERSION}){_NAME}%(?![%\w]))"
)
# Drupal's ``%name``: an identifier of two characters or more, a small letter first, not of a
# conversion's and a unit's shape, nor a ``%%name``
_SMALL_NAME = r"[a-z][a-z_][a-z0-9_]*(?!\w)"
DRUPAL_PERCENT = rf"(?<![\w%])%(?!{PRINTF_LIKE}){_SMALL_NAME}"
# Drupal's ``%name`` in a Drupal text (:func:`drupal_text`): but a conversion alone
DRUPAL_TEXT_PERCENT = rf"(?<![\w%])%(?!{_BARE_CONVERSION}){_SMALL_NAME}"
_DRUPAL_TEXT_PERCENT = re.compile(DRUPAL_TEXT_PERCENT)
# the start of Drupal's ``@name`` or ``!name`` (not vue-i18n's linked ``@:key``, ``@.lower:key``)
_DRUPAL_SIGIL = re.compile(r"[@!][a-z]")


def drupal_text(
    text: str, sigils: Sequence[re.Match[str]], printf: Sequence[re.Match[str]]
) -> bool:
    """Whether ``text`` reads as Drupal's: its ``sigils`` (the sigil placeholders found in it)
    have a Drupal ``@name`` or ``!name``, and each of its ``printf`` conversions starts a word of
    :data:`DRUPAL_TEXT_PERCENT`'s (``%id`` read as ``%i``), none stands alone (``%lu``, ``%s``)."""
    return any(_DRUPAL_SIGIL.match(m.group()) for m in sigils) and all(
        _DRUPAL_TEXT_PERCENT.match(text, m.start()) for m in printf
    )
