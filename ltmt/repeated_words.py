"""Words of a line that a fused output says more often than the line does.

kNN fusion that follows a match past its end keeps writing: with the pair ``"Save time every
day." - Lisa, Cologne`` in memory, the user trial's ``"Brightly Planner is the only app I open
every morning." - Tom, Hamburg`` came out ``... - Tom, Hamburg, Hamburg, Hamburg, Hamburger``.
A word the output copies from its line (a name, a brand, a place) is said there as often as the
line says it; one said more often (:func:`repeated_source_words`) is a repetition that the
decode without memory does not make. Words the model translates (``the``, ``open``) are not
in a German output at all, so ordinary outputs are not touched.
"""

from __future__ import annotations

import re
from collections import Counter

_WORD = re.compile(r"[^\W\d_]{2,}")  # words of letters, as written (case kept: names)


def repeated_source_words(source: str, output: str) -> list[str]:
    """The words of ``source`` that ``output`` says more often than ``source`` does, and at
    least twice, in the order ``output`` first says them."""
    said = Counter(_WORD.findall(source))
    written = Counter(_WORD.findall(output))
    return [word for word, count in written.items() if word in said and count > max(said[word], 1)]
