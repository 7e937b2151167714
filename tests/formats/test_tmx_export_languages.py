"""One language code per side for every unit of a TMX export."""

from __future__ import annotations

from pathlib import Path

import pytest

from ltmt.formats.tmx import write_tmx
from ltmt.formats.tmx_export_languages import declared_region, export_code
from ltmt.formats.tmx_metadata import TMX_LANGUAGES
from ltmt.segments import PairRecord


@pytest.mark.parametrize(
    ("declared", "asked", "code"),
    [
        (set(), False, "de"),  # none declared: the memory's language
        ({"de-DE"}, False, "de-DE"),  # one: every unit's
        ({"de-DE", "de-CH"}, False, "de"),  # several: the language alone
        ({"de-DE"}, True, "de"),  # the one asked for (--tgt-lang de)
    ],
)
def test_a_side_gets_the_code_asked_for_else_its_one_region_else_the_language(
    declared: set[str], asked: bool, code: str
) -> None:
    assert export_code(declared, "de", asked) == code


@pytest.mark.parametrize(
    ("declared", "region"),
    [
        ({"target": "de-CH"}, "de-CH"),
        ({"target": "de"}, None),  # no region: says nothing more
        ({"target": "fr-FR"}, None),  # another language: not this side's
        ({"source": "en-US"}, None),
        ("de-CH", None),  # not a mapping
    ],
)
def test_a_pairs_declared_region_of_a_side(declared: object, region: str | None) -> None:
    assert declared_region({TMX_LANGUAGES: declared}, "target", "de") == region


def test_relabelling_changes_the_tuvs_and_the_header_only(tmp_path: Path) -> None:
    """A segment whose text reads like a language attribute keeps it (a ``<`` in text is
    written ``&lt;``): only the ``<tuv>`` starts and the header's ``srclang`` are relabelled."""
    text = '<tuv xml:lang="de"> srclang="en" xml:lang="de"'
    records = [
        PairRecord(text, text, metadata={TMX_LANGUAGES: {"source": "en-US", "target": "de-DE"}}),
        PairRecord("Save", "Sichern"),
    ]
    path = tmp_path / "out.tmx"
    write_tmx(path, records, "en", "de")
    written = path.read_text("utf-8")
    assert written.count('<tuv xml:lang="en-US"') == 2
    assert written.count('<tuv xml:lang="de-DE"') == 2
    assert 'srclang="en-US"' in written and 'srclang="en"' not in written.split("<body>")[0]
    assert '&lt;tuv xml:lang="de"&gt;</it> srclang="en" xml:lang="de"</seg>' in written
