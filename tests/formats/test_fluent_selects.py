"""A Fluent translation with its own select: kept on a rerun, checked variant by variant, and
counted, not paired, by an import (trial s74, r-fluent2 defect 1)."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from fluent.syntax import FluentParser, ast
from formats_fakes import FakeModel

from ltmt.errors import NoPairsError
from ltmt.formats.fluent import FluentCatalog
from ltmt.formats.fluent_patterns import Unsupported, expand
from ltmt.formats.fluent_selects import selects_otherwise, variants_checked
from ltmt.formats.keyed_catalog import OWN_SELECT
from ltmt.formats.not_read import NotRead
from ltmt.formats.pairs import read_translations
from ltmt.formats.pipeline import translate_file
from ltmt.qa.catalog_forms import missing_messages
from ltmt.qa.pair_checks import placeholder_problems

PLURAL = "{ $count ->\n    [one] One tab\n   *[other] { $count } tabs\n}"
GENDER = "{ -brand.gender ->\n    [masculine] Der { -brand }\n   *[other] { -brand }\n}"

SOURCE = (
    "closing = Close { $count } tabs?\n"
    "update-ok = { -brand-short-name } is up to date\n"
    "reload =\n    { $tabCount ->\n        [one] Reload { $tabCount } tab?\n"
    "       *[other] Reload { $tabCount } tabs?\n    }\n"
    "plain = Open the file\n"
)
# the reviewer's German: a plural the English lacks, a select on the brand's gender, the
# English plural dropped; and an ordinary message
REVIEWED = (
    "closing =\n    { $count ->\n        [one] Einen Tab schließen?\n"
    "       *[other] { $count } Tabs schließen?\n    }\n"
    "update-ok =\n    { -brand-short-name.gender ->\n"
    "        [masculine] Der { -brand-short-name } ist aktuell.\n"
    "       *[other] { -brand-short-name } ist aktuell.\n    }\n"
    "reload = { $tabCount } Tab(s) neu laden?\n"
    "plain = Datei öffnen\n"
)


def _pattern(text: str) -> ast.Pattern:
    message = FluentParser().parse(f"m = {text}\n").body[0]
    assert isinstance(message, ast.Message) and message.value is not None, message
    return message.value


def _files(tmp_path: Path, reviewed: str = REVIEWED) -> tuple[Path, Path]:
    source, target = tmp_path / "en.ftl", tmp_path / "de.ftl"
    source.write_text(SOURCE, "utf-8")
    target.write_text(reviewed, "utf-8")
    return source, target


@pytest.mark.parametrize(
    ("source", "translation", "otherwise"),
    [
        ("Close { $count } tabs?", PLURAL, True),  # a plural the source lacks
        ("Close { $count } tabs?", GENDER, True),  # a select on a term's gender
        (PLURAL, "{ $count } Tab(s)", True),  # the source's plural dropped
        (PLURAL, GENDER, True),  # another select
        ("Close { $count } tabs?", "{ $count } Tabs schließen?", False),  # both plain
        (PLURAL, PLURAL, False),  # the same cases
        (PLURAL, "{ $count ->\n    [0] Keiner\n    [one] Ein\n   *[other] Viele\n}", False),
        # the same select lacking a case: the case is translated (the source gained it)
        (GENDER, "{ -brand.gender ->\n   *[other] { -brand }\n}", False),
        # a select inside a select cannot be taken apart: the translator's
        ("Close tabs", "{ $a ->\n   *[x] { $b ->\n      *[y] Z\n   }\n}", True),
    ],
)
def test_a_translation_selects_otherwise_where_it_lacks_cases_of_another_select(
    source: str, translation: str, otherwise: bool
) -> None:
    expansion = expand(_pattern(source), "de")
    assert selects_otherwise(expansion, _pattern(translation)) is otherwise


def test_each_variant_is_checked_against_the_source_text_for_it() -> None:
    checked, written = variants_checked(_pattern("Close { $count } tabs?"), _pattern(PLURAL))
    # the translation's plural count is %d on both sides, the default's variant first
    assert checked == {"other": ("Close %d tabs?", "%d tabs"), "one": ("Close %d tabs?", "One tab")}
    assert written == {"%d": "{ $count }"}
    checked, written = variants_checked(_pattern(GENDER), _pattern("{ -brand } ist da"))
    assert checked == {"": ("{brand}", "{brand} ist da")}  # the source's default's text
    assert written == {"{brand}": "{ -brand }"}


def test_a_select_inside_a_select_is_not_checked() -> None:
    nested = _pattern("{ $a ->\n   *[x] { $b ->\n      *[y] Z\n   }\n}")
    with pytest.raises(Unsupported):
        variants_checked(_pattern("Close tabs"), nested)


def test_a_rerun_keeps_the_translators_own_selects_as_written(tmp_path: Path) -> None:
    """A rerun replaced them with the model's and said they were kept."""
    source, target = _files(tmp_path)
    model = FakeModel()
    translate_file(source, target, model, tgt_lang="de")
    assert model.seen == []  # nothing left to translate
    assert target.read_text("utf-8") == REVIEWED


def test_a_rerun_translates_what_an_own_select_message_lacks(tmp_path: Path) -> None:
    source, target = _files(tmp_path)
    source.write_text(SOURCE + "added = New message\n", "utf-8")
    model = FakeModel()
    translate_file(source, target, model, tgt_lang="de")
    assert model.seen == ["New message"]
    assert target.read_text("utf-8") == REVIEWED + "added = NEW MESSAGE\n"


def test_overwrite_translates_an_own_select_again(tmp_path: Path) -> None:
    source, target = _files(tmp_path)
    translate_file(source, target, FakeModel(), tgt_lang="de", overwrite=True)
    written = target.read_text("utf-8")
    assert "closing = CLOSE { $count } TABS?\n" in written
    assert "[masculine]" not in written


def test_qa_checks_each_variant_and_calls_none_missing(tmp_path: Path) -> None:
    source, target = _files(
        tmp_path,
        REVIEWED.replace("*[other] { $count } Tabs", "*[other] Tabs").replace(
            "[masculine] Der { -brand-short-name }", "[masculine] Der Browser"
        ),
    )
    records = list(read_translations(target, source_file=source, purpose="checked"))
    found = [
        (r.position.split(": ")[1], placeholder_problems(r.source, r.target, r.metadata))
        for r in records
    ]
    assert found == [
        ("plain", []),
        ("closing#other", ["lacks { $count }"]),
        ("closing#one", []),  # the form for one may leave its count out
        ("update-ok#other", []),  # the default first
        ("update-ok#masculine", ["lacks { -brand-short-name }"]),
        ("reload", []),
    ]
    assert [r.metadata["variant"] for r in records[1:3]] == [0, 1]  # one entry, its variants
    assert missing_messages(target, source) == []


def test_an_import_counts_own_selects_as_not_read(tmp_path: Path) -> None:
    """An import passed over them without a word (``3 added, 0 skipped``)."""
    source, target = _files(tmp_path)
    not_read = NotRead()
    records = read_translations(target, source_file=source, not_read=not_read)
    assert [(r.source, r.target) for r in records] == [("Open the file", "Datei öffnen")]
    assert not_read.by_reason() == {OWN_SELECT: 3}


def test_an_import_without_a_count_names_them_in_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    source, target = _files(tmp_path)
    with caplog.at_level(logging.WARNING):
        list(FluentCatalog.pairs(target, source_file=source, tgt_lang="de"))
    assert (
        "3 strings with the translation's own select not imported (closing, update-ok, reload)"
    ) in caplog.text


def test_a_file_of_own_selects_alone_says_why_it_has_nothing_to_import(tmp_path: Path) -> None:
    """It said ``no segments found (an empty file, or no translated entries ...)``."""
    source, target = _files(tmp_path, REVIEWED.replace("plain = Datei öffnen\n", ""))
    with pytest.raises(
        NoPairsError,
        match=r"de\.ftl: nothing to import: its 3 translations \(closing, update-ok, reload\) "
        r"have their own select .*; ltmt translate keeps them as written and ltmt qa checks them$",
    ):
        read_translations(target, source_file=source, not_read=NotRead())
