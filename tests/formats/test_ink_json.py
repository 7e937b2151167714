"""Compiled ink stories (what inklecate writes): only ``^`` strings are text, translated
without their ``^`` and written back with it; commands, variables, paths and tags are copied
byte for byte, and memory import and qa read the same pairs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from formats_fakes import FakeModel

from ltmt.formats import ink_json
from ltmt.formats.json_catalog import JsonCatalog
from ltmt.formats.pairs import read_translations
from ltmt.formats.pipeline import translate_file

# inklecate's shape (inkVersion 21: ink 1.1, tags as "#", "^text", "/#"), on one line
STORY = (
    '{"inkVersion":21,"root":[["^Old Tom looks up from his nets.","\\n",'
    '"#","^speaker: tom","/#","^ ","<>","^^ up there","\\n",'
    '["ev","str","^Ask about the boat","/str","/ev",{"*":"0.c-0","flg":20},'
    '{"c-0":["\\n","^Take the boat, Mira.",{"#":"mood: calm"},"\\n","end",{"#f":5}]}],'
    '"done",{"#f":5,"#n":"g-0"}],"done",{"global decl":["ev",0,{"VAR=":"gold"},"/ev",'
    '"end",null]}],"listDefs":{}}'
)
TEXTS = [
    "Old Tom looks up from his nets.",
    "^ up there",
    "Ask about the boat",
    "Take the boat, Mira.",
]


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ({"inkVersion": 21, "root": []}, True),
        ({"inkVersion": "21", "root": []}, False),
        ({"inkVersion": True, "root": []}, False),
        ({"inkVersion": 21}, False),
        ({"root": ["^Hello"]}, False),  # an i18next file may have a "root" key
    ],
)
def test_is_story(data: dict, expected: bool) -> None:
    assert ink_json.is_story(data) is expected


def test_only_text_is_translated_and_every_command_copied(tmp_path: Path) -> None:
    source, out = tmp_path / "harbor.ink.json", tmp_path / "harbor.de.ink.json"
    source.write_text(STORY, encoding="utf-8")
    model = FakeModel()
    translate_file(source, out, model, tgt_lang="de")
    assert sorted(model.seen) == sorted(TEXTS)  # no ^, no command, variable or tag
    expected = STORY
    for text in TEXTS:
        expected = expected.replace(json.dumps("^" + text), json.dumps("^" + text.upper()))
    assert out.read_text(encoding="utf-8") == expected


def test_memory_import_and_qa_read_the_texts_alone(tmp_path: Path) -> None:
    source, out = tmp_path / "harbor.ink.json", tmp_path / "harbor.de.ink.json"
    source.write_text(STORY, encoding="utf-8")
    translate_file(source, out, FakeModel(), tgt_lang="de")
    pairs = [(r.source, r.target) for r in JsonCatalog.pairs(out, source_file=source)]
    assert pairs == [(text, text.upper()) for text in TEXTS]
    checked = read_translations(out, source_file=source, purpose="checked")
    assert [(r.source, r.target) for r in checked] == pairs
