"""Keyed catalogs (:mod:`ltmt.formats.keyed_catalog`) whose file is XML holding a string an
element, keyed by a name: a .NET ``.resx`` file's ``<data name="...">`` (:mod:`ltmt.formats.resx`),
a XAML ResourceDictionary's ``<sys:String x:Key="...">`` (:mod:`ltmt.formats.xaml_strings`).

What reading one shares: the file opened and checked to be one, each name read as its first
definition (the one the build uses) with a warning that names those defined twice, and a
translation read the same way. A format gives :meth:`XmlKeyedCatalog.root_of` (the file parsed,
refused where it is not one), :meth:`XmlKeyedCatalog.strings_of` (every definition of a string:
its name and element) and :meth:`XmlKeyedCatalog.entries_of` (the strings it translates).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from ltmt.formats.common import read_bytes
from ltmt.formats.keyed_catalog import (
    Entry,
    KeyedCatalog,
    TranslatedFile,
    repeated,
    warn_defined_twice,
)

if TYPE_CHECKING:
    from lxml import etree

_Catalog = TypeVar("_Catalog", bound="XmlKeyedCatalog")


def first_definitions(
    strings: Iterable[tuple[str, etree._Element]],
) -> dict[str, etree._Element]:
    """The element of each name of ``strings`` (name and element, every definition), its first
    definition's: the one the build reads."""
    first: dict[str, etree._Element] = {}
    for name, element in strings:
        first.setdefault(name, element)
    return first


class XmlKeyedCatalog(KeyedCatalog):
    """An XML file of strings keyed by name, to translate into the target language's (module
    docstring)."""

    # which definition of a name defined twice is read, as the warning says it
    first_read: ClassVar[str] = "first definition"

    def __init__(self, path: Path, data: bytes) -> None:
        self.data = data
        root = self.root_of(data, Path(path))
        self.names_defined_twice = tuple(repeated(name for name, _ in self.strings_of(root)))
        warn_defined_twice(path, self.names_defined_twice, self.first_read)
        super().__init__(path, self.entries_of(first_definitions(self.strings_of(root))))

    @staticmethod
    def root_of(data: bytes, path: Path) -> etree._Element:
        """The root element of ``data`` (the file at ``path``); an :class:`InputError` where
        it is no file of this kind."""
        raise NotImplementedError

    @staticmethod
    def strings_of(root: etree._Element) -> Iterable[tuple[str, etree._Element]]:
        """The strings of ``root``: name and element, every definition, in document order."""
        raise NotImplementedError

    def entries_of(self, first: dict[str, etree._Element]) -> list[Entry]:
        """The entries of the strings ``first`` (each name's first definition) that this file
        translates; a format notes here what else it reads of them (a .resx comment)."""
        raise NotImplementedError

    @classmethod
    def open(cls: type[_Catalog], path: Path, **_: Any) -> _Catalog:
        return cls(Path(path), read_bytes(Path(path), cls.what))

    def read_values(self, path: Path) -> dict[str, str]:
        return self._values(self.root_of(read_bytes(path, self.what), path))

    def read_translation(self, path: Path) -> TranslatedFile:
        root = self.root_of(read_bytes(path, self.what), path)
        twice = repeated(name for name, _ in self.strings_of(root))
        return TranslatedFile(self._values(root), defined_twice=twice)

    def _values(self, root: etree._Element) -> dict[str, str]:
        """The strings of ``root`` by name, their first definitions'."""
        first = first_definitions(self.strings_of(root))
        return {name: element.text or "" for name, element in first.items()}
