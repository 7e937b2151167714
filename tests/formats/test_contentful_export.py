"""Contentful's JSON: only its entries' and assets' field values are text; its ``sys`` objects,
links, rich text structure and an asset's file are Contentful's, copied (trial s75)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from formats_fakes import FakeModel

from ltmt.errors import InputError
from ltmt.formats.contentful_export import is_contentful, text_places
from ltmt.formats.json_catalog import JsonCatalog
from ltmt.formats.pipeline import translate_file

LINK = {"sys": {"type": "Link", "linkType": "ContentType", "id": "landingPage"}}
EXPORT: dict[str, Any] = {
    "entries": [
        {
            "sys": {"id": "7hJ3pX2vQ9aBcDeFgHiJkL", "type": "Entry", "contentType": LINK},
            "fields": {
                "headline": {"en-US": "Spring sale"},
                "slug": {"en-US": "spring-sale"},
                "currency": {"en-US": "EUR"},
                "theme": {"en-US": "dark"},
                "tags": {"en-US": ["Launch"]},
                "author": {"en-US": {"sys": {"type": "Link", "linkType": "Entry", "id": "1kU"}}},
                "body": {
                    "en-US": {
                        "nodeType": "document",
                        "data": {},
                        "content": [
                            {
                                "nodeType": "paragraph",
                                "data": {},
                                "content": [
                                    {
                                        "nodeType": "text",
                                        "value": "Cancel at any time.",
                                        "marks": [{"type": "bold"}],
                                        "data": {},
                                    },
                                    {
                                        "nodeType": "hyperlink",
                                        "data": {"uri": "https://example.com/plans"},
                                        "content": [
                                            {
                                                "nodeType": "text",
                                                "value": "See plans",
                                                "marks": [],
                                                "data": {},
                                            }
                                        ],
                                    },
                                ],
                            }
                        ],
                    }
                },
            },
        }
    ],
    "assets": [
        {
            "sys": {"id": "6Gx1bq0wXmK4YwCU2iSeI8", "type": "Asset"},
            "fields": {
                "title": {"en-US": "Team at work"},
                "file": {
                    "en-US": {
                        "url": "//images.ctfassets.net/x7k2/team.jpg",
                        "fileName": "team.jpg",
                        "contentType": "image/jpeg",
                    }
                },
            },
        }
    ],
    "locales": [{"name": "English (United States)", "code": "en-US", "default": True}],
    "contentTypes": [{"sys": {"id": "landingPage"}, "name": "Landing page", "fields": []}],
}
BODY = ("entries", 0, "fields", "body", "en-US", "content", 0, "content")


def test_the_text_is_the_fields_values_less_contentfuls_own() -> None:
    assert sorted(text_places(EXPORT), key=str) == sorted(
        [
            ("entries", 0, "fields", "headline", "en-US"),
            ("entries", 0, "fields", "slug", "en-US"),  # no text, but as a JSON string's rules say
            ("entries", 0, "fields", "currency", "en-US"),
            ("entries", 0, "fields", "theme", "en-US"),
            ("entries", 0, "fields", "tags", "en-US", 0),
            (*BODY, 0, "value"),
            (*BODY, 1, "content", 0, "value"),
            ("assets", 0, "fields", "title", "en-US"),
        ],
        key=str,
    )


@pytest.mark.parametrize(
    ("data", "contentful"),
    [
        (EXPORT, True),
        (EXPORT["entries"][0], True),  # one entry, as the Management API gives it
        ({"sys": {"type": "Array"}, "items": EXPORT["assets"]}, True),  # a Delivery response
        ({"sys": {"type": "Array"}, "items": [], "includes": {"Asset": EXPORT["assets"]}}, True),
        ({"entries": [{"fields": {"title": "Hello"}}]}, False),  # no sys
        ({"sys": {"type": "Entry"}, "title": "Hello"}, False),  # no fields
        ({"entries": {"sys": {"type": "Entry"}, "fields": {}}}, False),  # deeper than a list
        ({"app": {"title": "Hello"}}, False),
    ],
)
def test_a_contentful_file_is_told_by_its_resources(data: Any, contentful: bool) -> None:
    assert is_contentful(data) is contentful


def test_a_contentful_export_sends_its_text_alone_to_the_model(tmp_path: Path) -> None:
    """Trial s75: ``"type": "Eintrag"``, ``"nodeType": "Absatz"``, ``"contentType":
    "Bild/jpeg"``, ``"currency": "Euro"``, the locale's name and the content type's."""
    source = tmp_path / "contentful-en.json"
    source.write_text(json.dumps(EXPORT, indent=2), "utf-8")
    out = tmp_path / "contentful-de.json"
    model = FakeModel()
    translate_file(source, out, model, tgt_lang="de")
    assert sorted(model.seen) == [
        "Cancel at any time.",
        "Launch",
        "See plans",
        "Spring sale",
        "Team at work",
    ]
    written = json.loads(out.read_text("utf-8"))
    expected = json.loads(json.dumps(EXPORT))
    fields = expected["entries"][0]["fields"]
    fields["headline"]["en-US"] = "SPRING SALE"
    fields["tags"]["en-US"] = ["LAUNCH"]
    paragraph = fields["body"]["en-US"]["content"][0]["content"]
    paragraph[0]["value"] = "CANCEL AT ANY TIME."
    paragraph[1]["content"][0]["value"] = "SEE PLANS"
    expected["assets"][0]["fields"]["title"]["en-US"] = "TEAM AT WORK"
    assert written == expected


def test_an_export_of_several_locales_is_refused_with_what_to_do(tmp_path: Path) -> None:
    """Trial s75: the approved ``de-DE`` was rewritten as English, ``en-US`` written in German,
    and ``memory import`` asked for a ``--source-file`` the file has no use for."""
    data = {
        "entries": [
            {
                "sys": {"id": "7hJ", "type": "Entry"},
                "fields": {"cta": {"en-US": "Start your free trial", "de-DE": "Jetzt testen"}},
            }
        ]
    }
    source = tmp_path / "cf-multi.json"
    source.write_text(json.dumps(data), "utf-8")
    message = (
        r"cf-multi.json: its fields hold several locales \(en-US, de-DE\), and ltmt reads a "
        r"Contentful file of one locale only \(translated in place, paired with --source-file\): "
        r"give it a file whose fields hold one locale's values"
    )
    model = FakeModel()
    with pytest.raises(InputError, match=message):
        translate_file(source, tmp_path / "out.json", model, tgt_lang="de")
    assert model.seen == []
    with pytest.raises(InputError, match=message):
        list(JsonCatalog.pairs(source, tgt_lang="de"))


def test_a_field_of_one_locale_or_an_object_of_its_own_is_no_refusal(tmp_path: Path) -> None:
    data = {
        "sys": {"id": "7hJ", "type": "Entry"},
        "fields": {"cta": {"en-US": "Start"}, "meta": {"label": "Go", "note": "Soon"}},
    }
    source = tmp_path / "entry.json"
    source.write_text(json.dumps(data), "utf-8")
    model = FakeModel()
    translate_file(source, tmp_path / "out.json", model, tgt_lang="de")
    assert sorted(model.seen) == ["Go", "Soon", "Start"]
