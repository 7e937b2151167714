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


def _written(text: str) -> str:
    """``text`` loaded and written back, each flow mapping spaced as ``text`` spaces it."""
    import io

    from ltmt.formats.yaml_document import round_trip_yaml
    from ltmt.formats.yaml_written import spaced_mappings

    document = round_trip_yaml().load(text)
    out = io.StringIO()
    round_trip_yaml(spaced=spaced_mappings(document, text.split("\n"))).dump(document, out)
    return out.getvalue()


@pytest.mark.parametrize(
    "text",
    [
        "en:\n  g: { a: 1, b: { c: x, d: {} } }\n",  # an empty mapping stays closed
        # an empty one keeps the spaces written inside it: { } was written {  }
        "en:\n  a: { }\n  b: {}\n  c: {  }\n  f: [{}, { }]\n  g: &g { }\n  h: *g\n",
        # each mapping its own spacing: a file mixing both, nested ones too
        "en:\n  items: { one: a, other: b }\n  zero_items: {zero: c, one: d}\n",
        "en:\n  g: {a: 1, b: { c: x }}\n",
        "en:\n  m: &m { k: v }\n  n: *m\n  o: {k: v}\n",  # after an anchor
        # a brace in a quoted string is no mapping's
        'en:\n  search: "Type { and a name: { name } to search."\n  colors: {red: Red}\n',
    ],
)
def test_each_flow_mapping_keeps_its_own_spacing(text: str) -> None:
    """The spacing of one match (even inside a quoted string) was applied to the whole file."""
    assert _written(text) == text


def test_a_flow_mapping_is_spaced_in_the_translation_as_in_the_source(tmp_path: Path) -> None:
    source = tmp_path / "en.yml"
    source.write_text(
        'en:\n  hint: "Type { and a name: { name }"\n  colors: {red: Red}\n'
        "  items: { one: a file }\n",
        "utf-8",
    )
    out = tmp_path / "de.yml"
    translate_file(source, out, FakeModel(), tgt_lang="de")
    assert out.read_text("utf-8") == (
        'de:\n  hint: "TYPE { AND A NAME: { name }"\n  colors: {red: RED}\n'
        "  items: { one: A FILE }\n"
    )
