"""Wrapped paragraphs of a plain text file, translated line by line and paragraph by paragraph.

A text written for people (an e-mail, a README, a licence) is often wrapped at a width, so its
sentences go on from one line to the next. This trial makes such a file from a test set: each
``--sentences`` consecutive sentences of ``general/test/newstest2014`` (news, never trained on)
are a paragraph, wrapped at ``--width`` columns, paragraphs apart by a blank line. ``ltmt
translate`` of this checkout translates it (no memory) three ways:

- ``lines``: ``--format txt``, one segment a line (what a ``.txt`` file gets by default);
- ``paragraphs``: ``--format paragraphs``, the lines up to a blank line one segment;
- ``sentences``: the same sentences one a line, unwrapped (the best a reader of the wrapped
  file can do: what the model gets when the file is not wrapped at all);
- ``paragraph_lines``: each paragraph on one line, not wrapped (a Markdown or HTML paragraph, a
  document's), with its sentences given to the model one at a time
  (``Translator(sentence_split=True)``, the default), and ``paragraph_lines_whole`` with each
  line given whole (``--no-sentence-split``).

Each paragraph's output (its lines joined by spaces) is scored against its sentences' German
references joined the same way: corpus BLEU and chrF2 over the paragraphs (sacrebleu).

    python eval/wrapped_text_trial.py --output eval/results/paragraphs/wrapped-news.json
"""

from __future__ import annotations

import argparse
import tempfile
import textwrap
from pathlib import Path

from support import DATA_DIR, REPO, emit_report, ltmt_in_checkout


def paragraphs_of(text: str) -> list[str]:
    """The paragraphs of a translated file, each one line."""
    return [" ".join(part.split()) for part in text.split("\n\n") if part.strip()]


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--paragraphs", type=int, default=200)
    parser.add_argument("--sentences", type=int, default=3, help="sentences a paragraph")
    parser.add_argument("--width", type=int, default=72)
    parser.add_argument("--output", type=Path)
    args = parser.parse_args()
    import sacrebleu

    test = DATA_DIR / "general" / "test" / "newstest2014"
    english = test.with_suffix(".en").read_text("utf-8").splitlines()
    german = test.with_suffix(".de").read_text("utf-8").splitlines()
    count = args.paragraphs * args.sentences
    groups = [range(start, start + args.sentences) for start in range(0, count, args.sentences)]
    wrapped = "\n\n".join(
        textwrap.fill(" ".join(english[i] for i in group), width=args.width) for group in groups
    )
    references = [" ".join(german[i] for i in group) for group in groups]
    report: dict[str, object] = {
        "test_set": "general/test/newstest2014",
        "paragraph_count": len(groups),
        "sentences_a_paragraph": args.sentences,
        "width": args.width,
        "lines": wrapped.count("\n") + 1 - (len(groups) - 1),
    }
    with tempfile.TemporaryDirectory(prefix="ltmt-wrapped-") as tmp:
        folder = Path(tmp)
        (folder / "wrapped.txt").write_text(wrapped + "\n", "utf-8")
        (folder / "sentences.txt").write_text(
            "\n\n".join("\n".join(english[i] for i in group) for group in groups) + "\n", "utf-8"
        )
        (folder / "paragraph-lines.txt").write_text(
            "\n\n".join(" ".join(english[i] for i in group) for group in groups) + "\n", "utf-8"
        )
        runs = {
            "lines": ("wrapped.txt", "txt", ()),
            "paragraphs": ("wrapped.txt", "paragraphs", ()),
            "sentences": ("sentences.txt", "txt", ()),
            "paragraph_lines": ("paragraph-lines.txt", "txt", ()),
            "paragraph_lines_whole": ("paragraph-lines.txt", "txt", ("--no-sentence-split",)),
        }
        for name, (source, fmt, options) in runs.items():
            out = folder / f"{name}.de.txt"
            done = ltmt_in_checkout(
                REPO,
                "translate",
                str(folder / source),
                "--format",
                fmt,
                *options,
                "-o",
                str(out),
                "--memory-dir",
                str(folder / "store"),
            )
            if done.returncode != 0:
                raise SystemExit(done.stderr)
            outputs = paragraphs_of(out.read_text("utf-8"))
            report[name] = {
                "bleu": round(sacrebleu.corpus_bleu(outputs, [references]).score, 2),
                "chrf2": round(sacrebleu.corpus_chrf(outputs, [references]).score, 2),
                "stderr": done.stderr.strip().splitlines()[-1],
            }
    emit_report(report, args.output)


if __name__ == "__main__":
    main()
