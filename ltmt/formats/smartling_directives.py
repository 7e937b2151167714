"""Smartling's ``sltrans`` directive, written in a resource file's comments::

    <!-- smartling.sltrans = notranslate -->      Android strings.xml
    /* smartling.sltrans = notranslate */         Apple .strings (or // smartling.sltrans = ...)
    # smartling.sltrans = notranslate             Java .properties

It switches translation off for the strings after it, until ``smartling.sltrans = translate``
switches it on again: Smartling captures none of them, and the file it delivers holds them as
the source has them (a brand tagline, a legal entity's name; ``Acme Billing GmbH, registered in
Berlin`` came out ``in Berlin registriert``). A keyed catalog writes them as its source
(:meth:`ltmt.formats.keyed_catalog.KeyedCatalog.copy_as_source`): never sent to the model, nor
paired in a memory import, nor checked by ``ltmt qa``. The directive is a comment line of its own,
in any case, with or without its ``smartling.`` prefix and spaces around its ``=``; a note that
mentions it among other words is no directive.
"""

from __future__ import annotations

import re

# one comment line that is the directive alone (linear: no nested or adjacent repeats)
_SLTRANS = re.compile(
    r"[ \t]*(?:smartling\.)?sltrans[ \t]*=[ \t]*(notranslate|translate)[ \t]*", re.IGNORECASE
)
_COMMENT_MARKS = re.compile(r"^[ \t]*(?:/\*|//|#|!)|\*/[ \t]*$")


def translates_after(comment: str, translates: bool) -> bool:
    """Whether the strings after ``comment`` (a comment as written, its marks ``<!-- -->`` left
    out, ``/* */``, ``//``, ``#`` and ``!`` left in or out) are translated, those before it
    being as ``translates`` says: the last of its lines that is an ``sltrans`` directive
    decides, else ``translates`` holds."""
    for line in comment.splitlines():
        found = _SLTRANS.fullmatch(_COMMENT_MARKS.sub("", line))
        if found is not None:
            translates = found.group(1).lower() == "translate"
    return translates
