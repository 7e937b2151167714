"""``ltmt eval``: BLEU, chrF2, TER (with sacrebleu signatures) and placeholder accuracy."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from ltmt.errors import InputError
from ltmt.evaluate import Scores, read_lines, score_corpus


def evaluate(
    hyp: Path = typer.Option(..., "--hyp", help="Hypotheses, one segment per line (UTF-8)."),
    ref: Path = typer.Option(..., "--ref", help="References, aligned line by line with --hyp."),
    src: Path | None = typer.Option(None, "--src", help="Sources: adds placeholder accuracy."),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object instead of a table."),
) -> None:
    """Score HYP against REF with sacrebleu; with SRC, the share of placeholders kept."""
    hypotheses = read_lines(hyp, "hypothesis")
    references = read_lines(ref, "reference")
    sources = read_lines(src, "source") if src is not None else None
    _check_aligned(hyp, len(hypotheses), ref, len(references))
    if src is not None and sources is not None:
        _check_aligned(hyp, len(hypotheses), src, len(sources))
    scores = score_corpus(hypotheses, references, sources)
    typer.echo(
        json.dumps(scores.to_dict(), ensure_ascii=False) if as_json else format_scores(scores)
    )


def format_scores(scores: Scores) -> str:
    """The scores as the few lines a person reads."""
    lines = [
        f"BLEU   {scores.bleu:6.2f}  {scores.signatures['bleu']}",
        f"chrF2  {scores.chrf:6.2f}  {scores.signatures['chrf']}",
        f"TER    {scores.ter:6.2f}  {scores.signatures['ter']}",
    ]
    kept, total = scores.placeholders
    if scores.placeholder_acc is not None:
        lines.append(f"placeholders {scores.placeholder_acc:6.2f}% kept ({kept}/{total})")
    lines.append(f"segments {scores.segments}")
    return "\n".join(lines)


def _check_aligned(first: Path, first_count: int, second: Path, second_count: int) -> None:
    if first_count != second_count:
        raise InputError(
            f"{first} has {first_count} lines but {second} has {second_count}; "
            "they must align line by line"
        )
    if first_count == 0:
        raise InputError(f"{first} is empty: nothing to score")


def register(app: typer.Typer) -> None:
    app.command("eval")(evaluate)
