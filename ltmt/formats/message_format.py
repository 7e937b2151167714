"""Java's ``java.text.MessageFormat`` patterns, read as ``MessageFormat.applyPattern`` reads them.

An apostrophe quotes: ``'{'`` is a literal brace, ``'{0}'`` the literal text ``{0}``, ``''`` one
apostrophe. Outside quotes, ``{`` opens an argument whose index is a number (``{0}``,
``{1,number,integer}``); Java throws on ``{'name'}`` ("can't parse argument number: 'name'")
and on a brace left open ("Unmatched braces in the pattern"). A translation that quoted a
literal brace as words (``Type '{'name'}'`` → ``Geben Sie »«« ein ... {'name'}``) or turned a
quoted literal into a live argument is no longer the pattern its source was.

    pattern_problem("Type {'name'} here")       # "can't parse argument number: 'name'"
    quoted_braces("Use '{0}' for file {0}.")     # ["'{0}'"]
    lost_apostrophes("Don''t cancel {0}?", "Geht's? {0} stornieren?")  # ["'s? {0} stornieren?"]
    doubled_apostrophes("Click 'Save' {0}", "Andrea's 'Sichern' {0}")  # "Andrea''s 'Sichern' {0}"
"""

from __future__ import annotations

import re

# a quoted part of a pattern (its doubled apostrophes taken out): from an apostrophe to the next
_QUOTED = re.compile(r"'[^']*'")
# text between paired quotes, a word's own apostrophe (Andrea's) neither: 'Speichern'
_PAIRED = re.compile(r"(?<![\w'])'[^'{}]+'(?![\w'])")
_LONE_APOSTROPHE = re.compile(r"(?<!')'(?!')")


def quoted_braces(pattern: str) -> list[str]:
    """The quoted parts of ``pattern`` that hold a brace (``'{'``, ``'}'``, ``'{0}'``): literal
    text that reads as an argument once its quotes are lost or become quote marks."""
    text = pattern.replace("''", "")
    return [found.group() for found in _QUOTED.finditer(text) if set(found.group()) & set("{}")]


def quoted_parts(pattern: str) -> list[str]:
    """The quoted parts of ``pattern`` (its doubled apostrophes taken out), with their quotes;
    an apostrophe left open quotes the rest of the pattern, as Java reads it."""
    text = pattern.replace("''", "")
    parts = [found.group() for found in _QUOTED.finditer(text)]
    rest = _QUOTED.sub("", text)
    return [*parts, rest[rest.index("'") :]] if "'" in rest else parts


def quoted_text(pattern: str) -> list[str]:
    """The quoted parts of ``pattern`` without a brace (``'Save'``): text it shows unquoted,
    which its translation quotes as well (``'Speichern'``)."""
    return [part for part in quoted_parts(pattern) if not set(part) & set("{}")]


def lost_apostrophes(source: str, translation: str) -> list[str]:
    """The quoted parts of ``translation`` (a pattern) that ``source`` has not: a single
    apostrophe meant as one (``Geht's? Bestellung {0}``), which Java drops, showing the text up
    to the next apostrophe as written (``Gehts? Bestellung {0}``: no argument replaced). As many
    quoted parts without a brace as ``source`` has are its own quoting, translated
    (``'Speichern'`` for ``'Save'``)."""
    theirs = quoted_parts(source)
    mirrored = len(quoted_text(source))
    lost = []
    for part in quoted_parts(translation):
        if part in theirs:
            continue
        if mirrored and _PAIRED.fullmatch(part):
            mirrored -= 1
            continue
        lost.append(part)
    return lost


def doubled_apostrophes(source: str, text: str) -> str:
    """``text`` (ltmt's translation of the pattern ``source``, shown to the model with single
    apostrophes) as a pattern: each apostrophe doubled, but for as many paired quotes around
    text without a brace as ``source`` quotes text (``Click 'Save'`` → ``'Speichern'``)."""
    keep = len(quoted_text(source))
    pieces, last = [], 0
    for found in _PAIRED.finditer(text):
        if not keep:
            break
        pieces += [_LONE_APOSTROPHE.sub("''", text[last : found.start()]), found.group()]
        last, keep = found.end(), keep - 1
    return "".join([*pieces, _LONE_APOSTROPHE.sub("''", text[last:])])


def pattern_problem(pattern: str) -> str | None:
    """What ``MessageFormat.applyPattern`` refuses in ``pattern``, or ``None`` where it is a
    valid pattern."""
    in_quote, depth, position = False, 0, 0
    index: str | None = None
    while position < len(pattern):
        char = pattern[position]
        position += 1
        if char == "'" and pattern[position : position + 1] == "'":
            position += 1  # a doubled apostrophe, in quotes or not, is one apostrophe
            index = None if index is None else index + "''"
        elif char == "'" or in_quote:
            in_quote = in_quote != (char == "'")
            index = None if index is None else index + char  # Java reads an index's quotes
        elif depth == 0:
            depth, index = (1, "") if char == "{" else (0, None)
        elif index is not None and char in ",}":
            problem = _index_problem(index)
            if problem is not None:
                return problem
            depth, index = (0 if char == "}" else 1), None
        elif index is not None:
            index += char
        else:
            depth += {"{": 1, "}": -1}.get(char, 0)
    return "Unmatched braces in the pattern" if depth else None


def _index_problem(index: str) -> str | None:
    """Why ``index`` (an argument's text before its ``,`` or ``}``) is no argument number,
    or ``None``."""
    if index.isascii() and index.isdigit():
        return None
    return f"can't parse argument number: {index}"
