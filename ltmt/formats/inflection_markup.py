"""Apple's automatic grammar agreement markup in a string: Foundation's Markdown attributes
around words (``^[%lld item](inflect: true)``, ``^[Ihre](agreeWithArgument: 1)``,
``^[text](morphology: {partOfSpeech: "noun"})``, ``^[…](inflectionAlternative: "…")``, an app's
own ``^[…](rainbow: 'extreme')``), which SwiftUI and ``String(localized:)`` read in a string
catalog, a ``.strings`` or ``.stringsdict`` file.

The model got it as words: ``^[%lld item](inflect: true) added`` came back ``^[%lld
Element](inflect: wahr)`` (a value Foundation does not accept, the verb lost), and ``Added
^[%lld apple](inflect: true) to your cart`` as ``Fügte^[%lld Apple](inflect: wahr) ...``
(trial s77). So the markup is a pair (:mod:`ltmt.formats.paired_tags`): its opening ``^[``
and its closing ``](attributes)`` (a JSON5 object's members: a key, a colon, values) are
marks kept byte for byte, the words between them translated, as an element's text is. Both
marks are placeholders (kind ``inflection``: :mod:`ltmt.formats.placeholder_syntax`), so
``ltmt qa`` reports one changed or lost, and the repair puts them back.

Only the two together are the markup: an opening ``^[`` where its closing follows on the
line, a closing after its opening. A Markdown link (``[docs](https://example.com)``,
``[Call](tel:123)``) has no ``^[`` and stays a link whose URL is its own placeholder.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from ltmt.formats.opened_marks import opened_only

# an attribute's key: a JSON5 name, bare or quoted (``inflect``, ``"inflect"``)
_KEY = r"""(?:[A-Za-z_$][\w$]*|"[A-Za-z_$][\w$]*"|'[A-Za-z_$][\w$]*')"""
# the rest of the attributes on one line: signs that are no parenthesis, quote or line break,
# and quoted strings (``inflectionAlternative: "(a)"``); each piece starts with a sign of its
# own, so a closing that is not there fails at once, wherever it is tried from
_ATTRIBUTE_TEXT = r"""(?:[^()"'\n]|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')*"""
INFLECTION_CLOSING = rf"\]\(\s*{_KEY}\s*:{_ATTRIBUTE_TEXT}\)"
# the opening, where its closing follows on the line after words without brackets
INFLECTION_OPENING = rf"\^\[(?=[^\[\]\n]*{INFLECTION_CLOSING})"
# the pair marks paired_tags looks for (:func:`inflection_paired` drops a closing without an
# opening before it)
INFLECTION_PAIR_MARKS = (
    rf"(?P<inflection_opening>{INFLECTION_OPENING})"
    rf"|(?P<inflection_closing>{INFLECTION_CLOSING})"
)
_MARKUP = re.compile(rf"\^\[[^\[\]\n]*(?P<closing>{INFLECTION_CLOSING})")
_OPENING = "^["


def has_inflection(text: str) -> bool:
    """Whether ``text`` holds the markup (an opening and its closing)."""
    return _OPENING in text and _MARKUP.search(text) is not None


def inflection_marks(text: str) -> list[tuple[int, int]]:
    """The ``(start, end)`` spans of the markup's marks in ``text``, left to right: each
    opening ``^[`` and the closing ``](attributes)`` after it."""
    if _OPENING not in text:
        return []
    spans = []
    for found in _MARKUP.finditer(text):
        spans += [(found.start(), found.start() + len(_OPENING)), found.span("closing")]
    return spans


def opens_inflection(opening: str) -> bool:
    """Whether a pair's opening tags (:class:`ltmt.formats.paired_tags.Pair`) hold the markup's
    ``^[``, alone or stacked with a tag (``^[<b>``, ``<b>^[``)."""
    return opening.startswith(_OPENING) or opening.endswith(_OPENING)


def inflection_paired(matches: Iterable[re.Match[str]]) -> Iterator[re.Match[str]]:
    """``matches`` of a pattern holding :data:`INFLECTION_PAIR_MARKS`, without the closings
    that close no opening before them (a Markdown link's ``](mailto:...)`` is text)."""
    return opened_only(matches, "inflection_opening", "inflection_closing", lambda mark: _OPENING)
