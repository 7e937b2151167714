"""The po4a commands that translate a document ltmt reads no format of (an AsciiDoc page, a man
page, a LaTeX document): po4a makes a PO catalog of its text, ltmt fills the catalog, po4a
writes the page back.

ltmt marks each entry it fills fuzzy (for review, unless ``--no-fuzzy``), and po4a-translate
uses no fuzzy entry and writes no page less than 80 % translated (``-k``, its keep threshold):
a recipe without the review step wrote nothing, so it says it. A page and its translation
are imported, and checked, as the PO catalog po4a makes of both; a catalog po4a made (its
entries' ``#. type:`` notes) is updated from its page by po4a, not from a template.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# a po4a catalog's entry: its note of the entry's place in the page
_PO4A_NOTE = re.compile(rb"^#\.\s*type:", re.MULTILINE)
_REFERENCE = re.compile(rb"^#:\s*(\S+?):\d+", re.MULTILINE)


@dataclass(frozen=True)
class Po4aKind:
    """A kind of document po4a reads: its name (``AsciiDoc``), po4a's module for it
    (``asciidoc``), and an example page and its translation (``page.adoc``, ``page.de.adoc``)."""

    name: str
    module: str
    page: str
    translated: str

    @property
    def template(self) -> str:
        """The PO template po4a makes of the example page: ``page.pot`` of ``page.adoc``."""
        return self.page.rsplit(".", 1)[0] + ".pot"

    def translate_recipe(self) -> str:
        """How to translate such a page: a PO catalog of it, filled, reviewed, written back."""
        return (
            f"ltmt reads no {self.name}; make a PO catalog of it with po4a (po4a-gettextize -f "
            f"{self.module} -m {self.page} -p {self.template}), translate that (ltmt translate "
            f"{self.template} -o de.po), review de.po and remove the fuzzy flag ltmt puts on each "
            "entry (po4a-translate uses no fuzzy entry; --no-fuzzy puts none) and write the page "
            f"back (po4a-translate -f {self.module} -m {self.page} -p de.po -l {self.translated}, "
            "which writes no page less than 80 % translated unless given -k 0)"
        )

    def update_recipe(self, catalog: str, page: str | None) -> str:
        """How to keep the translations of ``catalog``, a PO catalog po4a made of ``page``
        (None: unknown), and fill it again: update it from its page, then fill it in place."""
        return (
            f"to keep them, update it from its page with po4a (po4a-updatepo -f {self.module} "
            f"-m {page or self.page} -p {catalog}, or po4a with your po4a.cfg), then translate "
            f"the .po into itself: ltmt translate {catalog} -o {catalog}"
        )

    def catalog_of_both(self) -> str:
        """The po4a command that makes a PO catalog of the page and its translation."""
        return (
            f"po4a-gettextize -f {self.module} -m {self.page} -l {self.translated} -p de.po, "
            "which pairs the pages' paragraphs in order: check it and remove the fuzzy flags"
        )

    def import_recipe(self) -> str:
        """How to import such a page and its translation: the PO catalog of both."""
        return (
            f"ltmt reads no {self.name}; make a PO catalog of the page and its translation with "
            f"po4a ({self.catalog_of_both()}) and import that (ltmt memory import de.po)"
        )

    def qa_recipe(self) -> str:
        """How to check such a translated page: the PO catalog it was written from."""
        return (
            f"ltmt reads no {self.name}; check the PO catalog the page was written from (ltmt "
            f"qa de.po), or make one of the page and its translation with po4a "
            f"({self.catalog_of_both()})"
        )


ASCIIDOC = Po4aKind("AsciiDoc", "asciidoc", "page.adoc", "page.de.adoc")
ASCIIDOC_EXTENSIONS = (".adoc", ".asciidoc")
# LaTeX: read as plain text, its commands and math went to the model (and --format tex was
# told "did you mean 'txt'?"); po4a's latex module keeps them and follows \input and \include
LATEX = Po4aKind("LaTeX", "latex", "manual.tex", "manual.de.tex")
LATEX_EXTENSIONS = (".tex", ".latex", ".ltx")


def is_po4a_catalog(head: bytes) -> bool:
    """Whether ``head``, the start of a PO catalog, holds po4a's ``#. type:`` notes."""
    return _PO4A_NOTE.search(head) is not None


def referenced_page(head: bytes) -> str | None:
    """The page the first entry of ``head``, a po4a catalog's start, is from (its ``#:``
    reference without the line), or None."""
    found = _REFERENCE.search(head)
    return found.group(1).decode("utf-8", "replace") if found else None
