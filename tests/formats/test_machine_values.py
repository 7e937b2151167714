"""Which values of a keyed file a program reads: copied as written, never sent to the model."""

from __future__ import annotations

import pytest

from ltmt.formats.machine_values import is_machine_value


@pytest.mark.parametrize(
    ("text", "key", "machine"),
    [
        ("c0ffee00-2222-4b3c-9d4e-000000000001", "id", True),  # a UUID under any key
        ("A1B2C3D4-0000-4000-8000-000000000001", "ref", True),
        ("3f2a9c1b", "hash", True),  # a hex hash: 8 digits, a digit and a letter
        ("9cb30da1e2", None, True),
        ("deadbeef", None, False),  # no digit: a word
        ("3f2a9c1", None, False),  # 7 hex digits
        ("0", "defaultValue", True),  # a number alone
        ("-1.5", None, True),
        ("30 minutes", None, False),
        ("Europe/Berlin", "defaultTimezone", True),
        ("America/Argentina/Buenos_Aires", "tz", True),
        ("Europe and Asia", None, False),
        ("i18n/i18n.properties", "bundleUrl", True),  # a relative file path
        ("./img/logo.png", "icon", True),
        ("../assets/fonts/Inter-Regular.woff2", None, True),
        ("Read/write access.", None, False),  # a word with a slash: text
        ("Yes/No", None, False),
        ("See docs/setup.md for details", None, False),
        ("pizza-size", "name", True),  # an identifier under a key of names
        ("order_followup", "key", True),
        ("google", "platform", True),
        ("WELCOME", "name", True),
        ("pizza-size", "title", False),  # under a key of text: a label
        ("Order Pizza", "name", False),  # a space: a name people read
        ("Settings", "name", False),  # a capital, then lower case: a label
        ("Pizza-size", "name", False),
    ],
)
def test_is_machine_value(text: str, key: str | None, machine: bool) -> None:
    assert is_machine_value(text, key) is machine
