"""What a run does with the translations so far that are their source copied and that nothing
tells a tool's copy from a translator's English (:class:`~ltmt.formats.documents.CopiesKept`:
``tx pull --mode sourceastranslation`` writes the English into each string not translated yet;
a reviewer keeps ``Terms of Service``): ``--copies keep`` (the default) keeps them, counted
apart from the translations in the run's summary (``3 copies of the source kept as
translations``) and, where they are most of what the file holds, named in a warning;
``--copies translate`` translates them, the file's other translations kept. (A file of
copies, a tool's untranslated copy of the source, is translated either way:
:mod:`ltmt.formats.source_copies`.)
"""

from __future__ import annotations

import logging
from pathlib import Path

from ltmt.formats.documents import CopiesKept, Document
from ltmt.formats.kept_suggestions import keep_or_translate
from ltmt.wording import first_few

logger = logging.getLogger(__name__)

TRANSLATE_COPIES = "--copies translate"  # the option that translates them, as messages name it


def translates_copies(choice: str) -> bool:
    """Whether ``--copies`` ``choice`` asks to translate the copies of the source kept as
    translations (``translate``) or to keep them (``keep``); else a :class:`ChoiceError`."""
    return keep_or_translate(
        "--copies",
        choice,
        keep="a translation that is its source copied kept, counted apart",
        translate="translated, the file's other translations kept",
    )


def copies_kept(document: Document, translate: bool, overwrite: bool) -> dict[str, str]:
    """The units ``document`` keeps as translations that copy their source, each key with its
    name (:meth:`~ltmt.formats.documents.CopiesKept.copies_kept`); none where ``translate``
    (``--copies translate``: they are made untranslated) or ``overwrite`` (all are
    translated) asks, nor for a document that tells its copies by their status alone."""
    if not isinstance(document, CopiesKept) or overwrite:
        return {}
    if translate:
        document.translate_copies()
        return {}
    return document.copies_kept()


def warn_of_copies_kept(path: Path, copies: dict[str, str], held: int) -> None:
    """Warn, in one line, where most of the ``held`` translations kept from ``path`` are their
    source copied (``copies``: their keys, each with the name the file gives it): a tool's
    untranslated strings, likely (Transifex's source fallback), which the summary counts
    apart; the warning says how to translate only them."""
    if not copies or 2 * len(copies) <= held:
        return
    logger.warning(
        "%s: %d of the %d translations it holds are their source copied (%s), kept as they "
        "are; where a tool wrote them (its untranslated strings), %s translates them and "
        "keeps the others",
        path,
        len(copies),
        held,
        first_few(dict.fromkeys(copies.values())),
        TRANSLATE_COPIES,
    )
