"""FormatJS compiled AST (``formatjs compile --ast``) is refused, not translated as text."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from formats_fakes import FakeModel

from ltmt.formats.formatjs_ast import CompiledAstError, is_compiled_ast
from ltmt.formats.json_catalog import JsonCatalog
from ltmt.formats.pipeline import translate_file

AST = {
    "app.greeting": [
        {"type": 0, "value": "Hello, "},
        {"type": 1, "value": "name"},
        {"type": 0, "value": "!"},
    ],
    "files.count": [
        {
            "type": 6,
            "value": "count",
            "options": {"one": {"value": [{"type": 7}, {"type": 0, "value": " file"}]}},
            "offset": 0,
            "pluralType": "cardinal",
        }
    ],
}


@pytest.mark.parametrize(
    ("data", "compiled"),
    [
        (AST, True),
        ({"app.greeting": "Hello, {name}!"}, False),  # formatjs compile without --ast
        ({"tags": [{"type": "new", "value": "New"}]}, False),  # a string type: text
        ({"flags": [{"type": True, "value": "x"}]}, False),
        ({"title": "Tasks", "steps": [{"type": 1, "value": "Open"}]}, False),
        ({}, False),
    ],
)
def test_compiled_ast_is_recognised(data: dict, compiled: bool) -> None:
    assert is_compiled_ast(data) is compiled


def test_compiled_ast_is_refused_to_translate_and_to_import(tmp_path: Path) -> None:
    """Translated, its argument names came out as ``{"type": 1, "value": "Name"}`` and
    ``"pluralType": "Kardinal"``; imported, the memory stored ``count → Anzahl``."""
    source = tmp_path / "en.compiled.json"
    source.write_text(json.dumps(AST), "utf-8")
    german = tmp_path / "de.compiled.json"
    german.write_text(json.dumps(AST).replace("Hello", "Hallo"), "utf-8")
    said = re.escape(
        f"{source} is compiled FormatJS AST; translate the extracted messages (formatjs "
        "extract) and compile them again"
    )
    model = FakeModel()
    with pytest.raises(CompiledAstError, match=said):
        translate_file(source, tmp_path / "de.json", model, tgt_lang="de")
    assert model.seen == [] and not (tmp_path / "de.json").exists()
    with pytest.raises(CompiledAstError, match=said):
        list(JsonCatalog.pairs(german, source_file=source))


def test_compiled_messages_without_ast_are_plain_json(tmp_path: Path) -> None:
    source = tmp_path / "en.compiled.json"
    source.write_text('{"app.greeting": "Hello, {name}!"}', "utf-8")
    out = tmp_path / "de.json"
    translate_file(source, out, FakeModel(), tgt_lang="de")
    assert json.loads(out.read_text("utf-8")) == {"app.greeting": "HELLO, {name}!"}
