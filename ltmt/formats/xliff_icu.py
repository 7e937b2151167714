"""ICU plural and select messages as XLIFF units, translated case by case.

Angular's ``ng extract-i18n`` writes a plural or a select as a unit's whole source:
``{VAR_PLURAL, plural, =0 {no minutes} other {<x id="INTERPOLATION"/> minutes}}``. Sent whole,
the model translated its keywords (``Plural``, ``andere``) and lost its commas and braces. So
it is taken apart as a JSON catalog's message is (:mod:`ltmt.formats.icu_messages`): each case
is a unit of its own (key ``<unit key>#<case name>``; its inline codes stay tags), and the
cases' translations are put together into the unit's target once each has one. A unit that
cannot be taken apart is left untranslated (:attr:`BranchingUnits.unsupported`).

A case's translation whose braces pair with none (outside its inline codes) has them dropped:
given a memory's whole message as a fuzzy match, the model copied its closing braces into a
branch (``Minuten}}``), which ended the message there. A message assembled that ICU still
rejects is not written (:attr:`BranchingUnits.broken`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from ltmt.formats.attribute_values import ANY_TAG
from ltmt.formats.documents import Unit
from ltmt.formats.icu_messages import (
    CasePath,
    Expansion,
    Unsupported,
    case_name,
    expand,
    is_branching,
    syntax_problem,
    without_markup,
)
from ltmt.formats.plurals import categories_with_other, ordinal_categories

CASE = "#"  # between a unit's key and its case's name (``4#other``)
# an inline code of a unit's tagged text (``<x id="1" equiv-text="{n}"/>``, ``<g id="2">``,
# ``</g>``), whose attributes may spell an ICU message
_INLINE_CODE = re.compile(ANY_TAG)


@dataclass
class BranchingUnits:
    """The units of a document whose source is an ICU plural or select, in ``tgt_lang``:
    each one's expansion and (target, source) case paths by unit key, the cases translated so
    far, the keys of those that cannot be taken apart (``unsupported``) and of those whose
    assembled translation ICU rejects, with what is wrong (``broken``)."""

    tgt_lang: str
    expansions: dict[str, tuple[Expansion, list[tuple[CasePath, CasePath]]]] = field(
        default_factory=dict
    )
    translated: dict[str, dict[str, str]] = field(default_factory=dict)
    unsupported: list[str] = field(default_factory=list)
    broken: dict[str, str] = field(default_factory=dict)

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
            categories_with_other(self.tgt_lang),
            ordinal_categories(self.tgt_lang),
            language=self.tgt_lang,
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

    def groups(self, units: list[Unit]) -> list[str]:
        """The keys of the units taken apart whose cases ``units`` hold, each once, in order."""
        return list(dict.fromkeys(u.group for u in units if u.group in self.expansions))

    def broken_messages(self, place: Callable[[str], str]) -> dict[str, str]:
        """What is wrong with each message in :attr:`broken`, by unit key, the unit named by
        ``place`` (``unit 4``)."""
        return {
            key: f"{place(key)}: no valid ICU message ({problem})"
            for key, problem in self.broken.items()
        }

    def take(self, case_key: str, text: str) -> tuple[str, str] | None:
        """Keep ``text``, the translation of the case ``case_key``; once every case of its unit
        has one, that unit's key and its whole translated message (None where ICU rejects it:
        :attr:`broken`)."""
        key, _, name = case_key.partition(CASE)
        texts = self.translated.setdefault(key, {})
        texts[name] = paired_braces(text)
        expansion, paths = self.expansions[key]
        if any(case_name(target) not in texts for target, _ in paths):
            return None
        message = expansion.assemble(
            {
                target: expansion.from_model(source, texts[case_name(target)])
                for target, source in paths
            }
        )
        problem = message_problem(message)
        if problem is not None:
            self.broken[key] = problem
            return None
        self.broken.pop(key, None)
        return key, message


def message_problem(text: str) -> str | None:
    """What ICU rejects in ``text``, a unit's tagged text (its inline codes aside: their
    attributes may hold braces, ``equiv-text="{{minutes}}"``, no part of its message), or
    None (:func:`~ltmt.formats.icu_messages.syntax_problem`)."""
    return syntax_problem(without_markup(text))


def is_message(text: str) -> bool:
    """Whether ICU accepts ``text``, a unit's tagged text, its inline codes aside
    (:func:`message_problem`)."""
    return message_problem(text) is None


def paired_braces(text: str) -> str:
    """``text`` without the braces outside its inline codes that pair with none (module
    docstring)."""
    in_codes = {i for code in _INLINE_CODE.finditer(text) for i in range(*code.span())}
    opened: list[int] = []
    unpaired: list[int] = []
    for index, char in enumerate(text):
        if index in in_codes or char not in "{}":
            continue
        if char == "{":
            opened.append(index)
        elif opened:
            opened.pop()
        else:
            unpaired.append(index)
    dropped = {*opened, *unpaired}
    return "".join(char for index, char in enumerate(text) if index not in dropped)
