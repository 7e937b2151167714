"""A spaced en dash of the source that the model wrote as a spaced hyphen, written back.

The shipped model writes a source's spaced en dash (U+2013: ``It is fast \u2013 and it is
free.``, ``Brightly Planner \u2013 Plan your week``) as a spaced hyphen (``Es ist schnell - und
es ist frei.``), while German, as English, writes the spaced en dash there. Where the source has
spaced en dashes and no spaced hyphen, and the output has as many spaced hyphens and no spaced en
dash, each of them stands in the source's dash's place: :func:`en_dashes_kept` writes them as en
dashes; a dash that starts the text before a space counts as spaced (the attribution of a
line translated a sentence at a time: ``\u2013 Anna, Berlin`` came out ``- Anna, Berlin``).
Any other mix (a source with both, an output with another count) is left as it is.

A number range's unspaced en dash (``Sizes 39\u201342``, ``9\u201317``) came out as a hyphen
(``39-42``, or ``39 -42``): where the output has the same two numbers joined by a hyphen, with
or without spaces, :func:`en_dashes_kept` writes the source's range (``39\u201342``).
"""

from __future__ import annotations

import re

# a dash spaced on both sides, or starting a text before a space: a line translated a sentence
# at a time has its attribution's dash start a piece (``\u2013 Anna, Berlin``)
_SPACED_EN_DASH = re.compile(r"(?:(?<=\S)([ \u00a0])|^)\u2013(?=[ \u00a0]\S)")
_SPACED_HYPHEN = re.compile(r"(?:(?<=\S)([ \u00a0])|^)-(?=[ \u00a0]\S)")
# a number range with an unspaced en dash (``39\u201342``): its two numbers
_NUMBER_RANGE = re.compile(r"(?<![\d.,])(\d+)\u2013(\d+)(?![\d.,]?\d)")


def en_dashes_kept(source: str, output: str) -> str:
    """``output`` (the translation of ``source``) with its spaced hyphens written as spaced en
    dashes where each stands for one of the source's, and its number ranges with the source's
    unspaced en dash (module docstring)."""
    return _ranges_kept(source, _spaced_dashes_kept(source, output))


def _ranges_kept(source: str, output: str) -> str:
    """``output`` with each of ``source``'s number ranges (``39\u201342``) that it writes with a
    hyphen (``39-42``, ``39 -42``, ``39 - 42``) written as the source does."""
    for first, last in dict.fromkeys(_NUMBER_RANGE.findall(source)):
        hyphened = re.compile(rf"(?<![\d.,]){first} ?- ?{last}(?![\d.,]?\d)")
        output = hyphened.sub(f"{first}\u2013{last}", output)
    return output


def _spaced_dashes_kept(source: str, output: str) -> str:
    """``output`` with its spaced hyphens written as spaced en dashes where each stands for
    one of the source's (module docstring)."""
    dashes = len(_SPACED_EN_DASH.findall(source))
    if not dashes or _SPACED_HYPHEN.search(source) or _SPACED_EN_DASH.search(output):
        return output
    if len(_SPACED_HYPHEN.findall(output)) != dashes:
        return output
    return _SPACED_HYPHEN.sub("\\1\u2013", output)


def en_dashes_in_lines(sources: list[str], lines: list[str]) -> list[str]:
    """Each line translation with :func:`en_dashes_kept` applied (``sources``: its lines)."""
    return [en_dashes_kept(source, line) for source, line in zip(sources, lines, strict=True)]
