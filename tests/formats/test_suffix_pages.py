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
        ("how.to.md", None),  # a name ending in a code, no page beside it (regression trial F)
        ("socket.io.md", None),
        ("start.en.md", "en"),  # the source language's, alone
    ],
)
def test_page_locale(tmp_path: Path, name: str, locale: str | None) -> None:
    """A code names a locale where the page it translates is beside it (``index.md``,
    ``guide.md``), not where a page's name merely ends in one (``how.to.md``)."""
    for base in ("index.md", "guide.md", "guide.markdown"):
        (tmp_path / base).write_text("# Page\n", "utf-8")
    (tmp_path / name).write_text("# Page\n", "utf-8")
    assert page_locale(tmp_path / name) == locale


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
def test_source_pages(tmp_path: Path, name: str, sources: list[str]) -> None:
    (tmp_path / "docs").mkdir()
    for page in ("docs/index.md", name):
        (tmp_path / page).write_text("# Page\n", "utf-8")
    assert source_pages(tmp_path / name, "en") == [tmp_path / source for source in sources]


def test_a_dotted_pages_translation_beside_it_gives_it_no_locale(tmp_path: Path) -> None:
    """``how.to.de.md`` beside ``how.to.md`` made ``how.to.md`` read as Tongan (``to``), so a
    second run skipped it as another language's page (a reviewer's find)."""
    for name in ("how.to.md", "how.to.de.md"):
        (tmp_path / name).write_text("# How\n", "utf-8")
    assert page_locale(tmp_path / "how.to.md") is None
    assert page_locale(tmp_path / "how.to.de.md") == "de"
