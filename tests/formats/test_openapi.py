"""OpenAPI documents, YAML and JSON: only their prose is translated, the API's machinery
copied."""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

import pytest
from formats_fakes import FakeModel

from ltmt.formats import openapi
from ltmt.formats.json_catalog import JsonCatalog
from ltmt.formats.pipeline import translate_file
from ltmt.formats.yaml_catalog import YamlCatalog

_YAML = """\
openapi: 3.1.0
info:
  title: Parcelly API
  version: 2.4.0
  description: Create shipments and track parcels.
tags:
  - name: shipments
    description: Create and cancel shipments.
paths:
  /shipments/{shipmentId}:
    get:
      operationId: getShipment
      tags: [shipments]
      summary: Get a shipment
      parameters:
        - name: shipmentId
          in: path
          required: true
          schema:
            type: string
            enum: [label, in transit]
            default: none
      x-codeSamples:
        - lang: curl
          source: curl https://api.parcelly.io/v2/shipments
components:
  schemas:
    Shipment:
      title: Shipment
      required: [description, format]
      properties:
        description:
          type: string
          description: A note for the driver.
          example: Leave the parcel at the back door.
        default:
          type: boolean
          description: Whether this is the default address.
      examples:
        - description: Ring the bell twice.
"""
# the prose of _YAML, in its order
_PROSE = [
    "Parcelly API",
    "Create shipments and track parcels.",
    "Create and cancel shipments.",
    "Get a shipment",
    "Shipment",
    "A note for the driver.",
    "Whether this is the default address.",
]


@pytest.mark.parametrize(
    ("document", "kind"),
    [
        ({"openapi": "3.1.0", "info": {}}, "an OpenAPI 3.1 document"),
        ({"openapi": "3.0.3"}, "an OpenAPI 3.0 document"),
        ({"swagger": "2.0"}, "a Swagger 2.0 document"),
        ({"openapi": "4"}, None),  # no version ltmt knows
        ({"info": {"title": "Parcelly"}}, None),
        (["openapi", "3.1.0"], None),
    ],
)
def test_an_openapi_document_is_told_by_its_top_level_version(document: Any, kind: str) -> None:
    assert openapi.kind(document) == kind


def test_only_prose_outside_examples_enums_and_code_samples_is_text() -> None:
    document = {
        "openapi": "3.1.0",
        "info": {"title": "Parcelly", "x-logo": {"altText": "Logo"}},
        "tags": [{"name": "shipments", "x-displayName": "Shipments"}],
        "properties": {
            "title": {"type": "string", "title": "Title"},
            "example": {"description": "An example's text"},
        },
        "example": {"description": "copied"},
        "x-code-samples": [{"lang": "curl", "source": "curl", "summary": "copied"}],
    }
    assert openapi.text_places(document) == {
        ("info", "title"),
        ("tags", 0, "x-displayName"),
        ("properties", "title", "title"),
        ("properties", "example", "description"),
    }


def _translated(tmp_path: Path, name: str, text: str) -> tuple[Path, Path, FakeModel]:
    source = tmp_path / name
    source.write_text(text, "utf-8")
    out = tmp_path / "de" / name
    out.parent.mkdir()
    model = FakeModel()
    translate_file(source, out, model, tgt_lang="de")
    return source, out, model


def test_a_yaml_openapi_document_has_its_prose_translated_and_the_rest_copied(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """``in: path`` became ``in: Pfad``, ``shipmentId`` a German word, ``tags: [shipments]``
    ``[Schiffe]``, enum values and ``lang: curl`` were translated: the API broke."""
    with caplog.at_level(logging.WARNING):
        source, out, model = _translated(tmp_path, "openapi.yaml", _YAML)
    assert model.seen == _PROSE
    expected = _YAML
    for text in _PROSE:
        expected = expected.replace(f": {text}\n", f": {text.upper()}\n")
    assert out.read_text("utf-8") == expected
    said = [m for m in caplog.messages if "OpenAPI" in m]
    assert said == [
        f"{source}: an OpenAPI 3.1 document: only its title, summary and description texts "
        "are translated"
    ]
    records = list(YamlCatalog.pairs(out, source_file=source))
    assert [r.source for r in records] == _PROSE


def test_a_json_openapi_document_has_its_prose_translated_and_the_rest_copied(
    tmp_path: Path,
) -> None:
    from ruamel.yaml import YAML

    data = json.loads(json.dumps(YAML(typ="safe").load(_YAML)))
    source, out, model = _translated(tmp_path, "openapi.json", json.dumps(data, indent=2))
    assert model.seen == _PROSE
    expected = json.dumps(data, indent=2)
    for text in _PROSE:
        expected = expected.replace(f': "{text}"', f': "{text.upper()}"')
    assert out.read_text("utf-8") == expected
    records = list(JsonCatalog.pairs(out, source_file=source))
    assert [(r.source, r.target) for r in records] == [(t, t.upper()) for t in _PROSE]


_MARKDOWN_YAML = """\
openapi: 3.1.0
info:
  title: Tracking
  description: |
    ## Authentication

    | Header | Value |
    |--------|-------|
    | `Authorization` | `Bearer <key>` |

    ```bash
    curl https://api.parcelly.io/v2/shipments
    ```
paths: {}
"""


@pytest.mark.parametrize("suffix", [".yaml", ".json"])
def test_a_description_is_read_as_markdown_its_marks_bars_and_code_kept(
    tmp_path: Path, suffix: str
) -> None:
    """The model got ``## Authentication`` and wrote ``##-Authentifizierung``, and
    ``|-Header | Wert |`` for a table's row."""
    from ruamel.yaml import YAML

    text = _MARKDOWN_YAML
    if suffix == ".json":
        text = json.dumps(YAML(typ="safe").load(_MARKDOWN_YAML), indent=2)
    source, out, model = _translated(tmp_path, f"openapi{suffix}", text)
    assert model.seen == ["Tracking", "Authentication", "Header", "Value"]
    expected = text.replace("Tracking", "TRACKING").replace(
        "## Authentication", "## AUTHENTICATION"
    )
    assert out.read_text("utf-8") == expected.replace("| Header | Value |", "| HEADER | VALUE |")
    catalog = YamlCatalog if suffix == ".yaml" else JsonCatalog
    records = list(catalog.pairs(out, source_file=source))
    assert [(r.source, r.target) for r in records] == [
        ("Tracking", "TRACKING"),
        ("Authentication", "AUTHENTICATION"),
        ("Header", "HEADER"),
        ("Value", "VALUE"),
    ]
