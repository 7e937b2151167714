"""Subtitles (SubRip ``.srt``, WebVTT ``.vtt``) translated into a subtitle file of the target
language with the same cues: ``ltmt translate film.en.srt -o film.de.srt``.

Read and written with ``srt`` and ``webvtt-py``, which keep what is not text (WebVTT's header,
``NOTE`` and ``STYLE`` blocks, cue identifiers and settings). A sentence often runs over two or
three cues: consecutive cues are translated together, as one unit, until one ends a sentence
(``.``, ``?``, ``!``, ``…``, a closing quote; inline tags aside: ``.</i>``), a pause of more
than two seconds, or three cues; the translation is then laid out over the same cues
(:mod:`ltmt.formats.subtitle_lines`: by their share of the source, each in at most two lines
of 42 characters). A cue of dialogue
(``- Fine.`` / ``- Good.``, one speaker a line) is translated line by line. Where a
translation has fewer words than its cues, the cues left empty are merged into the one before
(its end time extended). Formatting (``<i>``, ``<b>``) is kept as the inline tags of any format;
a WebVTT voice or class span around a whole cue (``<v Roger>...</v>``, ``<c.loud>``) is set
aside and put back around the cue's translation, and a change of voice ends a cue group.
SubRip's text after a cue's times (its position, ``X1:100 X2:600 ...``) stays, and so does a
cue's number.

An existing output is the translation so far (as for app catalogs): a cue group whose cues it
has, at the same times, with other text than the source, is kept; ``--overwrite`` translates
all. ``ltmt memory import film.de.srt --source-file film.en.srt`` stores the sentence pairs of
two such files (the cues matched by their times).
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, ClassVar

from ltmt.errors import InputError
from ltmt.formats.common import atomic_write, decode, read_bytes, source_file_given, written_like
from ltmt.formats.documents import TranslationsHeld, Unit
from ltmt.formats.subtitle_lines import split_over, wrap
from ltmt.segments import PairRecord
from ltmt.wording import counted

WHAT = "a subtitle file"
GAP_SECONDS = 2.0  # a pause this long ends a cue group
MAX_CUES = 3  # cues translated together at most
_SENTENCE_END = re.compile(r"[.!?…♪\"»”')\]]\s*$")
_DIALOGUE = re.compile(r"^\s*-\s*")
LINE = ":"  # a dialogue line's key: CUE:LINE
# characters a second: the reading speed of Netflix's English template style guide for adult
# programmes (its line: 42 characters, 2 lines at most; backlothelp.netflix.com, "English
# Template Timed Text Style Guide")
READING_SPEED = 17
_TAGS = re.compile(r"<[^<>]+>")
# a WebVTT voice or class span around a whole cue: <v Roger>...</v>, <v.loud Roger>, <c.yellow>
_WHOLE_SPAN = re.compile(
    r"(?P<start><(?P<name>v|c)(?:\.[\w-]+)*(?:[ \t][^<>\n]*)?>)(?P<inner>.*?)"
    r"(?P<end></(?P=name)>|)",
    re.DOTALL,
)


@dataclass
class Cue:
    """One cue: its times (seconds) and text lines (inline tags kept); ``before`` and
    ``after``: a WebVTT voice or class span around the whole cue (``<v Roger>`` and ``</v>``),
    which its translation gets around it too."""

    start: float
    end: float
    lines: list[str]
    before: str = ""
    after: str = ""

    @property
    def text(self) -> str:
        return " ".join(line.strip() for line in self.lines if line.strip())

    @property
    def dialogue(self) -> bool:
        """Two speakers or more, one a line, each after a dash."""
        return len(self.lines) > 1 and all(_DIALOGUE.match(line) for line in self.lines)


def _groups(cues: list[Cue]) -> list[list[int]]:
    """Consecutive cues translated together (module docstring), by index."""
    groups: list[list[int]] = []
    for index, cue in enumerate(cues):
        last = groups[-1] if groups else None
        joins = (
            last is not None
            and not cue.dialogue
            and not cues[last[-1]].dialogue
            and len(last) < MAX_CUES
            and cue.start - cues[last[-1]].end <= GAP_SECONDS
            and not _SENTENCE_END.search(_TAGS.sub("", cues[last[-1]].text))
            and bool(cues[last[-1]].text)
            and cue.before == cues[last[-1]].before  # the same speaker
        )
        if joins and last is not None:
            last.append(index)
        else:
            groups.append([index])
    return groups


class SubtitleDocument(TranslationsHeld):
    """A subtitle file to translate into the target language's (module docstring)."""

    format: ClassVar[str] = "srt"
    what_is_filled = "cue"

    def __init__(self, path: Path, data: bytes, tgt_lang: str | None = None) -> None:
        super().__init__()
        self.path = Path(path)
        self.data = data  # as read: its line ends and byte order mark are the output's
        self.tgt_lang = tgt_lang
        self.parsed, self.cues = self.parse(decode(data, self.path), self.path)
        self.groups = _groups(self.cues)
        self._group_of = {group[0]: group for group in self.groups}

    @classmethod
    def open(cls, path: Path, tgt_lang: str | None = None, **_: Any) -> SubtitleDocument:
        path = Path(path)
        data = read_bytes(path, WHAT)
        kind = cls if cls is not SubtitleDocument else _kind(path, data)
        return kind(path, data, tgt_lang)

    @classmethod
    def read(cls, path: Path) -> tuple[Any, list[Cue]]:
        """The parsed file ``path`` and its cues."""
        return cls.parse(decode(read_bytes(Path(path), WHAT), Path(path)), Path(path))

    @classmethod
    def parse(cls, text: str, path: Path) -> tuple[Any, list[Cue]]:
        """The parsed ``text`` (of the file ``path``, named in errors) and its cues."""
        raise NotImplementedError

    def write(self, cues: list[Cue]) -> str:
        raise NotImplementedError

    def units(self) -> list[Unit]:
        units = []
        for group in self.groups:
            first = self.cues[group[0]]
            if first.dialogue:
                for number, line in enumerate(first.lines):
                    text = _undash(line)
                    if text:
                        units.append(Unit(f"{group[0]}{LINE}{number}", text))
                continue
            text = " ".join(self.cues[i].text for i in group if self.cues[i].text)
            if text:
                units.append(Unit(str(group[0]), text))
        return units

    def translated_cues(self) -> list[Cue]:
        """The cues with their translations laid out (the source's where there is none)."""
        out: list[Cue] = []
        for group in self.groups:
            cues = [self.cues[i] for i in group]
            if cues[0].dialogue:
                lines = [
                    _dash(line) + self.translations.get(f"{group[0]}{LINE}{n}", _undash(line))
                    for n, line in enumerate(cues[0].lines)
                ]
                out.append(Cue(cues[0].start, cues[0].end, lines))
                continue
            text = self.translations.get(str(group[0]))
            if text is None:
                out.extend(replace(c, lines=list(c.lines)) for c in cues)
                continue
            parts = split_over(text, [len(c.text) for c in cues], self.tgt_lang or "")
            for cue, part in zip(cues, parts):
                if part or not out:
                    out.append(replace(cue, lines=wrap(part, language=self.tgt_lang or "")))
                else:  # fewer words than cues: the one before shows longer
                    out[-1].end = cue.end
        return out

    def adopt(self, target: Path) -> int:
        """Take over the translations ``target`` (this file's translation so far) holds: the
        groups whose cues it has at the same times, with other text than the source's."""
        adopted = 0
        for key, text in self._aligned(target).items():
            self.translations[key] = text
            adopted += 1
        return adopted

    def _aligned(self, target: Path) -> dict[str, str]:
        """The units' texts in ``target``, matched by the cues' times (module docstring)."""
        _, theirs = type(self).read(Path(target))
        by_time: dict[float, list[Cue]] = {}
        for cue in theirs:
            by_time.setdefault(round(cue.start, 3), []).append(cue)
        found: dict[str, str] = {}
        for unit in self.units():
            index, _, line = unit.key.partition(LINE)
            group = self._group_of[int(index)]
            matched = [by_time.get(round(self.cues[i].start, 3), [None])[0] for i in group]
            if any(cue is None for cue in matched):
                continue
            if line:
                lines = matched[0].lines if matched[0] is not None else []
                text = _undash(lines[int(line)]) if int(line) < len(lines) else ""
            elif any(c is not None and c.text == self.cues[i].text for c, i in zip(matched, group)):
                continue  # a cue of the group is as in the source: not translated yet
            else:
                text = " ".join(c.text for c in matched if c is not None and c.text)
            if text and text != unit.source:
                found[unit.key] = text
        return found

    @classmethod
    def pairs(cls, path: Path, source_file: Path | None = None, **_: Any) -> Iterator[PairRecord]:
        """The sentence pairs of the translated subtitles ``path`` and their ``source_file``."""
        source_file = source_file_given(path, WHAT, source_file)
        document = cls.open(Path(source_file))
        texts = document._aligned(Path(path))
        records = [
            PairRecord(unit.source, texts[unit.key], f"{path}: cue {unit.key}", {})
            for unit in document.units()
            if unit.key in texts
        ]
        return iter(records)

    def review_notes(self) -> list[str]:
        """The cues the translation made read faster than :data:`READING_SPEED` characters a
        second where their source did not (a subtitler shortens them or lengthens their
        times)."""
        fast = [
            number
            for number, (source, cue) in enumerate(self._pairs(), 1)
            if reading_speed(cue) > READING_SPEED >= reading_speed(source)
        ]
        if not fast:
            return []
        shown = ", ".join(map(str, fast[:5])) + (", ..." if len(fast) > 5 else "")
        return [
            f"{counted(len(fast), 'cue')} now read faster than {READING_SPEED} characters a "
            f"second (cue {shown}): shorten them or give them more time"
        ]

    def _pairs(self) -> list[tuple[Cue, Cue]]:
        """Each written cue beside the source cue it starts at."""
        sources = {round(c.start, 3): c for c in self.cues}
        return [(sources[round(c.start, 3)], c) for c in self.translated_cues()]

    def save(self, out_path: Path) -> None:
        atomic_write(Path(out_path), written_like(self.data, self.write(self.translated_cues())))


def reading_speed(cue: Cue) -> float:
    """Characters a second (tags left out), as subtitle guidelines count reading speed."""
    return len(_TAGS.sub("", cue.text)) / max(cue.end - cue.start, 0.001)


def _kind(path: Path, data: bytes) -> type[SubtitleDocument]:
    """SubRip or WebVTT, by the extension, else by the content."""
    if path.suffix.lower() in (".vtt", ".srt"):
        return VttDocument if path.suffix.lower() == ".vtt" else SrtDocument
    return VttDocument if data.lstrip(b"\xef\xbb\xbf").startswith(b"WEBVTT") else SrtDocument


def _dash(line: str) -> str:
    found = _DIALOGUE.match(line)
    return found.group(0) if found else ""


def _undash(line: str) -> str:
    return _DIALOGUE.sub("", line).strip()


class SrtDocument(SubtitleDocument):
    """A SubRip file, with the ``srt`` library."""

    format = "srt"

    @classmethod
    def parse(cls, text: str, path: Path) -> tuple[Any, list[Cue]]:
        import srt

        try:
            subtitles = list(srt.parse(text))
        except srt.SRTParseError as exc:
            line = text.count("\n", 0, exc.expected_start) + 1
            raise InputError(
                f"{path}:{line}: not a SubRip (.srt) file: a cue's number and times were "
                "expected here"
            ) from exc
        cues = [
            Cue(s.start.total_seconds(), s.end.total_seconds(), s.content.split("\n"))
            for s in subtitles
        ]
        return subtitles, cues

    def write(self, cues: list[Cue]) -> str:
        import datetime

        import srt

        # what a cue's time line has after its times (SubRip's position, X1:100 X2:600 ...),
        # and its number as the source has it (a review's notes name cues by them)
        placed = {round(s.start.total_seconds(), 3): s.proprietary for s in self.parsed}
        numbered = {round(s.start.total_seconds(), 3): s.index for s in self.parsed}
        subtitles, number = [], 0
        for cue in cues:
            number = numbered.get(round(cue.start, 3), number + 1)
            subtitles.append(
                srt.Subtitle(
                    number,
                    datetime.timedelta(seconds=cue.start),
                    datetime.timedelta(seconds=cue.end),
                    "\n".join(cue.lines),
                    placed.get(round(cue.start, 3), ""),
                )
            )
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
            raise InputError(f"{path}: not a WebVTT (.vtt) file: {exc}") from exc
        cues = [
            _spanned(Cue(_seconds(c.start_time), _seconds(c.end_time), c.raw_text.split("\n")))
            for c in parsed.captions
        ]
        return parsed, cues

    def write(self, cues: list[Cue]) -> str:
        import copy

        parsed = copy.deepcopy(self.parsed)
        captions = list(parsed.captions)
        by_start = {round(c.start, 3): c for c in cues}
        kept = []
        for caption, cue in zip(captions, self.cues):
            written = by_start.get(round(cue.start, 3))
            if written is None:  # merged into the cue before
                continue
            caption.text = written.before + "\n".join(written.lines) + written.after
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
