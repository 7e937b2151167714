"""The language pair a model translates, where it is recorded, and the check against it.

Marian checkpoints record it in ``tokenizer_config.json`` (``source_lang`` / ``target_lang``,
as transformers' ``MarianTokenizer`` saves them); OPUS-MT names end with it
(``opus-mt-en-de``, ltmt's ``default-en-de``). A model that records neither is taken at its word:
any pair is accepted. Only two-letter codes are held to: a three-letter one may be a language
group (``mul``, ``gmw``) that covers many languages.

A code asked for is a BCP 47 tag (``de``, ``de-AT``, ``de-DE-x-formal``), a POSIX locale
(``de_DE.UTF-8``, ``de_DE@formal``) or a WordPress locale (``de_DE_formal``); another
(``de-formal``) is refused: no program would load a file of that language. A form of address
a code asks for (formal, informal) is the language's: ltmt steers to a form only where
``--formality`` (``Translator(formality=...)``) asks for it, so a code's form without it, or
against it, gets one warning (:func:`form_of_address_warning`), said by whoever takes the code.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import NamedTuple

from ltmt.errors import InputError, LtmtError
from ltmt.formats.common import FORMALITY, lang_matches

_NAME_PAIR = re.compile(r"(?:^|[-_])([a-z]{2,3})-([a-z]{2,3})$")
_POSIX_LOCALE = re.compile(r"([a-z]{2,3})(?:_[A-Z]{2})?(?:\.[A-Za-z0-9-]+)?(?:@[a-z]+)?")
_WORDPRESS_LOCALE = re.compile(r"([a-z]{2,3})_[A-Z]{2}_(?:formal|informal)")


def model_languages(model: str | Path | None) -> tuple[str, str] | None:
    """``(source, target)`` of ``model`` (a directory, hub id, or ``None`` for the default),
    from its tokenizer config, else its name; ``None`` when neither says."""
    from ltmt.model.backbone import resolve_model_name

    try:
        resolved = resolve_model_name(model)
    except LtmtError:  # no default model: loading will say so
        return None
    config = Path(resolved) / "tokenizer_config.json"
    try:
        recorded = json.loads(config.read_text("utf-8"))
    except (OSError, ValueError):
        recorded = {}
    if isinstance(recorded, dict):
        source, target = recorded.get("source_lang"), recorded.get("target_lang")
        if isinstance(source, str) and isinstance(target, str) and source and target:
            return source.lower(), target.lower()
    found = _NAME_PAIR.search(Path(str(resolved)).name.lower())
    return (found.group(1), found.group(2)) if found else None


class PairNames(NamedTuple):
    """How a caller names the source and target languages, and where a model is given, in
    :func:`check_language_pair`'s error."""

    source: str
    target: str
    model: str


OPTION_NAMES = PairNames("--src-lang", "--tgt-lang", "with --model")  # ltmt translate's
API_NAMES = PairNames("source_language", "target_language", "as Translator(model=...)")
BENCH_NAMES = PairNames("source_lang", "target_lang", "as model")  # a bench config's keys


def check_language_pair(
    model: str | Path | None,
    src_lang: str,
    tgt_lang: str | None = None,
    names: PairNames = OPTION_NAMES,
) -> None:
    """Raise :class:`InputError` when ``model`` records a pair that ``src_lang → tgt_lang`` is
    not (``tgt_lang`` ``None``: the model's target, unchecked); the error names the languages
    as ``names`` does (``ltmt translate``'s options, the :class:`~ltmt.Translator`'s arguments,
    a bench config's keys). The one check of all three (see the module docstring)."""
    for name, code in ((names.source, src_lang), (names.target, tgt_lang)):
        if code is not None:
            check_language_code(name, code)
    pair = model_languages(model)
    if pair is None:
        return
    target = pair[1] if tgt_lang is None else tgt_lang
    for name, asked, have in ((names.source, src_lang, pair[0]), (names.target, target, pair[1])):
        if len(have) == 2 and not lang_matches(asked, have):
            raise InputError(
                f"{name} {asked}: {describe_pair(model, pair)}; "
                f"give a model for {src_lang}→{target} {names.model}"
            )


def describe_pair(model: str | Path | None, pair: tuple[str, str]) -> str:
    """``the default model translates en→de only`` (or ``model DIR ...``)."""
    name = "the default model" if model is None else f"model {model}"
    return f"{name} translates {pair[0]}→{pair[1]} only"


def check_language_code(name: str, code: str) -> None:
    """Raise :class:`InputError` where ``code`` (given as ``name``) is no language code a
    locale system knows (module docstring)."""
    if not _known_code(code):
        raise InputError(
            f"{name} {code}: not a language code; give a BCP 47 tag (de, de-DE), a locale "
            "(de_DE, de_DE@formal) or a WordPress locale (de_DE_formal)"
        )


def _known_code(code: str) -> bool:
    """Whether ``code`` is a valid BCP 47 tag, or a POSIX or WordPress locale of a language."""
    import langcodes

    if langcodes.tag_is_valid(code):
        return True
    found = _POSIX_LOCALE.fullmatch(code) or _WORDPRESS_LOCALE.fullmatch(code)
    return found is not None and langcodes.tag_is_valid(found.group(1))


def form_of_address_warning(
    name: str, code: str, formality: str | None, option: str = "--formality {}"
) -> str | None:
    """What to say where language ``code`` (given as ``name``: ``--tgt-lang``, or a catalog's
    ``Language``) asks for a form of address (``de_DE_formal``: formal) that ``formality``
    (``formal``, ``informal``; None: not asked) does not, ``option`` the way to ask for a form
    (``--formality {}``, ``formality="{}"``): ltmt steers to a form only where ``option`` asks
    for it. None where the code asks for no form, or the one asked."""
    found = FORMALITY.search(code)
    wanted = None if found is None else found.group(1).lower()
    if wanted is None or formality == wanted:
        return None
    ask = option.format("Sie" if wanted == "formal" else "du")
    if formality is None:
        return (
            f"{name} {code} asks for {wanted} address; ltmt steers to it only with {ask} "
            "(without it the model writes the form it learned, the default German model mostly "
            f'"Sie", at times "du"): add {ask}'
        )
    given = option.format("Sie" if formality == "formal" else "du")
    return (
        f"{name} {code} asks for {wanted} address, {given} for {formality}: ltmt writes "
        f"{formality}; give {ask} if the translation is for {code}"
    )
