"""Ren'Py translation files (``game/tl/<language>/*.rpy``): read, filled in place, rerun,
imported (:mod:`ltmt.formats.renpy`)."""

from __future__ import annotations

from pathlib import Path

import pytest
from formats_fakes import FakeModel

from ltmt.errors import InputError
from ltmt.formats.documents import open_document
from ltmt.formats.not_read import NotRead
from ltmt.formats.pairs import read_pairs
from ltmt.formats.pipeline import translate_file
from ltmt.formats.registry import find_format, sniff_bytes

# as Ren'Py's "Generate Translations" writes it: each block's English copied in place
GENERATED = """\
# TODO: Translation updated at 2024-05-02 14:03

# game/script.rpy:10
translate german start_d1b369d4:

    # e "Hello, [player_name]! Did you bring the {b}key{/b}?"
    e "Hello, [player_name]! Did you bring the {b}key{/b}?"

# game/script.rpy:15
translate german start_18386cac:

    # e "She said \\"run\\", so I ran.{w=0.5} Then{{b} {nw}"
    e "She said \\"run\\", so I ran.{w=0.5} Then{{b} {nw}"

# game/script.rpy:16
translate german start_df7eb25f:

    # "The note read:\\n\\"Meet me.\\""
    "The note read:\\n\\"Meet me.\\""

# game/script.rpy:26
translate german start_5f4b8c31:

    # voice "voice/e_0012.ogg"
    # e happy "You found it!"
    voice "voice/e_0012.ogg"
    e happy "You found it!"

# game/script.rpy:28
translate german start_8cb7561d:

    # m "The key is gone!" with vpunch
    m "The key is gone!" with vpunch

# game/script.rpy:29
translate german start_66263fa1:

    # "Narrator" 'Dear diary, [[today] was strange.'
    "Narrator" 'Dear diary, [[today] was strange.'

translate german python:

    gui.text_font = "DejaVuSans.ttf"

translate german strings:

    # game/screens.rpy:255
    old "Start"
    new "Start"

    # game/screens.rpy:256
    old "Text {i}Speed{/i}"
    new ""
"""
# FakeModel upper-cases words; pairs, escapes, speakers, clauses, comments, ids, the voice
# statement, the python block and the old strings stay as written, byte for byte
FILLED = (
    GENERATED.replace(
        '    e "Hello, [player_name]! Did you bring the {b}key{/b}?"\n',
        '    e "HELLO, [player_name]! DID YOU BRING THE {b}KEY{/b}?"\n',
    )
    .replace(
        '    e "She said \\"run\\", so I ran.{w=0.5} Then{{b} {nw}"\n',
        '    e "SHE SAID \\"RUN\\", SO I RAN.{w=0.5} THEN{{b} {nw}"\n',
    )
    .replace(
        '    "The note read:\\n\\"Meet me.\\""\n',
        '    "THE NOTE READ:\\n\\"MEET ME.\\""\n',
    )
    .replace('    e happy "You found it!"\n', '    e happy "YOU FOUND IT!"\n')
    .replace('    m "The key is gone!" with vpunch\n', '    m "THE KEY IS GONE!" with vpunch\n')
    .replace(
        "    \"Narrator\" 'Dear diary, [[today] was strange.'\n",
        "    \"Narrator\" 'DEAR DIARY, [[TODAY] WAS STRANGE.'\n",
    )
    .replace('    new "Start"\n', '    new "START"\n')
    .replace('    new ""\n', '    new "TEXT {i}SPEED{/i}"\n')
)


def _tl_file(tmp_path: Path, text: str = GENERATED, *, newline: str = "\n", bom: str = "") -> Path:
    path = tmp_path / "game" / "tl" / "german" / "script.rpy"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes((bom + text.replace("\n", newline)).encode("utf-8"))
    return path


def test_a_tl_file_is_known_by_its_extension_and_its_first_line(tmp_path: Path) -> None:
    assert find_format(_tl_file(tmp_path), role="document").name == "renpy"
    assert find_format(_tl_file(tmp_path), role="read").name == "renpy"
    assert sniff_bytes(GENERATED.encode()) == "renpy"


def test_units_are_the_say_statements_and_new_strings(tmp_path: Path) -> None:
    units = open_document(_tl_file(tmp_path)).units()
    assert [(u.key, u.source) for u in units] == [
        ("start_d1b369d4", "Hello, [player_name]! Did you bring the {b}key{/b}?"),
        ("start_18386cac", 'She said "run", so I ran.{w=0.5} Then{{b} {nw}'),
        ("start_df7eb25f", 'The note read:\n"Meet me."'),
        ("start_5f4b8c31", "You found it!"),  # not the voice file's name
        ("start_8cb7561d", "The key is gone!"),
        ("start_66263fa1", "Dear diary, [[today] was strange."),  # not the speaker's name
        ("Start", "Start"),
        ("Text {i}Speed{/i}", "Text {i}Speed{/i}"),
    ]


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_nothing_filled_writes_the_file_byte_for_byte(tmp_path: Path, newline: str) -> None:
    path = _tl_file(tmp_path, newline=newline, bom="\ufeff")  # Ren'Py writes a byte order mark
    open_document(path).save(tmp_path / "out.rpy")
    assert (tmp_path / "out.rpy").read_bytes() == path.read_bytes()


def test_a_tl_file_is_filled_in_place_byte_for_byte(tmp_path: Path) -> None:
    path = _tl_file(tmp_path, bom="\ufeff")
    result = translate_file(path, path, FakeModel(), tgt_lang="de")
    assert result.translated == 8
    assert path.read_bytes().decode("utf-8") == "\ufeff" + FILLED


def test_a_rerun_keeps_the_translators_lines_and_fills_the_new_blocks(tmp_path: Path) -> None:
    """A translated line is the translator's (kept, and not translated again); a block Ren'Py
    added for changed English (a new id) is filled."""
    edited = FILLED.replace('"THE KEY IS GONE!"', '"Der Schlüssel ist weg!"')
    added = (
        "\n# game/script.rpy:30\ntranslate german start_f0437e74:\n\n"
        '    # n "The old mill was empty."\n    n "The old mill was empty."\n'
    )
    path = _tl_file(tmp_path, edited + added)
    model = FakeModel()
    translate_file(path, path, model, tgt_lang="de")
    assert model.seen == ["The old mill was empty."]
    assert path.read_text(encoding="utf-8") == edited + added.replace(
        '    n "The old mill was empty."', '    n "THE OLD MILL WAS EMPTY."'
    )
    translate_file(path, path, FakeModel(), tgt_lang="de", overwrite=True)
    assert '    m "THE KEY IS GONE!" with vpunch\n' in path.read_text(encoding="utf-8")


def test_a_block_whose_statements_a_translator_changed_is_left_as_it_is(tmp_path: Path) -> None:
    text = 'translate german a_1:\n\n    # e "Hello there."\n    e "Hallo."\n    e "Wie geht\'s?"\n'
    assert open_document(_tl_file(tmp_path, text)).units() == []


def test_a_game_script_is_refused_with_the_way_to_its_translation_files(tmp_path: Path) -> None:
    script = tmp_path / "game" / "script.rpy"
    script.parent.mkdir()
    script.write_text('label start:\n    e "Hello!"\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"is a Ren'Py script, not a translation file.*"
                       r"Generate Translations.*game/tl/german/\*\.rpy"):  # fmt: skip
        open_document(script)


def test_a_file_with_translate_blocks_is_read_outside_a_tl_folder(tmp_path: Path) -> None:
    path = tmp_path / "script.rpy"
    path.write_text(GENERATED, encoding="utf-8")
    assert len(open_document(path).units()) == 8


def test_import_reads_the_translated_strings_and_counts_the_rest(tmp_path: Path) -> None:
    text = FILLED.replace('    new "START"\n', '    new "Start"\n')
    not_read = NotRead()
    records = list(read_pairs(_tl_file(tmp_path, text), not_read=not_read))
    assert [(r.source, r.target, r.line) for r in records][:3] == [
        (
            "Hello, [player_name]! Did you bring the {b}key{/b}?",
            "HELLO, [player_name]! DID YOU BRING THE {b}KEY{/b}?",
            7,
        ),
        ('She said "run", so I ran.{w=0.5} Then{{b} {nw}', 'SHE SAID "RUN", SO I RAN.{w=0.5} '
         "THEN{{b} {nw}", 13),
        ('The note read:\n"Meet me."', 'THE NOTE READ:\n"MEET ME."', 19),
    ]  # fmt: skip
    assert len(records) == 7
    assert {r.metadata["syntax"] for r in records} == {"renpy"}
    assert not_read.by_reason() == {"untranslated": 1}  # new "Start", the English
