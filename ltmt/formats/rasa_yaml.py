"""Rasa's YAML (a chatbot's ``domain.yml``, ``data/nlu.yml``, ``data/rules.yml``,
``data/stories.yml``), recognised by its structure: a top-level ``version:`` written as a quoted
string (``"3.1"``) beside a part in Rasa's shape: ``responses:`` of ``utter_*`` names, each a
list of variations (``- text: ...``); ``nlu:``, a list of items with ``examples`` under an
``intent`` (``synonym``, ``regex``, ``lookup``); ``rules:`` or ``stories:``, lists of items with
``steps``; ``intents:``, a list of names. A ``version: 3`` beside ``responses: {ok: ...}`` or a
list of ``rules`` with a ``title`` and ``text`` is no Rasa file: its text is translated.

Most of a Rasa file is the bot's machinery: intent and entity names (``- greet``, ``entity:
name``), slot types (``type: text``), actions, payloads (``/open_ticket{"priority": "high"}``),
and the conversation tests that stories and rules are; translated, they break the bot. Only what
a user reads is text: a response's ``text``, its buttons' and quick replies' ``title``, and an
intent's NLU ``examples`` (each example line on its own: :class:`Examples`; a ``synonym``'s,
``regex``'s or ``lookup``'s examples are no text). Everything else is copied.

An NLU example's entity annotations (``[Hamburg](city)``, ``[next week]{"entity": "date"}``)
are codes (``<x id="1"/>``): never sent to the model, written back byte for byte; the value in
brackets stays as written.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ltmt.formats.keyed_catalog import FORM
from ltmt.wording import counted

logger = logging.getLogger(__name__)

_VERSION = re.compile(r"\d+(?:\.\d+)*")
_NLU_KINDS = ("intent", "synonym", "regex", "lookup")
_TITLED = ("buttons", "quick_replies")  # a response's lists of choices with a title
# an example line of a block (``- hey there``): its dash, its text, its trailing blanks
_EXAMPLE = re.compile(r"(?P<lead>[ \t]*-[ \t]+)(?P<text>.*?)(?P<tail>[ \t]*\r?\n?)", re.DOTALL)
# an entity annotation: [value](entity), [value](entity:synonym), [value]{"entity": ...}
ANNOTATION = re.compile(r"\[[^\[\]\n]+\](?:\([^()\n]+\)|\{[^{}\n]*\})")
_CODE = re.compile(r'<x id="(\d+)"/>')
WHAT = "a Rasa file"


def is_rasa(document: Any) -> bool:
    """Whether ``document`` (a YAML file's) is Rasa's (module docstring)."""
    if not isinstance(document, dict):
        return False
    version = document.get("version")
    return (
        isinstance(version, str)
        and _VERSION.fullmatch(version) is not None
        and any(
            (
                _are_responses(document.get("responses")),
                _are_items(document.get("nlu"), "examples", _NLU_KINDS),
                _are_items(document.get("rules"), "steps"),
                _are_items(document.get("stories"), "steps"),
                _are_intents(document.get("intents")),
            )
        )
    )


def _are_responses(value: Any) -> bool:
    """Whether ``value`` is a domain's ``responses``: ``utter_*`` names, each a list of
    variations (mappings)."""
    return (
        isinstance(value, dict)
        and bool(value)
        and all(
            str(name).startswith("utter_")
            and isinstance(variations, list)
            and all(isinstance(variation, dict) for variation in variations)
            for name, variations in value.items()
        )
    )


def _are_items(value: Any, key: str, kinds: Sequence[str] = ()) -> bool:
    """Whether ``value`` is a non-empty list of mappings that each have ``key`` (and, where
    ``kinds`` are given, one of them: an NLU item's ``intent``)."""
    return (
        isinstance(value, list)
        and bool(value)
        and all(
            isinstance(item, dict)
            and key in item
            and (not kinds or any(kind in item for kind in kinds))
            for item in value
        )
    )


def _are_intents(value: Any) -> bool:
    """Whether ``value`` is a domain's ``intents``: a non-empty list of names (``- greet``),
    or of names with their settings (``- greet: {use_entities: true}``)."""
    return (
        isinstance(value, list)
        and bool(value)
        and all(
            (isinstance(item, str) and " " not in item.strip())
            or (isinstance(item, dict) and len(item) == 1)
            for item in value
        )
    )


def text_names(document: Mapping[str, Any]) -> frozenset[str]:
    """The dotted names (``responses.utter_greet[0].text``, ``nlu[0].examples``) of the values
    of the Rasa file ``document`` that are text (module docstring)."""
    names: set[str] = set()
    responses = document.get("responses")
    for key, variations in responses.items() if isinstance(responses, dict) else ():
        for index, variation in enumerate(variations if isinstance(variations, list) else ()):
            if not isinstance(variation, dict):
                continue
            names.add(f"responses.{key}[{index}].text")
            for part in _TITLED:
                choices = variation.get(part)
                for number in range(len(choices) if isinstance(choices, list) else 0):
                    names.add(f"responses.{key}[{index}].{part}[{number}].title")
    nlu = document.get("nlu")
    for index, item in enumerate(nlu if isinstance(nlu, list) else ()):
        if isinstance(item, dict) and "intent" in item:  # not a synonym's, regex's, lookup's
            names.add(f"nlu[{index}].examples")
    return frozenset(names)


def coded(text: str, source: Sequence[str] = ()) -> tuple[str, tuple[str, ...]]:
    """``text`` (an NLU example) with its entity annotations as codes (``<x id="1"/>``), and
    the annotations, in order. Of a translation, pass its ``source``'s annotations: each of
    its own takes the id of the source's for the same entity (``(city)``), where the words
    put them in another order."""
    annotations: list[str] = []
    free = {n: _entity(a) for n, a in enumerate(source, 1)}

    def code(found: re.Match[str]) -> str:
        annotations.append(found.group())
        same = [n for n, entity in free.items() if entity == _entity(found.group())]
        number = same[0] if same else len(source) + len(annotations)
        free.pop(number, None)
        return f'<x id="{number}"/>'

    return ANNOTATION.sub(code, text), tuple(annotations)


def _entity(annotation: str) -> str:
    """An annotation's entity as written (``(city)``, ``{"entity": "date"}``)."""
    return annotation[annotation.index("]") + 1 :]


def uncoded(text: str, annotations: Sequence[str]) -> str | None:
    """``text`` (a translation of an example :func:`coded`) with ``annotations`` in place of its
    codes; ``None`` where it does not hold each code once."""
    found = [int(number) for number in _CODE.findall(text)]
    if sorted(found) != list(range(1, len(annotations) + 1)):
        return None
    return _CODE.sub(lambda m: annotations[int(m.group(1)) - 1], text)


@dataclass(frozen=True)
class Examples:
    """An NLU ``examples: |`` block: ``texts``, its example lines' texts as written, and
    ``pieces``, the block around them (one more: before the first, between, after the last)."""

    texts: tuple[str, ...]
    pieces: tuple[str, ...]

    @classmethod
    def of(cls, block: str) -> Examples:
        texts: list[str] = []
        pieces = [""]
        for line in block.splitlines(keepends=True):
            found = _EXAMPLE.fullmatch(line)
            if found is None or not found.group("text").strip():
                pieces[-1] += line  # a blank line, a comment: kept
                continue
            texts.append(found.group("text"))
            pieces[-1] += found.group("lead")
            pieces.append(found.group("tail"))
        return cls(tuple(texts), tuple(pieces))

    def keys(self, name: str) -> list[str]:
        """The catalog keys of the examples of the block ``name``: ``name#0``, ``name#1`` ..."""
        return [f"{name}{FORM}{n}" for n in range(len(self.texts))]

    def sources(self) -> list[str]:
        """Each example :func:`coded`: what is translated."""
        return [coded(text)[0] for text in self.texts]

    def annotations(self) -> int:
        """How many entity annotations the examples hold."""
        return sum(len(ANNOTATION.findall(text)) for text in self.texts)

    def read(self, name: str, block: str) -> dict[str, str]:
        """The examples of ``block``, a translation of the block ``name``, by key, coded; none
        where it has another number of examples (which translates which cannot be told)."""
        theirs = Examples.of(block)
        if len(theirs.texts) != len(self.texts):
            return {}
        texts = [
            coded(text, coded(source)[1])[0]
            for source, text in zip(self.texts, theirs.texts, strict=True)
        ]
        return dict(zip(self.keys(name), texts, strict=True))

    def translation(self, name: str, translations: Mapping[str, str]) -> str | None:
        """The block ``name`` with its examples' ``translations`` (by key), their annotations
        back in place (an example whose translation lost one keeps its source); ``None`` until
        each has one."""
        texts = [translations.get(key) for key in self.keys(name)]
        if any(text is None for text in texts):
            return None
        pieces = [self.pieces[0]]
        for source, text, piece in zip(self.texts, texts, self.pieces[1:], strict=True):
            pieces += [uncoded(str(text), coded(source)[1]) or source, piece]
        return "".join(pieces)


def warn_of_reading(path: Path, blocks: Iterable[Examples]) -> None:
    """Say that ``path`` was read as a Rasa file (what is translated, what copied), and how
    many entity values of its NLU examples (``blocks``) are kept as written."""
    logger.warning(
        "%s: read as %s: only responses' texts, button titles and NLU examples translated; "
        "intents, entities, slots, actions, payloads, stories and rules copied",
        path,
        WHAT,
    )
    values = sum(block.annotations() for block in blocks)
    if values:
        logger.warning(
            "%s: %s kept in English in NLU examples: translate them by hand",
            path,
            counted(values, "entity value"),
        )
