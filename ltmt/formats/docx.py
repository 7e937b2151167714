"""Word documents translated into a document of the target language: ``ltmt translate
report.docx -o report.de.docx``.

A ``.docx`` (also ``.docm``, ``.dotx``, ``.dotm``) is translated as
:mod:`ltmt.formats.office_documents` says: every paragraph with words in the body (its tables,
text boxes and content controls too), the headers and footers, the footnotes and endnotes,
each with its formatting, links and what is not text as tags
(:mod:`ltmt.formats.ooxml_paragraphs`); the text of charts and SmartArt diagrams; the
pictures' descriptions and titles; the document's title, subject and comments. The styles'
proofing language becomes the target language, so Word checks the translation's spelling in
it. Everything else is copied as it was: styles, numbering, pictures, fields' codes,
bookmarks, tracked deletions, reviewers' comments.
"""

from __future__ import annotations

from typing import ClassVar

from ltmt.formats.office_documents import DIAGRAMS, Layout, OfficeDocument

WORD_LAYOUT = Layout(
    what="a Word document",
    extension=".docx",
    main=(
        "wordprocessingml.document.main+xml",
        "wordprocessingml.template.main+xml",
        "ms-word.document.macroEnabled.main+xml",
        "ms-word.template.macroEnabledTemplate.main+xml",
    ),
    main_has_text=True,
    translated=(
        "wordprocessingml.header+xml",
        "wordprocessingml.footer+xml",
        "wordprocessingml.footnotes+xml",
        "wordprocessingml.endnotes+xml",
        *DIAGRAMS,
    ),
    defaults=("wordprocessingml.styles+xml",),
    alt_texts=("{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr",),
)


class DocxDocument(OfficeDocument):
    """A Word document to translate into the target language's (module docstring)."""

    format: ClassVar[str] = "docx"
    layout: ClassVar[Layout] = WORD_LAYOUT
