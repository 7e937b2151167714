"""What a delete leaves on disk, in the words the commands and the server both say it.

LMDB reuses freed pages later, it does not wipe them: the text of a deleted user, segment or
term stays in ``data.mdb`` until ``ltmt memory compact`` rewrites the store (a single segment
or term stays decryptable there in an encrypted store too: its user's key lives on; a deleted
user's data key is destroyed). Compact needs the store to itself, so a server is stopped first.
"""

from __future__ import annotations

COMPACT_NOTE = "run 'ltmt memory compact' to remove its text from freed pages"
SERVER_COMPACT_NOTE = (
    f"its text stays in data.mdb's freed pages: {COMPACT_NOTE}, with the server "
    "stopped (compact needs the store to itself)"
)
KEY_DESTROYED = "its data key is destroyed"


def deleted_user_note(*, encrypted: bool, text_deleted: bool, server: bool = False) -> str | None:
    """What is left of a deleted user's text: with ``encrypted``, nothing readable (its data key
    is destroyed); else, where ``text_deleted``, its text in freed pages until compact
    (``server``: said with the server stopped); None where no text was deleted."""
    if encrypted:
        return KEY_DESTROYED
    if not text_deleted:
        return None
    return SERVER_COMPACT_NOTE if server else COMPACT_NOTE
