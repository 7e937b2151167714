"""The XLIFF 1.2 files that CAT tools write under extensions of their own (Trados's
``.sdlxliff``, memoQ's ``.mqxliff``, Phrase's ``.mxliff``, Wordfast's ``.txlf``): registered as
XLIFF (:mod:`ltmt.formats.registry`), so that a folder of them (a project package) is
translated, imported and checked as one file of them is, each output keeping its own extension.

Trados's and memoQ's own statuses and locks are read and written
(:mod:`ltmt.formats.cat_tool_statuses`); Phrase's and Wordfast's are not, their files are read
by their XLIFF states as any other. A memory is never exported under one of these names: an
export is plain XLIFF, no tool's own file (:func:`tool_export_problem`).
"""

from __future__ import annotations

from pathlib import Path

# each extension and the tool whose files have it
CAT_TOOL_XLIFF: dict[str, str] = {
    ".sdlxliff": "Trados Studio",
    ".mqxliff": "memoQ",
    ".mxliff": "Phrase (Memsource)",
    ".txlf": "Wordfast Pro",
}
# memoQ's XLIFF zipped (its bilingual export), a zip archive ltmt does not open
MEMOQ_ZIPPED = ".mqxlz"
MEMOQ_ZIPPED_HINT = (
    "an .mqxlz is memoQ's XLIFF zipped; unzip it and translate the .mqxliff file inside, as "
    "ltmt translates .mqxliff files"
)


def tool_export_problem(path: Path) -> str | None:
    """What is wrong with exporting a memory into ``path`` named as a CAT tool's own XLIFF file
    (``petra.sdlxliff``), with what to name it instead; None for any other name."""
    suffix = path.suffix.lower()
    tool = CAT_TOOL_XLIFF.get(suffix)
    if tool is None:
        return None
    return (
        f"{path}: {suffix} names {tool}'s own XLIFF file, which ltmt fills but does not export "
        f"a memory as; name the export .tmx (which {tool} imports into a memory) or .xlf"
    )
