"""The limits a subtitle cue is held to, and how each is measured: its reading speed in
characters a second (:data:`READING_SPEED`, 17), its lines' length in characters shown
(:data:`~ltmt.formats.subtitle_lines.LINE_LENGTH`, 42) and its number of lines
(:data:`MAX_LINES`, 2), as Netflix's English template style guide for adult programmes gives
them (backlothelp.netflix.com, "English Template Timed Text Style Guide"), and most
broadcasters. ``ltmt translate``'s warnings on the cues it wrote and ``ltmt qa``'s
``subtitles`` check read them here, so that the two never disagree."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ltmt.errors import InputError
from ltmt.formats.subtitle_lines import LINE_LENGTH, shown_length
from ltmt.formats.subtitle_pairs import TAGS

if TYPE_CHECKING:
    from ltmt.formats.subtitle_cues import Cue

READING_SPEED = 17  # characters a second
MAX_LINES = 2  # lines a cue shows


@dataclass(frozen=True)
class Limits:
    """A cue's limits: ``cps`` characters a second, ``line_length`` characters a line,
    ``lines`` lines."""

    cps: float = READING_SPEED
    line_length: int = LINE_LENGTH
    lines: int = MAX_LINES

    def __post_init__(self) -> None:
        for name, value in (
            ("characters a second", self.cps),
            ("line length", self.line_length),
            ("lines", self.lines),
        ):
            if value <= 0:
                raise InputError(f"a subtitle limit of {value:g} {name}: give a number above 0")

    def over(self, cue: Cue) -> dict[str, str]:
        """The limits ``cue`` is over (``cps``, ``line_length``, ``lines``), each with what
        it says: the cue's measure and the limit."""
        said = {}
        speed = reading_speed(cue)
        if speed > self.cps:
            said["cps"] = f"reads at {speed:.1f} characters a second (at most {self.cps:g})"
        longest = max((shown_length(line) for line in cue.lines), default=0)
        if longest > self.line_length:
            said["line_length"] = f"has a line of {longest} characters (at most {self.line_length})"
        shown = sum(1 for line in cue.lines if line.strip())
        if shown > self.lines:
            said["lines"] = f"has {shown} lines (at most {self.lines})"
        return said


def reading_speed(cue: Cue) -> float:
    """Characters a second (tags left out), as subtitle guidelines count reading speed."""
    return len(TAGS.sub("", cue.text)) / max(cue.end - cue.start, 0.001)
