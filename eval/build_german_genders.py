"""Build ltmt's table of German noun genders from the training data's German side.

The glossary's agreement step (:mod:`ltmt.terminology.agreement`) needs the gender of a target
noun the model did not write. German marks it on the words before a noun: ``eine`` and
``einer`` only before a feminine one, ``das`` before a neuter one, ``einen`` before a masculine
one, and ``der``, ``dem``, ``ein`` ... before two of the three. This script counts, in the
German side of ``general/train`` and of ``l10n/train/*.jsonl`` (never the dev users' files),
which determiner stands before each capitalised word (with up to two inflected adjectives
between), weighs each determiner's genders (:data:`EVIDENCE`) and keeps the words whose
leading gender has enough of it (:func:`genders`: the determiners one gender alone takes
first, ``das Paar`` over ``ein Paar``). A noun in ``-e`` also takes the evidence of its form in
``-en`` after a determiner only the singular takes (:func:`with_weak_singulars`: ``des
Kunden``, ``einen Kunden`` for ``Kunde``), without which masculine nouns so declined (Kunde,
Name, Kollege) had too little evidence, or the wrong gender.

    python eval/build_german_genders.py --output ltmt/terminology/german_genders.tsv.gz

The table is gzipped TSV, ``word<TAB>m|f|n``, sorted, after ``#`` lines that say how it was
made. Plural nouns get a gender too (``die Kinder`` reads as feminine); the agreement step
never looks up a plural.
"""

from __future__ import annotations

import argparse
import collections
import gzip
import json
import re
from pathlib import Path

from support import DATA_DIR, REPO

# what a determiner before a noun says of its gender (weights; a form two genders share splits
# its weight, and forms plurals also take count less)
EVIDENCE: dict[str, dict[str, float]] = {
    "der": {"m": 0.5, "f": 0.5},
    "die": {"f": 0.6},
    "das": {"n": 1.0},
    "den": {"m": 0.8},
    "dem": {"m": 0.5, "n": 0.5},
    "des": {"m": 0.5, "n": 0.5},
    "ein": {"m": 0.5, "n": 0.5},
    "eine": {"f": 1.0},
    "einer": {"f": 1.0},
    "einen": {"m": 1.0},
    "einem": {"m": 0.5, "n": 0.5},
    "eines": {"m": 0.5, "n": 0.5},
    "keine": {"f": 0.6},
    "keiner": {"f": 1.0},
    "keinen": {"m": 1.0},
    "diese": {"f": 0.6},
    "dieser": {"m": 0.5, "f": 0.5},
    "dieses": {"n": 0.7, "m": 0.3},
    "diesen": {"m": 0.8},
}
# determiners only a singular takes: before a noun's form in -n, a masculine noun declined
# weak (des Kunden) or one whose form it is by chance; never a feminine one (no -n in the
# singular), and "den", "diesen" are left out, being dative plurals too (den Kunden)
SINGULAR_ONLY = ("des", "dem", "eines", "einem", "einen")
# determiners before a nominative singular that no weak masculine noun takes in -n
NOMINATIVE_SINGULAR = ("ein", "das")
# the share of those a weak noun's form in -n may have of SINGULAR_ONLY's count, as misreadings
# ("das Kunden-" split off a compound, "ein Jungen-" ...): 1 in 22 for Kunden, 1 in 7 for Reifen
NOISE = 0.1
_WORD = re.compile(r"[^\W\d_][\w-]*")
_ADJECTIVE = re.compile(r"[a-zäöüß]+(?:e|en|er|es|em)")


def german_texts(data_dir: Path) -> list[str]:
    """The German side of the training data: ``general/train.de`` and ``l10n/train``."""
    texts = (data_dir / "general" / "train.de").read_text("utf-8").splitlines()
    for path in sorted((data_dir / "l10n" / "train").glob("*.jsonl")):
        for line in path.read_text("utf-8").splitlines():
            if line.strip():
                texts.append(json.loads(line)["target"])
    return texts


def count_determiners(texts: list[str]) -> dict[str, collections.Counter[str]]:
    """Per capitalised word, how often each determiner of :data:`EVIDENCE` stands before it."""
    counts: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    for text in texts:
        words = _WORD.findall(text)
        for i, word in enumerate(words):
            determiner = word.lower()
            if determiner not in EVIDENCE:
                continue
            j = i + 1
            while j < len(words) and j <= i + 2 and _ADJECTIVE.fullmatch(words[j]):
                j += 1
            if j < len(words) and words[j][:1].isupper():
                counts[words[j]][determiner] += 1
    return counts


def with_weak_singulars(
    counts: dict[str, collections.Counter[str]],
) -> dict[str, collections.Counter[str]]:
    """``counts`` where each word in ``-e`` seen after a determiner also takes the
    :data:`SINGULAR_ONLY` determiners seen before its form in ``-n``.

    Weak masculine nouns (der Kunde, des Kunden, dem Kunden, den Kunden) keep ``-e`` only
    after ``der`` and ``ein``, which two genders share, so the form in ``-e`` alone never
    reached the share a gender needs; their singular's other cases are in ``-en``. Feminine
    nouns do not change in the singular, so they take none of this evidence, and the
    determiners keep their own weights (neuter too: das Gute, des Guten). A form in ``-n``
    seen after :data:`NOMINATIVE_SINGULAR` more than by chance (:data:`NOISE`) is a noun of
    its own (ein Reifen, das Warten), not a case of the word in ``-e`` (die Reife)."""
    merged = {word: collections.Counter(seen) for word, seen in counts.items()}
    for word, seen in merged.items():
        oblique = counts.get(word + "n", collections.Counter())
        singular = sum(oblique[d] for d in SINGULAR_ONLY)
        nominative = sum(oblique[d] for d in NOMINATIVE_SINGULAR)
        if not word.endswith("e") or nominative > NOISE * singular:
            continue
        for determiner in SINGULAR_ONLY:
            if oblique[determiner]:
                seen[determiner] += oblique[determiner]
    return merged


def genders(
    counts: dict[str, collections.Counter[str]], share: float, min_weight: float
) -> dict[str, str]:
    """Each word's gender: the one that holds ``share`` of at least ``min_weight`` of the
    evidence of determiners only one gender takes (``das``, ``eine``, ``einen`` ...) and
    ``1 - share`` of all its evidence; else the one that holds ``share`` of at least
    ``min_weight`` of all its evidence (where ``ein``, ``dem`` ... split theirs). Words neither
    decides are left out."""
    table: dict[str, str] = {}
    for word, seen in counts.items():
        single: collections.Counter[str] = collections.Counter()
        weight: collections.Counter[str] = collections.Counter()
        for determiner, n in seen.items():
            evidence = EVIDENCE[determiner]
            for gender, w in evidence.items():
                weight[gender] += w * n
                if len(evidence) == 1:
                    single[gender] += w * n
        total = sum(weight.values())
        if sum(single.values()) >= min_weight:
            gender, best = single.most_common(1)[0]
            if best >= share * sum(single.values()) and weight[gender] >= (1 - share) * total:
                table[word] = gender
                continue
        if total >= min_weight:
            gender, best = weight.most_common(1)[0]
            if best >= share * total:
                table[word] = gender
    return table


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data-dir", type=Path, default=DATA_DIR)
    parser.add_argument("--share", type=float, default=0.6)
    parser.add_argument("--min-weight", type=float, default=2.0)
    parser.add_argument(
        "--output", type=Path, default=REPO / "ltmt" / "terminology" / "german_genders.tsv.gz"
    )
    args = parser.parse_args()
    texts = german_texts(args.data_dir)
    table = genders(with_weak_singulars(count_determiners(texts)), args.share, args.min_weight)
    header = [
        "# German noun genders (m, f, n) for ltmt's glossary agreement step",
        f"# made by eval/build_german_genders.py --share {args.share} --min-weight "
        f"{args.min_weight} from the German side of general/train and l10n/train "
        f"({len(texts)} segments): the determiners before each capitalised word (and before "
        "its form in -n, for a word in -e)",
        f"# {len(table)} words",
    ]
    lines = [*header, *(f"{word}\t{gender}" for word, gender in sorted(table.items()))]
    # mtime=0: the same data make the same bytes
    with gzip.GzipFile(args.output, "wb", mtime=0) as handle:
        handle.write(("\n".join(lines) + "\n").encode("utf-8"))
    print(f"wrote {args.output}: {len(table)} words from {len(texts)} segments")


if __name__ == "__main__":
    main()
