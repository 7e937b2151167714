"""The patterns of a Fluent message or term that ltmt copies from the source, not translates
(:mod:`ltmt.formats.fluent`): a value or an attribute with no words (``version = 2.4.0``,
``about = { -brand-name }``) or no text (``tz = Europe/Berlin``), and the attributes that hold
no text (``.style = width: 32em``).

A brand term, one whose id names a brand or a vendor and whose value is a name
(``-pocket-brand-name = Pocket``, ``-vendor-short-name = Mozilla``: :func:`is_brand_name`), is
a product's name, which Mozilla's brand files say is not translated: copied too (the model
wrote ``Tasche`` for ``Pocket``, ``Senden`` for ``Send``), and a translator's value there kept.
Another term is shared UI vocabulary (``-cancel-label = Cancel``, ``-home = Home``): translated.

Each is named by its pattern key (``version``, ``login.style``) and compared as Fluent writes
it (:func:`pattern_text`), so that a run into an output ltmt wrote tells its copies there, which
follow the source (a message of the output that lacks one gets the source's), from values
someone set there, which are kept (:mod:`ltmt.formats.copied_values`). Not an access key,
chosen from the translated label, nor a term's attributes (``-brand-name.gender``): the target
language's grammar, which its translator sets, kept as the output has them, whatever the
source's.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Collection, Iterator
from typing import Any

from ltmt.formats.fluent_access_keys import is_access_key


def key_of(entry: Any) -> str:
    """A message's id, a term's with its ``-``: the key of its value."""
    from fluent.syntax import ast

    return ("-" if isinstance(entry, ast.Term) else "") + entry.id.name


# the words of a term id that say it names a brand (Mozilla's ``-brand-short-name``,
# ``-vendor-short-name``, ``-pocket-brand-name``); an id's words are split at "-", "_" and
# a lower-case letter before a capital (``-brandShortName``)
_BRAND_ID_WORDS = frozenset({"brand", "branding", "vendor"})
_ID_WORD_BREAK = re.compile(r"[-_]|(?<=[a-z0-9])(?=[A-Z])")
# the most words a brand's name has (``Firefox Private Network``); what ends a sentence
_NAME_WORDS = 4
_SENTENCE_END = tuple(".!?:;")
# what a word of a name may hold besides letters and digits (``AT&T``, ``Notepad++``, ``Wi-Fi``)
_NAME_MARKS = frozenset("'\u2019&+.-")  # a right single quote as an apostrophe


def is_brand_name(entry: Any) -> bool:
    """Whether ``entry`` is a Fluent brand term: a term whose id has a word naming a brand
    (:data:`_BRAND_ID_WORDS`: ``-brand-short-name``, ``-monitor-brand-name``,
    ``-vendor-short-name``; not ``-cancel-label``, ``-home``) and whose value is a name: text
    alone (no placeable, no select) of a few words (:data:`_NAME_WORDS`), each starting with a
    capital letter or a digit and made of letters, digits and :data:`_NAME_MARKS`, not ending
    a sentence (``Pocket``, ``Nightjar Monitor``; not ``Learn more about { -brand-name }``,
    ``Open file``). Mozilla keeps its brand terms as they are in every locale; its other terms
    are UI words (``-cancel-label = Cancel``), translated."""
    from fluent.syntax import ast

    if not isinstance(entry, ast.Term) or entry.value is None:
        return False
    id_words = {word.lower() for word in _ID_WORD_BREAK.split(entry.id.name)}
    if not id_words & _BRAND_ID_WORDS:
        return False
    texts = [e.value for e in entry.value.elements if isinstance(e, ast.TextElement)]
    if len(texts) != len(entry.value.elements):
        return False
    text = "".join(texts).strip()
    words = text.split(" ")
    return (
        0 < len(words) <= _NAME_WORDS
        and not text.endswith(_SENTENCE_END)
        and all(_name_word(word) for word in words)
    )


def _name_word(word: str) -> bool:
    """Whether ``word`` is a word of a name (:func:`is_brand_name`)."""
    return (
        bool(word)
        and (word[0].isupper() or word[0].isdigit())
        and all(c.isalnum() or c in _NAME_MARKS for c in word)
    )


def patterns_of(entry: Any) -> Iterator[tuple[str, Any]]:
    """``(key, pattern)`` of each pattern of a message or term: its value (``key``), then its
    attributes (``key.name``)."""
    base = key_of(entry)
    if entry.value is not None:
        yield base, entry.value
    for attribute in entry.attributes:
        yield f"{base}.{attribute.id.name}", attribute.value


def copied_patterns(entry: Any, translated: Collection[str]) -> Iterator[tuple[str, Any]]:
    """``(key, pattern)`` of the patterns of a message or term that ltmt copies from the source
    and that follow it (module docstring): those not ``translated`` (their keys), but an access
    key and a term's attributes."""
    for key, pattern in patterns_of(entry):
        access_key = key != key_of(entry) and is_access_key(key.partition(".")[2])
        if key not in translated and not access_key and not _term_attribute(entry, key):
            yield key, pattern


def _term_attribute(entry: Any, key: str) -> bool:
    """Whether ``key`` is an attribute of ``entry``, a term (``-brand-name.gender``)."""
    return key != key_of(entry) and key.startswith("-")  # a term's key, as no message's


def pattern_at(entry: Any, key: str) -> Any | None:
    """The pattern of ``entry`` at ``key`` (of :func:`patterns_of`), or None where it has none."""
    return dict(patterns_of(entry)).get(key)


def put_pattern(entry: Any, key: str, pattern: Any) -> None:
    """Write ``pattern`` as ``entry``'s pattern at ``key``: its value, or an attribute,
    added at the end where ``entry`` has none of its name."""
    from fluent.syntax import ast

    if key == key_of(entry):
        entry.value = pattern
        return
    name = key.partition(".")[2]  # Fluent identifiers hold no "."
    for attribute in entry.attributes:
        if attribute.id.name == name:
            attribute.value = pattern
            return
    entry.attributes.append(ast.Attribute(ast.Identifier(name), pattern))


def pattern_text(pattern: Any) -> str:
    """``pattern`` as Fluent writes it, without the blanks around it (``2.4.0``,
    ``{ -brand-name }``)."""
    from fluent.syntax.serializer import serialize_pattern

    return str(serialize_pattern(pattern)).strip()


def with_copies(
    out: Any,
    entry: Any,
    copied: Collection[str],
    following: Collection[str],
    adopted: Any | None = None,
) -> Any:
    """``out`` (the source's message or term ``entry`` translated) with each of its patterns
    copied from the source (their keys: ``copied``) as the source's where the output so far
    holds ltmt's copy of it then (``following``) or none, else as ``adopted`` (the output so
    far's message, where ``out`` is not it already) has it: a value someone set there
    (``.style = width: 40em``); and a term's attributes as ``adopted`` has them."""
    for key, pattern in patterns_of(entry):
        theirs = pattern_at(adopted, key) if adopted is not None else None
        if key in copied and (key in following or pattern_at(out, key) is None):
            put_pattern(out, key, copy.deepcopy(pattern))
        elif (key in copied or _term_attribute(entry, key)) and theirs is not None:
            put_pattern(out, key, copy.deepcopy(theirs))
    return out
