"""Which strings of a legacy .properties file are access keys, and whose label each underlines."""

from __future__ import annotations

from ltmt.formats.properties_access_keys import access_key_labels


def test_an_access_key_is_paired_with_its_label():
    values = {
        "close.label": "Close",
        "close.accesskey": "C",
        "restartButton": "Restart Now",  # the label without a .label suffix
        "restartButton.accessKey": "R",
        "orphan.accesskey": "O",  # no label: not chosen, translated as any string
        "long.label": "Long",
        "long.accesskey": "Lo",  # no single letter
        "empty.label": " ",
        "empty.accesskey": "E",  # an empty label underlines nothing
        "cmd_find.key": "f",  # a shortcut, not an access key
    }
    assert access_key_labels(values) == {
        "close.accesskey": "close.label",
        "restartButton.accessKey": "restartButton",
    }
