"""FormatJS's compiled messages (``formatjs compile --ast``): each message an array of AST
nodes, ``[{"type": 0, "value": "Hello, "}, {"type": 1, "value": "name"}]``, whose ``value``
strings are argument names, plural types and literal text alike. Translated as strings, the
app's arguments were renamed (``{"type": 1, "value": "Name"}``) and a memory import stored
``count → Anzahl``; such a file is refused, and its extracted messages are translated instead.
The compiled form without ``--ast`` (``{"app.greeting": "Hello, {name}!"}``) is plain JSON."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ltmt.errors import InputError


def is_compiled_ast(data: Any) -> bool:
    """Whether ``data`` (a JSON file's top level) is FormatJS compiled AST: an object whose
    every value is an array of objects with a numeric ``type``, one at least with a ``value``."""
    if not isinstance(data, dict) or not data:
        return False
    messages = data.values()
    if not all(isinstance(message, list) for message in messages):
        return False
    nodes = [node for message in messages for node in message]
    return all(
        isinstance(node, dict) and type(node.get("type")) is int  # not a bool
        for node in nodes
    ) and any("value" in node for node in nodes)


class CompiledAstError(InputError):
    """A FormatJS compiled AST file given to translate or to read pairs of."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            f"{path} is compiled FormatJS AST; translate the extracted messages (formatjs "
            "extract) and compile them again"
        )
        self.path = Path(path)


def refuse_compiled_ast(path: Path, data: Any) -> None:
    """Raise :class:`CompiledAstError` where ``data``, ``path``'s JSON, is compiled AST."""
    if is_compiled_ast(data):
        raise CompiledAstError(path)
