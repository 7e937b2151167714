"""Words a segment's translation writes twice across a line break, once.

The model translates a multi-line segment a line at a time (:mod:`ltmt.units`): a wrapped help
text (``mark them with\\n"git add/rm <pathspec>", then run``) reaches it as fragments. Where a
fragment's German needs a word of the next line's (``mit`` needs its object), or kNN follows a
match whose translator wrapped the lines elsewhere, a line's translation ends with the words the
next line's begins with: ``markieren Sie diese mit "git`` then ``mit "git add/rm …``; coreutils'
``Siehe auch`` then ``Siehe auch GRÖẞE …``. Read as a whole, the segment says them twice. Of
the dev users' 179 multi-line test segments, 6 of knn-trained's translations did and 9 of
knn's; none of the model's alone (``eval/line_seams.py``; ``docs/results/translation.md``,
session 41).

:func:`drop_seam_repeats` writes such words once: it drops them from the line they do not
translate, as far as code tells (options, ``<arguments>`` and numbers read the same in both
languages): from the start of the later line where they translate the earlier source line,
else from the end of the earlier line, and never the last word of a line. A repeat that the
source has at the same line break too (``%s,`` ending one line and starting the next) is
written as it is.

Inside a line, the model now and then says a word twice in a row (``Am Ende der Dateien
Dateien``, ``Ungültige kleine kleine Gerätenummer``: 5 of the dev users' 2,000 outputs of
the model alone, and of kNN's, in session 49's run, ``eval/qa_trial.py``).
:func:`doubled_words` finds them (``ltmt qa``'s ``doubled`` check reads it too) and
:func:`drop_doubled_words` writes each once: a word of two letters or more, then a space or
a hyphen (``<nobr>100 HP</nobr>`` came out ``100 HP-HP``; with a hyphen, only a word of the
source, copied: ``Klein-Klein`` is German), then the same word as written;
not German's relative pronoun before an article (``auf die die Verknüpfung verweist``), nor
where the source line says as many words twice (``CHAR    CHAR will erase``, translated
``ZEICHEN ZEICHEN löscht``), nor in a line laid out in columns (an option table:
``--prefix=PREFIX    use PREFIX instead of "xx"`` is ``--prefix=PRÄFIX PRÄFIX statt »xx«
verwenden`` before :mod:`ltmt.help_columns` puts the help back at its column).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ltmt.formats.placeholder_syntax import find_placeholders, without_placeholders

# the most words a repeat at a line break spans
MAX_SEAM_WORDS = 6
_WORD = re.compile(r"\S+")
# code a translation writes as its source does: an option's name, an <argument>, a number
_CODE = re.compile(r"(?<![\w-])[-+]{1,2}[^\W\d_][\w-]*|<[^\s<>]+>|\d+")


# a word said twice in a row, a space or a hyphen between (``100 HP-HP``; not ``Sie sie``,
# "you ... them", nor a help text's columns: ``-b DATEI    DATEI existiert``)
_DOUBLED = re.compile(r"\b([^\W\d_]{2,})[ -](\1)\b")
# a word of a source line (what a copied word doubled with a hyphen is: ``100 HP-HP``; a
# German word so doubled is an idiom, ``Klein-Klein``)
_LETTERS = re.compile(r"[^\W\d_]+")
# a word a source line says twice, spaced as it may be (``CHAR    CHAR will erase``) or
# hyphened (``bye-bye``)
_SAID_TWICE = re.compile(r"\b([^\W\d_]{2,})(?:[^\S\n]+|-)(\1)\b", re.IGNORECASE)
# a source laid out in columns (an option table: ``--prefix=PREFIX    use PREFIX``), whose
# translation may say a word at the column and again after it (``--prefix=PRÄFIX PRÄFIX
# verwenden``, before the help is put back at its column)
_COLUMNS = re.compile(r"[^\s.!?] {2,}\S")  # (two spaces after a sentence are no column)
# words a sentence may say twice: German's relative pronoun before an article (``auf die die
# Verknüpfung verweist``, ``Benutzer, die die Eingabe verwenden``)
_REPEATABLE = frozenset({"der", "die", "das", "den", "dem", "des"})


def doubled_words(source: str, output: str) -> list[re.Match[str]]:
    """The words ``output`` says twice in a row (each a match: the word, then again), where
    ``source`` says fewer words twice (module docstring); none where it says as many. Words
    inside placeholders do not count; each match is at its place in ``output``."""
    if _COLUMNS.search(source):
        return []
    plain = without_placeholders(source)
    said = len(_SAID_TWICE.findall(plain))
    source_words = {word.casefold() for word in _LETTERS.findall(plain)}
    doubled = [
        match
        for match in _DOUBLED.finditer(_masked(output))
        if match.group(1) not in _REPEATABLE
        and (output[match.end(1)] == " " or match.group(1).casefold() in source_words)
    ]
    return doubled if len(doubled) > said else []


def _masked(text: str) -> str:
    """``text`` with each placeholder's characters blanked, its length kept: a match in it is
    at its place in ``text`` (``<nobr>100 HP-HP</nobr>``: the places of a text without
    placeholders lost ``<nobr>100 HP-HP``'s digits)."""
    for placeholder in find_placeholders(text):
        text = text[: placeholder.start] + " " * len(placeholder.text) + text[placeholder.end :]
    return text


def drop_doubled_words(source: str, output: str) -> str:
    """``output`` with each word of :func:`doubled_words` written once (a word said three
    times too: ``is is is``)."""
    while doubled := doubled_words(source, output):
        for match in reversed(doubled):
            output = output[: match.end(1)] + output[match.end(2) :]
    return output


def drop_seam_repeats(sources: Sequence[str], outputs: Sequence[str]) -> list[str]:
    """``outputs`` (the translations of the lines ``sources``, one each, in order) with the
    words a line ends with and the next line starts with written once (module doc); the lines
    unchanged where there is none."""
    if len(sources) != len(outputs):
        raise ValueError(f"{len(outputs)} translations for {len(sources)} lines")
    lines = list(outputs)
    for i in range(len(lines) - 1):
        ending, opening = lines[i].split(), lines[i + 1].split()
        count = _repeated(ending, opening)
        earlier, later = sources[i].split(), sources[i + 1].split()
        if not count or _repeated(earlier, later, count) == count:
            continue
        from_later = _of_earlier_line(opening[:count], earlier, later, opening[count:])
        if from_later and len(opening) > count:
            lines[i + 1] = _without_first_words(lines[i + 1], count)
        elif len(ending) > count:
            lines[i] = _without_last_words(lines[i], count)
        elif len(opening) > count:
            lines[i + 1] = _without_first_words(lines[i + 1], count)
    return lines


def _of_earlier_line(
    repeat: list[str], earlier: list[str], later: list[str], after: list[str]
) -> bool:
    """Whether the words ``repeat`` said at the end of one line's translation and at the start of
    the next one's (``after`` follows them there) translate the earlier source line (words
    ``earlier``) rather than the later one (``later``): where they hold code (options,
    ``<arguments>``, numbers, which the translation writes as the source does), the source line
    that holds all of it and the other does not; else, where the later source line opens with
    code and the later translation has it right after the repeat (``--version`` after the
    previous line's ``diesen Hilfetext anzeigen.``), the earlier one. Else the later one: a
    fragment's translation runs on into the next line's words more often than it starts with
    the previous line's (the dev users' outputs, session 41)."""
    codes = _codes(repeat)
    if codes:
        return codes <= _codes(earlier) and not codes <= _codes(later)
    opens = _codes(later[:1])
    return bool(opens) and opens <= _codes(after[:1])


def _codes(words: Sequence[str]) -> set[str]:
    """The code in ``words``: options (their name, ``--backup`` of ``--backup[=CONTROL]``),
    ``<arguments>`` and numbers."""
    return {code for word in words for code in _CODE.findall(word)}


def _repeated(ending: list[str], opening: list[str], exactly: int | None = None) -> int:
    """How many words ``ending``'s last and ``opening``'s first are the same, the most of at
    most :data:`MAX_SEAM_WORDS` (only ``exactly`` that many, where given); 0 for none."""
    counts = [exactly] if exactly else range(MAX_SEAM_WORDS, 0, -1)
    for count in counts:
        if count <= min(len(ending), len(opening)) and ending[-count:] == opening[:count]:
            return count
    return 0


def _without_last_words(line: str, count: int) -> str:
    """``line`` without its last ``count`` words and the space before them (its trailing
    whitespace kept)."""
    words = list(_WORD.finditer(line))
    cut = words[-count].start()
    return line[:cut].rstrip() + line[words[-1].end() :]


def _without_first_words(line: str, count: int) -> str:
    """``line`` without its first ``count`` words and the space after them (its leading
    whitespace kept)."""
    words = list(_WORD.finditer(line))
    start, end = words[0].start(), words[count].start()
    return line[:start] + line[end:]
