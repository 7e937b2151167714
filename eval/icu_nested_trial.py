"""ICU messages with several branching arguments, translated by ``ltmt translate`` and read
back by ICU4J.

A JSON message file of hand-written messages in the patterns apps use (gender and plural
nested, arguments side by side, an ordinal, an empty branch; written for this trial, not taken
from a product) is translated into German with the embedded default model and no memory. Each
output message is then formatted by ICU4J (``tests/formats/data/FormatIcu.java``, Debian's
``libicu4j-java``) with the values of each of its cases. Reported: the messages written (a
message ltmt cannot take apart is left out of the output, with a warning), the cases, the
cases ICU4J formats without an error, and those where the number shows up as a number.

    python eval/icu_nested_trial.py --output eval/results/icu/nested-trial.json
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

from support import REPO, emit_report, ltmt_in_checkout

MESSAGES = {
    "liked": "{gender, select, female {{count, plural, one {She liked your photo.} "
    "other {She liked # of your photos.}}} male {{count, plural, one {He liked your photo.} "
    "other {He liked # of your photos.}}} other {{count, plural, one {They liked your photo.} "
    "other {They liked # of your photos.}}}}",
    "inbox": "{count, plural, =0 {No new messages} one {One new message} "
    "other {# new messages}} from {sender}",
    "invited": "{host} invited you{guests, plural, =0 {.} one { and one other guest.} "
    "other { and # other guests.}}",
    "cart": "{itemCount, plural, one {# item} other {# items}} in "
    "{cartName, select, wishlist {your wishlist} other {your cart}}",
    "tasks": "{taskCount, plural, one {You have one task due {when, select, today {today} "
    "tomorrow {tomorrow} other {soon}}.} other {You have # tasks due {when, select, "
    "today {today} tomorrow {tomorrow} other {soon}}.}}",
    "place": "You finished {place, selectordinal, one {#st} two {#nd} few {#rd} other {#th}}!",
    "gift": "{sender, select, female {{receiver, select, female {She sent her a gift.} "
    "male {She sent him a gift.} other {She sent them a gift.}}} male {{receiver, select, "
    "female {He sent her a gift.} male {He sent him a gift.} other {He sent them a gift.}}} "
    "other {{receiver, select, female {They sent her a gift.} male {They sent him a gift.} "
    "other {They sent them a gift.}}}}",
    "shared": "{name} shared {count, plural, one {a file} other {# files}} with you.",
}
NUMBERS = {"=0": 0, "one": 1, "two": 2, "few": 3, "other": 7}


def _values(path: tuple, kinds: dict[str, str]) -> dict[str, str]:
    values = {"sender": "Anna", "host": "Anna", "name": "Anna"}
    for name, key in path:
        if kinds[name] == "select":
            values[name] = key if key != "other" else "someone"
        else:
            values[name] = key[1:] if key.startswith("=") else str(NUMBERS.get(key, 7))
    return values


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--output", type=Path, required=True)
    args = parser.parse_args()
    sys.path.insert(0, str(REPO / "tests" / "formats"))
    from test_icu_messages import _icu4j  # the tests' ICU4J runner

    from ltmt.formats.icu_messages import expand

    with tempfile.TemporaryDirectory() as work:
        source, target = Path(work) / "en.json", Path(work) / "de.json"
        source.write_text(json.dumps(MESSAGES, indent=2) + "\n", encoding="utf-8")
        run = ltmt_in_checkout(
            REPO, "translate", str(source), "-o", str(target), "--tgt-lang", "de"
        )
        written = json.loads(target.read_text("utf-8")) if target.exists() else {}
    report: dict = {"messages": len(MESSAGES), "written": len(written), "stderr": run.stderr}
    cases = formatted = numbers = 0
    per_message = {}
    for key, message in written.items():
        expansion = expand(message)
        kinds = {name: argument.kind for name, argument in expansion.arguments.items()}
        records = [(message, _values(case.path, kinds)) for case in expansion.cases]
        out = _icu4j("de", records)
        cases += len(out)
        formatted += sum(not text.startswith("ERROR") for text in out)
        numbers += sum(
            case.counted_by is None or _values(case.path, kinds)[case.counted_by] in text
            for case, text in zip(expansion.cases, out, strict=True)
        )
        per_message[key] = {"message": message, "formatted": out}
    report.update(
        cases=cases,
        formatted_by_icu4j=formatted,
        number_shown=numbers,
        outputs=per_message,
    )
    emit_report(report, args.output, ensure_ascii=False)


if __name__ == "__main__":
    main()
