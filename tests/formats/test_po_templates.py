"""A gettext template beside a catalog of the target language: found by the catalog's
``Language`` header or name, and the route that updates the catalog from it."""

from __future__ import annotations

from pathlib import Path

import pytest

from ltmt.formats.po_templates import catalog_beside, update_route

PO = 'msgid ""\nmsgstr ""\n"Language: {lang}\\n"\n\nmsgid "Book now"\nmsgstr "{text}"\n'
POT = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\nmsgid "Book now"\nmsgstr ""\n'


def _folder(tmp_path: Path, catalogs: dict[str, str]) -> Path:
    (tmp_path / "easy-booking.pot").write_text(POT, "utf-8")
    for name, lang in catalogs.items():
        (tmp_path / name).write_text(PO.format(lang=lang, text=""), "utf-8")
    return tmp_path / "easy-booking.pot"


@pytest.mark.parametrize(
    ("catalogs", "found"),
    [
        ({"easy-booking-de_DE.po": "de_DE"}, "easy-booking-de_DE.po"),  # WordPress
        ({"de.po": "de"}, "de.po"),  # a GNU project's po/
        ({"other.po": "de"}, "other.po"),  # by its header alone
        ({"de.po": "de", "easy-booking-de_DE.po": "de_DE"}, "easy-booking-de_DE.po"),
        ({"easy-booking-fr_FR.po": "fr_FR"}, None),  # another language: the .pot is the source
        ({}, None),
    ],
)
def test_the_target_languages_catalog_beside_a_template_is_found(
    tmp_path: Path, catalogs: dict[str, str], found: str | None
) -> None:
    template = _folder(tmp_path, catalogs)
    beside = catalog_beside(template, "de")
    assert (beside.name if beside else None) == found


def test_a_catalog_is_no_template_and_an_unreadable_one_is_passed_over(tmp_path: Path) -> None:
    template = _folder(tmp_path, {"de.po": "de"})
    assert catalog_beside(tmp_path / "de.po", "de") is None
    (tmp_path / "de.po").write_bytes(b"\xff\xfe garbled")
    (tmp_path / "easy-booking-de_DE.po").write_text(PO.format(lang="de_DE", text=""), "utf-8")
    assert catalog_beside(template, "de") == tmp_path / "easy-booking-de_DE.po"


def test_the_route_is_msgmerge_then_the_catalog_into_itself() -> None:
    route = update_route(
        Path("languages/easy-booking.pot"), Path("languages/easy-booking-de_DE.po")
    )
    assert route == (
        "update the catalog from it (msgmerge --previous -U languages/easy-booking-de_DE.po "
        "languages/easy-booking.pot), then translate the .po into itself: ltmt translate "
        "languages/easy-booking-de_DE.po -o languages/easy-booking-de_DE.po"
    )
