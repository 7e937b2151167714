"""What a translation writes right beside its placeholders that its source does not.

Two things the model did to Ruby's named fields (a gettext trial, session 69): it glued a word
to a field the source follows with a space (``%<count>dnlese`` for ``%<count>d unread``: the
repair gave back the ``d`` and took the word's first letter for a conversion), and it wrote a
brace beside a field of braces (``%{title}}`` for ``%{title}``), which Ruby prints. Either
leaves a program's output garbled though the placeholders are all there: the repair counts a
stray brace as not repaired, and ``ltmt qa`` reports both (:mod:`ltmt.qa.pair_checks`).
The same holds for the marks that join or escape fields (:func:`stray_marks`): the repair of
an i18next trial's ``{{month}}/{{year}}`` left the model's ``\\`` and ``/`` beside the fields
(``{{month}}/\\{{year}}``, ``{{from}}/{{to}}/``), which the app shows as text (session 76).
German glues a few endings to a field where English spaces it, and they are no glued word: a
genitive's ``s`` (``{user}s Dateien``), ``mal`` and ``fach`` (``{0}mal``, ``{0}fache``), ``er``
and ``ern`` (``die {0}er``); a word's fragment (``nlese``) stays one.
"""

from __future__ import annotations

import re

from ltmt.formats.icu_messages import is_branching
from ltmt.formats.placeholder_syntax import (
    Placeholder,
    find_placeholders,
    is_escaped_brace,
    positional_aliases,
    without_placeholders,
)

# the placeholders a word may not be glued to: fields a program fills in (not a tag, which
# stands glued to a word: <b>Datei</b>)
_FIELD_KINDS = frozenset({"printf", "brace", "sigil"})
_WORD = re.compile(r"[^\W_]\w*")  # a letter or digit, and the word it starts
# what after a field in the source says that a word does not follow it glued: a space or a
# punctuation mark (not an apostrophe or a hyphen: German's genitive "%ss", a compound's
# "%s-Datei")
_APART = ' \t\n.,;:!?)]"»«“”…/'
# the endings German writes glued to a field (Duden: "3mal", "3fach", "die 90er"), each a whole
# word: "{0}malige" is not one of them
_GERMAN_ENDINGS = re.compile(r"mal|fach(?:e[mnrs]?)?|ern?")
_GENITIVE = "s"  # "%ss Profil", not after a number's conversion ("%ds" is a unit glued)
_NUMBER_CONVERSIONS = "diufFeEgGxXo"
# a brace right before or after a field, or a brace and hyphened words joined to it: a piece of
# an AsciiDoc attribute's name written again (``{product-name}-Name}``); a word alone between
# is the model's (``{b}Schwert}``: a tag that lost its end, reported so)
_BRACE_BEFORE = re.compile(r"(?:[{}]|[{}](?:[^\W_]+-)+)$")
_BRACE_AFTER = re.compile(r"[{}]|(?:-[^\W_]+)+[{}]")
# the marks that join fields (``{{month}}/{{year}}``, ``{a}|{b}``) or escape one (``\\{name}``)
_MARKS = "/\\|"


def glued_words(source: str, target: str) -> list[tuple[str, str]]:
    """The fields of ``target`` with a letter or digit right after them where ``source``
    follows each of its copies of the field with a space or a punctuation mark, as ``(field,
    word)``: ``("%<count>d", "nlese")`` for ``%<count>dnlese``; a numbered argument
    (``%2$s``) stands for the source's conversion. A German ending (:func:`_german_ending`)
    is none."""
    aliases = positional_aliases(source)
    after: dict[str, set[str]] = {}
    for placeholder in find_placeholders(source):
        after.setdefault(placeholder.text, set()).add(source[placeholder.end : placeholder.end + 1])
    glued = []
    for placeholder in find_placeholders(target):
        word = _WORD.match(target, placeholder.end)
        followers = after.get(aliases.get(placeholder.text, placeholder.text), set())
        if (
            placeholder.kind in _FIELD_KINDS
            and word is not None
            and followers
            and all(char and char in _APART for char in followers)
            and not _german_ending(placeholder, word[0])
        ):
            glued.append((placeholder.text, word[0]))
    return glued


def _german_ending(placeholder: Placeholder, word: str) -> bool:
    """Whether ``word``, glued to ``placeholder``, is an ending German glues to a field: a
    genitive's ``s`` (not after a number's printf conversion), ``mal``, ``fach``, ``er``."""
    if word == _GENITIVE:
        return not (placeholder.kind == "printf" and placeholder.text[-1] in _NUMBER_CONVERSIONS)
    return _GERMAN_ENDINGS.fullmatch(word) is not None


def stray_braces(source: str, target: str) -> list[tuple[str, str]]:
    """The braces ``target`` writes right beside a field of braces (``%{title}``, ``{name}``)
    outside its placeholders that ``source`` does not write beside it, as ``(brace, field)``:
    ``("}", "%{title}")`` for ``%{title}}``. Where ``source`` is an ICU message with branches,
    a brace that opens or closes a branch of ``target`` around more than the field is none
    (``{count, plural, one {{count}-Tag} ...}``)."""
    written = set(_braces_beside(source, {}))
    branches = _brace_partners(target) if is_branching(source) else {}
    return [
        (brace, field)
        for field, side, brace in _braces_beside(target, branches)
        if (field, side, brace) not in written
    ]


def _braces_beside(text: str, partners: dict[int, int]) -> list[tuple[str, str, str]]:
    """The braces of ``text`` outside its placeholders before or after a field of braces, right
    beside it or joined to it by hyphened words (:data:`_BRACE_AFTER`), as ``(field, side,
    brace)``: ``("%{title}", "after", "}")``, ``("{product-name}", "after", "-Name}")`` (the
    model's ``{product-name}-Name}``: a piece of the field written again); not one that
    ``partners`` (:func:`_brace_partners`) says opens or closes a branch (:func:`_opens_branch`)."""
    found = find_placeholders(text)
    inside = {at for p in found for at in range(p.start, p.end)}
    beside = []
    for placeholder in found:
        if "{" not in placeholder.text or placeholder.kind not in _FIELD_KINDS:
            continue
        if is_escaped_brace(placeholder.text):  # {{name}: the field {name}, a brace before it
            beside.append((placeholder.text[1:], "before", "{"))
        field = placeholder.start, placeholder.end
        before = _BRACE_BEFORE.search(text, 0, placeholder.start)
        after = _BRACE_AFTER.match(text, placeholder.end)
        if (
            before is not None
            and before.start() not in inside
            and not _opens_branch(partners, before.start(), field)
        ):
            beside.append((placeholder.text, "before", before[0]))
        if (
            after is not None
            and after.end() - 1 not in inside
            and not _opens_branch(partners, after.end() - 1, field)
        ):
            beside.append((placeholder.text, "after", after[0]))
    return beside


def _brace_partners(text: str) -> dict[int, int]:
    """Each brace of ``text`` and the brace that closes or opens it, where all of its braces
    are balanced (an ICU message's branches: ``{count, plural, one {{count}-Tag} ...}``); else
    none."""
    partners: dict[int, int] = {}
    opened: list[int] = []
    for at, character in enumerate(text):
        if character == "{":
            opened.append(at)
        elif character == "}":
            if not opened:
                return {}
            start = opened.pop()
            partners[start], partners[at] = at, start
    return {} if opened else partners


def _opens_branch(partners: dict[int, int], brace: int, field: tuple[int, int]) -> bool:
    """Whether ``brace`` opens or closes braces around more than the ``field`` (``(start,
    end)``) beside it: an ICU branch's (``{{name}-Ordner}``), not a field's brace written twice
    (``{{name}}``)."""
    partner = partners.get(brace)
    if partner is None:
        return False
    start, end = sorted((brace, partner))
    return start < field[0] and field[1] <= end and (start, end) != (field[0] - 1, field[1])


def stray_marks(source: str, target: str) -> list[tuple[str, str, str]]:
    """The runs of marks that join or escape fields (:data:`_MARKS`: ``/``, ``\\``, ``|``)
    that ``target`` writes right beside a field and ``source`` beside none of its fields in
    that way, as ``(marks, field, wanted)``, ``wanted`` being the run the source writes there
    (``""``: none): ``("/\\", "{{month}}", "/")`` for ``{{month}}/\\{{year}}``, ``("/",
    "{{to}}", "")`` for ``{{from}}/{{to}}/`` (the source's ``/`` stands between two fields,
    this one at the text's end), ``("//", "{{a}}", "/")`` for ``{{a}}//{{b}}``. A run is
    compared by its side and what stands on its other side (:func:`_runs_beside`), not by its
    field: a translation may put the fields in another order (``{{year}}/{{month}}``)."""
    source_runs = _runs_beside(source)
    written = {(side, other): run for _, side, run, other, _ in source_runs}
    return [
        (run, field, written.get((side, other), ""))
        for _, run, field, side, other in _stray_runs(source_runs, target)
    ]


def without_stray_backslashes(source: str, text: str) -> str:
    """``text`` without the backslashes of its stray marks (:func:`stray_marks`) where
    ``source`` writes no backslash outside its placeholders: what is left of a field the model
    garbled once the repair put the field back and dropped the braces around it (``Expires
    {{{month}/{\\}}}`` → ``Expires {{month}}/\\{{year}}``)."""
    if "\\" not in text or "\\" in without_placeholders(source):
        return text
    pieces, position = [], 0
    for start, run, *_ in _stray_runs(_runs_beside(source), text):
        if start < position or "\\" not in run:
            continue
        pieces += [text[position:start], run.replace("\\", "")]
        position = start + len(run)
    return "".join(pieces) + text[position:]


def _stray_runs(
    source_runs: list[tuple[str, str, str, str, int]], target: str
) -> list[tuple[int, str, str, str, str]]:
    """The runs of :func:`stray_marks` with where each starts in ``target``: ``(start, marks,
    field, side, other)``, left to right, a run between two fields once; ``source_runs``: the
    source's runs (:func:`_runs_beside`), read once by the caller."""
    written = {(side, run, other) for _, side, run, other, _ in source_runs}
    stray: dict[int, tuple[int, str, str, str, str]] = {}
    for field, side, run, other, start in _runs_beside(target):
        if (side, run, other) not in written:
            stray.setdefault(start, (start, run, field, side, other))
    return sorted(stray.values())


def _runs_beside(text: str) -> list[tuple[str, str, str, str, int]]:
    """Each run of :data:`_MARKS` right after or before a field of ``text`` (outside its
    placeholders), as ``(field, side, marks, other, start)``: ``other`` is what stands on the
    run's other side, ``"placeholder"``, ``"edge"`` (the text's start or end) or ``"text"``.
    The runs are cut with ``str.strip``, in linear time."""
    found = find_placeholders(text)
    runs = []
    for i, placeholder in enumerate(found):
        if placeholder.kind not in _FIELD_KINDS or placeholder.text == "%%":
            continue
        following = found[i + 1] if i + 1 < len(found) else None
        gap = text[placeholder.end : following.start if following else len(text)]
        run = gap[: len(gap) - len(gap.lstrip(_MARKS))]
        if run:
            other = "text" if run != gap else "placeholder" if following else "edge"
            runs.append((placeholder.text, "after", run, other, placeholder.end))
        previous = found[i - 1] if i else None
        gap = text[previous.end if previous else 0 : placeholder.start]
        run = gap[len(gap.rstrip(_MARKS)) :]
        if run:
            other = "text" if run != gap else "placeholder" if previous else "edge"
            runs.append((placeholder.text, "before", run, other, placeholder.start - len(run)))
    return runs
