"""A plural message's other forms, found among the memory matches of its singular."""

from __future__ import annotations

from typing import Any

import pytest

from ltmt.formats.stored_forms import stored_form
from ltmt.segments import Match, Segment


def _match(seg_id: int, target: str, **metadata: Any) -> Match:
    return Match(Segment(seg_id, "u1", "%d guests", target, 0.0, "de.po", metadata), 95.0)


MATCHES = (
    _match(1, "%d Gast", plural=0),
    _match(2, "%d Gäste", plural=1, plural_of="%d guest"),
    _match(3, "%d Gäste (neu)", plural=1, plural_of="%d guest"),  # translated again: newest
    _match(4, "%d Zimmergäste", plural=1, plural_of="%d guest", context="rooms"),
    _match(5, "%d Besucher", plural=1, plural_of="%d visitor"),
    _match(6, "", plural=2, plural_of="%d guest"),
)


@pytest.mark.parametrize(
    ("msgid", "context", "form", "expected"),
    [
        ("%d guest", "", 1, "%d Gäste (neu)"),
        ("%d guest", "rooms", 1, "%d Zimmergäste"),
        ("%d guest", "menu", 1, None),  # another context's is no translation of this one
        ("%d visitor", "", 1, "%d Besucher"),
        ("%d guest", "", 2, None),  # stored empty
        ("%d guests", "", 1, None),  # the form's own source is no msgid
    ],
)
def test_the_stored_form_of_the_same_message(
    msgid: str, context: str, form: int, expected: str | None
) -> None:
    assert stored_form(MATCHES, msgid, context, form) == expected
