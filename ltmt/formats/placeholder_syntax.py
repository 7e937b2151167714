"""The placeholder inventory of a string: printf, brace, tag, entity and escape placeholders.

See :mod:`ltmt.formats.placeholders` for what is done with them.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

_PRINTF = (
    r"%%"
    r"|%\([^()\s]+\)[-+#0]*\d*(?:\.\d+)?[diouxXeEfFgGcrsa]"
    r"|%<PRI[diouxX]\w*>"
    r"|%(?:[1-9]\d*\$)?[-+#0']*(?:\d+|\*(?:[1-9]\d*\$)?)?(?:\.(?:\d+|\*(?:[1-9]\d*\$)?))?"
    r"(?:hh|ll|I64|I32|[hlLqjzZtI])?[diouxXeEfFgGaAcCsSpnm]"
    r"|%[1-9]\d?(?!\d)"
)
_ATTRIBUTE = r"""\s+[\w:.-]+(?:\s*=\s*(?:"[^"<>]*"|'[^'<>]*'|[^\s"'<>/=]+))?"""
_PATTERNS = {
    "tag": rf"</?[A-Za-z][\w:.-]*(?:{_ATTRIBUTE})*\s*/?>",
    "entity": r"&(?:[A-Za-z][A-Za-z0-9]*|#[0-9]+|#[xX][0-9A-Fa-f]+);",
    "printf": _PRINTF,
    "brace": r"\{\{\s*[\w.]+\s*\}\}|\{[\w.\[\]]*(?:![rsa])?(?::[^{}\s][^{}]*|:)?\}",
    "escape": r"\\[nrt]",
}
_PLACEHOLDER = re.compile("|".join(f"(?P<{kind}>{pattern})" for kind, pattern in _PATTERNS.items()))


@dataclass(frozen=True)
class Placeholder:
    """One placeholder found in a text: ``text[start:end] == self.text``."""

    text: str
    kind: str
    start: int
    end: int

    @property
    def ordered(self) -> bool:
        """Whether its position carries meaning: a printf argument without a number or a name."""
        return (
            self.kind == "printf"
            and self.text != "%%"
            and "$" not in self.text
            and not self.text.startswith("%(")
            and not self.text[1:].isdigit()
        )


def find_placeholders(text: str) -> list[Placeholder]:
    """Every placeholder of ``text``, left to right, not overlapping."""
    return [
        Placeholder(m.group(), m.lastgroup or "", m.start(), m.end())
        for m in _PLACEHOLDER.finditer(text)
    ]


def extract_placeholders(text: str) -> list[str]:
    """The placeholder inventory of ``text``, in order (duplicates kept)."""
    return [m.group() for m in _PLACEHOLDER.finditer(text)]


def placeholder_matches(source: str, hypothesis: str) -> tuple[int, int]:
    """``(kept, total)``: how many of the source's placeholders the hypothesis has unchanged.

    Counted as multisets: a source with ``%s`` twice needs ``%s`` twice in the hypothesis.
    """
    wanted = Counter(extract_placeholders(source))
    found = Counter(extract_placeholders(hypothesis))
    return sum(min(count, found[text]) for text, count in wanted.items()), sum(wanted.values())
