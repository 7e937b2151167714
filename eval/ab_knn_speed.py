"""Cold kNN speed of two checkouts of ltmt, taking turns round by round (A B B A A B ...).

``eval/bench_speed.py`` interleaves engines of one checkout; this compares two versions of the
code on the same engine (``bench_speed``'s ``ltmt-knn``, or ``--engine ltmt-knn-trained``: each
user's memory, force-decoded states emptied before every round; both checkouts must know it).
Each checkout runs in a child process of its own; the children load and warm up, then take
turns, so load from other jobs falls on both alike.

    flock -x /tmp/ltmt-cpu.lock python eval/ab_knn_speed.py /path/to/before /path/to/after \\
        --rounds 3 --threads 2 --output eval/results/speed/ab-knn.json

``--engine-b``: checkout B runs another engine (two options of one checkout: ``. .``).
``--workers N``: batches decoded at once (``bench_speed``'s ``--workers``; ``threads // N``
threads each); ``--workers-b``: checkout B's, where it differs (e.g. ``. . --workers 1
--workers-b 2``).

``--time-functions``: also the seconds each round spends inside the functions named (comma
separated ``module:qualified.name``, e.g. ``ltmt.model.incremental:IncrementalDecoder.select``),
wall time summed over their calls (a call inside another timed one counts in both), per
round and checkout: the cost of one part of a pass, which the rounds' drift hides in the
pass's own time.

Writes per checkout the wall and CPU seconds of each round, their medians and minima, and how
many outputs differ between the two (from the last round of each), and those outputs.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from support import DEV_USERS_DIR, emit_report, write_json


def child(args: argparse.Namespace) -> None:
    """One checkout's rounds: wait for each of its turns in ``args.turns``, then pass it on."""
    sys.path[:0] = [str(args.child), str(args.child / "eval")]
    # this script's own eval helpers are imported already: the checkout's must replace them,
    # or its bench_speed would put this script's checkout first on the path (use_this_checkout)
    # and both children would run this checkout's ltmt (as every A/B of two checkouts that
    # both had eval/support.py did before session 16)
    for name in ("support", "bench_speed"):
        sys.modules.pop(name, None)
    import bench_speed
    import torch

    import ltmt

    if Path(ltmt.__file__).resolve().parents[1] != args.child.resolve():
        raise SystemExit(f"checkout {args.child}: imported ltmt from {ltmt.__file__}")

    torch.set_num_threads(args.threads)
    spent = _time_functions(args.time_functions)
    # built here rather than by bench_speed.engine_options: a checkout timed may predate it
    options = argparse.Namespace(
        model=None,
        beam=4,
        batch_size=32,
        threads=args.threads,
        workers=args.workers,
        limit=args.limit,
    )
    segments = bench_speed.select_segments(args.users_dir, args.limit)
    translate, contexts = bench_speed.build_engine(args.engine, options, args.users_dir)
    translate(segments[0][0], segments[0][1][:8])  # warm-up: loads the weights
    turns = args.turns
    (turns / f"ready{args.role}").touch()
    order = [side for r in range(args.rounds) for side in ((0, 1) if r % 2 == 0 else (1, 0))]
    wall: list[float] = []
    cpu: list[float] = []
    outputs: list[str] = []
    for turn, side in enumerate(order):
        if side != args.role:
            continue
        while not (turns / str(turn)).exists():
            time.sleep(0.05)
        if hasattr(translate, "forget"):  # engines without memory have nothing to forget
            translate.forget()
        for name in spent:
            spent[name].append(0.0)
        started, cpu_started = time.perf_counter(), time.process_time()
        outputs = [text for user, sources, _ in segments for text in translate(user, sources)]
        wall.append(round(time.perf_counter() - started, 3))
        cpu.append(round(time.process_time() - cpu_started, 3))
        (turns / str(turn + 1)).touch()
    functions = {name: [round(t, 4) for t in times] for name, times in spent.items()}
    report = {"wall_seconds": wall, "cpu_seconds": cpu, "outputs": outputs, "functions": functions}
    write_json(turns / f"result{args.role}.json", report)
    del contexts


def _time_functions(names: str | None) -> dict[str, list[float]]:
    """Wrap each function ``names`` lists (``module:qualified.name``, comma separated) so that
    its calls add their wall seconds to the last entry of its list in the result."""
    import importlib

    spent: dict[str, list[float]] = {}
    for name in filter(None, (names or "").split(",")):
        module_name, _, path = name.partition(":")
        owner = importlib.import_module(module_name)
        *parents, attribute = path.split(".")
        for parent in parents:
            owner = getattr(owner, parent)
        original = getattr(owner, attribute)
        setattr(owner, attribute, _timed(original, spent.setdefault(name, [0.0])))
    return spent


def _timed(function, times: list[float]):  # type: ignore[no-untyped-def]
    """``function``, adding the wall seconds of each call to ``times[-1]``."""
    import functools

    @functools.wraps(function)
    def timed(*args, **options):  # type: ignore[no-untyped-def]
        started = time.perf_counter()
        try:
            return function(*args, **options)
        finally:
            times[-1] += time.perf_counter() - started

    return timed


def describe(engine: str) -> str:
    """The engine and which run of a user it times: a ``-warm`` engine's states are on disk."""
    return f"{engine} ({'a next run' if engine.endswith('-warm') else 'cold'})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("checkouts", type=Path, nargs="*", help="two ltmt source trees: A B")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument(
        "--workers", type=int, default=1, help="batches decoded at once (bench_speed's --workers)"
    )
    parser.add_argument("--limit", type=int, default=100, help="test segments per user")
    parser.add_argument("--engine", default="ltmt-knn", help="a bench_speed ltmt-knn* engine")
    parser.add_argument("--engine-b", help="checkout B's engine (default: --engine)")
    parser.add_argument("--workers-b", type=int, help="checkout B's --workers (default: --workers)")
    parser.add_argument("--users-dir", type=Path, default=DEV_USERS_DIR)
    parser.add_argument(
        "--time-functions", help="module:qualified.name,... to time inside each round"
    )
    parser.add_argument("--output", type=Path)
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--role", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--turns", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args)
        return
    if len(args.checkouts) != 2:
        parser.error("give two checkouts: A B")
    engines = (args.engine, args.engine_b or args.engine)
    workers = (args.workers, args.workers if args.workers_b is None else args.workers_b)
    with tempfile.TemporaryDirectory(prefix="ltmt-ab-") as folder:
        turns = Path(folder)
        common = ["--rounds", str(args.rounds), "--threads", str(args.threads)]
        common += ["--limit", str(args.limit), "--users-dir", str(args.users_dir)]
        if args.time_functions:
            common += ["--time-functions", args.time_functions]
        command = [sys.executable, __file__, "--turns", str(turns), *common]
        children = [
            subprocess.Popen(
                [
                    *command,
                    *("--engine", engine, "--workers", str(count)),
                    *("--child", str(tree.resolve()), "--role", str(role)),
                ]
            )
            for role, (tree, engine, count) in enumerate(
                zip(args.checkouts, engines, workers, strict=True)
            )
        ]
        while not all((turns / f"ready{role}").exists() for role in (0, 1)):
            if any(c.poll() not in (None, 0) for c in children):
                raise SystemExit("a checkout failed to start (see its error above)")
            time.sleep(0.2)
        (turns / "0").touch()
        if any(c.wait() != 0 for c in children):
            raise SystemExit("a checkout failed (see its error above)")
        results = [json.loads((turns / f"result{r}.json").read_text()) for r in (0, 1)]
    report: dict[str, object] = {
        "engine": describe(args.engine),
        "engines": {"A": engines[0], "B": engines[1]},
        "rounds": args.rounds,
        "threads": args.threads,
        "workers": {"A": workers[0], "B": workers[1]},
        "order": "turns A B B A A B ...",
    }
    for name, tree, result in zip("AB", args.checkouts, results, strict=True):
        report[name] = {
            "checkout": str(tree),
            "wall_seconds": result["wall_seconds"],
            "cpu_seconds": result["cpu_seconds"],
            "median_wall": statistics.median(result["wall_seconds"]),
            "median_cpu": statistics.median(result["cpu_seconds"]),
            # the fastest round: what other jobs on the machine disturb least
            "min_wall": min(result["wall_seconds"]),
            "min_cpu": min(result["cpu_seconds"]),
        }
        if args.time_functions:
            report[name]["function_seconds"] = {  # type: ignore[index]
                function: {"rounds": times[1:], "median": statistics.median(times[1:])}
                for function, times in result["functions"].items()
            }
    a, b = results[0]["outputs"], results[1]["outputs"]
    report["outputs_differing"] = sum(x != y for x, y in zip(a, b, strict=True))
    report["differing"] = [
        {"segment": n, "A": x, "B": y} for n, (x, y) in enumerate(zip(a, b, strict=True)) if x != y
    ]
    emit_report(report, args.output)


if __name__ == "__main__":
    main()
