"""vue-i18n's plural choices in JSON and YAML message files: ``no items | one item | {count}
items``.

vue-i18n picks a message's choice by its place: of two, the first for 1 and the second for any
other count; of three, the first for 0, the second for 1, the third for more. The model got
such a message whole and wrote it as one sentence: ``no comments yet | 1 comment | {count}
comments`` came out ``keine Kommentare | 1 Kommentare | {count}`` (the third choice lost its
word), and with a memory ``no items | one item | {count} items`` came out ``keine Elemente |
{count}-Eintrage``, two choices where vue-i18n counts three (session 60). So such a message is
translated choice by choice, each a form of one plural entry (``/items#0``, ``/items#1``, ...:
:meth:`Choices.keys`), and the translations are joined with the source's separators: the
translation has the source's number of choices, always. A translation kept from the output
with another number (a reviewer's) is kept as written, with a warning (:func:`kept_whole`).

A ``|`` is also plain text (a shell pipe, ``Run ls | grep log``; a page title's ``Home |
Shop``), and a message split there was translated in pieces that no longer made sense
(``Löwen | Schreiben zum Logliste der Logdateien``). So a message is split only where it is a
plural (:func:`plural_choices`): in a catalog that may be vue-i18n's (:func:`may_be_vue_i18n`:
not i18next's, not Rails'), every ``|`` outside braces (vue-i18n's literal ``{'|'}`` is text)
with white space on both sides (:func:`pipe_choices`: ``true|false`` and ``a||b`` stay whole,
as does a message with an empty choice), two or three choices, and those choices forms of one
countable phrase (:func:`forms_of_one_phrase`). ARB files (ICU throughout) and other formats
never split at a ``|``.

Symfony's message files (``messages.en.yaml``, ``validators.en.yaml``) write a plural's forms
with a bare ``|`` (``one apple|%count% apples``), each perhaps led by the interval of counts it
is for (``{0} No apples|{1} One apple|]1,Inf[ %count% apples``), and ``||`` for a ``|`` of
text. The model got them whole too (``One apple`` left English). :func:`symfony_choices` parts
them so: each form is translated alone and the intervals are kept as written; the forms keep
the source's number (Symfony picks an un-intervalled one by the target language's plural rule:
right for German's two, short for a language with more). Laravel's pipe plurals are the same
(``one apple|:count apples``, ``{0} none|[1,19] some|[20,*] many``: ``*`` for no bound, and
``:count``), in its JSON files (:func:`ltmt.formats.laravel_json.is_laravel_json`), and so is
a singular and a plural sentence without a count (``There is one apple|There are many apples``:
:func:`laravel_choices`).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from ltmt.formats.keyed_catalog import FORM, Entry
from ltmt.wording import counted

logger = logging.getLogger(__name__)

VUE_I18N = "vue-i18n"  # a catalog's syntax (:attr:`ltmt.formats.keyed_catalog.KeyedCatalog.syntax`)
LARAVEL = "laravel"  # Laravel's JSON (keys = English), whose plurals are Symfony's, with :count

# vue-i18n's count, which it fills in for the number of a plural message: ``{count}``, ``{n}``
_COUNT = re.compile(r"(?<!\{)\{\s*(?:count|n)\s*\}(?!\})")
# a choice's words that say its count rather than what is counted
_COUNT_WORDS = frozenset({"no", "none", "zero", "one", "a", "an", "single", "many", "several"})
# words two choices may share without being forms of one phrase
_FUNCTION_WORDS = frozenset(
    {"the", "to", "of", "and", "or", "in", "on", "at", "for", "with", "by", "from", "is", "are"}
)
_WORD = re.compile(r"\{[^{}]*\}|[^\W_]+")
# what says a catalog is another library's, whose ``|`` is text: i18next's interpolation
# (``{{name}}``) and plural keys (``items_one``, ``items_other``), Rails' ``%{name}``
_OTHER_LIBRARY_FIELD = re.compile(r"\{\{[^{}]*\}\}|%\{[^{}]*\}")
_PLURAL_KEY = re.compile(r"_(?:zero|one|two|few|many|other|plural)$")


@dataclass(frozen=True)
class Choices:
    """A message's ``branches`` (its choices, in order) and the ``separators`` between them,
    as written (one fewer)."""

    branches: tuple[str, ...]
    separators: tuple[str, ...]
    lead: str = ""  # written before the first branch: Symfony's interval (``{0} ``)
    symfony: bool = False  # parted as Symfony parts a message (:func:`symfony_choices`)

    def keys(self, name: str) -> list[str]:
        """The catalog keys of the choices of the message ``name``: ``name#0``, ``name#1`` ..."""
        return [f"{name}{FORM}{n}" for n in range(len(self.branches))]

    def entries(self, name: str, group: str = "") -> list[Entry]:
        """The choices of the message ``name`` as the forms of one plural entry (translated
        as such, and counted once by ``ltmt qa``), in ``group`` (default: ``name``'s)."""
        return [
            Entry(key, name, branch, form, plural=True, group=group)
            for form, (key, branch) in enumerate(zip(self.keys(name), self.branches, strict=True))
        ]

    def read(self, name: str, text: str) -> dict[str, str]:
        """The choices of ``text``, a translation of the message ``name``, by key; ``text``
        whole under ``name`` where it has another number of choices (a person's, which its
        reader keeps as written: :func:`kept_whole`); none where it is empty."""
        if self.other_count(text) is not None or self.other_intervals(text):
            return {name: text}
        found = self._parted(text)
        if found is None or len(found.branches) != len(self.branches):
            return {}
        return dict(zip(self.keys(name), found.branches, strict=True))

    def other_count(self, text: str) -> int | None:
        """The number of choices of ``text``, a translation, where it is not the source's
        (one where it has no bar that parts it); ``None`` where it has as many, or is empty."""
        found = self._parted(text)
        count = 1 if found is None else len(found.branches)
        return None if count == len(self.branches) or not text.strip() else count

    def other_intervals(self, text: str) -> bool:
        """Whether ``text``, a translation of a Symfony or Laravel plural with as many forms,
        leads them by other intervals (``[1,20]`` for ``[1,19]``, none for ``[20,*]``)."""
        wanted = (self.lead.strip(), *(separator[1:].strip() for separator in self.separators))
        return self.symfony and bool(text.strip()) and written_forms(text) != wanted

    def count_problem(self, text: str) -> str | None:
        """What is wrong with ``text``, a translation with another number of choices than
        the source (``has 2 choices, the source 3``), or ``None``: vue-i18n picks a choice by
        its place, so another number shows the wrong one for some counts."""
        count = self.other_count(text)
        if count is None:
            return None
        return f"has {counted(count, 'choice')}, the source {len(self.branches)}"

    def translation(self, name: str, translations: Mapping[str, str]) -> str | None:
        """The message ``name``'s translation: its choices' ``translations`` (by key) joined,
        once each has one; ``None`` before."""
        texts = [translations.get(key) for key in self.keys(name)]
        if any(text is None for text in texts):
            return None
        return self.joined([str(text) for text in texts])

    def joined(self, translations: Sequence[str]) -> str:
        """The message of ``translations``, one a branch, with the source's separators."""
        if len(translations) != len(self.branches):
            raise ValueError(f"{len(translations)} translations for {len(self.branches)} choices")
        pieces = [self.lead, translations[0]]
        for separator, text in zip(self.separators, translations[1:], strict=True):
            pieces += [separator, text]
        return "".join(pieces)

    def _parted(self, text: str) -> Choices | None:
        """``text`` (a translation) parted at its bars as the source was."""
        return _symfony_parts(text) if self.symfony else pipe_choices(text)


def kept_whole(
    path: Path, values: Mapping[str, str], choices: Mapping[str, Choices]
) -> dict[str, str]:
    """The translations of ``values`` (an adopted output's, by key) with another number of
    choices than their source's plural (``choices``, by name: :meth:`Choices.other_count`),
    which its reader keeps whole (under the name): a reviewer's, kept as written rather than
    translated again (the run said nothing and lost it), with a warning a line each."""
    kept = {name: values[name] for name in choices if name in values}
    for name, text in kept.items():
        count = choices[name].other_count(text)
        what = "its forms led by other intervals than the source's"  # as many forms
        if count is not None:
            what = f"{counted(count, 'choice')} where the source has {len(choices[name].branches)}"
        logger.warning("%s: %s has %s; kept: check it", path, name, what)
    return kept


def may_be_vue_i18n(names: Iterable[str], messages: Iterable[str]) -> bool:
    """Whether a catalog whose strings are named ``names`` (keys, dotted names or pointers)
    and read ``messages`` may be vue-i18n's: no i18next plural key (``items_other``) and no
    i18next or Rails field (``{{count}}``, ``%{count}``), which say its ``|`` is text."""
    if any(_PLURAL_KEY.search(name) for name in names):
        return False
    return not any(_OTHER_LIBRARY_FIELD.search(message) for message in messages)


def plural_choices(message: str) -> Choices | None:
    """``message``'s choices where it is a vue-i18n plural: two or three choices
    (:func:`pipe_choices`) that are forms of one countable phrase
    (:func:`forms_of_one_phrase`); ``None`` for any other message, which is text as written."""
    choices = pipe_choices(message)
    if choices is None or len(choices.branches) > 3:
        return None
    return choices if forms_of_one_phrase(choices.branches) else None


def forms_of_one_phrase(branches: Sequence[str]) -> bool:
    """Whether ``branches`` are the forms of one countable phrase, as a plural's choices are:
    with vue-i18n's count (``{count}``, ``{n}``) in one of them, every branch with words
    shares one (``no items | one item | {count} items``, ``You have one message | You have
    {count} messages``); without it, the branches are word for word the same but for plural
    endings and count words (``car | cars``, ``no items | one item | many items``). Two
    pieces of a sentence (``Run ls | grep log``) or a list of labels (``Home | Shop``) are
    neither."""
    words = [_counted_words(branch) for branch in branches]
    if any(_COUNT.search(branch) for branch in branches):
        worded = [set(found) for found in words if found]
        return not worded or bool(set.intersection(*worded) - _FUNCTION_WORDS)
    differ = len({branch.strip().lower() for branch in branches}) > 1
    return differ and bool(words[0]) and all(found == words[0] for found in words)


def _counted_words(branch: str) -> list[str]:
    """The words of ``branch`` that name what is counted, each in its singular (lower case,
    an English plural ending taken off): not its count words, numbers or placeholders."""
    words = (word.lower() for word in _WORD.findall(branch))
    kept = (w for w in words if w not in _COUNT_WORDS and w[0] != "{" and not w.isdigit())
    return [_singular(word) for word in kept]


def _singular(word: str) -> str:
    """``word`` without an English plural ending, and without a final e that the ending may
    have added or kept (``entries`` → ``entry``, ``boxes`` → ``box``, ``houses`` and
    ``house`` → ``hous``); a key to compare words by, not always a word."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    return word[:-1] if word.endswith("e") and len(word) > 2 else word


def pipe_choices(message: str) -> Choices | None:
    """``message``'s choices, or ``None`` where it has no bar outside braces, one without white
    space on both sides (``true|false``), or an empty choice (module docstring)."""
    bars = [at for at, char in enumerate(message) if char == "|" and _outside_braces(message, at)]
    if not bars or not all(_spaced(message, at) for at in bars):
        return None
    # the white space around each bar is its separator's; the message's own edges its choices'
    cuts = [(_space_before(message, at), _space_after(message, at)) for at in bars]
    starts, ends = [0, *(end for _, end in cuts)], [*(start for start, _ in cuts), len(message)]
    branches = [message[start:end] for start, end in zip(starts, ends, strict=True)]
    if not all(branch.strip() for branch in branches):
        return None
    separators = [message[start:end] for start, end in cuts]
    return Choices(tuple(branches), tuple(separators))


def _outside_braces(message: str, at: int) -> bool:
    before = message[:at]
    return before.count("{") <= before.count("}")


def _space_before(message: str, at: int) -> int:
    return len(message[:at].rstrip())


def _space_after(message: str, at: int) -> int:
    return len(message) - len(message[at + 1 :].lstrip())


def _spaced(message: str, at: int) -> bool:
    return message[at - 1 : at].isspace() and message[at + 1 : at + 2].isspace()


# Symfony's bar between forms (``||`` is a bar of text), the interval that may lead a form
# (``{0}``, ``{1,2}``, ``]1,Inf[``, ``[2,Inf]``), and its count placeholders
_SYMFONY_BAR = re.compile(r"(?<!\|)\|(?!\|)")
_NUMBER = r"-?\d+(?:\.\d+)?"
_INTERVAL = re.compile(
    rf"\s*(?:\{{\s*{_NUMBER}(?:\s*,\s*{_NUMBER})*\s*\}}"
    rf"|[\[\]]\s*(?:-Inf|\*|{_NUMBER})\s*,\s*(?:\+?Inf|\*|{_NUMBER})\s*[\[\]])\s*"
)
_SYMFONY_COUNT = re.compile(r"%count%|(?<![\w:]):count\b")  # Symfony's, Laravel's
_TWIG_FIELD = re.compile(r"\{\{\s*\w+\s*\}\}")  # a validator's {{ limit }}
_LETTERS = re.compile(r"[^\W\d_]+")  # a word's letters


def symfony_choices(message: str) -> Choices | None:
    """``message``'s forms where it is a Symfony plural (module docstring): two or more forms
    parted by bare bars, none empty, led by intervals, or holding ``%count%``, or sharing a
    ``{{ limit }}``, or forms of one phrase (:func:`forms_of_one_phrase`); ``None`` for any
    other message (``Home | Shop``), which is text as written."""
    choices = _symfony_parts(message)
    if choices is None:
        return None
    branches = choices.branches
    fields = [set(_TWIG_FIELD.findall(branch)) for branch in branches]
    if (
        choices.lead
        or any(separator != "|" for separator in choices.separators)  # an interval
        or any(_SYMFONY_COUNT.search(branch) for branch in branches)
        or set.intersection(*fields)
        or forms_of_one_phrase(branches)
    ):
        return choices
    return None


def symfony_form_pairs(source: str, target: str) -> list[tuple[str, str]] | None:
    """The form-by-form pairs of ``source``, a Symfony plural (:func:`symfony_choices`), and
    ``target``, its translation parted at its bare bars into as many forms with the same
    intervals, as a YAML catalog's plural is read; ``None`` where either is not so (``Home |
    Shop``, a translation with another number of forms), which is a pair as written."""
    choices = symfony_choices(source)
    if choices is None or choices.other_count(target) is not None:
        return None
    if choices.other_intervals(target) or (found := _symfony_parts(target)) is None:
        return None
    return list(zip(choices.branches, found.branches, strict=True))


def laravel_choices(message: str) -> Choices | None:
    """``message``'s forms where it is a Laravel plural: a Symfony one
    (:func:`symfony_choices`), or two phrases parted by a bare bar, neither led by an interval,
    the first with a word the second writes in its English plural (``There is one
    apple|There are many apples``, Laravel's own example: its singular and plural); ``None``
    for any other message (``Home | Shop``, ``Log in|Sign up``), which is text as written."""
    choices = symfony_choices(message)
    if choices is not None or (choices := _symfony_parts(message)) is None:
        return choices
    if choices.lead or choices.separators != ("|",):
        return None
    singular, plural = (_LETTERS.findall(branch.lower()) for branch in choices.branches)
    if len(singular) < 2 or len(plural) < 2:  # a label each (``Save|Cancel``)
        return None
    plurals = set(plural)
    return choices if any(_plurals_of(word) & plurals for word in singular) else None


def _plurals_of(word: str) -> set[str]:
    """The spellings ``word``'s English plural may have (``apple`` → ``apples``, ``box`` →
    ``boxes``, ``entry`` → ``entries``)."""
    found = {word + "s", word + "es"}
    if word.endswith("y"):
        found.add(word[:-1] + "ies")
    return found


def written_forms(message: str) -> tuple[str, ...]:
    """The intervals that lead ``message``'s forms where it is parted at bare bars as Symfony
    and Laravel part a plural (``""`` for a form without one): ``("{0}", "[1,19]", "[20,*]")``;
    one empty interval for a message without a bar (one form)."""
    parts = _SYMFONY_BAR.split(message)
    return tuple(found.group().strip() if (found := _INTERVAL.match(p)) else "" for p in parts)


def without_intervals(message: str) -> str:
    """``message`` without the intervals that lead its forms, read as a Symfony or Laravel
    plural (``[1,19]`` is no number of the text)."""
    return "|".join(_INTERVAL.sub(" ", p, count=1) for p in _SYMFONY_BAR.split(message))


def _symfony_parts(message: str) -> Choices | None:
    """``message`` parted at its bare bars, each form's interval written with the bar before
    it (the first's as the lead); ``None`` where it has no bar or an empty form."""
    parts = _SYMFONY_BAR.split(message)
    if len(parts) < 2:
        return None
    intervals = [found.group() if (found := _INTERVAL.match(part)) else "" for part in parts]
    branches = [part[len(interval) :] for part, interval in zip(parts, intervals, strict=True)]
    if not all(branch.strip() for branch in branches):
        return None
    separators = [f"|{interval}" for interval in intervals[1:]]
    return Choices(tuple(branches), tuple(separators), intervals[0], symfony=True)
