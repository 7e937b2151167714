"""The normalised form that matching works on; stored text itself is never changed.

``normalize`` applies Unicode NFC, folds every run of whitespace (and control characters) into
one space, strips both ends and, unless asked to keep case, case-folds (``"Straße"`` →
``"strasse"``).
Two sources with the same normalised form score 100.
"""

from __future__ import annotations

import re
import unicodedata

# Control characters that str.split() does not treat as whitespace; they carry no meaning for
# matching (and NUL would collide with the index's separator).
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1b\x7f]")


def fold_space(text: str) -> str:
    """NFC with whitespace runs folded to one space and the ends stripped (case kept)."""
    if text.isascii() and text.isprintable():  # the common case: NFC already, no controls
        if "  " in text or text[:1] == " " or text[-1:] == " ":
            return " ".join(text.split())
        return text
    text = unicodedata.normalize("NFC", text)
    if _CONTROL.search(text):
        text = _CONTROL.sub(" ", text)
    return " ".join(text.split())


def normalize(text: str, *, case_sensitive: bool = False) -> str:
    """The form used for scoring: :func:`fold_space`, then case-folded unless ``case_sensitive``."""
    folded = fold_space(text)
    return folded if case_sensitive else folded.casefold()
