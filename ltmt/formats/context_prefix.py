"""A gettext msgid that carries its context before a ``|``: ruby-gettext's ``s_("Menu|File")``
(``sgettext``), GNOME's ``Q_()`` and glib's ``C_()`` (older catalogs). The program shows the
msgstr whole when the entry is translated, and the part after the last ``|`` only where it is
not ("Movie|Location -> Location": https://www.rubydoc.info/gems/gettext/3.2.1/GetText:sgettext),
so the msgstr is the translation of that part alone: ``Datei``, never ``Menü|Datei``.

Recognised only where it cannot be ordinary text: the prefix is one or more capitalised words
written without spaces (``Menu``, ``MainWindow``, ``Book|Cover``), no space on either side of
the ``|``, and a text after it that holds a letter and no ``|``; ``Yes | No``, ``foo|bar`` and a
one-letter ``A|B`` stay as they are."""

from __future__ import annotations

import re

_PREFIXED = re.compile(r"((?:[A-Z][A-Za-z0-9]+\|)+)([^|\s][^|]*)")


def split_context_prefix(msgid: str) -> tuple[str, str] | None:
    """The context prefix of ``msgid`` (without its last ``|``) and the text to translate,
    where ``msgid`` is ``Prefix|Text`` (module docstring); else None."""
    found = _PREFIXED.fullmatch(msgid)
    if found is None or not any(c.isalpha() for c in found.group(2)):
        return None
    return found.group(1)[:-1], found.group(2)
