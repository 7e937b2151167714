"""An output that stops at a closing tag where its source's sentence goes on after it.

The default model ended ``Visit the <link="loc_mill"><u>Old Mill</u></link> at night.`` at the
tag: ``Suche die <link="loc_mill"><u>Old Mill</u></link>``, "at night." and the full stop gone,
and no count said so (a game localisation trial, session 77). :func:`stopped_at_closing_tag`
finds such an output: it ends with a closing tag (``</link>``), and its source says words
after its last tag of that name and ends its sentence (``.``, ``!``, ``?``, ``…``). An output
that moved the tagged words to its end writes the sentence's end after the tag (``Besuche
jetzt <b>Einstellungen</b>.``), so it is not one.
"""

from __future__ import annotations

import re

# a closing tag's name, as the whole of what is between ``</`` and ``>``
_TAG_NAME = re.compile(r"[A-Za-z][\w:.-]*")
# any tag, to read the words between tags (no nested brackets: linear)
_ANY_TAG = re.compile(r"<[^<>]*>")
_WORD = re.compile(r"\w")
_SENTENCE_ENDS = (".", "!", "?", "…")


def stopped_at_closing_tag(source: str, target: str) -> str | None:
    """The closing tag (``</link>``) ``target`` ends with where ``source`` says words after its
    last tag of that name and ends its sentence (module docstring); None otherwise."""
    ended = target.rstrip()
    if not ended.endswith(">"):
        return None
    start = ended.rfind("</")
    if start < 0 or not _TAG_NAME.fullmatch(ended[start + 2 : -1]):
        return None
    closing = ended[start:]
    at = source.rfind(closing)
    if at < 0:
        return None
    rest = _ANY_TAG.sub("", source[at + len(closing) :]).strip()
    if not rest.endswith(_SENTENCE_ENDS) or not _WORD.search(rest):
        return None
    return closing
