"""Plural forms: units per form, each form filled, identical forms translated again with numbers."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from ltmt.formats.documents import Unit, open_document
from ltmt.formats.plurals import (
    differ_by_number,
    keeps_zero,
    number_as_field,
    ordinal_as_number,
    ordinal_categories,
    within_exact_values,
)
from ltmt.formats.run_report import RunReport
from ltmt.formats.unit_translation import translate_units

DATA = Path(__file__).parent / "data"


def test_a_three_form_catalog_gives_a_unit_per_form() -> None:
    document = open_document(DATA / "catalog-pl.po", tgt_lang="pl")
    by_key = {u.key: u for u in document.pending()}
    assert [(by_key[f"2#{k}"].source, by_key[f"2#{k}"].form) for k in range(3)] == [
        ("%d file", 0),
        ("%d files", 1),
        ("%d files", 2),
    ]
    assert by_key["2#0"].flags == ("c-format",) and by_key["2#0"].entry == "2"
    assert {u.context for u in document.pending() if u.source == "Open"} == {"menu", "verb"}


def test_a_plural_entry_is_filled_only_when_every_form_is(tmp_path: Path) -> None:
    document = open_document(DATA / "catalog-pl.po", tgt_lang="pl")
    document.fill({"2#0": "%d plik", "2#1": "%d pliki"})
    assert "2#2" in {u.key for u in document.pending()}  # not half-shipped
    document.fill({"2#2": "%d plików"})
    # filled, fuzzy: a suggestion now, which only a 100 % memory match replaces
    assert "2#0" not in {u.key for u in document.pending() if not u.suggestion}


HALF_TRANSLATED = """msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\\n"

msgid "%d file"
msgid_plural "%d files"
msgstr[0] "%d Datei"
msgstr[1] ""
"""


def test_a_half_translated_plural_entry_gets_its_empty_form_and_keeps_the_other(
    tmp_path: Path,
) -> None:
    path = tmp_path / "half.po"
    path.write_text(HALF_TRANSLATED, "utf-8")
    document = open_document(path, tgt_lang="de")
    assert [u.key for u in document.pending()] == ["1#1"]
    assert [u.key for u in document.pending(overwrite=True)] == ["1#0", "1#1"]
    assert document.fill({"1#1": "%d Dateien"}) == 1
    document.save(tmp_path / "out.po")
    written = (tmp_path / "out.po").read_text("utf-8")
    assert 'msgstr[0] "%d Datei"\nmsgstr[1] "%d Dateien"' in written
    assert "#, fuzzy" in written


def test_a_header_without_plural_forms_gets_the_target_languages(tmp_path: Path) -> None:
    """Filled plural entries under a header without ``Plural-Forms`` are a fatal error for
    ``msgfmt -c``; the forms are the target language's (three for Polish, not two)."""
    path = tmp_path / "pl.po"
    path.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgid "%d file"\nmsgid_plural "%d files"\nmsgstr[0] ""\nmsgstr[1] ""\n',
        "utf-8",
    )
    document = open_document(path, tgt_lang="pl")
    assert [u.key for u in document.pending()] == ["1#0", "1#1", "1#2"]
    document.fill({"1#0": "%d plik", "1#1": "%d pliki", "1#2": "%d plików"})
    document.save(tmp_path / "out.po")
    written = (tmp_path / "out.po").read_text("utf-8")
    assert '"Plural-Forms: nplurals=3; plural=(n==1 ? 0 :' in written
    if shutil.which("msgfmt"):  # .ci/run installs gettext
        check = ["msgfmt", "-c", "--use-fuzzy", "-o", "/dev/null", str(tmp_path / "out.po")]
        assert subprocess.run(check, capture_output=True, check=False).returncode == 0


def test_template_gets_the_target_language_plural_forms(tmp_path: Path) -> None:
    document = open_document(DATA / "template.pot", tgt_lang="de")
    out = tmp_path / "de.po"
    document.save(out)
    text = out.read_text("utf-8")
    assert '"Language: de\\n"' in text and '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"' in text
    assert [u.key for u in document.pending() if u.entry] == ["2#0", "2#1"]


def test_differ_by_number_puts_the_count_back() -> None:
    def model(texts: list[str]) -> list[str]:
        return [{"1 hour": "1 Stunde", "2 hours": "2 Stunden"}[t] for t in texts]

    assert differ_by_number("%d hour", "%d hours", model) == ("%d Stunde", "%d Stunden")
    assert differ_by_number("{n} hour", "{n} hours", model) == ("{n} Stunde", "{n} Stunden")
    assert differ_by_number("hour", "hours", model) is None  # no count to stand in for
    assert differ_by_number("%d hour", "%d hours", lambda t: ["Stunden", "Stunden"]) is None


def test_identical_plural_forms_are_translated_again() -> None:
    """A model that writes the plural for both forms unless it sees the number."""
    table = {"%d hour": "%d Stunden", "%d hours": "%d Stunden", "1 hour": "1 Stunde"}
    table["2 hours"] = "2 Stunden"

    def model(texts, prefer):
        return [table[t] for t in texts]

    units = [
        Unit("0#0", "%d hour", flags=("c-format",), entry="0", form=0),
        Unit("0#1", "%d hours", flags=("c-format",), entry="0", form=1),
    ]
    report = RunReport()
    outcomes = translate_units(units, model, report)
    assert [o.text for o in outcomes] == ["%d Stunde", "%d Stunden"]
    assert report.plural_identical == 0

    table["1 hour"] = "1 Stunden"  # the model does not know better: reported, not hidden
    report = RunReport()
    translate_units(units, model, report)
    assert report.plural_identical == 1
    assert "1 plural entry with identical forms" in report.summary()


@pytest.mark.parametrize(
    ("tags", "source", "kept"),
    [
        (("one", "other"), ("zero", "one", "other"), True),  # Apple's and Rails' case for 0
        (("one", "other"), ("one", "other"), False),
        (("zero", "one", "two", "few", "many", "other"), ("zero", "other"), False),  # a form
    ],
)
def test_a_sources_zero_is_kept_where_the_language_has_none(tags, source, kept) -> None:
    assert keeps_zero(tags, source) is kept


@pytest.mark.parametrize(
    ("language", "categories"),
    [
        ("de", ("other",)),
        ("de_AT", ("other",)),
        ("en", ("one", "two", "few", "other")),
        ("fr", ("one", "other")),
        ("it", ("many", "other")),
        ("xx", None),  # CLDR does not know it
    ],
)
def test_ordinal_categories_are_cldrs(language, categories) -> None:
    assert ordinal_categories(language) == categories


@pytest.mark.parametrize(
    ("text", "key", "expected"),
    [
        ("You came %dth", "other", ("You came 4th", "4")),
        ("You came %dst", "one", ("You came 1st", "1")),
        ("%drd try", "few", ("3rd try", "3")),
        ("%dth floor", "=11", ("11th floor", "11")),
        ("%d. Platz", "other", ("%d. Platz", "")),  # no English ending
        ("%dth of %d", "other", ("%dth of %d", "")),  # which %d would be the model's guess
        ("%dth of 4", "other", ("%dth of 4", "")),  # the number is in the text
        ("%dth", "many", ("%dth", "")),  # no English category
    ],
)
def test_an_english_ordinal_goes_to_the_model_as_a_number(text, key, expected) -> None:
    assert ordinal_as_number(text, "%d", key) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Du bist 4. geworden", "Du bist %d. geworden"),
        ("4th", "%dth"),
        ("Platz 4", "Platz %d"),
        ("4.5 Punkte", "4.5 Punkte"),  # not that number alone
        ("14. Platz", "14. Platz"),
        ("4 von 4", "4 von 4"),  # twice: which is it
        ("Platz", "Platz"),  # lost
    ],
)
def test_the_ordinals_number_comes_back_as_the_field(text, expected) -> None:
    assert number_as_field(text, "4", "%d") == expected


@pytest.mark.parametrize(
    ("language", "category", "exact", "expected"),
    [
        ("de", "one", ["=1"], True),  # German's one is 1 alone
        ("de", "one", ["=0"], False),
        ("de-CH", "one", ["=0", "=1"], True),
        ("ru", "one", ["=1"], False),  # 21, 31, ... too
        ("fr", "one", ["=0", "=1"], False),  # 1.5 too
        ("de", "other", ["=1"], False),
        ("de", "zero", ["=0"], False),  # no number of German's: a kept zero stays
        ("xx-unknown", "one", ["=1"], False),
    ],
)
def test_a_category_within_the_exact_values_needs_no_branch(
    language, category, exact, expected
) -> None:
    assert within_exact_values(language, category, exact) is expected


@pytest.mark.parametrize(
    ("exact", "offset", "expected"),
    [
        (["=0", "=1"], 1, False),  # one is for 2 with offset:1
        (["=2"], 1, True),
        (["=1"], 0, True),
    ],
)
def test_an_offset_shifts_the_exact_values(exact, offset, expected) -> None:
    assert within_exact_values("de", "one", exact, offset) is expected
