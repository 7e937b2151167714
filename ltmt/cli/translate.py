"""``ltmt translate``: translate a file or stdin for a user, with their memory."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from ltmt.cli.json_failures import report_on_stdout
from ltmt.cli.json_output import echo_report, errors_as_report, logged_warnings, warn
from ltmt.cli.path_options import given_path, given_path_name
from ltmt.cli.skip_keys import SKIP_KEYS_OPTION, parse_skip_keys_option, refuse_skip_keys
from ltmt.cli.store import MEMORY_DIR_OPTION
from ltmt.cli.translate_job import Job, address_warning, prepare, written_language
from ltmt.cli.translate_progress import SegmentProgress
from ltmt.errors import InputError
from ltmt.wording import counted, counted_kinds, first_few, their, them

# ltmt bench's too: the options reach ltmt.fusion.registry.make_fusion through
# parse_fusion_options
FUSION_OPTION_HELP = (
    "KEY=VALUE setting of the fusion method, repeatable (knn: neighbours=8, tau=2.5, "
    "repair=false, ...; knn-trained: combiner=DIR; attention: adapter=DIR)."
)

if TYPE_CHECKING:
    from ltmt.cli.translate_folder import FolderJob
    from ltmt.formats.run_report import RunReport
    from ltmt.fusion.base import Fusion
    from ltmt.memory.store import Memory


def translate(
    file: str = typer.Argument(
        ...,
        parser=given_path_name,
        help="Input: .txt (one segment per line; also a name without an extension, and another "
        "extension with --format txt), .po/.pot, "
        ".xliff/.xlf, Qt .ts, .xcstrings, .jsonl, Android strings.xml, Java .properties, .resx, "
        ".json/.arb/.yml message files, Apple .strings/.stringsdict, Fluent .ftl, .csv tables, "
        ".srt/.vtt subtitles, documents (.md, .html, .epub, .docx/.pptx/.xlsx, "
        ".odt/.ods/.odp/.odg and flat .fodt ...), or - for stdin; or a folder, whose files of "
        "these formats are translated into the same places under -o FOLDER (the others are "
        "skipped and named, an AsciiDoc page with the po4a commands that translate it, and the "
        "run exits 0; a folder with nothing to translate is an error, exit 1).",
    ),
    user: str | None = typer.Option(
        None, "--user", "-u", help="Whose memory to use (and learn into)."
    ),
    new_user: bool = typer.Option(
        False,
        "--new-user",
        help="Translate for a --user the store holds no memory of, though a user's name is "
        "close to it (without this, such a likely typo stops the run before the model loads).",
    ),
    model: str | None = typer.Option(
        None, "--model", "-m", help="Marian directory or hub id (default: embedded)."
    ),
    memory_dir: Path | None = MEMORY_DIR_OPTION,
    key_file: Path | None = typer.Option(
        None,
        "--key-file",
        parser=given_path,
        help="Store key of an encrypted memory (default: $LTMT_KEY_FILE).",
    ),
    output: str | None = typer.Option(
        None,
        "--output",
        "-o",
        parser=given_path_name,
        help="Write here (text: default stdout; - is stdout). An .xcstrings file or a .csv "
        "table, which hold every language, may name itself: filled in place.",
    ),
    learn: Path | None = typer.Option(
        None,
        "--learn",
        parser=given_path,
        help="Reference translations, one per input line: added to the memory afterwards.",
    ),
    fusion: str = typer.Option(
        "auto",
        "--fusion",
        help="Memory fusion: none, knn, knn-trained, attention or auto (knn-trained where the "
        "model ships a trained combiner, as the default model does; else knn).",
    ),
    fusion_option: list[str] = typer.Option([], "--fusion-option", help=FUSION_OPTION_HELP),
    beam: int = typer.Option(4, "--beam", min=1, help="Beam size (1 = greedy)."),
    batch_size: int = typer.Option(32, "--batch-size", min=1, help="Segments per model batch."),
    top_k: int = typer.Option(4, "--top-k", min=1, help="Memory matches retrieved per segment."),
    no_exact: bool = typer.Option(False, "--no-exact", help="Do not reuse 100% memory matches."),
    no_placeholder_guard: bool = typer.Option(
        False,
        "--no-placeholder-guard",
        help="Keep fused outputs that drop a source placeholder or add one, or lose a number "
        "(by default the model's own output is tried too and the one that keeps more "
        "placeholders, then adds fewer, then keeps more numbers, wins).",
    ),
    no_number_repair: bool = typer.Option(
        False,
        "--no-number-repair",
        help="Keep numbers as the model wrote them (by default a number written with a "
        "repeated digit once, E76 for the source's E766, is written as the source writes it).",
    ),
    no_seam_repair: bool = typer.Option(
        False,
        "--no-seam-repair",
        help="Keep words a multi-line translation ends one line with and starts the next with, "
        "and a word a line's translation says twice in a row (by default, where the source "
        "does not repeat them, they are written once).",
    ),
    accelerators: str = typer.Option(
        "auto",
        "--accelerators",
        help="Keyboard accelerators (&Open, _Quit, ~File) taken out of a line before the model "
        "translates it and placed in its translation: auto (all three markers), none (translated "
        "as text), or one marker: &, _ or ~ (e.g. _ for a GTK catalog).",
    ),
    no_capital_lines: bool = typer.Option(
        False,
        "--no-capital-lines",
        help="Give the model lines written in capitals (SELECT LINE) as written (by default "
        "it gets them in sentence case and the translation is written in capitals).",
    ),
    no_title_case_lines: bool = typer.Option(
        False,
        "--no-title-case-lines",
        help="Give the model lines in title case (Move to Trash) as written (by default an "
        "English line in title case goes to it in lower case, but for words that name "
        "something, and the translation gets a first capital).",
    ),
    no_sentence_split: bool = typer.Option(
        False,
        "--no-sentence-split",
        help="Give the model a line of several sentences whole where no memory is read for it "
        "(by default it gets them one at a time; a line too long for it is split anyway).",
    ),
    no_user_quotes: bool = typer.Option(
        False,
        "--no-user-quotes",
        help="Keep the model's quote marks around placeholders (by default they are written as "
        "the user's memory writes them: '%s', \"%s\", »%s«).",
    ),
    no_label_retry: bool = typer.Option(
        False,
        "--no-label-retry",
        help="Keep labels in title case the model copied (Settings) as it wrote them (by "
        "default they are decoded again in lower case, and the translation kept).",
    ),
    no_label_lexicon: bool = typer.Option(
        False,
        "--no-label-lexicon",
        help="Let the model translate short labels (Paste, Save As) too (by default a label "
        "of the model's label lexicon, decoded without memory, is written as it says).",
    ),
    no_copy_guard: bool = typer.Option(
        False,
        "--no-copy-guard",
        help="Keep fused outputs that repeat a match whose source says other words (by default "
        "they are decoded again with memory trusted less).",
    ),
    fmt: str | None = typer.Option(
        None,
        "--format",
        help="Force the input format: txt, paragraphs, jsonl, po, xliff (or an extension; "
        "'ltmt formats' lists them).",
    ),
    src_lang: str | None = typer.Option(
        None,
        "--src-lang",
        help="Source language; the model's pair must have it (default: the model's, "
        "from its tokenizer config or name, else en).",
    ),
    tgt_lang: str | None = typer.Option(
        None,
        "--tgt-lang",
        help="Target language: the model's pair and PO/XLIFF languages must match it "
        "(default: the model's, else de); a region of the model's is written as it writes "
        "(de-CH: ss for ß).",
    ),
    overwrite: bool = typer.Option(
        False,
        "--overwrite",
        help="PO/XLIFF: retranslate entries already translated; one-language files "
        "(Android, JSON, YAML, properties ...): retranslate the strings the existing output "
        "already has; plain text: replace an output edited since ltmt wrote it.",
    ),
    no_fuzzy: bool = typer.Option(
        False,
        "--no-fuzzy",
        help="PO/XLIFF: do not mark machine translations for review. PO: without the fuzzy "
        "flag gettext and the tools that read PO use them at once; with it (the default) they "
        "ignore them until a reviewer removes the flag (--exact-approved: only 100% memory "
        "matches unflagged).",
    ),
    skip_keys: str | None = SKIP_KEYS_OPTION,
    columns: str | None = typer.Option(
        None,
        "--columns",
        help="CSV: the columns to translate, by their headers, separated by commas: "
        '"Title,Body (HTML),SEO Title" translates these cells in place in the output\'s copy '
        '(-o another file), every other cell kept as written; "Title (en)=Title (de)" one '
        "column into another, added after the last where the header lacks it (by default "
        "the source language's columns, each into the target "
        "language's of the same name: Title (en) into Title (de)).",
    ),
    exact_approved: bool = typer.Option(
        False,
        "--exact-approved",
        help="PO, XLIFF, Qt .ts, Xcode .xcstrings (the formats that mark review): entries "
        "filled from a 100% match of the same context are not marked for review.",
    ),
    fuzzy_entries: str = typer.Option(
        "keep",
        "--fuzzy-entries",
        help="PO: what to do with a fuzzy entry's translation (msgmerge's, of an older msgid) "
        "that no 100% memory match of its context replaces: keep (the default) keeps it and its "
        "#| lines for the reviewer; translate machine-translates the msgid it has now, still "
        "fuzzy, and drops the #| lines, as they name the msgid of the translation replaced. "
        "Reviewed entries are left alone (--overwrite translates them too).",
    ),
    copies: str = typer.Option(
        "keep",
        "--copies",
        help="What to do with a translation so far that is its English source copied where "
        "nothing marks it a translator's (a JSON, YAML, .properties, Android... string in an "
        "existing output ltmt has no record of, an XLIFF 1.2 target without a state): keep "
        "(the default) keeps it, counted apart in the summary; translate translates it, the "
        "other translations kept (as tx pull --mode sourceastranslation leaves untranslated "
        "strings). A file of copies alone, a tool's, is translated either way.",
    ),
    strict: bool = typer.Option(
        False,
        "--strict",
        help="Exit 1 when a segment had to be cut at the model's limit, its placeholders or "
        "numbers could not be repaired, its translation lost a sentence or says fewer or more "
        "negations than its source, or "
        "translations were kept without a record to judge them by (the output is written all "
        "the same); and before anything is translated when the --user's memory store does "
        "not exist.",
    ),
    as_json: bool = typer.Option(
        False,
        "--json",
        help="Print the run's report as JSON (on stdout when the translation goes to a file, "
        "else on stderr), and nothing else there: its warnings in it (warnings), --strict's "
        'failure too (strict_failed), and an error as {"error": "..."}.',
    ),
    no_progress: bool = typer.Option(
        False,
        "--no-progress",
        help="Print no progress while a file is translated (by default a line on a terminal "
        "says how far the run is, rewritten as it goes; elsewhere, a CI log, it is printed "
        "every 30 seconds; --json prints none).",
    ),
    quiet: bool = typer.Option(
        False,
        "--quiet",
        "-q",
        help="Print no progress and no summary (warnings and errors still; --json prints its "
        "report all the same).",
    ),
    segments_report: Path | None = typer.Option(
        None,
        "--segments-report",
        parser=given_path,
        help="Write one JSON line per segment translated to this file (FILE.jsonl): its "
        "location, source, target, method (exact, fuzzy, model), memory match score and the "
        "memory segment it came from; for one file translated into a file (-o).",
    ),
    glossary: Path | None = typer.Option(
        None,
        "--glossary",
        parser=given_path,
        help="A glossary file (.csv/.tsv/.tbx) for this run only.",
    ),
    no_language_check: bool = typer.Option(
        False,
        "--no-language-check",
        help="Use --glossary though its terms read as other languages than --src-lang and "
        "--tgt-lang (swapped columns, another pair).",
    ),
    engine: str = typer.Option(
        "auto",
        "--engine",
        help="Decoder for segments without fusion: auto (CTranslate2 when installed and "
        "faithful to the model, else torch), ctranslate2 (required) or torch (ltmt's own "
        "decoder for every batch: the fused batches' encoder too, which auto runs in "
        "CTranslate2 over float32 weights).",
    ),
    compute_type: str = typer.Option(
        "int8", "--compute-type", help="CTranslate2 weights: int8 or float32."
    ),
    fusion_encoder: str | None = typer.Option(
        None,
        "--fusion-encoder",
        help="What encodes fused batches and their matches: auto (CTranslate2 where their "
        "weights are float32, else torch; torch with --engine torch), ctranslate2 (required; "
        "for int8 weights CTranslate2's int8 encoder: 1-19 % less CPU time, 0.15-0.19 BLEU "
        "less on the dev users) or torch.",
    ),
    fusion_weights: str = typer.Option(
        "auto",
        "--fusion-weights",
        help="Weights of the torch decoder that fused batches (knn, attention) run on: auto "
        "(for knn and knn-trained: int8 where the CPU has VNNI but no AMX, else bfloat16 where "
        "it has AVX512-BF16 or AMX, else int8 where it has AVX2, else float32), "
        "float32, float32-int8-head (the output projection alone in int8: the dev users' "
        "scores of float32, 1.1-1.3x as fast on an AVX2 CPU), float32-int8-encoder-head (the "
        "encoder's layers too, in torch: 0.1 BLEU less, and on an AVX2 CPU no faster than "
        "float32-int8-head since float32 encoders run in CTranslate2), "
        "bfloat16 (1.2-1.9x faster for "
        "kNN where native, -0.03 BLEU on the dev users; emulated and slow without), "
        "bfloat16-int8-head or int8 (every linear layer; for kNN on an AMD EPYC with VNNI "
        "1.2-1.4x faster than bfloat16, -0.05 BLEU; with AVX2 alone, on 7-bit weights and each "
        "input row on its own scale, a next run's kNN 1.2x as fast as float32-int8-head at "
        "its BLEU).",
    ),
    no_user_glossary: bool = typer.Option(
        False, "--no-user-glossary", help="Do not follow --user's stored glossary."
    ),
    formality: str | None = typer.Option(
        None,
        "--formality",
        help="German's form of address: du (informal) or Sie (formal). A line that says "
        '"you" (or starts with a command) and comes out in the other form is decoded again '
        "with that form's pronouns penalised, so the model words it in this one; not every "
        "line gets there, and some come out worse (ltmt qa --formality finds the rest). "
        "Default: the form the model learned.",
    ),
    threads: int = typer.Option(
        0, "--threads", min=0, help="CPU threads decoding uses (0: one per core)."
    ),
    workers: int = typer.Option(
        0,
        "--workers",
        min=0,
        help="Batches decoded at once, each with --threads / --workers threads (0: one per "
        "thread, at most 4; on 2 cores 1.2-1.75x the tokens per second of 1).",
    ),
    worker_processes: bool = typer.Option(
        False,
        "--worker-processes",
        help="Decode the batches that use memory in --workers processes rather than threads "
        "(each loads the model: a couple of seconds and about 430 MB more each; for long "
        "files on 2 cores 1.0-1.1x the tokens per second of threads for knn, 1.1-1.2x for "
        "knn-trained).",
    ),
    scan_max: int = typer.Option(
        10_000,
        "--scan-max",
        min=0,
        help="Search a memory of at most this many segments by scoring every one of them: the "
        "best match by construction, at about 30 ms a segment for 200,000 segments and 130 ms "
        "for a million; larger memories use the n-gram index, about 4 ms (0: always the index).",
    ),
) -> None:
    """Translate FILE for --user: 100% memory matches are reused, fuzzy ones steer the model.

    Plain text is translated line by line (one output line per input line). PO and XLIFF files
    get their untranslated entries filled (marked fuzzy / needs-review) and keep everything else;
    plural entries are filled form by form, contexts prefer memory matches of the same context,
    and an entry whose placeholders or format string (c-format, python-format, ...) cannot be
    made valid is left untranslated. A CSV localization table (keys,en,de: Godot's, Unity's
    exports) gets its target-language column filled where empty (added when missing), each
    source-language column into the target's of its name (Title (en) into Title (de)), or the
    columns --columns names (a shop's export: --columns "Title,Body (HTML)"); a row longer
    than its Max length column's number of characters (also Char limit, Max chars) is named
    in a warning, as an XLIFF unit longer than its maxwidth is, and so is a fastlane metadata
    file longer than Google Play or the App Store allows (short_description.txt 80). An
    Android strings.xml, a Java .properties, a .NET .resx, a
    JSON, YAML or Fluent message file (.json, .arb, .yml, .ftl) or an Apple .strings or
    .stringsdict is translated into the target language's file (-o res/values-de/strings.xml,
    -o de.lproj/Localizable.strings); where that file exists, its strings are kept and only the
    ones it lacks are translated. An Xcode string catalog (.xcstrings) gets the target
    language's localizations filled, a Qt Linguist file (.ts) its empty translations.
    Subtitles (.srt, .vtt) are translated sentence by sentence over their cues, whose times
    are kept. A Markdown document (.md) gets its paragraphs, headings and table cells
    translated, its code and layout kept; an HTML page (.html) its text and the attributes
    people read (alt, title, meta descriptions), its markup and scripts kept; an EPUB book
    (.epub) its XHTML documents, into a valid book of the target language; a Word document
    (.docx) its body, tables, text boxes, headers, footers and notes, a PowerPoint
    presentation (.pptx) its slides and speaker notes, an Excel workbook (.xlsx) the text its
    cells show, their formatting, links, pictures, fields and formulas kept; an OpenDocument
    file (LibreOffice's .odt, .ods, .odp, .odg, flat .fodt ...) alike. A folder is
    translated file by file into -o FOLDER (res/values -o res/values-de, en.lproj -o
    de.lproj), with one model load; an Xcode localization
    catalog (de.xcloc -o de-translated.xcloc) gets its XLIFF translated and the rest copied.
    A run into a file (-o) that was interrupted continues where
    it stopped when started again (segments are translated in chunks, 32 at first, growing to
    256; the finished ones are saved after a chunk once a minute has passed, and on Ctrl-C,
    which loses only the chunk it stopped); any other
    existing output of a file holding both languages (PO, XLIFF, Qt, .xcstrings, .xcloc, CSV,
    JSONL) is not replaced, as a reviewer may have edited it: delete it or give another -o. Long
    segments are translated sentence by sentence. Glossary terms (--user's stored glossary, and
    --glossary) appear in the output as the glossary says.
    """
    to_stdout = output not in (None, "-")  # where --json's report goes: away from the output
    report_on_stdout(to_stdout)  # an interrupt's report too
    # --json: the run's warnings are the report's, not lines of their own
    collected: AbstractContextManager[list[str]] = logged_warnings() if as_json else nullcontext([])
    with errors_as_report(as_json, to_stdout=to_stdout), collected as warnings:
        from ltmt.fusion.registry import FUSION_NAMES, make_fusion, parse_fusion_options

        if user is None and (learn is not None or fusion not in ("auto", "none") or fusion_option):
            from ltmt.cli.main import click_errors

            raise click_errors.UsageError(
                "--learn, --fusion and --fusion-option need --user (whose memory to use)"
            )
        if fusion not in FUSION_NAMES:
            make_fusion(fusion)  # raises the error that lists the methods
        from ltmt.model.engine import check_engine, fusion_encoder_for, fusion_weight_options

        check_engine(engine, compute_type)
        from ltmt.accelerators import accelerator_markers

        accelerator_markers(accelerators)  # a bad value fails before the model loads
        keys = parse_skip_keys_option(skip_keys)
        from ltmt.formats.kept_suggestions import translates_suggestions

        translate_fuzzy = translates_suggestions(fuzzy_entries)  # a bad value fails at once
        from ltmt.formats.kept_copies import translates_copies

        copies_translated = translates_copies(copies)
        if formality is not None:  # a bad value fails before the model loads
            from ltmt.qa.formality_checks import formality_form

            formality_form(formality)
        encoder = fusion_encoder_for(engine, fusion_encoder)
        weight_options = fusion_weight_options(fusion_weights)
        if fusion_weights.startswith("bfloat16"):
            _warn_if_bf16_is_emulated()
        if worker_processes and (user is None or fusion == "none"):
            warn(
                "--worker-processes decodes the batches that use memory; with "
                f"{'no --user' if user is None else '--fusion none'} there are none"
            )
        method: str | Fusion | None = fusion if user is not None else "none"
        if fusion_option:  # knn's options: with them, auto is knn (a trained combiner takes none)
            method = make_fusion(fusion, **parse_fusion_options(fusion_option))
        from ltmt.cli.translate_folder import is_folder, prepare_folder

        folder = (
            prepare_folder(file, fmt, output, learn, src_lang, tgt_lang, model)
            if is_folder(file)
            else None
        )
        if columns is not None:
            _check_columns_option(
                columns, file, fmt, output, folder is not None, (src_lang, tgt_lang, model)
            )
        job = (
            folder.jobs[0]
            if folder is not None
            else prepare(file, fmt, output, learn, src_lang, tgt_lang, model, columns=columns)
        )
        streamed = job.lines is not None and (job.path is None or job.output in (None, "-"))
        if segments_report is not None and (folder is not None or streamed):
            from ltmt.cli.main import click_errors

            raise click_errors.UsageError(
                "--segments-report is written for one file translated into a file: give a "
                "file and -o OUTPUT (not a folder, standard input or standard output)"
            )
        if keys and folder is None:
            refuse_skip_keys(file, job.spec)
        if address := address_warning(job, tgt_lang, formality):
            warn(address)
        terms = None
        if glossary is not None:  # read in the job's languages, as ltmt glossary import reads it
            from ltmt.terminology.files import read_glossary

            terms = read_glossary(
                glossary,
                src_lang=job.src_lang,
                tgt_lang=job.tgt_lang,
                language_check=not no_language_check,
                purpose="use",
            )
            from ltmt.terminology.function_words import function_word_warning

            unfollowed = function_word_warning(glossary.name, terms)
            if unfollowed is not None:
                warn(unfollowed)
        from ltmt.formats.run_report import RunReport

        report = RunReport(no_user=user is None)
        memory = (
            _open_memory(
                memory_dir,
                key_file,
                user,
                report,
                create=learn is not None,
                new_user=new_user,
                scan_max=scan_max,
                strict=strict,
            )
            if user is not None
            else None
        )
        try:
            from ltmt.formats.common import canonical_code
            from ltmt.translator import Translator

            _quiet_transformers()
            started = time.perf_counter()
            translator = Translator(
                model,
                memory,
                warn_unknown_user=False,  # said by _open_memory
                fusion=method,
                beam=beam,
                batch_size=batch_size,
                top_k=top_k,
                exact_reuse=not no_exact,
                placeholder_guard=not no_placeholder_guard,
                number_repair=not no_number_repair,
                seam_repair=not no_seam_repair,
                accelerators=accelerators,
                capital_lines=not no_capital_lines,
                title_case_lines=not no_title_case_lines,
                sentence_split=not no_sentence_split,
                label_retry=not no_label_retry,
                user_quotes=not no_user_quotes,
                labels=not no_label_lexicon,
                copy_guard=not no_copy_guard,
                source_language=job.src_lang,
                # as a tag: a form it asks for (de_DE_formal) is said above, once
                target_language=canonical_code(written_language(job)),
                glossary=terms,
                user_glossary=not no_user_glossary,
                formality=formality,
                engine=engine,
                compute_type=compute_type,
                threads=threads,
                workers=workers,
                worker_processes=worker_processes,
                fusion_encoder=encoder,
                **weight_options,
            )
            progress = not (no_progress or as_json or quiet)  # --json: its report alone
            if folder is not None:
                _translate_folder(
                    folder,
                    translator,
                    user,
                    report,
                    overwrite,
                    not no_fuzzy,
                    exact_approved,
                    as_json or quiet,
                    skip_keys=keys,
                    translate_suggestions=translate_fuzzy,
                    translate_copies=copies_translated,
                    progress=progress,
                )
            elif streamed:  # stdin or stdout: no resuming
                _translate_lines(
                    job,
                    translator,
                    user,
                    report,
                    progress=SegmentProgress() if progress else None,
                )
            else:
                _translate_document(
                    job,
                    translator,
                    user,
                    report,
                    overwrite,
                    not no_fuzzy,
                    exact_approved,
                    keys,
                    columns=columns,
                    translate_suggestions=translate_fuzzy,
                    translate_copies=copies_translated,
                    progress=SegmentProgress() if progress else None,
                    segments_report=segments_report,
                )
            report.seconds = time.perf_counter() - started
            learned = None
            suspects: list[str] = []  # what memory import would warn of the pairs learned
            if job.references is not None and user is not None:
                learned = translator.learn(user, job.lines or [], job.references)
                suspects = _learned_suspects(learn, job, memory)
        finally:
            if memory is not None:
                memory.close()
        failure = _strict_failure(report) if strict else None
        if as_json:  # the report's warnings
            for suspect in suspects:
                warn(suspect)
        if as_json or not quiet:
            _print_report(report, learned, as_json, to_stdout, warnings, failure)
        if not as_json:  # after the summary that counts the pairs learned, as an import says
            for suspect in suspects:
                warn(suspect)
    if failure is not None:  # --json: said in the report
        raise typer.Exit(1) if as_json else InputError(failure)


def _learned_suspects(learn: Path | None, job: Job, memory: Memory | None) -> list[str]:
    """What ``ltmt memory import`` warns of the pairs ``--learn`` stored
    (:func:`~ltmt.cli.learn_file.learned_suspects`)."""
    from ltmt.cli.learn_file import learned_suspects
    from ltmt.memory.clean import DEFAULT_CLEAN

    if learn is None or job.references is None:
        return []
    clean = memory.clean if memory is not None else DEFAULT_CLEAN
    return learned_suspects(learn, job.path, job.lines or [], job.references, clean)


def _open_memory(
    memory_dir: Path | None,
    key_file: Path | None,
    user: str,
    report: RunReport,
    create: bool,
    *,
    new_user: bool,
    scan_max: int,
    strict: bool = False,
) -> Memory | None:
    """The memory store (``report.unknown_user``: ``user`` has no memory in it). A missing store
    is made only to ``create`` it (``--learn``): a mistyped --memory-dir gets a warning and no
    new empty store (``report.memory_missing``), and with ``strict`` an :class:`InputError`
    before anything is translated (a CI job with a mistyped LTMT_HOME kept stale German, exit
    0: trial s73). A ``user`` it lacks whose name is close to a user's it holds is refused
    unless ``new_user`` (``--new-user``): :func:`_refuse_a_likely_typo`.
    ``scan_max``: :class:`~ltmt.memory.store.Memory`'s."""
    from ltmt.cli.store import store_exists
    from ltmt.lookup import missing_user
    from ltmt.memory.env import check_not_a_file
    from ltmt.memory.store import Memory
    from ltmt.memory.user_ids import check_user
    from ltmt.paths import resolve_memory_dir

    check_user(user)
    path = resolve_memory_dir(memory_dir)
    check_not_a_file(path)  # given for the store (LTMT_HOME, --memory-dir): an error
    if not create and not store_exists(memory_dir):
        if strict:
            raise InputError(
                f"--strict: no memory store at {path}: check --memory-dir or LTMT_HOME (a "
                "store is made by 'ltmt memory import', 'ltmt memory add' or --learn); "
                "nothing was translated"
            )
        report.unknown_user = True
        report.memory_missing = str(path)
        warn(
            f"no memory store at {path} (check --memory-dir; a store is made by "
            "'ltmt memory import', 'ltmt memory add' or --learn); translating without memory"
        )
        return None
    memory = Memory(memory_dir, key_file=key_file, scan_max=scan_max)
    report.memory = str(memory.path)
    # said here, before the model loads and the output is read (a run that finds nothing to
    # translate never asks the Translator, which then said nothing: session 67)
    if not new_user:
        _refuse_a_likely_typo(memory, user, create)
    missing = missing_user(memory, user)
    report.unknown_user = missing is not None
    if missing is not None:
        warn(missing)
    return memory


def _refuse_a_likely_typo(memory: Memory, user: str, learn: bool) -> None:
    """An :class:`InputError` where ``memory`` holds no ``user`` but one of a close name
    (:func:`~ltmt.memory.user_ids.likely_typo`): ``--user nv`` for ``vn`` translated without
    its memory and glossary, and rewrote a reviewed file in place with exit 0 (session 72).
    Said before the model loads; the store is closed first. ``learn``: the run would store
    ``--learn``'s pairs under the new user too."""
    from ltmt.memory.user_ids import likely_typo

    learning = " and learn into it" if learn else ""
    refusal = likely_typo(
        user,
        memory.users(),
        f"memory store {memory.path}",
        f"(to translate for a new user {user}, without memory{learning}, add --new-user)",
    )
    if refusal is not None:
        memory.close()
        raise InputError(refusal)


def _translate_lines(
    job: Job,
    translator: Any,
    user: str | None,
    report: RunReport,
    *,
    progress: SegmentProgress | None,
) -> None:
    """``job``'s lines translated 256 at a time, written at the end (to stdout, or a file
    given as stdin); ``progress``: where how far it is goes, as :func:`_translate_document`'s."""
    from ltmt.formats.documents import Unit
    from ltmt.formats.unit_translation import for_translator, line_place, translate_units
    from ltmt.outputs import write_output

    assert job.lines is not None
    translate = for_translator(
        translator, user, progress.within_chunk if progress is not None else None
    )
    units = [Unit(str(i), line) for i, line in enumerate(job.lines)]
    if progress is not None:
        progress.start(0, len(units))
    outputs: list[str] = []
    try:
        for start in range(0, len(units), 256):
            chunk = units[start : start + 256]
            outcomes = translate_units(chunk, translate, report, place=line_place)
            outputs.extend(o.text for o in outcomes)
            if progress is not None:
                progress.advance(len(chunk))
    finally:
        if progress is not None:
            progress.close()
    lines = [o.replace("\r", " ").replace("\n", " ") for o in outputs]
    write_output(job.output or "-", job.shape.written(lines))


def _translate_folder(
    folder: FolderJob,
    translator: Any,
    user: str | None,
    report: RunReport,
    overwrite: bool,
    mark_fuzzy: bool,
    exact_approved: bool,
    quiet: bool,
    *,
    skip_keys: frozenset[str],
    progress: bool,
    translate_suggestions: bool = False,
    translate_copies: bool = False,
) -> None:
    """Each file of ``folder`` into its place under the output folder, one line each
    (``skip_keys`` in the files of formats that have keys; ``progress``: how far each file
    is, shown as one file's run shows it). An interrupted run says how many files it saved,
    and what of the file it was translating (:func:`_folder_interrupted`). A file whose output
    was edited since ltmt wrote it (:mod:`ltmt.formats.edited_lines`) is left, its output as
    it is, and the run fails once the others are translated, counting them."""
    from ltmt.cli.folder_skipped import conversion_hints, skipped_kinds, unread_kind_hints
    from ltmt.formats.dialogflow import copy_settings
    from ltmt.formats.edited_lines import EditedOutputError
    from ltmt.formats.json_identifiers import unknown_keys_said_once
    from ltmt.formats.run_report import RunReport
    from ltmt.formats.xcloc import copy_file, make_folders

    for bundle in folder.bundles:
        make_folders(bundle, folder.output / bundle.relative_to(folder.folder))
    for source, target in folder.copies:
        copy_file(source, target)
    for settings in folder.agent_settings:
        assert settings.path is not None and settings.output is not None
        copy_settings(settings.path, Path(settings.output), settings.tgt_lang)
    edited: list[Path] = []  # the files whose outputs were edited since ltmt wrote them
    # --skip-keys names no key of the folder's files: said once, not by each file
    with unknown_keys_said_once(folder.folder, skip_keys):
        for finished, job in enumerate(folder.jobs):
            assert job.path is not None and job.output is not None
            Path(job.output).parent.mkdir(parents=True, exist_ok=True)
            done = RunReport(memory_missing=report.memory_missing)  # named by its warning
            saved_part: list[str] = []  # what the pipeline saved of the file, if interrupted
            try:
                _translate_document(
                    job,
                    translator,
                    user,
                    done,
                    overwrite,
                    mark_fuzzy,
                    exact_approved,
                    skip_keys,
                    progress=SegmentProgress() if progress else None,
                    interrupted=saved_part.append,
                    translate_suggestions=translate_suggestions,
                    translate_copies=translate_copies,
                )
            except KeyboardInterrupt:
                typer.echo(_folder_interrupted(folder, finished, job, saved_part), err=True)
                raise
            except EditedOutputError as error:  # left as it is; the others are translated
                typer.echo(f"ltmt: {error}", err=True)
                edited.append(job.path.relative_to(folder.folder))
                continue
            report.add(done)
            name = job.path.relative_to(folder.folder)
            report.files.append({"file": str(job.path), "output": job.output, "units": done.units})
            if not quiet:
                kept = f", {done.translated_before} kept" if done.translated_before else ""
                typer.echo(f"ltmt: {name}: {counted(done.units, 'segment')}{kept}", err=True)
    if edited:
        others = "; the other files were translated" if len(edited) < len(folder.jobs) else ""
        raise InputError(
            f"{counted(len(edited), 'file')} of {folder.folder} not translated, their outputs "
            f"edited ({first_few(edited)}): to keep the edits, import each output first (ltmt "
            "memory import OUTPUT --source-file FILE) and run again with --overwrite; to "
            "replace them, pass --overwrite" + others
        )
    skipped = skipped_kinds(folder)
    report.files_skipped = sum(count for count, _ in skipped)
    report.files_copied = len(folder.copies) + len(folder.agent_settings)
    if quiet:
        return
    if report.files_skipped:
        typer.echo(f"ltmt: skipped {counted_kinds(skipped, 'file')}", err=True)
    for hint in [*unread_kind_hints(folder), *conversion_hints(folder)]:
        typer.echo(f"ltmt: {hint}", err=True)
    if folder.copies:
        typer.echo(
            f"ltmt: copied {counted(len(folder.copies), 'file')} of Xcode bundles as they are "
            "(manifest, source copies, notes)",
            err=True,
        )
    if folder.agent_settings:
        names = first_few(
            job.path.relative_to(folder.folder) for job in folder.agent_settings if job.path
        )
        typer.echo(
            f"ltmt: copied {counted(len(folder.agent_settings), 'file')} with nothing to "
            f"translate ({names})",
            err=True,
        )
    if folder.other_bundles:
        names = ", ".join(str(p.relative_to(folder.folder)) for p in folder.other_bundles)
        typer.echo(
            f"ltmt: skipped {counted(len(folder.other_bundles), 'Xcode bundle')} for another "
            f"language: {names}",
            err=True,
        )


def _folder_interrupted(folder: FolderJob, finished: int, job: Job, saved_part: list[str]) -> str:
    """What an interrupted folder run saved: ``finished`` files whole, and of ``job``'s, the
    one it was translating, what the pipeline said (``saved_part``; nothing where it said
    nothing: interrupted before its first chunk or while its output was written)."""
    assert job.path is not None
    name = job.path.relative_to(folder.folder)
    part = saved_part[0] if saved_part else "nothing was saved"
    return (
        f"ltmt: {finished} of {counted(len(folder.jobs), 'file')} done and saved in "
        f"{folder.output}; the same command again continues from there (the file being "
        f"translated, {name}: {part})"
    )


def _translate_document(
    job: Job,
    translator: Any,
    user: str | None,
    report: RunReport,
    overwrite: bool,
    mark_fuzzy: bool,
    exact_approved: bool,
    skip_keys: frozenset[str],
    *,
    columns: str | None = None,
    progress: SegmentProgress | None = None,
    interrupted: Callable[[str], None] | None = None,
    segments_report: Path | None = None,
    translate_suggestions: bool = False,
    translate_copies: bool = False,
) -> None:
    """``job``'s file translated into its output; ``skip_keys`` named where its format has
    keys (a folder's PO files have none); ``columns``: a CSV table's (``--columns``).
    ``progress``: where how far it is goes; ``interrupted``: what the pipeline saved of it, if
    interrupted (else the pipeline says it, with how to continue). ``segments_report``: where
    each segment's line goes (:mod:`ltmt.formats.segments_report`)."""
    from ltmt.formats.output_sources import OutputSources
    from ltmt.formats.pipeline import translate_file
    from ltmt.formats.segments_report import segment_record, write_segments_report
    from ltmt.formats.unit_translation import exact_for_translator, for_translator

    assert job.path is not None and job.output is not None
    records: list[dict[str, Any]] = []
    if segments_report is not None:  # a path it cannot be written to fails before the run
        write_segments_report(segments_report, records)
    try:
        translate_file(
            job.path,
            Path(job.output),
            for_translator(
                translator, user, progress.within_chunk if progress is not None else None
            ),
            fmt=job.spec.name,
            src_lang=job.src_lang,
            tgt_lang=job.tgt_lang,
            overwrite=overwrite,
            mark_fuzzy=mark_fuzzy,
            exact_approved=exact_approved,
            translate_suggestions=translate_suggestions,
            translate_copies=translate_copies,
            progress=progress.advance if progress is not None else None,
            progress_start=progress.start if progress is not None else None,
            interrupted=interrupted,
            report=report,
            settings={  # a run resumed with others starts over
                "model": translator.backbone.name,
                "user": user,
                "fusion": translator.fusion_name,
                "beam": translator.decode_config.beam,
            },
            changed_sources=_changed_sources(translator, user),
            skip_keys=skip_keys if job.spec.skips_keys else frozenset(),
            columns=columns,
            exact=exact_for_translator(translator, user),
            # an update translates changed sources; the records go with a deleted user
            output_sources=OutputSources.in_cache(
                user,
                _memory_of(translator),
                Path(report.memory_missing) if report.memory_missing else None,
            ),
            segments=(
                (
                    lambda outcome, written, location: records.append(
                        segment_record(outcome, written, location)
                    )
                )
                if segments_report is not None
                else None
            ),
        )
        if segments_report is not None:
            write_segments_report(segments_report, records)
    finally:
        if progress is not None:
            progress.close()


def _check_columns_option(
    columns: str,
    file: str,
    fmt: str | None,
    output: str | None,
    folder: bool,
    languages: tuple[str | None, str | None, str | None],
) -> None:
    """A usage error where ``--columns`` cannot be followed: given with a folder or a file
    that is no CSV table, or naming columns translated in place while the output is the
    input (their English would be lost, and a next run translate the German) or not given
    (``languages``: ``--src-lang``, ``--tgt-lang`` and ``--model``, which name the target
    column its hint adds)."""
    from ltmt.cli.main import click_errors
    from ltmt.cli.translate_job import job_languages
    from ltmt.formats.csv_columns import translates_in_place
    from ltmt.formats.registry import find_format, plain_text_default
    from ltmt.paths import resolved

    path = None if file == "-" else Path(file)
    default = plain_text_default(path)
    spec = None if folder else find_format(path, fmt, role="document", default=default)
    if spec is None or not spec.chooses_columns:
        raise click_errors.UsageError(
            f"--columns names columns of one CSV table; {file} is none: leave --columns out"
        )
    same = output not in (None, "-") and resolved(str(output)) == resolved(file)
    if not translates_in_place(columns) or not (same or output is None):
        return
    tgt = job_languages(*languages)[1]
    other = f"another file than {file} (-o {Path(file).stem}.{tgt}{Path(file).suffix})"
    # (one column alone: into a column added after the last, filling the input itself)
    into = f"{columns.strip()}={columns.strip()} ({tgt})" if "," not in columns else ""
    if output is None:
        raise click_errors.UsageError(
            f"--output is needed to translate a {Path(file).suffix} file: give -o FILE, {other}: "
            "--columns without = translates the columns in a copy of the table"
            + (f'; or fill {file} itself: -o {file} --columns "{into}"' if into else "")
        )
    raise click_errors.UsageError(
        "--columns without =: the columns are translated in place in a copy of the table; "
        f"write it to {other}"
        + (f'; or fill {file} itself with --columns "{into}"' if into else "")
    )


def _memory_of(translator: Any) -> Any:
    """The translator's memory store, None where it has none (or a stand-in)."""
    from ltmt.memory.store import Memory

    memory = getattr(translator, "memory", None)
    return memory if isinstance(memory, Memory) else None


def _changed_sources(translator: Any, user: str | None) -> Any:
    """What finds the kept strings whose source changed since, from ``user``'s memory
    (:mod:`ltmt.formats.changed_sources`); None without a user or a memory of it."""
    from functools import partial

    from ltmt.formats.changed_sources import approved_for_other_sources
    from ltmt.memory.store import Memory

    memory = getattr(translator, "memory", None)
    if user is None or not isinstance(memory, Memory) or user not in memory.users():
        return None
    return partial(approved_for_other_sources, memory, user)


def _strict_failure(report: RunReport) -> str | None:
    """Why ``--strict`` fails the run: its segments cut at the model's limit, or whose
    placeholders or numbers could not be repaired, or that lost a sentence or whose negations
    differ from the source's or that say a memory match's negation or comparison where the
    source differs (``match_polarity``: trial s76), or messages left out as ICU rejects their
    source, or outputs whose translations were kept without a record to tell a changed source
    by (``no_record``: trial s73), or translations kept whose placeholders ``ltmt qa`` calls an
    error (``placeholders_kept``: trial s75, a kept ``%2$s`` for a source's ``%1$s`` passed), or
    100 % memory matches reused whose numbers disagree with the source's (``exact_numbers``:
    trial s76, a memory that learnt a shifted file); None if none."""
    failed = (
        report.not_repairable
        or report.numbers_not_repairable
        or report.sentences_lost
        or report.negation_lost
        or report.match_polarity
    )
    unjudged = (
        f"{counted(len(report.no_record), 'output')} kept translations without a "
        "record of what ltmt wrote there, so those whose source changed could not be told "
        f"({', '.join(report.no_record[:3])}{', ...' if len(report.no_record) > 3 else ''})"
        if report.no_record
        else None
    )
    placeholders = (
        f"{counted(len(report.placeholders_kept), 'translation')} kept whose placeholders "
        f"ltmt qa calls an error ({first_few(report.placeholders_kept)}): fix "
        f"{them(len(report.placeholders_kept))}"
        if report.placeholders_kept
        else None
    )
    exact_numbers = (
        f"{counted(report.exact_numbers, '100 % memory match', '100 % memory matches')} "
        "reused whose stored translation's numbers disagree with the source's "
        f"({first_few(report.exact_numbers_examples)}): store the corrected translation with "
        "ltmt memory add"
        if report.exact_numbers
        else None
    )
    kept_reasons = "; ".join(reason for reason in (unjudged, placeholders, exact_numbers) if reason)
    if not (report.cut or failed or report.invalid_sources):
        return f"--strict: {kept_reasons}" if kept_reasons else None
    invalid = (
        f", {counted(report.invalid_sources, 'message')} left out as ICU rejects the source"
        if report.invalid_sources
        else ""
    )
    kept = f"; {kept_reasons}" if kept_reasons else ""
    polarity = (
        f", {report.match_polarity} saying a memory match's negation or comparison where "
        f"{their(report.match_polarity)} source differs"
        if report.match_polarity
        else ""
    )
    return (
        f"--strict: {counted(report.cut, 'segment')} cut at the model's limit, "
        f"{report.not_repairable} could not be repaired, "
        f"{report.numbers_not_repairable} with numbers that could not be repaired, "
        f"{report.sentences_lost} that lost a sentence of {their(report.sentences_lost)} "
        f"source, {report.negation_lost} whose negations differ from "
        f"{their(report.negation_lost)} source's{polarity}{invalid}{kept}"
    )


def _print_report(
    report: RunReport,
    learned: Any,
    as_json: bool,
    to_stdout: bool,
    warnings: list[str],
    strict_failed: str | None,
) -> None:
    """Print the run's summary on standard error, or with ``as_json`` its report as JSON
    (:func:`~ltmt.cli.json_output.echo_report`), with the ``warnings`` the run logged and why
    ``--strict`` failed it (``strict_failed``): a script that reads the report alone sees
    them too."""
    if as_json:
        data = report.as_dict()
        if learned is not None:
            data["learned"] = learned.added
        data["warnings"] = warnings
        if strict_failed is not None:
            data["strict_failed"] = strict_failed
        echo_report(data, to_stdout=to_stdout)
        return
    line = f"ltmt: {report.summary()}"
    if learned is not None:
        line += f"; learned {learned.added} new pairs"
        if learned.skipped_total:
            line += f" ({learned.skipped_total} skipped by cleaning)"
    typer.echo(line, err=True)


def _quiet_transformers() -> None:
    """The CLI owns the terminal: no weight-loading progress bars or deprecation notes from
    transformers. Said through the environment where transformers is not imported yet (the
    default model's runs never import it: 40 MB less resident memory), else to its logging."""
    import os
    import warnings

    warnings.filterwarnings("ignore", category=FutureWarning, module=r"transformers(\.|$)")
    if "transformers" not in sys.modules:  # read when (if ever) it is imported
        os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
        os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
        return
    from transformers.utils import logging as hf_logging

    hf_logging.disable_progress_bar()
    hf_logging.set_verbosity_error()


def register(app: typer.Typer) -> None:
    app.command("translate")(translate)


def _warn_if_bf16_is_emulated() -> None:
    from ltmt.model.cpu import cpu_has_fast_bf16

    if not cpu_has_fast_bf16():
        warn(
            "this CPU has no AVX512-BF16 or AMX; bfloat16 weights are emulated "
            "and slower than float32"
        )
