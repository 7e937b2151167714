"""End to end: a PO and an XLIFF file translated by the tiny random Marian model.

The model's words are noise; what is checked is that every placeholder and tag of the source
reaches the file, and that the structure of the file is intact.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from ltmt.formats.documents import open_document
from ltmt.formats.pipeline import translate_file
from ltmt.formats.placeholders import extract_placeholders
from ltmt.formats.unit_translation import for_translator

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="module")
def translate_fn(tiny_model_dir: Path):  # type: ignore[no-untyped-def]
    from ltmt import Translator

    translator = Translator(model=tiny_model_dir, memory=None, beam=1)
    return for_translator(translator, None)


def _pairs(path: Path) -> list[tuple[str, str]]:
    """(source, target) of each translated unit; plural forms as two pairs."""
    if path.suffix == ".po":
        from translate.storage import pypo

        pairs = []
        for unit in pypo.pofile.parsefile(str(path)).units:
            if unit.isheader() or unit.isobsolete() or not unit.target:
                continue
            sources = [str(s) for s in getattr(unit.source, "strings", [unit.source])]
            targets = [str(t) for t in getattr(unit.target, "strings", [unit.target])]
            pairs.extend(zip(sources, targets, strict=False))
        return pairs
    from ltmt.formats.inline import to_text
    from ltmt.formats.xliff import iter_units, load_xliff

    tree, version = load_xliff(path)
    return [
        (to_text(u.source).text, to_text(u.target).text)
        for u in iter_units(tree, version)
        if u.target is not None
    ]


@pytest.mark.slow
@pytest.mark.parametrize("name", ["demo.po", "demo12.xlf", "demo20.xlf"])
def test_tiny_model_keeps_placeholders(tmp_path: Path, translate_fn, name: str) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / name
    result = translate_file(DATA / name, out, translate_fn)
    output = open_document(out)
    # a unit the model left empty, or whose placeholders could not be repaired, stays to do
    # (a fuzzy PO entry's translation, a suggestion, is not the model's to replace)
    to_do = [u for u in output.pending() if not u.suggestion]
    assert len(to_do) == result.report.units - result.translated
    inputs = [u for u in open_document(DATA / name).pending() if not u.suggestion]
    assert result.report.units == len(inputs)
    assert [u.source for u in output.units()] == [
        u.source for u in open_document(DATA / name).units()
    ]
    pairs = _pairs(out)
    assert pairs
    for source, target in pairs:
        assert Counter(extract_placeholders(target)) == Counter(extract_placeholders(source)), (
            source,
            target,
        )
