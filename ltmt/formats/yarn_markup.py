"""Yarn Spinner's replacement markers: ``[plural value={$n} one="coin" other="coins"/]``,
``[select value={$gender} m="He" f="She" nb="They"/]``, ``[ordinal value={$place} one="%st"
two="%nd" few="%rd" other="%th"/]``.

The model got such a marker as words and translated its attribute names (``[plural
value={$n} eine andere=»coins«/]``). Now each is a form-by-form expression of
:mod:`ltmt.formats.smart_format` (:func:`expressions`): the marker is kept whole as a code, its
name, value and attribute names as written, and only its quoted forms are translated, each
alone. German's plural categories are English's (one, other), so a plural keeps its
attributes; a select's keys are its own. German writes every ordinal with a full stop
(``3.``), so an ordinal's forms are all ``%.``, not sent to the model, its attributes kept (Yarn
picks ``other`` for German). qa's placeholders check reports a marker the translation lacks,
renamed (``Wert=``) or garbled (:func:`marker_problems`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ltmt.formats.common import primary_language

# a replacement marker: its name, its value, then name="form" attributes, closed by /]
_MARKER = re.compile(
    r'\[(?P<name>plural|select|ordinal)\s+value=(?P<value>\{[^{}\]\s]*\}|[^\s\]"]+)'
    r'(?P<attributes>(?:\s+[\w-]+="[^"\]]*")+)\s*/\]'
)
_ATTRIBUTE = re.compile(r'(?P<name>[\w-]+)="(?P<form>[^"\]]*)"')
# a marker's start as the model or a translator may garble it: [plural, [select, [ordinal
_MARKER_START = re.compile(r"\[(?:plural|select|ordinal)\b")
# every ordinal form, by the target language: German writes 3. for third (first, second alike)
ORDINAL_FORMS = {"de": "%."}


@dataclass(frozen=True)
class Marker:
    """One replacement marker: ``text[start:end]``, its ``name`` (``plural``), ``value``
    (``{$n}``) and its attributes' ``names`` and ``forms`` (``one``: ``coin``)."""

    start: int
    end: int
    name: str
    value: str
    names: tuple[str, ...]
    forms: tuple[str, ...]
    fixed: tuple[str, ...] | None = None  # its forms in the target language, not translated

    @property
    def field(self) -> str:
        """The marker as a field in the sentence the model gets (``{plural}``)."""
        return "{" + self.name + "}"

    @property
    def to_translate(self) -> tuple[str, ...]:
        """The forms the model translates, each alone: none where they are :attr:`fixed`."""
        return () if self.fixed is not None else self.forms

    @property
    def signature(self) -> str:
        """The marker without its forms, as qa compares it: ``[plural value={$n} one= other=/]``."""
        return f"[{self.name} value={self.value} " + " ".join(f"{n}=" for n in self.names) + "/]"

    def written(self, forms: Sequence[str]) -> str:
        """The marker with ``forms`` (one per attribute; its :attr:`fixed` ones where it has
        them) in place of its own."""
        forms = self.fixed if self.fixed is not None else forms
        if len(forms) != len(self.names):
            raise ValueError(f"{len(forms)} forms for {len(self.names)}")
        # (a quote in a form would end it: the model's "Münzen" is written Münzen)
        attributes = " ".join(
            f'{n}="{f.replace(chr(34), "")}"' for n, f in zip(self.names, forms, strict=True)
        )
        return f"[{self.name} value={self.value} {attributes}/]"


def markers(text: str, tgt_lang: str = "") -> list[Marker]:
    """The replacement markers of ``text``, in order; an ordinal's forms fixed as ``tgt_lang``
    writes them (:data:`ORDINAL_FORMS`; none without a language)."""
    found = []
    for match in _MARKER.finditer(text):
        attributes = _ATTRIBUTE.findall(match["attributes"])
        names = tuple(name for name, _ in attributes)
        forms = tuple(form for _, form in attributes)
        written = ORDINAL_FORMS.get(primary_language(tgt_lang)) if tgt_lang else None
        fixed = (written,) * len(names) if match["name"] == "ordinal" and written else None
        found.append(
            Marker(match.start(), match.end(), match["name"], match["value"], names, forms, fixed)
        )
    return found


def marker_problems(source: str, target: str) -> list[str]:
    """Each marker of ``source`` that ``target`` lacks as written but its forms (renamed,
    ``Wert=``; dropped; garbled): ``lacks the Yarn marker [plural value={$n} one= other=/] ...``."""
    wanted = [marker.signature for marker in markers(source)]
    if not wanted and not _MARKER_START.search(source):
        return []
    have = [marker.signature for marker in markers(target)]
    problems = []
    for signature in dict.fromkeys(wanted):
        if have.count(signature) < wanted.count(signature):
            problems.append(
                f"lacks the Yarn marker {signature} (its forms aside): keep its name, value "
                'and attribute names as the source has them, each form quoted with "'
            )
    return problems


def form_spans(text: str) -> list[tuple[int, int]]:
    """Where the quoted forms of ``text``'s markers are (``coin`` in ``one="coin"``): words,
    not placeholders (``%st``, Yarn's value and an ordinal suffix, is no printf conversion)."""
    return [
        (at + form.start("form"), at + form.end("form"))
        for match in _MARKER.finditer(text)
        for at in (match.start("attributes"),)
        for form in _ATTRIBUTE.finditer(match["attributes"])
    ]
