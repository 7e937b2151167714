"""Memory.import_file: a pairs file imported from Python as ``ltmt memory import`` imports it."""

from __future__ import annotations

from pathlib import Path

import pytest

from ltmt import InputError, Memory
from ltmt.memory.file_import import in_api_words

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


@pytest.mark.parametrize(
    ("message", "said"),
    [
        # a flag's value goes into the parameter: 'languages= fr' named no pair to pass
        ("to read it as en->fr, pass --tgt-lang fr; else", "pass languages=('en', 'fr'); else"),
        ("give --src-lang en-US (or en for any region)", "give languages=('en-US', 'de') (or"),
        ("pass --src-lang/--tgt-lang to choose the pair", "pass languages=(source, target) to"),
        ("check --output, or --tgt-lang", "check --output, or languages="),
        ("(or pass --format csv)", "(or pass fmt='csv')"),
        ("--format paragraphs translates", "fmt='paragraphs' translates"),
        ("--format names one file's format", "fmt= names one file's format"),
        ("pass --format to read it", "pass fmt= to read it"),
        ("with --source-file x.xml", "with source_file= x.xml"),
        ("(--no-language-check imports it)", "(language_check=False imports it)"),
    ],
)
def test_a_flag_and_its_value_are_said_as_the_parameter(message: str, said: str) -> None:
    assert said in in_api_words(message, ("en", "de"))


def test_a_po_of_another_target_language_names_the_pair_to_pass(tmp_path: Path) -> None:
    path = tmp_path / "fr.po"
    path.write_text(
        'msgid ""\nmsgstr ""\n"Language: fr\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgid "Open the file"\nmsgstr "Ouvrir le fichier"\n',
        "utf-8",
    )
    said = r"pass languages=\('en', 'fr'\); else give the de catalog"
    with Memory(tmp_path / "store") as memory, pytest.raises(InputError, match=said):
        memory.import_file("u1", path)


def test_subtitles_are_stored_without_override_blocks_and_captions_alone(tmp_path: Path) -> None:
    """The import stored ``{\\an8}[door slams]`` with its tag and ``{\\an8}HARBOR POLICE
    DEPARTMENT We found ...`` as one sentence of cues 11 and 12."""
    en, de = tmp_path / "ep01.en.srt", tmp_path / "ep01.de.srt"
    en.write_text(
        "3\n00:00:06,100 --> 00:00:08,000\n{\\an8}[door slams]\n\n"
        "11\n00:00:26,000 --> 00:00:28,000\n{\\an8}HARBOR POLICE DEPARTMENT\n\n"
        "12\n00:00:28,500 --> 00:00:31,000\nWe found a ticket.\n",
        "utf-8",
    )
    de.write_text(
        "3\n00:00:06,100 --> 00:00:08,000\n{\\an8}[Tür knallt]\n\n"
        "11\n00:00:26,000 --> 00:00:28,000\n{\\an8}POLIZEI HARBOR\n\n"
        "12\n00:00:28,500 --> 00:00:31,000\nWir fanden ein Ticket.\n",
        "utf-8",
    )
    with Memory(tmp_path / "store") as memory:
        assert memory.import_file("u1", de, source_file=en).added == 3
        stored = {(s.source, s.target) for s in memory.segments("u1")}
    assert stored == {
        ("[door slams]", "[Tür knallt]"),
        ("HARBOR POLICE DEPARTMENT", "POLIZEI HARBOR"),
        ("We found a ticket.", "Wir fanden ein Ticket."),
    }


REVIEWED_SDLXLIFF = """<?xml version="1.0" encoding="utf-8"?><xliff \
xmlns:sdl="http://sdl.com/FileTypes/SdlXliff/1.0" xmlns="urn:oasis:names:tc:xliff:document:1.2" \
version="1.2" sdl:version="1.0"><file original="C:\\p\\tc.docx" datatype="x-sdlfilterframework2" \
source-language="en-US" target-language="de-DE"><header/><body>
<trans-unit id="u1"><source>Thank you for using SafeKeep Backup on your computer.</source>\
<seg-source><mrk mtype="seg" mid="1">Thank you for using SafeKeep Backup on your computer.</mrk>\
</seg-source><target><mrk mtype="seg" mid="1">Vielen Dank, dass Sie SafeKeep Backup auf Ihrem \
Computer <mrk mtype="x-sdl-deleted" sdl:revid="r1">benutzen</mrk><mrk mtype="x-sdl-added" \
sdl:revid="r2">verwenden</mrk>.</mrk></target><sdl:seg-defs><sdl:seg id="1" conf="Translated" \
origin="interactive"/></sdl:seg-defs></trans-unit>
<trans-unit id="u2"><source>Open the restore wizard to select a backup.</source><seg-source>\
<mrk mtype="seg" mid="2">Open the restore wizard to select a backup.</mrk></seg-source><target>\
<mrk mtype="seg" mid="2">Öffnen Sie den <mrk mtype="x-sdl-comment" \
sdl:cid="c1a2b3c4-0000-4000-8000-00000000c002">Wiederherstellungsassistenten</mrk>, um eine \
Sicherung auszuwählen.</mrk></target><sdl:seg-defs><sdl:seg id="2" conf="Translated" \
origin="interactive"/></sdl:seg-defs></trans-unit>
</body></file></xliff>
"""


def test_a_trados_review_is_imported_as_its_accepted_text(tmp_path: Path) -> None:
    """The tracked change was stored as both words with their marks (and came back as an
    exact match, escaped); the comment's mark was counted as text, and the pair skipped for
    its length ratio."""
    path = tmp_path / "reviewed.sdlxliff"
    path.write_text(REVIEWED_SDLXLIFF, "utf-8")
    with Memory(tmp_path / "store") as memory:
        report = memory.import_file("u1", path)
        assert (report.read, report.added, dict(report.skipped)) == (2, 2, {})
        found = memory.search("u1", "Thank you for using SafeKeep Backup on your computer.", k=1)
        assert (
            found[0].target == "Vielen Dank, dass Sie SafeKeep Backup auf Ihrem Computer verwenden."
        )
        found = memory.search("u1", "Open the restore wizard to select a backup.", k=1)
        assert found[0].target == (
            "Öffnen Sie den Wiederherstellungsassistenten, um eine Sicherung auszuwählen."
        )
