"""Reading a 1M-segment store's candidate sources: one ``txn.get`` each against ``getmulti``.

Until session 38 a search read about 850 candidates' normalised sources from LMDB (session 38
holds them in memory: ``ltmt.memory.source_codes``). This trial times, on a saved store
(``bench_retrieval.py --keep``), the thread CPU of reading 850 random sorted ids: the fetcher
ltmt's rerank used (a ``txn.get`` and a decode each, kept here as it was), py-lmdb's
``Cursor.getmulti`` of the same keys with the same decoding, and the bare ``txn.get`` calls
alone; the variants take turns, ``--repeats`` times each, and the medians are written.

    python eval/source_reads_trial.py --store /tmp/ret1m-keep/store \
        --output eval/results/retrieval-source-reads-s31-zen4.json
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path
from typing import Any

from support import emit_report, numpy_as_the_command_line_runs_it

READS = 850


def run(args: argparse.Namespace) -> dict[str, Any]:
    import lmdb
    import numpy as np

    from ltmt.memory.layout import NORM, u32

    env = lmdb.open(str(args.store), readonly=True, lock=False, max_dbs=0)
    rng = np.random.default_rng(args.seed)
    times: dict[str, list[float]] = {"fetcher": [], "getmulti": [], "txn.get alone": []}
    with env.begin() as txn:
        uid = next(u for u in range(16) if txn.get(NORM + u32(u) + (1).to_bytes(4, "big")))
        prefix = NORM + u32(uid)

        def fetch(ids: list[int]) -> tuple[list[int], list[str]]:
            found, texts = [], []
            for seg_id in ids:
                raw = txn.get(prefix + seg_id.to_bytes(4, "big"))
                if raw is not None:
                    found.append(seg_id)
                    texts.append(str(raw, "utf-8"))
            return found, [text.casefold() for text in texts]

        def getmulti(ids: list[int]) -> list[str]:
            keys = [prefix + i.to_bytes(4, "big") for i in ids]
            return [str(v, "utf-8").casefold() for _, v in txn.cursor().getmulti(keys)]

        def gets(ids: list[int]) -> list[Any]:
            get = txn.get
            return [get(prefix + i.to_bytes(4, "big")) for i in ids]

        variants = {"fetcher": fetch, "getmulti": getmulti, "txn.get alone": gets}
        for _ in range(args.repeats):
            ids = np.sort(rng.choice(args.segments, READS, replace=False)).tolist()
            for name, read in variants.items():
                start = time.thread_time()
                read(ids)
                times[name].append((time.thread_time() - start) * 1000)
        ids = np.sort(rng.choice(args.segments, READS, replace=False)).tolist()
        same = fetch(ids)[1] == getmulti(ids)
    return {
        "benchmark": "candidate source reads",
        "store": str(args.store),
        "reads": READS,
        "repeats": args.repeats,
        "unit": "thread CPU ms per 850 reads, median",
        "ms": {name: round(statistics.median(values), 3) for name, values in times.items()},
        "getmulti_reads_the_same": same,
        "note": args.note,
    }


def main() -> None:
    numpy_as_the_command_line_runs_it()
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--store", type=Path, required=True)
    parser.add_argument("--segments", type=int, default=1_000_000)
    parser.add_argument("--repeats", type=int, default=50)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--note", default="")
    parser.add_argument("--output", type=Path)
    args = parser.parse_args()
    emit_report(run(args), args.output)


if __name__ == "__main__":
    main()
