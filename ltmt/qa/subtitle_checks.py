"""qa's ``subtitles`` check: each cue of a SubRip or WebVTT translation within a subtitle's
delivery limits (:class:`~ltmt.formats.subtitle_limits.Limits`: characters a second,
characters a line, lines a cue, the limits ``ltmt translate`` warns of), which its sentence
pairs do not show. A cue over the lines a cue may have is an error (a player shows a third
line over the picture, or a broadcaster's check rejects the file), one too fast or with a
line too long a warning. With the source file, a cue paired with the source's by its place,
as none of the source's starts at its time (:func:`~ltmt.formats.subtitle_pairs.retimed`), is
an error: its timing changed, which a subtitler must never get unnoticed."""

from __future__ import annotations

from pathlib import Path

from ltmt.formats.subtitle_limits import Limits
from ltmt.qa.catalog_forms import FormProblem
from ltmt.qa.findings import Severity

_FORMATS = ("srt", "vtt")
_RETIMED = "timing changed to {theirs} (the source's {ours}): give it the source's timing"


def subtitle_problems(
    path: Path, fmt: str | None = None, limits: Limits | None = None
) -> list[FormProblem]:
    """Each cue of the subtitle file ``path`` over ``limits`` (default: the guide's): one
    problem a cue, naming each limit it is over. Another format, or a folder: none."""
    from ltmt.formats.registry import find_format
    from ltmt.formats.subtitles import SubtitleDocument

    if path.is_dir() or find_format(path, fmt, role="read").name not in _FORMATS:
        return []
    limits = limits or Limits()
    document = SubtitleDocument.open(path)
    problems = []
    for index, cue in enumerate(document.cues):
        over = limits.over(cue)
        if over:
            severity: Severity | None = "error" if "lines" in over else None
            said = "; ".join(over.values())
            where = f"{path}: {document.cue_name((index, index))}"
            problems.append(
                FormProblem(where, "", "\n".join(cue.lines), said, "subtitles", severity)
            )
    return problems


def timing_problems(
    path: Path, source_file: Path | None, fmt: str | None = None
) -> list[FormProblem]:
    """Each cue of the subtitle file ``path`` re-timed from ``source_file``'s (module
    docstring), an error. Another format, a folder or no source file: none."""
    from ltmt.formats.registry import find_format
    from ltmt.formats.subtitle_pairs import paired_cues, retimed
    from ltmt.formats.subtitles import SubtitleDocument

    if source_file is None or path.is_dir() or source_file.is_dir():
        return []
    name = find_format(path, fmt, role="read").name
    if name not in _FORMATS:
        return []
    ours, theirs = SubtitleDocument.open(source_file), SubtitleDocument.open(path)
    paired = paired_cues(ours.cues, theirs.cues)
    decimal = "," if name == "srt" else "."
    problems = []
    for index in retimed(ours.cues, theirs.cues):
        cue, place = ours.cues[index], paired[index]
        if place is None:  # never: a cue re-timed is paired by its place
            continue
        mine = theirs.cues[place]
        message = _RETIMED.format(
            theirs=_times(mine.start, mine.end, decimal), ours=_times(cue.start, cue.end, decimal)
        )
        where = f"{path}: {theirs.cue_name((place, place))}"
        problems.append(FormProblem(where, cue.text, mine.text, message, "subtitles", "error"))
    return problems


def _times(start: float, end: float, decimal: str) -> str:
    from ltmt.formats.subtitles import timestamp

    return f"{timestamp(start, decimal)} --> {timestamp(end, decimal)}"
