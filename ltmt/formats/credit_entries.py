"""PO entries that hold no message to translate: the translators' credits, and itstool's
references to an external file.

GNOME's convention: ``msgid "translator-credits"`` (itstool's with ``msgctxt "_"``) holds the
translators' names, one a line, left empty for the team or filled by hand; KDE's ``msgctxt
"NAME OF TRANSLATORS"`` / ``"EMAIL OF TRANSLATORS"`` (``msgid "Your names"``, ``"Your
emails"``; KDE 3's ``_: NAME OF TRANSLATORS\\n`` prefix) alike. itstool's ``msgctxt "_"`` with
``msgid "external ref='figures/edit.png' md5='…'"`` stands for an image or video, whose msgstr
is the localized file's path (or the msgid copied, or nothing). The model translated them
(``Übersetzer-Kredits``, ``externer ref=…``), an import stored the names as a translation of
``translator-credits``, and qa checked them as text: ``ltmt translate`` leaves them as they are,
``memory import`` and ``ltmt qa`` do not read them (:data:`CREDITS`).
"""

from __future__ import annotations

# why a pair reader leaves such an entry out (an import's "not read")
CREDITS = "translator credits or file references"

_CREDITS_MSGIDS = frozenset({"translator-credits"})
_KDE_CONTEXTS = frozenset({"NAME OF TRANSLATORS", "EMAIL OF TRANSLATORS"})
_KDE3_PREFIXES = ("_: NAME OF TRANSLATORS\n", "_: EMAIL OF TRANSLATORS\n")
_ITSTOOL_CONTEXT = "_"
_EXTERNAL_REF = "external ref="


def is_credits_entry(context: str, msgid: str) -> bool:
    """Whether the entry of ``context`` (its msgctxt, "" for none) and ``msgid`` holds the
    translators' credits or an itstool external file reference (module docstring)."""
    if msgid in _CREDITS_MSGIDS or context in _KDE_CONTEXTS:
        return True
    if msgid.startswith(_KDE3_PREFIXES):
        return True
    return context == _ITSTOOL_CONTEXT and msgid.startswith(_EXTERNAL_REF)
