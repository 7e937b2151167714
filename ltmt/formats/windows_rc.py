"""Windows resource scripts (``.rc``), as Visual Studio writes them: UTF-16LE with a byte order
mark and CRLF line ends, or UTF-8 (with a BOM or without), or Windows-1252 where the file says
``#pragma code_page(1252)``. A file in another encoding is refused with the reader's not-UTF-8
message.

``ltmt translate app.rc -o app.de.rc`` translates the string literals a user sees:
``STRINGTABLE`` entries, ``MENU``/``MENUEX`` ``POPUP "…"`` and ``MENUITEM "…"`` texts, a
``DIALOG``/``DIALOGEX``'s ``CAPTION "…"`` and its controls' texts (``LTEXT``, ``PUSHBUTTON``,
``CONTROL "text", …`` and the like) and ``VERSIONINFO``'s ``FileDescription`` and ``Comments``
values. Everything else is written byte for byte: preprocessor lines, IDs, coordinates, styles,
fonts, file names, ``TEXTINCLUDE`` and ``ACCELERATORS`` blocks, other ``VALUE``\\ s (a
``ProductName``, ``CompanyName`` or ``LegalCopyright`` is a name, ``OriginalFilename`` and
versions are no text), empty strings and strings without a letter. The output keeps the input's
encoding, byte order mark and line ends. A file without a resource statement (a shell script
named ``env.rc``) is refused, and skipped in a folder run (:func:`script_text`).

A literal is decoded for the model as RC reads it (Microsoft's "STRINGTABLE resource"): ``""``
is a quote, ``\\n``, ``\\t``, ``\\r`` and ``\\\\`` a line feed, a tab, a carriage return and a
backslash; a literal with another escape (``\\012``, ``\\x2229``) is kept as written. The
``&`` accelerators and ``\\t`` key combinations of menu items are the translation pipeline's
(``--accelerators``, :mod:`ltmt.accelerators`, :mod:`ltmt.key_combinations`).

A translated file is the target language's resources: its ``LANGUAGE LANG_ENGLISH, …`` lines
name the target language (``LANG_GERMAN, SUBLANG_GERMAN``), ``AFX_TARG_ENU`` becomes
``AFX_TARG_DEU``, a ``VERSIONINFO``'s ``BLOCK "040904b0"`` and ``VALUE "Translation", 0x409``
name 0407 (German) and Visual Studio's ``// English (United States) resources`` comments say
``// German (Germany) resources``. ``#pragma code_page`` is kept: German is written in
Windows-1252 as English is, and a UTF-16 file's pragma means nothing to RC.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ltmt.errors import InputError, NotMessageFileError
from ltmt.formats.byte_order_marks import byte_order_mark
from ltmt.formats.common import (
    atomic_write,
    decode,
    primary_language,
    read_bytes,
    source_file_given,
    utf8_text,
)
from ltmt.formats.documents import TranslationsHeld, Unit
from ltmt.formats.not_read import NotRead
from ltmt.segments import PairRecord

logger = logging.getLogger(__name__)

WHAT = "a Windows resource script (.rc)"
_CODE_PAGE = re.compile(rb"^[ \t]*#[ \t]*pragma[ \t]+code_page[ \t]*\([ \t]*(\w+)", re.MULTILINE)
_LITERAL = re.compile(r'L?"((?:[^"\r\n]|"")*)"')
_ESCAPE = re.compile(r'""|\\(.)')
_DECODED = {"n": "\n", "t": "\t", "r": "\r", "\\": "\\"}
_ENCODED = {'"': '""', "\\": "\\\\", "\n": "\\n", "\t": "\\t", "\r": "\\r"}
_TO_ENCODE = re.compile(r'["\\\n\t\r]')
_WORD = re.compile(r"[A-Za-z_]\w*")
_INCLUDE = re.compile(r"#[ \t]*include\b")
_AFTER = re.compile(r"\s*,\s*([A-Za-z_]\w*)")  # the ID after a menu item's or control's text
# the resource types whose header line (``IDD_ABOUTBOX DIALOGEX 0, 0, 170, 62``) starts a
# resource: those read, and the others, whose blocks hold no text a user reads
_TYPES = frozenset(
    {"STRINGTABLE", "MENU", "MENUEX", "DIALOG", "DIALOGEX", "VERSIONINFO", "TEXTINCLUDE",
     "ACCELERATORS", "ICON", "BITMAP", "CURSOR", "RCDATA", "HTML", "DLGINIT", "TOOLBAR",
     "DESIGNINFO", "AFX_DIALOG_LAYOUT", "MESSAGETABLE", "FONT", "PNG", "REGISTRY", "TYPELIB"}
)  # fmt: skip
_CONTROLS = frozenset(
    {"LTEXT", "RTEXT", "CTEXT", "PUSHBUTTON", "DEFPUSHBUTTON", "GROUPBOX", "CHECKBOX",
     "AUTOCHECKBOX", "RADIOBUTTON", "AUTORADIOBUTTON", "STATE3", "AUTO3STATE", "PUSHBOX",
     "CONTROL"}
)  # fmt: skip
_VALUES = frozenset({"FileDescription", "Comments"})  # VERSIONINFO's values a user reads as text
# the target language's LANGUAGE line, its MFC AFX_TARG_ suffix and Visual Studio's comment
_LANGUAGES = {
    "de": ("LANG_GERMAN, SUBLANG_GERMAN", "DEU", "German (Germany)", "0407"),
    "fr": ("LANG_FRENCH, SUBLANG_FRENCH", "FRA", "French (France)", "040c"),
    "es": ("LANG_SPANISH, SUBLANG_SPANISH_MODERN", "ESN", "Spanish (Spain)", "0c0a"),
    "it": ("LANG_ITALIAN, SUBLANG_ITALIAN", "ITA", "Italian (Italy)", "0410"),
}
_ENGLISH_LANGUAGE = re.compile(r"(?m)^([ \t]*LANGUAGE[ \t]+)LANG_ENGLISH[ \t]*,[ \t]*SUBLANG_\w+")
_ENGLISH_COMMENT = re.compile(r"(?m)(//[ \t]*)English \([^)\r\n]*\) resources")
# VERSIONINFO's language: its string block's name (040904b0: US English, Unicode) and its
# VarFileInfo's Translation value
_ENGLISH_BLOCK = re.compile(r'(BLOCK[ \t]+")0409([0-9A-Fa-f]{4}")')
_ENGLISH_TRANSLATION = re.compile(r'(VALUE[ \t]+"Translation"[ \t]*,[ \t]*)0x0?409\b')


@dataclass(frozen=True)
class RcString:
    """A literal to translate: its ``span`` in the text (the quotes excluded), its ``line``
    number, ``text`` (decoded) and ``context`` (the resource ID beside it, "" if none)."""

    span: tuple[int, int]
    line: int
    text: str
    context: str


def decoded_literal(written: str) -> str | None:
    """The text of a literal's inside as RC reads it; None where it has an escape this module
    does not write back (``\\012``)."""
    unknown = False

    def one(found: re.Match[str]) -> str:
        nonlocal unknown
        if found.group() == '""':
            return '"'
        if found.group(1) not in _DECODED:
            unknown = True
            return found.group()
        return _DECODED[found.group(1)]

    text = _ESCAPE.sub(one, written)
    return None if unknown else text


def encoded_literal(text: str) -> str:
    """``text`` as a literal's inside (:func:`decoded_literal`'s inverse)."""
    return _TO_ENCODE.sub(lambda found: _ENCODED[found.group()], text)


def rc_text(data: bytes, path: Path) -> tuple[str, str]:
    """The text of the file ``path`` (its ``data``) without a byte order mark, and the encoding
    it is written in (module docstring)."""
    if marked := byte_order_mark(data):
        mark, name = marked
        return decode(data[len(mark) :], path, name.removesuffix("-sig")), name
    pages = {page.decode("ascii", "replace") for page in _CODE_PAGE.findall(data)}
    if "1252" in pages and "65001" not in pages:
        return decode(data, path, "cp1252"), "cp1252"
    return utf8_text(data, path), "utf-8"


def is_resource_script(text: str) -> bool:
    """Whether ``text`` has a resource statement (``STRINGTABLE``, ``IDD_ABOUT DIALOGEX ...``,
    ``IDR_MENU MENU``, ``VS_VERSION_INFO VERSIONINFO``), or an ``#include`` and a block
    (``BEGIN``, ``{``): a shell script named ``env.rc`` has neither."""
    included = block = False
    for line in text.splitlines():
        bare = line.strip()
        if _INCLUDE.match(bare):
            included = True
        if not bare or bare.startswith(("#", "//")):
            continue
        words = _WORD.findall(bare.split('"', 1)[0])
        if words[:1] == ["STRINGTABLE"] or (len(words) > 1 and words[1] in _TYPES):
            return True
        block = block or words[:1] == ["BEGIN"] or bare.startswith("{")
    return included and block


def script_text(path: Path) -> tuple[str, str]:
    """The text of the resource script ``path`` and its encoding (:func:`rc_text`); a one-line
    :class:`~ltmt.errors.NotMessageFileError` where it is no resource script (a folder run skips
    it): translated, it gave nothing and was copied."""
    text, encoding = rc_text(read_bytes(path, WHAT), path)
    if not is_resource_script(text):
        raise NotMessageFileError(
            str(path),
            "not a Windows resource script (no STRINGTABLE, MENU or DIALOG)",
            "pass --format txt if it is text to translate",
        )
    return text, encoding


def rc_strings(text: str) -> list[RcString]:
    """The literals of ``text`` that a user reads (module docstring), in order."""
    found: list[RcString] = []
    kind, depth, offset = "", 0, 0
    for number, line in enumerate(text.splitlines(keepends=True), 1):
        start, offset = offset, offset + len(line)
        bare = line.strip()
        if not bare or bare.startswith(("#", "//")):
            continue
        words = _WORD.findall(bare.split('"', 1)[0])
        first = words[0] if words else ""
        if depth == 0 and first == "STRINGTABLE":
            kind = first
        elif depth == 0 and len(words) > 1 and words[1] in _TYPES:
            kind = words[1]
        if first in ("BEGIN", "END") or bare[0] in "{}":
            depth += 1 if first == "BEGIN" or bare[0] == "{" else -1
            depth = max(depth, 0)
            kind = kind if depth else ""
            continue
        literal = _chosen(kind, depth, first, line)
        if literal is None:
            continue
        text_of = decoded_literal(literal.group(1))
        if text_of is None or not any(char.isalpha() for char in text_of):
            continue
        after = _AFTER.match(line, literal.end())
        context = first if kind == "STRINGTABLE" else after.group(1) if after else ""
        found.append(
            RcString((start + literal.start(1), start + literal.end(1)), number, text_of, context)
        )
    return found


def _chosen(kind: str, depth: int, first: str, line: str) -> re.Match[str] | None:
    """The literal of ``line`` to translate, within a resource of ``kind`` at ``depth`` of its
    blocks, the line's ``first`` word given; None where it has none."""
    literals = list(_LITERAL.finditer(line))
    if not literals:
        return None
    if kind == "STRINGTABLE" and depth > 0:
        return literals[0]
    if kind in ("MENU", "MENUEX") and first in ("POPUP", "MENUITEM"):
        return literals[0]
    if kind in ("DIALOG", "DIALOGEX"):
        wanted = first == "CAPTION" if depth == 0 else first in _CONTROLS
        return literals[0] if wanted else None
    if kind == "VERSIONINFO" and first == "VALUE" and len(literals) > 1:
        return literals[1] if literals[0].group(1) in _VALUES else None
    return None


class RcDocument(TranslationsHeld):
    """A ``.rc`` file whose user-visible strings are translated (module docstring); a unit is
    keyed by its literal's line number, its context the resource ID beside it."""

    format = "rc"

    def __init__(self, path: Path, text: str, encoding: str, tgt_lang: str = "de") -> None:
        super().__init__()
        self.path = Path(path)
        self.text = text
        self.encoding = encoding
        self.tgt_lang = tgt_lang
        self.strings = {str(found.line): found for found in rc_strings(text)}

    @classmethod
    def open(cls, path: Path, tgt_lang: str | None = None, **_: Any) -> RcDocument:
        text, encoding = script_text(Path(path))
        return cls(Path(path), text, encoding, tgt_lang or "de")

    def units(self) -> list[Unit]:
        return [Unit(key, found.text, found.context) for key, found in self.strings.items()]

    def adopt(self, target: Path) -> int:
        """Take over the translations ``target``, this file's translation so far, holds: its
        strings lined up with this file's (:func:`lined_up`), those that are not their source."""
        theirs = rc_strings(script_text(Path(target))[0])
        pairs = lined_up(list(self.strings.values()), theirs, Path(target), self.path)
        return self.adopt_aligned(
            (str(mine.line), mine.text, translated.text) for mine, translated in pairs
        )

    def translated_text(self) -> str:
        """The file's text with its translations and its target language (module docstring)."""
        parts, done = [], 0
        for key, found in self.strings.items():
            if key in self.translations:
                parts += [self.text[done : found.span[0]], encoded_literal(self.translations[key])]
                done = found.span[1]
        return _in_language("".join(parts) + self.text[done:], self.tgt_lang, self.path)

    def save(self, out_path: Path) -> None:
        text = self.translated_text()
        try:
            data = text.encode(self.encoding)
        except UnicodeEncodeError as exc:
            raise InputError(
                f"{self.path}: the translation holds {text[exc.start]!r}, which Windows-1252 "
                "lacks; save the .rc file as UTF-16 (Visual Studio: Advanced Save Options) and "
                "translate it again"
            ) from exc
        if self.encoding.startswith("utf-16"):
            data = "\ufeff".encode(self.encoding) + data
        atomic_write(Path(out_path), data)


def _in_language(text: str, tgt_lang: str, path: Path) -> str:
    """``text`` with its English LANGUAGE lines, ``AFX_TARG_ENU`` and Visual Studio's section
    comments naming ``tgt_lang``; as it is, with a warning, for a language not known here."""
    if not _ENGLISH_LANGUAGE.search(text):
        return text
    known = _LANGUAGES.get(primary_language(tgt_lang))
    if known is None:
        logger.warning(
            "%s: its LANGUAGE lines still say LANG_ENGLISH; set them to the target language's "
            "(%s) in the translation",
            path, tgt_lang,
        )  # fmt: skip
        return text
    language, suffix, said, code = known
    text = _ENGLISH_LANGUAGE.sub(lambda found: found.group(1) + language, text)
    text = text.replace("AFX_TARG_ENU", f"AFX_TARG_{suffix}")
    text = _ENGLISH_BLOCK.sub(lambda found: found.group(1) + code + found.group(2), text)
    text = _ENGLISH_TRANSLATION.sub(lambda found: f"{found.group(1)}0x{code}", text)
    return _ENGLISH_COMMENT.sub(lambda found: f"{found.group(1)}{said} resources", text)


def lined_up(
    source: list[RcString], translated: list[RcString], path: Path, source_file: Path
) -> list[tuple[RcString, RcString]]:
    """The strings of ``source_file`` (``source``) beside those of its translation ``path``
    (``translated``), in order; a one-line :class:`InputError` where the two files do not hold
    the same resources (their counts or IDs differ): a pair of two other strings would be a
    wrong translation."""
    contexts = [found.context for found in source]
    if contexts != [found.context for found in translated]:
        raise InputError(
            f"{path}: its strings do not line up with those of {source_file} ({len(translated)} "
            f"and {len(source)}, or other IDs); give the .rc file it translates, with the same "
            "resources, or another output"
        )
    return list(zip(source, translated, strict=True))


def read_rc_pairs(
    path: Path,
    source_file: Path | None = None,
    not_read: NotRead | None = None,
    **_: Any,
) -> Iterator[PairRecord]:
    """The pairs of the translated ``.rc`` file ``path`` and its ``source_file``, string by
    string (:func:`lined_up`), each with its ID as context; a string the translation still has
    in the source's words is counted into ``not_read`` as untranslated (without one, said in a
    warning)."""
    source_path = source_file_given(Path(path), WHAT, source_file)
    source = rc_strings(script_text(source_path)[0])
    translated = rc_strings(script_text(Path(path))[0])
    untranslated = 0
    for mine, theirs in lined_up(source, translated, Path(path), source_path):
        if mine.text == theirs.text:
            untranslated += 1
            continue
        metadata = {"context": mine.context} if mine.context else {}
        yield PairRecord(mine.text, theirs.text, f"{path}:{theirs.line}", metadata)
    if not_read is not None and untranslated:
        not_read.add("untranslated", untranslated)
    elif untranslated:
        logger.warning("%s: strings not read: %d untranslated", path, untranslated)
