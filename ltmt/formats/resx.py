""".NET resource files (``Resources.resx`` → ``Resources.de.resx``, the satellite assembly's) as
a keyed catalog (:mod:`ltmt.formats.keyed_catalog`), read and written with lxml.

The strings are the ``<data>`` elements with a ``<value>`` and no ``type`` or ``mimetype``
(those are icons, sizes, files: not text), and not the Windows Forms designer's own entries
(``>>Button1.Name``). A ``<comment>`` is the developer's note and stays beside its string. The
translation is the source file with the translated strings only: the resource headers and
schema are kept, every other ``<data>`` left out (the satellite assembly falls back to the
neutral one for them, icons and layouts included).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ltmt.errors import InputError
from ltmt.formats.common import (
    append_copies,
    line_ends_like,
    local_name,
    parse_xml,
    read_bytes,
    remove_with_note,
)
from ltmt.formats.keyed_catalog import Entry, KeyedCatalog

if TYPE_CHECKING:
    from lxml import etree

WHAT = "a .NET .resx resource file"
_DESIGNER = ">>"  # Windows Forms' own entries (>>Button1.Name, >>Button1.Parent)


def _root(data: bytes, path: Path) -> etree._Element:
    root = parse_xml(data, path, WHAT).getroot()  # its errors name the line and column
    if local_name(root.tag) != "root" or root.find("resheader") is None:
        raise InputError(
            f"{path}: not {WHAT} (no <root> with <resheader> elements); pass --format to read "
            "it as another format"
        )
    return root


def _text_value(data: etree._Element) -> etree._Element | None:
    """The ``<value>`` of a ``<data>`` that is text to translate, else None."""
    name = data.get("name") or ""
    if not name or name.startswith(_DESIGNER) or data.get("type") or data.get("mimetype"):
        return None
    return data.find("value")


def _strings(root: etree._Element) -> Iterator[tuple[str, etree._Element]]:
    """The text resources of ``root``: name and ``<value>``."""
    for data in root.iterchildren("data"):
        value = _text_value(data)
        if value is not None:
            yield data.get("name") or "", value


class ResxDocument(KeyedCatalog):
    """A ``.resx`` file to translate into the target language's (module docstring)."""

    format = "resx"
    what = WHAT

    def __init__(self, path: Path, data: bytes) -> None:
        self.data = data
        strings = _strings(_root(data, Path(path)))
        super().__init__(
            path, [Entry(name, name, value.text) for name, value in strings if value.text]
        )

    @classmethod
    def open(cls, path: Path, **_: Any) -> ResxDocument:
        return cls(Path(path), read_bytes(Path(path), WHAT))

    def read_values(self, path: Path) -> dict[str, str]:
        root = _root(read_bytes(path, WHAT), path)
        return {name: value.text or "" for name, value in _strings(root)}

    def render(self) -> bytes:
        from lxml import etree

        root = _root(self.data, self.path)
        for data in list(root.iterchildren("data")):
            value = _text_value(data)
            text = self.translations.get(data.get("name") or "") if value is not None else None
            if value is None or text is None:
                remove_with_note(data)
            else:
                value.text = text
        if self.extras and self.adopted_from is not None:
            adopted = _root(read_bytes(self.adopted_from, WHAT), self.adopted_from)
            wanted = set(self.extras)
            append_copies(
                root, (d for d in adopted.iterchildren("data") if d.get("name") in wanted)
            )
        body = etree.tostring(root, encoding="utf-8")
        start = self.data.find(b"<root")
        prolog = self.data[:start] if start > 0 else b'<?xml version="1.0" encoding="utf-8"?>\n'
        return line_ends_like(self.data, prolog + body + self.data[len(self.data.rstrip()) :])
