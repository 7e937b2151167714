"""A text with too many ``<`` that open a tag or comment never closed to read as HTML in time.

    refuse_unclosed_markup(text)  # raises UnclosedMarkupError, before the parser reads it

At the end of a text, the standard library's HTML parser (:mod:`html.parser`, before Python
3.11.13 and 3.12.11) reads from each tag (``<p``, ``</p``), declaration or processing
instruction that no ``>`` closes, and each comment (``<!--``) that no ``-->`` closes, to the
end of the text before it gives up and takes it as text: ``"<p" * 50000`` took 40 s,
``"<!--" * 8000`` 2 s (timed by hand), the time growing with the square of their number. What
it would read so in vain is summed here in one pass; past :data:`READ_IN_VAIN_LIMIT`
characters (about a second of the parser's time, by hand), the text is refused with a message
naming the line of the first such ``<``, instead of stalling a server or a run for minutes. A
text under the limit is read as it always was.
"""

from __future__ import annotations

import re

from ltmt.errors import InputError

# the characters the parser may read for start tags and comments it gives up on
READ_IN_VAIN_LIMIT = 4_000_000
# a "<" that opens a tag (<p, </p), a comment, a declaration or a processing instruction
_OPENER = re.compile(r"<[A-Za-z/!?]")
_COMMENT = re.compile(r"<!--")


class UnclosedMarkupError(InputError):
    """A text the HTML parser would take minutes to read (module docstring); ``line``: the
    line of the first ``<`` it would give up on, ``count``: how many there are, ``place``:
    where the text is (a file, a key), or ""."""

    def __init__(self, line: int, count: int, place: str = "") -> None:
        super().__init__(
            f"{place + ': ' if place else ''}line {line}: {count:,} '<' that open a tag or "
            "comment never closed, from here to the end: too broken to read as HTML; write a "
            "'<' that is text as '&lt;', and close the tags ('>') and comments ('-->')"
        )
        self.line, self.count = line, count

    def at(self, place: str) -> UnclosedMarkupError:
        """This error, naming ``place``: where its text is (``page.html``, ``key 'body'``)."""
        return UnclosedMarkupError(self.line, self.count, place)


def refuse_unclosed_markup(text: str) -> None:
    """Raise :class:`UnclosedMarkupError` where the HTML parser would read more than
    :data:`READ_IN_VAIN_LIMIT` characters for ``text``'s unclosed tags and comments."""
    last_close = _last_comment_close(text)
    given_up = {found.start() for found in _OPENER.finditer(text, text.rfind(">") + 1)}
    given_up.update(found.start() for found in _COMMENT.finditer(text, max(0, last_close - 3)))
    read_in_vain = sum(len(text) - at for at in given_up)
    if read_in_vain > READ_IN_VAIN_LIMIT:
        first = min(given_up)
        raise UnclosedMarkupError(text.count("\n", 0, first) + 1, len(given_up))


def _last_comment_close(text: str) -> int:
    """Where the last ``--`` that white space and ``>`` follow (a comment's close, as the
    parser reads it: ``--\\s*>``) starts, or -1: looked for from each ``>`` back, each
    character once."""
    end = len(text)
    while (close := text.rfind(">", 0, end)) >= 0:
        at = close
        while at > 0 and text[at - 1].isspace():
            at -= 1
        if at >= 2 and text.startswith("--", at - 2):
            return at - 2
        end = close
    return -1
