"""A plural message's other forms taken from the memory where the file does not hold the
English plural they translate: a Jed file (``wp i18n make-json``) keeps a message by its
``msgid`` alone (``"%d guest":["",""]``), so its form 1 has no source to search for. The
memory may hold it all the same: a PO import stores each form from 1 on with the ``msgid`` of
its message (``metadata["plural_of"]``: ``%d guests`` → ``%d Gäste``, ``plural_of`` ``%d
guest``), which the search for the singular finds among its matches (WordPress trial s76: the
reviewed plural was a 100 % match, and the Jed output left it empty, with a warning to do what
was done).

:func:`stored_form` picks that form from a message's matches; a document that fills such forms
is :class:`FillsStoredForms`, which the pipeline hands each filled unit's matches.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Protocol, runtime_checkable

from ltmt.segments import Match


@runtime_checkable
class FillsStoredForms(Protocol):
    """A document whose plural messages' other forms the memory may fill (a Jed file's)."""

    def fill_stored_forms(self, found: Mapping[str, Sequence[Match]]) -> int:
        """Fill the empty other forms of the messages of ``found`` (their units' memory
        matches, by unit key) from :func:`stored_form`; returns how many were filled."""
        ...


def stored_form(matches: Sequence[Match], msgid: str, context: str, form: int) -> str | None:
    """The stored translation of plural form ``form`` of the message ``msgid`` in ``context``
    ("" for none) among ``matches``: a segment that says it is that form of that very message
    (``plural`` and ``plural_of``, the same context), the newest where there are several; None
    where none does."""
    best = None
    for match in matches:
        segment, metadata = match.segment, match.segment.metadata
        if (
            str(metadata.get("plural", "")) == str(form)
            and metadata.get("plural_of") == msgid
            and str(metadata.get("context", "") or "") == context
            and segment.target.strip()
            and (best is None or segment.id > best.id)
        ):
            best = segment
    return None if best is None else best.target
