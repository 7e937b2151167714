"""Lines in title case read both ways: in lower case, and with a first capital.

A line in title case goes to the model in lower case (:func:`ltmt.capitals.title_case_for_model`:
``Trash is Empty`` → ``trash is empty``), where it translates words it copied or garbled in title
case. In lower case a command's verb sometimes reads as an adjective or participle (``import
bookmarks`` → ``importierende Lesezeichen``, ``remove password`` → ``Passwort entfernt``), where
the same words with a first capital read as the command (``Import bookmarks`` → ``Lesezeichen
importieren``); with a first capital, though, the model takes some first words for names
(``Close document`` → ``Close-Dokument``). So :func:`read_both_ways` decodes such a line (one
decoded without memory or glossary terms) with a first capital too, and keeps the translation
the model finds the likelier of the two under both readings: each output's log-probability per
token given the line in lower case plus given it with a first capital (the decoder's scoring:
CTranslate2's ``score_batch``, or a teacher-forced torch pass: :mod:`ltmt.model.scoring`).

A line that starts with a verb (:func:`ltmt.word_tables.command_verbs`: ``Import``, ``Add``,
not ``Remote`` or ``Advanced``) is a command, and German writes a command with its verb last, in
the infinitive (``Lesezeichen importieren``, ``Eine Spalte hinzufügen``). Into German, where one
reading's translation of such a line ends so and the other's does not (``Fügt eine Spalte
hinzu``, ``Hinzufügene Sprache``), the one that does is kept, whichever the model finds the
likelier (:func:`ends_in_infinitive`). Measured on the title-case labels of real catalogs
(``eval/title_case_trial.py``).
"""

from __future__ import annotations

import logging
from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING

from ltmt.formats.common import lang_matches
from ltmt.formats.placeholder_syntax import without_placeholders
from ltmt.text import LETTERS
from ltmt.word_tables import command_verbs
from ltmt.wording import counted

if TYPE_CHECKING:
    from ltmt.translator import Translator
    from ltmt.units import Unit

logger = logging.getLogger(__name__)

# the languages whose commands end in the verb's infinitive (module docstring)
VERB_LAST = ("de",)
# words that end a German label like an infinitive and are none: auxiliaries (``geöffnet
# werden``), adverbs and prepositions (``nach oben``)
_NOT_INFINITIVES = frozenset(
    {"werden", "worden", "haben", "sein", "können", "müssen", "sollen", "wollen"}
    | {"oben", "unten", "hinten", "neben", "eben", "zusammen", "gegen", "wegen", "morgen"}
)


def is_command(line: str) -> bool:
    """Whether English ``line`` starts with a verb (:func:`ltmt.word_tables.command_verbs`):
    ``Import Bookmarks``, not ``Remote Locations``."""
    words = LETTERS.findall(without_placeholders(line))
    return bool(words) and words[0].lower() in command_verbs()


def ends_in_infinitive(text: str) -> bool:
    """Whether German ``text`` ends in a verb's infinitive, as a command does: its last word, of
    two at least, in lower case and ending in ``en``, ``ern`` or ``eln`` (``Lesezeichen
    importieren``, ``Als gelesen markieren``; not ``Importierende Lesezeichen``, ``Nach oben``)."""
    words = LETTERS.findall(without_placeholders(text))
    return (
        len(words) >= 2
        and words[-1].islower()
        and words[-1].endswith(("en", "ern", "eln"))
        and words[-1] not in _NOT_INFINITIVES
    )


def read_both_ways(
    translator: Translator,
    units: Sequence[Unit],
    encoded: Sequence[Sequence[int]],
    outputs: list[str],
    skip: Collection[int],
) -> set[int]:
    """Replace the outputs of ``units`` (``encoded``: their token ids as decoded) in title case
    (``Unit.titled``; not those in ``skip``: decoded with memory, or with glossary terms) by
    their first-capital reading's translation where the model finds it the likelier (module
    docstring); returns the indices replaced."""
    todo = [i for i, unit in enumerate(units) if unit.titled and i not in skip]
    if not todo:
        return set()
    score = translator.decoder.score
    lower_in = [encoded[i] for i in todo]
    capital_texts = [units[i].titled for i in todo]
    capital_in = translator.encode(capital_texts, [units[i].segment for i in todo])
    capital = translator.decode_ids(capital_in, sources=capital_texts)
    candidates = {
        "lower": translator.output_ids([outputs[i] for i in todo]),
        "capital": translator.output_ids(capital),
    }
    likelihood = {
        name: [
            (a + b) / (len(tokens) + 1)  # per token, </s> included
            for a, b, tokens in zip(score(lower_in, written), score(capital_in, written), written)
        ]
        for name, written in candidates.items()
    }
    target = translator.line_forms.target_language
    verb_last = any(lang_matches(target, language) for language in VERB_LAST)
    replaced: set[int] = set()
    commands = 0
    for n, i in enumerate(todo):
        if not capital[n].strip():
            continue
        take = likelihood["capital"][n] > likelihood["lower"][n]
        if verb_last and is_command(units[i].titled):
            capital_ends = ends_in_infinitive(capital[n])
            if ends_in_infinitive(outputs[i]) != capital_ends:
                commands += take != capital_ends
                take = capital_ends
        if take:
            outputs[i] = capital[n]
            replaced.add(i)
    logger.info(
        "title case: %s read with a first capital too, %d translations taken from it "
        "(%d commands by their verb last)",
        counted(len(todo), "line"),
        len(replaced),
        commands,
    )
    return replaced
