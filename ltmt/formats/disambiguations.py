"""A Qt message's disambiguation: the sense its context names, apart from its class.

``lupdate`` writes ``tr("Open", "adjective: file state")`` as a ``<message>`` of its class's
``<context>`` with a ``<comment>``, and a ``.ts`` file's context (as stored in memory) is the two
joined by a line break: ``FileView\\nadjective: file state``. The class is a place, like a PO
file's source reference: a widget moved to another class keeps its words. The comment is the
sense, as a PO ``msgctxt`` is: ``Open`` the state (``Geöffnet``) and ``Open`` the command
(``Öffnen``). So a memory match of another class but the same comment is preferred among equal
matches (:func:`same_sense`), and a 100 % match whose comment names another sense is no exact
match (:func:`other_sense`). A context without a line break (PO's, a key's) names no sense
here: those compare as before.
"""

from __future__ import annotations


def disambiguation(context: object) -> str:
    """The disambiguation comment of a stored context (``FileView\\nadjective: file state`` →
    ``adjective: file state``); "" for a context without one."""
    _, newline, comment = str(context or "").partition("\n")
    return comment.strip() if newline else ""


def same_sense(one: object, other: object) -> bool:
    """Whether two contexts both have a disambiguation comment, and the same one."""
    comment = disambiguation(one)
    return bool(comment) and comment == disambiguation(other)


def other_sense(one: object, other: object) -> bool:
    """Whether two contexts both have a disambiguation comment, and they differ: their words
    mean different things (``adjective: file state``, ``verb: button``)."""
    first, second = disambiguation(one), disambiguation(other)
    return bool(first) and bool(second) and first != second
