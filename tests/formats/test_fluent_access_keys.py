"""A Fluent message's access keys: which attributes they are, their labels, the key chosen."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from fluent.syntax import FluentParser, FluentSerializer, ast

from ltmt.formats.fluent_access_keys import (
    access_keys_not_in_labels,
    choose_access_key,
    choose_access_keys,
    is_access_key,
    keys_missing,
    label_of,
    with_access_keys,
)


def _message(text: str) -> Any:
    message = FluentParser().parse(text).body[0]
    assert isinstance(message, ast.Message), message
    return message


def _pattern(text: str) -> ast.Pattern:
    message = _message(f"m = {text}\n")
    assert message.value is not None
    return message.value


def _written(message: Any) -> str:
    return str(FluentSerializer().serialize(ast.Resource([message])))


@pytest.mark.parametrize(
    ("name", "access_key"),
    [
        ("accesskey", True),
        ("buttonaccesskeyaccept", True),  # a dialog's button
        ("label", False),
        ("aria-label", False),
        ("key", False),  # a shortcut key: copied
    ],
)
def test_an_access_key_is_an_attribute_named_with_accesskey(name: str, access_key: bool) -> None:
    assert is_access_key(name) is access_key


@pytest.mark.parametrize(
    ("message", "name", "label"),
    [
        ("m = Value\n    .label = Label\n    .accesskey = L\n", "accesskey", ("m.label", "Label")),
        ("m = Value\n    .value = Wert\n    .accesskey = V\n", "accesskey", ("m", "Value")),
        # XUL's <label value=... accesskey=...>: session 74's labels without a key of them
        ("m =\n    .value = Save files to\n    .accesskey = v\n", "accesskey", ("m.value", "Save files to")),
        ("m =\n    .aria-label = Open\n    .accesskey = O\n", "accesskey", ("m.aria-label", "Open")),
        ("m =\n    .title = Open\n    .accesskey = O\n", "accesskey", None),
        (
            "m =\n    .buttonlabelaccept = Save\n    .buttonaccesskeyaccept = S\n    .label = Other\n",
            "buttonaccesskeyaccept",
            ("m.buttonlabelaccept", "Save"),
        ),
        ("m = Save\n    .buttonaccesskeyaccept = S\n", "buttonaccesskeyaccept", None),
    ],
)  # fmt: skip
def test_an_access_key_underlines_a_letter_of_the_label_mozilla_pairs_it_with(
    message: str, name: str, label: tuple[str, str] | None
) -> None:
    found = label_of(_message(message), name)
    assert (None if found is None else (found[0], found[1].elements[0].value)) == label


@pytest.mark.parametrize(
    ("wanted", "label", "key"),
    [
        ("d", "Datei öffnen", "D"),  # the letter as the label writes it
        ("f", "Datei öffnen", "f"),
        ("O", "Datei öffnen", "D"),  # ö is not o
        ("S", "Datei öffnen", "D"),  # not in the label: its first letter
        ("S", "{ -brand } öffnen", "ö"),  # placeables are not letters
        ("", "Öffnen", "Ö"),
        ("D", "Große Datei", "D"),  # ß casefolds to two letters
        ("s", "Große Datei", "G"),  # ß is no key: the label's first letter
    ],
)
def test_an_access_key_is_a_letter_of_the_translated_label(wanted, label, key) -> None:
    assert choose_access_key(wanted, _pattern(label)) == key


@pytest.mark.parametrize(
    ("wanted", "key"),
    [
        ("G", "G"),  # in every variant
        ("n", "N"),  # as the default variant writes it
        ("z", "N"),  # only in one variant: the first letter all have
    ],
)
def test_a_label_with_a_select_gets_a_key_every_variant_has(wanted: str, key: str) -> None:
    label = _pattern("{ $n ->\n    [1] Tab zu neuer Gruppe\n   *[other] Neue Gruppe mit Tabs\n}")
    assert choose_access_key(wanted, label) == key


@pytest.mark.parametrize(
    ("held", "key"),
    [
        ("F", "F"),  # the reviewer's, still a letter of the new label: kept as written
        ("f", "f"),
        ("x", "s"),  # no letter of the new label: the source's
        ("{ -key }", "s"),  # a placeable is no letter
        (None, "s"),  # no output so far
    ],
)
def test_the_outputs_access_key_is_kept_while_it_is_a_letter_of_the_new_label(
    held: str | None, key: str
) -> None:
    """Session 74: a reviewer's ``F`` (chosen against a clash in the menu) became the source's
    ``s`` when the label was translated again, though the new label has an F."""
    message = _message(
        "restore =\n    .label = Vorherige Fenster wiederherstellen\n    .accesskey = s\n"
    )
    before = (
        None
        if held is None
        else _message(f"restore =\n    .label = Fenster öffnen\n    .accesskey = {held}\n")
    )
    choose_access_keys(message, before)
    assert _written(message).endswith(f"    .accesskey = {key}\n")


def test_a_key_for_each_platform_keeps_the_outputs_key_of_that_platform() -> None:
    message = _message(
        "popup =\n    .label =\n        { PLATFORM() ->\n            [windows] Optionen\n"
        "           *[other] Einstellungen\n        }\n    .accesskey =\n"
        "        { PLATFORM() ->\n            [windows] O\n           *[other] P\n        }\n"
    )
    before = _message(
        "popup =\n    .label = x\n    .accesskey =\n"
        "        { PLATFORM() ->\n            [windows] t\n           *[other] Q\n        }\n"
    )
    choose_access_keys(message, before)
    assert _written(message).endswith(
        "        { PLATFORM() ->\n            [windows] t\n           *[other] E\n        }\n"
    )


def test_an_output_message_without_the_sources_key_gets_one_from_its_label() -> None:
    """Session 74: ``menu-pin`` gained ``.accesskey = P`` in English and kept none in German;
    the translator's own key of another message, and a key whose label the output's message
    lacks, are left as they are."""
    source = _message(
        "m =\n    .label = Pin tab\n    .accesskey = P\n"
        "    .buttonlabelaccept = Pin\n    .buttonaccesskeyaccept = P\n"
        "    .buttonaccesskeyextra1 = E\n"
    )
    held = _message("m =\n    .label = Tab anheften\n    .buttonlabelaccept = Anheften\n")
    assert keys_missing(held, source) == ["accesskey", "buttonaccesskeyaccept"]
    assert _written(with_access_keys(held, source)) == (
        "m =\n    .label = Tab anheften\n    .buttonlabelaccept = Anheften\n"
        "    .accesskey = T\n    .buttonaccesskeyaccept = A\n"
    )
    theirs = _message("m =\n    .label = Tab anheften\n    .accesskey = X\n")
    assert keys_missing(theirs, source) == []
    assert _written(with_access_keys(theirs, source)).endswith("    .accesskey = X\n")


ACCESS_KEYS_FTL = (
    "menu-save = Speichern\n    .accesskey = X\n"
    "menu-open = Öffnen\n    .accesskey = f\n"
    "login-button =\n    .label = Anmelden\n    .accesskey = q\n"
    "about = Über { -brand-name }\n    .accesskey = N\n"
    "save-where =\n    .value = Dateien speichern in\n    .accesskey = v\n"
    "dialog =\n    .buttonlabelaccept = Speichern\n    .buttonaccesskeyaccept = S\n"
    "    .buttonlabelcancel = Abbrechen\n    .buttonaccesskeycancel = X\n"
)


def test_access_keys_that_are_no_letter_of_their_label_are_found(tmp_path: Path) -> None:
    """An access key is chosen, not translated, and makes no pair: one changed to a letter its
    label lacks underlined nothing and passed ``ltmt qa``. A key of either case counts; a
    label with a placeable (another message's text) is not judged; a ``.value``'s key and a
    dialog button's are judged too (session 74)."""
    path = tmp_path / "main.ftl"
    path.write_text(ACCESS_KEYS_FTL, "utf-8")
    assert access_keys_not_in_labels(path) == [
        ("menu-save", "X", "Speichern"),
        ("login-button.label", "q", "Anmelden"),
        ("save-where.value", "v", "Dateien speichern in"),
        ("dialog.buttonlabelcancel", "X", "Abbrechen"),
    ]
