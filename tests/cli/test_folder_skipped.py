"""What a folder run skipped, named: a gettext template beside a catalog of the target language
(WordPress's ``languages/``), with the route that updates the catalog from it."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_translate_cli import run_cli

PO = 'msgid ""\nmsgstr ""\n"Language: {lang}\\n"\n\nmsgid "Book now"\nmsgstr "{text}"\n'
POT = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\nmsgid "Book now"\nmsgstr ""\n'


@pytest.fixture
def common(tiny_model_dir, tmp_path):
    return ["--model", str(tiny_model_dir), "--memory-dir", str(tmp_path / "store"), "--beam", "1"]


def _languages(tmp_path: Path, lang: str = "de_DE") -> Path:
    folder = tmp_path / "languages"
    folder.mkdir()
    (folder / "easy-booking.pot").write_text(POT, "utf-8")
    (folder / f"easy-booking-{lang}.po").write_text(
        PO.format(lang=lang, text="Jetzt buchen"), "utf-8"
    )
    return folder


def test_a_template_beside_the_target_languages_catalog_is_skipped_and_named(
    tmp_path, capsys, common
):
    """A folder run wrote a German-filled ``easy-booking.pot`` beside the real catalog
    (WordPress trial s76, defect 8)."""
    folder = _languages(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    code, _, err = run_cli(["translate", str(folder), "-o", str(out), *common], capsys)
    assert code == 0, err
    assert sorted(path.name for path in out.iterdir()) == ["easy-booking-de_DE.po"]
    catalog, template = folder / "easy-booking-de_DE.po", folder / "easy-booking.pot"
    assert (
        "ltmt: skipped 1 file that is the template of a catalog beside it (easy-booking.pot "
        "\u2192 easy-booking-de_DE.po): no file to translate; update the catalog from it "
        f"(msgmerge --previous -U {catalog} {template}), then translate the .po into itself: "
        f"ltmt translate {catalog} -o {catalog}"
    ) in err


def test_a_folder_into_itself_names_the_template_with_its_route(tmp_path, capsys, common):
    folder = _languages(tmp_path)
    code, _, err = run_cli(["translate", str(folder), "-o", str(folder), *common], capsys)
    assert code == 0, err
    assert "1 file that is the template of a catalog beside it (easy-booking.pot" in err
    assert (folder / "easy-booking.pot").read_text("utf-8") == POT


def test_a_template_beside_another_languages_catalog_is_translated_as_before(
    tmp_path, capsys, common
):
    folder = _languages(tmp_path, "fr_FR")
    out = tmp_path / "out"
    out.mkdir()
    code, _, err = run_cli(["translate", str(folder), "-o", str(out), *common], capsys)
    assert code == 0, err
    assert sorted(path.name for path in out.iterdir()) == ["easy-booking.pot"]
    assert "template of a catalog" not in err
