"""The one language code a TMX export labels every ``<tuv>`` of a side with.

CAT tools import a TMX file by its codes: one whose units mix ``de`` and ``de-DE`` imports in
part, or asks for a language mapping (regression trial s72). So each side carries one code
for every unit (:func:`export_code`): the one asked for (``--src-lang``, ``--tgt-lang``); else
the region the pairs declared where every pair that declared one declared the same (pairs read
from a ``de-DE`` XLIFF file beside pairs of no region, ``memory add``'s or a JSONL file's: all
``de-DE``); else the memory's language alone (``de`` for ``de-DE`` beside ``de-CH``). The units
are written with the memory's codes as they stream by, and relabelled after
(:func:`relabel`), once the codes the pairs declared are all known.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from pathlib import Path
from typing import Any

from ltmt.formats.common import lang_matches
from ltmt.formats.tmx_metadata import TMX_LANGUAGES

# the start of a <tuv> as ltmt writes it, its language first: no text can hold it (a "<" in a
# segment is written &lt;)
_TUV = re.compile(rb'<tuv xml:lang="[^"]*"')


def declared_region(metadata: Mapping[str, Any], side: str, written: str) -> str | None:
    """The code the pair of ``metadata`` declared for ``side`` (:data:`TMX_LANGUAGES`) where
    it is another form of the language ``written`` (``de-CH`` for ``de``); else None."""
    declared = metadata.get(TMX_LANGUAGES)
    code = declared.get(side) if isinstance(declared, Mapping) else None
    if isinstance(code, str) and code != written and lang_matches(code, written):
        return code
    return None


def export_code(declared: Collection[str], written: str, asked: bool) -> str:
    """The code of every ``<tuv>`` of a side whose pairs declared the regions ``declared``,
    written ``written`` (the memory's language, or the one ``asked`` for): ``written`` where
    asked for or where the pairs declared none or several; else the one they declared."""
    if asked or len(declared) != 1:
        return written
    return next(iter(declared))


def relabel(path: Path, written: tuple[str, str], codes: tuple[str, str]) -> None:
    """Label every source and target ``<tuv>`` of the TMX file ``path``, and its header's
    ``srclang``, written as ``written``, with ``codes`` (atomically, streamed line by line: a
    large export is not held in memory). Each ``<tu>`` holds a source then a target ``<tuv>``."""
    from ltmt.outputs import open_output

    tags = [f'<tuv xml:lang="{code}"'.encode() for code in codes]
    header = (f'srclang="{written[0]}"'.encode(), f'srclang="{codes[0]}"'.encode())
    side = 0

    def swap(_: re.Match[bytes]) -> bytes:
        nonlocal side
        tag, side = tags[side], 1 - side
        return tag

    with path.open("rb") as held, open_output(path, binary=True) as out:
        in_header = True
        for line in held:
            if in_header and header[0] in line:
                line, in_header = line.replace(*header, 1), False
            out.write(_TUV.sub(swap, line))
