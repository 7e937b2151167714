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
