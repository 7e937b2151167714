"""The configuration of ``ltmt train base``."""

from __future__ import annotations

from dataclasses import dataclass, field

from ltmt.config import as_names, check_choice, check_range
from ltmt.errors import ConfigError

BF16_SETTINGS = ("auto", "on", "off")


def bf16_setting(value: str | bool) -> str:
    """``train.bf16`` as one of :data:`BF16_SETTINGS`: YAML reads an unquoted ``on`` or ``off``
    (and ``true``, ``false``) as a boolean, so ``True`` is ``on`` and ``False`` is ``off``."""
    if isinstance(value, bool):
        return "on" if value else "off"
    check_choice("train.bf16", value, BF16_SETTINGS)
    return value


@dataclass(frozen=True)
class ModelShape:
    """The architecture of a Marian model built from scratch."""

    vocab_size: int = 8000
    d_model: int = 256
    encoder_layers: int = 6
    decoder_layers: int = 3
    attention_heads: int = 4
    ffn_dim: int = 1024
    dropout: float = 0.1
    max_positions: int = 512

    def __post_init__(self) -> None:
        for name in ("vocab_size", "d_model", "encoder_layers", "decoder_layers", "ffn_dim"):
            check_range(f"model.{name}", getattr(self, name), above=0)
        if self.d_model % self.attention_heads:
            raise ConfigError(
                f"model.d_model ({self.d_model}) must be divisible by "
                f"model.attention_heads ({self.attention_heads})"
            )
        check_range("model.dropout", self.dropout, at_least=0, below=1)


@dataclass(frozen=True)
class DataSpec:
    """Which corpora to train on, relative to ``data_dir`` (``../shared/data/en-de`` by default)."""

    data_dir: str = "../shared/data/en-de"
    general: tuple[str, ...] = ("general/train",)
    l10n_glob: str = "l10n/train/*.jsonl"
    # only these products (file names without .jsonl; empty: all), never those excluded
    l10n_products: tuple[str, ...] = ()
    l10n_exclude: tuple[str, ...] = ()
    l10n_upsample: int = 2
    dev: str = "general/dev"
    dev_size: int = 400
    max_tokens_per_side: int = 128
    max_length_ratio: float = 3.0

    def __post_init__(self) -> None:
        for key in ("general", "l10n_products", "l10n_exclude"):
            object.__setattr__(self, key, as_names(f"data.{key}", getattr(self, key)))
        check_range("data.l10n_upsample", self.l10n_upsample, above=0)
        check_range("data.max_tokens_per_side", self.max_tokens_per_side, above=0)


@dataclass(frozen=True)
class Optimisation:
    """Optimiser, schedule and batching."""

    batch_tokens: int = 4096
    peak_lr: float = 1e-3
    warmup_steps: int = 1000
    label_smoothing: float = 0.1
    clip_norm: float = 1.0
    weight_decay: float = 0.0
    epochs: int = 20
    max_steps: int = 0
    max_minutes: float = 0.0
    eval_every: int = 1000
    bf16: str = "auto"
    device: str = "auto"
    threads: int = 0
    seed: int = 1

    def __post_init__(self) -> None:
        for name in ("batch_tokens", "peak_lr", "warmup_steps", "epochs", "eval_every"):
            check_range(f"train.{name}", getattr(self, name), above=0)
        object.__setattr__(self, "bf16", bf16_setting(self.bf16))
        check_choice("train.device", self.device, ("auto", "cpu", "cuda"))
        check_range("train.label_smoothing", self.label_smoothing, at_least=0, below=1)
        check_range("train.max_minutes", self.max_minutes, at_least=0)  # 0: no time limit


@dataclass(frozen=True)
class BaseTrainConfig:
    """Everything ``ltmt train base`` needs; read from YAML with :func:`ltmt.config.from_dict`."""

    model: ModelShape = field(default_factory=ModelShape)
    data: DataSpec = field(default_factory=DataSpec)
    train: Optimisation = field(default_factory=Optimisation)
