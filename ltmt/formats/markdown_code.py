"""The template tags on lines of their own that a Markdown page shows as indented code.

A Hugo shortcode written in an indented code block (``Write this in your page:`` /
``    {{< figure caption="..." >}}``) is an example, code kept as written: its caption was
translated as a shortcode's that the page renders."""

from __future__ import annotations

from collections.abc import Mapping, Sequence


def tags_in_code(
    view: Sequence[str], tags: Mapping[tuple[int, int], Sequence[str]]
) -> set[tuple[int, int]]:
    """Those of ``tags`` (lines ``first`` to before ``last`` of the parser's ``view``, blank
    there, each with the text of its lines) that CommonMark reads as indented code once their
    text stands in the view again; a fenced block's lines are never tags."""
    if not tags:
        return set()
    from markdown_it import MarkdownIt

    shown = list(view)
    for (first, last), texts in tags.items():
        shown[first:last] = texts
    code = [
        token.map
        for token in MarkdownIt("commonmark").parse("\n".join(shown))
        if token.type == "code_block" and token.map
    ]
    return {tag for tag in tags if any(start <= tag[0] < end for start, end in code)}
