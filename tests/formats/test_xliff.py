"""XLIFF files read as pairs: which units' targets are learnt."""

from __future__ import annotations

from pathlib import Path

import pytest

from ltmt.errors import LanguageError
from ltmt.formats.xliff import read_xliff


def one_unit_12(state: str) -> str:
    return (
        '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="a" '
        'source-language="en" target-language="de" datatype="plaintext"><body>'
        f'<trans-unit id="1"><source>Save</source><target state="{state}">Sichern</target>'
        "</trans-unit></body></file></xliff>"
    )


def one_unit_20(state: str, sub_state: str = "") -> str:
    sub = f' subState="{sub_state}"' if sub_state else ""
    return (
        '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" '
        f'trgLang="de"><file id="f"><unit id="1"><segment state="{state}"{sub}>'
        "<source>Save</source><target>Sichern</target></segment></unit></file></xliff>"
    )


@pytest.mark.parametrize(
    ("document", "read"),
    [
        (one_unit_12("new"), False),
        (one_unit_12("needs-review-translation"), False),
        (one_unit_12("translated"), True),  # a translator's, not signed off yet
        (one_unit_12("signed-off"), True),
        (one_unit_20("initial"), False),
        (one_unit_20("translated", "ltmt:mt"), False),  # ltmt's output, not reviewed
        (one_unit_20("translated", "ltmt:exact-match"), False),
        (one_unit_20("translated"), True),  # as 1.2's translated
        (one_unit_20("reviewed"), True),
        (one_unit_20("final"), True),
    ],
)
def test_finished_targets_are_read_alike_in_both_versions(
    tmp_path: Path, document: str, read: bool
) -> None:
    path = tmp_path / "in.xlf"
    path.write_text(document, "utf-8")
    assert [r.target for r in read_xliff(path)] == (["Sichern"] if read else [])


def one_unit_12_marked(attributes: str, target_attributes: str) -> str:
    """A 1.2 file of one unit with ``attributes`` on its ``<trans-unit>`` and
    ``target_attributes`` on its ``<target>``."""
    return (
        one_unit_12("")
        .replace('<trans-unit id="1">', f'<trans-unit id="1"{attributes}>')
        .replace('state=""', target_attributes)
    )


@pytest.mark.parametrize(
    ("document", "signed_off"),
    [
        # a reviewer's state, ltmt's mark left beside it (a hand edit, a simple tool)
        (one_unit_20("final", "ltmt:mt"), True),
        (one_unit_20("reviewed", "ltmt:mt"), True),
        (one_unit_20("final", "ltmt:exact-match"), True),
        (one_unit_20("reviewed", "ltmt:source-changed"), True),
        (one_unit_12_marked(' approved="yes"', 'state="needs-review-translation"'), True),
        (one_unit_12_marked("", 'state="final" state-qualifier="mt-suggestion"'), True),
        (one_unit_12_marked("", 'state="signed-off" state-qualifier="exact-match"'), True),
        # ltmt's output not reviewed yet
        (one_unit_20("translated", "ltmt:mt"), False),
        (
            one_unit_12_marked(
                "", 'state="needs-review-translation" state-qualifier="mt-suggestion"'
            ),
            False,
        ),
    ],
    ids=[
        "2.0 final ltmt:mt",
        "2.0 reviewed ltmt:mt",
        "2.0 final ltmt:exact-match",
        "2.0 reviewed ltmt:source-changed",
        "1.2 approved needs-review",
        "1.2 final mt-suggestion",
        "1.2 signed-off exact-match",
        "2.0 translated ltmt:mt",
        "1.2 needs-review mt-suggestion",
    ],
)
def test_translate_and_import_agree_on_what_a_reviewer_signed_off(
    tmp_path: Path, document: str, signed_off: bool
) -> None:
    """Trial s77: a 2.0 segment set ``final`` in an editor, ltmt's ``subState="ltmt:mt"`` left,
    was kept by translate as "signed off by a reviewer" and skipped by memory import as
    "awaiting review". Both now ask one rule (:attr:`XliffUnit.needs_review` gives way to
    :attr:`XliffUnit.signed_off`): a signed-off target is learnt, and not marked for review."""
    from ltmt.formats.xliff_document import XliffDocument

    path = tmp_path / "in.xlf"
    path.write_text(document, "utf-8")
    translating = XliffDocument.open(path)
    assert translating.signed_off() == int(signed_off)
    assert translating.marked_for_review() == (set() if signed_off else {"0"})
    assert translating.pending() == []  # kept either way
    assert [r.target for r in read_xliff(path)] == (["Sichern"] if signed_off else [])


def test_a_units_length_limit_in_characters_is_read(tmp_path: Path, caplog) -> None:
    """``ltmt qa`` checks it (the ``length`` check); one in pixels is said to be unchecked."""
    path = tmp_path / "in.xlf"
    document = one_unit_12("translated")
    path.write_text(document.replace('id="1"', 'id="1" maxwidth="12" size-unit="char"'), "utf-8")
    assert [r.metadata.get("max_length") for r in read_xliff(path)] == [12]
    path.write_text(document.replace('id="1"', 'id="1" maxwidth="90"'), "utf-8")
    assert [r.metadata.get("max_length") for r in read_xliff(path)] == [None]
    assert "1 unit with a length limit in pixel not checked" in caplog.text


def test_a_length_limit_that_is_no_number_is_said_to_be_unchecked(tmp_path: Path, caplog) -> None:
    """``maxwidth="abc"`` was ignored silently, where a limit in pixels is said."""
    path = tmp_path / "in.xlf"
    document = one_unit_12("translated")
    path.write_text(document.replace('id="1"', 'id="1" maxwidth="abc" size-unit="char"'), "utf-8")
    assert [r.metadata.get("max_length") for r in read_xliff(path)] == [None]
    assert '1 unit with a length limit in maxwidth="abc" (no whole number) not checked' in (
        caplog.text
    )


def _declaring(target_language: str) -> str:
    """A 1.2 file of one translated unit whose ``<file>`` declares ``target_language``."""
    return one_unit_12("translated").replace(
        'target-language="de"', f'target-language="{target_language}"'
    )


@pytest.mark.parametrize(
    ("declared", "tgt_lang"),
    [("de-DE", "de"), ("de-AT", "de"), ("de", "de-AT"), ("de-AT", "de-AT"), ("deu", "de-AT")],
)
def test_a_declared_language_naming_no_other_region_is_read(
    tmp_path: Path, declared: str, tgt_lang: str
) -> None:
    path = tmp_path / "a.xlf"
    path.write_text(_declaring(declared), encoding="utf-8")
    assert [record.target for record in read_xliff(path, tgt_lang=tgt_lang)] == ["Sichern"]


@pytest.mark.parametrize(
    ("declared", "tgt_lang", "expected"),
    [
        ("de-DE", "de-AT", r"the file's target language is de-DE, not de-AT; give --tgt-lang "
         r"de-DE \(or de for any region\)$"),
        ("de-CH", "de-AT", r"the file's target language is de-CH, not de-AT; give --tgt-lang "
         r"de-CH \(or de for any region\)$"),
        ("fr-FR", "de", r"the file's target language is fr-FR, not de; pass "
         r"--src-lang/--tgt-lang to choose the pair$"),
    ],
)  # fmt: skip
def test_a_declared_language_of_another_region_is_compared_with_the_one_asked_for(
    tmp_path: Path, declared: str, tgt_lang: str, expected: str
) -> None:
    """Trados' target-language="de-DE" imported with ``--tgt-lang de-AT`` said "target
    language in the file is de-DE, not en->de-AT": a language against a pair, and no way
    out."""
    path = tmp_path / "a.sdlxliff"
    path.write_text(_declaring(declared), encoding="utf-8")
    with pytest.raises(LanguageError, match=expected):
        list(read_xliff(path, tgt_lang=tgt_lang))


def test_a_target_that_is_its_source_marked_untranslated_is_not_read(tmp_path: Path) -> None:
    """Symfony's translation:extract writes ``__`` + the source for a message it lacks."""
    from ltmt.formats.not_read import NotRead

    path = tmp_path / "messages.de.xlf"
    path.write_text(one_unit_20("").replace(' state=""', "").replace("Sichern", "__Save"), "utf-8")
    not_read = NotRead()
    assert list(read_xliff(path, not_read=not_read)) == []
    assert not_read.by_reason() == {"untranslated": 1}


_MARKED_12 = (
    '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="a" '
    'source-language="en" target-language="de" datatype="plaintext"><body>'
    '<trans-unit id="1"><source>Save</source><target state="final">Sichern</target></trans-unit>'
    '<trans-unit id="2" translate="no"><source>REF</source><target>REF</target></trans-unit>'
    '<group translate="no"><trans-unit id="3"><source>LOT</source><target>LOT</target>'
    '</trans-unit><trans-unit id="4"><source>SN</source></trans-unit></group>'
    "</body></file></xliff>"
)
_MARKED_20 = (
    '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" '
    'trgLang="de"><file id="f"><unit id="1"><segment state="final"><source>Save</source>'
    '<target>Sichern</target></segment></unit><unit id="2" translate="no"><segment>'
    "<source>REF</source><target>REF</target></segment></unit></file></xliff>"
)


@pytest.mark.parametrize(("document", "marked"), [(_MARKED_12, 3), (_MARKED_20, 1)])
def test_units_marked_translate_no_are_counted_as_not_read(
    tmp_path: Path, document: str, marked: int
) -> None:
    """IFU trial, session 69: an import's summary counted 7 of a Trados file's 8 units, the
    ``translate="no"`` one not said."""
    from ltmt.formats.not_read import NotRead
    from ltmt.memory.report import ImportReport

    path = tmp_path / "IFU_de.xlf"
    path.write_text(document, encoding="utf-8")
    not_read = NotRead()
    assert [r.source for r in read_xliff(path, not_read=not_read)] == ["Save"]
    assert not_read.by_reason() == {'marked translate="no"': marked}
    report = ImportReport("X", read=1, added=1, not_read=not_read.by_reason())
    assert report.summary() == (
        f'X: 1 added, 0 duplicates, 0 skipped; not read: {marked} marked translate="no"'
    )


def test_a_resource_name_is_a_key_that_the_memory_check_compares_with_any_context(
    tmp_path: Path,
) -> None:
    """Regression trial crowdin, session 67: a Crowdin unit's ``resname="comments.add"`` was
    its context, so ``qa --check memory`` passed ``Kommentar schreiben`` beside a pair stored
    for the TMX context ``comments``; a resource name is a string key now, as a JSON
    message's, and a gettext ``msgctxt`` stays a context."""
    from ltmt import Memory
    from ltmt.qa import check_pairs

    path = tmp_path / "in.xlf"
    keyed = one_unit_12("final").replace('id="1"', 'id="1" resname="comments.add"')
    path.write_text(keyed.replace("Sichern", "Kommentar schreiben"), "utf-8")
    records = list(read_xliff(path))
    assert [(r.metadata["context"], r.metadata.get("context_is_key")) for r in records] == [
        ("comments.add", True)
    ]
    with Memory(tmp_path / "store") as memory:
        stored = ("Save", "Kommentar hinzufügen", {"context": "comments"})
        memory.import_pairs("u1", [stored], languages=["en", "de"])
        report = check_pairs(records, memory=memory, user="u1", checks=["memory"])
    assert [f.message for f in report.findings] == [
        "u1's memory translates this source as 'Kommentar hinzufügen'"
    ]
    msgctxt = '<context-group><context context-type="x-po-msgctxt">menu</context></context-group>'
    path.write_text(keyed.replace("<source>", msgctxt + "<source>"), "utf-8")
    assert [
        (r.metadata["context"], r.metadata.get("context_is_key")) for r in read_xliff(path)
    ] == [("menu", None)]


MEMOQ_12 = (
    '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2" xmlns:mq="MQXliff">'
    '<file original="a" datatype="xml" source-language="eng-US" target-language="ger-DE"><body>'
    '<trans-unit id="1" mq:status="ManuallyConfirmed"><source>Save</source>'
    "<target>Sichern</target></trans-unit></body></file></xliff>"
)
TRADOS_12 = (
    '<xliff xmlns:sdl="http://sdl.com/FileTypes/SdlXliff/1.0" version="1.2" '
    'xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="b.docx" '
    'datatype="x-sdlfilterframework2" source-language="en-US" target-language="de-DE"><body>'
    '<trans-unit id="u1"><source>Close</source><seg-source><mrk mtype="seg" mid="1">Close</mrk>'
    '</seg-source><target><mrk mtype="seg" mid="1">Schließen</mrk></target><sdl:seg-defs>'
    '<sdl:seg id="1" conf="Translated"/></sdl:seg-defs></trans-unit></body></file></xliff>'
)
XLIFF_20 = one_unit_20("final").replace(
    'srcLang="en" trgLang="de"', 'srcLang="en-US" trgLang="de-DE"'
)


@pytest.mark.parametrize(
    ("document", "languages"),
    [
        (MEMOQ_12, {"source": "en-US", "target": "de-DE"}),
        (TRADOS_12, {"source": "en-US", "target": "de-DE"}),
        (XLIFF_20, {"source": "en-US", "target": "de-DE"}),
        (one_unit_12("final"), None),  # en and de: nothing more than the pair read
    ],
)
def test_the_languages_a_file_declares_are_kept_with_its_pairs(
    tmp_path: Path, document: str, languages: dict[str, str] | None
) -> None:
    """Regression trial s72 (memoQ), defect 6: pairs imported from a memoQ or Trados file
    declaring en-US/de-DE were stored as en/de, so a memory export mixed them with a TMX's
    en-US/de-DE units; they keep the file's codes now, as a TMX unit's are kept."""
    path = tmp_path / "in.xlf"
    path.write_text(document, "utf-8")
    assert [r.metadata.get("tmx_languages") for r in read_xliff(path)] == [languages]


def test_a_memory_export_labels_xliff_and_tmx_pairs_alike(tmp_path: Path) -> None:
    """The TMX written from a TMX's en-US/de-DE unit and two XLIFF files' pairs had 1 en-US and
    2 en units (header ``srclang="en"``): a CAT tool then asks about the mismatch."""
    from lxml import etree

    from ltmt.formats.tmx import read_tmx, write_tmx

    tmx = tmp_path / "in.tmx"
    tmx.write_text(
        '<tmx version="1.4"><header srclang="en-US" datatype="plaintext" segtype="sentence" '
        'adminlang="en" o-tmf="x" creationtool="x" creationtoolversion="1"/><body><tu>'
        '<tuv xml:lang="en-US"><seg>Open</seg></tuv><tuv xml:lang="de-DE"><seg>Öffnen</seg>'
        "</tuv></tu></body></tmx>",
        "utf-8",
    )
    records = list(read_tmx(tmx, "en", "de"))
    for name, document in (("a.mqxliff", MEMOQ_12), ("b.sdlxliff", TRADOS_12)):
        (tmp_path / name).write_text(document, "utf-8")
        records += read_xliff(tmp_path / name, "en", "de")
    out = tmp_path / "out.tmx"
    write_tmx(out, records, "en", "de")
    root = etree.parse(str(out)).getroot()
    tuv_lang = "{http://www.w3.org/XML/1998/namespace}lang"
    assert [tuv.get(tuv_lang) for tuv in root.iter("tuv")] == ["en-US", "de-DE"] * 3
    assert root.find("header").get("srclang") == "en-US"


def test_a_file_read_as_another_pair_keeps_no_code_of_the_side_read_otherwise(
    tmp_path: Path,
) -> None:
    """``--no-language-check`` reads a file declaring fr-FR as German, as asked: its pairs are
    not labelled fr-FR on export."""
    path = tmp_path / "in.xlf"
    path.write_text(TRADOS_12.replace('target-language="de-DE"', 'target-language="fr-FR"'))
    records = list(read_xliff(path, "en", "de", check_declared=False))
    assert [r.metadata.get("tmx_languages") for r in records] == [{"source": "en-US"}]
