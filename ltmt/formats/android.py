"""Android string resources (``res/values/strings.xml``) as a keyed catalog
(:mod:`ltmt.formats.keyed_catalog`), read and written with translate-toolkit's
``AndroidResourceFile``, which knows Android's escapes (``\\'``, ``\\"``, ``\\n``, ``\\@``,
``\\uXXXX``), CDATA and inline markup (``<b>``, ``<xliff:g>``).

Strings are ``<string>`` (and ``<item type="string">``, a string written as an item, which
Android's build compiles as one), each form of a ``<plurals>`` (the target language's
quantities: German ``one`` and ``other``; a quantity the source lacks is translated from its
``other``) and each ``<item>`` of a ``<string-array>``. Those marked
``translatable="false"``, and references to other resources (``@string/app_name``), are not
translated and not written to the output (Android's lint reports the first there; the second
resolve to the translated resource), nor is an array or a plural until every item or form is
translated. An array's item or a plural's form that is such a reference is copied as written
(not escaped: ``\\@string/settings`` would be the text itself), never sent to the model and
read as no pair. The strings between Smartling's ``<!-- smartling.sltrans = notranslate -->``
and ``<!-- smartling.sltrans = translate -->`` are written as the source has them, never
translated nor paired (:mod:`ltmt.formats.smartling_directives`). Comments, attributes and
the file's layout are kept; a comment inside a string is no part of it (Android's build drops
it) and is dropped. Where the output already exists (the translation so far), it is written
over as it is (:mod:`ltmt.formats.kept_elements`): every string it keeps stays byte for byte
as the translator wrote it (its attributes, ``tools:ignore``, ``formatted="false"``, escapes
such as ``&#8230;`` and ``\\u00A0``, quotes, tabs; an attribute the source file's string gains,
``formatted="false"``, is added), and so do its root's start tag
(``xmlns:tools``, ``tools:ignore``), declaration, header, comments, strings of its own and
layout, so that a run that changes no string leaves it byte for byte; a new string is written
after the one before it in the source, with the source's comments just before it, indented as
the file's; a string translated again is written in its place, with the attributes the
translator gave it. (Only an output with an entity reference among its root's children, or
written ``<resources/>``, is written in the source file's layout, its comments and header kept
as far as they can be.)

A string with an apostrophe neither escaped (``\\'``) nor inside double quotes (``Can't
connect``), in the source file or in the translation so far, gets a warning that names it:
Android's build rejects it (aapt2: ``unescaped apostrophe``). ltmt's own translations are
written with their apostrophes escaped.

A string is keyed by its name and, where it has one, its product (``product="tablet"``: Android
keeps one variant of a name per product and the build picks the device's), as
``name[product=tablet]``; the variant for every other device (``product="default"``, or none)
by its name alone.

The root's ``tools:locale`` (the language Android's lint spell-checks the file in) is written
as the target language; its ``tools:ignore`` is kept as the source has it.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ltmt.errors import InputError
from ltmt.formats.common import (
    ROOT_START,
    append_copies,
    line_ends_like,
    local_name,
    notes_of,
    parse_xml,
    read_bytes,
    remove_with_note,
    replace_notes,
    xml_error,
)
from ltmt.formats.java_formatter import JAVA_FORMATTER
from ltmt.formats.kept_elements import KeptRules, carry_attributes, same_xml, write_over
from ltmt.formats.keyed_catalog import (
    FORM,
    Entry,
    KeyedCatalog,
    TranslatedFile,
)
from ltmt.formats.plurals import plural_tags
from ltmt.formats.smartling_directives import translates_after
from ltmt.wording import counted, first_few

if TYPE_CHECKING:
    from collections.abc import Hashable, Iterator

    from lxml import etree

logger = logging.getLogger(__name__)

WHAT = "an Android string resource file"
_REFERENCE = re.compile(r"\s*[@?](?:[\w.]+:)?[\w]+/[\w.]+\s*")
_KINDS = ("string", "plurals", "string-array")
_ITEM_INDEX = re.compile(r"\[\d+\]$")  # an array's item: name[2]
_ARRAY_ITEM = re.compile(r"(?P<array>.+)\[(?P<index>\d+)\]")  # its array's key and its index
# the language Android's lint spell-checks the file in (tools:locale="en" on <resources>)
_TOOLS_LOCALE = "{http://schemas.android.com/tools}locale"
_WIDE_SPACE = re.compile(r"[^\S\t\n\r ]")  # whitespace but not ASCII's (aapt2 keeps it)


def _parse(data: bytes, path: Path) -> Any:
    from lxml import etree
    from translate.storage.aresource import AndroidResourceFile

    # its errors name the line and column; the DOCTYPE and ``&appname;`` are written back as
    # they are (an Android idiom: aapt reads them)
    root = parse_xml(data, path, WHAT, internal_entities="kept").getroot()
    if root.tag != "resources":
        raise InputError(
            f"{path}: not {WHAT} (its root element is <{local_name(root.tag)}>, not "
            "<resources>); pass --format to read it as another format"
        )
    _refuse_repeated_resources(root, path)
    store = AndroidResourceFile()
    store.filename = str(path)
    try:
        store.parse(data)
    except etree.XMLSyntaxError as exc:
        raise xml_error(path, exc, WHAT) from exc
    return store


def _refuse_repeated_resources(root: etree._Element, path: Path) -> None:
    """An :class:`InputError` for a resource ``root`` defines twice, which Android's build
    rejects (aapt2: ``duplicate value for resource 'string/save'``): translated, it would be
    a file the build rejects, or one of the two would be lost."""
    first_lines: dict[tuple[str, str, str], int] = {}
    for element in root.iterchildren():
        identity = _build_identity(element)
        if identity is None:
            continue
        if identity in first_lines:
            kind, name, _ = identity
            raise InputError(
                f"{path}:{element.sourceline}: {kind}/{name} is defined twice (first on line "
                f"{first_lines[identity]}), which Android's build rejects; delete or rename one"
            )
        first_lines[identity] = element.sourceline


def _build_identity(element: etree._Element) -> tuple[str, str, str] | None:
    """What Android's build tells ``element``'s resource apart by: its type (``<item
    type="string">`` is a ``string``, a ``<string-array>`` an ``array``), name and product
    (``""`` and ``"default"`` are two); None for a comment or an element without a name."""
    name = element.get("name") if isinstance(element.tag, str) else None
    if name is None:
        return None
    kind = element.get("type", "") if element.tag == "item" else element.tag
    if kind.endswith("-array"):
        kind = "array"
    return kind, name, element.get("product", "")


def _text(element: etree._Element) -> str:
    """The string ``element`` holds, unescaped, as Android's build compiles it
    (:func:`_as_compiled`)."""
    from translate.storage.aresource import AndroidResourceUnit

    return str(AndroidResourceUnit(None, xmlelement=_as_compiled(element)).target or "")


def _as_compiled(element: etree._Element) -> etree._Element:
    """``element`` as translate-toolkit's reader must see it to read what aapt2 compiles: the
    comments inside it dropped, as aapt2 drops them (the reader took them for markup, and the
    output then showed them as escaped text), and whitespace beyond ASCII (a no-break space, a
    narrow one) as ``\\u`` escapes, as aapt2 keeps it (the reader would fold it into the spaces
    it collapses). A copy where it holds either, else ``element`` itself."""
    import copy

    from lxml import etree

    skipped = (etree._Comment, etree._ProcessingInstruction)
    comments = any(isinstance(node, skipped) for node in element.iterdescendants())
    wide = any(_WIDE_SPACE.search(text) for text in element.itertext())
    if not comments and not wide:
        return element
    element = copy.deepcopy(element)
    etree.strip_tags(element, etree.Comment, etree.ProcessingInstruction)  # their tails kept
    for node in element.iter():
        node.text = _escape_wide_spaces(node.text)
        if node is not element:
            node.tail = _escape_wide_spaces(node.tail)
    return element


def _escape_wide_spaces(text: str | None) -> str | None:
    if not text:
        return text
    return _WIDE_SPACE.sub(lambda found: f"\\u{ord(found.group()):04x}", text)


def _set_text(element: etree._Element, text: str) -> None:
    from translate.storage.aresource import AndroidResourceUnit

    tag, attributes = element.tag, dict(element.attrib)
    unit = AndroidResourceUnit(None, xmlelement=element)
    unit.target = text  # type: ignore[misc]
    written = unit.xmlelement  # an <item> comes back as a new <string> without attributes
    written.tag = tag
    written.attrib.clear()  # the new one has its name first: the source's order instead
    for attribute, value in attributes.items():
        written.set(attribute, value)


def _kind(element: etree._Element) -> str | None:
    """Which of :data:`_KINDS` the string resource ``element`` is (``<item type="string">``, a
    string written as an item, is a ``string``; aapt2 compiles no other ``<item>`` into strings
    or quantities); None for another resource or a comment."""
    if element.tag == "item" and element.get("type") == "string":
        return "string"
    return element.tag if element.tag in _KINDS else None


def _resource_name(element: etree._Element) -> str:
    """What ``element``'s strings are keyed by (module docstring): its name, and its product
    where that is not ``default``."""
    name, product = element.get("name", ""), element.get("product", "")
    return name if product in ("", "default") else f"{name}[product={product}]"


def _translatable(element: etree._Element) -> bool:
    """Not marked ``translatable="false"``, and not a reference to another resource
    (``@string/app_name``, ``?attr/title``), which resolves to that resource's translation."""
    if element.get("translatable", "true").lower() == "false":
        return False
    return not _is_reference(element)


def _is_reference(element: etree._Element) -> bool:
    """Whether ``element`` (a string, an array's item, a plural's form) holds only a reference
    to another resource (``@string/settings``, ``@android:string/cancel``)."""
    return len(element) == 0 and bool(_REFERENCE.fullmatch(element.text or ""))


class _AsWritten(str):
    """A reference to another resource, written back as the source file has it: escaped
    (``\\@string/settings``), aapt2 would compile it as that text."""


def _form_sources(
    element: etree._Element, tags: tuple[str, ...]
) -> dict[str, etree._Element | None]:
    """The ``<item>`` of the ``<plurals>`` ``element`` each quantity of ``tags`` is translated
    from: the item of that quantity, else the ``other`` one (else the first); None where it
    has no item with text."""
    items = {
        item.get("quantity", ""): item
        for item in element.iterchildren("item")
        if _text(item)  # an empty form falls back too
    }
    # an element with no children is false: no "or" between them
    fallback = items["other"] if "other" in items else next(iter(items.values()), None)
    return {tag: items.get(tag, fallback) for tag in tags}


def _elements(store: Any) -> Iterator[etree._Element]:
    """The root's translatable string elements, in order."""
    for element in store.document.getroot().iterchildren():
        if _kind(element) is not None and _translatable(element):
            yield element


def _not_translated(root: etree._Element) -> Iterator[str]:
    """The names of the string resources of ``root`` that Smartling's ``<!-- smartling.sltrans
    = notranslate -->`` comments, before ``<resources>`` or among its children, say not to
    translate (:mod:`ltmt.formats.smartling_directives`)."""
    from lxml import etree

    translates = True
    for node in (*reversed(list(root.itersiblings(preceding=True))), *root.iterchildren()):
        if isinstance(node, etree._Comment):
            translates = translates_after(node.text or "", translates)
        elif not translates and _kind(node) is not None:
            yield _resource_name(node)


def _has_unescaped_apostrophe(element: etree._Element) -> bool:
    """Whether the string ``element`` (or an item of it) has an apostrophe that aapt2 rejects:
    one not escaped with a backslash and outside double quotes (which span markup)."""
    escaped, quoted = False, False
    for char in "".join(_as_compiled(element).itertext()):
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == '"':
            quoted = not quoted
        elif char == "'" and not quoted:
            return True
    return False


def _warn_of_unescaped_apostrophes(store: Any, path: Path) -> None:
    """Name the strings of ``path`` that Android's build rejects for an unescaped apostrophe
    (:func:`_has_unescaped_apostrophe`)."""
    names = [_resource_name(e) for e in _elements(store) if _has_unescaped_apostrophe(e)]
    if names:
        logger.warning(
            "%s: %s with an unescaped apostrophe (%s), which Android's build rejects; write "
            "it as \\' there",
            path,
            counted(len(names), "string"),
            first_few(names),
        )


@dataclass(frozen=True)
class Resource:
    """A translatable string resource of a file as written, for checks: its ``name``, its
    ``kind`` (``string``, ``plurals``, ``string-array``), its items' texts (a plural's by
    quantity, an array's by index as ``"0"``, ``"1"`` ...; a string's as ``""``), and whether
    aapt2 rejects it for an unescaped ``apostrophe``."""

    name: str
    kind: str
    items: dict[str, str]
    apostrophe: bool


def resources(path: Path) -> list[Resource]:
    """The translatable string resources of the Android file ``path``, in order."""
    store = _parse(read_bytes(path, WHAT), path)
    found = []
    for element in _elements(store):
        kind = _kind(element) or "string"
        if kind == "string":
            items = {"": _text(element)}
        elif kind == "plurals":
            items = {item.get("quantity", ""): _text(item) for item in element.iterchildren("item")}
        else:
            items = {str(n): _text(item) for n, item in enumerate(element.iterchildren("item"))}
        found.append(
            Resource(_resource_name(element), kind, items, _has_unescaped_apostrophe(element))
        )
    return found


class AndroidDocument(KeyedCatalog):
    """An Android ``strings.xml`` to translate into the target language's (module docstring)."""

    format = "android"
    what = WHAT
    not_translatable_mark = 'marked translatable="false"'
    extra_translation_hint = " (Android lint's ExtraTranslation, which fails a release build)"
    leaves_out_values_not_text = True  # the app reads the source file's
    syntax = JAVA_FORMATTER  # getString(id, args) formats it (%s is a one-argument %1$s)
    extras_kept = "kept in place"  # the output so far is written over (module docstring)
    array_item = _ARRAY_ITEM  # a <string-array>'s items move with their English

    def __init__(self, path: Path, data: bytes, tgt_lang: str) -> None:
        self.data = data
        self.tags = plural_tags(tgt_lang)
        self.tgt_lang = tgt_lang
        # the plural forms that are references, copied as written, by key (name#quantity)
        self.references: dict[str, _AsWritten] = {}
        store = _parse(data, Path(path))
        _warn_of_unescaped_apostrophes(store, Path(path))
        super().__init__(path, list(self._entries(store)))
        self.not_translatable = {
            _resource_name(element)
            for element in store.document.getroot().iterchildren()
            if _kind(element) is not None and element.get("translatable", "").lower() == "false"
        }
        self.copy_as_source(_not_translated(store.document.getroot()))

    @classmethod
    def open(
        cls, path: Path, src_lang: str | None = None, tgt_lang: str | None = None, **_: Any
    ) -> AndroidDocument:
        return cls(Path(path), read_bytes(Path(path), WHAT), tgt_lang or "de")

    def _entries(self, store: Any) -> Iterator[Entry]:
        for element in _elements(store):
            name = _resource_name(element)
            if _kind(element) == "string":
                yield Entry(name, name, _text(element))
            elif _kind(element) == "plurals":
                for form, (tag, item) in enumerate(_form_sources(element, self.tags).items()):
                    key = f"{name}{FORM}{tag}"
                    if item is not None and _is_reference(item):
                        self.references[key] = _AsWritten(item.text)
                        continue
                    text = "" if item is None else _text(item)
                    yield Entry(key, name, text, form, plural=True)
            else:
                for index, item in enumerate(element.iterchildren("item")):
                    if not _is_reference(item):  # left as written (module docstring)
                        yield Entry(f"{name}[{index}]", name, _text(item))

    def read_values(self, path: Path) -> dict[str, str]:
        return self.read_translation(path).values

    def read_translation(self, path: Path) -> TranslatedFile:
        """The strings of ``path`` by key, and the line each starts on (its ``<string>``, a
        plural's or an array's ``<item>``), which ``ltmt qa --json`` gives its findings."""
        values: dict[str, str] = {}
        lines: dict[str, int] = {}
        store = _parse(read_bytes(path, WHAT), path)
        _warn_of_unescaped_apostrophes(store, path)
        for element in _elements(store):
            name = _resource_name(element)
            if _kind(element) == "string":
                found = [(name, element)]
            elif _kind(element) == "plurals":
                items = element.iterchildren("item")
                found = [(f"{name}{FORM}{i.get('quantity', '')}", i) for i in items]
            else:
                found = [(f"{name}[{n}]", i) for n, i in enumerate(element.iterchildren("item"))]
            for key, item in found:
                if item is element or not _is_reference(item):
                    values[key] = _text(item)
                    if item.sourceline is not None:
                        lines[key] = item.sourceline
        return TranslatedFile(values, lines=lines)

    def name_of(self, key: str) -> str:
        """The resource ``key`` belongs to: ``name#one`` and ``name[2]`` → ``name``; a
        product's variant keeps its product (``name[product=tablet]``)."""
        return _ITEM_INDEX.sub("", key.split(FORM)[0])

    def render(self) -> bytes:
        store = _parse(self.data, self.path)
        store.settargetlanguage(self.tgt_lang)
        root = store.document.getroot()
        if root.get(_TOOLS_LOCALE) is not None:  # the source's tools:locale="en" was copied
            root.set(_TOOLS_LOCALE, self.tgt_lang)
        strings = {_identity(e) for e in root.iterchildren() if _kind(e) is not None}
        for element in list(root.iterchildren()):
            if _kind(element) is None:
                continue
            if not _translatable(element) or not self._fill_element(element):
                remove_with_note(element)
        prolog_of = self.data  # the file whose prolog (declaration, header comments) is kept
        if self.adopted_from is not None:
            adopted_data = read_bytes(self.adopted_from, WHAT)
            kept = write_over(adopted_data, bytes(store), self._kept_rules(strings))
            if kept is not None:
                return kept
            adopted = _parse(adopted_data, self.adopted_from)
            self._keep_adopted(root, adopted.document.getroot())
            if _has_header(adopted_data) and _same_encoding(adopted.encoding, store.encoding):
                prolog_of = adopted_data  # the translator's header
        written = bytes(store)
        original, produced = ROOT_START.match(prolog_of), ROOT_START.match(written)
        if original is not None and produced is not None:  # the prolog as that file has it
            written = prolog_of[: original.start(1)] + written[produced.start(1) :]
        if self.data.endswith(b"\n") and not written.endswith(b"\n"):
            written += b"\n"
        return line_ends_like(self.data, written)

    def _kept_rules(self, strings: set[tuple[str | None, str]]) -> KeptRules:
        """How the output so far is written over (:mod:`ltmt.formats.kept_elements`): its
        strings that read as the output's are kept as written; those of the source's
        ``strings`` (identities) that the output leaves out go, unless they are the
        translator's own (:attr:`extras`), and so do ltmt's own strings whose source was
        removed (:attr:`own_extras_removed`); its other elements stay."""
        extras, own = set(self.extras), set(self.own_extras_removed)

        def removed(element: etree._Element) -> bool:
            name = _resource_name(element)
            if _kind(element) is not None and name in own:
                return True
            return _identity(element) in strings and name not in extras

        return KeptRules(_kept_identity, _reads_alike, removed, _carried)

    def _keep_adopted(self, root: etree._Element, adopted: etree._Element) -> None:
        """Give ``root`` (the output) what the translator wrote in ``adopted`` (the translation
        so far): the notes of the strings both have, in place of the source file's (which stay
        where ``adopted`` has none), and its own strings (:attr:`extras`) with their notes."""
        theirs = {_identity(e): e for e in adopted.iterchildren() if _kind(e) is not None}
        for element in list(root.iterchildren()):
            found = theirs.get(_identity(element)) if _kind(element) is not None else None
            if found is not None and notes_of(found):
                replace_notes(element, notes_of(found))
        names = set(self.extras)
        extras = [e for e in adopted.iterchildren() if _kind(e) and _resource_name(e) in names]
        append_copies(root, extras)

    def _fill_element(self, element: etree._Element) -> bool:
        """Put ``element``'s translation in; False where it has none (yet)."""
        name = _resource_name(element)
        if _kind(element) == "string":
            text = self.translations.get(name)
            if text is None:
                return False
            _set_text(element, text)
            return True
        if _kind(element) == "plurals":
            if not self.plural_complete(name):
                return False
            keys = [f"{name}{FORM}{tag}" for tag in self.tags]
            forms = [self.references.get(key) or self.translations[key] for key in keys]
            _set_plurals(element, forms, self.tags)
            return True
        items = {
            f"{name}[{index}]": item
            for index, item in enumerate(element.iterchildren("item"))
            if not _is_reference(item)  # left as written
        }
        if any(key not in self.translations for key in items):
            return False
        for key, item in items.items():
            _set_text(item, self.translations[key])
        return True


def _kept_identity(element: etree._Element) -> Hashable | None:
    """What tells ``element`` apart from the other resources of its file, in an output written
    over (:meth:`AndroidDocument._kept_rules`): a string resource's :func:`_identity`, another
    resource's type, name and product (:func:`_build_identity`); None for neither."""
    if _kind(element) is not None:
        return _identity(element)
    built = _build_identity(element)
    return None if built is None else ("resource", *built)


def _carried(existing: etree._Element, element: etree._Element) -> etree._Element:
    """``element`` (a string translated again) with the attributes the translator gave
    ``existing``, the one it replaces (``tools:ignore``), but ``translatable``: it is
    translated."""
    return carry_attributes(existing, element, frozenset({"translatable"}))


def _reads_alike(existing: etree._Element, element: etree._Element) -> bool:
    """Whether ``existing`` (an output's resource) holds what ``element`` (the one to write in
    its place) holds: a string resource the same strings as Android's build compiles them
    (its attributes, escapes and quoting as written aside), another resource the same XML."""
    if _kind(element) is None:
        return same_xml(existing, element)
    return _translatable(existing) and _strings_of(existing) == _strings_of(element)


def _strings_of(element: etree._Element) -> dict[str, str]:
    """The strings of the string resource ``element``: its own (key ``""``), a plural's by
    quantity, an array's by index."""
    if _kind(element) == "string":
        return {"": _text(element)}
    items = list(element.iterchildren("item"))
    if _kind(element) == "plurals":
        return {item.get("quantity", ""): _text(item) for item in items}
    return {str(index): _text(item) for index, item in enumerate(items)}


def _identity(element: etree._Element) -> tuple[str | None, str]:
    """What tells the string resource ``element`` apart from the others of its file: its
    :func:`_kind` (a ``<string>`` and a ``<plurals>`` may share a name) and
    :func:`_resource_name`."""
    return _kind(element), _resource_name(element)


def _has_header(data: bytes) -> bool:
    """Whether the file ``data`` has comments before its ``<resources>``."""
    found = ROOT_START.match(data)
    return found is not None and b"<!--" in data[: found.start(1)]


def _same_encoding(first: str, second: str) -> bool:
    """Whether the encodings named ``first`` and ``second`` are one (``UTF-8`` and ``utf8``
    are): a declaration is kept only over the body written in its encoding."""
    import codecs

    return codecs.lookup(first).name == codecs.lookup(second).name


def _set_plurals(element: etree._Element, forms: list[str], tags: tuple[str, ...]) -> None:
    """Replace the ``<item>`` children of a ``<plurals>`` with one per quantity of ``tags``
    (and ``other``, which Android falls back to, where ``tags`` lack it), keeping the items'
    layout; a reference among ``forms`` is written as it is, unescaped."""
    from lxml import etree

    if "other" not in tags:
        tags, forms = (*tags, "other"), [*forms, forms[-1]]
    items = list(element.iterchildren("item"))
    indent = items[0].tail if items else "\n"
    closing = items[-1].tail if items else "\n"
    for item in items:
        element.remove(item)
    for number, (tag, text) in enumerate(zip(tags, forms)):
        item = etree.SubElement(element, "item", quantity=tag)
        if isinstance(text, _AsWritten):
            item.text = text
        else:
            _set_text(item, text)
        item.tail = closing if number == len(tags) - 1 else indent
