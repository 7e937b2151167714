"""A pair of tags whose words a translation cut down to one.

A link's text is put back around the words of the sentence's translation that match its own
translation best (:func:`ltmt.formats.paired_tags.place_pairs`). Where the sentence's
translation lost most of those words (a fused decode that dropped ``aktualisieren ...
Rechnungsinformationen``), the best match was one word of them:
``See also: <a href="...">How to update your billing information</a>`` came out ``Weiterhin:
Wie Sie <a href="...">Ihre</a>`` (the Zendesk trial, s76), a link that no longer says where it
goes, and no check said so. :func:`shrunk_pairs` finds such a pair: one around
:data:`MIN_SOURCE_WORDS` words or more in the source and around one word in the translation
(a German compound says three English words in one at times: ``user account settings`` is
``Benutzerkontoeinstellungen``, four seldom). ``ltmt qa`` says so, and ``ltmt translate``
translates such a sentence again with the pair as a placeholder, which comes back as its tags
around its own translation (:func:`translated_in_place`), where that translation is of two
words or more: ``Siehe auch: <a href="...">So aktualisieren Sie Ihre
Rechnungsinformationen</a>``. That second translation is kept only where no pair of it shrank.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from typing import NamedTuple

from ltmt.formats.paired_tags import Pair, PairedText
from ltmt.formats.placeholder_syntax import find_placeholders, tag_parts, without_placeholders

# the fewest words of a pair's source text that one word of its translation cannot say
MIN_SOURCE_WORDS = 4
_WORD = re.compile(r"[^\W_]+")


class ShrunkPair(NamedTuple):
    """A pair's tags (the translation's), and the text between them in the source and the
    translation."""

    opening: str
    closing: str
    source: str
    target: str


def shrunk_pairs(source: str, target: str) -> list[ShrunkPair]:
    """The pairs of tags of ``target`` around one word where the same pair in ``source`` is
    around :data:`MIN_SOURCE_WORDS` words or more. The same pair: the one of the same opening
    tag, each time it stands there in order; where the translation changed its attributes (a
    link localised: ``/hc/en-us/`` to ``/hc/de/``), the one of the same element, in order. None
    where the two do not have the same pairs as often (the placeholder check's)."""
    source_pairs, target_pairs = pair_texts(source), pair_texts(target)
    by_tags = {tags for tags in target_pairs if tags[0] in {opening for opening, _ in source_pairs}}
    compared = [(tags[1], target_pairs[tags], source_pairs.get(tags, [])) for tags in by_tags] + [
        (
            closing,
            _of_element(target_pairs, closing, by_tags),
            _of_element(source_pairs, closing, by_tags),
        )
        for closing in {tags[1] for tags in target_pairs if tags not in by_tags}
    ]
    return [
        ShrunkPair(opening, closing, said, written)
        for closing, written_pairs, said_pairs in compared
        if len(written_pairs) == len(said_pairs)
        for (opening, written), (_, said) in zip(written_pairs, said_pairs, strict=True)
        if word_count(written) == 1 and word_count(said) >= MIN_SOURCE_WORDS
    ]


def pair_texts(text: str) -> dict[tuple[str, str], list[tuple[str, str]]]:
    """Each pair of tags of ``text`` (its opening and closing tag), and its opening tag and
    the text between its tags each time it stands there, in order; empty where its tags do not
    nest."""
    found: dict[tuple[str, str], list[tuple[str, str]]] = {}
    opened: list[tuple[str, str, int]] = []  # (element, opening tag, where its text starts)
    for placeholder in find_placeholders(text):
        parts = tag_parts(placeholder.text) if placeholder.kind == "tag" else None
        if parts is None or parts.self_closing:
            continue
        if not parts.closing:
            opened.append((parts.element, placeholder.text, placeholder.end))
            continue
        if not opened or opened[-1][0] != parts.element:
            return {}
        _, opening, start = opened.pop()
        inner = text[start : placeholder.start]
        found.setdefault((opening, placeholder.text), []).append((opening, inner))
    return found


def _of_element(
    pairs: dict[tuple[str, str], list[tuple[str, str]]],
    closing: str,
    leave_out: set[tuple[str, str]],
) -> list[tuple[str, str]]:
    """The pairs of ``pairs`` that ``closing`` ends but those of ``leave_out``, in order of
    their place (the order of their first opening tags and each one's occurrences)."""
    return [
        pair
        for tags, occurrences in pairs.items()
        if tags[1] == closing and tags not in leave_out
        for pair in occurrences
    ]


def word_count(text: str) -> int:
    """The words of ``text`` outside its placeholders (runs of letters and digits)."""
    return len(_WORD.findall(without_placeholders(text)))


def translated_in_place(paired: PairedText, translations: Mapping[Pair, str]) -> PairedText:
    """``paired`` with each pair of ``translations`` (pairs of it, each with its own
    translation) a placeholder in its text, as a code element is: the model translates the
    sentence around it, and :func:`~ltmt.formats.paired_tags.place_pairs` writes the pair's
    tags around that translation in its place."""
    tokens = {
        pair: f'<ph id="ltmt-t{number}"/>'
        for number, pair in enumerate(paired.pairs, 1)
        if pair in translations
    }
    text = paired.text
    for pair in sorted(tokens, key=lambda pair: pair.start, reverse=True):
        text = text[: pair.start] + tokens[pair] + text[pair.end :]

    def moved(at: int) -> int:
        """Where ``at`` of the text is once the tokens stand in their pairs' words."""
        return at + sum(len(tokens[p]) - (p.end - p.start) for p in tokens if p.end <= at)

    pairs = tuple(
        replace(
            pair,
            inner=translations[pair],
            start=moved(pair.start),
            end=moved(pair.start) + len(tokens[pair]),
            token=tokens[pair],
        )
        if pair in tokens
        else replace(pair, start=moved(pair.start), end=moved(pair.end))
        for pair in paired.pairs
    )
    return replace(paired, text=text, pairs=pairs)
