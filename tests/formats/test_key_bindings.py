"""Key bindings a program parses (an Electron menu's accelerators) are copied as written, not
given the target language's key names (regression trial s72: ``"devToolsAccelerator":
"Ctrl+Shift+I"`` became ``Strg+Umschalt+I``, ``Shift+Delete`` ``Umschalt+Entf``, and the menu
items lost their shortcuts)."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from formats_fakes import FakeModel

from ltmt.formats.java_properties import JavaPropertiesDocument
from ltmt.formats.key_bindings import is_key_binding, names_key_binding
from ltmt.formats.pipeline import translate_file


@pytest.mark.parametrize(
    ("text", "key", "binding"),
    [
        ("Ctrl+Shift+I", "devToolsAccelerator", True),
        ("Shift+Delete", "deleteNoteAccelerator", True),
        ("Alt+F4", "quit_shortcut", True),
        ("Super+Space", "hotkey", True),
        ("CommandOrControl+Q", "quitAccelerator", True),
        ("ctrl+shift+i", "accelerator", True),  # Electron reads any case
        ("F11", "fullScreenAccelerator", True),
        (" Ctrl+S ", "keyBinding", True),
        ("Ctrl+S", "menu.file.saveShortcut", True),  # a flat name's last part
        ("Ctrl+S", "/menu/save/accelerator", True),  # a JSON pointer's
        # a key above the value's own does not count: a help page shows its shortcuts
        ("Ctrl+S", "shortcuts.save", False),
        ("Ctrl+S", "/shortcuts/save", False),
        ("Ctrl+S", "save", False),
        ("Ctrl+S", 0, False),
        ("Ctrl+S", None, False),
        # words, a list of combinations, a key alone that is a word too
        ("Press Ctrl+S to save", "saveShortcut", False),
        ("Ctrl+Y, Ctrl+Shift+Z", "redoShortcut", False),
        ("Home", "shortcut_home", False),  # an Android launcher shortcut's label
        ("Delete", "deleteAccelerator", False),
        ("Keyboard shortcuts", "shortcutsTitle", False),
        ("F25", "accelerator", False),
    ],
)
def test_a_key_binding_is_one_combination_under_a_key_that_names_one(
    text: str, key: str | int | None, binding: bool
) -> None:
    assert is_key_binding(text, key) is binding


@pytest.mark.parametrize(
    ("key", "names"),
    [
        ("devToolsAccelerator", True),
        ("ACCELERATOR", True),
        ("save_shortcut", True),
        ("hot_key", True),
        ("key_binding", True),
        ("shortcuts.save", False),
        ("acceleration", False),
    ],
)
def test_the_keys_that_name_a_binding(key: str, names: bool) -> None:
    assert names_key_binding(key) is names


@pytest.mark.parametrize(
    "text",
    ["Ctrl+" * 5000 + "x", "Ctrl+Shift" * 3000, "+" * 20000, "F1" * 10000, "Ctrl++ " * 4000],
)
def test_a_long_adversarial_value_is_read_at_once(text: str) -> None:
    started = time.perf_counter()
    is_key_binding(text, "accelerator")
    assert time.perf_counter() - started < 0.5


MENU = {
    "devTools": "Toggle &Developer Tools",
    "devToolsAccelerator": "Ctrl+Shift+I",
    "deleteNoteAccelerator": "Shift+Delete",
    "findNextAccelerator": "F3",
    "hint": "Press Ctrl+Shift+I to open the developer tools.",
    "save": "Ctrl+S",
}


def test_a_json_files_bindings_are_copied_and_its_text_translated(tmp_path: Path) -> None:
    source, out = tmp_path / "en.json", tmp_path / "de.json"
    source.write_text(json.dumps(MENU, indent=2), "utf-8")
    model = FakeModel()  # upper-cases what it gets
    translate_file(source, out, model, tgt_lang="de")
    assert json.loads(out.read_text("utf-8")) == {
        "devTools": "TOGGLE &DEVELOPER TOOLS",
        "devToolsAccelerator": "Ctrl+Shift+I",
        "deleteNoteAccelerator": "Shift+Delete",
        "findNextAccelerator": "F3",
        "hint": "PRESS CTRL+SHIFT+I TO OPEN THE DEVELOPER TOOLS.",
        "save": "CTRL+S",  # under no binding's key: a label people read, translated as before
    }
    assert not {"Ctrl+Shift+I", "Shift+Delete", "F3"} & set(model.seen)


def test_a_translators_own_binding_in_the_output_is_kept(tmp_path: Path) -> None:
    """A translator may give an accelerator another key for their language."""
    source, out = tmp_path / "en.json", tmp_path / "de.json"
    source.write_text(json.dumps(MENU, indent=2), "utf-8")
    out.write_text(json.dumps({"devToolsAccelerator": "Ctrl+Alt+I"}), "utf-8")
    translate_file(source, out, FakeModel(), tgt_lang="de")
    written = json.loads(out.read_text("utf-8"))
    assert written["devToolsAccelerator"] == "Ctrl+Alt+I"
    assert written["deleteNoteAccelerator"] == "Shift+Delete"


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        (
            "en.yml",
            "en:\n  menu:\n    devToolsAccelerator: Ctrl+Shift+I\n    devTools: Tools\n",
            "de:\n  menu:\n    devToolsAccelerator: CTRL+SHIFT+I\n    devTools: TOOLS\n",
        ),
        (
            "menu.properties",
            "save.label=Save\nsave.accelerator=Ctrl+S\n",
            "save.label=SAVE\nsave.accelerator=CTRL+S\n",
        ),
        (
            "Localizable.strings",
            '"title" = "Tools";\n"saveShortcut" = "Ctrl+S";\n',
            '"title" = "TOOLS";\n"saveShortcut" = "CTRL+S";\n',
        ),
        (
            "en.toml",
            'title = "Tools"\nshortcut = "Ctrl+K"\n',
            'title = "TOOLS"\nshortcut = "CTRL+K"\n',
        ),
        (
            "en-GB.com_shop.ini",
            'COM_SHOP="Tools"\nCOM_SHOP_SEARCH_SHORTCUT="Ctrl+K"\n',
            'COM_SHOP="TOOLS"\nCOM_SHOP_SEARCH_SHORTCUT="CTRL+K"\n',
        ),
    ],
)
def test_other_formats_bindings_are_shown_to_people_in_german(
    tmp_path: Path, name: str, text: str, expected: str
) -> None:
    """Only Electron's JSON accelerators are parsed by a program: an Android, Java, Apple,
    Rails, TOML or Joomla app shows its shortcuts (regression trial s72: they were left out of
    the output, or kept as Ctrl+K)."""
    source, out = tmp_path / name, tmp_path / f"de-{name}"
    source.write_text(text, "utf-8")
    model = FakeModel()  # upper-cases what it gets: the binding was sent, as all text
    translate_file(source, out, model, tgt_lang="de")
    assert out.read_text("utf-8") == expected
    assert len(model.seen) == 2


def test_an_android_shortcut_is_written_in_german(tmp_path: Path) -> None:
    """It was left out of values-de ("a number, a setting"), the app showing Ctrl+N (the
    shipped model writes Strg+N)."""
    source = tmp_path / "values" / "strings.xml"
    source.parent.mkdir()
    source.write_text(
        '<resources>\n    <string name="shortcut_new_task">Ctrl+N</string>\n</resources>\n',
        "utf-8",
    )
    out = tmp_path / "values-de" / "strings.xml"
    out.parent.mkdir()
    translate_file(source, out, FakeModel(), tgt_lang="de")
    assert '<string name="shortcut_new_task">CTRL+N</string>' in out.read_text("utf-8")


def test_a_properties_files_binding_and_its_german_make_a_pair(tmp_path: Path) -> None:
    source, out = tmp_path / "menu.properties", tmp_path / "menu_de.properties"
    source.write_text("save.accelerator=Ctrl+S\n", "utf-8")
    out.write_text("save.accelerator=Strg+S\n", "utf-8")
    records = list(JavaPropertiesDocument.pairs(out, source_file=source))
    assert [(record.source, record.target) for record in records] == [("Ctrl+S", "Strg+S")]
