"""What a benchmark run does: a frozen, validated :class:`BenchConfig`, and its YAML form.

A YAML file under ``configs/bench/`` names the standard runs. Its relative paths (``users_dir``,
``general_dir``, ``memory_user``) are read against its ``data_dir`` key, itself relative to the
working directory; command-line values override the file's.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from ltmt.bench.systems import known_system_names
from ltmt.config import as_names, check_choice, check_range, unknown_keys, unknown_keys_error
from ltmt.errors import ConfigError
from ltmt.fusion.registry import parse_fusion_options
from ltmt.workers import check_workers

DEFAULT_SYSTEMS = ("base", "tm", "tm-repair", "exact", "knn", "attention")
ONLINE_SUFFIX = "+online"
_DATA_KEYS = ("users_dir", "general_dir", "memory_user")  # read against data_dir
_PATH_KEYS = (*_DATA_KEYS, "output", "data_dir")


@dataclass(frozen=True)
class BenchConfig:
    """One benchmark run.

    ``systems``: ``base`` (the model alone), ``tm`` (the best fuzzy match's target when its score
    is at least ``tm_threshold``, else the base output — what a CAT tool pre-translates),
    ``tm-repair`` (``tm`` with the input's verbatim words carried into the match, as fusion reads
    it), ``exact`` (base plus 100 % match reuse) and fusion methods by name (``knn``,
    ``attention``).
    ``limit``: the first N test segments of each user and general test set, in file order.
    ``online``: also run each memory-using system with every reference added to the memory right
    after its segment is translated (reported as ``NAME+online``).
    ``threads``: torch threads for the run (``None``: torch's default); reported either way.
    ``workers``: batches each system decodes at once (``ltmt translate --workers``; 0: one per
    thread, at most 4), sharing ``threads``; the number used is reported.
    ``worker_processes``: fused batches decode in ``workers`` processes rather than threads
    (``ltmt translate --worker-processes``, :mod:`ltmt.worker_processes`).
    ``general_dir`` + ``memory_user``: general-domain test sets (``NAME.en`` + ``NAME.de``)
    translated with the memory of ``memory_user`` (a ``USER.memory.jsonl`` file), to show that an
    unrelated memory does not hurt.
    ``fusion_weights``: the weights fused batches run on (``ltmt translate --fusion-weights``:
    ``auto``, ``float32``, ``float32-int8-head``, ``float32-int8-encoder-head``, ``bfloat16``,
    ``bfloat16-int8-head``, ``int8``); ``fusion_encoder``: what encodes them (``auto``,
    ``ctranslate2``, ``torch``: ``Translator(fusion_encoder=...)``, :mod:`ltmt.model.fast_encoder`).
    ``copy_guard``: fused outputs that repeat a match of other words are decoded again with
    memory trusted less (``Translator(copy_guard=...)``, :mod:`ltmt.copy_guard`).
    ``fusion_options``: ``KEY=VALUE`` options given to every fusion system's method
    (``ltmt translate --fusion-option``, read by
    :func:`ltmt.fusion.registry.parse_fusion_options`: ``combiner=DIR`` for ``knn-trained``,
    ``neighbours=8`` for ``knn``); a system whose method takes no such option is skipped with
    the reason where another fusion system takes them, and an option no fusion system of the run
    takes, or a value that keeps one from building, is an error
    (:func:`~ltmt.bench.systems.build_systems`).
    ``data_dir``: what the config file's relative paths were read against (recorded in
    ``results.json``; set by :func:`load_config`).
    """

    users_dir: Path | None = None
    systems: tuple[str, ...] = DEFAULT_SYSTEMS
    model: str | None = None
    limit: int | None = None
    online: bool = False
    general_dir: Path | None = None
    memory_user: Path | None = None
    output: Path = Path("runs/bench")
    batch_size: int = 32
    beam: int = 4
    top_k: int = 4
    tm_threshold: float = 70.0
    threads: int | None = None
    workers: int = 0
    worker_processes: bool = False
    fusion_weights: str = "auto"
    fusion_encoder: str = "auto"
    copy_guard: bool = True
    source_lang: str = "en"
    target_lang: str = "de"
    fusion_options: tuple[str, ...] = ()
    data_dir: Path | None = None

    def __post_init__(self) -> None:
        if self.users_dir is None and self.general_dir is None:
            raise ConfigError(
                "nothing to benchmark: give users_dir (--users-dir) or general_dir (--general-dir)"
            )
        if (self.general_dir is None) != (self.memory_user is None):
            raise ConfigError(
                "general_dir and memory_user go together (--general-dir DIR --memory-user FILE)"
            )
        check_systems(self.systems)
        for key in ("limit", "batch_size", "beam", "top_k", "threads", "workers"):
            value = getattr(self, key)
            if value is not None and (not isinstance(value, int) or isinstance(value, bool)):
                raise ConfigError(f"{key} must be an integer, got {value!r}")
        for key in ("online", "worker_processes", "copy_guard"):
            if not isinstance(getattr(self, key), bool):
                raise ConfigError(f"{key} must be true or false, got {getattr(self, key)!r}")
        if not isinstance(self.tm_threshold, (int, float)) or isinstance(self.tm_threshold, bool):
            raise ConfigError(f"tm_threshold must be a number, got {self.tm_threshold!r}")
        for key in ("limit", "threads"):  # None: every segment / the default thread count
            if getattr(self, key) is not None:
                check_range(key, getattr(self, key), at_least=1)
        for key in ("batch_size", "beam", "top_k"):
            check_range(key, getattr(self, key), at_least=1)
        check_range("workers", self.workers, at_least=0)
        if self.threads is not None:
            check_workers(self.workers, self.threads)
        from ltmt.model.engine import FUSION_WEIGHTS

        # a ConfigError (exit 1) as every other bad value of a config; ltmt bench checks its
        # --fusion-weights itself, a bad option value (exit 2)
        check_choice("fusion_weights", self.fusion_weights, FUSION_WEIGHTS)
        parse_fusion_options(self.fusion_options)
        _check_fusion_encoder(self.fusion_encoder)
        if not 0 <= self.tm_threshold <= 100:
            raise ConfigError(f"tm_threshold must be within 0-100, got {self.tm_threshold}")

    def to_dict(self) -> dict[str, Any]:
        """A JSON-friendly form, written into ``results.json``: paths (and a ``model`` that
        names a local directory) absolute, so that a run says what it read wherever it ran."""
        data: dict[str, Any] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if f.name == "model" and value is not None and Path(value).expanduser().exists():
                value = Path(value).expanduser().resolve()  # as results.json's model
            data[f.name] = (
                str(value.absolute())
                if isinstance(value, Path)
                else list(value)
                if isinstance(value, tuple)
                else value
            )
        return data


def check_systems(systems: tuple[str, ...]) -> None:
    """Refuse an empty list of systems, a name no system has (the message lists them), and a
    name given twice."""
    known = known_system_names()
    if not systems:
        raise ConfigError(f"systems is empty; name at least one of {', '.join(known)}")
    unknown = [name for name in systems if name not in known]
    if unknown:
        raise ConfigError(f"unknown system(s) {', '.join(unknown)}; choose from {', '.join(known)}")
    duplicates = sorted({n for n in systems if systems.count(n) > 1})
    if duplicates:
        raise ConfigError(f"system(s) named twice: {', '.join(duplicates)}")


def _check_fusion_encoder(value: str) -> None:
    from ltmt.model.fast_encoder import FUSION_ENCODERS

    check_choice("fusion_encoder", value, FUSION_ENCODERS)


def check_overrides(overrides: Mapping[str, Any]) -> None:
    """Refuse the command line's bad values on their own, before a config file is read: the
    command line exits 2 on them, as on any option value that does not parse, while the same
    values in a config file are a :class:`ConfigError` of the file (exit 1). ``overrides``:
    :func:`load_config`'s (``None``: not given)."""
    given = {key: value for key, value in overrides.items() if value is not None}
    if "systems" in given:
        check_systems(parse_systems(given["systems"]))
    if "fusion_options" in given:
        parse_fusion_options(given["fusion_options"])
    if "fusion_encoder" in given:
        _check_fusion_encoder(given["fusion_encoder"])
    if "workers" in given and "threads" in given:
        check_workers(given["workers"], given["threads"])


def parse_systems(value: str | list[str] | tuple[str, ...]) -> tuple[str, ...]:
    """``"base, tm,knn"`` or a list → ``("base", "tm", "knn")``."""
    items = value.split(",") if isinstance(value, str) else [str(v) for v in value]
    return tuple(item.strip() for item in items if item.strip())


def build_config(values: Mapping[str, Any], *, where: str = "bench config") -> BenchConfig:
    """A :class:`BenchConfig` from plain values (a YAML mapping merged with CLI flags).

    Unknown keys are an error that names them; ``None`` values are left at their defaults.
    """
    known = sorted(f.name for f in fields(BenchConfig))
    unknown = unknown_keys(values, known)
    if unknown:  # with a hint where a key is close to one (as a train config's are)
        raise unknown_keys_error(where, unknown, known)
    kwargs: dict[str, Any] = {}
    for key, value in values.items():
        if value is None:
            continue
        if key in _PATH_KEYS:
            value = Path(str(value)).expanduser()
        elif key == "systems":
            if not isinstance(value, (str, list, tuple)):
                raise ConfigError(f"{where}: systems must be a list or a comma-separated string")
            value = parse_systems(value)
        elif key == "model":
            value = str(value)
        elif key == "fusion_options":
            value = as_names(key, value)
        kwargs[key] = value
    try:
        return BenchConfig(**kwargs)
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"{where}: {exc}") from exc


def load_config(
    path: str | Path | None,
    overrides: Mapping[str, Any],
    *,
    data_dir: str | Path | None = None,
    check_paths: bool = False,
) -> BenchConfig:
    """The YAML file at ``path`` (if any) with ``overrides`` (``None`` values ignored) on top.

    Paths given in ``overrides`` (the command line) are taken as they are; the file's relative
    paths are read against ``data_dir`` (the argument, else the file's ``data_dir`` key).
    ``check_paths``: the file's data paths must exist (the error says how to point at the data).
    """
    from ltmt.config import read_yaml

    values: dict[str, Any] = {}
    where = "bench config"
    if path is not None:
        where = str(path)
        values = read_yaml(path)
        file_data_dir = values.pop("data_dir", None)
        if data_dir is None and file_data_dir is not None:
            data_dir = str(file_data_dir)
        if data_dir is not None:
            values = {k: _under(data_dir, v) if k in _DATA_KEYS else v for k, v in values.items()}
            values["data_dir"] = data_dir
    given = {k: v for k, v in overrides.items() if v is not None}
    if path is not None and check_paths:
        _check_data_paths(values, given, where, data_dir)
    values.update(given)
    return build_config(values, where=where)


def _check_data_paths(
    values: Mapping[str, Any], given: Mapping[str, Any], where: str, data_dir: str | Path | None
) -> None:
    """The config file's data paths (those the command line does not replace) exist; else
    say where they were looked for and how to point at the data."""
    for key in _DATA_KEYS:
        value = values.get(key)
        if key in given or value is None or Path(str(value)).exists():
            continue
        hint = "pass --data-dir DIR, the folder that holds the data"
        if data_dir is not None and not Path(data_dir).expanduser().is_absolute():
            hint = f"data_dir {data_dir} is read against the working directory {Path.cwd()}; {hint}"
        raise ConfigError(f"{where}: {key} not found: {value} ({hint})")


def _under(data_dir: str | Path, value: Any) -> Any:
    if value is None:
        return None
    path = Path(str(value)).expanduser()
    return path if path.is_absolute() else Path(data_dir).expanduser() / path
