"""The ``ltmt`` entry point: registers the command groups and turns LtmtError into exit code 1."""

from __future__ import annotations

import logging
import sys

import typer

from ltmt.errors import LtmtError

app = typer.Typer(
    name="ltmt",
    help="Memory-augmented machine translation: MarianMT with a per-user translation memory.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _register() -> None:
    if app.registered_groups:  # run() was called before in this process (tests call it often)
        return
    from ltmt.cli import train

    app.add_typer(train.app, name="train")
    for module_name in ("translate", "memory", "evaluate", "bench"):
        try:
            module = __import__(f"ltmt.cli.{module_name}", fromlist=["register"])
        except ModuleNotFoundError as exc:
            if exc.name != f"ltmt.cli.{module_name}":
                raise
            continue
        module.register(app)


def run(argv: list[str] | None = None) -> None:
    """Console-script entry point: exit 0 on success, 1 with a one-line message on bad input."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    _register()
    try:
        app(args=argv, prog_name="ltmt")
    except LtmtError as exc:
        typer.echo(f"ltmt: error: {exc}", err=True)
        sys.exit(1)
    except KeyboardInterrupt:
        typer.echo("ltmt: interrupted", err=True)
        sys.exit(130)
