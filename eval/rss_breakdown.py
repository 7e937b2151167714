"""Where the peak RSS of ``ltmt translate`` goes: a timeline of one run, phase by phase.

Runs ``ltmt translate`` on the first ``--limit`` one-line test segments of ``--user`` with that
user's memory (as ``eval/rss_translate.py`` does), *in* a child process that samples its own
resident set (``/proc/self/status``'s VmRSS) every few milliseconds and notes when the heavy
modules are first imported and when the main steps run (loading the tokenizer, the weights,
the CTranslate2 model, force-decoding the matches, each decode call). The report gives, per
step, the resident set before it, after it and at its peak, and at the end ``smaps_rollup``
(anonymous against file-backed pages) and glibc's heap statistics (``mallinfo2``: bytes in use
against bytes free but still held). Untimed: it measures memory only.

    python eval/rss_breakdown.py --user git --limit 349 \
        --output eval/results/speed/rss-breakdown.json
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from dev_user_cli import REPO, write_report
from rss_translate import first_segments, rss_parser
from support import write_json

MODULES = (
    "torch",
    "transformers",
    "transformers.models.marian.modeling_marian",
    "torch._dynamo",
    "sympy",
    "ctranslate2",
)

# (module, attribute path) of the steps the child times; each is wrapped by a recording proxy
STEPS = (
    ("ltmt.model.backbone", "load_backbone"),
    ("ltmt.model.weights", "load_weights"),
    ("ltmt.model.ctranslate", "FastDecoder.__init__"),
    ("ltmt.fusion.datastore", "force_decode"),
    ("ltmt.fusion.datastore", "build_batch_memory"),
    ("ltmt.model.decode", "decode"),
    ("ltmt.model.ctranslate", "FastDecoder.decode_aligned"),
)


def child(argv: list[str], report_path: str, interval: float) -> None:
    """Run ``ltmt translate argv`` in this process and write the timeline to ``report_path``."""
    import ctypes
    import functools
    import importlib
    import threading
    import time

    def rss_mb() -> float:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20

    samples: list[float] = []
    events: list[dict[str, Any]] = []
    seen: set[str] = set()
    stop = threading.Event()
    start = time.perf_counter()

    def sampler() -> None:
        while not stop.is_set():
            samples.append(rss_mb())
            for name in MODULES:
                if name not in seen and name in sys.modules:
                    seen.add(name)
                    events.append({"imported": name, "rss_mb": round(samples[-1], 1)})
            time.sleep(interval)

    steps: dict[str, dict[str, Any]] = {}

    def wrap(module_name: str, path: str) -> None:
        module = importlib.import_module(module_name)
        owner: Any = module
        *parents, attribute = path.split(".")
        for parent in parents:
            owner = getattr(owner, parent)
        original = getattr(owner, attribute)

        @functools.wraps(original)
        def recorded(*args: Any, **kwargs: Any) -> Any:
            before = rss_mb()
            first = len(samples)
            try:
                return original(*args, **kwargs)
            finally:
                after = rss_mb()
                peak = max([before, after, *samples[first:]])
                step = steps.setdefault(
                    path, {"calls": 0, "first_before_mb": round(before, 1), "max_peak_mb": 0.0}
                )
                step["calls"] += 1
                step["max_peak_mb"] = round(max(step["max_peak_mb"], peak), 1)
                step["max_rise_mb"] = round(max(step.get("max_rise_mb", 0.0), peak - before), 1)
                step["max_kept_mb"] = round(max(step.get("max_kept_mb", -1e9), after - before), 1)
                step["last_after_mb"] = round(after, 1)

        setattr(owner, attribute, recorded)
        for other in list(sys.modules.values()):  # names imported with ``from ... import``
            if other is not None and getattr(other, attribute, None) is original and parents == []:
                setattr(other, attribute, recorded)

    thread = threading.Thread(target=sampler, daemon=True)
    thread.start()
    events.append({"start": "python", "rss_mb": round(rss_mb(), 1)})
    import ltmt.fusion.datastore
    import ltmt.model.ctranslate
    import ltmt.model.decode
    import ltmt.model.engine
    import ltmt.translator  # noqa: F401
    from ltmt.cli.main import run

    events.append({"start": "ltmt imported", "rss_mb": round(rss_mb(), 1)})
    for module_name, path in STEPS:
        wrap(module_name, path)
    code = 0
    try:
        run(argv)
    except SystemExit as exc:
        code = int(exc.code or 0)
    stop.set()
    thread.join()
    rollup = {}
    for line in Path("/proc/self/smaps_rollup").read_text().splitlines()[1:]:
        key, value = line.split(":", 1)
        if value.strip().endswith("kB"):
            rollup[key] = round(int(value.split()[0]) / 1024, 1)
    heap: dict[str, float] = {}
    try:

        class Mallinfo2(ctypes.Structure):
            _fields_ = [
                (name, ctypes.c_size_t)
                for name in (
                    "arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks",
                    "uordblks", "fordblks", "keepcost",
                )
            ]  # fmt: skip

        libc = ctypes.CDLL("libc.so.6")
        libc.mallinfo2.restype = Mallinfo2
        info = libc.mallinfo2()
        heap = {
            "arena_mb (main heap, sbrk)": round(info.arena / 2**20, 1),
            "mmapped_mb (large blocks)": round(info.hblkhd / 2**20, 1),
            "in_use_mb": round(info.uordblks / 2**20, 1),
            "free_held_mb": round(info.fordblks / 2**20, 1),
        }
        before_trim = rss_mb()
        libc.malloc_trim(0)
        heap["rss_before_trim_mb"] = round(before_trim, 1)
        heap["rss_after_trim_mb"] = round(rss_mb(), 1)
    except (OSError, AttributeError):
        pass
    peak = 0.0
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                peak = int(line.split()[1]) / 1024
    from collections import Counter

    packages = Counter(name.split(".")[0] for name in sys.modules)
    report = {
        "exit_code": code,
        "modules_loaded_by_package": dict(packages.most_common(12)),
        "seconds": round(time.perf_counter() - start, 1),
        "peak_rss_mb (VmHWM)": round(peak, 1),
        "sampled_peak_mb": round(max(samples), 1),
        "events": events,
        "steps": steps,
        "smaps_rollup_mb": rollup,
        "glibc_heap": heap,
    }
    write_json(Path(report_path), report)


def main() -> None:
    parser = rss_parser(__doc__ or "", "eval/results/speed/rss-breakdown.json")
    parser.add_argument("--interval", type=float, default=0.002, help="Sampling period (s).")
    parser.add_argument("--env", action="append", default=[], help="NAME=VALUE for the child.")
    if sys.argv[1:2] == ["--child"]:  # the measured process: --child REPORT INTERVAL ARGV...
        child(sys.argv[4:], sys.argv[2], float(sys.argv[3]))
        return
    args = parser.parse_args()
    users = Path(args.users_dir)
    sources = first_segments(users, args.user, args.limit)
    extra = dict(item.split("=", 1) for item in args.env)
    cases = []
    with tempfile.TemporaryDirectory(prefix="ltmt-rss-") as scratch:
        work = Path(scratch)
        env = {**os.environ, "LTMT_CACHE_DIR": str(work / "cache"), **extra}
        me = [sys.executable, __file__]
        hello = ["examples/hello.txt", "--user", "demo", "--model", args.model]
        warm = [*hello, "--memory-dir", str(work / "warm"), "--output", str(work / "warm.txt")]
        subprocess.run([*me, "--child", str(work / "warm.json"), "1", "translate", *warm],
                       env=env, cwd=REPO, check=True)  # fmt: skip
        text = work / "sources.txt"
        text.write_text("\n".join(sources) + "\n", "utf-8")
        store = str(work / "store")
        memory = users / f"{args.user}.memory.jsonl"
        ltmt = [sys.executable, "-c", "from ltmt.cli.main import run; run()"]
        import_memory = [*ltmt, "memory", "import", str(memory), "--user", args.user]
        subprocess.run([*import_memory, "--memory-dir", store],
                       env=env, cwd=REPO, check=True, stdout=subprocess.DEVNULL)  # fmt: skip
        for weights in args.weights.split(","):
            report = work / f"{weights}.json"
            out = work / f"{weights}.txt"
            translate = [str(text), "--user", args.user, "--model", args.model]
            translate += ["--memory-dir", store, "--output", str(out), "--fusion-weights", weights]
            subprocess.run(
                [*me, "--child", str(report), str(args.interval), "translate", *translate],
                env=env, cwd=REPO, check=True,
            )  # fmt: skip
            case = json.loads(report.read_text("utf-8"))
            case = {"case": f"{args.user}-memory-{weights}", **case}
            cases.append(case)
            # no states on disk for the next case: each is a user's first run
            subprocess.run(["rm", "-rf", str(work / "cache" / "forced-states")], check=True)
    report_all = {
        "benchmark": "peak RSS of ltmt translate, phase by phase",
        "user": args.user,
        "segments": len(sources),
        "child_env": extra,
        "cases": cases,
    }
    shown = [
        {"case": c["case"], "peak_rss_mb": c["peak_rss_mb (VmHWM)"], "steps": c["steps"]}
        for c in cases
    ]
    write_report(args.output, report_all, shown)


if __name__ == "__main__":
    main()
