"""Build ltmt's table of English words that start a command: ``open``, ``import``, ``add``.

A line in title case that starts with a verb is a command (``Import Bookmarks``), which German
writes with its infinitive last (``Lesezeichen importieren``); the title-case reading
(:mod:`ltmt.title_case`) prefers such a translation where the model's likelier one has none. A
word is counted a verb by how English uses it in the training data (the English side of
``general/train`` and the sources of ``l10n/train/*.jsonl``, never the dev users' files): after
``to`` (``to import``), and before an article or another determiner (``import the``,
``open your``). A word is kept where it was seen at least ``--min-count`` times, after ``to``
at least 3 times and in at least ``--min-to`` of its uses, and in one of the two places in at
least ``--min-share`` of them; and where it does not end in ``ing`` or ``ed`` (``Trashing
Files``, ``Advanced Options`` are no commands). ``open`` (after ``to`` in 11 % of its uses, in
one of the two places in 21 %) is kept, ``remote`` (under 2 %) and ``for`` (after ``to`` in
well under 1 %) are not.

    python eval/build_command_verbs.py --output ltmt/command_verbs_en.txt.gz

The table is gzipped text, one lower-case word a line, sorted, after ``#`` lines that say how it
was made.
"""

from __future__ import annotations

import argparse
import collections
import itertools
from pathlib import Path

from build_lowercase_words import training_texts, write_table
from support import DATA_DIR, use_this_checkout

use_this_checkout()
from ltmt.text import LETTERS  # noqa: E402

# what follows a verb more often than it follows most other words
DETERMINERS = frozenset(
    {"the", "a", "an", "this", "these", "those", "your", "my", "our", "their", "its", "it"}
    | {"them", "all", "selected"}
)


def count_uses(
    texts: list[str],
) -> tuple[collections.Counter[str], collections.Counter[str], collections.Counter[str]]:
    """Each lower-case word's count, its count after ``to`` and its count before a determiner."""
    seen: collections.Counter[str] = collections.Counter()
    after_to: collections.Counter[str] = collections.Counter()
    before_determiner: collections.Counter[str] = collections.Counter()
    for text in texts:
        words = [word.lower() for word in LETTERS.findall(text)]
        seen.update(words)
        for first, second in itertools.pairwise(words):
            if first == "to":
                after_to[second] += 1
            if second in DETERMINERS:
                before_determiner[first] += 1
    return seen, after_to, before_determiner


def command_verbs(
    seen: collections.Counter[str],
    after_to: collections.Counter[str],
    before_determiner: collections.Counter[str],
    min_count: int,
    min_to: float,
    min_share: float,
) -> list[str]:
    """The words kept (module docstring), sorted."""
    return sorted(
        word
        for word, count in seen.items()
        if count >= min_count
        and len(word) > 2
        and not word.endswith(("ing", "ed"))
        and after_to[word] >= 3
        and after_to[word] >= min_to * count
        and after_to[word] + before_determiner[word] >= min_share * count
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--data-dir", type=Path, default=DATA_DIR)
    parser.add_argument("--min-count", type=int, default=5)
    parser.add_argument("--min-to", type=float, default=0.04)
    parser.add_argument("--min-share", type=float, default=0.15)
    parser.add_argument("--output", type=Path, required=True)
    args = parser.parse_args()
    texts, _ = training_texts(args.data_dir)
    counts = count_uses(texts)
    words = command_verbs(*counts, args.min_count, args.min_to, args.min_share)
    header = [
        "# English words that start a command (a verb), for ltmt's title-case reading",
        f"# made by eval/build_command_verbs.py --min-count {args.min_count} --min-to "
        f"{args.min_to} --min-share {args.min_share} from the English side of general/train and "
        f"l10n/train ({len(texts)} segments): after 'to', and before a determiner",
        f"# {len(words)} words",
    ]
    write_table(args.output, header, words)
    print(f"{args.output}: {len(words)} words")


if __name__ == "__main__":
    main()
