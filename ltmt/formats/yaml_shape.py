"""Whether a file given as plain text is a YAML catalog: nested ``key: value`` lines.

A Symfony ``validators.en.yaml`` saved as ``.txt`` was translated line by line as prose, its
keys translated too (``Benutzer:`` for ``user:``), without a word (a Symfony trial, session
77), where a ``.txt`` that looks like a PO, XLIFF or TMX file gets a warning. The shape read is
narrow: every line that is not blank nor a comment is a key of no spaces and a colon (a value
after it, or none), and at least one key is indented under another; prose with a colon
(``Note: save first.``) has no such nesting.
"""

from __future__ import annotations

import re
from pathlib import Path

# a mapping's key line: indent, a key of no spaces (quoted or not), a colon, a value or none
_KEY_LINE = re.compile(r"(?P<indent>[ ]*)(?:[\w.-]+|'[^'\n]*'|\"[^\"\n]*\"):(?:[ ].*)?")
# how much of a file is read: a catalog's first lines say its shape
_READ = 65536


def looks_like_yaml(path: Path) -> bool:
    """Whether the text file ``path`` reads as a YAML catalog (module docstring); False for
    one that cannot be read as UTF-8 text."""
    try:
        head = path.read_bytes()[:_READ].decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    return yaml_shaped(head)


def yaml_shaped(text: str) -> bool:
    """Whether ``text``'s lines are nested ``key: value`` lines (module docstring): a
    document's ``---`` and a block value's lines (indented under its key) aside."""
    lines = [
        line
        for line in text.splitlines()
        if line.strip() and not line.lstrip().startswith("#") and line.rstrip() != "---"
    ]
    nested, key_indent = False, -1
    for line in lines:
        found = _KEY_LINE.fullmatch(line.rstrip())
        indent = len(line) - len(line.lstrip(" "))
        if found is None:
            if key_indent < 0 or indent <= key_indent:
                return False  # neither a key nor a block value's line under one
            continue
        nested = nested or indent > 0
        key_indent = indent
    return len(lines) >= 2 and nested
