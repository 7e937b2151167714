"""Uploads and downloads: memory files (TMX, PO, XLIFF, jsonl, tsv; the one-language files,
Android, Java properties, JSON, YAML, Fluent ..., beside their source file) and documents to
translate (those, and Qt Linguist, Xcode catalogs, subtitles: :data:`DOCUMENT_MEDIA_TYPES`).

The file pipeline of the CLI works on paths, so an upload is written under its own (sanitised)
name, which its format and the names a file records come from, to a private folder of the
memory store's (:func:`ltmt.memory.work_folders.work_folder`: mode 0700, never the system's
temporary folder; what a killed server left there is removed when the store is next opened),
read there with the same readers and checks as ``ltmt memory import`` / ``ltmt translate``, and
removed afterwards.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from urllib.parse import quote

from ltmt.errors import ChoiceError, InputError, LanguageError
from ltmt.formats.documents import document_format
from ltmt.formats.fluent_written import exported_record
from ltmt.formats.keyed_catalog import ONE_LANGUAGE_FILES
from ltmt.formats.not_read import NotRead
from ltmt.formats.pair_languages import check_pair_languages
from ltmt.formats.pairs import (
    drain,
    pair_format,
    pairs_left_out,
    read_pairs,
    tsv_cannot_hold,
    write_pairs,
)
from ltmt.formats.pipeline import CHUNK_SIZE, RunResult, translate_file
from ltmt.formats.registry import FORMATS, output_name_problem
from ltmt.formats.unit_translation import ExactFn, TranslateFn
from ltmt.memory.import_checks import suspect_pairs
from ltmt.memory.origins import with_shown_origins
from ltmt.memory.report import ImportReport
from ltmt.memory.shifted_files import refuse_shifted_file
from ltmt.memory.store import Memory
from ltmt.memory.work_folders import work_folder
from ltmt.memory.write_fences import WriteFence
from ltmt.segments import PairRecord
from ltmt.server import request_warnings
from ltmt.server.upload_origins import new_upload_id, upload_origin

MEDIA_TYPES = {
    "jsonl": "application/jsonl",
    "tsv": "text/tab-separated-values",
    "csv": "text/csv",
    "tmx": "application/x-tmx+xml",
    "po": "text/x-gettext-translation",
    "xliff": "application/xliff+xml",
    "xliff2": "application/xliff+xml",
}
# documents the server translates, and the media type of what it answers
DOCUMENT_MEDIA_TYPES = {
    "txt": "text/plain; charset=utf-8",
    "paragraphs": "text/plain; charset=utf-8",
    "csv": MEDIA_TYPES["csv"],
    "po": MEDIA_TYPES["po"],
    "xliff": MEDIA_TYPES["xliff"],
    "ts": "text/vnd.trolltech.linguist",
    "xcstrings": "application/json",
    "android": "application/xml",
    "properties": "text/x-java-properties",
    "json": "application/json",
    "strings": "application/octet-stream",  # UTF-8 or UTF-16, as the upload was
    "stringsdict": "application/x-plist",
    "yaml": "application/yaml",
    "ftl": "text/plain",  # Fluent has no registered media type
    "md": "text/markdown",
    "html": "text/html",
    "epub": "application/epub+zip",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "resx": "application/xml",
    "srt": "application/x-subrip",
    "vtt": "text/vtt",
    "odf": "application/vnd.oasis.opendocument.text",  # by extension: media_type()
}


def document_media_types() -> list[str]:
    """Every media type a translated document is answered with (:func:`media_type`)."""
    from ltmt.formats.opendocument import MEDIA_TYPES as OPENDOCUMENT

    return [*DOCUMENT_MEDIA_TYPES.values(), *OPENDOCUMENT.values()]


def media_type(kind: str, name: str) -> str:
    """The media type of a translated document of format ``kind`` named ``name``."""
    if kind == "odf":  # a text's, a spreadsheet's ... by its extension
        from ltmt.formats.opendocument import MEDIA_TYPES

        return MEDIA_TYPES.get(Path(name).suffix.lower(), DOCUMENT_MEDIA_TYPES[kind])
    return DOCUMENT_MEDIA_TYPES[kind]


_DOCUMENT_NAMES = (
    "plain text, PO, XLIFF, CSV tables, Qt Linguist, Xcode string catalogs, Apple .strings and "
    ".stringsdict, Android strings.xml, Java properties, .NET .resx, JSON, YAML and Fluent "
    "message files, Markdown documents, HTML pages, EPUB books, Word documents, PowerPoint "
    "presentations, Excel workbooks, OpenDocument files and subtitles"
)


def document_extensions() -> list[str]:
    """The file extensions of the formats translated here (:data:`DOCUMENT_MEDIA_TYPES`)."""
    return [ext for kind in DOCUMENT_MEDIA_TYPES for ext in FORMATS[kind].extensions]


# what a name loses: all but letters and digits of any script (\w, "_" too) and the marks that
# names hold and that a file system, a URL's path and a quoted header take as they are (Office's
# owner file ~$flyer.docx, notes (v2)+@team.md)
_UNSAFE = re.compile(r"[^\w.~$()+@-]+")


def safe_name(filename: str | None, fallback: str) -> str:
    """A plain file name from an upload's name: no directories, no odd characters (letters and
    digits of any script stay: ``файл.txt``, and so do ``~$()+@``: the errors about an upload
    name the file the user sent), its extension kept (a name of odd characters alone is
    ``fallback`` with it)."""
    name = _UNSAFE.sub("_", unicodedata.normalize("NFC", Path(filename or "").name))
    stem, dot, extension = name.rpartition(".")
    if not dot:
        stem, extension = name, ""
    stem, extension = stem.strip("._")[:100], extension.strip("._")[:20]
    if not stem:
        return f"{fallback}.{extension}" if extension else fallback
    return f"{stem}.{extension}" if extension else stem


def attachment(name: str) -> str:
    """A ``Content-Disposition`` value that offers the download as ``name`` (RFC 6266: an
    ASCII ``filename`` for old clients, ``filename*`` in UTF-8 for the rest)."""
    plain = name.encode("ascii", "replace").decode("ascii").replace("?", "_").replace('"', "_")
    if plain == name:
        return f'attachment; filename="{name}"'
    return f"attachment; filename=\"{plain}\"; filename*=UTF-8''{quote(name, safe='')}"


@contextmanager
def upload_path(name: str, content: bytes, store: Path) -> Iterator[Path]:
    """The upload as a file ``name`` in a work folder of memory store ``store`` (module
    docstring); its errors and warnings name the upload, not the server's path (nor
    command-line options)."""
    with work_folder(store) as folder:
        path = folder / name
        path.write_bytes(content)
        shown_as(folder, ".")
        shown_as(path, name)
        try:
            yield path
        except LanguageError as exc:  # its hint is for the command line
            raise InputError(
                f"{name}: {exc.languages}; this server translates {exc.pair[0]}->{exc.pair[1]} only"
            ) from exc
        except InputError as exc:  # nor the command line's --format: the form's field
            message = str(exc).replace(str(path), name).replace(str(folder), ".")
            raise InputError(message.replace("pass --format", "send the format field")) from exc


def shown_as(path: Path, name: str) -> None:
    """Write ``path`` as ``name`` in the warnings of the request being served, if any
    (:mod:`ltmt.server.request_warnings`)."""
    warnings = request_warnings.current()
    if warnings is not None:
        warnings.name(str(path), name)


def _languages(fmt: str, source: str, target: str) -> dict[str, str]:
    """The language options of ``fmt``'s reader or writer (formats whose files name them)."""
    return FORMATS[fmt].language_options(source, target)


def import_upload(
    memory: Memory,
    user: str,
    filename: str | None,
    content: bytes,
    fmt: str | None,
    languages: tuple[str, str],
    source: tuple[str | None, bytes] | None = None,
    *,
    language_check: bool = True,
    skip_keys: frozenset[str] = frozenset(),
    fence: WriteFence | None = None,
    upload_id: str | None = None,
) -> tuple[str, ImportReport]:
    """Import an uploaded pairs file into ``user``'s memory, under an origin of its own, which
    is returned with the report (:func:`~ltmt.server.upload_origins.upload_origin` of its safe
    name and ``upload_id``, a new one where None): the whole file is read and checked
    first (a malformed one, or with ``language_check`` one whose sides read as other languages
    than ``languages``, writes nothing), then stored in one transaction. ``source``: the name
    and bytes of the source-language file a one-language file (Android, Java properties, JSON)
    translates; ``skip_keys``: a JSON file's keys whose strings make no pairs. The file's
    entries that were not read as pairs (fuzzy, untranslated) are counted in the report's
    ``not_read``. ``fence``: the request's (:mod:`ltmt.memory.write_fences`)."""
    not_read = NotRead()
    name, records = upload_records(
        filename,
        content,
        fmt,
        languages,
        source,
        store=memory.path,
        skip_keys=skip_keys,
        check_declared=language_check,
        not_read=not_read,
    )
    if language_check:
        check_pair_languages(name, records, *languages, "language_check=false")
    if source is not None:  # a plain-text file one line off its source (trial s76)
        kind = pair_format(Path(name), fmt)
        against = f"{safe_name(source[0], 'source')}'s"
        refuse_shifted_file(name, against, kind, records, "import")
    _warn_of_suspects(records, memory, name, fmt)
    origin = upload_origin(name, upload_id or new_upload_id())
    report = memory.import_pairs(  # a key made the user: ``keys create`` warned of a typo
        user, drain(records), origin=origin, languages=languages, warn_new_user=False, fence=fence
    )
    return origin, replace(report, not_read=not_read.by_reason())


def _warn_of_suspects(
    records: list[PairRecord], memory: Memory, name: str, fmt: str | None
) -> None:
    """Add to the request's warnings the pairs of ``records`` (an upload named ``name``) whose
    placeholders, markup, numbers or encoding disagree, one warning a kind, as ``ltmt memory
    import`` warns of a file's (:func:`ltmt.memory.import_checks.suspect_pairs`; trial s77: the
    API stored ``Ships in 2 days`` as ``Versand in 5 Tagen`` and answered no warning)."""
    warnings = request_warnings.current()
    if warnings is None:
        return
    try:  # as ltmt qa reads the strings: a .resx file's {{ words }} are no field
        syntax = FORMATS[pair_format(Path(name), fmt)].strings_syntax()
    except InputError:
        syntax = ""
    for kind in suspect_pairs(records, memory.clean, syntax):
        warnings.add(kind.warning("imported", None))


def upload_records(
    filename: str | None,
    content: bytes,
    fmt: str | None,
    languages: tuple[str, str],
    source: tuple[str | None, bytes] | None = None,
    *,
    store: Path,
    include_fuzzy: bool = False,
    skip_keys: frozenset[str] = frozenset(),
    check_declared: bool = True,
    not_read: NotRead | None = None,
) -> tuple[str, list[PairRecord]]:
    """The upload's safe name and its pairs, read whole (see :func:`import_upload`) in a work
    folder of memory store ``store``; ``include_fuzzy``: translations not yet reviewed too,
    where the format marks them; ``skip_keys``: keys whose strings make no pairs (JSON; refused
    for another format); ``check_declared``: the languages a file declares (a PO ``Language``
    header) are checked, and ``not_read`` counts the entries left out
    (:func:`ltmt.formats.pairs.read_translations`)."""
    name = safe_name(filename, "upload")
    with upload_path(name, content, store) as path:
        kind = pair_format(path, fmt)
        spec = FORMATS[kind]
        if source is None and spec.one_language_file(path):
            raise InputError(
                f"{name}: {kind} files hold one language; upload the source-language file "
                "it translates as source_file"
            )
        if source is not None and not spec.one_language:
            raise InputError(f"{name}: source_file is for {ONE_LANGUAGE_FILES}, not {kind}")
        if skip_keys and not spec.skips_keys:
            raise InputError(f"{name}: skip_keys names keys of JSON and YAML files, not of {kind}")
        source_file = _beside(path, source) if source is not None else None
        options = spec.reader_options(
            *languages,
            source_file=source_file,
            include_fuzzy=include_fuzzy,
            skip_keys=skip_keys,
            check_declared=check_declared,
            not_read=not_read,
        )
        records = list(read_pairs(path, kind, **options))
    # positions name the upload, not the server's work file
    return name, [replace(r, position=r.position.replace(str(path), name)) for r in records]


def _beside(path: Path, upload: tuple[str | None, bytes]) -> Path:
    """A second upload written in ``path``'s work folder, under a name of its own."""
    name = safe_name(upload[0], "source")
    second = path.with_name(name if name != path.name else f"source-{name}")
    second.write_bytes(upload[1])
    return second


def _named_as(name: str, kind: str) -> str:
    """``name`` with an extension of format ``kind`` where ``ltmt translate`` would refuse it
    as the name of a ``kind`` output (:func:`ltmt.formats.registry.output_name_problem`: the
    format field named another format than the name's, ``notes.txt`` sent as docx:
    ``notes.docx``); as it is otherwise."""
    spec = FORMATS[kind]
    if output_name_problem(Path(name), spec, None) is None:
        return name
    return Path(name).stem + (spec.extensions or FORMATS[spec.files_of].extensions)[0]


def export_name(user: str, fmt: str) -> str:
    """The name an export of ``user``'s memory in ``fmt`` is offered as: its format's extension
    (``u.xliff`` for ``xliff2``, which has none of its own, so an import reads it by name)."""
    spec = FORMATS[fmt]
    extensions = spec.extensions or FORMATS[spec.files_of].extensions
    return f"{user}{extensions[0]}"


def export_memory(memory: Memory, user: str, fmt: str, languages: tuple[str, str]) -> bytes:
    """Every segment of ``user`` as a file in format ``fmt``."""
    if fmt not in MEDIA_TYPES:
        raise ChoiceError(f"unknown export format {fmt!r}; choose one of {', '.join(MEDIA_TYPES)}")

    with work_folder(memory.path) as folder:
        path = folder / export_name(user, fmt)  # an XLIFF file records it (<file original=...>)
        # a key's user with nothing stored has no origins (origin_shares refuses it): an
        # empty export, as the README says
        held = memory.origin_shares(user) if memory.count(user) else {}
        stored = with_shown_origins(memory.segments(user), held)
        records = [exported_record(segment, fmt) for segment in stored]
        if fmt == "tsv" and (tabbed := sum(map(tsv_cannot_hold, records))):
            raise InputError(  # all of them counted, as XML's are below, not the first named
                f"{tabbed} of the {len(records)} pairs of {user} cannot be written as tsv (they "
                "hold a tab or a line break); export as jsonl, which keeps every pair"
            )
        try:
            written = write_pairs(path, records, fmt, **_languages(fmt, *languages))
        except InputError as exc:  # the answer names the download, not the server's files
            raise InputError(str(exc).replace(str(path), path.name)) from exc
        if missing := pairs_left_out(fmt, len(records), written):  # a backup must not lose
            raise InputError(  # pairs unsaid (the writer names them in the server's log)
                f"{missing} of the {len(records)} pairs of {user} cannot be written as {fmt} "
                "(they hold control characters, which XML cannot carry); export as jsonl, "
                "which keeps every pair"
            )
        return path.read_bytes()


def translate_upload(
    filename: str | None,
    content: bytes,
    fmt: str | None,
    translate: TranslateFn,
    languages: tuple[str, str],
    *,
    store: Path,
    overwrite: bool,
    mark_fuzzy: bool,
    translation: tuple[str | None, bytes] | None = None,
    exact: ExactFn | None = None,
) -> tuple[str, str, bytes, RunResult]:
    """Fill the untranslated entries of an uploaded PO or XLIFF file, or translate an Android
    or JSON file into the target language's (``translation``: the name and bytes of its
    translation so far, whose strings are kept; ``exact``: the 100 % memory matches that
    replace a translation that is only a suggestion, a PO entry marked fuzzy); returns its
    name, its format, the translated file and what was done. The upload and its translation
    are written in a work folder of memory store ``store``."""
    name = safe_name(filename, "document")
    with upload_path(name, content, store) as source:
        kind = document_format(source, fmt)
        if kind not in DOCUMENT_MEDIA_TYPES:
            raise InputError(f"{name}: only {_DOCUMENT_NAMES} can be translated here, not {kind}")
        written = _named_as(name, kind)
        output = source.with_name(f"translated-{written}")
        shown_as(output, written)
        if translation is not None:
            if not FORMATS[kind].one_language:
                raise InputError(f"{name}: translation is for {ONE_LANGUAGE_FILES}, not {kind}")
            _beside(source, translation).rename(output)
        result = translate_file(
            source,
            output,
            translate,
            fmt=kind,
            src_lang=languages[0],
            tgt_lang=languages[1],
            overwrite=overwrite,
            mark_fuzzy=mark_fuzzy,
            resume=False,
            first_chunk_size=CHUNK_SIZE,  # nothing continues an upload: small ones only slow it
            exact=exact,
        )
        return written, kind, output.read_bytes(), result
