"""English that writes a word's singular and plural at once with a suffix in brackets:
``file(s)``, ``match(es)``, ``entry(ies)`` or ``entr(ies)``, ``director(y|ies)``,
``child(ren)``. A Qt numerus message has one such source for all its plural forms, and a PO
entry may give it as both ``msgid`` and ``msgid_plural``: :func:`singular` and :func:`plural`
read it as one form, so that the model gets ``%n entry removed`` and ``%n entries removed``,
not the brackets, which it copies into the German (``%n Eintrag(ies) entfernt`` for both).

:func:`english_suffixes_kept` finds such a suffix left in a German text: ``(ies)``,
``(y|ies)``, ``(ren)``, ``(es)``, which German does not write (its own ``Datei(en)``,
``Element(e)``, ``Foto(s)`` are not found).

Each pattern reads a letter, a bracket and at most nine letters and a bar: it cannot backtrack
past the bracket it started at.
"""

from __future__ import annotations

import re

# a letter, then (s), (es), (ies), (ren), or (one|many) whose many is a plural's ending:
# (y|ies), (is|es), (|s); not a choice of words, foo(a|b)
_SUFFIX = re.compile(
    r"(?P<last>[^\W\d_])\("
    r"(?:(?P<one>[a-z]{0,3})\|(?P<many>[a-z]{0,3}(?:s|ren))|(?P<suffix>e?s|ies|ren))\)"
)
# what German does not write after a word: English's (ies), (ren), (es) and (y|ies)
_ENGLISH_KEPT = re.compile(r"(?<=[^\W\d_])\((?:[a-z]{0,3}\|[a-z]{0,3}(?:s|ren)|ies|ren|es)\)")


def singular(text: str) -> str:
    """``text`` with each bracketed suffix read as the singular: ``%n entr(y|ies) removed``
    and ``%n entry(ies) removed`` → ``%n entry removed``, ``%n file(s)`` → ``%n file``."""
    return _SUFFIX.sub(_singular, text)


def plural(text: str) -> str:
    """``text`` with each bracketed suffix read as the plural: ``%n entr(y|ies) removed``,
    ``%n entry(ies) removed`` → ``%n entries removed``, ``%n child(ren)`` → ``%n children``."""
    return _SUFFIX.sub(_plural, text)


def has_suffixes(text: str) -> bool:
    """Whether ``text`` writes a singular and plural at once (``%n file(s)``)."""
    return _SUFFIX.search(text) is not None


def entry_forms(msgid: str, msgid_plural: str) -> tuple[str, str]:
    """A PO plural entry's singular and plural: its ``msgid`` and ``msgid_plural``, or where
    they are one text that writes both forms (``%d file(s)`` twice, as ``lconvert`` makes of a
    Qt message), that text read as each (``%d file``, ``%d files``)."""
    if msgid == msgid_plural and has_suffixes(msgid):
        return singular(msgid), plural(msgid)
    return msgid, msgid_plural


def english_suffixes_kept(text: str) -> list[str]:
    """The English plural suffixes the German ``text`` keeps, as written: ``["(ies)"]`` of
    ``%n Eintrag(ies) entfernt``; none of ``%n Datei(en)``."""
    return _ENGLISH_KEPT.findall(text)


def _singular(found: re.Match[str]) -> str:
    last = found.group("last")
    if found.group("many") is not None:
        return last + found.group("one")
    if found.group("suffix") == "ies" and last != "y":
        return last + "y"  # entr(ies): entry
    return last


def _plural(found: re.Match[str]) -> str:
    last = found.group("last")
    if found.group("many") is not None:
        return last + found.group("many")
    suffix = found.group("suffix")
    if suffix == "ies" and last == "y":
        return "ies"  # entry(ies): entries
    return last + suffix
