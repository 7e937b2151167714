"""vue-i18n's plural choices in JSON and YAML message files: ``no items | one item | {count}
items``.

vue-i18n picks a message's choice by its place: of two, the first for 1 and the second for any
other count; of three, the first for 0, the second for 1, the third for more. The model got
such a message whole and wrote it as one sentence: ``no comments yet | 1 comment | {count}
comments`` came out ``keine Kommentare | 1 Kommentare | {count}`` (the third choice lost its
word), and with a memory ``no items | one item | {count} items`` came out ``keine Elemente |
{count}-Eintrage``, two choices where vue-i18n counts three (session 60). So such a message is
translated choice by choice, each a string of its own (``/items#0``, ``/items#1``, ...:
:meth:`Choices.keys`), and
the translations are joined with the source's separators: the translation has the source's
number of choices, always.

A message has choices where each ``|`` outside braces (vue-i18n's literal ``{'|'}`` is text)
has white space on both sides: ``true|false`` and ``a||b`` are left whole, and so is a message
with an empty choice. The JSON and YAML
catalogs read every message so but ICU's (ARB files, ICU plurals and selects): a ``|`` between
words that is text, a page title's ``Home | Shop``, is translated piece by piece and comes back
as it was written (``Startseite | Shop``). Other formats never split at a ``|``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ltmt.formats.keyed_catalog import FORM


@dataclass(frozen=True)
class Choices:
    """A message's ``branches`` (its choices, in order) and the ``separators`` between them,
    as written (one fewer)."""

    branches: tuple[str, ...]
    separators: tuple[str, ...]

    def keys(self, name: str) -> list[str]:
        """The catalog keys of the choices of the message ``name``: ``name#0``, ``name#1`` ..."""
        return [f"{name}{FORM}{n}" for n in range(len(self.branches))]

    def read(self, name: str, text: str) -> dict[str, str]:
        """The choices of ``text``, a translation of the message ``name``, by key; none where
        it has another number of choices (it is translated again)."""
        found = pipe_choices(text)
        if found is None or len(found.branches) != len(self.branches):
            return {}
        return dict(zip(self.keys(name), found.branches, strict=True))

    def translation(self, name: str, translations: Mapping[str, str]) -> str | None:
        """The message ``name``'s translation: its choices' ``translations`` (by key) joined,
        once each has one; ``None`` before."""
        texts = [translations.get(key) for key in self.keys(name)]
        if any(text is None for text in texts):
            return None
        return self.joined([str(text) for text in texts])

    def joined(self, translations: Sequence[str]) -> str:
        """The message of ``translations``, one a branch, with the source's separators."""
        if len(translations) != len(self.branches):
            raise ValueError(f"{len(translations)} translations for {len(self.branches)} choices")
        pieces = [translations[0]]
        for separator, text in zip(self.separators, translations[1:], strict=True):
            pieces += [separator, text]
        return "".join(pieces)


def pipe_choices(message: str) -> Choices | None:
    """``message``'s choices, or ``None`` where it has no bar outside braces, one without white
    space on both sides (``true|false``), or an empty choice (module docstring)."""
    bars = [at for at, char in enumerate(message) if char == "|" and _outside_braces(message, at)]
    if not bars or not all(_spaced(message, at) for at in bars):
        return None
    # the white space around each bar is its separator's; the message's own edges its choices'
    cuts = [(_space_before(message, at), _space_after(message, at)) for at in bars]
    starts, ends = [0, *(end for _, end in cuts)], [*(start for start, _ in cuts), len(message)]
    branches = [message[start:end] for start, end in zip(starts, ends, strict=True)]
    if not all(branch.strip() for branch in branches):
        return None
    separators = [message[start:end] for start, end in cuts]
    return Choices(tuple(branches), tuple(separators))


def _outside_braces(message: str, at: int) -> bool:
    before = message[:at]
    return before.count("{") <= before.count("}")


def _space_before(message: str, at: int) -> int:
    return len(message[:at].rstrip())


def _space_after(message: str, at: int) -> int:
    return len(message) - len(message[at + 1 :].lstrip())


def _spaced(message: str, at: int) -> bool:
    return message[at - 1 : at].isspace() and message[at + 1 : at + 2].isspace()
