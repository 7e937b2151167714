"""A Fluent message's access keys (:mod:`ltmt.formats.fluent`): which attributes are access keys,
which of the message's patterns is each one's label, the key chosen from the translated label,
and the keys that are no letter of their label.

Mozilla's convention, as its localisation tool Pontoon reads it: ``.accesskey`` underlines a
letter of the message's ``.label``, else of its value, else of its ``.value`` (XUL's
``<label value=... accesskey=...>`` of dialogs and preferences), else of its ``.aria-label``; an
attribute that holds ``accesskey`` in a longer name (a dialog's ``.buttonaccesskeyaccept``)
underlines one of the attribute named with ``label`` in its place (``.buttonlabelaccept``).
Access keys are chosen, not translated: none goes to the model or makes a pair.

A key is chosen as localizers do: the one the output held for the message where it is still a
letter of the new label (a reviewer picks a key that no other item of the menu has, which ltmt
cannot see), else the source's where the label has that letter, else the label's first letter
or digit; for a label with a select, a letter every variant has, where there is one; a key that
is itself a select (on the platform) gets one for each variant, from that variant's label.
"""

from __future__ import annotations

import copy
from collections.abc import Collection
from pathlib import Path
from typing import Any

from ltmt.formats.fluent_patterns import (
    plain_text,
    select_of,
    texts_by_variant,
    variant_key,
    variant_texts,
)

ACCESS_KEY = "accesskey"
# the patterns a plain .accesskey underlines a letter of, the first the message has ("": its
# value), as Pontoon looks for them
_LABELS = ("label", "", "value", "aria-label")


def is_access_key(name: str) -> bool:
    """Whether a message's attribute ``name`` is an access key (``accesskey``,
    ``buttonaccesskeyaccept``)."""
    return ACCESS_KEY in name


def label_of(message: Any, name: str) -> tuple[str, Any] | None:
    """``(string key, pattern)`` of the label that the access key attribute ``name`` of the
    Fluent ``message`` underlines a letter of (module docstring), or None where it has none."""
    patterns = {a.id.name: a.value for a in message.attributes}
    patterns[""] = message.value
    wanted = _LABELS if name == ACCESS_KEY else (name.replace(ACCESS_KEY, "label"),)
    base = message.id.name
    for label in wanted:
        if patterns.get(label) is not None:
            return (f"{base}.{label}" if label else base), patterns[label]
    return None


def access_keys(message: Any) -> list[Any]:
    """The access key attributes of a message (a term's attributes are none)."""
    return [a for a in getattr(message, "attributes", []) if is_access_key(a.id.name)]


def choose_access_keys(
    message: Any, held: Any | None = None, names: Collection[str] | None = None
) -> None:
    """Set each access key of the translated ``message`` (those ``names``, else all) to a
    letter of its translated label (module docstring); ``held``: the message as the output
    held it, whose key is kept where it is still a letter of the label."""
    kept = {a.id.name: a.value for a in access_keys(held)} if held is not None else {}
    for access in access_keys(message):
        name = access.id.name
        found = label_of(message, name)
        if found is None or (names is not None and name not in names):
            continue
        label = found[1]
        theirs = texts_by_variant(kept[name]) if name in kept else {}
        _, keys = select_of(access.value)
        if keys is None:
            key = chosen_access_key(
                plain_text(access.value).strip(), theirs.get(""), variant_texts(label)
            )
            access.value.elements[:] = _access_pattern(access.value, key)
            continue
        # a key for each platform (or case): from the label's text for the same one
        shown = texts_by_variant(label)
        for variant in keys.variants:
            case = variant_key(variant)
            text = shown.get(case, next(iter(shown.values())))
            wanted = plain_text(variant.value).strip()
            key = chosen_access_key(wanted, theirs.get(case), [text])
            variant.value.elements[:] = _access_pattern(variant.value, key)


def chosen_access_key(wanted: str, held: str | None, texts: list[str]) -> str:
    """The key ``held`` (the output's, as written) where every text of the label has it, else
    :func:`choose_access_key`'s of ``wanted`` (the source's): a Fluent message's, and a legacy
    ``.properties`` file's (:mod:`ltmt.formats.properties_access_keys`)."""
    if held is not None and len(held.strip()) == 1 and _in_all(held.strip(), texts):
        return held.strip()
    return _choose(wanted, texts)


def choose_access_key(wanted: str, label: Any) -> str:
    """The access key for the translated ``label`` (a pattern): ``wanted`` (the source's) where
    every text the label can show has that letter, as the label writes it; else the first
    letter or digit of the label that all its texts have; else its first; else ``wanted``."""
    return _choose(wanted, variant_texts(label))


def _in_all(char: str, texts: list[str]) -> bool:
    return all(char.casefold() in text.casefold() for text in texts)


def _choose(wanted: str, texts: list[str]) -> str:
    """:func:`choose_access_key` over the texts a label can show (the default's first)."""
    # compared character by character: casefolding changes lengths (ß → ss)
    letters = [c for c in texts[0] if c.isalnum() and len(c.casefold()) == 1]
    if len(wanted) == 1 and _in_all(wanted, texts):
        same = next((c for c in letters if c.casefold() == wanted.casefold()), None)
        if same is not None:
            return same
    shared = next((c for c in letters if _in_all(c, texts)), None)
    return shared or (letters[0] if letters else wanted)


def _access_pattern(pattern: Any, key: str) -> list[Any]:
    from fluent.syntax import ast

    if not key or (
        pattern.elements and not all(isinstance(e, ast.TextElement) for e in pattern.elements)
    ):
        return list(pattern.elements)  # a placeable's key stays as written
    return [ast.TextElement(key)]


def keys_not_in_labels(resource: Any) -> list[tuple[str, str, str]]:
    """The access keys of the parsed Fluent file ``resource`` that are a character their label
    (module docstring) does not have in either case, so the key underlines nothing: each as
    ``(the label's string key, access key, label)``. Only a key and a label of text alone are
    read (a placeable shows another message's text, or a variant's)."""
    from fluent.syntax import ast

    found = []
    for message in (e for e in resource.body if isinstance(e, ast.Message)):
        for access in access_keys(message):
            labelled = label_of(message, access.id.name)
            if labelled is None or not _text_alone(access.value, labelled[1]):
                continue
            key, text = plain_text(access.value).strip(), plain_text(labelled[1])
            if len(key) == 1 and key.casefold() not in text.casefold():
                found.append((labelled[0], key, text))
    return found


def _text_alone(*patterns: Any) -> bool:
    """Whether ``patterns`` are text elements alone (no placeable, no select)."""
    from fluent.syntax import ast

    return all(isinstance(e, ast.TextElement) for p in patterns for e in p.elements)


def access_keys_not_in_labels(path: Path) -> list[tuple[str, str, str]]:
    """:func:`keys_not_in_labels` of the Fluent file ``path``."""
    from ltmt.formats.fluent import parsed

    return keys_not_in_labels(parsed(path))


def keys_missing(held: Any, entry: Any) -> list[str]:
    """The names of the access keys of the source's message ``entry`` that ``held`` (the
    output's message) lacks though it has their label: those :func:`with_access_keys` adds."""
    have = {a.id.name for a in held.attributes}
    return [
        access.id.name
        for access in access_keys(entry)
        if access.id.name not in have and label_of(held, access.id.name) is not None
    ]


def with_access_keys(held: Any, entry: Any) -> Any:
    """``held`` (the output's message, kept as written there) with the access keys of the
    source's message ``entry`` that it lacks (:func:`keys_missing`), each chosen from its
    label; its own keys stay as written."""
    names = keys_missing(held, entry)
    held.attributes.extend(copy.deepcopy(a) for a in access_keys(entry) if a.id.name in names)
    choose_access_keys(held, names=names)
    return held
