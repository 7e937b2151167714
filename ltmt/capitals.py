"""Capitals: lines written in capitals (``SELECT LINE``, ``VIM - ATTENTION``, ``FAILED``),
translated in sentence case and written back in capitals; lines in title case (``Move to
Trash``) translated in lower case; and a translated line that starts a sentence with a small
letter where its source starts with a capital.

UI strings shout mode names, headings and states. The model saw few such lines in training and
reads them as unknown words: it copies them (``SELECT LINE``, ``FAILED``) or garbles them
(``COMMENT`` came out ``BEFEHENT``, ``CANNOT BE FOUND`` ``CANNOT BE FOUNDEN``). So
:func:`written_in_capitals` finds such a line, :func:`cased_for_model` gives it to the model as
English would write it (``Select line``) and :func:`in_capitals` writes the translation back in
capitals (``ZEILE AUSWÄHLEN``; German's ``ß`` as ``SS``, as German written in capitals
traditionally has it). Placeholders are left as written on both ways (``%S`` is not ``%s``).
All in small letters, a caption's or a card's names and months read as words: ``BERLIN,
NOVEMBER 9, 1989`` came out ``BERLIN, ROMAN 9, 1989``, ``THOMAS BRANDT`` ``THOMAS MARKT``
(subtitles trial, session 76). So a word English writes in small letters goes in small letters,
a longer word it does not (a name, a month) with a first capital (``Berlin, November 9,
1989``), and an acronym or code as written (``FBI``, ``HTTP``, ``MP3``); on training data's
lines in capitals this scored better than sentence case and than title case
(``eval/all_caps_trial.py``).

A line counts when every word of it (outside placeholders) is in capitals and one of them has at
least :data:`MIN_WORD` letters: ``OK``, ``RSA`` or ``MB 1000`` stay as they are, and so does a
line with an identifier (``GTK_CAN_DEFAULT``).

English writes buttons, menus and headings in title case, German does not, and the model reads
a capitalised English word inside a line as a name: it copies it or garbles it (``Trash is
Empty`` → ``Trash ist Empty``, ``Existing Text`` → ``Text wird bearbeitet``, ``New Window`` →
``Neuer Window``), where it translates the same words in lower case (``Papierkorb ist leer``,
``Neues Fenster``). So :func:`in_title_case` finds such a line (two words in title case at least,
every word of :data:`MIN_WORD` letters or more capitalised) and :func:`lowered_label` gives it
to the model in lower case, where every word in title case is one English writes in lower case
inside a sentence (:func:`ltmt.word_tables.lowercase_words`: ``Google Talk`` and ``Brian Fox``
stay as written); its translation gets a capital first letter.

The model wrote 108 of 3,679 one-line strings of Django's and GNOME's German catalogs, and 18
to 22 of each system's 2,000 dev-user outputs (session 52), with a small first letter where the
source starts a sentence with a capital (and the translators wrote one):
``Bad system call`` → ``falscher Systemaufruf``, ``No`` → ``nein``, ``Detached signature.`` →
``abgetrennte Signatur.``. :func:`capitalised_starts` writes such a first word with a capital
where the source line starts with a capitalised word (``Bad``; not ``NUL-terminated`` nor
``git``) and both the source and the translation start a sentence there (the first line, or
the line before ends with ``.``, ``!``, ``?`` or ``:``; the model sometimes carries the end of a
sentence onto the next line), or the source line before ends no sentence (a list's next item, a
heading's next line, a name: ``First line\\nSecond line`` came out ``Erste Zeile\\nzweite
Zeile``, session 70; not ``I`` nor an option, ``-S``; where that line ends in a word or mark
that goes on with its sentence, ``and``, ``on``, ``the``, a comma, or the source word is a name's,
``European``, which English writes with a capital inside a sentence, only a noun or a copied name:
``Data is stored on\\nEuropean servers only`` keeps ``nur europäische Server``), unless the
matches' translators write such lines with a small letter (:func:`lower_case_starts`: git's
command summaries, ``Prune all unreachable objects`` → ``alle nicht erreichbaren Objekte``).
Not for Turkish and Azerbaijani, whose ``i`` has another capital.

The other way round, the model starts a German line with a capital where its source is a
fragment in small letters, as Rails' error messages are (``can't be empty`` → ``Kann nicht leer
sein``, shown after the field's name; a first word with a capital inside, ``iPhone``, is a name
and no fragment's): :func:`small_starts` writes such a first word in small
letters where it is one German never writes with a capital inside a sentence
(:data:`_NEVER_NOUNS_DE`: pronouns, articles, auxiliary and modal verbs, prepositions, common
adverbs); any other first word stays as written, since German writes its nouns with a capital
(``can't be blank`` → ``Darf nicht leer sein`` → ``darf ...``; ``file name`` → ``Dateiname``).
"""

from __future__ import annotations

import re

from ltmt.formats.common import primary_language
from ltmt.formats.placeholder_syntax import (
    find_placeholders,
    outside_placeholders,
    without_placeholders,
)
from ltmt.terminology.function_words import ENGLISH_FUNCTION_WORDS
from ltmt.terminology.genders import is_known_noun
from ltmt.text import LETTERS
from ltmt.word_tables import lowercase_words

# a line in capitals needs a word of this many letters (acronyms are shorter)
MIN_WORD = 4
_IDENTIFIER = re.compile(r"\w_\w")  # GTK_CAN_DEFAULT
_FIRST_WORD = re.compile(r"\S+")
# a word of two letters or more (``Don't``: ``Don``)
_WORD = re.compile(r"\b[^\W\d_]{2,}\b")
# a run of letters and digits (one with a digit is a code: ``MP3``, ``A4``)
_WORD_RUN = re.compile(r"[^\W_]+")
_ACRONYM_LETTERS = 3  # ``FBI``, ``USB``, ``CEO``: a longer word is a name's (``BERLIN``)
_VOWEL = re.compile(r"[aeiouyäöüéèáàóòúùíì]")
_SENTENCE_END = ".!?:"
_INNER_END = re.compile(r"[.!?:]\s+\S")  # a sentence's end inside a line
# languages whose i has another capital than I
_DOTTED_I = frozenset({"tr", "az"})
# German words written in small letters inside a sentence (no nouns): a fragment's translation
# that starts with one starts with a small letter, as its source does (module docstring)
# ("Sie" and "Ihr" are left out: written so, they are the polite "you" and "your")
_NEVER_NOUNS_DE_WORDS = """
    ich du er es wir man das der die den dem des ein eine einen einem einer eines kein keine
    keinen keinem keiner dies diese dieser dieses diesen jeder jede jedes alle mein dein sein
    seine ist sind war waren wird werden wurde wurden hat haben hatte hatten kann können konnte
    muss müssen musste darf dürfen soll sollte sollen will wollen möchte mag sollten würde
    würden wäre stimmt enthält nicht nur noch schon bereits zu zum zur mit ohne für von vom aus
    bei beim nach vor seit über unter um an am auf im in als wie und oder aber sowie bis gegen
    pro je sehr mehr weniger nie immer bitte hier da dort jetzt
"""
_NEVER_NOUNS_DE = frozenset(_NEVER_NOUNS_DE_WORDS.split())
# a source line that ends in one of these leaves its sentence to go on on the next line (a
# wrapped line: ``Data is stored on``): English's function words but for a pronoun that can end
# a clause (``Delete it``), and the prepositions that list leaves out
_CONTINUING = (
    ENGLISH_FUNCTION_WORDS
    - {"i", "me", "mine", "myself", "you", "yours", "yourself", "yourselves", "him", "hers"}
    - {"her", "it", "ours", "them", "theirs", "this", "that", "these", "those"}
    - {"do", "does", "did", "am", "is", "are", "was", "were", "be", "been"}
) | {"nor", "on", "in", "onto", "upon", "via", "per", "without", "between"}
_CONTINUING_MARKS = ",-"  # ``Roses are red,``, ``a well-``


def written_in_capitals(line: str) -> bool:
    """Whether ``line`` is written in capitals (module docstring)."""
    text = without_placeholders(line)
    words = LETTERS.findall(text)
    if not words or any(word != word.upper() or word == word.lower() for word in words):
        return False
    return any(len(word) >= MIN_WORD for word in words) and not _IDENTIFIER.search(text)


def cased_for_model(line: str) -> str:
    """``line``, written in capitals, in the case English would write it, as the model gets it
    (module docstring): its first letter a capital; a word English writes in small letters
    (:func:`ltmt.word_tables.lowercase_words`) and a one-letter word but ``I`` in small
    letters; an acronym (a word of up to :data:`_ACRONYM_LETTERS` letters English does not
    write in small letters, or one without a vowel: ``FBI``, ``HTTP``) and a code (letters
    beside digits: ``MP3``) as written; any other word, a name's or a month's (``BERLIN``,
    ``NOVEMBER``), with a first capital. Placeholders stay as written."""
    return with_first_capital(outside_placeholders(line, lambda text: _WORD_RUN.sub(_cased, text)))


def _cased(word: re.Match[str]) -> str:
    """A word of a line in capitals as :func:`cased_for_model` writes it."""
    text = word.group()
    lower = text.lower()
    if any(char.isdigit() for char in text):
        return text
    if len(text) == 1:
        return text if text == "I" else lower
    if lower in lowercase_words():
        return lower
    if len(text) <= _ACRONYM_LETTERS or not _VOWEL.search(lower):
        return text
    return text[0] + lower[1:]


def in_title_case(line: str) -> bool:
    """Whether ``line`` is written in title case (module docstring): ``Move to Trash``, not
    ``Open the trash`` nor ``Settings``."""
    words = _WORD.findall(without_placeholders(line))
    titled = [word for word in words if _title_case(word)]
    return len(titled) >= 2 and all(word[0].isupper() for word in words if len(word) >= MIN_WORD)


def title_case_for_model(line: str) -> str | None:
    """``line`` in title case as the model gets it (:func:`lowered_label`), or None where it
    is not in title case or names something."""
    return lowered_label(line) if in_title_case(line) else None


def lowered_label(line: str) -> str | None:
    """``line`` with its words in title case in lower case (outside placeholders), or None
    where it has none, or one English does not write in lower case (a name)."""
    words = [w for w in _WORD.findall(without_placeholders(line)) if _title_case(w)]
    if not words or not all(word.lower() in lowercase_words() for word in words):
        return None
    return outside_placeholders(line, lambda text: _WORD.sub(_lowered, text))


def _title_case(word: str) -> bool:
    """A capital, then small letters only (not GitHub, not URL)."""
    return word[0].isupper() and word[1:].islower()


def _lowered(word: re.Match[str]) -> str:
    """A word in title case in lower case; another as written."""
    return word.group().lower() if _title_case(word.group()) else word.group()


def in_capitals(text: str) -> str:
    """``text`` in capitals, its placeholders as written."""
    return outside_placeholders(text, str.upper)


def first_letter(text: str) -> int | None:
    """Where the first letter of ``text`` outside its placeholders and tags is (None: it has
    none): a line that starts with a BBCode tag (``[b]health Potion[/b]``) or a game's input
    token (``<action:Jump>``) starts with the word after it, not the tag's."""
    inside = {i for p in find_placeholders(text) for i in range(p.start, p.end)}
    return next((i for i, c in enumerate(text) if c.isalpha() and i not in inside), None)


def with_first_capital(text: str) -> str:
    """``text`` with its first letter outside placeholders and tags a capital."""
    at = first_letter(text)
    return text if at is None else text[:at] + text[at].upper() + text[at + 1 :]


def capitalised_starts(sources: list[str], translations: list[str], language: str) -> list[str]:
    """``translations`` of the lines ``sources``, each that starts a sentence with a word in
    small letters where its source starts with a capitalised word written with a capital
    (module docstring); as they are for a Turkish or Azerbaijani ``language``."""
    if primary_language(language) in _DOTTED_I:
        return translations
    written: list[str] = []
    previous_source = previous = ""
    for source, translation in zip(sources, translations, strict=True):
        starts = _starts_capitalised(previous_source, previous, source, translation)
        if starts and _capitalised(source) and _small(translation):  # a word of letters first
            translation = with_first_capital(translation)
        written.append(translation)
        previous_source, previous = source, translation
    return written


def _starts_capitalised(previous_source: str, previous: str, source: str, translation: str) -> bool:
    """Whether ``translation`` of ``source`` (a line starting with a capitalised word) starts
    with a capital, after the source line ``previous_source`` translated ``previous``: where
    both start a sentence there; or after a source line that ends no sentence, where a
    capitalised word starts a list's next item, a heading's next line or names something, all
    written with a capital in German too (``First line\\nSecond line``), but for an option
    (``-S``) and English's ``I``; where the line before goes on with its sentence
    (:func:`_continues`) or the source word is one English writes with a capital inside a
    sentence (``European``), only a noun or a copied name (:func:`_noun_or_name`). A line the
    model carried the end of a sentence onto stays (``ausführen. Um abzubrechen``: a sentence
    ends inside it and none inside its source)."""
    if _ends_sentence(previous_source):
        return _ends_sentence(previous)
    word = _first_word(source)
    carried = _INNER_END.search(translation) and not _INNER_END.search(source)
    if not word[:1].isalpha() or word == "I" or carried:
        return False
    if _continues(previous_source) or word.lower() not in lowercase_words():
        return _noun_or_name(word, translation)
    return True


def _continues(line: str) -> bool:
    """Whether the source line ``line`` leaves its sentence to go on on the next line: it ends
    in a comma, a hyphen or a word such as ``and``, ``on`` or ``the`` (:data:`_CONTINUING`)."""
    text = line.rstrip()
    last = text.split()[-1].lower() if text else ""
    return text[-1:] in _CONTINUING_MARKS or last in _CONTINUING


def _noun_or_name(word: str, translation: str) -> bool:
    """Whether the first word of ``translation`` is one German writes with a capital inside a
    sentence: the source's ``word`` copied (a name: ``dropbox`` of ``Dropbox``), or a noun the
    gender table knows (a dative plural's ``-n`` aside: ``blöcken``) that is no function word
    and stands before no capitalised word (an adjective does: ``zweite Spalte``)."""
    first, *rest = translation.split(maxsplit=2)[:2] or [""]
    first = first.rstrip(".,;:!?")
    if first.lower() == word.lower():
        return True
    noun = first[:1].upper() + first[1:]
    known = is_known_noun(noun) or (noun.endswith("en") and is_known_noun(noun[:-1]))
    return known and first.lower() not in _NEVER_NOUNS_DE and not (rest and _capitalised(rest[0]))


def small_starts(sources: list[str], translations: list[str], language: str) -> list[str]:
    """``translations`` of the lines ``sources``, each whose first word is one German writes in
    small letters inside a sentence written so where its source line starts with a small letter
    (module docstring); as they are for a language other than German."""
    if primary_language(language) != "de":
        return translations
    return [
        _with_small_first(translation) if _starts_small(source) else translation
        for source, translation in zip(sources, translations, strict=True)
    ]


def _starts_small(line: str) -> bool:
    """Whether ``line`` starts with a word written all in small letters (``can't``, ``is``); a
    name with a capital inside (``iPhone``, ``eBay``, ``macOS``) does not."""
    word = _first_word(line)
    return bool(word) and word[0].isalpha() and word.islower()


def _with_small_first(line: str) -> str:
    """``line`` with its first word in small letters where it is capitalised and no noun."""
    word = _first_word(line)
    if _capitalised(line) and word.lower() in _NEVER_NOUNS_DE:
        at = line.index(word)
        return line[:at] + word[0].lower() + line[at + 1 :]
    return line


def lower_case_starts(source: str, target: str) -> bool:
    """Whether a line of ``target`` (a translation of ``source``, line for line) starts with a
    word in small letters where its source line starts with a capitalised one."""
    sources, targets = source.split("\n"), target.split("\n")
    return len(sources) == len(targets) and any(
        _capitalised(s) and _small(t) for s, t in zip(sources, targets, strict=True)
    )


def capitalised_from_small(source: str, target: str) -> bool:
    """Whether a line of ``target`` (a translation of ``source``, line for line) starts with a
    capitalised word where its source line starts with a word in small letters: a memory that
    writes ``could not …`` as ``Konnte …`` (a catalog's style, which :func:`small_starts`
    follows)."""
    sources, targets = source.split("\n"), target.split("\n")
    return len(sources) == len(targets) and any(
        _small(s) and _capitalised(t) for s, t in zip(sources, targets, strict=True)
    )


def _first_word(line: str) -> str:
    """The first word of ``line`` without the punctuation after it (``Usage:`` → ``Usage``)."""
    found = _FIRST_WORD.search(line)
    return found.group().rstrip(".,;:!?") if found else ""


def _capitalised(line: str) -> bool:
    word = _first_word(line).replace("-", "")  # a compound: Read-only
    return word.isalpha() and word[0].isupper() and (len(word) == 1 or word[1:].islower())


def _small(line: str) -> bool:
    word = _first_word(line)
    return word.isalpha() and word.islower()


def _ends_sentence(line: str) -> bool:
    """Whether ``line`` (the line before) leaves the next to start a sentence: it is blank
    (the first line) or ends with a sentence's end or a colon."""
    return not line.strip() or line.rstrip()[-1] in _SENTENCE_END
