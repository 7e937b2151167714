"""A catalog string's HTML character references given to the model as the characters they
stand for, and written back as the string spelled them.

Catalogs of web software hold their strings HTML-escaped (a WordPress plugin's PO, an i18next
JSON file: ``Terms &amp; Conditions``, ``Continue&hellip;``, ``10&nbsp;% off``), and the model
read a reference as a word of its own: ``Terms &amp; Conditions`` came out ``&amp;
Bedingungen`` ("Terms" lost, and no check saw it, as the bare ``&`` is what they read),
``Continue&hellip;`` as ``Kontinue&hellip;`` where ``Continue…`` comes out ``Weiter…``, and
``Subscribe … &amp; get 10&nbsp;% off …`` lost its ``&amp;`` to the repair, which put it after
the final full stop (WordPress and i18next trials, session 76).

:func:`characters_for_model` gives the model ``&`` for ``&amp;`` (one that spells the text
``&copy;``, ``&amp;copy;``, stays), and the character of a reference to a visible character
that is not ASCII (``…``, ``©``, an en dash) or to a no-break space; :meth:`Spellings.written_back`
writes each such character of the translation (outside its placeholders) as the source's
reference again. A character the line also holds as itself is left as written (which spelling
the translation's would be is not known), and so are ``&lt;``, ``&gt;`` (they would read as a
tag), quote marks (the model writes German ones), references to invisible characters and
entity names HTML does not define (:func:`ltmt.formats.markup_characters.is_entity`). A line
with no reference goes to the model as it is.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass

from ltmt.folded_characters import NO_BREAK_SPACES
from ltmt.formats.markup_characters import is_entity
from ltmt.formats.placeholder_syntax import CHARACTER_REFERENCE, REFERENCE_TAIL, find_placeholders

# a reference, but not the ``&amp;`` that spells a reference as text (``&amp;copy;``)
_REFERENCE = re.compile(rf"(?!&(?:amp|#0*38|#[xX]0*26);{REFERENCE_TAIL}){CHARACTER_REFERENCE}")
# quote marks, which the model writes as German ones (a reference's would not be found again)
_QUOTE_CATEGORIES = frozenset({"Pi", "Pf"})
_QUOTE_MARKS = "\u201e\u201a\u2018\u2019\u201c\u201d\u00ab\u00bb\u2039\u203a"


@dataclass(frozen=True)
class Spellings:
    """The characters a line's references were given to the model as, each with the reference
    the line wrote for it: ``(("&", "&amp;"), ("…", "&hellip;"))``."""

    written: tuple[tuple[str, str], ...] = ()

    def written_back(self, translation: str) -> str:
        """``translation`` with each of these characters outside its placeholders written as
        the line's reference for it."""
        if not self.written:
            return translation
        spelled = dict(self.written)
        covered = {i for p in find_placeholders(translation) for i in range(p.start, p.end)}
        return "".join(
            spelled.get(char, char) if i not in covered else char
            for i, char in enumerate(translation)
        )


def characters_for_model(line: str) -> tuple[str, Spellings]:
    """``line`` with its references to the characters the model reads (module docstring) as
    those characters, and how to write them back; ``(line, Spellings())`` where there are
    none."""
    if "&" not in line:
        return line, Spellings()
    found = [(match, _character(match.group())) for match in _REFERENCE.finditer(line)]
    held = _held_as_themselves(line)
    chosen: dict[str, str] = {}
    for match, character in found:
        if character is None or character in held:
            continue
        # one spelling per character: ``&#8230;`` beside ``&hellip;`` is left as written
        if chosen.setdefault(character, match.group()) != match.group():
            chosen[character] = ""
    chosen = {character: spelling for character, spelling in chosen.items() if spelling}
    if not chosen:
        return line, Spellings()
    pieces, position = [], 0
    for match, character in found:
        if character is not None and chosen.get(character) == match.group():
            pieces += [line[position : match.start()], character]
            position = match.end()
    pieces.append(line[position:])
    return "".join(pieces), Spellings(tuple(chosen.items()))


def _character(reference: str) -> str | None:
    """The character ``reference`` is given to the model as, or None: kept as written."""
    if is_entity(reference):
        return None
    character = html.unescape(reference)
    if character == "&" or character in NO_BREAK_SPACES:
        return character
    if len(character) != 1 or character.isascii() or not character.isprintable():
        return None
    if character in _QUOTE_MARKS or unicodedata.category(character) in _QUOTE_CATEGORIES:
        return None
    return character


def _held_as_themselves(line: str) -> set[str]:
    """The characters ``line`` holds written as themselves, outside its placeholders (an
    ``&`` inside a tag's URL is no text)."""
    covered = {i for p in find_placeholders(line) for i in range(p.start, p.end)}
    return {char for i, char in enumerate(line) if i not in covered}
