"""Drupal's YAML: only the values at its text keys are translated, machine names copied."""

from __future__ import annotations

from pathlib import Path

import pytest
from formats_fakes import FakeModel

from ltmt.formats.drupal_config import is_drupal, is_text
from ltmt.formats.pipeline import translate_file


@pytest.mark.parametrize(
    ("path", "document", "expected"),
    [
        ("mymodule/mymodule.info.yml", {"name": "My Module"}, True),
        ("mymodule/mymodule.links.menu.yml", {"a.b": {"title": "T"}}, True),
        ("mymodule/config/install/mymodule.settings.yml", {"title": "T"}, True),
        ("mymodule/config/optional/views.view.x.yml", {"label": "X"}, True),
        ("export/node.type.page.yml", {"langcode": "en", "dependencies": {}}, True),
        ("config/locales/en.yml", {"en": {"title": "Title"}}, False),  # Rails
        ("translations/messages.en.yaml", {"langcode": "Language code"}, False),  # Symfony
        # a message file with keys of those names, not their values
        ("ui.en.yml", {"langcode": "Language code", "dependencies": "Dependencies"}, False),
        ("ui.yml", {"langcode": "Language code", "dependencies": {}}, False),
        ("app.yml", {"langcode": "en", "dependencies": ["rails"]}, False),  # a list
        ("export/ui.en.yml", {"langcode": "en", "dependencies": {}}, False),  # named so
        ("export/system.site.yml", {"langcode": "pt-br", "dependencies": {}}, True),
    ],
)
def test_a_drupal_file_is_known_by_its_path_or_its_top_keys(
    path: str, document: dict, expected: bool
) -> None:
    assert is_drupal(Path(path), document) is expected


@pytest.mark.parametrize(
    ("value", "name", "expected"),
    [
        ("Recent articles", "label", True),
        ("Default", "display.default.display_title", True),
        ("No articles yet.", "display.default.display_options.empty.area.content", True),
        ("There are none.", "empty_text", True),
        ("Article", "name", True),
        ("article", "name", False),  # a machine name, even at a text key
        ("recent_articles", "id", False),
        ("views", "module", False),
        ("text_custom", "display.default.display_options.empty.area.plugin_id", False),
        ("Custom", "package", True),  # an info file's group on the Extend page
        ("Apply", "display.default.display_options.exposed_form.options.submit_button", True),
        ("Next \u203a", "display.default.display_options.pager.options.tags.next", True),
        ("\u2039 Previous", "display.default.display_options.pager.options.tags.previous", True),
        (
            "Search titles",
            "display.default.display_options.fields.title.settings.placeholder",
            True,
        ),
        ("more", "display.default.display_options.use_more_text", True),  # a word, no name
        ("text_custom", "display.default.display_options.use_more_text", False),
        ("medium", "date_format", False),
        ("user", "dependencies.module[1]", False),
    ],
)
def test_only_values_at_text_keys_are_text(value: str, name: str, expected: bool) -> None:
    assert is_text(value, name) is expected


def test_a_config_file_keeps_its_machine_names_and_takes_the_target_language(
    tmp_path: Path,
) -> None:
    source = tmp_path / "config" / "install" / "views.view.recent_articles.yml"
    source.parent.mkdir(parents=True)
    source.write_text(
        "langcode: en\n"
        "status: true\n"
        "dependencies:\n"
        "  module:\n"
        "    - node\n"
        "    - user\n"
        "id: recent_articles\n"
        "label: 'Recent articles'\n"
        "module: views\n"
        "display:\n"
        "  default:\n"
        "    display_title: Default\n"
        "    display_plugin: default\n"
        "    display_options:\n"
        "      empty:\n"
        "        area_text_custom:\n"
        "          content: 'No articles have been published yet.'\n"
        "          plugin_id: text_custom\n"
        "date_format: medium\n",
        "utf-8",
    )
    out = tmp_path / "de.yml"
    translate_file(source, out, FakeModel(), tgt_lang="de")
    assert out.read_text("utf-8") == (
        "langcode: de\n"  # the file's language: the translation's
        "status: true\n"
        "dependencies:\n"
        "  module:\n"
        "    - node\n"
        "    - user\n"
        "id: recent_articles\n"
        "label: 'RECENT ARTICLES'\n"
        "module: views\n"
        "display:\n"
        "  default:\n"
        "    display_title: DEFAULT\n"
        "    display_plugin: default\n"
        "    display_options:\n"
        "      empty:\n"
        "        area_text_custom:\n"
        "          content: 'NO ARTICLES HAVE BEEN PUBLISHED YET.'\n"
        "          plugin_id: text_custom\n"
        "date_format: medium\n"
    )


def test_a_message_file_with_langcode_and_dependencies_keys_is_translated_whole(
    tmp_path: Path,
) -> None:
    source = tmp_path / "ui.en.yml"
    source.write_text(
        'title: "Package details"\ndependencies: "Dependencies"\nlangcode: "Language code"\n'
        'install_button: "Install package"\n',
        "utf-8",
    )
    out = tmp_path / "ui.de.yml"
    translate_file(source, out, FakeModel(), tgt_lang="de")
    assert out.read_text("utf-8") == (
        'title: "PACKAGE DETAILS"\ndependencies: "DEPENDENCIES"\nlangcode: "LANGUAGE CODE"\n'
        'install_button: "INSTALL PACKAGE"\n'
    )


def test_an_info_file_translates_its_name_description_and_package(tmp_path: Path) -> None:
    source = tmp_path / "mymodule.info.yml"
    source.write_text(
        "name: 'My Module'\ntype: module\ndescription: 'Lists articles.'\npackage: Custom\n"
        "configure: mymodule.settings\n",
        "utf-8",
    )
    out = tmp_path / "out.info.yml"
    translate_file(source, out, FakeModel(), tgt_lang="de")
    assert out.read_text("utf-8") == (
        "name: 'MY MODULE'\ntype: module\ndescription: 'LISTS ARTICLES.'\npackage: CUSTOM\n"
        "configure: mymodule.settings\n"
    )
