"""DITA topics and maps translated into the target language's: ``ltmt translate
t_replace_filter.dita -o de-DE/t_replace_filter.dita`` (``.ditamap`` alike).

A topic is read and written by the HTML page's machinery (:mod:`ltmt.formats.html_document`)
in DITA's vocabulary (:mod:`ltmt.formats.dita_elements`): a paragraph, a title, a step's
``<cmd>``, a note, a map's ``<navtitle>`` is a run, with its phrase-level elements inside it
(``Click <uicontrol>Save</uicontrol>.`` is one sentence to the model); ``<codeph>``,
``<filepath>``, ``<cmdname>`` ... keep their text as written, and a ``<codeblock>`` or
``<screen>`` is not translated, nor is an element marked ``translate="no"``. A map's
``<topicref navtitle="...">`` is translated; the root's ``xml:lang`` is set to the target
language. The file is XML: written byte for byte as read but for the translated text (its XML
declaration, DOCTYPE, comments and CDATA as they were), with the references XML reads.
``ltmt memory import de/t.dita --source-file t.dita`` stores the pairs of two topics' runs.
"""

from __future__ import annotations

from typing import ClassVar

from ltmt.formats import dita_elements
from ltmt.formats.html_document import HtmlDocument
from ltmt.formats.html_segments import Dialect

WHAT = "a DITA topic or map"
DITA = Dialect(
    inline=dita_elements.INLINE,
    skipped=dita_elements.SKIPPED,
    read=dita_elements.READ_ATTRIBUTES,
    xml=True,
    root_language=True,
    code=dita_elements.CODE,
)


class DitaDocument(HtmlDocument):
    """A DITA topic or map to translate into the target language's (module docstring)."""

    format: ClassVar[str] = "dita"
    what: ClassVar[str] = WHAT
    one: ClassVar[str] = "topic"
    dialect: ClassVar[Dialect] = DITA
