"""Desktop entries: the target language's ``Key[de]`` lines added in place, the rest kept."""

from __future__ import annotations

from pathlib import Path

import pytest
from formats_fakes import FakeModel

from ltmt.errors import InputError
from ltmt.formats.desktop_entry import escaped, list_items, unescaped
from ltmt.formats.documents import open_document
from ltmt.formats.pairs import read_pairs
from ltmt.formats.pipeline import translate_file
from ltmt.formats.registry import find_format

SOURCE = (
    "# a KDE launcher\n"
    "[Desktop Entry]\n"
    "Name=KNotepad\n"
    "Name[fr]=KNotepad\n"
    "GenericName=Note Taking Application\n"
    "GenericName[fr]=Application de prise de notes\n"
    "Comment = Write and organize your notes\n"
    "Comment[fr]=Écrivez et organisez vos notes\n"
    "Keywords=notes;notepad;text;editor;\n"
    "Exec=knotepad %U\n"
    "Icon=org.kde.knotepad\n"
    "Type=Application\n"
    "Terminal=false\n"
    "Actions=new;\n"
    "X-KDE-FormFactor=desktop;tablet;handset;\n"
    "\n"
    "[Desktop Action new]\n"
    "Name=New Note\n"
    "Exec=knotepad --new\n"
    "\n"
    "[X-Custom Group]\n"
    "Name=internal name\n"
)


def _write(tmp_path: Path, text: str, name: str = "org.kde.knotepad.desktop") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    return path


@pytest.mark.parametrize("name", ["org.kde.knotepad.desktop", "kde-utilities.directory"])
def test_the_extensions_name_the_format(name: str) -> None:
    assert find_format(Path(name), role="document").name == "desktop"


def test_the_localestrings_are_filled_in_place_every_other_line_byte_for_byte(
    tmp_path: Path,
) -> None:
    """``[Desktop Entry]`` became ``[Desktop Eintrag]``, ``Type=Anwendung``, ``Comment[fr]``
    was translated and ``Terminal=false`` lost (read as properties): now ``Key[de]`` lines
    follow each key's last line, a list item by item with its ``;``."""
    source = _write(tmp_path, SOURCE)
    model = FakeModel()
    translate_file(source, source, model, tgt_lang="de")
    assert model.seen == [
        "KNotepad",
        "Note Taking Application",
        "Write and organize your notes",
        "notes",
        "notepad",
        "text",
        "editor",
        "New Note",
    ]
    expected = SOURCE.replace("Name[fr]=KNotepad\n", "Name[fr]=KNotepad\nName[de]=KNOTEPAD\n")
    expected = expected.replace(
        "de notes\n",
        "de notes\nGenericName[de]=NOTE TAKING APPLICATION\n",
    )
    expected = expected.replace(
        "vos notes\n", "vos notes\nComment[de]=WRITE AND ORGANIZE YOUR NOTES\n"
    )
    expected = expected.replace("editor;\n", "editor;\nKeywords[de]=NOTES;NOTEPAD;TEXT;EDITOR;\n")
    expected = expected.replace("New Note\n", "New Note\nName[de]=NEW NOTE\n")
    assert source.read_text("utf-8") == expected
    again = FakeModel()
    translate_file(source, source, again, tgt_lang="de")  # translated: nothing pending
    assert again.seen == []
    assert source.read_text("utf-8") == expected


def test_a_translation_there_is_kept_and_overwrite_translates_it_in_its_place(
    tmp_path: Path,
) -> None:
    text = "[Desktop Entry]\nName=Notes\nName[de] = Notizen\nName[fr]=Notes\nComment=Write\n"
    source = _write(tmp_path, text)
    model = FakeModel()
    translate_file(source, source, model, tgt_lang="de")
    assert model.seen == ["Write"]
    assert source.read_text("utf-8") == text + "Comment[de]=WRITE\n"
    translate_file(source, source, FakeModel(), tgt_lang="de", overwrite=True)
    assert source.read_text("utf-8") == (
        "[Desktop Entry]\nName=Notes\nName[de] = NOTES\nName[fr]=Notes\nComment=Write\n"
        "Comment[de]=WRITE\n"
    )


def test_a_region_is_written_as_a_locale_and_a_last_line_without_end_kept_so(
    tmp_path: Path,
) -> None:
    source = _write(tmp_path, "[Desktop Entry]\r\nType=Directory\r\nName=Utilities")
    out = tmp_path / "out.directory"
    translate_file(source, out, FakeModel(), tgt_lang="pt-BR")
    assert out.read_bytes() == b"[Desktop Entry]\r\nType=Directory\r\nName=Utilities\r\n" + (
        b"Name[pt_BR]=UTILITIES"
    )


@pytest.mark.parametrize(
    ("written", "text", "in_list"),
    [
        ("First\\nSecond", "First\nSecond", False),
        ("\\sindented\\ttab", " indented\ttab", False),
        ("C:\\\\notes", "C:\\notes", False),
        ("a\\;b", "a;b", True),
    ],
)
def test_escapes_are_read_and_written_as_the_spec_has_them(
    written: str, text: str, in_list: bool
) -> None:
    assert unescaped(written, in_list) == text
    assert escaped(text, in_list) == written


@pytest.mark.parametrize(
    ("value", "items", "final"),
    [
        ("notes;notepad;", ["notes", "notepad"], True),
        ("notes;notepad", ["notes", "notepad"], False),
        ("a\\;b;c;", ["a\\;b", "c"], True),
        ("back\\\\;c", ["back\\\\", "c"], False),
    ],
)
def test_list_items_split_at_unescaped_semicolons(
    value: str, items: list[str], final: bool
) -> None:
    assert list_items(value) == (items, final)


def test_an_entry_before_any_group_is_refused_saying_what_to_add(tmp_path: Path) -> None:
    source = _write(tmp_path, "Type=Application\nName=KNotepad\n", "mini.desktop")
    with pytest.raises(
        InputError,
        match=r"mini\.desktop:1: Type=Application comes before any group, which a desktop "
        r"entry file does not have; put \[Desktop Entry\] above it$",
    ):
        open_document(source, tgt_lang="de")


def test_pairs_are_each_key_and_its_translation_keywords_item_by_item(tmp_path: Path) -> None:
    source = _write(
        tmp_path,
        "[Desktop Entry]\nName=Notes\nName[de]=Notizen\nComment=Write\n"
        "Keywords=notes;text;\nKeywords[de]=Notizen;Text;\nGenericName=Editor\n"
        "GenericName[de]=Editor\n[Desktop Action new]\nName=New\nName[de]=Neu\n"
        "Comment=A;B;\nComment[fr]=Écrire\n",
    )
    records = list(read_pairs(source, src_lang="en", tgt_lang="de"))
    assert [(r.source, r.target, r.metadata["context"]) for r in records] == [
        ("Notes", "Notizen", "Desktop Entry/Name"),
        ("notes", "Notizen", "Desktop Entry/Keywords"),
        ("text", "Text", "Desktop Entry/Keywords"),
        ("Editor", "Editor", "Desktop Entry/GenericName"),
        ("New", "Neu", "Desktop Action new/Name"),
    ]
    assert records[0].position == f"{source}: Name[de]"
    assert records[0].line == 3


def test_keyword_lists_of_other_lengths_pair_whole(tmp_path: Path) -> None:
    source = _write(
        tmp_path, "[Desktop Entry]\nKeywords=notes;text;\nKeywords[de]=Notizen;Text;Editor;\n"
    )
    records = list(read_pairs(source, src_lang="en", tgt_lang="de"))
    assert [(r.source, r.target) for r in records] == [("notes;text;", "Notizen;Text;Editor;")]
