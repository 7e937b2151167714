"""A gettext msgid that carries its context before a ``|``: ruby-gettext's ``s_("Menu|File")``
(``sgettext``) and ``Q_()``. The program shows the msgstr whole when the entry is translated,
and the part after the last ``|`` only where it is not ("Movie|Location -> Location":
https://www.rubydoc.info/gems/gettext/3.2.1/GetText:sgettext), so the msgstr is the translation
of that part alone: ``Datei``, never ``Menü|Datei``.

Recognised only where the entry is evidently ruby-gettext's: it has no msgctxt, it has
references (``#:``) and every one is a Ruby source (``.rb``, ``.erb``, ``.haml``, ``.slim``,
``.rhtml``, ``.rake``), since rxgettext marks an ``s_()`` msgid with nothing else (no flag, no
header); elsewhere ``Yes|No``, ``TCP|UDP`` or ``Save|Ctrl+S`` is text the program shows whole.
Then the prefix is one or more capitalised words written without spaces (``Menu``,
``MainWindow``, ``Book|Cover``), no space on either side of the ``|``, and a text after it
that holds a letter and no ``|``; ``Yes | No``, ``foo|bar`` and a one-letter ``A|B`` stay as
they are."""

from __future__ import annotations

import re
from collections.abc import Sequence

_PREFIXED = re.compile(r"((?:[A-Z][A-Za-z0-9]+\|)+)([^|\s][^|]*)")

# the sources ruby-gettext's extractor (rxgettext) reads, where s_() and Q_() are functions
RUBY_SOURCES = (".rb", ".erb", ".haml", ".slim", ".rhtml", ".rake")

# a reference's line number (``app/menu.rb:3``) and the isolate marks gettext puts around a
# file name with spaces (U+2068 ... U+2069)
_LINE = re.compile(r":\d+$")
_ISOLATES = "\u2068\u2069"


def is_ruby_reference(reference: str) -> bool:
    """Whether the ``#:`` reference ``reference`` (``app/views/menu.erb:12``) names a Ruby
    source (:data:`RUBY_SOURCES`)."""
    name = _LINE.sub("", reference).strip(_ISOLATES).lower()
    return name.endswith(RUBY_SOURCES)


def split_context_prefix(
    msgid: str, *, msgctxt: str, references: Sequence[str]
) -> tuple[str, str] | None:
    """The context prefix of ``msgid`` (without its last ``|``) and the text to translate,
    where the entry is ruby-gettext's ``s_("Prefix|Text")`` (module docstring): no
    ``msgctxt``, and ``references`` (its ``#:`` references, one a string) all Ruby sources;
    else None. The one decision translate, memory import and qa share."""
    if msgctxt or not references or not all(map(is_ruby_reference, references)):
        return None
    found = _PREFIXED.fullmatch(msgid)
    if found is None or not any(c.isalpha() for c in found.group(2)):
        return None
    return found.group(1)[:-1], found.group(2)
