from __future__ import annotations

from pathlib import Path

import pytest
from formats_fakes import FakeModel

from ltmt.formats.pipeline import translate_file


def test_the_document_start_nulls_and_spaced_braces_are_written_as_the_source_has_them(
    tmp_path: Path,
) -> None:
    source = tmp_path / "en.yml"
    source.write_text(
        "---\n"
        "en:\n"
        "  month_names: [~, January]\n"
        "  abbr:\n"
        "    - ~\n"
        "    - Jan\n"
        "  count: { zero: 'No files', one: '1 file', other: '%{count} files' }\n"
        "  nothing:\n"
        "  also_nothing: null\n",
        "utf-8",
    )
    out = tmp_path / "de.yml"
    translate_file(source, out, FakeModel(), tgt_lang="de")
    assert out.read_text("utf-8") == (
        "---\n"
        "de:\n"
        "  month_names: [~, JANUARY]\n"
        "  abbr:\n"
        "    - ~\n"
        "    - JAN\n"
        "  count: { zero: 'NO FILES', one: '1 FILE', other: '%{count} FILES' }\n"
        "  nothing:\n"
        "  also_nothing: null\n"
    )


@pytest.mark.parametrize("start", ["", "# header\n"])
def test_a_file_without_a_document_start_gets_none(tmp_path: Path, start: str) -> None:
    source = tmp_path / "en.yml"
    source.write_text(f"{start}en:\n  count: {{one: a file, other: files}}\n", "utf-8")
    out = tmp_path / "de.yml"
    translate_file(source, out, FakeModel(), tgt_lang="de")
    assert out.read_text("utf-8") == f"{start}de:\n  count: {{one: A FILE, other: FILES}}\n"


def test_spaced_braces_leave_an_empty_mapping_closed() -> None:
    import io

    from ltmt.formats.yaml_catalog import Layout, _yaml

    yaml = _yaml(Layout(spaced_braces=True))
    out = io.StringIO()
    yaml.dump(yaml.load("en:\n  g: {a: 1, b: {c: x, d: {}}}\n"), out)
    assert out.getvalue() == "en:\n  g: { a: 1, b: { c: x, d: {} } }\n"
