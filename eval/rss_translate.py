"""Peak RSS of the main job: ``ltmt translate`` as a user runs it, one child process per case.

Cases: ``examples/hello.txt`` with an empty memory (the README's first command), and the first
``--limit`` one-line test segments of ``--user`` with that user's memory, once per ``--fusion``
method (``auto``, the default: ``knn-trained`` on the default model) and ``--fusion-weights``
value (``--fusions ""``: none of these). The first case is a fresh machine's first run, which
converts the model to CTranslate2 in a child process (``first_run``, the hello case with an empty
conversion cache); each case then runs in a fresh store with no match states on disk (a user's
first run) and the conversion cached. Beside it, the standard converter (what
``ct2-transformers-converter`` runs, loading the model with torch and transformers) converts the
same model in a child process of its own (``standard_conversion``): its peak RSS, and whether its
``model.bin`` equals the one ltmt wrote. Each peak RSS is ``ru_maxrss`` from ``os.wait4``: the
largest of the process and its children; ``peak_rss_all_processes_mb`` is the largest sum of the
resident sets of the process and its descendants, sampled every 50 ms (what worker processes,
``--workers 2p``, add). Untimed: run it apart from timed benchmarks.

    python eval/rss_translate.py --user git --limit 349 \
        --output eval/results/speed/rss-translate.json
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from dev_user_cli import REPO, dev_user_parser, write_report

LTMT = [sys.executable, "-c", "from ltmt.cli.main import run; run()"]  # this checkout's ltmt


def peak_rss_mb(command: list[str], env: dict[str, str]) -> tuple[float, float, int]:
    """(peak RSS in MB, seconds, exit code) of ``command`` run as a child process."""
    mb, _, seconds, code = peak_rss_with_descendants(command, env)
    return mb, seconds, code


def peak_rss_with_descendants(
    command: list[str], env: dict[str, str]
) -> tuple[float, float, float, int]:
    """(peak RSS in MB, peak summed RSS of it and its descendants in MB, seconds, exit code) of
    ``command`` run as a child process."""
    start = time.perf_counter()
    with tempfile.TemporaryFile() as errors:
        child = subprocess.Popen(
            command, env=env, cwd=REPO, stdout=subprocess.DEVNULL, stderr=errors
        )
        summed = 0.0
        while True:
            pid, status, usage = os.wait4(child.pid, os.WNOHANG)
            if pid:
                break
            summed = max(summed, _tree_rss_mb(child.pid))
            time.sleep(0.05)
        seconds = time.perf_counter() - start
        code = os.waitstatus_to_exitcode(status)
        if code != 0:
            errors.seek(0)
            sys.stderr.write(errors.read().decode("utf-8", "replace"))
    return usage.ru_maxrss / 1024, max(summed, usage.ru_maxrss / 1024), seconds, code


def _tree_rss_mb(root: int) -> float:
    """The summed resident set of process ``root`` and its descendants now, in MB (Linux)."""
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:  # the process ended meanwhile
            continue
        parents[int(entry.name)] = int(fields[1])  # the field after the state: the parent
        rss[int(entry.name)] = int(fields[21])  # resident pages
    tree, frontier = {root}, [root]
    while frontier:
        parent = frontier.pop()
        children = [pid for pid, ppid in parents.items() if ppid == parent and pid not in tree]
        tree.update(children)
        frontier.extend(children)
    return sum(rss.get(pid, 0) for pid in tree) * os.sysconf("SC_PAGE_SIZE") / 2**20


def run_case(name: str, args: list[str], work: Path) -> dict[str, Any]:
    """One ``ltmt translate`` case in its own store under ``work``, with the shared cache of
    ``work`` (the model's CTranslate2 conversion) but no match states kept from another case."""
    folder = work / name
    folder.mkdir(exist_ok=True)
    shutil.rmtree(work / "cache" / "forced-states", ignore_errors=True)
    env = {**os.environ, "LTMT_CACHE_DIR": str(work / "cache")}
    command = [*LTMT, "translate", *args]
    command += ["--memory-dir", str(folder / "store"), "--output", str(folder / "out.txt")]
    mb, summed, seconds, code = peak_rss_with_descendants(command, env)
    if code != 0:
        raise SystemExit(f"{name}: ltmt translate exited with {code}")
    print(
        f"{name}: {mb:.0f} MB ({summed:.0f} MB with its workers), {seconds:.1f} s", file=sys.stderr
    )
    outputs = (folder / "out.txt").read_text("utf-8").splitlines()
    return {
        "case": name,
        "peak_rss_mb": round(mb, 1),
        "peak_rss_all_processes_mb": round(summed, 1),
        "seconds": round(seconds, 1),
        "outputs": outputs,
    }


STANDARD_CONVERTER = (
    "import sys, ctranslate2; ctranslate2.converters.TransformersConverter(sys.argv[1])"
    ".convert(sys.argv[2], quantization=sys.argv[3])"
)


def standard_conversion(model: str, work: Path) -> dict[str, Any]:
    """Convert ``model`` with CTranslate2's standard converter in a child process, at the compute
    type of ltmt's cached conversion in ``work``; compare the two ``model.bin`` files."""
    (ours,) = (work / "cache" / "ctranslate2").glob("*/model.bin")
    compute_type = ours.parent.name.rsplit("-", 1)[1]
    output = work / "standard-conversion"
    command = [sys.executable, "-c", STANDARD_CONVERTER, model, str(output), compute_type]
    mb, seconds, code = peak_rss_mb(command, dict(os.environ))
    if code != 0:
        raise SystemExit(f"the standard converter exited with {code}")
    identical = (output / "model.bin").read_bytes() == ours.read_bytes()
    print(f"standard converter: {mb:.0f} MB, model.bin identical: {identical}", file=sys.stderr)
    return {
        "compute_type": compute_type,
        "peak_rss_mb": round(mb, 1),
        "seconds": round(seconds, 1),
        "model_bin_identical_to_ltmts": identical,
    }


IMPORTS = {  # what the fused path imports before it loads a weight
    "import-torch": "import torch",
    "import-torch-and-marian": "import torch, transformers.models.marian.modeling_marian",
    # and the compiled kernels of the fused step, loaded (from numba's cache) by a first call
    "import-torch-marian-and-kernels": (
        "import torch, transformers.models.marian.modeling_marian\n"
        "import numpy as np\n"
        "from ltmt.model.attention_kernels import cross_attend, self_attend\n"
        "from ltmt.fusion.knn_kernel import mix_nearest\n"
        "f = np.zeros((4, 1536), np.float32)\n"
        "self_attend(f, np.zeros((1, 8, 2, 4, 64), np.float32), np.zeros((1, 8, 2, 4, 64), "
        "np.float32), np.zeros((4, 2), np.int64), 0, 0.125, np.zeros((4, 512), np.float32))\n"
        "cross_attend(f[:, :512], np.zeros((1, 8, 3, 64), np.float32), np.zeros((1, 8, 3, 64), "
        "np.float32), np.zeros((1, 3), np.float32), 0.125, np.zeros((4, 512), np.float32), "
        "np.zeros((4, 3), np.float32), True)\n"
        "mix_nearest(np.zeros((4, 9), np.float32), np.arange(4), np.zeros((4, 512), np.float32), "
        "np.zeros((4, 2), np.float32), np.zeros((4, 2), np.float32), np.zeros((4, 2), np.bool_), "
        "np.zeros((4, 2), np.int64), np.zeros((4, 2, 3), np.int64), np.zeros((4, 2), np.float32), "
        "np.ones(4, np.float32), np.zeros((4, 1), np.int64), np.ones(6), 4, 3, 1, 0)"
    ),
}


def rss_parser(doc: str, output: str) -> argparse.ArgumentParser:
    """The options of the peak-RSS scripts (this one and ``eval/rss_breakdown.py``)."""
    parser = dev_user_parser(
        doc,
        limit=349,
        limit_help="One-line test segments of --user to translate.",
        output=output,
    )
    parser.add_argument("--user", default="git")
    parser.add_argument("--weights", default="float32,bfloat16", help="--fusion-weights values.")
    parser.add_argument("--fusions", default="auto", help="--fusion methods, e.g. auto,knn.")
    parser.add_argument(
        "--workers",
        default="",
        help="--workers values of ltmt translate for the memory cases, e.g. 1,2,2p (a 'p': "
        "with --worker-processes; default: ltmt's own choice, the name's last part 'default')",
    )
    return parser


def first_segments(users: Path, user: str, limit: int) -> list[str]:
    """The first ``limit`` one-line test sources of ``user``."""
    rows = [json.loads(line) for line in (users / f"{user}.test.jsonl").open(encoding="utf-8")]
    return [r["source"] for r in rows if "\n" not in r["source"]][:limit]


def main() -> None:
    args = rss_parser(__doc__ or "", "eval/results/speed/rss-translate.json").parse_args()
    users = Path(args.users_dir)
    sources = first_segments(users, args.user, args.limit)
    results = []
    with tempfile.TemporaryDirectory(prefix="ltmt-rss-") as scratch:
        work = Path(scratch)
        hello = ["examples/hello.txt", "--user", "demo", "--model", args.model]
        first_run = run_case("hello-first-run", hello, work)  # converts the model (a child)
        results.append(run_case("hello-empty-memory", hello, work))
        first_run["outputs_equal_the_next_runs"] = first_run.pop("outputs") == results[0]["outputs"]
        standard = standard_conversion(args.model, work)
        text = work / "sources.txt"
        text.write_text("\n".join(sources) + "\n", "utf-8")
        cases = [
            (fusion, weights, workers)
            for fusion in filter(None, args.fusions.split(","))
            for weights in args.weights.split(",")
            for workers in (args.workers.split(",") if args.workers else ["default"])
        ]
        for fusion, weights, workers in cases:
            name = f"{args.user}-memory-{fusion}-{weights}-workers-{workers}"
            store = str(work / name / "store")
            memory = str(users / f"{args.user}.memory.jsonl")
            import_memory = [*LTMT, "memory", "import", memory, "--user", args.user]
            subprocess.run([*import_memory, "--memory-dir", store],
                           check=True, stdout=subprocess.DEVNULL)  # fmt: skip
            case = [str(text), "--user", args.user, "--model", args.model]
            case += ["--fusion", fusion, "--fusion-weights", weights]
            if workers != "default":
                case += ["--workers", workers.removesuffix("p")]
                case += ["--worker-processes"] if workers.endswith("p") else []
            results.append(run_case(name, case, work))
    first = results[1]["outputs"] if len(results) > 1 else []
    for case in results[1:]:
        case["outputs_differing_from_first_case"] = sum(
            a != b for a, b in zip(first, case.pop("outputs"), strict=True)
        )
    results[0].pop("outputs")
    imports = {}
    for name, statement in IMPORTS.items():
        mb, _, code = peak_rss_mb([sys.executable, "-c", statement], dict(os.environ))
        if code != 0:
            raise SystemExit(f"{name}: {statement!r} exited with {code}")
        imports[name] = round(mb, 1)
    report = {
        "benchmark": "peak RSS of ltmt translate",
        "user": args.user,
        "segments": len(sources) if len(results) > 1 else 0,
        "first_run": first_run,
        "standard_conversion": standard,
        "cases": results,
        "imports_peak_rss_mb": imports,
    }
    write_report(args.output, report, results)


if __name__ == "__main__":
    main()
