"""Characters the model cannot write, in real strings, translated by two checkouts side by side.

The strings of the given catalogs (files, or folders of any format ``ltmt`` reads) that hold a
character the shipped model's vocabulary has no token for (``∞``, ``∙``, Cyrillic, CJK; not the
emoji and signs :mod:`ltmt.pictographs` set aside before, nor what NFKC folds into ASCII) or the
multiplication sign U+00D7 (which it has a token for and turns into words), translated into
German with no memory by ``Translator.translate`` of a checkout at ``--before`` (a git revision)
and of this one. Per character, the report counts the strings that hold it and the outputs that
hold it as often (``kept``).

    python eval/unwritable_characters_trial.py --before 1942024 \\
        --source firefox-l10n-source django/conf/locale/de django/contrib \\
        --output eval/results/unwritable-characters/trial.json
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from support import strings_trial, strings_trial_args, unit_sources, use_this_checkout

use_this_checkout()

MULTIPLICATION_SIGN = "\u00d7"


def unwritable_in(text: str, unwritable: Any) -> set[str]:
    """The characters of ``text`` the trial counts (module docstring)."""
    from ltmt.pictographs import holds_pictographs

    found = {c for c in set(text) if not c.isascii() and unwritable(c) and not holds_pictographs(c)}
    return found | ({MULTIPLICATION_SIGN} & set(text))


def kept(sources: list[str], outputs: list[str], unwritable: Any) -> dict[str, dict[str, int]]:
    """Per character: the strings holding it, and the outputs holding it as often."""
    counts: dict[str, Counter[str]] = {}
    for source, output in zip(sources, outputs, strict=True):
        for character in unwritable_in(source, unwritable):
            found = counts.setdefault(character, Counter())
            found["strings"] += 1
            found["kept"] += output.count(character) >= source.count(character)
    return {character: dict(found) for character, found in sorted(counts.items())}


def main() -> None:
    args = strings_trial_args(__doc__)
    from ltmt.model.backbone import load_backbone
    from ltmt.model.writable import UnwritableCharacters

    unwritable = UnwritableCharacters(load_backbone(None).tokenizer)
    sources = unit_sources(args.source, lambda text: bool(unwritable_in(text, unwritable)))
    report = {"revision_before": args.before, "strings": len(sources)}
    strings_trial(args, sources, lambda texts, found: kept(texts, found, unwritable), report)


if __name__ == "__main__":
    main()
