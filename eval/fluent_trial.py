"""A real Fluent app's messages through ``ltmt translate``, checked as Fluent's own libraries
read them.

The English and German message files of Send (``public/locales/en-US/send.ftl`` and
``public/locales/de/send.ftl`` of github.com/timvisee/send, given with ``--en`` and ``--de``):
every other message of the English file that the German file has is the team's, and the German
file given to ``ltmt translate`` holds only those (what the team has not translated yet is
missing). Two runs:

- ``base``: ``ltmt translate en-US/send.ftl -o de/send.ftl``, no memory;
- ``memory``: the team's messages imported first (``ltmt memory import de/send.ftl
  --source-file en-US/send.ftl --user send``), then translated with ``--user send``.

Each output is checked: Mozilla's ``fluent.syntax`` parses it with no junk; ``fluent.runtime``
formats every message and attribute with every variable set, with no error; the team's messages
are as they were; each translated variant has the placeables of its source (variables, terms,
the plural's number); each plural has German's categories. The translated strings are scored
against the German file (BLEU, chrF2), a select's variants one by one.

    pip install fluent.runtime   # the Fluent runtime the check formats with
    python eval/fluent_trial.py --en send/public/locales/en-US/send.ftl \\
        --de send/public/locales/de/send.ftl --output eval/results/fluent/send.json
"""

from __future__ import annotations

import argparse
import re
import tempfile
from pathlib import Path
from typing import Any

from support import emit_report, ltmt_json, use_this_checkout

use_this_checkout()

_TOKEN = re.compile(r"\{[\w.]+\}|%d")
_REPORTED = ("units", "exact", "fuzzy", "no_match", "repaired", "not_repairable", "seconds")


def _messages(text: str) -> dict[str, Any]:
    from fluent.syntax import FluentParser, ast

    resource = FluentParser().parse(text)
    junk = [e for e in resource.body if isinstance(e, ast.Junk)]
    if junk:
        raise SystemExit(f"not valid Fluent: {junk[0].content[:80]!r}")
    return {
        ("-" if isinstance(e, ast.Term) else "") + e.id.name: e
        for e in resource.body
        if isinstance(e, ast.Message | ast.Term)
    }


def _team_file(english: str, german: str) -> tuple[str, list[str], list[str]]:
    """The German file as the team has it (every other message both files have), the team's
    message ids, and the ids left to translate."""
    from fluent.syntax import ast, serialize

    source, reference = _messages(english), _messages(german)
    shared = [name for name in source if name in reference]
    team = shared[::2]
    body = [reference[name] for name in team]
    todo = [name for name in source if name not in team]
    return serialize(ast.Resource(body)), team, todo


def _format_errors(text: str, variables: set[str]) -> list[str]:
    """What ``fluent.runtime`` reports formatting every message and attribute of ``text``
    with every variable set (to 1 and to 3)."""
    from fluent.runtime import FluentBundle, FluentResource

    bundle = FluentBundle(["de"], use_isolating=False)
    bundle.add_resource(FluentResource(text))
    errors = []
    for name in _messages(text):
        if name.startswith("-"):
            continue
        message = bundle.get_message(name)
        patterns = [("", message.value)] if message.value is not None else []
        patterns += [(f".{key}", value) for key, value in message.attributes.items()]
        for count in (1, 3):
            arguments = {variable: count for variable in variables}
            for suffix, pattern in patterns:
                _, found = bundle.format_pattern(pattern, arguments)
                errors.extend(f"{name}{suffix}: {error}" for error in found)
    return errors


def _variables(text: str) -> set[str]:
    return set(re.findall(r"\$([A-Za-z][\w-]*)", text))


def placeables_and_plurals(
    catalog: Any, values: dict[str, str], written: dict[str, Any], names: set[str] | None = None
) -> tuple[list[str], list[str]]:
    """The translated variants (of the messages ``names``; None: all) that lack a placeable of
    their source, and the plurals written without German's ``one`` and ``other``; ``values``:
    the output's strings as ``catalog`` reads them, ``written``: its messages."""
    from ltmt.formats.fluent import case_key

    lost, plurals_wrong = [], []
    for key, expansion in catalog.expansions.items():
        if names is not None and catalog.name_of(key) not in names:
            continue
        for case, text in expansion.cases.items():
            name = case_key(key, case)
            if name in values and sorted(_TOKEN.findall(text)) != sorted(
                _TOKEN.findall(values[name])
            ):
                lost.append(name)
        if expansion.kind == "plural" and catalog.name_of(key) in written:
            keys = {n.split("#", 1)[1] for n in values if n.startswith(f"{key}#")}
            if not {"one", "other"} <= keys:
                plurals_wrong.append(key)
    return lost, plurals_wrong


def _check(
    english: Path, output: Path, team_text: str, team: list[str], todo: list[str], tgt: str
) -> dict[str, Any]:
    from ltmt.formats.fluent import FluentCatalog

    out_text = output.read_text("utf-8")
    written = _messages(out_text)
    before = _messages(team_text)
    catalog = FluentCatalog.open(english, tgt_lang=tgt)
    values = catalog.read_values(output)
    lost, plurals_wrong = placeables_and_plurals(catalog, values, written, set(todo))
    return {
        "messages_written": len(written),
        "translated": sum(name in written for name in todo),
        "left_out": [name for name in todo if name not in written],
        "team_messages_unchanged": sum(
            name in written and serialize_entry(written[name]) == serialize_entry(before[name])
            for name in team
        ),
        "variants_missing_a_placeable": lost,
        "plurals_without_one_and_other": plurals_wrong,
        "runtime_errors": _format_errors(out_text, _variables(english.read_text("utf-8"))),
    }


def serialize_entry(entry: Any) -> str:
    from fluent.syntax import ast, serialize

    return serialize(ast.Resource([entry]))


def _scores(english: Path, output: Path, reference: Path, todo: list[str], tgt: str) -> Any:
    from ltmt.evaluate import score_corpus
    from ltmt.formats.fluent import FluentCatalog

    catalog = FluentCatalog.open(english, tgt_lang=tgt)
    ours, theirs = catalog.read_values(output), catalog.read_values(reference)
    keys = [e.key for e in catalog.entries if catalog.name_of(e.key) in todo and e.key in theirs]
    total = score_corpus(
        [ours.get(k, "").replace("\n", " ") for k in keys],
        [theirs[k].replace("\n", " ") for k in keys],
    )
    return {"strings": len(keys), "bleu": round(total.bleu, 2), "chrf": round(total.chrf, 2)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--en", type=Path, required=True, help="the English .ftl file")
    parser.add_argument("--de", type=Path, required=True, help="its German translation")
    parser.add_argument("--work", type=Path, default=None)
    parser.add_argument("--output", type=Path, required=True)
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="ltmt-fluent-"))
    commands: list[str] = []
    english = work / "en-US" / "send.ftl"
    english.parent.mkdir(parents=True, exist_ok=True)
    english.write_bytes(args.en.read_bytes())
    reference = work / "reference" / "de" / "send.ftl"
    reference.parent.mkdir(parents=True, exist_ok=True)
    reference.write_bytes(args.de.read_bytes())
    team_text, team, todo = _team_file(english.read_text("utf-8"), reference.read_text("utf-8"))
    runs: dict[str, Any] = {}
    for run in ("base", "memory"):
        output = work / run / "de" / "send.ftl"
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(team_text, "utf-8")
        user: list[str] = []
        if run == "memory":
            store = work / "store"
            user = ["--user", "send", "--memory-dir", str(store)]
            imported = ltmt_json(
                ["memory", "import", str(output), "--source-file", str(english), *user, "--json"],
                commands,
            )
        report = ltmt_json(
            ["translate", str(english), "-o", str(output), *user, "--json"], commands
        )
        runs[run] = {
            **_check(english, output, team_text, team, todo, "de"),
            "scores": _scores(english, output, reference, todo, "de"),
            "report": {key: report.get(key) for key in _REPORTED},
        }
        if run == "memory":
            runs[run]["imported"] = {k: imported.get(k) for k in ("added", "skipped")}
    emit_report(
        {
            "source": {"en": str(args.en), "de": str(args.de)},
            "messages": {"team": len(team), "to_translate": len(todo)},
            "runs": runs,
            "commands": commands,
            "work": str(work),
        },
        args.output,
    )


if __name__ == "__main__":
    main()
