"""``ltmt bench``: translate per-user test sets with every system, score, time, and report."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer

from ltmt.cli.path_options import given_path
from ltmt.cli.translate import FUSION_OPTION_HELP


def bench(
    users_dir: Path | None = typer.Option(
        None,
        "--users-dir",
        parser=given_path,
        help="Folder of USER.memory.jsonl + USER.test.jsonl pairs.",
    ),
    systems: str | None = typer.Option(
        None,
        "--systems",
        # a test checks this against ltmt.bench (not imported here: every command would load it)
        help="Comma-separated, of base, tm, tm-repair, exact, knn, knn-trained, attention, auto "
        "(default: base, tm, tm-repair, exact, knn, attention).",
    ),
    model: str | None = typer.Option(
        None, "--model", "-m", help="Marian directory or hub id (default: embedded)."
    ),
    limit: int | None = typer.Option(
        None, "--limit", min=1, help="First N test segments of each user / test set."
    ),
    online: bool | None = typer.Option(
        None,
        "--online/--offline",
        help="Also add each reference to the memory after its segment (NAME+online).",
    ),
    general_dir: Path | None = typer.Option(
        None,
        "--general-dir",
        parser=given_path,
        help="General-domain test sets NAME.en + NAME.de, translated with --memory-user.",
    ),
    memory_user: Path | None = typer.Option(
        None,
        "--memory-user",
        parser=given_path,
        help="The USER.memory.jsonl used as the (unrelated) memory for --general-dir.",
    ),
    output: Path | None = typer.Option(
        None,
        "--output",
        "-o",
        parser=given_path,
        help="Results folder (default: runs/bench); one that holds anything is refused unless "
        "--overwrite.",
    ),
    overwrite: bool = typer.Option(
        False,
        "--overwrite",
        help="Replace the results in a --output folder that holds some (the files a bench "
        "writes there are removed first; others are left).",
    ),
    config: Path | None = typer.Option(
        None, "--config", parser=given_path, help="YAML under configs/bench/; flags override it."
    ),
    data_dir: Path | None = typer.Option(
        None,
        "--data-dir",
        parser=given_path,
        help="What the config file's relative paths are read against (overrides its data_dir).",
    ),
    batch_size: int | None = typer.Option(
        None, "--batch-size", min=1, help="Segments per model batch (32)."
    ),
    beam: int | None = typer.Option(None, "--beam", min=1, help="Beam size (4; 1 = greedy)."),
    top_k: int | None = typer.Option(
        None, "--top-k", min=1, help="Memory matches retrieved per segment (4)."
    ),
    threads: int | None = typer.Option(
        None, "--threads", min=1, help="Torch threads for the run (default: torch's choice)."
    ),
    workers: int | None = typer.Option(
        None,
        "--workers",
        min=0,
        help="Batches decoded at once, sharing --threads (0: one per thread, at most 4).",
    ),
    worker_processes: bool | None = typer.Option(
        None,
        "--worker-processes/--worker-threads",
        help="Decode fused batches in --workers processes rather than threads (as ltmt "
        "translate's --worker-processes).",
    ),
    fusion_weights: str | None = typer.Option(
        None,
        "--fusion-weights",
        help="Weights of fused batches: auto, float32, float32-int8-head, "
        "float32-int8-encoder-head, bfloat16, bfloat16-int8-head or int8 (as ltmt translate's).",
    ),
    fusion_encoder: str | None = typer.Option(
        None,
        "--fusion-encoder",
        help="What encodes fused batches: auto (CTranslate2 where their weights' encoder is "
        "float32 on a CPU, else torch), ctranslate2 (required; for int8 weights its int8 "
        "encoder: faster, a little less BLEU) or torch.",
    ),
    fusion_option: list[str] = typer.Option(
        [], "--fusion-option", help=f"{FUSION_OPTION_HELP} Given to every fusion system."
    ),
    copy_guard: bool | None = typer.Option(
        None,
        "--copy-guard/--no-copy-guard",
        help="Decode again, trusting memory less, fused outputs that repeat a match whose "
        "source says other words (as ltmt translate does by default).",
    ),
    tm_threshold: float | None = typer.Option(
        None, "--tm-threshold", min=0, max=100, help="Lowest fuzzy score the tm system reuses (70)."
    ),
    consistency: bool = typer.Option(
        False,
        "--consistency",
        help="Also score memory-term consistency: how often each system uses the translations "
        "each user's memory gives its terms consistently (ltmt glossary suggest's terms).",
    ),
) -> None:
    """Benchmark memory-augmented translation: BLEU/chrF2/TER, placeholders, speed, BLEU by band."""
    from ltmt.bench import load_config, run_bench, summarize, write_report
    from ltmt.bench.report import prepare_output

    if fusion_weights is not None:  # a bad option value: exit 2 (a config file's: 1)
        from ltmt.model.engine import check_fusion_weights

        check_fusion_weights(fusion_weights)
    overrides = {
        "users_dir": users_dir,
        "systems": systems,
        "model": model,
        "limit": limit,
        "online": online,
        "general_dir": general_dir,
        "memory_user": memory_user,
        "output": output,
        "batch_size": batch_size,
        "beam": beam,
        "top_k": top_k,
        "tm_threshold": tm_threshold,
        "threads": threads,
        "workers": workers,
        "worker_processes": worker_processes,
        "fusion_weights": fusion_weights,
        "fusion_encoder": fusion_encoder,
        "copy_guard": copy_guard,
        "fusion_options": fusion_option or None,  # none given: the config file's
    }
    _check_option_values(overrides)
    settings = load_config(config, overrides, data_dir=data_dir, check_paths=True)
    prepare_output(settings.output, overwrite=overwrite)
    run = run_bench(settings, progress=lambda line: typer.echo(f"ltmt: {line}", err=True))
    results = summarize(run)
    if consistency:
        from ltmt.bench.results import add_consistency

        add_consistency(results, run)
    paths = write_report(run, results, settings.output)
    typer.echo(_summary_table(results))
    typer.echo(f"ltmt: wrote {', '.join(str(p) for p in paths)}", err=True)


def _check_option_values(overrides: dict[str, Any]) -> None:
    """A bad option value is a usage error (exit 2), as click's own are; the same value in a
    config file is the file's error (exit 1)."""
    from ltmt.bench.config import check_overrides
    from ltmt.cli.main import click_errors
    from ltmt.errors import ConfigError

    try:
        check_overrides(overrides)
    except ConfigError as exc:
        raise click_errors.UsageError(str(exc)) from exc


def _summary_table(results: dict[str, Any]) -> str:
    """A few lines for the terminal: pooled BLEU/chrF2 and speed per system, then general sets."""
    lines = []
    for title, entries in [("all users", results["systems"])] + [
        (f"general: {name}", e) for name, e in results["general"].items()
    ]:
        if not entries:
            continue
        lines.append(f"{title}:")
        terms = any("memory_term_consistency" in e for e in entries.values())
        lines.append(
            f"  {'system':<18} {'BLEU':>6} {'chrF2':>6} {'TER':>6} {'ph%':>6} "
            f"{'seg/s':>7} {'tok/s':>7}" + (f" {'terms%':>16}" if terms else "")
        )
        for name, e in entries.items():
            found = e.get("memory_term_consistency")
            lines.append(
                f"  {name:<18} {_fmt(e['bleu'])} {_fmt(e['chrf'])} {_fmt(e['ter'])} "
                f"{_fmt(e['placeholder_acc'])} {_fmt(e['segments_per_s'], 7, 1)} "
                f"{_fmt(e['tokens_per_s'], 7, 0)}"
                + (
                    f" {_fmt(found['percent'])} ({found['rendered']}/{found['total']})"
                    if found
                    else ""
                )
            )
    return "\n".join(lines)


def _fmt(value: float | None, width: int = 6, digits: int = 2) -> str:
    return f"{'-':>{width}}" if value is None else f"{value:{width}.{digits}f}"


def register(app: typer.Typer) -> None:
    app.command("bench")(bench)
