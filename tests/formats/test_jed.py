"""WordPress Jed JSON files (``wp i18n make-json``): filled where empty, the rest kept."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest
from formats_fakes import FakeModel

from ltmt.errors import InputError, LanguageError
from ltmt.formats.documents import open_document
from ltmt.formats.folders import read_folder
from ltmt.formats.jed import JedDocument, forms_left_empty, is_jed
from ltmt.formats.json_catalog import JsonCatalog
from ltmt.formats.pairs import read_translations
from ltmt.formats.pipeline import translate_file
from ltmt.formats.registry import FORMATS
from ltmt.segments import Match, Segment, Translation

# as WP-CLI 2.10 writes it: one line, PHP's escapes
JED = (
    '{"translation-revision-date":"2024-05-01 10:00+0000","generator":"WP-CLI\\/2.10.0",'
    '"source":"build\\/editor.js","domain":"messages","locale_data":{"messages":{"":'
    '{"domain":"messages","lang":"de_DE","plural-forms":"nplurals=2; plural=n != 1;"},'
    '"Save":["Speichern"],"Add field":[""],"%d field":["",""],'
    '"block title\\u0004Contact form":[""],"Open \\/ close":[""]}}}'
)


def _write(tmp_path: Path, text: str, name: str = "acme-de_DE-0a1b.json") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (json.loads(JED), True),
        ({"locale_data": {"messages": {"Save": ["Speichern"]}}}, False),  # no header
        ({"domain": "messages", "title": "Save"}, False),
        (["Save"], False),
    ],
)
def test_is_jed(data: object, expected: bool) -> None:
    assert is_jed(data) is expected


def test_a_jed_file_opens_as_one(tmp_path: Path) -> None:
    assert isinstance(open_document(_write(tmp_path, JED)), JedDocument)
    other = _write(tmp_path, '{"messages": "Messages"}', "en.json")
    assert isinstance(open_document(other), JsonCatalog)


def test_units_are_messages_with_their_contexts(tmp_path: Path) -> None:
    document = JedDocument.open(_write(tmp_path, JED), tgt_lang="de")
    units = {unit.source: unit.context for unit in document.pending()}
    assert units == {
        "Add field": "",
        "%d field": "",
        "Contact form": "block title",
        "Open / close": "",
    }


def test_empty_messages_filled_and_every_other_byte_kept(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    out = tmp_path / "out.json"
    with caplog.at_level(logging.WARNING):
        translate_file(_write(tmp_path, JED), out, FakeModel(), tgt_lang="de")
    expected = (
        JED.replace('"Add field":[""]', '"Add field":["ADD FIELD"]')
        .replace('"%d field":["",""]', '"%d field":["%d FIELD",""]')
        .replace('Contact form":[""]', 'Contact form":["CONTACT FORM"]')
        .replace('"Open \\/ close":[""]', '"Open \\/ close":["OPEN \\/ CLOSE"]')
    )
    assert out.read_text(encoding="utf-8") == expected
    assert "1 plural message (%d field): only the singular is translated" in caplog.text


def test_a_translation_is_written_with_the_files_escapes(tmp_path: Path) -> None:
    pretty = json.dumps(json.loads(JED.replace("Add field", "Add für")), indent=4)
    out = tmp_path / "out.json"
    translate_file(_write(tmp_path, pretty), out, FakeModel(), tgt_lang="de")
    text = out.read_text(encoding="utf-8")
    assert '"Add f\\u00fcr": [\n                "ADD F\\u00dcR"\n' in text
    assert json.loads(text)["domain"] == "messages"


def test_a_jed_file_of_another_language_is_refused(tmp_path: Path) -> None:
    with pytest.raises(LanguageError, match="fr_FR"):
        JedDocument.open(_write(tmp_path, JED.replace("de_DE", "fr_FR")), tgt_lang="de")


def test_memory_pairs_are_its_filled_messages_without_a_source_file(tmp_path: Path) -> None:
    filled = JED.replace('"%d field":["",""]', '"%d field":["%d Feld","%d Felder"]').replace(
        'Contact form":[""]', 'Contact form":["Kontaktformular"]'
    )
    records = list(read_translations(_write(tmp_path, filled)))
    assert [(r.source, r.target, dict(r.metadata)) for r in records] == [
        ("Save", "Speichern", {}),
        ("%d field", "%d Feld", {"plural": 0}),
        ("Contact form", "Kontaktformular", {"context": "block title"}),
    ]


def test_messages_with_an_empty_translation_are_counted_untranslated(tmp_path: Path) -> None:
    """An import of WP-CLI's half-filled file counted its empty messages nowhere."""
    from ltmt.formats.not_read import NotRead

    not_read = NotRead()
    records = list(read_translations(_write(tmp_path, JED), not_read=not_read))
    assert [(r.source, r.target) for r in records] == [("Save", "Speichern")]
    assert not_read.by_reason() == {"untranslated": 4}


def test_a_source_file_for_a_jed_file_is_refused(tmp_path: Path) -> None:
    """A Jed file imported with --source-file was read with a warning that the source file was
    not: its keys are its sources, so a source-language file has no place beside it."""
    source = _write(tmp_path, '{"Save": "Save"}', "en.json")
    jed = _write(tmp_path, JED)
    with pytest.raises(InputError, match=rf"^{jed}: a Jed file holds its source strings .*"):
        read_translations(jed, source_file=source, tgt_lang="de")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (JED, False),  # its messages and their translations
        ('{"save": "Speichern"}', True),  # a JSON message file, beside its source file
        ("{not json", True),  # its reader names the problem
    ],
    ids=["jed", "message-file", "malformed"],
)
def test_a_json_file_holds_one_language_unless_it_is_jed(
    tmp_path: Path, text: str, expected: bool
) -> None:
    assert FORMATS["json"].one_language_file(_write(tmp_path, text)) is expected


@pytest.mark.parametrize("existing", [JED, '{"Save": "Sichern"}'], ids=["jed", "message-file"])
def test_an_existing_output_of_a_jed_file_is_not_replaced(tmp_path: Path, existing: str) -> None:
    """A Jed output was overwritten without a word, a reviewer's translations in it lost: the
    refusal of an existing output of a catalog holding both languages skipped every JSON file."""
    out = _write(tmp_path, existing.replace("Speichern", "Sichern"), "out.json")
    reviewed = out.read_bytes()
    with pytest.raises(InputError, match=rf"^{out} exists and may hold reviewed translations"):
        translate_file(_write(tmp_path, JED), out, FakeModel(), tgt_lang="de")
    assert out.read_bytes() == reviewed


def test_a_folder_of_jed_files_is_imported_without_a_source_folder(tmp_path: Path) -> None:
    """A folder's Jed files were each sought a source-language file, and left out without one."""
    folder = tmp_path / "languages"
    folder.mkdir()
    _write(folder, JED)
    found = read_folder(folder, tgt_lang="de")
    assert [r.source for r in found.records] == ["Save"]
    assert found.without_source == []


def test_its_own_translations_are_held_and_translated_again_when_asked(tmp_path: Path) -> None:
    """What the record of ltmt's outputs reads (a memory import then warns of machine
    translation stored as approved), and what a changed source makes pending again."""
    document = JedDocument.open(_write(tmp_path, JED))
    pending = [unit.source for unit in document.pending()]
    assert pending == ["Add field", "%d field", "Contact form", "Open / close"]
    document.fill({"/locale_data/messages/Add field/0": "Feld hinzufügen"})
    assert document.held_translations() == {
        "/locale_data/messages/Save/0": "Speichern",
        "/locale_data/messages/Add field/0": "Feld hinzufügen",
    }
    document.translate_again(["/locale_data/messages/Save/0"])
    assert [unit.source for unit in document.pending()] == ["Save", *pending]


def test_ltmts_own_messages_are_told_from_a_translators_by_the_record(tmp_path: Path) -> None:
    """WordPress trial s76: ``memory import --reviewed-only`` of a Jed file ltmt filled stored
    its machine translation as approved ("3 added, 0 skipped"), reused as a 100 % match."""
    from ltmt.formats.changed_sources import (
        UNREVIEWED,
        recorded_for_older_sources,
        unreviewed_left_out,
        written_unreviewed,
    )
    from ltmt.formats.output_sources import OutputSources

    records = OutputSources(tmp_path / "records")
    out = tmp_path / "out" / "acme-de_DE-0a1b.json"
    out.parent.mkdir()
    translate_file(_write(tmp_path, JED), out, FakeModel(), output_sources=records)
    record = records.read(out)
    assert record is not None
    pairs = recorded_for_older_sources(record, list(read_translations(out)))
    assert written_unreviewed(record, pairs) == [
        "/locale_data/messages/Add field/0",
        "/locale_data/messages/%d field/0",
        "block title",  # (a message with a context is named by it)
        "/locale_data/messages/Open ~1 close/0",  # (its place, as ltmt qa names it)
    ]
    assert [(p.source, p.unpaired) for p in unreviewed_left_out(record, pairs)] == [
        ("Save", ""),  # the translator's, there before
        ("Add field", UNREVIEWED),
        ("%d field", UNREVIEWED),
        ("Contact form", UNREVIEWED),
        ("Open / close", UNREVIEWED),
    ]


def _stored(seg_id: int, source: str, target: str, **metadata: object) -> Match:
    return Match(Segment(seg_id, "u1", source, target, 0.0, "de.po", dict(metadata)), 90.0)


# a reviewed PO catalog imported: %d field / %d fields, and another message's plural
STORED = (
    _stored(1, "%d field", "%d Feld", plural=0),
    _stored(2, "%d fields", "%d Felder", plural=1, plural_of="%d field"),
    _stored(3, "%d files", "%d Dateien", plural=1, plural_of="%d file"),
    _stored(4, "%d fields", "%d Formularfelder", plural=1, plural_of="%d field", context="form"),
)


def _with_memory(texts: list[str], prefer: list[dict] | None = None) -> list[Translation]:
    """The model, each text's memory matches the stored pairs above."""
    return [Translation(t, t.upper(), STORED, "model") for t in texts]


def test_a_plurals_other_forms_are_filled_from_the_memory(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """WordPress trial s76: the memory held the reviewed plural of that very msgid (a 100 %
    match), and the output was ``"%d guest":["%d Gast",""]`` with a warning to translate it
    in the .po. Only the form of the same msgid and context is taken."""
    out = tmp_path / "out.json"
    with caplog.at_level(logging.WARNING):
        translate_file(_write(tmp_path, JED), out, _with_memory, tgt_lang="de")
    assert '"%d field":["%d FIELD","%d Felder"]' in out.read_text(encoding="utf-8")
    assert "only the singular is translated" not in caplog.text
    context = JED.replace('"%d field"', '"form\\u0004%d field"')
    out = tmp_path / "out2.json"
    translate_file(_write(tmp_path, context, "c-de_DE-1.json"), out, _with_memory, tgt_lang="de")
    assert '"form\\u0004%d field":["%d FIELD","%d Formularfelder"]' in out.read_text("utf-8")


def test_a_form_the_memory_lacks_is_left_empty_with_a_warning_at_the_end(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    other = JED.replace('"%d field":["",""]', '"%d file":["",""]')
    out = tmp_path / "out.json"
    with caplog.at_level(logging.WARNING):
        translate_file(_write(tmp_path, other), out, FakeModel(), tgt_lang="de")
    assert '"%d file":["%d FILE",""]' in out.read_text(encoding="utf-8")
    assert (
        f"{out}: 1 plural message (%d file): only the singular is translated, as a Jed file "
        "does not hold the English plural and the memory holds no translation of the other "
        "forms; WordPress shows the English plural until you translate them in the .po and "
        "run wp i18n make-json again (or import the .po: ltmt then fills them from the memory)"
    ) in caplog.text


def test_forms_left_empty_beside_a_translated_first_one(tmp_path: Path) -> None:
    text = JED.replace('"%d field":["",""]', '"%d field":["%d Feld",""],"%d row":["",""]')
    path = _write(tmp_path, text)
    assert forms_left_empty(path) == [
        (f"{path}: /locale_data/messages/%d field/0", "%d field", "%d Feld", [2])
    ]


def test_a_message_written_twice_is_refused_naming_its_lines(tmp_path: Path) -> None:
    """A Jed file holds its translations: filling the last "Done" would leave the reviewed
    first one shadowed (Jed reads the last), and a memory import would miss it."""
    jed = _write(
        tmp_path,
        '{"locale_data": {"messages": {\n"": {"domain": "messages", "lang": "de"},\n'
        '"Done": ["Erledigt"],\n"Done": [""]}}}\n',
    )
    said = rf'^{jed}: 1 key defined more than once \("Done" at lines 3 and 4\): JSON keeps'
    with pytest.raises(InputError, match=said):
        open_document(jed, tgt_lang="de")
    with pytest.raises(InputError, match=said):
        JedDocument.open(jed, tgt_lang="de")
    with pytest.raises(InputError, match=said):
        list(read_translations(jed))
