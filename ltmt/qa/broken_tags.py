"""A copy of one of the source's tags that the translation broke: its ``<`` and name are
there, but it is no tag any more.

The model read the quoted ``>`` of Moodle's ``<a href="{$a->url}">`` as the tag's end and
wrote ``<a href="{$a url}" Seiten</a>``: a link that swallows the words after it. ``ltmt qa``
said only "a stray '<'"; :func:`broken_tags` names the broken tag and the source's tag it
stands for, so the reviewer knows what to write.
"""

from __future__ import annotations

import re

from ltmt.formats.placeholder_syntax import find_placeholders, tag_parts
from ltmt.wording import shortened

# a "<" and an element's name, opening or closing, as a broken copy of a tag starts
_TAG_START = re.compile(r"<(/?)([A-Za-z][\w:.-]*)(?=[\s/>\"'=]|$)")
_SHOWN = 40  # the characters of a broken tag a finding quotes


def broken_tags(source: str, target: str) -> list[tuple[str, str]]:
    """``(what target writes, the source's tag)`` for each place where ``target`` starts a tag
    of an element ``source`` has tags of (outside the tags and other placeholders it has)
    that is no tag: ``('<a href="{$a url}" Seiten', '<a href="{$a->url}">')``, quoted up to
    the next ``<``. A ``<name``
    that ``source`` writes as text as often is none (``a <b`` in a formula)."""
    tags: dict[tuple[bool, str], str] = {}
    for placeholder in find_placeholders(source):
        parts = tag_parts(placeholder.text) if placeholder.kind == "tag" else None
        if parts is not None and parts.bracket == "<":
            tags.setdefault((parts.closing, parts.name), placeholder.text)
    if not tags:
        return []
    kept = _text_starts(source)
    broken = []
    for found, key in _starts(target):
        if key in tags and not _take(kept, key):
            written = target[found.start() :].split("<", 2)[1]  # up to the next "<"
            broken.append((shortened("<" + written.rstrip(), _SHOWN), tags[key]))
    return broken


def _starts(text: str) -> list[tuple[re.Match[str], tuple[bool, str]]]:
    """The tag starts in ``text``'s words (its placeholders blanked out), each with its key
    ``(closing, name in lower case)``."""
    words = _blanked(text)
    return [
        (found, (found.group(1) == "/", found.group(2).lower()))
        for found in _TAG_START.finditer(words)
    ]


def _text_starts(text: str) -> dict[tuple[bool, str], int]:
    counts: dict[tuple[bool, str], int] = {}
    for _, key in _starts(text):
        counts[key] = counts.get(key, 0) + 1
    return counts


def _take(counts: dict[tuple[bool, str], int], key: tuple[bool, str]) -> bool:
    if counts.get(key, 0) > 0:
        counts[key] -= 1
        return True
    return False


def _blanked(text: str) -> str:
    """``text`` with each placeholder replaced by as many spaces (positions kept)."""
    for placeholder in reversed(find_placeholders(text)):
        text = text[: placeholder.start] + " " * len(placeholder.text) + text[placeholder.end :]
    return text
