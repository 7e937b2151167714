"""Ellipses (``Log Out…``, ``Restart…``) in real strings, translated by two checkouts side by
side.

The strings of the given catalogs (files, or folders of any format ``ltmt`` reads) with an
ellipsis character and no run of dots, translated into German with no memory by
``Translator.translate`` of a checkout at ``--before`` (a git revision) and of this one. For
each: ``as_often`` counts the outputs with as many ellipses as the source, ``broken`` those
with an ellipsis written twice or beside a dot (``……``, ``… …``, ``.…``: the model's dots
given back in pieces), ``dots`` those with a run of dots left.

    python eval/ellipsis_trial.py --before fc90dc5 --source gnome-apps-de django-de \\
        --output eval/results/ellipsis/trial.json
"""

from __future__ import annotations

import re

from support import strings_trial, strings_trial_args, unit_sources, use_this_checkout

use_this_checkout()

ELLIPSIS = "\u2026"
BROKEN = re.compile(rf"{ELLIPSIS}\s*{ELLIPSIS}|\.\s*{ELLIPSIS}|{ELLIPSIS}\.")


def count(sources: list[str], outputs: list[str]) -> dict[str, int]:
    counts = {"strings": len(sources), "as_often": 0, "broken": 0, "dots": 0}
    for source, output in zip(sources, outputs, strict=True):
        counts["as_often"] += output.count(ELLIPSIS) == source.count(ELLIPSIS)
        counts["broken"] += BROKEN.search(output) is not None
        counts["dots"] += ".." in output
    return counts


def main() -> None:
    args = strings_trial_args(__doc__)
    sources = unit_sources(args.source, lambda text: ELLIPSIS in text and ".." not in text)
    strings_trial(args, sources, count, {"revision_before": args.before, "strings": len(sources)})


if __name__ == "__main__":
    main()
