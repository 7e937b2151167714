"""Salesforce Translation Workbench files (``.stf``): ``Source_de_2026-11-30_0915.stf``,
``Untranslated_de_...stf``, ``Bilingual_de_...stf``, as Setup → Translation Workbench → Export
writes them.

A file is UTF-8 (Salesforce exports nothing else); lines that begin with ``#`` are comments,
ignored on import. A header of ``Name: value`` lines names the language (``Language code:
de``) and the file's kind (``Type: Source``, ``Untranslated`` or ``Bilingual``); section lines
of dashes (``------------------TRANSLATED-------------------``, ``---...OUTDATED AND
UNTRANSLATED---...``) divide a Bilingual file. A row is tab-separated: ``KEY<TAB>LABEL`` in a
Source or Untranslated file and in a Bilingual file's untranslated section,
``KEY<TAB>LABEL<TAB>TRANSLATION<TAB>OUT OF DATE`` in its translated section, where ``*`` marks
a translation whose label changed since and ``-`` a current one. A tab, a line feed and a
carriage return in a label are written ``\\t``, ``\\n`` and ``\\r``; quotes mean nothing.
(Salesforce Help, "Source Translation Files", "Bilingual Translation Files" and the Translation
Workbench Export and Import Quick Start Guide; the comments each exported file begins with.)

``ltmt translate X.stf -o Y.stf`` writes the file Salesforce imports: a Source or Untranslated
file with its LABEL column translated, as Salesforce asks translators to edit it; a Bilingual
file with each empty TRANSLATION cell and each out-of-date row's filled (its ``*`` kept for the
reviewer), and the untranslated section's LABEL column translated, as the file's own comment
says. Every other byte is the input's: header, comments, keys (each row's context, never
translated), tabs, line ends and byte order mark. ``ltmt memory import Bilingual.stf`` reads the
translated section's current rows; the out-of-date and untranslated ones are counted as not
read. A custom field's label (a ``….FieldLabel`` key) may be 40 characters long in Salesforce:
a longer translation is noted (:mod:`ltmt.formats.size_limits`), and ``ltmt qa`` says so.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ltmt.errors import InputError
from ltmt.formats.common import atomic_write, read_bytes, same_language, utf8_text
from ltmt.formats.documents import Unit
from ltmt.formats.not_read import NotRead
from ltmt.formats.size_limits import LengthsChecked
from ltmt.segments import PairRecord
from ltmt.wording import counted

logger = logging.getLogger(__name__)

WHAT = "a Salesforce Translation Workbench file"
KINDS = ("Source", "Untranslated", "Bilingual")
FIELD_LABEL_LIMIT = 40  # characters: Salesforce's limit on a custom field's label
OUT_OF_DATE = "*"
_HEADER = re.compile(r"(?P<name>[A-Za-z][A-Za-z ]*):\s*(?P<value>.*)")
_HEADER_NAMES = frozenset({"language code", "type"})  # the lines a file begins with
_HEAD_BYTES = 65536  # what is read of a file to tell whether it begins so (its comments first)
_ESCAPED = {"\\t": "\t", "\\n": "\n", "\\r": "\r"}
_ESCAPES = re.compile(r"\\[tnr]")
_TO_ESCAPE = {value: key for key, value in _ESCAPED.items()}


def unescaped(cell: str) -> str:
    """A cell's text with ``\\t``, ``\\n``, ``\\r`` as the characters they stand for."""
    return _ESCAPES.sub(lambda found: _ESCAPED[found.group()], cell)


def escaped(text: str) -> str:
    """``text`` as a cell: its tabs, line feeds and carriage returns written as escapes."""
    return re.sub("[\t\n\r]", lambda found: _TO_ESCAPE[found.group()], text)


@dataclass(frozen=True)
class StfRow:
    """A row of labels: its ``line`` number, its ``cells`` (KEY, LABEL[, TRANSLATION[, OUT OF
    DATE]]) as written, and ``end``, the line end after them."""

    line: int
    cells: tuple[str, ...]
    end: str

    @property
    def key(self) -> str:
        return self.cells[0]

    @property
    def label(self) -> str:
        return unescaped(self.cells[1])

    @property
    def has_translation_cell(self) -> bool:
        return len(self.cells) > 2

    @property
    def translation(self) -> str:
        return unescaped(self.cells[2]) if self.has_translation_cell else ""

    @property
    def out_of_date(self) -> bool:
        return len(self.cells) > 3 and self.cells[3].strip() == OUT_OF_DATE

    def written(self, text: str | None) -> str:
        """This row with ``text`` in its TRANSLATION cell (its LABEL cell where it has none);
        as written where ``text`` is None."""
        cells = list(self.cells)
        if text is not None:
            cells[2 if self.has_translation_cell else 1] = escaped(text)
        return "\t".join(cells) + self.end


@dataclass
class StfFile:
    """A file read: ``parts``, each line as written or a :class:`StfRow`; its ``kind`` and
    ``language`` (the header's)."""

    parts: list[str | StfRow]
    kind: str
    language: str

    @property
    def rows(self) -> list[StfRow]:
        return [part for part in self.parts if isinstance(part, StfRow)]


def is_stf(path: Path) -> bool:
    """Whether the file ``path`` begins as a Translation Workbench file does
    (:func:`_has_header`): a ``.stf`` file that does not (``title = "My notes"``) is another
    format's, which ``--format`` names and its translation's name may keep the extension of."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(_HEAD_BYTES)
    except OSError:
        return False
    return _has_header(head.decode("utf-8", errors="replace"))


def _has_header(text: str) -> bool:
    """Whether ``text`` has its ``Language code:`` and ``Type:`` lines before any other line
    but comments, blank and section lines (before its first row)."""
    names: set[str] = set()
    for line in text.splitlines():
        bare = line.lstrip("\ufeff").strip()
        if not bare or bare.startswith("#") or bare.startswith("---"):
            continue
        found = _HEADER.fullmatch(bare) if "\t" not in line else None
        if found is None:
            return False
        names.add(found.group("name").strip().lower())
        if names >= _HEADER_NAMES:
            return True
    return False


def parse_stf(path: Path) -> StfFile:
    """The file ``path``; an :class:`InputError` where it is no Translation Workbench file."""
    text = utf8_text(read_bytes(path, WHAT), path)
    if not _has_header(text):
        raise InputError(
            f"{path}: not {WHAT} (no 'Language code:' and 'Type:' lines at its top); "
            "pass --format to read it as another format"
        )
    parts: list[str | StfRow] = []
    header: dict[str, str] = {}
    for number, line in enumerate(text.splitlines(keepends=True), 1):
        body = line.rstrip("\r\n")
        bare = body.lstrip("\ufeff").strip()
        if not bare or bare.startswith("#") or bare.startswith("---"):
            parts.append(line)
        elif "\t" in body:
            parts.append(StfRow(number, tuple(body.split("\t")), line[len(body) :]))
        elif (found := _HEADER.fullmatch(bare)) is not None:
            header[found.group("name").strip().lower()] = found.group("value").strip()
            parts.append(line)
        else:
            raise InputError(
                f"{path}:{number}: not a line of {WHAT} (KEY<TAB>LABEL, a # comment or a "
                f"header line): {bare[:60]}; keep the tabs between its columns"
            )
    kind = header.get("type", "")
    if "language code" not in header or kind not in KINDS:
        raise InputError(
            f"{path}: not {WHAT}: its header lacks 'Language code:' or a 'Type:' of "
            f"{', '.join(KINDS)}; export the file again from Translation Workbench"
        )
    return StfFile(parts, kind, header["language code"])


def field_limit(key: str) -> int | None:
    """The length limit in characters of the label of ``key``: a custom field's label's."""
    return FIELD_LABEL_LIMIT if key.endswith(".FieldLabel") else None


class StfDocument(LengthsChecked):
    """A ``.stf`` file whose labels are translated (module docstring); a unit is keyed by its
    row's line number, its context the row's KEY."""

    format = "stf"
    what_is_filled = "row"

    def __init__(self, path: Path, stf: StfFile) -> None:
        super().__init__()
        self.path = Path(path)
        self.stf = stf
        self._rows = {str(row.line): row for row in stf.rows}
        self.over_limit: dict[str, str] = {}

    @classmethod
    def open(cls, path: Path, tgt_lang: str | None = None, **_: Any) -> StfDocument:
        stf = parse_stf(Path(path))
        if tgt_lang and not same_language(stf.language, tgt_lang):
            # a Source file names the org's default language until the admin sets it
            logger.warning(
                "%s: its header says 'Language code: %s', the language Salesforce imports it "
                "into; set it to the target language's code (%s) before importing the translation",
                path, stf.language, tgt_lang,
            )  # fmt: skip
        return cls(Path(path), stf)

    def units(self) -> list[Unit]:
        return [
            Unit(str(row.line), row.label, row.key) for row in self.stf.rows if row.label.strip()
        ]

    def pending(self, overwrite: bool = False) -> list[Unit]:
        return [
            unit
            for unit in self.units()
            if overwrite
            or (unit.key not in self.translations and self._needs_translation(self._rows[unit.key]))
        ]

    def _needs_translation(self, row: StfRow) -> bool:
        """Whether ``row`` lacks a current translation: a Source or Untranslated file's and an
        untranslated section's rows (no TRANSLATION cell), an empty or out-of-date one's."""
        return not row.translation.strip() or row.out_of_date

    def limit_at(self, key: str) -> tuple[int | None, str]:
        row = self._rows[key]
        return field_limit(row.key), f"{row.key} (line {row.line})"

    def over_limit_said(self, count: int) -> str:
        return (
            f"{counted(count, 'field label')} translated longer than Salesforce's "
            f"{FIELD_LABEL_LIMIT} characters"
        )

    def save(self, out_path: Path) -> None:
        text = "".join(
            part if isinstance(part, str) else part.written(self.translations.get(str(part.line)))
            for part in self.stf.parts
        )
        atomic_write(Path(out_path), text.encode("utf-8"))


def read_stf(path: Path, not_read: NotRead | None = None) -> Iterator[PairRecord]:
    """The current translations of a Bilingual ``.stf`` file as pairs (each row's KEY its
    context); out-of-date and untranslated rows are counted into ``not_read`` (without one,
    said in a warning)."""
    stf = parse_stf(Path(path))
    if stf.kind != "Bilingual":
        raise InputError(
            f"{path}: a {stf.kind} .stf file holds no translations to read; export a Bilingual "
            "file from Translation Workbench and read that"
        )
    left_out = NotRead()
    for row in stf.rows:
        if row.out_of_date:
            left_out.add("out of date")
        elif not row.translation.strip() or not row.label.strip():
            left_out.add("untranslated")
        else:
            metadata: dict[str, Any] = {"context": row.key}
            limit = field_limit(row.key)
            if limit is not None:  # (qa's length check)
                metadata["max_length"] = limit
            yield PairRecord(row.label, row.translation, f"{path}:{row.line}", metadata)
    if not_read is not None:
        for reason, count in left_out.by_reason().items():
            not_read.add(reason, count)
    elif left_out.counts:
        said = ", ".join(f"{count} {reason}" for reason, count in left_out.by_reason().items())
        logger.warning("%s: rows not read: %s", path, said)
