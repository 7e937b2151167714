"""What a developer's note on a string asks of its translator: to keep the string as it is.

- "Do not translate" (or "don't translate", in any case, anywhere in the note; "Do not
  localize" as an instruction of its own, ``DNT`` as the whole note or what starts it): a
  WebExtension's or an ARB message's description. A .resx ``<comment>`` keeps its whole value
  only where the instruction names no part of it (``Do not translate.``, ``Note: DO NOT
  TRANSLATE``, ``Brand name. Do not translate``, ``Feature name, do not translate``,
  ``Trademark - don't translate.``, ``Do not localize``, ``DNT``, ``DNT - brand name``): ``Do
  not translate {0}.`` or ``Do not translate the product name "Contoso Notes".`` asks to keep
  a part, and the rest is translated; ``Label for the privacy setting: DNT`` names Do Not Track.
- Microsoft's localisation instructions in a .resx/.resw ``<comment>``: ``{Locked}`` keeps the
  whole value; ``{Locked="Quick Entry","Contoso"}`` the strings it quotes, where the value has
  them (:func:`locked_strings`; ``{Locked=qps-ploc}``, unquoted, names pseudo-locales);
  ``{MaxLength=30}`` limits the translation to so many characters (:func:`max_length`).
- A limit said in words, ``max 45 characters`` (``maximum``, ``at most``, ``no more than``,
  ``up to``; ``chars``): a WebExtension message's description (:func:`stated_max_length`).
"""

from __future__ import annotations

import re

# a note that asks to keep its string as it is
_DO_NOT_TRANSLATE = re.compile(r"\b(?:do not|don['\u2019]t)\s+translate\b", re.IGNORECASE)
# the same, as a sentence of its own that names no part of the string ("Do not translate it."),
# or a clause after what the string is ("Feature name, do not translate", "Trademark - don't
# translate."): the string names the thing, and the note says not to translate it
_DO_NOT_TRANSLATE_WHOLE = re.compile(
    r"(?:^|[.!;:,]\s|\s[-\u2013\u2014]\s)\s*"
    r"(?:do not|don['\u2019]t)\s+(?:translate|locali[sz]e)(?:\s+(?:this(?:\s+string)?|it))?"
    r"\s*(?:[.!]|$)",
    re.IGNORECASE,
)
# "DNT", in capitals, as the whole note or what starts it ("DNT", "DNT - brand name", "DNT.
# Product name"): elsewhere it is Do Not Track ("Sends the DNT header", "Label for the privacy
# setting: DNT")
_DNT_FIRST = re.compile(r"^\s*DNT(?:\s*$|[.!;:,](?:\s|$)|\s+[-\u2013\u2014]\s)")
# Microsoft's {Locked}, alone: the whole value (not {Locked="x"}, which names strings in it)
_LOCKED = re.compile(r"\{\s*Locked\s*\}", re.IGNORECASE)
# the strings it locks in the value: {Locked="Quick Entry","Contoso"}, each quoted
_LOCKED_STRINGS = re.compile(r"\{\s*Locked\s*=([^{}]*)\}", re.IGNORECASE)
_QUOTED = re.compile(r'"([^"]+)"')
# a limit said in words: "Name of the extension (max 45 characters)"
_STATED_MAX = re.compile(
    r"\b(?:max(?:imum)?\.?|at most|no more than|up to)\s+(\d{1,9})\s*(?:characters|chars?)\b",
    re.IGNORECASE,
)
# a limit's digits: at most 9, a whole number Python reads (a note of 5,000 digits raised)
_MAX_LENGTH = re.compile(r"\{\s*MaxLength\s*=\s*(\d{1,9})\s*\}", re.IGNORECASE)


def says_not_to_translate(note: str) -> bool:
    """Whether ``note`` says "Do not translate" (``don't translate``, any case), or ``DNT`` or
    "Do not localize" as an instruction of its own (:func:`keeps_whole`)."""
    return any(
        instruction.search(note) is not None
        for instruction in (_DO_NOT_TRANSLATE, _DO_NOT_TRANSLATE_WHOLE, _DNT_FIRST)
    )


def keeps_whole(note: str) -> bool:
    """Whether ``note`` (a .resx ``<comment>``) asks to keep its string's whole value: says
    ``{Locked}``, or "Do not translate" as a sentence that names no part of the string (not
    ``Do not translate {0}.``, which keeps a part)."""
    return any(
        instruction.search(note) is not None
        for instruction in (_LOCKED, _DO_NOT_TRANSLATE_WHOLE, _DNT_FIRST)
    )


def locked_strings(note: str) -> tuple[str, ...]:
    """The strings ``note``'s ``{Locked="Quick Entry"}`` (Microsoft's instruction, one string
    quoted or more, ``{Locked="a","b"}``) keeps as written in the translation."""
    return tuple(
        quoted for found in _LOCKED_STRINGS.finditer(note) for quoted in _QUOTED.findall(found[1])
    )


def max_length(note: str) -> int | None:
    """The characters ``note``'s ``{MaxLength=30}`` allows its string's translation, or None."""
    found = _MAX_LENGTH.search(note)
    return int(found.group(1)) if found else None


def stated_max_length(note: str) -> int | None:
    """The characters ``note`` says in words its string's translation may have (``max 45
    characters``, ``at most 12 chars``), or None."""
    found = _STATED_MAX.search(note)
    return int(found.group(1)) if found else None
