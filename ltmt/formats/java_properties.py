"""Java ``.properties`` resource bundles (``Messages.properties`` → ``Messages_de.properties``)
as a keyed catalog (:mod:`ltmt.formats.keyed_catalog`), read and written with translate-toolkit's
``propfile``, which knows the format's escapes, continuation lines and comments.

Layout: the output is the source byte for byte but for the values (blank lines, comments, a
key's indent and separator with its spaces, ``key : value``; a continued value on one line):
translate-toolkit writes ``key=value`` and drops a single blank line, so each entry's line is
put in as the source writes it (:mod:`ltmt.formats.properties_layout`).

Encodings: a file that is valid UTF-8 is read as UTF-8, any other as ISO-8859-1 (Java's
classic encoding). The translation is written as its source file is: an ASCII file gets the
translation's other letters as ``\\uXXXX`` escapes (``native2ascii``'s convention, which every
reader takes, whether it reads UTF-8 or ISO-8859-1), a UTF-8 file UTF-8, an ISO-8859-1 file
ISO-8859-1 (letters beyond it escaped); but where the output exists already (the translation
so far) and its values are not ASCII (its comments aside), it keeps its own encoding, UTF-8
(what Spring Boot 2+ reads) or ISO-8859-1. A value of an ISO-8859-1 file that holds a C1 control
character (a cp1252 byte: 0x96, an en dash, is U+0096 to Java) is warned of by key, in the
source file and in a translation ``ltmt qa`` reads.

A message (of a resource bundle: Spring's ``application.properties`` is configuration, which
no MessageFormat reads, and gets none of this) with ``''`` or an argument is a
``java.text.MessageFormat`` pattern, where an
apostrophe is written twice: the model reads it with one (``It can't be undone.``), and the
translation's apostrophes are doubled again (``Das kann nicht rückgängig gemacht werden`` /
``l''élément``; not quotes around text as its source quotes, ``'Speichern'`` for ``Click
'Save'``), but a translator's own kept as written; a translation so far whose single
apostrophe quotes text (``Geht's? Bestellung {0}``, which Java shows as ``Gehts? Bestellung
{0}``) is a ``java-format`` problem ``ltmt qa`` reports
(:attr:`TranslatedFile.format_problems`). A message with a ``ChoiceFormat`` argument
(``{1,choice,0#no files|1#one file|1<{1} files}``), or ICU4J's
plural or select, is left untranslated with a warning that names it: the model garbled its
syntax (``1#one Datei|1,1,number,integer}-Dateien``), which Java then formats wrongly. So is
a message that quotes a brace as literal text (``Type '{'name'}' to insert a name.``, ``Use
'{0}' as a literal``): the model read its quotes as quotation (``»«« ... {'name'}``, which Java
refuses, or ``»{0}«``, a live argument). The translation so far of such a message is kept, and a
100 % memory match of one is written as stored (:mod:`ltmt.formats.memory_only`). A message
that is a valid pattern with an argument (:mod:`ltmt.formats.message_format`) is checked as
``java-format``: a translation Java could not parse is not written, and ``ltmt qa`` reports
one. Empty
values are not translated but kept as written, with their comment (``empty.key=``, and a line
without a separator, ``empty.key`` or ``[section]``, which Java reads as a key with an empty
value); other keys without a translation, and their comment, stay out of the output (a
resource bundle falls back to the base file for them; a translator's own version in the output
is kept), the values that are no text among them (``feature.enabled=true``, ``max.count=10``: a
setting, a number, :meth:`KeyedCatalog.is_text`) named in a warning.
A key under SAP UI5's ``#NOTR`` annotation (:mod:`ltmt.formats.sap_annotations`) is no string to
translate, as Android's ``translatable="false"`` is: left out of the output, and no memory pair;
one under ``#XFLD,20`` has a length limit, as an XLIFF ``maxwidth`` is. The keys between
Smartling's ``# smartling.sltrans = notranslate`` and ``# smartling.sltrans = translate`` are
written as the source has them, never translated nor paired
(:mod:`ltmt.formats.smartling_directives`).
Where the output already exists (the translation so far), the comments it has are kept: those
above a key it has, and its header (the comment block at its top); the other keys have the
source file's. The lines of a translation it keeps are written as it has them, byte for byte
(``title = Verkaufs\\u00DCbersicht``, a value continued over two lines), as Joomla's INI
writer keeps them: a rerun writes only new and changed entries.

A key defined twice is read as ``Properties.load`` reads it: the last definition, with a warning
that names it; the output holds the last only, translated, with its comment (and the file's
header: the comment lines above the first key's own, where that key is left out). Its strings
make no memory pairs (:meth:`KeyedCatalog.pairs`). A value ``true`` or ``false`` (any case) is
a setting ``Boolean.parseBoolean`` reads, not text: neither translated nor paired, but written
as it is.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from ltmt.errors import InputError
from ltmt.formats.common import line_ends_like, read_bytes
from ltmt.formats.documents import Unit
from ltmt.formats.fluent_access_keys import chosen_access_key
from ltmt.formats.java_formatter import JAVA_FORMATTER
from ltmt.formats.keyed_catalog import (
    Entry,
    KeyedCatalog,
    TranslatedFile,
    repeated,
    warn_defined_twice,
)
from ltmt.formats.locale_files import is_spring_config
from ltmt.formats.message_format import (
    doubled_apostrophes,
    lost_apostrophes,
    pattern_problem,
    quoted_braces,
)
from ltmt.formats.mozilla_plurals import MOZILLA_PLURALS, announced_plurals, plural_forms
from ltmt.formats.pipe_plurals import kept_whole
from ltmt.formats.properties_access_keys import access_key_labels
from ltmt.formats.properties_layout import LinesAsWritten, before_value
from ltmt.formats.sap_annotations import SapAnnotated
from ltmt.formats.smartling_directives import translates_after
from ltmt.text import paired_surrogates
from ltmt.wording import counted, first_few

logger = logging.getLogger(__name__)

WHAT = "a Java properties file"
_NOT_ASCII = re.compile(r"[^\x00-\x7f]+")
_BEYOND_LATIN_1 = re.compile(r"[^\x00-\xff]+")
# a backslash escape (the character it escapes, none at a line's end), four hex digits
_ESCAPE = re.compile(r"\\(.?)")
_HEX4 = re.compile(r"[0-9A-Fa-f]{4}")
_LINE_END = re.compile(r"\r\n|\r|\n")  # Java's line terminators
# a line with its terminator: not str.splitlines's, which a form feed or U+2028 ends too
_LINE = re.compile(r"[^\r\n]+(?:\r\n|\r|\n)?|\r\n|\r|\n")
# a C1 control character: in an ISO-8859-1 file, a cp1252 byte (0x96, an en dash) read as Java does
_C1 = re.compile(r"[\x80-\x9f]")
# a MessageFormat argument whose text branches: ``{1,choice,...}``, ICU4J's ``{0,plural,...}``
_BRANCHING = re.compile(r"\{\s*\w+\s*,\s*(?:choice|plural|selectordinal|select)\s*,")


def _personality(data: bytes) -> str:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return "java"  # ISO-8859-1
    return "java-utf8"


def _parse(data: bytes, path: Path) -> Any:
    """The translate-toolkit store of ``data`` (the file ``path``), once its escapes are
    known good (:func:`_check_escapes`)."""
    from translate.storage import properties

    personality = _personality(data)
    _check_escapes(data.decode("utf-8" if personality == "java-utf8" else "latin-1"), path)
    # the encoding is the file's by the rule above; translate-toolkit guesses one anyway and
    # warned that a Latin-1 file "is windows-1250", once per parse, naming no file
    logging.getLogger("translate.storage.base").addFilter(_no_encoding_guess)
    store = properties.propfile(personality=personality)
    store.parse(data)
    return store


def _entries(data: bytes, path: Path) -> Counter[tuple[str, str, str]]:
    """A properties file's entries (key, value, comments), counted, to compare with another's."""
    store = _parse(data, path)
    return Counter((unit.getid(), str(unit.source or ""), unit.getnotes()) for unit in store.units)


def _check_escapes(text: str, path: Path) -> None:
    """Raise :class:`InputError` at the first ``\\u`` escape of a key or value without four
    hex digits (``Caf\\u00zz``), which ``Properties.load`` refuses ("Malformed \\uxxxx
    encoding") and translate-toolkit read as ``\\u0000``. Comment lines are not read; a line
    after one that ends in an odd number of backslashes continues it, and is no comment."""
    continued = False
    for number, line in enumerate(_LINE_END.split(text), 1):
        if not continued and line.lstrip(" \t\f")[:1] in ("#", "!"):
            continue
        for escape in _ESCAPE.finditer(line):
            if escape.group(1) == "u" and not _HEX4.match(line, escape.end()):
                raise InputError(
                    f"{path}:{number}:{escape.start() + 1}: malformed \\u escape "
                    f"{line[escape.start() : escape.end() + 4]}, which Java refuses; write "
                    "four hex digits (\\u00e9), or a backslash itself as \\\\"
                )
        continued = line.endswith("\\") and (len(line) - len(line.rstrip("\\"))) % 2 == 1


def _warn_control_characters(path: Path, data: bytes, values: dict[str, str]) -> None:
    """Warn, naming the keys, of the values of ``path`` (its bytes ``data``) that hold a C1
    control character: an ISO-8859-1 file's cp1252 byte (``2\x963 days``), which Java reads as
    U+0096 and shows as nothing or a box, and the model translated as a word."""
    keys = [key for key, text in values.items() if _C1.search(text)]
    if not keys or _personality(data) != "java":
        return
    logger.warning(
        "%s: %s a C1 control character (%s), likely cp1252 text in an ISO-8859-1 file; write "
        "the character as an escape (\\u2013 for an en dash) or save the file as UTF-8",
        path,
        "the value of " + counted(len(keys), "key") + (" holds" if len(keys) == 1 else " hold"),
        first_few(keys),
    )


def _no_encoding_guess(record: logging.LogRecord) -> bool:
    return not record.getMessage().startswith("trying to parse ")


def _keys(store: Any) -> list[str]:
    """The keys of ``store``'s units, every definition of a key."""
    return [unit.getid() for unit in store.units if unit.getid()]


def _not_translated(store: Any) -> set[str]:
    """The keys of ``store``'s units that Smartling's ``# smartling.sltrans = notranslate``
    comment lines say not to translate (:mod:`ltmt.formats.smartling_directives`); a key
    defined twice as its last definition says."""
    translates, found = True, {}
    for unit in store.units:
        for comment in unit.comments:
            translates = translates_after(comment, translates)
        if unit.getid():
            found[unit.getid()] = translates
    return {key for key, translated in found.items() if not translated}


def _values(store: Any) -> dict[str, str]:
    """``store``'s values by key, a key's last definition's (the one Java reads)."""
    return {
        unit.getid(): paired_surrogates(str(unit.source or ""))
        for unit in store.units
        if unit.getid()
    }


def _ascii_escaped(text: str, letters: re.Pattern[str] = _NOT_ASCII) -> str:
    """``text`` with every letter beyond ASCII (or those ``letters`` finds) as ``\\uXXXX``
    (surrogate pairs beyond the BMP), but in comment lines: Java reads no escape there, so a
    translator's comment kept from the translation so far (``# Übersetzung: Anna``) stays as
    written rather than as ``# \\u00dcbersetzung``."""

    def escape(found: re.Match[str]) -> str:
        units = found.group().encode("utf-16-be")
        return "".join(
            f"\\u{int.from_bytes(units[i : i + 2], 'big'):04x}" for i in range(0, len(units), 2)
        )

    return "".join(line if comment else letters.sub(escape, line) for line, comment in _lines(text))


def _lines(text: str) -> Iterator[tuple[str, bool]]:
    """Each line of ``text`` (with its end) and whether it is a comment line, as Java reads
    it: a line after one that ends in an odd number of backslashes continues it."""
    continued = False
    for found in _LINE.finditer(text):
        line = found.group()
        comment = not continued and line.lstrip(" \t\f").startswith(("#", "!"))
        yield line, comment
        body = line.rstrip("\r\n")
        continued = not comment and (len(body) - len(body.rstrip("\\"))) % 2 == 1


class JavaPropertiesDocument(SapAnnotated, KeyedCatalog):
    """A ``.properties`` file to translate into the target language's (module docstring)."""

    format = "properties"
    what = WHAT
    keeps_booleans = True  # a setting's ``true`` stays ``true``
    leaves_out_values_not_text = True  # the bundle reads the base file's (module docstring)
    not_translatable_mark = "marked #NOTR"  # SAP UI5's annotation (:mod:`.sap_annotations`)

    def __init__(self, path: Path, data: bytes) -> None:
        self.data = data
        store = _parse(data, path)
        self.names_defined_twice = tuple(repeated(_keys(store)))
        warn_defined_twice(path, self.names_defined_twice, "last definition, as Java reads it,")
        values = _values(store)
        _warn_control_characters(path, data, values)
        # SAP's annotations: #NOTR, no string to translate; #XFLD,20, a length limit
        marked = self.read_annotations(store.units)
        strings = {key: text for key, text in values.items() if key not in marked}
        # Spring's application.properties is configuration, read by no MessageFormat
        messages = {} if is_spring_config(Path(path)) else strings
        self.patterns = {key for key, text in messages.items() if _format_flags(text)}
        self.raw = values  # the values as written (a pattern's apostrophes doubled)
        # MessageFormat patterns (a doubled apostrophe, or an argument), shown to the model
        # with single apostrophes, which the translation doubles
        self.quoted = {key for key, text in messages.items() if "''" in text} | self.patterns
        # messages with a branching argument: entries (a translation the output has is kept in
        # its place) that never go to the model
        self.branching = [key for key, text in messages.items() if _BRANCHING.search(text)]
        # messages that quote a brace as literal text: left untranslated as well
        self.quoting = [key for key, text in messages.items() if quoted_braces(text)]
        # Mozilla's plural lists (one;other), translated form by form and joined again
        announced = announced_plurals("\n".join(unit.comments) for unit in store.units)
        self.plurals = {
            key: forms
            for key, text in messages.items()
            if (forms := plural_forms(self._unquoted(key, text), announced=key in announced))
        }
        # for qa's plurals check; else Java's String.format (%s is a one-argument %1$s)
        self.syntax = MOZILLA_PLURALS if self.plurals else JAVA_FORMATTER
        # access keys (close.accesskey=C): chosen from the translated label, not translated
        self.access_keys = access_key_labels(strings)
        super().__init__(path, list(self._entries(strings, messages)))
        self.not_translatable = marked
        self.copy_as_source(_not_translated(store))
        # the empty values: written as the source has them; a value that is no text otherwise
        # (a setting, a number) is left out, the bundle reading the base file's, and named
        # (:attr:`leaves_out_values_not_text`): written, a rerun kept it as a translator's
        # when the source's changed (``max.count=10`` after the source said 20)
        self.as_written = {e.name for e in self.entries if not self.raw[e.name].strip()}

    def _entries(self, strings: dict[str, str], messages: dict[str, str]) -> Iterator[Entry]:
        """An entry a string (an empty one too: no text, :meth:`is_text`), a plural list's
        forms each (:mod:`ltmt.formats.mozilla_plurals`)."""
        for key, text in strings.items():
            if key in self.plurals:
                yield from self.plurals[key].entries(key)
            else:
                flags = _format_flags(messages.get(key, ""))
                yield Entry(key, key, self._unquoted(key, text), flags=flags)

    @classmethod
    def open(cls, path: Path, **_: Any) -> JavaPropertiesDocument:
        return cls(Path(path), read_bytes(Path(path), WHAT))

    def units(self) -> list[Unit]:
        """The units to translate: every non-empty message but those with a branching
        argument or a quoted brace (module docstring), which a translation run names
        (:meth:`warn_of_untranslated`)."""
        left = {*self.branching, *self.quoting}
        return [unit for unit in super().units() if (unit.entry or unit.key) not in left]

    def memory_only_units(self) -> list[Unit]:
        """The messages :meth:`units` leaves untranslated that the output so far has no
        translation of, each a unit of its own (:mod:`ltmt.formats.memory_only`)."""
        left = {*self.branching, *self.quoting}
        return [
            entry.unit()
            for entry in self.entries
            if entry.key in left and entry.key not in self.translations and self.is_text(entry)
        ]

    def reusable(self, text: str) -> bool:
        return bool(text.strip())

    def fill_from_memory(self, translations: Mapping[str, str]) -> None:
        self.translations.update(translations)

    def warn_of_untranslated(self) -> None:
        """Warn of the messages :meth:`units` leaves untranslated that the output so far has
        no translation of (a person's, kept). Said by a translation run once it adopted the
        output, not when the file is read for its memory pairs or by ``ltmt qa``; and of the
        values that are no text left out (:meth:`KeyedCatalog.warn_of_untranslated`)."""
        super().warn_of_untranslated()
        branching = [key for key in self.branching if key not in self.translations]
        quoting = [key for key in self.quoting if key not in self.translations]
        if branching:
            logger.warning(
                "%s: %s with a choice, plural or select argument left untranslated (%s): "
                "ltmt cannot translate their branches apart; translate them by hand",
                self.path,
                counted(len(branching), "message"),
                first_few(branching),
            )
        if quoting:
            logger.warning(
                "%s: %s quoting a brace as literal text left untranslated (%s): the model "
                "reads its quotes as quotation; translate them by hand",
                self.path,
                counted(len(quoting), "message"),
                first_few(quoting),
            )

    def adopt_values(self, target: Path, found: dict[str, str]) -> int:
        """:meth:`KeyedCatalog.adopt_values`, and the empty values ``target`` has of keys whose
        source is empty, kept as they are (with their comments) rather than dropped."""
        adopted = super().adopt_values(target, found)
        empty = {
            key: text
            for key, text in found.items()
            if not text.strip() and key in self.raw and not self.raw[key].strip()
        }
        self.translations.update(empty)
        # a plural list with another number of forms (a reviewer's): kept as written
        self.kept_whole = kept_whole(target, found, self.plurals)
        return adopted

    def _unquoted(self, key: str, text: str) -> str:
        return text.replace("''", "'") if key in self.quoted else text

    def read_values(self, path: Path) -> dict[str, str]:
        data = read_bytes(path, WHAT)
        store = _parse(data, path)
        _warn_control_characters(path, data, _values(store))
        return self._values_of(store)

    def read_translation(self, path: Path) -> TranslatedFile:
        data = read_bytes(path, WHAT)
        store = _parse(data, path)
        raw = _values(store)
        _warn_control_characters(path, data, raw)
        problems = {
            key: [_apostrophe_problem(lost)]
            for key in self.patterns
            if key in raw and (lost := lost_apostrophes(self.raw[key], raw[key]))
        }
        return TranslatedFile(
            self._values_of(store), defined_twice=repeated(_keys(store)), format_problems=problems
        )

    def _values_of(self, store: Any) -> dict[str, str]:
        """The strings of ``store`` (a parsed file of this kind) by key, as this file quotes;
        a plural list's by form (``key#0``, ``key#1``), or whole where it has other forms."""
        values: dict[str, str] = {}
        for key, text in _values(store).items():
            unquoted = self._unquoted(key, text)
            if key in self.plurals:
                values.update(self.plurals[key].read(key, unquoted))
            else:
                values[key] = unquoted
        return values

    def paired_whole(self, values: dict[str, str]) -> dict[str, str]:
        """The plural lists whose translation in ``values`` has another number of forms: each
        a pair whole, which ``ltmt qa`` checks so."""
        return {key: f.joined(f.branches) for key, f in self.plurals.items() if key in values}

    def placeholders_written(self, entry: Entry) -> dict[str, str]:
        """A plural list's count as the file writes it (``#1`` for the model's ``%1$d``)."""
        forms = self.plurals.get(entry.name)
        return {} if forms is None else forms.placeholders_written()

    def is_text(self, entry: Entry) -> bool:
        """:meth:`KeyedCatalog.is_text`, but an access key: chosen from its label's
        translation (:mod:`ltmt.formats.properties_access_keys`), no text to translate."""
        return entry.key not in self.access_keys and super().is_text(entry)

    def _translation(self, key: str, held: str | None = None) -> str | None:
        """The translation of the string ``key`` (a plural list's: its forms' joined; an access
        key's: a letter of its label's translation, ``held`` the output's where it still is
        one), or None while it has none."""
        label = self.access_keys.get(key)
        if label is not None:
            text = self._translation(label)
            wanted = self.raw[key].strip()
            return None if text is None else chosen_access_key(wanted, held, [text])
        forms = self.plurals.get(key)
        if forms is None:
            return self.translations.get(key)
        return forms.translation(key, self.translations) or self.kept_whole.get(key)

    def same_content(self, existing: bytes, rendered: bytes) -> bool:
        """The same entries, each with its comments (SAP's annotations), in any order."""
        return _entries(existing, self.path) == _entries(rendered, self.path)

    def render(self) -> bytes:
        adopted_data = None if self.adopted_from is None else read_bytes(self.adopted_from, WHAT)
        # the file whose encoding the output's is: the translation so far's where it has one
        # (UTF-8 is what Spring Boot 2+ reads; an ASCII file has either), else the source's
        # (by its values: a translator's UTF-8 comment in a file of escapes is no UTF-8 file)
        ascii_values = adopted_data is None or _ascii_values(adopted_data)
        model = self.data if ascii_values or adopted_data is None else adopted_data
        adopted = None
        if adopted_data is not None and self.adopted_from is not None:
            adopted = _parse(adopted_data, self.adopted_from)
        # the translator's own strings, written as they are (their apostrophes theirs to quote)
        kept = {} if adopted is None else _values(adopted)
        # ... and their lines, byte for byte (spacing, escapes, continuation lines)
        kept_lines = {} if adopted_data is None else _entry_lines(adopted, adopted_data)
        as_written = LinesAsWritten()  # lines kept as a file writes them
        data = self.data
        if _personality(model) == "java-utf8" and _personality(data) == "java":
            data = data.decode("latin-1").encode("utf-8")
        store = _parse(data, self.path)
        source_lines = _entry_lines(store, data)
        last = {unit.getid(): unit for unit in store.units}
        for unit in list(store.units):
            key = unit.getid()
            if not key:
                continue
            text = self._translation(key, held=kept.get(key))
            if last[key] is unit and text is None and key in self.as_written:
                # ``empty.key``, ``[section]``, ``enabled=true``: the same in German
                if key in source_lines:
                    unit.translation = as_written.mark(source_lines[key])
                continue
            if text is None or last[key] is not unit:  # an earlier definition: unread
                _remove_keeping_header(store, unit)
                continue
            if key in kept and self._unquoted(key, kept[key]) == text:
                if key in kept_lines:
                    unit.translation = as_written.mark(kept_lines[key])
                    continue
                text = kept[key]
            elif key in self.sources_copied:  # the source's value as written, its quoting too
                if key in source_lines:
                    unit.translation = as_written.mark(source_lines[key])
                    continue
                text = self.raw[key]
            elif key in self.quoted:
                text = doubled_apostrophes(self._unquoted(key, self.raw[key]), text)
            unit.target = text
            # a value's leading whitespace is escaped, or Properties.load drops it
            stripped = unit.translation.lstrip(" ")
            unit.translation = "\\ " * (len(unit.translation) - len(stripped)) + stripped
            # the source's key and separator as written (``spaced : ``, ``key  ``)
            before = before_value(source_lines.get(key, ""), unit.name)
            if before is not None:
                unit.translation = as_written.mark(f"{before}{unit.translation}\n")
        if adopted is not None:
            self._keep_adopted_comments(store, adopted)
        for unit in store.units:
            if unit.comments == [""]:  # one blank line, which translate-toolkit drops
                unit.comments = [as_written.mark("\n")]
            if unit.getid() in self.extras and unit.getid() in kept_lines:  # the translator's
                unit.translation = as_written.mark(kept_lines[unit.getid()])
        written = as_written.put_in(bytes(store).decode(store.encoding)).encode(store.encoding)
        if model.isascii():
            # ASCII but a comment kept as the translator wrote it (UTF-8: ASCII's superset)
            written = _ascii_escaped(written.decode(store.encoding)).encode("utf-8")
        elif _personality(model) == "java" and _personality(data) == "java-utf8":
            # an ISO-8859-1 translation so far of a UTF-8 source: its letters beyond escaped
            text = _ascii_escaped(written.decode(store.encoding), _BEYOND_LATIN_1)
            written = text.encode("latin-1", "backslashreplace")  # (a comment's, as \u2013)
        return line_ends_like(self.data, written)

    def _keep_adopted_comments(self, store: Any, adopted: Any) -> None:
        """Give ``store`` (the output) what the translator wrote in ``adopted`` (the translation
        so far): its comments above the keys both have, its header, and its own keys
        (:attr:`extras`) with their comments."""
        theirs = {unit.getid(): unit for unit in adopted.units if unit.getid()}
        for unit in store.units:
            found = theirs.get(unit.getid()) if unit.getid() else None
            if found is not None and _has_comment(found.comments):
                unit.comments = _with_comments(unit.comments, found.comments)
        header = adopted.units[0] if adopted.units and not adopted.units[0].getid() else None
        if header is not None and _has_comment(header.comments):
            if store.units and not store.units[0].getid():
                # the blank lines after it as the output's header has them (one it kept:
                # _remove_keeping_header) so a rerun adds none
                ours = store.units[0].comments
                blank = len(ours) - len(_to_last_comment(ours))
                store.units[0].comments = (
                    _to_last_comment(header.comments) + ours[len(ours) - blank :]
                )
            else:
                store.units.insert(0, header)
        for unit in adopted.units:
            if unit.getid() in self.extras:
                store.addunit(unit)


def _entry_lines(store: Any, data: bytes) -> dict[str, str]:
    """The lines of each key of ``store`` (the parsed ``data``) as written: its line and the
    lines that continue it, each ending in ``\n``, a key's last definition's; none where the
    lines and the store's keys do not pair up (a ``/* */`` comment, which Java does not read
    as one)."""
    text = data.decode("utf-8" if _personality(data) == "java-utf8" else "latin-1")
    entries: list[str] = []
    continued = False
    for line, comment in _lines(text.removeprefix("\ufeff")):
        body = line.rstrip("\r\n")
        if continued:
            entries[-1] += body + "\n"
        elif not comment and body.strip(" \t\f"):
            entries.append(body + "\n")
        continued = not comment and (len(body) - len(body.rstrip("\\"))) % 2 == 1
    keys = _keys(store)
    return dict(zip(keys, entries, strict=True)) if len(keys) == len(entries) else {}


def _remove_keeping_header(store: Any, unit: Any) -> None:
    """Remove ``unit`` from ``store``; where it opens the file, its comment lines but its own
    (the last, directly above the key, as an SAP annotation is) are the file's header
    (``! Generated by SAP Web IDE`` with no blank line after it), and stay."""
    first = store.units[0] is unit
    store.removeunit(unit)
    header = _from_first_comment(unit.comments)[:-1]
    if first and _has_comment(header):
        kept = store.UnitClass("", store.personality.name)
        kept.comments = header
        store.units.insert(0, kept)


def _ascii_values(data: bytes) -> bool:
    """Whether the keys and values of ``data`` (a .properties file) are ASCII, its comments
    aside (a translator's ``# Übersetzung: Jörg`` in a file of ``\\u00fc`` escapes)."""
    text = data.decode("utf-8" if _personality(data) == "java-utf8" else "latin-1")
    return all(comment or line.isascii() for line, comment in _lines(text))


def _format_flags(text: str) -> tuple[str, ...]:
    """``("java-format",)`` for a message that is a valid MessageFormat pattern with an
    argument, whose translation must stay one; else none (``Use {name}``, which Java's
    MessageFormat refuses, is some other code's template)."""
    return ("java-format",) if "{" in text and pattern_problem(text) is None else ()


def _apostrophe_problem(lost: list[str]) -> str:
    """The ``ltmt qa`` finding of a pattern whose single apostrophes quote ``lost``."""
    quoted = first_few(repr(part) for part in lost)
    return (
        f"java-format: a single apostrophe quotes {quoted}: Java drops it and shows that text "
        "as written, any argument in it not replaced; write '' for an apostrophe"
    )


def _has_comment(lines: list[str]) -> bool:
    return any(line.strip() for line in lines)


def _with_comments(lines: list[str], comments: list[str]) -> list[str]:
    """``lines`` (a unit's comment lines) with its comments replaced by ``comments``'s: the
    blank lines that set it apart stay as ``lines`` has them."""
    blank = len(lines) - len(_from_first_comment(lines))
    return lines[:blank] + _from_first_comment(comments)


def _to_last_comment(lines: list[str]) -> list[str]:
    return _from_first_comment(lines[::-1])[::-1]


def _from_first_comment(lines: list[str]) -> list[str]:
    first = next((i for i, line in enumerate(lines) if line.strip()), len(lines))
    return lines[first:]
