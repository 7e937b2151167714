"""A pattern's matches without the closing marks that nothing opened before them.

Markup whose pairs enclose words a reader sees has a closing mark that is text where no
opening mark came first: reST's emphasis asterisk (``Price*``, :mod:`ltmt.formats.rest_markup`),
POD's ``>`` (``a > b``, :mod:`ltmt.formats.pod_codes`), AsciiDoc's ``]``, ``>>`` and ``#``
(:mod:`ltmt.formats.asciidoc_markup`), LaTeX's ``}`` and ``''``
(:mod:`ltmt.formats.latex_markup`). Each of them calls :func:`opened_only` with its group
names and the kinds of its marks.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator


def opened_only(
    matches: Iterable[re.Match[str]],
    opening: str,
    closing: str,
    kind: Callable[[str], str],
    closing_kind: Callable[[str], str] | None = None,
    *,
    nested: bool = False,
    skipped: str | None = None,
) -> Iterator[re.Match[str]]:
    """``matches`` of a pattern whose groups ``opening`` and ``closing`` hold a pair's marks,
    without the closing marks that close no opening before them and without the matches of
    group ``skipped``; the other matches pass as they are. A closing mark counts only where
    its kind (``closing_kind``, else ``kind``, of its text) is the waiting opening's ``kind``.

    ``nested``: an opening inside an open pair waits with it and a closing mark closes the
    innermost (POD's codes nest: ``B<I<FILE>>``; LaTeX's braces too). Without it, as reST's
    inline markup does not nest (docutils reads no markup inside an emphasis) and AsciiDoc's
    macros are read here one at a time, an opening replaces one still waiting, whose closing
    mark is then text."""
    waiting: list[str] = []  # the kinds of the open pairs, the innermost last
    for match in matches:
        found = match.groupdict()
        if skipped is not None and found.get(skipped) is not None:
            continue
        if found.get(closing) is not None:
            if not waiting or (closing_kind or kind)(match.group()) != waiting[-1]:
                continue
            waiting.pop()
        elif found.get(opening) is not None:
            waiting = [*waiting, kind(match.group())] if nested else [kind(match.group())]
        yield match
