"""The ``::`` of a category path that starts a title: Zendesk's macro titles
(``Billing::Refund approved``, ``Billing::Refunds::Approved``).

Zendesk reads each ``::`` of a macro's title as a level of its category menu. The model, given
the title whole, spaced or tripled it (``Abrechnung:: Refund genehmigt``, ``Konto:::Close
Benutzerzugang``: trial s76), which makes a category of its own or a bogus ``:Close``
entry. Where a line starts with such a path, each of its parts is translated apart and each
``::`` kept as written (:func:`separator_spans`, cut by :func:`ltmt.units.split_segment`);
``ltmt qa`` says where a translation lacks one or writes it otherwise (:func:`lost_separators`).

Narrowly: the path starts the line, its first part capitalised words; each ``::`` stands between two
words without blanks, the one before it a capitalised word or one in capitals (``Billing``, ``IT``),
the one after a capitalised word (``Refund``), and the path is followed by no call, member or
template (``(``, ``.name``, ``<``). A code identifier stays one piece: ``Foo::bar()``,
``std::vector``, ``ActiveRecord::Base``, ``Net::HTTP``, ``self::$x``, ``App\\Models::class``.
"""

from __future__ import annotations

import re

# a part before a "::": a capitalised word, or one in capitals (an acronym's category: IT::)
_BEFORE = r"(?:[A-ZÄÖÜ][a-zäöüß]+|[A-ZÄÖÜ]{2,})"
# a part after it: a capitalised word (not a method's or a namespace's lower case, a constant's
# capitals or a class's inner capitals)
_AFTER = r"[A-ZÄÖÜ][a-zäöüß]+"
# the path at a line's start (its blanks before it allowed), its first part of one or more
# capitalised words (``Sales Tax::Exempt``, ``Billing & Payments::Refund``): each word read one
# way only, so a failed match is one scan
_PATH = re.compile(rf"[ \t]*(?:(?:{_BEFORE}|&)[ \t]+)*{_BEFORE}(?:::{_AFTER})+(?![\w(:<$]|\.\w)")
_SEPARATOR = re.compile(r"::")
# a "::" as a translation writes it, a third colon or a blank beside it too
_WRITTEN = re.compile(r"[ \t]*:{2,}[ \t]*")


def separator_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each ``::`` of the category path that starts ``text`` (module
    docstring); none where it starts with none."""
    found = _PATH.match(text)
    if found is None:
        return []
    return [match.span() for match in _SEPARATOR.finditer(text, found.start(), found.end())]


def lost_separators(source: str, target: str) -> int:
    """How many of the ``::`` of ``source``'s category path ``target`` lacks as written: those
    it does not have, or has with a blank or a third colon beside them (``Abrechnung::
    Rückerstattung``, ``Konto:::Schließen``)."""
    wanted = len(separator_spans(source))
    if not wanted:
        return 0
    kept = sum(found.group() == "::" for found in _WRITTEN.finditer(target))
    return max(0, wanted - kept)
