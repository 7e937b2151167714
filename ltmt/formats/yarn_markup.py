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

from ltmt.formats.form_markers import FormMarker, ordinal_form

# a replacement marker: its name, its value, then name="form" attributes, closed by /]
_MARKER = re.compile(
    r'\[(?P<name>plural|select|ordinal)\s+value=(?P<value>\{[^{}\]\s]*\}|[^\s\]"]+)'
    r'(?P<attributes>(?:\s+[\w-]+="[^"\]]*")+)\s*/\]'
)
_ATTRIBUTE = re.compile(r'(?P<name>[\w-]+)="(?P<form>[^"\]]*)"')
# a marker's start as the model or a translator may garble it: [plural, [select, [ordinal
_MARKER_START = re.compile(r"\[(?:plural|select|ordinal)\b")


@dataclass(frozen=True)
class Marker(FormMarker):
    """One replacement marker (:class:`~ltmt.formats.form_markers.FormMarker`): its ``name``
    (``plural``), ``value`` (``{$n}``) and its attributes' ``names`` and ``forms`` (``one``:
    ``coin``)."""

    value: str
    names: tuple[str, ...]

    @property
    def signature(self) -> str:
        """The marker without its forms, as qa compares it: ``[plural value={$n} one= other=/]``."""
        return f"[{self.name} value={self.value} " + " ".join(f"{n}=" for n in self.names) + "/]"

    def _syntax(self, forms: Sequence[str]) -> str:
        # (a quote in a form would end it: the model's "Münzen" is written Münzen)
        attributes = " ".join(
            f'{n}="{f.replace(chr(34), "")}"' for n, f in zip(self.names, forms, strict=True)
        )
        return f"[{self.name} value={self.value} {attributes}/]"


def markers(text: str, tgt_lang: str = "") -> list[Marker]:
    """The replacement markers of ``text``, in order; an ordinal's forms fixed as ``tgt_lang``
    writes them (:data:`~ltmt.formats.form_markers.ORDINAL_FORMS`; none
    without a language)."""
    found = []
    for match in _MARKER.finditer(text):
        attributes = _ATTRIBUTE.findall(match["attributes"])
        names = tuple(name for name, _ in attributes)
        forms = tuple(form for _, form in attributes)
        written = ordinal_form(tgt_lang)
        fixed = (written,) * len(names) if match["name"] == "ordinal" and written else None
        found.append(
            Marker(*match.span(), match["name"], forms, match["value"], names, fixed=fixed)
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
