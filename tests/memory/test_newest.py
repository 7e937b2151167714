from __future__ import annotations

from pathlib import Path

from ltmt import Memory
from ltmt.memory.newest import NewestOnly, newest_of_each_source


def test_newest_of_each_source_is_the_translation_searches_reuse(tmp_path: Path) -> None:
    with Memory(tmp_path / "store") as memory:
        memory.add("u", "Agreement", "Abkommen")
        memory.add("u", "Open", "Öffnen", metadata={"context": "menu"})
        memory.add("u", "agreement ", "Vereinbarung")  # the same index text: case, spaces
        memory.add("u", "Open", "Offen", metadata={"context": "status"})  # another context
        memory.add("u", "AGREEMENT", "Vertrag")
        memory.add("u", "Open", "Geöffnet", metadata={"context": "status"})
        memory.add("u", "%d file", "%d Datei", metadata={"plural": 0})
        memory.add("u", "%d file", "%d Dateien", metadata={"plural": 1})  # another form
        left_out = NewestOnly()
        kept = list(newest_of_each_source(lambda: memory.segments("u"), left_out))
        reused = memory.search("u", "Agreement", k=1)[0].target
    assert [s.target for s in kept] == ["Öffnen", "Vertrag", "Geöffnet", "%d Datei", "%d Dateien"]
    assert reused == "Vertrag"
    assert left_out.older == 3


def test_a_segment_stored_between_the_two_readings_is_kept(tmp_path: Path) -> None:
    with Memory(tmp_path / "store") as memory:
        memory.add("u", "Save", "Speichern")
        readings = []

        def read():
            readings.append(1)
            if len(readings) == 2:
                memory.add("u", "Cancel", "Abbrechen")
            return memory.segments("u")

        left_out = NewestOnly()
        kept = [s.target for s in newest_of_each_source(read, left_out)]
    assert kept == ["Speichern", "Abbrechen"] and left_out.older == 0
