"""What a po4a catalog's ``#. type:`` comment says an entry is.

po4a writes each entry's place in its document as a ``type:`` note: ``Title ==``, ``Plain
text``, ``Table``, and for an AsciiDoc delimited block ``delimited block`` and its delimiter's
character (with ``compat=asciidoctor`` also the delimiter's length: ``delimited block - 4``).
A listing (``----``), a literal (``....``), a passthrough (``++++``) and a comment (``////``)
block hold code or text kept as written: the model translated a listing's commands (``sudo
dpkg -i cloudy-agent…`` → ``Sudo dpkg -i Wolke-agent…``). Such an entry is copied byte for
byte (:func:`is_verbatim`). po4a's man module has no such type (a ``.nf``
block is ``Plain text``, often prose), so no man entry is copied.
"""

from __future__ import annotations

import re

# the note po4a writes, and the delimiters of the AsciiDoc blocks kept as written
_TYPE = re.compile(r"^type:\s*(.*?)\s*$", re.MULTILINE)
_VERBATIM_BLOCKS = frozenset({"-", ".", "+", "/"})
# a delimited block's type: its delimiter's character, and with po4a's compat=asciidoctor the
# delimiter's length after it (``delimited block - 4``)
_DELIMITED = re.compile(r"delimited block (\S)(?: \d+)?")


def po4a_type(note: str) -> str:
    """The type a po4a ``#.`` ``note`` gives its entry (``delimited block -``), or ""."""
    found = _TYPE.search(note)
    return found.group(1) if found else ""


def is_verbatim(note: str) -> bool:
    """Whether ``note`` says its entry is an AsciiDoc listing, literal, passthrough or comment
    block (``type: delimited block -``, ``.``, ``+``, ``/``, or with compat=asciidoctor the
    delimiter's length after it: ``delimited block - 4``): code, copied byte for byte."""
    found = _DELIMITED.fullmatch(po4a_type(note))
    return found is not None and found.group(1) in _VERBATIM_BLOCKS
