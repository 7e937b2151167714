"""ICU plural and select messages as XLIFF units, translated case by case.

Angular's ``ng extract-i18n`` writes a plural or a select as a unit's whole source:
``{VAR_PLURAL, plural, =0 {no minutes} other {<x id="INTERPOLATION"/> minutes}}``. Sent whole,
the model translated its keywords (``Plural``, ``andere``) and lost its commas and braces. So
it is taken apart as a JSON catalog's message is (:mod:`ltmt.formats.icu_messages`): each case
is a unit of its own (key ``<unit key>#<case name>``; its inline codes stay tags), and the
cases' translations are put together into the unit's target once each has one. A unit that
cannot be taken apart is left untranslated (:attr:`BranchingUnits.unsupported`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ltmt.formats.documents import Unit
from ltmt.formats.icu_messages import (
    CasePath,
    Expansion,
    Unsupported,
    case_name,
    expand,
    is_branching,
)
from ltmt.formats.plurals import categories_with_other, ordinal_categories

CASE = "#"  # between a unit's key and its case's name (``4#other``)
# an inline code of a unit's tagged text (``<x id="1" equiv-text="{n}"/>``, ``<g id="2">``,
# ``</g>``), whose attributes may spell an ICU message
_INLINE_CODE = re.compile(r"<[^<>]*>")


@dataclass
class BranchingUnits:
    """The units of a document whose source is an ICU plural or select, in ``tgt_lang``:
    each one's expansion and (target, source) case paths by unit key, the cases translated so
    far, and the keys of those that cannot be taken apart (``unsupported``)."""

    tgt_lang: str
    expansions: dict[str, tuple[Expansion, list[tuple[CasePath, CasePath]]]] = field(
        default_factory=dict
    )
    translated: dict[str, dict[str, str]] = field(default_factory=dict)
    unsupported: list[str] = field(default_factory=list)

    def add(self, key: str, source: str) -> bool:
        """Take the unit ``key`` apart where its ``source`` branches, outside its inline codes;
        whether it does. (Angular's unit around a plural holds it as a code whose attribute
        spells it, ``<x id="ICU" equiv-text="{minutes, plural, ...}"/>``: no message of its
        own, it is translated as it is.)"""
        if not is_branching(_INLINE_CODE.sub("", source)):
            return False
        try:
            expansion = expand(source)
        except Unsupported:
            self.unsupported.append(key)
            return True
        paths = expansion.target_paths(
            categories_with_other(self.tgt_lang), ordinal_categories(self.tgt_lang)
        )
        self.expansions[key] = (expansion, paths)
        return True

    def case_units(self, key: str, context: str) -> list[Unit]:
        """The cases of the unit ``key`` as units to translate, written only together."""
        expansion, paths = self.expansions[key]
        return [
            Unit(
                f"{key}{CASE}{case_name(target)}",
                expansion.case(source).text,
                context,
                entry=key if expansion.plural else "",
                form=form,
                group=key,
            )
            for form, (target, source) in enumerate(paths)
        ]

    def take(self, case_key: str, text: str) -> tuple[str, str] | None:
        """Keep ``text``, the translation of the case ``case_key``; once every case of its unit
        has one, that unit's key and its whole translated message."""
        key, _, name = case_key.partition(CASE)
        texts = self.translated.setdefault(key, {})
        texts[name] = text
        expansion, paths = self.expansions[key]
        if any(case_name(target) not in texts for target, _ in paths):
            return None
        return key, expansion.assemble(
            {
                target: expansion.from_model(source, texts[case_name(target)])
                for target, source in paths
            }
        )
