"""What code made a result: the git commit of ltmt's checkout (and whether it had local
changes), the versions of the libraries that compute the numbers, the machine's CPU and when.

``ltmt_version`` alone stays the same across every commit of a release; a benchmark's
results.json or a trained layer that records the commit and the libraries can be told apart from
one of other code and reproduced. Both write :func:`run_provenance`.
"""

from __future__ import annotations

import datetime as _dt
import os
import platform
import subprocess
from importlib import metadata
from pathlib import Path
from typing import Any

# The libraries whose versions change a run's outputs or speed (``None``: not installed).
LIBRARIES = ("torch", "ctranslate2", "numpy", "transformers", "sacrebleu")
_GIT_SECONDS = 10  # a git that hangs (a lock, a network file system) must not stop the report


def run_provenance() -> dict[str, Any]:
    """``{ltmt_version, software, created, cpu}``: the code (:func:`software_summary`), the time
    (UTC, ISO 8601) and the CPU (:func:`ltmt.model.cpu.cpu_summary`) a result was made with."""
    from ltmt import __version__
    from ltmt.model.cpu import cpu_summary

    return {
        "ltmt_version": __version__,
        "software": software_summary(),
        "created": utc_now(),
        "cpu": cpu_summary(),
    }


def utc_now() -> str:
    """The time now in UTC to the second, ISO 8601: ``2025-01-31T12:00:00+00:00``."""
    return _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds")


def software_summary(package_dir: Path | None = None) -> dict[str, Any]:
    """``{git: {commit, dirty} | None, python, torch, ctranslate2, numpy, transformers,
    sacrebleu, cpu_count}``; ``package_dir``: ltmt's package folder (default: this one's)."""
    folder = package_dir if package_dir is not None else Path(__file__).resolve().parent
    return {
        "git": git_state(folder),
        "python": platform.python_version(),
        **{name: library_version(name) for name in LIBRARIES},
        "cpu_count": os.cpu_count(),
    }


def library_version(name: str) -> str | None:
    """The installed version of distribution ``name``, ``None`` where it is not installed."""
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return None


def git_state(folder: Path) -> dict[str, Any] | None:
    """``{"commit": SHA, "dirty": bool}`` of the git checkout ``folder`` lies in (``dirty``:
    tracked files under ``folder`` changed since the commit); ``None`` where it lies in none
    (an installed package) or git cannot answer."""
    commit = _git(folder, "rev-parse", "HEAD")
    if commit is None:
        return None
    changes = _git(folder, "status", "--porcelain", "--untracked-files=no", "--", ".")
    return {"commit": commit, "dirty": bool(changes) if changes is not None else None}


def _git(folder: Path, *args: str) -> str | None:
    try:
        done = subprocess.run(
            ["git", "-C", str(folder), *args],
            capture_output=True,
            text=True,
            timeout=_GIT_SECONDS,
            check=True,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout.strip()
