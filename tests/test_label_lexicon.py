"""The label lexicon: short labels of the training catalogs and their translators' translations."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from ltmt.errors import InputError
from ltmt.label_lexicon import (
    FILE_NAME,
    LabelLexicon,
    build_label_lexicon,
    fill_labels,
    label_parts,
    plain_label,
    read_label_list,
)


@pytest.mark.parametrize(
    ("line", "key", "end"),
    [
        ("Paste", "^paste", ""),
        ("_Paste", "^paste", ""),  # its accelerator aside
        ("Save _As…", "^save as", "…"),
        ("Find...", "^find", "..."),
        ("Options:", "^options", ":"),
        ("open", "open", ""),  # a state, not the button: another label
        ("Don't Save", "^don't save", ""),
        ("Two-sided", "^two-sided", ""),
    ],
)
def test_a_label(line, key, end):
    parts = label_parts(line)
    assert parts is not None and (parts.key, parts.end) == (key, end)


@pytest.mark.parametrize(
    "line",
    ["Save all open files", "Open %s", "Page 2", "CLOSE", "Open?", "", "<b>Open</b>", "A\nB"],
)
def test_no_label(line):
    assert label_parts(line) is None


def test_plain_label():
    assert plain_label("  Save _As … ") == "Save As"


def test_the_lexicon_keeps_the_commonest_translation_and_drops_what_it_cannot_choose():
    lexicon = build_label_lexicon(
        [
            ("_Paste", "_Einfügen"),
            ("Paste", "Einfügen"),
            ("Paste", "Vergangenheit"),
            ("Done", "fertig"),
            ("Done", "Fertig"),  # case aside, one translation
            ("Clear", "Leeren"),
            ("Clear", "Löschen"),  # as often as the other: no entry
            ("Name", "Name"),  # a copy: the model's own way
            ("Open %s", "%s öffnen"),  # no label
            ("Title", "%s Titel"),  # a placeholder in the translation
            ("open", "offen"),
            ("Open", "Öffnen"),
        ],
        {"data": "test"},
    )
    assert lexicon.entries == {
        "^done": "Fertig",
        "^open": "Öffnen",
        "^paste": "Einfügen",
        "open": "offen",
    }
    assert lexicon.meta == {"data": "test"}


def test_a_translation_takes_the_lines_capital_and_end():
    lexicon = LabelLexicon({"^save as": "Speichern unter", "^done": "fertig", "open": "offen"})
    assert lexicon.translate("Save As…") == "Speichern unter…"
    assert lexicon.translate("Done:") == "Fertig:"
    assert lexicon.translate("open") == "offen"
    assert lexicon.translate("Open") is None  # the button is another label
    assert lexicon.translate("Save all") is None


def test_the_lexicon_is_saved_with_what_it_was_built_from(tmp_path: Path):
    lexicon = LabelLexicon({"^paste": "Einfügen"}, {"data": "l10n/train/*.jsonl"})
    path = lexicon.save(tmp_path)
    assert path == tmp_path / FILE_NAME
    assert LabelLexicon.of_model(tmp_path) == lexicon
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        assert json.load(handle)["format"] == "ltmt-labels/1"
    assert LabelLexicon.of_model(tmp_path / "elsewhere") is None
    assert LabelLexicon.of_model(None) is None


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"not gzip", "not a label lexicon"),
        (gzip.compress(b'{"format": "other"}'), r"not a label lexicon \(format ltmt-labels/1"),
        (gzip.compress(b'{"format": "ltmt-labels/1"}'), "a label lexicon without entries"),
    ],
)
def test_a_file_that_is_no_lexicon_is_a_one_line_error(tmp_path: Path, content, message):
    (tmp_path / FILE_NAME).write_bytes(content)
    with pytest.raises(InputError, match=message):
        LabelLexicon.of_model(tmp_path)


def test_the_shipped_model_has_a_lexicon_of_its_training_catalogs():
    from ltmt.model.backbone import DEFAULT_MODEL_DIR

    lexicon = LabelLexicon.of_model(DEFAULT_MODEL_DIR)
    assert lexicon is not None and lexicon.meta["data"] == "l10n/train/*.jsonl"
    assert lexicon.translate("Paste") == "Einfügen"
    assert lexicon.translate("Save _As…") == "Speichern unter…"


def test_a_label_list_fills_only_the_labels_the_lexicon_lacks():
    lexicon = LabelLexicon({"^forward": "Vor"})
    added = fill_labels(lexicon, [("Save", "Speichern"), ("Forward", "Weiterleiten")])
    assert added == 1
    assert lexicon.entries == {"^forward": "Vor", "^save": "Speichern"}


def test_the_shipped_label_list_reads_as_labels():
    path = Path(__file__).parent.parent / "ltmt" / "train" / "ui_labels.en-de.tsv"
    pairs = read_label_list(path)
    assert ("Save", "Speichern") in pairs and ("Cancel", "Abbrechen") in pairs
    assert len({label.casefold() for label, _ in pairs}) == len(pairs)
