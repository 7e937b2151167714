"""A spaced en or em dash of the source that the model wrote as a spaced hyphen (or two),
written back.

The shipped model writes a source's spaced en dash (U+2013: ``It is fast \u2013 and it is
free.``, ``Brightly Planner \u2013 Plan your week``) as a spaced hyphen (``Es ist schnell - und
es ist frei.``), while German, as English, writes the spaced en dash there. Where the source has
spaced en dashes and no spaced hyphen, and the output has as many spaced hyphens and no spaced en
dash, each of them stands in the source's dash's place: :func:`en_dashes_kept` writes them as en
dashes; a dash that starts the text before a space counts as spaced (the attribution of a
line translated a sentence at a time: ``\u2013 Anna, Berlin`` came out ``- Anna, Berlin``).
Any other mix (a source with both, an output with another count) is left as it is.

A spaced em dash (U+2014: ``prices are in euros \u2014 VAT is not included``, HTML's
``&mdash;``) came out as a spaced double hyphen (``Preise in \u20ac -- VAT``), or as a spaced
hyphen as the en dash does: :func:`em_dashes_kept` writes them back as the source's em dashes
under the same rule (a source with spaced em dashes and no other spaced dash or hyphen, an
output with as many in their place and no em dash), a double hyphen in a fused output too: no
German text writes ``--`` for a dash, it is the model's rendering of one, which a memory holds
where an earlier output was imported as reviewed; a fused output's spaced hyphen is the
memory's way to write a dash, as for the en dash.

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
_SPACED_EM_DASH = re.compile(r"(?:(?<=\S)([ \u00a0])|^)\u2014(?=[ \u00a0]\S)")
# two hyphens for a dash, spaced as one (``Preise in \u20ac -- VAT``)
_SPACED_DOUBLE_HYPHEN = re.compile(r"(?:(?<=\S)([ \u00a0])|^)--(?=[ \u00a0]\S)")
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


def em_dashes_kept(source: str, output: str, *, fused: bool = False) -> str:
    """``output`` (the translation of ``source``) with its spaced double hyphens (``--``) and,
    unless ``fused`` (decoded with memory), spaced hyphens written as spaced em dashes where
    each stands for one of the source's: the source has spaced em dashes and no other spaced
    dash, hyphen or double hyphen, and the output as many of these in their place and no em
    dash (module docstring)."""
    dashes = len(_SPACED_EM_DASH.findall(source))
    if not dashes or _SPACED_EM_DASH.search(output):
        return output
    others = (_SPACED_HYPHEN, _SPACED_DOUBLE_HYPHEN, _SPACED_EN_DASH)
    if any(other.search(source) for other in others):
        return output
    written = [_SPACED_DOUBLE_HYPHEN] if fused else [_SPACED_DOUBLE_HYPHEN, _SPACED_HYPHEN]
    if sum(len(each.findall(output)) for each in written) != dashes:
        return output
    for each in written:
        output = each.sub("\\1\u2014", output)
    return output


def em_dashes_in_lines(sources: list[str], lines: list[str], *, fused: bool) -> list[str]:
    """Each line translation with :func:`em_dashes_kept` applied (``sources``: its lines;
    ``fused``: decoded with memory)."""
    return [
        em_dashes_kept(source, line, fused=fused)
        for source, line in zip(sources, lines, strict=True)
    ]


def en_dashes_in_lines(sources: list[str], lines: list[str]) -> list[str]:
    """Each line translation with :func:`en_dashes_kept` applied (``sources``: its lines)."""
    return [en_dashes_kept(source, line) for source, line in zip(sources, lines, strict=True)]
