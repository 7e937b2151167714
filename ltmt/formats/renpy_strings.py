"""Ren'Py's string literals and say statements, as a translation file writes them.

A say statement is a character's (or the narrator's) line: ``e "Hello!"``, ``e happy "Hi."``,
``"The gate was locked."``, ``"Eileen" "Hello"`` (a name as a string), with a clause after its
string (``with vpunch``, ``nointeract``, ``id x``, arguments): :func:`say_string` finds its
words' string, the one to translate, and no other statement's (``voice "e_01.ogg"``, ``play
music "x.ogg"``, ``$ name = "Eileen"``).

A literal's text is what Ren'Py reads from it (its lexer's ``dequote``): ``\\"`` a quote,
``\\n`` a line break, ``\\\\`` a backslash, ``\\{`` ``\\[`` ``\\%`` the text's own escapes
``{{`` ``[[`` ``%%``, another escaped character itself. :func:`written` writes a text back as a
literal of that quote, so the model gets ``She said "run"`` and the file keeps ``\\"``. The
text's own escapes (``{{``, ``[[``, ``%%``) and tags stay in the text: the placeholders are
theirs (:mod:`ltmt.formats.placeholder_syntax`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

RENPY = "renpy"  # a pair's syntax (metadata) read from a Ren'Py file: qa's ``renpy`` check
QUOTES = ('"', "'")
# the statements whose strings are no one's words (a file, code, a screen's name)
NOT_SAID = frozenset({
    "voice", "play", "queue", "stop", "show", "scene", "hide", "with", "window", "pause",
    "nvl", "jump", "call", "return", "define", "default", "image", "init", "python", "label",
    "menu", "if", "elif", "else", "while", "for", "pass", "camera", "renpy", "translate",
    "style", "screen", "transform", "old", "new", "layeredimage", "sound", "music",
})  # fmt: skip
_WORD = re.compile(r"[A-Za-z_][\w.]*")
# a speaker's attribute (``happy``, ``@ angry``, ``-sad``)
_ATTRIBUTE = re.compile(r"[@\w.-]+")
_ESCAPE = re.compile(r"\\(.)", re.DOTALL)
# what an escape stands for in the text; any other escaped character is itself
_ESCAPED = {"n": "\n", "{": "{{", "[": "[[", "%": "%%"}


@dataclass(frozen=True)
class Literal:
    """A string literal of a line: ``start`` and ``end``, the offsets of its text (inside the
    quotes), its ``quote``, and its text as written (``raw``)."""

    start: int
    end: int
    quote: str
    raw: str

    @property
    def text(self) -> str:
        """What Ren'Py reads from it (module docstring)."""
        return unescaped(self.raw)


def unescaped(raw: str) -> str:
    """The text of a literal written ``raw`` (its escapes read)."""
    return _ESCAPE.sub(lambda found: _ESCAPED.get(found[1], found[1]), raw)


def written(text: str, quote: str) -> str:
    """``text`` as a literal's inside between ``quote`` marks: backslashes, that quote and line
    breaks escaped."""
    return text.replace("\\", "\\\\").replace(quote, "\\" + quote).replace("\n", "\\n")


def literal_at(line: str, start: int) -> Literal | None:
    """The literal whose opening quote is ``line[start]``, or None (none there, not closed on
    the line, or a triple-quoted one, which a translation file does not write)."""
    quote = line[start : start + 1]
    if quote not in QUOTES or line.startswith(quote * 3, start):
        return None
    at = start + 1
    while at < len(line):
        if line[at] == "\\":
            at += 2
        elif line[at] == quote:
            return Literal(start + 1, at, quote, line[start + 1 : at])
        else:
            at += 1
    return None


def say_string(line: str) -> Literal | None:
    """The string of the words of the say statement ``line`` (indented or not), or None where
    it is no say statement: its speaker (a name and its attributes, or a string) before it, a
    clause or nothing after it."""
    at = len(line) - len(line.lstrip())
    word = _WORD.match(line, at)
    if word is not None:
        if word.group() in NOT_SAID:
            return None
        at = word.end()
        while True:  # the speaker's attributes up to the string
            spaces = len(line) - at - len(line[at:].lstrip(" \t"))
            if spaces == 0 and line[at : at + 1] not in QUOTES:
                return None
            at += spaces
            if line[at : at + 1] in QUOTES:
                break
            attribute = _ATTRIBUTE.match(line, at)
            if attribute is None:
                return None
            at = attribute.end()
    first = literal_at(line, at)
    if first is None:
        return None
    rest = line[first.end + 1 :]
    after = len(line) - len(rest.lstrip(" \t"))
    if line[after : after + 1] not in QUOTES:
        return first
    second = literal_at(line, after)  # "Eileen" "Hello": the first names the speaker
    if second is None or line[second.end + 1 :].lstrip(" \t")[:1] in QUOTES:
        return None
    return second
