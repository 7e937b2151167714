"""An output that is its source written again with only the glossary's terms swapped in.

The model may leave a heading in English, and the glossary's step then places a term's target
in it (``<h1>Managing team members</h1>`` → ``<h1>Managing Teammitglieder</h1>``, Zendesk
trial): the output is no longer its source as written, so the copy check passed it, and no
summary line or qa finding named it. :func:`copied_around_terms` reads the source and the
output around the terms' places: the output is a copy where it writes everything of the source
outside its terms again, in order (German's capitals aside), puts something other than the
source's words where a term stands, and the words it copied hold one that English writes and
German does not (``Managing``; not ``online``, ``Status`` or ``Team``, which German writes too:
"Teammitglieder online" is a translation).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

# a word of the text around the terms, two letters or more
_WORD = re.compile(r"[^\W\d_]{2,}")


def copied_around_terms(source: str, output: str, spans: Sequence[tuple[int, int]]) -> bool:
    """Whether ``output`` is ``source`` written again but for its glossary terms, whose
    ``(start, end)`` in ``source`` ``spans`` gives (module docstring): the text between the
    terms, compared case-insensitively, stands in ``output`` as it is and in order, with other
    text where at least one term stands, and has an English word German does not write."""
    places = _merged(spans)
    if not places:
        return False
    pieces = _pieces(source, places)
    found = _gaps(pieces, output.strip().casefold())
    if found is None:
        return False
    terms = [source[start:end].strip().casefold() for start, end in places]
    if all(gap.strip() == term for gap, term in zip(found, terms, strict=True)):
        return False  # the source as written: the whole-copy check's
    return any(_english_only(word) for word in _WORD.findall(" ".join(pieces)))


def _merged(spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` in order, overlapping ones made one, empty ones left out."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(span for span in spans if span[1] > span[0]):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _pieces(source: str, places: list[tuple[int, int]]) -> list[str]:
    """The text of ``source`` before, between and after its terms' ``places``, case-folded:
    one more piece than places; the first and last without the source's outer blanks."""
    cuts = [0, *(edge for place in places for edge in place), len(source)]
    pieces = [source[cuts[n] : cuts[n + 1]].casefold() for n in range(0, len(cuts), 2)]
    pieces[0], pieces[-1] = pieces[0].lstrip(), pieces[-1].rstrip()
    return pieces


def _gaps(pieces: list[str], output: str) -> list[str] | None:
    """What ``output`` (case-folded) writes between ``pieces`` where it starts with the first,
    ends with the last and has the others in order between them, each gap one character or
    more (a term's translation); ``None`` where it does not. Leftmost places: each piece is
    looked for with ``str.find``, no pattern, so a long line costs linear time."""
    first, last = pieces[0], pieces[-1]
    if not output.startswith(first) or len(output) < len(first) + len(last) + len(pieces) - 1:
        return None
    end, limit = len(first), len(output) - len(last)
    if not output.endswith(last):
        return None
    gaps: list[str] = []
    for piece in pieces[1:-1]:
        at = output.find(piece, end + 1, limit) if piece else end + 1
        if at < 0 or at >= limit:
            return None
        gaps.append(output[end:at])
        end = at + len(piece)
    if end >= limit:
        return None
    return [*gaps, output[end:limit]]


def _english_only(word: str) -> bool:
    """Whether English writes ``word`` much more often than German: by the English check's
    :data:`~ltmt.qa.english_checks.GAP` on wordfreq's Zipf scale, a factor of ten per point
    ("managing" 4.4 against 2.8, "view"; not "online" 5.2 against 5.4, "status", "team")."""
    from wordfreq import zipf_frequency

    from ltmt.qa.english_checks import GAP  # qa imports the formats, which import this module
    from ltmt.word_tables import english_zipf

    folded = word.casefold()
    return english_zipf(folded) - float(zipf_frequency(folded, "de")) >= GAP
