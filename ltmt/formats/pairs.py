"""Source/target pair files: reading and writing any registered format, and the JSON Lines and
TSV formats.

    records = list(read_pairs(Path("memory.jsonl")))     # format from the extension
    write_pairs(Path("out.tsv"), records)

Which reader and writer a file gets is decided by :mod:`ltmt.formats.registry` (extension,
``fmt``, or the file's content).

- ``jsonl``: one JSON object a line with string ``source`` and ``target``; its other keys become
  the record's metadata. Blank lines are skipped. With ``include_fuzzy``, a ``translation`` key
  (where ``ltmt translate`` writes a JSONL file's machine translations, not yet reviewed) is the
  record's target where a line has one, its ``target`` (a reference) then metadata. A memory
  export's line also holds ``"ltmt_segment": {"id", "origin", "created"}``, what the store
  records of the pair (an undo of an import is scripted from it: ``ltmt memory delete
  --origin``), under a key of its own so that no metadata of the user's is overwritten (a
  ``segment`` key is theirs, and so are ``id``, a TMX ``tuid``, and an XLIFF unit's id). The
  reader leaves out only such an object (one whose keys are among id, origin and created), so
  that importing an export stores the pairs as they were; any other value stays metadata.
- ``tsv``: ``source<TAB>target`` a line, no quoting or escapes (so a text cannot hold a tab or a
  line break; the writer refuses such texts). Blank lines are skipped. A first line that names a
  source and a target column, by role or by the pair's languages as ``ltmt glossary import``
  reads a header (``source<TAB>target``, ``EN<TAB>DE``, ``English<TAB>German``, ``source<TAB>
  target<TAB>note``), is a header, no pair: the pairs are then read from those two columns and
  the others (a glossary's note) are dropped, as a CSV table's are.

Every problem is one :class:`~ltmt.errors.InputError` line naming the file and, where there is
one, the line: ``data.jsonl:7: expected a JSON object with string 'source' and 'target'``.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ltmt.errors import InputError, NoPairsError, NotMessageFileError
from ltmt.formats.common import dangling_link, not_utf8_message, primary_language
from ltmt.formats.not_read import NotRead, no_translations, none_read
from ltmt.formats.registry import (
    EXTENSIONS,
    FORMATS,
    FileFormat,
    Role,
    find_format,
    itstool_kind,
)
from ltmt.segments import PairRecord, Segment

if TYPE_CHECKING:
    from ltmt.terminology.glossary_columns import Heading


def _lines(path: Path) -> Iterator[tuple[int, str]]:
    """(line number, text without the line break) of a UTF-8 file; bad bytes name their line."""
    with open(path, "rb") as handle:
        offset = 0  # of the line in the file
        for number, raw in enumerate(handle, start=1):
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                data = path.read_bytes()
                raise InputError(not_utf8_message(data, path, offset + exc.start)) from exc
            offset += len(raw)
            if number == 1 and line.startswith("\ufeff"):
                line = line[1:]
            yield number, line.rstrip("\r\n")


def _json_problem(exc: json.JSONDecodeError) -> str:
    """``json``'s message, whole: one that ends "... starting at" gets its column."""
    return f"{exc.msg} column {exc.colno}" if exc.msg.endswith(" at") else exc.msg


def read_jsonl(path: Path, *, include_fuzzy: bool = False) -> Iterator[PairRecord]:
    """Records of a JSON Lines file (see the module docstring)."""
    target_keys = ("translation", "target") if include_fuzzy else ("target",)
    for number, line in _lines(path):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(
                f"{path}:{number}:{exc.colno}: not valid JSON ({_json_problem(exc)})"
            ) from exc
        except RecursionError:
            raise InputError(f"{path}:{number}: JSON nested too deeply") from None
        key = next(
            (k for k in target_keys if isinstance(row, dict) and isinstance(row.get(k), str)),
            None,
        )
        if key is None or not isinstance(row.get("source"), str):
            wanted = "'target' (or 'translation')" if include_fuzzy else "'target'"
            raise InputError(
                f"{path}:{number}: expected a JSON object with string 'source' and {wanted}"
            )
        metadata = {
            k: value
            for k, value in row.items()
            if k not in ("source", key) and not _stored_segment(k, value)
        }
        yield PairRecord(row["source"], row[key], f"{path.name}:{number}", metadata)


STORED_SEGMENT = "ltmt_segment"  # a JSONL export's key of what the store records of a pair
STORED_SEGMENT_FIELDS = frozenset({"id", "origin", "created"})


def _stored_segment(key: str, value: Any) -> bool:
    """Whether ``key: value`` of a JSONL line is a memory export's record of the stored segment
    (an object under :data:`STORED_SEGMENT` whose keys are among
    :data:`STORED_SEGMENT_FIELDS`), which is no metadata of the pair; any other value under
    that key is the user's and stays."""
    return (
        key == STORED_SEGMENT and isinstance(value, dict) and value.keys() <= STORED_SEGMENT_FIELDS
    )


def read_tsv(path: Path, src_lang: str = "en", tgt_lang: str = "de") -> Iterator[PairRecord]:
    """Records of a ``source<TAB>target`` file; a first line naming the columns of
    ``src_lang`` and ``tgt_lang`` is a header (:func:`_tsv_header`), whose two columns are read."""
    columns: _TsvColumns | None = None  # None until the first line is read
    for number, line in _lines(path):
        if not line.strip():
            continue
        fields = line.split("\t")
        if columns is None:
            columns = _tsv_header(fields, src_lang, tgt_lang)
            if columns is not None:
                continue
            columns = _HEADERLESS
        if not columns.fits(fields):
            raise InputError(
                f"{path}:{number}: expected {columns.expected}, found {len(fields)} field(s)"
            )
        yield PairRecord(fields[columns.source], fields[columns.target], f"{path.name}:{number}")


@dataclass(frozen=True)
class _TsvColumns:
    """Where a TSV file's rows hold the source and the target, and the ``header`` that named
    them (empty: none, every row is ``source<TAB>target``)."""

    source: int = 0
    target: int = 1
    header: tuple[str, ...] = ()

    def fits(self, fields: list[str]) -> bool:
        """Whether a row's ``fields`` hold both texts and no more fields than the header names
        (a row may leave out empty trailing ones, as spreadsheets save them)."""
        if not self.header:
            return len(fields) == 2
        return max(self.source, self.target) < len(fields) <= len(self.header)

    @property
    def expected(self) -> str:
        """What a row holds, for an error: ``source<TAB>target``, or the header's fields."""
        if not self.header:
            return "source<TAB>target"
        return f"the header's {len(self.header)} fields ({'<TAB>'.join(self.header)})"


_HEADERLESS = _TsvColumns()


def _tsv_header(fields: list[str], src_lang: str, tgt_lang: str) -> _TsvColumns | None:
    """The columns a TSV file's first line names when it is a header, else None (it is a
    pair): one field names the source and one the target, by role (``source``, ``Target
    term``, ``Source (EN)``) or as ``src_lang`` and ``tgt_lang`` (``EN``, ``de``,
    ``English``, ``Deutsch``), as :func:`ltmt.terminology.glossary_columns.heading` reads a
    glossary's header. ``Yes<TAB>Ja`` names no column of an en → de pair: a pair."""
    from ltmt.terminology.glossary_columns import heading

    sides = [_side(heading(field), src_lang, tgt_lang) for field in fields]
    if sides.count("source") != 1 or sides.count("target") != 1:
        return None
    return _TsvColumns(sides.index("source"), sides.index("target"), tuple(fields))


def _side(named: Heading, src_lang: str, tgt_lang: str) -> str | None:
    """The side of the pair a header field's heading ``named`` names: ``source`` or
    ``target`` by its role, else by its language; None for any other column."""
    if named.role in ("source", "target"):
        return named.role
    if named.role is None and named.language is not None:
        sides = {primary_language(tgt_lang): "target", primary_language(src_lang): "source"}
        return sides.get(named.language)
    return None


def write_lines(path: Path, lines: Iterable[str]) -> int:
    """Write ``lines`` (each ending in a newline) through a temporary file and a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    count = 0
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
            for line in lines:
                out.write(line)
                count += 1
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return count


def write_jsonl(path: Path, records: Iterable[PairRecord]) -> int:
    """Write ``{"source", "target", **metadata}`` a line, and for a stored segment's record
    ``"ltmt_segment": {"id", "origin", "created"}`` (see the module docstring); returns the number
    of records."""

    def lines() -> Iterator[str]:
        for record in records:
            row: dict[str, Any] = {"source": record.source, "target": record.target}
            row.update((k, v) for k, v in record.metadata.items() if k not in row)
            if record.stored is not None:
                row[STORED_SEGMENT] = _segment_fields(record.stored)
            yield json.dumps(row, ensure_ascii=False) + "\n"

    return write_lines(path, lines())


def _segment_fields(segment: Segment) -> dict[str, Any]:
    """What a JSONL export writes of a stored ``segment``: its id (``ltmt memory delete
    --id``), origin (``--origin``) and creation time (Unix seconds)."""
    return {"id": segment.id, "origin": segment.origin, "created": segment.created}


def tsv_cannot_hold(record: PairRecord) -> bool:
    """Whether a side of ``record`` holds a tab or a line break, which TSV cannot carry."""
    return any(sep in text for text in (record.source, record.target) for sep in "\t\n\r")


def write_tsv(path: Path, records: Iterable[PairRecord], **_: Any) -> int:
    """Write ``source<TAB>target`` a line, no header (the pair's languages, which the reader
    takes for a header's, are not written); a text with a tab or line break is an
    InputError."""

    def lines() -> Iterator[str]:
        for number, record in enumerate(records, start=1):
            if tsv_cannot_hold(record):
                where = record.position or f"record {number}"
                raise InputError(
                    f"{path}: cannot write {where} as TSV: it holds a tab or a line break; "
                    "use jsonl"
                )
            yield f"{record.source}\t{record.target}\n"

    return write_lines(path, lines())


def pair_format(path: Path, fmt: str | None = None, role: Role = "read") -> str:
    """The format name for ``path`` (see :func:`ltmt.formats.registry.find_format`)."""
    return find_format(path, fmt, role=role).name


def read_pairs(path: Path, fmt: str | None = None, **options: Any) -> Iterator[PairRecord]:
    """The records of ``path`` in format ``fmt`` (default: from the extension).

    A missing file, an unknown format and a file without any pair are InputErrors; the first
    two are raised here, before iteration, the others while reading.
    """
    path = Path(path)
    reader = find_format(path, fmt, role="read").reader()
    refuse_an_unreadable_file(path)
    left_out = (
        "untranslated ones" if options.get("include_fuzzy") else "untranslated and fuzzy ones"
    )
    with _read_not_translated():
        records = reader(path, **options)
    return _nonempty(path, records, left_out, options.get("not_read"))


@contextmanager
def _read_not_translated() -> Iterator[None]:
    """A file that holds no message file of its format (a JSON file whose top level is a
    list) said as a command that reads it says it: ``ltmt cannot read it``, not ``translate``."""
    try:
        yield
    except NotMessageFileError as error:
        raise error.not_translating() from None


def refuse_an_unreadable_file(path: Path) -> None:
    """An :class:`InputError` where ``path`` is missing (or a link to a missing file) or is no
    regular file: said before its format is looked for, which a missing file's extension
    (``.tmxx``, a typo) would send the user to ``--format`` for."""
    if not path.exists():
        raise InputError(dangling_link(path) or f"{path}: file not found")
    if not path.is_file():
        raise InputError(f"{path}: not a regular file (a pipe?); give - for standard input")


def read_translations(
    path: Path,
    fmt: str | None = None,
    *,
    source_file: Path | None = None,
    src_lang: str = "en",
    tgt_lang: str = "de",
    include_fuzzy: bool = False,
    skip_keys: frozenset[str] = frozenset(),
    check_declared: bool = True,
    not_read: NotRead | None = None,
    purpose: str = "imported",
    columns: str | None = None,
    extras_reported: bool = False,
) -> Iterator[PairRecord]:
    """The pairs of a translated file of any format: :func:`read_pairs` with the format's
    language options, and for a file holding one language (Android, .properties, subtitles
    ...) paired with ``source_file``, the source-language file it translates (refused for a
    file that holds both). ``include_fuzzy``: translations not yet reviewed too, where the
    format marks them (PO, XLIFF, Qt, Xcode catalogs). ``skip_keys``: names of keys whose
    strings are identifiers, not text, which make no pairs (JSON; refused for a format with no
    keys to name). Without ``check_declared``, the languages a file declares (a PO
    ``Language`` header) are not checked against the pair: its pairs are read as that pair.
    ``not_read``: where the reader counts the entries it left out instead of warning
    (:mod:`ltmt.formats.not_read`). ``purpose``: what the pairs are read for, as a warning
    says it of the strings left out (``imported``, ``checked``). ``columns``: a CSV table's
    pairs of columns (``--columns "Line A=Line B"``). ``extras_reported``: the strings only
    the translation has are reported by the caller, not warned of (``ltmt qa``)."""
    from ltmt.formats.csv_columns import translates_in_place
    from ltmt.formats.keyed_catalog import ONE_LANGUAGE_FILES

    refuse_an_unreadable_file(Path(path))
    _refuse_an_itstool_page(Path(path), fmt, source_file, purpose)
    spec = find_format(path, fmt, role="read")
    in_place = spec.chooses_columns and columns is not None and translates_in_place(columns)
    if source_file is not None and not spec.one_language and not in_place:
        # (a CSV table translated in place holds one language, read against its source table
        # by the columns translated: ltmt.formats.csv_table.read_csv_table)
        holds = f"{spec.name.upper()}, which holds both"
        if spec.name == "csv":
            holds = (
                'a CSV table, whose pairs are read from two of its columns (--columns "SOURCE='
                'TARGET"), not from another file; for a table translated in place, name the '
                'columns translated as ltmt translate did (--columns "Title,Body (HTML)")'
            )
        raise InputError(f"--source-file is for {ONE_LANGUAGE_FILES}; {path} is {holds}")
    if source_file is not None and fmt is None:
        _refuse_another_format(path, spec, Path(source_file))
    if skip_keys and not spec.skips_keys:
        raise InputError(
            f"{path}: keys to skip are names in JSON and YAML files, not in a {spec.description}; "
            "leave them out for it"
        )
    options = spec.reader_options(
        src_lang,
        tgt_lang,
        source_file=source_file,
        include_fuzzy=include_fuzzy,
        skip_keys=skip_keys,
        check_declared=check_declared,
        not_read=not_read,
        purpose=purpose,
        columns=columns,
        extras_reported=extras_reported,
    )
    return read_pairs(path, fmt, **options)


def _refuse_an_itstool_page(
    path: Path, fmt: str | None, source_file: Path | str | None, purpose: str
) -> None:
    """A one-line InputError where ``path`` (no ``fmt`` given) or its ``source_file`` is a
    DocBook or Mallard page (by its extension or root): what to import or check instead, the
    PO catalog it was translated through. A DocBook source file was called "Android string
    resources", and a DocBook manual.xml to import "an Android string resource file"."""
    for file in (path if fmt is None else None, source_file):
        kind = itstool_kind(Path(file)) if file is not None else None
        if kind is not None:
            recipe = kind.qa_recipe() if purpose == "checked" else kind.import_recipe()
            raise InputError(f"{file}: {recipe}")


def _refuse_another_format(path: Path, spec: FileFormat, source_file: Path) -> None:
    """A one-line error where ``source_file`` is, by its extension, a file of another format
    than ``path`` (of ``spec``): the translation's reader reads its source as its own format,
    and said the source was misnamed (``video.vtt: a WebVTT file, not SubRip; rename it .vtt``
    for the source of a ``.srt``)."""
    other = EXTENSIONS.get(source_file.suffix.lower())
    if other is None or other == spec.name:
        return
    raise InputError(
        f"{path} ({_kind(spec)}) and its source file {source_file} ({_kind(FORMATS[other])}) "
        f"are of different formats; give a source file of the translation's format "
        f"({spec.extensions[0]})"
    )


def _kind(spec: FileFormat) -> str:
    """What a file of ``spec`` is, its examples left out: ``SubRip subtitles``."""
    return spec.description.split(" (")[0]


def drain(records: list[PairRecord]) -> Iterator[PairRecord]:
    """The records of ``records`` in order, each taken out of the list as it is handed on: a
    file read whole (so that a bad line writes nothing) need not be held twice while an import
    keeps its pairs (``records`` is empty once this is exhausted)."""
    records.reverse()
    while records:
        yield records.pop()


def _nonempty(
    path: Path, records: Iterator[PairRecord], left_out: str, not_read: NotRead | None
) -> Iterator[PairRecord]:
    """``records``, or a :class:`NoPairsError` where there are none: that the file holds no
    translations where ``not_read`` counted its entries untranslated (an untranslated export
    imported by mistake), how many it left out and why where it counted others
    (:func:`~ltmt.formats.not_read.none_read`), else that it is empty or holds no translated
    entries."""
    empty = True
    with _read_not_translated():
        for record in records:
            empty = False
            yield record
    if empty and (untranslated := no_translations(path, not_read)) is not None:
        raise NoPairsError(untranslated)
    if empty and (reasons := none_read(path, not_read)) is not None:
        raise NoPairsError(reasons)
    if empty:
        raise NoPairsError(
            f"{path}: no segments found (an empty file, or no translated entries: {left_out} "
            "are not read)"
        )


def write_pairs(
    path: Path, records: Iterable[PairRecord], fmt: str | None = None, **options: Any
) -> int:
    """Write ``records`` to ``path`` in format ``fmt`` (default: from the extension)."""
    return find_format(path, fmt, role="write").writer()(Path(path), records, **options)


def pairs_left_out(fmt: str, read: int, written: int) -> int:
    """How many of ``read`` records a ``fmt`` file that :func:`write_pairs` wrote with a count
    of ``written`` left out: those with a control character in an XML format, which cannot
    carry one. A PO catalog's count is of entries (a message's plural forms are one), so a
    smaller one loses nothing."""
    return read - written if find_format(None, fmt, role="write").is_xml else 0
