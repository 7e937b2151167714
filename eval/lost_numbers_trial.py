"""Numbers in real strings (``Activate favorite application 6``), translated by two checkouts
side by side: how many outputs lose one.

The strings of the given catalogs (files, or folders of any format ``ltmt`` reads) with a run
of digits outside their placeholders, translated into German with no memory by
``Translator.translate`` of a checkout at ``--before`` (a git revision) and of this one. For
each: ``lost_a_number`` counts the outputs that lack a run of digits of their source
(:func:`ltmt.numbers_kept.lost_numbers`, placeholders aside).

    python eval/lost_numbers_trial.py --before 2b1a1b4 --source gnome-apps-de django-de \\
        --output eval/results/lost-numbers/trial.json
"""

from __future__ import annotations

import re

from support import strings_trial, strings_trial_args, unit_sources, use_this_checkout

use_this_checkout()


def count(sources: list[str], outputs: list[str]) -> dict[str, int]:
    from ltmt.formats.placeholder_syntax import without_placeholders
    from ltmt.numbers_kept import lost_numbers

    lost = sum(
        bool(lost_numbers(without_placeholders(s), without_placeholders(o)))
        for s, o in zip(sources, outputs, strict=True)
    )
    return {"strings": len(sources), "lost_a_number": lost}


def main() -> None:
    args = strings_trial_args(__doc__)
    from ltmt.formats.placeholder_syntax import without_placeholders

    sources = unit_sources(
        args.source, lambda t: re.search(r"\d", without_placeholders(t)) is not None
    )
    strings_trial(args, sources, count, {"revision_before": args.before, "strings": len(sources)})


if __name__ == "__main__":
    main()
