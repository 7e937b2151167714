"""Load a Marian checkpoint and its tokenizer: a local directory, a hub id, or the embedded default.

The embedded default (``ltmt/models/default-en-de``) is trained by ``ltmt train base`` and shipped
inside the package, so ltmt translates offline after a plain install. Published OPUS-MT
checkpoints (a local copy or, with network, a hub id such as ``Helsinki-NLP/opus-mt-en-de``) load
through the same code path.
"""

from __future__ import annotations

import logging
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ltmt.errors import ModelError

logger = logging.getLogger(__name__)

DEFAULT_MODEL_DIR = Path(__file__).resolve().parent.parent / "models" / "default-en-de"


@dataclass(frozen=True)
class Backbone:
    """A loaded Marian model with its tokenizer.

    ``name`` is what the user asked for (a path or hub id); ``path`` the local directory when known.
    """

    model: Any
    tokenizer: Any
    name: str
    path: Path | None

    @property
    def pad_id(self) -> int:
        return int(self.model.config.pad_token_id)

    @property
    def eos_id(self) -> int:
        return int(self.model.config.eos_token_id)

    @property
    def start_id(self) -> int:
        return int(self.model.config.decoder_start_token_id)

    @property
    def d_model(self) -> int:
        return int(self.model.config.d_model)

    @property
    def fingerprint(self) -> str:
        """Identifies the weights: for caches that must be invalidated when the model changes."""
        from hashlib import sha1

        if self.path is not None:
            weights = sorted(self.path.glob("*.safetensors")) or sorted(self.path.glob("*.bin"))
            stats = [f"{w.name}:{w.stat().st_size}:{w.stat().st_mtime_ns}" for w in weights]
            return sha1("|".join([str(self.path), *stats]).encode()).hexdigest()[:16]
        return sha1(self.name.encode()).hexdigest()[:16]


def resolve_model_name(model: str | Path | None) -> str | Path:
    """The directory or hub id to load: ``None`` means the embedded default."""
    if model is None:
        if not (DEFAULT_MODEL_DIR / "config.json").is_file():
            raise ModelError(
                f"the embedded default model is missing from {DEFAULT_MODEL_DIR}; "
                "reinstall ltmt or pass --model DIR_OR_HUB_ID"
            )
        return DEFAULT_MODEL_DIR
    return model


def load_backbone(model: str | Path | None = None, *, device: str = "cpu") -> Backbone:
    """Load a Marian model + tokenizer from a local directory or a hub id (``None``: the default).

    A local directory is loaded with ``local_files_only`` so nothing touches the network; a hub id
    needs the network (or a filled Hugging Face cache).
    """
    import torch
    from transformers import MarianMTModel, MarianTokenizer

    name = resolve_model_name(model)
    path = Path(name).expanduser()
    local = path.is_dir()
    if not local and (
        str(name).startswith((".", "/", "~")) or path.suffix or Path(str(name)).exists()
    ):
        raise ModelError(f"model directory not found: {name}")
    if local and not (path / "config.json").is_file():
        raise ModelError(
            f"cannot load model {name}: it must hold config.json, the weights, "
            "source.spm, target.spm and vocab.json"
        )
    source = str(path if local else name)
    try:
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message="Recommended: pip install sacremoses")
            tokenizer = MarianTokenizer.from_pretrained(source, local_files_only=local)
        marian = MarianMTModel.from_pretrained(source, local_files_only=local)
    except (OSError, ValueError, TypeError) as exc:
        hint = (
            "it must hold config.json, the weights, source.spm, target.spm and vocab.json"
            if local
            else "no local directory of that name, and it could not be fetched from the hub "
            "(offline?); pass a local checkpoint directory"
        )
        raise ModelError(f"cannot load model {name}: {hint}") from exc
    marian = marian.to(device)  # type: ignore[arg-type]
    if device == "cpu" and next(marian.parameters()).dtype != torch.float32:
        marian = marian.float()  # fp16/bf16 weights on disk; CPU kernels are fastest in fp32
    marian.eval()
    logger.info("loaded %s (%d parameters)", name, sum(p.numel() for p in marian.parameters()))
    return Backbone(model=marian, tokenizer=tokenizer, name=str(name), path=path if local else None)
