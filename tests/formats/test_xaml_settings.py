"""The .resw strings that set a XAML property that takes no text (x:Uid's ``Name.Property``)."""

from __future__ import annotations

import time

import pytest

from ltmt.formats.xaml_settings import sets_property_not_text


@pytest.mark.parametrize(
    ("name", "value", "setting"),
    [
        ("AmountText.TextAlignment", "Right", True),
        ("ReceiptsList.HorizontalAlignment", "Left", True),
        ("Panel.VerticalAlignment", "Stretch", True),
        ("ErrorBar.Visibility", "Collapsed", True),
        ("ErrorBar.Visibility", "visible", True),  # XAML reads a member in any case
        ("Page.FlowDirection", "LeftToRight", True),
        ("Stack.Orientation", "Horizontal", True),
        ("Title.FontWeight", "SemiBold", True),
        ("Title.FontStyle", "Italic", True),
        ("Body.TextWrapping", "WrapWholeWords", True),
        ("Body.TextTrimming", "CharacterEllipsis", True),
        ("Logo.Stretch", "UniformToFill", True),
        ("AmountText.Width", "120", True),
        ("AmountText.Width", "Auto", True),
        ("Title.FontSize", "14.5", True),
        ("Card.Margin", "0,4,0,0", True),
        ("Card.Padding", "12 8", True),
        ("Card.Margin", "0,4,0", False),  # three numbers: no thickness
        ("Title.Foreground", "Red", True),
        ("Title.Background", "#FF0078D4", True),
        # words: a property that takes text, or a value that is no member of the property's
        ("AmountText.Text", "Amount", False),
        ("Button.Content", "Right", False),
        ("Box.PlaceholderText", "Left", False),
        ("Nav.[using:Windows.UI.Xaml.Automation]AutomationProperties.Name", "Left", False),
        ("Profile.Visibility", "Who can see your profile", False),
        ("Title.Foreground", "Dark red", False),
        ("Card.Margin", "Wide", False),
        ("Errors.NotFound", "Left", False),  # no property known: a string the code reads
        ("Visibility", "Visible", False),  # no x:Uid key: the code reads it by name
    ],
)
def test_a_property_that_takes_no_text(name: str, value: str, setting: bool) -> None:
    assert sets_property_not_text(name, value) is setting


@pytest.mark.parametrize(
    "value", ["1" * 50_000 + "x", "#" + "F" * 50_000, "1, " * 20_000, "." * 50_000 + "1a"]
)
def test_a_long_value_is_read_at_once(value: str) -> None:
    started = time.perf_counter()
    for prop in ("Width", "Margin", "Foreground"):
        assert not sets_property_not_text(f"Box.{prop}", value)
    assert time.perf_counter() - started < 1
