"""A tag's quoted attribute values, which may hold ``>`` (and a ``<`` that starts no tag).

HTML ends a tag at the first ``>`` outside quotes: ``<a href="{$a->url}">`` (Moodle's link to
a placeholder's URL) and ``<a title="x>y">`` are one tag each. Scanning a tag as ``<[^<>]*>``
cut both at the quoted ``>``: the model got ``<a href="{$a`` as words and wrote ``<a href="{$a
url}" Seiten</a>``. The patterns here let a quoted value hold ``>``, and a ``<`` that cannot
start a tag (``title="x < 5"``, ``"a <- b"``, ``"<="``); a ``<`` before a letter, ``/``, ``!`` or
``?`` ends the value, so a quote a translation left open does not swallow the tags after it.

Each pattern reads one way only (no two branches match the same text, a lone ``=`` only where
no closed value follows it), so a failed match backtracks in linear time: an unclosed quote or
many ``<`` cost one scan up to the next tag's start, never an exponential search.
"""

from __future__ import annotations

# a character of a quoted value: any but the quote and a "<" that starts a tag
_VALUE_CHARACTER = r"(?:[^{quote}<]|<(?![A-Za-z/!?]))"
# a quoted value, its quotes included: "x>y", '{$a->url}', "x < 5"
QUOTED_VALUE = (
    '"' + _VALUE_CHARACTER.format(quote='"') + "*\"|'" + _VALUE_CHARACTER.format(quote="'") + "*'"
)
# what a tag holds between its "<" and its ">" (a name, attributes): no bracket but one in a
# value quoted after an "=", where a quote elsewhere is a character as any (<don't>)
TAG_BODY = rf"(?:[^<>=]|=\s*(?:{QUOTED_VALUE})|=(?!\s*(?:{QUOTED_VALUE})))*"
# any tag-like stretch in angle brackets, as ``<[^<>]*>`` read it but for quoted values
ANY_TAG = rf"<{TAG_BODY}>"
