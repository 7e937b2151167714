"""How long an XLIFF unit's translation may be, where the file says, and whether it fits.

- XLIFF 1.2: a ``<trans-unit>``'s ``maxwidth`` in its ``size-unit``; ltmt checks a limit in
  characters (``size-unit="char"``). The spec's default unit is ``pixel``, which only the
  program that draws the text can measure, so a limit in it (or in bytes, points, lines ...)
  is said to be left unchecked.
- XLIFF 2.0, the Size and Length Restriction module: a ``<segment>``'s or its ``<unit>``'s
  ``slr:sizeRestriction``, counted in the general profile the ``<file>`` declares
  (``<slr:profiles generalProfile="xliff:codepoints">``: characters); any other profile, or
  none, is left unchecked, and so is ``slr:storageRestriction`` (bytes in an encoding).

A translation's length is its text's characters, the inline codes left out (``<x id="1"/>``,
``<g id="2">``, ``<b>``: what a code stands for is not known until the program fills it in).
Other formats give a string a limit of their own (a .resx ``{MaxLength}`` comment, a CSV
table's Max length column, a WebExtension message's, an SAP annotation's ``#XFLD,20``):
:class:`LengthsChecked` notes and says those translated too long; an app store gives a
fastlane metadata file's whole text one (:mod:`ltmt.formats.store_listing`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ltmt.formats.common import local_name
from ltmt.formats.documents import TranslationsHeld
from ltmt.formats.inline import MARKUP_TAG
from ltmt.wording import them

NS_SLR = "urn:oasis:names:tc:xliff:sizerestriction:2.0"
CODEPOINTS = "xliff:codepoints"  # the 2.0 module's profile that counts characters


@dataclass(frozen=True)
class SizeLimit:
    """A unit's declared limit: ``maximum`` characters, or None where it is in a ``unit``
    ltmt does not measure (``pixel``, a 2.0 profile other than ``xliff:codepoints``)."""

    maximum: int | None
    unit: str


def declared_limit(holder: Any, version: int) -> SizeLimit | None:
    """The size limit of the 1.2 ``<trans-unit>`` or 2.0 ``<segment>`` ``holder``; None where
    it declares none. One that is no whole number (``maxwidth="abc"``) is a limit in a unit
    ltmt does not measure, so that it is said to be left unchecked, not ignored silently."""
    if version == 2:
        return _limit_20(holder)
    width = holder.get("maxwidth")
    if width is None:
        return None
    if not width.strip().isdecimal():
        return _unreadable("maxwidth", width)
    unit = holder.get("size-unit") or "pixel"
    return SizeLimit(int(width) if unit == "char" else None, unit)


def _unreadable(attribute: str, value: str) -> SizeLimit:
    """An unchecked limit whose ``attribute`` is ``value``, no whole number: its ``unit`` says
    so (``maxwidth="abc" (no whole number)``) in the warning of limits not checked."""
    return SizeLimit(None, f'{attribute}="{value}" (no whole number)')


def _limit_20(segment: Any) -> SizeLimit | None:
    size = f"{{{NS_SLR}}}sizeRestriction"
    for element in (segment, segment.getparent()):
        value = element.get(size) if element is not None else None
        if value is not None and not value.strip().isdecimal():
            return _unreadable("slr:sizeRestriction", value)
        if value is not None:
            profile = _general_profile(segment)
            if profile == CODEPOINTS:
                return SizeLimit(int(value), "char")
            return SizeLimit(None, profile or "no profile")
    return None


def _general_profile(element: Any) -> str:
    """The ``generalProfile`` of the ``<slr:profiles>`` of the ``<file>`` around ``element``."""
    for ancestor in element.iterancestors():
        if local_name(ancestor.tag) != "file":
            continue
        for profiles in ancestor.iter(f"{{{NS_SLR}}}profiles"):
            return str(profiles.get("generalProfile") or "")
    return ""


def shown_length(text: str) -> int:
    """The characters of a stored translation ``text`` that count against a limit: its text
    without the inline codes' tags."""
    return len(MARKUP_TAG.sub("", text))


def too_long_message(text: str, maximum: int, allows: str = "its unit") -> str | None:
    """What is wrong with ``text`` under a limit of ``maximum`` characters, which ``allows``
    sets (``its unit``, ``Google Play``); None where it fits."""
    length = shown_length(text)
    if length <= maximum:
        return None
    return f"the translation is {length} characters long, {allows} allows {maximum}"


def note_length(
    over_limit: dict[str, str],
    key: str,
    text: str,
    limit: int | None,
    place: str,
    allows: str = "its unit",
) -> None:
    """Record in ``over_limit`` (unit key: what is wrong, said at ``place``) whether ``text``,
    the translation of ``key``, is longer than its ``limit`` (None: none), which ``allows``
    sets (:func:`too_long_message`), or forget it where it fits: a run's note of the
    translations to shorten (a CSV row's Max length column, a .resx ``{MaxLength}`` comment)."""
    message = too_long_message(text, limit, allows) if limit is not None else None
    if message is None:
        over_limit.pop(key, None)
    else:
        over_limit[key] = f"{place}: {message}"


class LengthsChecked(TranslationsHeld):
    """A document whose strings may each have a length limit in characters (a .resx
    ``{MaxLength}`` comment, a CSV row's Max length column, a WebExtension message's): as each
    is filled (:meth:`note_filled`), :attr:`over_limit` notes those translated longer (the
    :class:`~ltmt.formats.documents.LengthLimited` a run counts), and :meth:`review_notes` says
    them. A format gives :meth:`limit_at` and :meth:`over_limit_said`, and sets
    :attr:`over_limit` to ``{}`` as it is made."""

    over_limit: dict[str, str]

    def limit_at(self, key: str) -> tuple[int | None, str]:
        """The limit of the unit ``key`` (None: none) and where a note says it is."""
        raise NotImplementedError

    def over_limit_said(self, count: int) -> str:
        """How the note of ``count`` strings translated too long begins (``2 strings longer
        than a {MaxLength} comment allows``)."""
        raise NotImplementedError

    def limit_set_by(self, key: str) -> str:
        """What sets the limit of the string ``key``, as a note says it allows so many
        characters (``its unit``; a table's ``its row's MaxChars``; an SAP annotation's ``its
        #XFLD,20 annotation``)."""
        return "its unit"

    def note_filled(self, key: str, text: str) -> None:
        limit, place = self.limit_at(key)
        note_length(self.over_limit, key, text, limit, place, self.limit_set_by(key))

    def review_notes(self) -> list[str]:
        """The strings translated longer than their limit allows, the first five named."""
        if not self.over_limit:
            return []
        said = "; ".join(list(self.over_limit.values())[:5])
        count = len(self.over_limit)
        return [f"{self.over_limit_said(count)} ({said}): shorten {them(count)}"]
