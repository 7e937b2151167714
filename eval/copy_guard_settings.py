"""The copy guard's second decode: which kNN settings, on the copies of an unguarded run.

Takes an ``ltmt bench --no-copy-guard`` run, finds the segments whose ``knn`` output copies a
match of other words (:func:`copied_matches.copies_and_wrong_words`, single-line segments only),
and translates them again, without the copy guard, with kNN's default settings and each grid
setting of ``differing_penalty`` x ``memory_eos`` (:meth:`ltmt.fusion.knn.KnnConfig.wary` is
one of them). Reports per setting BLEU, chrF2, the copies left and the wrong words
(:mod:`copied_matches`) over those segments, and the base system's outputs for reference.

    python eval/copy_guard_settings.py eval/results/dev-offline-s27-avx2-no-copy-guard \\
        --output eval/results/copy-guard-settings-s27-avx2.json

Untimed. The settings were chosen on the dev users' copies (the data README allows tuning on
them); the bench runs and ``eval/misleading_memory.py`` then measure the chosen one.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import tempfile
from pathlib import Path
from typing import Any

from copied_matches import copies_and_wrong_words, read_rows, scores, users_memory
from support import DEFAULT_MODEL, DEV_USERS_DIR, emit_report, use_this_checkout

GRID = [(penalty, eos) for penalty in (0.0, 2.0, 4.0, 8.0) for eos in ("nearest", "none")]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("run", type=Path, help="an ltmt bench --no-copy-guard output folder")
    parser.add_argument("--model", type=Path, default=DEFAULT_MODEL)
    parser.add_argument("--users-dir", type=Path, default=DEV_USERS_DIR)
    parser.add_argument("--output", type=Path, default=None)
    args = parser.parse_args()
    use_this_checkout()
    from ltmt.fusion.knn import KnnConfig, KnnFusion
    from ltmt.model.backbone import load_backbone
    from ltmt.translator import Translator

    config = json.loads((args.run / "results.json").read_text("utf-8"))["config"]
    rows = read_rows(args.run)
    report: dict[str, Any] = {"run": str(args.run), "model": str(args.model), "settings": {}}
    with tempfile.TemporaryDirectory(prefix="ltmt-copy-settings-") as work:
        memory = users_memory(Path(work), args.users_dir, {user for user, _ in rows})
        copied = []
        for (user, source), systems in sorted(rows.items()):
            if "\n" in source or "knn" not in systems:
                continue
            knn = systems["knn"]
            matches = memory.search(user, source, k=config["top_k"])
            if copies_and_wrong_words(source, knn["hypothesis"], knn["reference"], matches)[0]:
                copied.append((user, source, matches))
        references = [rows[(user, source)]["knn"]["reference"] for user, source, _ in copied]

        def measure(outputs: list[str]) -> dict[str, Any]:
            counted = [
                copies_and_wrong_words(source, output, reference, matches)
                for (_, source, matches), output, reference in zip(
                    copied, outputs, references, strict=True
                )
            ]
            return {
                **scores(outputs, references),
                "copies": sum(c for c, _ in counted),
                "wrong_words": sum(w for _, w in counted),
            }

        if "base" in next(iter(rows.values())):
            report["base"] = measure([rows[(u, s)]["base"]["hypothesis"] for u, s, _ in copied])
        report["bench_knn"] = measure([rows[(u, s)]["knn"]["hypothesis"] for u, s, _ in copied])
        backbone = load_backbone(args.model)
        default = KnnConfig()
        for penalty, eos in [(default.differing_penalty, default.memory_eos), *GRID]:
            name = f"differing_penalty={penalty:g},memory_eos={eos}"
            if name in report["settings"]:
                continue
            settings = dataclasses.replace(default, differing_penalty=penalty, memory_eos=eos)
            translator = Translator(
                backbone,
                memory,
                fusion=KnnFusion(settings),
                beam=config["beam"],
                batch_size=config["batch_size"],
                copy_guard=False,
            )
            by_user: dict[str, list[str]] = {}
            for user, source, _ in copied:
                by_user.setdefault(user, []).append(source)
            done = {
                (user, t.source): t.text
                for user, sources in by_user.items()
                for t in translator.translate(sources, user=user)
            }
            outputs = [done[(user, source)] for user, source, _ in copied]
            report["settings"][name] = measure(outputs)
            print(name, report["settings"][name], flush=True)
        report["wary"] = (
            f"differing_penalty={default.wary().differing_penalty:g},"
            f"memory_eos={default.wary().memory_eos}"
        )
        memory.close()
    emit_report(report, args.output)


if __name__ == "__main__":
    main()
