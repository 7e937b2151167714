"""Lines that start a sentence with a capital, in real catalogs translated by two checkouts side
by side and held against the catalogs' own translations.

The entries of the given translated catalogs (files, or folders of any format ``ltmt`` reads
with its translations) with one line whose source starts with a capitalised word (``Bad
system call``; not ``NUL-terminated``, ``git`` or ``%s``) and whose translation starts with a
word, translated into German with no memory by ``Translator.translate`` of a checkout at
``--before`` (a git revision) and of this one. For each: ``first_letter_as_translated``
counts the outputs whose first word starts with a capital where the translation's does, and
with a small letter where the translation's does; ``small_first_letter`` the outputs whose
first word is in small letters (what :func:`ltmt.capitals.capitalised_starts` changes);
``changed`` the outputs that differ between the two.

    python eval/capitalised_starts_trial.py --before b22379f \\
        --source django-de gnome-de --output eval/results/capitalised-starts/trial.json
"""

from __future__ import annotations

from typing import Any

from support import references_trial, strings_trial_args, translated_entries, use_this_checkout

use_this_checkout()


def first_word(text: str) -> str:
    words = text.split()
    return words[0].rstrip(".,;:!?") if words else ""


def counter(references: dict[str, str]) -> Any:
    def count(sources: list[str], outputs: list[str]) -> dict[str, int]:
        counts = {"strings": len(sources), "first_letter_as_translated": 0, "small_first_letter": 0}
        for source, output in zip(sources, outputs, strict=True):
            want, have = first_word(references[source]), first_word(output)
            counts["first_letter_as_translated"] += have[:1].isupper() == want[:1].isupper()
            counts["small_first_letter"] += have.isalpha() and have.islower()
        return counts

    return count


def wanted(source: str) -> bool:
    word = first_word(source)
    one_line = "\n" not in source.strip()
    return one_line and word.isalpha() and word[0].isupper() and word[1:].islower()


def main() -> None:
    args = strings_trial_args(__doc__)
    references = translated_entries(args.source, wanted)
    references = {s: t for s, t in references.items() if first_word(t).isalpha()}
    report: dict[str, Any] = {"revision_before": args.before, "strings": len(references)}
    references_trial(args, references, counter(references), report)


if __name__ == "__main__":
    main()
