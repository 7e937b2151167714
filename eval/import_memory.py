"""Where a bulk import's memory goes: ``Memory.import_pairs`` of ``--segments`` pairs in this
process, the process's memory read after each batch, and one batch's index arrays alone.

The pairs are ``bench_retrieval.py``'s memory (the same ``--seed``), built first and held as
the import's input (what ``ltmt memory import`` holds once a file is read). Per batch written
(the import's ``progress`` calls) the report has the process's anonymous RSS (``RssAnon``), its
peak RSS so far (``VmHWM``) and glibc's heap in use (``mallinfo2``: ``uordblks``, the C
allocations, LMDB's dirty pages among them, and Python's larger objects; Python's small objects
live in arenas of their own). The same after the import returns and after the store is closed
(LMDB keeps the pages a write transaction held for the next one until then). Then, untimed,
the peak of Python's allocations (``tracemalloc``, numpy's arrays included) while
:func:`ltmt.memory.postings.index_rows` works out the first ``IMPORT_BATCH`` texts' entries,
with the shipped ``INDEX_CHUNK`` and with the whole batch as one chunk (the entries compared).

    python eval/import_memory.py --segments 1000000 --output eval/results/import-memory-1m.json

Linux only (``/proc/self/status``, glibc).
"""

from __future__ import annotations

import argparse
import ctypes
import shutil
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
if str(REPO / "eval") not in sys.path:
    sys.path.insert(0, str(REPO / "eval"))
from bench_retrieval import machine_info, memory_pairs  # noqa: E402
from support import add_memory_args, emit_report, use_this_checkout  # noqa: E402

MB = 2**20


class _MallInfo2(ctypes.Structure):
    _fields_ = [
        (name, ctypes.c_size_t)
        for name in (
            "arena", "ordblks", "smblks", "hblks", "hblkhd",
            "usmblks", "fsmblks", "uordblks", "fordblks", "keepcost",
        )
    ]  # fmt: skip


def memory_now() -> dict[str, float]:
    """This process's anonymous RSS, peak RSS and glibc heap in use / mapped, MB."""
    status = dict(line.split(":", 1) for line in Path("/proc/self/status").read_text().splitlines())
    libc = ctypes.CDLL("libc.so.6")
    libc.mallinfo2.restype = _MallInfo2
    info = libc.mallinfo2()
    return {
        "rss_anon_mb": int(status["RssAnon"].split()[0]) / 1024,
        "peak_rss_mb": int(status["VmHWM"].split()[0]) / 1024,
        "malloc_in_use_mb": round(info.uordblks / MB, 1),
        "malloc_mmapped_mb": round(info.hblkhd / MB, 1),
    }


def index_peaks(texts: list[str]) -> dict[str, Any]:
    """tracemalloc's peak while ``index_rows`` indexes ``texts`` in the shipped chunks and as
    one chunk; whether both gave the same entries."""
    import numpy as np

    from ltmt.memory import postings

    ids = np.arange(1, len(texts) + 1, dtype=np.int64)
    shipped = postings.INDEX_CHUNK
    peaks, rows = {}, {}
    for name, chunk in (("shipped_chunks", shipped), ("one_chunk", max(1, len(texts)))):
        postings.INDEX_CHUNK = chunk
        try:
            tracemalloc.start()
            start = tracemalloc.get_traced_memory()[0]
            rows[name] = postings.index_rows(ids, texts)
            peaks[name] = round((tracemalloc.get_traced_memory()[1] - start) / MB, 1)
        finally:
            tracemalloc.stop()
            postings.INDEX_CHUNK = shipped
    a, b = rows["shipped_chunks"], rows["one_chunk"]
    same = a.ids_bytes == b.ids_bytes and all(
        np.array_equal(getattr(a, field), getattr(b, field))
        for field in ("terms", "bounds", "lengths", "sigs")
    )
    return {
        "texts": len(texts),
        "index_chunk": shipped,
        "peak_traced_mb": peaks,
        "same_entries": same,
    }


def run(args: argparse.Namespace) -> dict[str, Any]:
    use_this_checkout()
    from ltmt import Memory
    from ltmt.memory.writes import IMPORT_BATCH
    from ltmt.text import fold_space

    pairs = memory_pairs(args.data_dir, args.segments, args.seed)
    work = Path(tempfile.mkdtemp(prefix="ltmt-import-memory-", dir=args.work_dir))
    batches: list[dict[str, Any]] = []
    try:
        memory = Memory(work / "store")
        before = memory_now()
        start, written = time.perf_counter(), 0

        def progress(n: int) -> None:
            nonlocal written
            written += n
            batches.append(
                {"pairs": written, "seconds": round(time.perf_counter() - start, 2)} | memory_now()
            )

        report = memory.import_pairs("bench", pairs, origin="bench", progress=progress)
        seconds = time.perf_counter() - start
        after = memory_now()
        memory.close()  # LMDB keeps the pages a write transaction freed for its next one
        closed = memory_now()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    texts = [fold_space(source).casefold() for source, _ in pairs[:IMPORT_BATCH]]
    return {
        "benchmark": "where Memory.import_pairs's memory goes (one process, after each batch)",
        "segments": args.segments,
        "seed": args.seed,
        "added": report.added,
        "seconds": round(seconds, 2),
        "before_import": before,
        "after_each_batch": batches,
        "after_import": after,
        "after_close": closed,
        "index_rows_one_batch": index_peaks(texts),
        "machine": machine_info(),
        "note": args.note,
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_memory_args(parser, segments=1_000_000)
    args = parser.parse_args(argv)
    if args.segments < 1:
        parser.error("--segments must be at least 1")
    emit_report(run(args), args.output)


if __name__ == "__main__":
    main()
