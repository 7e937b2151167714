"""HubSpot's module and theme ``fields.json``: a list at the top level, whose labels, help texts,
choice labels and text defaults are translated, and whose names, types, choice values and a
choice's default are HubSpot's, copied (trial s74)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from formats_fakes import FakeModel

from ltmt.errors import NotMessageFileError
from ltmt.formats.hubspot_fields import is_field_list, kept_places
from ltmt.formats.pipeline import translate_file

FIELDS = [
    {"name": "heading", "label": "Heading", "type": "text", "default": "Build better reports"},
    {
        "name": "style",
        "label": "Style",
        "type": "choice",
        "display": "select",
        "choices": [["light", "Light"], ["dark", "Dark"]],
        "default": "light",
    },
    {
        "name": "hero",
        "label": "Hero image",
        "type": "image",
        "help_text": "Shown at the top.",
        "default": {"src": "", "alt": "Team at work", "loading": "lazy"},
    },
    {
        "name": "cards",
        "label": "Cards",
        "type": "group",
        "tab": "CONTENT",
        "children": [
            {
                "name": "title",
                "label": "Card title",
                "type": "text",
                "placeholder": "Add a title",
                "inline_help_text": "Keep it short",
            },
            {"name": "icon", "label": "Icon", "type": "icon", "default": {"name": "star"}},
        ],
        "default": [{"title": "Fast setup", "icon": {"name": "bolt"}}],
    },
]


def test_the_strings_kept_are_hubspots_own() -> None:
    assert sorted(kept_places(FIELDS), key=str) == sorted(
        [
            (0, "name"),
            (0, "type"),
            (1, "name"),
            (1, "type"),
            (1, "display"),
            (1, "choices", 0, 0),
            (1, "choices", 1, 0),
            (1, "default"),
            (2, "name"),
            (2, "type"),
            (2, "default", "src"),
            (2, "default", "loading"),
            (3, "name"),
            (3, "type"),
            (3, "tab"),
            (3, "children", 0, "name"),
            (3, "children", 0, "type"),
            (3, "children", 1, "name"),
            (3, "children", 1, "type"),
            (3, "children", 1, "default", "name"),
            (3, "default", 0, "icon", "name"),
        ],
        key=str,
    )
    # ... at any depth (a module.json's "fields")
    assert kept_places({"fields": FIELDS[:1]}) == {("fields", 0, "name"), ("fields", 0, "type")}


@pytest.mark.parametrize(
    "value",
    [
        [],
        ["a", "b"],
        [{"name": "a", "label": "A"}],  # no type
        [{"name": "a", "label": "A", "type": "sentence"}],  # no type HubSpot has
        [{"name": "a", "type": "text"}],  # no label
        [FIELDS[0], {"title": "x"}],  # one item no field
    ],
)
def test_a_list_of_other_objects_is_no_list_of_fields(value: object) -> None:
    assert not is_field_list(value)
    assert kept_places({"items": value}) == frozenset()


def test_a_fields_json_is_translated_and_its_choice_values_kept(tmp_path: Path) -> None:
    """It was refused ("its top level is not an object"); wrapped in an object, its choice
    values and "default": "light" became "Licht", a choice the module does not have."""
    source, out = tmp_path / "fields.json", tmp_path / "fields.de.json"
    source.write_text(json.dumps(FIELDS, indent=2), "utf-8")
    translate_file(source, out, FakeModel(), tgt_lang="de")
    written = json.loads(out.read_text("utf-8"))
    assert written[0] == {**FIELDS[0], "label": "HEADING", "default": "BUILD BETTER REPORTS"}
    assert written[1] == {
        **FIELDS[1],
        "label": "STYLE",
        "choices": [["light", "LIGHT"], ["dark", "DARK"]],
    }
    assert written[2] == {
        **FIELDS[2],
        "label": "HERO IMAGE",
        "help_text": "SHOWN AT THE TOP.",
        "default": {"src": "", "alt": "TEAM AT WORK", "loading": "lazy"},
    }
    title, icon = written[3]["children"]
    assert (title["label"], title["placeholder"], title["inline_help_text"]) == (
        "CARD TITLE",
        "ADD A TITLE",
        "KEEP IT SHORT",
    )
    assert (title["name"], icon["default"], written[3]["tab"]) == (
        "title",
        {"name": "star"},
        "CONTENT",
    )
    assert written[3]["default"] == [{"title": "FAST SETUP", "icon": {"name": "bolt"}}]


def test_a_rerun_keeps_a_reviewed_label_and_translates_a_new_choice(tmp_path: Path) -> None:
    source, out = tmp_path / "fields.json", tmp_path / "fields.de.json"
    source.write_text(json.dumps(FIELDS[:2], indent=2), "utf-8")
    translate_file(source, out, FakeModel(), tgt_lang="de")
    out.write_text(out.read_text("utf-8").replace('"STYLE"', '"Darstellung"'), "utf-8")
    added = [FIELDS[0], {**FIELDS[1], "choices": [*FIELDS[1]["choices"], ["auto", "Automatic"]]}]
    source.write_text(json.dumps(added, indent=2), "utf-8")
    translate_file(source, out, FakeModel(), tgt_lang="de")
    style = json.loads(out.read_text("utf-8"))[1]
    assert (style["label"], style["default"]) == ("Darstellung", "light")
    assert style["choices"] == [["light", "LIGHT"], ["dark", "DARK"], ["auto", "AUTOMATIC"]]


def test_a_list_of_other_things_at_the_top_level_is_still_refused(tmp_path: Path) -> None:
    """A list of strings, or of objects and strings; a list of records alone is translated
    as the records of an object are (tests/formats/test_json_catalog.py)."""
    source = tmp_path / "items.json"
    source.write_text('[{"name": "a", "label": "A", "type": "sentence"}, "b"]', "utf-8")
    with pytest.raises(
        NotMessageFileError, match="its top level is not an object, nor a list of objects"
    ):
        translate_file(source, tmp_path / "out.json", FakeModel(), tgt_lang="de")
