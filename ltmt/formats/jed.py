"""WordPress's JavaScript translations: Jed 1.x JSON files, as ``wp i18n make-json`` makes them
from a PO catalog (``acme-forms-de_DE-<md5>.json``), translated where their strings are empty.

    {"domain":"messages","locale_data":{"messages":{"":{"domain":"messages","lang":"de_DE",
     "plural-forms":"nplurals=2; plural=n != 1;"},"Save":["Speichern"],"Add field":[""],
     "block title\\u0004Contact form":[""],"%d field":["",""]}}}

A file is Jed where its ``locale_data`` object holds a domain whose ``""`` key is a header
object (:func:`is_jed`). Each other key of a domain is a message: its ``msgid``, or its context
and ``msgid`` joined by ``\\u0004``; its value the translations, one a plural form. Only the
empty first form is translated (a filled one is kept): a plural's other forms translate the
English plural, which the file does not hold, so they are filled only from the memory's
translation of that form of the same message (a reviewed PO catalog's, imported:
:mod:`ltmt.formats.stored_forms`); those it does not hold are left empty, with a warning at the
end of the run (WordPress shows the English plural for them), and ``ltmt qa`` names them
(:func:`forms_left_empty`). Every other byte is kept as written: the domain, the ``source``
script, the header, the layout (compact on one line, as WP-CLI writes it) and its escapes
(``\\/``, ``\\u00fc``), which a translation is written with too.

``ltmt memory import`` of a Jed file reads its pairs from the file alone (in a folder too, with
no source-language file sought: :func:`holds_one_language`): each message's ``msgid`` and its
filled first form, its context as ``metadata["context"]``. A Jed file marks nothing for review,
so the record of what ltmt wrote into its output (:mod:`ltmt.formats.output_sources`) tells
ltmt's machine translation from a translator's, as for an i18next file: an import warns of
ltmt's unreviewed text, and ``--reviewed-only`` leaves it out. As a PO catalog's, an existing
output of a Jed file is not replaced. A Dialogflow ES agent's intent, training phrase and entity
entry files go to :mod:`ltmt.formats.dialogflow`; a file of source/target units (a ServiceNow
Localization Framework artefact) to :mod:`ltmt.formats.json_value_pairs`; other JSON files to
:mod:`ltmt.formats.json_catalog`.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ltmt.errors import InputError, LtmtError
from ltmt.formats import dialogflow, json_value_pairs
from ltmt.formats.common import (
    atomic_write,
    decode,
    lang_matches,
    language_error,
    read_bytes,
    written_like,
)
from ltmt.formats.documents import FilledByKey, Unit
from ltmt.formats.json_catalog import WHAT as JSON_FILE
from ltmt.formats.json_catalog import JsonCatalog
from ltmt.formats.json_comments import leading_comment
from ltmt.formats.json_pointer import pointer
from ltmt.formats.json_repeated_keys import (
    RepeatedKey,
    parse_with_repeated_keys,
    refuse_repeated_keys,
)
from ltmt.formats.json_spans import spliced
from ltmt.formats.json_value_pairs import ValuePairsDocument, is_value_pairs
from ltmt.formats.not_read import UNTRANSLATED, NotRead
from ltmt.formats.stored_forms import stored_form
from ltmt.segments import Match, PairRecord
from ltmt.wording import counted, first_few

logger = logging.getLogger(__name__)

WHAT = "a Jed JSON file"
CONTEXT_END = "\x04"  # gettext's separator of a message's context and its msgid


def is_jed(data: Any) -> bool:
    """Whether ``data`` (a parsed JSON file) is a Jed 1.x file (module docstring)."""
    return bool(_domains(data))


def holds_one_language(path: Path) -> bool:
    """Whether the JSON file ``path`` holds one language (a JSON message file, translated
    beside its source file), not a Jed file's messages and their translations (nor a Dialogflow
    intent's, nor a file of source/target pairs: :mod:`ltmt.formats.json_value_pairs`). A file that
    cannot be read or parsed counts as one language: its reader names the problem."""
    try:
        data = _load(Path(path), JSON_FILE)[2]
    except LtmtError:
        return True
    return not is_jed(data) and dialogflow.kind(data) is None and not is_value_pairs(data)


def _domains(data: Any) -> dict[str, dict[str, Any]]:
    """The message domains of a Jed file by name (those holding a ``""`` header object)."""
    locale_data = data.get("locale_data") if isinstance(data, dict) else None
    if not isinstance(locale_data, dict):
        return {}
    return {
        name: messages
        for name, messages in locale_data.items()
        if isinstance(messages, dict) and isinstance(messages.get(""), dict)
    }


@dataclass(frozen=True)
class Message:
    """One message of a Jed file: ``key`` its JSON Pointer's first form (the unit's key),
    ``msgid`` and ``context`` read from its name, ``forms`` its translations as written."""

    key: str
    msgid: str
    context: str
    forms: tuple[str, ...]


def _messages(data: Any) -> list[Message]:
    """Every message of the Jed file ``data`` whose value is an array of strings."""
    found = []
    for domain, messages in _domains(data).items():
        for name, forms in messages.items():
            if not name or not isinstance(forms, list) or not forms:
                continue
            if not all(isinstance(form, str) for form in forms):
                continue
            context, _, msgid = name.rpartition(CONTEXT_END)
            key = pointer(("locale_data", domain, name, 0))
            found.append(Message(key, msgid, context, tuple(forms)))
    return found


def _language(data: Any) -> str:
    """The language the file's headers declare (``lang``), or ``""``."""
    for messages in _domains(data).values():
        lang = messages[""].get("lang")
        if isinstance(lang, str) and lang:
            return lang
    return ""


def _load(path: Path, what: str = WHAT) -> tuple[bytes, str, Any]:
    """The file's bytes, its text (a leading comment blanked, as a JSON message file's) and
    its JSON (an empty file: an error that it is no ``what``)."""
    return _read(path, what)[0]


def _read(path: Path, what: str = WHAT) -> tuple[tuple[bytes, str, Any], list[RepeatedKey]]:
    """The file as :func:`_load` reads it, and the keys it writes more than once."""
    raw = read_bytes(path, what)
    _, text = leading_comment(decode(raw, path))
    data, repeated = parse_with_repeated_keys(text, path)
    return (raw, text, data), repeated


def _bilingual(path: Path, what: str = WHAT) -> tuple[bytes, str, Any]:
    """The file as :func:`_load` reads it, where it is one that holds translations beside
    their sources (a Jed file, a Dialogflow agent's, a file of source/target pairs): a key
    written twice refused, since the file is filled from what is read and the one not read
    would be lost or left to shadow the translation (:mod:`ltmt.formats.json_repeated_keys`).
    A JSON message file of one language reads the last, as its app does, with a warning
    (:mod:`ltmt.formats.json_catalog`)."""
    loaded, repeated = _read(path, what)
    data = loaded[2]
    if is_jed(data) or dialogflow.kind(data) is not None or is_value_pairs(data):
        refuse_repeated_keys(path, repeated)
    return loaded


def _check_language(path: Path, data: Any, src_lang: str, tgt_lang: str) -> None:
    """Refuse a file whose header declares another language than ``tgt_lang``."""
    declared = _language(data)
    if declared and not lang_matches(declared, tgt_lang):
        raise language_error(path, [declared], src_lang, tgt_lang)


class JedDocument(FilledByKey):
    """A Jed file whose empty messages are filled (module docstring)."""

    format = "json"
    # made from a PO catalog, which msgmerge marks where a source changed: the memory is not
    # asked (:func:`~ltmt.formats.documents.source_changes_unmarked`)
    source_changes_marked = True

    def __init__(self, path: Path, raw: bytes, text: str, data: Any) -> None:
        self.path = Path(path)
        self.raw, self.text = raw, text
        self.messages = _messages(data)
        self.translations: dict[str, str] = {}
        # a plural's other forms filled from the memory, by JSON Pointer (no unit's: written,
        # not held as ltmt's translation of a unit)
        self.stored_forms: dict[str, str] = {}
        self._again: set[str] = set()  # filled messages to translate again (translate_again)

    @classmethod
    def open(
        cls, path: Path, src_lang: str | None = None, tgt_lang: str | None = None, **_: Any
    ) -> JedDocument:
        return cls.loaded(Path(path), _bilingual(Path(path)), src_lang, tgt_lang)

    @classmethod
    def loaded(
        cls,
        path: Path,
        loaded: tuple[bytes, str, Any],
        src_lang: str | None = None,
        tgt_lang: str | None = None,
    ) -> JedDocument:
        """The Jed file ``path`` from its bytes, text and JSON as :func:`_load` read them;
        refused where its header declares another language than ``tgt_lang``."""
        raw, text, data = loaded
        if tgt_lang:
            _check_language(path, data, src_lang or "en", tgt_lang)
        return cls(path, raw, text, data)

    def units(self) -> list[Unit]:
        return [Unit(m.key, m.msgid, m.context) for m in self.messages if m.msgid.strip()]

    def pending(self, overwrite: bool = False) -> list[Unit]:
        """The messages whose first form is empty (with ``overwrite``: every one)."""
        filled = {m.key for m in self.messages if m.forms[0]} - self._again
        return [unit for unit in self.units() if overwrite or unit.key not in filled]

    def held_translations(self) -> dict[str, str]:
        """The filled first forms and those filled since, by unit key: the file is its
        output's base (:class:`~ltmt.formats.output_sources.FilledInPlace`), so that the record
        of what ltmt wrote tells its machine translation from a translator's (WordPress trial
        s76: an import stored it as approved, with no warning, and ``--reviewed-only`` too)."""
        held = {m.key: m.forms[0] for m in self.messages if m.msgid.strip() and m.forms[0]}
        return held | self.translations

    def translate_again(self, keys: Iterable[str]) -> None:
        """Make the messages of ``keys`` pending though their first form is filled: ltmt's
        translation of a source changed since."""
        self._again.update(keys)

    def fill_stored_forms(self, found: Mapping[str, Sequence[Match]]) -> int:
        """Fill the empty other forms of the plural messages of ``found`` (their first form's
        memory matches, by unit key) with the memory's translation of that form of the same
        message (:func:`~ltmt.formats.stored_forms.stored_form`); returns how many."""
        filled = 0
        for message in self.messages:
            matches = found.get(message.key)
            if matches is None:
                continue
            for form in range(1, len(message.forms)):
                place = _form_pointer(message.key, form)
                if message.forms[form] or place in self.stored_forms:
                    continue
                target = stored_form(matches, message.msgid, message.context, form)
                if target is not None:
                    self.stored_forms[place] = target
                    filled += 1
        return filled

    def review_notes(self) -> list[str]:
        """The plural messages whose other forms are still empty: only their first is
        translated (the memory holds no translation of the others)."""
        plurals = [
            m.msgid
            for m in self.messages
            if len(m.forms) > 1
            and any(
                not text and _form_pointer(m.key, form) not in self.stored_forms
                for form, text in enumerate(m.forms[1:], start=1)
            )
        ]
        if not plurals:
            return []
        return [
            f"{counted(len(plurals), 'plural message')} ({first_few(plurals)}): only the "
            "singular is translated, as a Jed file does not hold the English plural and the "
            "memory holds no translation of the other forms; WordPress shows the English "
            "plural until you translate them in the .po and run wp i18n make-json again (or "
            "import the .po: ltmt then fills them from the memory)"
        ]

    def save(self, out_path: Path) -> None:
        """Write the file with each translation over its message's first form, and a plural's
        other forms filled from the memory over theirs, every other byte as it is
        (:func:`~ltmt.formats.json_spans.spliced`)."""
        strings = {**self.stored_forms, **self.translations}
        atomic_write(Path(out_path), written_like(self.raw, spliced(self.text, strings)))


def _form_pointer(key: str, form: int) -> str:
    """The JSON Pointer of plural form ``form`` of the message whose first form is ``key``."""
    return f"{key.rpartition('/')[0]}/{form}"


def forms_left_empty(path: Path) -> list[tuple[str, str, str, list[int]]]:
    """The plural messages of the Jed file ``path`` whose first form is translated and another
    is empty (WordPress shows the English plural for the counts that take it): each message's
    position (as :func:`read_jed` gives its pair's), ``msgid``, first form and the numbers of
    its empty forms, counted from 1; none for a file that is no Jed file."""
    data = _load(Path(path), JSON_FILE)[2]
    return [
        (f"{path}: {m.key}", m.msgid, m.forms[0], empty)
        for m in _messages(data)
        if m.msgid.strip()
        and m.forms[0].strip()
        and (empty := [n for n, text in enumerate(m.forms, start=1) if not text.strip()])
    ]


def open_json(
    path: Path, **options: Any
) -> JedDocument | dialogflow.DialogflowDocument | ValuePairsDocument | JsonCatalog:
    """A JSON file to translate: a Jed file's document, a Dialogflow agent file's, a file of
    source/target pairs' (:mod:`ltmt.formats.json_value_pairs`), else a JSON message file's."""
    loaded = _bilingual(Path(path), JSON_FILE)
    if dialogflow.kind(loaded[2]) is not None:
        languages = {k: options[k] for k in ("src_lang", "tgt_lang") if options.get(k)}
        return dialogflow.DialogflowDocument(Path(path), loaded[0], loaded[2], **languages)
    src_lang, tgt_lang = options.get("src_lang"), options.get("tgt_lang")
    if is_jed(loaded[2]):  # (read once: not again by JedDocument.open)
        return JedDocument.loaded(Path(path), loaded, src_lang, tgt_lang)
    if is_value_pairs(loaded[2]):  # sourceValue beside targetValue: filled, the rest kept
        return ValuePairsDocument.loaded(Path(path), loaded, src_lang, tgt_lang)
    return JsonCatalog.open(Path(path), **options)


def read_json(path: Path, **options: Any) -> Iterator[PairRecord]:
    """A JSON file's pairs for a memory: a Jed file's own, a Dialogflow intent's, a file of
    source/target pairs' own, else a JSON message file's beside its ``source_file``."""
    data = _bilingual(Path(path), JSON_FILE)[2]
    if dialogflow.kind(data) is not None:
        return dialogflow.read_pairs(Path(path), data, **options)
    if is_value_pairs(data):
        return json_value_pairs.read_pairs(Path(path), data, **options)
    if not is_jed(data):
        return JsonCatalog.pairs(Path(path), **options)
    return read_jed(Path(path), data, **options)


def read_jed(
    path: Path,
    data: Any,
    src_lang: str | None = None,
    tgt_lang: str | None = None,
    source_file: Path | None = None,
    not_read: NotRead | None = None,
    **_: Any,
) -> Iterator[PairRecord]:
    """The pairs of the Jed file ``path`` (its parsed ``data``): each message with a filled
    first form (module docstring); one with an empty first form is counted into ``not_read``
    as untranslated. A ``source_file`` is an :class:`InputError`: a Jed file's keys
    are its sources, so a source-language file has nothing to add (it was read as a warning,
    and the user left to wonder which file the pairs came from)."""
    if source_file is not None:
        raise InputError(
            f"{path}: a Jed file holds its source strings as its keys; leave out --source-file "
            f"{source_file}"
        )
    if tgt_lang:
        _check_language(path, data, src_lang or "en", tgt_lang)
    messages = [message for message in _messages(data) if message.msgid.strip()]
    translated = [message for message in messages if message.forms[0].strip()]
    if not_read is not None:
        not_read.add(UNTRANSLATED, len(messages) - len(translated))
    return iter(
        PairRecord(
            message.msgid,
            message.forms[0],
            f"{path}: {message.key}",
            _metadata(message),
            record_key=message.key,  # its unit's, under which the record of ltmt's output keeps it
        )
        for message in translated
    )


def _metadata(message: Message) -> dict[str, Any]:
    """A pair's metadata: the message's context, and its form's number for a plural's."""
    metadata: dict[str, Any] = {"context": message.context} if message.context else {}
    if len(message.forms) > 1:
        metadata["plural"] = 0
    return metadata
