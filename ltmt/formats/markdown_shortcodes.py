"""Hugo shortcodes in a Markdown paragraph's inline text, as the model sees them, and back.

A shortcode pair around plain text (``{{< button href="/signup" >}}Sign up{{< /button >}}``)
goes to the model as an element ``<sc data-md="..." data-end="...">`` around its text, so that
the text stays inside (it came back ``...{{< /button >}} an.``), and keys joined by ``+``
(``{{< kbd >}}Ctrl{{< /kbd >}}+{{< kbd >}}S{{< /kbd >}}``) as one code kept as written
(:mod:`ltmt.formats.markdown_inline`, whose tagged form these are part of).
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Sequence
from typing import Any

from ltmt.key_combinations import KEY_JOIN

# a Hugo shortcode that opens a pair (``{{< button href="/signup" >}}``, not ``{{< x />}}``), its
# delimiter and name; and one that closes it (``{{< /button >}}``)
_OPENING = re.compile(
    r"\{\{(?P<delimiter>[<%])\s*(?P<name>[\w-]+)(?:(?!\}\}).)*?(?<!/)[>%]\}\}", re.DOTALL
)
_CLOSING = "{{{{{delimiter}\\s*/\\s*{name}\\s*[>%]\\}}\\}}"
# a paired shortcode in the tagged form: an element around its inner text, which the model
# translates as a link's (its tags, as written, in its attributes)
_PLAIN_TEXT = frozenset({"text", "text_special", "softbreak"})
# shortcodes that mark a key (``{{< kbd >}}Ctrl{{< /kbd >}}``): not a pair, their tags code and
# their text translated as before; keys joined by + (``{{< kbd >}}Ctrl{{< /kbd >}}+{{< kbd
# >}}S{{< /kbd >}}``) are one code kept as written, as ``<kbd>Ctrl</kbd>+<kbd>S</kbd>`` is
# (:mod:`ltmt.formats.paired_tags`): as pairs, the model moved and merged the keys
# (``{{< kbd >}}Strg{{< /kbd >}} Druck-Taste+...``), as codes side by side it garbled them
_KEY_SHORTCODES = frozenset({"kbd", "key"})
_KEY_JOIN = re.compile(KEY_JOIN)
_PAIRED = re.compile(r'<sc data-md="(?P<opening>[^"]*)" data-end="(?P<closing>[^"]*)">|</sc>')


def _opening(token: Any) -> re.Match[str] | None:
    """The shortcode that opens a pair that ``token`` is, or None."""
    return _OPENING.fullmatch(token.content) if token.type == "template" else None


def _closes(opening: re.Match[str], token: Any) -> bool:
    """Whether ``token`` is the shortcode that closes the pair ``opening`` opens."""
    closing = _CLOSING.format(delimiter=opening["delimiter"], name=re.escape(opening["name"]))
    return token.type == "template" and re.fullmatch(closing, token.content) is not None


def key_combinations(tokens: Sequence[Any]) -> dict[int, tuple[int, str]]:
    """The key combinations among ``tokens``: two keys or more (:data:`_KEY_SHORTCODES`
    around a text) joined by ``+``, by the number of the first token: the number after the
    last and the combination as written."""
    keys = []  # the number of each key's first token, and the number after its last
    index = 0
    while index + 2 < len(tokens):
        opening, inner, closing = tokens[index : index + 3]
        found = _opening(opening)
        if (
            found is not None
            and found["name"].lower() in _KEY_SHORTCODES
            and inner.type == "text"
            and _closes(found, closing)
        ):
            keys.append((index, index + 3))
            index += 3
        else:
            index += 1
    combinations: dict[int, int] = {}  # the first token of each: the number after its last
    first, after = -1, -1  # of the combination open
    for start, end in keys:
        join = tokens[after] if after >= 0 and start == after + 1 else None
        if join is not None and join.type == "text" and _KEY_JOIN.fullmatch(join.content):
            combinations[first] = after = end
        else:
            first, after = start, end
    return {
        start: (end, "".join(token.content for token in tokens[start:end]))
        for start, end in combinations.items()
    }


def paired_shortcodes(tokens: Sequence[Any]) -> dict[int, str]:
    """The tagged form of the Hugo shortcodes among ``tokens`` that open and close a pair
    (``{{< button href="/signup" >}}Sign up now{{< /button >}}``), by token number: the
    opening as an element's opening tag holding both as written, the closing as its end, so
    that the inner text stays inside (it came back ``...{{< /button >}} an.``); where that
    text is plain (other markup in it left to the model as before, which kept it better), and
    not a key's (:data:`_KEY_SHORTCODES`)."""
    found: dict[int, str] = {}
    for index, token in enumerate(tokens):
        opening = _opening(token)
        if opening is None or index in found or opening["name"].lower() in _KEY_SHORTCODES:
            continue
        end = next(
            (later for later in range(index + 1, len(tokens)) if _closes(opening, tokens[later])),
            None,
        )
        inner = tokens[index + 1 : end] if end is not None else [token]
        if end is not None and all(kind.type in _PLAIN_TEXT for kind in inner):
            found[index] = (
                f'<sc data-md="{html.escape(token.content, quote=True)}" '
                f'data-end="{html.escape(tokens[end].content, quote=True)}">'
            )
            found[end] = "</sc>"
    return found


def paired_written(text: str, kept: Callable[[str], str]) -> str:
    """``text`` (a translation of the tagged form) with each paired shortcode's tags
    (:func:`paired_shortcodes`) handed to ``kept`` as written, in its place what that
    returns (a closing tag without its opening: an empty string)."""
    closings: list[str] = []

    def shortcode(found: re.Match[str]) -> str:
        if found.group("opening") is None:
            return kept(closings.pop() if closings else "")
        closings.append(html.unescape(found.group("closing")))
        return kept(html.unescape(found.group("opening")))

    return _PAIRED.sub(shortcode, text)
