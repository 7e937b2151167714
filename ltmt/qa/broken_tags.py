"""A copy of one of the source's tags that the translation broke: its ``<`` and name are
there, but it is no tag any more.

The model read the quoted ``>`` of Moodle's ``<a href="{$a->url}">`` as the tag's end and
wrote ``<a href="{$a url}" Seiten</a>``: a link that swallows the words after it. ``ltmt qa``
said only "a stray '<'"; :func:`broken_tags` names the broken tag and the source's tag it
stands for, so the reviewer knows what to write.
"""

from __future__ import annotations

import re
from collections import Counter

from ltmt.formats.attribute_values import ANY_TAG
from ltmt.formats.placeholder_syntax import find_placeholders, tag_parts
from ltmt.wording import shortened

# a "<" and an element's name, opening or closing, as a broken copy of a tag starts
_TAG_START = re.compile(r"<(/?)([A-Za-z][\w:.-]*)(?=[\s/>\"'=]|$)")
_ANY_TAG = re.compile(ANY_TAG)
_SHOWN = 40  # the characters of a broken tag a finding quotes


def broken_tags(source: str, target: str) -> list[tuple[str, str]]:
    """``(what target writes, the source's tag)`` for each place where ``target`` starts a tag
    of an element ``source`` has tags of, outside its placeholders, that does not reach a
    ``>``: ``('<a href="{$a url}" Seiten', '<a href="{$a->url}">')``, quoted up to the next
    ``<``. A ``<bold>`` left unclosed is whole (the placeholder check says it is lacking), and
    a ``<name`` that ``source`` writes as text as often is none (``a <b`` in a formula)."""
    tags: dict[tuple[bool, str], str] = {}
    for placeholder in find_placeholders(source):
        parts = tag_parts(placeholder.text) if placeholder.kind == "tag" else None
        if parts is not None and parts.bracket == "<":
            tags.setdefault((parts.closing, parts.name), placeholder.text)
    if not tags:
        return []
    in_source = Counter(key for _, key in _unended_starts(source))
    broken = []
    for start, key in _unended_starts(target):
        if key not in tags:
            continue
        if in_source[key] > 0:
            in_source[key] -= 1
            continue
        written = target[start:].split("<", 2)[1]  # up to the next "<"
        broken.append((shortened("<" + written.rstrip(), _SHOWN), tags[key]))
    return broken


def _unended_starts(text: str) -> list[tuple[int, tuple[bool, str]]]:
    """Where ``text``'s words (its placeholders left out) start a tag that no ``>`` ends,
    each with its key ``(closing, name in lower case)``."""
    words = _blanked(text)
    return [
        (found.start(), (found.group(1) == "/", found.group(2).lower()))
        for found in _TAG_START.finditer(words)
        if _ANY_TAG.match(text, found.start()) is None
    ]


def _blanked(text: str) -> str:
    """``text`` with each placeholder replaced by as many spaces (positions kept)."""
    for placeholder in reversed(find_placeholders(text)):
        text = text[: placeholder.start] + " " * len(placeholder.text) + text[placeholder.end :]
    return text
