"""CAT tools' own XLIFF extensions: a memory export is refused under one, with what to name it."""

from __future__ import annotations

from pathlib import Path

import pytest

from ltmt.formats.cat_tool_files import CAT_TOOL_XLIFF, tool_export_problem


@pytest.mark.parametrize(
    ("name", "tool"),
    [
        ("petra.sdlxliff", "Trados Studio"),
        ("petra.MQXLIFF", "memoQ"),
        ("petra.mxliff", "Phrase (Memsource)"),
        ("petra.txlf", "Wordfast Pro"),
    ],
)
def test_an_export_named_as_a_tools_own_file_is_told_to_be_tmx_or_xlf(name: str, tool: str) -> None:
    problem = tool_export_problem(Path(name))
    suffix = Path(name).suffix.lower()
    assert problem == (
        f"{name}: {suffix} names {tool}'s own XLIFF file, which ltmt fills but does not export a "
        f"memory as; name the export .tmx (which {tool} imports into a memory) or .xlf"
    )


@pytest.mark.parametrize("name", ["petra.xlf", "petra.xliff", "petra.tmx", "petra", "a.mqxlz"])
def test_any_other_export_name_is_no_tools_file(name: str) -> None:
    assert tool_export_problem(Path(name)) is None


def test_the_tools_extensions_are_lower_case_and_none_is_plain_xliffs() -> None:
    assert all(ext == ext.lower() and ext.startswith(".") for ext in CAT_TOOL_XLIFF)
    assert not {".xliff", ".xlf", ".xlif"} & set(CAT_TOOL_XLIFF)
