"""A Markdown rerun's front matter: the source's keys and values, what a person changed in the
output's kept.

Each top-level key (:func:`~ltmt.formats.front_matter.key_blocks`: YAML's or TOML's, its list
or nested ``params:`` with it) is taken from the source, where it carries what the English
changed (a new ``date:``, ``tags:``, an added ``weight:``), or from the output, where a person
edited it there: the record of what ltmt wrote (:data:`~ltmt.formats.output_sources.FRONT`)
keeps a digest of each key's lines as written, and a key whose lines differ from it was edited
(a German ``permalink: /de/…``). A key the output alone has, that ltmt never wrote
(``lang: de``), stays, after the key it follows there; one that ltmt wrote and the source
dropped (``draft: true``) goes, unless edited since; one the record has that the output lacks
(deleted by hand) stays deleted. ``--overwrite`` takes every key from the source and keeps
only the output's own keys. Without a record (an output written before session 68, or
elsewhere) a key whose lines differ from the source's is the output's (a hand edit is not
lost, a change of the source does not arrive), and a key the source dropped stays.
"""

from __future__ import annotations

from dataclasses import dataclass

from ltmt.formats.front_matter import key_blocks
from ltmt.formats.output_sources import Record


@dataclass(frozen=True)
class Piece:
    """A top-level key's lines in a rerun's front matter: ``first`` to before ``end`` of the
    source's front matter (``ours``) or of the output's."""

    ours: bool
    first: int
    end: int


def key_lines(lines: list[str], first: int, end: int) -> str:
    """A key's lines as the record digests them: line ends and trailing space aside."""
    return "".join(lines[first:end]).replace("\r\n", "\n").rstrip()


def written_keys(lines: list[str]) -> dict[str, str]:
    """The lines of each top-level key of the front matter ``lines`` (fences included), by key,
    as the record keeps them (:func:`key_lines`); empty where it cannot be split."""
    blocks = key_blocks(lines) or {}
    return {key: key_lines(lines, first, end) for key, (first, end) in blocks.items()}


def merged_front(
    ours: list[str], theirs: list[str], record: Record | None, overwrite: bool = False
) -> tuple[list[Piece], list[str]] | None:
    """The pieces of a rerun's front matter between its fences (module docstring), and the
    keys kept from the output for want of a record whose lines differ from the source's:
    ``ours`` the source's front matter lines, ``theirs`` the output's, ``record`` what ltmt
    wrote there; None where either cannot be split into keys or they are not of one syntax."""
    mine, other = key_blocks(ours), key_blocks(theirs)
    if mine is None or other is None or ours[0].strip() != theirs[0].strip():
        return None
    digests = record.front_digests() if record is not None else None
    recorded = digests or {}

    def edited(key: str) -> bool:
        """Whether the output's lines of ``key`` are not those ltmt wrote."""
        text = key_lines(theirs, *other[key])
        if digests is None or key not in digests:  # no record of it: a change is a person's
            return text != key_lines(ours, *mine[key]) if key in mine else True
        return record is not None and record.digest(text) != digests[key]

    pieces: dict[str, Piece] = {}
    unrecorded: list[str] = []
    for key, (first, end) in mine.items():
        if key in other and not overwrite and edited(key):
            pieces[key] = Piece(False, *other[key])
            if key not in recorded:
                unrecorded.append(key)
        elif key in other or overwrite or key not in recorded:
            pieces[key] = Piece(True, first, end)
    order = list(pieces)
    for key in other:
        if key in mine or (key in recorded and (overwrite or not edited(key))):
            continue
        before = list(other)[: list(other).index(key)]
        after = next((k for k in reversed(before) if k in pieces), None)
        order.insert(0 if after is None else order.index(after) + 1, key)
        pieces[key] = Piece(False, *other[key])
    return [pieces[key] for key in order], unrecorded
