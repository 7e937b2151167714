"""The check every language option of the memory commands passes: a code is read as the BCP 47
tag files are labelled with (``en_US`` → ``en-US``, ``ger`` → ``de``), and one that is no
language code is a usage error. Written as typed, ``--tgt-lang ger`` labelled an exported TMX's
units ``xml:lang="ger"`` and an XLIFF file ``target-language="ger"``."""

from __future__ import annotations

import typer

from ltmt.errors import InputError


def given_language(value: str) -> str:
    """``value`` as a BCP 47 tag (:func:`~ltmt.formats.common.language_tag`); a code that is
    none is a usage error (exit 2)."""
    from ltmt.formats.common import language_tag

    try:
        return language_tag(value)
    except InputError as exc:
        raise typer.BadParameter(str(exc)) from exc
