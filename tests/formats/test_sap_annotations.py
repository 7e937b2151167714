"""SAP UI5's text annotations in an i18n.properties file (``#XFLD,20: Label``, ``#NOTR``)."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from formats_fakes import FakeModel

from ltmt.formats.java_properties import JavaPropertiesDocument
from ltmt.formats.pipeline import translate_file
from ltmt.formats.sap_annotations import TextAnnotation, annotation_of
from ltmt.qa.extra_strings import extra_problems

# an SAP developer's trial: the #NOTR values were translated (Horizon dunkel, yyyyy)
SOURCE = (
    "#XTIT: Application name\n"
    "appTitle=Purchase Orders\n"
    "\n"
    "#NOTR: Theme name, do not translate\n"
    "themeName=Horizon Dark\n"
    "\n"
    "#NOTR\n"
    "datePattern=MMM d, yyyy\n"
    "\n"
    "#XBUT\n"
    "cancelButton=Cancel\n"
)


@pytest.mark.parametrize(
    ("comments", "expected"),
    [
        (["#XFLD,20: Label for the delivery date"], TextAnnotation("XFLD", 20)),
        (["", "#XBUT,15"], TextAnnotation("XBUT", 15)),
        (["#YMSG: Message; {0} is the order"], TextAnnotation("YMSG")),
        (["#XBUT"], TextAnnotation("XBUT")),
        (["#NOTR: technical name"], TextAnnotation("NOTR")),
        (["#XFLD: Delivery date label, max 20 characters"], TextAnnotation("XFLD")),
        (["#NOTR", "# the pattern the formatter reads"], None),  # not directly above
        (["# Main window"], None),
        (["# XTIT is a title"], None),
        ([], None),
    ],
)
def test_the_annotation_is_the_comment_line_directly_above_a_key(
    comments: list[str], expected: TextAnnotation | None
) -> None:
    assert annotation_of(comments) == expected


def test_a_key_marked_notr_is_not_translated_nor_written(tmp_path: Path) -> None:
    source = tmp_path / "i18n.properties"
    source.write_text(SOURCE, "utf-8")
    out = tmp_path / "i18n_de.properties"
    model = FakeModel()
    translate_file(source, out, model, tgt_lang="de")
    assert model.seen == ["Purchase Orders", "Cancel"]
    # UI5 shows the base file's value for a key the language's file lacks
    assert out.read_text("utf-8") == (
        "#XTIT: Application name\nappTitle=PURCHASE ORDERS\n\n#XBUT\ncancelButton=CANCEL\n"
    )


def test_a_translation_of_a_notr_key_is_no_pair_and_an_extra_qa_finding(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    source = tmp_path / "i18n.properties"
    source.write_text(SOURCE, "utf-8")
    target = tmp_path / "i18n_de.properties"  # the trial's earlier run
    target.write_text(
        "appTitle=Bestellungen\nthemeName=Horizon dunkel\ndatePattern=MMM d, yyyyy\n", "utf-8"
    )
    with caplog.at_level(logging.WARNING):
        records = list(JavaPropertiesDocument.pairs(target, source_file=source))
    assert [(r.source, r.target) for r in records] == [("Purchase Orders", "Bestellungen")]
    assert (
        f"{target}: 2 strings (themeName, datePattern) marked #NOTR in {source} not imported: "
        "delete them there"
    ) in caplog.text
    assert [(p.position, p.message) for p in extra_problems(target, source)] == [
        (f"{target}: {key}", f"marked #NOTR in {source}: delete it from this file")
        for key in ("themeName", "datePattern")
    ]


def test_an_import_counts_a_notr_translation_as_marked_and_names_it(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Regression trial regb71: ``memory import`` counted it 'not read: 1 not in the source
    file', though the key is in the source, and did not say which or what to do."""
    from ltmt.formats.not_read import NotRead

    source = tmp_path / "i18n.properties"
    source.write_text(SOURCE, "utf-8")
    target = tmp_path / "i18n_de.properties"
    target.write_text("appTitle=Bestellungen\nthemeName=Horizon Dark\n", "utf-8")
    not_read = NotRead()
    with caplog.at_level(logging.WARNING):
        records = list(JavaPropertiesDocument.pairs(target, source_file=source, not_read=not_read))
    assert [r.source for r in records] == ["Purchase Orders"]
    # (cancelButton, which the translation lacks, is untranslated)
    assert not_read.by_reason() == {"marked #NOTR in the source file": 1, "untranslated": 1}
    assert (
        f"{target}: 1 string (themeName) marked #NOTR in {source} not imported: delete it there"
    ) in caplog.text


# the trial's app5: a limit after the type is one; "max 20 characters" in the note is not
LIMITED = (
    "#XFLD,20: Label for the delivery date field\n"
    "deliveryDateLabel=Requested Delivery Date\n"
    "\n"
    "#XFLD: Delivery date label, max 20 characters\n"
    "deliveryDateLabel2=Requested Delivery Date\n"
    "\n"
    "#XBUT,8\n"
    "cancelBtn=Cancel\n"
)


def test_an_annotations_length_is_the_translations_limit_in_translate_and_qa(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    from ltmt.qa.pair_checks import length_problems

    source = tmp_path / "i18n.properties"
    source.write_text(LIMITED, "utf-8")
    out = tmp_path / "i18n_de.properties"
    with caplog.at_level(logging.WARNING):
        result = translate_file(source, out, FakeModel(), tgt_lang="de")
    assert result.report.over_limit == 1  # REQUESTED DELIVERY DATE: 23 characters
    assert (
        "1 string longer than an SAP text annotation allows (deliveryDateLabel: the translation "
        "is 23 characters long, its #XFLD,20 annotation allows 20): shorten it"
    ) in caplog.text
    assert "#XFLD,20: Label for the delivery date field\n" in out.read_text("utf-8")
    out.write_text(  # the trial's translation
        "deliveryDateLabel=Gew\\u00fcnschtes Lieferdatum\n"
        "deliveryDateLabel2=Gew\\u00fcnschtes Lieferdatum\n"
        "cancelBtn=Abbrechen und zur\\u00fcck\n",
        "ascii",
    )
    records = list(JavaPropertiesDocument.pairs(out, source_file=source, purpose="checked"))
    assert [length_problems(r.source, r.target, r.metadata) for r in records] == [
        ["the translation is 23 characters long, its #XFLD,20 annotation allows 20"],
        [],
        ["the translation is 20 characters long, its #XBUT,8 annotation allows 8"],
    ]


def test_a_plain_java_file_has_no_length_limits(tmp_path: Path) -> None:
    source = tmp_path / "Messages.properties"
    source.write_text("# Main window, at most 5 characters\napp.title=Notes and more\n", "utf-8")
    out = tmp_path / "Messages_de.properties"
    result = translate_file(source, out, FakeModel(), tgt_lang="de")
    assert result.report.over_limit == 0
    [record] = JavaPropertiesDocument.pairs(out, source_file=source)
    assert "max_length" not in record.metadata
