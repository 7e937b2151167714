"""The :class:`~ltmt.translator.Translator`'s hook for SmartFormat's plurals, choices and
conditionals (``{lives:plural:one life|{} lives}``): a batch with such an expression is
translated form by form (:func:`ltmt.formats.smart_format.translated_by_forms`), each piece
by the translator itself. A text whose whole has a 100 % memory match is that match, finished
as the translator finishes its outputs (``finish``), not handed back to the translator: it
would come here again.
Kept apart from :mod:`ltmt.translator` as :mod:`ltmt.sentence_memory` is: one step of the
pipeline, one module.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from ltmt.api_arguments import term_list
from ltmt.segments import Translation

if TYPE_CHECKING:
    from ltmt.terminology.terms import Term
    from ltmt.translator import Translator


def translate_by_forms(
    translator: Translator,
    texts: list[str],
    user: str | None,
    prefer: Sequence[Mapping[str, Any]] | None,
    glossary: Iterable[Term] | None,
    fit: bool,
    finish: Callable[[list[Translation], list[Term] | None], list[Translation]],
) -> list[Translation] | None:
    """``texts`` translated with their SmartFormat plurals and choices form by form
    (:func:`ltmt.formats.smart_format.translated_by_forms`), each piece by
    ``translator.translate`` with the same ``user``, ``glossary`` and ``fit``, and a text with
    a 100 % memory match as ``finish`` (the translator's last step, given the glossary's terms)
    gives that match; ``None`` where none has one. The formats package is imported only for a
    text with a brace."""
    if not any("{" in text or "[" in text for text in texts):
        return None
    from ltmt.formats.smart_format import translated_by_forms
    from ltmt.formats.unit_translation import exact_for_translator

    terms = None if glossary is None else term_list(glossary)

    def pieces(part: list[str], wanted: list[dict[str, Any]]) -> list[Translation]:
        chosen = None if prefer is None else wanted
        return translator.translate(part, user, prefer=chosen, glossary=terms, fit=fit)

    wanted = [dict(p) for p in prefer] if prefer is not None else [{}] * len(texts)
    found = exact_for_translator(translator, user)

    def exact(part: list[str], wanted: list[dict[str, Any]]) -> list[Translation | None]:
        matches = list(found(part, wanted))
        hits = [hit for hit in matches if hit is not None]
        finished = iter(finish(hits, terms) if hits else [])
        return [None if hit is None else next(finished) for hit in matches]

    tgt_lang = translator.written_language or ""
    return translated_by_forms(texts, wanted, pieces, exact, tgt_lang)
