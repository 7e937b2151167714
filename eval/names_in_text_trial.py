"""URLs and e-mail addresses in running text, before and after they became placeholders: the
lines of Firefox's ``en-US`` Fluent files (github.com/mozilla-l10n/firefox-l10n-source) that
hold one, and the lines of other given text files that do, each translated into German with no
memory by ``ltmt translate`` of a checkout at ``--before`` (a git revision, run from a temporary
worktree) and of this one. Reported: the URLs and addresses that come back exactly as written.

    python eval/names_in_text_trial.py --before 4f6bc1c --ftl <en-US folder> \\
        --output eval/results/names/names-in-text.json [TEXT FILES ...]
"""

from __future__ import annotations

import argparse
import re
import tempfile
from pathlib import Path

from support import REPO, emit_report, ltmt_in_checkout, use_this_checkout, worktree_at

use_this_checkout()


def _names(text: str) -> list[str]:
    """The URLs and e-mail addresses of ``text`` (the placeholders of that kind)."""
    from ltmt.formats.placeholder_syntax import find_placeholders

    return [found.text for found in find_placeholders(text) if found.kind == "name"]


def _without_names(text: str) -> str:
    for name in _names(text):
        text = text.replace(name, " ")
    return text


def _lines(ftl: Path | None, files: list[Path]) -> list[str]:
    lines: list[str] = []
    if ftl is not None:
        from fluent.syntax import FluentParser, ast
        from fluent.syntax.serializer import serialize_pattern

        for path in sorted(ftl.rglob("*.ftl")):
            for entry in FluentParser().parse(path.read_text("utf-8")).body:
                if isinstance(entry, ast.Message | ast.Term):
                    patterns = [entry.value, *(a.value for a in entry.attributes)]
                    for pattern in patterns:
                        if pattern is not None:
                            lines.extend(serialize_pattern(pattern).strip().splitlines())
    for path in files:
        lines.extend(path.read_text("utf-8").splitlines())
    # a line with words besides its names (a line that is only a name was kept before too)
    return sorted(
        {
            line.strip()
            for line in lines
            if _names(line) and re.search(r"[A-Za-z]{3,}", _without_names(line))
        }
    )


def _translate(checkout: Path, source: Path, output: Path) -> list[str]:
    ltmt_in_checkout(checkout, "translate", str(source), "-o", str(output), "--tgt-lang", "de")
    return output.read_text("utf-8").splitlines()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--ftl", type=Path, default=None, help="Firefox's en-US folder")
    parser.add_argument("--before", required=True)
    parser.add_argument("--output", type=Path, required=True)
    args = parser.parse_args()
    lines = _lines(args.ftl, args.files)
    report: dict = {"lines": len(lines), "names": sum(len(_names(x)) for x in lines)}
    with tempfile.TemporaryDirectory() as temporary:
        work = Path(temporary)
        source = work / "lines.txt"
        source.write_text("\n".join(lines) + "\n", "utf-8")
        with worktree_at(args.before, work / "before-checkout") as before:
            outputs = {
                "before": _translate(before, source, work / "before.txt"),
                "after": _translate(REPO, source, work / "after.txt"),
            }
    for label, translated in outputs.items():
        kept = sum(
            name in out
            for line, out in zip(lines, translated, strict=True)
            for name in _names(line)
        )
        report[label] = {"names_kept": kept}
    report["revision_before"] = args.before
    report["examples"] = [
        {"source": line, "before": b, "after": a}
        for line, b, a in zip(lines, outputs["before"], outputs["after"], strict=True)
        if a != b
    ][:20]
    emit_report(report, args.output, ensure_ascii=False)


if __name__ == "__main__":
    main()
