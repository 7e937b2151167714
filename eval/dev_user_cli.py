"""What the dev-user evaluation scripts share: their common options and their JSON report.

``eval/compare_combiners.py`` and ``eval/misleading_memory.py`` both translate the dev users'
test segments with the shipped model and write one JSON report; this module is their one
argument parser and their one report writer.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from support import DEFAULT_MODEL, DEV_USERS_DIR, REPO, emit_report

__all__ = ["REPO", "dev_user_parser", "write_report"]


def dev_user_parser(
    doc: str, *, limit: int, limit_help: str, output: str
) -> argparse.ArgumentParser:
    """A parser with ``--model``, ``--users-dir``, ``--limit``, ``--beam``, ``--threads`` and
    ``--output`` (the script adds its own options); ``doc``'s first line describes it."""
    parser = argparse.ArgumentParser(description=doc.split("\n")[0])
    parser.add_argument("--model", default=str(DEFAULT_MODEL))
    parser.add_argument("--users-dir", default=str(DEV_USERS_DIR))
    parser.add_argument("--limit", type=int, default=limit, help=limit_help)
    parser.add_argument("--beam", type=int, default=4)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--output", default=output)
    return parser


def write_report(output: str | Path, report: dict[str, Any], shown: Any) -> None:
    """Write ``report`` as JSON to ``output`` (folders created) and print ``shown``."""
    emit_report(report, Path(output), shown=shown, ensure_ascii=False)
