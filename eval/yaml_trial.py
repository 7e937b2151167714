"""Real Rails locale files through ``ltmt translate``, checked as Rails would load them.

The English locale files of Rails itself and of Devise (Debian's ``ruby-activesupport``,
``ruby-activemodel``, ``ruby-activerecord``, ``ruby-actionview`` and ``ruby-devise``, fetched
with ``apt-get download``) are translated into German, no memory; each output is read with
PyYAML (not ltmt's ruamel.yaml) and compared with its source leaf by leaf:

- the root is ``de`` and every leaf of the source is there, none added;
- lists have the source's length, and every value that is no text (numbers, nulls, settings
  such as ``round_mode: default``, ``order: [year, month, day]``) is the source's, as it was;
- every ``%{name}`` placeholder of a string is in its translation;
- plurals have ``one`` and ``other`` (German's).

    python eval/yaml_trial.py --output eval/results/yaml/rails-locales.json
"""

from __future__ import annotations

import argparse
import re
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from support import emit_report, ltmt_json, use_this_checkout

use_this_checkout()

PACKAGES = (
    "ruby-activesupport",
    "ruby-activemodel",
    "ruby-activerecord",
    "ruby-actionview",
    "ruby-devise",
)
_PLACEHOLDER = re.compile(r"%\{\w+\}")


def _fetch(work: Path, commands: list[str]) -> list[Path]:
    """The packages' ``en.yml`` files, unpacked under ``work``."""
    debs = work / "debs"
    debs.mkdir(parents=True, exist_ok=True)
    for package in PACKAGES:
        commands.append(f"apt-get download {package}")
        subprocess.run(["apt-get", "download", package], cwd=debs, check=True, capture_output=True)
    root = work / "root"
    for deb in sorted(debs.glob("*.deb")):
        subprocess.run(["dpkg-deb", "-x", str(deb), str(root)], check=True)
    return sorted(root.rglob("en.yml"))


def _leaves(node: Any, name: str = "") -> dict[str, Any]:
    if isinstance(node, dict):
        found: dict[str, Any] = {}
        for key, value in node.items():
            found.update(_leaves(value, f"{name}.{key}" if name else str(key)))
        return found
    if isinstance(node, list):
        found = {f"{name}#length": len(node)}
        for index, value in enumerate(node):
            found.update(_leaves(value, f"{name}[{index}]"))
        return found
    return {name: node}


def _check(source: Path, output: Path) -> dict[str, Any]:
    import yaml

    english = yaml.safe_load(source.read_text("utf-8"))
    german = yaml.safe_load(output.read_text("utf-8"))
    theirs, ours = _leaves(english["en"]), _leaves(german.get("de", {}))
    missing = sorted(set(theirs) - set(ours))
    added = sorted(set(ours) - set(theirs))
    translated = kept = changed_non_text = placeholders_lost = 0
    for name, value in theirs.items():
        if name not in ours:
            continue
        if isinstance(value, str) and ours[name] != value:
            translated += 1
            lost = set(_PLACEHOLDER.findall(value)) - set(_PLACEHOLDER.findall(str(ours[name])))
            placeholders_lost += bool(lost)
        elif ours[name] == value:
            kept += 1
        else:
            changed_non_text += 1
    plurals = [n.rsplit(".", 1)[0] for n in theirs if n.endswith(".other")]
    return {
        "file": str(source),
        "root": list(german),
        "leaves": len(theirs),
        "missing": missing,
        "added": added,
        "strings_translated": translated,
        "kept_as_in_the_source": kept,
        "non_strings_changed": changed_non_text,
        "strings_losing_a_placeholder": placeholders_lost,
        "plurals_without_one_and_other": [
            p for p in plurals if f"{p}.one" not in ours or f"{p}.other" not in ours
        ],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--work", type=Path, default=None)
    parser.add_argument("--output", type=Path, required=True)
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="ltmt-yaml-"))
    commands: list[str] = []
    files = []
    for index, source in enumerate(_fetch(work, commands)):
        output = work / f"de-{index}.yml"
        report = ltmt_json(["translate", str(source), "-o", str(output), "--json"], commands)
        files.append({**_check(source, output), "units": report.get("units")})
    totals = {
        key: sum(len(f[key]) if isinstance(f[key], list) else f[key] for f in files)
        for key in (
            "leaves",
            "missing",
            "added",
            "strings_translated",
            "non_strings_changed",
            "strings_losing_a_placeholder",
            "plurals_without_one_and_other",
        )
    }
    emit_report(
        {"files": files, "totals": totals, "commands": commands, "work": str(work)}, args.output
    )


if __name__ == "__main__":
    main()
