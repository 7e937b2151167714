"""Fenced code blocks (CommonMark's ```` ``` ```` and ``~~~``): code lines, kept as written.

A Markdown file reads them in its parser (:mod:`ltmt.formats.markdown_extensions`); a chat
message or a catalog string that pastes one (``Run this:\\n```\\nnpm install\\n```\\n``) has its
lines translated one by one (:mod:`ltmt.units`), and the model wrote the fence as two backticks
and the command in German (``npm installieren``). :func:`fenced_code_lines` says which of a
text's lines are such code; in such a text only a backtick fence is one: a line of tildes is a
banner's or a rule's (``~~~ Note ~~~``, ``~~~Welcome~~~``, whose words were kept in English).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

# a fenced code block's fence (CommonMark: three backticks or tildes or more, indented 0-3)
FENCE = re.compile(r"[ ]{0,3}(?P<fence>`{3,}|~{3,})")
# in a text that is no Markdown document (a message, a catalog string), a backtick fence alone
# on its line, with at most a language after it (```, ```python): tildes there draw banners
_TEXT_FENCE_LINE = re.compile(r"[ ]{0,3}`{3,}[ \t]*[^\s`]*[ \t]*")


def fence_after(line: str, fence: str | None) -> str | None:
    """The fence open after ``line``: ``line``'s own where it opens a fenced code block, None
    where it closes ``fence`` (the same character, at least as many, nothing after), else
    ``fence``."""
    if fence is None:
        opening = FENCE.match(line)
        return opening.group("fence") if opening is not None else None
    closing = FENCE.fullmatch(line.rstrip())
    if closing is not None and closing.group("fence").startswith(fence):
        return None
    return fence


def fenced_code_lines(lines: Sequence[str]) -> set[int]:
    """The indices of the lines of a text, no Markdown document, that are code: a backtick
    fence alone on its line (with its language, if any), and every line of a block from its
    opening fence to its closing one. A fence opened and not closed in ``lines`` makes only
    its own line code (a text cut from a longer one may open a block it does not close, and the
    prose after it is still prose); tildes open none (the module docstring)."""
    code = {index for index, line in enumerate(lines) if _TEXT_FENCE_LINE.fullmatch(line)}
    fence: str | None = None
    opened = 0
    for index, line in enumerate(lines):
        after = fence_after(line, fence)
        if fence is None and after is not None and not after.startswith("`"):
            after = None  # a banner's tildes
        if fence is None and after is not None:
            opened = index
        elif fence is not None and after is None:
            code.update(range(opened, index + 1))
        fence = after
    return code
