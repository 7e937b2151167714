"""Marian's encoder and decoder for inference, built from torch modules alone.

Importing transformers' Marian code pulls in torch's compiler stack, sympy and scipy: about
150 MB of resident memory before a weight is read (``eval/rss_breakdown.py``). The fused path
needs only the forward passes, so a checkpoint directory whose config this module reproduces
loads here: the same module tree and parameter names as ``MarianMTModel`` (``model.encoder``,
``model.decoder.layers[i].encoder_attn.q_proj``, ``lm_head``, ``final_logits_bias``, ...), the
same operations in the same order (scaled-dot-product attention with transformers' masks,
post-norm layers, sinusoidal positions rounded through the dtype transformers would build them
in), so outputs equal ``MarianMTModel``'s: bit for bit until session 37, and since then up to the
rounding of float sums, since the attention on the CPU is two products and a softmax
(:func:`attend`), faster there than torch's fused kernel. Training, hub ids and configs it does
not reproduce keep using transformers (:func:`ltmt.model.weights.native_supported`).

Decoding steps go through :class:`ltmt.model.incremental.IncrementalDecoder`; this decoder runs
whole prefixes (force-decoding) and has no key/value cache of its own.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Container, Iterator, Sequence
from pathlib import Path
from types import SimpleNamespace
from typing import Any, NamedTuple

import torch
from torch import nn

from ltmt.errors import ModelError

# transformers' ACT2FN names for the activations it computes with these torch functions (the
# names :data:`ltmt.model.weights.NATIVE_ACTIVATIONS` lists)
_ACTIVATIONS: dict[str, Callable[[torch.Tensor], torch.Tensor]] = {
    "swish": nn.functional.silu,
    "silu": nn.functional.silu,
    "relu": nn.functional.relu,
    "gelu": nn.functional.gelu,
}


class Output(NamedTuple):
    """What the encoder and decoder return: ``last_hidden_state (batch, length, d_model)``."""

    last_hidden_state: torch.Tensor


class Attention(nn.Module):
    """Multi-head attention with ``MarianAttention``'s projections and call signature."""

    def __init__(self, d_model: int, heads: int) -> None:
        super().__init__()
        self.num_heads = heads
        self.head_dim = d_model // heads
        self.scaling = self.head_dim**-0.5
        self.k_proj = nn.Linear(d_model, d_model)
        self.v_proj = nn.Linear(d_model, d_model)
        self.q_proj = nn.Linear(d_model, d_model)
        self.out_proj = nn.Linear(d_model, d_model)

    def forward(
        self,
        hidden_states: torch.Tensor,
        key_value_states: torch.Tensor | None = None,
        attention_mask: torch.Tensor | None = None,
        is_causal: bool = False,
    ) -> torch.Tensor:
        """``hidden_states (batch, length, d)`` attend to themselves or to ``key_value_states``;
        ``attention_mask (batch, 1, length, keys)`` bool, True where allowed."""
        batch, length, _ = hidden_states.shape
        source = hidden_states if key_value_states is None else key_value_states
        query = self._heads(self.q_proj(hidden_states))
        key = self._heads(self.k_proj(source))
        value = self._heads(self.v_proj(source))
        if query.device.type == "cpu":
            mixed = attend(query, key, value, attention_mask, self.scaling, is_causal)
        else:
            mixed = nn.functional.scaled_dot_product_attention(
                query, key, value, attn_mask=attention_mask, scale=self.scaling, is_causal=is_causal
            )
        return self.out_proj(mixed.transpose(1, 2).reshape(batch, length, -1))

    def _heads(self, states: torch.Tensor) -> torch.Tensor:
        """``(batch, length, d)`` → ``(batch, heads, length, head_dim)``."""
        return states.view(*states.shape[:-1], -1, self.head_dim).transpose(1, 2)


def attend(
    query: torch.Tensor,
    key: torch.Tensor,
    value: torch.Tensor,
    mask: torch.Tensor | None,
    scale: float,
    is_causal: bool = False,
) -> torch.Tensor:
    """``scaled_dot_product_attention`` as two products and a softmax (in float32): ``query
    (batch, heads, length, head_dim)`` over ``key``/``value (batch, heads, keys, head_dim)``,
    ``mask (batch, 1, length, keys)`` bool, True where allowed; ``is_causal``: each position over
    itself and those before it. On the CPU, for a translation's short sequences, torch's fused
    kernel took 1.2 to 1.8 times as long (``eval/attention_ops.py``,
    ``eval/results/speed/s37/attention-ops.json``); the two agree to float32 rounding."""
    scores = torch.matmul(query * scale, key.transpose(-1, -2)).float()
    if mask is not None:
        scores = scores.masked_fill(~mask, float("-inf"))
    if is_causal:
        allowed = torch.ones(scores.shape[-2:], dtype=torch.bool, device=scores.device).tril()
        scores = scores.masked_fill(~allowed, float("-inf"))
    return torch.matmul(torch.softmax(scores, dim=-1).to(value.dtype), value)


class EncoderLayer(nn.Module):
    def __init__(self, config: Any) -> None:
        super().__init__()
        d = config.d_model
        self.self_attn = Attention(d, config.encoder_attention_heads)
        self.self_attn_layer_norm = nn.LayerNorm(d)
        self.activation_fn = _ACTIVATIONS[config.activation_function]
        self.fc1 = nn.Linear(d, config.encoder_ffn_dim)
        self.fc2 = nn.Linear(config.encoder_ffn_dim, d)
        self.final_layer_norm = nn.LayerNorm(d)

    def forward(self, hidden: torch.Tensor, mask: torch.Tensor | None) -> torch.Tensor:
        hidden = self.self_attn_layer_norm(hidden + self.self_attn(hidden, attention_mask=mask))
        hidden = self.final_layer_norm(hidden + self.fc2(self.activation_fn(self.fc1(hidden))))
        if hidden.dtype == torch.float16 and not torch.isfinite(hidden).all():
            limit = torch.finfo(hidden.dtype).max - 1000  # as transformers does in float16
            hidden = torch.clamp(hidden, min=-limit, max=limit)
        return hidden


class DecoderLayer(nn.Module):
    def __init__(self, config: Any) -> None:
        super().__init__()
        d, heads = config.d_model, config.decoder_attention_heads
        self.self_attn = Attention(d, heads)
        self.self_attn_layer_norm = nn.LayerNorm(d)
        self.encoder_attn = Attention(d, heads)
        self.encoder_attn_layer_norm = nn.LayerNorm(d)
        self.activation_fn = _ACTIVATIONS[config.activation_function]
        self.fc1 = nn.Linear(d, config.decoder_ffn_dim)
        self.fc2 = nn.Linear(config.decoder_ffn_dim, d)
        self.final_layer_norm = nn.LayerNorm(d)

    def forward(
        self, hidden: torch.Tensor, encoder_states: torch.Tensor, encoder_mask: torch.Tensor | None
    ) -> torch.Tensor:
        own = self.self_attn(hidden, is_causal=hidden.size(1) > 1)
        hidden = self.self_attn_layer_norm(hidden + own)
        cross = self.encoder_attn(
            hidden, key_value_states=encoder_states, attention_mask=encoder_mask
        )
        hidden = self.encoder_attn_layer_norm(hidden + cross)
        return self.final_layer_norm(hidden + self.fc2(self.activation_fn(self.fc1(hidden))))


class Embedded(nn.Module):
    """Scaled token embeddings, sinusoidal positions and layers: what encoder and decoder share."""

    def __init__(self, config: Any, shared: nn.Embedding, layers: Sequence[nn.Module]) -> None:
        super().__init__()
        self.embed_scale = math.sqrt(config.d_model) if config.scale_embedding else 1.0
        self.embed_tokens = shared
        self.embed_positions = _embedding(config.max_position_embeddings, config.d_model)
        self.layers = nn.ModuleList(layers)

    def embed(self, input_ids: torch.Tensor) -> torch.Tensor:
        """``input_ids (batch, length)`` → ``(batch, length, d_model)`` at positions 0…"""
        positions = torch.arange(input_ids.size(1), device=input_ids.device)
        return self.embed_tokens(input_ids) * self.embed_scale + self.embed_positions(positions)


class Encoder(Embedded):
    def forward(
        self, input_ids: torch.Tensor, attention_mask: torch.Tensor | None = None
    ) -> Output:
        """``input_ids``/``attention_mask (batch, length)`` → ``last_hidden_state``."""
        hidden = self.embed(input_ids)
        mask = padding_mask(attention_mask, input_ids.size(1))
        for layer in self.layers:
            hidden = layer(hidden, mask)
        return Output(hidden)


class Decoder(Embedded):
    def forward(
        self,
        input_ids: torch.Tensor,
        encoder_hidden_states: torch.Tensor,
        encoder_attention_mask: torch.Tensor | None = None,
        use_cache: bool | None = None,
        past_key_values: Any = None,
    ) -> Output:
        """The final states ``(batch, length, d_model)`` of a whole target prefix ``input_ids``
        over ``encoder_hidden_states (batch, source, d_model)`` (no key/value cache: steps go
        through :class:`ltmt.model.incremental.IncrementalDecoder`)."""
        if use_cache or past_key_values is not None:
            raise ModelError(
                "ltmt's Marian decoder keeps no cache: step with DecodeConfig(incremental=True), "
                "or load the model with transformers (load_backbone(..., native=False))"
            )
        hidden = self.embed(input_ids)
        mask = padding_mask(encoder_attention_mask, input_ids.size(1))
        for layer in self.layers:
            hidden = layer(hidden, encoder_hidden_states, mask)
        return Output(hidden)


def _embedding(count: int, dim: int, padding: int | None = None) -> nn.Embedding:
    """An embedding table left uninitialised (its weights are loaded next): on the meta device,
    ``nn.Embedding``'s own random init would import torch's compiler stack."""
    return nn.Embedding(count, dim, padding, _weight=torch.empty((count, dim)))


def padding_mask(mask: torch.Tensor | None, queries: int) -> torch.Tensor | None:
    """``mask (batch, keys)`` → ``(batch, 1, queries, keys)`` bool, or ``None`` when nothing is
    padded (transformers' rule for its scaled-dot-product attention masks)."""
    if mask is None or bool(mask.all()):
        return None
    return mask.bool()[:, None, None, :].expand(-1, 1, queries, -1)


class Seq2Seq(nn.Module):
    def __init__(self, config: Any) -> None:
        super().__init__()
        self.shared = _embedding(config.vocab_size, config.d_model, config.pad_token_id)
        encoder = [EncoderLayer(config) for _ in range(config.encoder_layers)]
        decoder = [DecoderLayer(config) for _ in range(config.decoder_layers)]
        self.encoder = Encoder(config, self.shared, encoder)
        self.decoder = Decoder(config, self.shared, decoder)


class MarianModel(nn.Module):
    """``MarianMTModel``'s inference surface: ``get_encoder()``, ``get_decoder()``,
    ``get_input_embeddings()``, ``lm_head``, ``final_logits_bias`` and ``config``."""

    def __init__(self, config: Any) -> None:
        super().__init__()
        self.config = config
        self.model = Seq2Seq(config)
        self.lm_head = nn.Linear(config.d_model, config.vocab_size, bias=False)
        self.register_buffer("final_logits_bias", torch.zeros((1, config.vocab_size)))

    def get_encoder(self) -> Encoder:
        return self.model.encoder

    def get_decoder(self) -> Decoder:
        return self.model.decoder

    def get_input_embeddings(self) -> nn.Embedding:
        return self.model.shared


def load_marian(
    path: Path,
    config: Any,
    dtype: torch.dtype | None,
    device: str,
    widen: torch.dtype | None = None,
) -> MarianModel:
    """The model in ``path`` (its ``*.safetensors`` or ``*.bin`` weights) on ``device``, in
    eval mode, as ``MarianMTModel.from_pretrained(path, dtype=dtype)`` builds it (``None``: the
    config's dtype, else the weights'), then converted to ``widen`` when given (as ``.float()``
    would). ``config``: ``config.json`` as attributes
    (:func:`ltmt.model.weights.native_supported`). Each tensor is converted as it is read, so
    safetensors weights are never held twice (a ``.bin`` file is read whole first). Weights that
    are unreadable, missing or of another shape than ``config`` asks are a :class:`ModelError`."""
    from ltmt.model.weights import weight_files

    config = marian_config(vars(config))
    with torch.device("meta"):
        model = MarianModel(config)
    shapes = {key: tuple(value.shape) for key, value in model.state_dict().items()}
    wanted = set(shapes)
    stored = config_dtype(config)
    loaded: dict[str, torch.Tensor] = {}
    for file in weight_files(path):
        for key, tensor in read_tensors(file, path, wanted):
            if tuple(tensor.shape) != shapes[key]:
                raise ModelError(
                    f"cannot load model {path}: its weight {key} has shape "
                    f"{tuple(tensor.shape)} where config.json asks for {shapes[key]}"
                )
            if stored is None and tensor.is_floating_point():
                stored = tensor.dtype  # transformers' "auto": the first floating weight's
            built = tensor.to(dtype or stored or tensor.dtype)
            loaded[key] = built.to(device=device, dtype=widen or built.dtype)
    built_in = dtype or stored or torch.float32
    target = widen or built_in
    if "model.shared.weight" not in loaded:
        loaded["model.shared.weight"] = loaded.pop("model.encoder.embed_tokens.weight", None)  # type: ignore[arg-type]
    optional = {"lm_head.weight", "final_logits_bias"}
    optional |= {f"model.{part}.{table}.weight" for part in ("encoder", "decoder")
                 for table in ("embed_tokens", "embed_positions")}  # fmt: skip
    missing = sorted(k for k in wanted - optional if loaded.get(k) is None)
    if missing:
        raise ModelError(
            f"cannot load model {path}: its weights lack {', '.join(missing[:3])}"
            f"{' and more' if len(missing) > 3 else ''} (is it a Marian checkpoint?)"
        )
    positions = sinusoidal_positions(config.max_position_embeddings, config.d_model)
    # transformers builds the table in the dtype it instantiates the model in, then converts
    positions = positions.to(built_in).to(device=device, dtype=target)
    loaded["model.encoder.embed_positions.weight"] = positions
    loaded["model.decoder.embed_positions.weight"] = positions.clone()
    if "final_logits_bias" not in loaded:
        loaded["final_logits_bias"] = torch.zeros((1, config.vocab_size), dtype=target)
    loaded["final_logits_bias"] = loaded["final_logits_bias"].to(device=device)
    shared = loaded["model.shared.weight"]
    for part in ("lm_head", "model.encoder.embed_tokens", "model.decoder.embed_tokens"):
        loaded[f"{part}.weight"] = shared
    model.load_state_dict(loaded, assign=True)
    model.model.encoder.embed_tokens = model.model.decoder.embed_tokens = model.model.shared
    model.lm_head.weight = model.model.shared.weight
    for parameter in model.parameters():
        parameter.requires_grad_(False)
    return model.eval()


def marian_config(settings: dict[str, Any]) -> SimpleNamespace:
    """``config.json``'s settings as attributes, with transformers' defaults for the flags."""
    defaults = {"scale_embedding": False, "share_encoder_decoder_embeddings": True}
    return SimpleNamespace(**{**defaults, **settings})


def sinusoidal_positions(positions: int, dim: int) -> torch.Tensor:
    """``(positions, dim)`` float32: sines in the first half, cosines in the second, as
    ``MarianSinusoidalPositionalEmbedding`` computes them (in float64 first)."""
    from ltmt.model.positions import sinusoidal_table

    return torch.from_numpy(sinusoidal_table(positions, dim))


def read_tensors(
    file: Path, model: Path, wanted: Container[str] | None = None
) -> Iterator[tuple[str, torch.Tensor]]:
    """``(name, tensor)`` of each weight in ``file`` (only those named in ``wanted``, when
    given), one at a time for safetensors, which reads no other; a file that cannot be read is
    a :class:`ModelError` naming it and the ``model`` directory."""
    import pickle

    from safetensors import SafetensorError, safe_open

    try:
        if file.suffix == ".safetensors":
            with safe_open(str(file), framework="pt") as weights:
                for key in weights.keys():  # noqa: SIM118 (a safetensors handle, not a dict)
                    if wanted is None or key in wanted:
                        yield key, weights.get_tensor(key)
            return
        state = torch.load(str(file), map_location="cpu", weights_only=True)
    except (OSError, RuntimeError, ValueError, pickle.UnpicklingError, SafetensorError) as exc:
        reason = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
        if isinstance(exc, pickle.UnpicklingError):  # torch's message is about trusting the file
            reason = "not a checkpoint torch reads with weights_only=True"
        raise ModelError(
            f"cannot load model {model}: {file.name} is unreadable ({reason}); copy it again"
        ) from exc
    if not isinstance(state, dict):
        raise ModelError(f"cannot load model {model}: {file.name} holds no named weights")
    yield from (
        (k, v)
        for k, v in state.items()
        if isinstance(v, torch.Tensor) and (wanted is None or k in wanted)
    )


def config_dtype(config: Any) -> torch.dtype | None:
    """The dtype the config names (transformers builds the model in it), if any."""
    for key in ("dtype", "torch_dtype"):
        name = getattr(config, key, None)
        if isinstance(name, str) and isinstance(getattr(torch, name, None), torch.dtype):
            return getattr(torch, name)
    return None
