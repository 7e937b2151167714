"""ICU MessageFormat plural and select messages, branch by branch.

``You have {count, plural, one {# file} other {# files}}.`` is one message with one branching
argument. A model cannot translate it whole (it would translate the keywords and break the
braces), and a branch alone (``# file``) is no sentence. So the message is *expanded*: each
branch becomes a full sentence, the text around the argument included (``You have # file.``),
the way ICU's own guidelines ask messages to be written, and the translations are *assembled*
into one message with the text inside the branches:
``{count, plural, one {Sie haben # Datei.} other {Sie haben # Dateien.}}``. In a plural branch,
``#`` (the number) is handed to the model as ``%d``, which the placeholder repair keeps (and
which the default model translates around as a number, where it glued ``{0}`` to the next word:
``{0}-Dateien``), and turned back after.

Messages this module does not take apart (:class:`Unsupported`): a second branching argument,
one inside a branch (nested), ICU's apostrophe quoting (``'{'``, ``''``), unbalanced braces.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_HEAD = re.compile(r"\{\s*([\w.-]+)\s*,\s*(plural|select|selectordinal)\s*,", re.DOTALL)
_OFFSET = re.compile(r"\s*offset\s*:\s*(\d+)")
_KEY = re.compile(r"\s*(=\d+|[\w-]+)\s*\{")
_NUMBER_FIELD = "%d"


class Unsupported(ValueError):
    """A branching message that cannot be taken apart here."""


@dataclass(frozen=True)
class Branching:
    """A message with one branching argument, expanded: ``branches`` maps each key (``one``,
    ``=0``, ``other``, a select value) to the whole message for that case."""

    argument: str
    kind: str  # plural, select or selectordinal
    offset: str
    branches: dict[str, str]

    @property
    def counts(self) -> bool:
        """Whether ``#`` stands for the number (plural and selectordinal branches)."""
        return self.kind != "select"

    def for_model(self, key: str) -> str:
        """Branch ``key``'s text as the model should see it (``#`` as ``%d``)."""
        text = self.branches[key]
        if self.counts and _NUMBER_FIELD not in text:
            return text.replace("#", _NUMBER_FIELD)
        return text

    def from_model(self, key: str, text: str) -> str:
        """A translation of :meth:`for_model`'s text, with ``#`` back."""
        if self.counts and _NUMBER_FIELD not in self.branches[key]:
            return text.replace(_NUMBER_FIELD, "#")
        return text


def is_branching(message: str) -> bool:
    """Whether ``message`` has an ICU plural or select argument."""
    return _HEAD.search(message) is not None


def _closing(text: str, start: int) -> int:
    """The index of the brace closing the one opened at ``start``."""
    depth = 0
    for index in range(start, len(text)):
        if text[index] == "{":
            depth += 1
        elif text[index] == "}":
            depth -= 1
            if depth == 0:
                return index
    raise Unsupported("unbalanced braces")


def expand(message: str) -> Branching:
    """The branches of ``message`` as whole messages; raises :class:`Unsupported`."""
    if "'{" in message or "'}" in message or "''" in message or "'#" in message:
        raise Unsupported("ICU apostrophe quoting")
    heads = list(_HEAD.finditer(message))
    if len(heads) != 1:
        raise Unsupported("more than one branching argument")
    head = heads[0]
    end = _closing(message, head.start())
    prefix, suffix = message[: head.start()], message[end + 1 :]
    if prefix.count("{") != prefix.count("}") or suffix.count("{") != suffix.count("}"):
        raise Unsupported("the branching argument is inside another")
    body, position = message[head.end() : end], 0
    offset = ""
    if found := _OFFSET.match(body):
        offset, position = found.group(1), found.end()
    branches: dict[str, str] = {}
    while position < len(body.rstrip()):
        key = _KEY.match(body, position)
        if key is None:
            raise Unsupported(f"no branch at {body[position : position + 20]!r}")
        close = _closing(body, key.end() - 1)
        branches[key.group(1)] = prefix + body[key.end() : close] + suffix
        position = close + 1
    if "other" not in branches:
        raise Unsupported("no 'other' branch")
    return Branching(head.group(1), head.group(2), offset, branches)


def assemble(branching: Branching, texts: dict[str, str]) -> str:
    """One message of the translated branches ``texts`` (by key, in their order)."""
    offset = f" offset:{branching.offset}" if branching.offset else ""
    cases = " ".join(f"{key} {{{text}}}" for key, text in texts.items())
    return f"{{{branching.argument}, {branching.kind},{offset} {cases}}}"
