"""Plain text of paragraphs: the lines up to a blank line are read together, and the translation
is wrapped as its paragraph was (``--format paragraphs``).

A ``.txt`` file is translated one line a segment (``--format txt``), which keeps a corpus or a
list of strings line for line, but cuts a paragraph wrapped at a width (an e-mail, a README, a
licence) in mid-sentence: ``... every night. If the`` / ``drive is not connected, ...`` are
translated apart, and the second loses its ``If``. Read by its paragraphs, such a file's lines
up to a blank line are one paragraph, their line breaks spaces, and each of its sentences
(:func:`ltmt.sentences.split_sentences`, in the source language) is a segment: a model trained
on sentences drops some of several given at once. A line that starts a list item (``-``,
``*``, ``+``, ``•``, ``1.``, ``2)``, ``a)``) starts a paragraph of its own, its marker kept out
of the model's text and written back before the translation, and so does a line broken by
hand (after a phrase, starting with a capital, where the line before had room for its first
word: a letter's ``Best regards,`` / ``The Sales Team``, an address), and so does a paragraph's
line after its heading (a short first line without final punctuation, with room for the next
line's first word within the paragraph below: ``2. Liability`` / ``The liability cap is ...``;
a line wrapped at a width never had that room). A translation of a
paragraph of several lines is wrapped at the width of its longest line, with its first line's
indentation (and the marker) first and its second line's after, never between an amount and its
currency (``EUR 10.000``, ``49,99 €``); a paragraph of one line stays one line. Blank lines
and the file's line endings are kept.

A translated file is read as pairs beside its source file (:func:`read_paragraph_pairs`: ``ltmt
memory import mail.de.txt --source-file mail.txt --format paragraphs``) paragraph by paragraph,
and sentence by sentence where a paragraph and its translation have as many sentences: the
units a run of the source translates, so a reviewed translation is a 100 % match next time.
"""

from __future__ import annotations

import itertools
import re
import textwrap
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ltmt.clause_markers import LIST_ITEM
from ltmt.errors import InputError
from ltmt.formats.common import LineShape
from ltmt.formats.documents import TranslationsHeld, Unit, save_lines, text_lines
from ltmt.formats.roff import refuse_a_man_page
from ltmt.formats.text_pairs import no_source_file
from ltmt.segments import PairRecord
from ltmt.sentences import split_sentences
from ltmt.wording import counted

# a list item's marker at a line's start, with the blanks around it
_MARKER = re.compile(rf"[ \t]*{LIST_ITEM}[ \t]+(?=\S)")
_INDENT = re.compile(r"[ \t]*")
# the blanks a paragraph is wrapped at: not a no-break space, which holds a number to its unit
_BREAKABLE_SPACE = re.compile(r"[ \t\n\r\f\v]+")
# a currency and the amount beside it, which a line must not part (``EUR`` / ``10.000``)
_CURRENCY = r"(?:EUR|USD|GBP|CHF|JPY|CAD|AUD|SEK|NOK|DKK|PLN|CZK|[€$£¥])"
_CURRENCY_SPACE = re.compile(
    rf"(?<![^\W\d_])({_CURRENCY}) (?=\d)|(?<=\d) (?={_CURRENCY}(?![^\W\d_]))"
)
_HELD = "\ue000"  # a private character a held space is wrapped as, a space again after


@dataclass(frozen=True)
class Block:
    """One segment of the file: lines ``start`` to ``end`` (exclusive), the ``marker`` of its
    list item (its indentation included; else its first line's indentation), the indentation
    of its lines after the first, and the width it was wrapped at (0: one line, not wrapped)."""

    start: int
    end: int
    marker: str
    indent: str
    width: int

    def text(self, lines: list[str]) -> str:
        """What the model translates: the lines joined by spaces, the marker left out."""
        first = lines[self.start][len(self.marker) :]
        return " ".join(line.strip() for line in [first, *lines[self.start + 1 : self.end]])

    def written(self, translation: str) -> list[str]:
        """``translation`` as this block's lines, its no-break spaces kept (textwrap, too,
        never breaks at one)."""
        text = _BREAKABLE_SPACE.sub(" ", translation).strip()
        if not self.width:
            return [self.marker + text]
        held = _HELD not in text  # an amount held to its currency (``EUR`` / ``10.000``)
        if held:
            text = _CURRENCY_SPACE.sub(lambda found: (found.group(1) or "") + _HELD, text)
        wrapped = textwrap.wrap(
            text,
            width=self.width,
            initial_indent=self.marker,
            subsequent_indent=self.indent,
            break_long_words=False,
            break_on_hyphens=False,
        )
        out: list[str] = []
        for line in wrapped:  # a line that would read as a list item goes on the one before
            if out and _MARKER.match(line):
                out[-1] += " " + line.strip()
            else:
                out.append(line)
        if held:
            out = [line.replace(_HELD, " ") for line in out]
        return out or [self.marker.rstrip()]


def blocks_of(lines: list[str]) -> list[Block]:
    """The segments of ``lines`` (module docstring), in order."""
    runs: list[tuple[int, int]] = []
    width = max((len(line.rstrip()) for line in lines), default=0)
    widest = _widest_below(lines)
    for number, line in enumerate(lines):
        if not line.strip():
            continue
        starts_item = _MARKER.match(line) is not None
        before = lines[number - 1] if number else ""
        broken = number and (
            _broken_by_hand(before, line, width)
            or (
                bool(runs)
                and runs[-1] == (number - 1, number)  # ``before`` is its paragraph's first line
                and _heading_above(before, line, widest[number])
            )
        )
        if runs and runs[-1][1] == number and not starts_item and not broken:
            runs[-1] = (runs[-1][0], number + 1)
        else:
            runs.append((number, number + 1))
    blocks = []
    for start, end in runs:
        found = _MARKER.match(lines[start])
        marker = found.group() if found else _indent(lines[start])
        indent = _indent(lines[start + 1]) if end - start > 1 else ""
        width = max(len(line.rstrip()) for line in lines[start:end]) if end - start > 1 else 0
        blocks.append(Block(start, end, marker, indent, width))
    return blocks


# what ends a sentence at a line's end (a line that ends otherwise may go on in the next)
_SENTENCE_END = re.compile(r"""[.!?:;…"'»”)\]]\s*$""")
# what ends a phrase a line breaks after by hand (a letter's sign-off: ``Best regards,``)
_PHRASE_END = re.compile(r"""[.!?:;,…"'»”)\]]\s*$""")


def _broken_by_hand(line: str, after: str, width: int) -> bool:
    """Whether ``after`` starts a line of its own, not one a paragraph was wrapped into:
    ``line`` ends a phrase, ``after`` starts with a capital or a digit, and ``line`` had room
    for ``after``'s first word within the file's longest line (``Best regards,`` / ``The Sales
    Team``: a sign-off, whose lines were wrapped at the width of the longest before)."""
    words = after.split()
    return bool(
        line.strip()
        and words
        and _PHRASE_END.search(line)
        and (words[0][0].isupper() or words[0][0].isdigit())
        and len(line.rstrip()) + 1 + len(words[0]) <= width
    )


# a phrase's end, a closing quote or bracket after it (``(see below.)``): no heading ends so
_MARKED_END = re.compile(r"""[.!?:;,…]["'»”)\]]*\s*$""")
# a heading's words at most: a line of more is a sentence's start, broken by hand
_HEADING_WORDS = 8
# the words no heading ends with: a line ending so goes on in the next (``pay to`` / ``Acme``)
_GOING_ON = frozenset((
    "a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "from", "with", "and", "or",
    "nor", "but", "as", "than", "that", "which", "who", "whose", "is", "are", "was", "were", "be",
    "been", "shall", "will", "may", "must", "can",
))  # fmt: skip


def _widest_below(lines: list[str]) -> list[int]:
    """For each line, the length of the longest line from it to the next blank line (0 for a
    blank line)."""
    widest = [0] * (len(lines) + 1)
    for number in range(len(lines) - 1, -1, -1):
        if lines[number].strip():
            widest[number] = max(len(lines[number].rstrip()), widest[number + 1])
    return widest


def _heading_above(line: str, after: str, room: int) -> bool:
    """Whether ``line``, the first of its paragraph, is a heading above the paragraph that
    ``after`` starts (``2. Liability`` / ``The liability cap is ...``), whose longest line is
    ``room`` long: a line of a few words, the last no word a sentence goes on after, ended
    without a sign that ends a phrase (a closing bracket or quote alone is none: ``Fees (Annex
    2)``), above a line that starts with a capital or a digit, and short enough to have taken
    that line's first word within ``room`` (a line that wrapping at that width broke never has
    room for it)."""
    found = _MARKER.match(line)
    words = line[found.end() if found else 0 :].split()
    first = after.split()[0]
    return bool(
        words
        and len(words) <= _HEADING_WORDS
        and words[-1].casefold() not in _GOING_ON
        and any(character.isalpha() for character in line)
        and not _MARKED_END.search(line)
        and (first[0].isupper() or first[0].isdigit())
        and len(line.rstrip()) + 1 + len(first) <= room
    )


def lines_going_on(lines: list[str]) -> int:
    """How many of ``lines`` look cut in mid-sentence by wrapping at a width: ended without a
    sign that ends a sentence, followed by a line of the same paragraph that starts in lower
    case (``... every night. If the`` / ``drive is not connected``), and too long to take that
    line's first word within the file's longest line (40 characters at least): what wrapping
    at that width does, and a list of strings does not."""
    width = max((len(line.rstrip()) for line in lines), default=0)
    if width < 40:
        return 0
    return sum(
        1
        for line, after in itertools.pairwise(lines)
        if line.strip()
        and after.strip()
        and not _SENTENCE_END.search(line)
        and after.lstrip()[0].islower()
        and _MARKER.match(after) is None
        and len(line.rstrip()) + 1 + len(after.split()[0]) > width
    )


def wrapped_lines(lines: list[str]) -> int:
    """How many of ``lines`` go on in the next (:func:`lines_going_on`) where they look like
    paragraphs wrapped at a width (a twentieth of them at least, and two), else 0."""
    going_on = lines_going_on(lines)
    return going_on if going_on >= max(2, len(lines) // 20) else 0


def _indent(line: str) -> str:
    found = _INDENT.match(line)
    return found.group() if found else ""


class ParagraphDocument(TranslationsHeld):
    """A UTF-8 text file read by its paragraphs (module docstring): a unit a sentence, keyed
    ``PARAGRAPH.SENTENCE`` and grouped by paragraph. ``save`` of a partly filled document writes
    the file up to the first paragraph still pending, so the output is always a prefix; its
    lines are written as the input's are (:class:`LineShape`)."""

    format = "paragraphs"
    what_is_filled = "sentence"

    def __init__(
        self,
        path: Path,
        lines: list[str],
        shape: LineShape | None = None,
        language: str = "en",
    ) -> None:
        super().__init__()
        self.path = Path(path)
        self.lines = lines
        self.shape = shape or LineShape()
        self.blocks = blocks_of(lines)
        self.sentences = [
            [piece.strip() for piece in split_sentences(block.text(lines), language)]
            for block in self.blocks
        ]
        self._units = [  # the units of each paragraph, a sentence each
            [
                Unit(f"{index}.{number}", sentence, group=str(index))
                for number, sentence in enumerate(sentences)
                if sentence
            ]
            for index, sentences in enumerate(self.sentences)
        ]
        self.resumed: dict[int, str] = {}  # paragraphs taken over whole from a partial output

    @classmethod
    def open(cls, path: Path, src_lang: str | None = None, **_: Any) -> ParagraphDocument:
        lines, shape = text_lines(path)
        refuse_a_man_page(path, lines)
        return cls(path, lines, shape, src_lang or "en")

    def units(self) -> list[Unit]:
        return [unit for paragraph in self._units for unit in paragraph]

    def pending(self, overwrite: bool = False) -> list[Unit]:
        return [
            unit
            for index, paragraph in enumerate(self._units)
            if index not in self.resumed
            for unit in paragraph
            if unit.key not in self.translations
        ]

    def _paragraph(self, index: int) -> str | None:
        """The translation of paragraph ``index``, or None while a sentence of it is pending."""
        if index in self.resumed:
            return self.resumed[index]
        keys = [unit.key for unit in self._units[index]]
        if any(key not in self.translations for key in keys):
            return None
        return " ".join(self.translations[key] for key in keys)

    def translated_lines(self) -> list[str]:
        """The output lines, up to the first paragraph still to translate."""
        out: list[str] = []
        at = 0
        for index, block in enumerate(self.blocks):
            out += [""] * (block.start - at)  # the blank lines before it
            translation = self._paragraph(index)
            if translation is None:
                return out
            out += block.written(translation)
            at = block.end
        return out + [""] * (len(self.lines) - at)

    def save(self, out_path: Path) -> None:
        whole = all(self._paragraph(index) is not None for index in range(len(self.blocks)))
        save_lines(out_path, self.translated_lines(), self.shape, whole=whole)

    def resume(self, partial: Path) -> None:
        """Take over the translated paragraphs of ``partial`` (an earlier output of this
        document): its paragraphs and list items are this file's, in order."""
        done = blocks_of(lines := text_lines(partial)[0])
        if len(done) > len(self.blocks):
            raise InputError(
                f"{partial} has more paragraphs than {self.path}; it is not its output (delete "
                "it to start over)"
            )
        for index, block in enumerate(done):
            self.resumed[index] = block.text(lines)


def read_paragraph_pairs(
    path: Path,
    *,
    source_file: Path | None = None,
    src_lang: str = "en",
    tgt_lang: str = "de",
    **_: Any,
) -> Iterator[PairRecord]:
    """The pairs of the translation ``path`` and its ``source_file`` (module docstring)."""
    path = Path(path)
    if source_file is None:
        raise no_source_file(path, "paragraph by paragraph")
    source = ParagraphDocument.open(Path(source_file), src_lang=src_lang)
    target = ParagraphDocument(path, text_lines(path)[0], language=tgt_lang)
    if len(target.blocks) != len(source.blocks):
        raise InputError(
            f"{path} has {counted(len(target.blocks), 'paragraph')} but "
            f"{Path(source_file).name} has {len(source.blocks)}; a translation read by its "
            "paragraphs pairs with its source paragraph by paragraph"
        )
    pairs = zip(source.sentences, target.sentences, strict=True)
    for number, (sources, targets) in enumerate(pairs, 1):
        where = f"{path.name}: paragraph {number}"
        if len(sources) == len(targets):
            for index, pair in enumerate(zip(sources, targets, strict=True), 1):
                yield PairRecord(*pair, f"{where}, sentence {index}" if len(sources) > 1 else where)
        else:
            yield PairRecord(" ".join(sources), " ".join(targets), where)
