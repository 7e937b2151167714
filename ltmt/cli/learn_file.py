"""``ltmt translate --learn FILE``: the reviewer's translations, one per input line, checked as
``ltmt memory import`` checks a file's pairs. Lines shifted against the input (a line deleted
or added in one of them: :mod:`ltmt.memory.shifted_lines`) are refused before the model
loads, as a count of lines that differs is; the pairs stored are warned of as an import warns
of them (:mod:`ltmt.memory.import_checks`: numbers that disagree, placeholders lacking), with
the ``ltmt qa`` command that lists them (trial s76: a shifted file was stored without a word,
and its wrong translations reused as 100 % matches from then on)."""

from __future__ import annotations

import shlex
from collections.abc import Sequence
from pathlib import Path

from ltmt.errors import InputError
from ltmt.memory.clean import CleanConfig
from ltmt.memory.import_checks import suspect_pairs
from ltmt.memory.shifted_lines import find_shift
from ltmt.segments import PairRecord
from ltmt.wording import first_few


def refuse_shifted(
    learn: Path, input_path: Path | None, sources: Sequence[str], targets: Sequence[str]
) -> None:
    """An InputError where ``targets`` (``learn``'s lines) read shifted against ``sources``
    (the input's, from ``input_path``; None: standard input), naming the first lines."""
    shift = find_shift(sources, targets)
    if shift is None:
        return
    against = f"{input_path.name}'s" if input_path is not None else "the input's"
    raise InputError(
        f"--learn {learn.name}: its lines read shifted against {against}: {shift.first()} "
        f"(lines {first_few(str(line) for line in shift.lines)}); nothing translated or "
        "learned: put each translation on the line of its source and run again"
    )


def learned_suspects(
    learn: Path,
    input_path: Path | None,
    sources: Sequence[str],
    targets: Sequence[str],
    clean: CleanConfig,
) -> list[str]:
    """The warnings ``ltmt memory import`` says of the pairs of ``sources`` and ``targets``
    (``learn``'s lines: the pairs ``--learn`` stored), one a kind of problem, naming the
    first few pairs by line (``rev.de.txt:3``) and, where the input is a file
    (``input_path``), the ``ltmt qa`` command that lists them all."""
    records = [
        PairRecord(source, target, f"{learn.name}:{number}")
        for number, (source, target) in enumerate(zip(sources, targets, strict=True), 1)
        if source.strip() or target.strip()
    ]
    qa = (
        f"ltmt qa {shlex.quote(str(learn))} --source-file {shlex.quote(str(input_path))}"
        if input_path is not None
        else None
    )
    return [kind.warning("learned", qa) for kind in suspect_pairs(records, clean)]
