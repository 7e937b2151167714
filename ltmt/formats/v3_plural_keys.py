"""i18next v3's plural keys: ``notification`` is the form for one beside ``notification_plural``.

i18next's JSON v3 (``compatibilityJSON: 'v3'``, still common in older namespaces) names a
plural's form for one by the key alone and the form for the others by the key with
``_plural``; v4 names them ``_one`` and ``_other``. A form for one may leave out its count
(``Du hast eine neue Benachrichtigung`` for ``You have {{count}} new notification``), which
``ltmt qa`` allowed of ``task_one`` but called an error of ``notification``, and memory import
warned of (trial s76). So a pair whose name has a ``_plural`` sibling carries
:data:`FORM_FOR_ONE` in its metadata, which
:func:`~ltmt.formats.placeholders.singular_form` reads as it reads ``_one``.

    v3_singulars(["/notification", "/notification_plural", "/title"])   # {"/notification"}
"""

from __future__ import annotations

from collections.abc import Iterable

# a pair's metadata key: its string is a plural's form for one that its name does not say
FORM_FOR_ONE = "form_for_one"
_PLURAL = "_plural"  # v3's ending of the form for the others


def v3_singulars(names: Iterable[str]) -> frozenset[str]:
    """Those of ``names`` (a catalog's keys, dotted names or JSON Pointers) beside which
    ``names`` has the same name ending in ``_plural``: v3's forms for one."""
    known = set(names)
    return frozenset(name for name in known if f"{name}{_PLURAL}" in known)
