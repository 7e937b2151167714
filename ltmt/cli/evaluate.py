"""``ltmt eval``: BLEU, chrF2, TER (with sacrebleu signatures) and placeholder accuracy."""

from __future__ import annotations

import json
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path

import typer

from ltmt.cli.json_output import logged_warnings, warn
from ltmt.cli.path_options import given_path
from ltmt.errors import InputError
from ltmt.evaluate import Scores, normalization_mismatches, read_lines, score_corpus
from ltmt.terminology.consistency import TermScore


def evaluate(
    hyp: Path = typer.Option(
        ..., "--hyp", parser=given_path, help="Hypotheses, one segment per line (UTF-8)."
    ),
    ref: list[Path] = typer.Option(
        ...,
        "--ref",
        parser=given_path,
        help="References, aligned line by line with --hyp; repeat it for several references "
        "per segment (scored as sacrebleu scores them: nrefs:2).",
    ),
    src: Path | None = typer.Option(
        None, "--src", parser=given_path, help="Sources: adds placeholder accuracy."
    ),
    as_json: bool = typer.Option(
        False,
        "--json",
        help="Print one JSON object instead of a table, its warnings in it (warnings).",
    ),
    consistency: bool = typer.Option(
        False,
        "--consistency",
        help="Also report term accuracy (--glossary and/or --user's glossary) and memory-term "
        "consistency (terms --user's memory translates consistently); needs --src.",
    ),
    glossary: Path | None = typer.Option(
        None, "--glossary", parser=given_path, help="Glossary file for --consistency."
    ),
    user: str | None = typer.Option(None, "--user", "-u", help="Whose glossary and memory."),
    memory_dir: Path | None = typer.Option(
        None, "--memory-dir", parser=given_path, help="Memory store directory."
    ),
) -> None:
    """Score HYP against REF (one or several) with sacrebleu; with SRC, placeholders kept."""
    # --json: the warnings are the object's, not lines of their own
    collected: AbstractContextManager[list[str]] = logged_warnings() if as_json else nullcontext([])
    with collected as warnings:
        hypotheses = read_lines(hyp, "hypothesis")
        references = [read_lines(path, "reference") for path in ref]
        sources = read_lines(src, "source") if src is not None else None
        for path, lines in zip(ref, references, strict=True):
            _check_aligned(hyp, len(hypotheses), path, len(lines))
        if src is not None and sources is not None:
            _check_aligned(hyp, len(hypotheses), src, len(sources))
        scores = score_corpus(hypotheses, references[0], sources, more_references=references[1:])
        for path, lines in zip(ref, references, strict=True):
            _warn_of_normalization(hyp, hypotheses, path, lines)
        terms: dict[str, TermScore] = {}
        if consistency:
            if sources is None:
                raise InputError("--consistency needs --src (terms are found in the sources)")
            terms = _term_scores(sources, hypotheses, glossary, user, memory_dir)
    if as_json:
        data = scores.to_dict() | {name: score.to_dict() for name, score in terms.items()}
        data["warnings"] = warnings
        typer.echo(json.dumps(data, ensure_ascii=False))
        return
    lines = [format_scores(scores)]
    for name, score in terms.items():
        percent = f"{score.percent:6.2f}%" if score.percent is not None else "   n/a "
        lines.append(f"{name.replace('_', ' ')} {percent} ({score.rendered}/{score.total})")
    typer.echo("\n".join(lines))


def _term_scores(
    sources: list[str],
    hypotheses: list[str],
    glossary: Path | None,
    user: str | None,
    memory_dir: Path | None,
) -> dict[str, TermScore]:
    """Term accuracy over the glossary terms, memory-term consistency over the user's memory."""
    from ltmt.terminology.consistency import term_score
    from ltmt.terminology.files import read_glossary
    from ltmt.terminology.suggest import suggest_terms

    if glossary is None and user is None:
        raise InputError("--consistency needs --glossary or --user (whose glossary and memory)")
    # eval takes no languages: the glossary is checked as one of en → de, without an override
    terms = read_glossary(glossary, override=None, purpose="use") if glossary is not None else []
    memory_terms = []
    if user is not None:
        from ltmt.cli.store import open_store

        with open_store(memory_dir, None, existing=True) as memory:  # a typo makes no store
            memory.require_user(user)
            terms.extend(memory.glossary(user).terms())
            pairs = ((s.source, s.target) for s in memory.segments(user))
            memory_terms = [s.term() for s in suggest_terms(pairs)]
    result = {"term_accuracy": term_score(sources, hypotheses, terms)}
    if user is not None:
        result["memory_term_consistency"] = term_score(sources, hypotheses, memory_terms)
    return result


def format_scores(scores: Scores) -> str:
    """The scores as the few lines a person reads."""
    lines = [
        f"BLEU   {scores.bleu:6.2f}  {scores.signatures['bleu']}",
        f"chrF2  {scores.chrf:6.2f}  {scores.signatures['chrf']}",
        f"TER    {scores.ter:6.2f}  {scores.signatures['ter']}",
    ]
    if scores.placeholder_acc is not None and scores.placeholders is not None:
        kept, total = scores.placeholders
        lines.append(
            f"placeholders {scores.placeholder_acc:6.2f}% kept ({kept}/{total}), "
            f"{scores.placeholders_added} added"
        )
    if scores.numbers_lost or scores.accelerators_lost:
        lines.append(
            f"numbers {scores.numbers_lost} lost, "
            f"keyboard accelerators {scores.accelerators_lost} lost"
        )
    lines.append(f"segments {scores.segments}")
    return "\n".join(lines)


def _warn_of_normalization(
    hyp: Path, hypotheses: list[str], ref: Path, references: list[str]
) -> None:
    """Say where the hypotheses and a reference are in different Unicode forms: the scores,
    sacrebleu's, count é and e + ◌́ as different characters, a loss no translation made."""
    mismatched = normalization_mismatches(hypotheses, references)
    if mismatched:
        warn(
            f"{mismatched} of {len(hypotheses)} lines of {hyp} and {ref} are in "
            "different Unicode forms (NFC and NFD): the scores count their accented letters "
            "as different; normalize both files to NFC to compare the words"
        )


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
