"""What the formats share: reading bytes, decoding, safe XML parsing, language codes, atomic writes.

Every failure becomes one :class:`~ltmt.errors.InputError` line that names the file and, where the
parser knows it, the line and column: no library traceback reaches the user.
"""

from __future__ import annotations

import codecs
import functools
import logging
import re
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from ltmt.errors import InputError, LanguageError
from ltmt.formats.not_utf8 import not_utf8_problem
from ltmt.formats.registry import SNIFF_BYTES, STDIN_NAME, binary_problem, holds_nul, utf16_problem
from ltmt.wording import counted, first_few, shortened

if TYPE_CHECKING:
    from lxml import etree

    from ltmt.segments import PairRecord

logger = logging.getLogger(__name__)

XML_NS = "http://www.w3.org/XML/1998/namespace"
XML_LANG = f"{{{XML_NS}}}lang"
XML_SPACE = f"{{{XML_NS}}}space"
# Characters XML 1.0 cannot hold, not even escaped.
# what comes before an XML file's root element (its declaration, comments, doctype), and the
# root's start tag (group 1): a file written back keeps the first byte for byte
ROOT_START = re.compile(
    rb"""\A(?:\xef\xbb\xbf)?(?:\s|<\?.*?\?>|<!--.*?-->|<!DOCTYPE(?:[^>\[]|\[.*?\])*>)*(<[^\s>/!?][^>"']*(?:(?:"[^"]*"|'[^']*')[^>"']*)*>)""",
    re.DOTALL,
)

NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_XML_ERROR_TAIL = re.compile(r",? line \d+, column \d+$")
EXCERPT_CHARS = 100  # of a parser's message in an error of ltmt's (it may quote the input)
_ENTITY_NOT_DEFINED = re.compile(r"Entity '([^']+)' not defined")


class XmlLeftOut:
    """The pairs an XML writer leaves out because they hold characters XML 1.0 cannot hold
    (control characters), reported in one warning when the file is written."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self.count = 0
        self.positions: list[str] = []  # of those that have one

    def left_out(self, record: PairRecord) -> bool:
        """Whether ``record`` cannot be written (and is counted): a side, or text of its
        metadata (a note, a context, an id: the writers write them as XML too), holds a
        character XML cannot hold. Asked before the record is written, so that a stream of
        units stops at none of them."""
        if any(NOT_XML.search(text) for text in _texts(record)):
            self.count += 1
            if record.position:
                self.positions.append(record.position)
            return True
        return False

    def report(self, logger: logging.Logger) -> None:
        count = self.count
        if not count:
            return
        shown = first_few(self.positions)
        logger.warning(
            "%s %s control characters, which XML cannot carry, and %s not written to %s%s; "
            ".jsonl keeps them",
            counted(count, "pair"),
            "holds" if count == 1 else "hold",
            "was" if count == 1 else "were",
            self.kind,
            f" ({shown})" if shown else "",
        )


def _texts(record: PairRecord) -> Iterator[str]:
    """The text of ``record`` an XML writer may write: its sides, and its metadata's string
    keys and values."""
    yield record.source
    yield record.target
    for key, value in record.metadata.items():
        yield key
        if isinstance(value, str):
            yield value


def read_file(path: Path) -> bytes:
    """The bytes of ``path``; a missing or unreadable file is an :class:`InputError`."""
    try:
        return Path(path).read_bytes()
    except FileNotFoundError as exc:
        raise InputError(dangling_link(Path(path)) or f"{path}: file not found") from exc
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from exc


def dangling_link(path: Path) -> str | None:
    """Where ``path`` is a symbolic link to nothing, the error that says so and names the
    missing target (a plain "file not found" sent the user looking for a file they could see);
    else ``None``."""
    if not path.is_symlink() or path.exists():
        return None
    return f"{path} is a link to {path.readlink()}, which does not exist; fix the link"


def read_bytes(path: Path, what: str) -> bytes:
    """The bytes of ``path`` (:func:`read_file`); an empty file is an :class:`InputError` too,
    naming ``what`` it should hold."""
    data = read_file(path)
    if not data or data.isspace():  # (not data.strip(): a copy of a large archive)
        raise InputError(f"{path}: empty file; expected {what}")
    return data


def read_lines(path: str | Path | None, what: str = "input") -> list[str]:
    """Lines of a UTF-8 text file (``None``: stdin) without terminators; BOM and CRLF accepted.

    ``what`` names the file in error messages ("hypothesis file not found: ...").
    """
    return read_lines_and_shape(path, what)[0]


@dataclass(frozen=True)
class LineShape:
    """How a text file's lines are written, which a translation of it keeps: the end of its
    first line (``\r\n`` for a Windows file, ``\r`` for classic Mac OS, else ``\n``), a UTF-8
    byte order mark at its start, and whether its last line ends too. ``endings``: each
    line's own end, in a file whose lines end in both ways (``\r\n`` and ``\n``; else empty),
    so that no line's end changes. ``end_mark``: whether a DOS end-of-file mark follows the
    last line (:func:`without_end_mark`)."""

    newline: str = "\n"
    mark: bool = False
    last_ended: bool = True
    endings: tuple[str, ...] = ()
    end_mark: bool = False

    @classmethod
    def of(cls, text: str) -> LineShape:
        """The shape of ``text`` as read, its byte order mark (if any) still at its start."""
        body, end_mark = without_end_mark(text.removeprefix("\ufeff"))
        newline = line_ending(body)
        ended = body.endswith(("\n", "\r"))
        mark = text.startswith("\ufeff")
        return cls(newline, mark, ended, _mixed_endings(body, newline), end_mark)

    def written(self, lines: Sequence[str], *, whole: bool = True) -> bytes:
        """``lines`` in this shape, as UTF-8. Only a ``whole`` text leaves its last line open as
        the file's was, and ends with its end-of-file mark: a prefix of it (a run saved midway)
        ends every line it has."""
        ends = [self._end(index) for index in range(len(lines))]
        if lines and whole and not self.last_ended:
            ends[-1] = ""
        text = "".join(line + end for line, end in zip(lines, ends, strict=True))
        if whole and self.end_mark:
            text += DOS_END_MARK
        return (codecs.BOM_UTF8 if self.mark else b"") + text.encode("utf-8")

    def _end(self, index: int) -> str:
        return self.endings[index] if index < len(self.endings) else self.newline


def _mixed_endings(body: str, newline: str) -> tuple[str, ...]:
    """The end of each line of ``body`` that ends, where they are not all ``newline``."""
    if newline == "\r":  # no line feed at all: every line ends alike
        return ()
    *ended, last = body.split("\n")
    ends = tuple("\r\n" if line.endswith("\r") else "\n" for line in ended)
    if last.endswith("\r"):  # the last line ends with a carriage return alone
        ends += ("\r",)
    return () if all(end == newline for end in ends) else ends


def read_lines_and_shape(
    path: str | Path | None, what: str = "input"
) -> tuple[list[str], LineShape]:
    """:func:`read_lines`, and how the text's lines are written (:class:`LineShape`), which a
    translation of it keeps."""
    import sys

    if path is None:
        data, name = sys.stdin.buffer.read(), STDIN_NAME
    else:
        if Path(path).is_dir():
            raise InputError(f"{what} file {path} is a directory; give a file")
        if not Path(path).exists():
            raise InputError(f"{what} file not found: {path}")
        # a pipe (<(cmd), a fifo) is read once, whole, as standard input is
        data, name = read_file(Path(path)), str(path)  # unreadable: one line, not a traceback
    if holds_nul(data) and not utf16_problem(data[:SNIFF_BYTES], name):
        raise InputError(binary_problem(name, data))  # as a named file is: standard input too
    text = utf8_text(data, name)
    return text_lines_of(text.removeprefix("\ufeff"))[0], LineShape.of(text)


# Ctrl-Z, which DOS editors wrote after a text file's last line to mark its end
DOS_END_MARK = "\x1a"


def without_end_mark(text: str) -> tuple[str, bool]:
    """``text`` without a DOS end-of-file mark alone after its last line end, and whether it
    had one: it ends the file, not a line of it (it was a line to translate, and one more
    line than a source file's)."""
    body = text.removesuffix(DOS_END_MARK)
    if len(body) < len(text) and (not body or body.endswith(("\n", "\r"))):
        return body, True
    return text, False


def text_lines_of(text: str) -> tuple[list[str], str]:
    """The lines of ``text`` without their ends (a DOS end-of-file mark after them left out:
    :func:`without_end_mark`), and how its first line ends: ``\r\n`` (a Windows file), ``\r``
    (a file of classic Mac OS, whose lines end with a carriage return alone: it was read as
    one line), else ``\n``."""
    text = without_end_mark(text)[0]
    ending = line_ending(text)
    lines = text.split("\r" if ending == "\r" else "\n")
    if lines and lines[-1] == "":
        lines.pop()
    return [line.removesuffix("\r") for line in lines], ending


def line_ending(text: str) -> str:
    """How ``text``'s first line ends: ``\r\n`` (a Windows file), ``\r`` (a text without a
    line feed whose lines end with a carriage return: classic Mac OS), else ``\n``."""
    first, newline, _ = text.partition("\n")
    if not newline:
        return "\r" if "\r" in text else "\n"
    return "\r\n" if first.endswith("\r") else "\n"


def decode(data: bytes, path: Path | str, encoding: str | None = None) -> str:
    """``data`` decoded strictly, as the ``encoding`` it declares (None: declares none, read as
    UTF-8); a bad byte is reported with its line and column (:func:`not_utf8_message`)."""
    name = encoding or "utf-8"
    try:
        name = codecs.lookup(name).name
        text = data.decode(name)
    except UnicodeDecodeError as exc:
        if name == "utf-8":
            declared = encoding is not None
            raise InputError(not_utf8_message(data, path, exc.start, declared)) from exc
        where = byte_position(data, path, exc.start, name)
        raise InputError(
            f"{where}: byte 0x{data[exc.start]:02x} is not valid {name}; "
            f"convert the file to {name} or fix its declared encoding"
        ) from exc
    except LookupError as exc:
        raise InputError(f"{path}: unknown encoding {encoding!r}") from exc
    return text[1:] if text.startswith("\ufeff") else text


def byte_position(data: bytes, name: Path | str, offset: int, encoding: str = "utf-8") -> str:
    """Where byte ``offset`` of ``data`` (text in ``encoding``) stands, as an editor names it:
    ``NAME:LINE:COLUMN`` (both from 1, the column counted in characters, as editors and the
    JSON errors count it, not in bytes: ``€`` is one column, not three)."""
    line = data.count(b"\n", 0, offset) + 1
    start = data.rfind(b"\n", 0, offset) + 1
    return f"{name}:{line}:{character_column(data[start:offset], encoding)}"


def character_column(before: bytes, encoding: str = "utf-8") -> int:
    """The column (from 1) of the byte after ``before``, a line's bytes up to it, counted in
    characters; a bad byte among them counts as one."""
    return len(before.decode(encoding, errors="replace")) + 1


def utf8_text(data: bytes, name: Path | str) -> str:
    """``data``, the file (or standard input) ``name``, decoded as UTF-8. Text that is not is
    an :class:`InputError` naming the first bad byte's line and column and, where the text
    tells, what it is (UTF-16, binary data, Windows-1252, UTF-8 with a stray byte or with many:
    :mod:`ltmt.formats.not_utf8`), with what to do."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if problem := utf16_problem(data[:SNIFF_BYTES], name):
            raise InputError(problem) from exc
        raise InputError(not_utf8_message(data, name, exc.start)) from exc


def not_utf8_message(data: bytes, name: Path | str, offset: int, declared: bool = False) -> str:
    """The one error of every reader for ``data``, the file (or standard input) ``name``, whose
    byte ``offset`` is the first that is not UTF-8: ``NAME:LINE:COLUMN: byte 0xNN is not valid
    UTF-8`` and what the text is and what to do (:func:`~ltmt.formats.not_utf8.
    not_utf8_problem`: ``it looks like Windows-1252: convert it: iconv -f CP1252 -t UTF-8
    NAME > NAME-utf8``); ``declared``: the text declares UTF-8, which may be what is wrong."""
    where = f"{byte_position(data, name, offset)}: byte 0x{data[offset]:02x}"
    return not_utf8_problem(data, name, where, declared)


def written_like(source: bytes, text: str) -> bytes:
    """``text`` as UTF-8 bytes with ``source``'s line ends (:func:`line_ends_like`) and its
    byte order mark, if it had one: a file translated from another is written as that one was."""
    mark = codecs.BOM_UTF8 if source.startswith(codecs.BOM_UTF8) else b""
    return mark + line_ends_like(source, text.encode("utf-8"))


def line_ends_like(source: bytes, data: bytes) -> bytes:
    """``data`` (in an encoding ASCII's bytes are bytes of, as UTF-8 or ISO-8859-1) with the
    line ends of ``source``: a Windows file's ``\r\n`` where its first lines have them."""
    if b"\r\n" not in source[:4096]:
        return data
    return data.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")


def parse_json(
    text: str, path: Path | str, repeated: Callable[[list[tuple[str, Any]]], Any] | None = None
) -> Any:
    """``text`` parsed as JSON; a malformed or too deeply nested one is an
    :class:`InputError` with its line and column, and a hint where it reads as YAML
    (:func:`~ltmt.formats.json_errors.looks_like_yaml`). ``repeated``, where given, is the
    ``object_pairs_hook`` that builds each object and notes a key it has more than once
    (:mod:`ltmt.formats.json_repeated_keys`)."""
    import json

    from ltmt.formats.json_errors import YAML_HINT, json_problem, looks_like_yaml

    try:
        return json.loads(text, object_pairs_hook=repeated)
    except json.JSONDecodeError as exc:
        hint = f"; {YAML_HINT}" if looks_like_yaml(text) else ""
        raise InputError(
            f"{path}:{exc.lineno}:{exc.colno}: invalid JSON: {json_problem(exc)}{hint}"
        ) from exc
    except RecursionError:
        raise InputError(f"{path}: JSON nested too deeply") from None


def excerpt(message: object) -> str:
    """A parser's error ``message`` as an error of ltmt's quotes it: its first line, cut to
    :data:`EXCERPT_CHARS` characters, the last an ellipsis. A parser may quote the input
    whole: translate-toolkit the offending line of a PO file (5 MB of a one-line file), lxml
    a tag's name, plistlib a key."""
    lines = str(message).strip().splitlines()
    return shortened(lines[0], EXCERPT_CHARS) if lines else ""


def xml_error(path: Path | str, exc: Exception, what: str) -> InputError:
    """An :class:`InputError` for an lxml parse error, with the line and column it gives:
    ``bad.xml:3:28: not a well-formed Android string resource file: ...``. An entity the file
    does not declare is named, where it begins, with the character to write instead
    (:func:`_undeclared_entity`): lxml's streaming parser (``iterparse``) ends on such a file
    with ``no element found`` at 0:0, the error it met first only in its log."""
    message = getattr(exc, "msg", None) or str(exc)
    message = excerpt(_XML_ERROR_TAIL.sub("", str(message).strip()))
    line, column = getattr(exc, "position", None) or (0, 0)
    entity = _ENTITY_NOT_DEFINED.fullmatch(message)
    if entity is not None:
        message = _undeclared_entity(entity.group(1))
        column = max(column - len(entity.group(1)) - 2, 1)  # libxml2 points past its ";"
    where = f"{path}:{line}:{column}" if line else str(path)
    return InputError(f"{where}: {not_well_formed(what)}: {message}")


def _undeclared_entity(name: str) -> str:
    """What to say of the reference to entity ``name`` that a file does not declare (``&copy;``
    in a file without a DTD: XML itself declares ``&amp;``, ``&lt;``, ``&gt;``, ``&quot;`` and
    ``&apos;`` alone): the character to write instead."""
    import html.entities

    code = html.entities.name2codepoint.get(name)
    instead = (
        f"write {_seen(chr(code))} or &#{code};" if code else "write the character it stands for"
    )
    return f"undefined entity &{name};: {instead}"


def _seen(char: str) -> str:
    """``char`` as a message shows it: itself where it is visible, else its code point and name
    (``U+00A0 NO-BREAK SPACE`` for ``&nbsp;``, which printed as a blank)."""
    import unicodedata

    if char.isprintable() and not char.isspace():
        return char
    return f"U+{ord(char):04X} {unicodedata.name(char, 'character')}"


def first_xml_error(data: bytes, exc: Exception) -> Exception:
    """The error a whole-document parse of ``data`` meets first, for the error ``exc`` that
    lxml's streaming parser (``iterparse``) raised: on an undeclared entity (``&copy;``) that
    one says ``no element found`` at 0:0. ``exc`` where the document parses."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
    try:
        etree.fromstring(data, parser=parser)
    except etree.XMLSyntaxError as first:
        return first
    return exc


def not_well_formed(what: str) -> str:
    """How an error names an XML file that does not parse, ``what`` as the formats name their
    files: ``an Android string resource file`` gives ``not a well-formed Android string
    resource file``; a name without an article (``TMX``) gives ``not well-formed TMX``."""
    article, _, rest = what.partition(" ")
    if article in ("a", "an") and rest:
        return f"not a well-formed {rest}"
    return f"not well-formed {what}"


def parse_xml(
    data: bytes,
    path: Path | str,
    what: str,
    *,
    internal_entities: Literal["refused", "kept", "expanded"] = "refused",
) -> etree._ElementTree:
    """Parse XML safely (no external entity resolved, no network), keeping comments and CDATA;
    a document that declares or uses entities of its own is refused (:func:`refuse_entities`),
    but for the internal ones (``<!ENTITY company "Contoso">``) where ``internal_entities`` says
    what a format does with them: ``kept`` as references, where its writer writes the DOCTYPE
    and references back as they are (Android's ``&appname;``), or ``expanded`` into their text,
    where its reader would lose the text after a reference (a .resx ``<value>``)."""
    from lxml import etree

    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, strip_cdata=False, remove_blank_text=False
    )
    try:
        root = etree.fromstring(data, parser=parser)
    except etree.XMLSyntaxError as exc:
        raise xml_error(path, exc, what) from exc
    except ValueError as exc:  # e.g. an unknown declared encoding
        raise InputError(f"{path}: {not_well_formed(what)}: {excerpt(exc)}") from exc
    tree = root.getroottree()
    refuse_entities(tree, path, data, internal_allowed=internal_entities != "refused")
    if internal_entities == "expanded" and tree.docinfo.internalDTD is not None:
        # all declared and internal by now (refused else): libxml2 expands them, within its
        # own caps on amplification (no huge_tree)
        parser = etree.XMLParser(
            resolve_entities="internal",
            no_network=True,
            strip_cdata=False,
            remove_blank_text=False,
        )
        try:
            tree = etree.fromstring(data, parser=parser).getroottree()
        except etree.XMLSyntaxError as exc:
            raise xml_error(path, exc, what) from exc
    return tree


ENTITIES_REFUSED = (
    "declares XML entities in its DOCTYPE, which ltmt does not read; remove the DOCTYPE or "
    "expand the entities"
)


def refuse_entities(
    tree: etree._ElementTree, path: Path | str, data: bytes = b"", *, internal_allowed: bool = False
) -> None:
    """An :class:`InputError` for a document whose DOCTYPE declares external entities (a
    ``SYSTEM "file:///..."`` one would read a local file: never resolved), or that refers to
    entities it does not declare (an external DTD's: :func:`refuse_undeclared_references`,
    ``data`` its bytes): ``&e;`` stayed in the tree and came out as a reference no reader can
    resolve, or as nothing. Internal entities (``<!ENTITY appname "Garden Helper">``) are
    refused too unless ``internal_allowed``: where a format's reader loses their text (an XLIFF
    target, a Qt ``<translation>``, a .docx paragraph's rest)."""
    dtd = tree.docinfo.internalDTD
    declared = list(dtd.iterentities()) if dtd is not None else []
    external = any(entity.system_url is not None for entity in declared)
    if external or (declared and not internal_allowed):
        raise InputError(f"{path}: {ENTITIES_REFUSED}")
    refuse_undeclared_references(
        tree.getroot(), path, data, declared={entity.name for entity in declared}
    )


def refuse_undeclared_references(
    element: etree._Element, path: Path | str, data: bytes, declared: Collection[str] = ()
) -> None:
    """An :class:`InputError` for the first reference within ``element`` to an entity its
    document does not declare (not among ``declared``), where it is in ``data`` (the document's
    bytes), with the character to write instead (:func:`_undeclared_entity`). With an external
    DTD (``<!DOCTYPE tmx SYSTEM "tmx14.dtd">``, as TMX files are written) such a reference is no
    syntax error: lxml keeps it as an unresolved node, which the DOCTYPE did not declare."""
    from lxml import etree

    reference = next(
        (found for found in element.iter(etree.Entity) if found.name not in declared), None
    )
    if reference is not None:
        where = _reference_place(path, data, reference.sourceline or 0, reference.name)
        raise InputError(f"{where}: {_undeclared_entity(reference.name)}")


def _reference_place(path: Path | str, data: bytes, line: int, name: str) -> str:
    """``path:line:column`` of the first ``&name;`` on line ``line`` of ``data``; without the
    column where the line does not hold it as UTF-8 bytes (a UTF-16 file), and without the
    line where lxml gave none."""
    if not line:
        return str(path)
    lines = data.split(b"\n", line)
    text = lines[line - 1] if len(lines) >= line else b""
    offset = text.find(f"&{name};".encode())
    if offset < 0:
        return f"{path}:{line}"
    return f"{path}:{line}:{character_column(text[:offset])}"


def remove_with_note(element: etree._Element) -> None:
    """Remove ``element`` and the comment just before it (its note), keeping the layout of
    what is around them."""
    parent = element.getparent()
    if parent is None:
        return
    previous = _without_notes(element)
    if previous is not None:
        previous.tail = element.tail
    else:
        parent.text = element.tail
    parent.remove(element)


def _without_notes(element: etree._Element) -> etree._Element | None:
    """Remove the comments just before ``element`` (its notes); what is then before it."""
    previous = element.getprevious()
    if previous is not None and _is_comment(previous):
        remove_with_note(previous)
        previous = element.getprevious()
    return previous


def notes_of(element: etree._Element) -> list[etree._Element]:
    """The comments just before ``element`` (its notes), in the file's order."""
    notes: list[etree._Element] = []
    previous = element.getprevious()
    while previous is not None and _is_comment(previous):
        notes.insert(0, previous)
        previous = previous.getprevious()
    return notes


def replace_notes(element: etree._Element, notes: Sequence[etree._Element]) -> None:
    """Put copies of ``notes`` (another file's comments) just before ``element``, in place of
    its own notes, each on a line of its own indented as ``element`` is."""
    import copy

    parent = element.getparent()
    if parent is None:
        return
    previous = _without_notes(element)
    before = (previous.tail if previous is not None else parent.text) or ""
    indent = "\n" + before.rsplit("\n", 1)[-1] if "\n" in before else before
    for note in notes:
        placed = copy.deepcopy(note)
        placed.tail = indent
        element.addprevious(placed)


def append_copies(root: etree._Element, elements: Iterable[etree._Element]) -> None:
    """Copy ``elements`` (of another file), each with its notes (:func:`notes_of`), to the end
    of ``root``, indented as its children."""
    import copy

    last = root[-1] if len(root) else None
    closing = last.tail if last is not None else "\n"
    indent = root.text or "\n"
    nodes = [node for element in elements for node in (*notes_of(element), element)]
    for node in nodes:
        if last is not None:
            last.tail = indent
        last = copy.deepcopy(node)
        last.tail = closing
        root.append(last)


def _is_comment(node: object) -> bool:
    from lxml import etree

    return isinstance(node, etree._Comment)


def local_name(tag: object) -> str:
    """``{namespace}name`` → ``name`` (comments and processing instructions give ``""``)."""
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def lang_matches(found: str | None, expected: str) -> bool:
    """Whether language code ``found`` (a file's) is ``expected`` (the one asked for): the same
    language, one code saying no more than the other. A code without a region matches any
    region of its language, either way round: ``en-US``/``en_us`` match ``en``, and a file's
    ``de`` matches ``--tgt-lang de-DE`` (a catalog declaring the bare language serves every
    region); ``de-AT`` never matches ``de-DE``. A three-letter ISO 639-2/3 code is its
    two-letter language (memoQ's ``eng``, ``ger-DE``, ``deu`` match ``en``, ``de-DE``, ``de``);
    a form of address (:data:`FORMALITY`) is no part of the language. An empty ``expected``
    matches anything, an empty ``found`` nothing else."""
    if not expected:
        return True
    if not found:
        return False
    have, want = _subtags(found), _subtags(expected)
    shorter = min(len(have), len(want))
    return have[:shorter] == want[:shorter]


def primary_language(code: str) -> str:
    """``code``'s language alone, lower-cased, by its two-letter code where it has one:
    ``de``, ``de-DE``, ``de_AT.UTF-8``, ``deu``, ``ger-DE`` → ``de``; ``zh-Hant-TW`` → ``zh``.
    What a table of the languages' words or rules is looked up by, and what two codes compare
    by where their regions and scripts do not matter."""
    return _subtags(code)[0]


def same_language(code: str, other: str) -> bool:
    """Whether the codes ``code`` and ``other`` name one language, whatever their regions,
    scripts and code lengths (``deu``, ``de-AT``, ``de``)."""
    return primary_language(code) == primary_language(other)


def language_fit(code: str | None, wanted: str) -> int | None:
    """How closely the language code ``code`` (a TMX ``<tuv>``'s, a TBX ``langSet``'s) serves
    ``wanted``, lower being closer, or None for another language: 0 the code asked for (``de-AT``
    for ``de-AT``, ``deu`` for ``de``), 1 the language without a region (``de`` for ``de-AT``), 2
    the language's main region by CLDR's likely subtags (``de-DE`` for ``de``, ``pt-BR`` for
    ``pt``), 3 another region (``de-CH``). Of a unit or an entry holding its target language in
    several regions, the closest is read: an Austrian glossary's ``de-AT`` term, not the first
    ``langSet``'s ``de-DE`` one. An empty ``wanted`` is any language (as :func:`lang_matches`
    has it): 0."""
    if not wanted:
        return 0
    if not code:
        return None
    have, want = _subtags(code), _subtags(wanted)
    if have[0] != want[0]:
        return None
    if have == want:
        return 0
    region = _region(have)
    if region is None:
        return 1
    return 2 if region == _main_region(have[0]) else OTHER_REGION


# language_fit's rank of a code of another region than the one asked for (de-CH for de)
OTHER_REGION = 3


def _region(subtags: list[str]) -> str | None:
    """The region subtag of a code's ``subtags`` (``at`` of ``de-at``, ``419`` of ``es-419``;
    a script such as ``latn`` is none), or None."""
    return next((subtag for subtag in subtags[1:] if _is_region(subtag)), None)


def _is_region(subtag: str) -> bool:
    """Whether a subtag after the language is a region: two letters (``at``) or three digits
    (``419``)."""
    return (len(subtag) == 2 and subtag.isalpha()) or (len(subtag) == 3 and subtag.isdigit())


@functools.lru_cache(maxsize=64)
def _main_region(language: str) -> str | None:
    """The region CLDR's likely subtags give ``language`` (``de`` → ``de``, ``pt`` → ``br``),
    lower-cased; None where langcodes knows none."""
    import langcodes

    try:
        region = langcodes.Language.get(language).maximize().territory
    except ValueError:  # not a language tag langcodes knows the shape of
        return None
    return region.lower() if region else None


# a form of address asked for, which names no other language (formal German is German):
# WordPress's de_DE_formal, a POSIX locale's de_DE@formal, BCP 47's private de-DE-x-formal
FORMALITY = re.compile(r"(?:_|@|-x-)(formal|informal)$", re.IGNORECASE)


def _subtags(code: str) -> list[str]:
    """``code``'s parts, lower-cased, its language as :func:`two_letter_language` names it,
    its :data:`FORMALITY` left out: ``ger_DE.UTF-8`` → ``["de", "de", "utf", "8"]``,
    ``de_DE_formal`` → ``["de", "de"]``."""
    language, *rest = re.split(r"[-_@.]", FORMALITY.sub("", code.strip()).lower())
    return [two_letter_language(language), *rest]


@functools.lru_cache(maxsize=256)
def two_letter_language(language: str) -> str:
    """The ISO 639-1 code of a three-letter ISO 639-2/B, 639-2/T or 639-3 code (``ger``,
    ``deu`` → ``de``; ``fre``, ``fra`` → ``fr``), by langcodes' table of every language; any
    other code (``de``, a group such as ``mul``, a language without a two-letter code such as
    ``gsw``) as it is. CAT tools (memoQ) write the three-letter codes."""
    if len(language) != 3 or not language.isalpha():
        return language
    import langcodes

    try:
        found = langcodes.Language.get(language).language
    except ValueError:  # not a language tag langcodes knows the shape of
        return language
    return found if found and len(found) == 2 else language


_PAIR_HINT = "pass --src-lang/--tgt-lang to choose the pair"


def language_error(
    path: Path | str,
    found: Iterable[str],
    src_lang: str,
    tgt_lang: str,
    *,
    described: str = "",
    side: Literal["", "source", "target"] = "",
) -> LanguageError:
    """The error for a file whose languages are not the pair asked for (``described``: see
    :class:`~ltmt.errors.LanguageError`), or, with ``side``, not that side's language: then
    ``found`` are compared with that language alone, and the hint gives the code to ask for
    instead (:func:`language_hint`)."""
    languages = tuple(sorted({lang for lang in found if lang}))
    pair = (src_lang, tgt_lang)
    if not side:
        return LanguageError(str(path), languages, pair, _PAIR_HINT, described=described)
    option, wanted = ("--src-lang", src_lang) if side == "source" else ("--tgt-lang", tgt_lang)
    hint = language_hint(option, languages, wanted)
    return LanguageError(str(path), languages, pair, hint, described=described, wanted=wanted)


def language_hint(option: str, found: Iterable[str], wanted: str) -> str:
    """What to give ``option`` instead of ``wanted`` for a file whose languages are ``found``:
    where its codes of ``wanted``'s language do not all match it (:func:`lang_matches`), its one
    code, or the language alone for any region (``give --tgt-lang de-DE (or de for any
    region)``); else, the file being of other languages, the pair to choose."""
    codes = sorted({code for code in found if same_language(code, wanted)})
    if all(lang_matches(code, wanted) for code in codes):
        return _PAIR_HINT
    language = primary_language(wanted)
    if len(codes) > 1:
        return f"give {option} {language} for any region"
    return f"give {option} {canonical_code(codes[0])} (or {language} for any region)"


def canonical_code(code: str) -> str:
    """``code`` as a BCP 47 tag is written, to be given as an option: its language by
    :func:`two_letter_language`, lower-case, a script title-case, a region upper-case, a POSIX
    locale's encoding left out: ``DE-DE``, ``de_DE``, ``ger_DE.UTF-8`` → ``de-DE``;
    ``zh_hant_tw`` → ``zh-Hant-TW``."""
    language, *rest = _subtags(re.split(r"[.@]", code, maxsplit=1)[0])
    return "-".join([language, *(_subtag_case(subtag) for subtag in rest)])


def language_tag(code: str) -> str:
    """``code`` as the BCP 47 tag a file is labelled with (:func:`canonical_code`: ``en_US`` →
    ``en-US``, ``EN`` → ``en``, ISO 639-2's ``ger``/``deu`` → ``de``); ``""`` (any language) as
    it is. Raises :class:`InputError` for a code that is no language tag (``german``, ``de-!!``):
    written as given, a TMX or XLIFF file would label its text with it."""
    if not code:
        return code
    import langcodes

    tag = canonical_code(code)
    if not langcodes.tag_is_valid(tag):
        raise InputError(
            f"{code!r} is not a language code: give a BCP 47 tag such as de, en-US or de-AT"
        )
    return tag


def _subtag_case(subtag: str) -> str:
    """A lower-case subtag after the language as BCP 47 writes it: a script (four letters)
    title-case, a region (two letters, three digits) upper-case, any other lower-case."""
    if len(subtag) == 4 and subtag.isalpha():
        return subtag.title()
    if _is_region(subtag):
        return subtag.upper()
    return subtag


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` by :func:`ltmt.outputs.write_output`'s rules (a temporary file
    and a rename: never half-written; a new file gets the umask's mode, a replaced one keeps its
    mode); a missing parent directory is created."""
    from ltmt.outputs import write_output

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    write_output(path, data)


def source_file_given(path: Path, what: str, source_file: Path | None) -> Path:
    """``source_file``, which a file of one language (``path``, ``what`` it is) needs to be
    read as pairs; missing, the source-language file beside a file named for its language
    (``Resources.resx`` by ``Resources.de.resx``, as a folder run pairs them), said in a note;
    a one-line error where there is none."""
    from ltmt.formats.path_languages import source_name

    beside = source_name(path) if source_file is None else None
    if beside is not None and beside.is_file():
        logger.warning(
            "%s: read as the translation of %s beside it (no --source-file)", path, beside
        )
        return beside
    if source_file is None:
        raise InputError(
            f"{path}: {what} holds one language; give the source-language file it "
            "translates with --source-file"
        )
    return Path(source_file)
