"""Keyboard accelerators of UI strings: set aside before the model translates a line, placed again
in its translation.

Menu and button labels mark the letter of their keyboard shortcut: ``&Open`` or ``E&xit`` (Qt,
KDE, Windows, vim), ``_Quit`` or ``Save _As`` (GTK), ``~File`` (LibreOffice). The model reads the
marker as text: it splits the word it marks and the line comes out untranslated or garbled (``&Edit
anyway`` gave ``&Edit trotzdem``). So :func:`find_accelerator` takes a line's one accelerator out,
the model translates the plain line, and :func:`place_accelerator` marks a letter of the
translation: the same letter of the same word where the translation keeps the word (``&OK``),
else the first word that begins with the source's key letter, else the first letter of a word
that can carry one. A translation that has one accelerator of its own already (kNN fusion copies
the user's own from memory: ``&Abbrechen``) keeps it. A letter with a diacritic (``Ö``) takes no
accelerator, as translate-toolkit's accelerator check (``pofilter``) and ``msgfmt
--check-accelerators`` expect.

A line is taken to have an accelerator only when it is unambiguous: exactly one marker before a
letter or digit (before a letter for ``~``), outside placeholders and entities (``&amp;``) and
not right after one (``%lld~second``; after a tag it may: ``<b>&Save</b>``), not doubled (``&&``
is a literal ampersand), not in an abbreviation (``R&D``), a URL, a redirection (``2>&1``) or a
path (``~/.config``). An underscore or a tilde inside a word counts only in a capitalised word
(``Pr_eferences``, ``Ta~ble``), not in an identifier (``ai_socktype``, ``obey_child``,
``SPI_finish``, ``GTK_CAN``); a line with more than one underscore, or with a command-line option
(``--backup``), has no ``_`` or ``~`` accelerator, and a marker before a lone letter (``~N``) is
none. Nor is one in a file name (``O_file.txt``), and a doubled one is a literal underscore (WPF's
``my__file.txt``), never a marker.

Words joined by underscores (``my_file.txt``, ``old__name``: identifiers and file names, which mark
no key) are text the model garbled: it split them and dropped the word before the underscore
(``Open my_file.txt`` → ``O_file.txt öffnen``, ``Rename old__name`` → ``alten_name ...``).
:func:`underscore_words` finds them, for the model to get them as tags, kept as written.

A doubled ampersand is an ampersand written as text (Qt's and Windows' ``Rock && Roll``): the
model read it as an operator and garbled the words around it (``Rock& rollen``), and a single
``&`` in its place marks the next character as the accelerator. :func:`literal_ampersands` finds
them, for the model to get as tags (:meth:`ltmt.units.LineForms.for_model`) and ``ltmt qa`` to
hold a translation to (:func:`ampersands_made_single`), as it holds it to add no accelerator
where its source has none (:func:`accelerators_added`: ``Open`` → ``Ö&ffnen``). A doubled
underscore or tilde is not looked for: ``__init__`` is a name.

A single ``&`` that marks no key is text the model garbles too (``Copy & Paste`` → ``Kopiere
&-Barte``; ``Contact R&D & AT&T`` lost ``AT&``): :func:`text_ampersands` finds those no file's
markup or accelerator reads, a name with one between capitals (``AT&T``, ``R&D``, which marks
no key) and one between spaces, for the model to get them as tags too.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ltmt.errors import ChoiceError
from ltmt.formats.placeholder_syntax import REFERENCE_TAIL, Placeholder, find_placeholders

MARKERS = ("&", "_", "~")
SETTINGS = ("auto", "none", *MARKERS)
# characters a marker may follow inside a token (a word, or an opening bracket or quote)
_OPENERS = frozenset("([{\"'\u00ab\u00bb\u201e\u201c\u2018\u201a\u2039\u203a")
# a token holding one of these is a URL or a query string, not a label
_URL_PARTS = ("://", "=", "?", "/")
# a command-line option: a line of a program's help, whose underscores are code (``X_orig``)
_OPTION = re.compile(r"(?<![\w-])--?[A-Za-z]")
# a file name's extension after a word: my_file.txt
_EXTENSION = re.compile(r"[^\W_]\.[^\W\d_]")
# words joined by underscores, with a file name's extensions: my_file.txt, old__name, MAX_PATH
_UNDERSCORE_WORD = re.compile(r"[^\W_]+(?:_+[^\W_]+)+(?:\.[^\W_]+)*")
# what follows the ``&`` of an entity
_ENTITY_TAIL = re.compile(REFERENCE_TAIL)
# a word of references written as text (&amp;copy;, &amp;lt;b&amp;gt;)
_WRITTEN_REFERENCES = re.compile(rf"(?:\w*&amp;{REFERENCE_TAIL})+\w*")
# an ``&`` that is text: inside a name, between capitals (AT&T, R&D, B&Q's), or between spaces
_TEXT_AMPERSAND = re.compile(
    r"(?<![\w&])[^\W_]*[A-Z]&[A-Z][^\W_]*(?:&[A-Z][^\W_]*)*(?:['\u2019]s)?(?![\w&])|(?<!\S)&(?!\S)"
)


@dataclass(frozen=True)
class Accelerator:
    """A line's keyboard accelerator: ``marker`` before ``key``, the ``offset``-th character of
    ``word`` (the source word holding it, without the marker)."""

    marker: str
    key: str
    word: str
    offset: int


def accelerator_markers(setting: str) -> tuple[str, ...]:
    """The markers a setting looks for: ``auto`` all of :data:`MARKERS`, ``none`` none, a marker
    itself only that one."""
    if setting == "auto":
        return MARKERS
    if setting == "none":
        return ()
    if setting in MARKERS:
        return (setting,)
    raise ChoiceError(f"accelerators must be one of {', '.join(SETTINGS)}, got {setting!r}")


def find_accelerator(line: str, markers: tuple[str, ...]) -> tuple[str, Accelerator | None]:
    """``line`` without its keyboard accelerator's marker, and the accelerator; ``(line, None)``
    when it has none of ``markers``, or more than one, or one of each of two kinds."""
    found = [(marker, spots) for marker in markers if (spots := _candidates(line, marker))]
    if len(found) != 1 or len(found[0][1]) != 1:
        return line, None
    marker, (spot,) = found[0]
    if marker == "_" and line.count("_") > 1:
        return line, None
    plain = line[:spot] + line[spot + 1 :]
    start = spot
    while start > 0 and _in_word(plain[start - 1]):
        start -= 1
    end = spot
    while end < len(plain) and _in_word(plain[end]):
        end += 1
    word = plain[start:end]
    if len(word) < 2:  # a lone letter is notation: ``+N or ~N``
        return line, None
    if marker != "&" and (
        _reads_as_identifier(word, spot - start)
        or _OPTION.search(line)
        or _EXTENSION.search(_token_at(line, spot))
    ):
        return line, None
    return plain, Accelerator(marker, plain[spot], word, spot - start)


def place_accelerator(output: str, accelerator: Accelerator) -> str:
    """``output`` with ``accelerator``'s marker before one of its letters (module docstring);
    unchanged when it has exactly one accelerator of that marker already, or no letter that can
    carry one."""
    marker = accelerator.marker
    own = _candidates(output, marker)
    if len(own) == 1:
        return output
    for spot in reversed(own):  # several: the model's markers go, one is placed below
        output = output[:spot] + output[spot + 1 :]
    placed = _placement(output, accelerator)
    if placed is None:
        return output
    return output[:placed] + marker + output[placed:]


def accelerators_given(source: str, target: str, markers: tuple[str, ...]) -> tuple[str, int]:
    """``target``, a stored translation of ``source`` reused as it is (a 100 % memory match),
    with an accelerator placed (:func:`place_accelerator`) on each line whose source line has
    one of ``markers`` (:func:`find_accelerator`) and which has no marker of that kind at all
    (``&Import`` stored as ``Importieren``: the menu item lost its key), and how many it
    placed. Line by line where both have as many lines, else none: a target that marks a key
    of its own, or several, is the translator's and is kept."""
    source_lines, target_lines = source.split("\n"), target.split("\n")
    if not markers or len(source_lines) != len(target_lines):
        return target, 0
    placed = 0
    for number, (source_line, target_line) in enumerate(
        zip(source_lines, target_lines, strict=True)
    ):
        accelerator = find_accelerator(source_line, markers)[1]
        if accelerator is None or _candidates(target_line, accelerator.marker):
            continue
        given = place_accelerator(target_line, accelerator)
        if given != target_line:
            target_lines[number] = given
            placed += 1
    return ("\n".join(target_lines), placed) if placed else (target, 0)


def accelerators_lost(source: str, output: str, markers: tuple[str, ...] = MARKERS) -> int:
    """How many of ``source``'s lines with an accelerator (:func:`find_accelerator`) have no
    accelerator of that marker, or several, in ``output`` (line by line where both have as many
    lines, else over the whole output, which then needs as many keys as the source)."""
    source_lines = source.split("\n")
    found = [find_accelerator(line, markers)[1] for line in source_lines]
    if not any(found):
        return 0
    output_lines = output.split("\n")
    if len(output_lines) != len(source_lines):
        wanted = Counter(accelerator.marker for accelerator in found if accelerator is not None)
        return sum(
            abs(count - len(_candidates(output, marker))) for marker, count in wanted.items()
        )
    return sum(
        accelerator is not None and len(_candidates(line, accelerator.marker)) != 1
        for accelerator, line in zip(found, output_lines, strict=True)
    )


def accelerators_added(
    source: str, output: str, markers: tuple[str, ...] = MARKERS
) -> list[Accelerator]:
    """The accelerators of ``output`` (:func:`find_accelerator`) where ``source`` has none: line
    by line where both have as many lines, else those of the whole output where no line of the
    source has one."""
    source_lines, output_lines = source.split("\n"), output.split("\n")
    if len(output_lines) != len(source_lines):
        if any(find_accelerator(line, markers)[1] for line in source_lines):
            return []
        source_lines = [""] * len(output_lines)
    added = []
    for source_line, output_line in zip(source_lines, output_lines, strict=True):
        accelerator = find_accelerator(output_line, markers)[1]
        if accelerator is not None and find_accelerator(source_line, markers)[1] is None:
            added.append(accelerator)
    return added


def literal_ampersands(line: str) -> list[tuple[int, int, str]]:
    """The doubled ampersands of ``line`` outside placeholders and entities (``Rock && Roll``:
    an ``&`` written as text), each as ``(start, end, "&&")``, read left to right as Qt does
    (``&&&File``: a literal ``&``, then the accelerator ``F``)."""
    if "&&" not in line:
        return []
    covered = _covered(find_placeholders(line))
    return [
        (found.start(), found.end(), found.group())
        for found in re.finditer("&&", line)
        if not covered.intersection(range(found.start(), found.end()))
    ]


def text_ampersands(line: str) -> list[tuple[int, int, str]]:
    """The single ampersands of ``line`` that are text, each as ``(start, end, text)``: a name
    with one between capitals whole (``AT&T``, ``R&D``, ``B&Q's``: an abbreviation, which marks
    no key), one between spaces (``Copy & Paste``), and a word of references written as text
    whole (``&amp;copy;``, ``&amp;lt;b&amp;gt;``: the text ``&copy;`` as segments hold it,
    :mod:`ltmt.formats.markup_characters`; the model kept ``&amp;`` and dropped the rest and
    words after it). None inside a placeholder, nor a doubled one (:func:`literal_ampersands`)
    or one before a letter, which may mark a key (``&File``, ``E&xit``)."""
    if "&" not in line:
        return []
    written = [(m.start(), m.end(), m.group()) for m in _WRITTEN_REFERENCES.finditer(line)]
    covered = _covered(find_placeholders(line))
    return sorted(
        written
        + [
            (found.start(), found.end(), found.group())
            for found in _TEXT_AMPERSAND.finditer(line)
            if not covered.intersection(range(found.start(), found.end()))
        ]
    )


def underscore_words(line: str) -> list[tuple[int, int, str]]:
    """The words of ``line`` joined by underscores, each as ``(start, end, text)``, with the
    extensions of a file name (``my_file.txt``, ``old__name``: module docstring); none inside a
    placeholder."""
    if "_" not in line:
        return []
    covered = _covered(find_placeholders(line))
    return [
        (found.start(), found.end(), found.group())
        for found in _UNDERSCORE_WORD.finditer(line)
        if not covered.intersection(range(found.start(), found.end()))
    ]


def ampersands_made_single(source: str, output: str) -> int:
    """How many of ``source``'s doubled ampersands (:func:`literal_ampersands`) ``output``
    writes as a single ``&`` that marks no accelerator of its own (``Search && Replace`` →
    ``Suchen & Ersetzen``, where Qt reads the ``&`` as the accelerator of the space after it):
    as many as ``output`` has fewer doubled ones, at most as many as it has single ones."""
    fewer = len(literal_ampersands(source)) - len(literal_ampersands(output))
    if fewer <= 0:
        return 0
    doubled = {i for start, end, _ in literal_ampersands(output) for i in range(start, end)}
    covered = _covered(find_placeholders(output)) | doubled | set(_candidates(output, "&"))
    single = sum(char == "&" and i not in covered for i, char in enumerate(output))
    return min(fewer, single)


def _placement(output: str, accelerator: Accelerator) -> int | None:
    """Where the marker goes in ``output`` (which has none): the position of the letter."""
    free = _free_positions(output, accelerator.marker)
    word, offset = accelerator.word, accelerator.offset
    if word:
        at = output.find(word)
        while at >= 0:
            whole = (at == 0 or not _in_word(output[at - 1])) and (
                at + len(word) == len(output) or not _in_word(output[at + len(word)])
            )
            if whole and at + offset in free:
                return at + offset
            at = output.find(word, at + 1)
    starts = [i for i in sorted(free) if i == 0 or not _in_word(output[i - 1])]
    key = accelerator.key.casefold()
    for i in starts:
        if output[i].casefold() == key:
            return i
    if starts:
        return starts[0]
    return min(free) if free else None


def _free_positions(text: str, marker: str) -> set[int]:
    """Positions of ``text`` whose character may carry ``marker``: a letter or digit without a
    diacritic, outside placeholders, where the marker would not form an entity or double one."""
    covered = _covered(find_placeholders(text))
    free = set()
    for i, char in enumerate(text):
        if i in covered or not _valid_key(char, marker):
            continue
        if i and text[i - 1] == marker:
            continue
        if marker == "&" and _ENTITY_TAIL.match(text, i):
            continue  # ``&amp;`` would read as an entity
        free.add(i)
    return free


def _valid_key(char: str, marker: str) -> bool:
    """Whether ``char`` can be an accelerator key: a letter (or digit, except after ``~``) that
    translate-toolkit's accelerator check takes as one (none with a diacritic)."""
    from translate.filters.decoration import isvalidaccelerator

    return (char.isalpha() or (char.isdigit() and marker != "~")) and isvalidaccelerator(char)


def _candidates(line: str, marker: str) -> list[int]:
    """Positions of ``marker`` in ``line`` that mark an accelerator (module docstring)."""
    if marker not in line:
        return []
    placeholders = find_placeholders(line)
    covered = _covered(placeholders)
    after_tag = {p.end for p in placeholders if p.kind == "tag"}  # <b>&Save</b>
    # the line with its placeholders blanked, for the token around a marker
    masked = "".join(" " if i in covered else char for i, char in enumerate(line))
    spots = []
    for i, char in enumerate(line):
        if char != marker or i in covered or i + 1 >= len(line):
            continue
        before = " " if i in after_tag or not i else line[i - 1]
        if i - 1 in covered and i not in after_tag:
            continue  # right after a placeholder: ``%lld~second``
        after = line[i + 1]
        if after == marker or before == marker:  # doubled: a literal marker
            continue
        if not (after.isalpha() or (after.isdigit() and marker != "~")):
            continue
        if not (before.isspace() or before.isalpha() or before in _OPENERS):
            continue
        if before.isupper() and after.isupper():  # an abbreviation: R&D, AT&T, Q&A
            continue
        if any(part in _token_at(masked, i) for part in _URL_PARTS):
            continue
        spots.append(i)
    return spots


def _covered(placeholders: list[Placeholder]) -> set[int]:
    """The positions the ``placeholders`` of a text cover."""
    return {i for p in placeholders for i in range(p.start, p.end)}


def _token_at(line: str, index: int) -> str:
    """The run of non-space characters of ``line`` around ``index``."""
    start = line.rfind(" ", 0, index) + 1
    end = line.find(" ", index)
    return line[start : end if end >= 0 else len(line)]


def _in_word(char: str) -> bool:
    return char.isalnum() or char == "-"


def _reads_as_identifier(word: str, offset: int) -> bool:
    """Whether ``word`` with a marker before its ``offset``-th character reads as code rather
    than an accelerated label: inside a word, only a capitalised word is a label (``Cl_ear``,
    ``Ta~ble``); ``ai_socktype``, ``ml_get``, ``SPI_finish``, ``Stream_LF`` are identifiers."""
    if not offset:
        return False
    if not word[:1].isupper():
        return True
    return any(_is_capitals(part) for part in (word[:offset], word[offset:]))


def _is_capitals(part: str) -> bool:
    letters = [c for c in part if c.isalpha()]
    return len(letters) > 1 and all(c.isupper() for c in letters)
