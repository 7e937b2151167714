"""A whole product's Fluent files through ``ltmt translate FOLDER``: Firefox's ``en-US`` (the
243 ``.ftl`` files of github.com/mozilla-l10n/firefox-l10n-source) into German, no memory, one
run, checked file by file as Fluent's own libraries read them.

For each output: ``fluent.syntax`` parses it with no junk; ``fluent.runtime`` formats every
message and attribute with every variable set (to 1 and to 3), and every error it reports that
it does not report for the English file too is counted (a term or message another file
defines, and the ``PLATFORM()`` function, are Firefox's to resolve: those are counted apart);
every message of the source with words in it is written; each translated variant has the
placeables of its source; each plural has German's ``one`` and ``other``; each ``.accesskey``
is one character that every text of its translated label has (a key for each platform: that
platform's label). There is no German reference here (Mozilla's German files are not in that
repository), so no BLEU.

    pip install fluent.runtime
    python eval/fluent_folder_trial.py --source <the repository's files, en-US> \\
        --output eval/results/fluent/firefox-en-US.json
"""

from __future__ import annotations

import argparse
import re
import tempfile
import time
from pathlib import Path
from typing import Any

from fluent_trial import _format_errors, _messages, placeables_and_plurals
from support import emit_report, ltmt_json, use_this_checkout

use_this_checkout()

# names Firefox resolves: messages and terms of other files, and its own PLATFORM() function
_UNKNOWN = re.compile(r"Unknown (?:message|term): (-?[\w-]+)|Unknown function: PLATFORM")


def _access_key_fits(entry: Any) -> bool:
    """Whether a message's ``.accesskey`` (if any) is one character that every text its label
    can show has; a key for each platform is held to that platform's label."""
    from ltmt.formats.fluent_access_keys import ACCESS_KEY
    from ltmt.formats.fluent_patterns import texts_by_variant

    attributes = {a.id.name: a.value for a in getattr(entry, "attributes", [])}
    label = attributes.get("label", entry.value)
    if ACCESS_KEY not in attributes or label is None:
        return True
    shown = texts_by_variant(label)
    keys = texts_by_variant(attributes[ACCESS_KEY])
    if not any(text.strip() for text in shown.values()) or not any(keys.values()):
        return True  # a label or key that is a reference ({ -brand-name }): Firefox's to check
    for variant, key in keys.items():
        texts = [shown[variant]] if variant in shown else list(shown.values())
        if len(key) != 1 or not all(key.casefold() in text.casefold() for text in texts):
            return False
    return True


def _file(source: Path, output: Path) -> dict[str, Any]:
    from ltmt.formats.fluent import FluentCatalog

    catalog = FluentCatalog.open(source, tgt_lang="de")
    text = output.read_text("utf-8")
    written = _messages(text)  # raises on junk
    values = catalog.read_values(output)
    wanted = {catalog.name_of(key) for key in catalog.expansions}
    lost, plurals_wrong = placeables_and_plurals(catalog, values, written)
    access_wrong = [name for name, entry in written.items() if not _access_key_fits(entry)]
    variables = set(re.findall(r"\$([A-Za-z][\w-]*)", source.read_text("utf-8")))
    errors = sorted(set(_format_errors(text, variables)))
    # what the runtime cannot format in the English file either (Firefox's own functions and
    # options, a date given a number): not the translation's
    english = set(_format_errors(source.read_text("utf-8"), variables))
    errors = [e for e in errors if e not in english]
    elsewhere = [e for e in errors if _UNKNOWN.search(e)]
    return {
        "messages_to_write": len(wanted),
        "messages_written": sum(name in written for name in wanted),
        "not_written": sorted(wanted - set(written)),
        "variants_missing_a_placeable": lost,
        "plurals_without_one_and_other": plurals_wrong,
        "access_keys_not_in_their_label": access_wrong,
        "runtime_errors": [e for e in errors if e not in elsewhere],
        "references_to_other_files": len(elsewhere),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--source", type=Path, required=True, help="the en-US folder")
    parser.add_argument("--work", type=Path, default=None)
    parser.add_argument("--output", type=Path, required=True)
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="ltmt-fluent-folder-"))
    commands: list[str] = []
    out = work / "de"
    work.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    report = ltmt_json(["translate", str(args.source), "-o", str(out), "--json"], commands)
    seconds = time.perf_counter() - started
    files = {}
    for source in sorted(args.source.rglob("*.ftl")):
        relative = source.relative_to(args.source)
        target = out / relative
        files[str(relative)] = _file(source, target) if target.exists() else {"missing": True}
    totals: dict[str, Any] = {"files": len(files)}
    for key in (
        "messages_to_write",
        "messages_written",
        "not_written",
        "variants_missing_a_placeable",
        "plurals_without_one_and_other",
        "access_keys_not_in_their_label",
        "runtime_errors",
        "references_to_other_files",
    ):
        totals[key] = sum(
            len(f.get(key, [])) if isinstance(f.get(key), list) else f.get(key, 0)
            for f in files.values()
        )
    totals["files_missing"] = sum("missing" in f for f in files.values())
    emit_report(
        {
            "totals": totals,
            "run": {
                "seconds": round(seconds, 1),
                **{k: report.get(k) for k in ("units", "repaired", "not_repairable")},
            },
            "files": files,
            "commands": commands,
            "work": str(work),
        },
        args.output,
    )


if __name__ == "__main__":
    main()
