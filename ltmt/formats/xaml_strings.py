"""WPF and .NET MAUI string resources (``Themes/Strings.xaml`` → ``Strings.de.xaml``): a XAML
``ResourceDictionary`` of ``<sys:String x:Key="Greeting">Hello, {0}!</sys:String>`` (MAUI's
``<x:String>``), read as a keyed catalog (:mod:`ltmt.formats.keyed_catalog`) with lxml.

Only those elements' text is translated, each keyed by its ``x:Key``; the output is the source
file byte for byte but for that text (its brushes, styles, comments and spacing as written);
where the output exists already, that file is written over as it is, its strings, its own
resources and its layout kept byte for byte (:mod:`ltmt.formats.kept_elements`). A
string with a .NET format item (``{0}``) is held to ``csharp-format``, as a .resx string is
(:mod:`ltmt.formats.resx`), and its escaped braces around words (``{{ to open a group and
}}``) are two literal braces (:mod:`ltmt.formats.kept_parts`). Other XAML (a ``Window``, a
``UserControl``) is refused: its text belongs in resources, which a view binds with
``{DynamicResource Greeting}``.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from pathlib import Path
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape

from ltmt.errors import InputError
from ltmt.formats.common import local_name, parse_xml, read_bytes
from ltmt.formats.format_strings import has_directives
from ltmt.formats.kept_elements import KeptRules, carry_attributes, same_xml, write_over
from ltmt.formats.kept_parts import DOTNET, escaped_brace_spans
from ltmt.formats.keyed_catalog import Entry
from ltmt.formats.xml_keyed import XmlKeyedCatalog

if TYPE_CHECKING:
    from lxml import etree

WHAT = "a XAML ResourceDictionary of strings"
_ROOT = "ResourceDictionary"
# a string element as written: its prefix (sys:, x:), attributes and text, in document order
_STRING = re.compile(
    rb"<(?P<prefix>[\w.-]+:)?String(?P<attributes>\s[^>]*)?>(?P<text>[^<]*)</(?P=prefix)String\s*>"
)


def _root(data: bytes, path: Path) -> etree._Element:
    root = parse_xml(data, path, WHAT).getroot()
    if local_name(root.tag) != _ROOT:
        raise InputError(
            f"{path}: a XAML {local_name(root.tag) or 'file'}, not a ResourceDictionary; ltmt "
            "reads only ResourceDictionary string files (<sys:String x:Key=...>): move the "
            "text of XAML views into one and bind it with {DynamicResource ...}"
        )
    return root


def _key(element: etree._Element) -> str:
    """An element's ``x:Key`` (of XAML's 2006 or 2009 namespace)."""
    return next((value for name, value in element.attrib.items() if name.endswith("}Key")), "")


def _strings(root: etree._Element) -> list[tuple[str, etree._Element]]:
    """The ``String`` resources of ``root`` with a key, each definition, in document order."""
    return [
        (_key(child), child)
        for child in root.iterchildren()
        if local_name(child.tag) == "String" and _key(child) and len(child) == 0
    ]


def _kept_identity(element: etree._Element) -> tuple[str, str] | None:
    """What tells a resource apart in an output written over: its tag and ``x:Key``."""
    key = _key(element)
    return (local_name(element.tag), key) if key else None


def _same_resource(existing: etree._Element, element: etree._Element) -> bool:
    """Whether ``existing`` (an output's resource) holds what ``element`` does: a string the
    same text (its escapes as written aside), another resource the same XML."""
    if local_name(element.tag) == "String" and len(element) == 0:
        return len(existing) == 0 and (existing.text or "") == (element.text or "")
    return same_xml(existing, element)


def _kept_rules(own_extras_removed: Collection[str]) -> KeptRules:
    """How an output so far is written over (:meth:`XamlStringsDocument.render`): the
    translator's own resources stay, and the source file's are never taken out of it; the
    strings ``own_extras_removed`` (keys: ltmt's own whose source was removed) go."""
    own = frozenset(own_extras_removed)
    return KeptRules(
        _kept_identity,
        _same_resource,
        removed=lambda element: local_name(element.tag) == "String" and _key(element) in own,
        carried=lambda existing, element: carry_attributes(existing, element, frozenset()),
    )


def _flags(text: str) -> tuple[str, ...]:
    """``csharp-format`` for a composite format string (``{0}``), which ``String.Format``
    reads."""
    return ("csharp-format",) if has_directives("csharp-format", text) else ()


class XamlStringsDocument(XmlKeyedCatalog):
    """A XAML ResourceDictionary of strings to translate (module docstring)."""

    format = "xaml"
    what = WHAT
    syntax = DOTNET  # {{ words }}: two escaped braces, as ltmt qa reads them
    extras_kept = "kept in place"  # the output so far is written over (:meth:`render`)
    root_of = staticmethod(_root)
    strings_of = staticmethod(_strings)

    def entries_of(self, first: dict[str, etree._Element]) -> list[Entry]:
        texts = {key: element.text or "" for key, element in first.items()}
        return [
            Entry(key, key, text, flags=_flags(text), kept=tuple(escaped_brace_spans(text)))
            for key, text in texts.items()
            if text.strip()
        ]

    def render(self) -> bytes:
        """The source file with each string's text translated, all else as written; where the
        output exists already (the translation so far), that file written over as it is
        (:mod:`ltmt.formats.kept_elements`): the strings it keeps, its own and its layout stay
        byte for byte."""
        if self.adopted_from is None:
            return self._written_anew()
        adopted = read_bytes(self.adopted_from, WHAT)
        anew = self._written_anew()
        kept = write_over(adopted, anew, _kept_rules(self.own_extras_removed))
        return anew if kept is None else kept

    def _written_anew(self) -> bytes:
        """The source file with each string's text translated, all else as written."""
        written: set[str] = set()

        def translated(found: re.Match[bytes]) -> bytes:
            attributes = (found.group("attributes") or b"").decode("utf-8")
            key = re.search(r'(?:^|\s)[\w.-]*:?Key\s*=\s*"([^"]*)"', attributes)
            text = self.translations.get(key.group(1)) if key else None
            if key is None or text is None or key.group(1) in written:
                return found.group()
            written.add(key.group(1))
            start, end = found.span("text")
            whole = found.group()
            at = found.start()
            return whole[: start - at] + escape(text).encode("utf-8") + whole[end - at :]

        return _STRING.sub(translated, self.data)
