"""``ltmt translate``: translate a file or stdin for a user, with their memory."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from ltmt.errors import InputError
from ltmt.formats.common import read_lines

if TYPE_CHECKING:
    from ltmt.fusion.base import Fusion

DOCUMENT_SUFFIXES = {".po", ".pot", ".xliff", ".xlf", ".jsonl"}


def translate(
    file: str = typer.Argument(
        ..., help="Input: .txt (one segment per line), .po, .xliff, .jsonl, or -."
    ),
    user: str | None = typer.Option(
        None, "--user", "-u", help="Whose memory to use (and learn into)."
    ),
    model: str | None = typer.Option(
        None, "--model", "-m", help="Marian directory or hub id (default: embedded)."
    ),
    memory_dir: Path | None = typer.Option(
        None, "--memory-dir", help="Memory store (default: $LTMT_HOME)."
    ),
    key_file: Path | None = typer.Option(
        None, "--key-file", help="Store key of an encrypted memory (default: $LTMT_KEY_FILE)."
    ),
    output: Path | None = typer.Option(
        None, "--output", "-o", help="Write here (text: default stdout)."
    ),
    learn: Path | None = typer.Option(
        None,
        "--learn",
        help="Reference translations, one per input line: added to the memory afterwards.",
    ),
    fusion: str = typer.Option(
        "auto", "--fusion", help="Memory fusion: none, knn, attention or auto."
    ),
    fusion_option: list[str] = typer.Option(
        [],
        "--fusion-option",
        help="KEY=VALUE setting of the fusion method, repeatable (knn: neighbours=8, tau=2.5, "
        "repair=false, ...).",
    ),
    beam: int = typer.Option(4, "--beam", min=1, help="Beam size (1 = greedy)."),
    batch_size: int = typer.Option(32, "--batch-size", min=1, help="Segments per model batch."),
    top_k: int = typer.Option(4, "--top-k", min=1, help="Memory matches retrieved per segment."),
    no_exact: bool = typer.Option(False, "--no-exact", help="Do not reuse 100% memory matches."),
    no_placeholder_guard: bool = typer.Option(
        False,
        "--no-placeholder-guard",
        help="Keep fused outputs that drop a source placeholder (by default the model's own "
        "output is tried too and the one with more placeholders wins).",
    ),
    fmt: str | None = typer.Option(
        None, "--format", help="Force the input format: txt, po, xliff, jsonl."
    ),
    overwrite: bool = typer.Option(
        False, "--overwrite", help="PO/XLIFF: retranslate entries already translated."
    ),
    no_fuzzy: bool = typer.Option(
        False, "--no-fuzzy", help="PO/XLIFF: do not mark machine translations for review."
    ),
) -> None:
    """Translate FILE for --user: 100% memory matches are reused, fuzzy ones steer the model.

    Plain text is translated line by line (one output line per input line). PO and XLIFF files
    get their untranslated entries filled (marked fuzzy / needs-review) and keep everything else;
    an interrupted run started again continues where it stopped. Placeholders (%s, {0}, tags)
    are checked and repaired so each output has exactly its source's placeholders.
    """
    from ltmt.translator import Translator

    path = None if file == "-" else Path(file)
    kind = (fmt or (path.suffix.lower() if path else ".txt")).lstrip(".")
    document = f".{kind}" in DOCUMENT_SUFFIXES
    if path is not None and not path.is_file():
        raise InputError(f"input file not found: {path}")
    if document and output is None:
        raise InputError(
            f"--output is needed to translate a .{kind} file (the input is never overwritten)"
        )
    if document and learn is not None:
        raise InputError(
            "--learn works with plain-text input; import reviewed files with 'ltmt memory import'"
        )
    if user is None and (learn is not None or fusion not in ("auto", "none") or fusion_option):
        raise InputError("--learn, --fusion and --fusion-option need --user (whose memory to use)")
    method: str | Fusion | None = fusion if user is not None else "none"
    if fusion_option:
        from ltmt.fusion.registry import make_fusion, parse_fusion_options

        method = make_fusion(fusion, **parse_fusion_options(fusion_option))
    lines = None if document else read_lines(path)
    references = read_lines(learn) if learn is not None else None
    if lines is not None and references is not None and len(references) != len(lines):
        raise InputError(f"--learn has {len(references)} lines but the input has {len(lines)}")
    _quiet_transformers()
    memory = None
    if user is not None:
        from ltmt.memory.store import Memory

        memory = Memory(memory_dir, key_file=key_file)
    try:
        translator = Translator(
            model,
            memory,
            fusion=method,
            beam=beam,
            batch_size=batch_size,
            top_k=top_k,
            exact_reuse=not no_exact,
            placeholder_guard=not no_placeholder_guard,
        )
        hits = 0

        def run_model(texts: list[str]) -> list[str]:
            nonlocal hits
            results = translator.translate(texts, user=user)
            hits += sum(r.method == "exact" for r in results)
            return [r.text for r in results]

        started = time.perf_counter()
        if document:
            assert path is not None and output is not None
            summary = _translate_document(path, output, run_model, kind, overwrite, not no_fuzzy)
        else:
            assert lines is not None
            summary = _translate_lines(lines, output, run_model)
        seconds = time.perf_counter() - started
        learned = None
        if references is not None and user is not None:
            learned = translator.learn(user, lines or [], references)
    finally:
        if memory is not None:
            memory.close()
    segments, report = summary
    line = (
        f"ltmt: {segments} segments, {hits} memory hits, "
        f"{segments / max(seconds, 1e-9):.1f} segments/s"
        f"; {report}"
    )
    if learned is not None:
        line += f"; learned {learned.added} new pairs"
        if learned.skipped_total:
            line += f" ({learned.skipped_total} skipped by cleaning)"
    typer.echo(line, err=True)


def _translate_lines(
    lines: list[str], output: Path | None, run_model: Callable[[list[str]], list[str]]
) -> tuple[int, str]:
    from ltmt.formats.pipeline import translate_texts
    from ltmt.formats.placeholders import PlaceholderReport

    report = PlaceholderReport()
    bar = _progress_bar(len(lines))
    outputs: list[str] = []
    try:
        for start in range(0, len(lines), 256):
            chunk = lines[start : start + 256]
            outputs.extend(r.text for r in translate_texts(chunk, run_model, report))
            if bar is not None:
                bar.update(len(chunk))
    finally:
        if bar is not None:
            bar.close()
    text = "".join(o.replace("\r", " ").replace("\n", " ") + "\n" for o in outputs)
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
    else:
        output.write_text(text, "utf-8")
    return len(lines), report.summary()


def _translate_document(
    path: Path,
    output: Path,
    run_model: Callable[[list[str]], list[str]],
    kind: str,
    overwrite: bool,
    mark_fuzzy: bool,
) -> tuple[int, str]:
    from ltmt.formats.pipeline import translate_file

    if output.resolve() == path.resolve():
        raise InputError("--output must differ from the input file")
    bar = _progress_bar(1000)
    try:
        result = translate_file(
            path,
            output,
            run_model,
            fmt=kind,
            overwrite=overwrite,
            mark_fuzzy=mark_fuzzy,
            progress=bar.update if bar is not None else None,
        )
    finally:
        if bar is not None:
            bar.close()
    done = f"{result.resumed} done before" if result.resumed else "fresh run"
    return result.translated, f"{result.report.summary()}; {done}"


def _quiet_transformers() -> None:
    """The CLI owns the terminal: no weight-loading progress bars from transformers."""
    from transformers.utils import logging as hf_logging

    hf_logging.disable_progress_bar()
    hf_logging.set_verbosity_error()


def _progress_bar(total: int):  # type: ignore[no-untyped-def]
    if total < 50 or not sys.stderr.isatty():
        return None
    from tqdm import tqdm

    return tqdm(total=total, unit="seg", file=sys.stderr, dynamic_ncols=True, leave=False)


def register(app: typer.Typer) -> None:
    app.command("translate")(translate)
