"""What source each translation in an output ltmt wrote was made for, so that an update
translates again the blocks whose source changed.

An existing output of a document whose translation is a file of its own (a Word document, a
Markdown page, an app catalog: :class:`~ltmt.formats.documents.TranslatedApart`) is the
translation so far: its blocks are taken over by their place or name, and a block with other
text than the source's is kept. That rule alone cannot tell a translator's edit from the
translation of a source edited since (or of another document written into the same output).
So each time ltmt writes such an output it records, per unit key, a digest of the unit's
source and of the translation written (:class:`Record`, one small JSON file per output and user
under ltmt's cache, :class:`OutputSources`; the output itself is not changed), the translation's
formatting tags left out: read back in the tags of another source (another document's footer,
whose fields another program wrote, line up with none of its own), it is still ltmt's. The
record is found by the output's path, and by the output's content (a copy of it named by a
keyed digest of the bytes written, its line ends as ``\n``): a checkout of the same output at
another path (a CI workspace, a clone) finds the record of what ltmt wrote there, so an update
translates the same strings again wherever it runs; an output edited since is found by its
path only. A record holds when it was written: of several users' records of one output, read
whoever wrote it (``memory import``, ``ltmt qa`` without ``--user``), the one of the file's bytes,
else the last written, is the output's (:mod:`ltmt.formats.record_choice`).
A rewritten output's previous copy goes, so that checkpoints and reruns leave one; what ltmt
wrote there before and no place holds now is kept in the record as its history
(:attr:`Record.history`, the newest :data:`HISTORY_KEPT` pairs), so that what ran at that path in
between (another branch's run in one checkout, a copy's run found by the same bytes) does not
make ltmt's own translation someone else's: where a unit's place does not tell (it holds
nothing, another source's translation, or one of unknown origin), a text ltmt wrote there for
the unit's source is its own, and one it wrote for other sources only is translated again.

On the next run into that output (:func:`outdated`), a kept translation that the record holds
for other sources only was written by ltmt for a source that is no longer there: it is
translated again. One the record holds for the unit's own source is up to date, wherever the
block moved. One the record does not hold was written or edited by someone else since: it is
kept, and named in a warning where the record says the unit's source changed too (which of
the two came first, the edit or the source's change, cannot be told), on every update until
someone edits it or the source goes back (``ltmt qa`` names it too). Without a record (an
output ltmt did not write, a copy of one edited since, or a cache deleted since), every
translation is kept as before, and a warning says so
(:func:`~ltmt.formats.existing_output.warn_of_no_record`); the record that run writes holds
them as of unknown origin (:data:`UNKNOWN`), not as a translator's, until someone edits them.

The records are as private as the memory whose text they are made from (README: Privacy and
integrity of the memory store). Their folder is its owner's alone (0700, the files 0600); the
digests are keyed (BLAKE2b with a key, a MAC: a guessed sentence cannot be checked against
them), and so is a record's file name, made from the output's path. The key is derived from
the store key for an encrypted memory's user (a record then reads with that key only: after a
``rekey``, an update keeps every translation once, as without a record), else it is the cache
folder's own random ``secret``. Each user's records lie in a folder of their own, named by the
user and its memory store (its id: :func:`ltmt.memory.cached_traces.store_identity`, which a
move or another path to the store keeps) keyed with that secret, so that stores sharing a cache
folder keep their users of one name apart, and deleting the user (:func:`forget_records`,
called by :meth:`ltmt.memory.store.Memory.delete_user` for every cache folder the store noted)
removes its own store's records only. Records of runs given no store, of a store of before ids
until its first write, and those written before session 63 (a folder named by the user alone,
which every store of the cache shared), are read where an output has no record of its store,
and a delete of a user of that name removes them too (they may hold the text of the user
deleted). A record of the first format (before session 60: unkeyed digests, the output's path
in clear, in the folder itself) is read where its output has no record of this one (an update
right after the upgrade still translates again what changed), and removed when its output's
record is written; those of outputs never updated again stay until the cache is cleared.

A document whose existing output may line up with its units in more than one way (subtitles
re-timed since, whose cues no longer start at the output's times: :class:`LinedUpByRecord`) is
given the record before it takes the output over, so that it lines a unit up by its place only
where the record says ltmt wrote that place for the unit's source. A file that holds every
language and is filled in place (a CSV table, an Xcode string catalog: :class:`FilledInPlace`)
is its own output: its translations are checked against the record as an output's are, and
``memory import`` skips a pair the record says ltmt wrote for another source.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import logging
import os
import re
import shutil
import time
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from ltmt.errors import LtmtError
from ltmt.formats.documents import Unit
from ltmt.formats.record_choice import FoundRecord, copied_record, latest_record
from ltmt.paths import (
    ENV_CACHE,
    default_cache_dir,
    link_new_secret,
    private_folder,
    resolved,
    write_private_file,
)

if TYPE_CHECKING:
    from ltmt.memory.store import Memory

logger = logging.getLogger(__name__)

FOLDER = "output-sources"  # under the cache directory
SECRET = "secret"  # the cache folder's random key, in FOLDER
SECRET_BYTES = 32
BY_CONTENT = "by-content"  # in a user's folder: the records' copies named by the outputs' bytes
RECORD_VERSION = 2
# the key of a record's file that holds when it was written (nanoseconds since the epoch), so
# that of several users' records of one output the last written is read whatever copied the
# cache folder since (:mod:`ltmt.formats.record_choice`); before session 73 the file's time
WRITTEN = "written"
FIRST_VERSION = 1  # unkeyed digests and the output's path in clear, in FOLDER itself
# the records folders a failed write was warned of in this process (a warning once per run)
_NOT_RECORDED_SAID: set[Path] = set()
# what a record holds for a place whose translation ltmt did not write (a translator's, there
# before ltmt's first run or edited since): no digest of a text is empty
OTHERS_TEXT = ""
# what starts the digest of someone else's translation kept for a source changed since, under
# the digest of the source it was kept for (:meth:`Record.unchecked_for`): still unchecked until
# it is edited, so that the next update (which names it again), an import and ``ltmt qa`` know
# its source changed
UNCHECKED = "?"
# what starts the digest of a translation ltmt wrote marked for review (a PO entry's fuzzy
# flag): a reviewer who removes the mark approves it, so that it is ltmt's unreviewed machine
# translation only while marked (session 67: an import left reviewed entries out)
MARKED = "~"
# what starts the digest of a translation ltmt copied from the memory (a 100 % match, unmarked):
# an approved translation, not ltmt's machine translation, so that no import of a file holding
# the pair (the client's TMX the match came from) takes it for unreviewed output (session 69);
# an update treats it as ltmt's (translated again when its source changes)
COPIED = "="
# what starts the digest of a translation an output held that a run kept without a record of
# the output (a fresh CI runner's empty cache: ltmt's machine translation from a run elsewhere,
# or a translator's): of unknown origin, neither ltmt's nor a person's, so that ``memory import
# --reviewed-only`` treats it as it treats a file without a record (regression trial rege170:
# recorded as a translator's, it was imported as approved); an edit since makes it the editor's
UNKNOWN = "!"
# the key under which a record of a catalog keeps the digest of the header ltmt wrote (a PO
# catalog's PO-Revision-Date and Last-Translator), no unit's: whether anybody saved it since
REVISION = "\0revision"
# what starts the key under which a record of a Markdown page keeps the digest of a top-level
# front matter key's lines that ltmt wrote (``\0front:date``), no unit's: whether anybody
# edited them since (:mod:`ltmt.formats.front_matter_rerun`)
FRONT = "\0front:"
# what starts the key under which a record of a catalog keeps the digest of the source's value
# that ltmt copied to a place of the output, no text (``\0value:info.version``: a number, a
# URL, a code), no unit's: an output holding it still is ltmt's copy, which a run replaces with
# the source's value now; another was set there by someone (:mod:`ltmt.formats.copied_values`)
VALUE = "\0value:"
# what starts the key under which a record keeps, for a unit ltmt wrote marked for review, the
# digest of its context, source and translation together (:func:`_in_context`), no unit's: a
# fuzzy PO entry is ltmt's own only with the msgctxt it was written for (regression trial s74:
# msgmerge's copy of ``action|Open`` into ``ticket status|Open`` was taken for ltmt's, by its
# msgid; :meth:`Record.wrote_marked_in_context`)
IN_CONTEXT = "\0context:"
# how an import found a record that is not the file's own (found by the file's own path: ""):
# by the file's bytes, which another output's run wrote (a checkout elsewhere, or a copy the run
# only kept), or as the record of another output whose pairs the file mostly holds (a copy of it
# edited since): :attr:`Record.found_elsewhere`
SAME_BYTES = "bytes"
COPIED_PAIRS = "pairs"
# the most (source, translation) pairs a record keeps of what ltmt wrote into its output in
# earlier runs (:attr:`Record.history`), the newest: some 45 bytes each in its file
HISTORY_KEPT = 4096
# the tags of a document's tagged text (:mod:`ltmt.formats.tagged_paragraphs`): a translation
# read back from the output in the terms of another source (another document's paragraph, a
# footer whose fields another program wrote) has them numbered otherwise or left out
_TAGS = re.compile(r'<g id="\d+">|</g>|<x id="\d+"/>')


def keyed_digest(key: bytes, text: str, size: int = 8) -> str:
    """``text``'s BLAKE2b keyed with ``key``, ``size`` bytes as hex digits."""
    data = text.encode("utf-8", "surrogatepass")
    return hashlib.blake2b(data, digest_size=size, key=key).hexdigest()


@dataclass(frozen=True)
class Record:
    """What ltmt wrote into an output: per unit key, the digests (:meth:`digest`) of the unit's
    source and of the translation written for it; ``history``: the (source, translation)
    digests ltmt wrote into the output in earlier runs that no place holds now, oldest first
    (module docstring: what ran at that path in between, a branch switched, does not make
    ltmt's own translation someone else's)."""

    units: Mapping[str, tuple[str, str]]
    key: bytes = field(repr=False)
    history: tuple[tuple[str, str], ...] = ()
    # not the file's own record (:data:`SAME_BYTES`, :data:`COPIED_PAIRS`): its places' sources
    # are another output's, so what they say of a text that someone else wrote holds only where
    # it is about that text (:meth:`tells_changed_source`)
    found_elsewhere: str = field(default="", compare=False)

    @classmethod
    def of(
        cls,
        translated: Iterable[tuple[Unit, str | None]],
        key: bytes,
        unchecked: Mapping[str, tuple[str, str]] | None = None,
        marked: Collection[str] = (),
        revision: str | None = None,
        front: Mapping[str, str] | None = None,
        copied: Collection[str] = (),
        unknown: Collection[str] = (),
        values: Mapping[str, str] | None = None,
        earlier: Mapping[str, tuple[str, str]] | None = None,
    ) -> Record:
        """The record of ``translated`` (each unit with ltmt's translation, or None where its
        place holds someone else's text: :data:`OTHERS_TEXT`), digests keyed with ``key``;
        ``unknown``: the keys of the units whose text given is of unknown origin (:data:`UNKNOWN`);
        ``unchecked``: by unit key, the digest of the older source that someone else's text
        kept there was written for, and that text (:data:`UNCHECKED`); ``marked``: the keys
        of the units ltmt's translation is marked for review at (:data:`MARKED`); ``copied``:
        the keys of those, unmarked, whose translation is the memory's (:data:`COPIED`);
        ``revision``: the header written (:data:`REVISION`); ``front``: the lines written of
        each top-level front matter key, by key (:data:`FRONT`); ``values``: the source's
        values, no text, where the output holds them, by name (:data:`VALUE`); ``earlier``:
        by unit key, what the record before held there, kept as it was (ltmt's own text of an
        older source, kept where the file says it is confirmed: still ltmt's, for that source).
        A unit marked is kept with its context too (:data:`IN_CONTEXT`)."""
        translated = list(translated)
        units = {
            unit.key: (
                keyed_digest(key, unit.source),
                OTHERS_TEXT
                if text is None
                else (
                    UNKNOWN
                    if unit.key in unknown
                    else MARKED
                    if unit.key in marked
                    else COPIED
                    if unit.key in copied
                    else ""
                )
                + keyed_digest(key, _TAGS.sub("", text)),
            )
            for unit, text in translated
        }
        for unit, text in translated:
            if text is not None and unit.key in marked and unit.key not in unknown:
                in_context = _in_context(unit.context, unit.source, text)
                units[IN_CONTEXT + unit.key] = (keyed_digest(key, in_context), OTHERS_TEXT)
        for unit_key, (source_digest, text) in (unchecked or {}).items():
            units[unit_key] = (source_digest, UNCHECKED + keyed_digest(key, text))
        if revision is not None:
            units[REVISION] = (keyed_digest(key, revision), OTHERS_TEXT)
        for name, lines in (front or {}).items():
            units[FRONT + name] = (keyed_digest(key, lines), OTHERS_TEXT)
        for name, value in (values or {}).items():
            units[VALUE + name] = (keyed_digest(key, value), OTHERS_TEXT)
        units.update(earlier or {})
        return cls(units, key)

    def unchecked_for(self, unit: Unit, text: str, unit_key: str | None = None) -> str | None:
        """The digest of the older source that ``text``, someone else's translation of
        ``unit`` (at ``unit_key`` in the output, where it moved), was kept for, where the
        record says ``unit``'s source changed since and nobody edited ``text`` since it was
        warned of; else None."""
        written = self.units.get(unit_key or unit.key)
        if written is None or written[0] == self.digest(unit.source):
            return None
        if written[1].startswith(UNCHECKED) and written[1] != UNCHECKED + self.digest(text):
            return None  # edited since the warning: checked for the new source
        return written[0]

    def still_unchecked(self, unit_key: str, text: str, source: str | None = None) -> bool:
        """Whether the record says ``text`` at ``unit_key`` is someone else's translation of
        a source changed since, which an update warned of and nobody edited since; with
        ``source`` (the unit's source now), not where that is the older source ``text`` was
        kept for (the English changed back, or a release branch's file of that English)."""
        written = self.units.get(unit_key)
        if source is not None and written is not None and written[0] == self.digest(source):
            return False
        return written is not None and written[1] == UNCHECKED + self.digest(text)

    def tells_changed_source(self, unit_key: str, text: str) -> bool:
        """Whether what the record holds at ``unit_key`` can say that ``text``, someone else's
        translation there, is of a source changed since (:data:`~ltmt.formats.changed_sources.
        CHANGED_SOURCE`): the file's own record always does (its place's source changed since
        ltmt last wrote the file). Another output's (:attr:`found_elsewhere`) does only where
        it says which source the text was for: it holds ``text`` kept for an older source
        (:data:`UNCHECKED`), or, found by the file's bytes, a text someone put at that place
        for its source then (:data:`OTHERS_TEXT`). A text kept without a record (:data:`UNKNOWN`)
        stood beside that output's source, not this file's, for a reason nobody knows (trial
        s75: a release branch's approved German, copied into main before a run there, was
        left out of an import of the release files); a copy's place holds another text."""
        if not self.found_elsewhere:
            return True
        written = self.units.get(unit_key)
        if written is None:
            return False
        if any(written[1] == UNCHECKED + digest for digest in self.translation_digests(text)):
            return True
        return self.found_elsewhere == SAME_BYTES and written[1] == OTHERS_TEXT

    def wrote(self, source: str, text: str, marked: bool | None = None) -> bool:
        """Whether the record says ltmt wrote ``text`` for ``source``, at any place; with
        ``marked`` True or False, marked for review or not (:data:`MARKED`): not marked is its
        machine translation alone, not the memory's it copied (:data:`COPIED`)."""
        source_digest = self.digest(source)
        written = {
            None: self.written_pairs,
            True: self._marked_pairs,
            False: self._unmarked_pairs,
        }[marked]
        return any((source_digest, t) in written for t in self.translation_digests(text)) or (
            self._earlier is not None and self._earlier.wrote(source, text, marked)
        )

    def wrote_marked_in_context(self, context: str, source: str, text: str) -> bool:
        """Whether the record says ltmt wrote ``text`` marked for review for ``source`` in
        ``context`` (a PO entry's msgctxt, or none: ``""``), at any place (:data:`IN_CONTEXT`;
        a record written before session 74 keeps no context: False)."""
        return self.digest(_in_context(context, source, text)) in self._in_context_digests

    @functools.cached_property
    def _in_context_digests(self) -> frozenset[str]:
        """The digests of the :data:`IN_CONTEXT` entries."""
        return frozenset(v[0] for k, v in self.units.items() if k.startswith(IN_CONTEXT))

    def translated(self, source: str, text: str) -> bool:
        """Whether the record says ltmt wrote its machine translation ``text`` for ``source``
        (marked or not), at any place or in an earlier run: not the memory's translation
        (:data:`COPIED`)."""
        source_digest = self.digest(source)
        return any(
            (source_digest, t) in self.translated_pairs for t in self.translation_digests(text)
        ) or (self._earlier is not None and self._earlier.translated(source, text))

    def copied(self, source: str, text: str) -> bool:
        """Whether the record says ltmt wrote ``text`` for ``source`` as the memory's approved
        translation (:data:`COPIED`), at any place or in an earlier run."""
        source_digest = self.digest(source)
        return any(
            (source_digest, COPIED + t) in self.units.values()
            for t in self.translation_digests(text)
        ) or (self._earlier is not None and self._earlier.copied(source, text))

    @functools.cached_property
    def _earlier(self) -> Record | None:
        """The record's :attr:`history` as a record of its own (its pairs at keys of no place),
        where it has one: what :meth:`wrote`, :meth:`translated`, :meth:`copied` and
        :meth:`wrote_marked` look at besides the places."""
        if not self.history:
            return None
        return Record({f"\0earlier:{n}": pair for n, pair in enumerate(self.history)}, self.key)

    def earlier_sources(self, text: str) -> set[str]:
        """The digests of the sources that the record's :attr:`history` says ltmt wrote
        ``text`` for in earlier runs (none: an empty set)."""
        found: set[str] = set()
        for digest in self.translation_digests(text) if self.history else ():
            found |= self._history_by_text.get(digest, set())
        return found

    @functools.cached_property
    def _history_by_text(self) -> dict[str, set[str]]:
        """The :attr:`history`'s source digests by the digest of the translation written."""
        by_text: dict[str, set[str]] = {}
        for source, translation in self.history:
            if _by_ltmt(translation):
                by_text.setdefault(_written(translation), set()).add(source)
        return by_text

    def own_pairs(self) -> list[tuple[str, str]]:
        """The (source, translation) digests of what ltmt wrote into the output, its marks
        kept (:data:`MARKED`, :data:`COPIED`): the history, oldest first, then the places."""
        return [*self.history, *(pair for pair in self.units.values() if _by_ltmt(pair[1]))]

    def with_history(self, pairs: Iterable[tuple[str, str]]) -> Record:
        """This record with ``pairs`` (another record's :meth:`own_pairs`) added to its
        :attr:`history` (at most :data:`HISTORY_KEPT` pairs, the newest) where no place holds
        them."""
        return replace(self, history=_history(self.units, [*pairs, *self.history]))

    def unknown(self, source: str, text: str) -> bool:
        """Whether the record holds ``text`` for ``source`` as of unknown origin
        (:data:`UNKNOWN`: kept without a record, and not edited since), at any place."""
        source_digest = self.digest(source)
        return any(
            (source_digest, UNKNOWN + t) in self._unknown_pairs
            for t in self.translation_digests(text)
        )

    @functools.cached_property
    def _unknown_pairs(self) -> frozenset[tuple[str, str]]:
        """The (source, translation) digests of the places held as of unknown origin."""
        return frozenset(pair for pair in self.units.values() if pair[1].startswith(UNKNOWN))

    def wrote_marked(self, text: str) -> bool:
        """Whether the record says ltmt wrote ``text`` marked for review, for any source, at
        any place or in an earlier run."""
        digests = self.translation_digests(text)
        return any(t in digests for _, t in self._marked_pairs) or (
            self._earlier is not None and self._earlier.wrote_marked(text)
        )

    def same_revision(self, revision: str | None) -> bool:
        """Whether the header ``revision`` is the one ltmt wrote (:data:`REVISION`): nobody
        saved the file since. False where the record keeps none."""
        written = self.units.get(REVISION)
        return revision is not None and written is not None and written[0] == self.digest(revision)

    def front_digests(self) -> dict[str, str] | None:
        """The digests of the lines ltmt wrote of each top-level front matter key, by key
        (:data:`FRONT`); None where the record keeps none (written before session 68)."""
        front = {k[len(FRONT) :]: v[0] for k, v in self.units.items() if k.startswith(FRONT)}
        return front or None

    def value_digests(self) -> dict[str, str] | None:
        """The digests of the source's values, no text, that the output held where ltmt last
        wrote it, by name (:data:`VALUE`); None where the record keeps none (written before
        session 71, or of a file with none)."""
        found = {k[len(VALUE) :]: v[0] for k, v in self.units.items() if k.startswith(VALUE)}
        return found or None

    @functools.cached_property
    def written_pairs(self) -> frozenset[tuple[str, str]]:
        """The (source, translation) digests of the places ltmt wrote (marked or not)."""
        return frozenset(
            (pair[0], _written(pair[1])) for pair in self.units.values() if _by_ltmt(pair[1])
        )

    @functools.cached_property
    def _marked_pairs(self) -> frozenset[tuple[str, str]]:
        """The (source, translation) digests of the places ltmt wrote marked for review."""
        return frozenset(
            (pair[0], pair[1].removeprefix(MARKED))
            for pair in self.units.values()
            if pair[1].startswith(MARKED)
        )

    @functools.cached_property
    def _unmarked_pairs(self) -> frozenset[tuple[str, str]]:
        """The (source, translation) digests of the places ltmt wrote unmarked, its machine
        translation (not the memory's: :data:`COPIED`)."""
        return frozenset(
            pair
            for pair in self.units.values()
            if _by_ltmt(pair[1]) and not pair[1].startswith((MARKED, COPIED))
        )

    @functools.cached_property
    def translated_pairs(self) -> frozenset[tuple[str, str]]:
        """The (source, translation) digests of the places ltmt wrote its machine translation
        (marked or not), not the memory's (:data:`COPIED`)."""
        return frozenset(
            (pair[0], _written(pair[1]))
            for pair in self.units.values()
            if _by_ltmt(pair[1]) and not pair[1].startswith(COPIED)
        )

    def digest(self, text: str) -> str:
        """What the record keeps of a source: a keyed digest (16 hex digits)."""
        return keyed_digest(self.key, text)

    def translation_digests(self, text: str) -> tuple[str, str]:
        """What the record may keep of the translation ``text``: the digest of its words and
        characters without its tags (so that a translation read back in another source's
        tags is still the one written), or, in a record written before session 61, of the
        text as it is."""
        return self.digest(_TAGS.sub("", text)), self.digest(text)

    def wrote_at(self, unit_key: str, text: str) -> bool:
        """Whether the record says ltmt itself wrote ``text`` at ``unit_key`` (marked or
        not), not someone else's text kept there."""
        written = self.units.get(unit_key)
        return (
            written is not None
            and _by_ltmt(written[1])
            and _written(written[1]) in self.translation_digests(text)
        )

    def wrote_unmarked_at(self, unit_key: str, text: str) -> bool:
        """Whether the record says ltmt itself wrote ``text`` at ``unit_key`` not marked for
        review (``--no-fuzzy``; a 100 % match with ``--exact-approved``): its own output, which
        no reviewer confirmed (one ltmt wrote marked and unmarked since, a reviewer did)."""
        written = self.units.get(unit_key)
        return (
            written is not None
            and self.wrote_at(unit_key, text)
            and not written[1].startswith(MARKED)
        )

    def at(self, unit_key: str, source: str) -> Record:
        """The record of the place ``unit_key`` alone where it holds one written for ``source``
        (a keyed catalog's string is judged by what its own key holds: a reviewer's
        ``worklistTitle=Bestellungen`` is not ``appTitle``'s ``Bestellungen`` of the same
        English, kept without a record, session 71), else the whole record (a pair without a
        name, a block moved, a source changed since)."""
        written = self.units.get(unit_key)
        if written is None or written[0] != self.digest(source):
            return self
        return Record({unit_key: written}, self.key)

    def written_for(self, unit: Unit) -> bool:
        """Whether ltmt last wrote ``unit``'s place in the output for the unit's source."""
        written = self.units.get(unit.key)
        return written is not None and written[0] == self.digest(unit.source)


@dataclass(frozen=True)
class OutputSources:
    """The records of the outputs ltmt wrote for ``user`` (None: runs without one), in
    ``folder``; ``memory``: the store of ``user``'s memory, whose key keys an encrypted store's
    records, and which notes the cache folder so that a delete of the user finds them there
    (module docstring); ``missing_store``: the store the run looked for that does not exist
    (``memory`` is then None), so a record of ``user``'s under another store is not a typo in
    the user's name but a wrong store path (trial s73)."""

    folder: Path
    user: str | None = None
    memory: Memory | None = None
    missing_store: Path | None = None
    # every record of the folder, read once for an import's files (:meth:`read_for_import`)
    _every: list[FoundRecord] = field(default_factory=list, compare=False, repr=False)

    @classmethod
    def in_cache(
        cls,
        user: str | None = None,
        memory: Memory | None = None,
        missing_store: Path | None = None,
    ) -> OutputSources:
        """The records under :func:`ltmt.paths.default_cache_dir`."""
        return cls(default_cache_dir() / FOLDER, user, memory, missing_store)

    def read(self, output: Path) -> Record | None:
        """The record of ``output``, found by its bytes, else by its path (module docstring),
        in the folder of the user of this store, else in the user's folder of no store; None
        where there is none, or none this version reads (a cache file, so one that is damaged
        is as good as none)."""
        try:
            secret = _cache_secret(self.folder)
            found = None
            if secret is not None:  # else nothing of this format recorded in the folder yet
                key = self._key(secret)
                for store in dict.fromkeys([self._store, None]):
                    found = found or self._read_in(
                        _user_folder(secret, self.user, store), output, key
                    )
            return found or self._first_format_record(output)
        except (OSError, LtmtError, ValueError, KeyError, TypeError, AttributeError) as exc:
            logger.info("unreadable record of %s, taken as none (%s)", output, exc)
            return None

    def read_for_import(
        self, output: Path, pairs: Sequence[tuple[str, str]] = (), fmt: str | None = None
    ) -> Record | None:
        """The record of what ltmt wrote into ``output`` whoever it wrote it for (the record
        is about the file, not the user importing it): this user's (:meth:`read`), else, and
        for no user (``ltmt qa`` without ``--user``), the one of any user's of this cache folder
        found by the output's bytes, else by its path, that
        :func:`~ltmt.formats.record_choice.latest_record` chooses (not the first found: trial
        s73), else the record of another output that ``pairs`` (the file's sources and
        translations) are a copy of, edited since
        (:func:`~ltmt.formats.record_choice.copied_record`). Records of another encrypted store
        read with its key only. None where there is none, and for a file of a format ltmt
        never translates into (``fmt``, else its name or content: :func:`never_an_output`)."""
        if never_an_output(output, fmt):
            return None
        if self.user is not None and (own := self.read(output)) is not None:
            return own
        try:
            secret = _cache_secret(self.folder)
            if secret is None:
                return self._first_format_record(output)
            keys = list(dict.fromkeys([self._key(secret), secret]))
            folders = sorted(path.name for path in self.folder.iterdir() if path.is_dir())
            found = [
                item
                for key in keys
                for folder in folders
                if (item := self._found_in(folder, output, key)) is not None
            ]
            if found:
                return latest_record(found, output)
            if first := self._first_format_record(output):
                return first
            copied = copied_record(self._every_record(keys, folders), pairs, output)
            return replace(copied, found_elsewhere=COPIED_PAIRS) if copied else None
        except (OSError, LtmtError, ValueError, KeyError, TypeError, AttributeError) as exc:
            logger.info("unreadable records for %s, taken as none (%s)", output, exc)
            return None

    def write(
        self,
        output: Path,
        translated: Iterable[tuple[Unit, str | None]],
        unchecked: Mapping[str, tuple[str, str]] | None = None,
        marked: Collection[str] = (),
        revision: str | None = None,
        front: Mapping[str, str] | None = None,
        copied: Collection[str] = (),
        unknown: Collection[str] = (),
        values: Mapping[str, str] | None = None,
        earlier: Mapping[str, tuple[str, str]] | None = None,
        before: Record | None = None,
    ) -> None:
        """Record that ``output`` holds ``translated`` (each unit with ltmt's translation, or
        None for someone else's), ``unchecked``, ``marked``, ``revision``, ``front``,
        ``copied``, ``unknown``, ``values`` and ``earlier`` (:meth:`Record.of`); what ltmt
        wrote there before, as the record ``before`` the run and the record of the output's
        path say, that no place holds now is kept as the record's history
        (:attr:`Record.history`). A record that cannot be written is a warning, not an error:
        the output is written."""
        try:
            self._note_with_memory()
            secret = _cache_secret(private_folder(self.folder)) or _new_secret(self.folder)
            key = self._key(secret)
            record = Record.of(
                translated,
                key,
                unchecked,
                marked,
                revision,
                front,
                copied,
                unknown,
                values,
                earlier,
            )
            user_folder = _user_folder(secret, self.user, self._store)
            path = self._path_of(output, user_folder, key)
            by_content = self._content_path(output, user_folder, key)
            private_folder(path.parent)
            last = _read_record(path, key)  # this path's, a checkpoint's of this run too
            record = record.with_history(
                pair for each in (before, last) if each is not None for pair in each.own_pairs()
            )
            data: dict[str, object] = {
                "version": RECORD_VERSION,
                "units": record.units,
                WRITTEN: time.time_ns(),
            }
            if record.history:
                data["history"] = [list(pair) for pair in record.history]
            if by_content is not None:
                private_folder(by_content.parent)
                write_private_file(by_content, json.dumps(data, sort_keys=True).encode("utf-8"))
                data["content"] = by_content.name
            _forget_previous_copy(path, by_content)
            write_private_file(path, json.dumps(data, sort_keys=True).encode("utf-8"))
            self._first_format_path(output).unlink(missing_ok=True)
        except (OSError, LtmtError) as exc:  # a folder that is a file, a full disk
            self._say_not_recorded(output, exc)

    def user_history(self) -> Record | None:
        """A record of no output's places whose history is every translation ltmt wrote, as
        the records of this user's outputs say (this store's and of no store): where a file
        has no record of its own (copied or moved since ltmt filled it), whether a target the
        file marks as awaiting review is ltmt's for another source. None where there is none."""
        try:
            secret = _cache_secret(self.folder)
            if secret is None:
                return None
            key = self._key(secret)
            stores = dict.fromkeys([self._store, None])
            folders = [_user_folder(secret, self.user, store) for store in stores]
            pairs = [
                pair
                for folder in folders
                for path in sorted((self.folder / folder).glob("*.json"))
                if (record := _read_record(path, key)) is not None
                for pair in record.own_pairs()
            ]
        except (OSError, LtmtError, ValueError, KeyError, TypeError, AttributeError) as exc:
            logger.info("unreadable records of user %s, taken as none (%s)", self.user, exc)
            return None
        return Record({}, key, tuple(pairs)) if pairs else None

    def _every_record(self, keys: list[bytes], folders: list[str]) -> list[FoundRecord]:
        """Every record of the user ``folders`` readable with ``keys``, read once: a folder
        import looks among them for each of its files (each read them all again)."""
        if not self._every:
            self._every.extend(
                found
                for key in keys
                for folder in folders
                for path in sorted((self.folder / folder).glob("*.json"))
                if (found := _read_found(path, key)) is not None
            )
        return self._every

    def _read_in(self, user_folder: str, output: Path, key: bytes) -> Record | None:
        """The record of ``output`` in ``user_folder``, found by its bytes, else by its path
        (:meth:`_found_in`)."""
        found = self._found_in(user_folder, output, key)
        return found.record if found is not None else None

    def _found_in(self, user_folder: str, output: Path, key: bytes) -> FoundRecord | None:
        """The record of ``output`` in ``user_folder``, found by its bytes, else by its path,
        with when it was written; one found by its bytes that is not the path's (another
        output's of the same bytes: a copy's run) has what ltmt wrote at this path as its
        history, so that a run on a copy does not make the original's own translations
        unknown."""
        by_content = self._content_path(output, user_folder, key)
        found = _read_found(by_content, key, by_content=True) if by_content else None
        at_path = _read_found(self._path_of(output, user_folder, key), key)
        if found is not None and at_path is None:  # another output's run wrote these bytes
            return replace(found, record=replace(found.record, found_elsewhere=SAME_BYTES))
        if found is None or at_path is None or at_path.record == found.record:
            return found or at_path
        return replace(found, record=found.record.with_history(at_path.record.own_pairs()))

    def _first_format_record(self, output: Path) -> Record | None:
        """The record of ``output`` of the first format (module docstring), if any."""
        return _read_record(self._first_format_path(output), b"", FIRST_VERSION)

    @property
    def _store(self) -> str | None:
        """The identity of the memory store whose user the records are of (None: no store)."""
        from ltmt.memory.cached_traces import store_identity

        return store_identity(self.memory.store) if self.memory is not None else None

    def _say_not_recorded(self, output: Path, reason: Exception) -> None:
        """Warn that ``output``'s record was not written, once per records folder and process
        (a folder run into a read-only cache would say it for every file); later outputs are
        logged at info level."""
        said = self.folder in _NOT_RECORDED_SAID
        _NOT_RECORDED_SAID.add(self.folder)
        logger.log(
            logging.INFO if said else logging.WARNING,
            "%s: its sources not recorded (%s); an update of it keeps every translation it holds%s",
            output,
            reason,
            "" if said else f" (said once per run; set {ENV_CACHE} to a writable folder)",
        )

    def _note_with_memory(self) -> None:
        """Note the cache folder in the memory's store before a user's first record, so that
        deleting the user from another process, with another cache folder, removes the
        records here too (:meth:`ltmt.memory.store.Memory.note_state_cache`)."""
        if self.memory is not None and self.user is not None:
            self.memory.note_state_cache(self.folder.parent)

    def _key(self, secret: bytes) -> bytes:
        """The records' key: derived from an encrypted store's key, else the cache's secret."""
        store_key = self.memory.store.key if self.memory is not None else None
        if store_key is None:
            return secret
        from ltmt.memory.crypto import derive_key

        return derive_key(store_key, b"output sources")

    def _path_of(self, output: Path, user_folder: str, key: bytes) -> Path:
        """Where the record of ``output`` is found by its path in ``user_folder``."""
        name = keyed_digest(key, str(resolved(output)), 16)
        return self.folder / user_folder / f"{name}.json"

    def _first_format_path(self, output: Path) -> Path:
        """Where a record of the first format (module docstring) of ``output`` lies."""
        return self.folder / f"{keyed_digest(b'', str(resolved(output)))}.json"

    def _content_path(self, output: Path, user_folder: str, key: bytes) -> Path | None:
        """Where the record of ``output`` is found by its bytes in ``user_folder`` (module
        docstring); None where it is no file ltmt can read."""
        try:
            data = Path(output).read_bytes()
        except OSError:
            return None
        digest = hashlib.blake2b(digest_size=16, key=key, person=b"output bytes")
        digest.update(data.replace(b"\r\n", b"\n"))  # as a checkout with CRLF ends has it
        folder = self.folder / user_folder / BY_CONTENT
        return folder / f"{digest.hexdigest()}.json"


def never_an_output(path: Path, fmt: str | None = None) -> bool:
    """Whether ``path`` (of the format ``fmt``, else as its name or content says) is a memory
    that no output record is of: a file of a format ``ltmt translate`` never writes as an
    output (a TMX or TSV file, whose pairs stand alone, a key's older and newer versions among
    them), or a memory's JSON Lines export (its lines hold what the store recorded of each
    pair: :data:`~ltmt.formats.pairs.STORED_SEGMENT`). A memory exported and imported again is
    no copy of the output most of its pairs came from (trial s75: an import of ltmt's own TMX
    export lost approved pairs "whose source changed since", and said ltmt translated into
    it)."""
    from ltmt.formats.registry import find_format

    try:
        spec = find_format(path, fmt, role="read")
    except LtmtError:  # no file ltmt reads (an origin's name): as before, looked up
        return False
    return "document" not in spec.roles() or (spec.name == "jsonl" and _memory_export(path))


def _memory_export(path: Path) -> bool:
    """Whether the JSON Lines file ``path`` is a memory's export: its first pair holds what the
    store recorded of it (:data:`~ltmt.formats.pairs.STORED_SEGMENT`), as no output does."""
    from ltmt.formats.pairs import STORED_SEGMENT

    try:
        with Path(path).open(encoding="utf-8") as lines:
            first = next((line for line in lines if line.strip()), "")
        row = json.loads(first) if first else None
    except (OSError, ValueError):  # unreadable, or no JSON: no export of ltmt's
        return False
    return isinstance(row, dict) and isinstance(row.get(STORED_SEGMENT), dict)


def forget_records(user: str, cache_dir: Path, store: str | None = None) -> int:
    """Remove the records of the outputs ltmt wrote for ``user`` of the memory store ``store``
    (:func:`ltmt.memory.cached_traces.store_identity`) in the cache folder ``cache_dir`` (what a
    deleted user leaves there: digests of its texts), not those of a user of the same name in
    another store; the user's folder of no store (runs given none, every store's before
    session 63) goes too. How many records."""
    folder = cache_dir / FOLDER
    try:
        secret = _cache_secret(folder)
    except OSError:
        return 0
    if secret is None:
        return 0
    count = 0
    for of_store in dict.fromkeys([store, None]):
        records = folder / _user_folder(secret, user, of_store)
        count += sum(1 for _ in records.glob("*.json"))
        shutil.rmtree(records, ignore_errors=True)
    return count


def _read_record(path: Path, key: bytes, version: int = RECORD_VERSION) -> Record | None:
    """The record in ``path``, of format ``version``; None where there is none, or none of
    that format (the digests of the first were BLAKE2b without a key: ``key`` ``b""``)."""
    found = _read_found(path, key, version)
    return found.record if found is not None else None


def _read_found(
    path: Path, key: bytes, version: int = RECORD_VERSION, *, by_content: bool = False
) -> FoundRecord | None:
    """The record in ``path`` as :func:`_read_record` reads it, with when it was written (its
    stamp, else, written before session 73, the file's time) and ``by_content``."""
    try:
        data = json.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        return None
    if data.get("version") != version:
        return None
    units = {str(k): (str(s), str(t)) for k, (s, t) in data["units"].items()}
    history = tuple((str(s), str(t)) for s, t in data.get("history", ()))
    written = data.get(WRITTEN)
    if not isinstance(written, int):
        written = path.stat().st_mtime_ns
    return FoundRecord(Record(units, key, history), written, by_content)


def _forget_previous_copy(path: Path, by_content: Path | None) -> None:
    """Remove the copy of the record by content that the record in ``path`` names, where the
    output was written with other bytes then (``by_content``: its copy now)."""
    try:
        previous = json.loads(path.read_text("utf-8")).get("content")
    except (OSError, ValueError, AttributeError):
        return
    if isinstance(previous, str) and (by_content is None or previous != by_content.name):
        (path.parent / BY_CONTENT / Path(previous).name).unlink(missing_ok=True)


def _user_folder(secret: bytes, user: str | None, store: str | None) -> str:
    """The folder of the records of ``user`` (None: of runs without a user) of the memory
    store ``store`` (:func:`ltmt.memory.cached_traces.store_identity`; None: of runs given no
    store, of a store with no id yet, and every store's before session 63), named by the two
    keyed with the cache's ``secret``."""
    named = f"user:{user or ''}" if store is None else f"store:{store}\0user:{user or ''}"
    return keyed_digest(secret, named)


def _cache_secret(folder: Path) -> bytes | None:
    """The random key of the records in ``folder``; None where it has none (or a damaged one:
    :func:`_new_secret` makes one)."""
    try:
        secret = (folder / SECRET).read_bytes()
    except FileNotFoundError:
        return None
    return secret if len(secret) == SECRET_BYTES else None


def _new_secret(folder: Path) -> bytes:
    """Make ``folder``'s secret (0600), then remove the records made with a secret lost since,
    which no delete could find (the folders of users); records of the first format, files in
    the folder itself, are read once more (module docstring). Where another process made one
    meanwhile, that one is the secret."""
    path = folder / SECRET
    with contextlib.suppress(FileNotFoundError):
        if path.stat().st_size != SECRET_BYTES:
            path.unlink()  # damaged
    if not link_new_secret(path, SECRET_BYTES):  # another process made it first
        return path.read_bytes()
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                shutil.rmtree(entry.path, ignore_errors=True)
    return path.read_bytes()


@runtime_checkable
class FrontMatterOverwritten(Protocol):
    """A document whose output's front matter --overwrite replaces but for the keys a person
    added there, which the ``record`` of what ltmt wrote there tells (a Markdown page's)."""

    def overwrite_front_matter(self, record: Record | None) -> None: ...


@runtime_checkable
class LinedUpByRecord(Protocol):
    """A document that takes its existing output over with the record of what ltmt wrote there
    (module docstring): :mod:`ltmt.formats.subtitles`."""

    def adopt_recorded(self, target: Path, record: Record | None) -> int:
        """Take over ``target``'s translations of this document's units, lined up by what the
        two files hold and by ``record`` (None: there is none); how many."""
        ...


@runtime_checkable
class FilledInPlace(Protocol):
    """A file that holds every language and is its own output (a CSV table filled in place):
    the translations it holds are its own, checked against the record of what ltmt wrote
    there as an output's are, and written into the record with those filled."""

    def held_translations(self) -> dict[str, str]:
        """The translations the file holds and those filled since, by unit key."""
        ...

    def translate_again(self, keys: Iterable[str]) -> None:
        """Make the units of ``keys`` pending though the file holds a translation of them."""
        ...


@runtime_checkable
class KeepsReviewed(Protocol):
    """A file filled in place whose reviewed units ``--overwrite`` writes back as they were stay
    unmarked and the translator's (``kept_reviewed``, their keys: a PO catalog's entries): those
    the record of what ltmt wrote there says are ltmt's own are told apart, as ltmt's text."""

    kept_reviewed: set[str]

    def written_by_ltmt(self, keys: Iterable[str]) -> None:
        """Say that the units of ``keys`` hold ltmt's own translation, unchanged since it wrote
        it: written back as it was, it is ltmt's text again (marked for review as any)."""
        ...


@dataclass(frozen=True)
class Outdated:
    """The kept translations an update must not keep silently, by unit key: ``again``, ltmt's
    translations of another source (translated again); ``edited``, others' texts whose unit's
    source changed since ltmt last wrote the output (kept, for a person to check)."""

    again: list[str] = field(default_factory=list)
    edited: list[str] = field(default_factory=list)


@runtime_checkable
class Moved(Protocol):
    """A document whose units are keyed by their place and taken over from the output's blocks
    that stand for them, wherever those are (an insertion before a block moves it:
    :mod:`ltmt.formats.recorded_places`): ``output_keys`` maps a unit's key to the key of the
    output's block it was taken from, under which the record holds what ltmt wrote there."""

    output_keys: dict[str, str]


@runtime_checkable
class RecordKeys(Protocol):
    """A file filled in place whose units are keyed by their place among its units, which the
    record of what ltmt wrote there keeps under keys of their own (an XLIFF file's unit ids:
    :mod:`ltmt.formats.xliff_record_keys`), so that a unit added before another moves none."""

    def record_keys(self) -> dict[str, str]:
        """By unit key, the key the record keeps the unit under."""
        ...


def outdated(
    record: Record,
    kept: Sequence[tuple[Unit, str]],
    output_keys: Mapping[str, str] | None = None,
    *,
    by_name: bool = False,
) -> Outdated:
    """Which of ``kept`` (units of the input and the translations the output holds for them)
    are outdated by what ``record`` says the output was written from (module docstring);
    ``output_keys``: the key in the output of a unit taken from another place (:class:`Moved`).

    A unit whose own place the record holds written for its source now (``by_name``: the
    units' keys are their places, a catalog's names or a file's entries; or a unit of
    ``output_keys``, lined up by the sources the record holds) is judged by that place alone:
    its text is ltmt's or an edit since, not the translation of an older source, even where it
    is what ltmt wrote for another unit (German's singular and plural, ``Quiz master`` and
    ``Quiz masters``, both ``Quizmaster``: a reviewer's edit was translated again, and an
    import skipped it, session 72). With ``by_name``, a unit whose key the record lacks (a
    string added since) keeps a text ltmt wrote only for sources other units still have: a
    translation they share."""
    moved = output_keys or {}
    written_for: dict[str, set[str]] = {}
    for source, translation in record.units.values():
        if _by_ltmt(translation):
            written_for.setdefault(_written(translation), set()).add(source)
    now = {record.digest(unit.source) for unit, _ in kept} if by_name else set()
    again, edited = [], []
    for unit, text in kept:
        source = record.digest(unit.source)
        place = record.units.get(moved.get(unit.key, unit.key))
        # where its place does not tell (none, another source's, a text of unknown origin),
        # what ltmt wrote there in earlier runs does: a branch switched, a copy's run between
        earlier = record.earlier_sources(text) if _unsettled(record, place, source, text) else set()
        if (
            (by_name or unit.key in moved)
            and place is not None
            and place[0] == source
            and not earlier
        ):
            continue  # its own place, written for its source: ltmt's text or an edit since
        sources = next(
            (written_for[d] for d in record.translation_digests(text) if d in written_for), None
        )
        if earlier:
            sources = (sources or set()) | earlier
        if sources is not None:
            shared = by_name and place is None and sources <= now
            if source not in sources and not shared:
                again.append(unit.key)
        elif _edited(record, place, source, text):
            edited.append(unit.key)
    return Outdated(again, edited)


def _unsettled(record: Record, place: tuple[str, str] | None, source: str, text: str) -> bool:
    """Whether ``record``'s ``place`` (source and translation digests) leaves ``text``, the
    translation of a unit whose source has the digest ``source``, to the record's history: it
    holds nothing, a translation of unknown origin (:data:`UNKNOWN`), or one written for another
    source that is not ``text`` kept as someone else's (:data:`UNCHECKED`: a reviewer's, whose
    word stands however ltmt once wrote it)."""
    if place is None or place[1].startswith(UNKNOWN):
        return True
    theirs = {UNCHECKED + digest for digest in record.translation_digests(text)}
    return place[0] != source and place[1] not in theirs


def _history(
    units: Mapping[str, tuple[str, str]], pairs: Iterable[tuple[str, str]]
) -> tuple[tuple[str, str], ...]:
    """Of ``pairs`` (what ltmt wrote into an output, oldest first), those ltmt wrote that no
    place of ``units`` holds, each once where it came last, the newest :data:`HISTORY_KEPT`."""
    held = {(s, _written(t)) for s, t in units.values() if _by_ltmt(t)}
    latest: dict[tuple[str, str], None] = {}
    for source, translation in pairs:
        if _by_ltmt(translation) and (source, _written(translation)) not in held:
            latest.pop((source, translation), None)
            latest[(source, translation)] = None
    return tuple(latest)[-HISTORY_KEPT:]


def _edited(record: Record, written: tuple[str, str] | None, source: str, text: str) -> bool:
    """Whether a place ``record`` holds as ``written`` (source and translation digests) was
    written for another ``source`` digest than its unit's now, and holds someone else's
    ``text``: one a run warned of already (:data:`UNCHECKED`) until it is edited, so that every
    update names it until the German or the English changes (trial s72: named once, it was
    forgotten by the next run and by ``ltmt qa``)."""
    if written is None or written[0] == source:
        return False
    return not written[1].startswith(UNCHECKED) or written[1] == UNCHECKED + record.digest(text)


def _in_context(context: str, source: str, text: str) -> str:
    """What :data:`IN_CONTEXT` digests of a unit written marked: its context, source and
    translation (its tags left out, as :meth:`Record.translation_digests`), apart as gettext
    keeps a context apart from its msgid (``\x04``)."""
    return f"{context}\x04{source}\x00{_TAGS.sub('', text)}"


def _by_ltmt(translation: str) -> bool:
    """Whether a record's ``translation`` digest is of a translation ltmt wrote."""
    return translation != OTHERS_TEXT and not translation.startswith((UNCHECKED, UNKNOWN))


def _written(translation: str) -> str:
    """A record's digest of a translation ltmt wrote, without what marks how it wrote it."""
    return translation.removeprefix(MARKED).removeprefix(COPIED)
