""".NET resource files (``Resources.resx`` → ``Resources.de.resx``, the satellite assembly's) as
a keyed catalog (:mod:`ltmt.formats.keyed_catalog`), read and written with lxml.

The strings are the ``<data>`` elements with a ``<value>`` and no ``type`` or ``mimetype`` (those
are icons, sizes, files: not text) but the type ``System.String`` (written out, as ``System.String,
mscorlib, Version=4.0.0.0, ...``: a string all the same, its type kept), and not the Windows Forms
designer's own entries (``>>Button1.Name``). A ``<comment>`` is the developer's note and stays
beside its string; an import stores the source file's with its pair, as a PO ``#.`` comment is.
The translation is the source file with the translated strings only: the
resource headers and schema are kept, every other ``<data>`` left out (the satellite assembly falls
back to the neutral one for them, icons and layouts included). Where the output already exists (the
translation so far), it is written over as it is (:mod:`ltmt.formats.kept_elements`): each
``<data>`` whose value it keeps stays byte for byte (its attributes, escapes, comments,
indentation), and so do its header (schema, ``<resheader>`` elements, the comments before
``<root>`` and at its top), declaration, strings of its own and layout, so that a run that
changes no string leaves it byte for byte; a new string comes after the one before it in the
source file, with the source file's XML comments just before it, indented as the file's; a
string translated again is written in its place with the translator's attributes and
``<comment>``. Without one, the header is written byte for byte as the source file has it.

A name defined twice is read as MSBuild builds it: the first definition, with a warning that
names it (MSBuild's ``MSB3568: Duplicate resource name "Title" is not allowed, ignored``); the
output holds the first only, translated. Its strings make no memory pairs
(:meth:`KeyedCatalog.pairs`). A value ``true`` or ``false`` (any case) is a setting
``bool.Parse`` reads, not text: neither translated nor paired; nor is a string whose
``<comment>`` asks to keep it (Microsoft's ``{Locked}``, "Do not translate":
:mod:`ltmt.formats.translator_notes`), counted in the run's summary. Both are left out of the
output, so that the app shows the neutral file's value; so is a ``.resw`` string that sets a
XAML property taking no text through ``x:Uid`` (``AmountText.TextAlignment`` = ``Right``:
:mod:`ltmt.formats.xaml_settings`), named in a warning. A ``{MaxLength=30}`` comment limits
the translation's characters: one longer is written, counted and named in a warning, and ``ltmt
qa`` checks it. A string with a .NET format item
(``{0}``, ``{1,10:C2}``) is a composite format string that ``String.Format`` reads: its
translation is held to ``csharp-format`` (:mod:`ltmt.formats.format_strings`: balanced
``{{``/``}}``), by ``ltmt translate`` and ``ltmt qa`` alike. The strings a comment locks
(``{Locked="Quick Entry"}``) and .NET's escaped braces around words (``Type {{ to open a group
and }} to close it.``: two literal braces, not a template's field) are written as they are,
the words between translated (:mod:`ltmt.formats.kept_parts`).
"""

from __future__ import annotations

import copy
import logging
import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from ltmt.errors import InputError
from ltmt.formats.common import (
    append_copies,
    line_ends_like,
    local_name,
    notes_of,
    parse_xml,
    read_bytes,
    remove_with_note,
    replace_notes,
)
from ltmt.formats.format_strings import has_directives
from ltmt.formats.kept_elements import KeptRules, carry_attributes, same_xml, write_over
from ltmt.formats.kept_parts import DOTNET, escaped_brace_spans, locked_spans
from ltmt.formats.keyed_catalog import Entry
from ltmt.formats.size_limits import LengthsChecked
from ltmt.formats.translator_notes import keeps_whole, locked_strings, max_length
from ltmt.formats.xaml_settings import sets_property_not_text
from ltmt.formats.xml_keyed import XmlKeyedCatalog
from ltmt.wording import counted, first_few, them

if TYPE_CHECKING:
    from lxml import etree

logger = logging.getLogger(__name__)

WHAT = "a .NET .resx resource file"
_DESIGNER = ">>"  # Windows Forms' own entries (>>Button1.Name, >>Button1.Parent)
_FIRST_KEPT = "first definition, as MSBuild builds it,"
_STRING_TYPE = "System.String"  # the type of a ``<data>`` with none, sometimes written out


def _root(data: bytes, path: Path) -> etree._Element:
    # its errors name the line and column; ``&company;`` (declared in its DOCTYPE, as some
    # hand-edited files have) is read and written as its text, which ``<value>`` would lose
    root = parse_xml(data, path, WHAT, internal_entities="expanded").getroot()
    if local_name(root.tag) != "root" or root.find("resheader") is None:
        raise InputError(
            f"{path}: not {WHAT} (no <root> with <resheader> elements); pass --format to read "
            "it as another format"
        )
    return root


def _text_value(data: etree._Element) -> etree._Element | None:
    """The ``<value>`` of a ``<data>`` that is text to translate, else None."""
    name = data.get("name") or ""
    if not name or name.startswith(_DESIGNER) or data.get("mimetype") or not _is_string(data):
        return None
    return data.find("value")


def _is_string(data: etree._Element) -> bool:
    """Whether ``data`` is a string resource: no ``type``, or ``System.String`` (its
    assembly-qualified name too: ``System.String, mscorlib, Version=4.0.0.0, ...``)."""
    kind = data.get("type")
    return not kind or kind.split(",")[0].strip() == _STRING_TYPE


def _header(root: etree._Element) -> list[etree._Element]:
    """The comments at the top of ``root``, unless they are the notes of a ``<data>``."""
    first = next((child for child in root if local_name(child.tag)), None)
    return [] if first is None or first.tag == "data" else notes_of(first)


def _keep_comment(ours: etree._Element, theirs: etree._Element) -> None:
    """``ours`` (a ``<data>``) with the ``<comment>`` of ``theirs``, where that has one."""
    comment = theirs.find("comment")
    if comment is None or not (comment.text or "").strip():
        return
    own = ours.find("comment")
    if own is not None:
        own.text = comment.text
        return
    value = ours.find("value")
    if value is None:
        return
    placed = ours.makeelement("comment")
    placed.text, placed.tail = comment.text, value.tail
    value.tail = ours.text
    value.addnext(placed)


def _comment(value: etree._Element) -> str:
    """The ``<comment>`` of the ``<data>`` whose ``<value>`` is ``value``."""
    parent = value.getparent()
    return (parent.findtext("comment") or "") if parent is not None else ""


def _strings(root: etree._Element) -> Iterator[tuple[str, etree._Element]]:
    """The text resources of ``root``: name and ``<value>``, every definition of a name."""
    for data in root.iterchildren("data"):
        value = _text_value(data)
        if value is not None:
            yield data.get("name") or "", value


class ResxDocument(LengthsChecked, XmlKeyedCatalog):
    """A ``.resx`` file to translate into the target language's (module docstring)."""

    format = "resx"
    what = WHAT
    syntax = DOTNET  # {{ words }}: two escaped braces, as ltmt qa reads them
    keeps_booleans = True  # a setting's ``true`` stays ``true``
    leaves_out_values_not_text = True  # the app reads the source file's
    extras_kept = "kept in place"  # the output so far is written over (:meth:`render`)
    first_read = _FIRST_KEPT
    root_of = staticmethod(_root)
    strings_of = staticmethod(_strings)

    def entries_of(self, first: dict[str, etree._Element]) -> list[Entry]:
        strings = first.items()
        # the strings whose <comment> asks to keep them ({Locked}, "Do not translate")
        self.kept_as_asked = frozenset(
            name for name, value in strings if value.text and keeps_whole(_comment(value))
        )
        # the limits their comments give strings ({MaxLength=30}), by name, and the strings
        # filled with a longer translation, each with what is wrong (LengthLimited)
        self.limits = {
            name: limit
            for name, value in strings
            if (limit := max_length(_comment(value))) is not None
        }
        self.over_limit: dict[str, str] = {}
        # the developer's <comment> of each string, stored with its pair
        self.comments = {name: note for name, value in strings if (note := _comment(value).strip())}
        return [
            Entry(
                name,
                name,
                value.text,
                flags=_format_flags(value.text),
                kept=_kept(value.text, _comment(value)),
            )
            for name, value in strings
            if value.text
        ]

    def length_limit(self, entry: Entry) -> int | None:
        return self.limits.get(entry.name)

    def developer_note(self, entry: Entry) -> str:
        return self.comments.get(entry.name, "")

    def limit_at(self, key: str) -> tuple[int | None, str]:
        return self.limits.get(key), key

    def over_limit_said(self, count: int) -> str:
        return f"{counted(count, 'string')} longer than a {{MaxLength}} comment allows"

    def is_text(self, entry: Entry) -> bool:
        """Not a string whose comment asks to keep it: left out of the output, as a boolean
        setting is, so that the neutral file's value is shown (:attr:`kept_as_asked`)."""
        return super().is_text(entry) and entry.name not in self.kept_as_asked

    def is_setting(self, entry: Entry) -> bool:
        """A ``.resw`` string that sets a XAML property that takes no text through ``x:Uid``
        (``AmountText.TextAlignment`` = ``Right``: :mod:`ltmt.formats.xaml_settings`), which
        the page could not load translated."""
        return self.path.suffix.lower() == ".resw" and sets_property_not_text(
            entry.name, entry.source
        )

    def warn_of_untranslated(self) -> None:
        """:meth:`KeyedCatalog.warn_of_untranslated`, and a warning of the XAML settings
        (:meth:`is_setting`) whose value the translation so far holds, kept, but that XAML
        cannot read as the source's is read (``TextAlignment`` = ``Rechts``, an earlier run's)."""
        super().warn_of_untranslated()
        unreadable = [
            f"{entry.name} = {kept}"
            for entry in self.entries
            if self.is_setting(entry)
            and (kept := self.translations.get(entry.key)) is not None
            and not sets_property_not_text(entry.name, kept)
        ]
        if unreadable:
            logger.warning(
                "%s: %s in the translation so far %s no value XAML reads for %s property (%s), "
                "and the page will not load; set %s as the source has %s or delete %s",
                self.adopted_from or self.path,
                counted(len(unreadable), "setting"),
                "is" if len(unreadable) == 1 else "are",
                "its" if len(unreadable) == 1 else "their",
                first_few(unreadable),
                them(len(unreadable)),
                them(len(unreadable)),
                them(len(unreadable)),
            )

    def marked_kept(self) -> int:
        return len(self.kept_as_asked)

    def render(self) -> bytes:
        """The satellite file; where it exists already (the translation so far), that file
        written over as it is (:mod:`ltmt.formats.kept_elements`): its strings kept byte for
        byte, new ones after their neighbour in the source file, in its layout."""
        if self.adopted_from is None:
            return self._written_anew(None)
        adopted = read_bytes(self.adopted_from, WHAT)
        kept = write_over(adopted, self._written_anew(None), self._kept_rules())
        return self._written_anew(self.adopted_from) if kept is None else kept

    def _kept_rules(self) -> KeptRules:
        """The output so far's ``<data>`` of a string whose value it keeps stays as written;
        those of the source file's names that the output leaves out go, unless they are the
        translator's own (:attr:`extras`), and so do ltmt's own strings whose source was
        removed (:attr:`own_extras_removed`); its other elements stay, its header the same
        elements as the source file's."""
        names = {data.get("name") for data in _root(self.data, self.path).iterchildren("data")}
        extras, own = set(self.extras), set(self.own_extras_removed)

        def removed(element: etree._Element) -> bool:
            name = element.get("name")
            left_out = name in names and name not in extras
            return element.tag == "data" and (name in own or left_out)

        return KeptRules(_kept_identity, _same_value, removed, _carried)

    def _written_anew(self, adopted_from: Path | None) -> bytes:
        """The satellite file in the source file's layout, with what the translator wrote in
        ``adopted_from`` (the translation so far, or None: :meth:`_keep_adopted`) and its
        header where it is the same."""
        from lxml import etree

        root = _root(self.data, self.path)
        written: set[str] = set()
        for data in list(root.iterchildren("data")):
            name = data.get("name") or ""
            value = _text_value(data)
            text = self.translations.get(name) if value is not None else None
            if value is None or text is None or name in written:  # a later definition: unread
                remove_with_note(data)
            else:
                value.text = text
                written.add(name)
        prolog = _prolog(self.data)
        written_by = [(self.data, root)]  # the files whose header text may be kept as written
        if adopted_from is not None:
            adopted_data = read_bytes(adopted_from, WHAT)
            adopted = _root(adopted_data, adopted_from)
            self._keep_adopted(root, adopted)
            written_by.insert(0, (adopted_data, adopted))
            if b"<!--" in _prolog(adopted_data) and _is_utf8(adopted):
                prolog = _prolog(adopted_data)  # the translator's header
        body = etree.tostring(root, encoding="utf-8")
        body = _header_as_written(body, [data for data, tree in written_by if _is_utf8(tree)])
        return line_ends_like(self.data, prolog + body + self.data[len(self.data.rstrip()) :])

    def _keep_adopted(self, root: etree._Element, adopted: etree._Element) -> None:
        """Give ``root`` (the output) what the translator wrote in ``adopted`` (the translation
        so far): its header, the comments of the strings both have, and its own strings
        (:attr:`extras`) with their notes."""
        theirs = {data.get("name"): data for data in adopted.iterchildren("data")}
        for data in root.iterchildren("data"):
            found = theirs.get(data.get("name"))
            if found is not None:
                _keep_comment(data, found)
                if notes_of(found):
                    replace_notes(data, notes_of(found))
        header = _header(adopted)
        first = next((child for child in root if local_name(child.tag)), None)
        if header and first is not None and first.tag != "data":
            replace_notes(first, header)
        extras = [theirs[name] for name in self.extras if name in theirs]
        append_copies(root, extras)


def _kept_identity(element: etree._Element) -> tuple[str, str]:
    """What tells the child ``element`` of ``<root>`` apart in an output written over: its
    tag and name (``data``, ``resheader``; the schema by its tag alone)."""
    return local_name(element.tag), element.get("name") or element.get("alias") or ""


def _same_value(existing: etree._Element, element: etree._Element) -> bool:
    """Whether ``existing`` (an output's element) holds what ``element`` (the one to write in
    its place) holds: a string's ``<data>`` the same value (its comment, attributes and
    escapes as written aside), any other the same XML."""
    if element.tag != "data":
        return same_xml(existing, element)
    value = _text_value(existing)
    return value is not None and value.text == element.findtext("value")


def _carried(existing: etree._Element, element: etree._Element) -> etree._Element:
    """``element`` (a ``<data>`` translated again) with what the translator gave ``existing``,
    the one it replaces: its attributes (but its ``type``) and its ``<comment>``."""
    written = carry_attributes(existing, element, frozenset({"type", "mimetype"}))
    if element.tag == "data":
        if written is element:
            written = copy.deepcopy(element)
        _keep_comment(written, existing)
    return written


def _format_flags(text: str) -> tuple[str, ...]:
    """``("csharp-format",)`` for a string that is a .NET composite format string with an
    item (``{0}``, ``{1,10:C2}``), which ``String.Format`` reads, so that its translation must
    stay one (balanced ``{{``/``}}``); else none (``Hello {UserName}`` is some other code's
    template)."""
    return ("csharp-format",) if has_directives("csharp-format", text) else ()


def _kept(text: str, comment: str) -> tuple[tuple[int, int], ...]:
    """The places of ``text``'s parts to write as they are: the strings its ``comment`` locks
    (``{Locked="Quick Entry"}``) and .NET's escaped braces around words (``{{ to open a group
    and }}``: :mod:`ltmt.formats.kept_parts`), the locked ones first where two overlap."""
    locked = locked_spans(text, locked_strings(comment))
    braces = [
        (start, end)
        for start, end in escaped_brace_spans(text)
        if not any(a < end and start < b for a, b in locked)
    ]
    return tuple(sorted(locked + braces))


# where a file's header (its schema and <resheader> elements) ends: its first <data>, or the end
_HEADER_END = re.compile(rb"<data[\s/>]|</root\s*>")


def _header_as_written(body: bytes, written: list[bytes]) -> bytes:
    """``body`` (``<root>`` as lxml writes it) with its header as the first of the files
    ``written`` (the translation so far, the source file) has it, byte for byte, where that is
    the same XML: lxml would write ``<xsd:schema id="root" xmlns="">`` with its attributes in
    another order and ``" />"`` as ``"/>"``, a diff of lines no one changed."""
    from lxml import etree

    end = _HEADER_END.search(body)
    if end is None:
        return body
    wanted = etree.tostring(etree.fromstring(body), method="c14n")
    for data in written:
        start, stop = data.find(b"<root"), _HEADER_END.search(data)
        if start < 0 or stop is None:
            continue
        kept = data[start : stop.start()].replace(b"\r\n", b"\n") + body[end.start() :]
        try:
            same = etree.tostring(etree.fromstring(kept), method="c14n") == wanted
        except etree.XMLSyntaxError:
            same = False
        if same:
            return kept
    return body


def _prolog(data: bytes) -> bytes:
    """What comes before ``<root>`` (the XML declaration, comments)."""
    start = data.find(b"<root")
    return data[:start] if start > 0 else b'<?xml version="1.0" encoding="utf-8"?>\n'


def _is_utf8(root: etree._Element) -> bool:
    """Whether ``root``'s file is written in UTF-8, as the output is."""
    encoding = root.getroottree().docinfo.encoding or "utf-8"
    return encoding.lower().replace("_", "-") in {"utf-8", "utf8"}
