"""A Symfony pipe plural imported whole also stored form by form, as a YAML catalog reads it.

Symfony ships its validator translations as XLIFF, whose unit holds a plural whole
(``… {{ limit }} character or less.|… {{ limit }} characters or less.``), while a YAML catalog's
plural is translated, and looked up in memory, form by form
(:func:`ltmt.formats.pipe_plurals.symfony_choices`). Imported whole alone, the approved text
was found only as fuzzy matches of each form, and their fusion dropped words. So a pair whose
source is a Symfony plural and whose target has as many forms with the same intervals is
stored whole (an XLIFF file's exact match) and form by form (a YAML file's); a ``|`` of plain
text (``Home | Shop``) and a target with another number of forms stay one pair.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ltmt.formats.markup_codes import NATIVE_CODES
from ltmt.formats.pipe_plurals import symfony_form_pairs
from ltmt.segments import PairRecord


def with_symfony_forms(records: Iterable[PairRecord]) -> Iterator[PairRecord]:
    """``records``, each followed by its forms where it is a Symfony plural read whole (not
    already a form, without inline codes): each form a pair with the ``plural`` number a
    catalog's form has."""
    for record in records:
        yield record
        if record.unpaired or "plural" in record.metadata or NATIVE_CODES in record.metadata:
            continue
        forms = symfony_form_pairs(record.source, record.target)
        for number, (source, target) in enumerate(forms or ()):
            metadata = {**record.metadata, "plural": number}
            yield PairRecord(source, target, record.position, metadata, origin=record.origin)
