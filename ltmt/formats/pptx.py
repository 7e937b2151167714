"""PowerPoint presentations translated into a presentation of the target language: ``ltmt
translate talk.pptx -o talk.de.pptx``.

A ``.pptx`` (also ``.pptm``, ``.ppsx``, ``.potx``) is translated as
:mod:`ltmt.formats.office_documents` says: every paragraph with words on the slides (titles,
text boxes, shapes, tables) and in the speaker notes, in the slides' order, each with its
formatting and links as tags (:mod:`ltmt.formats.ooxml_paragraphs`); the text of charts and
SmartArt diagrams; the pictures' and shapes' descriptions and titles; the presentation's
title, subject and comments. The proofing language of the slides and of the presentation's,
masters' and layouts' text defaults becomes the target language. Everything else is copied as
it was: layouts, masters (their placeholder prompts too), themes, pictures, media,
animations, transitions, comments.
"""

from __future__ import annotations

from typing import ClassVar

from ltmt.formats.office_documents import DIAGRAMS, Layout, OfficeDocument

# presentations, slide shows and templates, with macros or without
_MAIN = (
    "presentationml.presentation.main+xml",
    "presentationml.slideshow.main+xml",
    "presentationml.template.main+xml",
    "ms-powerpoint.presentation.macroEnabled.main+xml",
    "ms-powerpoint.slideshow.macroEnabled.main+xml",
    "ms-powerpoint.template.macroEnabled.main+xml",
)
POWERPOINT_LAYOUT = Layout(
    what="a PowerPoint presentation",
    extension=".pptx",
    main=_MAIN,
    main_has_text=False,
    translated=("presentationml.slide+xml", "presentationml.notesSlide+xml", *DIAGRAMS),
    defaults=(
        *_MAIN,
        "presentationml.slideMaster+xml",
        "presentationml.slideLayout+xml",
        "presentationml.notesMaster+xml",
    ),
    alt_texts=("{http://schemas.openxmlformats.org/presentationml/2006/main}cNvPr",),
)


class PptxDocument(OfficeDocument):
    """A PowerPoint presentation to translate into the target language's (module docstring)."""

    format: ClassVar[str] = "pptx"
    layout: ClassVar[Layout] = POWERPOINT_LAYOUT
