"""A pairs file imported into a user's memory from Python (:meth:`Memory.import_file`), read
and checked as ``ltmt memory import`` reads and checks it, its errors in the API's words."""

from __future__ import annotations

import os
import re
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from ltmt.errors import InputError

if TYPE_CHECKING:
    from collections.abc import Sequence

    from ltmt.formats.not_read import NotRead
    from ltmt.memory.report import ImportReport
    from ltmt.memory.store import Memory
    from ltmt.segments import PairRecord

# the command line's flags that the readers' and checks' messages name, as a caller of
# Memory.import_file gives the same; a flag's value where the message gives one (``pass
# --tgt-lang fr``: a language code; ``--format csv``: a format's name) goes into the parameter
# (``languages=('en', 'fr')``, ``fmt='csv'``). Words that follow a flag in a sentence
# (``--tgt-lang to choose``) are no value.
_NO_VALUE = r"(?!(?:to|or|and|as|is|in|for|on|names)\b)"
_CODE = _NO_VALUE + r"([a-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*)\b(?!-)"


def in_api_words(message: str, pair: tuple[str, str] = ("en", "de")) -> str:
    """``message`` with the command line's flags named as :meth:`Memory.import_file`'s
    parameters (``with --source-file`` → ``with source_file=``, ``pass --tgt-lang fr`` → ``pass
    languages=('en', 'fr')`` for the asked ``pair`` en → de, ``--format csv`` → ``fmt='csv'``)."""
    from ltmt.formats.registry import FORMATS

    src, tgt = pair
    named = "|".join(sorted(map(re.escape, FORMATS), key=len, reverse=True))
    words = (
        (r"--no-language-check\b", lambda _: "language_check=False"),
        (r"--source-file\b", lambda _: "source_file="),
        (r"--src-lang/--tgt-lang\b", lambda _: "languages=(source, target)"),
        (r"--src-lang " + _CODE, lambda m: f"languages=({m[1]!r}, {tgt!r})"),
        (r"--tgt-lang " + _CODE, lambda m: f"languages=({src!r}, {m[1]!r})"),
        (r"--(?:src|tgt)-lang\b", lambda _: "languages="),
        (rf"--format ({named})\b(?![-.])", lambda m: f"fmt={m[1]!r}"),
        (r"--format\b", lambda _: "fmt="),
    )
    for pattern, parameter in words:
        message = re.sub(pattern, parameter, message)
    return message


def import_file(
    memory: Memory,
    user: str,
    path: str | os.PathLike[str],
    fmt: str | None = None,
    *,
    source_file: str | os.PathLike[str] | None = None,
    languages: Sequence[str] = ("en", "de"),
    language_check: bool = True,
) -> ImportReport:
    """Import the pairs of the file (or folder) ``path`` into ``user``'s memory, as ``ltmt
    memory import`` does: read whole by :func:`ltmt.formats.pairs.read_translations` (a folder
    by :func:`ltmt.formats.folders.read_folder`), refused where its sides read as other
    languages than ``languages`` (unless not ``language_check``), stored in one transaction
    under the file's resolved path as origin, with ``languages`` as the memory's pair (a TMX's
    ``en-US``/``de-DE`` match ``en``/``de``). The report counts the entries not read as pairs
    (fuzzy, untranslated) in ``not_read``. Errors are :class:`InputError` naming the parameters."""
    from ltmt.api_arguments import checked_language_pair
    from ltmt.formats.not_read import NotRead
    from ltmt.formats.pair_languages import check_pair_languages
    from ltmt.formats.pairs import drain, pair_format
    from ltmt.formats.symfony_plural_pairs import with_symfony_forms
    from ltmt.memory.origins import file_origin

    path = Path(path)
    source = Path(source_file) if source_file is not None else None
    pair = checked_language_pair(languages) or ("en", "de")  # None only for None given
    not_read = NotRead()
    try:
        records = _records(path, fmt, source, pair, language_check, not_read)
        if language_check:
            check_pair_languages(
                path,
                records,
                *pair,
                "language_check=False",  # said in the API's words from the start
                fmt=pair_format(path, fmt) if path.is_file() else None,
            )
    except InputError as exc:
        raise InputError(in_api_words(str(exc), pair)) from exc
    origin = file_origin(path)
    report = memory.import_pairs(
        user, drain(list(with_symfony_forms(records))), origin=origin, languages=pair
    )
    return replace(report, not_read=not_read.by_reason())


def _records(
    path: Path,
    fmt: str | None,
    source: Path | None,
    pair: tuple[str, str],
    language_check: bool,
    not_read: NotRead,
) -> list[PairRecord]:
    """The pairs of the file or folder ``path``, read whole."""
    from ltmt.formats.pairs import read_translations

    if path.is_dir():
        from ltmt.formats.folders import read_folder, refuse_format

        refuse_format(fmt)
        found = read_folder(path, source, *pair, check_declared=language_check, not_read=not_read)
        return found.records
    reader = read_translations(
        path,
        fmt,
        source_file=source,
        src_lang=pair[0],
        tgt_lang=pair[1],
        check_declared=language_check,
        not_read=not_read,
    )
    return list(reader)
