"""A line's invisible formatting at its edges: zero-width characters (a zero-width non-joiner,
joiner or space, a word joiner, a soft hyphen, a zero-width no-break space) and spaces, as
characters or as HTML's references (``&zwnj;``, ``&#8203;``, ``&nbsp;``).

An e-mail's preheader is padded with them (``Your winter favourites are 30% off
today.&nbsp;&zwnj;&nbsp;&zwnj;...``), so that the inbox shows no text of the mail after it:
given to the model, they came back garbled (``&zwnj.``, written ``&amp;zwnj.`` and shown in the
inbox) or reordered. :func:`split_formatting_edges` keeps such a run out of the model and puts
it back where it was, as written.
"""

from __future__ import annotations

import re

# the zero-width characters: ZWSP, ZWNJ, ZWJ, word joiner, soft hyphen, zero-width no-break
# space, and the combining grapheme joiner, which e-mail tools pad a preheader with too
# (``&#8199;&#65279;&#847;`` repeated, Litmus's and HubSpot's: the model moved and spaced it)
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\u00ad\ufeff\u034f"
# HTML's references to them and to a no-break space and a figure space, by name or number
_REFERENCE = (
    r"&(?:zwnj|zwj|shy|NoBreak|ZeroWidthSpace|nbsp|NonBreakingSpace|numsp"
    r"|#0*(?:8203|8204|8205|8288|173|65279|160|847|8199)"
    r"|#[xX]0*(?:200[bBcCdD7]|2060|[aA][dD]|[fF][eE][fF][fF]|[aA]0|34[fF]));"
)
_RUN = rf"(?:\s|[{ZERO_WIDTH}]|{_REFERENCE})*"
_EDGES = re.compile(rf"({_RUN})(.*?)({_RUN})", re.DOTALL)


def split_formatting_edges(text: str) -> tuple[str, str, str]:
    """``(leading run, body, trailing run)`` of ``text``, each run of white space, zero-width
    characters and their references (module docstring); a text of nothing else is all
    leading run."""
    match = _EDGES.fullmatch(text)
    assert match is not None  # the pattern matches every string
    lead, body, trail = match.groups()
    return lead, body, trail
