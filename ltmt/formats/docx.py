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
bookmarks, tracked deletions, reviewers' comments. Tracked insertions are translated as
insertions; the run's summary counts them and the deletions kept as they were, and suggests
accepting or rejecting the changes first for a clean translation. An insertion whose words the
translation does not hold is left out, its words untracked, and counted for review
(:attr:`ltmt.formats.documents.Unit.kept_apart`).
"""

from __future__ import annotations

from typing import Any, ClassVar

from ltmt.formats.office_documents import DIAGRAMS, Layout, OfficeDocument
from ltmt.formats.word_styles import W
from ltmt.wording import shortened

# how many characters of a paragraph's text its place quotes
_QUOTED = 30

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

    def place(self, key: str) -> str:
        """A paragraph's unit by its key and the start of its text, which Word's user finds it
        by (``word/document.xml#p9 ('5.1 The Receiving Party…')``: the key counts from 0, table
        cells too); another (a picture's description) by its key."""
        name, _, what = key.partition("#")
        part = next((part for part in self.package.parts if part.name == name), None)
        if part is None or not what.startswith("p") or not what[1:].isdigit():
            return key
        read = part.paragraphs[int(what[1:])][1]
        text = " ".join("".join(s.text for s in read.stretches if not s.is_code).split())
        return f"{key} ({shortened(text, _QUOTED)!r})"

    def tracked_changes(self) -> tuple[int, int]:
        """How many tracked insertions (and moves' new places) and deletions (and moves' old
        places) of text the translated parts have (a paragraph mark's or a table row's, in
        their properties, are not text)."""
        insertions = _changes_of_text(self, f"{W}ins", f"{W}moveTo")
        return insertions, _changes_of_text(self, f"{W}del", f"{W}moveFrom")


def _changes_of_text(document: DocxDocument, *tags: str) -> int:
    """How many elements of ``tags`` that hold text (not a ``*Pr``'s mark) the parts have."""
    return sum(
        not _in_properties(element)
        for part in document.package.parts
        for element in part.tree.iter(*tags)
    )


def _in_properties(element: Any) -> bool:
    """Whether ``element`` marks a change of properties (a ``*Pr``'s child), not of text."""
    parent = element.getparent()
    return parent is not None and str(parent.tag).endswith("Pr")
