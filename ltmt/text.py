"""Text as ltmt compares it: normalisation, the fuzzy score and line splitting, each once.

``normalize`` applies Unicode NFC, folds every run of whitespace (and control characters) into
one space, strips both ends, drops the invisible characters that only say where a line may
break or must not (:data:`INVISIBLE`) and, unless asked to keep case, case-folds (``"Straße"``
→ ``"strasse"``). Stored text itself is never changed; two sources with the same normalised form
score 100.

A memory stores each source in :func:`fold_space` form, invisible characters kept (the form every
store written so far holds, and that ``ltmt memory check`` of any version checks it against);
its searches read that form through :func:`without_invisible`, which makes it the source's
normalised form: a store of any age matches ``ac\u00adcount`` and ``account`` at 100.

The fuzzy score is the CAT-tool match of two normalised strings: rapidfuzz's ``fuzz.ratio``, an
edit-distance similarity on characters (insertions and deletions,
``100 · (1 - indel / (len_a + len_b))``). Memory search, kNN fusion, repair, training and the
benchmarks all score with :func:`fuzzy_score` (or :data:`SCORER` in rapidfuzz's batch functions),
so a score means the same everywhere.

Lines are split where :meth:`str.splitlines` splits them (``\\n``, ``\\r\\n``, ``\\r``, a vertical
tab, a form feed, the file, group and record separators, NEL, U+2028 and U+2029), each
separator kept as it is: the translator translates line by line.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence

from rapidfuzz import fuzz

from ltmt.errors import InputError

# Control characters that str.split() does not treat as whitespace; they carry no meaning for
# matching (and NUL would collide with the index's separator).
CONTROL_CHARACTERS = r"\x00-\x08\x0e-\x1b\x7f"  # (a character class's body, for regexes)
# Control characters that str.split() treats as whitespace, and the model's tokenizer drops
# without a space in their place (``tag\x0bnow`` read as ``tagnow``): a vertical tab, the
# information separators, and NEL (U+0085, a cp1252 "…" decoded as Latin-1); all but the unit
# separator (\x1f) end a line (LINE_BREAK), so the translator's lines hold only that one
SPACING_CONTROLS = r"\x0b\x1c-\x1f\x85"
_CONTROL = re.compile(f"[{CONTROL_CHARACTERS}]")
# Invisible characters the model's tokenizer reads as a piece of their own, splitting the word
# they stand in (``ac\u00adcount`` → "den Abstand"): a soft hyphen and a word joiner, pasted
# from PDFs and Word; a zero-width space it reads as a space, a byte order mark as nothing. A
# translation's words break elsewhere: none is written back (but at a line's edge, where it
# is formatting: :mod:`ltmt.invisible_edges`).
BREAK_HINTS = "\u00ad\u2060"
_DROP_BREAK_HINTS = str.maketrans(dict.fromkeys(BREAK_HINTS))
# Invisible characters that say where a line may break (a soft hyphen, a zero-width space) or
# must not (a word joiner, a zero-width no-break space: U+FEFF, also a byte order mark), pasted
# from PDFs and Word: the same words with or without them, so matching ignores them. The
# zero-width (non-)joiners stay: they change how a script's letters join and build emoji.
INVISIBLE = "\u00ad\u200b\u2060\ufeff"
_DROP_INVISIBLE = str.maketrans(dict.fromkeys(INVISIBLE))
# a line's end as str.splitlines finds it (\r\n first: one break, not two)
LINE_BREAK = re.compile("\r\n|[\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
# a letter of any script (a word character that is neither a digit nor an underscore)
LETTER = re.compile(r"[^\W\d_]")
# a run of letters: a word without its digits, apostrophes or hyphens
LETTERS = re.compile(r"[^\W\d_]+")
# quote marks: a target language writes its own (German »%s« for '%s'), so they are text to
# translate, not code
QUOTE_MARKS = frozenset("'\"`\u2018\u2019\u201a\u201c\u201d\u201e\u00ab\u00bb\u2039\u203a")
# a text's leading whitespace, its body and its trailing whitespace
_EDGES = re.compile(r"(\s*)(.*?)(\s*)", re.DOTALL)
_WORD_START = re.compile(r"(?<=\s)\S")
_PARTS = re.compile(r"\w+")

# The scorer for rapidfuzz's batch functions (process.extract, process.cdist) on normalised text.
SCORER = fuzz.ratio


def has_letter(text: str) -> bool:
    """Whether ``text`` has a letter (of any script): words to translate, not only digits,
    punctuation or symbols."""
    return LETTER.search(text) is not None


def word_parts(text: str, *, case_sensitive: bool = False) -> set[str]:
    """The alphanumeric runs of ``text``, NFKC-normalised and case-folded (``case_sensitive``:
    as written)."""
    return set(_part_list(text, case_sensitive=case_sensitive))


def word_counts(text: str) -> Counter[str]:
    """How often ``text`` says each of its :func:`word_parts` (case-folded): a text that says a
    word once more (``Liability The liability cap ...``) says other words than one without it,
    though their word parts are the same."""
    return Counter(_part_list(text))


def word_list(text: str) -> list[str]:
    """The :func:`word_parts` of ``text`` in order, each as often as it says it."""
    return _part_list(text)


def _part_list(text: str, *, case_sensitive: bool = False) -> list[str]:
    """The alphanumeric runs of ``text`` in order, NFKC-normalised and case-folded
    (``case_sensitive``: as written): what :func:`word_parts` and :func:`word_counts` read."""
    normalized = unicodedata.normalize("NFKC", text)
    return _PARTS.findall(normalized if case_sensitive else normalized.casefold())


def without_break_hints(text: str) -> str:
    """``text`` without its soft hyphens and word joiners (:data:`BREAK_HINTS`): the words the
    model reads."""
    if text.isascii():
        return text
    return text.translate(_DROP_BREAK_HINTS)


def collapse_space(text: str) -> str:
    """Whitespace runs (line breaks included) become one space; the ends are stripped. The
    texts a fusion force-decodes (and keys its cached states by): unlike :func:`fold_space`, no
    NFC and control characters kept, as the model was trained on them."""
    return " ".join(text.split())


def fold_space(text: str) -> str:
    """NFC with whitespace runs folded to one space and the ends stripped (case kept)."""
    if text.isascii() and text.isprintable():  # the common case: NFC already, no controls
        if "  " in text or text[:1] == " " or text[-1:] == " ":
            return " ".join(text.split())
        return text
    text = unicodedata.normalize("NFC", text)
    if _CONTROL.search(text):
        text = _CONTROL.sub(" ", text)
    return " ".join(text.split())


def index_text(source: str) -> str:
    """The text a memory's search reads a stored ``source`` by (:func:`fold_space`, then
    case-folded): two sources of one index text are one source's translations, of which a
    search reuses the newest (:mod:`ltmt.memory.approvals`, :mod:`ltmt.memory.newest`)."""
    return fold_space(source).casefold()


def without_invisible(folded: str) -> str:
    """``folded`` (in :func:`fold_space` form: a stored normalised source) without its
    :data:`INVISIBLE` characters, the spaces they stood between folded again: the words a
    reader sees, which a match is scored on."""
    if folded.isascii():  # (the common case: none)
        return folded
    dropped = folded.translate(_DROP_INVISIBLE)
    return dropped if len(dropped) == len(folded) else " ".join(dropped.split())


def normalize(text: str, *, case_sensitive: bool = False) -> str:
    """The form used for scoring: :func:`fold_space` without :data:`INVISIBLE` characters
    (:func:`without_invisible`), then case-folded unless ``case_sensitive``."""
    folded = without_invisible(fold_space(text))
    return folded if case_sensitive else folded.casefold()


def fuzzy_score(query: str, source: str) -> float:
    """Fuzzy score 0-100 of two already normalised strings."""
    return float(fuzz.ratio(query, source))


def match_score(text: str, source: str) -> float:
    """Fuzzy score 0-100 of two raw texts, each normalised (case-insensitive) first."""
    return fuzzy_score(normalize(text), normalize(source))


def split_lines(text: str) -> tuple[list[str], list[str]]:
    """``(lines, breaks)`` with ``lines[0] + breaks[0] + lines[1] + ... == text``.

    ``text`` is split where ``text.splitlines()`` splits it; ``breaks`` holds the exact line
    terminators (``\\n``, ``\\r\\n``, ``\\u2028`` ...: :data:`LINE_BREAK`), so a translation made
    line by line can be put back with the same structure: :func:`join_lines`.
    """
    return LINE_BREAK.split(text), LINE_BREAK.findall(text)


def join_lines(lines: Iterable[str], breaks: Iterable[str]) -> str:
    """The inverse of :func:`split_lines`."""
    out: list[str] = []
    for line, brk in zip(lines, [*breaks, ""], strict=False):
        out.append(line)
        out.append(brk)
    return "".join(out)


def split_edges(text: str) -> tuple[str, str, str]:
    """``(leading whitespace, body, trailing whitespace)`` of ``text``; a blank text is all
    leading whitespace."""
    match = _EDGES.fullmatch(text)
    assert match is not None  # the pattern matches every string
    lead, body, trail = match.groups()
    return lead, body, trail


def nearest_word_start(
    text: str, place: float, allowed: Callable[[int], bool] = lambda index: True
) -> int:
    """Where in ``text`` to put something that stood at ``place`` (0: the start, 1: the end) of
    another text: the start of a word, or the end before its final punctuation, the nearest
    of those ``allowed`` (0 when none is)."""
    end = len(text.rstrip().rstrip(".,;:!?").rstrip())
    starts = [0, end, *(found.start() for found in _WORD_START.finditer(text, 0, end))]
    candidates = [index for index in starts if allowed(index)] or [0]
    return min(candidates, key=lambda index: (abs(index - place * len(text)), index))


def with_edits(text: str, edits: Iterable[tuple[int, int, str]]) -> str:
    """``text`` with each ``(start, end, replacement)`` of ``edits`` (disjoint spans, in any
    order) put in; one pass."""
    pieces: list[str] = []
    position = 0
    for start, end, replacement in sorted(edits):
        pieces += [text[position:start], replacement]
        position = end
    pieces.append(text[position:])
    return "".join(pieces)


def repaired_in_place(
    sources: Sequence[str],
    outputs: list[str],
    repair: Callable[[str, str], str],
    wrong: Callable[[str, str], object],
    applies: Callable[[str], object],
) -> tuple[set[int], set[int]]:
    """Each of ``outputs`` (one per source of ``sources``) whose source ``applies`` to, put
    through ``repair(source, output)`` in place. Returns the indices of the outputs it changed
    that ``wrong(source, output)`` no longer finds fault with, and of those it still does
    (changed or not): not repairable."""
    repaired: set[int] = set()
    still_wrong: set[int] = set()
    for i, source in enumerate(sources):
        if not applies(source):
            continue
        text = repair(source, outputs[i])
        if text != outputs[i]:
            outputs[i] = text
            repaired.add(i)
        if wrong(source, text):
            still_wrong.add(i)
    return repaired - still_wrong, still_wrong


def content_lines(text: str) -> list[str]:
    """The non-blank lines of ``text``, stripped."""
    return [line.strip() for line in LINE_BREAK.split(text) if line.strip()]


def has_line_break(text: str) -> bool:
    """Whether ``text`` holds a line break between non-blank content."""
    return LINE_BREAK.search(text.strip()) is not None


_SURROGATE_PAIR = re.compile("[\ud800-\udbff][\udc00-\udfff]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def paired_surrogates(text: str) -> str:
    """``text`` with each UTF-16 surrogate pair made the one character it encodes: what a
    Java properties or YAML escape of a character beyond the BMP (``\\ud83d\\ude00``) reads as.
    A lone surrogate stays (:func:`lone_surrogate` finds it)."""
    if not _SURROGATE.search(text):
        return text
    return _SURROGATE_PAIR.sub(
        lambda m: m.group().encode("utf-16-le", "surrogatepass").decode("utf-16-le"), text
    )


def lone_surrogate(text: str) -> str | None:
    """The first lone UTF-16 surrogate of ``text`` (half of a character: no text can be
    written or translated with it), or None."""
    found = _SURROGATE.search(paired_surrogates(text))
    return found.group() if found else None


def half_character(text: str) -> str | None:
    """What is wrong with ``text`` where it holds a lone UTF-16 surrogate, to follow its name in
    an error message (``"holds \\ud800, half of a UTF-16 surrogate pair ..."``), or None: no
    model can read such a text, nor any file hold it."""
    half = lone_surrogate(text)
    if half is None:
        return None
    return (
        f"holds \\u{ord(half):04x}, half of a UTF-16 surrogate pair with no other half; "
        "send whole characters (fix the escape, or write the character itself)"
    )


def text_list(texts: Iterable[str], what: str = "texts") -> list[str]:
    """``texts`` as a list of strings: one string given for the list (its characters would be
    read as texts) or an item of another type is an :class:`~ltmt.errors.InputError` that
    names it."""
    if isinstance(texts, str):
        raise InputError(f"{what} must be a list of strings, not one string: pass [{texts[:40]!r}]")
    if isinstance(texts, bytes | bytearray):
        raise InputError(f"{what} must be a list of strings, not bytes: decode them first")
    if texts is None or not isinstance(texts, Iterable):
        raise InputError(f"{what} must be a list of strings, not {type(texts).__name__}")
    items = list(texts)
    for number, text in enumerate(items, 1):
        if not isinstance(text, str):
            raise InputError(f"{what}: item {number} is {type(text).__name__}, not a string")
    return items
