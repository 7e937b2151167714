"""Whether a translation that nothing marks as a person's is its source copied, untranslated.

A tool's copy of the source (Docusaurus' ``write-translations`` writes the English into the
translation, ``tx pull --mode sourceastranslation`` into each string not translated yet, Okapi
Tikal and PrestaShop into every XLIFF 1.2 target) is untranslated; a reviewer's translation
that keeps some English (``Terms of Service``, ``App Store``) is not. A string copies its
source where it is the same text of two words or more (:func:`copy_of_source`); such a copy is
untranslated where ltmt's record of the output lacks its name, or, without a record, in a file
of mostly copies (:func:`copies_untranslated`, :func:`tool_copies`), which
:meth:`ltmt.formats.keyed_catalog.KeyedCatalog.adopt_recorded`, its memory import and
:class:`ltmt.formats.xliff_document.XliffDocument` (its 1.2 targets without a state) ask. In a
file whose every string is its source copied, a lone word copied is untranslated too: no
translator chose it. The copies a file of fewer copies keeps are counted apart from its
translations (:func:`kept_copies`), and ``--copies translate`` translates them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from ltmt.formats.placeholder_syntax import without_placeholders
from ltmt.units import meant_as_written

if TYPE_CHECKING:
    from ltmt.formats.output_sources import Record


def copy_of_source(source: str, target: str) -> bool:
    """Whether ``target`` is ``source`` copied, not translated: the same text of two words or
    more, not what a translation keeps as written (a name, key combinations:
    :func:`ltmt.units.meant_as_written`); a lone word (``OK``, ``Status``, ``Blog``) is often
    its own translation."""
    text = source.strip()
    return target.strip() == text and len(text.split()) > 1 and not meant_as_written(text)


def _with_words(source: str) -> bool:
    """Whether ``source`` has two words or more besides its placeholders, and is not what a
    translation keeps as written (:func:`ltmt.units.meant_as_written`): a string whose copy
    tells a file left untranslated (``{count} MB``, ``Status: {status}``, ``GitHub`` tell
    nothing)."""
    words = without_placeholders(source).split()
    return len(words) > 1 and not meant_as_written(source)


# the share of copies from which a file is a tool's copy of its source: Docusaurus'
# write-translations copies every string; a reviewer's translation that keeps its brand names
# and terms in English ("Terms of Service", "Live Chat") was half copies in a file of short
# labels, and its English was replaced
_COPIED_FILE = 0.9


def mostly_copies(pairs: Iterable[tuple[str, str]]) -> bool:
    """Whether nearly all (:data:`_COPIED_FILE`) of the (source, target) ``pairs`` whose
    source has words (:func:`_with_words`) and that are translated copy their source: a tool's
    untranslated copy of the source file, not a translation that keeps some of its English."""
    worded = [
        (source, target) for source, target in pairs if target.strip() and _with_words(source)
    ]
    copies = sum(target.strip() == source.strip() for source, target in worded)
    return bool(worded) and copies >= _COPIED_FILE * len(worded)


def _all_copies(pairs: Iterable[tuple[str, str]]) -> bool:
    """Whether every one of the (source, target) ``pairs`` whose target is not empty is its
    source as written, and one is: a tool's copy of the whole source file."""
    filled = [(source, target) for source, target in pairs if target.strip()]
    return bool(filled) and all(target.strip() == source.strip() for source, target in filled)


def tool_copies(pairs: Mapping[str, tuple[str, str]]) -> list[str]:
    """The keys of ``pairs`` ((source, target) by key: translations nothing marks as a
    person's, no record of ltmt's among them) whose target is its source copied by a tool,
    untranslated: in a file of copies alone (:func:`_all_copies`), each copy that is not what a
    translation keeps as written (a lone word too: ``Subtotal``); in a file of mostly copies
    (:func:`mostly_copies`), each :func:`copy_of_source`; else none (a translation keeps some
    English)."""
    if _all_copies(pairs.values()):
        return [
            key
            for key, (source, target) in pairs.items()
            if target.strip() and not meant_as_written(source)
        ]
    if mostly_copies(pairs.values()):
        return [key for key, (source, target) in pairs.items() if copy_of_source(source, target)]
    return []


def kept_copies(pairs: Mapping[str, tuple[str, str]], untranslated: Iterable[str]) -> list[str]:
    """The keys of ``pairs`` ((source, target) by key: translations nothing marks as a
    person's) that copy their source (:func:`copy_of_source`) and are kept as translations,
    not ``untranslated`` (:func:`tool_copies`): a translator's English or a tool's copy alike,
    which nothing tells apart; a run counts them apart and ``--copies translate`` translates
    them."""
    dropped = set(untranslated)
    return [
        key
        for key, (source, target) in pairs.items()
        if key not in dropped and copy_of_source(source, target)
    ]


def copies_untranslated(
    held: dict[str, str], sources: dict[str, str], record: Record | None
) -> list[str]:
    """The keys of ``held`` (an output's strings by key; their sources by key: ``sources``)
    that copy their source (:func:`copy_of_source`) and are untranslated: where ltmt's
    ``record`` of the output has no entry for them (added since its last run there, as
    Docusaurus' ``write-translations`` adds new keys; a copy ltmt wrote is kept, so reruns
    settle), or, without a record, in a file of copies (:func:`tool_copies`). A reviewer's
    English kept in a translation (``App Store``) stays."""
    if record is not None:
        copies = [key for key, text in held.items() if copy_of_source(sources[key], text)]
        return [key for key in copies if key not in record.units]
    return tool_copies({key: (sources[key], text) for key, text in held.items()})
