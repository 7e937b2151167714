"""``ltmt train``: train the base model and the fusion adapter."""

from __future__ import annotations

import json
import logging
import signal
import sys
from pathlib import Path
from typing import Any

import typer

from ltmt.cli.markup import HELP_MARKUP
from ltmt.cli.path_options import given_path
from ltmt.config import check_range
from ltmt.errors import InputError

app = typer.Typer(
    help="Train models: the base Marian model, the fusion adapter, the vocabulary shortlist.",
    no_args_is_help=True,
    rich_markup_mode=HELP_MARKUP,
)


def _override(cfg: Any, data_dir: Path | None, **train: Any) -> Any:
    """``cfg`` with command-line overrides: ``data.data_dir`` and the given ``train`` fields."""
    import dataclasses

    if data_dir is not None:
        cfg = dataclasses.replace(cfg, data=dataclasses.replace(cfg.data, data_dir=str(data_dir)))
    changes = {key: value for key, value in train.items() if value is not None}
    if changes:
        cfg = dataclasses.replace(cfg, train=dataclasses.replace(cfg.train, **changes))
    return cfg


def _check_budget(max_minutes: float | None) -> None:
    """Refuse a ``--max-minutes`` that leaves no time to train (0 or less)."""
    if max_minutes is not None:
        check_range("--max-minutes", max_minutes, above=0, error=InputError)


def _progress(total: int, initial: int) -> Any:
    from tqdm import tqdm

    return tqdm(
        total=total or None, initial=initial, unit="step", dynamic_ncols=True, mininterval=5
    )


@app.command("base")
def base(
    config: Path = typer.Option(
        ...,
        "--config",
        parser=given_path,
        help="YAML training config (configs/train/base-en-de.yaml).",
    ),
    output: Path = typer.Option(
        Path("runs/base-en-de"),
        "--output",
        parser=given_path,
        help="Run folder (checkpoints, log).",
    ),
    resume: bool = typer.Option(False, "--resume", help="Continue the run in --output."),
    init_from: Path | None = typer.Option(
        None,
        "--init-from",
        parser=given_path,
        help="Start from this checkpoint's weights (e.g. the shipped default).",
    ),
    data_dir: Path | None = typer.Option(
        None, "--data-dir", parser=given_path, help="Override data.data_dir."
    ),
    max_minutes: float | None = typer.Option(
        None, "--max-minutes", help="Stop (and save) after this long."
    ),
    max_steps: int | None = typer.Option(None, "--max-steps", help="Stop (and save) at this step."),
    threads: int | None = typer.Option(None, "--threads", min=1, help="Torch CPU threads."),
    tokenizer_only: bool = typer.Option(
        False,
        "--tokenizer-only",
        help="Only make --output's tokenizer and stop (a later run uses it: e.g. made here on "
        "the CPU before a run on a lent GPU).",
    ),
) -> None:
    """Train a SentencePiece vocabulary and a MarianMTModel from scratch (or --init-from one)."""
    import os

    # Busy-waiting OpenMP threads stall each other when anything else runs on the machine
    # (measured here: 2 spinning threads 7-14 s/step vs 3.3 s passive); must be set before torch.
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")

    from ltmt.config import from_dict, read_yaml
    from ltmt.train.base import train_base
    from ltmt.train.config import BaseTrainConfig

    _check_budget(max_minutes)
    cfg = from_dict(BaseTrainConfig, read_yaml(config), where=str(config))
    cfg = _override(cfg, data_dir, max_minutes=max_minutes, max_steps=max_steps, threads=threads)
    logging.getLogger("ltmt").setLevel(logging.INFO)
    summary = train_base(
        cfg,
        output,
        resume=resume,
        init_from=init_from,
        progress=_progress,
        tokenizer_only=tokenizer_only,
    )
    typer.echo(json.dumps(summary, indent=2))
    _exit_if_stopped(summary)


def _exit_if_stopped(summary: dict[str, Any]) -> None:
    """Exit as a process the signal ended does (130 for SIGINT, 143 for SIGTERM) with a line
    saying where, when a signal stopped the run (``stopped_by``) after it saved ``last/``: a
    scheduler must not take an interrupted run for a finished one."""
    name = summary.get("stopped_by")
    if name is None:
        return
    verb = "terminated" if name == "SIGTERM" else "interrupted"
    typer.echo(
        f"ltmt: {verb} at step {summary['step']}; saved last/ (resume with --resume)", err=True
    )
    sys.exit(128 + signal.Signals[name].value)


@app.command("fusion")
def fusion(
    config: Path = typer.Option(
        ..., "--config", parser=given_path, help="YAML config (configs/train/fusion-en-de.yaml)."
    ),
    base: Path = typer.Option(
        ..., "--base", parser=given_path, help="The frozen base model directory."
    ),
    output: Path | None = typer.Option(
        None,
        "--output",
        parser=given_path,
        help="Where the trained layer is written (default: BASE/fusion-attention or "
        "BASE/fusion-combiner, where it is found).",
    ),
    overwrite: bool = typer.Option(
        False, "--overwrite", help="Replace what the output folder holds (checked before training)."
    ),
    data_dir: Path | None = typer.Option(
        None, "--data-dir", parser=given_path, help="Override data.data_dir."
    ),
    max_minutes: float | None = typer.Option(
        None, "--max-minutes", help="Stop training (and save) after this long."
    ),
    max_steps: int | None = typer.Option(None, "--max-steps", help="Override train.steps."),
    threads: int | None = typer.Option(None, "--threads", min=1, help="Torch CPU threads."),
) -> None:
    """Train a fusion layer on a frozen base model: the attention adapter (GPU if seen, else
    CPU), or kNN's λ combiner when the config says ``method: combiner``."""
    import os

    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")  # see `base`: idle threads must not spin

    from ltmt.config import read_yaml
    from ltmt.train.methods import read_method_config, train_method

    _check_budget(max_minutes)
    cfg = read_method_config(read_yaml(config), where=str(config))
    cfg = _override(cfg, data_dir, max_minutes=max_minutes, steps=max_steps, threads=threads)
    logging.getLogger("ltmt").setLevel(logging.INFO)
    summary = train_method(cfg, base, output, progress=_progress, overwrite=overwrite)
    for key in ("history", "config"):
        summary.pop(key, None)
    typer.echo(json.dumps(summary, indent=2))


@app.command("export")
def export(
    checkpoint: Path = typer.Argument(
        ..., parser=given_path, help="A checkpoint, e.g. runs/base-en-de/best."
    ),
    output: Path = typer.Option(
        ..., "--output", parser=given_path, help="Where to write the Marian directory."
    ),
    fp16: bool = typer.Option(False, "--fp16", help="Store weights in float16 (half size)."),
) -> None:
    """Export a checkpoint as a clean Marian directory (what ships as the default model)."""
    from ltmt.train.export import export_checkpoint

    typer.echo(str(export_checkpoint(checkpoint, output, fp16=fp16)))


@app.command("labels")
def labels(
    base: Path = typer.Option(
        ..., "--base", parser=given_path, help="The model directory it is for (written there)."
    ),
    data_dir: Path = typer.Option(
        Path("../shared/data/en-de"),
        "--data-dir",
        parser=given_path,
        help="The training data folder.",
    ),
    label_list: Path | None = typer.Option(
        None,
        "--label-list",
        parser=given_path,
        help="A tab-separated list of labels and translations added where the catalogs have "
        "none (ltmt/train/ui_labels.en-de.tsv for the default model).",
    ),
) -> None:
    """Build the label lexicon (BASE/labels.json.gz): the short labels of the training
    catalogs and how their translators translated them (never the dev users' files), and
    those of --label-list the catalogs lack."""
    from ltmt.label_lexicon import build_label_lexicon, fill_labels, read_label_list
    from ltmt.train.config import DataSpec
    from ltmt.train.data import data_folder, l10n_product_files, read_jsonl_pairs

    if not base.is_dir():
        raise InputError(f"model directory not found: {base}")
    data_folder(data_dir, "pass --data-dir")
    spec = DataSpec(data_dir=str(data_dir))
    files = l10n_product_files(data_dir, spec.l10n_glob)
    if not files:
        raise InputError(
            f"no l10n catalogs under {data_dir} ({spec.l10n_glob}): nothing to build from"
        )
    # whole messages: the lines of a message of several may pair up wrongly
    pairs = [pair for path in files for pair in read_jsonl_pairs(path)]
    meta = {"data": spec.l10n_glob, "products": [path.stem for path in files], "pairs": len(pairs)}
    listed = read_label_list(label_list) if label_list is not None else []
    lexicon = build_label_lexicon(pairs, meta)
    added = fill_labels(lexicon, listed)
    if label_list is not None:
        lexicon.meta["label_list"] = {
            "file": label_list.name,
            "labels": len(listed),
            "added": added,
        }
    listed_note = f" (+{added} of {label_list.name})" if label_list is not None else ""
    typer.echo(
        f"{lexicon.save(base)}: {len(lexicon.entries)} labels of {len(pairs)} pairs{listed_note}"
    )


@app.command("shortlist")
def shortlist(
    base: Path = typer.Option(
        ..., "--base", parser=given_path, help="The model directory it is for (written there)."
    ),
    data_dir: Path = typer.Option(
        Path("../shared/data/en-de"),
        "--data-dir",
        parser=given_path,
        help="The training data folder.",
    ),
    frequent: int = typer.Option(2048, "--frequent", min=0, help="Commonest target tokens kept."),
    per_token: int = typer.Option(
        48, "--per-token", min=0, help="Target tokens kept per source token."
    ),
) -> None:
    """Build the vocabulary shortlist of fused batches (BASE/shortlist.safetensors) from the
    training data (never the dev users' files)."""
    from ltmt.model.backbone import load_backbone
    from ltmt.model.shortlist import build_shortlist
    from ltmt.train.config import DataSpec
    from ltmt.train.data import load_training_pairs

    spec = DataSpec(data_dir=str(data_dir), l10n_upsample=1)
    backbone = load_backbone(base)
    pairs = load_training_pairs(spec)
    meta = {"data": [*spec.general, spec.l10n_glob]}
    table = build_shortlist(
        backbone.tokenizer,
        pairs,
        backbone.vocab_size,
        frequent=frequent,
        per_token=per_token,
        meta=meta,
    )
    typer.echo(str(table.save(base)))
