"""Markdown pages named for their locale before the extension (MkDocs' i18n suffix layout)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ltmt.formats.suffix_pages import page_locale, source_pages, translation_page


@pytest.mark.parametrize(
    ("name", "locale"),
    [
        ("index.md", None),
        ("index.de.md", "de"),
        ("guide.pt-BR.md", "pt-BR"),
        ("guide.zh_TW.markdown", "zh-TW"),
        ("notes.v2.md", None),  # no locale
        ("release.old.md", None),  # three letters: a word, not a locale
        ("index.de.html", None),  # no Markdown page
    ],
)
def test_page_locale(name: str, locale: str | None) -> None:
    assert page_locale(Path(name)) == locale


@pytest.mark.parametrize(
    ("name", "translation"),
    [
        ("docs/index.md", "docs/index.de.md"),
        ("docs/index.en.md", "docs/index.de.md"),
        ("guide/install.markdown", "guide/install.de.markdown"),
    ],
)
def test_translation_page(name: str, translation: str) -> None:
    assert translation_page(Path(name), "de") == Path(translation)


@pytest.mark.parametrize(
    ("name", "sources"),
    [
        ("docs/index.de.md", ["docs/index.md", "docs/index.en.md"]),
        ("docs/index.md", []),
    ],
)
def test_source_pages(name: str, sources: list[str]) -> None:
    assert source_pages(Path(name), "en") == [Path(source) for source in sources]
