"""qa's check of a subtitle translation against its source file for cues whose words are gone:
a source cue with words whose translation has no cue at its time (merged into the cue before:
a warning, its words may be there), an empty cue, and a caption whose cue the translation gave
the next cue's sentence instead (``THOMAS BRANDT`` / ``Former Border Guard`` written as ``Ich
bin Thomas`` / ``Brandt,``, then ``ich war Grenzsoldat.``: the caption's words are lost, and
the sentence pairs of the two, not lined up, were only counted as left out). Errors, but the
merged cue: a file missing a name tag or a location card is rejected at delivery."""

from __future__ import annotations

from pathlib import Path

from ltmt.qa.catalog_forms import FormProblem

_FORMATS = ("srt", "vtt")
_MERGED = (
    "has no cue of its own in the translation (merged into the cue before?): check that its "
    "words are there, or give it its cue back"
)
_EMPTY = "its cue in the translation is empty: translate its words"
_SPILLED = (
    "the caption's words are missing: the next cue's sentence starts in its cue; translate "
    "the caption on its own"
)


def lost_cue_problems(
    path: Path, source_file: Path | None, fmt: str | None = None
) -> list[FormProblem]:
    """Each cue of ``source_file`` whose words are gone from the subtitle file ``path``, its
    translation (module docstring), in the source's order. Another format, a folder or no
    source file: none."""
    from ltmt.formats.registry import find_format
    from ltmt.formats.subtitle_cues import spilled_captions, stands_alone
    from ltmt.formats.subtitle_pairs import group_words, paired_cues
    from ltmt.formats.subtitles import SubtitleDocument

    if source_file is None or path.is_dir() or source_file.is_dir():
        return []
    if find_format(path, fmt, role="read").name not in _FORMATS:
        return []
    ours, theirs = SubtitleDocument.open(source_file), SubtitleDocument.open(path)
    cues = ours.cues
    paired = paired_cues(cues, theirs.cues)
    captions = {i for i in range(len(cues) - 1) if stands_alone(cues[i], cues[i + 1])}
    spilled = spilled_captions(cues, theirs.cues, captions, checked=True)
    problems = []
    for index, cue in enumerate(cues):
        words = group_words([cue])
        place = paired[index]
        if not words:
            continue
        if place is None:  # named as the source names it: the translation has no such cue
            where = f"{source_file}: {ours.cue_name((index, index))}"
            problems.append(FormProblem(where, words, "", _MERGED, "subtitles"))
            continue
        target = group_words([theirs.cues[place]])
        if target and index not in spilled:
            continue
        where = f"{path}: {theirs.cue_name((place, place))}"
        message = _SPILLED if target else _EMPTY
        problems.append(FormProblem(where, words, target, message, "subtitles", "error"))
    return problems
