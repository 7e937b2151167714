"""A JSON message file's comments (:mod:`ltmt.formats.json_comments`): its leading comment
split off, its ``_comment`` keys' notes copied."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from formats_fakes import FakeModel

from ltmt.formats.json_catalog import JsonCatalog
from ltmt.formats.json_comments import is_comment_key, leading_comment
from ltmt.formats.pipeline import translate_file


@pytest.mark.parametrize(
    ("text", "comment", "rest"),
    [
        ("/* a\n b */\n{}", "/* a\n b */\n", "    \n     \n{}"),
        ("// one\n// two\n{}", "// one\n// two\n", "      \n      \n{}"),
        ("/* a */ {}", "/* a */ ", "        {}"),
        ('{"a": "/* no */"}', "", '{"a": "/* no */"}'),
        ("/* not closed\n{}", "", "/* not closed\n{}"),
    ],
)
def test_leading_comment(text: str, comment: str, rest: str) -> None:
    assert leading_comment(text) == (comment, rest)


@pytest.mark.parametrize(
    ("parts", "comment"),
    [
        (("_comment",), True),
        (("_comment_guide",), True),
        (("gui", "_comment_1"), True),
        (("_comments",), False),
        (("item.rubycraft._comment",), False),
        (("tags", 0), False),
        ((), False),
    ],
)
def test_is_comment_key(parts: tuple, comment: bool) -> None:
    assert is_comment_key(parts) is comment


MOD_LANG = {
    "_comment": "RubyCraft English translations. Keep %s placeholders and § codes!",
    "item.rubycraft.ruby": "Ruby",
    "_comment_guide": "Guide book pages below",
    "guide.rubycraft.intro": "Rubies are found deep underground.",
}


def _write_json(path: Path, data: dict[str, str]) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", "utf-8")
    return path


def test_a_comment_key_is_copied_for_the_translator_not_translated(tmp_path: Path) -> None:
    """A mod's "_comment" came out "RubyCraft English-Übersetzungen. Holen Sie %s Plätze und §
    Code!", counted as a segment."""
    source = _write_json(tmp_path / "en_us.json", MOD_LANG)
    out = tmp_path / "de_de.json"
    model = FakeModel()
    translate_file(source, out, model)
    assert model.seen == ["Ruby", "Rubies are found deep underground."]
    assert json.loads(out.read_text("utf-8")) == {
        **MOD_LANG,
        "item.rubycraft.ruby": "RUBY",
        "guide.rubycraft.intro": "RUBIES ARE FOUND DEEP UNDERGROUND.",
    }


def test_the_translators_own_comment_is_kept_and_makes_no_pair(tmp_path: Path) -> None:
    source = _write_json(tmp_path / "en_us.json", MOD_LANG)
    theirs = {
        "_comment": "Deutsche Übersetzung von Kätzchen42",
        "item.rubycraft.ruby": "Rubin",
        "_comment_guide": "Guide book pages below",
        "guide.rubycraft.intro": "Rubine findet man tief unter der Erde.",
    }
    out = _write_json(tmp_path / "de_de.json", theirs)
    model = FakeModel()
    translate_file(source, out, model)
    assert model.seen == []
    assert json.loads(out.read_text("utf-8")) == theirs
    records = JsonCatalog.pairs(out, source_file=source)
    assert [r.metadata["context"] for r in records] == [
        "/item.rubycraft.ruby",
        "/guide.rubycraft.intro",
    ]
