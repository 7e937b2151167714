"""What an itstool catalog's ``#. (itstool) path:`` comment says an entry is.

itstool (GNOME's DocBook and Mallard help) writes each entry's place in its document as the
element path of the message: ``page/p``, ``chapter/programlisting``. An entry whose element is
code (DocBook's ``programlisting``, ``screen``, Mallard's ``code``) holds a listing or a command,
which the model translated (``photonic --edit photo.jpg`` → ``Photon --edit Foto.jpg``): it is
copied byte for byte (:func:`is_itstool_code`), as po4a's listing blocks are
(:func:`ltmt.formats.po4a_types.is_verbatim`). DocBook's ``literallayout`` is not code: it keeps
a poem's or an address's lines, which are translated.
"""

from __future__ import annotations

import re

# the note itstool writes: the element path of the message
_PATH = re.compile(r"^\(itstool\) path:\s*(\S+)\s*$", re.MULTILINE)
# the elements whose text is code: DocBook's, then Mallard's
CODE_ELEMENTS = frozenset({
    "programlisting", "screen", "synopsis", "code", "command", "userinput", "computeroutput",
    "filename", "literal",
    "cmd", "input", "output", "file", "sys",
})  # fmt: skip


def itstool_paths(note: str) -> list[str]:
    """The element paths the ``#.`` ``note`` of an itstool entry gives (``chapter/screen``; one
    for each place a merged message is from), or none."""
    return _PATH.findall(note)


def is_itstool_entry(note: str) -> bool:
    """Whether ``note`` is an itstool entry's (``(itstool) path: page/p``): a string of a
    DocBook or Mallard page, whose inline code elements (``<cmd>``, ``<file>`` ...) are kept
    whole and checked (:data:`ltmt.formats.paired_tags.DOCBOOK_CODE_NAMES`)."""
    return bool(itstool_paths(note))


def is_itstool_code(note: str) -> bool:
    """Whether ``note`` says its entry is a code element (:data:`CODE_ELEMENTS`) in each place
    it is from (``(itstool) path: chapter/programlisting``): code, copied byte for byte."""
    paths = itstool_paths(note)
    return bool(paths) and all(
        path.rsplit("/", 1)[-1].rpartition(":")[2] in CODE_ELEMENTS for path in paths
    )
