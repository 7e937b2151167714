"""Salesforce Translation Workbench ``.stf`` files: read, translate, import, length limits."""

from __future__ import annotations

import re

import pytest

from ltmt.errors import InputError
from ltmt.formats.documents import open_document
from ltmt.formats.not_read import NotRead
from ltmt.formats.pairs import read_pairs
from ltmt.formats.registry import find_format
from ltmt.formats.stf import is_stf
from ltmt.qa.pair_checks import length_problems

HEAD = "# Lines that begin with the # symbol are ignored during import.\n\nLanguage code: de\n"
SOURCE = (
    HEAD + "Type: Source\nTranslation type: Metadata\n\n"
    "------------------TRANSLATED-------------------\n\n# KEY\tLABEL\n\n"
    "CustomField.Account.Region__c.FieldLabel\tSales Region\n"
    'CustomLabel.Help\tEnter the number.\\nUse "ACME".\n'
)
BILINGUAL = (
    HEAD + "Type: Bilingual\nTranslation type: Metadata\n\n"
    "------------------TRANSLATED-------------------\n\n"
    "# KEY\tLABEL\tTRANSLATION\tOUT OF DATE\n\n"
    "CustomField.Account.Region__c.FieldLabel\tSales Region\tVertriebsregion\t-\n"
    "PicklistValue.Account.Industry.Banking\tBanking\tBankwesen\t*\n"
    "CustomLabel.Empty\tOpen the file\t\t-\n\n"
    "------------------OUTDATED AND UNTRANSLATED-----------------\n\n# KEY\tLABEL\n\n"
    "CustomField.Lead.Lead_Score__c.FieldLabel\tLead Score\n"
    "CustomLabel.Reopen\tReopen this opportunity\n"
)


def _file(tmp_path, text, name="Bilingual_de.stf", *, newline="\n", bom=False):
    path = tmp_path / name
    data = ("\ufeff" if bom else "") + text.replace("\n", newline)
    path.write_bytes(data.encode("utf-8"))
    return path


def test_stf_is_known_by_its_extension(tmp_path):
    assert find_format(_file(tmp_path, SOURCE, "Source_de.stf"), role="document").name == "stf"


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
@pytest.mark.parametrize("text", [SOURCE, BILINGUAL], ids=["Source", "Bilingual"])
def test_nothing_translated_writes_the_file_byte_for_byte(tmp_path, text, newline):
    path = _file(tmp_path, text, newline=newline, bom=True)
    document = open_document(path)
    document.save(tmp_path / "out.stf")
    assert (tmp_path / "out.stf").read_bytes() == path.read_bytes()


def test_a_source_file_gets_its_label_column_translated(tmp_path):
    """Keys are context, the header and comments stay, escapes are read and written back."""
    document = open_document(_file(tmp_path, SOURCE, "Source_de.stf", newline="\r\n"))
    units = document.pending()
    assert [(u.source, u.context) for u in units] == [
        ("Sales Region", "CustomField.Account.Region__c.FieldLabel"),
        ('Enter the number.\nUse "ACME".', "CustomLabel.Help"),
    ]
    document.fill({units[0].key: "Vertriebsregion", units[1].key: 'Nummer.\nFormat "ACME"\t!'})
    document.save(tmp_path / "out.stf")
    assert (tmp_path / "out.stf").read_bytes().decode("utf-8") == SOURCE.replace(
        "\tSales Region", "\tVertriebsregion"
    ).replace('Enter the number.\\nUse "ACME".', 'Nummer.\\nFormat "ACME"\\t!').replace(
        "\n", "\r\n"
    )


def test_a_bilingual_file_gets_empty_and_out_of_date_translations_filled(tmp_path):
    document = open_document(_file(tmp_path, BILINGUAL))
    units = document.pending()
    assert [u.source for u in units] == [
        "Banking",
        "Open the file",
        "Lead Score",
        "Reopen this opportunity",
    ]
    assert len(document.units()) == 5  # the current translation is no unit to translate
    document.fill({u.key: f"[de] {u.source}" for u in units})
    document.save(tmp_path / "out.stf")
    written = (tmp_path / "out.stf").read_text("utf-8")
    assert written == (
        BILINGUAL.replace("\tBankwesen\t*", "\t[de] Banking\t*")
        .replace("\tOpen the file\t\t-", "\tOpen the file\t[de] Open the file\t-")
        .replace("\tLead Score\n", "\t[de] Lead Score\n")
        .replace("\tReopen this opportunity\n", "\t[de] Reopen this opportunity\n")
    )


def test_import_reads_current_translations_and_counts_the_rest(tmp_path):
    not_read = NotRead()
    records = list(read_pairs(_file(tmp_path, BILINGUAL), not_read=not_read))
    assert [(r.source, r.target, r.metadata) for r in records] == [
        (
            "Sales Region",
            "Vertriebsregion",
            {"context": "CustomField.Account.Region__c.FieldLabel", "max_length": 40},
        )
    ]
    assert not_read.by_reason() == {"out of date": 1, "untranslated": 3}


def test_a_source_file_has_no_translations_to_import(tmp_path):
    with pytest.raises(
        InputError,
        match=re.escape(
            "a Source .stf file holds no translations to read; export a Bilingual file "
            "from Translation Workbench and read that"
        ),
    ):
        list(read_pairs(_file(tmp_path, SOURCE, "Source_de.stf")))


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            SOURCE.replace("Type: Source", "Type: Other"),
            "not a Salesforce Translation Workbench file: its header lacks 'Language code:' or "
            "a 'Type:' of Source, Untranslated, Bilingual; export the file again from "
            "Translation Workbench",
        ),
        (
            SOURCE.replace("Region__c.FieldLabel\tSales", "Region__c.FieldLabel    Sales"),
            ":11: not a line of a Salesforce Translation Workbench file (KEY<TAB>LABEL, a # "
            "comment or a header line): CustomField.Account.Region__c.FieldLabel    Sales "
            "Region; keep the tabs between its columns",
        ),
        (  # a regression trial, session 69: said ':1: not a line of ...; keep the tabs'
            'title = "My notes"\nbody = "Hello there"\n',
            "Source_de.stf: not a Salesforce Translation Workbench file (no 'Language code:' "
            "and 'Type:' lines at its top); pass --format to read it as another format",
        ),
        (
            "CustomLabel.Help\tHelp\n" + SOURCE,
            "Source_de.stf: not a Salesforce Translation Workbench file (no 'Language code:' "
            "and 'Type:' lines at its top); pass --format to read it as another format",
        ),
    ],
    ids=["no Source, Untranslated or Bilingual type", "spaces for a tab", "notes", "row first"],
)
def test_a_file_of_another_kind_is_refused(tmp_path, text, message):
    with pytest.raises(InputError, match=re.escape(message)):
        open_document(_file(tmp_path, text, "Source_de.stf"))
    with pytest.raises(InputError, match=re.escape(message)):
        list(read_pairs(_file(tmp_path, text, "Source_de.stf")))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (SOURCE, True),
        (BILINGUAL, True),
        ("\ufeff" + SOURCE.replace("\n", "\r\n"), True),
        (SOURCE.replace("Type: Source", "Type: Other"), True),  # refused by the reader, as such
        ('title = "My notes"\nbody = "Hello there"\n', False),
        (HEAD + "CustomLabel.Help\tHelp\nType: Source\n", False),  # a row before its Type
        ("# notes\nTitle: My notes\n", False),
        ("", False),
    ],
)
def test_is_stf(tmp_path, text, expected):
    """Whether a file begins with Translation Workbench's Language code and Type lines."""
    path = tmp_path / "f.stf"
    path.write_bytes(text.encode("utf-8"))
    assert is_stf(path) is expected


def test_field_labels_longer_than_40_characters_are_noted(tmp_path):
    document = open_document(_file(tmp_path, SOURCE, "Source_de.stf"))
    label, custom = document.pending()
    document.fill({label.key: "V" * 41, custom.key: "x" * 80})  # a custom label: no limit
    assert document.review_notes() == [
        "1 field label translated longer than Salesforce's 40 characters "
        "(CustomField.Account.Region__c.FieldLabel (line 11): the translation is 41 characters "
        "long, its unit allows 40): shorten it"
    ]
    record = next(iter(read_pairs(_file(tmp_path, BILINGUAL.replace("Vertriebsregion", "V" * 41)))))
    assert length_problems(record.source, record.target, record.metadata) == [
        "the translation is 41 characters long, its unit allows 40"
    ]


def test_a_header_naming_another_language_is_warned_of_and_kept(tmp_path, caplog):
    """Salesforce asks for a Source file's Language code to be set to the translation's."""
    path = _file(tmp_path, SOURCE.replace("code: de", "code: en_US"), "Source_en_US.stf")
    document = open_document(path, tgt_lang="de")
    assert [r.getMessage() for r in caplog.records] == [
        f"{path}: its header says 'Language code: en_US', the language Salesforce imports it "
        "into; set it to the target language's code (de) before importing the translation"
    ]
    document.save(tmp_path / "out.stf")
    assert (tmp_path / "out.stf").read_bytes() == path.read_bytes()
    caplog.clear()
    open_document(_file(tmp_path, SOURCE.replace("code: de", "code: de_CH")), tgt_lang="de-CH")
    assert not caplog.records
