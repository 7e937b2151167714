"""CTranslate2's model for a local Marian checkpoint, built with numpy alone (no torch).

The standard converter (``ctranslate2.converters.TransformersConverter``) loads ``MarianMTModel``
with torch and transformers: on the default model its process peaks at about 490 MB, far more
than ``ltmt translate`` needs otherwise. For a checkpoint :func:`covered_checkpoint` accepts (a
local directory in OPUS-MT's layout that ltmt's own Marian modules and tokenizer reproduce,
safetensors weights stored in the dtype its config names), :func:`marian_spec` reads the weights
with safetensors' numpy API and fills the same ``TransformerSpec`` as the converter's
``MarianMTLoader`` (through ``BartLoader``), step for step:

* post-norm layers, no embedding layer norm, the config's activation, the encoder's head count;
* token embeddings scaled by sqrt(d_model) when ``scale_embedding``; sinusoidal positions
  rounded through the model's dtype, as transformers builds them; the shared embedding for the
  encoder, the decoder and the output projection, with ``final_logits_bias`` as the projection's
  bias only when it is not all zeros;
* self-attention q, k and v fused into one linear layer; cross-attention q alone, k and v fused;
* the decoder starts from a zero embedding (``start_from_zero_embedding``) and from ``</s>``;
  the last vocabulary entry (``<pad>``) is dropped, and the last row of the three embedding
  matrices with it.

The spec then goes through CTranslate2's own ``validate``, ``optimize`` (aliases, quantisation)
and ``save``, so ``model.bin`` equals the standard converter's byte for byte (tests compare them
on the tiny test model; ``eval/rss_translate.py`` records the default model's). Anything else
(a hub id, ``.bin`` weights, bfloat16, another layout) keeps the standard converter.

:func:`encoder_spec` fills the encoder alone the same way, from a loaded model's weights (any
float32 Marian model): the fused batches' encoder (:mod:`ltmt.model.fast_encoder`).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace
from typing import Any

# the numpy dtypes this module reads and builds in (transformers' dtype names)
_DTYPES = {"float32": "F32", "float16": "F16"}
_FLOAT_CODES = ("F64", "F32", "F16", "BF16", "F8_E4M3", "F8_E5M2")
# transformers' activation names → CTranslate2's (those ltmt's own Marian modules compute)
_ACTIVATIONS = {"swish": "SWISH", "silu": "SWISH", "relu": "RELU", "gelu": "GELU"}


@dataclass(frozen=True)
class MarianCheckpoint:
    """A Marian checkpoint read as numpy arrays: ``config.json`` as attributes, the weights by
    their ``MarianMTModel`` names (shared embedding ``(vocab, d_model)``), the vocabulary as
    ``MarianTokenizer.get_vocab`` returns it (piece → id)."""

    config: SimpleNamespace
    weights: dict[str, Any]
    vocab: dict[str, int]

    @property
    def dtype(self) -> str:
        """The dtype the model is built in (``float32`` or ``float16``)."""
        return _config_dtype(self.config) or "float32"

    @property
    def shared(self) -> Any:
        """The shared token embedding ``(vocab_size, d_model)``."""
        return self.weights.get("model.shared.weight", self.weights.get(_ENCODER_EMBEDDING))

    def start_embedding_norm(self) -> float:
        """The L2 norm of the decoder's start-token embedding (computed in float32)."""
        import numpy as np

        row = self.shared[self.config.decoder_start_token_id].astype(np.float32)
        return float(np.linalg.norm(row))


_ENCODER_EMBEDDING = "model.encoder.embed_tokens.weight"


def _config_dtype(config: SimpleNamespace) -> str | None:
    for key in ("dtype", "torch_dtype"):
        name = getattr(config, key, None)
        if isinstance(name, str):
            return name
    return None


@dataclass(frozen=True)
class CheckpointFiles:
    """What :func:`covered_checkpoint` read of a checkpoint it covers: ``config.json`` as
    attributes, ``tokenizer_config.json`` parsed, the safetensors weight files."""

    config: SimpleNamespace
    tokenizer_config: dict[str, Any]
    weight_files: tuple[Path, ...]


def covered_checkpoint(source: Path) -> CheckpointFiles | None:
    """The checkpoint in the local directory ``source`` when :func:`marian_spec` reproduces the
    standard converter for it, else ``None``; reads only its config files (each once) and the
    safetensors headers."""
    from safetensors import SafetensorError, safe_open

    from ltmt.model import spm_tokenizer
    from ltmt.model.weights import native_supported, weight_files

    try:
        config = SimpleNamespace(**json.loads((source / "config.json").read_text("utf-8")))
    except (OSError, ValueError, TypeError):
        return None
    stored = _DTYPES.get(_config_dtype(config) or "")
    files = tuple(weight_files(source))
    if not (
        native_supported(config)
        and isinstance(getattr(config, "decoder_start_token_id", None), int)
        and stored is not None
        and files
        and all(file.suffix == ".safetensors" for file in files)
    ):
        return None
    tokenizer_config = spm_tokenizer.supported_config(source)
    if tokenizer_config is None:
        return None
    try:
        for file in files:
            with safe_open(str(file), framework="numpy") as weights:
                for key in weights.keys():  # noqa: SIM118 (a safetensors handle, not a dict)
                    code = weights.get_slice(key).get_dtype()
                    # stored positions would be loaded over the computed ones; another float
                    # dtype would be cast by transformers
                    if "embed_positions" in key or (code in _FLOAT_CODES and code != stored):
                        return None
    except (OSError, SafetensorError):
        return None
    return CheckpointFiles(config, tokenizer_config, files)


def read_checkpoint(source: Path, files: CheckpointFiles) -> MarianCheckpoint:
    """The checkpoint in ``source`` as numpy arrays, given what :func:`covered_checkpoint` read
    of it."""
    from safetensors import safe_open

    weights: dict[str, Any] = {}
    for file in files.weight_files:
        with safe_open(str(file), framework="numpy") as handle:
            for key in handle.keys():  # noqa: SIM118 (a safetensors handle, not a dict)
                if key != "lm_head.weight":  # tied to the shared embedding, as transformers ties it
                    weights[key] = handle.get_tensor(key)
    return MarianCheckpoint(files.config, weights, _tokenizer_vocab(source, files.tokenizer_config))


def _tokenizer_vocab(source: Path, tokenizer_config: dict[str, Any]) -> dict[str, int]:
    """``MarianTokenizer.get_vocab()``: ``vocab.json`` updated by the tokenizer config's added
    tokens."""
    vocab: dict[str, int] = json.loads((source / "vocab.json").read_text("utf-8"))
    added = tokenizer_config.get("added_tokens_decoder", {})
    return dict(vocab, **{entry["content"]: int(index) for index, entry in added.items()})


def marian_spec(checkpoint: MarianCheckpoint) -> Any:
    """The ``ctranslate2.specs.TransformerSpec`` the standard converter builds for
    ``checkpoint`` (before ``validate`` and ``optimize``)."""
    import numpy as np
    from ctranslate2.specs import transformer_spec

    config = checkpoint.config
    spec = transformer_spec.TransformerSpec.from_config(
        (config.encoder_layers, config.decoder_layers),
        config.encoder_attention_heads,
        pre_norm=False,
        activation=_activation(config),
        layernorm_embedding=False,
    )
    weights = checkpoint.weights
    shared = checkpoint.shared
    positions = _positions(config, checkpoint.dtype)
    _fill_stack(spec.encoder, "encoder", config, weights, shared, positions)
    _fill_stack(spec.decoder, "decoder", config, weights, shared, positions)
    spec.decoder.start_from_zero_embedding = True
    spec.decoder.projection.weight = shared
    bias = weights.get("final_logits_bias")
    if bias is not None and np.count_nonzero(bias) != 0:
        spec.decoder.projection.bias = bias.squeeze()
    _drop_pad_row(spec)
    _set_vocabulary_and_config(spec, checkpoint)
    return spec


def encoder_spec(config: Any, weights: dict[str, Any]) -> Any:
    """A ``ctranslate2.specs.TransformerEncoderModelSpec`` of a Marian model's encoder alone
    (before ``validate`` and ``optimize``), from its config and its weights as numpy arrays by
    their ``MarianMTModel`` names: the layers as :func:`marian_spec` fills them, the position
    table the model's own (``model.encoder.embed_positions.weight``, computed when absent). Every
    token row is kept (``<pad>`` too: the encoder reads only the lengths it is given), and the
    vocabulary is the ids as strings: the encoder is fed token ids.

    Raises ``KeyError`` for a missing weight, ``ValueError`` for an activation CTranslate2 does
    not compute."""
    from ctranslate2.specs import transformer_spec

    encoder = transformer_spec.TransformerEncoderSpec(
        config.encoder_layers,
        config.encoder_attention_heads,
        pre_norm=False,
        activation=_activation(config),
        layernorm_embedding=False,
    )
    # the encoder's own table (a model that does not share its embeddings has no
    # ``model.shared``; one that does holds the same tensor under both names)
    shared = weights[_ENCODER_EMBEDDING if _ENCODER_EMBEDDING in weights else "model.shared.weight"]
    positions = weights.get("model.encoder.embed_positions.weight")
    if positions is None:
        positions = _positions(config, str(shared.dtype))
    _fill_stack(encoder, "encoder", config, weights, shared, positions)
    spec = transformer_spec.TransformerEncoderModelSpec(encoder)
    spec.register_vocabulary([str(index) for index in range(shared.shape[0])])
    return spec


def _activation(config: Any) -> Any:
    """CTranslate2's activation for the config's; a ``ValueError`` for one it lacks."""
    from ctranslate2.specs import common_spec

    name = config.activation_function
    if name not in _ACTIVATIONS:
        raise ValueError(f"CTranslate2 does not compute the {name} activation")
    return getattr(common_spec.Activation, _ACTIVATIONS[name])


def _fill_stack(
    layers: Any, part: str, config: Any, weights: dict[str, Any], shared: Any, positions: Any
) -> None:
    """Fill the ``encoder`` or ``decoder`` (``part``) stack of a spec: scaled shared token
    embeddings, the position table, each layer's attention, norms and feed-forward."""
    layers.scale_embeddings = (
        math.sqrt(config.d_model) if getattr(config, "scale_embedding", False) else 1.0
    )
    layers.position_encodings.encodings = positions
    embeddings = layers.embeddings
    (embeddings[0] if isinstance(embeddings, list) else embeddings).weight = shared
    for index, layer in enumerate(layers.layer):
        prefix = f"model.{part}.layers.{index}"
        _set_attention(layer.self_attention, weights, f"{prefix}.self_attn", fused=True)
        _set_layer_norm(layer.self_attention.layer_norm, weights, f"{prefix}.self_attn_layer_norm")
        if part == "decoder":
            _set_attention(layer.attention, weights, f"{prefix}.encoder_attn", fused=False)
            _set_layer_norm(
                layer.attention.layer_norm, weights, f"{prefix}.encoder_attn_layer_norm"
            )
        _set_linear(layer.ffn.linear_0, weights, f"{prefix}.fc1")
        _set_linear(layer.ffn.linear_1, weights, f"{prefix}.fc2")
        _set_layer_norm(layer.ffn.layer_norm, weights, f"{prefix}.final_layer_norm")


def _positions(config: SimpleNamespace, dtype: str) -> Any:
    """The sinusoidal table in the model's dtype (transformers fills a table of that dtype with
    the float32 values)."""
    from ltmt.model.positions import sinusoidal_table

    table = sinusoidal_table(config.max_position_embeddings, config.d_model)
    return table.astype(dtype, copy=False)


def _set_linear(spec: Any, weights: dict[str, Any], name: str) -> None:
    spec.weight = weights[f"{name}.weight"]
    if f"{name}.bias" in weights:
        spec.bias = weights[f"{name}.bias"]


def _set_layer_norm(spec: Any, weights: dict[str, Any], name: str) -> None:
    spec.gamma = weights[f"{name}.weight"]
    spec.beta = weights[f"{name}.bias"]


def _set_attention(spec: Any, weights: dict[str, Any], name: str, fused: bool) -> None:
    """``BartLoader.set_attention``: q, k, v in one linear layer (``fused``, self-attention), or
    q alone and k, v in a second (cross-attention)."""
    projections = [f"{name}.{projection}" for projection in ("q_proj", "k_proj", "v_proj")]
    if fused:
        _fuse_linear(spec.linear[0], weights, projections)
    else:
        _fuse_linear(spec.linear[0], weights, projections[:1])
        _fuse_linear(spec.linear[1], weights, projections[1:])
    _set_linear(spec.linear[-1], weights, f"{name}.out_proj")


def _fuse_linear(spec: Any, weights: dict[str, Any], names: list[str]) -> None:
    """``ctranslate2.converters.utils.fuse_linear`` over numpy arrays (that module imports
    transformers): the layers' weights stacked, their biases too (zeros for a layer without)."""
    import numpy as np

    layers = [weights[f"{name}.weight"] for name in names]
    spec.weight = np.concatenate(layers)
    biases = [weights.get(f"{name}.bias") for name in names]
    present = [bias for bias in biases if bias is not None]
    if present:
        spec.bias = np.concatenate(
            [
                bias if bias is not None else np.zeros(layer.shape[0], dtype=present[0].dtype)
                for bias, layer in zip(biases, layers)
            ]
        )


def _drop_pad_row(spec: Any) -> None:
    """``MarianMTLoader._remove_pad_weights``: the embeddings and projection lose their last row
    (``<pad>``, which the zero start embedding replaces)."""
    tables = [spec.encoder.embeddings[0], spec.decoder.embeddings, spec.decoder.projection]
    size = tables[0].weight.shape[0] - 1
    for table in tables:
        if table.weight.shape[0] == size + 1:
            table.weight = table.weight[:-1]
        bias = getattr(table, "bias", None)
        if bias is not None and not isinstance(bias, str) and bias.shape[0] == size + 1:
            table.bias = bias[:-1]


def _set_vocabulary_and_config(spec: Any, checkpoint: MarianCheckpoint) -> None:
    """``MarianMTLoader``'s vocabulary (ids in order, cut to ``vocab_size``, a last ``<pad>``
    dropped) and config (``</s>`` ends and starts, ``<unk>``)."""
    tokens = [token for token, _ in sorted(checkpoint.vocab.items(), key=lambda item: item[1])]
    tokens = tokens[: checkpoint.config.vocab_size]
    if tokens[-1] == "<pad>":
        tokens.pop()
    spec.register_source_vocabulary(tokens)
    spec.register_target_vocabulary(tokens)
    # spm_tokenizer.supported_config: the tokenizer's end and unknown tokens are these
    spec.config.eos_token = "</s>"
    spec.config.unk_token = "<unk>"
    spec.config.decoder_start_token = "</s>"  # any token: the decoder starts from zeros
