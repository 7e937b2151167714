"""A real Android app's strings translated by ``ltmt translate`` and compiled by Android's own
resource compiler, ``aapt2`` (Debian's ``aapt``).

The app's ``res/values/strings.xml`` is translated into German with no memory; ``aapt2 compile``
then builds the source, the translation and, where given, the app's own German file. Of the
translation the report counts the resources aapt2 compiled against the source's (a string
marked ``translatable="false"`` is left out of a translation on purpose), and compares each
plain string as aapt2 reads it (``aapt2 dump apc``: escapes and quoting resolved) with the
translation ltmt meant to write (ltmt's own reader of the file, beside the source): a string
that differs is one Android would show otherwise.

    git clone https://github.com/AntennaPod/AntennaPod /tmp/AntennaPod
    python eval/android_build_trial.py \\
        --source /tmp/AntennaPod/ui/i18n/src/main/res/values/strings.xml \\
        --reference /tmp/AntennaPod/ui/i18n/src/main/res/values-de/strings.xml \\
        --output eval/results/android/antennapod-aapt2.json
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

from support import REPO, emit_report, ltmt_in_checkout, use_this_checkout

use_this_checkout()

# one resource of `aapt2 dump apc`: its type and name, then its value's lines
_RESOURCE = re.compile(
    r"^      resource 0x[0-9a-f]+ (\w[\w-]*)/(\w+)\n(.*?)(?=^    type |^      resource |\Z)",
    re.M | re.S,
)
# a plain or styled string's value: (config) ["(styled string)"] "text" [spans] src=file:line,
# a span its tag (with its attributes: a;href=...) and its first and last character
_STRING = re.compile(r'^\([\w-]*\) (\(styled string\) )?"(.*)"(?: \S+:\d+,\d+)* src=\S+$', re.S)


def compiled(resources: Path, folder: Path) -> dict[str, Any]:
    """``aapt2 compile`` of ``resources`` (a values file) into ``folder``: whether it compiled,
    its errors, and its resources as aapt2 reads them (``type/name``: a string's text and
    whether it is styled, its markup taken out; else None)."""
    folder.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        ["aapt2", "compile", str(resources), "-o", str(folder)], capture_output=True, text=True
    )
    if done.returncode:
        return {"compiled": False, "errors": done.stderr.strip().splitlines()[:20], "values": {}}
    (flat,) = folder.glob("*.flat")
    dump = subprocess.run(
        ["aapt2", "dump", "apc", str(flat)], capture_output=True, text=True, check=True
    ).stdout
    values: dict[str, tuple[str, bool] | None] = {}
    for kind, name, body in _RESOURCE.findall(dump):
        # a value's lines are printed 8 spaces in (its empty lines empty)
        text = "\n".join(line[8:] for line in body.rstrip("\n").split("\n"))
        found = _STRING.match(text) if kind == "string" else None
        values[f"{kind}/{name}"] = (found.group(2), bool(found.group(1))) if found else None
    return {"compiled": True, "errors": [], "values": values}


def meant(source: Path, translation: Path) -> dict[str, str]:
    """The translation of each plain string as ltmt reads the translated file
    (``string/name``: text)."""
    from ltmt.formats.android import AndroidDocument

    out = {}
    for record in AndroidDocument.pairs(translation, source_file=source):
        key = record.metadata.get("context", "")
        if "/" not in key:  # a plural's form and an array's item are named NAME/...
            out[f"string/{key}"] = record.target
    return out


def not_translatable(source: Path) -> set[str]:
    """The resources ``source`` marks ``translatable="false"`` (``type/name``)."""
    from lxml import etree

    root = etree.parse(str(source)).getroot()
    return {
        f"{element.tag}/{element.get('name')}"
        for element in root
        if isinstance(element.tag, str) and element.get("translatable") == "false"
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--source", type=Path, required=True, help="the app's values/strings.xml")
    parser.add_argument("--reference", type=Path, help="the app's own values-de/strings.xml")
    parser.add_argument("--output", type=Path, required=True)
    args = parser.parse_args()
    if shutil.which("aapt2") is None:
        raise SystemExit("needs aapt2: apt-get install aapt")
    with tempfile.TemporaryDirectory() as temporary:
        work = Path(temporary)
        source = work / "values" / "strings.xml"
        source.parent.mkdir()
        shutil.copy(args.source, source)
        translation = work / "values-de" / "strings.xml"
        translation.parent.mkdir()
        started = time.perf_counter()
        run = ltmt_in_checkout(REPO, "translate", str(source), "-o", str(translation))
        seconds = round(time.perf_counter() - started, 1)
        built = {
            "source": compiled(source, work / "flat-en"),
            "ltmt": compiled(translation, work / "flat-de"),
        }
        if args.reference is not None:
            reference = work / "reference" / "values-de" / "strings.xml"
            reference.parent.mkdir(parents=True)
            shutil.copy(args.reference, reference)
            built["reference"] = compiled(reference, work / "flat-ref")
        intended = meant(source, translation)
        marked = not_translatable(source)
    read = built["ltmt"]["values"]
    left_out = sorted(set(built["source"]["values"]) - set(read))
    strings = [key for key in intended if key in read]
    differ = []
    for key in strings:
        found = read[key]
        # <xliff:g> is a note for translators, which aapt2 drops; a styled string's markup is
        # not in its text either (aapt2 keeps it as spans)
        wanted = re.sub(r"</?xliff:g[^<>]*>", "", intended[key])
        if found and found[1]:
            wanted = re.sub(r"<[^<>]+>", "", wanted)
        if found is None or found[0] != wanted:
            differ.append({"resource": key, "meant": wanted, "aapt2_reads": found and found[0]})
    report = {
        "source": str(args.source),
        "ltmt_translate_seconds": seconds,
        "ltmt_summary": run.stderr.strip().splitlines()[-1:],
        "compiled": {name: found["compiled"] for name, found in built.items()},
        "errors": {name: found["errors"] for name, found in built.items() if found["errors"]},
        "resources": {name: len(found["values"]) for name, found in built.items()},
        "left_out_of_the_translation": left_out,
        "left_out_are_those_marked_not_translatable": set(left_out) == marked,
        "strings_compared": len(strings),
        "strings_aapt2_reads_otherwise": len(differ),
        "differ": differ[:20],
    }
    emit_report(report, args.output, ensure_ascii=False)


if __name__ == "__main__":
    main()
