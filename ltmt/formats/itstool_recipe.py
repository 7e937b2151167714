"""DocBook and Mallard, the XML of manuals and GNOME help, which ltmt reads no format of.

A DocBook book saved as ``.xml`` was read as Android string resources ("not an Android string
resource file"), and ``--format html`` or ``dita`` translated its code. itstool, GNOME's tool
for both, makes a PO template of a page's text, which ltmt translates, and writes the pages
back from the compiled catalog; po4a's ``docbook`` module does it for DocBook too. A file is
told by its extension (``.docbook``, Mallard's ``.page``) or by its root element in the
vocabulary's namespace, declared in the root's own start tag (DocBook 4's DOCTYPE names no
namespace: its public identifier); a namespace quoted in the text (an HTML page about DocBook) is
none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ltmt.formats.po4a_recipe import Po4aKind

DOCBOOK_NAMESPACE = "http://docbook.org/ns/docbook"
MALLARD_NAMESPACE = "http://projectmallard.org/1.0/"
_DOCBOOK_DTD = "//DTD DocBook "  # DocBook 4: -//OASIS//DTD DocBook XML V4.5//EN
_DOCBOOK_ROOTS = frozenset({"book", "article", "chapter", "section", "part", "refentry"})
_REVIEW = (
    "review de.po and remove the fuzzy flag ltmt puts on each entry (msgfmt compiles no fuzzy "
    "entry; --no-fuzzy puts none)"
)


@dataclass(frozen=True)
class ItstoolKind:
    """An XML vocabulary itstool translates: its name (``DocBook``), an example page
    (``C/index.docbook``), and the po4a kind that reads it too, where po4a has one."""

    name: str
    page: str
    po4a: Po4aKind | None = None

    def translate_recipe(self) -> str:
        """How to translate such a page: a PO template of it, filled, reviewed, merged back."""
        recipe = (
            f"ltmt reads no {self.name}; make a PO template of it with itstool, GNOME's tool for "
            f"DocBook and Mallard (itstool -o help.pot {self.page}), translate that (ltmt "
            f"translate help.pot -o de.po), {_REVIEW}, compile it (msgfmt de.po -o de.mo) and "
            f"write the page back (itstool -m de.mo -o de/ {self.page})"
        )
        if self.po4a is None:
            return recipe
        po4a = self.po4a
        return (
            f"{recipe}; or use po4a's {po4a.module} module (po4a-gettextize -f {po4a.module} "
            f"-m {po4a.page} -p {po4a.template})"
        )

    def import_recipe(self) -> str:
        """How to import such a page and its translation: the PO catalog it was written from."""
        return (
            f"ltmt reads no {self.name}; import the PO catalog its translation was written from "
            f"(ltmt memory import de.po){self._or_po4a(' and import that')}"
        )

    def qa_recipe(self) -> str:
        """How to check such a translated page: the PO catalog it was written from."""
        return (
            f"ltmt reads no {self.name}; check the PO catalog its translation was written from "
            f"(ltmt qa de.po){self._or_po4a('')}"
        )

    def _or_po4a(self, then: str) -> str:
        """po4a's way to a catalog of a page and its translation, where po4a reads the kind."""
        if self.po4a is None:
            return ""
        return (
            f", or make one of the page and its translation with po4a "
            f"({self.po4a.catalog_of_both()}){then}"
        )


DOCBOOK = ItstoolKind(
    "DocBook", "C/index.docbook", Po4aKind("DocBook", "docbook", "manual.xml", "manual.de.xml")
)
MALLARD = ItstoolKind("Mallard", "C/index.page")
# the extensions, and the names a --format of them was given as
EXTENSIONS = {".docbook": DOCBOOK, ".page": MALLARD}
NAMES = {"docbook": DOCBOOK, "mallard": MALLARD}


def _declares(attributes: str, namespace: str) -> bool:
    """Whether a start tag's ``attributes`` declare ``namespace`` (``xmlns="..."`` or a
    prefix's ``xmlns:db='...'``)."""
    declaration = rf"""\bxmlns(?::[\w.-]+)?\s*=\s*["']{re.escape(namespace)}["']"""
    return re.search(declaration, attributes) is not None


def kind_of_root(root: str | None, prolog: str, attributes: str) -> ItstoolKind | None:
    """The vocabulary of the XML file whose root element is ``root``, with what comes before it
    (``prolog``: its declaration, DOCTYPE ...) and the ``attributes`` of the root's own start
    tag: DocBook (a ``<book>``, ``<article>`` ... declaring DocBook's namespace, or with DocBook
    4's DOCTYPE), Mallard (a ``<page>`` declaring Mallard's namespace), or None. Only the root's
    own tag counts: an HTML ``<article>`` whose text quotes DocBook's namespace is none."""
    local = root.rpartition(":")[2] if root else None
    if local in _DOCBOOK_ROOTS and (
        _declares(attributes, DOCBOOK_NAMESPACE) or _DOCBOOK_DTD in prolog
    ):
        return DOCBOOK
    if local == "page" and _declares(attributes, MALLARD_NAMESPACE):
        return MALLARD
    return None
