"""The fusion layers ``ltmt train fusion`` trains, chosen by a config's ``method`` key:
``attention`` (the default: the attention adapter, :mod:`ltmt.train.fusion`) or ``combiner``
(kNN fusion's λ combiner, :mod:`ltmt.train.combiner`)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from ltmt.config import from_dict
from ltmt.errors import ConfigError
from ltmt.wording import did_you_mean

if TYPE_CHECKING:
    from ltmt.train.combiner import CombinerTrainConfig
    from ltmt.train.fusion import FusionTrainConfig

METHODS = ("attention", "combiner")
# sections only a combiner config has: a config with one and no method forgot ``method: combiner``
COMBINER_SECTIONS = frozenset({"combiner", "variants"})


def read_method_config(
    data: dict[str, Any], *, where: str = "config"
) -> FusionTrainConfig | CombinerTrainConfig:
    """The training config of ``data`` (a YAML mapping), of the class its ``method`` names;
    a method that is none of :data:`METHODS` is one line naming them and the closest one."""
    if "method" not in data and COMBINER_SECTIONS & set(data):
        sections = " and ".join(sorted(COMBINER_SECTIONS & set(data)))
        raise ConfigError(
            f"{where}: {sections} belong to a combiner config: add method: combiner "
            "(without it, the method is attention)"
        )
    method = data.get("method", "attention")
    if method == "combiner":
        from ltmt.train.combiner import CombinerTrainConfig

        return from_dict(CombinerTrainConfig, data, where=where)
    if method == "attention":
        from ltmt.train.fusion import FusionTrainConfig

        return from_dict(FusionTrainConfig, data, where=where)
    hint = did_you_mean(str(method), METHODS)
    raise ConfigError(
        f"{where}: method: {method!r} is not a training method{hint}; known: {', '.join(METHODS)}"
    )


def train_method(
    config: FusionTrainConfig | CombinerTrainConfig,
    base: str | Path,
    output: str | Path | None = None,
    *,
    progress: Any = None,
    overwrite: bool = False,
) -> dict[str, Any]:
    """Train the layer ``config`` describes on the frozen model ``base``; its summary dict."""
    from ltmt.train.combiner import CombinerTrainConfig, train_combiner
    from ltmt.train.fusion import train_fusion

    if isinstance(config, CombinerTrainConfig):
        return train_combiner(config, base, output, progress=progress, overwrite=overwrite)
    return train_fusion(config, base, output, progress=progress, overwrite=overwrite)
