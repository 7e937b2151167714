"""The language pair a user's stored glossary is imported in.

A user's glossary has no pair of its own: it is followed in every translation for that user
(:func:`ltmt.lookup.term_matcher`), and those translate the pair of the user's memory
(:func:`ltmt.lookup.check_memory_languages` refuses any other), else the model's. An import's
``--src-lang``/``--tgt-lang`` only pick which language of the file gives the source terms and
which the target terms, so a pair that is not the one translated stores terms that fire in the
wrong language: a German-first termbase imported with ``--src-lang de --tgt-lang en`` into an
en → de user stored ``Span → chip``, and English "span" was translated by "chip".
:func:`check_glossary_pair` refuses such an import before anything is written.
"""

from __future__ import annotations

from ltmt.errors import InputError
from ltmt.formats.common import same_language


def check_glossary_pair(
    pair: tuple[str, str],
    user: str,
    memory_pair: tuple[str, str] | None,
    model_pair: tuple[str, str] | None,
) -> None:
    """Raise :class:`InputError` where ``pair`` (``--src-lang``, ``--tgt-lang``) is not the pair
    ``user``'s glossary is used in: that of the user's memory (``memory_pair``, as
    :meth:`ltmt.memory.store.Memory.languages` records it), any other pair refused; without
    one, the default model's (``model_pair``), only its reverse refused (a memory-less user may
    be translated with a ``--model`` of another pair). Regions aside (``en-US`` is ``en``);
    nothing is checked where neither pair is known."""
    source, target = pair
    if memory_pair is not None:
        held, whose = memory_pair, "its memory's pair"
    elif model_pair is not None and _same_pair(pair, model_pair[::-1]):
        held, whose = model_pair, "the default model's pair"
    else:
        return
    if _same_pair(pair, held):
        return
    given = f"--src-lang {source} --tgt-lang {target}"
    translated = f"{user}'s translations, {held[0]} → {held[1]} ({whose})"
    wanted = f"--src-lang {held[0]} --tgt-lang {held[1]}"
    if _same_pair(pair, held[::-1]):
        raise InputError(
            f"{given} is the reverse of {translated}: give {wanted} (they pick which of the "
            "file's languages gives the source terms, whatever its own source language); "
            "nothing was imported"
        )
    raise InputError(
        f"{given} is not the pair of {translated}, which its glossary is used in: give "
        f"{wanted}, or import the {source} → {target} glossary into another user; nothing was "
        "imported"
    )


def _same_pair(one: tuple[str, str], other: tuple[str, str]) -> bool:
    return same_language(one[0], other[0]) and same_language(one[1], other[1])
