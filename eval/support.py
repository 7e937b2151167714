"""What the eval scripts share: where this checkout and its data are, and how a script prints
and saves its JSON report (:func:`emit_report`) or writes any JSON file (:func:`write_json`:
indented, newline-terminated, atomic).

Scripts run as ``python eval/<script>.py`` find this module beside them (Python puts the
script's folder first on ``sys.path``).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import secrets
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
DATA_DIR = REPO.parent / "shared" / "data" / "en-de"
# the dev users' memories and test sets (USER.memory.jsonl, USER.test.jsonl)
DEV_USERS_DIR = DATA_DIR / "l10n" / "dev"
DEFAULT_MODEL = REPO / "ltmt" / "models" / "default-en-de"


def use_this_checkout() -> None:
    """Make ``import ltmt`` read this checkout (call before the first ltmt import)."""
    if str(REPO) not in sys.path:
        sys.path.insert(0, str(REPO))


def numpy_as_the_command_line_runs_it() -> bool:
    """Give this process the numpy code ltmt's command line gives its own (call before numpy
    is imported): its AVX2 code on AMD Zen 4 unless ``LTMT_NUMPY_AVX512=1``
    (:mod:`ltmt.numpy_dispatch`). Whether numpy's AVX-512 code was turned off."""
    use_this_checkout()
    from ltmt.numpy_dispatch import prefer_numpy_avx2

    return prefer_numpy_avx2()


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    """The objects of a JSON Lines file, one a line (blank lines skipped)."""
    with Path(path).open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def write_json(path: Path, data: Any, *, ensure_ascii: bool = True) -> str:
    """Write ``data`` to ``path`` as JSON indented by 2, newline-terminated, its folder made;
    atomically (a temporary sibling renamed over it), so a run killed while writing leaves the
    previous file or none, never half of one. Returns the JSON text (without the newline)."""
    text = json.dumps(data, indent=2, ensure_ascii=ensure_ascii)
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.parent / f".{path.name}.{secrets.token_hex(6)}.tmp"
    # O_EXCL: a fresh file; 0o666 lets the umask decide its mode, as for a plain write
    handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text + "\n")
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return text


def emit_report(
    report: Any,
    output: Path | None = None,
    *,
    shown: Any = None,
    ensure_ascii: bool = True,
) -> str:
    """Print ``report`` as indented JSON (``shown`` instead, when given) and write it to
    ``output`` (by :func:`write_json`) when given; the report's JSON text."""
    if output is not None:
        text = write_json(output, report, ensure_ascii=ensure_ascii)
    else:
        text = json.dumps(report, indent=2, ensure_ascii=ensure_ascii)
    print(text if shown is None else json.dumps(shown, indent=2, ensure_ascii=ensure_ascii))
    return text


def add_pass_args(parser: Any) -> None:
    """The options of a script that runs ``bench_speed.py`` engines over the dev users' test
    segments: ``--limit`` (per user), ``--threads``, ``--users-dir``, ``--output``."""
    parser.add_argument("--limit", type=int, default=100, help="test segments per user")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--users-dir", type=Path, default=DEV_USERS_DIR)
    parser.add_argument("--output", type=Path)


def add_memory_args(parser: Any, *, segments: int) -> None:
    """The options of a script that builds ``bench_retrieval.py``'s memory of ``--segments``
    pairs: ``--data-dir``, ``--segments``, ``--seed``, ``--work-dir``, ``--output``, ``--note``."""
    parser.add_argument("--data-dir", type=Path, default=DATA_DIR)
    parser.add_argument("--segments", type=int, default=segments)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--work-dir", type=Path, default=None)
    parser.add_argument("--output", type=Path, default=None)
    parser.add_argument("--note", default="")


def add_comparison_args(parser: Any, *, segments: int, rounds: int) -> None:
    """The options of a script that compares this checkout with ``--base`` on a memory of
    ``--segments`` pairs over ``--rounds``: also those of :func:`add_memory_args`;
    :func:`check_comparison_args` checks them once parsed."""
    parser.add_argument("--base", type=Path, required=True, help="the checkout to compare with")
    parser.add_argument("--rounds", type=int, default=rounds)
    add_memory_args(parser, segments=segments)


def check_comparison_args(parser: Any, args: Any) -> None:
    """``parser.error`` (exit 2, one line) for a ``--base`` that is no ltmt checkout, or a
    ``--segments`` or ``--rounds`` below 1."""
    if not (args.base / "ltmt" / "__init__.py").is_file():
        parser.error(f"--base {args.base} is not an ltmt checkout (no ltmt/__init__.py)")
    if args.segments < 1 or args.rounds < 1:
        parser.error("--segments and --rounds must be >= 1")


def kept_store_ab_parser(doc: str | None) -> argparse.ArgumentParser:
    """The options of the scripts that run two checkouts on a store kept by
    ``bench_retrieval.py --keep``: ``--base``, ``--store``, ``--queries``, ``--rounds``,
    ``--output`` and ``--note`` (:func:`check_base` checks ``--base``)."""
    parser = argparse.ArgumentParser(
        description=doc, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--base", type=Path, required=True, help="the checkout to compare with")
    parser.add_argument("--store", type=Path, required=True)
    parser.add_argument("--queries", type=Path, required=True)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--output", type=Path, default=None)
    parser.add_argument("--note", default="")
    return parser


def revision_trial_parser(doc: str | None, source_help: str) -> argparse.ArgumentParser:
    """The options of the trials that translate real files with this checkout and one at a
    git revision: ``--source`` (the files), ``--before`` (the revision) and ``--output``."""
    parser = argparse.ArgumentParser(description=(doc or "").split("\n\n")[0])
    parser.add_argument("--source", type=Path, required=True, help=source_help)
    parser.add_argument("--before", required=True, help="the git revision to compare with")
    parser.add_argument("--output", type=Path, required=True)
    return parser


def strings_trial_args(doc: str | None, names: tuple[str, ...] = ()) -> argparse.Namespace:
    """The options of the trials that translate the strings of real catalogs with this checkout
    and one at a git revision (:func:`texts_translated_by_both`): ``--source`` (files, or
    folders of any format ltmt reads), ``--before`` (the revision) and ``--output``, and with
    ``names`` a required ``--names`` among them; a one-line error for a path that does not
    exist."""
    parser = argparse.ArgumentParser(description=(doc or "").split("\n\n")[0])
    if names:
        parser.add_argument("--names", choices=names, required=True)
    parser.add_argument("--source", type=Path, nargs="+", required=True, help="files, folders")
    parser.add_argument("--before", required=True, help="the git revision to compare with")
    parser.add_argument("--output", type=Path, required=True)
    args = parser.parse_args()
    missing = [str(path) for path in args.source if not path.exists()]
    if missing:
        parser.error(f"no such file or folder: {', '.join(missing)}")
    return args


def side_by_side(sources: list[str], outputs: dict[str, list[str]]) -> list[dict[str, str]]:
    """Each source with its ``before`` and ``after`` output (:func:`texts_translated_by_both`)."""
    return [
        {"source": source, "before": before, "after": after}
        for source, before, after in zip(sources, outputs["before"], outputs["after"], strict=True)
    ]


def strings_trial(
    args: argparse.Namespace,
    sources: list[str],
    count: Callable[[list[str], list[str]], Any],
    report: dict[str, Any],
    *,
    examples: bool = True,
) -> None:
    """The end of a strings trial (:func:`strings_trial_args`): ``sources`` translated by both
    checkouts (:func:`texts_translated_by_both`), ``count(sources, outputs)`` of each under its
    label in ``report``, with every source ``side_by_side`` under ``examples``, and ``report``
    printed and written to ``args.output``."""
    outputs = texts_translated_by_both(args.before, sources)
    for label, found in outputs.items():
        report[label] = count(sources, found)
    if examples:
        report["examples"] = side_by_side(sources, outputs)
    emit_report(report, args.output, ensure_ascii=False)


def check_base(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    """A one-line error unless ``args.base`` is an ltmt checkout and ``args.rounds`` >= 1."""
    if not (args.base / "ltmt" / "__init__.py").is_file():
        parser.error(f"--base {args.base} is not an ltmt checkout (no ltmt/__init__.py)")
    if args.rounds < 1:
        parser.error("--rounds must be >= 1")


# The first lines of a child process's code (``run_in_checkout``): numpy as ltmt's command line
# runs it, where the checkout has ``ltmt.numpy_dispatch`` (older checkouts: as it comes).
CHILD_NUMPY = """
try:
    from ltmt.numpy_dispatch import prefer_numpy_avx2
except ImportError:
    pass
else:
    prefer_numpy_avx2()
"""


def in_turns(
    versions: dict[str, Path], rounds: int, measure: Callable[[Path], dict[str, Any]]
) -> dict[str, list[dict[str, Any]]]:
    """``measure(checkout)`` of each of ``versions`` (name: checkout), ``rounds`` times, the
    order reversed every other round (ABBA), so that a drift of the machine's speed affects them
    alike: each name's results in round order."""
    found: dict[str, list[dict[str, Any]]] = {name: [] for name in versions}
    for round_number in range(rounds):
        order = list(versions) if round_number % 2 == 0 else list(versions)[::-1]
        for name in order:
            found[name].append(measure(versions[name]))
    return found


def run_in_checkout(checkout: Path, code: str, *args: str) -> subprocess.CompletedProcess[str]:
    """``python -c code args`` as a process of ``checkout`` (``PYTHONPATH`` and working folder:
    ``python -c`` puts the working folder first on ``sys.path``), its output captured;
    SystemExit with the end of its stderr when it fails."""
    done = subprocess.run(
        [sys.executable, "-c", code, *args],
        env={**os.environ, "PYTHONPATH": str(checkout)},
        cwd=checkout,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode:
        raise SystemExit(f"the run by {checkout} failed:\n{done.stderr[-2000:]}")
    return done


def ltmt_in_checkout(checkout: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The ``ltmt`` command line of ``checkout`` with ``args`` (:func:`run_in_checkout`)."""
    return run_in_checkout(checkout, "from ltmt.cli.main import run; run()", *args)


@contextlib.contextmanager
def worktree_at(revision: str, folder: Path) -> Iterator[Path]:
    """This repository at ``revision``, checked out into ``folder`` (a git worktree, removed
    after)."""
    subprocess.run(
        ["git", "-C", str(REPO), "worktree", "add", "-q", "--detach", str(folder), revision],
        check=True,
    )
    try:
        yield folder
    finally:
        subprocess.run(
            ["git", "-C", str(REPO), "worktree", "remove", "--force", str(folder)], check=True
        )


def translated_by_both(
    before: Path, source: Path, output_of: Callable[[str], Path]
) -> dict[str, float]:
    """``ltmt translate SOURCE -o output_of(label)`` by the checkout ``before`` (label
    ``before``) and by this one (``after``), in turn; each run's seconds, model load included."""
    seconds = {}
    for label, checkout in (("before", before), ("after", REPO)):
        output = output_of(label)
        output.parent.mkdir(parents=True, exist_ok=True)
        started = time.perf_counter()
        ltmt_in_checkout(checkout, "translate", str(source), "-o", str(output))
        seconds[label] = round(time.perf_counter() - started, 1)
    return seconds


def files_under(paths: list[Path]) -> list[Path]:
    """The files of ``paths``: each file, and every file below each folder, in name order."""
    listed = [p for path in paths for p in ([path] if path.is_file() else sorted(path.rglob("*")))]
    return [path for path in listed if path.is_file()]


def unit_sources(paths: list[Path], wanted: Callable[[str], bool]) -> list[str]:
    """The distinct sources of the units of ``paths`` (files, or folders searched for files
    ltmt reads; a file it cannot read is skipped) for which ``wanted`` holds, in file order.
    Call :func:`use_this_checkout` first."""
    from ltmt.errors import LtmtError
    from ltmt.formats.documents import open_document

    found: dict[str, None] = {}
    for path in files_under(paths):
        try:
            units = open_document(path, tgt_lang="de").units()
        except (LtmtError, ValueError, OSError):
            continue
        found.update((unit.source, None) for unit in units if wanted(unit.source))
    return list(found)


def translated_entries(paths: list[Path], wanted: Callable[[str], bool]) -> dict[str, str]:
    """Each distinct source of the translated catalogs ``paths`` (files, or folders searched for
    files ltmt reads with their translations; a file it cannot read is skipped) for which
    ``wanted`` holds, and its first translation. Call :func:`use_this_checkout` first."""
    from ltmt.errors import LtmtError
    from ltmt.formats.pairs import read_translations

    found: dict[str, str] = {}
    for path in files_under(paths):
        try:
            records = read_translations(path)
        except (LtmtError, ValueError, OSError):
            continue
        for record in records:
            if record.target.strip() and wanted(record.source):
                found.setdefault(record.source, record.target)
    return found


def references_trial(
    args: argparse.Namespace,
    references: dict[str, str],
    count: Callable[[list[str], list[str]], Any],
    report: dict[str, Any],
) -> None:
    """The end of a strings trial held against the catalogs' own translations
    (:func:`translated_entries`): the sources translated by both checkouts
    (:func:`texts_translated_by_both`), ``count(sources, outputs)`` of each under its label in
    ``report``, how many outputs differ between them (``changed``), every source with both
    outputs and its translation under ``examples``, and ``report`` printed and written to
    ``args.output``."""
    sources = list(references)
    outputs = texts_translated_by_both(args.before, sources)
    for label, found in outputs.items():
        report[label] = count(sources, found)
    pairs = zip(outputs["before"], outputs["after"], strict=True)
    report["changed"] = sum(before != after for before, after in pairs)
    report["examples"] = [
        {**row, "translation": references[row["source"]]} for row in side_by_side(sources, outputs)
    ]
    emit_report(report, args.output, ensure_ascii=False)


# run in a checkout: the texts of a JSON list (argv[1]) translated with no memory, as a JSON line
_TRANSLATE_TEXTS = """
import json, sys
from ltmt import Translator
texts = json.loads(open(sys.argv[1], encoding="utf-8").read())
print(json.dumps({"outputs": [t.text for t in Translator(fusion="none").translate(texts)]}))
"""


def texts_translated_by_both(before: str, texts: list[str]) -> dict[str, list[str]]:
    """``texts`` translated with no memory by ``Translator.translate`` of this repository at
    git revision ``before`` (label ``before``, a temporary worktree) and of this checkout
    (``after``), each in a process of its own: the outputs in order."""
    outputs = {}
    with tempfile.TemporaryDirectory() as temporary:
        work = Path(temporary)
        listed = work / "texts.json"
        listed.write_text(json.dumps(texts), encoding="utf-8")
        with worktree_at(before, work / "before-checkout") as checkout:
            for label, root in (("before", checkout), ("after", REPO)):
                done = report_in_checkout(root, _TRANSLATE_TEXTS, str(listed))
                outputs[label] = [str(text) for text in done["outputs"]]
    return outputs


def report_in_checkout(checkout: Path, code: str, *args: str) -> dict[str, Any]:
    """:func:`run_in_checkout`, and the JSON object its last line of output prints."""
    done = run_in_checkout(checkout, code, *args)
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def ltmt_json(args: list[str], commands: list[str]) -> dict[str, Any]:
    """Run this checkout's ``ltmt`` command line with ``args``, recorded in ``commands`` (so
    that a run can be redone by hand); its JSON report, or {} when it prints none. SystemExit
    with its stderr when it fails."""
    commands.append("ltmt " + " ".join(args))
    done = subprocess.run(
        [sys.executable, "-c", "from ltmt.cli.main import run; run()", *args],
        env={**os.environ, "PYTHONPATH": str(REPO)},
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise SystemExit(f"ltmt {' '.join(args)} failed:\n{done.stderr}")
    return dict(json.loads(done.stdout)) if done.stdout.strip().startswith("{") else {}
