"""A placeholder's end written twice (``%(changes)s)s``), in real strings translated by two
checkouts side by side.

The sources of the given catalogs (files, or folders of any format ``ltmt`` reads) that hold a
placeholder, translated into German with no memory by ``Translator.translate`` of a checkout at
``--before`` (a git revision) and of this one (both fit their outputs to their sources). The
report counts, per checkout, the outputs in which a placeholder's last characters come again
right after it where the source does not write them so (this checkout's rule,
``ltmt.formats.repair``), with those outputs.

    python eval/placeholder_tails_trial.py --before 73f79ac --source django \\
        --output eval/results/placeholder-tails/django.json
"""

from __future__ import annotations

from typing import Any

from support import strings_trial, strings_trial_args, unit_sources, use_this_checkout

use_this_checkout()


def main() -> None:
    args = strings_trial_args(__doc__)
    from ltmt.formats.placeholders import extract_placeholders
    from ltmt.formats.repair import drop_repeated_tails

    def tailed(sources: list[str], found: list[str]) -> dict[str, Any]:
        outputs = [
            {"source": source, "output": output}
            for source, output in zip(sources, found, strict=True)
            if drop_repeated_tails(source, output) != output
        ]
        return {"tails_written_twice": len(outputs), "outputs": outputs}

    sources = unit_sources(args.source, lambda text: bool(extract_placeholders(text)))
    report = {"revision_before": args.before, "strings": len(sources)}
    strings_trial(args, sources, tailed, report, examples=False)


if __name__ == "__main__":
    main()
