"""The values ltmt copies from a source into its output, no text (a number, a URL, an
identifier, a boolean, a code: ``version: 2.4.0``, ``type: number``), on a run into an output
written before.

They are the source's: each run writes the source's value as it is now, unless the output holds
another that someone set there on purpose (a URL of a German page, Rails' ``separator: ","``).
Which is which the record of what ltmt wrote tells (:data:`~ltmt.formats.output_sources.VALUE`:
per value, the digest of the source's value when ltmt last wrote the output): an output's value
that is the source's then is ltmt's copy, and follows the source (regression trial oa271: a
re-run kept ``version: 2.4.0`` and the old server URL of an API description, silently); another
is kept, and named in a warning where the source's value changed since. Without a record (an
output ltmt did not write, :func:`~ltmt.formats.existing_output.warn_of_no_record`), the
output's values are kept, and those the source has otherwise named in a warning once
(:func:`warn_of_unrecorded`); with one written before session 71, which keeps no values, those
the source now has otherwise are kept and named in a warning once (the next record keeps them).

The values ltmt wrote as the source has them whatever the output held until trial s75 (a JSON
file's numbers, booleans, nulls, identifiers and language codes: ``copied_before``) are ltmt's
copies where a record holds none of them (one written before, the regression trial's upgrade:
``version: 2`` kept for the source's 3); ``--overwrite``, which reads no record and translates
afresh, writes the source's of them, and keeps the others as before, silently
(:meth:`~ltmt.formats.keyed_catalog.KeyedCatalog.adopt_recorded`).

Which values a catalog copies it says itself (:meth:`~ltmt.formats.keyed_catalog.KeyedCatalog.
copied_values`): a keyed catalog's strings that are no text (a TOML, Joomla INI or XAML
``version`` of ``2.4.0``: session 72, kept as the first run wrote them), a YAML file's settings,
a JSON file's strings under a skipped key, its identifiers and language codes, its numbers,
booleans and nulls (:mod:`~ltmt.formats.json_own_values`: a record's ``id``, ``slug`` and
``locale``, trial s75) and an ARB template's ``@@`` keys (``@@x-version``), and a Fluent
file's patterns that it copies (:mod:`~ltmt.formats.fluent_copies`: ``version = 2.4.0``,
``.style = width: 32em``; session 72).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ltmt.wording import counted, first_few, them

if TYPE_CHECKING:
    from ltmt.formats.output_sources import Record

logger = logging.getLogger(__name__)


def value_text(value: Any) -> str:
    """``value`` (a number, a boolean, a string, null) as the record digests it."""
    return str(value)


def follow_source(
    target: Path,
    kept: Mapping[str, Any],
    sources: Mapping[str, Any],
    record: Record | None,
    copied_before: Collection[str] = frozenset(),
) -> list[str]:
    """The names of ``kept`` (the values, no text, that the output ``target`` holds where the
    source has values too, by name) that are ltmt's copy of the source's value then, by
    ``record`` (None: there is none; ``copied_before``: the names of those ltmt copied whatever
    the output held until trial s75): they take the source's now (``sources``, by name). Warns
    of those kept that the source now has otherwise, where someone set them since the source's
    changed, or the record cannot tell, or there is none (module docstring)."""
    if record is None:
        warn_of_unrecorded(target, kept, sources)
        return []
    sorted_out = sort_values(kept, sources, record, copied_before)
    if sorted_out.translated:
        translated = [f"{name}: {shown(kept[name])}" for name in sorted_out.translated]
        logger.warning(
            "%s: %s that an earlier run translated as text %s copied now (no text, as an "
            "identifier is, or under a key of --skip-keys): written as the source has %s (%s)",
            target,
            counted(len(translated), "value"),
            "is" if len(translated) == 1 else "are",
            them(len(translated)),
            first_few(translated),
        )
    changed = [f"{name}: {shown(kept[name])}" for name in sorted_out.changed]
    unknown = [f"{name}: {shown(kept[name])}" for name in sorted_out.unknown]
    if changed:
        logger.warning(
            "%s: %s kept as the output has %s, set there by someone, though the source's "
            "changed since ltmt last wrote it (%s); delete %s there to take the source's",
            target,
            counted(len(changed), "value"),
            them(len(changed)),
            first_few(changed),
            them(len(changed)),
        )
    if unknown:
        logger.warning(
            "%s: %s kept as the output has %s, not as the source has %s now (%s): ltmt's "
            "record of the output is older than its recording of such values, so who set "
            "%s cannot be told; delete %s there to take the source's",
            target,
            counted(len(unknown), "value"),
            them(len(unknown)),
            them(len(unknown)),
            first_few(unknown),
            them(len(unknown)),
            them(len(unknown)),
        )
    return sorted_out.again


def warn_of_unrecorded(target: Path, kept: Mapping[str, Any], sources: Mapping[str, Any]) -> None:
    """Name, once, the values of ``kept`` (the output ``target``'s, by name) that are not the
    source's now (``sources``, by name), kept where no record of what ltmt wrote there tells
    ltmt's copies of an older source from values someone set there (trial s75: a Strapi
    export's German ids, slugs and ``locale`` were replaced with the English entry's)."""
    own = [name for name, value in kept.items() if value_text(value) != value_text(sources[name])]
    if own:
        logger.warning(
            "%s: %s kept as the output has %s, not as the source has %s (%s): ltmt read no "
            "record of what it wrote there, so it cannot tell whether someone set %s there "
            "or %s of an older source; delete %s there to take the source's",
            target,
            counted(len(own), "value"),
            them(len(own)),
            them(len(own)),
            first_few(f"{name}: {shown(kept[name])}" for name in own),
            them(len(own)),
            "it is ltmt's copy" if len(own) == 1 else "they are ltmt's copies",
            them(len(own)),
        )


def shown(value: Any) -> str:
    """``value`` as a warning shows it: a string as it is, another as JSON and YAML write it
    (``true``, ``null``, ``16``)."""
    return value if isinstance(value, str) else json.dumps(value)


@dataclass(frozen=True)
class SortedValues:
    """The names of the output's values that differ from the source's, by who set them
    (:func:`sort_values`); those of none of the three are the output's own, kept silently."""

    again: list[str]  # ltmt's copy of the source's value then: the source's now
    changed: list[str]  # set there by someone, the source's changed since: kept, warned of
    unknown: list[str]  # a record that keeps no values cannot tell: kept, warned of
    # of ``again``, those an earlier run translated as text, now read as no text: warned of
    translated: list[str] = field(default_factory=list)


def sort_values(
    kept: Mapping[str, Any],
    sources: Mapping[str, Any],
    record: Record | None,
    copied_before: Collection[str] = frozenset(),
) -> SortedValues:
    """Sort the names of ``kept`` (the output's values, by name) whose value is not the
    source's now (``sources``, by name) by ``record``, what ltmt wrote there (None: there is
    none, and every value is the output's own); those of ``copied_before`` are ltmt's copies
    where the record holds none of them (module docstring)."""
    sorted_out = SortedValues([], [], [])
    if record is None:
        return sorted_out
    digests = record.value_digests()
    # written before ltmt recorded them, when it wrote the source's there whatever the output
    # held (a record that holds some, and not a value, was written when the source had none)
    copied_unrecorded = digests is None or not any(name in digests for name in copied_before)
    for name, value in kept.items():
        source = value_text(sources[name])
        if value_text(value) == source:
            continue
        if (digests is None or name not in digests) and record.wrote_at(name, value_text(value)):
            # ltmt's machine translation of a value an older run read as text (trial s77:
            # a line ID, "line:0a1b2c", written "Zeile:0a1b2c"): no one's, the source's now
            sorted_out.again.append(name)
            sorted_out.translated.append(name)
        elif name in copied_before and copied_unrecorded:
            sorted_out.again.append(name)
        elif digests is None:
            sorted_out.unknown.append(name)
        elif name not in digests:
            continue  # not the source's value before: the output's own
        elif record.digest(value_text(value)) == digests[name]:
            sorted_out.again.append(name)
        elif record.digest(source) != digests[name]:
            sorted_out.changed.append(name)
    return sorted_out
