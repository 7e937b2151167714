"""Pairs whose translation is their source copied, maybe a text nobody translated: an import
stores them and names the few that cannot well be a copy made on purpose.

Tools write the source as the translation of an entry not translated yet: Moodle's
``po2php`` fills ``lang/de/*.php`` with the English of every string not approved, which
``php2po -t en.php de.php`` reads back as ``msgstr`` = ``msgid``. Stored, such a pair is
reused by ``ltmt translate`` as a 100 % match: English in the German output, from then on
(session 72: three help texts of a Moodle pack). A translator copies a source on purpose as
often, though: a product name, ``OK``, ``E-Mail``, a URL, a command (``npm run build``), a
slogan, a copyright line, and legal text kept in English (a licence's warranty disclaimer, a
governing-law clause), signed off as approved. Skipping every copy dropped 11 of 22 rows of an
ordinary CSV (session 71, reverted); skipping the copied English sentences of 8 words or more
dropped a tagline, the MIT warranty line and a governing-law sentence, approved ones too
(session 72's regression trial, taken back): so they are stored, and named.

Named are the copies that are prose the target language would have translated: ``ltmt qa``'s
``copied`` check flags it (:func:`~ltmt.qa.pair_checks.copied_problems`: the source as
written, with words, not a name, key combinations nor markup alone), it is a sentence (it ends
with a stop), of :data:`PROSE_WORDS` words or more, and it reads as the source language as
surely as a document must (:data:`~ltmt.language_detection.DOCUMENT_SURE`: Moodle's help text
``If enabled, the time limit is stated ...`` reads 0.86 English, a command ``Run npm install
and then npm run build to compile all the assets.`` 0.71, SQL less). The warning says how to
find and delete one left untranslated.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ltmt.segments import PairRecord

# why an import skips a Magento dictionary's untranslated rows (a row whose translation is its
# source: Magento's own way of writing one not translated)
UNTRANSLATED_COPY = "untranslated: the translation is the source"
# the fewest words (runs of letters outside placeholders) of a copy an import names: a slogan
# (Made with love in Berlin., 5), a copyright line (Copyright © 2026 Acme GmbH. All rights
# reserved., 6) has fewer; the language of a text of fewer is told less surely
# (:data:`ltmt.language_detection.DOCUMENT_WORDS`)
PROSE_WORDS = 8
# the end of a sentence: its stop, then the quotes, brackets and closing tags after it
_SENTENCE_END = re.compile(r"[.!?\u2026][\"'\u2019\u201d\u00bb)\]]*(?:</[A-Za-z][\w-]*>)*$")


def untranslated_copy(source: str, target: str, src_lang: str = "en") -> bool:
    """Whether ``target`` is ``source``, prose of ``src_lang``, left untranslated (module
    docstring); the cheap tests first, the language last."""
    text = source.strip()
    if target.strip() != text or _SENTENCE_END.search(text) is None:
        return False
    from ltmt.formats.common import lang_matches
    from ltmt.language_detection import DOCUMENT_SURE, language_of, told_words
    from ltmt.qa.pair_checks import copied_problems

    if len(told_words(text)) < PROSE_WORDS or not copied_problems(source, target, {}):
        return False
    language = language_of(text, DOCUMENT_SURE)
    return language is not None and lang_matches(src_lang, language)


def untranslated_copies(records: Sequence[PairRecord], src_lang: str = "en") -> list[str]:
    """The positions of ``records`` (those an import stores) that are :func:`untranslated_copy`,
    for a warning."""
    return [
        record.position
        for record in records
        if not record.unpaired and untranslated_copy(record.source, record.target, src_lang)
    ]
