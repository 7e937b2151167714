"""A static site's configuration: only the text its pages show is translated, the rest copied."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from formats_fakes import FakeModel

from ltmt.formats.pipeline import translate_file
from ltmt.formats.site_config import is_site_config
from ltmt.formats.yaml_catalog import YamlCatalog

JEKYLL = """\
title: Acme CLI Documentation
description: >-
  Guides and reference for the Acme command line tool.
tagline: Build faster
baseurl: "/acme"
url: "https://acme.github.io"
markdown: kramdown
theme: minima
plugins:
  - jekyll-feed
"""

HUGO = """\
baseURL: https://example.org/
languageCode: en-us
title: My Site
theme: ananke
params:
  description: A blog about builds
  favicon: images/favicon.ico
"""


@pytest.mark.parametrize(
    ("name", "document", "expected"),
    [
        ("_config.yml", {"theme": "minima"}, True),
        ("hugo.yaml", {"title": "x"}, True),
        ("config.yaml", {"baseURL": "https://example.org/"}, True),
        ("config.yaml", {"title": "x"}, False),  # another program's configuration
        ("en.yml", {"title": "x"}, False),
    ],
)
def test_a_site_configuration_is_known_by_its_name(
    name: str, document: dict, expected: bool
) -> None:
    assert is_site_config(Path("site") / name, document) is expected


def test_a_jekyll_config_translates_only_its_shown_text(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    source = tmp_path / "_config.yml"
    source.write_text(JEKYLL, "utf-8")
    out = tmp_path / "de" / "_config.yml"
    out.parent.mkdir()
    model = FakeModel()
    with caplog.at_level(logging.WARNING):
        translate_file(source, out, model, tgt_lang="de")
    assert model.seen == [
        "Acme CLI Documentation",
        "Guides and reference for the Acme command line tool.",
        "Build faster",
    ]
    assert out.read_text("utf-8") == (
        JEKYLL.replace("Acme CLI Documentation", "ACME CLI DOCUMENTATION")
        .replace("Guides and reference for the Acme", "GUIDES AND REFERENCE FOR THE ACME")
        .replace("command line tool.", "COMMAND LINE TOOL.")
        .replace("Build faster", "BUILD FASTER")
    )  # theme, plugins, URLs as written
    assert (
        f"{source}: read as a static site's configuration: only the text its pages show "
        "(title, description, tagline ...) translated; theme, plugins, URLs and other "
        "settings copied"
    ) in caplog.text


def test_a_hugo_config_translates_its_title_and_params_description(tmp_path: Path) -> None:
    source = tmp_path / "config.yaml"
    source.write_text(HUGO, "utf-8")
    out = tmp_path / "config.de.yaml"
    translate_file(source, out, FakeModel(), tgt_lang="de")
    assert out.read_text("utf-8") == HUGO.replace("My Site", "MY SITE").replace(
        "A blog about builds", "A BLOG ABOUT BUILDS"
    )


NAVIGATION = """\
# Site navigation
- title: Getting started
  url: /docs/start/
- title: Configuration
  url: /docs/config/
  name: config
- title: Release notes
  url: /blog/
  children:
  - title: All releases
    url: /blog/archive/
"""


def test_a_data_list_translates_its_entries_text_and_childrens(tmp_path: Path) -> None:
    source = tmp_path / "navigation.yml"
    source.write_text(NAVIGATION, "utf-8")
    out = tmp_path / "de" / "navigation.yml"
    out.parent.mkdir()
    model = FakeModel()
    translate_file(source, out, model, tgt_lang="de")
    assert model.seen == ["Getting started", "Configuration", "Release notes", "All releases"]
    assert out.read_text("utf-8") == (
        NAVIGATION.replace("Getting started", "GETTING STARTED")
        .replace("title: Configuration", "title: CONFIGURATION")
        .replace("Release notes", "RELEASE NOTES")
        .replace("All releases", "ALL RELEASES")
    )  # URLs, names and the comment as written


FAQ = """\
- question: How do I reset my password?
  answer: Open the settings page and click Reset.
  url: /faq/reset/
- question: Can I export my data?
  answer: Yes, use the Export button.
  contact: help@example.com
  image: img/export.png
"""


def test_a_data_list_translates_every_value_but_identifiers_and_addresses(
    tmp_path: Path,
) -> None:
    """A list of question/answer entries came out an English copy, silently: only title,
    label, text ... were text. Now every string value is, except at identifier keys (url,
    image ...) and a value that is a URL, a path or an email address."""
    source = tmp_path / "faq.yml"
    source.write_text(FAQ, "utf-8")
    out = tmp_path / "de" / "faq.yml"
    out.parent.mkdir()
    model = FakeModel()
    translate_file(source, out, model, tgt_lang="de")
    assert model.seen == [
        "How do I reset my password?",
        "Open the settings page and click Reset.",
        "Can I export my data?",
        "Yes, use the Export button.",
    ]
    assert "/faq/reset/" in out.read_text("utf-8")


def test_memory_import_pairs_a_data_lists_text(tmp_path: Path) -> None:
    source = tmp_path / "navigation.yml"
    source.write_text(NAVIGATION, "utf-8")
    german = NAVIGATION.replace("Getting started", "Erste Schritte").replace(
        "All releases", "Alle Versionen"
    )
    target = tmp_path / "navigation.de.yml"
    target.write_text(german, "utf-8")
    pairs = [(r.source, r.target) for r in YamlCatalog.pairs(target, source_file=source)]
    assert ("Getting started", "Erste Schritte") in pairs
    assert ("All releases", "Alle Versionen") in pairs
    assert not any("/docs" in source for source, _ in pairs)  # no URL a pair of itself
