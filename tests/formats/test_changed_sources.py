"""Strings kept from an existing output whose source changed since: named from the memory."""

from __future__ import annotations

import json
from functools import partial
from pathlib import Path

from formats_fakes import FakeModel

from ltmt import Memory
from ltmt.formats.changed_sources import approved_for_other_sources
from ltmt.formats.documents import Unit
from ltmt.formats.pipeline import translate_file


def test_a_kept_translation_the_memory_holds_for_another_source_is_translated_again(
    tmp_path: Path,
) -> None:
    """It was kept with a warning, so that an update without the record of what ltmt wrote
    (a fresh CI workspace) kept the old English's German where one with it translated again;
    a translation the memory does not hold (a hand edit) is kept."""
    source, output = tmp_path / "en.json", tmp_path / "de.json"
    source.write_text(
        json.dumps({"submit": "Send the form", "open": "Open", "close": "Close now"}), "utf-8"
    )
    output.write_text(
        json.dumps({"submit": "Formular absenden", "open": "Öffnen", "close": "Zumachen"}),
        "utf-8",
    )
    with Memory(tmp_path / "store") as memory:
        memory.import_pairs(
            "u",
            [
                ("Submit the form", "Formular absenden", {"context": "/submit"}),  # the old one
                ("Open", "Öffnen", {"context": "/open"}),
                ("Close", "Schließen", {"context": "/close"}),
            ],
        )
        result = translate_file(
            source,
            output,
            FakeModel(),
            changed_sources=partial(approved_for_other_sources, memory, "u"),
        )
    assert json.loads(output.read_text("utf-8")) == {
        "submit": "SEND THE FORM",
        "open": "Öffnen",
        "close": "Zumachen",  # edited by hand, never imported: nothing says it is stale
    }
    assert result.report.source_changed == 1
    assert "1 translated again: their source changed since they were translated" in (
        result.report.summary()
    )


def test_only_a_pair_of_the_same_context_and_translation_tells(tmp_path: Path) -> None:
    with Memory(tmp_path / "store") as memory:
        memory.import_pairs(
            "u",
            [
                ("Delete photo", "Foto löschen", {"context": "delete"}),
                ("Delete photos", "Foto löschen", {"context": "other"}),  # another string's
                ("Rename album", "Album umbenennen", {"context": "rename"}),
            ],
        )
        kept = [
            (Unit("delete", "Delete album", context="delete"), "Foto löschen"),
            (Unit("rename", "Rename album", context="rename"), "Album umbenennen"),
            (Unit("other", "Delete photos", context="other"), "Fotos löschen"),  # edited since
        ]
        assert approved_for_other_sources(memory, "u", kept) == ["delete"]
        assert approved_for_other_sources(memory, "u", []) == []


def test_another_units_translation_word_for_word_tells(tmp_path: Path) -> None:
    with Memory(tmp_path / "store") as memory:
        memory.import_pairs(
            "u",
            [
                ("Install the package first.", "Zuerst das Paket installieren."),
                ("OK", "OK"),
                ("Okay", "OK"),  # two sources, one translation: approved for both
                # nearer to "Thanks to all who helped." than the moved block's source
                ("Thanks to all who helped us.", "Danke allen, die uns halfen."),
                ("Thanks to all who tested.", "Danke allen, die testeten."),
                ("Thanks to everyone who helped.", "Danke allen Helfern."),
            ],
        )
        kept = [
            # kept by its place, this one's source far from the moved block's
            (Unit("1", "Thanks to all who helped."), "Zuerst das Paket installieren."),
            (Unit("2", "Install the package first."), "Zuerst das Paket installieren."),
            (Unit("3", "Okay"), "OK"),
            (Unit("4", "OK"), "OK"),
        ]
        assert approved_for_other_sources(memory, "u", kept) == ["1"]
