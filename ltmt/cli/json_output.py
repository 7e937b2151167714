"""JSON on standard output as the CLI's ``--json`` options print it: indented, not ASCII-escaped."""

from __future__ import annotations

import json
from typing import Any

import typer


def echo_json(data: Any) -> None:
    """Print ``data`` as indented JSON, its text as written (``ü``, not ``\\u00fc``)."""
    typer.echo(json.dumps(data, ensure_ascii=False, indent=2))
