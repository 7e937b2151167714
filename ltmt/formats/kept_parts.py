"""Parts of a source that its file says to write as they are, given to the model as fields.

Two such parts of a .NET resource string (:mod:`ltmt.formats.resx`):

- the strings its ``<comment>`` locks, Microsoft's ``{Locked="Quick Entry"}``
  (:func:`ltmt.formats.translator_notes.locked_strings`): a feature's name in a sentence,
  which the model translated (``Open Quick Eintrag``);
- the escaped braces of a composite format string around words, ``Type {{ to open a group and
  }} to close it.``: ``{{`` and ``}}`` are two literal braces, not a template's field (read as
  one, ``to open a group and`` stayed in English). Only words that read as a sentence's: three
  or more, or two of which one is a function word (``{{ to it }}``). A field with no blank
  inside, ``{{Date}}``, two words a template's expression may be (a helper call or a spaced
  variable, ``{{ address city }}``, ``{{ first name }}``; ``{{ if user }}``: ``if`` is a
  template's keyword) and one that reads as a template's expression (a sign other than a
  word's: ``{{ user.name }}``, ``{{ price | money }}``) stay one field.

The unit's source keeps them (:attr:`~ltmt.formats.documents.Unit.kept`, their places); the
model gets each as a stand-in it writes as it is (:func:`with_stand_ins`), and the translation
gets them back (:func:`put_back`): an escaped brace as a field of its own, ``{{ltmt_kept_1}}``;
a locked string as a composite format item the source does not have, ``{91}``, which the model
keeps in its place in the sentence (as the field, ``Welcome to the {{ltmt_kept_1}} program``
came back as ``Programm »Insider«``, and ``Your {{ltmt_kept_1}} plan renews on {0}.`` with a
word that is none, trial s75). ``ltmt qa``
reads such braces as two, and says where a translation has fewer or more pairs of them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from ltmt.terminology.function_words import ENGLISH_FUNCTION_WORDS, FUNCTION_WORDS
from ltmt.text import with_edits

Span = tuple[int, int]

# the syntax (a keyed catalog's metadata ``syntax``) of the strings whose ``{{ ... }}`` around
# words are .NET's escaped braces: a .resx file's, a XAML ResourceDictionary's, which ``ltmt qa``
# reads so (:func:`escaped_braces_aside`)
DOTNET = "dotnet"

# a stand-in (its number: the place of its part among the unit's kept ones): a field, or a
# format item from {91} to {99}
_STAND_IN = re.compile(r"\{\{ltmt_kept_\d{1,4}\}\}|\{9[1-9]\}")
# an escaped brace, which a field stands for (:func:`stand_ins`)
_BRACES = ("{{", "}}")
# .NET's escaped braces around words and blanks alone: "{{ to open a group and }}" (letters of
# any language, blanks and a sentence's marks between, "{{ um eine Gruppe zu öffnen }}" too; no
# sign a template's expression has). A character matches one alternative only: no backtracking
_ESCAPED_BRACES = re.compile(r"\{\{([ \t]+[^\W\d_](?:[^\W\d_]|[' \t,;!?\u2019])*[ \t])\}\}")
# the words of a sentence that two words between escaped braces need one of (English's, or
# German's in a translation ``ltmt qa`` reads), less a template's keywords: ``{{ if user }}``,
# ``{{ with order }}`` are Scriban's, ``{{ else if }}`` Handlebars'
_SENTENCE_WORDS = (ENGLISH_FUNCTION_WORDS | FUNCTION_WORDS) - {"if", "for", "in", "with", "as"}


def stand_in(number: int) -> str:
    """The field that stands for a unit's ``number``-th kept part (from 1)."""
    return f"{{{{ltmt_kept_{number}}}}}"


def escaped_brace_spans(text: str) -> list[Span]:
    """The places of .NET's escaped braces ``{{`` and ``}}`` in ``text`` that enclose words
    and blanks (module docstring), two a pair."""
    spans: list[Span] = []
    for found in _ESCAPED_BRACES.finditer(text):
        if _reads_as_a_sentence(found.group(1)):
            spans += [(found.start(), found.start() + 2), (found.end() - 2, found.end())]
    return spans


def _reads_as_a_sentence(between: str) -> bool:
    """Whether ``between`` (words, blanks and a sentence's marks) reads as a sentence's words,
    not a template's expression: ``{{ count }}`` and ``{{ address city }}`` are fields."""
    words = re.findall(r"[^\W\d_][\w'\u2019]*", between)
    if len(words) >= 3:
        return True
    return len(words) == 2 and any(word.lower() in _SENTENCE_WORDS for word in words)


def locked_spans(text: str, strings: Iterable[str]) -> list[Span]:
    """The places of ``strings`` (a comment's locked ones) in ``text``, each occurrence, the
    longer first where two overlap."""
    spans: list[Span] = []
    for wanted in sorted({s for s in strings if s.strip()}, key=len, reverse=True):
        start = text.find(wanted)
        while start >= 0:
            end = start + len(wanted)
            if not any(a < end and start < b for a, b in spans):
                spans.append((start, end))
            start = text.find(wanted, end)
    return sorted(spans)


def stand_ins(text: str, spans: Sequence[Span]) -> list[str]:
    """The stand-in of each of ``text``'s parts at ``spans`` (module docstring): a locked
    string's is the format item ``{9n}`` (n its number, up to 9) where ``text`` has none such,
    any other's the field :func:`stand_in`."""
    given = []
    for number, (start, end) in enumerate(spans, 1):
        item = f"{{9{number}}}"
        locked = text[start:end] not in _BRACES and number <= 9 and item not in text
        given.append(item if locked else stand_in(number))
    return given


def with_stand_ins(text: str, spans: Sequence[Span]) -> str:
    """``text`` with its parts at ``spans`` (sorted, not overlapping) given as stand-ins."""
    given = stand_ins(text, spans)
    return with_edits(text, ((start, end, g) for g, (start, end) in zip(given, spans, strict=True)))


def put_back(translation: str, source: str, spans: Sequence[Span]) -> str:
    """``translation`` (of :func:`with_stand_ins`'s text) with each stand-in the part of
    ``source`` it stands for; one that stands for none of them is left as it is."""
    parts = {
        given: source[start:end]
        for given, (start, end) in zip(stand_ins(source, spans), spans, strict=True)
    }
    return _STAND_IN.sub(lambda found: parts.get(found.group(), found.group()), translation)


def escaped_braces_aside(text: str) -> tuple[str, int]:
    """``text`` with its escaped braces around words (:func:`escaped_brace_spans`) as blanks,
    and how many pairs it has: for ``ltmt qa``, which would read each pair as one field."""
    spans = escaped_brace_spans(text)
    blanked = with_edits(text, ((start, end, " " * (end - start)) for start, end in spans))
    return blanked, len(spans) // 2
