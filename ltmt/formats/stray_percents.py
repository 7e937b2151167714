"""A ``%`` a printf format string's translation has and its source neither writes nor says.

In a format string (its source has a printf conversion: ``%d``, ``%@``, ``%1$s``,
``%(name)s``, ``%#@count@``) a ``%`` that starts no conversion is a broken one: the remnant of a
conversion the model cut short (a stringsdict form came out ``... Tablette von %``, session
73), which ``String.localizedStringWithFormat`` reads as a conversion of whatever follows. It is
dropped (:func:`without_stray_percents`, a clean-up of :func:`ltmt.formats.repair.repair_line`)
where the source has no ``%`` of its own outside its placeholders, nor says "percent" (or "per
cent", "percentage", "pct."): a ``%`` the translation writes for the source's ``50%``, "50
percent" or "50 pct." is a percent sign, and a source that writes ``%%`` has its lone ``%``
escaped instead (:func:`ltmt.formats.repair.repair_line`'s ``a lone % where the source writes
%%``).
"""

from __future__ import annotations

import re

from ltmt.formats.placeholder_syntax import Placeholder, find_placeholders, without_placeholders

# the source's own word for a percent sign's meaning, which a translation may write as "%"
# ("percent", "per cent", "percentage", "pct", "pct.")
_SAYS_PERCENT = re.compile(r"per ?cent|\bpct\b", re.IGNORECASE)
# a stray percent sign with the space before it, if any, so no double space stays behind
_STRAY = re.compile(r"[ \t]?%")


def without_stray_percents(source: str, text: str) -> str:
    """``text`` without the ``%`` outside its placeholders (each with one space or tab before
    it), where ``source`` is a printf format string that writes no ``%`` outside its
    placeholders, no ``%%``, and does not say "percent" or "pct." (module docstring); else
    ``text``."""
    found = find_placeholders(source)
    if not any(_is_conversion(p) for p in found) or "%" not in text:
        return text
    if "%" in without_placeholders(source) or any(p.text == "%%" for p in found):
        return text
    if _SAYS_PERCENT.search(source):
        return text
    pieces, position = [], 0
    for placeholder in find_placeholders(text):
        pieces.append(_STRAY.sub("", text[position : placeholder.start]))
        pieces.append(placeholder.text)
        position = placeholder.end
    pieces.append(_STRAY.sub("", text[position:]))
    return "".join(pieces)


def _is_conversion(placeholder: Placeholder) -> bool:
    """Whether ``placeholder`` is a printf conversion that a letter or Apple's ``@`` ends
    (``%d``, ``%1$s``, ``%(name)s``, ``%@``, ``%#@count@``): not ``%%``, Qt's ``%1``, Ruby's
    ``%{name}`` or a FormatMessage insert (``%1!s!``), whose strings may hold a lone ``%``."""
    text = placeholder.text
    return (
        placeholder.kind == "printf"
        and text.startswith("%")
        and len(text) > 1
        and (text[-1].isalpha() or text[-1] == "@")
    )
