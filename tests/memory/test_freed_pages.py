from __future__ import annotations

import pytest

from ltmt.memory.freed_pages import (
    COMPACT_NOTE,
    KEY_DESTROYED,
    SERVER_COMPACT_NOTE,
    deleted_user_note,
)


@pytest.mark.parametrize(
    ("encrypted", "text_deleted", "server", "note"),
    [
        (True, True, False, KEY_DESTROYED),  # nothing readable left: the key is gone
        (True, False, True, KEY_DESTROYED),
        (False, True, False, COMPACT_NOTE),
        (False, True, True, SERVER_COMPACT_NOTE),  # compact needs the server stopped
        (False, False, False, None),  # no text deleted: nothing to say
        (False, False, True, None),
    ],
)
def test_deleted_user_note_says_what_is_left_of_the_text(
    encrypted: bool, text_deleted: bool, server: bool, note: str | None
) -> None:
    assert deleted_user_note(encrypted=encrypted, text_deleted=text_deleted, server=server) == note


def test_the_server_note_names_the_command_and_the_stopped_server() -> None:
    assert "ltmt memory compact" in SERVER_COMPACT_NOTE
    assert "server stopped" in SERVER_COMPACT_NOTE
