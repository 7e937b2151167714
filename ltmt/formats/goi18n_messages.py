"""go-i18n's message objects (nicksnyder/go-i18n v2, what ``goi18n extract`` and ``goi18n
merge`` write in JSON and YAML message files):

    "PersonUnreadEmails": {"hash": "sha1-…", "description": "…", "one": "…", "other": "…"}

A mapping whose keys are all among go-i18n's message fields (:data:`FIELDS`) and its plural
forms (:data:`FORMS`), with at least one form and one field, is one message where it has a
``hash`` or where every value beside it is a string or such a mapping (a go-i18n file holds
messages alone, ``goi18n extract`` writes no hash); a ``description`` beside ``one``/``other``
among other objects (an i18next or Jekyll file's ``product``, next to ``nav:``) is text, as
the rest of its file. In a message, its forms are the text to
translate; ``hash`` (which ``goi18n merge`` compares to tell a changed source), ``description``
(for the translator), ``id`` and the template delimiters are copied as they are, never sent to
the model nor paired in a memory import. A field the translation so far has and the source has
not (the ``hash`` ``goi18n merge`` wrote there) is part of its message: kept at its place.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from typing import Any

FORMS = ("zero", "one", "two", "few", "many", "other")
FIELDS = ("id", "hash", "description", "leftDelim", "rightDelim")

Place = tuple[str | int, ...]  # a value's place: its object keys and array indices


def _shaped(value: Any, field: bool = True) -> bool:
    """Whether ``value`` is a mapping of go-i18n's forms and fields, with a form (and a
    field, unless not ``field``)."""
    return (
        isinstance(value, dict)
        and all(key in FORMS or key in FIELDS for key in value)
        and any(key in FORMS for key in value)
        and (not field or any(key in FIELDS for key in value))
    )


def is_message(value: Any, holder: Any) -> bool:
    """Whether ``value``, a value of the mapping ``holder`` (None: the file's top), is a
    go-i18n message object (module docstring) with a field beside its forms (an object of
    forms alone is translated form by form in any case)."""
    if not _shaped(value):
        return False
    if "hash" in value:
        return True
    return isinstance(holder, dict) and all(
        isinstance(other, str) or _shaped(other, field=False) for other in holder.values()
    )


def is_field(data: Any, parts: Place) -> bool:
    """Whether the value at ``parts`` in ``data`` is a field of a go-i18n message (its
    ``hash``, ``description``...), no form: copied, not translated."""
    if not parts or parts[-1] not in FIELDS:
        return False
    holder = None
    for part in parts[:-1]:
        try:
            holder, data = data, data[part]
        except (KeyError, IndexError, TypeError):
            return False
    return is_message(data, holder)


def messages(
    value: Any, parts: Place = (), holder: Any = None
) -> Iterator[tuple[Place, dict[str, Any]]]:
    """Every go-i18n message object under ``value`` (a value of ``holder``), with its place."""
    if is_message(value, holder):
        yield parts, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from messages(item, (*parts, key), value)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from messages(item, (*parts, index), value)


def with_own_fields(ours: dict[str, Any], theirs: dict[str, Any]) -> dict[str, Any]:
    """``ours`` (a message as this run writes it) with the fields of ``theirs`` (the same
    message in the translation so far) that it lacks, each before the first of ``ours``' keys
    that follows it in ``theirs``: a ``hash`` written there stays where it was."""
    order = list(theirs)
    own = [key for key in order if key in FIELDS and key not in ours]
    out: dict[str, Any] = {}
    for key in ours:
        if key in theirs:
            out.update((f, theirs[f]) for f in own if order.index(f) < order.index(key))
        out[key] = ours[key]
    out.update((f, theirs[f]) for f in own if f not in out)
    return out


def _holder_and_value(data: Any, parts: Place) -> tuple[Any, Any]:
    """The value at ``parts`` in ``data`` through its mappings alone, and the mapping holding
    it (None at the top); the value is None where a part is missing or not under a mapping."""
    holder, value = None, data
    for part in parts:
        holder, value = value, value.get(part) if isinstance(value, dict) else None
    return holder, value


# the fields go-i18n reads, not the translator's: a translation's differ from the source's where
# it was changed (as the model changed hashes sent to it)
COPIED = ("id", "hash", "leftDelim", "rightDelim")


def changed_fields(source: Any, translated: Any) -> dict[Place, list[str]]:
    """What a go-i18n message of ``translated`` writes otherwise than ``source``'s (its hash,
    id or delimiters), by the place of the message's first form, which ``ltmt qa`` says it
    of."""
    found: dict[Place, list[str]] = {}
    for parts, ours in messages(source):
        holder, theirs = _holder_and_value(translated, parts)
        if not is_message(theirs, holder):
            continue
        changed = [
            f"its {key} is {theirs[key]!r}, the source's {ours[key]!r}: copy the source's"
            for key in COPIED
            if isinstance(ours.get(key), str) and key in theirs and theirs[key] != ours[key]
        ]
        if changed:
            found[(*parts, next(key for key in ours if key in FORMS))] = changed
    return found


def action_problems(source: Any, translated: Any) -> dict[Place, list[str]]:
    """The template actions a form of a go-i18n message with its own delimiters
    (``"leftDelim": "<<"``: ``<<.Name>>``) lacks or adds in ``translated``, by the form's place:
    those are its placeholders, which no other reader knows as such."""
    found: dict[Place, list[str]] = {}
    for parts, ours in messages(source):
        left, right = ours.get("leftDelim"), ours.get("rightDelim")
        if not (isinstance(left, str) and isinstance(right, str) and left and right):
            continue
        action = re.compile(f"{re.escape(left)}.*?{re.escape(right)}", re.DOTALL)
        _, theirs = _holder_and_value(translated, parts)
        for form in FORMS:
            text = theirs.get(form) if isinstance(theirs, dict) else None
            if not isinstance(ours.get(form), str) or not isinstance(text, str):
                continue
            wanted, have = Counter(action.findall(ours[form])), Counter(action.findall(text))
            problems = [f"lacks {a}, an action between its delimiters" for a in wanted - have]
            problems += [f"adds {a}, which the source does not have" for a in have - wanted]
            if problems:
                found[(*parts, form)] = problems
    return found
