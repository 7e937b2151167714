"""``ltmt memory``: the command group of per-user memories, and its pair commands: import, add,
export and search (the others: :mod:`ltmt.cli.memory_users`, :mod:`ltmt.cli.memory_upkeep`)."""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from ltmt.cli import memory_upkeep, memory_users
from ltmt.cli.json_output import echo_json, logged_warnings, warn
from ltmt.cli.language_options import given_language
from ltmt.cli.markup import HELP_MARKUP
from ltmt.cli.pair_files import PAIR_COLUMNS_OPTION, read_records
from ltmt.cli.path_options import given_path, given_path_name
from ltmt.cli.skip_keys import SKIP_KEYS_OPTION, parse_skip_keys_option
from ltmt.cli.store import (
    EXISTING_KEY_FILE_OPTION,
    KEY_FILE_OPTION,
    MEMORY_DIR_OPTION,
    open_store,
    open_store_before_reading,
    warn_if_close_to_a_user,
)
from ltmt.errors import InputError
from ltmt.wording import agreeing, counted, first_few, them

if TYPE_CHECKING:
    from ltmt.formats.common import XmlLeftOut
    from ltmt.formats.not_read import NotRead
    from ltmt.formats.output_sources import OutputSources
    from ltmt.memory.import_checks import SuspectKind
    from ltmt.memory.report import ImportReport
    from ltmt.memory.store import Memory
    from ltmt.segments import PairRecord, Segment

app = typer.Typer(
    help="Per-user translation memories: import, add, export, search, stats, users, warm, delete; "
    "check, backup, compact; keygen, rekey (encryption at rest).",
    no_args_is_help=True,
    rich_markup_mode=HELP_MARKUP,
)

app.add_typer(memory_users.app)
app.add_typer(memory_upkeep.app)

PROGRESS_FROM = 10_000  # pairs: smaller imports show no progress bar


def register(app_: typer.Typer) -> None:
    """Add the ``memory`` command group to the ``ltmt`` app."""
    app_.add_typer(app, name="memory")


LANG_HELP = (
    "The {side} language of the model's pair, a BCP 47 tag (en_US is read as en-US, ger as "
    "de); TMX/PO/XLIFF language codes must match it (en-US matches en), and a multilingual "
    "TMX is read for this pair."
)


def _one_line(text: str) -> str:
    return text.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")


STDIN_NAMES = ("-", "/dev/stdin")


def _stdin_copy(stack: contextlib.ExitStack, fmt: str | None, store: Path) -> Path:
    """Standard input copied to a scratch file (a reader reads a file by its path; a pipe is
    read once) in ``store``'s private work folder, which ``stack`` removes; its format must be
    named. Not ``$TMPDIR``: the copy is a customer's file in plaintext, and a killed import's
    is removed at the store's next opening only there (:mod:`ltmt.memory.work_folders`)."""
    import sys

    from ltmt.memory.work_folders import work_folder

    if fmt is None:
        raise InputError(
            "- reads the pairs from standard input: give its format with --format (jsonl, tsv, "
            "tmx, po, xliff ...)"
        )
    scratch = stack.enter_context(work_folder(store))
    copy = scratch / "stdin"
    copy.write_bytes(sys.stdin.buffer.read())
    return copy


@app.command("import")
def import_(
    file: Path = typer.Argument(
        ...,
        parser=given_path,
        help="Pairs file: .jsonl, .tsv, .csv, .tmx, .po, .xliff/.xlf, .ts, .xcstrings, "
        "Ren'Py .rpy; or a "
        "translated Android strings.xml, Java .properties, .NET .resx, JSON, YAML or Fluent "
        "message file, Apple .strings / .stringsdict, .srt / .vtt subtitles, document (.md, "
        ".html, .epub, .docx/.pptx/.xlsx, .odt/.ods/.odp) or plain text (line by line) with "
        "--source-file; or a folder of "
        "such files, or an Xcode .xcloc bundle (its XLIFF); or - for standard input (with "
        "--format).",
    ),
    user: str = typer.Option(..., "--user", "-u", help="Whose memory to add to."),
    fmt: str | None = typer.Option(
        None, "--format", help="File format (default: from the extension)."
    ),
    memory_dir: Path | None = MEMORY_DIR_OPTION,
    key_file: Path | None = KEY_FILE_OPTION,
    as_json: bool = typer.Option(
        False, "--json", help="Print the import report as JSON, its warnings in it (warnings)."
    ),
    src_lang: str = typer.Option(
        "en", "--src-lang", parser=given_language, help=LANG_HELP.format(side="source")
    ),
    tgt_lang: str = typer.Option(
        "de", "--tgt-lang", parser=given_language, help=LANG_HELP.format(side="target")
    ),
    source_file: Path | None = typer.Option(
        None,
        "--source-file",
        parser=given_path,
        help="Android strings.xml / Java .properties / .resx / JSON, YAML or Fluent file / "
        "Apple .strings or .stringsdict / subtitles / plain text: the source-language file FILE "
        "translates (pairs are made name by name; subtitles' cues by time; plain text line by "
        'line); a CSV table translated in place (--columns "Title,Body (HTML)"): the table '
        "it was translated from, row by row; for a folder, the source-language folder.",
    ),
    language_check: bool = typer.Option(
        True,
        "--language-check/--no-language-check",
        help="Refuse a file whose sources or translations read as other languages than "
        "--src-lang and --tgt-lang (swapped columns, another language pair), or whose PO "
        "Language header or XLIFF languages name others; --no-language-check reads it as "
        "--src-lang → --tgt-lang (TMX language tags still pick each unit's sides).",
    ),
    skip_keys: str | None = SKIP_KEYS_OPTION,
    columns: str | None = PAIR_COLUMNS_OPTION,
    reviewed_only: bool = typer.Option(
        False,
        "--reviewed-only",
        help="Leave out translations not yet reviewed: those ltmt wrote into FILE (or a file "
        "of the folder) that nobody changed since, as ltmt qa --reviewed-only does; the record "
        "of what ltmt wrote, kept in this machine's cache for whichever user it translated "
        "for, finds the file by its path, or a copy of it by its texts (a one-language file "
        "that no record covers is refused: it marks nothing reviewed); "
        "PO fuzzy, XLIFF needs-review and Qt unfinished entries are left out in any case; "
        'in an XLIFF file that marks units approved="yes" (Crowdin, Lokalise), so are those '
        "neither so marked nor final; in a CSV table with a Status column, the rows whose "
        "status is not Approved, Final, Reviewed or Done (New, Draft, Needs review).",
    ),
) -> None:
    """Import FILE (or every file of a folder: --source-file then names the source-language
    folder) into --user's memory.

    The whole file is read and checked first: if any line is malformed, nothing is written.
    The pairs are then stored in one transaction (all or nothing). Pairs already in the memory
    count as duplicates; a duplicate whose source has a newer translation stored is made the
    newest (the one translations reuse: importing is approving). Pairs that fail cleaning (an
    empty side, broken encoding, a length ratio beyond 3:1) are skipped and counted by reason, as
    are the file's entries that were not read as pairs (fuzzy, untranslated, awaiting review,
    needing translation). A file whose sides read as other languages than the memory's pair is
    refused (swapped columns, a TM of another pair). A JSON file's identifiers, which a translation
    copies, make no pairs (GUARD → GUARD), nor do the strings under --skip-keys (a sentence of 8
    words or more whose translation is its source copied, maybe prose nobody translated, is
    stored and named in a warning with how to delete it). A string that ltmt
    wrote into FILE (with --source-file, or a CSV table it filled) for another English (its
    record of the output says so, judging the string by its own key or entry) is skipped
    ("target of an older source": its English changed since; memory add stores such a pair),
    and so is a translator's string whose English changed
    since ltmt last wrote FILE ("whose source changed since they were translated": the German of
    the old English, which translate kept and warned of); one it wrote for its own English and
    nobody changed since is stored and named in a warning (machine translation, not reviewed;
    --reviewed-only leaves it out: "written by ltmt and not reviewed"; one stored already, by
    an earlier import of the file, is named apart: "are stored ... by an earlier import").
    The record is the file's, whichever user ltmt translated it for on this machine (its
    cache), and holds for a folder's files and a copy of the file whose texts are mostly those
    ltmt wrote (a copy's record skips a translator's string only where it knows which English
    it was for; a TMX or TSV file, or a memory's JSONL export, has none). A PO
    catalog whose header says ltmt filled it (X-Generator: ltmt, as translate --no-fuzzy
    leaves it) but that no record covers is named in a warning: which of its translations are
    ltmt's cannot be told, and --reviewed-only stores them all; a one-language file (with
    --source-file) that no record covers marks nothing reviewed, and --reviewed-only refuses
    it. With
    --source-file, one whose translation the memory holds for another source of its name is
    stored and named in a warning (keys such as "title" name strings of every project);
    --reviewed-only leaves it out, in a CSV table too ("whose translation the memory holds for
    another source of their key": translate kept and named it). The pairs left out as of an older
    source that someone else translated are named in a warning, by key.
    """
    from ltmt.cli.main import InterruptedSaying
    from ltmt.formats.changed_sources import (
        held_for_other_sources,
        held_left_out,
        stale_names,
        stored_under_other_keys,
    )
    from ltmt.formats.not_read import NotRead
    from ltmt.formats.pair_languages import check_pair_languages
    from ltmt.formats.pairs import pair_format
    from ltmt.formats.registry import find_format
    from ltmt.memory.import_checks import suspect_pairs
    from ltmt.memory.origins import file_origin
    from ltmt.memory.untranslated_copies import untranslated_copies

    # --json: the import's warnings are the report's, not lines of their own
    collected: AbstractContextManager[list[str]] = logged_warnings() if as_json else nullcontext([])
    with collected as warnings:
        keys = parse_skip_keys_option(skip_keys)
        not_read = NotRead()  # the entries the readers left out (fuzzy ...): counted in the report
        read = functools.partial(
            read_records,
            fmt=fmt,
            source_file=source_file,
            src_lang=src_lang,
            tgt_lang=tgt_lang,
            quiet=as_json,
            skip_keys=keys,
            check_declared=language_check,
            not_read=not_read,
            columns=columns,
        )
        imported = False  # the import's one transaction committed
        try:
            with contextlib.ExitStack() as stack:
                # the user, the key file and an existing store are checked before a long read
                opened = open_store_before_reading(memory_dir, key_file, user=user)
                memory = stack.enter_context(opened) if opened is not None else None
                said, read_from, records = _read_import(
                    stack, file, fmt, memory, memory_dir, user, read
                )
                name = said if isinstance(said, str) else (said.name or said.resolve().name)
                origin = said if isinstance(said, str) else file_origin(said)
                if language_check:
                    check_pair_languages(
                        said,
                        records,
                        src_lang,
                        tgt_lang,
                        "--no-language-check",
                        fmt=pair_format(read_from, fmt) if read_from.is_file() else None,
                    )
                if source_file is not None:  # before a new store is made, as below
                    _refuse_shifted(said, read_from, source_file, fmt, records)
                if reviewed_only:  # before a new store is made: a refused import makes none
                    _refuse_unrecorded(read_from, records, fmt, user, memory)
                if memory is None:  # a new store, made once the file is read
                    memory = stack.enter_context(open_store(memory_dir, key_file, user=user))
                checks = _recorded_older_sources(
                    (memory, user, origin), read_from, records, reviewed_only, fmt
                )
                records, unreviewed = checks.records, checks.unreviewed
                users_before = memory.users()
                # the pairs whose translation the memory holds for another source of their key
                # (the German of an English changed since, which translate kept and named)
                among = _checked_by_memory(read_from, fmt, source_file)
                if reviewed_only and among is not None and user in users_before:
                    records = held_left_out(memory, user, records, among)
                if reviewed_only:
                    records = _approved_only(read_from, fmt, records, not_read)
                stale = stale_names(records)  # left out: named in a warning
                copies = untranslated_copies(records, src_lang)
                # before they are stored: the list is drained
                # as ltmt qa reads its strings: a .resx file's {{ words }} are no field
                syntax = (
                    find_format(read_from, fmt, role="read").strings_syntax()
                    if read_from.is_file()
                    else ""
                )
                suspects = suspect_pairs(records, memory.clean, syntax)
                held_for_others: list[str] = []
                under_other_keys: list[tuple[str, str]] = []
                # a Transifex string is stored under its context, not its key (the note says so)
                by_context = any(record.key is not None for record in records)
                if source_file is not None and not reviewed_only and user in users_before:
                    held_for_others = held_for_other_sources(memory, user, records)
                if source_file is not None and user in users_before:
                    under_other_keys = stored_under_other_keys(memory, user, records)
                undo = _undo_command(user, origin, memory if user in users_before else None)
                report = _store_records(
                    stack, memory, user, records, name, origin, (src_lang, tgt_lang)
                )
                imported = True
                if undo is not None and (unreviewed or checks.unrecorded):
                    undo = _undo_hint(undo, memory, user, origin)
        except KeyboardInterrupt as exc:  # Ctrl-C while reading or storing: its write aborted
            if imported:
                raise
            raise InterruptedSaying.of(
                exc, "nothing was imported (an import is one transaction)"
            ) from exc
        report = replace(report, not_read=not_read.by_reason())
        if not as_json:  # --json: the report, once the warnings are in it
            typer.echo(f"imported {name} into {report.summary()}")
        qa_command = _qa_command(
            said,
            source_file,
            fmt,
            (src_lang, tgt_lang),
            columns=columns,
            language_check=language_check,
        )
        _warn_of_suspects(suspects, qa_command)
        _warn_of_copies(copies, user)
        _warn_if_not_the_models_pair(src_lang, tgt_lang)  # once stored: a refused import says why
        warn_if_close_to_a_user(user, users_before)
        if unreviewed:
            warn(
                f"{counted(len(unreviewed), 'pair')} ltmt translated into {name} and "
                f"nobody changed since were stored as approved ({first_few(unreviewed)}), which "
                f"--reviewed-only would have left out; review them{_or_undo(undo, name)}"
            )
        if checks.held:
            warn(
                f"{counted(len(checks.held), 'pair')} ltmt translated into {name} and "
                f"nobody changed since {'is' if len(checks.held) == 1 else 'are'} stored as "
                f"approved by an earlier import ({first_few(checks.held)}), which --reviewed-only "
                "would have left out; review them in the file and import it again"
            )
        _warn_of_unrecorded(checks.unrecorded, reviewed_only, undo, name)
        if under_other_keys:
            stored_as = dict.fromkeys(
                f"{key} already stored as {stored}"
                if stored
                else f"{key} already stored without a key"
                for key, stored in under_other_keys
            )
            typer.echo(
                f"ltmt: note: {len(under_other_keys)} of the pairs added "
                f"{'was' if len(under_other_keys) == 1 else 'were'} stored already under another "
                f"key ({first_few(stored_as)}); {_kept_apart(by_context)}",
                err=True,
            )
        if held_for_others:
            warn(
                f"{counted(len(held_for_others), 'pair')} whose target the memory "
                "holds for another source of the same key were stored; check them: "
                f"{first_few(held_for_others)}"
            )
        _warn_of_stale(stale, name)
    if as_json:
        echo_json({"file": str(file), **report.to_dict(), "warnings": warnings})


def _kept_apart(by_context: bool) -> str:
    """Why an import stores a pair again that the memory holds under another key: a string's
    own key (``by_context``: or a Transifex string's own context, which it is stored under)
    keeps it apart."""
    if by_context:
        return (
            "each key, or a string's context where the file gives one, keeps its own, as a "
            "match stored under a string's own key or context wins a tie"
        )
    return "each key keeps its own, as a match stored under a string's own key wins a tie"


def _warn_of_stale(stale: dict[str, list[str]], said: str) -> None:
    """Name the pairs an import left out as the translation of an older source that someone
    else wrote (``stale``: their names by reason, :func:`~ltmt.formats.changed_sources.
    stale_names`), one line each reason: the summary counts them, which no spreadsheet can
    look up (trial s73). ``said``: what messages call the file."""
    for reason, names in stale.items():
        count = len(names)
        warn(
            f"{said}: {counted(count, 'pair')} left out, "
            f"{agreeing(reason, count)} ({first_few(names)}), as the translation of an older "
            f"source; edit {them(count)} for the source now, or empty {them(count)} and "
            "translate the file again, then import it"
        )


def _checked_by_memory(
    read_from: Path, fmt: str | None, source_file: Path | None
) -> Callable[[PairRecord], bool] | None:
    """Which pairs of ``read_from`` (a file or a folder) ``--reviewed-only`` asks the memory
    about (:func:`~ltmt.formats.changed_sources.held_left_out`): a one-language file's (with
    ``source_file``), and a CSV table's, whose rows no review mark follows (what ``translate``
    names and keeps unmarked: ``kept as written``); None where none. (A plain import asks it
    of a one-language file's alone, and stores them: a table's search would cost each import
    of its every row about 1.7 ms of CPU, by hand.)"""
    from ltmt.formats.folders import origin_path
    from ltmt.formats.pairs import pair_format

    if source_file is not None:
        return lambda pair: True

    def is_table(pair: PairRecord) -> bool:
        path = origin_path(read_from, pair.origin) if pair.origin else read_from
        return pair_format(path, None if pair.origin else fmt) == "csv"

    return is_table if read_from.is_file() or read_from.is_dir() else None


def _undo_command(user: str, origin: str, memory: Memory | None) -> str | None:
    """The command that undoes an import of ``origin`` into ``user``'s memory: with
    ``--yes``, without which it only says what it would delete (the hint failed as given).
    None where ``memory`` (read before the import stores anything; None for a new user) holds
    pairs of ``origin`` already: deleting the origin would delete them too (a team's reviewed
    file imported before ltmt filled it, session 67), so no command undoes this import alone."""
    import shlex

    from ltmt.memory.origins import is_of_origin

    if memory is not None:
        held = {*memory.stats(user)["origins"], *memory.shared_origins(user)}
        if any(is_of_origin(name, origin) for name in held):
            return None
    return f"ltmt memory delete --user {shlex.quote(user)} --origin {shlex.quote(origin)} --yes"


def _undo_hint(command: str, memory: Memory, user: str, origin: str) -> str:
    """``undo the import (N pairs of that file): COMMAND``: how many pairs ``command``
    (:func:`_undo_command`'s, run once the import stored its pairs) deletes, every pair the
    file added, not only those a warning names (session 69)."""
    from ltmt.errors import InputError

    try:
        pairs = memory.origin_share(user, origin).alone
    except InputError:  # the import added none: the command deletes none
        pairs = 0
    return f"undo the import ({counted(pairs, 'pair')} of that file): {command}"


def _or_undo(undo: str | None, name: str) -> str:
    """``, or undo the import (N pairs of that file): COMMAND`` after a warning's "review
    them", where a command undoes the import alone (:func:`_undo_hint`); else why none is
    offered."""
    if undo is not None:
        return f", or {undo}"
    return (
        f" (no command undoes this import alone: the memory held pairs imported from {name} "
        "before, and 'ltmt memory delete --origin' would delete those too)"
    )


def _warn_of_suspects(suspects: list[SuspectKind], qa_command: str | None) -> None:
    """One warning line per kind of problem the imported pairs have (:mod:`ltmt.memory.
    import_checks`): how many, where the first few are and, where ``qa_command`` (``ltmt qa``
    of the file) is given, the ``ltmt qa`` command that lists them all. Stored all the same:
    the file is the translator's to fix."""
    for kind in suspects:
        warn(kind.warning("imported", qa_command))


def _warn_of_copies(positions: list[str], user: str) -> None:
    """Say that the pairs at ``positions``, stored, hold their source as the translation, a
    sentence maybe left untranslated (:mod:`ltmt.memory.untranslated_copies`), and how to
    delete one."""
    import shlex

    if positions:
        quoted = shlex.quote(user)
        warn(
            f"{counted(len(positions), 'pair')} stored whose translation is its "
            f"source, a sentence in the source language ({first_few(positions)}): translate "
            "reuses it as the translation; if it was left untranslated, not kept so on purpose, "
            f"find its id with ltmt memory search --user {quoted} TEXT and delete it with "
            f"ltmt memory delete --user {quoted} --id ID"
        )


def _qa_command(
    said: Path | str,
    source_file: Path | None,
    fmt: str | None,
    languages: tuple[str, str],
    *,
    columns: str | None = None,
    language_check: bool = True,
) -> str | None:
    """The ``ltmt qa`` command that checks what ``memory import`` read (``said``: the file or
    folder, with its ``source_file`` and ``fmt``, in ``languages``, a table's pairs in the
    ``columns`` that ``--columns`` named, ``--no-language-check`` where not ``language_check``:
    else qa reads other pairs, or refuses them); None for standard input, which ``ltmt qa``
    cannot read again."""
    import shlex

    if isinstance(said, str):
        return None
    words = ["ltmt", "qa", str(said)]
    if source_file is not None:
        words += ["--source-file", str(source_file)]
    if fmt is not None:
        words += ["--format", fmt]
    if languages != ("en", "de"):
        words += ["--src-lang", languages[0], "--tgt-lang", languages[1]]
    if columns is not None:
        words += ["--columns", columns]
    if not language_check:
        words.append("--no-language-check")
    return shlex.join(words)


def _read_import(
    stack: contextlib.ExitStack,
    file: Path,
    fmt: str | None,
    memory: Memory | None,
    memory_dir: Path | None,
    user: str,
    read: Callable[[Path], list[PairRecord]],
) -> tuple[Path | str, Path, list[PairRecord]]:
    """What ``memory import`` reads of FILE: what messages call it (``<stdin>`` for a pipe),
    the file read (a pipe's copy, made beside the store: ``ltmt memory export -o - ... | ltmt
    memory import -``) and its records. A termbase given as a memory is refused, and a file
    that reads as a glossary is warned of."""
    from ltmt.cli.main import click_errors

    if str(file) not in STDIN_NAMES:
        _refuse_a_termbase(file, fmt, user)
        records = read(file)
        _warn_if_a_glossary(file)
        return file, file, records
    store = memory.path if memory is not None else _store_folder(memory_dir)
    copy = _stdin_copy(stack, fmt, store)
    try:
        return "<stdin>", copy, read(copy)
    except InputError as exc:
        raise InputError(str(exc).replace(str(copy), "<stdin>")) from exc
    except click_errors.UsageError as exc:  # --skip-keys with another format
        raise click_errors.UsageError(str(exc).replace(str(copy), "<stdin>")) from exc


def _store_records(
    stack: contextlib.ExitStack,
    memory: Memory,
    user: str,
    records: list[PairRecord],
    name: str,
    origin: str,
    languages: tuple[str, str],
) -> ImportReport:
    """``records`` imported into ``user``'s memory in one transaction, under ``origin`` (those
    without one of their own: :func:`~ltmt.memory.origins.file_origin`), with a progress bar
    from :data:`PROGRESS_FROM` pairs on; ``languages``: the pair the import is of (a memory's
    first such pair is kept, another refused; ``--no-language-check`` skips the reading of the
    text's languages, not this)."""
    from tqdm import tqdm

    from ltmt.formats.pairs import drain
    from ltmt.formats.symfony_plural_pairs import with_symfony_forms

    records = list(with_symfony_forms(records))  # a Symfony plural also form by form
    bar = stack.enter_context(
        tqdm(
            total=len(records),
            unit="pair",
            desc=f"import {name}",
            disable=None if len(records) >= PROGRESS_FROM else True,
            dynamic_ncols=True,
        )
    )

    def advance(pairs: int) -> None:
        bar.update(pairs)

    return memory.import_pairs(  # the new user's typo warned of with the command's words
        user,
        drain(records),
        origin=origin,
        progress=advance,
        languages=languages,
        warn_new_user=False,
    )


def _warn_if_not_the_models_pair(src_lang: str, tgt_lang: str) -> None:
    """Say on stderr where ``src_lang`` → ``tgt_lang`` is not the default model's pair (regions
    aside): ``ltmt translate`` refuses such a memory with that model, and a mistyped
    ``--tgt-lang fr`` made an en→fr memory for the en→de model without a word. A warning, not an
    error: the memory may be meant for a model of its pair (``--model``)."""
    from ltmt.formats.common import same_language
    from ltmt.model.languages import describe_pair, model_languages

    pair = model_languages(None)
    if pair is None or all(map(same_language, (src_lang, tgt_lang), pair)):
        return
    warn(
        f"--src-lang {src_lang} --tgt-lang {tgt_lang}: "
        f"{describe_pair(None, pair)}, so ltmt translate uses this memory only with a model of "
        f"{src_lang}→{tgt_lang} (--model); if a flag is wrong, import into a new user"
    )


def _refuse_a_termbase(file: Path, fmt: str | None, user: str) -> None:
    """An :class:`InputError` for a ``.tbx`` file given without ``--format``: a termbase's
    terms are a glossary's, which ``ltmt glossary import`` reads (the format error it got
    listed memory formats and said nothing of glossaries)."""
    if fmt is None and file.suffix.lower() == ".tbx":
        raise InputError(
            f"{file} is a termbase (TBX), not a translation memory; import it as a glossary: "
            f"ltmt glossary import {file} --user {user}"
        )


def _warn_if_a_glossary(file: Path) -> None:
    """Say on stderr that ``file`` looks like a glossary, whose note and case columns a memory
    import drops (it imported them without a word; a memory CSV may have other columns)."""
    from ltmt.terminology.files import looks_like_a_glossary

    if looks_like_a_glossary(file):
        warn(
            f"{file.name} looks like a glossary (its header names note or case "
            "columns, which a memory import drops); ltmt glossary import reads them"
        )


def _store_folder(memory_dir: Path | None) -> Path:
    """The directory of the store ``--memory-dir`` names, made (mode 0700) where there is no
    store yet, for the work folder of an input read before the store is made: a bad input
    leaves that empty folder, not a store. As :class:`~ltmt.memory.store.Memory` does, a
    ``--memory-dir`` whose parent folder is missing is refused."""
    from ltmt.memory.env import check_store_parent, make_store_folder
    from ltmt.paths import resolve_memory_dir

    folder = resolve_memory_dir(memory_dir)
    if memory_dir is not None:
        check_store_parent(folder)
    make_store_folder(folder)
    return folder


@dataclass
class _RecordChecks:
    """What :func:`_recorded_older_sources` found: the pairs (those to skip marked unpaired),
    the names of ltmt's translations that nobody changed since (stored), and the files that
    say ltmt filled them (a PO catalog's ``X-Generator``) but have no record of it, with how
    many pairs each holds."""

    records: list[PairRecord]
    unreviewed: list[str] = field(default_factory=list)
    unrecorded: list[tuple[str, str, int]] = field(default_factory=list)
    held: list[str] = field(default_factory=list)  # unreviewed, stored already (duplicates)


def _recorded_older_sources(
    importing: tuple[Memory, str, str],
    read_from: Path,
    records: list[PairRecord],
    reviewed_only: bool,
    fmt: str | None,
) -> _RecordChecks:
    """``records`` (the pairs of ``read_from``: a one-language file and its source file, a CSV
    table, a PO catalog, or a folder of such files), those whose target the record of what ltmt
    wrote into their file holds for other sources only marked unpaired: an import skips them, as
    the English changed since ltmt wrote them (:mod:`ltmt.formats.changed_sources`); and the
    names of those it holds for their own source, ltmt's translations that nobody changed since
    (with ``reviewed_only``: marked unpaired, and no names; a folder's named with their file; so
    too, in a one-language file, those a run kept without a record and nobody edited since,
    which nobody can vouch for). The record is any user's of this cache folder, found by the
    file's path, bytes or texts
    (:meth:`~ltmt.formats.output_sources.OutputSources.read_for_import`). A PO catalog without
    one whose header says ltmt filled it is named (``fmt``: the format given). ``importing``:
    the memory, the user and the import's origin; a pair whose translation the memory approved
    before from another origin is not ltmt's to name (a 100 % match its translation reused:
    :func:`~ltmt.formats.changed_sources.approved_already`)."""
    from ltmt.formats.output_sources import OutputSources

    memory, user, _ = importing
    sources = OutputSources.in_cache(user, memory)
    if read_from.is_file():
        return _checked_against_record(sources, read_from, records, reviewed_only, fmt, importing)
    if not read_from.is_dir():
        return _RecordChecks(records)
    found = _RecordChecks([])
    for path, pairs in _files_of(read_from, records):
        checked = _checked_against_record(sources, path, pairs, reviewed_only, None, importing)
        shown = path.relative_to(read_from) if path.is_relative_to(read_from) else path
        found.records += checked.records
        found.unreviewed += [f"{shown}: {name}" for name in checked.unreviewed]
        found.unrecorded += [(str(shown), *said[1:]) for said in checked.unrecorded]
        found.held += [f"{shown}: {name}" for name in checked.held]
    return found


def _refuse_shifted(
    said: Path | str,
    read_from: Path,
    source_file: Path,
    fmt: str | None,
    records: list[PairRecord],
) -> None:
    """An InputError where a file of ``read_from`` (a file, ``said`` in messages, or a folder)
    pairs with its source file by place (a plain-text file line by line) and reads shifted
    against it (:mod:`ltmt.memory.shifted_files`): a line deleted in one and added in the
    other stored each translation after it under the wrong source (trial s76)."""
    from ltmt.formats.pairs import pair_format
    from ltmt.memory.shifted_files import refuse_shifted_file

    if read_from.is_file():
        name = said if isinstance(said, str) else (said.name or said.resolve().name)
        kind = pair_format(read_from, fmt)
        refuse_shifted_file(name, f"{source_file.name}'s", kind, records, "import")
        return
    against = f"its source file in {source_file.name}/"
    for path, pairs in _files_of(read_from, records):
        shown = f"{read_from.name}/{path.relative_to(read_from).as_posix()}"
        refuse_shifted_file(shown, against, pair_format(path), pairs, "import")


def _files_of(folder: Path, records: list[PairRecord]) -> list[tuple[Path, list[PairRecord]]]:
    """The files of ``folder`` that ``records`` were read from (by origin), each with its own."""
    from ltmt.formats.folders import origin_path

    by_file: dict[str, list[PairRecord]] = {}
    for record in records:
        by_file.setdefault(record.origin, []).append(record)
    return [(origin_path(folder, origin), pairs) for origin, pairs in by_file.items()]


def _refuse_unrecorded(
    read_from: Path, records: list[PairRecord], fmt: str | None, user: str, memory: Memory | None
) -> None:
    """Refuse ``--reviewed-only`` for the one-language files of ``read_from`` (a file or a
    folder, whose pairs are ``records``) that no record on this machine says what ltmt wrote
    into (:meth:`~ltmt.formats.output_sources.OutputSources.read_for_import`): such a file
    marks nothing reviewed, so without the record ltmt's machine translation cannot be told
    from a reviewer's, and every pair would be stored as approved (Android CI trial, session
    70: a fresh runner's empty cache stored 13 of ltmt's translations so). A file that marks
    its review states (PO, XLIFF, Qt, a CSV Status column) says it otherwise: not refused."""
    from ltmt.formats.output_sources import OutputSources
    from ltmt.formats.registry import find_format

    sources = OutputSources.in_cache(user, memory)
    if read_from.is_file():
        files = [(read_from, records)]
    else:
        files = _files_of(read_from, records) if read_from.is_dir() else []
    unrecorded: dict[str, int] = {}
    for path, pairs in files:
        paired = [(pair.source, pair.target) for pair in pairs if not pair.unpaired]
        spec = find_format(path, fmt if path == read_from else None, role="read")
        if (
            paired
            and spec.one_language_file(path)
            and sources.read_for_import(path, paired) is None
        ):
            shown = path.relative_to(read_from) if path.is_relative_to(read_from) else path
            unrecorded[path.name if path == read_from else str(shown)] = len(paired)
    if unrecorded:
        them = "it" if len(unrecorded) == 1 else "them"
        raise InputError(
            f"no record on this machine of what ltmt wrote into {first_few(list(unrecorded))}, "
            f"so --reviewed-only cannot tell {counted(sum(unrecorded.values()), 'pair')} "
            "reviewed or not (a one-language file marks none): nothing imported; restore the "
            f"records of the machine that translated {them} ({sources.folder}; on CI, keep it "
            f"between runs), or import without --reviewed-only if ltmt never translated {them}"
        )


def _approved_only(
    read_from: Path, fmt: str | None, records: list[PairRecord], not_read: NotRead
) -> list[PairRecord]:
    """``records`` less the units an XLIFF file that marks its approved ones did not approve,
    and the rows a CSV table's Status column approves none of
    (:func:`ltmt.formats.approved_units.approved_only`)."""
    from ltmt.formats.approved_units import approved_only
    from ltmt.formats.folders import origin_path
    from ltmt.formats.pairs import pair_format

    def is_xliff(origin: str) -> bool:
        path = origin_path(read_from, origin) if origin else read_from
        return pair_format(path, None if origin else fmt) in ("xliff", "xliff2")

    return approved_only(records, is_xliff, not_read)


def _checked_against_record(
    sources: OutputSources,
    path: Path,
    records: list[PairRecord],
    reviewed_only: bool,
    fmt: str | None,
    importing: tuple[Memory, str, str],
) -> _RecordChecks:
    """:func:`_recorded_older_sources` of the one file ``path`` and its ``records``, imported
    into ``importing`` (the memory, the user and the import's origin)."""
    from ltmt.formats.changed_sources import (
        approved_already,
        recorded_for_older_sources,
        stored_already,
        unrecorded_left_out,
        unreviewed_left_out,
        written_unreviewed,
    )
    from ltmt.formats.po import ltmt_generator
    from ltmt.formats.registry import find_format

    pairs = [(pair.source, pair.target) for pair in records if not pair.unpaired]
    record = sources.read_for_import(path, pairs, fmt)
    is_po = (fmt or path.suffix.lstrip(".")).lower() in ("po", "pot")
    if record is None:
        generator = ltmt_generator(path) if is_po and pairs else None
        unrecorded = [(path.name, generator, len(pairs))] if generator else []
        return _RecordChecks(records, unrecorded=unrecorded)
    spec = find_format(path, fmt, role="read")
    records = recorded_for_older_sources(record, records, by_place=not spec.entries_move)
    memory, user, origin = importing  # a reused 100 % match is a duplicate, not ltmt's
    approved = approved_already(memory, user, records, origin, record, sources.read_for_import)
    if reviewed_only:
        records = unreviewed_left_out(record, records, approved)
        # kept without a record, in a file that marks nothing reviewed: as a file without one
        if spec.one_language_file(path):
            records = unrecorded_left_out(record, records, approved)
        return _RecordChecks(records)
    # those an earlier import stored already are not stored by this one: said apart
    stored = written_unreviewed(record, records, approved | stored_already(memory, user, records))
    unreviewed = written_unreviewed(record, records, approved)
    held = [name for name in unreviewed if name not in set(stored)]
    return _RecordChecks(records, stored, held=held)


def _warn_of_unrecorded(
    unrecorded: list[tuple[str, str, int]], reviewed_only: bool, undo: str | None, said: str
) -> None:
    """Warn that the files of ``unrecorded`` (name, the header line that says ltmt filled
    them, pairs) have no record of which translations ltmt wrote: all were stored as approved,
    ltmt's machine translation among them unless a reviewer removed its fuzzy marks (a reviewed
    catalog keeps ltmt's X-Generator line: the warning cannot tell the two apart), session 66
    (:func:`_recorded_older_sources`). ``undo``: :func:`_undo_command`'s, for the import
    ``said`` (what messages call it)."""
    if not unrecorded:
        return
    files = first_few([name for name, _, _ in unrecorded])
    generators = "; ".join(dict.fromkeys(generator for _, generator, _ in unrecorded))
    pairs = sum(count for _, _, count in unrecorded)
    apart = ", which --reviewed-only cannot tell apart" if reviewed_only else ""
    advice = undo if undo else f"review them{_or_undo(undo, said)}"
    warn(
        f"{files} say{'s' if len(unrecorded) == 1 else ''} ltmt filled "
        f"translations in ({generators}) and mark{'s' if len(unrecorded) == 1 else ''} none "
        f"fuzzy, and no record on this machine says which: {counted(pairs, 'pair')} imported as "
        f"approved, {'which holds' if pairs == 1 else 'which hold'} ltmt's machine translation "
        f"unless a reviewer removed its fuzzy marks{apart}; if nobody reviewed it, {advice}"
    )


@app.command("add")
def add(
    user: str = typer.Option(..., "--user", "-u", help="Whose memory to add to."),
    source: str = typer.Option(..., "--source", help="Source text."),
    target: str = typer.Option(..., "--target", help="Target text."),
    memory_dir: Path | None = MEMORY_DIR_OPTION,
    key_file: Path | None = KEY_FILE_OPTION,
) -> None:
    """Add one source/target pair to --user's memory (a pair already stored is kept once, and
    made the newest translation of its source if another was added since: translations reuse
    the newest).

    A target whose edge whitespace is not its source's (``Speichern\\n`` for ``Save``) is
    stored as written, as an import stores it, with a note: a 100 % match reused takes the
    edge whitespace of the text it translates. A pair ``ltmt qa`` would report (a target that
    lacks or adds placeholders, numbers that disagree: what ``memory import`` warns of) is
    stored with a warning."""
    from ltmt.memory.clean import clean_pair
    from ltmt.memory.import_checks import suspect_pairs
    from ltmt.qa.whitespace_checks import whitespace_problems
    from ltmt.segments import PairRecord

    clean_pair(user, source, target, None)  # a pair that cannot be stored makes no store
    with open_store(memory_dir, key_file, user=user) as memory:
        users_before = memory.users()
        added = memory.add_pair(user, source, target, origin="cli", warn_new_user=False)
        suspects = suspect_pairs([PairRecord(source, target)], memory.clean)
    said = f"segment {added.segment.id} of {user}"
    if added.refreshed_from is not None:  # re-approved: renumbered to be the one reused
        said = (
            f"segment {added.refreshed_from} of {user}, now segment {added.segment.id}: the "
            "newest translation of its source, which translations reuse"
        )
    typer.echo(f"{'added' if added.new else 'already stored:'} {said}")
    for problem in whitespace_problems(source, target, {}):
        typer.echo(f"ltmt: note: {problem}; stored as written", err=True)
    for kind in suspects:  # what memory import warns of, and ltmt qa reports
        warn(
            f"a pair {kind.about} stored as written: correct it with ltmt "
            "memory add (translations reuse the newest translation of a source)"
        )
    warn_if_close_to_a_user(user, users_before)


EXPORT_LANG_HELP = (
    "The {side} language code TMX/XLIFF files are written with (default: the memory's, as "
    "'ltmt memory stats' shows it, else {default}), as a BCP 47 tag (en_US as en-US, ger as "
    "de); a region of it (de-AT for de) is allowed, another language refused."
)


def _export_languages(
    stored: tuple[str, str] | None, user: str, src_lang: str | None, tgt_lang: str | None
) -> tuple[str, str]:
    """The languages an export of ``user``'s memory (of the ``stored`` pair, if known) is
    written with: those given, else the stored ones (else en → de), as BCP 47 tags (a store
    of an older ltmt holds them as typed: ``en_US``, ``ger``). A given one that is not
    the stored language or a region of it (the file would label the text wrongly, and its
    import back be refused) is an :class:`InputError`."""
    from ltmt.formats.common import canonical_code, lang_matches

    pair = stored or ("en", "de")
    for option, given, held in (
        ("--src-lang", src_lang, pair[0]),
        ("--tgt-lang", tgt_lang, pair[1]),
    ):
        if stored is not None and given is not None and not lang_matches(given, held):
            raise InputError(
                f"{option} {given} is not the language of {user}'s memory, which holds "
                f"{stored[0]} → {stored[1]} pairs: leave {option} out (it writes {held}), or "
                f"give a region of {held}"
            )
    return canonical_code(src_lang or pair[0]), canonical_code(tgt_lang or pair[1])


@app.command("export")
def export(
    user: str = typer.Option(..., "--user", "-u", help="Whose memory to export."),
    output: str = typer.Option(
        ...,
        "--output",
        "-o",
        parser=given_path_name,
        help="File to write (.jsonl, .tsv, .tmx...), or - for standard output (needs --format).",
    ),
    fmt: str | None = typer.Option(
        None, "--format", help="File format (default: from the extension)."
    ),
    memory_dir: Path | None = MEMORY_DIR_OPTION,
    key_file: Path | None = EXISTING_KEY_FILE_OPTION,
    src_lang: str | None = typer.Option(
        None,
        "--src-lang",
        parser=given_language,
        help=EXPORT_LANG_HELP.format(side="source", default="en"),
    ),
    tgt_lang: str | None = typer.Option(
        None,
        "--tgt-lang",
        parser=given_language,
        help=EXPORT_LANG_HELP.format(side="target", default="de"),
    ),
    excel: bool = typer.Option(
        False,
        "--excel",
        help="CSV for Excel with German (or other European) settings: UTF-8 with a byte order "
        "mark, ';' between cells, CRLF; a plain .csv (UTF-8, ',') shows mojibake in one column "
        "there. With English settings open it by Data > From Text/CSV. A cell that Excel "
        "would run as a formula (starting with = + - @, a tab or CR) gets a ' before it "
        "(shown as text); memory import reads it back without.",
    ),
    newest_only: bool = typer.Option(
        False,
        "--newest-only",
        help="Write only each source's newest translation (per context and plural form): the "
        "one ltmt reuses. A corrected translation leaves the one it corrected stored beside "
        "it, and a CAT tool reads every unit of a TMX as an approved 100 % match.",
    ),
) -> None:
    """Write every segment of --user's memory to --output (metadata kept where the format can).

    A regular file is replaced atomically and gets the mode your umask gives; a symlink, device
    or pipe is written through. The export is plaintext, even from an encrypted store.
    """
    import shutil

    from ltmt.formats.common import XmlLeftOut
    from ltmt.formats.fluent_written import exported_record
    from ltmt.formats.pairs import write_pairs
    from ltmt.formats.po import PoLeftOut
    from ltmt.formats.registry import find_format
    from ltmt.memory.newest import NewestOnly, newest_of_each_source
    from ltmt.memory.origins import with_shown_origins
    from ltmt.memory.work_folders import work_folder
    from ltmt.outputs import describe, is_stdout, open_output

    spec = find_format(Path(output), fmt, role="write")
    name = spec.name
    if excel and name != "csv":
        raise InputError(
            f"--excel writes CSV, not {name}: name the output .csv or pass --format csv"
        )
    with open_store(memory_dir, key_file, existing=True) as memory:
        memory.require_user(user)
        asked_source = src_lang is not None  # TMX: every source tuv carries it
        asked_target = tgt_lang is not None  # and every target tuv this one
        src_lang, tgt_lang = _export_languages(memory.languages(user), user, src_lang, tgt_lang)

        # the format writers write a path: a scratch file in the store's private work folder
        # (not $TMPDIR: a killed export's is removed at the store's next opening; a read-only
        # store's is beside --output), then copied to --output (atomically: a file beside it,
        # renamed)
        beside = None if is_stdout(output) else Path(output).absolute().parent
        with work_folder(memory.path, beside) as scratch:
            # named as --output: an XLIFF file records its name (<file original=...>)
            written = scratch / (f"export.{name}" if is_stdout(output) else Path(output).name)
            options: dict[str, Any] = {**spec.language_options(src_lang, tgt_lang)}
            if excel:
                options["excel"] = True
            if name == "tmx":
                options["one_source_tag"] = asked_source
                options["one_target_tag"] = asked_target
            # a catalog holds one translation per message: what it left out is said
            po_left_out = PoLeftOut() if name == "po" else None
            if po_left_out is not None:
                options["left_out"] = po_left_out
            # an XML format's pairs with control characters: refused in one error below
            xml_left_out = XmlLeftOut(name.upper()) if spec.is_xml else None
            if xml_left_out is not None:
                options["left_out"] = xml_left_out
            segments = [0]  # counted as they stream by: a large memory is not held in RAM

            older = NewestOnly()

            def stored() -> Iterable[Segment]:
                if newest_only:
                    return newest_of_each_source(lambda: memory.segments(user), older)
                return memory.segments(user)

            def records() -> Iterator[PairRecord]:
                held = memory.origin_shares(user)  # origins named as stats names them
                for segment in with_shown_origins(stored(), held):
                    segments[0] += 1
                    yield exported_record(segment, name)  # a Fluent pair as Fluent text

            try:
                count = write_pairs(written, records(), name, **options)
            except InputError as exc:  # it names the scratch file: say --output instead
                shown = "standard output" if is_stdout(output) else output
                raise InputError(str(exc).replace(str(written), shown)) from exc
            if xml_left_out is not None and xml_left_out.count:  # a backup must not lose
                raise InputError(_not_exported(xml_left_out, segments[0], user))  # pairs unsaid
            with open(written, "rb") as data, open_output(output, binary=True) as out:
                shutil.copyfileobj(data, out)
    exported = counted(segments[0], "segment")
    newest = ""
    if newest_only:
        newest = (
            f": the newest translation of each source, {counted(older.older, 'older one')} left out"
        )
    entries = ""
    # a PO catalog: one entry per message (every plural form in it, its newest translation)
    if po_left_out is not None and count != segments[0]:
        why = po_left_out.summary(segments[0], count)
        entries = (
            f" as {counted(count, 'entry', 'entries')} ({why}; .tmx or .jsonl keep every segment)"
        )
    typer.echo(
        f"exported {exported} of {user} to {describe(output)}{entries}{newest}",
        err=is_stdout(output),
    )


def _not_exported(left_out: XmlLeftOut, segments: int, user: str) -> str:
    """The error of an XML export that left out ``left_out``'s pairs of ``user``'s
    ``segments``: they hold control characters, which XML cannot carry, so nothing was written
    (a backup must not lose pairs); it names them and the formats that keep them."""
    of_all = f"the {counted(segments, 'segment')} of {user}"
    if segments == 1:
        which = f"the segment of {user} cannot be written"
    elif left_out.count == segments:
        which = f"none of {of_all} can be written"
    else:
        which = f"{left_out.count} of {of_all} cannot be written"
    shown = first_few(left_out.positions)
    return (
        f"{which} to {left_out.kind}: {'it holds' if left_out.count == 1 else 'they hold'} "
        f"control characters, which XML cannot carry{f' ({shown})' if shown else ''}; nothing "
        "written: export as .jsonl, .tsv or .po, which keep them"
    )


@app.command("search")
def search(
    text: str = typer.Argument(..., help="Source text to look up."),
    user: str = typer.Option(..., "--user", "-u", help="Whose memory to search."),
    k: int = typer.Option(5, "-k", "--top-k", min=1, help="How many matches."),
    memory_dir: Path | None = MEMORY_DIR_OPTION,
    key_file: Path | None = EXISTING_KEY_FILE_OPTION,
    as_json: bool = typer.Option(
        False,
        "--json",
        help='JSON list of {"source", "target", "score", "id", "context"} (context: null for '
        "none).",
    ),
) -> None:
    """Print the best fuzzy matches of TEXT in --user's memory, best first (score 0-100): score,
    id, source and target, and the pair's context where it has one (a PO msgctxt, a string's
    key), which tells apart the translations of one source; a pair imported from Markdown as
    Markdown writes it (--json: as stored)."""
    from ltmt.formats.markdown_inline import shown
    from ltmt.memory.layout import context_of

    if not text.strip():
        raise InputError("TEXT is empty: give the source text to look up")
    with open_store(memory_dir, key_file, existing=True) as memory:
        memory.require_user(user)
        matches = memory.search(user, text, k=k)
    if as_json:
        echo_json(
            [
                {
                    "source": m.segment.source,
                    "target": m.segment.target,
                    "score": round(m.score, 2),
                    "id": m.segment.id,
                    "context": context_of(m.segment.metadata) or None,
                }
                for m in matches
            ]
        )
        return
    if not matches:
        typer.echo(f"ltmt: no match for {text!r} in {user}'s memory", err=True)
    for m in matches:
        context = context_of(m.segment.metadata)
        pair = [shown(m.segment.source), shown(m.segment.target)]  # a Markdown pair as written
        line = "\t".join(_one_line(column) for column in [*pair, *([context] if context else [])])
        typer.echo(f"{m.score:6.2f}\t{m.segment.id}\t{line}")
