"""Options and code a line quotes go to the model as tags, and come back as written.

A line quotes what its reader types (``use '--allow-empty'``, ``see 'foo.c'``) and translators
copy it as it is. The model garbled some of them: git's ``'--all'`` came back ``'-all'``,
``'--no-show-forced-updates'`` broke over a line, ``"--allow-empty"`` lost its dashes, dpkg's
``'-+.'`` became ``»-+«`` (session 55, the dev users' knn-trained outputs; README, "Quote marks
as the user writes them"). So a quoted item (:func:`ltmt.quote_style.quoted_spans`: the text
right inside a pair of quote marks, of one line) that is code goes to the model as a tag, as a
key combination or a pictograph does (:func:`ltmt.pictographs.set_aside`), its quote marks
around it; what is code: an option (``-x``, ``--long[=VALUE]``, several of them), or one word
with a character other than a letter (``foo.c``, ``HEAD~1``, ``a/b``, ``-+.``), not a
placeholder (those the model keeps, and fitting puts back) nor a sign alone (``'?'``, ``')'``:
the model copies those, and as tags it lost some). A tag's attribute value is its tag's, not
quoted code: ``<ph id="ltmt-v1"/>`` (the stand-in for Android's ``<xliff:g>``) went to the
model as ``<ph id="<x/>"/>``, a tag inside a tag, and came back ``<ph id=»ltmt-v1«/>«/>«``, a
stray ``«`` left in the translation (session 60). Quoted words (``'git commit'``,
``"kill switch"``) are left to the model: whether a translator copies them is the user's
convention, not the text's.
"""

from __future__ import annotations

import re

from ltmt.formats.placeholder_syntax import find_placeholders
from ltmt.quote_style import quoted_spans

# one option or several, with their values: -x, --long, --long=VALUE, --a --b=1
_OPTION = r"--?[A-Za-z0-9][\w.+-]*(?:\[?=[^\s]*\]?)?"
_OPTIONS = re.compile(f"{_OPTION}(?: {_OPTION})*")
_APOSTROPHES = "'\u2019"  # in a word: don't


def is_code(item: str) -> bool:
    """Whether a quoted ``item`` is code (module docstring)."""
    if len(item) < 2 or find_placeholders(item):  # a sign alone the model copies as it is
        return False
    if _OPTIONS.fullmatch(item):
        return True
    return " " not in item and any(not (c.isalpha() or c in _APOSTROPHES) for c in item)


def quoted_code_spans(line: str) -> list[tuple[int, int, str]]:
    """``(start, end, text)`` of each quoted item of ``line`` that is code, its marks left
    out; none inside a placeholder (a tag's attribute value)."""
    placeholders = find_placeholders(line)
    spans = []
    for start, _, item, marks in quoted_spans(line):
        inner = start + len(marks[0])
        inside = any(p.start <= inner < p.end for p in placeholders)
        if is_code(item) and not inside:
            spans.append((inner, inner + len(item), item))
    return spans
