"""What ``ltmt translate`` is asked to do, checked (and the input read) before the model loads:
the input and its format, the output, the language pair against the model's."""

from __future__ import annotations

import errno
import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ltmt.cli.json_output import warn
from ltmt.errors import InputError, LanguageError
from ltmt.formats.common import LineShape
from ltmt.paths import resolved
from ltmt.wording import counted, with_article

if TYPE_CHECKING:
    from ltmt.formats.registry import FileFormat


@dataclass
class Job:
    """What to translate and where to, checked before the model loads."""

    path: Path | None
    spec: FileFormat
    output: str | None
    src_lang: str
    tgt_lang: str
    lines: list[str] | None = None
    references: list[str] | None = None
    shape: LineShape = field(default_factory=LineShape)  # how a text input's lines are written
    has_text: bool = True  # whether the input has anything to translate


def prepare(
    file: str,
    fmt: str | None,
    output: str | None,
    learn: Path | None,
    src_lang: str | None,
    tgt_lang: str | None,
    model: str | None,
    *,
    output_folder_made: bool = False,
    columns: str | None = None,
) -> Job:
    """Every argument and path checked (and the input read) before the model loads.
    ``output_folder_made``: the output's folder is made by the run (a folder's translation);
    ``columns``: a CSV table's columns to translate (``--columns``)."""
    from ltmt.formats.common import dangling_link, read_lines, read_lines_and_shape
    from ltmt.formats.registry import find_format, plain_text_default

    path = None if file == "-" else Path(file)
    piped = None  # a pipe given by name: read once, as standard input is
    if path is not None and path.is_dir():
        raise InputError(f"input file {path} is a directory; give a file")
    if path is not None and not path.exists():
        raise InputError(dangling_link(path) or f"input file not found: {path}")
    if path is not None and not path.is_file():  # <(cmd), a fifo, /dev/stdin
        piped, path = path, None
    spec = find_format(path, fmt, role="document", default=plain_text_default(path))
    if spec.name == "txt" and fmt is None and path is not None:
        _warn_if_structured(path)
    from ltmt.model.languages import describe_pair

    src, tgt, pair = job_languages(src_lang, tgt_lang, model)
    job = Job(path, spec, output, src, tgt)
    if output not in (None, "-"):
        in_place = path is not None and resolved(Path(output)) == resolved(path)
        if in_place and not spec.fills_in_place:
            raise InputError(
                "--output must differ from the input file; only a file that holds every "
                "language (.xcstrings, a .csv table) or a PO, XLIFF or Qt .ts file is filled in "
                "place"
            )
        _check_output(output, folder_made=output_folder_made)
        _check_output_name(Path(output), spec, path, format_given=fmt is not None)
        if not in_place:  # filled in place: its own entries kept
            from ltmt.formats.existing_output import check_output_replaceable

            check_output_replaceable(Path(output), spec, path)
    if spec.name == "txt":
        job.lines, job.shape = read_lines_and_shape(piped or path)
        job.has_text = any(line.strip() for line in job.lines)
        if path is None and fmt is None:
            _refuse_if_structured(piped, "\n".join(job.lines[:200]).encode())
        _warn_if_other_language(path, job.lines, src, tgt)
    else:
        if path is None:
            given = f"{piped}, not a regular file (a pipe?)" if piped else "stdin"
            raise InputError(
                f"{with_article(spec.name)} document must be a file, not {given}; save it to "
                "one first"
            )
        what = f"{path.suffix or spec.name} file"
        if spec.name == "paragraphs":  # plain .txt goes to stdout; say why this one does not
            what += " with --format paragraphs"
        if output is None:
            raise InputError(
                f"--output is needed to translate a {what}: give -o FILE"
                + (" (or the input itself, to fill it in place)" if spec.fills_in_place else "")
                + _named_for(path, tgt)
            )
        if output == "-":
            raise InputError(
                f"a translated {what} is written to a file, not to stdout: give -o FILE"
            )
        if learn is not None:
            raise InputError(
                "--learn works with plain-text input; import reviewed files with "
                "'ltmt memory import'"
            )
        from ltmt.formats.documents import open_document
        from ltmt.formats.keyed_catalog import written_without_units

        try:
            with formats_quiet():  # what it warns of, the run's own opening says once
                document = open_document(
                    path, spec.name, src_lang=src, tgt_lang=tgt, columns=columns
                )
            units = document.units()
            # a Fluent file of terms copied (brand names) is written too: the target locale's
            # messages reference them
            job.has_text = bool(units) or written_without_units(document)
            _warn_if_other_language(path, [unit.source for unit in units], src, tgt)
        except LanguageError as exc:
            options = [
                f"{option} {value}"
                for option, value in (("--src-lang", src_lang), ("--tgt-lang", tgt_lang))
                if value
            ]
            if options:  # the options asked for: naming them again would change nothing
                ask = "ask" if len(options) > 1 else "asks"
                raise InputError(
                    f"{path}: {exc.mismatch} as {' '.join(options)} {ask}; correct the "
                    "languages the file declares if they are wrong, or translate it from its "
                    "own languages with a model for them (--model)"
                ) from exc
            if pair is None:
                raise
            # the model's own pair was assumed: --src-lang/--tgt-lang alone cannot help
            raise InputError(
                f"{path}: {exc.languages}, but "
                f"{describe_pair(model, pair)}; give a model for the file's languages with "
                "--model (and --src-lang/--tgt-lang)"
            ) from exc
    if learn is not None:
        job.references = read_lines(learn, "--learn")
        if job.lines is not None and len(job.references) != len(job.lines):
            raise InputError(
                f"--learn has {counted(len(job.references), 'line')} but the input has "
                f"{len(job.lines)}"
            )
        if job.lines is not None:
            from ltmt.cli.learn_file import refuse_shifted

            refuse_shifted(learn, path, job.lines, job.references)
    if output not in (None, "-") and not output_folder_made:
        # once the input is read: a file that cannot be translated gets its error alone; a
        # folder's output is said once, for the folder
        _warn_if_named_for_another_language(Path(output), tgt, source=path, src=src)
    return job


def job_languages(
    src_lang: str | None, tgt_lang: str | None, model: str | None
) -> tuple[str, str, tuple[str, str] | None]:
    """The run's source and target languages: those given, else the model's, else en → de;
    checked against the model's pair, which comes third (None: the model records none)."""
    from ltmt.model.languages import check_language_pair, model_languages

    pair = model_languages(model)
    src = src_lang or (pair[0] if pair else "en")
    tgt = tgt_lang or (pair[1] if pair else "de")
    check_language_pair(model, src, tgt)
    return src, tgt, pair


def written_language(job: Job) -> str:
    """The language ``job``'s translation is written in: its ``tgt_lang``, or where that names
    no region, the Swiss (or Liechtenstein) locale of that language its output's name ends in
    (``-o app_de_CH.arb`` → ``de-CH``, which writes ``ss`` for ``ß``: :mod:`ltmt.swiss_spelling`)
    or a folder of its path is named as (i18next's ``-o locales/de-CH``:
    :mod:`ltmt.formats.folder_locales`), else the region of it a PO or XLIFF input declares
    (``Language: de_AT``) where that region writes otherwise (``ss``; an amount's sign first:
    :func:`~ltmt.currency_amounts.writes_sign_first`); another region a name says is left to
    the formats (an ARB file's ``@@locale``)."""
    from ltmt.formats.arb_locale import named_locale
    from ltmt.formats.common import language_tag, same_language
    from ltmt.formats.folder_locales import folder_locale
    from ltmt.swiss_spelling import writes_ss

    if "-" in language_tag(job.tgt_lang):
        return job.tgt_lang
    output = Path(str(job.output)) if job.output not in (None, "-") else None
    for named in (named_locale(output), folder_locale(output)) if output is not None else ():
        if named is not None and same_language(named, job.tgt_lang) and writes_ss(named):
            return language_tag(named)
    return _declared_region(job) or job.tgt_lang


def address_warning(job: Job, tgt_lang: str | None, formality: str | None) -> str | None:
    """What to say where ``--tgt-lang`` (``tgt_lang``), or where none is given the ``Language``
    a PO or XLIFF input declares, asks for a form of address (``de_DE_formal``) that
    ``--formality`` (``formality``, as given) does not ask for
    (:func:`~ltmt.model.languages.form_of_address_warning`); None where nothing is to say."""
    from ltmt.model.languages import form_of_address_warning
    from ltmt.qa.formality_checks import formality_form

    form = None if formality is None else formality_form(formality)
    if tgt_lang is not None:
        return form_of_address_warning("--tgt-lang", tgt_lang, form)
    declared = _catalog_declared(job, _declared_language)
    if not declared or job.path is None:
        return None
    return form_of_address_warning(f"{job.path.name}'s Language", declared, form)


def _catalog_declared(job: Job, read: Callable[[Path], str | None]) -> str | None:
    """What ``read`` finds declared in ``job``'s input where it is a PO or XLIFF catalog (its
    target language: :func:`_declared_language`, or
    :func:`~ltmt.formats.catalog_languages.catalog_language`); None for another input, or one
    that cannot be read (the run says why)."""
    if job.path is None or job.spec.name not in ("po", "xliff", "xliff2"):
        return None
    try:
        return read(job.path)
    except InputError:  # unreadable: the run says why
        return None


def _declared_language(path: Path) -> str | None:
    """The target language the PO or XLIFF catalog ``path`` declares, as written: a PO
    header's ``Language`` (``de_DE_formal``, which :func:`~ltmt.formats.catalog_languages.
    catalog_language` does not read, as the toolkit takes it for no language), else
    :func:`~ltmt.formats.catalog_languages.catalog_language`."""
    from ltmt.formats.catalog_languages import catalog_language

    if path.suffix.lower() in (".po", ".pot"):
        from ltmt.formats.po import load_po

        written = load_po(path).parseheader().get("Language", "")
        if isinstance(written, str) and written.strip():
            return written.strip()
    return catalog_language(path)


def _declared_region(job: Job) -> str | None:
    """The region of ``job``'s target language its PO or XLIFF input declares
    (:func:`~ltmt.formats.catalog_languages.catalog_language`: ``de_AT``, as ``de-AT``) where
    that region writes otherwise than the language (``ss`` for ``ß``, an amount's sign first);
    else None."""
    from ltmt.currency_amounts import writes_sign_first
    from ltmt.formats.catalog_languages import catalog_language
    from ltmt.formats.common import language_tag, same_language
    from ltmt.swiss_spelling import writes_ss

    declared = _catalog_declared(job, catalog_language)
    if not declared or not same_language(declared, job.tgt_lang):
        return None
    return language_tag(declared) if writes_ss(declared) or writes_sign_first(declared) else None


@contextmanager
def formats_quiet() -> Iterator[None]:
    """The formats' warnings held back (their errors still raise)."""
    formats = logging.getLogger("ltmt.formats")
    level = formats.level
    formats.setLevel(logging.ERROR)
    try:
        yield
    finally:
        formats.setLevel(level)


def _warn_if_structured(path: Path) -> None:
    """Warn when a file read as plain text by its extension looks like a PO, XLIFF or TMX
    file, or a YAML catalog (:func:`ltmt.formats.yaml_shape.looks_like_yaml`): translated line
    by line, its syntax would be translated too."""
    from ltmt.formats.registry import sniff
    from ltmt.formats.yaml_shape import looks_like_yaml

    found = sniff(path)
    if found is None and looks_like_yaml(path):  # trial s77: its keys were translated
        found = "yaml"
    if found is not None and found != "txt":
        warn(
            f"{path} looks like {_format_named(found)} file but is read as plain text (its "
            f"extension); pass --format {found} to translate its entries"
        )


def _refuse_if_structured(piped: Path | None, head: bytes) -> None:
    """Refuse stdin (or the pipe ``piped``) whose first bytes ``head`` look like a PO, XLIFF
    or TMX file: read as plain text, its syntax would be translated line by line, and its
    entries can only be read from a file."""
    from ltmt.formats.registry import sniff_bytes

    found = sniff_bytes(head)
    if found is not None and found != "txt":
        raise InputError(
            f"{piped or 'stdin'} looks like {_format_named(found)} file, whose entries ltmt "
            "translates only from a file: save it and give it with --output (or pass --format "
            "txt to translate it line by line as plain text)"
        )


def _format_named(found: str) -> str:
    """The format ``found`` with its article, as its letters are said (an HTML, a PO)."""
    name = found.upper()
    return f"{'an' if name[0] in 'AEFHILMNORSX' else 'a'} {name}"


def _named_for(path: Path, tgt: str) -> str:
    """The output name to suggest for ``path`` where its format names each language's file
    (``Strings.resx`` → `` (-o Strings.de.resx: the name the app loads German from)``), else
    nothing."""
    from ltmt.formats.path_languages import translation_name
    from ltmt.language_detection import language_name

    named = translation_name(path, tgt)
    language = language_name(tgt)
    return "" if named == path else f" (-o {named}: the name the app loads {language} from)"


def _warn_if_named_for_another_language(
    output: Path, tgt: str, *, folder: bool = False, source: Path | None = None, src: str = ""
) -> None:
    """Warn when ``output``'s path names another language than ``tgt``
    (``res/values-fr/strings.xml`` for German), or none where a translation names its language
    (``out/Strings.resx``, not ``Strings.de.resx``; a file's ``source``, in ``src``, in a tree of
    locale folders tells where a folder names it): :mod:`ltmt.formats.path_languages`."""
    from ltmt.formats.path_languages import neutral_named, other_language_named

    warning = other_language_named(output, tgt, folder=folder)
    if not warning and not folder:
        warning = neutral_named(output, tgt, source=source, source_language=src)
    if warning:
        warn(warning)


def _warn_if_other_language(path: Path | None, texts: list[str], src: str, tgt: str) -> None:
    """Warn when the text to translate reads as another language than ``src``, above all as
    ``tgt`` (a translation already, or the wrong file): :mod:`ltmt.language_detection`."""
    from ltmt.formats.common import lang_matches
    from ltmt.language_detection import described, document_language, language_name

    found = document_language(texts)
    if found is None or lang_matches(src, found.language):
        return
    what = "stdin" if path is None else str(path)
    language = described(found)
    if lang_matches(tgt, found.language):
        warn(
            f"{what} reads as {language}, the language it is translated into: "
            f"is it a translation already? (it is translated from {language_name(src)}; "
            "--src-lang names another source language)"
        )
        return
    warn(
        f"{what} reads as {language}, but it is translated from "
        f"{language_name(src)} ({src}); give the model of its language (--model, --src-lang)"
    )


def _check_output(name: str, *, folder_made: bool = False) -> None:
    """The output ``name`` can be written: its directory exists (or is made by the run), it is
    not a directory nor named as one (``out/new/``)."""
    from ltmt.outputs import directory_named, names_directory, output_error

    output = Path(name)
    if output.is_dir() or names_directory(name):
        raise directory_named(name)
    if not folder_made and not output.parent.is_dir():
        raise output_error(OSError(errno.ENOENT, "no such directory"), output)


def _check_output_name(
    output: Path, spec: FileFormat, path: Path | None, *, format_given: bool
) -> None:
    """The output's name suits the translation of the input ``path`` (a ``spec`` file:
    :func:`ltmt.formats.registry.output_name_problem`). Where --format named the input's format
    and the input's extension says the output's (``de.po --format xliff -o x.po``), --format is
    the likelier mistake, and the message says so."""
    from ltmt.formats.registry import (
        EXTENSIONS,
        FORMATS,
        GENERIC_EXTENSIONS,
        SHARED_EXTENSIONS,
        another_formats_file,
        output_name_problem,
    )

    named = EXTENSIONS.get(output.suffix.lower())
    input_named = EXTENSIONS.get(path.suffix.lower()) if path is not None else None
    reads = (spec.name, spec.files_of)  # paragraphs: a txt file read another way
    table = spec.name == "csv" and named == "tsv"  # a tab-separated table (registry)
    shared = output.suffix.lower() in SHARED_EXTENSIONS  # (.ini: --format tells which INI)
    # (.xml: a root the extension's reader refused said 'pass --format'; never 'drop' it then)
    shared = shared or (path is not None and path.suffix.lower() in GENERIC_EXTENSIONS)
    shared = shared or another_formats_file(path)  # (notes.stf: no Translation Workbench file)
    if (
        format_given
        and named not in (None, *reads)
        and input_named == named
        and not (table or shared)
    ):
        raise InputError(
            f"--format {spec.name} reads {path} as {spec.shown}, but its extension "
            f"and --output's say {FORMATS[named].shown}; drop --format, or check the file"
        )
    problem = output_name_problem(output, spec, path)
    if problem is not None:
        raise InputError(f"--output {output}: {problem}")
