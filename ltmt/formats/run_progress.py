"""A run's progress file beside its output (``OUTPUT.ltmt-progress``): the units done, each
with a digest of its source, and the run's settings, written at each checkpoint and read when
the same command is run again after an interruption."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ltmt.errors import InputError
from ltmt.formats.common import atomic_write
from ltmt.formats.documents import Document


def _digest(text: str) -> str:
    """A short digest of a unit's source (16 hex digits), to tell the input of an interrupted
    run from an input changed since; kept beside the output, as the input is."""
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=8).hexdigest()


def progress_path(out_path: Path) -> Path:
    """The progress file kept beside ``out_path`` while a run is unfinished."""
    return Path(out_path).with_name(Path(out_path).name + ".ltmt-progress")


def save_progress(
    document: Document, out_path: Path, done: set[str], settings: Mapping[str, Any] | None
) -> None:
    """The progress file of a checkpoint (the output as filled so far written first) naming the
    units done, each with a digest of its source (so that a run resumed on an input changed
    since is not taken for its continuation: :func:`changed_since`), and the run's
    ``settings``."""
    digests = {u.key: _digest(u.source) for u in document.units() if u.key in done}
    progress = {"done": sorted(done), "sources": digests, "settings": dict(settings or {})}
    atomic_write(progress_path(out_path), json.dumps(progress).encode())


def other_settings(before: Mapping[str, Any] | None, now: Mapping[str, Any] | None) -> str:
    """The settings that differ between an interrupted run (``before``; None: it kept none)
    and this one, said ``beam 4, now 1``; empty where none does."""
    if before is None or now is None:
        return ""
    now = json.loads(json.dumps(dict(now)))  # as the progress file has them
    return ", ".join(
        f"{name} {before.get(name)}, now {now.get(name)}"
        for name in sorted(set(before) | set(now))
        if before.get(name) != now.get(name)
    )


def changed_since(document: Document, saved: Mapping[str, str | None]) -> int:
    """How many of the units done by an interrupted run (``saved``: their keys and source
    digests, None where the progress file has none) are not this ``document``'s units with
    the same sources now: lines added, removed or edited in the input since."""
    now = {u.key: _digest(u.source) for u in document.units()}
    return sum(held is not None and now.get(key) != held for key, held in saved.items())


def read_progress(marker: Path) -> tuple[dict[str, str | None], dict[str, Any] | None]:
    """The keys of the units done, each with its source's digest (None in a progress file of
    an ltmt that wrote none), and the run's settings (None where it kept none)."""
    try:
        data = json.loads(marker.read_text("utf-8"))
        digests = data.get("sources", {})
        settings = data.get("settings")
        done = {str(key): digests.get(str(key)) for key in data["done"]}
        return done, dict(settings) if isinstance(settings, dict) else None
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise InputError(f"{marker}: unreadable progress file; delete it to start over") from exc
