"""The word tables ltmt ships beside its modules, read once a process.

- :func:`lowercase_words`: the English words written in lower case inside a sentence
  (``lowercase_words_en.txt.gz``: a truecaser's counts of the English side of the training
  data, ``general/train`` and ``l10n/train``, never the dev users' files;
  ``eval/build_lowercase_words.py``): ``settings`` and ``close`` are in it, ``brian`` and
  ``james`` are not. It tells a name (left as written) from a word in title case.
- :func:`target_words`: the words of a target language (``words_de.txt.gz``, German's: those
  of the German side of the training data written at least twice and more often than in its
  English side, so ``typ`` is German and ``queue`` is not; ``eval/build_target_words.py``);
  None for a language ltmt ships no table for.
- :func:`command_verbs`: the English words that start a command, verbs by how the training
  data's English uses them (after ``to``, before an article: ``command_verbs_en.txt.gz``,
  ``eval/build_command_verbs.py``): ``import`` and ``open`` are in it, ``remote`` and ``for`` are
  not. It tells a command in title case (``Import Bookmarks``) from a name of a thing.
- :func:`english_zipf`: how often English writes a word, from the ``wordfreq`` library's
  table (a Zipf frequency, case-folded, of many sources: Wikipedia, subtitles, news, the
  web): ``typography`` 3.0, ``wishlist`` 3.0, ``jira`` 2.1, ``trackly`` 0. It knows the many
  English words the training data lacks.

Each table is gzipped text, one case-folded word a line, after ``#`` lines that say how it was
made.
"""

from __future__ import annotations

import gzip
from functools import cache, lru_cache
from pathlib import Path

from ltmt.formats.common import lang_matches
from ltmt.model.languages import model_languages

LOWERCASE_TABLE = Path(__file__).with_name("lowercase_words_en.txt.gz")
COMMAND_VERBS_TABLE = Path(__file__).with_name("command_verbs_en.txt.gz")
# the words of each target language a table is shipped for
TARGET_TABLES = {"de": Path(__file__).with_name("words_de.txt.gz")}


@cache
def lowercase_words() -> frozenset[str]:
    """The English words written in lower case inside a sentence (module docstring)."""
    return read_table(LOWERCASE_TABLE)


@cache
def command_verbs() -> frozenset[str]:
    """The English words that start a command (module docstring)."""
    return read_table(COMMAND_VERBS_TABLE)


@lru_cache(maxsize=65536)  # a server asks for every one-word line: a bounded cache
def english_zipf(word: str) -> float:
    """How often English writes ``word`` (module docstring): the log10 of its count per
    billion words, 0 for a word wordfreq has never seen. wordfreq is imported on first use
    (it reads its table then, about half a second)."""
    from wordfreq import zipf_frequency

    return float(zipf_frequency(word, "en"))


@cache
def target_words(language: str) -> frozenset[str] | None:
    """The words (case-folded) of ``language`` (``de``, ``de-AT``), or None where ltmt ships
    no table for it."""
    tables = (path for code, path in TARGET_TABLES.items() if lang_matches(language, code))
    table = next(tables, None)
    return None if table is None else read_table(table)


@cache
def model_target_words(model: Path) -> frozenset[str] | None:
    """The words of the language the model in directory ``model`` translates into
    (:func:`target_words`; its tokenizer's config read once a process), or None."""
    languages = model_languages(model)
    return target_words(languages[1]) if languages is not None else None


@cache
def read_table(path: Path) -> frozenset[str]:
    """The words of the table at ``path``."""
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        return frozenset(line.rstrip("\n") for line in handle if not line.startswith("#"))
