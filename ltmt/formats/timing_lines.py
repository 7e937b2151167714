"""A translated subtitle file's timing lines and its end as the source writes them.

The ``srt`` and ``webvtt-py`` libraries write every time in the long form (``00:00:01.000``),
and ``srt`` a blank line after the last cue: a WebVTT source's ``00:01.000 --> 00:04.000`` or a
file ending in one line feed then shows as changed in a diff against the client's file. A cue
whose times are the source's is written with the source's timing line, byte for byte (its cue
settings or SubRip position after the times too); a re-timed cue (its end extended over a cue
merged into it) keeps the written one. The written file ends in as many line feeds as the
source.
"""

from __future__ import annotations

import re

# a cue's timing line: WebVTT's hours may be left out, SubRip's decimal is a comma; every
# part is one run of one class, so a long line cannot make it backtrack
_TIMING = re.compile(r"[ \t]*(?:\d+:)?\d{2}:\d{2}[,.]\d{3}[ \t]+-->")


def is_timing_line(line: str) -> bool:
    """Whether ``line`` is a cue's timing line (``00:01.000 --> 00:04.000 align:start``)."""
    return _TIMING.match(line) is not None


def timing_lines(text: str) -> list[str]:
    """``text``'s timing lines (line feeds only), in the order of its cues."""
    return [line for line in text.split("\n") if is_timing_line(line)]


def with_source_timing(written: str, source: str, kept: list[int | None]) -> str:
    """``written`` (a subtitle file of the cues ``kept`` describes, line feeds only) with its
    ``n``-th timing line the ``n``-th of ``source`` where ``kept[n]`` says the cue's times are
    the source's, and ending in as many line feeds as ``source``. ``kept[n]`` is the index of
    the source cue written ``n``-th where its times are unchanged, else None; where either file
    has not one timing line a cue, ``written``'s timing lines are left as they are."""
    ours = timing_lines(source)
    lines = written.split("\n")
    places = [at for at, line in enumerate(lines) if is_timing_line(line)]
    if len(places) == len(kept) and all(i is None or i < len(ours) for i in kept):
        for at, index in zip(places, kept):
            if index is not None:
                lines[at] = ours[index]
    return _ending_like("\n".join(lines), source)


def _ending_like(written: str, source: str) -> str:
    """``written`` ending in as many line feeds as ``source`` (a file of no cues as written)."""
    if not written.strip():
        return written
    feeds = len(source) - len(source.rstrip("\n"))
    return written.rstrip("\n") + "\n" * feeds
