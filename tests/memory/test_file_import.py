"""Memory.import_file: a pairs file imported from Python as ``ltmt memory import`` imports it."""

from __future__ import annotations

from pathlib import Path

import pytest

from ltmt import InputError, Memory

TMX = """<?xml version="1.0" encoding="utf-8"?>
<tmx version="1.4"><header srclang="en-US" segtype="sentence" datatype="plaintext"
 o-tmf="x" adminlang="en" creationtool="t" creationtoolversion="1"/><body>
<tu><tuv xml:lang="en-US"><seg>Open the file</seg></tuv><tuv xml:lang="de-DE"><seg>Datei öffnen</seg></tuv></tu>
<tu><tuv xml:lang="en-US"><seg>Save the file</seg></tuv><tuv xml:lang="de-DE"><seg>Datei speichern</seg></tuv></tu>
<tu><tuv xml:lang="en-US"><seg>Close</seg></tuv><tuv xml:lang="de-DE"><seg></seg></tuv></tu>
</body></tmx>
"""


def test_a_tmx_is_imported_with_the_memorys_language_pair(tmp_path: Path) -> None:
    """Read with ``read_pairs`` and given to ``import_pairs``, a TMX of en-US → de-DE left the
    memory's languages None; ``import_file`` records the pair as the command line does."""
    path = tmp_path / "export.tmx"
    path.write_text(TMX, "utf-8")
    with Memory(tmp_path / "store") as memory:
        report = memory.import_file("u1", path)
        assert (report.read, report.added) == (2, 2)
        assert memory.stats("u1")["languages"] == ["en", "de"]
        assert memory.stats("u1")["origins"] == {str(path.resolve()): 2}
        assert memory.search("u1", "Open the file", k=1)[0].target == "Datei öffnen"


def test_import_file_errors_name_its_parameters_not_the_commands_flags(tmp_path: Path) -> None:
    path = tmp_path / "export.tmx"
    path.write_text(TMX, "utf-8")
    with Memory(tmp_path / "store") as memory:
        with pytest.raises(InputError, match=r"^source_file= is for .*export\.tmx is TMX"):
            memory.import_file("u1", path, source_file=tmp_path / "en.tmx")
        with pytest.raises(InputError) as raised:
            memory.import_file("u1", path, languages=("fr", "it"))
        assert str(raised.value) == (
            f"{path}: languages in the file are de-DE, en-US, not fr->it; pass "
            "languages=(source, target) to choose the pair"
        )
        with pytest.raises(InputError, match=r"nope\.tmx: file not found"):
            memory.import_file("u1", tmp_path / "nope.tmx")
        assert memory.users() == []
