"""An ARB translation's own metadata, indentation and ``@@last_modified`` kept."""

from __future__ import annotations

import json
from pathlib import Path

from formats_fakes import FakeModel

from ltmt.formats.arb_metadata import with_target_metadata
from ltmt.formats.pipeline import translate_file

NOW = "2026-12-06T10:00:00.000000"
SYNCED = {"placeholders": {"date": {"type": "DateTime", "format": "yMMMMd"}}}


def test_the_targets_metadata_is_kept_after_its_message() -> None:
    out = {"@@locale": "de", "@@last_modified": "2026-01-01", "a": "A", "synced": "S"}
    target = {"@@locale": "de", "@@x-by": "me", "synced": "S", "@synced": SYNCED}
    assert with_target_metadata(out, target, NOW) == {
        "@@locale": "de",
        "@@last_modified": NOW,  # a message changed ("a" added): now, not the template's
        "@@x-by": "me",
        "a": "A",
        "synced": "S",
        "@synced": SYNCED,
    }


def test_last_modified_is_the_targets_where_no_message_changed() -> None:
    out = {"@@locale": "de", "@@last_modified": "2026-11-30", "synced": "S"}
    target = {"@@locale": "de", "@@last_modified": "2026-10-01", "synced": "S"}
    assert with_target_metadata(out, target, NOW)["@@last_modified"] == "2026-10-01"


def test_an_existing_arbs_metadata_and_indentation_survive_a_run(tmp_path: Path) -> None:
    """``@lastSynced``'s German date format was removed without a word, the file re-indented
    from 4 spaces to 2, and ``@@last_modified`` set to the English file's."""
    source = tmp_path / "app_en.arb"
    english = {
        "@@locale": "en",
        "@@last_modified": "2026-11-30T14:02:11.532891",
        "lastSynced": "Last synced on {date}",
        "@lastSynced": {"placeholders": {"date": {"type": "DateTime", "format": "yMMMd"}}},
        "save": "Save",
    }
    source.write_text(json.dumps(english, indent=2), encoding="utf-8")
    german = {
        "@@locale": "de",
        "@@last_modified": "2026-10-01T09:00:00",
        "lastSynced": "Zuletzt synchronisiert am {date}",
        "@lastSynced": SYNCED,
        "save": "Speichern",
    }
    out = tmp_path / "app_de.arb"
    out.write_text(json.dumps(german, indent=4), encoding="utf-8")
    translate_file(source, out, FakeModel(), tgt_lang="de")
    assert out.read_text("utf-8") == json.dumps(german, indent=4, ensure_ascii=False)
    del german["save"]
    out.write_text(json.dumps(german, indent=4), encoding="utf-8")
    translate_file(source, out, FakeModel(), tgt_lang="de")
    written = json.loads(out.read_text("utf-8"))
    assert written["@lastSynced"] == SYNCED and written["save"] == "SAVE"
    assert written["@@last_modified"] > "2026-11-30T14:02:11.532891"  # now
