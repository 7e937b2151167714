"""Write a run's results: ``results.json``, ``results.md`` (tables a person reads), the band plot
``bands.png`` and ``hypotheses.jsonl`` (every output, to recompute or inspect)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ltmt.bench.config import ONLINE_SUFFIX
from ltmt.bench.runner import BenchRun
from ltmt.errors import InputError
from ltmt.evaluate import BANDS
from ltmt.segments import MEMORY_FREE

RESULTS_JSON = "results.json"
RESULTS_MD = "results.md"
BANDS_PNG = "bands.png"
HYPOTHESES = "hypotheses.jsonl"
REPORT_FILES = (RESULTS_JSON, RESULTS_MD, BANDS_PNG, HYPOTHESES)  # all a report ever writes


def prepare_output(out_dir: Path, *, overwrite: bool = False) -> None:
    """Make ``out_dir`` ready for :func:`write_report`, before anything is translated.

    A file there, or a folder that holds anything, is refused: an earlier run's results are
    not replaced by mistake. With ``overwrite``, the files an earlier report wrote there
    (:data:`REPORT_FILES`, only those) are removed, so none of them (a ``bands.png`` this run
    does not draw) is left to pass for this run's.
    """
    if out_dir.exists() and not out_dir.is_dir():
        raise InputError(f"results folder {out_dir} is a file; give --output a folder")
    if not out_dir.is_dir() or not any(out_dir.iterdir()):
        return
    if not overwrite:
        raise InputError(
            f"results folder {out_dir} is not empty; give another --output, or --overwrite to "
            "replace the results there"
        )
    for name in REPORT_FILES:
        (out_dir / name).unlink(missing_ok=True)


def write_report(bench: BenchRun, results: dict[str, Any], out_dir: Path) -> list[Path]:
    """Write ``results`` (from :func:`~ltmt.bench.results.summarize`) and outputs to ``out_dir``."""
    from ltmt.bench.plot import plot_bands

    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    if results["bands"]:
        plot_bands(results, out_dir / BANDS_PNG)
        written.append(out_dir / BANDS_PNG)
    results_path = out_dir / RESULTS_JSON
    results_path.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", "utf-8")
    markdown_path = out_dir / RESULTS_MD
    markdown_path.write_text(
        render_markdown(results, plot=BANDS_PNG if results["bands"] else None), "utf-8"
    )
    hypotheses_path = out_dir / HYPOTHESES
    with hypotheses_path.open("w", encoding="utf-8") as stream:
        for run in bench.runs:
            for i, hypothesis in enumerate(run.hypotheses):
                row = {
                    "set": run.testset,
                    "system": run.system,
                    "source": run.sources[i],
                    "reference": run.references[i],
                    "hypothesis": hypothesis,
                    "method": run.methods[i],
                    "band": run.bands[i],
                }
                stream.write(json.dumps(row, ensure_ascii=False) + "\n")
    return [results_path, markdown_path, *written, hypotheses_path]


def render_markdown(results: dict[str, Any], plot: str | None = None) -> str:
    """``results`` as Markdown: the pooled table, BLEU by band, per user, general sets."""
    config = results["config"]
    lines = [
        "# ltmt benchmark",
        "",
        f"Model `{results['model']}`, beam {config['beam']}, batch {config['batch_size']}, "
        f"{results['threads']} torch threads, {results.get('workers', 1)} batches at once"
        f"{' (fused ones in processes)' if results.get('worker_processes') else ''}; "
        f"`tm` reuses matches scoring ≥ {config['tm_threshold']:g}. "
        f"Tokens/s counts {results['token_unit']}. {results['created']}.",
        "",
    ]
    if results["systems"]:
        n_users = len(results["users"])
        n_segments = sum(u["test"] for u in results["users"].values())
        lines += [
            f"## All users ({n_users} users, {n_segments} segments, corpus-level)",
            "",
            *_score_table(results["systems"], "system"),
            "",
            "From memory: segments whose output came from the user's memory, a match reused "
            "(`exact`, `tm`) or fused with the model's output (`knn`, `knn-trained`, "
            "`attention`); `methods` in results.json counts each.",
            "",
        ]
        if any(name.endswith(ONLINE_SUFFIX) for name in results["systems"]):
            lines += [
                f"`NAME{ONLINE_SUFFIX}`: one segment at a time, each reference added to the memory "
                "right after it (its time includes the additions).",
                "",
            ]
        lines += [
            "## BLEU by fuzzy-match band",
            "",
            "Band: the best fuzzy score of the test source in the user's memory.",
            "",
            *_band_table(results),
            "",
        ]
        if plot:
            lines += [f"![BLEU by fuzzy-match band]({plot})", ""]
        lines += ["## BLEU per user", "", *_per_user_table(results), ""]
    if results["general"]:
        lines += [f"## General-domain test sets (memory: `{results['general_memory']}`)", ""]
        for testset, entries in results["general"].items():
            lines += [f"### {testset}", "", *_score_table(entries, "system"), ""]
    if results["skipped"]:
        lines += ["## Skipped systems", ""]
        lines += [f"- `{name}`: {reason}" for name, reason in results["skipped"].items()]
        lines.append("")
    lines += ["## sacrebleu signatures", ""]
    lines += [f"- {metric}: `{signature}`" for metric, signature in results["sacrebleu"].items()]
    return "\n".join(lines) + "\n"


def _score_table(entries: dict[str, dict[str, Any]], label: str) -> list[str]:
    rows = [
        f"| {label} | BLEU | chrF2 | TER | placeholders % | from memory | segments "
        "| seconds | seg/s | tok/s |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, e in entries.items():
        hits = from_memory(e["methods"])
        rows.append(
            f"| {name} | {_num(e['bleu'])} | {_num(e['chrf'])} | {_num(e['ter'])} "
            f"| {_num(e['placeholder_acc'])} | {hits} | {e['segments']} | {_num(e['seconds'], 1)} "
            f"| {_num(e['segments_per_s'], 1)} | {_num(e['tokens_per_s'], 0)} |"
        )
    return rows


def from_memory(methods: dict[str, int]) -> int:
    """How many segments of an entry's ``methods`` counts came from the memory: a match reused
    (``exact``, ``tm``) or fused (``knn``, ``knn-trained``, ``attention``): every method but the
    model alone (:data:`ltmt.segments.MEMORY_FREE`)."""
    return sum(count for method, count in methods.items() if method not in MEMORY_FREE)


def _band_table(results: dict[str, Any]) -> list[str]:
    counts = results["band_segments"]
    header = " | ".join(f"{band} (n={counts[band]})" for band in BANDS)
    rows = [f"| system | {header} |", "| --- |" + " ---: |" * len(BANDS)]
    for name, bands in results["bands"].items():
        rows.append(f"| {name} | " + " | ".join(_num(bands[band]) for band in BANDS) + " |")
    return rows


def _per_user_table(results: dict[str, Any]) -> list[str]:
    systems = list(results["systems"])
    rows = ["| user | " + " | ".join(systems) + " |", "| --- |" + " ---: |" * len(systems)]
    for user, entries in results["per_user"].items():
        rows.append(
            f"| {user} | " + " | ".join(_num(entries[name]["bleu"]) for name in systems) + " |"
        )
    return rows


def _num(value: float | None, digits: int = 2) -> str:
    return "-" if value is None else f"{value:.{digits}f}"
