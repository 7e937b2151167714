"""Translations a catalog's output keeps whose placeholders are not their source's.

A one-language catalog's existing output is the translation so far (:mod:`ltmt.formats.
keyed_catalog`): a string it holds is kept as it is, whatever its placeholders. One that writes
a placeholder its source does not have shows a value the app does not pass: a kept
``Willkommen zurück, %2$s!`` for ``Welcome back, %1$s!`` throws Android's
``MissingFormatArgumentException`` (trial s75), a kept ``{time}`` for a source now using
``{date}`` shows nothing. A run keeps such a string and names it in a warning with what
``ltmt qa``'s placeholders check says of it (``lacks %1$s``, ``adds %2$s, which the source does
not have``: :func:`~ltmt.qa.pair_checks.placeholder_problems`, not a copy of it); those qa
calls an error fail ``ltmt translate --strict``, as they fail ``ltmt qa --fail-on error``.
(Before, the warning said "a placeholder the source no longer has", which a source that never
had it does not, and ``--strict`` passed them.)
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ltmt.formats.java_formatter import formatted_by_java, single_argument_aliases
from ltmt.formats.kept_parts import DOTNET, escaped_braces_aside
from ltmt.formats.placeholder_syntax import find_placeholders, positional_aliases
from ltmt.wording import counted, them

if TYPE_CHECKING:
    from ltmt.formats.keyed_catalog import Entry, KeyedCatalog

logger = logging.getLogger(__name__)

NAMED_FIRST = 3  # the strings a warning names


@dataclass(frozen=True)
class KeptPlaceholders:
    """A kept translation of the string ``name`` that writes a placeholder its source does
    not have (``added``, the first such); ``problems``: what ``ltmt qa``'s placeholders check
    says of it (none where qa lets it pass)."""

    name: str
    added: str
    problems: tuple[str, ...]

    def said(self) -> str:
        """How a warning names it: ``welcome: lacks %1$s, adds %2$s, which the source does
        not have``, else (qa lets it pass) the placeholder it adds."""
        if self.problems:
            return f"{self.name}: {', '.join(self.problems)}"
        return f"{self.name}: adds {self.added}, which the source does not have"


def kept_with_other_placeholders(catalog: KeyedCatalog) -> list[KeptPlaceholders]:
    """The strings whose translation ``catalog`` keeps from its output (its
    ``translations``) writes a placeholder their source does not have, a string once (its
    first form or item found so). A numbered ``%2$d`` is the source's second argument,
    reordered, a one-argument ``%1$s`` that Java formats is the ``%s`` written for it
    (:mod:`ltmt.formats.java_formatter`), and a plural's ``#`` and its argument show one value
    (``same_value``), as ``ltmt qa`` reads them; so are a .NET string's escaped braces around
    words (:mod:`ltmt.formats.kept_parts`), two braces and no field: a pair more than the
    source's is added as ``{{``."""
    found: dict[str, KeptPlaceholders] = {}
    for entry in catalog.entries:
        target = catalog.translations.get(entry.key)
        if target is None or entry.name in found:
            continue
        source, read, added = entry.source, target, []
        if catalog.syntax == DOTNET:  # {{ um eine Gruppe zu öffnen }}: no field
            source, pairs = escaped_braces_aside(source)
            read, read_pairs = escaped_braces_aside(target)
            added += ["{{"] if read_pairs > pairs else []
        have = {placeholder.text for placeholder in find_placeholders(source)}
        same = catalog.same_value(entry)
        have |= same if have & same else set()
        aliases = positional_aliases(source)
        if formatted_by_java(catalog.syntax, entry.flags):  # Hallo, %s! for Hello, %1$s!
            aliases |= single_argument_aliases(source, read)
        added += [
            p.text for p in find_placeholders(read) if aliases.get(p.text, p.text) not in have
        ]
        if added:
            problems = _qa_problems(catalog, entry, target)
            found[entry.name] = KeptPlaceholders(entry.name, added[0], tuple(problems))
    return list(found.values())


def _qa_problems(catalog: KeyedCatalog, entry: Entry, target: str) -> list[str]:
    """What ``ltmt qa``'s placeholders check says of ``target`` kept for ``entry``, given the
    entry's format flags, plural form and placeholders as the file writes them, as qa's pairs
    carry them (:meth:`~ltmt.formats.keyed_catalog.KeyedCatalog.pairs`)."""
    from ltmt.qa.pair_checks import placeholder_problems  # qa reads formats: imported late

    metadata: dict[str, Any] = {"context": entry.context or entry.name}
    if entry.plural:
        metadata["plural"] = entry.form
    if entry.flags:
        metadata["flags"] = ", ".join(entry.flags)
    if catalog.syntax:
        metadata["syntax"] = catalog.syntax
    if written := catalog.placeholders_written(entry):
        metadata["placeholders"] = written
    return placeholder_problems(entry.source, target, metadata)


def warn_of_kept_placeholders(catalog: KeyedCatalog) -> list[str]:
    """Warn of the translations ``catalog`` keeps whose placeholders are not their source's
    (:func:`kept_with_other_placeholders`), each with what ``ltmt qa`` says of it; the names
    of those qa calls an error (``--strict`` fails the run on them), as ``output: name``."""
    kept = kept_with_other_placeholders(catalog)
    if not kept:
        return []
    it = them(len(kept))
    named = "; ".join(each.said() for each in kept[:NAMED_FIRST])
    more = "; ..." if len(kept) > NAMED_FIRST else ""
    logger.warning(
        "%s: %s kept whose placeholders are not the source's (%s%s); fix %s there, or delete "
        "%s there to translate %s again",
        catalog.adopted_from,
        counted(len(kept), "translation"),
        named,
        more,
        it,
        it,
        it,
    )
    return [f"{catalog.adopted_from}: {each.name}" for each in kept if each.problems]
