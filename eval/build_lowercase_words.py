"""Build ltmt's table of English words written in lower case inside a sentence.

The copied-label retry (:mod:`ltmt.copied_labels`) gives the model a label it copied
(``Settings``) in lower case; a person's or a product's name (``Brian Fox``, ``Dingbats``) must
stay as written. A truecaser's statistics tell them apart: this script counts, in the English
side of ``general/train`` and the sources of ``l10n/train/*.jsonl`` (never the dev users'
files), how often each word stands inside a sentence (not first in it) in lower case and in
title case, and keeps the words written in lower case at least ``--min-count`` times and at
least as often as in title case (``settings`` 52 to 5; ``brian`` 0 to 13).

    python eval/build_lowercase_words.py --output ltmt/lowercase_words_en.txt.gz

The table is gzipped text, one lower-case word a line, sorted, after ``#`` lines that say how it
was made.
"""

from __future__ import annotations

import argparse
import collections
import gzip
import json
import re
from pathlib import Path

from support import DATA_DIR, use_this_checkout

use_this_checkout()
from ltmt.text import LETTERS  # noqa: E402

# where a sentence starts inside a text: a line break, or after . ! ? or :
_SENTENCES = re.compile(r"\n|(?<=[.!?:])\s+")


def count_cases(texts: list[str]) -> tuple[collections.Counter[str], collections.Counter[str]]:
    """How often each word stands inside a sentence in lower case, and in title case (by its
    lower-case form)."""
    lower: collections.Counter[str] = collections.Counter()
    title: collections.Counter[str] = collections.Counter()
    for text in texts:
        for sentence in _SENTENCES.split(text):
            for word in LETTERS.findall(sentence)[1:]:
                if word.islower():
                    lower[word] += 1
                elif word[0].isupper() and word[1:].islower():
                    title[word.lower()] += 1
    return lower, title


def lowercase_words(
    lower: collections.Counter[str], title: collections.Counter[str], min_count: int
) -> list[str]:
    """The words written in lower case at least ``min_count`` times and at least as often as
    in title case, sorted."""
    return sorted(w for w, n in lower.items() if n >= min_count and n >= title[w])


def table_args(doc: str | None) -> argparse.Namespace:
    """The options of a word-table builder: ``--data-dir``, ``--min-count``, ``--output``."""
    parser = argparse.ArgumentParser(description=(doc or "").split("\n\n")[0])
    parser.add_argument("--data-dir", type=Path, default=DATA_DIR)
    parser.add_argument("--min-count", type=int, default=2)
    parser.add_argument("--output", type=Path, required=True)
    return parser.parse_args()


def main() -> None:
    args = table_args(__doc__)
    texts, _ = training_texts(args.data_dir)
    lower, title = count_cases(texts)
    words = lowercase_words(lower, title, args.min_count)
    header = [
        "# English words written in lower case inside a sentence, for ltmt's copied-label retry",
        f"# made by eval/build_lowercase_words.py --min-count {args.min_count} from the English "
        f"side of general/train and l10n/train ({len(texts)} segments): written in lower case "
        "at least as often as in title case",
        f"# {len(words)} words",
    ]
    write_table(args.output, header, words)
    print(f"{args.output}: {len(words)} words")


def training_texts(data_dir: Path) -> tuple[list[str], list[str]]:
    """The English and the German sides of ``general/train`` and ``l10n/train/*.jsonl`` (never
    the dev users' files), pair by pair."""
    english = (data_dir / "general" / "train.en").read_text("utf-8").splitlines()
    german = (data_dir / "general" / "train.de").read_text("utf-8").splitlines()
    for path in sorted((data_dir / "l10n" / "train").glob("*.jsonl")):
        pairs = [json.loads(line) for line in path.read_text("utf-8").splitlines()]
        english += [pair["source"] for pair in pairs]
        german += [pair["target"] for pair in pairs]
    return english, german


def write_table(path: Path, header: list[str], words: list[str]) -> None:
    """``words``, one a line after the ``#`` lines of ``header``, gzipped to ``path`` (with no
    time stamp: the same data make the same bytes)."""
    with gzip.GzipFile(path, "wb", mtime=0) as handle:
        handle.write(("\n".join([*header, *words]) + "\n").encode("utf-8"))


if __name__ == "__main__":
    main()
