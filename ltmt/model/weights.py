"""A checkpoint's weights: which files hold them, and loading them onto a device.

A local directory whose ``config.json`` ltmt's own Marian modules reproduce
(:func:`native_supported`) loads into them (:mod:`ltmt.model.marian`: no transformers model code,
about 150 MB less memory); anything else loads as ``MarianMTModel``. Deciding which needs no
torch: :func:`ltmt.model.backbone.load_backbone` asks before any weight is read.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from ltmt.errors import ModelError
from ltmt.model.primitive_cache import widen_primitive_cache

logger = logging.getLogger(__name__)


def weight_files(path: Path) -> list[Path]:
    """The model's weight files in ``path`` (not the shortlist table beside them)."""
    from ltmt.model.shortlist import FILE_NAME

    tensors = sorted(p for p in path.glob("*.safetensors") if p.name != FILE_NAME)
    return tensors or sorted(path.glob("*.bin"))


def checkpoint_embeddings(path: Path, config: Any) -> Any | None:
    """The shared embeddings of the checkpoint in ``path`` as the float32 model holds them (read
    in the dtype the model is built in, then widened, as :func:`load_weights` does), without
    loading the rest; ``None`` where no weight file names them."""
    import torch

    from ltmt.model.marian import config_dtype, read_tensors

    names = ("model.shared.weight", "model.encoder.embed_tokens.weight")
    stored = config_dtype(config)
    for file in weight_files(path):
        for _, tensor in read_tensors(file, path, names):
            return tensor.to(stored or tensor.dtype).to(torch.float32)
    return None


# activations ltmt's own Marian modules compute as transformers does (:mod:`ltmt.model.marian`)
NATIVE_ACTIVATIONS = ("swish", "silu", "relu", "gelu")
_NATIVE_KEYS = (
    "d_model",
    "encoder_layers",
    "decoder_layers",
    "encoder_attention_heads",
    "decoder_attention_heads",
    "encoder_ffn_dim",
    "decoder_ffn_dim",
    "activation_function",
    "vocab_size",
    "max_position_embeddings",
    "pad_token_id",
)


def native_supported(config: Any) -> bool:
    """Whether ``config`` (``config.json`` as attributes) describes a Marian model that ltmt's
    own modules build (:mod:`ltmt.model.marian`): shared, tied embeddings over one vocabulary,
    post-norm layers and an activation they know."""
    settings = vars(config)
    return (
        settings.get("model_type", "marian") == "marian"
        and all(is_int(settings.get(key)) for key in _NATIVE_KEYS if key != "activation_function")
        and settings.get("activation_function") in NATIVE_ACTIVATIONS
        and bool(settings.get("share_encoder_decoder_embeddings", True))
        and bool(settings.get("tie_word_embeddings", True))
        and settings.get("decoder_vocab_size") in (None, settings["vocab_size"])
        and not settings.get("normalize_before", False)
    )


def is_int(value: Any) -> bool:
    """Whether a ``config.json`` value is an integer (``true`` is not)."""
    return isinstance(value, int) and not isinstance(value, bool)


def load_hint(local: bool) -> str:
    """What a checkpoint that failed to load must be (the end of a ``cannot load`` error)."""
    if local:
        return "it must hold config.json, the weights, source.spm, target.spm and vocab.json"
    return (
        "no local directory of that name, and it could not be fetched from the hub "
        "(offline?); pass a local checkpoint directory"
    )


def check_hub(name: str, timeout: float = 5.0) -> None:
    """Raise :class:`ModelError` at once when hub id ``name`` is not in the Hugging Face cache and
    the hub cannot be reached: huggingface_hub would retry each file five times with backoff
    (about five minutes of warnings offline) before transformers gave up."""
    import os
    import socket
    from urllib.parse import urlsplit

    from huggingface_hub import constants, try_to_load_from_cache

    if constants.HF_HUB_OFFLINE or any(
        os.environ.get(proxy) for proxy in ("HTTPS_PROXY", "https_proxy", "ALL_PROXY", "all_proxy")
    ):
        return  # offline mode fails fast itself; through a proxy a direct probe proves nothing
    try:
        if isinstance(try_to_load_from_cache(name, "config.json"), str):
            return
    except ValueError:  # not a valid repo id: transformers says so without a request
        return
    endpoint = urlsplit(constants.ENDPOINT)
    port = endpoint.port or (443 if endpoint.scheme == "https" else 80)
    try:
        socket.create_connection((endpoint.hostname or "", port), timeout=timeout).close()
    except OSError as exc:
        raise ModelError(f"cannot load model {name}: {load_hint(False)}") from exc


def load_weights(
    source: str,
    name: str,
    local: bool,
    device: str,
    dtype: Any | None = None,
    config: Any | None = None,
) -> Any:
    """The model on ``device``: in ``dtype`` when given, else float32 on the CPU (fp16/bf16
    weights on disk are widened; CPU kernels are fastest in fp32) and as stored elsewhere.

    A local directory given its ``config`` (``config.json`` as attributes) loads into ltmt's own
    Marian modules when :func:`native_supported` says they reproduce it; ``config`` ``None``,
    a hub id or another config loads ``MarianMTModel``.
    """
    widen_primitive_cache()
    import torch

    if local and config is not None and native_supported(config):
        from ltmt.model import marian

        widen = torch.float32 if dtype is None and device.split(":")[0] == "cpu" else None
        model = marian.load_marian(Path(source), config, dtype, device, widen)
        _log_loaded(name, model)
        return model
    from huggingface_hub.errors import StrictDataclassError
    from transformers import MarianMTModel

    try:
        options = {} if dtype is None else {"dtype": dtype}
        marian_mt = MarianMTModel.from_pretrained(source, local_files_only=local, **options)
    except (OSError, ValueError, TypeError, StrictDataclassError) as exc:
        raise ModelError(f"cannot load model {name}: {load_hint(local)}") from exc
    marian_mt = marian_mt.to(device)  # type: ignore[arg-type]
    if dtype is not None:
        marian_mt = marian_mt.to(dtype)
    elif marian_mt.device.type == "cpu" and next(marian_mt.parameters()).dtype != torch.float32:
        marian_mt = marian_mt.float()
    marian_mt.eval()
    _log_loaded(name, marian_mt)
    return marian_mt


def _log_loaded(name: str, model: Any) -> None:
    logger.info("loaded %s (%d parameters)", name, sum(p.numel() for p in model.parameters()))
