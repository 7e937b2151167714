"""Short labels (``Paste``, ``Save As``, ``Undo``) translated as the training catalogs'
translators translated them, not by the model.

A label alone gives the model no sentence to read its sense from, and the shipped model got
common ones wrong: ``Paste`` → ``Vergangenheit``, ``Clear`` → ``Klar``, ``Stop`` →
``Haltestelle``, ``Properties`` → ``Prozesse``, ``Save As`` → ``Speichern als Speicher``;
``Undo`` and ``Redo`` copied. The training catalogs (the l10n products the model trained on,
never the dev users') hold thousands of labels with the translation their translators chose.
:func:`build_label_lexicon` keeps each message that is a label of one to three words
(:func:`label_parts`: letters, an inner apostrophe or hyphen; its accelerator and a final
``:``, ``…`` or ``...`` aside) that the catalogs translate one way more often than any other
(case aside), without copies and without placeholders, keyed by its words in small letters and
whether it starts with a capital (``Open``, a button, and ``open``, a state, are two labels).
Common interface labels the catalogs lack (``Save``, ``Cancel``, ``Sign in``: the catalogs are
mostly command-line tools', and the model made them ``Gespeichert``, ``Abbruch``, ``Zeichen in``)
come from a list written for ltmt, a tab-separated file of label and translation
(:func:`read_label_list`, ``ltmt/train/ui_labels.en-de.tsv``); :func:`fill_labels` adds its
labels where the catalogs have none, so a catalog's own choice (``Forward`` → ``Vor``) stays.
The lexicon is a model artifact beside the weights, ``MODEL_DIR/labels.json.gz``
(:data:`FILE_NAME`; ``ltmt train labels`` writes it), with what it was built from.

:meth:`LabelLexicon.translate` gives a line's translation where the lexicon has its label, its
first letter a capital where the line's is and with the line's final ``:`` or ellipsis as
written. The translator uses it for the lines it decoded without memory and without a glossary
term (:class:`ltmt.translator.Translator`, ``labels``): a user's own memory and glossary come
first.
"""

from __future__ import annotations

import gzip
import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ltmt.accelerators import MARKERS, find_accelerator
from ltmt.errors import InputError

FILE_NAME = "labels.json.gz"
FORMAT = "ltmt-labels/1"
# one to three words of letters (an apostrophe or hyphen inside a word)
_WORDS = re.compile(r"[^\W\d_]+(?:['\u2019-][^\W\d_]+)*(?: [^\W\d_]+(?:['\u2019-][^\W\d_]+)*){0,2}")
# what a label may end with, kept as the line writes it
_END = re.compile(r"\s*(?::|\u2026|\.\.\.)$")
# what a translation of a label must not hold: a placeholder, markup, a line break
_NOT_LABEL = re.compile(r"[%{}<>$\\\n]")
_MAX_TRANSLATION_WORDS = 6


@dataclass(frozen=True)
class LabelParts:
    """A line read as a label: its words, whether it starts with a capital, and its end."""

    words: str
    capital: bool
    end: str

    @property
    def key(self) -> str:
        """The lexicon's key: the words in small letters, ``^`` before them for a capital."""
        return ("^" if self.capital else "") + self.words.casefold()


def plain_label(text: str) -> str:
    """``text`` without its accelerator and its final ``:`` or ellipsis, stripped."""
    return _split_end(text)[0]


def _split_end(text: str) -> tuple[str, str]:
    """``(plain label, its end as written)``: :func:`plain_label` and what it left at the end."""
    plain = find_accelerator(text.strip(), MARKERS)[0]
    end = _END.search(plain)
    return (plain[: end.start()].strip(), end.group()) if end else (plain.strip(), "")


def label_parts(line: str) -> LabelParts | None:
    """``line`` read as a label (module docstring), or None where it is none: more than three
    words, a digit or a sign, or all in capitals (an identifier, a key: ``CLOSE``)."""
    words, end = _split_end(line)
    if not _WORDS.fullmatch(words) or (len(words) > 1 and words.isupper()):
        return None
    return LabelParts(words, words[0].isupper(), end)


@dataclass
class LabelLexicon:
    """Labels and their translations (module docstring); ``meta`` says what it was built from."""

    entries: dict[str, str]
    meta: dict[str, Any] = field(default_factory=dict)

    def translate(self, line: str) -> str | None:
        """``line``'s translation from the lexicon, or None where it has no such label."""
        parts = label_parts(line)
        found = self.entries.get(parts.key) if parts is not None else None
        if parts is None or found is None:
            return None
        if parts.capital:
            found = found[0].upper() + found[1:]
        return found + parts.end

    def has(self, line: str) -> bool:
        """Whether the lexicon translates ``line`` (:meth:`translate`)."""
        return self.translate(line) is not None

    def save(self, directory: Path) -> Path:
        """Write ``directory/labels.json.gz``; its path."""
        path = directory / FILE_NAME
        document = {"format": FORMAT, **self.meta, "entries": self.entries}
        with gzip.open(path, "wt", encoding="utf-8") as handle:
            json.dump(document, handle, ensure_ascii=False, sort_keys=True, indent=0)
        return path

    @classmethod
    def load(cls, path: Path) -> LabelLexicon:
        """Read a lexicon :meth:`save` wrote; a one-line error for anything else."""
        try:
            with gzip.open(path, "rt", encoding="utf-8") as handle:
                document = json.load(handle)
        except (OSError, EOFError, ValueError) as exc:
            raise InputError(f"{path}: not a label lexicon ({exc})") from exc
        if not isinstance(document, dict) or document.get("format") != FORMAT:
            raise InputError(f"{path}: not a label lexicon (format {FORMAT} expected)")
        entries = document.pop("entries", None)
        if not isinstance(entries, dict):
            raise InputError(f"{path}: a label lexicon without entries")
        document.pop("format")
        return cls({str(k): str(v) for k, v in entries.items()}, document)

    @classmethod
    def of_model(cls, model_dir: Path | None) -> LabelLexicon | None:
        """The lexicon beside a model's weights, or None where it has none."""
        path = model_dir / FILE_NAME if model_dir is not None else None
        return cls.load(path) if path is not None and path.is_file() else None


def build_label_lexicon(
    pairs: Iterable[tuple[str, str]], meta: dict[str, Any] | None = None
) -> LabelLexicon:
    """The lexicon of ``pairs`` (source, translation; module docstring): each label's commonest
    translation, where no other is as common (case aside)."""
    seen: defaultdict[str, Counter[str]] = defaultdict(Counter)
    for source, target in pairs:
        parts = label_parts(source)
        translation = _translation(target)
        if parts is None or translation is None:
            continue
        if translation.casefold() != parts.words.casefold():  # a copy: the model's own way
            seen[parts.key][translation] += 1
    entries = {}
    for key, forms in seen.items():
        by_sense: Counter[str] = Counter()
        for form, count in forms.items():
            by_sense[form.casefold()] += count
        ranked = by_sense.most_common(2)
        if len(ranked) == 2 and ranked[0][1] == ranked[1][1]:
            continue  # translated two ways as often: no way to choose
        best = ranked[0][0]
        entries[key] = max(
            (form for form in forms if form.casefold() == best),
            key=lambda form: (forms[form], form[0].isupper() == key.startswith("^")),
        )
    return LabelLexicon(dict(sorted(entries.items())), dict(meta or {}))


def read_label_list(path: Path) -> list[tuple[str, str]]:
    """The ``(label, translation)`` lines of a tab-separated label list (module docstring);
    a one-line error naming the line for one that is no label and its translation."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read the label list ({exc})") from exc
    pairs = []
    for number, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != 2 or label_parts(fields[0]) is None or _translation(fields[1]) is None:
            raise InputError(
                f"{path}:{number}: write a label of one to three words, a tab and its "
                f"translation (read {line[:100]!r})"
            )
        pairs.append((fields[0], fields[1]))
    return pairs


def fill_labels(lexicon: LabelLexicon, pairs: Iterable[tuple[str, str]]) -> int:
    """Add ``pairs``' labels to ``lexicon`` where it has none of theirs (module docstring);
    how many it added."""
    added = 0
    for label, translation in pairs:
        parts = label_parts(label)
        if parts is not None and parts.key not in lexicon.entries:
            lexicon.entries[parts.key] = plain_label(translation)
            added += 1
    lexicon.entries = dict(sorted(lexicon.entries.items()))
    return added


def _translation(target: str) -> str | None:
    """A label's translation without its accelerator and final ``:`` or ellipsis, or None
    where it is no label's (a placeholder, markup, more than a few words)."""
    plain = plain_label(target)
    if not plain or _NOT_LABEL.search(plain) or len(plain.split()) > _MAX_TRANSLATION_WORDS:
        return None
    return plain
