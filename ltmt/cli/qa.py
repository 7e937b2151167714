"""``ltmt qa``: check a translated file (or folder) before it ships (:mod:`ltmt.qa`)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from ltmt.cli.json_output import errors_as_report
from ltmt.cli.pair_files import PAIR_COLUMNS_OPTION
from ltmt.cli.path_options import given_path
from ltmt.cli.store import EXISTING_KEY_FILE_OPTION, MEMORY_DIR_OPTION, open_store
from ltmt.errors import ChoiceError, InputError
from ltmt.qa.findings import Severity

if TYPE_CHECKING:
    from ltmt.formats.subtitle_limits import Limits
    from ltmt.segments import PairRecord

# --fail-on's values: the least severe finding that fails the run (never: none does)
FAIL_LEVELS: dict[str, Severity | None] = {
    "error": "error",
    "warning": "warning",
    "note": "note",
    "never": None,
}


def _list_checks(value: bool) -> None:
    if value:
        from ltmt.qa import CHECKS

        width = max(len(name) for name in CHECKS)
        for check in CHECKS.values():
            typer.echo(f"{check.name:<{width}}  {check.severity:<7}  {check.about}")
        raise typer.Exit()


def qa(
    file: Path = typer.Argument(
        ...,
        parser=given_path,
        help="A translated file: .po, .xliff/.xlf, .ts, .xcstrings, Ren'Py .rpy, .tmx, .csv, "
        ".jsonl, .tsv; "
        "a translated Android strings.xml, .properties, .resx, JSON, YAML, Fluent, Apple "
        ".strings / .stringsdict file, subtitles, document or plain text with --source-file; "
        "or a folder "
        "of such files.",
    ),
    source_file: Path | None = typer.Option(
        None,
        "--source-file",
        parser=given_path,
        help="For a file holding one language (Android strings.xml, .properties ...): the "
        "source-language file it translates; for a CSV table translated in place, the table "
        "it was translated from (with the same --columns); for a folder, the source-language "
        "folder.",
    ),
    fmt: str | None = typer.Option(
        None, "--format", help="File format (default: from the extension)."
    ),
    src_lang: str = typer.Option("en", "--src-lang", help="The source language."),
    tgt_lang: str = typer.Option("de", "--tgt-lang", help="The target language."),
    user: str | None = typer.Option(
        None,
        "--user",
        "-u",
        help="Hold the file to this user's memory (a source it holds translated as stored) "
        "and glossary.",
    ),
    memory_dir: Path | None = MEMORY_DIR_OPTION,
    key_file: Path | None = EXISTING_KEY_FILE_OPTION,
    glossary: Path | None = typer.Option(
        None,
        "--glossary",
        parser=given_path,
        help="A glossary file (.csv/.tsv/.tbx) whose terms to check.",
    ),
    no_language_check: bool = typer.Option(
        False,
        "--no-language-check",
        help="Use --glossary though its terms read as other languages than --src-lang and "
        "--tgt-lang (swapped columns, another pair).",
    ),
    no_user_glossary: bool = typer.Option(
        False, "--no-user-glossary", help="Do not check --user's stored glossary."
    ),
    check: list[str] = typer.Option(
        [], "--check", help="Run only this check (repeatable, or comma-separated)."
    ),
    skip: list[str] = typer.Option(
        [], "--skip", help="Do not run this check (repeatable, or comma-separated)."
    ),
    reviewed_only: bool = typer.Option(
        False,
        "--reviewed-only",
        help="Leave out translations not yet reviewed (PO fuzzy, XLIFF needs-review, Qt "
        "unfinished); by default they are checked too.",
    ),
    fail_on_unreviewed: bool = typer.Option(
        False,
        "--fail-on-unreviewed",
        help="Exit with status 1 when an entry's translation is not yet reviewed (PO fuzzy, "
        "XLIFF needs-review, Qt unfinished, a String Catalog's needs_review): the summary "
        "and --json's unreviewed count them.",
    ),
    columns: str | None = PAIR_COLUMNS_OPTION,
    fail_on: str = typer.Option(
        "error",
        "--fail-on",
        help="Exit with status 1 when a finding is this severe or worse: error, warning, note, "
        "or never.",
    ),
    formality: str | None = typer.Option(
        None,
        "--formality",
        help="The form of address the German translation must use: du (informal) or Sie "
        "(formal); each entry of the other form is a warning. By default, an entry or a file "
        "that uses both is.",
    ),
    max_cps: float | None = typer.Option(
        None,
        "--max-cps",
        help="The subtitles check: the most characters a second a cue may read at (default 17).",
    ),
    max_line_length: int | None = typer.Option(
        None,
        "--max-line-length",
        help="The subtitles check: the most characters a cue's line may show (default 42).",
    ),
    max_lines: int | None = typer.Option(
        None,
        "--max-lines",
        help="The subtitles check: the most lines a cue may have (default 2).",
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the report as JSON."),
    list_checks: bool = typer.Option(
        False,
        "--list-checks",
        callback=_list_checks,
        is_eager=True,
        help="List the checks, their severity and what each looks for, and exit.",
    ),
) -> None:
    """Check a translated FILE: format strings, placeholders and tags, numbers and their units,
    accelerators, key combinations, whitespace, no-break spaces, doubled words, one source
    translated two ways (or two similar sources one way), words no spelling dictionary of
    --tgt-lang knows, German that says "du" and "Sie" (with --formality, the form not asked
    for), and with --user the user's memory and glossary.

    Each finding is a line `PLACE: severity [check] message`, PLACE being where the entry is:
    its file and line (`de.po:76`) where the line is known, else its file and number
    (`de.po: entry 8`), key, id, cell (`'Sheet 1'!D3`) or part of a document; the last line
    counts them. The exit status is 1 when a finding is as severe as --fail-on (by default, an
    error: a translation that breaks the program showing it), 2 when the file could not be
    checked (not found, unreadable, of another language pair, nothing translated, a bad
    option; with --json said as {"error": "..."} on standard output), else 0. `ltmt qa
    --list-checks` lists the checks.
    """
    from ltmt.cli.pair_files import read_records
    from ltmt.formats.output_sources import OutputSources
    from ltmt.qa import check_names, check_pairs, chosen_checks
    from ltmt.qa.android_checks import android_problems
    from ltmt.qa.catalog_forms import (
        access_key_problems,
        catalog_state,
        missing_form_problems,
        missing_messages,
        missing_plural_forms,
        missing_problems,
        stringsdict_problems,
        untranslated_csv_rows,
    )
    from ltmt.qa.changed_identifiers import changed_identifier_problems
    from ltmt.qa.cue_marks import cue_mark_problems
    from ltmt.qa.extra_strings import extra_problems
    from ltmt.qa.fluent_attributes import attribute_problems
    from ltmt.qa.formality_checks import formality_form
    from ltmt.qa.jed_checks import jed_form_problems
    from ltmt.qa.keyed_accelerators import shared_key_accelerators
    from ltmt.qa.lost_cues import lost_cue_problems
    from ltmt.qa.outdated_checks import outdated_problems
    from ltmt.qa.run import NEEDS_INPUT
    from ltmt.qa.store_listing_checks import store_listing_problems
    from ltmt.qa.subtitle_checks import subtitle_problems, timing_problems
    from ltmt.qa.webextension_checks import webextension_problems

    # an error that stops the check exits 2, so that a script tells a file it could not check
    # (a path mistyped, a file truncated) from one whose findings fail it (1)
    with errors_as_report(as_json, to_stdout=True, error_status=2):
        if fail_on not in FAIL_LEVELS:
            raise ChoiceError(f"--fail-on {fail_on!r}: use one of {', '.join(FAIL_LEVELS)}")
        form = formality_form(formality) if formality is not None else None
        asked = check_names(check)
        names = chosen_checks(asked, check_names(skip))
        if not names:
            raise InputError("--skip leaves no check to run")
        terms = []
        if glossary is not None:
            from ltmt.terminology.files import read_glossary

            terms = read_glossary(
                glossary,
                src_lang=src_lang,
                tgt_lang=tgt_lang,
                language_check=not no_language_check,
                purpose="use",
            )
        records = read_records(
            file,
            fmt,
            source_file,
            src_lang,
            tgt_lang,
            quiet=as_json,
            include_fuzzy=not reviewed_only,
            purpose="checked",
            columns=columns,
            extras_reported=source_file is not None and "extra" in names,
        )
        unreviewed = _unreviewed(
            file, fmt, source_file, (src_lang, tgt_lang), records, columns, reviewed_only
        )
        state = None if source_file is not None else catalog_state(file, fmt, not reviewed_only)
        untranslated = (
            state.untranslated
            if state is not None
            else untranslated_csv_rows(file, fmt, src_lang, tgt_lang, columns, source_file)
        )
        missing = (
            None if source_file is None else missing_messages(file, source_file, fmt, tgt_lang)
        )
        problems = state.form_problems if state is not None else []
        if missing and source_file is not None:
            untranslated = len(missing)
            problems += missing_problems(file, source_file, missing, fmt)
        if source_file is not None:
            forms = missing_plural_forms(file, source_file, fmt, tgt_lang)
            problems += missing_form_problems(file, source_file, forms, tgt_lang)
            problems += extra_problems(file, source_file, fmt, tgt_lang)
            problems += changed_identifier_problems(file, source_file, fmt, tgt_lang)
            problems += attribute_problems(file, source_file, missing or [], fmt)
        problems += access_key_problems(file, fmt)
        problems += stringsdict_problems(file, fmt)
        problems += jed_form_problems(file, fmt)
        problems += android_problems(file, fmt, source_file, tgt_lang)
        problems += webextension_problems(file, fmt, source_file)
        problems += store_listing_problems(file, fmt, records)
        problems += cue_mark_problems(file, fmt, source_file)
        problems += shared_key_accelerators(records)
        problems += subtitle_problems(file, fmt, _limits(max_cps, max_line_length, max_lines))
        problems += timing_problems(file, source_file, fmt)
        problems += lost_cue_problems(file, source_file, fmt)
        if user is None:
            problems += outdated_problems(file, records, fmt, OutputSources.in_cache())
            report = check_pairs(
                records,
                checks=names,
                glossary=terms,
                language=tgt_lang,
                untranslated=untranslated,
                unreviewed=unreviewed,
                unreviewed_read=not reviewed_only,
                form_problems=problems,
                formality=form,
            )
        else:
            with open_store(memory_dir, key_file, existing=True, user=user) as memory:
                memory.require_user(user)
                sources = OutputSources.in_cache(user, memory)
                problems += outdated_problems(file, records, fmt, sources)
                report = check_pairs(
                    records,
                    checks=names,
                    memory=memory,
                    user=user,
                    glossary=terms,
                    user_glossary=not no_user_glossary,
                    language=tgt_lang,
                    untranslated=untranslated,
                    unreviewed=unreviewed,
                    unreviewed_read=not reviewed_only,
                    form_problems=problems,
                    formality=form,
                )
        if as_json:
            typer.echo(
                json.dumps(
                    {"file": str(file), **report.to_dict(str(file))}, ensure_ascii=False, indent=2
                )
            )
        else:
            for finding in report.findings:
                typer.echo(finding.line())
            for note in report.notes:
                typer.echo(f"ltmt: note: {note}", err=True)
            for name, why in report.not_run.items():
                if name in asked or name not in NEEDS_INPUT:
                    typer.echo(f"ltmt: the {name} check did not run: {why}", err=True)
            typer.echo(report.summary())
    if report.fails(FAIL_LEVELS[fail_on]) or (fail_on_unreviewed and report.unreviewed):
        raise typer.Exit(1)


def _unreviewed(
    file: Path,
    fmt: str | None,
    source_file: Path | None,
    languages: tuple[str, str],
    records: list[PairRecord],
    columns: str | None,
    reviewed_only: bool,
) -> int:
    """The entries of ``file`` whose translation is not yet reviewed: ``records`` (read with
    them, or without them where ``reviewed_only``) against the file read the other way,
    quietly (its readers count what they leave out instead of warning again); read without
    them, a file none of whose entries is reviewed has none."""
    from ltmt.cli.pair_files import read_records
    from ltmt.cli.translate_job import formats_quiet
    from ltmt.errors import NoPairsError
    from ltmt.formats.not_read import NotRead
    from ltmt.qa.run import unreviewed_entries

    try:
        with formats_quiet():  # what the first reading warned of (the source beside it) once
            other = read_records(
                file,
                fmt,
                source_file,
                *languages,
                quiet=True,
                include_fuzzy=reviewed_only,
                not_read=NotRead(),
                purpose="checked",
                columns=columns,
                extras_reported=True,
            )
    except NoPairsError:  # no entry reviewed yet: a catalog just translated, all fuzzy
        other = []
    return (
        unreviewed_entries(other, records) if reviewed_only else unreviewed_entries(records, other)
    )


def _limits(cps: float | None, line_length: int | None, lines: int | None) -> Limits:
    """The subtitles check's limits: those given, the guide's for the others."""
    from ltmt.formats.subtitle_limits import Limits

    guide = Limits()
    return Limits(
        guide.cps if cps is None else cps,
        guide.line_length if line_length is None else line_length,
        guide.lines if lines is None else lines,
    )


def register(app: typer.Typer) -> None:
    app.command("qa")(qa)
