"""Qt Linguist translation files (``app_de.ts``, made by ``lupdate``, compiled by ``lrelease``),
read and written with translate-toolkit's ``ts2``, which keeps the file as Qt's tools write it.

A ``.ts`` file holds both languages: each ``<message>`` has its ``<source>`` and a
``<translation>``. ``ltmt translate app_de.ts -o app_de.mt.ts`` fills the empty translations
and marks them ``type="unfinished"`` (Qt Linguist's "to review"; ``--no-fuzzy`` leaves the mark
off); a translation already there, finished or not, is kept, and so are vanished and obsolete
messages. A message's context is its ``<context>`` name (the class) and its disambiguation
``<comment>``. A plural message (``numerus="yes"``) has one source (``%n file(s)``) and a
``<numerusform>`` per plural form of the file's language, as many as ``lupdate`` wrote (else
the language's CLDR count): each form is a unit of its own, written only when all are
translated. The first form translates the source's singular, the others its plural
(``%n file(s)`` → ``%n file``, ``%n files``; a message ``lconvert`` made from a PO entry has its
``msgid_plural``, and its format flags, which the translation must keep), and the pipeline
hands the model the count as a number so that the forms differ.

A text may hold length variants, the longest first, of which Qt shows the first that fits
(``Playback speed`` and ``Speed``): a ``<source>`` holds them apart by U+009C, as ``lupdate``
writes them from ``tr("Playback speed\u009cSpeed")``, and a ``<translation variants="yes">``
(or a ``<numerusform>``) as its ``<lengthvariant>`` elements. A message is untranslated while
every variant of its translation is empty. Each variant of a source is a unit of its own (key
``N#K``, as a plural form's, written only with its siblings: a message must not ship one
variant translated and an empty one that Qt would show where the first does not fit), and a
translation's variants take the translations of the source's variants in order (the last
source variant's for those past them: a source with one text fills every variant, for the
translator to shorten). A plural message translates its source's first variant.

``ltmt memory import app_de.ts`` reads the finished translations (``unfinished``,
untranslated, ``vanished`` and ``obsolete`` ones are left out and counted in its report's
``not_read``), each form of a
plural as a pair of its own; ``ltmt qa`` names them by their place, counted from 1 as a PO
catalog's entries are: ``message 14``, ``message 14, form 2``.

A ``.ts`` file is its own output, so the record of what ltmt wrote into it
(:mod:`ltmt.formats.output_sources`, by unit: :mod:`ltmt.formats.qt_held`) tells ltmt's machine
translation from a reviewer's as a PO catalog's does: an import warns of ltmt's text that
nobody changed since (``--no-fuzzy`` wrote it finished), and ``--reviewed-only`` leaves it out.
``lupdate`` marks a message whose source changed ``unfinished`` (``<oldsource>``), and an update
moves the messages, whose keys are their places: a rerun translates again an unfinished message
that holds ltmt's own text of an older source, and keeps someone else's (``ltmt qa`` names it).
"""

from __future__ import annotations

import contextlib
import logging
import re
from collections.abc import Collection, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from ltmt.errors import InputError
from ltmt.formats import plural_suffixes
from ltmt.formats.byte_order_marks import UTF16_MARKS
from ltmt.formats.character_references import references_kept
from ltmt.formats.common import (
    atomic_write,
    lang_matches,
    language_error,
    line_ends_like,
    local_name,
    parse_xml,
    read_bytes,
)
from ltmt.formats.documents import Unit
from ltmt.formats.entry_forms import FORM, WaitingForms, by_entry
from ltmt.formats.not_read import NotRead
from ltmt.formats.plurals import plural_tags
from ltmt.formats.qt_held import held_texts
from ltmt.formats.tmx_metadata import TMX_LANGUAGES, file_languages
from ltmt.segments import PairRecord
from ltmt.wording import counted, first_few, kept_as_is, them

logger = logging.getLogger(__name__)

WHAT = "a Qt Linguist .ts file"
# what parts a text's length variants: in a <source>, and in the text Qt compiles (lrelease's
# binary variant separator)
VARIANTS = "\u009c"
# the characters lupdate writes as <byte value="x7"/> (those below U+0020 but \n and \t)
_CONTROL = re.compile("([\x00-\x08\x0b-\x1f])")
_BYTE_CLOSED = re.compile(rb'(<byte value="[^"<>]*")></byte>')


def load_ts(path: Path) -> Any:
    """Parse the ``.ts`` file ``path`` with translate-toolkit (a ``ts2.tsfile``); every failure
    is an :class:`InputError` naming the file (and line)."""
    from translate.storage import ts2

    path = Path(path)
    data = read_bytes(path, WHAT)
    utf16 = data.startswith(UTF16_MARKS)
    if data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] != b"<" and not utf16:
        raise InputError(
            f"{path}: not {WHAT}: it is not XML (a TypeScript file cannot be translated)"
        )
    root = parse_xml(data, path, WHAT).getroot()  # its errors name the line and column
    if root.tag != "TS":
        raise InputError(
            f"{path}: not {WHAT} (its root element is <{local_name(root.tag)}>, not <TS>); "
            "pass --format to read it as another format"
        )
    store = ts2.tsfile(data)
    store.filename = str(path)
    return store


def check_languages(store: Any, path: Path, src_lang: str, tgt_lang: str) -> None:
    """Raise an error when the file's ``language`` (or ``sourcelanguage``) is not the pair's."""
    root = store.document.getroot()
    target, source = root.get("language", ""), root.get("sourcelanguage", "")
    if (target and not lang_matches(target, tgt_lang)) or (
        source and not lang_matches(source, src_lang)
    ):
        raise language_error(path, [target, source], src_lang, tgt_lang)


def _messages(store: Any) -> Iterator[tuple[int, Any]]:
    """The messages to translate (not vanished or obsolete), by their place in the file."""
    for index, unit in enumerate(store.units):
        if not unit.isobsolete() and _source(unit).strip():
            yield index, unit


def _source(unit: Any) -> str:
    """A message's source text (a plural message's one source), its ``<byte>`` elements read
    as the control characters they stand for; empty where the ``<source>`` is (an id-based
    message's)."""
    node = unit.xmlelement.find("source")
    return "" if node is None else _with_bytes(node)


def _with_bytes(node: Any) -> str:
    """The text of ``node`` with the control characters that ``lupdate`` writes as
    ``<byte value="x9"/>`` elements (XML 1.0 cannot hold them) read back in place."""
    text = node.text or ""
    for child in node.iterchildren("byte"):  # others' tails are the file's indentation
        value = child.get("value", "")
        with contextlib.suppress(ValueError):  # a value Qt would not write: none to read back
            text += chr(int(value[1:], 16) if value[:1] in "xX" else int(value))
        text += child.tail or ""
    return text


def _set_with_bytes(node: Any, text: str) -> None:
    """Write ``text`` into ``node`` as ``lupdate`` would: its control characters (a tab
    among them) as ``<byte value="x9"/>`` elements, the rest as text."""
    from translate.misc.xml_helpers import safely_set_text

    parts = _CONTROL.split(text)
    safely_set_text(node, parts[0])
    for number in range(1, len(parts), 2):
        byte = node.makeelement("byte", {"value": f"x{ord(parts[number]):x}"})
        node.append(byte)
        if parts[number + 1]:
            byte.tail = parts[number + 1]


def form_source(source: str, form: int, count: int, plural: str | None = None) -> str:
    """The text a plural form translates. Qt's one source writes English's forms together
    (``%n file(s) deleted``, ``%n entr(y|ies)``, ``%n child(ren)``:
    :mod:`ltmt.formats.plural_suffixes`): the first of several forms reads the singular
    (``%n file deleted``), the others the plural (``%n files deleted``), as a PO entry's
    ``msgid`` and ``msgid_plural`` would. A message converted from PO (``lconvert``) keeps its
    ``msgid_plural`` (``plural``), which the forms after the first translate, read as a plural
    where it is the source again (``lconvert`` writes a message's one source twice)."""
    first = form == 0 and count > 1
    if plural and not first:
        return plural_suffixes.plural(plural)
    return plural_suffixes.singular(source) if first else plural_suffixes.plural(source)


def _source_variants(unit: Any) -> list[str]:
    """A message's source's length variants, the longest first (one where it has none)."""
    return _variants(_source(unit))


def _variants(source: str) -> list[str]:
    """The length variants of a source text that say something, or the text alone."""
    return [text for text in source.split(VARIANTS) if text.strip()] or [source]


def _translation(unit: Any) -> Any:
    """A message's ``<translation>`` element, added where ``lupdate`` wrote none."""
    node = unit.xmlelement.find("translation")
    if node is None:
        node = unit.xmlelement.makeelement("translation", {})
        unit.xmlelement.append(node)
    return node


def _text(node: Any) -> str:
    """The text of a ``<translation>`` or ``<numerusform>`` as Qt compiles it: its length
    variants (``variants="yes"``) joined by :data:`VARIANTS`, else its text."""
    if node.get("variants") == "yes":
        return VARIANTS.join(_with_bytes(variant) for variant in node.findall("lengthvariant"))
    return _with_bytes(node)


def _set_text(node: Any, text: str) -> None:
    """Write ``text`` (its length variants joined by :data:`VARIANTS`) into a ``<translation>``
    or ``<numerusform>``: as ``<lengthvariant>`` elements where it has several or the node had
    them, as many as the more of the two (those past ``text``'s variants take its last), else
    as the node's text."""
    variants = text.split(VARIANTS)
    had = len(node.findall("lengthvariant")) if node.get("variants") == "yes" else 0
    for child in list(node):
        node.remove(child)
    if max(len(variants), had) == 1:
        node.attrib.pop("variants", None)
        _set_with_bytes(node, text)
        return
    node.text = None
    node.set("variants", "yes")
    for number in range(max(len(variants), had)):
        variant = node.makeelement("lengthvariant", {})
        _set_with_bytes(variant, variants[min(number, len(variants) - 1)])
        node.append(variant)


def _written(unit: Any) -> list[str]:
    """A message's translation as written (:func:`_text`): its text, or a plural message's
    forms (none where it has none)."""
    node = unit.xmlelement.find("translation")
    if node is None:
        return [] if unit.hasplural() else [""]
    if unit.hasplural():
        return [_text(form) for form in node.findall("numerusform")]
    return [_text(node)]


def _write_forms(unit: Any, forms: list[str]) -> None:
    """Write a plural message's ``forms``, each ``<numerusform>`` as :func:`_set_text` writes
    it (its length variants kept), as many as ``forms``."""
    translation = _translation(unit)
    nodes = translation.findall("numerusform")
    for extra in nodes[len(forms) :]:
        translation.remove(extra)
    for number, text in enumerate(forms):
        if number < len(nodes):
            node = nodes[number]
        else:
            node = translation.makeelement("numerusform", {})
            translation.append(node)
        _set_text(node, text)


def _translated(text: str) -> bool:
    """Whether a translation's text (:func:`_text`) says something: not empty, nor empty
    length variants alone."""
    return bool(text.replace(VARIANTS, ""))


def _paired_variants(source: str, text: str) -> list[tuple[str, str, int]]:
    """A translation ``text``'s length variants that say something, each with the variant of
    ``source`` it translates (the last for those past the source's) and its number."""
    sources = _variants(source)
    return [
        (sources[min(number, len(sources) - 1)], variant, number)
        for number, variant in enumerate(text.split(VARIANTS))
        if variant
    ]


def _extra(unit: Any, name: str) -> str | None:
    """What ``lconvert`` kept of a PO entry in ``<extra-po-NAME>`` (``msgid_plural``,
    ``flags``), or None."""
    found = unit.xmlelement.find(f"extra-po-{name}")
    return found.text if found is not None and found.text else None


def _flags(unit: Any) -> tuple[str, ...]:
    """A converted PO entry's format flags (``python-format`` ...), whose rules the translation
    must keep."""
    flags = (_extra(unit, "flags") or "").split(",")
    return tuple(f.strip() for f in flags if f.strip() and f.strip() != "fuzzy")


def _context(unit: Any) -> str:
    return str(unit.getcontext() or "")


class TsDocument:
    """A Qt Linguist file loaded with translate-toolkit (see the module docstring)."""

    format = "ts"
    # an update moves the messages, whose keys are their places: the record of what ltmt
    # wrote tells only which texts it wrote for which source (:mod:`ltmt.formats.
    # output_sources`); lupdate marks a message whose source changed unfinished, and keeps no
    # sign that it was finished before: ltmt's own text of the older source, still
    # unfinished, is translated again (:func:`~ltmt.formats.existing_output.drop_outdated`)
    marks_changed_sources = True
    review_lost_on_update = True
    source_changes_marked = True  # (the memory is not asked: documents.source_changes_unmarked)

    def __init__(self, path: Path, store: Any, head: bytes = b"", original: bytes = b"") -> None:
        self.path = Path(path)
        self.store = store
        self.head = head  # the file's first bytes: its line ends are the output's
        self.original = original  # the file as read: its character references are kept
        language = store.document.getroot().get("language") or "en"
        self.nplurals = len(plural_tags(language))
        # plural forms and length variants waiting for their siblings, and the messages of
        # those that came to be marked for review
        self._waiting = WaitingForms()
        self._review: set[int] = set()
        self._again: set[int] = set()  # unfinished messages to translate again (translate_again)
        self._filled: set[int] = set()  # the messages fill wrote

    @classmethod
    def open(
        cls, path: Path, src_lang: str | None = None, tgt_lang: str | None = None, **_: Any
    ) -> TsDocument:
        store = load_ts(Path(path))
        if src_lang or tgt_lang:
            check_languages(store, Path(path), src_lang or "", tgt_lang or "")
        if tgt_lang:
            _name_missing_language(store, tgt_lang)
        original = Path(path).read_bytes()
        return cls(Path(path), store, original[:4096], original)

    def without_source(self) -> int:
        """How many messages (not vanished or obsolete) have no source text: those of
        ``qsTrId`` without their ``//%`` text, which are left untranslated."""
        return sum(not unit.isobsolete() and not _source(unit).strip() for unit in self.store.units)

    def _count(self, unit: Any) -> int:
        """How many numerus forms the message's translation takes: as many as lupdate wrote."""
        written = len(_written(unit))
        return written if written > 1 else self.nplurals

    def units(self) -> list[Unit]:
        result = []
        for index, message in _messages(self.store):
            context, flags = _context(message), _flags(message)
            variants = _source_variants(message)
            if not message.hasplural():
                if len(variants) == 1:
                    result.append(Unit(str(index), variants[0], context, flags))
                    continue
                result += [
                    Unit(f"{index}{FORM}{number}", text, context, flags, group=str(index))
                    for number, text in enumerate(variants)
                ]
                continue
            count, plural = self._count(message), _extra(message, "msgid_plural")
            for form in range(count):
                key, text = f"{index}{FORM}{form}", form_source(variants[0], form, count, plural)
                result.append(Unit(key, text, context, flags, entry=str(index), form=form))
        return result

    def pending(self, overwrite: bool = False) -> list[Unit]:
        """The units of messages without a translation (or with empty length variants alone),
        and a plural message's empty forms; with ``overwrite``, every unit."""
        pending = []
        for unit in self.units():
            index = int(unit.key.split(FORM)[0])
            written = _written(self.store.units[index])
            if index in self._again:
                done = False
            elif unit.entry:
                done = unit.form < len(written) and _translated(written[unit.form])
            else:
                done = any(_translated(text) for text in written)
            if overwrite or not done:
                pending.append(unit)
        return pending

    def held_translations(self) -> dict[str, str]:
        """The translations the messages hold, unfinished ones too, by unit key (a plural's
        by form, a length variant's by its number): :class:`~ltmt.formats.output_sources.
        FilledInPlace`."""
        return held_texts(self.units(), self._written_at, VARIANTS)

    def translate_again(self, keys: Iterable[str]) -> None:
        """Make the messages of ``keys`` pending for the model, every unit of each: their
        unfinished translation is ltmt's machine translation of an older source (the record
        of what it wrote says so). A finished one is a reviewer's word, kept."""
        messages = {int(key.split(FORM)[0]) for key in keys}
        self._again.update(n for n in messages if self.store.units[n].isfuzzy())

    def marked_for_review(self) -> set[str]:
        """The keys of the units whose message is unfinished: the record of what ltmt wrote
        tells its unfinished machine translation from one a reviewer finished."""
        return {
            unit.key
            for unit in self.units()
            if self.store.units[int(unit.key.split(FORM)[0])].isfuzzy()
        }

    def _written_at(self, index: int) -> list[str]:
        return _written(self.store.units[index])

    def fill(
        self,
        translations: Mapping[str, str],
        mark_fuzzy: bool = True,
        from_memory: Collection[str] = (),
    ) -> int:
        """Write ``translations`` by unit key; a plural message's forms and a message's length
        variants only once all are there (from this call or earlier ones), marked unfinished
        where any of them came with ``mark_fuzzy``."""
        messages = by_entry(translations, self.path, len(self.store.units), what="message")
        filled = 0
        for index, texts in messages.items():
            unit = self.store.units[index]
            if mark_fuzzy:
                self._review.add(index)
            if unit.hasplural():
                forms = self._waiting.complete(index, texts, _written(unit), self._count(unit))
                if forms is None:
                    continue
                _write_forms(unit, forms)
            else:
                variants = self._waiting.complete(index, texts, [], len(_source_variants(unit)))
                if variants is None:
                    continue
                _set_text(_translation(unit), VARIANTS.join(variants))
            unit.markfuzzy(index in self._review)
            self._review.discard(index)
            self._filled.add(index)
            filled += len(texts)
        return filled

    def review_notes(self) -> list[str]:
        """Name the unfinished messages whose ``<oldsource>`` says ``lupdate`` changed their
        source and whose translation was kept (someone else's, which the record of what ltmt
        wrote does not hold for the older source): written for the older source, a person must
        check it (Qt trial s76: kept with no word, the meaning reversed)."""
        kept = [
            f"message {index + 1}"
            for index, unit in _messages(self.store)
            if index not in self._filled
            and unit.isfuzzy()
            and unit.xmlelement.find("oldsource") is not None
            and any(_translated(text) for text in _written(unit))
        ]
        if not kept:
            return []
        return [
            f"{counted(len(kept), 'translation')} of an older source (lupdate's <oldsource>), "
            f"{kept_as_is(len(kept))} and unfinished ({first_few(kept)}): check "
            f"{them(len(kept))} against the source now (--overwrite translates every one again)"
        ]

    def save(self, out_path: Path) -> None:
        # translate-toolkit writes every empty element open and closed; lupdate closes <byte/>
        data = _BYTE_CLOSED.sub(rb"\1/>", bytes(self.store))
        if self.original:  # a source's &#8211; as it was written, not as the character
            encoding = self.store.document.docinfo.encoding or "utf-8"
            data = references_kept(self.original, data, encoding)
        atomic_write(Path(out_path), line_ends_like(self.head, data))  # a Windows file's \r\n


def _name_missing_language(store: Any, tgt_lang: str) -> None:
    """Write ``tgt_lang`` as the file's ``language`` (Qt's form: ``de_CH`` for ``de-CH``) where
    ``<TS>`` has none: ``lrelease`` counts a message's plural forms by it, and drops the
    forms of a file without one ("the target language is not set"), and the forms written
    here are counted by it too."""
    root = store.document.getroot()
    if not root.get("language"):
        root.set("language", tgt_lang.replace("-", "_"))


def _variant_records(
    source: str, text: str, position: str, metadata: dict[str, Any]
) -> list[PairRecord]:
    """The pairs of a translation ``text``: one, or one per length variant that says
    something (``message 3, variant 2``; ``metadata["variant"]`` its number from 0, for
    ``ltmt qa`` to count the message once), each with the source variant it translates."""
    paired = _paired_variants(source, text)
    if len(text.split(VARIANTS)) == 1:
        return [PairRecord(s, t, position, metadata) for s, t, _ in paired]
    return [
        PairRecord(s, t, f"{position}, variant {n + 1}", {**metadata, "variant": n})
        for s, t, n in paired
    ]


def _position(path: Path, index: int) -> str:
    """Where the ``index``-th message (from 0) of the file ``path`` is, as ``ltmt qa`` says it:
    ``app_de.ts: message 14``, counted from 1 as a PO catalog's entries are, every
    ``<message>`` of the file counted (vanished and obsolete ones too)."""
    return f"{path}: message {index + 1}"


def read_ts(
    path: Path,
    src_lang: str = "en",
    tgt_lang: str = "de",
    *,
    include_fuzzy: bool = False,
    not_read: NotRead | None = None,
    **_: Any,
) -> Iterator[PairRecord]:
    """The finished pairs of the ``.ts`` file ``path`` (see the module docstring);
    ``include_fuzzy``: the unfinished ones too. The messages left out are counted into
    ``not_read`` (``unfinished``, ``untranslated``, ``no source``: id-based ones without
    their text; ``vanished`` and ``obsolete`` ones, which lupdate no longer finds in the code,
    as PO's ``#~`` entries are not read), or the unfinished ones said in a warning
    without one. A ``language`` or ``sourcelanguage`` naming a region (``de_DE``) is kept with
    each pair (:func:`~ltmt.formats.tmx_metadata.file_languages`), for an export."""
    path = Path(path)
    store = load_ts(path)
    check_languages(store, path, src_lang, tgt_lang)
    root = store.document.getroot()
    declared = {"source": root.get("sourcelanguage") or "", "target": root.get("language") or ""}
    languages = file_languages(declared, {"source": src_lang, "target": tgt_lang})
    records = []
    left_out = NotRead()
    left_out.add("no source", TsDocument(path, store).without_source())
    for unit in store.units:  # messages lupdate no longer finds in the code: not read, as PO's #~
        if unit.isobsolete():
            left_out.add(str(_translation(unit).get("type")))  # vanished, obsolete
    for index, unit in _messages(store):
        forms = _written(unit)
        reason = _not_read_because(unit, forms, include_fuzzy)
        if reason is not None:
            left_out.add(reason)
            continue
        metadata: dict[str, Any] = {"context": _context(unit)} if _context(unit) else {}
        note = str(unit.getnotes() or "").strip()
        if note:
            metadata["note"] = note
        if languages:
            metadata[TMX_LANGUAGES] = languages  # (de_DE: exported as de-DE, as declared)
        position = _position(path, index)
        if not unit.hasplural():
            records += _variant_records(_source(unit), forms[0], position, metadata)
            continue
        plural_source = _extra(unit, "msgid_plural")
        first = _source_variants(unit)[0]
        for form, text in enumerate(forms):
            plural = {**metadata, "plural": form}
            source = form_source(first, form, len(forms), plural_source)
            where = f"{position}, form {form + 1}"
            records += _variant_records(source, text, where, plural)
    if not_read is not None:
        not_read.counts.update(left_out.counts)
    elif unfinished := left_out.counts["unfinished"]:
        logger.warning(
            "%s: %s marked unfinished not imported (review them in Qt Linguist first)",
            path,
            counted(unfinished, "translation"),
        )
    return iter(records)


def _not_read_because(unit: Any, forms: list[str], include_fuzzy: bool) -> str | None:
    """Why the message ``unit``, its translation written as ``forms``, is not read as pairs
    (``untranslated``; ``unfinished``: not reviewed, unless ``include_fuzzy``); None where it
    is read."""
    if not any(_translated(text) for text in forms):
        return "untranslated"
    if unit.isfuzzy() and not include_fuzzy:
        return "unfinished"
    return None


def accelerators_shared(
    store: Any, path: Path, include_unfinished: bool = True
) -> list[tuple[str, str, str, str, str]]:
    """The translated messages of the ``.ts`` ``store`` (read from ``path``) whose translation's
    ``&`` accelerator is one an earlier message of the same ``<context>`` (a dialog, a menu's
    class) likely in one menu with it (:func:`ltmt.formats.qt_menus.likely_one_menu`) has too,
    where their sources' accelerators differ (``&Save`` → ``&Speichern``, ``Save &As...`` →
    ``&Speichern unter``: Alt+S is taken twice): each as ``(position, source, target, key,
    other)``, ``other`` the nearest such earlier message's position. ``include_unfinished``:
    unfinished messages too."""
    from ltmt.accelerators import find_accelerator
    from ltmt.formats.qt_menus import likely_one_menu, placed

    # (context, key) -> source key, position, place of each earlier message with it
    taken: dict[tuple[str, str], list[tuple[str, str, Any]]] = {}
    found = []
    for index, unit in _messages(store):
        text = _written(unit)[0] if not unit.hasplural() and _written(unit) else ""
        if not _translated(text) or (unit.isfuzzy() and not include_unfinished):
            continue
        source_key, target_key = (
            find_accelerator(_variants(t)[0], ("&",))[1] for t in (_source(unit), text)
        )
        if source_key is None or target_key is None:
            continue
        where = (str(unit.getcontextname() or ""), target_key.key.casefold())
        mine = (
            source_key.key.casefold(),
            _position(path, index),
            placed(index, unit.getlocations()),
        )
        clash = [
            other
            for key, other, place in taken.get(where, [])
            if key != mine[0] and likely_one_menu(place, mine[2])
        ]
        if clash:
            found.append((mine[1], _source(unit), text, target_key.key, clash[-1]))
        taken.setdefault(where, []).append(mine)
    return found


def forms_miscounted(
    store: Any, path: Path, include_unfinished: bool = True
) -> list[tuple[str, str, str, int, int]]:
    """The translated plural messages of the ``.ts`` ``store`` (read from ``path``) whose
    ``<numerusform>`` elements are more or fewer than the plural forms of the file's language:
    each as ``(position, source, target, written, wanted)``, placed as
    :func:`forms_left_empty` places them. None where the file names no language.
    ``include_unfinished``: unfinished messages too."""
    language = store.document.getroot().get("language")
    if not language:
        return []
    wanted = len(plural_tags(language))
    found = []
    for index, unit in _messages(store):
        forms = _written(unit)
        filled = [n for n, text in enumerate(forms) if _translated(text)]
        if not unit.hasplural() or not filled or len(forms) == wanted:
            continue
        if unit.isfuzzy() and not include_unfinished:
            continue
        position = f"{_position(path, index)}, form {filled[0] + 1}"
        found.append((position, _source(unit), forms[filled[0]], len(forms), wanted))
    return found


def forms_left_empty(
    store: Any, path: Path, include_unfinished: bool = True
) -> list[tuple[str, str, str, list[int]]]:
    """The plural messages of the ``.ts`` ``store`` (read from ``path``) that leave a
    ``<numerusform>`` empty beside translated ones, which ``lrelease`` compiles and Qt then
    shows as an empty string for the counts that take that form: each as ``(position,
    source, target, empty)``, the place and text of its first translated form as
    :func:`read_ts` reads its pair (``app_de.ts: message 4, form 1``) and the numbers of its
    empty forms (from 1). ``include_unfinished``: unfinished messages too."""
    found = []
    for index, unit in _messages(store):
        forms = _written(unit)
        filled = [n for n, text in enumerate(forms) if _translated(text)]
        if not unit.hasplural() or not filled or len(filled) == len(forms):
            continue
        if unit.isfuzzy() and not include_unfinished:
            continue
        empty = [n + 1 for n in range(len(forms)) if n not in filled]
        position = f"{_position(path, index)}, form {filled[0] + 1}"
        found.append((position, _source(unit), forms[filled[0]], empty))
    return found
