"""The language key a YAML message file is rooted in."""

from __future__ import annotations

from pathlib import Path

import pytest
from formats_fakes import FakeModel

from ltmt.formats.pipeline import translate_file
from ltmt.formats.yaml_language_roots import below_root, language_root, language_roots, root_locale


@pytest.mark.parametrize(
    ("top", "kept"),
    [
        *[("app", "app"), ("ui", "ui"), ("en", "de"), ("en-GB", "de"), ("fil", "de")],
        *[("en-us", "de"), ("pt_br", "de"), ("zh-Hant", "de"), ("es-419", "de")],
    ],
)
def test_only_a_locales_top_key_is_renamed(tmp_path: Path, top: str, kept: str) -> None:
    """Symfony's ``app:`` (a code ISO 639-3 knows) was renamed ``de:``, breaking every key of
    the translation; a Rails file's ``en:`` becomes the target's."""
    source = tmp_path / "messages.en.yaml"
    source.write_text(f"{top}:\n  title: Online Shop\n", "utf-8")
    out = tmp_path / "messages.de.yaml"
    translate_file(source, out, FakeModel(), tgt_lang="de")
    assert out.read_text("utf-8") == f"{kept}:\n  title: ONLINE SHOP\n"


@pytest.mark.parametrize(
    ("document", "root"),
    [
        ({"en": {"a": "A"}}, "en"),
        ({"pt_br": {"a": "A"}}, "pt_br"),
        ({"fil": {"a": "A"}}, "fil"),
        ({"app": {"a": "A"}}, None),  # Symfony's: a code ISO 639-3 knows, no locale's
        ({"en": "A"}, None),  # holds no mapping
        ({"en": {"a": "A"}, "de": {"a": "B"}}, None),  # several roots
        ([{"title": "A"}], None),  # a site's data list
    ],
)
def test_language_root(document: object, root: str | None) -> None:
    assert language_root(document) == root


def test_several_language_roots_and_the_strings_below_a_root() -> None:
    assert language_roots({"en": {"a": "A"}, "en-US": {"a": "B"}}) == ["en", "en-US"]
    assert language_roots({"en": {"a": "A"}, "app": {"a": "B"}}) == []
    assert below_root({"en": {"a": "A"}}) == {"a": "A"}
    assert below_root({"app": {"a": "A"}}) == {"app": {"a": "A"}}


def test_root_locale_is_none_where_the_file_cannot_be_read(tmp_path: Path) -> None:
    (tmp_path / "en.yml").write_text("en:\n  a: A\n", "utf-8")
    (tmp_path / "bad.yml").write_text("en:\n  a: [\n", "utf-8")
    assert root_locale(tmp_path / "en.yml") == "en"
    assert root_locale(tmp_path / "bad.yml") is None
    assert root_locale(tmp_path / "missing.yml") is None
