"""Subtitles (SubRip ``.srt``, WebVTT ``.vtt``) translated into a subtitle file of the target
language with the same cues: ``ltmt translate film.en.srt -o film.de.srt``.

Read and written with ``srt`` and ``webvtt-py``, which keep what is not text (WebVTT's header,
``NOTE`` and ``STYLE`` blocks, cue identifiers and settings). Cues are known by their place in
the file, never by their time: two cues on screen at once (a sign and a line of speech) are two.
A sentence often runs over two or three cues: consecutive cues are translated together, as one
unit, until one ends a sentence (``.``, ``?``, ``!``, ``…``, a closing quote; inline tags aside:
``.</i>``), a pause of more than two seconds, cues that overlap, a cue placed by an override
block (``{\\an8}``: a sign or a caption), or three cues, and where the next cue goes on with
the sentence: it starts with a small letter, a digit or ``I``, or the cue before ends with a
comma, a dash, a colon or a semicolon (a label, ``Settings``, then ``Your changes have been
saved.`` are two texts; joined, the model dropped the label), and not after a caption (a name
tag, a location card: ``THOMAS BRANDT`` / ``Former Border Guard``, ``BERLIN, 1989``,
:mod:`ltmt.formats.subtitle_captions`) where the next cue starts a sentence of its own, ``I'm
Thomas Brandt, ...`` too; the translation
is then laid out over the same cues (:mod:`ltmt.formats.subtitle_lines`: by their share of the
source, never cut inside a tag, each in at most two lines, of 42 characters where the text fits
them, and in two balanced lines where its source cue had two; a cue with a longer line is
named once the run is done; where it is a memory match of other words, which would leave a
cue without its words, the cues are translated apart, one each, and named in a warning:
:mod:`ltmt.formats.parts_apart`). A cue of dialogue (``- Fine.`` /
``- Good.``, or a WebVTT voice span a line: ``<v Mary>...</v>``) is translated line by line,
each line's dash or voice kept. Where a translation has fewer words than its cues, the cues left
empty are merged into the one before (its end time extended). Formatting (``<i>``, ``<b>``) is
kept as the inline tags of any format (WebVTT's with classes, ``<c.highlight>``, read as HTML's,
``<c class="highlight">``, and written back); a tag around every cue of a unit alike (``<i>`` a cue,
``<font color=...>``), WebVTT's karaoke timestamps, and SubRip's override blocks (``{\\an8}``,
``{\\i1}``, any ``{\\...}``: neither sent to the model nor matched against a memory), are set
aside and put back at their places (:mod:`ltmt.formats.subtitle_markup`); a WebVTT voice or
class span around a whole cue (``<v Roger>...</v>``, ``<c.loud>``) is set aside and put back
around the cue's translation, and a change of voice ends a cue group. SubRip's text after a
cue's times (its position, ``X1:100 X2:600 ...``) stays, and so does a cue's number (a file
without them is numbered).

An existing output is the translation so far (as for app catalogs): a cue group whose cues it
has, with other text than the source, is kept, written as the output has it with the source's
times (:mod:`ltmt.formats.kept_cues`; one that reads as its source is kept where ltmt's record
of the output says it wrote that place for the same source); ``--overwrite`` translates all.
Its cues are
those at the same times (within 0.1 s) and, where the two files have as many cues, at the same
places too; in a source re-timed since, those at the same places where ltmt's record of the
output (:mod:`ltmt.formats.output_sources`) says it wrote them for the same source. Any other
group is translated again: a re-timed cue may start at another cue's old time, and is never
given that cue's translation. ``ltmt memory import film.de.srt --source-file film.en.srt``
stores the sentence pairs of two such files (:mod:`ltmt.formats.subtitle_pairs`: sentences
that end at the same cue on both sides; runs of cues that do not line up are counted as
skipped).
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any, ClassVar

from ltmt.errors import InputError, NoPairsError
from ltmt.formats.common import (
    atomic_write,
    decode,
    line_ending,
    not_utf8_message,
    read_bytes,
    source_file_given,
    written_like,
)
from ltmt.formats.cue_names import cue_lines, cue_name
from ltmt.formats.documents import TranslationsHeld, Unit
from ltmt.formats.kept_cues import (
    KeptCues,
    kept_as_source,
    kept_cue,
    without_source_copy,
    written_for,
)
from ltmt.formats.output_sources import Record
from ltmt.formats.parts_apart import laid_out_parts
from ltmt.formats.subtitle_cues import Cue, cue_groups, runs_on, spilled_captions, stands_alone
from ltmt.formats.subtitle_limits import READING_SPEED, reading_speed
from ltmt.formats.subtitle_lines import LINE_LENGTH, ends_sentence, split_over, too_long, wrap
from ltmt.formats.subtitle_markup import (
    Wrapper,
    cue_tags_as_html,
    cue_tags_as_webvtt,
    line_span,
    marked,
    override_blocks,
    speaker,
    unmarked,
)
from ltmt.formats.subtitle_pairs import (
    TOLERANCE,
    group_words,
    matched_cues,
    sentence_pairs,
    unwrapped,
)
from ltmt.formats.timing_lines import with_source_timing
from ltmt.memory.clean import UNMATCHED_CUE
from ltmt.segments import PairRecord
from ltmt.wording import counted, them

WHAT = "a subtitle file"
LINE = ":"  # a dialogue line's key: CUE:LINE
_SUBRIP_START = re.compile(r"\s*(?:\d+\s*\n)?\d+:\d{2}:\d{2},\d{3} -->")
# a WebVTT voice or class span around a whole cue: <v Roger>...</v>, <v.loud Roger>, <c.yellow>
_WHOLE_SPAN = re.compile(
    r"(?P<start><(?P<name>v|c)(?:\.[\w-]+)*(?:[ \t][^<>\n]*)?>)(?P<inner>.*?)"
    r"(?P<end></(?P=name)>|)",
    re.DOTALL,
)


class SubtitleDocument(TranslationsHeld):
    """A subtitle file to translate into the target language's (module docstring)."""

    format: ClassVar[str] = "srt"
    what_is_filled = "cue"

    def __init__(self, path: Path, data: bytes, tgt_lang: str | None = None) -> None:
        super().__init__()
        self.path = Path(path)
        self.data = data  # as read: its line ends and byte order mark are the output's
        self.tgt_lang = tgt_lang
        text = _decoded(data, self.path)
        self.ending = line_ending(text)  # a classic Mac file's "\r" is written back
        fed = _with_line_feeds(text)
        self.parsed, self.cues = self.parse(fed, self.path)
        self.source_text = _with_line_feeds(text.replace("\r\n", "\n"))  # line feeds only
        self.lines = cue_lines(fed, len(self.cues))  # where each cue starts
        self.groups = cue_groups(self.cues)
        self._group_of = {group[0]: group for group in self.groups}
        # the translations taken over from the existing output, with its cues that hold them
        self._kept: dict[str, KeptCues] = {}

    @classmethod
    def open(cls, path: Path, tgt_lang: str | None = None, **_: Any) -> SubtitleDocument:
        path = Path(path)
        data = read_bytes(path, WHAT)
        kind = cls if cls is not SubtitleDocument else _kind(path, data)
        return kind(path, data, tgt_lang)

    @classmethod
    def read(cls, path: Path) -> tuple[Any, list[Cue]]:
        """The parsed file ``path`` and its cues."""
        text = _decoded(read_bytes(Path(path), WHAT), Path(path))
        return cls.parse(_with_line_feeds(text), Path(path))

    @classmethod
    def parse(cls, text: str, path: Path) -> tuple[Any, list[Cue]]:
        """The parsed ``text`` (of the file ``path``, named in errors) and its cues."""
        raise NotImplementedError

    @classmethod
    def texts_as_written(cls, parsed: Any) -> list[str]:
        """Each cue's text as the file ``parsed`` (:meth:`parse`) holds it."""
        raise NotImplementedError

    def write(self, cues: list[Cue]) -> str:
        raise NotImplementedError

    def units(self) -> list[Unit]:
        units = []
        for group in self.groups:
            first = self.cues[group[0]]
            if first.dialogue:
                for number, line in enumerate(first.lines):
                    words = _said(line)[1]
                    if words:
                        units.append(Unit(f"{group[0]}{LINE}{number}", words))
                continue
            cues = [self.cues[i] for i in group]
            text = group_words(cues)
            if text:
                units.append(Unit(str(group[0]), text, parts=_parts(cues)))
        return units

    def translated_cues(self) -> list[Cue]:
        """The cues with their translations laid out (the source's where there is none)."""
        out: list[Cue] = []
        for group in self.groups:
            cues = [self.cues[i] for i in group]
            if cues[0].dialogue:
                out.append(self._dialogue(cues[0]))
                continue
            text = self.translations.get(str(group[0]))
            if text is None:
                out.extend(replace(c, lines=list(c.lines)) for c in cues)
                continue
            kept = self._kept_at(str(group[0]))
            if kept is not None and all(theirs.text for theirs in kept.cues):
                out.extend(kept_cue(cue, theirs) for cue, theirs in zip(cues, kept.cues))
                continue
            common, sources = unwrapped(cues)
            shares = [len(unmarked(source)) for source in sources]
            # translated a cue at a time (a memory match of other words left one without its
            # words: ltmt.formats.parts_apart), else laid out by the cues' shares
            parts = laid_out_parts(text, len(cues)) or split_over(text, shares, self.tgt_lang or "")
            for cue, source, part in zip(cues, sources, parts):
                if part or not out:
                    lines = self._laid_out(marked(part, source), common, cue.lines)
                    out.append(replace(cue, lines=lines))
                else:  # fewer words than cues: the one before shows longer
                    out[-1].end = cue.end
        return out

    def _dialogue(self, cue: Cue) -> Cue:
        """The dialogue ``cue`` translated line by line; where the existing output's cue holds
        the translation of each line, that cue as it is written."""
        kept = [self._kept_at(f"{cue.index}{LINE}{n}") for n in range(len(cue.lines))]
        if all(kept) and kept[0] is not None:
            return kept_cue(cue, kept[0].cues[0])
        lines = [self._spoken(cue.index, n, line) for n, line in enumerate(cue.lines)]
        return replace(cue, lines=lines)

    def _spoken(self, index: int, number: int, line: str) -> str:
        """Line ``number`` of the dialogue cue ``index`` translated, its speaker's dash or
        voice span kept (a line kept from the existing output as it has it)."""
        key = f"{index}{LINE}{number}"
        kept = self._kept_at(key)
        if kept is not None:
            return kept.cues[0].lines[number]
        before, words, after = _said(line)
        return before + self.translations.get(key, words) + after

    def note_filled(self, key: str, text: str) -> None:
        """A unit translated (again, with ``--overwrite``) is laid out anew."""
        self._kept.pop(key, None)

    def _kept_at(self, key: str) -> KeptCues | None:
        """What the existing output holds of the unit ``key``, where the unit's translation is
        still the one taken over from it (not dropped as ltmt's of an older source, nor
        translated again: :meth:`note_filled`)."""
        kept = self._kept.get(key)
        return kept if kept is not None and self.translations.get(key) == kept.text else None

    def _laid_out(self, text: str, common: Wrapper | None, source: list[str]) -> list[str]:
        """A cue's ``text`` in lines (two where its ``source`` lines were two and the text a
        space; after a sentence's end where the source's break is after one and the lines
        fit; a source line wholly in italics, its words in italics on their own line:
        :func:`~ltmt.formats.subtitle_markup.line_span`), each in the formatting tag
        ``common`` that was around every cue of its group."""
        shown = [line for line in source if line.strip()]
        spanned = line_span(text, source) if common is None else None
        laid_out = spanned or wrap(
            text,
            language=self.tgt_lang or "",
            lines=len(source),
            at_sentence_end=len(shown) == 2 and ends_sentence(shown[0]),
        )
        return [common.around(line) for line in laid_out] if common else laid_out

    def adopt(self, target: Path) -> int:
        """Take over the translations ``target`` (this file's translation so far) holds, its cues
        lined up by their times only (:meth:`adopt_recorded` without a record)."""
        return self.adopt_recorded(target, None)

    def adopt_recorded(self, target: Path, record: Record | None) -> int:
        """Take over the translations ``target`` (this file's translation so far) holds: each
        unit's from the cues lined up with its own (:meth:`_lined_up`; ``record``: what ltmt
        last wrote there, :mod:`ltmt.formats.output_sources`), where they are not the source's
        words or the record says they are its translation (:mod:`ltmt.formats.kept_cues`)."""
        found = self._aligned(target, record)
        self._kept.update(found)
        self.translations.update({key: kept.text for key, kept in found.items()})
        return len(found)

    def _aligned(self, target: Path, record: Record | None) -> dict[str, KeptCues]:
        """The units' texts in ``target``, from the cues lined up with theirs, with those cues;
        one that reads as its source only where ``record`` says it is a translation
        (:mod:`ltmt.formats.kept_cues`)."""
        parsed, theirs = type(self).read(Path(target))
        written = type(self).texts_as_written(parsed)
        theirs = [replace(cue, as_written=text) for cue, text in zip(theirs, written)]
        by_time = matched_cues(self.cues, theirs)
        found: dict[str, KeptCues] = {}
        for unit in self.units():
            index, _, line = unit.key.partition(LINE)
            group = self._group_of[int(index)]
            places = self._lined_up(unit, group, theirs, by_time, record)
            if places is None:
                continue
            cues = [theirs[j] for j in places]
            if line:
                lines = cues[0].lines
                said = lines[int(line)] if int(line) < len(lines) else ""
                text = _said(said)[1]
            else:
                text = group_words(cues)
            # a cue of the group as in the source: not translated yet, unless the record
            # says ltmt wrote that place for this source (a reviewer's English, or ltmt's)
            as_source = text == unit.source or (
                not line and any(c.text == self.cues[i].text for c, i in zip(cues, group))
            )
            place = f"{places[0]}{LINE}{line}" if line else str(places[0])
            if text and (not as_source or kept_as_source(record, unit, place)):
                found[unit.key] = KeptCues(text, tuple(cues), as_source)
        return without_source_copy(found)

    def _lined_up(
        self,
        unit: Unit,
        group: list[int],
        theirs: list[Cue],
        by_time: list[int | None],
        record: Record | None,
    ) -> list[int] | None:
        """The places in ``theirs`` (the existing output's cues; ``by_time``: each of ours
        matched with one of theirs by its start, :func:`~ltmt.formats.subtitle_pairs.matched_cues`)
        of the cues holding ``unit``'s translation (``group``: its cues), each of its cue's
        kind (dialogue of as many speakers, or none). By time: cues at its cues' times, one
        after the other, and where the two files have as many cues, at its cues' places too (a
        file re-timed since can start a cue at another cue's time). Else by place: the two
        files have as many cues and ``record`` says ltmt wrote the unit's place for its
        source. Else None: the unit is translated again, never given another cue's text."""
        same_count = len(theirs) == len(self.cues)
        timed = _one_after_another([by_time[i] for i in group])
        if timed is not None and (not same_count or timed == group):
            places = timed
        elif same_count and written_for(record, unit):
            places = group
        else:
            return None
        if not all(_alike(self.cues[i], theirs[j]) for i, j in zip(group, places)):
            return None
        return places

    @classmethod
    def pairs(
        cls, path: Path, source_file: Path | None = None, purpose: str = "imported", **_: Any
    ) -> Iterator[PairRecord]:
        """The sentence pairs of the translated subtitles ``path`` and their ``source_file``
        (:mod:`ltmt.formats.subtitle_pairs`; ``purpose`` ``checked``: with the formatting tag
        around all of a run's cues, which ``ltmt qa`` compares: italics lost); a run of cues
        whose sides do not line up is a record with an empty target, which the import counts
        as skipped (an unmatched cue, :data:`~ltmt.memory.clean.UNMATCHED_CUE`), never stores;
        a caption (:func:`~ltmt.formats.subtitle_cues.stands_alone`) is a pair of its own, and
        where the translation runs the next cue's sentence into its cue
        (:func:`~ltmt.formats.subtitle_cues.spilled_captions`), neither it nor that sentence
        is paired. A
        pair whose cues' override blocks differ (``{\\an8}`` dropped) says them in its metadata,
        for ``ltmt qa`` (:func:`~ltmt.formats.subtitle_markup.override_blocks`). A
        sentence translated as its source (``OK.``, a name) is a pair, as in a PO catalog or a
        TMX: an import counts every sentence it reads. Read to be ``checked`` (``ltmt qa``),
        a cue re-timed is paired by its place, whose timing qa reports
        (:mod:`ltmt.qa.subtitle_checks`); an import leaves it unmatched."""
        source_file = source_file_given(path, WHAT, source_file)
        document, translation = cls.open(Path(source_file)), cls.open(Path(path))
        cues, theirs = document.cues, translation.cues
        if cues and theirs and all(match is None for match in matched_cues(cues, theirs)):
            raise NoPairsError(
                f"{path}: no cue starts at the time of a cue of {source_file} (within "
                f"{TOLERANCE:g} s); give the source file it was timed from, or shift its times "
                "to the source's"
            )
        captions = {i for i in range(len(cues) - 1) if stands_alone(cues[i], cues[i + 1])}
        breaks = {i for i in range(len(cues) - 1) if not runs_on(cues[i], cues[i + 1])}
        records = []
        checked = purpose == "checked"
        last = {len(cues) - 1}
        spilled = spilled_captions(cues, theirs, captions, checked=checked)
        pairs = sentence_pairs(cues, theirs, breaks | captions | last, spilled, checked=checked)
        for pair in pairs:
            if pair.theirs is None:
                unmatched = f"no cues of {Path(path).name} line up"
                where = f"{source_file}: {document.cue_name(pair.ours)}, {unmatched}"
                line = document.lines[pair.ours[0]]
                records.append(PairRecord(pair.source, "", where, {}, UNMATCHED_CUE, line=line))
            else:  # one translated as its source (OK. -> OK.) too, as a PO catalog's
                # a dialogue line's pair names its line: a finding of one speaker's words
                # (one name copied: - Katrin?) read as the whole cue's
                said = f", line {pair.speaker}" if pair.speaker is not None else ""
                where = f"{path}: {translation.cue_name(pair.theirs)}{said}"
                line = translation.lines[pair.theirs[0]]
                blocks = override_blocks(_texts(cues, pair.ours), _texts(theirs, pair.theirs))
                records.append(PairRecord(pair.source, pair.target, where, blocks, line=line))
        return iter(records)

    def review_notes(self) -> list[str]:
        """What a subtitler should look at in the written translation, its cues named by
        their numbers in it: cues that now read faster than
        :data:`~ltmt.formats.subtitle_limits.READING_SPEED` characters
        a second (shorten them or lengthen their times; where the source's cue did too, its
        speed is said), and cues
        with a line longer than :data:`~ltmt.formats.subtitle_lines.LINE_LENGTH` characters
        (a text too long for two lines)."""
        written = self.translated_cues()
        numbers = self.numbers(written)
        fast = [
            (number, reading_speed(self.cues[cue.index]))
            for number, cue in zip(numbers, written)
            if reading_speed(cue) > READING_SPEED
        ]
        already = [f"{number} at {speed:.1f}" for number, speed in fast if speed > READING_SPEED]
        long = [number for number, cue in zip(numbers, written) if too_long(cue.lines)]
        notes = []
        if fast:
            source = f"; in the source already: cue {_listed(already)}" if already else ""
            notes.append(
                f"{counted(len(fast), 'cue')} now read faster than {READING_SPEED} characters a "
                f"second (cue {_listed([number for number, _ in fast])}{source}): shorten "
                f"{them(len(fast))} or give {them(len(fast))} more time"
            )
        if long:
            notes.append(
                f"{counted(len(long), 'cue')} with a line longer than {LINE_LENGTH} characters "
                f"(cue {_listed(long)}): shorten {them(len(long))}"
            )
        return notes

    def numbers(self, cues: list[Cue]) -> list[str]:
        """What the written file calls each of ``cues``: its place in it."""
        return [str(place) for place in range(1, len(cues) + 1)]

    def identifier_and_settings(self, cue: Cue) -> tuple[str, str]:
        """``cue``'s identifier and settings (WebVTT's); ``""`` for none."""
        return "", ""

    def _timed_as_source(self, cue: Cue) -> bool:
        """Whether the written ``cue`` starts and ends when its source cue does."""
        source = self.cues[cue.index]
        return (cue.start, cue.end) == (source.start, source.end)

    def cue_name(self, cues: tuple[int, int]) -> str:
        """What a finding calls ``cues`` (the first and last, indexes of this file's):
        ``cue 3 (00:00:04,200)`` (:func:`~ltmt.formats.cue_names.cue_name`)."""
        start = timestamp(self.cues[cues[0]].start, "," if self.format == "srt" else ".")
        return cue_name(self.numbers(self.cues), cues, start)

    def unit_name(self, key: str) -> str:
        """What the segments report calls the unit ``key`` (its cues', a dialogue line's its
        cue's): :meth:`cue_name`."""
        group = self._group_of[int(key.partition(LINE)[0])]
        return self.cue_name((group[0], group[-1]))

    def save(self, out_path: Path) -> None:
        cues = self.translated_cues()
        # each cue's timing line, and the file's end, as the source writes them
        # (ltmt.formats.timing_lines); a re-timed cue's as written
        kept = [cue.index if self._timed_as_source(cue) else None for cue in cues]
        text = with_source_timing(self.write(cues), self.source_text, kept)
        if self.ending == "\r":  # the parsers' line feeds as the source's carriage returns
            text = text.replace("\n", "\r")
        atomic_write(Path(out_path), written_like(self.data, text))


def _parts(cues: list[Cue]) -> tuple[str, ...]:
    """The words of each of ``cues``, a sentence's, as its unit's parts (a formatting tag
    around all of them aside, :func:`~ltmt.formats.subtitle_pairs.unwrapped`); none for one
    cue, or where a cue has no words."""
    parts = tuple(unmarked(text) for text in unwrapped(cues)[1])
    return parts if len(parts) > 1 and all(parts) else ()


def _said(line: str) -> tuple[str, str, str]:
    """A dialogue line's speaker mark before and after its words, and the words
    (:func:`~ltmt.formats.subtitle_markup.speaker`); no mark where it has none."""
    return speaker(line) or ("", line.strip(), "")


def _one_after_another(places: list[int | None]) -> list[int] | None:
    """``places`` where each is a cue and they follow one another, else None."""
    first = places[0]
    run = list(range(first, first + len(places))) if first is not None else None
    return run if run == places else None


def _alike(cue: Cue, theirs: Cue) -> bool:
    """Whether ``theirs`` can be ``cue``'s translation: dialogue of as many speakers, or
    neither dialogue."""
    return cue.dialogue == theirs.dialogue and (
        not cue.dialogue or len(cue.lines) == len(theirs.lines)
    )


def _texts(cues: list[Cue], places: tuple[int, int]) -> str:
    """The text of ``cues`` from the first of ``places`` (indexes) to the last."""
    return " ".join(cue.text for cue in cues[places[0] : places[1] + 1])


def _listed(numbers: list[str]) -> str:
    return ", ".join(numbers[:5]) + (", ..." if len(numbers) > 5 else "")


def _decoded(data: bytes, path: Path) -> str:
    """``data`` as UTF-8 text; a legacy subtitle file (Windows-1252 or Latin-1, as many .srt
    files are) is an error that gives the command converting it."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(not_utf8_message(data, path, exc.start)) from exc
    return decode(data, path)


def _with_line_feeds(text: str) -> str:
    """``text`` with line feeds for the carriage returns alone that end a classic Mac file's
    lines (:func:`~ltmt.formats.common.line_ending`), which the SubRip and WebVTT parsers do
    not read as line ends (the whole file was one line, not a cue)."""
    return text.replace("\r", "\n") if line_ending(text) == "\r" else text


def _kind(path: Path, data: bytes) -> type[SubtitleDocument]:
    """SubRip or WebVTT, by the extension, else by the content."""
    if path.suffix.lower() in (".vtt", ".srt"):
        return VttDocument if path.suffix.lower() == ".vtt" else SrtDocument
    return VttDocument if data.lstrip(b"\xef\xbb\xbf").startswith(b"WEBVTT") else SrtDocument


class SrtDocument(SubtitleDocument):
    """A SubRip file, with the ``srt`` library."""

    format = "srt"

    @classmethod
    def parse(cls, text: str, path: Path) -> tuple[Any, list[Cue]]:
        import srt

        try:
            subtitles = list(srt.parse(text))
        except srt.SRTParseError as exc:
            if text.startswith("WEBVTT"):
                raise InputError(f"{path}: a WebVTT file, not SubRip; rename it .vtt") from exc
            line = text.count("\n", 0, exc.expected_start) + 1
            raise InputError(
                f"{path}:{line}: not a SubRip (.srt) file: a cue's number and times were "
                "expected here"
            ) from exc
        cues = [
            Cue(s.start.total_seconds(), s.end.total_seconds(), s.content.split("\n"), index)
            for index, s in enumerate(subtitles)
        ]
        return subtitles, cues

    @classmethod
    def texts_as_written(cls, parsed: Any) -> list[str]:
        return [subtitle.content for subtitle in parsed]

    def numbers(self, cues: list[Cue]) -> list[str]:
        """Each cue's number as the source has it (a review's notes name cues by them); a cue
        the source gave none (the ``srt`` library reads a file without them) the one after the
        cue before's."""
        numbers, number = [], 0
        for cue in cues:
            given = self.parsed[cue.index].index
            number = given if isinstance(given, int) else number + 1
            numbers.append(str(number))
        return numbers

    def write(self, cues: list[Cue]) -> str:
        import datetime

        import srt

        subtitles = [
            srt.Subtitle(
                int(number),
                datetime.timedelta(seconds=cue.start),
                datetime.timedelta(seconds=cue.end),
                "\n".join(cue.lines) if cue.as_written is None else cue.as_written,
                # what its time line has after the times (SubRip's position, X1:100 ...)
                self.parsed[cue.index].proprietary,
            )
            for number, cue in zip(self.numbers(cues), cues)
        ]
        return str(srt.compose(subtitles, reindex=False))


class VttDocument(SubtitleDocument):
    """A WebVTT file, with ``webvtt-py`` (its header, notes, styles and cue settings kept)."""

    format = "vtt"

    @classmethod
    def parse(cls, text: str, path: Path) -> tuple[Any, list[Cue]]:
        import webvtt
        from webvtt.errors import MalformedFileError

        try:
            parsed = webvtt.from_buffer(io.StringIO(text))
        except MalformedFileError as exc:
            if _SUBRIP_START.match(text):
                raise InputError(f"{path}: a SubRip file, not WebVTT; rename it .srt") from exc
            raise InputError(f"{path}: not a WebVTT (.vtt) file: {exc}") from exc
        cues = [
            _in_html(
                _spanned(
                    Cue(_seconds(c.start_time), _seconds(c.end_time), c.raw_text.split("\n"), index)
                )
            )
            for index, c in enumerate(parsed.captions)
        ]
        return parsed, cues

    @classmethod
    def texts_as_written(cls, parsed: Any) -> list[str]:
        return [caption.raw_text for caption in parsed.captions]

    def numbers(self, cues: list[Cue]) -> list[str]:
        """Each cue's identifier (``3``, ``intro-1``), else its place in the written file."""
        captions = self.parsed.captions
        return [
            (captions[cue.index].identifier or "").strip() or str(place)
            for place, cue in enumerate(cues, 1)
        ]

    def identifier_and_settings(self, cue: Cue) -> tuple[str, str]:
        """``cue``'s identifier (``intro-2``) and settings (``line:0 align:start``) as the file
        writes them; ``""`` for none."""
        caption = self.parsed.captions[cue.index]
        return caption.identifier or "", str(caption.settings or "")

    def write(self, cues: list[Cue]) -> str:
        import copy

        parsed = copy.deepcopy(self.parsed)
        captions = list(parsed.captions)
        kept = []
        for written in cues:  # a cue merged into the one before is not among them
            caption = captions[written.index]
            lines = [cue_tags_as_webvtt(line) for line in written.lines]
            caption.text = (
                written.before + "\n".join(lines) + written.after
                if written.as_written is None
                else written.as_written
            )
            caption.end = timestamp(written.end)
            kept.append(caption)
        parsed.captions[:] = kept
        if self.tgt_lang:  # the header's language is the translation's
            parsed.metadata[:] = [
                f"Language: {self.tgt_lang}" if m.lower().startswith("language:") else m
                for m in parsed.metadata
            ]
        return str(parsed.content)


def _spanned(cue: Cue) -> Cue:
    """``cue`` with a voice or class span around all its text (``<v Roger>...</v>``,
    ``<c.loud>...</c>``; a voice's end tag may be left out) set aside as its ``before`` and
    ``after``: the model would translate the speaker's name and lose the tags, and a group of
    cues would join two speakers' sentences."""
    text = "\n".join(cue.lines)
    found = _WHOLE_SPAN.fullmatch(text)
    if found is None or (found.group("end") == "" and found.group("name") != "v"):
        return cue
    inner = found.group("inner")
    if re.search(rf"</?{found.group('name')}\b", inner):  # spans of its kind inside: not one
        return cue
    return replace(
        cue, lines=inner.split("\n"), before=found.group("start"), after=found.group("end")
    )


def _in_html(cue: Cue) -> Cue:
    """``cue`` with its lines' start tags of classes or an annotation (``<c.highlight>``) as
    HTML's (:func:`~ltmt.formats.subtitle_markup.cue_tags_as_html`), which :meth:`VttDocument.write`
    writes back; a span around the whole cue is set aside before (:func:`_spanned`)."""
    return replace(cue, lines=[cue_tags_as_html(line) for line in cue.lines])


def _seconds(time: Any) -> float:
    return float(time.in_milliseconds()) / 1000


def timestamp(seconds: float, decimal: str = ".") -> str:
    """``seconds`` as a cue time: ``00:01:02.500`` (WebVTT), ``00:01:02,500`` with ``","``
    (SubRip)."""
    millis = round(seconds * 1000)
    hours, millis = divmod(millis, 3_600_000)
    minutes, millis = divmod(millis, 60_000)
    secs, millis = divmod(millis, 1000)
    return f"{hours:02d}:{minutes:02d}:{secs:02d}{decimal}{millis:03d}"
