"""A number's degree sign as its source writes it: an angle is no temperature.

The shipped model writes a bare degree sign after a number as a temperature's: ``Rotate the
image by 90° and confirm`` came out ``Das Bild von 90°C ...``, ``Set it to 90°`` ``... auf
90°C``, and before an inline code it wrote the sign twice (``90°</i>`` as ``90°°</i>``,
``90°<x id="2"/>`` as ``90°°C ...``; XLIFF trial, session 73). Every digit was kept, so the
number repair and its summary passed it, and a manual said to rotate an image by 90 °C.

:func:`restore_degrees` writes an output's degrees back as its source writes them: a run of two
or more degree signs, where the source writes none, becomes one (``90°°`` → ``90°``), and a
temperature's unit after a number's degree sign (``90°C``, ``90 ° F``, ``90℃``, ``90°
Celsius``) is taken away where the source writes that number with a bare degree sign, an
angle (``90°``, as the source spaces it). Each of the output's temperatures of that number is
an angle where the source writes the number with a degree sign only as an angle; where it
writes it as both (``Heat to 90 °C, then turn by 90°``), the output's are read in order only
where it writes that number with a degree sign as often as the source. A temperature of the
source's (``20 °C``, ``20°C``, ``68 °F``) stays as the output writes it, and a number the
source writes without a degree sign is not this module's (``45°`` as ``45 Grad`` is right).

:func:`doubled_degree_signs` says where an output writes a run of degree signs its source does
not: what qa's units check reports (:func:`ltmt.qa.unit_checks.unit_problems`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

DEGREE = "°"
# the spaces German and SI write between a number and its unit
_GAP = "[ \u00a0\u202f\u2009]?"
# a number (``90``, ``22.5``, ``1,000``), not the end of a word or of another number, and its
# degree sign or signs, with a temperature's unit after them or none; or a temperature's own
# character (``℃``, ``℉``). A unit letter is one with no letter or digit after it: ``90° Fenster``
# is an angle.
_DEGREES = re.compile(
    rf"(?<![\w.,])(?P<number>\d+(?:[.,]\d+)*)(?P<gap>{_GAP})"
    rf"(?:{DEGREE}+(?P<unit>{_GAP}(?:[CF]|Celsius|Fahrenheit)(?![^\W_]))?|[\u2103\u2109])"
)
# a run of degree signs, with the number and the space before it where there are any
_DOUBLED = re.compile(rf"(?:(?<![\w.,])\d+(?:[.,]\d+)*{_GAP})?{DEGREE}{{2,}}")
_SIGNS = re.compile(f"{DEGREE}{{2,}}")
_NOT_DIGIT = re.compile(r"\D")


@dataclass(frozen=True)
class _Degrees:
    """A number written with a degree sign: ``key`` its digits (``225`` for ``22.5`` and
    ``22,5``), ``angle`` whether no temperature's unit follows the sign, ``gap`` what stands
    between the number and the sign, at ``start:end`` of its text (the number's end to the
    unit's)."""

    key: str
    angle: bool
    gap: str
    start: int
    end: int


def restore_degrees(source: str, output: str) -> str:
    """``output`` with its degree signs as ``source`` writes them: a run of them written once,
    and a temperature's unit the source writes as an angle taken away (module docstring)."""
    if DEGREE not in output and "\u2103" not in output and "\u2109" not in output:
        return output
    if DEGREE * 2 not in source:
        output = _SIGNS.sub(DEGREE, output)
    if DEGREE not in source:
        return output
    wanted = _by_number(_degrees(source))
    replacements: list[tuple[_Degrees, str]] = []
    for key, written in _by_number(_degrees(output)).items():
        angles = [found for found in wanted.get(key, []) if found.angle]
        if not angles:
            continue
        if len(angles) == len(wanted[key]):  # the source's are all angles: so are these
            pairs = [(angles[min(n, len(angles) - 1)], found) for n, found in enumerate(written)]
        elif len(written) == len(wanted[key]):
            pairs = list(zip(wanted[key], written, strict=True))
        else:  # which of them is the angle?
            continue
        replacements += [
            (found, wanted_one.gap)
            for wanted_one, found in pairs
            if wanted_one.angle and not found.angle
        ]
    pieces, end = [], 0
    for found, gap in sorted(replacements, key=lambda pair: pair[0].start):
        pieces += [output[end : found.start], gap, DEGREE]
        end = found.end
    return "".join(pieces) + output[end:]


def doubled_degree_signs(source: str, output: str) -> list[str]:
    """The runs of two or more degree signs of ``output``, with the number before them where
    there is one (``90°°``), where ``source`` writes no such run; in ``output``'s order."""
    if DEGREE * 2 in source:
        return []
    return [found.group() for found in _DOUBLED.finditer(output)]


def _degrees(text: str) -> list[_Degrees]:
    """Each number of ``text`` written with a degree sign, in order."""
    return [
        _Degrees(
            key=_NOT_DIGIT.sub("", found["number"]),
            angle=found.group().endswith(DEGREE),
            gap=found["gap"],
            start=found.end("number"),
            end=found.end(),
        )
        for found in _DEGREES.finditer(text)
    ]


def _by_number(found: list[_Degrees]) -> dict[str, list[_Degrees]]:
    """``found`` grouped by their numbers' digits, each group in order."""
    groups: dict[str, list[_Degrees]] = {}
    for degrees in found:
        groups.setdefault(degrees.key, []).append(degrees)
    return groups
