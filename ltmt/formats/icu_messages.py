"""ICU MessageFormat plural and select messages, case by case.

``You have {count, plural, one {# file} other {# files}}.`` is one message with one branching
argument. A model cannot translate it whole (it would translate the keywords and break the
braces), and a branch alone (``# file``) is no sentence. So the message is *expanded*: each
case becomes a full sentence, the text around the argument included (``You have # file.``),
the way ICU's own guidelines ask messages to be written, and the translations are *assembled*
into one message with the text inside the branches:
``{count, plural, one {Sie haben # Datei.} other {Sie haben # Dateien.}}``.

A message with several branching arguments, side by side (``{count, plural, ...} in
{folders, plural, ...}``) or one inside another's branch (``{gender, select, female {{count,
plural, ...}} ...}``), has a case for each combination of their branches: a path of
``(argument, key)`` from the outermost. Its translation is assembled with the arguments nested
in that order, each case's whole sentence in the innermost branch, as ICU's guidelines
recommend.

An ordinal (``selectordinal``) gets the target language's ordinal categories (German has only
``other``: ``#.`` for every number), and its ``#`` with an English ordinal's ending (``#th``)
goes to the model as a number of its case (``4th``; ``1st``, ``2nd``, ``3rd`` for ``one``,
``two``, ``few``), which it writes as the target language writes ordinals (``4.``), and that
number back as ``#`` (``#.``): as ``%dth`` it kept the English ending (``Sie haben #rd``).

A plural's ``#`` (its number) is handed to the model as ``%d``, which the placeholder repair
keeps (and which the default model translates around as a number, where it glued ``{0}`` to
the next word: ``{0}-Dateien``), and turned back after: into ``#`` where its argument is the
innermost of the assembled case, else into ``{count}``; a memory's ``%d`` in a case whose
source writes ``{count}`` (or no number) as that case writes it, and a translation read back
with its number as its source's case writes it (:mod:`ltmt.formats.plural_numbers`: a stored
pair names no argument of the message it came from). A ``#`` that is text (outside a plural's
branch, or in a select's inside one) is written ``'#'`` where the assembled case puts it inside
a plural's branch.

A message that writes an apostrophe doubled (``It''s``, ICU's escaped apostrophe) is handed
to the model with single ones, and its translation's apostrophes doubled back (``Es''s``):
:func:`unescaped_apostrophes` and :func:`escaped_apostrophes`, which a message that does not
branch goes through too (``Don''t miss {name}''s update.``: as ``''`` the model wrote ``»«``).

Messages this module does not take apart (:class:`Unsupported`): ``#`` of two plurals in one
case, one argument branching twice, more than :data:`MOST_CASES` cases, ICU's apostrophe
quoting of syntax (``'{'``, FormatJS's ``'<'``: :mod:`ltmt.formats.icu_quoted_brackets`),
unbalanced braces, a branching argument without an ``other``
branch.
:func:`syntax_problem` says what ICU itself would reject in a message (a translation's
``{count, Zahl}``, ``{n, Plural, ... andere {...}}``; not Angular's placeholder,
``{$INTERPOLATION}``, which Angular puts in before ICU reads the message): ``ltmt qa``'s
``icu`` check, which reads a message without its markup (:func:`without_markup`: an XLIFF
code's ``equiv-text="{{n}}"``).
:func:`case_pairs` pairs a translation's cases with the source's cases they translate, so that
``ltmt qa`` compares placeholders case by case (a branch's text is no placeholder);
:func:`branch_starts` says where each branch's text starts (qa's formality check reads a
``female {Sie ...}`` branch's first word by the source's branch).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from rapidfuzz.distance import Levenshtein

from ltmt.formats.angular_json import PLACEHOLDER as ANGULAR_PLACEHOLDER
from ltmt.formats.attribute_values import ANY_TAG
from ltmt.formats.icu_quoted_brackets import QUOTED_RUN
from ltmt.formats.placeholder_syntax import ICU_SIMPLE_TYPES
from ltmt.formats.plural_numbers import (
    NUMBER_FIELD,
    number_for,
    number_renamed,
    spelled_as_source,
)
from ltmt.formats.plurals import (
    field_as_number,
    number_as_field,
    ordinal_as_number,
    within_exact_values,
    written_categories,
)

_HEAD = re.compile(r"\{\s*([\w.-]+)\s*,\s*(plural|select|selectordinal)\s*,", re.DOTALL)
_OFFSET = re.compile(r"\s*offset\s*:\s*(\d+)")
_KEY = re.compile(r"\s*(=\d+|[\w-]+)\s*\{")
_SPACES = re.compile(r"\s*")
_NUMBER_FIELD = NUMBER_FIELD
_COUNTING = ("plural", "selectordinal")
_QUOTED_NUMBER = "'#'"  # a plural branch's literal '#'
_NUMBER_OR_QUOTED = re.compile(r"'#'|#")
# ICU's quoting other than '#' (what this module writes): not taken apart, but for an
# escaped apostrophe ('')
_QUOTING = re.compile(r"'[{}#]|''")
_APOSTROPHE, _ESCAPED_APOSTROPHE = "'", "''"
# vue-i18n's literal ({'@'}, {'|'}, a brace's {'{'} and {'}'}): no ICU quoting, in a file
# that is not ICU throughout; but after an apostrophe it is ICU's quoted braces ('{'name'}': a
# literal {name})
_VUE_LITERAL = re.compile(r"(?<!')\{'(?:[^'{}]*|[{}])'\}")
# what holds a "#" that is no text of a message: a quoted '#', an argument (``{n, number,
# #,##0}``), a character reference (``&#39;``)
_NOT_A_HASH = re.compile(r"'#'|\{[^{}]*\}|&#\w+;")
MOST_CASES = 64  # a message with more is left to a person
# an argument that does not branch: {name}, {name, type} or {name, type, style}
_SIMPLE_ARGUMENT = re.compile(r"\{\s*[\w.-]+\s*(?:,\s*([^\s,{}]+)\s*(?:,[^{}]*)?)?\}")
# Angular's placeholder in its ICU messages (``ng extract-i18n --format=json``:
# ``{$INTERPOLATION}``, ``{$START_LINK}``), which Angular puts in before ICU reads the message
_ANGULAR_PLACEHOLDER = re.compile(ANGULAR_PLACEHOLDER)
# the type an argument names (``Zahl`` of ``{count, Zahl}``; ``Plural`` of ``{n, Plural, ...``)
_ARGUMENT_TYPE = re.compile(r"\{\s*[\w.-]+\s*,\s*([^\s,{}]+)")
_ARGUMENT_TYPES = (*ICU_SIMPLE_TYPES, "plural", "select", "selectordinal")
# a near miss of an argument type (``numbr``, ``plurl``): at most this many edits from one, in
# a word of at least this many letters (``{x, y}`` of coordinates is text)
_MOST_TYPE_EDITS, _FEWEST_LETTERS_OF_A_MISS = 2, 4
# i18next's field (``{{value, number}}``): its type is i18next's, no ICU argument's
_DOUBLE_BRACED = re.compile(r"\{\{[^{}]*\}\}")
# the keys a plural or an ordinal may have: CLDR's categories, and exact values (``=0``)
_PLURAL_KEY = re.compile(r"=\d+|zero|one|two|few|many|other")

# markup in a message (a rich-text tag, ``<b>``; an XLIFF inline code, whose attributes may
# hold braces that are no part of the message: ``<x id="1" equiv-text="{{minutes}}"/>``)
_MARKUP = re.compile(ANY_TAG)

CASE_SEPARATOR = "|"  # between the keys of a case's path in its name (``female|one``)

CasePath = tuple[tuple[str, str], ...]  # (argument, key) of each branch taken, outermost first


class Unsupported(ValueError):
    """A branching message that cannot be taken apart here."""


@dataclass(frozen=True)
class Argument:
    """A branching argument: its ``name``, ``kind`` (plural, select, selectordinal), plural
    ``offset`` ("" for none) and ``branches``: each key's message, as parts."""

    name: str
    kind: str
    offset: str
    branches: dict[str, tuple[Part, ...]]

    @property
    def counts(self) -> bool:
        """Whether ``#`` in its branches stands for the number."""
        return self.kind in _COUNTING


Part = str | Argument


@dataclass(frozen=True)
class Case:
    """One combination of a message's branches as a whole message: ``text`` as the model
    should see it (its argument's ``#`` as ``%d``), and ``counted_by``: the argument whose
    number ``%d`` stands for (``None``: no ``#``); ``keeps_hash``: the case has a ``%d`` of its
    own, so its ``#`` goes to the model and comes back as it is; ``ordinal``: the number that
    stands for an ordinal's ``#`` in ``text`` (``4`` of ``4th``: module docstring), or ""."""

    path: CasePath
    text: str
    counted_by: str | None
    keeps_hash: bool = False
    ordinal: str = ""

    @property
    def name(self) -> str:
        """The case's name: its keys (``one``; ``female|one``)."""
        return case_name(self.path)


def case_name(path: CasePath) -> str:
    """The name of the case at ``path`` (:attr:`Case.name`)."""
    return CASE_SEPARATOR.join(key for _, key in path)


@dataclass(frozen=True)
class Expansion:
    """A branching message taken apart: its ``cases`` in order, and its ``arguments`` by
    name."""

    cases: tuple[Case, ...]
    arguments: dict[str, Argument]
    doubles_apostrophes: bool = False  # the message writes ``''``: its cases hold ``'``

    @property
    def plural(self) -> bool:
        """Whether one of its arguments is a plural."""
        return any(argument.kind == "plural" for argument in self.arguments.values())

    def case(self, path: CasePath) -> Case:
        """The case at ``path``."""
        return next(case for case in self.cases if case.path == path)

    def target_paths(
        self,
        categories: tuple[str, ...],
        ordinals: tuple[str, ...] | None = None,
        *,
        language: str = "",
        keeps_zero: bool = False,
    ) -> list[tuple[CasePath, CasePath]]:
        """``(target path, source path)`` of each case a translation has: a plural's exact
        values (``=0``) and the target language's ``categories`` (a category the source lacks
        translated from its ``other``; none the source lacks whose every number ``language``
        gives an exact value of the source: German's ``one`` beside ``=1``, not added, but kept
        where the source has it; the source's ``zero`` kept where
        ``keeps_zero``, Flutter's, which reads it for 0 in every language), an ordinal's exact
        values and the target language's ``ordinals`` the same way (None: its keys as the
        source has them); a select's keys as the source has them."""
        keys = {"plural": categories} | ({"selectordinal": ordinals} if ordinals else {})
        targets = _Targets(keys, language, keeps_zero)
        return list(self._targets([case.path for case in self.cases], targets))

    def _targets(
        self, paths: list[CasePath], targets: _Targets
    ) -> Iterator[tuple[CasePath, CasePath]]:
        if not paths[0]:
            yield (), ()
            return
        name = paths[0][0][0]
        by_key: dict[str, list[CasePath]] = {}
        for path in paths:
            by_key.setdefault(path[0][1], []).append(path[1:])
        keys = list(by_key)
        kind = self.arguments[name].kind
        if kind in targets.categories:
            keys = targets.keys(kind, keys, int(self.arguments[name].offset or 0))
        for key in keys:
            source_key = key if key in by_key else "other"
            for target, source in self._targets(by_key[source_key], targets):
                yield ((name, key), *target), ((name, source_key), *source)

    def from_model(self, source: CasePath, text: str) -> str:
        """A translation of the case at ``source``'s text, its ``%d`` and ``#`` written as
        the assembled message needs them (module docstring)."""
        case = self.case(source)
        if self.doubles_apostrophes:
            text = escaped_apostrophes(text)
        if case.keeps_hash:
            return text
        text = number_as_field(text, case.ordinal, _NUMBER_FIELD)  # an ordinal's ``4.``
        if (own := self._own_plural(source)) is not None:  # an older match's {count} for {n}
            text = number_renamed(text, case.text, own)
        innermost = self.arguments[source[-1][0]]
        if innermost.counts:
            text = text.replace("#", _QUOTED_NUMBER)
        if case.counted_by is not None:
            number = "#" if case.counted_by == innermost.name else f"{{{case.counted_by}}}"
            text = text.replace(_NUMBER_FIELD, number)
        elif own is not None and (written := number_for(case.text, own)):
            text = text.replace(_NUMBER_FIELD, written)  # a match's %d, as this case writes it
        return text

    def _own_plural(self, source: CasePath) -> str | None:
        """The name of the plural the case at ``source`` is innermost in, where ``#`` and its
        argument print the same number (no offset); else None."""
        argument = self.arguments[source[-1][0]] if source else None
        if argument is None or argument.kind != "plural" or argument.offset:
            return None
        return argument.name

    def number_as_source(self, source: CasePath, text: str) -> str:
        """``text``, a translation of the case at ``source`` read back (its ``#`` as ``%d``),
        with the number written as that case writes it: ``{count}`` as ``%d`` where the source
        writes ``#``, ``%d`` as ``{count}`` where it writes ``{count}``
        (:func:`~ltmt.formats.plural_numbers.spelled_as_source`)."""
        case = self.case(source)
        own = self._own_plural(source)
        return text if own is None or case.keeps_hash else spelled_as_source(text, case.text, own)

    def number_written(self, source: CasePath) -> frozenset[str]:
        """How the case at ``source`` can write its plural's number: ``#`` (``%d`` in a case's
        text) or the argument itself (``{count}``), the same value; none outside a plural, or
        where an offset makes ``#`` another number (``offset:1``: ``#`` is ``count`` - 1)."""
        own = self._own_plural(source)
        return frozenset() if own is None else frozenset({_NUMBER_FIELD, f"{{{own}}}"})

    def as_read(self, source: CasePath, text: str) -> str:
        """A translation read back from a file (its ``#`` as ``%d``: :func:`expand`) of the case
        at ``source``, written as that case's text is: its plural's number as the case writes it
        (:meth:`number_as_source`), its one ``%d`` as the number an ordinal's case stands for
        (``Du hast %d.`` → ``Du hast 4.`` beside ``You came 4th``)."""
        text = self.number_as_source(source, text)
        return field_as_number(text, _NUMBER_FIELD, self.case(source).ordinal)

    def assemble(self, texts: dict[CasePath, str]) -> str:
        """One message of the translated cases ``texts`` (by target path, in order; each as
        :meth:`from_model` gives it)."""
        return self._assembled(list(texts.items()))

    def _assembled(self, items: list[tuple[CasePath, str]]) -> str:
        if not items[0][0]:
            return items[0][1]
        argument = self.arguments[items[0][0][0][0]]
        by_key: dict[str, list[tuple[CasePath, str]]] = {}
        for path, text in items:
            by_key.setdefault(path[0][1], []).append((path[1:], text))
        offset = f" offset:{argument.offset}" if argument.offset else ""
        cases = " ".join(f"{key} {{{self._assembled(group)}}}" for key, group in by_key.items())
        return f"{{{argument.name}, {argument.kind},{offset} {cases}}}"


@dataclass(frozen=True)
class _Targets:
    """The keys a translation's plurals and ordinals get (:meth:`Expansion.target_paths`):
    the target ``language``'s ``categories`` by argument kind."""

    categories: dict[str, tuple[str, ...]]
    language: str
    keeps_zero: bool

    def keys(self, kind: str, source_keys: list[str], offset: int = 0) -> list[str]:
        """The keys of a translation of an argument of ``kind`` (with ``offset``, a plural's)
        with ``source_keys``: a category the source's exact values cover is left out only where
        the source lacks it (it is not added); one the source has is kept."""
        exact = [key for key in source_keys if key.startswith("=")]
        tags = self.categories[kind]
        if kind == "plural":
            tags = written_categories(tags, source_keys) if self.keeps_zero else tags
            tags = tuple(
                t
                for t in tags
                if t in source_keys or not within_exact_values(self.language, t, exact, offset)
            )
        return exact + list(tags)


def is_branching(message: str) -> bool:
    """Whether ``message`` has an ICU plural or select argument."""
    return _HEAD.search(message) is not None


def branching_heads(message: str) -> dict[str, str]:
    """The name and kind of each branching argument ``message`` opens (``{count, plural,``:
    ``{"count": "plural"}``), read from its heads alone, so also of a message ICU rejects."""
    return {head.group(1): head.group(2) for head in _HEAD.finditer(message)}


def branching_arguments(message: str) -> dict[str, Argument]:
    """The branching arguments of ``message``, nested ones too, by name; :class:`Unsupported`
    where it is no valid ICU message (:func:`syntax_problem`)."""
    arguments: dict[str, Argument] = {}
    _collect(_parse(message, 0, len(message)), arguments)
    return arguments


def branch_keys(message: str) -> dict[str, list[str]]:
    """The keys of each branching argument of ``message`` by name, in order, those of its
    nested repeats together (a select of ``gender`` in each branch of a plural, which may
    have other keys each); :class:`Unsupported` where it is no valid ICU message."""
    keys: dict[str, list[str]] = {}
    _collect_keys(_parse(message, 0, len(message)), keys)
    return keys


def literal_text(message: str) -> str:
    """The text of ``message``'s literals and its branches', without ICU's syntax (the blanks
    and line breaks between a plural's branches, which a YAML file writes one a line);
    :class:`Unsupported` where it is no valid ICU message."""
    return "".join(_literals(_parse(message, 0, len(message))))


def number_moved_out(source: str, target: str) -> bool:
    """Whether ``target``, a translation of ``source`` with a plural (or an ordinal), writes
    more ``#`` as text than ``source`` does (:func:`hashes_as_text`): ``# {count, plural, one
    {Du hast Datei gelöscht.} ...}`` prints a literal "#" beside the sentence, not the number
    (trial s75). False where either is no valid ICU message."""
    try:
        counts = any(argument.counts for argument in branching_arguments(target).values())
        return counts and hashes_as_text(target) > hashes_as_text(source)
    except Unsupported:
        return False


def hashes_as_text(message: str) -> int:
    """How many ``#`` of ``message`` ICU prints as they stand: outside a plural's (or an
    ordinal's) branches, or in a select's inside one; not a quoted ``'#'``, nor one in an
    argument's braces (``{n, number, #,##0}``) or a character reference (``&#39;``).
    :class:`Unsupported` where it is no valid ICU message."""
    return _hashes_as_text(_parse(message, 0, len(message)), counting=False)


def _hashes_as_text(parts: tuple[Part, ...], counting: bool) -> int:
    """:func:`hashes_as_text` of ``parts``, a ``counting`` argument's branch or not."""
    found = 0
    for part in parts:
        if isinstance(part, Argument):
            found += sum(_hashes_as_text(b, part.counts) for b in part.branches.values())
        elif not counting:
            found += _NOT_A_HASH.sub("", part).count("#")
    return found


def unescaped_apostrophes(message: str) -> str:
    """``message`` with ICU's escaped apostrophes (``''``) as the one apostrophe ICU shows:
    the text the model gets (``Don''t`` → ``Don't``)."""
    return message.replace(_ESCAPED_APOSTROPHE, _APOSTROPHE)


def escaped_apostrophes(text: str) -> str:
    """``text`` (a translation of :func:`unescaped_apostrophes`' text) with each apostrophe
    escaped as ICU reads it (``Gibt's`` → ``Gibt''s``)."""
    return text.replace(_APOSTROPHE, _ESCAPED_APOSTROPHE)


def quotes_syntax(message: str, *, icu: bool) -> bool:
    """Whether ``message`` writes ICU syntax quoted (``'{'``, ``'}'``; where the file is ``icu``
    throughout, as an ARB file is, also ``'#'``; an escaped apostrophe, ``''``, is none:
    :func:`unescaped_apostrophes`): the model would translate the
    quotes (``»{«``) and break the message, so it is left to a person. vue-i18n's literals
    (``{'@'}``, a linked message's ``@:{'key'}``) are no such quoting where the file is not
    ``icu``: they are placeholders."""
    if not icu:
        message = _VUE_LITERAL.sub("", message)
    # every quoting, not the first alone: "Don''t ... '{'name'}'" quotes braces after an ''
    found = {quoting.group() for quoting in _QUOTING.finditer(message.replace(_QUOTED_NUMBER, ""))}
    found.discard(_ESCAPED_APOSTROPHE)
    return bool(found) and (icu or bool(found & {"'{", "'}"}))


def has_arguments_with_types(message: str) -> bool:
    """Whether ``message`` has an ICU argument with a type (``{n, number}``, a plural or a
    select) or a near miss of one (``{count, plurl, ...}``, which ICU rejects): it is meant as
    ICU, not a Python format string, a template's ``{name}`` or ``{{value, number}}``, nor text
    in braces (``Coordinates {x, y}``); or an argument's head whose brace is never closed
    (``Hello {name, welcome back``): ICU syntax, which ICU rejects, not text."""
    text = _DOUBLE_BRACED.sub("", message)
    types = list(_ARGUMENT_TYPE.finditer(text))
    return any(_is_or_near_argument_type(found.group(1)) for found in types) or any(
        _never_closed(text, found.start()) for found in types
    )


def _never_closed(text: str, start: int) -> bool:
    """Whether the brace at ``start`` of ``text`` is never closed."""
    try:
        _closing(text, start, len(text))
    except Unsupported:
        return True
    return False


def _is_or_near_argument_type(word: str) -> bool:
    """Whether ``word``, written where an ICU argument's type goes, is one of ICU's types or,
    being long enough to be no variable's name, a typo of one (``numbr``)."""
    if word in _ARGUMENT_TYPES:
        return True
    return len(word) >= _FEWEST_LETTERS_OF_A_MISS and any(
        Levenshtein.distance(word, known) <= _MOST_TYPE_EDITS for known in _ARGUMENT_TYPES
    )


def syntax_problem(message: str) -> str | None:
    """What makes ``message`` no valid ICU message (unbalanced braces, an argument type ICU
    does not have, ``{count, Zahl}``, a plural without its ``other`` branch or with a key that
    is no plural category, ``andere``), or None. Apostrophe quoting is not read (None), but
    for an escaped apostrophe (``''``)."""
    if _quotes_syntax(message):
        return None
    try:
        _check_parts(_parse(message, 0, len(message)))
    except Unsupported as problem:
        return str(problem)
    return None


def _check_parts(parts: tuple[Part, ...]) -> None:
    """Raise :class:`Unsupported` at the first argument of ``parts`` that ICU rejects."""
    for part in parts:
        if isinstance(part, str):
            _check_simple_arguments(part)
            continue
        for key, branch in part.branches.items():
            if part.counts and not _PLURAL_KEY.fullmatch(key):
                raise Unsupported(f"{part.kind} key {key!r} is no plural category or =number")
            _check_parts(branch)


def _check_simple_arguments(text: str) -> None:
    """Raise :class:`Unsupported` at the first brace of ``text`` (literal text and arguments
    that do not branch) that is no ICU argument."""
    index = text.find("{")
    while index != -1:
        close = _closing(text, index, len(text))
        argument = text[index : close + 1]
        if _ANGULAR_PLACEHOLDER.fullmatch(argument):
            index = text.find("{", close)
            continue
        named = _ARGUMENT_TYPE.match(argument)
        if named is not None and named.group(1) not in _ARGUMENT_TYPES:
            raise Unsupported(f"{named.group()!r}: ICU has no argument type {named.group(1)!r}")
        found = _SIMPLE_ARGUMENT.fullmatch(argument)
        if found is None or (found.group(1) or "number") not in ICU_SIMPLE_TYPES:
            shown = argument if len(argument) <= 30 else f"{argument[:29]}\u2026"
            raise Unsupported(f"{shown!r} is no ICU argument ({{name}}, {{name, type}})")
        index = text.find("{", close)


def without_markup(message: str) -> str:
    """``message`` with its markup (tags, XLIFF inline codes) blanked out, as many spaces as
    it had characters: what ICU parses, each brace where it was."""
    return _MARKUP.sub(lambda markup: " " * len(markup.group()), message)


def case_pairs(source: str, target: str) -> list[tuple[str, str, str]] | None:
    """Each case of ``target``, a translation of the branching message ``source``: its name,
    its source case's text and its own (a plural category the source lacks is translated
    from its ``other``, as :meth:`Expansion.target_paths` has it); None where either is not
    taken apart here or ``target`` branches on an argument or a key the source lacks."""
    if not is_branching(without_markup(source)) or not is_branching(without_markup(target)):
        return None
    try:
        of_source, of_target = expand(source), expand(target)
    except Unsupported:
        return None
    paths = {case.path for case in of_source.cases}
    branches = {step for path in paths for step in path}
    pairs = []
    for case in of_target.cases:
        path = tuple(_source_step(step, branches, of_source) for step in case.path)
        if path not in paths:
            return None
        translated = of_source.number_as_source(path, _with_number(case))  # {count} for #
        pairs.append((case.name, _with_number(of_source.case(path)), translated))
    return pairs


def branch_starts(message: str) -> list[tuple[str, str, int]]:
    """Where the text of each branch of ``message``'s branching arguments starts, nested ones
    too: its argument's name, its key and the index of its first character, in the order the
    branches are written; an argument whose braces or keys do not parse gives none. Each brace
    is paired once (:func:`_brace_pairs`), so a long message of unclosed heads takes linear
    time."""
    closing = _brace_pairs(message)
    starts: list[tuple[str, str, int]] = []
    for head in _HEAD.finditer(message):
        close = closing.get(head.start())
        if close is None:
            continue
        position = head.end()
        if found := _OFFSET.match(message, position, close):
            position = found.end()
        branches: list[tuple[str, str, int]] = []
        while (spaces := _SPACES.match(message, position, close)) and spaces.end() < close:
            key = _KEY.match(message, position, close)
            end = closing.get(key.end() - 1) if key is not None else None
            if key is None or end is None or end > close:
                branches = []
                break
            branches.append((head.group(1), key.group(1), key.end()))
            position = end + 1
        starts += branches
    return sorted(starts, key=lambda start: start[2])


def _brace_pairs(text: str) -> dict[int, int]:
    """The index of each ``{`` of ``text`` that is closed, and that of the ``}`` closing it."""
    pairs: dict[int, int] = {}
    opened: list[int] = []
    for index, char in enumerate(text):
        if char == "{":
            opened.append(index)
        elif char == "}" and opened:
            pairs[opened.pop()] = index
    return pairs


def _with_number(case: Case) -> str:
    """``case``'s text with its ``#`` as ``%d``, an ordinal's too (``%dth``, not ``4th``)."""
    return number_as_field(case.text, case.ordinal, _NUMBER_FIELD)


def _source_step(
    step: tuple[str, str], branches: set[tuple[str, str]], of_source: Expansion
) -> tuple[str, str]:
    """The source's branch that a translation's branch ``step`` translates: a plural category
    the source's argument lacks (German's ``one`` of a source with ``=1``) is its ``other``."""
    name, key = step
    argument = of_source.arguments.get(name)
    category = argument is not None and argument.counts and not key.startswith("=")
    return (name, "other") if category and step not in branches else step


def expand(message: str) -> Expansion:
    """The cases of ``message`` as whole messages; raises :class:`Unsupported`."""
    if _quotes_syntax(message) or QUOTED_RUN.search(message):  # '{', '<'Enter'>'
        raise Unsupported("ICU apostrophe quoting")
    parts = _parse(message, 0, len(message))
    arguments: dict[str, Argument] = {}
    _collect(parts, arguments)
    if not arguments:
        raise Unsupported("no plural or select argument")
    cases: list[Case] = []
    for path, pieces in _combinations(parts, None):
        if len(cases) == MOST_CASES:
            raise Unsupported(f"more than {MOST_CASES} cases")
        names = [name for name, _ in path]
        if len(set(names)) < len(names):
            raise Unsupported(f"argument {names[0]!r} branches twice in one case")
        cases.append(_case(path, pieces, arguments))
    if _ESCAPED_APOSTROPHE not in message:
        return Expansion(tuple(cases), arguments)
    single = [replace(c, text=unescaped_apostrophes(c.text)) for c in cases]
    return Expansion(tuple(single), arguments, doubles_apostrophes=True)


def _quotes_syntax(message: str) -> bool:
    """Whether ``message`` quotes ICU syntax with apostrophes (``'{'``): its ``'#'`` (what this
    module writes) and its escaped apostrophes (``''``) aside."""
    text = message.replace(_QUOTED_NUMBER, "").replace(_ESCAPED_APOSTROPHE, "")
    return _QUOTING.search(text) is not None


def _case(path: CasePath, pieces: list[tuple[str, str | None]], arguments: dict) -> Case:
    """The case at ``path`` of text ``pieces`` (each with the argument whose ``#`` it holds)."""
    if any(not owner and _QUOTED_NUMBER in text for text, owner in pieces):
        raise Unsupported("'#' quoted outside a plural")  # ICU writes it as it stands there
    owners = {owner for text, owner in pieces if owner and "#" in text.replace(_QUOTED_NUMBER, "")}
    if len(owners) > 1:
        raise Unsupported(f"'#' of {len(owners)} plurals in one case")
    counted_by = owners.pop() if owners else None
    if counted_by is not None and any(_NUMBER_FIELD in text for text, _ in pieces):
        # the model's %d would be ambiguous: '#' goes to it as it is, and comes back as it is
        if counted_by != path[-1][0]:
            raise Unsupported(f"{_NUMBER_FIELD} beside a '#' of an argument inside another")
        return Case(path, "".join(text for text, _ in pieces), counted_by, keeps_hash=True)
    if counted_by is not None and counted_by != path[-1][0] and arguments[counted_by].offset:
        raise Unsupported(f"'#' of {counted_by!r} (with an offset) inside another argument")
    text = "".join(_for_model(text) if owner else text for text, owner in pieces)
    if counted_by is not None and arguments[counted_by].kind == "selectordinal":
        return _ordinal_case(Case(path, text, counted_by))
    return Case(path, text, counted_by)


def _ordinal_case(case: Case) -> Case:
    """An ordinal's case with its ``%d`` before an English ordinal's ending given to the model as
    a number of its category (:func:`ltmt.formats.plurals.ordinal_as_number`)."""
    key = dict(case.path)[str(case.counted_by)]
    text, number = ordinal_as_number(case.text, _NUMBER_FIELD, key)
    return replace(case, text=text, ordinal=number)


def _for_model(text: str) -> str:
    """A plural branch's own text as the model sees it: ``#`` as ``%d``, ``'#'`` as ``#``."""
    return _NUMBER_OR_QUOTED.sub(
        lambda m: "#" if m.group() == _QUOTED_NUMBER else _NUMBER_FIELD, text
    )


def _combinations(
    parts: tuple[Part, ...], owner: str | None
) -> list[tuple[CasePath, list[tuple[str, str | None]]]]:
    """Each combination of the branches in ``parts``: its path and its text pieces, each with
    the counting argument whose branch holds it directly (``owner``: that of ``parts``)."""
    results: list[tuple[CasePath, list[tuple[str, str | None]]]] = [((), [])]
    for part in parts:
        if isinstance(part, str):
            results = [(path, [*pieces, (part, owner)]) for path, pieces in results]
            continue
        inner = [
            (((part.name, key), *path), pieces)
            for key, branch in part.branches.items()
            for path, pieces in _combinations(branch, part.name if part.counts else None)
        ]
        results = [(p + q, a + b) for p, a in results for q, b in inner]
        if len(results) > MOST_CASES:
            raise Unsupported(f"more than {MOST_CASES} cases")
    return results


def _collect(parts: tuple[Part, ...], into: dict[str, Argument]) -> None:
    for part in parts:
        if isinstance(part, Argument):
            into.setdefault(part.name, part)
            for branch in part.branches.values():
                _collect(branch, into)


def _literals(parts: tuple[Part, ...]) -> Iterator[str]:
    for part in parts:
        if isinstance(part, Argument):
            for branch in part.branches.values():
                yield from _literals(branch)
        else:
            yield part


def _collect_keys(parts: tuple[Part, ...], into: dict[str, list[str]]) -> None:
    for part in parts:
        if isinstance(part, Argument):
            known = into.setdefault(part.name, [])
            known += [key for key in part.branches if key not in known]
            for branch in part.branches.values():
                _collect_keys(branch, into)


def _parse(text: str, start: int, end: int) -> tuple[Part, ...]:
    """``text[start:end]`` as literal text and branching arguments (a simple argument,
    ``{name}`` or ``{n, number}``, is text)."""
    parts: list[Part] = []
    literal, index = start, start
    while index < end:
        if text[index] == "}":
            raise Unsupported(
                f"unbalanced braces: the '}}' at character {index + 1} closes no '{{'"
            )
        if text[index] != "{":
            index += 1
            continue
        close = _closing(text, index, end)
        head = _HEAD.match(text, index)
        if head is not None and head.end() <= close:
            if index > literal:
                parts.append(text[literal:index])
            parts.append(_argument(text, head, close))
            literal = close + 1
        index = close + 1
    if end > literal:
        parts.append(text[literal:end])
    return tuple(parts)


def _argument(text: str, head: re.Match[str], close: int) -> Argument:
    """The branching argument whose head is ``head`` and whose closing brace is at ``close``."""
    position, offset = head.end(), ""
    if found := _OFFSET.match(text, position, close):
        offset, position = found.group(1), found.end()
    branches: dict[str, tuple[Part, ...]] = {}
    while text[position:close].strip():
        key = _KEY.match(text, position, close)
        if key is None:
            raise Unsupported(f"no branch at {text[position : position + 20]!r}")
        end = _closing(text, key.end() - 1, close)
        branches[key.group(1)] = _parse(text, key.end(), end)
        position = end + 1
    if "other" not in branches:
        raise Unsupported(f"{head.group(2)} {head.group(1)!r} has no 'other' branch")
    return Argument(head.group(1), head.group(2), offset, branches)


def _closing(text: str, start: int, end: int) -> int:
    """The index of the brace closing the one opened at ``start`` (before ``end``)."""
    depth = 0
    for index in range(start, end):
        if text[index] == "{":
            depth += 1
        elif text[index] == "}":
            depth -= 1
            if depth == 0:
                return index
    raise Unsupported(f"unbalanced braces: the '{{' at character {start + 1} is never closed")
