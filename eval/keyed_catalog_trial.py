"""The dev users' strings as an Android app's, a Java program's, a web app's and an Apple app's
message files, through the ``ltmt`` command line as a localisation team would use it.

For each user, the test strings become ``values/strings.xml``, ``Messages.properties``,
``en.json``, ``en.lproj/Localizable.strings`` (UTF-16), a Rails ``locales/en.yml`` and a
Fluent ``en-US/main.ftl`` (named ``string_N``), and their references the German files, written
with translate-toolkit (Android, properties, .strings), ``json``, PyYAML and ``fluent.syntax``,
an Xcode string catalog holding both languages, and an Xcode localization catalog
(``de.xcloc``, its XLIFF written with lxml) as Xcode 15 exports one.
Every other German string is removed: what the team has not translated yet. The user's memory is
imported (``ltmt memory import``), and then:

- ``ltmt translate values/strings.xml -o values-de/strings.xml --user U`` (and the properties,
  JSON, .strings and YAML files; ``de.xcloc -o de-translated.xcloc``, whose other files must
  come out byte for byte) fills the German files in place; the strings the team had are
  checked to be kept as they were, each file read as its consumer reads it (the properties by
  Java's own ``Properties.load``, with the tests' ``LoadProperties.java``; the Fluent file by
  Mozilla's ``fluent.runtime``, which ``pip install fluent.runtime`` brings);
- the same missing strings as a JSON Lines document (``ltmt translate todo.jsonl``), so that
  the outputs can be compared string by string: the keyed formats must change nothing;
- the filled strings are scored against the references (BLEU, chrF2);
- the Android output is checked for what breaks an Android build: an apostrophe or double
  quote that is not escaped (aapt2's "Apostrophe not preceded by \\"), text that is no XML;
- ``ltmt memory import values-de/strings.xml --source-file values/strings.xml`` of the full
  reference file into a fresh store, exported again: each pair must come back as it went in.

    python eval/keyed_catalog_trial.py --model ltmt/models/default-en-de \
        --output eval/results/keyed-catalogs-s42.json

Every command it runs is written into the JSON (``commands``).
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from support import REPO, emit_report, ltmt_json, use_this_checkout

use_this_checkout()

# an apostrophe or double quote that aapt2 rejects: not escaped, outside a quoted string
_BARE_QUOTE = re.compile(r"(?<!\\)['\"]")
LOADER = REPO / "tests" / "formats" / "data" / "LoadProperties.java"
# what each translate run's report (--json) is kept for
_REPORTED = ("units", "exact", "fuzzy", "no_match", "repaired", "translated_before", "seconds")


def _android(path: Path, strings: dict[str, str]) -> None:
    from translate.storage.aresource import AndroidResourceFile, AndroidResourceUnit

    store = AndroidResourceFile()
    for name, text in strings.items():
        unit = AndroidResourceUnit(name)
        unit.setid(name)
        unit.target = text
        store.addunit(unit)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(bytes(store))


def _json(path: Path, strings: dict[str, str]) -> None:
    path.write_text(json.dumps(strings, indent=2, ensure_ascii=False) + "\n", "utf-8")


def _properties(path: Path, strings: dict[str, str]) -> None:
    from translate.storage.properties import propfile, propunit

    store = propfile(personality="java")
    for name, text in strings.items():
        unit = propunit(personality="java")
        unit.setid(name)
        unit.target = text
        store.addunit(unit)
    path.write_bytes(bytes(store))


def _apple_strings(path: Path, strings: dict[str, str]) -> None:
    """A ``Localizable.strings`` in UTF-16, as Xcode wrote them for years (translate-toolkit's
    writer: not ltmt's code)."""
    from translate.storage.properties import propunit, stringsfile

    store = stringsfile()
    for name, text in strings.items():
        unit = propunit(personality="strings")
        unit.setid(name)
        unit.target = text
        store.addunit(unit)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(bytes(store))


def _apple_strings_values(path: Path) -> dict[str, str]:
    from ltmt.formats.apple_strings import parse_strings

    return {entry.key: entry.value for entry in parse_strings(path.read_bytes(), path).entries}


def _rails_yaml(path: Path, strings: dict[str, str]) -> None:
    """A Rails locale file, its language (the file's name, ``en``) at its top; written with
    PyYAML, not ltmt's ruamel.yaml."""
    import yaml

    path.parent.mkdir(parents=True, exist_ok=True)
    data = yaml.safe_dump({path.stem: strings}, allow_unicode=True, width=4096)
    path.write_text(data, "utf-8")


def _rails_yaml_values(path: Path) -> dict[str, str]:
    """The German of a Rails locale file as PyYAML reads it."""
    import yaml

    return dict(yaml.safe_load(path.read_text("utf-8"))["de"])


def _fluent(path: Path, strings: dict[str, str]) -> None:
    """A Fluent file of ``strings`` (``string_N = ...``), written with ``fluent.syntax``; what
    a pattern cannot hold as text (braces, indentation) as string literals."""
    from fluent.syntax import ast, serialize

    from ltmt.formats.fluent_patterns import Slots

    body = [
        ast.Message(ast.Identifier(name), ast.Pattern(Slots().elements(text)))
        for name, text in strings.items()
        if text.strip()
    ]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(serialize(ast.Resource(body)), "utf-8")


def _fluent_values(path: Path) -> dict[str, str]:
    """What Mozilla's ``fluent.runtime`` shows for each message of a Fluent file."""
    from fluent.runtime import FluentBundle, FluentResource

    bundle = FluentBundle(["de"], use_isolating=False)
    text = path.read_text("utf-8")
    bundle.add_resource(FluentResource(text))
    values = {}
    for name in re.findall(r"(?m)^([A-Za-z][\w-]*) =", text):
        value, errors = bundle.format_pattern(bundle.get_message(name).value, {})
        if errors:
            raise SystemExit(f"{path}: {name}: {errors}")
        values[name] = value
    return values


_WRITERS = {
    "android": _android,
    "properties": _properties,
    "json": _json,
    "strings": _apple_strings,
    "yaml": _rails_yaml,
    "ftl": _fluent,
}
_FORMATS = (*_WRITERS, "xcstrings", "xcloc")
_XLIFF_NS = "urn:oasis:names:tc:xliff:document:1.2"


def _xcstrings(path: Path, sources: dict[str, str], kept: dict[str, str]) -> None:
    """An Xcode catalog of ``sources`` (English), ``kept`` in German (reviewed)."""

    def unit(text: str) -> dict[str, Any]:
        return {"stringUnit": {"state": "translated", "value": text}}

    strings = {
        key: {
            "localizations": {**({"de": unit(kept[key])} if key in kept else {}), "en": unit(text)}
        }
        for key, text in sources.items()
    }
    data = {"sourceLanguage": "en", "strings": strings, "version": "1.0"}
    path.write_text(
        json.dumps(data, indent=2, separators=(",", " : "), ensure_ascii=False), "utf-8"
    )


def _xcstrings_values(path: Path) -> dict[str, str]:
    """The German of an Xcode catalog, by key."""
    strings = json.loads(path.read_text("utf-8"))["strings"]
    return {
        key: entry["localizations"]["de"]["stringUnit"]["value"]
        for key, entry in strings.items()
        if "de" in entry.get("localizations", {})
    }


def _xcloc(path: Path, sources: dict[str, str], kept: dict[str, str]) -> None:
    """An Xcode localization catalog for German as Xcode 15 exports one: a manifest, the
    strings in ``Localized Contents/de.xliff`` (a string not yet translated has a copy of its
    source as a ``state="new"`` target), the English ``.strings`` as a source copy, and an
    empty ``Notes`` folder."""
    from lxml import etree

    root = etree.Element(f"{{{_XLIFF_NS}}}xliff", nsmap={None: _XLIFF_NS}, version="1.2")
    file = etree.SubElement(
        root,
        f"{{{_XLIFF_NS}}}file",
        original="App/en.lproj/Localizable.strings",
        datatype="plaintext",
        **{"source-language": "en", "target-language": "de"},
    )
    header = etree.SubElement(file, f"{{{_XLIFF_NS}}}header")
    etree.SubElement(
        header,
        f"{{{_XLIFF_NS}}}tool",
        **{"tool-id": "com.apple.dt.xcode", "tool-name": "Xcode", "tool-version": "15.0"},
    )
    body = etree.SubElement(file, f"{{{_XLIFF_NS}}}body")
    for key, text in sources.items():
        unit = etree.SubElement(body, f"{{{_XLIFF_NS}}}trans-unit", id=key)
        unit.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        etree.SubElement(unit, f"{{{_XLIFF_NS}}}source").text = text
        target = etree.SubElement(unit, f"{{{_XLIFF_NS}}}target")
        target.text = kept.get(key, text)
        target.set("state", "translated" if key in kept else "new")
        etree.SubElement(unit, f"{{{_XLIFF_NS}}}note")
    (path / "Localized Contents").mkdir(parents=True, exist_ok=True)
    (path / "Notes").mkdir(exist_ok=True)
    xliff = etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    (path / "Localized Contents" / "de.xliff").write_bytes(xliff)
    manifest = {
        "developmentRegion": "en",
        "project": "App.xcodeproj",
        "targetLocale": "de",
        "toolInfo": {
            "toolBuildNumber": "15A240d",
            "toolID": "com.apple.dt.xcode",
            "toolName": "Xcode",
            "toolVersion": "15.0",
        },
        "version": "1.0",
    }
    (path / "contents.json").write_text(
        json.dumps(manifest, indent=2, separators=(",", " : ")) + "\n", "utf-8"
    )
    _apple_strings(path / "Source Contents" / "App" / "en.lproj" / "Localizable.strings", sources)


def _xcloc_values(path: Path) -> dict[str, str]:
    """The German targets of a bundle's XLIFF, by unit id, as an XML reader finds them (every
    target: a copied source of a ``new`` one too, as Xcode would import it)."""
    from lxml import etree

    tree = etree.parse(str(path / "Localized Contents" / "de.xliff"))
    found = {}
    for unit in tree.iter(f"{{{_XLIFF_NS}}}trans-unit"):
        target = unit.find(f"{{{_XLIFF_NS}}}target")
        if target is not None:
            found[str(unit.get("id"))] = "".join(target.itertext())
    return found


def _members(path: Path) -> dict[str, bytes]:
    """A bundle's files other than its XLIFF, by relative path, and its folders (as ``b""``)."""
    return {
        p.relative_to(path).as_posix(): b"" if p.is_dir() else p.read_bytes()
        for p in sorted(path.rglob("*"))
        if p.suffix != ".xliff"
    }


def _java_values(path: Path, commands: list[str]) -> dict[str, str]:
    """What Java's ``Properties.load`` reads from ``path`` (the tests' loader)."""
    args = ["java", str(LOADER), str(path)]
    commands.append(" ".join(args))
    lines = subprocess.run(args, capture_output=True, text=True, check=True).stdout.splitlines()
    values = {}
    for line in lines:
        key, value, _ = line.split("\t")
        units = bytes.fromhex(value.replace("\\u", ""))
        values[key] = units.decode("utf-16-be", "surrogatepass")
    return values


def _android_values(path: Path) -> dict[str, str]:
    """The strings of an Android file as ltmt reads them (no-break spaces as written)."""
    from ltmt.formats.android import AndroidDocument

    return AndroidDocument.open(path, tgt_lang="de").read_values(path)


def _build_problems(path: Path) -> list[str]:
    """The names of strings whose raw XML text aapt2 would reject for a bare quote."""
    from lxml import etree

    problems = []
    for element in etree.parse(str(path)).getroot().iter("string"):
        raw = (element.text or "") + "".join(
            etree.tostring(child, encoding="unicode") for child in element
        )
        quoted = raw.startswith('"') and raw.endswith('"') and len(raw) > 1
        if not quoted and _BARE_QUOTE.search(re.sub(r"<[^>]*>", "", raw)):
            problems.append(str(element.get("name")))
    return problems


def _user(user: Any, model: str, work: Path, commands: list[str]) -> dict[str, Any]:
    from ltmt.evaluate import score_corpus

    folder = work / user.user
    folder.mkdir(parents=True, exist_ok=True)
    sources = {f"string_{i}": text for i, text in enumerate(user.sources)}
    references = {f"string_{i}": text for i, text in enumerate(user.references)}
    kept = {name: text for i, (name, text) in enumerate(references.items()) if i % 2 == 0}
    todo = [name for name in sources if name not in kept and sources[name].strip()]
    store = folder / "store"
    common = ["--model", model, "--memory-dir", str(store), "--user", user.user]
    memory_file = folder / "memory.jsonl"
    memory_file.write_text(
        "".join(json.dumps({"source": p.source, "target": p.target}) + "\n" for p in user.memory),
        "utf-8",
    )
    ltmt_json(["memory", "import", str(memory_file), *common[2:], "--json"], commands)

    files = {
        "android": (folder / "values" / "strings.xml", folder / "values-de" / "strings.xml"),
        "properties": (folder / "Messages.properties", folder / "Messages_de.properties"),
        "json": (folder / "en.json", folder / "de.json"),
        "strings": (
            folder / "en.lproj" / "Localizable.strings",
            folder / "de.lproj" / "Localizable.strings",
        ),
        "yaml": (folder / "locales" / "en.yml", folder / "locales" / "de.yml"),
        "ftl": (folder / "en-US" / "main.ftl", folder / "de" / "main.ftl"),
    }
    for name, (source_path, target_path) in files.items():
        _WRITERS[name](source_path, sources)
        _WRITERS[name](target_path, kept)
    # an Xcode catalog holds both languages: the team's German in it, the output a new file
    xcstrings = folder / "Localizable.xcstrings"
    _xcstrings(xcstrings, sources, kept)
    _android(folder / "reference" / "values-de" / "strings.xml", references)
    (folder / "todo.jsonl").write_text(
        "".join(json.dumps({"source": sources[name]}) + "\n" for name in todo), "utf-8"
    )
    reports = {}
    for name, (source_path, target_path) in files.items():
        args = ["translate", str(source_path), "-o", str(target_path), *common, "--json"]
        reports[name] = ltmt_json(args, commands)
    xcloc, xcloc_out = folder / "de.xcloc", folder / "de-translated.xcloc"
    _xcloc(xcloc, sources, kept)
    reports["xcloc"] = ltmt_json(
        ["translate", str(xcloc), "-o", str(xcloc_out), *common, "--json"], commands
    )
    xcstrings_out = folder / "Localizable.de.xcstrings"
    reports["xcstrings"] = ltmt_json(
        ["translate", str(xcstrings), "-o", str(xcstrings_out), *common, "--json"], commands
    )
    todo_out = folder / "todo.de.jsonl"
    reports["jsonl"] = ltmt_json(
        ["translate", str(folder / "todo.jsonl"), "-o", str(todo_out), *common, "--json"],
        commands,
    )
    # each output as its consumer reads it: Android as ltmt reads it (no aapt2 here), the
    # properties by Java's own Properties.load (MessageFormat's doubled apostrophes single)
    quoted = {key for key, text in sources.items() if "''" in text}
    found = {
        "android": _android_values(files["android"][1]),
        "properties": {
            key: text.replace("''", "'") if key in quoted else text
            for key, text in _java_values(files["properties"][1], commands).items()
        },
        "json": json.loads(files["json"][1].read_text("utf-8")),
        "strings": _apple_strings_values(files["strings"][1]),
        "yaml": _rails_yaml_values(files["yaml"][1]),
        "ftl": _fluent_values(files["ftl"][1]),
        "xcstrings": _xcstrings_values(xcstrings_out),
        "xcloc": _xcloc_values(xcloc_out),
    }
    lines = todo_out.read_text("utf-8").splitlines()
    plain = dict(zip(todo, (json.loads(line)["translation"] for line in lines)))
    scores = {}
    for name, values in {**found, "jsonl": plain}.items():
        outputs = [values.get(key, "") for key in todo]
        total = score_corpus(
            [o.replace("\n", " ") for o in outputs],
            [references[key].replace("\n", " ") for key in todo],
        )
        scores[name] = {"bleu": round(total.bleu, 2), "chrf": round(total.chrf, 2)}

    rt_store = folder / "roundtrip-store"
    imported = ltmt_json(
        [
            "memory",
            "import",
            str(folder / "reference" / "values-de" / "strings.xml"),
            "--source-file",
            str(folder / "values" / "strings.xml"),
            "--user",
            "rt",
            "--memory-dir",
            str(rt_store),
            "--json",
        ],
        commands,
    )
    exported = folder / "roundtrip.jsonl"
    ltmt_json(
        ["memory", "export", "--user", "rt", "--memory-dir", str(rt_store), "-o", str(exported)],
        commands,
    )
    back = {
        (row["source"], row["target"])
        for row in map(json.loads, exported.read_text("utf-8").splitlines())
    }
    wanted = [(sources[k], references[k]) for k in sources if sources[k].strip()]
    return {
        "strings": len(sources),
        "kept_from_the_team": len(kept),
        "translated": len(todo),
        "team_strings_unchanged": {
            name: sum(values.get(k) == v for k, v in kept.items()) for name, values in found.items()
        },
        "outputs_equal_to_jsonl": {
            name: sum(values.get(k) == plain[k] for k in todo) for name, values in found.items()
        },
        "scores": scores,
        "android_build_problems": _build_problems(folder / "values-de" / "strings.xml"),
        "strings_output_utf16": files["strings"][1].read_bytes().startswith(b"\xff\xfe"),
        "xcloc_other_members_unchanged": _members(xcloc) == _members(xcloc_out),
        "import_roundtrip": {
            "pairs": len(wanted),
            "stored": imported.get("added"),
            "skipped": imported.get("skipped"),
            "skipped_by_reason": imported.get("skipped_by_reason"),
            "stored_exactly": sum(pair in back for pair in wanted),
        },
        "reports": {
            name: {key: report.get(key) for key in _REPORTED} for name, report in reports.items()
        },
    }


def main() -> None:
    from ltmt.bench.data import find_users

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", default=str(REPO / "ltmt" / "models" / "default-en-de"))
    parser.add_argument(
        "--data", type=Path, default=REPO.parent / "shared" / "data" / "en-de" / "l10n" / "dev"
    )
    parser.add_argument("--work", type=Path, default=None)
    parser.add_argument("--output", type=Path, required=True)
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="ltmt-keyed-"))
    commands: list[str] = []
    users = {user.user: _user(user, args.model, work, commands) for user in find_users(args.data)}
    totals = {
        key: sum(u[key] for u in users.values())
        for key in ("strings", "kept_from_the_team", "translated")
    }
    for group in ("team_strings_unchanged", "outputs_equal_to_jsonl"):
        totals[group] = {fmt: sum(u[group][fmt] for u in users.values()) for fmt in _FORMATS}
    totals["android_build_problems"] = sum(len(u["android_build_problems"]) for u in users.values())
    totals["strings_outputs_utf16"] = sum(u["strings_output_utf16"] for u in users.values())
    totals["xcloc_other_members_unchanged"] = sum(
        u["xcloc_other_members_unchanged"] for u in users.values()
    )
    totals["import_roundtrip"] = {
        key: sum(u["import_roundtrip"][key] or 0 for u in users.values())
        for key in ("pairs", "stored", "stored_exactly")
    }
    emit_report(
        {"users": users, "totals": totals, "commands": commands, "work": str(work)}, args.output
    )


if __name__ == "__main__":
    main()
