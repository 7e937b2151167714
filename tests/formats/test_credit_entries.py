"""Which PO entries hold the translators' credits or an itstool file reference, no message."""

from __future__ import annotations

import pytest

from ltmt.formats.credit_entries import is_credits_entry


@pytest.mark.parametrize(("context", "msgid", "credits"), [
    # itstool's (GNOME help) and a GTK application's
    ("_", "translator-credits", True),
    ("", "translator-credits", True),
    ("_", "external ref='figures/photonic-edit.png' md5='3b1f0a5c9d8e7f6a5b4c3d2e1f0a9b8c'",
     True),
    ("_", "external ref='media/intro.webm' md5='__failed__'", True),
    # KDE's, and KDE 3's in the msgid
    ("NAME OF TRANSLATORS", "Your names", True),
    ("EMAIL OF TRANSLATORS", "Your emails", True),
    ("", "_: NAME OF TRANSLATORS\nYour names", True),
    # messages
    ("", "Credits", False),
    ("", "external ref='figures/a.png' md5='0'", False),  # no itstool context: a message
    ("_", "Edit a photo", False),
    ("menu", "Translator credits", False),
])  # fmt: skip
def test_credits_and_file_references_are_told_from_messages(
    context: str, msgid: str, credits: bool
) -> None:
    assert is_credits_entry(context, msgid) is credits
