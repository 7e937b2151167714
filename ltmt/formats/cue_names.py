"""How ltmt names a subtitle cue where it points at one (``ltmt qa``'s findings, a memory
import's skipped cues): by its number, or a WebVTT cue's identifier (``cue intro-1``), and its
start time as the file writes it, ``cue 3 (00:00:04,200)``, so that a subtitler finds it in any
editor; and on which line of the file each cue starts (``ltmt qa --json``'s ``line``)."""

from __future__ import annotations

import re

_TIMING = re.compile(r"^\s*\d*:?\d{2}:\d{2}[,.]\d{3}\s*-->")


def cue_name(numbers: list[str], cues: tuple[int, int], start: str) -> str:
    """``cue 4 (00:00:05,000)`` or ``cues 4-6 (00:00:05,000)``: the first and last of ``cues``
    (indexes) by their ``numbers``, and ``start``, the first's start time as written."""
    first, last = numbers[cues[0]], numbers[cues[1]]
    named = f"cue {first}" if cues[0] == cues[1] else f"cues {first}-{last}"
    return f"{named} ({start})"


def cue_lines(text: str, cues: int) -> list[int | None]:
    """The line (from 1) each of a file's ``cues`` cues starts on: its number's or identifier's
    line where one is above its timing line, else its timing line; None for all where the
    file's timing lines are not as many as its cues."""
    lines = text.splitlines()
    starts: list[int | None] = []
    for at, line in enumerate(lines):
        if _TIMING.match(line):
            named = at > 0 and lines[at - 1].strip() != "" and "-->" not in lines[at - 1]
            starts.append(at if named else at + 1)
    return starts if len(starts) == cues else [None] * cues
