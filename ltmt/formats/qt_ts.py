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

``ltmt memory import app_de.ts`` reads the finished translations (``unfinished`` ones are left
out and counted in a warning), each form of a plural as a pair of its own; ``ltmt qa`` names
them by their place, counted from 1 as a PO catalog's entries are: ``message 14``, ``message
14, form 2``.
"""

from __future__ import annotations

import codecs
import logging
import re
from collections.abc import Collection, Iterator, Mapping
from pathlib import Path
from typing import Any

from ltmt.errors import InputError
from ltmt.formats.common import (
    atomic_write,
    lang_matches,
    language_error,
    local_name,
    parse_xml,
    read_bytes,
)
from ltmt.formats.documents import Unit
from ltmt.formats.entry_forms import FORM, WaitingForms, by_entry, target_strings
from ltmt.formats.plurals import plural_tags
from ltmt.segments import PairRecord
from ltmt.wording import counted

logger = logging.getLogger(__name__)

WHAT = "a Qt Linguist .ts file"
_BOTH_FORMS = re.compile(r"(?<=[^\W\d_])\((e?s)\)")  # file(s), match(es)


def load_ts(path: Path) -> Any:
    """Parse the ``.ts`` file ``path`` with translate-toolkit (a ``ts2.tsfile``); every failure
    is an :class:`InputError` naming the file (and line)."""
    from translate.storage import ts2

    path = Path(path)
    data = read_bytes(path, WHAT)
    utf16 = data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
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
    """A message's source text (a plural message's one source)."""
    strings = getattr(unit.source, "strings", None)
    return str(strings[0]) if strings else str(unit.source)


def form_source(source: str, form: int, count: int, plural: str | None = None) -> str:
    """The text a plural form translates. Qt's one source writes English's forms together
    (``%n file(s) deleted``): the first of several forms reads the singular (``%n file
    deleted``), the others the plural (``%n files deleted``), as a PO entry's ``msgid`` and
    ``msgid_plural`` would. A message converted from PO (``lconvert``) keeps its
    ``msgid_plural`` (``plural``), which the forms after the first translate."""
    singular = form == 0 and count > 1
    if plural and not singular:
        return plural
    return _BOTH_FORMS.sub(lambda found: "" if singular else found.group(1), source)


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

    def __init__(self, path: Path, store: Any) -> None:
        self.path = Path(path)
        self.store = store
        language = store.document.getroot().get("language") or "en"
        self.nplurals = len(plural_tags(language))
        self._waiting = WaitingForms()  # plural forms waiting for their siblings

    @classmethod
    def open(
        cls, path: Path, src_lang: str | None = None, tgt_lang: str | None = None, **_: Any
    ) -> TsDocument:
        store = load_ts(Path(path))
        if src_lang or tgt_lang:
            check_languages(store, Path(path), src_lang or "", tgt_lang or "")
        return cls(Path(path), store)

    def _count(self, unit: Any) -> int:
        """How many numerus forms the message's translation takes: as many as lupdate wrote."""
        written = len(target_strings(unit.target))
        return written if written > 1 else self.nplurals

    def units(self) -> list[Unit]:
        result = []
        for index, message in _messages(self.store):
            source, context, flags = _source(message), _context(message), _flags(message)
            if not message.hasplural():
                result.append(Unit(str(index), source, context, flags))
                continue
            count, plural = self._count(message), _extra(message, "msgid_plural")
            for form in range(count):
                key, text = f"{index}{FORM}{form}", form_source(source, form, count, plural)
                result.append(Unit(key, text, context, flags, entry=str(index), form=form))
        return result

    def pending(self, overwrite: bool = False) -> list[Unit]:
        """The units of messages without a translation, and a plural message's empty forms;
        with ``overwrite``, every unit."""
        pending = []
        for unit in self.units():
            message = self.store.units[int(unit.key.split(FORM)[0])]
            forms = target_strings(message.target)
            done = forms[unit.form] if unit.entry and unit.form < len(forms) else any(forms)
            if overwrite or not done:
                pending.append(unit)
        return pending

    def fill(
        self,
        translations: Mapping[str, str],
        mark_fuzzy: bool = True,
        from_memory: Collection[str] = (),
    ) -> int:
        from translate.misc.multistring import multistring

        messages = by_entry(translations, self.path, len(self.store.units), what="message")
        filled = 0
        for index, texts in messages.items():
            unit = self.store.units[index]
            if unit.hasplural():  # written only whole
                forms = self._waiting.complete(
                    index, texts, target_strings(unit.target), self._count(unit)
                )
                if forms is None:
                    continue
                unit.target = multistring(forms)
            else:
                unit.target = texts[0]
            unit.markfuzzy(mark_fuzzy)
            filled += len(texts)
        return filled

    def save(self, out_path: Path) -> None:
        atomic_write(Path(out_path), bytes(self.store))


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
    **_: Any,
) -> Iterator[PairRecord]:
    """The finished pairs of the ``.ts`` file ``path`` (see the module docstring);
    ``include_fuzzy``: the unfinished ones too."""
    path = Path(path)
    store = load_ts(path)
    check_languages(store, path, src_lang, tgt_lang)
    records = []
    unfinished = 0
    for index, unit in _messages(store):
        forms = target_strings(unit.target)
        if not any(forms):
            continue
        if unit.isfuzzy() and not include_fuzzy:
            unfinished += 1
            continue
        metadata: dict[str, Any] = {"context": _context(unit)} if _context(unit) else {}
        note = str(unit.getnotes() or "").strip()
        if note:
            metadata["note"] = note
        position = _position(path, index)
        if not unit.hasplural():
            records.append(PairRecord(_source(unit), forms[0], position, metadata))
            continue
        plural_source = _extra(unit, "msgid_plural")
        for form, text in enumerate(forms):
            if text:
                plural = {**metadata, "plural": form}
                source = form_source(_source(unit), form, len(forms), plural_source)
                records.append(PairRecord(source, text, f"{position}, form {form + 1}", plural))
    if unfinished:
        logger.warning(
            "%s: %s marked unfinished not imported (review them in Qt Linguist first)",
            path,
            counted(unfinished, "translation"),
        )
    return iter(records)
