"""SmartFormat's plurals, choices and conditionals (Unity's Localization package): ``You have
{lives:plural:one life|{} lives} left.``, ``{gender:choose(m|f):He|She} found a key.``,
``{hp:cond:>50?You look healthy.|You are hurt.}``

The model got such a text whole and broke it: ``Sie haben {lives:one Leben|{} Leben| Leben}
links.`` (the formatter's name lost, a form added), ``{count:plural:one Objekt|{} Objekte}``
(the sentence's final ``.`` lost, ``one`` left English), and a choice was one placeholder, its
forms left English. So a text with such an expression (:func:`expressions`) is translated in
pieces: the sentence with each expression as a field of its selector (``You have {lives}
left.``: the model keeps a field where it belongs), and each form alone, its nested count
field (``{}``) handed to the model as a number (``2 lives`` → ``2 Leben``; as ``{} lives``
the default model wrote ``{}-Getzt``). The expression is then written back in the sentence's
translation with the translated forms: its head (``{lives:plural:``), the ``|`` between the
forms, their nested fields and the closing ``}`` as the source has them, and the source's
number of forms (SmartFormat picks a plural's form by the target language's rule: German's
two are English's). A conditional form's condition (``>50?``, ``>=18&<65?``) is kept as
written, and only its words are translated (a conditional was one placeholder, its English
shipped). Where the sentence has its selector's field too (``{count}
{count:plural:gem|gems}``), the expression goes to the model as another free field
(``{count_2}``), not left in English. :func:`translated_by_forms` does this for
:meth:`ltmt.translator.Translator.translate`, so plain text, CSV cells and every other format
get it; a text whose whole has a 100 % memory match is reused as stored (that match itself:
handed to the translator whole, it would come back here to be split again, endlessly).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from ltmt.formats.form_markers import FormMarker
from ltmt.formats.placeholder_syntax import SMARTFORMAT_HEAD, find_placeholders
from ltmt.formats.placeholders import protect, restore
from ltmt.formats.plurals import PLURAL, field_as_number, number_as_field
from ltmt.formats.unreal_modifiers import modifiers
from ltmt.formats.yarn_markup import markers
from ltmt.segments import Translation

_HEAD = re.compile(SMARTFORMAT_HEAD)
# a conditional form's condition, as SmartFormat's ConditionalFormatter reads it (``>50?``,
# ``>=18&<65?``, ``=0/=1?``): each comparison starts with its operator, which no value has,
# so the match is linear
_CONDITION = re.compile(r"(?:[&/]?[<>=!]=?[0-9.-]+)+\?")
_CONDITIONAL = frozenset({"cond", "conditional"})

# (texts, preferences) -> one translation per text
TranslateFn = Callable[[list[str], list[dict[str, Any]]], Sequence[Translation]]
# (texts, preferences) -> each text's 100 % memory match as reused, or None
ExactFn = Callable[[list[str], list[dict[str, Any]]], Sequence["Translation | None"]]


@dataclass(frozen=True)
class Expression:
    """One SmartFormat expression of a text: ``text[start:end]`` is ``head`` (``{lives:plural:``),
    its ``forms`` parted by ``|``, and ``}``."""

    start: int
    end: int
    head: str
    forms: tuple[str, ...]

    @property
    def conditions(self) -> tuple[str, ...]:
        """Each form's condition (``>50?``), kept as written; ``""`` for a form without one and
        for every form of a plural or choice."""
        if self.head[1:-1].split(":")[-1] not in _CONDITIONAL:
            return ("",) * len(self.forms)
        return tuple(m.group() if (m := _CONDITION.match(f)) else "" for f in self.forms)

    @property
    def to_translate(self) -> tuple[str, ...]:
        """The forms the model translates, each alone: all of them, without their
        :attr:`conditions`."""
        return tuple(f[len(c) :] for f, c in zip(self.forms, self.conditions, strict=True))

    @property
    def field(self) -> str:
        """The expression as a plain field of its selector (``{lives}``), as the sentence goes
        to the model."""
        return "{" + self.head[1:].split(":", 1)[0] + "}"

    def written(self, forms: Sequence[str]) -> str:
        """The expression with ``forms`` (one per source form, each after its condition) in
        place of its own."""
        if len(forms) != len(self.forms):
            raise ValueError(f"{len(forms)} forms for {len(self.forms)}")
        return self.head + "|".join(map("".join, zip(self.conditions, forms))) + "}"


def expressions(text: str) -> list[Expression]:
    """The SmartFormat plural and choice expressions of ``text``, in order (none nested in
    another's form); one whose braces do not close, or with a form holding a ``|`` of a nested
    field, is none."""
    found: list[Expression] = []
    at = 0
    while (head := _HEAD.search(text, at)) is not None:
        parts, end = _forms(text, head.end())
        if parts is None:
            at = head.end()
            continue
        found.append(Expression(head.start(), end, head.group(), tuple(parts)))
        at = end
    return found


def is_smart_string(text: str) -> bool:
    """Whether ``text`` has a SmartFormat plural, choice or conditional's head
    (``{lives:plural:``), whose forms and braces SmartFormat parses."""
    return _HEAD.search(text) is not None


def _forms(text: str, start: int) -> tuple[list[str] | None, int]:
    """The forms that start at ``start`` up to the ``}`` that closes them, and where it ends."""
    depth, cut, parts = 0, start, []
    for at in range(start, len(text)):
        char = text[at]
        if char == "{":
            depth += 1
        elif char == "}" and depth:
            depth -= 1
        elif char == "}":
            parts.append(text[cut:at])
            return parts, at + 1
        elif char == "|" and not depth:
            parts.append(text[cut:at])
            cut = at + 1
    return None, len(text)


def _by_forms(text: str, tgt_lang: str) -> list[Expression | FormMarker]:
    """The SmartFormat expressions of ``text``, its Yarn Spinner replacement markers
    (:mod:`ltmt.formats.yarn_markup`) and its Unreal argument modifiers
    (:mod:`ltmt.formats.unreal_modifiers`), an ordinal's forms fixed in ``tgt_lang``, in order."""
    found: list[Expression | FormMarker] = [
        *expressions(text),
        *markers(text, tgt_lang),
        *modifiers(text, tgt_lang),
    ]
    return sorted(found, key=lambda expression: expression.start)


def expression_fields(text: str, found: Sequence[Expression | FormMarker]) -> list[str]:
    """Each of ``found``'s field in the sentence the model gets: its own
    (:attr:`Expression.field`), or, where the rest of ``text`` or an earlier one of ``found``
    has that (``{count} {count:plural:gem|gems}``: two ``{count}`` could not be told apart in
    the translation), the first of ``{count_2}``, ``{count_3}``, ... that neither has."""
    at, parts = 0, []
    for expression in found:
        parts.append(text[at : expression.start])
        at = expression.end
    outside = "\n".join([*parts, text[at:]])
    chosen: list[str] = []
    for expression in found:
        field, number = expression.field, 1
        while field in outside or field in chosen:
            number += 1
            field = f"{expression.field[:-1]}_{number}}}"
        chosen.append(field)
    return chosen


def skeleton(text: str, found: Sequence[Expression | FormMarker]) -> str | None:
    """``text`` with each of ``found`` as its field (:func:`expression_fields`); ``None`` where
    a field would not be there once (one joined to the text beside it), which could not be
    told apart in the translation."""
    pieces, at = [], 0
    named = expression_fields(text, found)
    for expression, field in zip(found, named, strict=True):
        pieces += [text[at : expression.start], field]
        at = expression.end
    written = "".join(pieces) + text[at:]
    if any(written.count(f) != 1 for f in named):
        return None
    return written


def _hinted(form: str) -> tuple[str, str]:
    """``form`` as the model gets it, its one count field (``{}``, ``{0}``) as a number, and
    that field (``""`` for a form without one)."""
    fields = [p.text for p in find_placeholders(form) if p.kind == "brace"]
    if len(fields) != 1 or form.count(fields[0]) != 1 or PLURAL in form:
        return form, ""
    return field_as_number(form, fields[0], PLURAL), fields[0]


def _unhinted(form: str, output: str, field: str) -> str:
    """A form's translation with its number as ``field`` again; where the model lost the
    number, the field put back where ``form`` has it
    (:func:`~ltmt.formats.placeholders.restore`)."""
    if not field:
        return output
    text = number_as_field(output, PLURAL, field)
    return text if field in text else restore(protect(form), text).text


def translated_by_forms(
    texts: Sequence[str],
    prefer: Sequence[dict[str, Any]],
    translate: TranslateFn,
    exact: ExactFn | None = None,
    tgt_lang: str = "",
) -> list[Translation] | None:
    """The translations of ``texts`` (module docstring), those with SmartFormat expressions
    translated in pieces by ``translate`` along with the others in one call, each piece with
    its text's ``prefer``; ``None`` where no text has one (the caller translates them as they
    are). ``exact``: the 100 % memory matches, each the translation of its text as it comes
    (never handed to ``translate``, whose translator would split the text again); Yarn
    Spinner's markers and Unreal's argument modifiers alike (an ordinal's forms as ``tgt_lang``
    writes them)."""
    found = [_by_forms(text, tgt_lang) for text in texts]
    skeletons = {i: skeleton(texts[i], f) for i, f in enumerate(found) if f}
    chosen = [i for i, written in skeletons.items() if written is not None]
    if not chosen:
        return None
    reused = _exact_matches(chosen, texts, prefer, exact)
    split = {i for i in chosen if i not in reused}
    pieces: list[str] = []
    owners: list[int] = []
    fields: list[str] = []
    for i, text in enumerate(texts):
        if i in reused:
            continue
        if i not in split:
            pieces.append(text)
            owners.append(i)
            fields.append("")
            continue
        pieces.append(str(skeletons[i]))  # chosen: not None
        owners.append(i)
        fields.append("")
        for expression in found[i]:
            for form in expression.to_translate:
                hinted, field = _hinted(form)
                pieces.append(hinted)
                owners.append(i)
                fields.append(field)
    done = list(translate(pieces, [prefer[i] for i in owners])) if pieces else []
    if len(done) != len(pieces):
        raise ValueError(f"translate returned {len(done)} outputs for {len(pieces)} inputs")
    results: list[Translation] = []
    at = 0
    for i, text in enumerate(texts):
        if i in reused:
            results.append(reused[i])
            continue
        if i not in split:
            results.append(done[at])
            at += 1
            continue
        sentence, at = done[at], at + 1
        written = sentence.text
        fitted = sentence.fitted
        for expression, field in zip(found[i], expression_fields(text, found[i]), strict=True):
            count = len(expression.to_translate)
            forms = done[at : at + count]
            translated = [
                _form_text(form, t.text, fields[at + n])
                for n, (form, t) in enumerate(zip(expression.to_translate, forms, strict=True))
            ]
            fitted = fitted or any(t.fitted for t in forms)
            at += count
            written = _placed(written, expression, field, translated)
        results.append(replace(sentence, source=text, text=written, fitted=fitted))
    return results


def _exact_matches(
    chosen: list[int],
    texts: Sequence[str],
    prefer: Sequence[dict[str, Any]],
    exact: ExactFn | None,
) -> dict[int, Translation]:
    """The 100 % memory matches ``exact`` finds for the texts of ``chosen`` (indexes of
    ``texts``), by index; none without ``exact``."""
    if exact is None:
        return {}
    found = list(exact([texts[i] for i in chosen], [prefer[i] for i in chosen]))
    if len(found) != len(chosen):
        raise ValueError(f"exact returned {len(found)} outputs for {len(chosen)} inputs")
    return {i: hit for i, hit in zip(chosen, found, strict=True) if hit is not None}


def _form_text(form: str, output: str, field: str) -> str:
    """A form's translation with its count field back and the source form's edge spaces
    (``| {} lives`` keeps its space); the source form where the translation is empty or has a
    ``|`` or brace the form lacks, which would part or close the expression elsewhere."""
    core = _unhinted(form, output, field).strip()
    if not core or any(core.count(sign) > form.count(sign) for sign in "|{}"):
        core = form.strip()
    lead = form[: len(form) - len(form.lstrip())]
    trail = form[len(form.rstrip()) :]
    return lead + core + trail


def _placed(
    sentence: str, expression: Expression | FormMarker, field: str, forms: Sequence[str]
) -> str:
    """``sentence`` (a skeleton's translation) with ``expression``'s ``field`` written as the
    expression with ``forms``; at the sentence's end where the model lost the field."""
    whole = expression.written(forms)
    if sentence.count(field) == 1:
        return sentence.replace(field, whole)
    return f"{sentence.rstrip()} {whole}".strip()
