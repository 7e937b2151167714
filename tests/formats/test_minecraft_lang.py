"""Minecraft .lang files: split at the first "=", nothing escaped (but under Forge's
#PARSE_ESCAPES), translated line for line, a translator's lines kept."""

from __future__ import annotations

import contextlib
import logging
import time
from pathlib import Path

import pytest
from formats_fakes import FakeModel
from hypothesis import given, settings
from hypothesis import strategies as st

from ltmt.errors import InputError
from ltmt.formats.documents import open_document
from ltmt.formats.minecraft_lang import (
    MinecraftLangDocument,
    holds_minecraft_lines,
    is_minecraft_lang,
    parse_lang,
    properties_would_break,
    written_value,
)
from ltmt.formats.pipeline import translate_file

SOURCE = (
    "# GemTools 1.12.2\n"
    "\n"
    "item.gemtools:ruby.name=Ruby\n"
    "tile.gemtools:gem_polisher.name=Gem Polisher\n"
    "\n"
    "# Messages\n"
    "gemtools.gui.close=Close the window\n"
    "gemtools.msg.backslash=Saved to C:\\Games\\mods\n"
    "gemtools.msg.escape=Type \\u00df or \\n as written\n"
    "gemtools.msg.equals=Formula: power = voltage * current\n"
    "gemtools.msg.empty=\n"
)


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / "lang" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode("utf-8"))
    return path


def test_units_are_split_at_the_first_equals_sign_with_nothing_escaped(tmp_path: Path) -> None:
    source = _write(tmp_path, "en_US.lang", SOURCE)
    units = open_document(source, tgt_lang="de").units()
    assert [(u.key, u.source) for u in units] == [
        ("item.gemtools:ruby.name", "Ruby"),
        ("tile.gemtools:gem_polisher.name", "Gem Polisher"),
        ("gemtools.gui.close", "Close the window"),
        ("gemtools.msg.backslash", "Saved to C:\\Games\\mods"),
        ("gemtools.msg.escape", "Type \\u00df or \\n as written"),
        ("gemtools.msg.equals", "Formula: power = voltage * current"),
    ]


def test_translated_line_for_line_in_utf8_backslashes_and_layout_kept(tmp_path: Path) -> None:
    """--format properties dropped the keys with ':' (3 of 8 lines were left), wrote ß as
    \\u00df, which the game shows as written, ate backslashes and dropped blank lines."""
    source = _write(tmp_path, "en_US.lang", SOURCE)
    out = tmp_path / "lang" / "de_DE.lang"
    model = FakeModel()
    translate_file(source, out, lambda texts, prefer=None: [t + " ß" for t in model(texts)])
    assert out.read_bytes().decode("utf-8") == (
        "# GemTools 1.12.2\n"
        "\n"
        "item.gemtools:ruby.name=RUBY ß\n"
        "tile.gemtools:gem_polisher.name=GEM POLISHER ß\n"
        "\n"
        "# Messages\n"
        "gemtools.gui.close=CLOSE THE WINDOW ß\n"
        "gemtools.msg.backslash=SAVED TO C:\\Games\\mods ß\n"
        "gemtools.msg.escape=TYPE \\U00DF OR \\n AS WRITTEN ß\n"
        "gemtools.msg.equals=FORMULA: POWER = VOLTAGE * CURRENT ß\n"
        "gemtools.msg.empty=\n"
    )


def test_a_line_the_game_passes_over_is_kept_as_written(tmp_path: Path) -> None:
    """A line without "=" makes no Minecraft-like file to find by itself, but --format mclang
    reads it as the game does: passed over, and kept."""
    source = _write(tmp_path, "en_US.lang", "a.b=Open\n// Blocks\nc=Close\n")
    out = tmp_path / "lang" / "de_DE.lang"
    translate_file(source, out, FakeModel(), fmt="mclang")
    assert out.read_text("utf-8") == "a.b=OPEN\n// Blocks\nc=CLOSE\n"


def test_a_windows_file_keeps_its_byte_order_mark_and_line_ends(tmp_path: Path) -> None:
    source = _write(tmp_path, "en_US.lang", "\ufeff# Mod\r\na.b=Open\r\n\r\nc:d=Close")
    out = tmp_path / "lang" / "de_DE.lang"
    translate_file(source, out, FakeModel())
    assert out.read_bytes().decode("utf-8") == "\ufeff# Mod\r\na.b=OPEN\r\n\r\nc:d=CLOSE"


def test_a_rerun_keeps_the_translators_lines_comments_and_keys(tmp_path: Path) -> None:
    """A community translation brought up to date: its lines byte for byte (a backslash
    too), its header and its comment above a key, the new key in the source's order, its own
    key at the end."""
    source = _write(
        tmp_path,
        "en_US.lang",
        "# RubyCraft 1.0\n\n# Items\nitem.ruby=Ruby\nitem.lamp=Ruby Lamp\n"
        "msg.reload=Reloaded config: config\\rubycraft.cfg\n",
    )
    out = _write(
        tmp_path,
        "de_DE.lang",
        "# RubyCraft 0.9, übersetzt von Kätzchen42\n\n# Gegenstände\nitem.ruby=Rubin\n"
        "msg.reload=Konfiguration neu geladen: config\\rubycraft.cfg\n"
        "# alt\nitem.shovel=Rubinschaufel\n",
    )
    model = FakeModel()
    translate_file(source, out, model)
    assert model.seen == ["Ruby Lamp"]
    written = out.read_text("utf-8")
    assert written == (
        "# RubyCraft 0.9, übersetzt von Kätzchen42\n\n# Gegenstände\nitem.ruby=Rubin\n"
        "item.lamp=RUBY LAMP\n"
        "msg.reload=Konfiguration neu geladen: config\\rubycraft.cfg\n"
        "# alt\nitem.shovel=Rubinschaufel\n"
    )
    translate_file(source, out, FakeModel())
    assert out.read_text("utf-8") == written  # a rerun with nothing new changes nothing


def test_forges_parse_escapes_reads_and_writes_java_properties_escapes(tmp_path: Path) -> None:
    source = _write(
        tmp_path,
        "en_US.lang",
        "#PARSE_ESCAPES\n"
        "key.one = Line one\\nline two\n"
        "key.two:C:\\\\Games \\u00fcber\n"
        "key.three=Long \\\n    text\n",
    )
    document = open_document(source, tgt_lang="de")
    assert [(u.key, u.source) for u in document.units()] == [
        ("key.one", "Line one\nline two"),
        ("key.two", "C:\\Games über"),
        ("key.three", "Long text"),
    ]
    out = tmp_path / "lang" / "de_DE.lang"
    translate_file(source, out, FakeModel())
    assert out.read_text("utf-8") == (
        "#PARSE_ESCAPES\n"
        "key.one = LINE ONE\\nLINE TWO\n"
        "key.two:C:\\\\Games ÜBER\n"
        "key.three=LONG TEXT\n"
    )


def test_a_translators_line_read_the_other_way_is_written_again(tmp_path: Path) -> None:
    """The translation so far without the marker, its source with it: its backslash is one,
    which the output, read with escapes, writes as two."""
    source = _write(tmp_path, "en_US.lang", "#PARSE_ESCAPES\nmsg.path=Config: a\\\\b\n")
    out = _write(tmp_path, "de_DE.lang", "msg.path=Konfiguration: a\\b\n")
    model = FakeModel()
    translate_file(source, out, model)
    assert model.seen == []
    assert out.read_text("utf-8") == "#PARSE_ESCAPES\nmsg.path=Konfiguration: a\\\\b\n"


@pytest.mark.parametrize(
    ("text", "escapes", "written"),
    [
        ("C:\\Games ß", False, "C:\\Games ß"),
        ("two\nlines", False, "two lines"),
        ("C:\\Games ß", True, "C:\\\\Games ß"),
        ("two\nlines\ttab", True, "two\\nlines\\ttab"),
        ("  spaced", True, "\\ \\ spaced"),
        ("= sign", True, "\\= sign"),
    ],
)
def test_written_value(text: str, escapes: bool, written: str) -> None:
    assert written_value(text, escapes) == written


def test_memory_pairs_keep_backslashes_and_keys_with_colons(tmp_path: Path) -> None:
    """Read as properties, ``config\\rubycraft.cfg`` was stored with a carriage return."""
    source = _write(tmp_path, "en_US.lang", "item.x:ruby.name=Ruby\nmsg=Config: config\\rc.cfg\n")
    out = _write(
        tmp_path, "de_DE.lang", "item.x:ruby.name=Rubin\nmsg=Konfiguration: config\\rc.cfg\n"
    )
    records = MinecraftLangDocument.pairs(out, source_file=source)
    assert [(r.source, r.target, r.metadata["context"]) for r in records] == [
        ("Ruby", "Rubin", "item.x:ruby.name"),
        ("Config: config\\rc.cfg", "Konfiguration: config\\rc.cfg", "msg"),
    ]


def test_a_key_defined_twice_is_read_as_minecraft_reads_it(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    source = _write(tmp_path, "en_US.lang", "a=Old\nb=Keep\na=New\n")
    with caplog.at_level(logging.WARNING):
        document = open_document(source, tgt_lang="de")
    assert [(u.key, u.source) for u in document.units()] == [("a", "New"), ("b", "Keep")]
    assert "1 name defined more than once (a); the last definition, as Minecraft reads it" in (
        caplog.text
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("# only a comment\n", r"x\.lang: no key=value line; expected a Minecraft \.lang"),
        (
            "#PARSE_ESCAPES\nkey=Caf\\u00zz\n",
            r"x\.lang:2: malformed \\u escape, which Java refuses in a file with #PARSE_ESCAPES; "
            r"write four hex digits \(\\u00e9\), or a backslash itself as \\\\$",
        ),
    ],
)
def test_what_minecraft_cannot_read_is_refused(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        MinecraftLangDocument.open(_write(tmp_path, "x.lang", text))


GTKSOURCEVIEW = '<?xml version="1.0" encoding="UTF-8"?>\n<language id="c" name="C">\n</language>\n'


@pytest.mark.parametrize(
    ("folder", "text", "minecraft"),
    [
        ("lang", SOURCE, True),
        ("lang", "#PARSE_ESCAPES\nkey = spaced value\n", True),
        ("lang", GTKSOURCEVIEW, False),  # a GtkSourceView language definition
        ("lang", "# nothing yet\n", False),
        ("lang", "some words\na=b\n", False),
        ("language-specs", "a.b=Open\n", False),  # not in a lang folder
        ("language-specs", "#PARSE_ESCAPES\na.b=Open\n", False),  # the marker elsewhere
    ],
)
def test_a_lang_file_is_minecrafts_in_a_lang_folder_with_its_lines(
    tmp_path: Path, folder: str, text: str, minecraft: bool
) -> None:
    path = tmp_path / folder / "x.lang"
    path.parent.mkdir()
    path.write_text(text, "utf-8")
    assert is_minecraft_lang(path) is minecraft


@pytest.mark.parametrize(
    ("text", "breaks"),
    [
        ("item.x:ruby.name=Ruby\n", True),
        ("#PARSE_ESCAPES\nitem.x\\:ruby.name=Ruby\n", False),  # Forge reads it as properties
        (GTKSOURCEVIEW, False),
    ],
)
def test_properties_would_break_a_minecraft_file_without_the_marker(
    tmp_path: Path, text: str, breaks: bool
) -> None:
    path = _write(tmp_path, "en_US.lang", text)
    assert (properties_would_break(path) is not None) is breaks


def test_the_line_patterns_take_linear_time_on_adversarial_lines(tmp_path: Path) -> None:
    lines = [
        "a" * 50_000 + " " * 50_000,
        "#PARSE_ESCAPES\n" + "\\" * 100_001,
        "#PARSE_ESCAPES\n" + "k" + " \t" * 50_000 + "=" + "\\ " * 50_000,
        "#PARSE_ESCAPES\n" + "\\u00" * 30_000 + "x=y",
        "=" * 100_000,
    ]
    for text in lines:
        started = time.perf_counter()
        holds_minecraft_lines(text)
        with contextlib.suppress(InputError):  # a malformed escape: refused, in time
            parse_lang(text.encode("utf-8"), tmp_path / "x.lang")
        assert time.perf_counter() - started < 2


_LINES = st.lists(
    st.sampled_from(["", "# note", "a.b", "c:d", "=", "\\", "ü", " ", "x=y", "\\u00df", "#PARSE"]),
    max_size=8,
).map("".join)


@settings(max_examples=100, deadline=None, derandomize=True, database=None)
@given(lines=st.lists(_LINES, min_size=1, max_size=6), ends=st.sampled_from(["\n", "\r\n", "\r"]))
def test_a_file_filled_with_its_own_values_is_written_back_byte_for_byte(
    lines: list[str], ends: str
) -> None:
    text = ends.join(["k=v", *lines])
    document = MinecraftLangDocument(Path("en_US.lang"), text.encode("utf-8"))
    document.fill({entry.key: entry.source for entry in document.entries if entry.source.strip()})
    assert document.render().decode("utf-8") == text


@settings(max_examples=100, deadline=None, derandomize=True, database=None)
@given(text=st.text(st.characters(exclude_categories=("Cs",)), max_size=30))
def test_a_value_written_with_escapes_reads_back_as_itself(text: str) -> None:
    data = f"#PARSE_ESCAPES\nkey={written_value(text, True)}\n".encode()
    assert parse_lang(data, Path("x.lang")).values() == {"key": text}
