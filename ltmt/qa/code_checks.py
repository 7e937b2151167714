"""qa's check of the code elements a translation keeps: ``ltmt translate`` keeps the text of a
code element as written (DocBook's and Mallard's ``<command>``, ``<cmd>``, ``<filename>`` ...:
:data:`ltmt.formats.paired_tags.DOCBOOK_CODE_NAMES`), and a translation made otherwise may
change it (``<command>Photonik</command>`` for ``<command>photonic</command>``,
``<cmd>--reset</cmd>`` for ``<cmd>photonic --reset</cmd>``): the tags are all there, so the
placeholder check passed it. HTML's ``<code>``, ``<kbd>``, ``<tt>``, ``<samp>`` and Markdown's
backtick spans are not checked: docs put UI labels and key names in them, translated to match
the localised UI (``<code>Speichern</code>``, ``<kbd>Eingabe</kbd>``, ```Datei```). Only an
itstool catalog's entries are checked (:func:`ltmt.formats.itstool_paths.is_itstool_entry`):
elsewhere ``<file>``, ``<input>`` ... are an app's markup around words its user reads
(``Save the <file>aktuelle Datei</file>``).
"""

from __future__ import annotations

import re
from collections import Counter

from ltmt.formats.paired_tags import DOCBOOK_CODE_NAMES, verbatim_spans
from ltmt.key_combinations import renderings

_NAME = re.compile(r"<([^\s/>]+)")


def code_elements(text: str) -> list[str]:
    """The DocBook and Mallard code elements of ``text``, tags included (``<cmd>photonic
    --reset</cmd>``)."""
    spans = (text[start:end] for start, end in verbatim_spans(text, docbook=True))
    return [code for code in spans if _name(code) in DOCBOOK_CODE_NAMES]


def changed_code(source: str, target: str) -> list[str]:
    """One finding for each code element of ``source`` that ``target`` writes with other text
    inside the same tags (an element it drops is the placeholder check's: its tags are lost)."""
    in_source, in_target = Counter(code_elements(source)), Counter(code_elements(target))
    lost, added = in_source - in_target, in_target - in_source
    problems = []
    for code in lost.elements():
        others = [other for other in +added if _name(other) == _name(code)]
        alike = renderings(code)
        written = [other for other in others if other in alike] or others
        if not written:
            continue
        added[written[0]] -= 1
        if written[0] not in alike:
            problems.append(
                f"changes code: the translation has {written[0]!r}; write {code!r} as the "
                "source does"
            )
    return problems


def _name(code: str) -> str:
    found = _NAME.match(code)
    return found.group(1).lower() if found else ""
