"""The registry of fusion methods: names → lazily imported classes."""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ltmt.errors import ChoiceError, ConfigError

if TYPE_CHECKING:
    from ltmt.fusion.base import Fusion

FUSION_METHODS: dict[str, str] = {
    "knn": "ltmt.fusion.knn:KnnFusion",
    "attention": "ltmt.fusion.attention:AttentionFusion",
    "knn-trained": "ltmt.fusion.trained_knn:TrainedKnnFusion",
}

# The method ``auto`` resolves to for a model without a trained combiner: knn works with every
# model. Where the model ships a combiner, ``auto`` is ``knn-trained``: on the default model it
# scored 48.12 BLEU against knn's 47.08 on the dev users' 2,000 segments and copies a misleading
# match's word less often (42 against 61 of 200; README, "The trained combiner").
AUTO_METHOD = "knn"
TRAINED_AUTO_METHOD = "knn-trained"
COMBINER_SUBDIR = "fusion-combiner"  # the model directory's folder of its trained combiner


def auto_method(model_dir: Path | None) -> str:
    """What ``auto`` means for the model in ``model_dir`` (``None``: a model without a local
    directory): ``knn-trained`` where the directory holds a trained combiner, else ``knn``."""
    if model_dir is not None and (model_dir / COMBINER_SUBDIR / "config.json").is_file():
        return TRAINED_AUTO_METHOD
    return AUTO_METHOD


FUSION_NAMES = ("none", *FUSION_METHODS, "auto")


class UnknownFusionOption(ConfigError):
    """A ``--fusion-option`` KEY that the fusion method takes no option of (a typo, or an option
    of another method): ``ltmt bench`` tells it from a method that cannot run here."""


def parse_fusion_options(items: Sequence[str]) -> dict[str, Any]:
    """``["neighbours=8", "repair=false", "tau=2.5"]`` → ``{"neighbours": 8, ...}``.

    Values are read as booleans (``true``/``false``), integers, floats, else kept as text.
    """
    options: dict[str, Any] = {}
    for item in items:
        key, sep, raw = item.partition("=")
        key = key.strip().replace("-", "_")
        if not sep or not key.isidentifier():
            raise ConfigError(f"fusion option {item!r} is not KEY=VALUE (e.g. neighbours=8)")
        options[key] = _option_value(raw.strip())
    return options


def _option_value(raw: str) -> Any:
    if raw.lower() in ("true", "false"):
        return raw.lower() == "true"
    for kind in (int, float):
        try:
            return kind(raw)
        except ValueError:
            pass
    return raw


def make_fusion(name: str, model_dir: Path | None = None, **options: Any) -> Fusion | None:
    """Build fusion method ``name`` (``none`` → ``None``) with its options; ``auto`` is
    :func:`auto_method` of the model in ``model_dir`` (``None``: knn)."""
    if name == "auto":
        name = auto_method(model_dir)
    if name == "none":
        if options:
            raise ConfigError(
                "fusion options need a fusion method (--fusion knn, knn-trained or attention)"
            )
        return None
    target = FUSION_METHODS.get(name)
    if target is None:
        raise ChoiceError(
            f"unknown fusion method {name!r}; choose one of {', '.join(FUSION_NAMES)}"
        )
    module_name, class_name = target.split(":")
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name == module_name:
            raise ConfigError(f"fusion method {name!r} is not available in this version") from exc
        raise
    try:
        fusion: Fusion = getattr(module, class_name)(**options)
    except TypeError as exc:  # an unknown keyword: name the method and the offending option
        problem = _keyword_problem(exc, options)
        if not problem.startswith("unknown option"):
            raise ConfigError(f"fusion method {name!r}: {problem}") from exc
        known = _config_options(getattr(module, class_name))
        if known:
            problem += f"; its options: {', '.join(known)}"
        raise UnknownFusionOption(f"fusion method {name!r}: {problem}") from exc
    return fusion


def _config_options(cls: Any) -> list[str]:
    """The keyword options of a fusion class whose ``**options`` build its ``config``
    dataclass (knn's :class:`~ltmt.fusion.knn.KnnConfig`): that dataclass's fields."""
    import dataclasses
    import typing

    try:
        hint = typing.get_type_hints(cls.__init__).get("config")
    except (NameError, TypeError):  # an annotation that does not resolve: say nothing more
        return []
    for candidate in (hint, *typing.get_args(hint)):
        if dataclasses.is_dataclass(candidate):
            return [f.name for f in dataclasses.fields(candidate)]
    return []


def _keyword_problem(exc: TypeError, options: dict[str, Any]) -> str:
    message = str(exc)
    marker = "unexpected keyword argument "
    if marker in message:
        return f"unknown option {message.split(marker, 1)[1]}"
    # a text where a number belongs fails the config's range checks with a TypeError
    texts = ", ".join(f"{k}={v!r}" for k, v in options.items() if isinstance(v, str))
    return f"an option has a value of the wrong type ({texts or message})"
