"""DITA 1.3's elements as ltmt's HTML machinery reads them (:mod:`ltmt.formats.dita`).

From the DITA 1.3 language reference (OASIS, part 3 all-inclusive, ``langRef``:
https://docs.oasis-open.org/dita/dita/v1.3/os/part3-all-inclusive/langRef/): the phrase-level
elements of the base, highlighting, user interface, software, programming and XML mention
domains stay inside their sentence (``Click <uicontrol>Save</uicontrol>.`` is one run, the
model sees the pair); those that hold code, a file name, a command or what a screen shows keep
their text as written (:data:`CODE`); blocks of code, and authors' notes not meant for readers,
are not translated (:data:`SKIPPED`).
"""

from __future__ import annotations

# code: kept as written, inside a sentence (a token the model leaves alone) or alone
CODE = frozenset(
    {
        "codeph", "codeblock", "screen", "msgblock", "msgph", "msgnum", "systemoutput",
        "userinput", "filepath", "cmdname", "apiname", "varname", "option", "parmname", "kwd",
        "synph", "markupname", "xmlelement", "xmlatt", "textentity", "parameterentity",
        "numcharref", "xmlnsname", "xmlpi",
    }
)  # fmt: skip
# phrase-level elements: inside a run, as paired codes (code: as one kept token); a footnote
# and an index term stand where they are read in the sentence
INLINE = CODE - {"codeblock", "screen", "msgblock"} | frozenset(
    {
        "ph", "b", "i", "u", "sup", "sub", "tt", "line-through", "overline", "term",
        "keyword", "tm", "text", "abbreviated-form", "uicontrol", "menucascade", "wintitle",
        "shortcut", "xref", "cite", "q", "fn", "indexterm", "index-see", "index-see-also",
        "var", "oper", "delim", "sep", "repsep", "state", "boolean",
    }
)  # fmt: skip
# not translated: blocks of code, a preformatted block, authors' comments and cleanup notes
SKIPPED = frozenset({"codeblock", "screen", "msgblock", "pre", "draft-comment", "required-cleanup"})
# attributes people read: a map's navigation titles (<topicref navtitle="...">), an image's
# alternative text (DITA 1.0's alt attribute, now an <alt> element, read as a run)
READ_ATTRIBUTES = frozenset({"navtitle", "alt"})
