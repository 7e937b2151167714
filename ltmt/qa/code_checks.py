"""qa's check of the code elements a translation keeps: ``ltmt translate`` keeps the text of a
code element as written (``<code>``, ``<kbd>``, DocBook's and Mallard's ``<command>``,
``<cmd>``, ``<filename>`` ...: :func:`ltmt.formats.paired_tags.verbatim_spans`), and a
translation made otherwise may change it (``<command>Photonik</command>`` for
``<command>photonic</command>``, ``<cmd>--reset</cmd>`` for ``<cmd>photonic --reset</cmd>``):
the tags are all there, so the placeholder check passed it. Key names as a target keyboard
names them (``<kbd>Strg</kbd>`` for ``<kbd>Ctrl</kbd>``) are no change.
"""

from __future__ import annotations

import re
from collections import Counter

from ltmt.formats.markdown_inline import kept_spans
from ltmt.formats.paired_tags import verbatim_spans
from ltmt.key_combinations import renderings

_NAME = re.compile(r"<([^\s/>]+)")


def code_elements(text: str) -> list[str]:
    """The code elements of ``text``, tags included (``<cmd>photonic --reset</cmd>``), but
    the Markdown markup ltmt keeps as written (``<code data-md="raw">``), which the check of
    that markup names (a changed one was reported twice)."""
    markup = set(kept_spans(text))
    return [text[start:end] for start, end in verbatim_spans(text) if text[start:end] not in markup]


def changed_code(source: str, target: str) -> list[str]:
    """One finding for each code element of ``source`` that ``target`` writes with other text
    inside the same tags (an element it drops is the placeholder check's: its tags are lost)."""
    lost = Counter(code_elements(source)) - Counter(code_elements(target))
    added = Counter(code_elements(target)) - Counter(code_elements(source))
    problems = []
    for code in lost.elements():
        others = [other for other in +added if _name(other) == _name(code)]
        written = [other for other in others if other in renderings(code)] or others
        if not written:
            continue
        added[written[0]] -= 1
        if written[0] not in renderings(code):
            problems.append(
                f"changes code: the translation has {written[0]!r}; write {code!r} as the "
                "source does"
            )
    return problems


def _name(code: str) -> str:
    found = _NAME.match(code)
    return found.group(1).lower() if found else ""
