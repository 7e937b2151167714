"""How the command help is rendered: every ``typer.Typer`` of the CLI uses this mode.

Markdown, because typer's "rich" mode keeps every line break of a docstring, so a help text
wrapped in the source came out broken in the middle of its lines; Markdown joins a
paragraph's lines and rewraps them to the terminal.
"""

from __future__ import annotations

from typing import Final, Literal

HELP_MARKUP: Final[Literal["markdown"]] = "markdown"
