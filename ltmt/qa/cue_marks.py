"""qa's checks of what a WebVTT cue carries beside its words (its marks), which its sentence
pairs do not show, compared with the cue of its ``--source-file`` at its time
(:func:`~ltmt.formats.subtitle_pairs.matched_cues`).

A voice span around the cue lost or changed (``<v Anna>Where were you?`` → ``Wo warst du?``:
the player no longer names or styles the speaker; a ``placeholders`` error), and the cue's
settings (``line:0 align:start``: where it shows) or identifier (``intro-2``: what a style
sheet, a chapter list or a script names it by) lost or changed (a ``cues`` error: the file's
structure); an identifier of digits alone is the cue's sequence number, which converters drop
or renumber: no structure, never a finding. The pairs set the voice span aside
(:func:`ltmt.formats.subtitles._spanned`), and hold no settings or identifiers.
"""

from __future__ import annotations

import re
from pathlib import Path

from ltmt.qa.catalog_forms import FormProblem


def cue_mark_problems(
    path: Path, fmt: str | None = None, source_file: Path | None = None
) -> list[FormProblem]:
    """The problems of the WebVTT translation ``path`` of ``source_file`` (module docstring),
    each at its cue's place in ``path`` as its pairs name it. Another format, a folder, or no
    source file: none."""
    from ltmt.formats.registry import find_format
    from ltmt.formats.subtitle_pairs import matched_cues
    from ltmt.formats.subtitles import VttDocument

    if source_file is None or path.is_dir() or Path(source_file).is_dir():
        return []
    if find_format(path, fmt, role="read").name != "vtt":
        return []
    source, translation = VttDocument.open(Path(source_file)), VttDocument.open(path)
    problems = []
    for cue, place in zip(source.cues, matched_cues(source.cues, translation.cues)):
        if place is None:
            continue
        theirs = translation.cues[place]
        position = f"{path}: {translation.cue_name((place, place))}"
        messages = [(m, "placeholders") for m in _voice(cue.before, theirs.before)]
        ours_marks = source.identifier_and_settings(cue)
        their_marks = translation.identifier_and_settings(theirs)
        messages += [(m, "cues") for m in _marks(ours_marks, their_marks)]
        problems += [
            FormProblem(position, cue.text, theirs.text, message, check)
            for message, check in messages
        ]
    return problems


def _voice(ours: str, theirs: str) -> list[str]:
    """The source cue's voice or class span around it (``<v Anna>``, ``ours``) lost or changed
    in the translation's (``theirs``)."""
    if ours == theirs or not ours:
        return []
    if not theirs:
        return [f"lacks the span {ours} around the cue: keep it around the cue's text"]
    return [f"has the span {theirs} around the cue where the source has {ours}: keep the source's"]


_SEQUENCE_NUMBER = re.compile(r"[0-9]+")


def _marks(ours: tuple[str, str], theirs: tuple[str, str]) -> list[str]:
    """The source cue's identifier and settings (``ours``) lost or changed in the
    translation's (``theirs``); an identifier that is a sequence number (``1``) is none."""
    if _SEQUENCE_NUMBER.fullmatch(ours[0]):
        ours = ("", ours[1])
    problems = []
    for what, where, mine, their in zip(
        ("identifier", "settings"), ("it above", "them after"), ours, theirs, strict=True
    ):
        if mine == their or not mine:
            continue
        if not their:
            problems.append(
                f"lacks the source's cue {what} {mine!r}: write {where} the times as the "
                "source does"
            )
        else:
            problems.append(
                f"has the cue {what} {their!r} where the source has {mine!r}: write the source's"
            )
    return problems
