"""Subtitles through ``ltmt translate``: sentences cut into cues as subtitles cut them.

Test sentences (Tatoeba's test set by default: short everyday speech) become a SubRip file: a
sentence of more than 42 characters is cut into two or three cues at words, each cue in lines of
at most 42 characters, with a pause of 0.1 s between a sentence's cues and 1 s between
sentences. Three translations are scored against the references (BLEU, chrF2), a sentence's
cues joined:

- ``grouped``: ``ltmt translate film.srt -o film.de.srt`` (cues translated together, then laid
  out over them);
- ``cue_by_cue``: every cue's text translated on its own, as a tool that knows only cues would
  (``ltmt translate cues.txt``, one cue a line);
- ``sentences``: the sentences themselves (``ltmt translate sentences.txt``): what the grouping
  should reach.

It also checks the output: the cues' times as in the source (or merged into the cue before),
how many lines hold more than 42 characters, and how many cues read faster than 17 characters
a second, in the source and translated (German runs longer than English).

    python eval/subtitle_trial.py --output eval/results/subtitles/tatoeba-300.json
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path
from typing import Any

from support import REPO, emit_report, ltmt_json, use_this_checkout

use_this_checkout()

LINE = 42


def _cues(sentence: str) -> list[str]:
    """``sentence`` cut into cues of at most two lines of 42 characters (one to three cues)."""
    words = sentence.split()
    count = 1 if len(sentence) <= LINE else 2 if len(sentence) <= 2 * LINE else 3
    size = -(-len(words) // count)
    return [" ".join(words[i : i + size]) for i in range(0, len(words), size)][:count] or [""]


def _write_srt(path: Path, sentences: list[str]) -> list[list[tuple[float, float]]]:
    """The SubRip file of ``sentences``; returns each sentence's cue times."""
    from ltmt.formats.subtitle_lines import wrap
    from ltmt.formats.subtitles import timestamp

    blocks, times, clock, number = [], [], 0.0, 0
    for sentence in sentences:
        spans = []
        for cue in _cues(sentence):
            number += 1
            start, end = clock, clock + 1.0 + len(cue) / 15
            spans.append((round(start, 3), round(end, 3)))
            times_line = f"{timestamp(start, ',')} --> {timestamp(end, ',')}"
            blocks.append(f"{number}\n{times_line}\n" + "\n".join(wrap(cue)))
            clock = end + 0.1
        times.append(spans)
        clock += 0.9
    path.write_text("\n\n".join(blocks) + "\n", "utf-8")
    return times


def _translated_sentences(
    path: Path, times: list[list[tuple[float, float]]]
) -> tuple[list[str], dict[str, int]]:
    """Each sentence's translation (its cues joined), and the output's checks."""
    from ltmt.formats.subtitles import SrtDocument

    _, cues = SrtDocument.read(path)
    by_start = {round(c.start, 3): c for c in cues}
    sentences, moved, merged = [], 0, 0
    for spans in times:
        found = [by_start.get(start) for start, _ in spans]
        merged += sum(c is None for c in found)
        kept = [c for c in found if c is not None]
        moved += sum(round(c.start, 3) != s for c, (s, _) in zip(kept, spans))
        sentences.append(" ".join(c.text for c in kept))
    lines = [line for cue in cues for line in cue.lines]
    _, source_cues = SrtDocument.read(path.with_name("film.en.srt"))
    checks = {
        "cues_in": sum(len(s) for s in times),
        "cues_out": len(cues),
        "cues_merged_into_the_one_before": merged,
        "cues_with_other_times": moved,
        "lines": len(lines),
        "lines_over_42": sum(len(line) > LINE for line in lines),
        "cues_over_2_lines": sum(len(c.lines) > 2 for c in cues),
        "cues_over_17_characters_a_second_in_the_source": sum(map(_fast, source_cues)),
        "cues_over_17_characters_a_second_translated": sum(map(_fast, cues)),
    }
    return sentences, checks


def _fast(cue: Any) -> bool:
    from ltmt.formats.subtitles import READING_SPEED, reading_speed

    return reading_speed(cue) > READING_SPEED


def main() -> None:
    from ltmt.evaluate import score_corpus
    from ltmt.formats.common import read_lines

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    data = REPO.parent / "shared" / "data" / "en-de" / "general" / "test"
    parser.add_argument("--source", type=Path, default=data / "tatoeba.en")
    parser.add_argument("--reference", type=Path, default=data / "tatoeba.de")
    parser.add_argument("--limit", type=int, default=300)
    parser.add_argument("--model", default=str(REPO / "ltmt" / "models" / "default-en-de"))
    parser.add_argument("--work", type=Path, default=None)
    parser.add_argument("--output", type=Path, required=True)
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="ltmt-subtitles-"))
    work.mkdir(parents=True, exist_ok=True)
    pairs = list(zip(read_lines(args.source), read_lines(args.reference)))
    pairs = [(s, r) for s, r in pairs if s.strip()][: args.limit]
    sources, references = [s for s, _ in pairs], [r for _, r in pairs]
    commands: list[str] = []
    common = ["--model", args.model, "--json"]

    film = work / "film.en.srt"
    times = _write_srt(film, sources)
    ltmt_json(["translate", str(film), "-o", str(work / "film.de.srt"), *common], commands)
    grouped, checks = _translated_sentences(work / "film.de.srt", times)

    cue_texts = [cue for s in sources for cue in _cues(s)]
    (work / "cues.txt").write_text("".join(f"{c}\n" for c in cue_texts), "utf-8")
    ltmt_json(
        ["translate", str(work / "cues.txt"), "-o", str(work / "cues.de.txt"), *common], commands
    )
    cue_outputs = iter(read_lines(work / "cues.de.txt"))
    cue_by_cue = [" ".join(next(cue_outputs) for _ in _cues(s)) for s in sources]

    (work / "sentences.txt").write_text("".join(f"{s}\n" for s in sources), "utf-8")
    ltmt_json(
        ["translate", str(work / "sentences.txt"), "-o", str(work / "sentences.de.txt"), *common],
        commands,
    )
    plain = read_lines(work / "sentences.de.txt")

    multi = [i for i, s in enumerate(sources) if len(_cues(s)) > 1]
    scores: dict[str, Any] = {}
    for name, outputs in (("grouped", grouped), ("cue_by_cue", cue_by_cue), ("sentences", plain)):
        every = score_corpus(outputs, references)
        split = score_corpus([outputs[i] for i in multi], [references[i] for i in multi])
        scores[name] = {
            "bleu": round(every.bleu, 2),
            "chrf": round(every.chrf, 2),
            "bleu_sentences_over_several_cues": round(split.bleu, 2),
            "chrf_sentences_over_several_cues": round(split.chrf, 2),
        }
    report = {
        "source": str(args.source),
        "sentences": len(sources),
        "sentences_over_several_cues": len(multi),
        "scores": scores,
        "grouped_equal_to_sentences": sum(g == p for g, p in zip(grouped, plain)),
        "checks": checks,
        "commands": commands,
        "work": str(work),
    }
    emit_report(report, args.output)


if __name__ == "__main__":
    main()
