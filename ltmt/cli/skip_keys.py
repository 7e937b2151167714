"""``--skip-keys``, as ``ltmt translate`` and ``ltmt memory import`` take it: names of JSON or
YAML keys whose strings are identifiers, not text (:mod:`ltmt.formats.json_identifiers`). A
translation copies them; an import stores no pair of them."""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

from ltmt.errors import InputError

if TYPE_CHECKING:
    from ltmt.formats.registry import FileFormat

SKIP_KEYS_OPTION = typer.Option(
    None,
    "--skip-keys",
    help="JSON, YAML: names of keys whose strings are identifiers, not text, at any depth, "
    "separated by commas (id,next,speaker: a dialogue tree's node ids and speakers; * and ? "
    "make a pattern: '*Accelerator'): translate "
    "copies them (an existing output keeps its own), memory import stores no pair of them. "
    "Identifiers are so without it: intro_01, quest.main, every value of a key of such "
    "single words (next: intro_02, accept), and a word in capitals naming a record of the "
    'file (speaker: GUARD beside "GUARD": {...}).',
)


def parse_skip_keys_option(value: str | None) -> frozenset[str]:
    """The key names of ``--skip-keys`` (none without it); a bad list is a usage error."""
    if value is None:
        return frozenset()
    from ltmt.cli.main import click_errors
    from ltmt.formats.json_identifiers import parse_skip_keys

    try:
        return parse_skip_keys(value)
    except InputError as exc:
        raise click_errors.UsageError(f"--skip-keys: {exc}") from exc


def refuse_skip_keys(file: object, spec: FileFormat) -> None:
    """A usage error: ``--skip-keys`` given with ``file``, one file of ``spec``'s format, which
    has no keys to name (a folder's files of such formats are read without them)."""
    if spec.skips_keys:
        return
    from ltmt.cli.main import click_errors

    raise click_errors.UsageError(
        f"--skip-keys names keys of JSON and YAML files; {file} is neither "
        f"({spec.description}): leave --skip-keys out"
    )
