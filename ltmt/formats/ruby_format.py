"""Ruby's format strings (``format``, ``%``, ``ruby-format`` in PO) as ``msgfmt -c`` reads them
(gettext 0.21's ``format-ruby.c``).

A directive is ``%``, then flags, a width, a precision, an argument number (``%1$s``) or a
name in angle brackets (``%<count>d``) in any order, then a conversion: ``%%`` (a literal
``%``, ``%5%`` too), an integer (``d i u o x X b B``), a float (``f e E g G a A``), a
character (``c``), a string (``s``) or an inspected object (``p``); or a name in braces
(``%{title}``, a string, which ends the directive). A ``%`` that starts none is an error
(``100 % fertig`` reads ``% f``, ``ertig`` after it; a ``%`` at the end is a directive cut
short). Named and unnamed arguments are not mixed, nor numbered and unnumbered ones; a ``*``
width or precision takes an argument of its own.

    arguments("You have %<count>d unread")   # Arguments(named=True, types={"count": "int"})
"""

from __future__ import annotations

import re
from typing import NamedTuple

_DIRECTIVE = re.compile(
    r"%(?P<mods>(?:[-+ #0]|[1-9]\d*\$|\*(?:[1-9]\d*\$)?|\d+|\.(?:\d+|\*(?:[1-9]\d*\$)?)?"
    r"|<[^>]*>)*)"
    r"(?:\{(?P<braced>[^}]*)\}|(?P<conv>[bBdiouxXeEfgGaAcsp%]))"
)
_MODS = re.compile(r"<(?P<name>[^>]*)>|(?P<number>[1-9]\d*)\$|\*(?:(?P<star>[1-9]\d*)\$)?")
_TYPES = {
    **dict.fromkeys("bBdiouxX", "int"),
    **dict.fromkeys("eEfgGaA", "float"),
    "c": "char",
    "s": "string",
    "p": "object",
}


class RubyFormatError(ValueError):
    """A string that is no valid Ruby format string (the message says where)."""


class Arguments(NamedTuple):
    """A Ruby format string's arguments: by name (``%<count>d``, ``%{title}``) or by number
    (``%2$s``, an unnumbered one taking the next), each with its type."""

    named: bool
    types: dict[str, str]


def arguments(text: str) -> Arguments:
    """The arguments of the Ruby format string ``text``; :class:`RubyFormatError` where it is
    none."""
    types: dict[str, str] = {}
    named = numbered = unnumbered = False
    position = 0
    while (start := text.find("%", position)) >= 0:
        match = _DIRECTIVE.match(text, start)
        if match is None:
            at = text[start : start + 6]
            raise RubyFormatError(f"invalid directive at {at!r} (write '%%' for a percent sign)")
        position = match.end()
        if match["conv"] == "%":
            continue
        name, number = match["braced"], None
        for mod in _MODS.finditer(match["mods"]):
            if mod["name"] is not None:
                name = mod["name"]
            elif mod["number"] is not None:
                number = mod["number"]
            else:  # a "*" width or precision reads an integer argument
                numbered |= mod["star"] is not None
                unnumbered |= mod["star"] is None
                types[mod["star"] or str(len(types) + 1)] = "int"
        kind = "string" if match["braced"] is not None else _TYPES[match["conv"]]
        if name is not None:
            named = True
            types.setdefault(name, kind)
        else:
            numbered |= number is not None
            unnumbered |= number is None
            types[number or str(len(types) + 1)] = kind
    if named and (numbered or unnumbered):
        raise RubyFormatError("named and unnamed arguments mixed")
    if numbered and unnumbered:
        raise RubyFormatError("numbered and unnumbered arguments mixed")
    return Arguments(named, types)
