"""Words no dictionary of the target language knows: where a reviewer looks first.

The shipped model writes some words that are no words: it mixes English and German
(``Kategories``, ``Spekifikationen``, ``Hilfsant`` for ``Assistant``) or stops inside one
(``Dupliz`` for ``Duplicate``). A spelling dictionary finds them: the platform's Hunspell (or
Aspell, ...) dictionaries, through Enchant (``pyenchant``: ``pip install 'ltmt[spelling]'``,
with the system's ``libenchant-2`` and a dictionary, ``apt-get install hunspell-de-de``).
Measured on real catalogs (``eval/spelling_trial.py``), an output with such a word is seldom
what a translator wrote, so ``ltmt translate`` counts them for review and ``ltmt qa`` names
them; the translations are left as the model wrote them (a hypothesis of the model's own n-best
list that is spelt right was as often a worse translation as a better one, in a throwaway trial
on the same catalogs).

A word passes (:meth:`Dictionary.unknown_words`) where the dictionary knows it, or it is a
compound of two words the dictionary knows (``Notizliste``: German joins nouns freely and a
dictionary lists only some compounds; a linking ``s`` is allowed, ``Präsentationsmodus``), or
ltmt's table of the language's words has it (the words of the training catalogs' German:
``Metadaten``, ``Bitrate``), or the source has it (a name, a term kept in English), with a
German ending too (``Commits``, ``Repositories``), or the caller accepts it (a glossary's or a
memory's translations). Words of fewer than three letters (``Mi``, ``Do``), in capitals
(``PDF``) or with a capital inside (``OpenPGP``), placeholders, URLs and markup are not checked;
each part of a hyphenated word is checked alone (``HSTS-Zwischenspeicher``); a keyboard
accelerator's marker inside a word is left out (``Ö_ffnen``); a common abbreviation with its
full stop passes (``30. Okt. 2026``, ``bzw.``), without it it is checked (``Okt``).
"""

from __future__ import annotations

import logging
import os
import re
import tempfile
import threading
from collections.abc import Collection, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any

from ltmt.formats.common import primary_language
from ltmt.formats.placeholder_syntax import without_placeholders, without_tag_remains
from ltmt.text import LETTERS
from ltmt.word_tables import target_words

if TYPE_CHECKING:
    from ltmt.segments import Translation

logger = logging.getLogger(__name__)

# Enchant's configuration folder, read when a broker is made and a dictionary requested
_CONFIG_VARIABLE = "ENCHANT_CONFIG_DIR"
# one lookup at a time changes the (process-wide) environment and asks the shared broker
_ENVIRONMENT_LOCK = threading.Lock()

# a word: letters, an apostrophe or hyphen inside
_WORD = re.compile(r"[^\W\d_]+(?:['\u2019-][^\W\d_]+)*")
# the shortest word checked, and the shortest part of a compound (``Tab`` + ``leiste``)
_PART = 3
# a keyboard accelerator's marker inside or at the start of a word (``Ö_ffnen``, ``&Datei``)
_MARKER = re.compile(r"[_&~](?=[^\W\d_])")
# the abbreviations a language writes with a full stop that its dictionary does not list
# without one (months, ``bzw.``, ``inkl.``): they pass where a full stop follows them
_ABBREVIATIONS: dict[str, frozenset[str]] = {
    "de": frozenset(
        {
            *("Jan", "Feb", "Mär", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Okt", "Nov"),
            *("Dez", "bzw", "ggf", "usw", "evtl", "inkl", "exkl", "zzgl", "vgl", "bspw", "etc"),
            *("Abb", "Std", "max", "allg", "Hrsg"),
        }
    ),
}
INSTALL_HINT = (
    "pip install 'ltmt[spelling]' and a dictionary for the language "
    "(Debian, Ubuntu: apt-get install libenchant-2-2 hunspell-de-de, or hunspell-fr ...)"
)


@dataclass
class Dictionary:
    """A language's spelling dictionary (``tag``: Enchant's, ``de_DE``; ``provider``: the
    engine behind it, ``hunspell``) and ltmt's table of its words (``words``, case-folded)."""

    tag: str
    provider: str
    checker: Any = field(repr=False)
    words: frozenset[str] = field(default=frozenset(), repr=False)
    # Enchant's dictionaries are not safe across threads (a server checks on several)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def __post_init__(self) -> None:
        self._known = lru_cache(maxsize=65536)(self._knows_uncached)

    @property
    def name(self) -> str:
        """``de_DE (hunspell)``: what a report says it checked with."""
        return f"{self.tag} ({self.provider})"

    def knows(self, word: str) -> bool:
        """Whether ``word`` is spelt right: in the dictionary or ltmt's table, or a compound of
        two known words (module docstring)."""
        return bool(self._known(word))

    def _knows_uncached(self, word: str) -> bool:
        if self._part(word):
            return True
        for cut in range(_PART, len(word) - _PART + 1):
            left, right = word[:cut], word[cut:]
            if self._part(right, head=True) and (
                self._part(left) or (left.endswith("s") and self._part(left[:-1]))
            ):
                return True
        return False

    def _part(self, part: str, *, head: bool = False) -> bool:
        """Whether ``part`` is a word (a compound's head as a noun too: ``liste`` → ``Liste``)."""
        if len(part) < _PART:
            return False
        forms = (part, part.capitalize()) if head else (part,)
        return any(form.casefold() in self.words or self._in_dictionary(form) for form in forms)

    def _in_dictionary(self, word: str) -> bool:
        with self._lock:
            return bool(self.checker.check(word))

    def unknown_words(self, text: str, source: str = "", accept: Collection[str] = ()) -> list[str]:
        """The words of ``text`` (a translation) that are not spelt right, in order, each once;
        words of ``source`` and ``accept`` (case-folded) pass (module docstring)."""
        source_words = {w.casefold() for w in LETTERS.findall(_plain(source)) if len(w) >= _PART}
        passing = source_words | set(accept)
        plain = _MARKER.sub("", without_tag_remains(text, source))  # <size=120 %>: no words
        abbreviations = _ABBREVIATIONS.get(primary_language(self.tag), frozenset())
        unknown: list[str] = []
        for found in _WORD.finditer(plain):
            # an abbreviation with its full stop (``Okt.``, ``bzw.``: :data:`_ABBREVIATIONS`)
            if found.group() in abbreviations and plain[found.end() : found.end() + 1] == ".":
                continue
            parts = found.group().split("-")
            for n, part in enumerate(parts):
                folded = part.casefold()
                if (
                    not _checked(part)
                    or folded in passing
                    or part in unknown
                    or any(_inflected(folded, english) for english in source_words)
                    or self.knows(part.replace("\u2019", "'"))
                    # a compound's first part with its linking s: Abrechnungs-Seite
                    or (n < len(parts) - 1 and folded.endswith("s") and self.knows(part[:-1]))
                ):
                    continue
                unknown.append(part)
        return unknown


def words_of(texts: Iterable[str]) -> frozenset[str]:
    """The words of ``texts``, case-folded: what :meth:`Dictionary.unknown_words` accepts as
    the user's own (a glossary's targets, a memory's translations)."""
    return frozenset(word.casefold() for text in texts for word in LETTERS.findall(text))


def unknown_in(translation: Translation, text: str | None = None) -> tuple[str, list[str]]:
    """The name of the dictionary of ``translation``'s language and the words of its text
    (``text`` where given: the output as written to a file) that the dictionary does not know,
    the source's and its memory matches' words passing; ``("", [])`` for a reused translation
    (``exact``: the user's own) or where no dictionary is installed."""
    dictionary = dictionary_for(translation.target_language)
    if dictionary is None or translation.method == "exact":
        return "", []
    accept = words_of(match.segment.target for match in translation.matches)
    written = translation.text if text is None else text
    return dictionary.name, dictionary.unknown_words(written, translation.source, accept)


def _plain(text: str) -> str:
    """``text`` without placeholders and without accelerator markers before letters."""
    return _MARKER.sub("", without_placeholders(text))


def _checked(word: str) -> bool:
    """Whether a word is one to check: three letters at least (not an abbreviation: ``Mi``,
    ``Do``), not in capitals (``PDF``), no capital inside (``OpenPGP``, ``iPhone``)."""
    return len(word) >= _PART and word[1:] == word[1:].lower()


def _inflected(word: str, english: str) -> bool:
    """Whether ``word`` is the source's ``english`` word with an ending, as German writes loan
    words (``Commits`` for ``commit``, ``Branches``, ``Repositories`` for ``repository``); not
    a word cut short (``Vertika`` for ``vertical``)."""
    if english.endswith("y") and word == english[:-1] + "ies":
        return True
    return word.startswith(english) and len(word) - len(english) <= 3


@cache
def dictionary_for(language: str) -> Dictionary | None:
    """The spelling dictionary of ``language`` (``de``, ``de-AT``, ``pt_BR``): its region's
    where installed, else the language's main one (``de`` → ``de_DE``), else any of it; None
    where Enchant or a dictionary is missing (:data:`INSTALL_HINT`). Looked up once a process,
    in the system's dictionaries alone (:func:`_without_personal_lists`)."""
    if not language:
        return None
    with _without_personal_lists():
        try:
            broker = _broker()
        except ImportError as exc:  # pyenchant missing, or the C library it loads
            logger.info("spelling: not checked: %s", exc)
            return None
        tag = enchant_tag(language, broker.list_languages())
        if tag is None:
            logger.info("spelling: no dictionary for %s", language)
            return None
        checker = broker.request_dict(tag)
    return Dictionary(tag, checker.provider.name, checker, target_words(language) or frozenset())


@cache
def _broker() -> Any:
    """The process's Enchant broker, made once (inside :func:`_without_personal_lists`, as each
    dictionary is requested from it: the lock there keeps one thread at a time in it)."""
    import enchant

    return enchant.Broker()


@contextmanager
def _without_personal_lists() -> Iterator[None]:
    """Enchant's configuration folder (``ENCHANT_CONFIG_DIR``) an empty one of ltmt's own while
    the broker is made and a dictionary requested, the previous value back after. Enchant would
    read the user's ``~/.config/enchant`` (a personal word list, whose words then passed as
    spelt right for everyone: ``Lokation``; its exclusions, dictionaries and provider order) and
    write ``de_DE.dic`` and ``de_DE.exc`` there; ltmt's checks are the same for every user.

    Enchant 2 offers no other way to keep them out: it reads the variable when a broker is made
    and again when a dictionary is requested (the dictionary's personal list and exclusions);
    pyenchant's ``Broker.set_param`` does nothing with Enchant 2, and its ``DictWithPWL`` adds a
    list to a dictionary requested as usual, the user's list still read. So the variable is
    changed for the process, for as long as these two calls take, under a lock of ltmt's."""
    with _ENVIRONMENT_LOCK, tempfile.TemporaryDirectory(prefix="ltmt-enchant-") as empty:
        previous = os.environ.get(_CONFIG_VARIABLE)
        os.environ[_CONFIG_VARIABLE] = empty
        try:
            yield
        finally:
            if previous is None:
                del os.environ[_CONFIG_VARIABLE]
            else:
                os.environ[_CONFIG_VARIABLE] = previous


def enchant_tag(language: str, installed: Collection[str]) -> str | None:
    """The installed dictionary tag for ``language``: the exact region (``de-AT`` →
    ``de_AT``), else the language's main region (``de`` → ``de_DE``) or the language alone
    (``en``), else its first region; a three-letter code as its two-letter one (``deu``,
    ``ger-AT`` → ``de_AT``)."""
    base = primary_language(language)
    _, _, region = language.replace("-", "_").partition("_")
    by_case = {tag.lower(): tag for tag in installed}
    for candidate in (f"{base}_{region}", f"{base}_{base}", base):
        if candidate.lower() in by_case:
            return by_case[candidate.lower()]
    regional = sorted(tag for tag in installed if tag.lower().startswith(base + "_"))
    return regional[0] if regional else None
