"""Whether a translation lost every word of its source (``Hi %{first_name},`` →
``%{first_name},``): it keeps only placeholders or punctuation.

``ltmt qa``'s ``wordless`` check and translate's summary ("N lost every word of their source")
both ask :func:`lost_every_word`. A sign that stands for a word is not lost words: ``%{p} %``
for ``%{p} percent``, a minus sign for ``minus``, a multiplication sign for ``times``,
``%{n}/%{total}`` for ``Step %{n} of %{total}``; nor is a source whose only words are function
words (``%d of %d`` → ``%d/%d``: :func:`has_content_words`).

Nearly as bad, and as silent: a translation that writes side by side two fields its source
keeps apart by words (:func:`words_lost_between`): the default model's ``{{.Count}}
{{.Total}}-Dateien`` for go-i18n's ``Downloaded {{.Count}} of {{.Total}} files`` lost
"Downloaded" and "of" (session 66; ``%d of %d`` came out right).

And a translation that ends (or starts) with a bare ``&`` where its source has the sign between
words (:func:`ampersand_left_alone`): ``Versand &`` for ``Shipping & Handling``, ``Bedingungen
&`` for ``Terms & Conditions`` lost the words on its other side (a Magento trial, session 71).
An HTML-escaped string's ``&amp;`` (``&#38;``) is read as the ``&`` it stands for: ``&amp;
Bedingungen`` for ``Terms &amp; Conditions`` lost "Terms" as well (a WordPress trial, session
76).

And a field a translation writes after its last sentence, where its source has words after it
(:func:`field_after_the_end`): the placeholder repair puts a field the model dropped at the
end when it cannot tell where it goes, and ``Don't miss {name}'s new list.`` came out as
``Keine neue Liste verpassen. {name}``, counted as repaired (a Flutter trial, session 77).
"""

from __future__ import annotations

import re
import unicodedata
from itertools import pairwise

from ltmt.formats.placeholder_syntax import (
    Placeholder,
    find_placeholders,
    has_words,
    without_placeholders,
)
from ltmt.terminology.function_words import has_content_words

# math, currency and other symbols (minus, times, division, euro, degree signs); and the
# punctuation by Unicode that is read as a word: percent, per mille, slash ("per"),
# ampersand, at, number and section signs
_SYMBOLS = frozenset({"Sm", "Sc", "So"})
_WORD_SIGNS = frozenset("%‰‱/&@#§")
# an ampersand between words (``Shipping & Handling``, ``R&D``)
_AMPERSAND_BETWEEN = re.compile(r"\w[ \t]*&[ \t]*\w")
# a bare ampersand at a text's end or start (``Versand &``, ``& Versand``), not an accelerator
# (``&Open``) nor a reference (``&amp;``)
_AMPERSAND_AT_END = re.compile(r"(?:^|\s)&\s*$")
_AMPERSAND_AT_START = re.compile(r"^\s*&(?:\s|$)")
# a reference to an ampersand (not one that spells a reference as text: ``&amp;copy;``)
_AMPERSAND_REFERENCE = re.compile(r"&(?:amp|#0*38|#[xX]0*26);(?![A-Za-z#][A-Za-z0-9]*;)")
# markup, which stands beside a field with no word between as often as not (``<b>%s</b>``)
_MARKUP = frozenset({"tag", "entity", "escape"})


def writes_a_sign(text: str) -> bool:
    """Whether ``text`` has a sign that stands for a word outside its placeholders (a printf
    ``%%`` is a percent sign)."""
    if any(placeholder.text == "%%" for placeholder in find_placeholders(text)):
        return True
    return any(
        char in _WORD_SIGNS or unicodedata.category(char) in _SYMBOLS
        for char in without_placeholders(text)
    )


def lost_every_word(source: str, target: str) -> bool:
    """Whether ``target`` keeps none of ``source``'s words: no letter nor sign outside its
    placeholders, where ``source`` has a word that is no function word (module docstring); a
    source of no letter (a table cell's ``②``, ``½``) has no word to lose."""
    if not target.strip() or has_words(target) or writes_a_sign(target):
        return False
    return has_words(source) and has_content_words(source)


def words_lost_between(source: str, target: str) -> list[tuple[str, str]]:
    """The pairs of fields that ``target`` writes side by side, nothing but spaces between,
    where ``source`` has words between them (``{{.Count}} {{.Total}}`` for ``{{.Count}} of
    {{.Total}}``): the words were lost (module docstring)."""
    apart = {
        (first.text, second.text)
        for first, second in _neighbours(source)
        if any(char.isalpha() for char in source[first.end : second.start])
    }
    return [
        (first.text, second.text)
        for first, second in _neighbours(target)
        if not target[first.end : second.start].strip() and (first.text, second.text) in apart
    ]


def _neighbours(text: str) -> list[tuple[Placeholder, Placeholder]]:
    """Each field of ``text`` with the next one (markup left out)."""
    fields = [p for p in find_placeholders(text) if p.kind not in _MARKUP]
    return list(pairwise(fields))


def ampersand_left_alone(source: str, target: str) -> str | None:
    """``"ends"`` or ``"starts"`` where ``target`` ends or starts with a bare ``&`` (outside its
    placeholders) and ``source`` writes one between words (module docstring): the words on its
    other side were lost; None otherwise. A reference to an ampersand (``&amp;``) is read as
    the ``&`` it stands for."""
    if not _AMPERSAND_BETWEEN.search(without_placeholders(_ampersands_read(source))):
        return None
    plain = without_placeholders(_ampersands_read(target)).strip()
    if _AMPERSAND_AT_END.search(plain):
        return "ends"
    return "starts" if _AMPERSAND_AT_START.search(plain) else None


def _ampersands_read(text: str) -> str:
    """``text`` with each reference to an ampersand (``&amp;``, ``&#38;``) as a bare ``&``."""
    return _AMPERSAND_REFERENCE.sub("&", text) if "&" in text else text


# a sentence's end and the blanks after it, before a field that ends the text
_SENTENCE_END = re.compile(r"[.!?…]\s+$")


def field_after_the_end(source: str, target: str) -> str | None:
    """The field ``target`` ends with after its last sentence's end (``… verpassen. {name}``)
    where every one of ``source``'s fields of that text has words after it (module
    docstring); None otherwise."""
    found = [p for p in find_placeholders(target) if p.kind not in _MARKUP]
    if not found or target[found[-1].end :].strip():
        return None
    last = found[-1]
    if not _SENTENCE_END.search(target, 0, last.start):
        return None
    alike = [p for p in find_placeholders(source) if p.text == last.text]
    words_after = [any(char.isalpha() for char in source[p.end :]) for p in alike]
    return last.text if alike and all(words_after) else None
