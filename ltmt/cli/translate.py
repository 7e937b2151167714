"""``ltmt translate``: translate a file or stdin for a user, with their memory."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import typer

from ltmt.errors import InputError


def read_lines(path: Path | None) -> list[str]:
    """Lines of a UTF-8 text file (``None``: stdin), without line terminators."""
    if path is None:
        data = sys.stdin.buffer.read()
        name = "<stdin>"
    else:
        if not path.is_file():
            raise InputError(f"input file not found: {path}")
        data = path.read_bytes()
        name = str(path)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(f"{name}:{line}: not valid UTF-8 (byte {exc.start}); convert the file to UTF-8") from exc
    if text.startswith("\ufeff"):
        text = text[1:]
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return [line[:-1] if line.endswith("\r") else line for line in lines]


def translate(
    file: str = typer.Argument(..., help="Input file (one segment per line), or - for stdin."),
    user: str | None = typer.Option(None, "--user", "-u", help="Whose memory to use (and learn into)."),
    model: str | None = typer.Option(None, "--model", "-m", help="Marian directory or hub id (default: embedded)."),
    memory_dir: Path | None = typer.Option(None, "--memory-dir", help="Memory store (default: $LTMT_HOME)."),
    output: Path | None = typer.Option(None, "--output", "-o", help="Write here instead of stdout."),
    learn: Path | None = typer.Option(
        None, "--learn", help="Reference translations, one per input line: added to the memory afterwards."
    ),
    fusion: str = typer.Option("none", "--fusion", help="Memory fusion: none, knn, attention or auto."),
    beam: int = typer.Option(4, "--beam", min=1, help="Beam size (1 = greedy)."),
    batch_size: int = typer.Option(32, "--batch-size", min=1, help="Segments per model batch."),
    top_k: int = typer.Option(4, "--top-k", min=1, help="Memory matches retrieved per segment."),
    no_exact: bool = typer.Option(False, "--no-exact", help="Do not reuse 100% memory matches."),
) -> None:
    """Translate FILE line by line; 100% memory matches are reused, fusion uses the fuzzy ones."""
    from ltmt.translator import Translator

    lines = read_lines(None if file == "-" else Path(file))
    references = read_lines(learn) if learn is not None else None
    if references is not None and len(references) != len(lines):
        raise InputError(f"--learn has {len(references)} lines but the input has {len(lines)}")
    if (learn is not None or fusion != "none") and user is None:
        raise InputError("--learn and --fusion need --user (whose memory to use)")
    memory = None
    if user is not None:
        from ltmt.memory.store import Memory

        memory = Memory(memory_dir)
    try:
        translator = Translator(
            model, memory, fusion=fusion, beam=beam, batch_size=batch_size, top_k=top_k, exact_reuse=not no_exact
        )
        started = time.perf_counter()
        bar = _progress_bar(len(lines))
        try:
            results = translator.translate(lines, user=user, progress=bar.update if bar else None)
        finally:
            if bar is not None:
                bar.close()
        seconds = time.perf_counter() - started
        text = "".join(r.text.replace("\n", " ") + "\n" for r in results)
        if output is None:
            sys.stdout.write(text)
            sys.stdout.flush()
        else:
            output.write_text(text, "utf-8")
        learned = translator.learn(user, lines, references) if references is not None and user else 0
    finally:
        if memory is not None:
            memory.close()
    hits = sum(r.method == "exact" for r in results)
    summary = (
        f"ltmt: {len(results)} segments, {hits} memory hits, "
        f"{len(results) / max(seconds, 1e-9):.1f} segments/s"
    )
    if references is not None:
        summary += f", learned {learned} new pairs"
    typer.echo(summary, err=True)


def _progress_bar(total: int):  # type: ignore[no-untyped-def]
    if total < 50:
        return None
    from tqdm import tqdm

    return tqdm(total=total, unit="seg", file=sys.stderr, dynamic_ncols=True, leave=False)


def register(app: typer.Typer) -> None:
    app.command("translate")(translate)
