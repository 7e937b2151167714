"""The registry of fusion methods: names → lazily imported classes."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from ltmt.errors import ConfigError

if TYPE_CHECKING:
    from ltmt.fusion.base import Fusion

FUSION_METHODS: dict[str, str] = {
    "knn": "ltmt.fusion.knn:KnnFusion",
    "attention": "ltmt.fusion.attention:AttentionFusion",
}

# The method ``auto`` resolves to: the best measured on the dev users for the default model
# (see README, "Benchmarks").
AUTO_METHOD = "knn"

FUSION_NAMES = ("none", *FUSION_METHODS, "auto")


def make_fusion(name: str, **options: Any) -> Fusion | None:
    """Build fusion method ``name`` (``none`` → ``None``) with its options."""
    if name == "auto":
        name = AUTO_METHOD
    if name == "none":
        return None
    target = FUSION_METHODS.get(name)
    if target is None:
        raise ConfigError(
            f"unknown fusion method {name!r}; choose one of {', '.join(FUSION_NAMES)}"
        )
    module_name, class_name = target.split(":")
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name == module_name:
            raise ConfigError(f"fusion method {name!r} is not available in this version") from exc
        raise
    fusion: Fusion = getattr(module, class_name)(**options)
    return fusion
