"""Which message of a PO catalog written from pairs (:func:`ltmt.formats.po.write_po`) each
plural form belongs to.

A PO import gives a plural form from 1 on its message's ``msgid`` (``metadata["plural_of"]``),
and a Qt Linguist message's forms share one source: their form 0 is the one of the same
context and source. A keyed catalog's plural (Fluent's ``[one]``/``[other]``, Android's
``<plurals>``) gives each form its own source (``Close { $n } tab?``, ``Close { $n } tabs?``)
under the message's key as its context: its forms from 1 on belong to the form 0 of that
context (the newest, where the memory holds older sources of the message too). A context whose
forms of one number have several sources holds several messages (Qt's class context, as an
older import stored them without ``plural_of``; a keyed message whose plural changed too): a
form there belongs to the form 0 read last before it, as a message's forms are stored
together, not to the newest of the context, which would take the forms of every other
message as its own older translations. Such a message
is one entry only where its forms are the catalog language's plural forms (German's two: one,
other); one with a case of its own (Fluent's ``[0]``) has forms gettext cannot tell apart.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from ltmt.formats.plurals import plural_tags
from ltmt.segments import PairRecord


def plural_form(record: PairRecord) -> int | None:
    """``record``'s plural form (``metadata["plural"]``), None where it is no form of one."""
    plural = record.metadata.get("plural")
    return plural if isinstance(plural, int) and not isinstance(plural, bool) else None


def context_of(record: PairRecord) -> str:
    """``record``'s ``msgctxt`` (``metadata["context"]``), "" for none."""
    return str(record.metadata.get("context", "") or "")


@dataclass
class PluralMessages:
    """The form 0 of each plural message among a catalog's pairs: ``singulars``, by context
    and source; ``newest``, the source of the last one of each context; ``preceding``, the
    source of the one of its context read last before each form from 1 on (by the record's
    ``id``), where the forms of that number in that context have several sources (several
    messages share it). ``joined``: the messages (context and ``msgid``) a form was given to
    by its context alone."""

    singulars: set[tuple[str, str]] = field(default_factory=set)
    newest: dict[str, str] = field(default_factory=dict)
    preceding: dict[int, str] = field(default_factory=dict)
    joined: set[tuple[str, str]] = field(default_factory=set)

    @classmethod
    def of(cls, records: Iterable[PairRecord]) -> PluralMessages:
        """The plural messages of ``records`` (read in the order a catalog is written; held
        by the caller while it asks :meth:`msgid`, which knows them by ``id``)."""
        messages = cls()
        before: dict[int, str] = {}  # a form's preceding form 0 of its context, by id
        sources: dict[tuple[str, int], set[str]] = {}  # forms by context and number
        forms: list[tuple[PairRecord, int]] = []
        for record in records:
            form = plural_form(record)
            context = context_of(record)
            if form == 0 and record.source:
                messages.singulars.add((context, record.source))
                messages.newest[context] = record.source
            elif form and context in messages.newest and not record.metadata.get("plural_of"):
                before[id(record)] = messages.newest[context]
                sources.setdefault((context, form), set()).add(record.source)
                forms.append((record, form))
        for record, form in forms:
            if len(sources[(context_of(record), form)]) > 1:
                messages.preceding[id(record)] = before[id(record)]
        return messages

    def msgid(self, record: PairRecord, form: int) -> str:
        """The ``msgid`` of the message whose plural form ``form`` ``record`` is: its own
        source for form 0; else its ``plural_of``, else the source of the form 0 of its
        context and source, else (a keyed catalog's form, a Qt form stored without
        ``plural_of``) that of the form 0 of its context read before it where its context
        holds several messages (:attr:`preceding`), else that of the newest form 0 of its
        context, else its own source (no entry holds it: its form 0 is deleted)."""
        if not form:
            return record.source
        given = record.metadata.get("plural_of")
        if given:
            return str(given)
        context = context_of(record)
        singular = self.preceding.get(id(record), self.newest.get(context))
        if not context or singular is None or (context, record.source) in self.singulars:
            return record.source
        self.joined.add((context, singular))
        return singular


def has_language_forms(forms: Mapping[int, PairRecord], language: str) -> bool:
    """Whether ``forms`` (a message's, by number) are ``language``'s plural forms, each once:
    German's 0 (one) and 1 (other)."""
    return sorted(forms) == list(range(len(plural_tags(language))))
