"""qa's ``subtitles`` check: each cue of a SubRip or WebVTT translation within a subtitle's
delivery limits (:class:`~ltmt.formats.subtitle_limits.Limits`: characters a second,
characters a line, lines a cue, the limits ``ltmt translate`` warns of), which its sentence
pairs do not show. A cue over the lines a cue may have is an error (a player shows a third
line over the picture, or a broadcaster's check rejects the file), one too fast or with a
line too long a warning."""

from __future__ import annotations

from pathlib import Path

from ltmt.formats.subtitle_limits import Limits
from ltmt.qa.catalog_forms import FormProblem
from ltmt.qa.findings import Severity

_FORMATS = ("srt", "vtt")


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
    for number, cue in zip(document.numbers(document.cues), document.cues, strict=True):
        over = limits.over(cue)
        if over:
            severity: Severity | None = "error" if "lines" in over else None
            said = "; ".join(over.values())
            where = f"{path}: cue {number}"
            problems.append(
                FormProblem(where, "", "\n".join(cue.lines), said, "subtitles", severity)
            )
    return problems
