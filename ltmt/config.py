"""Configuration helpers: frozen dataclasses built from YAML at the edges, validated early
(:func:`check_range` and :func:`check_choice` word every refusal of a value the same way)."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, TypeVar

from ltmt.errors import ConfigError

T = TypeVar("T")


def check_range(
    name: str,
    value: float,
    *,
    at_least: float | None = None,
    above: float | None = None,
    at_most: float | None = None,
    below: float | None = None,
    error: type[Exception] = ConfigError,
) -> None:
    """Refuse ``value`` unless it lies within the bounds given: ``at_least`` or ``above`` from
    below, ``at_most`` or ``below`` from above (NaN lies within none). The message names them as
    written: "NAME must be >= 1, got 0", "NAME must be > 0, got 0.0", "NAME must be in [0, 1),
    got 1.5". ``error``: the exception raised (:class:`ConfigError` unless the caller's API
    raises another)."""
    if (
        (at_least is None or value >= at_least)
        and (above is None or value > above)
        and (at_most is None or value <= at_most)
        and (below is None or value < below)
    ):
        return
    low = at_least if at_least is not None else above
    high = at_most if at_most is not None else below
    if low is not None and high is not None:
        opening = "[" if at_least is not None else "("
        closing = "]" if at_most is not None else ")"
        bound = f"in {opening}{low}, {high}{closing}"
    elif low is not None:
        bound = f">= {low}" if at_least is not None else f"> {low}"
    else:
        bound = f"<= {high}" if at_most is not None else f"< {high}"
    raise error(f"{name} must be {bound}, got {value}")


def check_choice(name: str, value: str, choices: tuple[str, ...]) -> None:
    """Refuse ``value`` unless it is one of ``choices``: "NAME must be a, b or c, got 'x'"."""
    if value not in choices:
        allowed = ", ".join(choices[:-1]) + f" or {choices[-1]}"
        raise ConfigError(f"{name} must be {allowed}, got {value!r}")


def as_names(name: str, value: Any) -> tuple[str, ...]:
    """``value`` as a tuple of names: a list (or tuple) of strings, or one string for one name
    (YAML's ``key: tar`` for ``key: [tar]``; a plain ``tuple()`` of it would split it into
    letters); anything else is refused: "NAME must be a list of names, got 3"."""
    if isinstance(value, str):
        return (value,)
    if isinstance(value, (list, tuple)) and all(isinstance(item, str) for item in value):
        return tuple(value)
    raise ConfigError(f"{name} must be a list of names, got {value!r}")


def read_yaml(path: str | Path) -> dict[str, Any]:
    """Read a YAML mapping from ``path``; a missing file or a non-mapping is a ConfigError."""
    import yaml

    path = Path(path)
    if path.is_dir():
        raise ConfigError(f"config file {path} is a directory; give a YAML file")
    if not path.is_file():
        raise ConfigError(f"config file not found: {path}")
    try:
        data = yaml.safe_load(path.read_text("utf-8"))
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path}: not valid YAML ({exc.__class__.__name__})") from exc
    except UnicodeDecodeError as exc:
        raise ConfigError(
            f"{path}: byte {exc.start + 1} is not valid UTF-8; save the config as UTF-8"
        ) from exc
    except OSError as exc:
        raise ConfigError(f"cannot read config file {path}: {exc.strerror}") from exc
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: expected a mapping at the top level")
    return data


def from_dict(cls: type[T], data: dict[str, Any], *, where: str = "config") -> T:
    """Build dataclass ``cls`` from ``data``, recursing into nested dataclass fields.

    Unknown keys are an error that names them, so a typo never passes silently. A value of a
    field typed ``int``, ``float`` or ``bool`` must be one (:func:`typed_value`), so a wrong
    type is one line naming the key rather than a crash deep in training.
    """
    return _from_dict(cls, data, where, "")


def _from_dict(cls: type[T], data: dict[str, Any], where: str, prefix: str) -> T:
    """:func:`from_dict` of the section at ``prefix`` (``train.``) of the file ``where``."""
    if not dataclasses.is_dataclass(cls):
        raise TypeError(f"{cls!r} is not a dataclass")
    fields = {f.name: f for f in dataclasses.fields(cls)}
    section = f"{where}.{prefix[:-1]}" if prefix else where
    unknown = unknown_keys(data, fields)
    if unknown:
        raise unknown_keys_error(section, unknown, list(fields))
    kwargs: dict[str, Any] = {}
    hints = _resolved_types(cls)
    for name, value in data.items():
        field_type = hints.get(name)
        if isinstance(field_type, type) and dataclasses.is_dataclass(field_type):
            if not isinstance(value, dict):
                raise ConfigError(f"{section}.{name}: expected a mapping")
            value = _from_dict(field_type, value, where, f"{prefix}{name}.")
        else:
            try:
                value = typed_value(f"{prefix}{name}", value, field_type)
            except ConfigError as exc:
                raise ConfigError(f"{where}: {exc}") from None
        kwargs[name] = value
    try:
        return cls(**kwargs)
    except ConfigError as exc:  # a section's own check: its message names the key
        raise ConfigError(f"{where}: {exc}") from None
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"{section}: {exc}") from exc


def unknown_keys(data: Mapping[Any, Any], known: Iterable[str]) -> list[str]:
    """The keys of ``data`` that are none of ``known``, sorted, each as text: a YAML key may be
    a number or a date (``5: x``), which is no setting either."""
    names = set(known)
    return sorted(str(key) for key in data if key not in names)


def unknown_keys_error(section: str, unknown: list[str], known: list[str]) -> ConfigError:
    """The one-line refusal of keys of ``section`` that are none of ``known``, with a hint for
    the first when one is close: "SECTION: unknown key(s) neighbors (did you mean 'neighbours'?);
    known: ..."."""
    from ltmt.wording import did_you_mean

    hint = did_you_mean(unknown[0], known)
    return ConfigError(
        f"{section}: unknown key(s) {', '.join(unknown)}{hint}; known: {', '.join(known)}"
    )


def typed_fields(cls: type, data: dict[str, Any], prefix: str) -> dict[str, Any]:
    """``data`` (settings of dataclass ``cls``, named ``PREFIX + key`` in errors) with each
    value of a known field checked by :func:`typed_value`; unknown keys are left to ``cls``."""
    hints = _resolved_types(cls)
    return {key: typed_value(f"{prefix}{key}", v, hints.get(key)) for key, v in data.items()}


def typed_value(name: str, value: Any, field_type: Any) -> Any:
    """``value`` of the setting ``name`` checked against its ``field_type`` (``int``, ``float``
    or ``bool``; other types pass as they are, for the config's own checks): an integer must
    be one ("NAME must be an integer, got 8.5"), a number an int or a float ("NAME must be a
    number, got 'fast'"), a flag true or false. A number written as a string that parses as
    one (``"3e-3"``) is that number: YAML 1.1 (PyYAML) reads ``3e-3``, without a dot, as a
    string."""
    if field_type is bool and not isinstance(value, bool):
        raise ConfigError(f"{name} must be true or false, got {value!r}")
    if field_type is int and (isinstance(value, bool) or not isinstance(value, int)):
        raise ConfigError(f"{name} must be an integer, got {value!r}")
    if field_type is float:
        if isinstance(value, str):
            try:
                return float(value)
            except ValueError:
                pass
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ConfigError(f"{name} must be a number, got {value!r}")
    return value


def _resolved_types(cls: type) -> dict[str, Any]:
    import typing

    try:
        return typing.get_type_hints(cls)
    except Exception:  # pragma: no cover - forward refs that cannot be resolved
        return {}


def to_dict(obj: Any) -> dict[str, Any]:
    """A JSON-friendly dict of a dataclass instance (paths become strings)."""
    result = dataclasses.asdict(obj)

    def fix(value: Any) -> Any:
        if isinstance(value, Path):
            return str(value)
        if isinstance(value, dict):
            return {k: fix(v) for k, v in value.items()}
        if isinstance(value, (list, tuple)):
            return [fix(v) for v in value]
        return value

    return fix(result)
