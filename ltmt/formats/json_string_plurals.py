"""Plural forms written as a JSON object serialised into a string, as Lokalise's "JSON" export
writes a plural key with "plurals as JSON string":

    "files.count": "{\\"one\\":\\"[%i] file\\",\\"other\\":\\"[%i] files\\"}"

A string that parses as a non-empty JSON object whose keys are all CLDR plural categories and
whose values are all strings is read as that object (:func:`decoded`), so that its forms are
translated, checked and paired one by one as a nested plural object's are
(``"trash.count": {"one": ..., "other": ...}``), in the target language's categories
(:func:`in_categories`), and written back as a string again, with the separators the source
string had (:func:`encoded`), which Lokalise imports. Any other string (``{"a":1}``,
``{count}``) stays a string.
"""

from __future__ import annotations

import json
from typing import Any

from ltmt.formats.json_escapes import JsonEscapes
from ltmt.formats.json_layout import Spacing, dumps_with_layout, one_line_containers
from ltmt.formats.plurals import (
    CATEGORIES,
    categories_with_other,
    other_source,
    written_categories,
)

# what :func:`encoded` gives for a plural with a form missing: not written
LEFT_OUT = object()


class StringPlural(dict[str, str]):
    """A plural's forms (by CLDR category) read from a JSON string, and the spacing that string
    wrote them with."""

    def __init__(self, forms: dict[str, str], spacing: Spacing) -> None:
        super().__init__(forms)
        self.spacing = spacing


def plural_in(text: str) -> StringPlural | None:
    """The plural forms the JSON string value ``text`` holds (module docstring), else None."""
    if not text.lstrip().startswith("{"):
        return None
    try:
        value = json.loads(text)
    except ValueError:
        return None
    if not isinstance(value, dict) or not value:
        return None
    if not all(key in CATEGORIES and isinstance(form, str) for key, form in value.items()):
        return None
    return StringPlural(value, one_line_containers(text).get((), Spacing()))


def decoded(value: Any) -> Any:
    """``value`` (a JSON file's) with each string that holds plural forms as its
    :class:`StringPlural`."""
    if isinstance(value, str):
        return plural_in(value) or value
    if isinstance(value, dict):
        return {key: decoded(item) for key, item in value.items()}
    if isinstance(value, list):
        return [decoded(item) for item in value]
    return value


def in_categories(value: Any, language: str) -> Any:
    """``value`` (a source file's, :func:`decoded`) with each :class:`StringPlural` in
    ``language``'s categories, ``other`` among them (and ``zero`` where the source has it),
    each form the source's own or, where the source lacks it, the source's ``other``
    (:func:`~ltmt.formats.plurals.other_source`)."""
    if isinstance(value, StringPlural):
        fallback = other_source(value)
        categories = written_categories(categories_with_other(language), value)
        forms = {tag: value.get(tag) or fallback for tag in categories}
        return StringPlural({tag: form for tag, form in forms.items() if form}, value.spacing)
    if isinstance(value, dict):
        return {key: in_categories(item, language) for key, item in value.items()}
    if isinstance(value, list):
        return [in_categories(item, language) for item in value]
    return value


def encoded(value: Any, source: Any) -> Any:
    """``value`` (a translated file's JSON, made from ``source``'s) with the forms at each
    place where ``source`` has a :class:`StringPlural` written as a JSON string with its
    spacing, or left out where a form is missing (a plural ships whole or not at all, and an
    array with it); an adopted output's own :class:`StringPlural` (an obsolete one) too."""
    if isinstance(source, StringPlural) or isinstance(value, StringPlural):
        if not isinstance(value, dict) or (isinstance(source, dict) and set(source) - set(value)):
            return LEFT_OUT
        held = source if isinstance(source, StringPlural) else value
        spacing = held.spacing if isinstance(held, StringPlural) else Spacing()
        return dumps_with_layout(value, 0, {(): spacing}, JsonEscapes())
    if isinstance(value, dict):
        held = source if isinstance(source, dict) else {}
        items = ((key, encoded(item, held.get(key))) for key, item in value.items())
        return {key: item for key, item in items if item is not LEFT_OUT}
    if isinstance(value, list):
        held_items = source if isinstance(source, list) else []
        written = [
            encoded(item, held_items[i] if i < len(held_items) else None)
            for i, item in enumerate(value)
        ]
        return LEFT_OUT if any(item is LEFT_OUT for item in written) else written
    return value
