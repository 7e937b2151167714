"""How the localisation data's translators treat the placeholders ltmt takes as such since
session 56, and what the shipped model did with them before: evidence for reading them as
placeholders (kept as written) and for sending them to the model as tags.

For every pair of the l10n data (the training products and the dev users' memories and test
sets, read, never trained on), each placeholder of the source of a session-56 kind is counted
with whether the target writes it as the source does: sigil fields (Laravel's ``:count``,
JavaScript's ``$1``, Chrome's ``$name$``, i18next's ``$t(key)``), i18next's unescaped and
formatted fields (``{{- name}}``, ``{{val, number}}``), react-i18next's numbered tags
(``<1>``), Windows paths, C escapes other than a line break or tab (``\\a``, ``\\033[1m``);
and amounts of money (``€5``), which are no placeholders but go to the model as tags too.
With ``--before``, a fixed set of lines holding each kind (written here, not from any user's
files) is translated with no memory by the shipped model through this checkout's
``Translator`` and through another checkout's (one from before session 56), and each
output's placeholders counted as kept or not.

    python eval/placeholder_kinds_trial.py --before BASE-WORKTREE \\
        --output eval/results/placeholder-kinds/trial.json
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from support import DATA_DIR, REPO, emit_report, read_jsonl, use_this_checkout

use_this_checkout()
from ltmt.formats.placeholder_syntax import Placeholder, find_placeholders  # noqa: E402

# lines of each kind, written for this trial
LINES = [
    "Welcome :name, you have :count new messages.",
    "Showing :from to :to of :total results",
    "$1 was replaced by $2",
    "Hello $USER$, your download is ready.",
    "Total: {{val, number}} items",
    "Welcome back, {{- userName}}!",
    "Saved on {{date, datetime}} by {{author}}",
    "See $t(common:help) for details",
    "Open the <1>settings</1> page",
    "Click <0>here</0> to continue",
    "Saved to C:\\Users\\bob\\report.txt",
    "Copy the files to \\\\server\\share\\backup first.",
]


def session_56_kind(placeholder: Placeholder) -> str | None:
    """The session-56 kind of ``placeholder``, or None for one ltmt read before."""
    text = placeholder.text
    if placeholder.kind == "sigil":
        return "sigil"
    if placeholder.kind == "brace" and text.startswith("{{") and ("," in text or "-" in text):
        return "i18next formatted or unescaped"
    if placeholder.kind == "tag" and text.strip("</>").isdigit():
        return "numbered tag"
    if placeholder.kind == "name" and "\\" in text:
        return "windows path"
    if placeholder.kind == "escape" and text not in ("\\n", "\\r", "\\t"):
        return "c escape"
    return None


def session_56_spans(source: str) -> list[tuple[str, str]]:
    """``(text, kind)`` of each session-56 placeholder of ``source``, and of each amount of
    money (:mod:`ltmt.currency_amounts`: no placeholder, but sent to the model as a tag too)."""
    from ltmt.currency_amounts import amount_spans

    found = [(p.text, kind) for p in find_placeholders(source) if (kind := session_56_kind(p))]
    return found + [(text, "amount of money") for _, _, text in amount_spans(source)]


def count_data() -> dict[str, Any]:
    """Per kind: how many source placeholders the l10n data has and how many its targets keep."""
    found: Counter[str] = Counter()
    kept: Counter[str] = Counter()
    examples: dict[str, list[dict[str, str]]] = {}
    for path in sorted((DATA_DIR / "l10n").glob("*/*.jsonl")):
        for row in read_jsonl(path):
            for text, kind in session_56_spans(row["source"]):
                found[kind] += 1
                if text in row["target"]:
                    kept[kind] += 1
                else:
                    examples.setdefault(kind, []).append(
                        {"source": row["source"][:120], "target": row["target"][:120]}
                    )
    return {
        kind: {"placeholders": found[kind], "kept": kept[kind], "not_kept": examples.get(kind, [])}
        for kind in sorted(found)
    }


_TRANSLATE = """
import json, sys
from ltmt import Translator
print(json.dumps([t.text for t in Translator().translate(json.load(sys.stdin))]))
"""


def translated(root: Path) -> list[str]:
    """:data:`LINES` translated with no memory by the ``ltmt`` of checkout ``root``."""
    env = {**os.environ, "PYTHONPATH": str(root)}
    done = subprocess.run(
        [sys.executable, "-c", _TRANSLATE],
        input=json.dumps(LINES),
        capture_output=True,
        text=True,
        env=env,
        cwd=root,  # python -c reads the working directory's packages first
        check=True,
    )
    return list(json.loads(done.stdout))


def translate_lines(before: Path) -> dict[str, Any]:
    """The shipped model's outputs for :data:`LINES` by this checkout and by ``before``'s."""
    now, then = translated(REPO), translated(before)
    rows = []
    for line, output, earlier in zip(LINES, now, then, strict=True):
        wanted = [p.text for p in find_placeholders(line) if session_56_kind(p)]
        rows.append(
            {
                "source": line,
                "now": output,
                "now_kept": sum(text in output for text in wanted),
                "before": earlier,
                "before_kept": sum(text in earlier for text in wanted),
                "placeholders": len(wanted),
            }
        )
    return {
        "before": str(before),
        "lines": rows,
        "placeholders": sum(r["placeholders"] for r in rows),
        "now_kept": sum(r["now_kept"] for r in rows),
        "before_kept": sum(r["before_kept"] for r in rows),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--before", type=Path, default=None, help="a checkout whose ltmt translates them too"
    )
    parser.add_argument("--output", type=Path, default=None)
    args = parser.parse_args()
    report: dict[str, Any] = {"data": count_data()}
    if args.before is not None:
        report["model"] = translate_lines(args.before)
    emit_report(report, args.output, ensure_ascii=False)


if __name__ == "__main__":
    main()
