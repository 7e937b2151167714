"""An element a translation moved out of the element that holds it in the source.

The ``placeholders`` check compares a pair's tags as multisets, and :func:`ltmt.qa.pair_checks.
tag_order_problem` reads whether they nest at all; neither saw a KUIT list whose second item
the translation wrote after the list's end (``<list><item>Plain text</item><item>Markdown
</item></list>`` → ``<list><item>Plain Textdown</item></list> <item>Markdown</item>``): the
same tags, well nested, but an ``<item>`` outside its ``<list>``, which KDE's markup (and
HTML's ``<ul><li>``) does not render as one. :func:`moved_out` reads each element's ancestors:
an element that every time the source has it is inside an element of a name, and that the
translation has outside every element of that name, is moved out.
"""

from __future__ import annotations

from collections.abc import Collection

from ltmt.formats.placeholder_syntax import find_placeholders, tag_parts


def moved_out(source: str, target: str, void: Collection[str] = ()) -> str | None:
    """A problem's words where ``target`` has an element outside an element of a name that
    holds it each time ``source`` has it (module docstring), or None; elements whose names are
    in ``void`` (``<br>``) take no closing tag. Both are read as well nested: tags that do
    not nest are :func:`ltmt.qa.pair_checks.tag_order_problem`'s."""
    held: dict[str, frozenset[str]] = {}
    openings: dict[str, str] = {}  # an element's name -> its first opening tag in source
    for name, opening, around in _elements(source, void):
        held[name] = held[name] & around if name in held else around
        openings.setdefault(name, opening)
    for name, opening, around in _elements(target, void):
        missing = sorted(held.get(name, frozenset()) - around)
        if missing:
            return (
                f"its {opening} is outside {openings[missing[0]]}, which holds it in the "
                "source: move it back inside"
            )
    return None


def _elements(text: str, void: Collection[str]) -> list[tuple[str, str, frozenset[str]]]:
    """The elements ``text`` opens, in order, each as ``(name, its opening tag, the names of
    the elements open around it)``."""
    open_names: list[str] = []
    found = []
    for placeholder in find_placeholders(text):
        parts = tag_parts(placeholder.text) if placeholder.kind == "tag" else None
        if parts is None or parts.self_closing:
            continue
        if parts.bracket == "<" and parts.name in void:
            continue
        name = parts.element
        if not parts.closing:
            found.append((name, placeholder.text, frozenset(open_names)))
            open_names.append(name)
        elif name in open_names:  # its own element and those left open inside it close
            del open_names[len(open_names) - 1 - open_names[::-1].index(name) :]
    return found
