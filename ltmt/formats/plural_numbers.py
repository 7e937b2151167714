"""How a case of an ICU plural writes its number: ``#`` or the plural's own argument.

In a branch of ``{count, plural, one {# video} other {{count} videos}}`` both ``#`` and
``{count}`` print the number (Flutter's gen-l10n documentation writes ``{count}``); with an
offset (``offset:1``) they differ, ``#`` being ``count`` - 1. A case's text holds a ``#`` as
``%d`` (:mod:`ltmt.formats.icu_messages`), its argument as the file writes it.

A translation read back from a file is written the way its source's case writes the number
(:func:`spelled_as_source`): ``{count} Video`` for ``# video`` is stored as ``%d Video``, so
that a memory's pair names no argument of the message it was read from (reused in a plural
over ``{n}``, its ``{count}`` printed an argument the message does not have: trial s77), and
``# Fotos`` for ``{count} photos`` as ``{count} Fotos``, as the file pairs them; ``ltmt qa``
compares the two as the one number they are. A translation going into a message is written the
way that message's case writes it (:func:`number_for`): a ``%d`` of a memory's match as
``{count}`` where the source writes ``{count}``, as ``#`` where it writes no number; a match
stored before (``{count} Video``, reused for ``{n, plural, one {# video} ...}``) with the one
argument the case does not have as the number (:func:`number_renamed`).

A pair stored from a plural's case keeps ``%d`` for its ``#``, as the model reads it, so that
it matches the same sentence of a Fluent plural (``{ $count }``) or a gettext one (``%d``), with
``{"%d": "#"}`` in ``metadata["placeholders"]``, as a Fluent pair keeps its placeables
(:mod:`ltmt.formats.fluent_written`): a JSON Lines export writes it so, map and all, and reads
back as stored; a TMX, PO, XLIFF, TSV or CSV export writes ``#``, as the file does
(:func:`as_file_writes`; before, the TMX an agency got held a printf ``%d`` the ARB never had).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace

from ltmt.segments import PairRecord

NUMBER_FIELD = "%d"  # a case's ``#``, as its text holds it
NUMBER_WRITTEN = {NUMBER_FIELD: "#"}  # how an ICU file writes it
# an argument that does not branch, by its name (``{count}``, ``{ n }``). Linear: the name's
# characters are no blanks
_ANY_ARGUMENT = re.compile(r"\{\s*([\w.-]+)\s*\}")
_PLACEHOLDERS = "placeholders"  # the metadata key of a pair's map (placeholder -> as written)


def _argument(name: str) -> re.Pattern[str]:
    """The plural's own argument ``{name}`` (ICU lets blanks stand inside its braces). Linear:
    the two runs of blanks are kept apart by the name."""
    return re.compile(rf"\{{\s*{re.escape(name)}\s*\}}")


def source_spelling(source: str, name: str) -> str | None:
    """How ``source``, a case's text of a plural over ``name`` (no offset), writes its number:
    ``%d`` (a ``#``) or ``{name}``; None where it writes both or neither."""
    has_field, has_argument = NUMBER_FIELD in source, _argument(name).search(source) is not None
    if has_field == has_argument:
        return None
    return NUMBER_FIELD if has_field else f"{{{name}}}"


def spelled_as_source(text: str, source: str, name: str) -> str:
    """``text``, a translation of the case ``source`` of a plural over ``name`` (no offset),
    with its number written as ``source`` writes it (``{count} Video`` → ``%d Video`` for ``%d
    video``; ``%d Fotos`` → ``{count} Fotos`` for ``{count} photos``); as it is where
    ``source`` writes both or neither."""
    spelling = source_spelling(source, name)
    if spelling == NUMBER_FIELD:
        return _argument(name).sub(NUMBER_FIELD, text)
    if spelling is not None:
        return text.replace(NUMBER_FIELD, spelling)
    return text


def number_renamed(text: str, source: str, name: str) -> str:
    """``text``, a translation of the case ``source`` of a plural over ``name`` (no offset),
    with the one argument it names that ``source`` does not (``{count}``) as ``%d``, where
    ``source`` writes the number and ``text`` does not: a memory's pair stored before its
    number was read as ``%d`` (:func:`spelled_as_source`) names the argument of the plural it
    was read from; as it is otherwise."""
    if source_spelling(source, name) is None or NUMBER_FIELD in text:
        return text
    if _argument(name).search(text):
        return text
    own = {found.group(1) for found in _ANY_ARGUMENT.finditer(source)}
    foreign = [found for found in _ANY_ARGUMENT.finditer(text) if found.group(1) not in own]
    if len(foreign) != 1:
        return text
    return text[: foreign[0].start()] + NUMBER_FIELD + text[foreign[0].end() :]


def number_for(source: str, name: str) -> str | None:
    """How a translation of ``source``, a case's text of a plural over ``name`` (no offset)
    that holds no ``#``, writes a ``%d`` it has (a memory's match for it): ``{name}`` where
    ``source`` writes that, ``#`` where it writes no number; None where ``source`` has a
    ``%d`` of its own (text, not the number)."""
    if NUMBER_FIELD in source:
        return None
    return f"{{{name}}}" if _argument(name).search(source) else "#"


def as_file_writes(record: PairRecord) -> PairRecord:
    """``record`` (a stored pair) with its ``%d`` as the ICU file it came from writes it,
    ``#``, where its metadata's map says so (:data:`NUMBER_WRITTEN`, the map then left out:
    the text holds no ``%d``); else ``record`` itself."""
    written = record.metadata.get(_PLACEHOLDERS)
    if not isinstance(written, Mapping) or dict(written) != NUMBER_WRITTEN:
        return record
    metadata = {key: value for key, value in record.metadata.items() if key != _PLACEHOLDERS}
    return replace(
        record,
        source=record.source.replace(NUMBER_FIELD, "#"),
        target=record.target.replace(NUMBER_FIELD, "#"),
        metadata=metadata,
    )
