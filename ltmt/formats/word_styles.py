"""The fonts a Word document's styles set, so that a run formatted by a style is told apart as
code just as one whose font is set directly (:mod:`ltmt.formats.ooxml_paragraphs`).

A run's font is its own (``<w:rFonts>`` in its properties), else its character style's
(``<w:rStyle>``: LibreOffice's *Source Text* in Liberation Mono, a user's *Command* in
Consolas); a style that sets none has the font of the style it is based on (``<w:basedOn>``).
A paragraph style's font makes no run code (a title, a heading or a body text style set in
Consolas or Courier is prose; a paragraph style *named* for code, pandoc's ``SourceCode``, is
code: :mod:`ltmt.formats.ooxml_paragraphs`), nor does the document's default paragraph style
(*Normal*): a document typed all in Courier is prose.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ltmt.formats.tagged_paragraphs import MONOSPACED

# WordprocessingML's namespace, and its element names' prefix (ltmt.formats.ooxml_paragraphs,
# which imports this module, takes both from here)
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f"{{{W_NS}}}"


@dataclass(frozen=True)
class WordStyles:
    """Each style's font (by style id), its own or the nearest style it is based on sets."""

    fonts: Mapping[str, str]

    @classmethod
    def of(cls, root: Any) -> WordStyles:
        """The styles of ``root`` (a ``<w:styles>``, the part ``word/styles.xml``)."""
        own: dict[str, str] = {}
        bases: dict[str, str] = {}
        for style in root.iter(f"{W}style"):
            style_id = style.get(f"{W}styleId") or ""
            if style.get(f"{W}type") == "paragraph" and style.get(f"{W}default") in ("1", "true"):
                continue  # the default paragraph style: its font is the document's, not code's
            font = latin_font(style.find(f"{W}rPr"))
            if font:
                own[style_id] = font
            based_on = style.find(f"{W}basedOn")
            if based_on is not None and based_on.get(f"{W}val"):
                bases[style_id] = based_on.get(f"{W}val") or ""
        fonts = {name: _inherited(name, own, bases) for name in own.keys() | bases.keys()}
        return cls({name: font for name, font in fonts.items() if font})

    def font(self, style_id: str | None) -> str | None:
        """The font the style ``style_id`` sets (None: none, or no such style)."""
        return self.fonts.get(style_id or "")


NO_STYLES = WordStyles({})


def latin_font(properties: Any) -> str | None:
    """The font a run's or a style's properties (``<w:rPr>``) set for Latin letters: of its
    two (``ascii``, ``hAnsi``), a monospaced one where either is (a run in Calibri for ASCII
    and Consolas for the rest was code, and is), else the first set."""
    fonts = None if properties is None else properties.find(f"{W}rFonts")
    if fonts is None:
        return None
    names = [name for name in (fonts.get(f"{W}ascii"), fonts.get(f"{W}hAnsi")) if name]
    return next((name for name in names if MONOSPACED.search(name)), names[0] if names else None)


def _inherited(style_id: str, own: Mapping[str, str], bases: Mapping[str, str]) -> str | None:
    """The font of ``style_id``: its own, else that of the nearest style it is based on (a loop
    of styles based on each other ends where it meets a style seen)."""
    seen: set[str] = set()
    name: str | None = style_id
    while name and name not in seen:
        if name in own:
            return own[name]
        seen.add(name)
        name = bases.get(name)
    return None
