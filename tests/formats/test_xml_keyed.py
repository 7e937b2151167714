"""XML keyed catalogs (.resx, XAML): each name is its first definition, read alike by both."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from ltmt.formats.resx import ResxDocument
from ltmt.formats.xaml_strings import XamlStringsDocument
from ltmt.formats.xml_keyed import XmlKeyedCatalog

RESX = """<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
  <data name="Title"><value>{0}</value></data>
  <data name="Prompt"><value>{1}</value></data>
  <data name="Title"><value>{2}</value></data>
</root>
"""
XAML = """<ResourceDictionary xmlns="http://schemas.microsoft.com/winfx/2006/xaml/presentation"
                    xmlns:x="http://schemas.microsoft.com/winfx/2006/xaml"
                    xmlns:sys="clr-namespace:System;assembly=mscorlib">
    <sys:String x:Key="Title">{0}</sys:String>
    <sys:String x:Key="Prompt">{1}</sys:String>
    <sys:String x:Key="Title">{2}</sys:String>
</ResourceDictionary>
"""
FORMATS = [
    (ResxDocument, RESX, ".resx", "the first definition, as MSBuild builds it, is read"),
    (XamlStringsDocument, XAML, ".xaml", "the first definition is read"),
]


@pytest.mark.parametrize(("kind", "layout", "suffix", "said"), FORMATS)
def test_a_name_defined_twice_is_its_first_definition(
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
    kind: type[XmlKeyedCatalog],
    layout: str,
    suffix: str,
    said: str,
) -> None:
    source = tmp_path / f"Strings{suffix}"
    source.write_text(layout.format("Open", "Enter", "Save"), "utf-8")
    target = tmp_path / f"Strings.de{suffix}"
    target.write_text(layout.format("Öffnen", "Eingeben", "Speichern"), "utf-8")
    with caplog.at_level(logging.WARNING):
        document = kind.open(source)
    assert type(document) is kind
    assert f"1 name defined more than once (Title); {said}; delete the others" in caplog.text
    assert [(u.key, u.source) for u in document.units()] == [("Title", "Open"), ("Prompt", "Enter")]
    assert document.read_values(target) == {"Title": "Öffnen", "Prompt": "Eingeben"}
    translation = document.read_translation(target)
    assert translation.values == {"Title": "Öffnen", "Prompt": "Eingeben"}
    assert translation.defined_twice == ["Title"]
