"""A Fluent pattern as the model sees it, and back: placeables as ``{name}`` placeholders, and a
select expression taken apart into whole sentences.

``Hello, { $name }!`` goes to the model as ``Hello, {name}!`` (a term ``{ -brand-name }`` as
``{brand_name}``, a function ``{ NUMBER($n) }`` as ``{n}``), which the placeholder repair keeps;
the translation's placeholders become the same placeables again. Braces a translation writes as
text, and ``[``, ``*`` or ``.`` starting one of its lines, become string literals (``{ "{" }``),
so that the file stays valid Fluent.

A pattern with one select expression is *expanded*, as ICU messages are
(:mod:`ltmt.formats.icu_messages`): each variant becomes the whole sentence, the text around the
select included, and the translations are assembled into a select around the whole pattern. In
a plural (a select on a number whose keys are CLDR categories or numbers), the count's
placeable is handed to the model as ``%d``, as it translates around a number best, and a
translation gets the target language's categories (number keys kept, ``other`` the default).
An ordinal (``NUMBER($n, type: "ordinal")``) gets the target language's ordinal categories
(German: ``other`` alone), and a count before an English ordinal's ending (``{ $n }th``) goes
to the model as a number of its category (``4th``) and comes back from the target language's
ordinal (``4.``: :func:`ltmt.formats.plurals.ordinal_as_number`). A select on anything else
keeps its keys. Two selects in one pattern, or one inside another, are
:class:`Unsupported`.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from typing import Any

from ltmt.formats.plurals import (
    CATEGORIES,
    categories_with_other,
    field_as_number,
    number_as_field,
    ordinal_as_number,
    ordinal_categories,
)

NUMBER_FIELD = "%d"
# what Fluent reads otherwise at a line's start (indentation, a variant, an attribute), and at
# a pattern's edges (blank lines before it and blanks after it are dropped): written as string
# literals
_LINE_START = re.compile(r"(?m)^([ \t]*)([\[*.]?)")
_EDGE_BLANKS = re.compile(r"\A\n+|[ \t\n]+\Z")
# what a string literal stands for where text cannot: braces, and [ * . at a line's start
_ESCAPED = frozenset("{}[*.")


def _marked(found: re.Match[str]) -> str:
    """A line's leading blanks and special first character, each marked for a literal."""
    return "".join(f"\0{part}\1" for part in found.groups() if part)


def _literal_value(expression: Any) -> str | None:
    """The text a string literal stands for (its escapes read), or None for another
    expression."""
    ast = _ast()
    return expression.parse()["value"] if isinstance(expression, ast.StringLiteral) else None


def _inline_literal(value: str) -> bool:
    """Whether a string literal stands for text a pattern cannot hold there (a brace, a special
    first character, blanks at a line's start or the pattern's end): given to the model as
    that text."""
    return value in _ESCAPED or (bool(value) and not value.strip(" \t\n"))


class Unsupported(ValueError):
    """A pattern this module does not take apart."""


def _ast() -> Any:
    from fluent.syntax import ast

    return ast


def _name_of(expression: Any) -> str:
    """The placeholder name of a placeable's expression (``$name`` → ``name``)."""
    ast = _ast()
    if isinstance(expression, ast.FunctionReference):
        arguments = expression.arguments.positional
        inner = next((a for a in arguments if isinstance(a, ast.VariableReference)), None)
        return _name_of(inner) if inner is not None else expression.id.name.lower()
    identifier = getattr(expression, "id", None)
    name = identifier.name if identifier is not None else "value"
    attribute = getattr(expression, "attribute", None)
    if attribute is not None:
        name = f"{name}.{attribute.name}"
    return re.sub(r"[^\w.]", "_", name)


def _is_count(expression: Any, selector: Any) -> bool:
    """Whether ``expression`` is the plural's number: its variable, or a function of it."""
    ast = _ast()
    if isinstance(selector, ast.FunctionReference):
        selector = next(iter(selector.arguments.positional), None)
    if isinstance(expression, ast.FunctionReference):
        expression = next(iter(expression.arguments.positional), None)
    return (
        isinstance(selector, ast.VariableReference)
        and isinstance(expression, ast.VariableReference)
        and expression.id.name == selector.id.name
    )


@dataclass
class Slots:
    """The placeables of one pattern by the placeholder that stands for each."""

    nodes: dict[str, Any] = field(default_factory=dict)
    count: Any = None  # the plural's selector, whose placeable is NUMBER_FIELD

    def text(self, elements: list[Any]) -> str:
        """The elements as the model sees them; a nested select is :class:`Unsupported`."""
        ast = _ast()
        from fluent.syntax.serializer import serialize_expression

        out = []
        for element in elements:
            if isinstance(element, ast.TextElement):
                out.append(element.value)
                continue
            expression = element.expression
            if isinstance(expression, ast.SelectExpression):
                raise Unsupported("a select inside a select")
            literal = _literal_value(expression)
            if literal is not None and _inline_literal(literal):
                out.append(literal)  # a character text cannot hold there: text
                continue
            if self.count is not None and _is_count(expression, self.count):
                out.append(NUMBER_FIELD)
                self.nodes.setdefault(NUMBER_FIELD, element)
                continue
            written = serialize_expression(expression)
            name = _name_of(expression)
            token = "{" + name + "}"
            suffix = 1
            while token in self.nodes and serialize_expression(self.nodes[token].expression) != (
                written
            ):
                suffix += 1
                token = "{" + f"{name}{suffix}" + "}"
            self.nodes.setdefault(token, element)
            out.append(token)
        return "".join(out)

    def written(self) -> dict[str, str]:
        """Each placeholder's placeable as the file writes it (``{brand_name}`` →
        ``{ -brand-name }``, ``%d`` → ``{ $count }``), for messages that name them."""
        from fluent.syntax.serializer import serialize_expression

        return {
            token: "{ " + serialize_expression(node.expression) + " }"
            for token, node in self.nodes.items()
        }

    def elements(self, text: str) -> list[Any]:
        """A translation of :meth:`text`'s output as pattern elements: its placeholders the
        placeables again, braces and line-start ``[``, ``*``, ``.`` as string literals."""
        ast = _ast()
        names = [re.escape(token) for token in self.nodes]
        special = "|".join([*names, r"[{}]", "\0[^\0\1]*\1"])
        text = _LINE_START.sub(_marked, text)
        text = _EDGE_BLANKS.sub(lambda m: f"\0{m.group()}\1", text)
        pieces = re.split(f"({special})", text)
        out: list[Any] = []
        for piece in pieces:
            if not piece:
                continue
            if piece in self.nodes:
                out.append(copy.deepcopy(self.nodes[piece]))
            elif piece in ("{", "}") or piece.startswith("\0"):
                value = piece.strip("\0\1").replace("\\", "\\\\").replace("\n", "\\u000A")
                out.append(ast.Placeable(ast.StringLiteral(value)))
            elif out and isinstance(out[-1], ast.TextElement):
                out[-1].value += piece
            else:
                out.append(ast.TextElement(piece))
        return out


@dataclass(frozen=True)
class Expansion:
    """One pattern to translate: ``kind`` ``plain`` (``cases`` has the one key ``""``),
    ``plural`` or ``select``; ``cases``: each case's text for the model; ``select``: the select
    expression taken apart (None when plain); ``default``: its default variant's key;
    ``numbers``: an ordinal's cases whose count goes to the model as a number, that number."""

    kind: str
    cases: dict[str, str]
    slots: Slots
    select: Any = None
    default: str = ""
    numbers: dict[str, str] = field(default_factory=dict)

    def as_read(self, case: str, text: str) -> str:
        """A translation of ``case`` read back from a file (its count as ``%d``), written as the
        case's text is: an ordinal's count as the case's number (``Du bist 4. geworden``)."""
        return field_as_number(text, NUMBER_FIELD, self.numbers.get(case, ""))


def variant_key(variant: Any) -> str:
    key = variant.key
    return key.name if hasattr(key, "name") else str(key.value)


def _is_plural(select: Any) -> bool:
    ast = _ast()
    selector = select.selector
    counted = isinstance(selector, ast.VariableReference) or (
        isinstance(selector, ast.FunctionReference) and selector.id.name == "NUMBER"
    )
    keys = [variant_key(v) for v in select.variants]
    named = [k for k in keys if not _is_number(k)]
    return counted and bool(named) and all(k in CATEGORIES for k in named)


def _is_ordinal(select: Any) -> bool:
    """Whether ``select`` is on ``NUMBER(..., type: "ordinal")``."""
    ast = _ast()
    selector = select.selector
    if not (isinstance(selector, ast.FunctionReference) and selector.id.name == "NUMBER"):
        return False
    return any(
        argument.name.name == "type" and _literal_value(argument.value) == "ordinal"
        for argument in selector.arguments.named
    )


def _is_number(key: str) -> bool:
    return re.fullmatch(r"-?\d+(?:\.\d+)?", key) is not None


def expand(pattern: Any, tgt_lang: str | None = None) -> Expansion:
    """``pattern`` to translate (module docstring). ``tgt_lang``: a plural's cases are the
    target language's (None: as the pattern has them, to read a translation)."""
    elements = list(pattern.elements)
    selects = _select_positions(elements)
    if not selects:
        slots = Slots()
        return Expansion("plain", {"": slots.text(elements)}, slots)
    if len(selects) > 1:
        raise Unsupported("two selects in one pattern")
    where = selects[0]
    select = elements[where].expression
    plural = _is_plural(select)
    slots = Slots(count=select.selector if plural else None)
    before, after = elements[:where], elements[where + 1 :]
    by_key = {variant_key(v): v for v in select.variants}
    default = next(variant_key(v) for v in select.variants if v.default)
    texts = {key: slots.text(before + list(v.value.elements) + after) for key, v in by_key.items()}
    keys: tuple[str, ...] = tuple(by_key)
    ordinal = plural and _is_ordinal(select)
    if plural and tgt_lang is not None:
        categories = ordinal_categories(tgt_lang) if ordinal else categories_with_other(tgt_lang)
        if categories is not None:  # else (a language CLDR lacks): an ordinal's keys as written
            keys = tuple(k for k in by_key if _is_number(k)) + categories
            default = "other"
    fallback = "other" if "other" in texts else default
    sources = {key: key if key in texts else fallback for key in keys}
    cases = {key: texts[source] for key, source in sources.items()}
    numbers: dict[str, str] = {}
    if ordinal:  # ``{ $n }th`` → ``4th``
        for key, source in sources.items():
            cases[key], numbers[key] = ordinal_as_number(cases[key], NUMBER_FIELD, source)
    kind = "plural" if plural else "select"
    return Expansion(kind, cases, slots, select, default, {k: n for k, n in numbers.items() if n})


def assemble(expansion: Expansion, texts: dict[str, str]) -> Any:
    """The pattern of the translated ``texts`` (one per case of ``expansion``)."""
    ast = _ast()
    if expansion.select is None:
        return ast.Pattern(expansion.slots.elements(texts[""]))
    variants = []
    for key, text in texts.items():
        name = ast.NumberLiteral(key) if _is_number(key) else ast.Identifier(key)
        text = number_as_field(text, expansion.numbers.get(key, ""), NUMBER_FIELD)
        value = ast.Pattern(expansion.slots.elements(text))
        variants.append(ast.Variant(name, value, default=key == expansion.default))
    selector = copy.deepcopy(expansion.select.selector)
    return ast.Pattern([ast.Placeable(ast.SelectExpression(selector, variants))])


def plain_text(pattern: Any) -> str:
    """The text of a pattern's text elements (placeables left out)."""
    ast = _ast()
    return "".join(e.value for e in pattern.elements if isinstance(e, ast.TextElement))


def variant_texts(pattern: Any) -> list[str]:
    """What a pattern can show, its placeables left out: its text, or with a select each
    variant's sentence, the default variant's first (what an access key is chosen from)."""
    return list(texts_by_variant(pattern).values())


def texts_by_variant(pattern: Any) -> dict[str, str]:
    """:func:`variant_texts` by variant key (``""`` for a pattern without a select)."""
    ast = _ast()
    elements = list(pattern.elements)
    where, select = select_of(pattern)
    if select is None:
        return {"": plain_text(pattern)}
    before = plain_text(ast.Pattern(elements[:where]))
    after = plain_text(ast.Pattern(elements[where + 1 :]))
    variants = sorted(select.variants, key=lambda v: not v.default)
    return {variant_key(v): before + plain_text(v.value) + after for v in variants}


def select_of(pattern: Any) -> tuple[int, Any]:
    """``(index, select expression)`` of a pattern's first select, or ``(-1, None)``."""
    found = _select_positions(pattern.elements)
    return (found[0], pattern.elements[found[0]].expression) if found else (-1, None)


def _select_positions(elements: list[Any]) -> list[int]:
    """Where a pattern's elements are a select (a placeable of a select expression)."""
    ast = _ast()
    return [
        where
        for where, element in enumerate(elements)
        if isinstance(element, ast.Placeable)
        and isinstance(element.expression, ast.SelectExpression)
    ]
