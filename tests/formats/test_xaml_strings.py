"""WPF/MAUI ResourceDictionary string files: only the strings' text is translated."""

from __future__ import annotations

from pathlib import Path

import pytest
from formats_fakes import FakeModel

from ltmt.errors import InputError
from ltmt.formats.documents import open_document
from ltmt.formats.pipeline import translate_file
from ltmt.formats.registry import find_format
from ltmt.formats.xaml_strings import XamlStringsDocument

SOURCE = b"""<ResourceDictionary xmlns="http://schemas.microsoft.com/winfx/2006/xaml/presentation"
                    xmlns:x="http://schemas.microsoft.com/winfx/2006/xaml"
                    xmlns:sys="clr-namespace:System;assembly=mscorlib">
    <!-- Shell strings -->
    <sys:String x:Key="Greeting">Hello, {0}!</sys:String>
    <sys:String x:Key="Quit" xml:space="preserve">Quit &amp; save </sys:String>
    <SolidColorBrush x:Key="AccentBrush" Color="#FF0078D7"/>
</ResourceDictionary>
"""


def _source(tmp_path: Path, data: bytes = SOURCE) -> Path:
    path = tmp_path / "Strings.xaml"
    path.write_bytes(data)
    return path


def test_units_are_the_keyed_strings(tmp_path: Path) -> None:
    units = open_document(_source(tmp_path), tgt_lang="de").units()
    assert [(u.key, u.source, u.flags) for u in units] == [
        ("Greeting", "Hello, {0}!", ("csharp-format",)),
        ("Quit", "Quit & save ", ()),
    ]


def test_a_maui_x_string_is_read(tmp_path: Path) -> None:
    maui = SOURCE.replace(b"sys:String", b"x:String").replace(
        b'winfx/2006/xaml"', b'winfx/2009/xaml"'
    )
    units = open_document(_source(tmp_path, maui), tgt_lang="de").units()
    assert [u.key for u in units] == ["Greeting", "Quit"]


def test_the_output_is_the_source_but_for_the_strings_text(tmp_path: Path) -> None:
    source = _source(tmp_path)
    out = tmp_path / "Strings.de.xaml"
    translate_file(source, out, FakeModel(), tgt_lang="de")
    assert out.read_bytes() == SOURCE.replace(b"Hello, {0}!", b"HELLO, {0}!").replace(
        b"Quit &amp; save ", b"QUIT &amp; SAVE "
    )
    pairs = {r.source: r.target for r in XamlStringsDocument.pairs(out, source_file=source)}
    assert pairs == {"Hello, {0}!": "HELLO, {0}!", "Quit & save ": "QUIT & SAVE "}


def test_other_xaml_is_refused_with_what_to_do(tmp_path: Path) -> None:
    view = tmp_path / "MainWindow.xaml"
    view.write_text('<Window xmlns="x"><TextBlock Text="Hi"/></Window>')
    with pytest.raises(
        InputError,
        match=r"MainWindow.xaml: a XAML Window, not a ResourceDictionary; ltmt reads only "
        r"ResourceDictionary string files \(<sys:String x:Key=...>\): move the text of XAML "
        r"views into one and bind it with \{DynamicResource ...\}",
    ):
        open_document(view, tgt_lang="de")


def test_a_csproj_is_named_no_resource_file(tmp_path: Path) -> None:
    project = tmp_path / "MyApp.csproj"
    project.write_text("<Project/>")
    with pytest.raises(InputError, match=r"a \.csproj is an MSBuild project, not a resource file"):
        find_format(project, role="document")


def test_escaped_braces_around_words_are_two_literal_braces(tmp_path: Path) -> None:
    """As in a .resx string: ``{{ ... }}`` around words are .NET's two escaped braces, and the
    words between are translated."""
    braces = SOURCE.replace(b"Hello, {0}!", b"{0}: type {{ to open a group }}")
    out = tmp_path / "Strings.de.xaml"
    translate_file(_source(tmp_path, braces), out, FakeModel(), tgt_lang="de")
    assert b">{0}: TYPE {{ TO OPEN A GROUP }}</sys:String>" in out.read_bytes()


def test_an_existing_translation_is_written_over_as_it_is(tmp_path: Path) -> None:
    """A rerun rewrote the translator's file as the source file: their tabs, ``&#8230;`` and
    a string of their own were lost (the Android trial's defect 3, in XAML)."""
    source = _source(tmp_path)
    out = tmp_path / "Strings.de.xaml"
    theirs = (
        SOURCE.replace(b"Hello, {0}!", b"Hallo, {0}&#8230;")
        .replace(b"Quit &amp; save ", b"Beenden ")
        .replace(b"\n    <", b"\n\t<")
        .replace(
            b"</ResourceDictionary>",
            b'\t<sys:String x:Key="Own">Eigen</sys:String>\n</ResourceDictionary>',
        )
    )
    out.write_bytes(theirs)
    model = FakeModel()
    translate_file(source, out, model, tgt_lang="de")
    assert model.seen == [] and out.read_bytes() == theirs
    source.write_bytes(
        SOURCE.replace(b"    <Solid", b'    <sys:String x:Key="Save">Save</sys:String>\n    <Solid')
    )
    translate_file(source, out, FakeModel(), tgt_lang="de")
    assert out.read_bytes() == theirs.replace(
        b"\t<Solid", b'\t<sys:String x:Key="Save">SAVE</sys:String>\n\t<Solid'
    )
