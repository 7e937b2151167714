"""Build ltmt's table of German words, for the copied-label retry's check of its translations.

The copied-label retry (:mod:`ltmt.copied_labels`) decodes a label the model copied
(``Queue``) once more in lower case; the model sometimes misspells the English word
(``Quue``, ``Subcribe``, ``Spm``) where it should translate it. A German word that looks like
the English one is fine (``Typ`` for ``Type``, ``Lizenzen`` for ``Licenses``). This script
counts every word (case-folded) of the German side of ``general/train`` and the targets of
``l10n/train/*.jsonl`` and of their English side (never the dev users' files), and keeps the
words written in German at least ``--min-count`` times and more often than in English (``typ``
638 to 0; ``queue`` 10 to 21, ``forward`` 3 to 654: English words the German texts keep are not
German words here).

    python eval/build_target_words.py --output ltmt/words_de.txt.gz

The table is gzipped text, one case-folded word a line, sorted, after ``#`` lines that say how
it was made (:func:`build_lowercase_words.write_table`).
"""

from __future__ import annotations

import collections

from build_lowercase_words import table_args, training_texts, write_table
from support import use_this_checkout

use_this_checkout()
from ltmt.text import LETTERS  # noqa: E402


def count_words(texts: list[str]) -> collections.Counter[str]:
    """How often each word (case-folded) stands in ``texts``."""
    counts: collections.Counter[str] = collections.Counter()
    for text in texts:
        counts.update(word.casefold() for word in LETTERS.findall(text))
    return counts


def target_words(
    target: collections.Counter[str], source: collections.Counter[str], min_count: int
) -> list[str]:
    """The words written in the target language at least ``min_count`` times and more often
    than in the source language, sorted."""
    return sorted(w for w, n in target.items() if n >= min_count and n > source[w])


def main() -> None:
    args = table_args(__doc__)
    english, german = training_texts(args.data_dir)
    words = target_words(count_words(german), count_words(english), args.min_count)
    write_table(
        args.output,
        [
            "# German words (case-folded), for ltmt's copied-label retry",
            f"# made by eval/build_target_words.py --min-count {args.min_count} from "
            f"general/train and l10n/train ({len(german)} pairs): written in German at least "
            f"{args.min_count} times and more often than in English",
            f"# {len(words)} words",
        ],
        words,
    )
    print(f"{args.output}: {len(words)} words")


if __name__ == "__main__":
    main()
