"""Whether a placeholder that stands for a name-like value reads better to the model as a
person's name (``Hello {user}, welcome back.`` → ``Hello Anna, welcome back.``) and is put
back after: ``Hallo {user}`` rather than ``Hello {user}, willkommen``.

Two sets from the training users' pairs (``l10n/train/*.jsonl``, never the dev users'), one
line each, seeded shuffle: ``sample``, ``--lines`` pairs whose source has a placeholder ltmt
finds (:func:`ltmt.formats.placeholder_syntax.find_placeholders`); and ``named``, up to
``--lines`` pairs whose source has a *named* field (``{user}``, ``%(name)s``, ``{{name}}``,
``%{name}``, ``$name$``; not a count's), which the sample holds few of (these sources are
mostly C programs' ``%s``). Each is translated with no memory by the default model, as
``Translator.translate`` fits it (the placeholder repair included), in three arms:

* ``today``: the source as written;
* ``named``: each named field replaced by a distinct name that is not a word of the line
  (``Anna``, ``Lukas``, ...), the output's names (inflected too: ``Annas``) turned back into
  their fields, then the output fitted to the real source (a name the model lost: the repair
  puts the field back where it puts a lost one today);
* ``named+%s``: also ``%s`` and ``%1$s``;
* ``fields``: the slots of ``named+%s`` shown as ``{0}``, ``{1}`` ... instead of names. The
  default model saw ``l10n/train`` ~49 times (its card) and knows those lines by heart as
  written, so ``today`` is flattered by memory; this arm shows the same slots in a form it has
  not seen there, placeholders still, which is the fair comparison for the names.

Only a placeholder that stands alone gets a stand-in (spaces, quotes, brackets or a clause's
punctuation either side: not ``%s%s``, ``<%s>``, ``.%s``).

Reported per set and arm: sacrebleu BLEU and chrF2 against the references (chrF2 also on the
lines ``named+%s`` gives stand-ins, the only ones an arm changes), the placeholders
kept by the model (before the repair; a stand-in counts when its name or an inflection of it is
in the output) and after it, and the English words left before a placeholder: the word right
before a source placeholder (quotes and spaces between allowed) written again right before it in
the output, where the reference does not have that word.

    python eval/placeholder_standins.py --output eval/results/placeholders/standins.json

(``--train-dir /work/shared/data/en-de/l10n/train`` from a worktree beside no ``shared/``.)
"""

from __future__ import annotations

import argparse
import random
import re
from dataclasses import replace
from pathlib import Path
from typing import Any

from sacrebleu.metrics import BLEU, CHRF
from support import DATA_DIR, emit_report, read_jsonl, use_this_checkout

use_this_checkout()

from ltmt.formats.placeholder_syntax import (  # noqa: E402
    Placeholder,
    find_placeholders,
    placeholder_matches,
)
from ltmt.formats.placeholders import fit_translation  # noqa: E402
from ltmt.text import QUOTE_MARKS  # noqa: E402

TRAIN_DIR = DATA_DIR / "l10n" / "train"
STANDINS = ("Anna", "Lukas", "Maria", "Jonas", "Sophie", "Felix", "Clara", "Paul")
_NAMED = re.compile(
    r"%\((?P<a>\w+)\)s|%\{(?P<b>\w+)\}|%<(?P<c>\w+)>s|\{\{\s*(?P<d>[A-Za-z_]\w*)\s*\}\}"
    r"|\{(?P<e>[A-Za-z_]\w*)\}|\$(?P<f>[A-Za-z_]\w*)\$"
)
_PLAIN_STRING = re.compile(r"%(?:\d+\$)?s")
_COUNT_NAME = re.compile(
    r"(?i)count|num|total|size|amount|percent|index|len|width|height|second|minute|hour|day"
    r"|year|bytes|^[nixy]$|^\d"
)
_WORD = re.compile(r"[^\W\d_]+")
# what may stand before and after a placeholder that a name replaces: the line's edge, a space,
# a quote mark or a bracket, a clause's punctuation (after it)
_QUOTES = re.escape("".join(sorted(QUOTE_MARKS)))
_ALONE_BEFORE = re.compile(rf"(?:^|[\s{_QUOTES}(])$")
_ALONE_AFTER = re.compile(rf"(?:$|[\s{_QUOTES}),;:.!?])")
_BETWEEN = rf"[\s{_QUOTES}]*"


def name_like(placeholder: Placeholder, plain: bool) -> bool:
    """Whether ``placeholder`` is a named field that is no count's (or, with ``plain``,
    a ``%s`` too)."""
    named = _NAMED.fullmatch(placeholder.text)
    if named is not None:
        name = next(group for group in named.groups() if group)
        return _COUNT_NAME.search(name) is None
    return plain and _PLAIN_STRING.fullmatch(placeholder.text) is not None


def with_standins(source: str, plain: bool, fields: bool = False) -> tuple[str, dict[str, str]]:
    """``source`` with each name-like placeholder that stands alone (spaces, quotes or a
    clause's punctuation either side: not ``%s%s``, ``<%s>``, ``.%s``) replaced by a name the
    line lacks (with ``fields``, by ``{0}``, ``{1}`` ... instead: the same slots as a placeholder
    the model has not seen in this line), and which stand-in stands for which placeholder."""
    words = {word.lower() for word in _WORD.findall(source)}
    if fields:
        free = [f"{{{n}}}" for n in range(len(STANDINS)) if f"{{{n}}}" not in source]
    else:
        free = [name for name in STANDINS if name.lower() not in words]
    pieces, standins, end = [], {}, 0
    for placeholder in find_placeholders(source):
        alone = _ALONE_BEFORE.search(source[: placeholder.start]) and _ALONE_AFTER.match(
            source[placeholder.end :]
        )
        if not free or not alone or not name_like(placeholder, plain):
            continue
        name = free.pop(0)
        pieces += [source[end : placeholder.start], name]
        standins[name] = placeholder.text
        end = placeholder.end
    return "".join(pieces) + source[end:], standins


def _standin_pattern(name: str) -> re.Pattern[str]:
    if name.startswith("{"):
        return re.compile(re.escape(name))
    # the name as a word, inflected (German genitive Annas, Anna's) or not
    return re.compile(rf"(?<![^\W\d_]){re.escape(name)}(?:s|['\u2019]s)?(?![^\W\d_])")


def put_back(output: str, standins: dict[str, str]) -> tuple[str, int]:
    """``output`` with its stand-ins (inflected too) turned back into their placeholders, and
    how many of them were there."""
    found = 0
    for name, placeholder in standins.items():
        output, count = _standin_pattern(name).subn(lambda _, text=placeholder: text, output)
        found += min(count, 1)
    return output, found


def english_left(source: str, output: str, reference: str) -> int:
    """Source placeholders whose English word right before them is right before them in
    ``output`` too, where ``reference`` lacks that word."""
    reference_words = set(_WORD.findall(reference))
    left = 0
    for placeholder in find_placeholders(source):
        before = re.search(rf"([^\W\d_]{{2,}}){_BETWEEN}$", source[: placeholder.start])
        if before is None or before.group(1) in reference_words:
            continue
        word = re.escape(before.group(1))
        if re.search(rf"(?<![^\W\d_]){word}{_BETWEEN}{re.escape(placeholder.text)}", output):
            left += 1
    return left


def read_pairs(train_dir: Path) -> list[dict[str, str]]:
    seen, pairs = set(), []
    for path in sorted(train_dir.glob("*.jsonl")):
        for row in read_jsonl(path):
            source, target = row["source"], row["target"]
            if "\n" in source or source in seen or not target.strip():
                continue
            if find_placeholders(source):
                seen.add(source)
                pairs.append({"source": source, "target": target})
    return pairs


def run_arm(
    translator: Any, pairs: list[dict[str, str]], plain: bool | None, fields: bool = False
) -> dict[str, Any]:
    sources = [pair["source"] for pair in pairs]
    if plain is None:
        raw = translator.translate(sources, fit=False)
        shown, standins = sources, [{} for _ in sources]
        raw_texts = [t.text for t in raw]
        model_kept = [placeholder_matches(s, t.text)[0] for s, t in zip(sources, raw)]
        fitted = [fit_translation(t).text for t in raw]
    else:
        shown_standins = [with_standins(source, plain, fields) for source in sources]
        shown = [text for text, _ in shown_standins]
        standins = [names for _, names in shown_standins]
        raw = translator.translate(shown, fit=False)
        raw_texts, model_kept, fitted = [], [], []
        for source, names, translation in zip(sources, standins, raw):
            text, _ = put_back(translation.text, names)
            raw_texts.append(translation.text)
            model_kept.append(placeholder_matches(source, text)[0])
            fitted.append(fit_translation(replace(translation, source=source, text=text)).text)
    references = [pair["target"] for pair in pairs]
    total = sum(placeholder_matches(s, s)[1] for s in sources)
    changed = [i for i, names in enumerate(standins) if names]
    return {
        "bleu": round(BLEU().corpus_score(fitted, [references]).score, 2),
        "chrf2": round(CHRF().corpus_score(fitted, [references]).score, 2),
        "placeholders": total,
        "kept_by_model": round(sum(model_kept) / total, 4),
        "kept_after_repair": round(
            sum(placeholder_matches(s, t)[0] for s, t in zip(sources, fitted)) / total, 4
        ),
        "english_left": sum(english_left(s, t, r) for s, t, r in zip(sources, fitted, references)),
        "lines_with_standins": len(changed),
        "outputs": [
            {"source": sources[i], "shown": shown[i], "raw": raw_texts[i], "output": fitted[i]}
            for i in range(len(sources))
        ],
    }


def main() -> None:
    from ltmt.translator import Translator

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--output", type=Path, required=True)
    parser.add_argument("--lines", type=int, default=150)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--train-dir", type=Path, default=TRAIN_DIR)
    args = parser.parse_args()
    pairs = read_pairs(args.train_dir)
    random.Random(args.seed).shuffle(pairs)
    named = [p for p in pairs if any(name_like(x, False) for x in find_placeholders(p["source"]))]
    sets = {"sample": pairs[: args.lines], "named": named[: args.lines]}
    translator = Translator(None, threads=args.threads)
    report: dict[str, Any] = {"seed": args.seed, "sets": {}}
    for set_name, chosen in sets.items():
        arms = {
            "today": (None, False),
            "named": (False, False),
            "named+%s": (True, False),
            "fields": (True, True),
        }
        results = {
            arm: run_arm(translator, chosen, plain, fields) for arm, (plain, fields) in arms.items()
        }
        changed = [
            i
            for i, line in enumerate(results["named+%s"]["outputs"])
            if line["shown"] != line["source"]
        ]
        references = [[chosen[i]["target"] for i in changed]]
        for result in results.values():
            hypotheses = [result["outputs"][i]["output"] for i in changed]
            score = CHRF().corpus_score(hypotheses, references).score if changed else None
            result["chrf2_lines_with_standins"] = None if score is None else round(score, 2)
        report["sets"][set_name] = {"pairs": len(chosen), "arms": results}
    shown = {
        name: {
            "pairs": data["pairs"],
            "arms": {
                arm: {k: v for k, v in result.items() if k != "outputs"}
                for arm, result in data["arms"].items()
            },
        }
        for name, data in report["sets"].items()
    }
    emit_report(report, args.output, shown=shown, ensure_ascii=False)


if __name__ == "__main__":
    main()
