"""Does a placed glossary target get the article and adjectives its gender needs?

Fourteen one-line English UI strings, each with a glossary term whose target differs in
gender from the word the shipped model writes for it ("Create a new tag" → "Ein neues Tag
erzeugen"; with ``tag → Markierung`` the target must read "Eine neue Markierung"). Each is
translated with the term by the default model, with and without the agreement step
(:meth:`ltmt.terminology.decoding.GlossaryDecoding.in_agreement`), and its output compared with
the phrase a German reader expects before the target. Written for session 31; not a test set
of the dev users (their term test has few such lines: ``eval/terminology.py``).

    python eval/glossary_agreement.py --output eval/results/terminology/agreement-s31.json
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from support import emit_report, use_this_checkout

use_this_checkout()

# (source, term source, term target, the phrase the output must hold)
CASES: tuple[tuple[str, str, str, str], ...] = (
    ("Create a new tag", "tag", "Markierung", "eine neue Markierung"),
    ("Delete the old tag", "tag", "Markierung", "die alte Markierung"),
    ("Cannot open the selected folder", "folder", "Verzeichnis", "das ausgewählte Verzeichnis"),
    ("Add a new remote", "remote", "Fernarchiv", "ein neues Fernarchiv"),
    ("Select a file", "file", "Dokument", "ein Dokument"),
    ("The file is too large", "file", "Dokument", "das Dokument"),
    ("Remove the selected branch", "branch", "Verzweigung", "die ausgewählte Verzweigung"),
    ("Open the configuration file", "file", "Datei", "die Konfigurations-Datei"),
    ("Show the current directory", "directory", "Ordner", "den aktuellen Ordner"),
    ("Enter a valid password", "password", "Kennwort", "ein gültiges Kennwort"),
    ("The remote repository is not available", "repository", "Ablage", "die entfernte Ablage"),
    ("Choose a different key", "key", "Schlüsselpaar", "ein anderes Schlüsselpaar"),
    ("Save the modified document", "document", "Datei", "die geänderte Datei"),
    (
        "invalid conversion specifier in suffix: %c",
        "specifier",
        "Angabe",
        "ungültige Konvertierung-Angabe",
    ),
)


def run(args: argparse.Namespace) -> dict[str, Any]:
    from ltmt.terminology.decoding import GlossaryDecoding
    from ltmt.terminology.terms import Term
    from ltmt.translator import Translator

    translator = Translator(args.model) if args.model else Translator()
    agree = GlossaryDecoding.in_agreement
    runs: dict[str, Any] = {}
    for name, step in (("without", lambda *a, **k: None), ("with", agree)):
        GlossaryDecoding.in_agreement = step  # type: ignore[method-assign]
        rows = []
        for source, term, target, expected in CASES:
            [found] = translator.translate([source], glossary=[Term(term, target)])
            rows.append(
                {
                    "source": source,
                    "term": f"{term} → {target}",
                    "output": found.text,
                    "expected": expected,
                    "agrees": expected.casefold() in found.text.casefold(),
                }
            )
        runs[name] = {"agree": sum(r["agrees"] for r in rows), "lines": rows}
    GlossaryDecoding.in_agreement = agree  # type: ignore[method-assign]
    return {
        "benchmark": "glossary-agreement",
        "cases": len(CASES),
        "agree_without": runs["without"]["agree"],
        "agree_with": runs["with"]["agree"],
        "runs": runs,
        "note": args.note,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", type=Path, default=None)
    parser.add_argument("--note", default="")
    parser.add_argument("--output", type=Path)
    args = parser.parse_args()
    emit_report(run(args), args.output)


if __name__ == "__main__":
    main()
