"""``ltmt formats``: the file formats ltmt reads and writes, from the one registry
(:mod:`ltmt.formats.registry`) that ``translate`` and ``memory import``/``export`` ask."""

from __future__ import annotations

import json
from typing import Any

import typer


def formats(
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object a format, a list."),
) -> None:
    """List the file formats: their extensions, and whether `translate` fills them, `memory
    import` reads them (those holding one language with --source-file) and `memory export`
    writes them. A format whose files are folders (an Xcode .xcloc bundle) is listed last."""
    from ltmt.formats.registry import BUNDLES, FORMATS

    rows: list[dict[str, Any]] = [
        {
            "name": spec.name,
            "description": spec.description,
            "extensions": list(spec.extensions),
            "translate": "document" in spec.roles(),
            "import": "read" in spec.roles(),
            "import_needs_source_file": "read" in spec.roles() and spec.one_language,
            "export": "write" in spec.roles(),
            "folder": False,
        }
        for spec in FORMATS.values()
    ]
    rows += [
        {
            "name": bundle.name,
            "description": bundle.description,
            "extensions": list(bundle.extensions),
            "translate": bundle.translate,
            "import": bundle.read,
            "import_needs_source_file": False,
            "export": bundle.write,
            "folder": True,
        }
        for bundle in BUNDLES.values()
    ]
    if as_json:
        typer.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    width = max(len(row["name"]) for row in rows)
    typer.echo(f"{'format':<{width}}  translate  import  export  extensions — what")
    for row in rows:
        imported = ("yes*" if row["import_needs_source_file"] else "yes") if row["import"] else "-"
        typer.echo(
            f"{row['name']:<{width}}  {'yes' if row['translate'] else '-':<9}  {imported:<6}  "
            f"{'yes' if row['export'] else '-':<6}  {_named_by(row['extensions'])} — "
            f"{row['description']}"
        )
    typer.echo("(* with --source-file, the source-language file the translation was made of)")


def _named_by(extensions: list[str]) -> str:
    """A format's extensions, or that only --format names it (``paragraphs``)."""
    return " ".join(extensions) if extensions else "(--format only)"


def register(app: typer.Typer) -> None:
    app.command("formats")(formats)
