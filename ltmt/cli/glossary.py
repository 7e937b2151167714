"""``ltmt glossary``: per-user glossaries the decoder follows, and terms learnt from memory."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Any

import typer
from typer.core import TyperCommand

from ltmt.cli.json_output import echo_json, warn
from ltmt.cli.markup import HELP_MARKUP
from ltmt.cli.path_options import given_path
from ltmt.cli.store import (
    EXISTING_KEY_FILE_OPTION,
    KEY_FILE_OPTION,
    MEMORY_DIR_OPTION,
    open_store,
    open_store_before_reading,
    warn_if_close_to_a_user,
)
from ltmt.errors import InputError
from ltmt.memory.freed_pages import COMPACT_NOTE
from ltmt.terminology.matching import capitals_or_label
from ltmt.terminology.terms import Term
from ltmt.wording import counted, first_few

app = typer.Typer(
    help="Per-user glossaries: import, add, list, export, delete, suggest (from memory).",
    no_args_is_help=True,
    rich_markup_mode=HELP_MARKUP,
)

USER_HELP = "Whose glossary."


def register(app_: typer.Typer) -> None:
    """Add the ``glossary`` command group to the ``ltmt`` app."""
    app_.add_typer(app, name="glossary")


# the options name the pair the user is translated in, not the file's own direction
_PAIR_HELP = (
    "The language of the {side} terms: the TBX langSet, or the CSV/TSV column headed so, of "
    "this language (a plain CSV's {column} column). It must be the language the user is "
    "translated {way} (their memory's, else the default model's): a reversed pair is refused."
)
SRC_LANG_HELP = _PAIR_HELP.format(side="source", column="first", way="from")
TGT_LANG_HELP = _PAIR_HELP.format(side="target", column="second", way="into")


@app.command("import")
def import_(
    file: Path = typer.Argument(..., parser=given_path, help="Glossary file: .csv, .tsv or .tbx."),
    user: str = typer.Option(..., "--user", "-u", help=USER_HELP),
    fmt: str | None = typer.Option(None, "--format", help="csv, tsv or tbx (default: extension)."),
    src_lang: str = typer.Option("en", "--src-lang", help=SRC_LANG_HELP),
    tgt_lang: str = typer.Option("de", "--tgt-lang", help=TGT_LANG_HELP),
    replace: bool = typer.Option(False, "--replace", help="Delete the user's terms first."),
    no_language_check: bool = typer.Option(
        False,
        "--no-language-check",
        help="Import the terms though they read as other languages than --src-lang and "
        "--tgt-lang (swapped columns, another pair).",
    ),
    memory_dir: Path | None = MEMORY_DIR_OPTION,
    key_file: Path | None = KEY_FILE_OPTION,
) -> None:
    """Import FILE into --user's glossary: rows ``source,target[,note[,case]]`` (CSV/TSV; a
    header may name a ``gender`` column: m/f/n or der/die/das, the target's German gender), or
    TBX term entries with both languages. A bad row stops the import before anything is
    written; a term already there (same source) is replaced, keeping its targets not to use
    unless the new term names some (a CSV or TSV row cannot: --replace drops them); terms whose
    sides read as other languages than --src-lang and --tgt-lang (columns swapped) are
    refused, as is a pair that is not the one the user is translated in (--src-lang)."""
    from ltmt.model.languages import model_languages
    from ltmt.terminology.files import read_glossary
    from ltmt.terminology.glossary_pair import check_glossary_pair

    with contextlib.ExitStack() as stack:
        # an existing store is read for the user's pair before the file; a new one is made
        # once the file is read, so that a refused import makes none
        opened = open_store_before_reading(memory_dir, key_file, user=user)
        memory = stack.enter_context(opened) if opened is not None else None
        held = memory.languages(user) if memory is not None else None
        check_glossary_pair((src_lang, tgt_lang), user, held, model_languages(None))
        terms = read_glossary(
            file,
            fmt,
            src_lang=src_lang,
            tgt_lang=tgt_lang,
            language_check=not no_language_check,
            format_option="--format",
        )
        _warn_function_words(file.name, terms)
        users_before = memory.users() if memory is not None else []
        if memory is None:
            memory = stack.enter_context(open_store(memory_dir, key_file, user=user))
        glossary = memory.glossary(user)
        removed = glossary.clear() if replace else 0
        update = glossary.add_terms(terms)
        total = len(glossary)
    cleared = f", {removed} removed first" if replace else ""
    typer.echo(
        f"imported {file.name} into {user}'s glossary: {update.added} added, {update.replaced} "
        f"replaced, {update.unchanged} unchanged{cleared}; {counted(total, 'term')}"
    )
    _note_unforbidden(update.unforbidden)
    warn_if_close_to_a_user(user, users_before)


class _TermsAsOptions(TyperCommand):
    """``glossary add``, which refuses terms given as arguments (``glossary add "order"
    "Bestellung"``, which click answered "Missing option '--source'") with the command as
    written with options, as ``memory add`` takes its pair: read before click checks the
    options that are required."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        given, words, _ = self.make_parser(ctx).parse_args(args=list(args))
        if words:
            user = given.get("user") or "USER"
            source, target = words if len(words) == 2 else ("SOURCE", "TARGET")
            raise InputError(
                f"glossary add takes --source and --target: ltmt glossary add --user {user} "
                f'--source "{source}" --target "{target}"'
            )
        return super().parse_args(ctx, args)


@app.command("add", cls=_TermsAsOptions)
def add(
    user: str = typer.Option(..., "--user", "-u", help=USER_HELP),
    sources: list[str] = typer.Option(..., "--source", help="Source term."),
    targets: list[str] = typer.Option(
        ..., "--target", help="Target term it must be translated by (one)."
    ),
    note: str = typer.Option("", "--note", help="A note for translators."),
    case_sensitive: bool = typer.Option(
        False, "--case-sensitive", help="The source matches only with this case."
    ),
    gender: str = typer.Option(
        "",
        "--gender",
        help="The German gender of the target's noun, m, f or n (der, die, das): qa checks "
        "the articles and adjective endings before it.",
    ),
    memory_dir: Path | None = MEMORY_DIR_OPTION,
    key_file: Path | None = KEY_FILE_OPTION,
) -> None:
    """Add (or replace) one term of --user's glossary; a term already there keeps its targets
    not to use (from a TBX import), less the new target."""
    source, target = _only_one(sources, "--source"), _only_one(targets, "--target")
    # one that cannot be stored (a --gender of another value) makes no store
    term = Term(source, target, note, case_sensitive, gender=gender)
    _warn_function_words("--source", [term])
    with open_store(memory_dir, key_file, user=user) as memory:
        users_before = memory.users()
        update = memory.glossary(user).add_terms([term])
    # a target that takes another's place says so: a replaced term is no silent loss
    was = [old.target for old in update.previous if old.target != term.target]
    replaced = f" (was {was[0]})" if was else ""
    typer.echo(f"{user}: {term.source} → {term.target}{replaced}")
    _note_unforbidden(update.unforbidden)
    warn_if_close_to_a_user(user, users_before)


def _only_one(values: list[str], option: str) -> str:
    """The one value given for ``option``: a repeated option was stored as its last value
    without a word, so it is an InputError."""
    if len(values) > 1:
        given = ", ".join(repr(value) for value in values)
        raise InputError(
            f"{option} was given {len(values)} times ({given}); give one (a term has one "
            "target: import a .tbx to list targets not to use)"
        )
    return values[0]


def _warn_function_words(name: str, terms: list[Term]) -> None:
    """Warn of ``terms`` whose source is a function word: stored, but not followed."""
    from ltmt.terminology.function_words import function_word_warning

    message = function_word_warning(name, terms)
    if message is not None:
        warn(message)


def _note_unforbidden(terms: tuple[Term, ...]) -> None:
    """Say on stderr which terms' new target was on their list of targets not to use (it is
    taken off the list: qa would flag the approved target)."""
    for term in terms:
        typer.echo(
            f"ltmt: note: {term.target!r} was a target not to use for {term.source!r}; it is "
            "the approved target now and no longer flagged",
            err=True,
        )


@app.command("list")
def list_(
    user: str = typer.Option(..., "--user", "-u", help=USER_HELP),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
    memory_dir: Path | None = MEMORY_DIR_OPTION,
    key_file: Path | None = EXISTING_KEY_FILE_OPTION,
) -> None:
    """Print --user's glossary, one term a line (source, target, flags: [case], [capitals, or
    as a label] for a term with a word in capitals, found only so or heading a message
    ("Caution: ..."), the gender [m]/[f]/[n]; the targets not to use: (not: ...); note)."""
    with open_store(memory_dir, key_file, existing=True) as memory:
        memory.require_user(user)
        terms = memory.glossary(user).terms()
    if as_json:
        echo_json([_listed(t) for t in terms])
        return
    if not terms:  # said on stderr: a typo in --user or --memory-dir shows at once
        typer.echo(f"ltmt: {user} has no glossary terms in this store", err=True)
    for term in terms:
        flags = (" [case]" if term.case_sensitive else "") + (
            " [capitals, or as a label]" if capitals_or_label(term) else ""
        )
        flags += f" [{term.gender}]" if term.gender else ""
        forbidden = f"  (not: {', '.join(term.forbidden)})" if term.forbidden else ""
        note = f"  # {term.note}" if term.note else ""
        typer.echo(f"{term.source}\t{term.target}{flags}{forbidden}{note}")


def _listed(term: Term) -> dict[str, object]:
    """``term`` as ``glossary list --json`` prints it: as stored, and ``capitals_or_label``
    where it is found only in capitals or as a label (``REF``, ``CAUTION``: "Caution: ...")."""
    return term.to_json() | ({"capitals_or_label": True} if capitals_or_label(term) else {})


@app.command("export")
def export(
    user: str = typer.Option(..., "--user", "-u", help=USER_HELP),
    output: Path = typer.Option(
        ...,
        "--output",
        "-o",
        parser=given_path,
        help="File to write (.csv, .tsv, .tbx, or .txt: OmegaT's glossary).",
    ),
    fmt: str | None = typer.Option(
        None, "--format", help="csv, tsv, tbx or omegat (default: extension)."
    ),
    src_lang: str = typer.Option("en", "--src-lang", help="TBX: the source language code."),
    tgt_lang: str = typer.Option("de", "--tgt-lang", help="TBX: the target language code."),
    memory_dir: Path | None = MEMORY_DIR_OPTION,
    key_file: Path | None = EXISTING_KEY_FILE_OPTION,
) -> None:
    """Write --user's glossary to a CSV, TSV, TBX or OmegaT (``.txt``) file that ``glossary
    import`` reads back."""
    from ltmt.terminology.files import glossary_format, write_delimited, write_omegat
    from ltmt.terminology.tbx import write_tbx

    chosen = glossary_format(output, fmt)
    with open_store(memory_dir, key_file, existing=True) as memory:
        memory.require_user(user)
        terms = memory.glossary(user).terms()
    if chosen == "tbx":
        data = write_tbx(terms, src_lang, tgt_lang)
    elif chosen == "omegat":
        data = write_omegat(terms).encode("utf-8")
        _warn_of_forbidden_left_out(terms, "OmegaT's glossary")
        _warn_of_case_flags_left_out(terms)
    else:
        data = write_delimited(terms, "\t" if chosen == "tsv" else ",").encode("utf-8")
        _warn_of_forbidden_left_out(terms, chosen.upper())
    try:
        output.write_bytes(data)
    except OSError as exc:
        raise InputError(f"cannot write {output}: {exc.strerror}") from exc
    typer.echo(f"exported {counted(len(terms), 'term')} of {user} to {output}")


def _warn_of_forbidden_left_out(terms: list[Term], kind: str) -> None:
    """Say on stderr how many terms' lists of targets not to use a CSV, TSV or OmegaT export
    (``kind``: ``CSV``) leaves out (it has no column for them; they were dropped without a
    word)."""
    with_forbidden = sum(1 for term in terms if term.forbidden)
    if with_forbidden:
        warn(
            f"{kind} has no column for targets not to use: those of "
            f"{counted(with_forbidden, 'term')} are left out (export to .tbx keeps them)"
        )


def _warn_of_case_flags_left_out(terms: list[Term]) -> None:
    """Say on stderr how many case-sensitive terms an OmegaT export writes without their flag
    (OmegaT's glossary has no column for it)."""
    flagged = sum(1 for term in terms if term.case_sensitive)
    if flagged:
        warn(
            "OmegaT's glossary has no case column: the case-sensitive flags of "
            f"{counted(flagged, 'term')} are left out (export to .tsv or .tbx keeps them)"
        )


@app.command("delete")
def delete(
    sources: list[str] = typer.Argument(
        None,
        help="Source terms to delete: matched in any case, or with --case-sensitive written "
        "exactly so.",
    ),
    user: str = typer.Option(..., "--user", "-u", help=USER_HELP),
    all_terms: bool = typer.Option(
        False, "--all", help="Delete every term of --user (needs --yes)."
    ),
    yes: bool = typer.Option(False, "--yes", help="Confirm --all."),
    case_sensitive: bool | None = typer.Option(
        None,
        "--case-sensitive/--case-insensitive",
        help="Only the case-sensitive term written exactly so, or only the case-insensitive one "
        "(default: both).",
    ),
    memory_dir: Path | None = MEMORY_DIR_OPTION,
    key_file: Path | None = EXISTING_KEY_FILE_OPTION,
) -> None:
    """Delete terms (by source) or, with --all --yes, the whole glossary of --user. A source may
    have two terms, a case-sensitive one (Git) and one for any case (git): both go unless
    --case-sensitive or --case-insensitive says which."""
    if not sources and not all_terms:
        raise InputError("name the source terms to delete, or pass --all")
    if all_terms and case_sensitive is not None:
        raise InputError("--all deletes every term; --case-sensitive/--case-insensitive name one")
    if all_terms and sources:  # which was meant: the terms named, or every one?
        raise InputError("--all deletes every term; name terms to delete, or pass --all alone")
    with open_store(memory_dir, key_file, existing=True) as memory:
        memory.require_user(user)
        glossary = memory.glossary(user)
        if all_terms:
            if not yes:
                from ltmt.cli.main import click_errors

                raise click_errors.UsageError(
                    f"refusing to delete {user}'s glossary ({counted(len(glossary), 'term')}) "
                    "without --yes (it cannot be undone)"
                )
            deleted = glossary.clear()
        else:
            counts = {s: glossary.delete(s, case_sensitive=case_sensitive) for s in sources}
            deleted = sum(counts.values())
            missing = [s for s, count in counts.items() if not count]
            said = dict.fromkeys(missing, "")
            if case_sensitive is not None:  # the other kind of term may be there
                others = {
                    t.source.casefold() for t in glossary if t.case_sensitive is not case_sensitive
                }
                flag = "--case-sensitive" if case_sensitive else "--case-insensitive"
                other = "a case-insensitive" if case_sensitive else "a case-sensitive"
                for source in (s for s in missing if s.casefold() in others):
                    said[source] = f" ({other} one is there: drop {flag})"
            if not deleted:
                names = ", ".join(f"{source!r}{said[source]}" for source in sources)
                raise InputError(f"{user} has no glossary term {names}; nothing deleted")
            for source in missing:
                typer.echo(f"ltmt: {user} has no glossary term {source!r}{said[source]}", err=True)
    typer.echo(f"deleted {counted(deleted, 'term')} of {user}; {COMPACT_NOTE}")


@app.command("suggest")
def suggest(
    user: str = typer.Option(..., "--user", "-u", help="Whose memory to learn terms from."),
    min_segments: int = typer.Option(3, "--min-segments", min=1, help="Evidence needed."),
    min_consistency: float = typer.Option(
        0.8, "--min-consistency", min=0.0, max=1.0, help="Share of segments that must agree."
    ),
    limit: int = typer.Option(50, "--limit", min=0, help="Suggestions shown (0 = all)."),
    nouns_only: bool = typer.Option(
        False,
        "--nouns-only",
        help="Only noun-like terms (the target written with a capital inside sentences, as "
        "German nouns are; the source not used mostly as a verb): the likeliest to be right, "
        "still worth reading before --accept.",
    ),
    accept: bool = typer.Option(
        False,
        "--accept",
        help="Add the shown suggestions to --user's glossary (a term already there is kept).",
    ),
    replace: bool = typer.Option(
        False, "--replace", help="With --accept: a suggestion replaces the glossary's own term."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
    memory_dir: Path | None = MEMORY_DIR_OPTION,
    key_file: Path | None = EXISTING_KEY_FILE_OPTION,
) -> None:
    """Propose term pairs that --user's memory translates consistently, with their evidence
    (segments with the source term, and how many of them use the target). --accept adds them;
    a source the glossary already has keeps its term unless --replace (the suggestion shows it)."""
    from ltmt.terminology.suggest import SuggestConfig, suggest_terms

    if replace and not accept:
        raise InputError("--replace works with --accept (it says which term wins)")
    config = SuggestConfig(min_segments=min_segments, min_consistency=min_consistency)
    with open_store(memory_dir, key_file, existing=True) as memory:
        if user not in memory.users() or not memory.count(user):
            raise InputError(f"{user!r} has no memory to learn terms from in {memory.path}")
        pairs = ((s.source, s.target) for s in memory.segments(user))
        found = suggest_terms(pairs, config)
        if nouns_only:
            found = [s for s in found if s.noun_like]
        shown = found[:limit] if limit else found
        glossary = memory.glossary(user)
        own = {term.key: term.target for term in glossary.terms()}
        terms = [s.term() for s in shown]
        # the glossary's own target, where a suggestion's source has one and it differs
        held = [own.get(t.key) for t in terms]
        differing = [theirs if theirs != t.target else None for t, theirs in zip(terms, held)]
        if accept:
            # a term already there stays as the user wrote it (its note too), unless replaced
            update = glossary.add_terms(
                t for t, theirs in zip(terms, differing) if t.key not in own or (replace and theirs)
            )
    if as_json:
        rows = [{**s.to_dict(), "glossary": theirs} for s, theirs in zip(shown, differing)]
        echo_json(rows)
    else:
        for s, theirs in zip(shown, differing):
            there = f"\t(glossary: {theirs})" if theirs else ""
            typer.echo(
                f"{s.source}\t{s.target}\t{s.agreeing}/{s.segments} segments "
                f"({percent(s.agreeing, s.segments)}){there}"
            )
        typer.echo(f"{len(shown)} of {len(found)} suggestions", err=True)
        if not found:
            typer.echo(
                f"ltmt: no term that {user}'s memory translates the same way in at least "
                f"{min_segments} segments ({min_consistency:.0%} of them); lower "
                "--min-segments or --min-consistency to see weaker evidence",
                err=True,
            )
    if accept:
        kept = ""
        sources = [s.source for s, theirs in zip(shown, differing) if theirs]
        if sources and not replace:
            kept = (
                f"; {counted(len(sources), 'term')} of the glossary kept ({first_few(sources)}; "
                "--replace takes the suggestions instead)"
            )
        typer.echo(
            f"accepted into {user}'s glossary: {update.added} added, {update.replaced} "
            f"replaced{kept}",
            err=True,
        )


def percent(part: int, whole: int) -> str:
    """``part`` of ``whole`` (at least 1) as a percentage that says 100 % only when it is
    (``610/613``: ``99.5%``, not ``100%``)."""
    if part == whole:
        return "100%"
    share = 100 * part / whole
    return f"{share:.0f}%" if share < 99.5 else f"{min(share, 99.9):.1f}%"
