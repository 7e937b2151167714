"""Saved trained fusion layers: a directory of ``config.json`` (format, version, shape, base) and
``model.safetensors``, written and read the same way for every kind (adapter, combiner)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ltmt.errors import ModelError

if TYPE_CHECKING:
    from ltmt.model.backbone import Backbone

CONFIG = "config.json"
WEIGHTS = "model.safetensors"


def write_artifact(
    directory: str | Path, fmt: str, version: int, state: dict[str, Any], meta: dict[str, Any]
) -> Path:
    """Write ``state`` (tensors, stored float32) and ``meta`` under ``fmt`` / ``version``.

    Each file is written whole or not at all, with the umask's mode (:func:`write_output`;
    safetensors' own ``save_file`` leaves its files ``0600``, unreadable to other users).
    """
    import torch
    from safetensors.torch import save

    from ltmt.outputs import write_output

    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    tensors = {k: v.detach().to(torch.float32).contiguous() for k, v in state.items()}
    write_output(directory / WEIGHTS, save(tensors, metadata={"format": fmt}))
    header = {"format": fmt, "format_version": version, **meta}
    write_output(directory / CONFIG, json.dumps(header, indent=2))
    return directory


def read_artifact(
    directory: str | Path, fmt: str, version: int, what: str, hint: str, device: str = "cpu"
) -> tuple[dict[str, Any], dict[str, Any]]:
    """``(meta, tensors)`` of a directory written by :func:`write_artifact` as ``fmt``.

    ``what`` names the kind in errors (``attention adapter``); ``hint`` says how to make one.
    """
    directory = Path(directory)
    config_path = directory / CONFIG
    if not config_path.is_file() or not (directory / WEIGHTS).is_file():
        raise ModelError(f"no {what} in {directory}: it needs {CONFIG} and {WEIGHTS} ({hint})")
    try:
        meta = json.loads(config_path.read_text("utf-8"))
    except json.JSONDecodeError as exc:
        raise ModelError(f"{config_path}: not valid JSON") from exc
    if not isinstance(meta, dict) or meta.get("format") != fmt:
        found = meta.get("format") if isinstance(meta, dict) else None
        raise ModelError(f"{config_path}: not an ltmt {what} (format {found!r})")
    if int(meta.get("format_version", 0)) > version:
        raise ModelError(
            f"{config_path}: format version {meta['format_version']} is newer than this ltmt "
            f"reads ({version}); upgrade ltmt"
        )
    return meta, _load_weights(directory / WEIGHTS, what, hint, device)


def _load_weights(path: Path, what: str, hint: str, device: str) -> dict[str, Any]:
    """The tensors of ``path``; a file safetensors cannot read (truncated, overwritten) is a
    :class:`ModelError` naming it and what to do."""
    from safetensors import SafetensorError
    from safetensors.torch import load_file

    try:
        return load_file(str(path), device=device)
    except (SafetensorError, OSError) as exc:
        raise ModelError(f"{path} is damaged ({exc}); replace the {what} or {hint}") from exc


def load_state(module: Any, state: dict[str, Any], directory: Path, what: str, hint: str) -> None:
    """Load ``state`` (read by :func:`read_artifact`) into ``module``; weights that do not fit
    its config (another file put in place) are a :class:`ModelError` naming ``directory``."""
    try:
        module.load_state_dict(state)
    except RuntimeError as exc:
        first = str(exc).strip().splitlines()[-1].strip()
        raise ModelError(
            f"{directory / WEIGHTS} does not match {directory / CONFIG} ({first}); "
            f"replace the {what} or {hint}"
        ) from exc


def beside_model(backbone: Backbone, subdir: str, what: str, instead: str) -> Path:
    """The folder ``subdir`` of ``backbone``'s local directory, where its ``what`` (``a trained
    combiner``) is kept; a model with no local directory is an error naming ``instead``."""
    if backbone.path is None:
        raise ModelError(
            f"model {backbone.name} has no local directory to hold {what}; pass {instead}"
        )
    return backbone.path / subdir


def check_trained_on(
    backbone: Backbone, embedding_sha1: str, base_name: str, directory: Path | None, what: str
) -> None:
    """Refuse a ``what`` (``combiner``) in ``directory`` trained on another base than
    ``backbone`` (its embeddings' hash differs); an empty hash (unknown base) passes. The
    recorded ``base.fingerprint`` is not compared: it names the exact model files the layer was
    trained on, which a later fine-tuning of the decoder changes without making it unusable."""
    from ltmt.fusion.adapter import base_embedding_sha1

    if embedding_sha1 and embedding_sha1 != base_embedding_sha1(backbone):
        raise ModelError(
            f"the {what} in {directory} was trained on another base model "
            f"({base_name}); retrain it: ltmt train fusion --base {backbone.name}"
        )
