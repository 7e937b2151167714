"""The pieces the model translates: a segment's lines, split further when too long, and joined back.

A segment's newlines, the tabs between a line's columns, the whitespace around its lines and
their keyboard accelerators (``&Open``, ``_Quit``: :mod:`ltmt.accelerators`) are structure the
model would lose (SentencePiece folds whitespace; a marker splits the word it marks), and it
reads a line in capitals poorly (``SELECT LINE``: :mod:`ltmt.capitals`): :func:`split_segment`
keeps them aside (:class:`LineForms`), and each column of a line is a line of its own. Each
line becomes one :class:`Unit`, or several when it is longer than the model can translate whole
(:func:`plan_units`: sentences, then word-bounded cuts). :func:`join_pieces` and the rebuild
function put the translations back in the same frame.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from typing import NamedTuple, Protocol

from ltmt import pictographs
from ltmt.accelerators import (
    Accelerator,
    find_accelerator,
    literal_ampersands,
    place_accelerator,
    text_ampersands,
    underscore_words,
)
from ltmt.calendar_names import calendar_name
from ltmt.capitals import (
    cased_for_model,
    first_letter,
    in_capitals,
    title_case_for_model,
    with_first_capital,
    written_in_capitals,
)
from ltmt.category_paths import separator_spans as category_separators
from ltmt.clause_markers import counted_in_memory, marker_for_model
from ltmt.code_fences import fenced_code_lines
from ltmt.currency_amounts import amount_spans
from ltmt.date_formats import date_runs, only_directives
from ltmt.doubled_ampersands import Spacing, doubled_again, shown_as_single, single
from ltmt.entity_characters import Spellings, characters_for_model
from ltmt.escaped_quotes import escaped_again, unescaped_quotes
from ltmt.formats.formatting_codes import code_edges
from ltmt.formats.placeholder_syntax import (
    CONDITIONAL_MERGE_TAG,
    PATH_LINE,
    TEMPLATE_CONDITION_TAG,
    find_placeholders,
    sent_as_tags,
)
from ltmt.glued_fields import Glue, spaced_fields
from ltmt.help_columns import align_help
from ltmt.invisible_edges import split_formatting_edges
from ltmt.json_in_text import json_spans
from ltmt.key_combinations import (
    combination_spans,
    escaped_tabs,
    only_combinations,
    written_line,
)
from ltmt.language_names import language_name
from ltmt.long_words import long_word_spans
from ltmt.menu_paths import separator_spans
from ltmt.pressed_keys import pressed_key_spans
from ltmt.quoted_code import quoted_code_spans
from ltmt.segments import Match
from ltmt.stage_directions import as_direction, split_direction
from ltmt.text import (
    LETTERS,
    QUOTE_MARKS,
    content_lines,
    join_lines,
    split_lines,
    without_break_hints,
)

# a line's words between two runs of symbols (``--- Menus ---``, ``*** WARNING ***``)
_DECORATED = re.compile(r"^([*=#~+-]{2,}\s+)(.*?[^\W_].*?)(\s+[*=#~+-]{2,})$", re.DOTALL)
_TAB_RUN = re.compile(r"[ \t]*\t[ \t]*")  # between two columns of a line
# between two items of a line (``© 2026 Acme · Privacy · Imprint``, ``Sign up | Brightly``): the
# model lost the sign and ran the items together (``Zeichen aktualisierbar Brightly``)
_ITEM_SEPARATORS = (" · ", " | ", " • ")
_ITEM_SEPARATOR = re.compile(
    r"(?<=\S)(?:" + "|".join(map(re.escape, _ITEM_SEPARATORS)) + r")(?=\S)"
)
# a part of a ``|``-separated line that is no title's: code (a file name, an option, brackets),
# a sentence's end, a label before values (``Values: yes | no``)
_NO_TITLE = re.compile(r"--|\w\.[a-z]{2,4}\b|[\[\](){}<>]|[.!?]$|: ")
# a conditional merge tag with the blanks around it: a branch's text is translated apart from
# the others' (the model wrote ``*|ELSE:|*Hi da,*Hi da,`` for ``...*|ELSE:|*Hi there,*|END:IF|*``)
# (from a run of blanks' start only: tried at each of a long run's blanks, it took quadratic time)
_BRANCH_TAG = re.compile(rf"(?:(?<![ \t])[ \t]+)?(?:{CONDITIONAL_MERGE_TAG})[ \t]*")
# a template's condition tag (Jinja's, HubL's, Liquid's ``{% else %}``, Handlebars' ``{{else}}``)
# with the blanks around it, whose branches are translated apart as a merge tag's are; only
# where the tag is a placeholder of its own, not inside code (``Use `{% if x %}` here``)
_TEMPLATE_BRANCH_TAG = re.compile(rf"(?:(?<![ \t])[ \t]+)?(?P<tag>{TEMPLATE_CONDITION_TAG})[ \t]*")
# Ren'Py's pause between two texts, with its blanks: a wait or a paragraph's end with a time
# ({w=0.5}, {p=1.0}), or without one after a sentence's or clause's end (Hello?{p}Is anyone
# there?, Wait.{w} Listen.): the texts are translated apart and the tag kept as written, its
# blanks too (the model wrote "{p} Dann" and "Hallo?{p}Is jeden da?"). A bare {w} or {p}
# elsewhere may be a format string's field ({w}x{h}) and stays in its text
_PAUSE_TAG = re.compile(
    r"(?<![ \t])[ \t]*(?:\{[pw]=\d+(?:\.\d+)?\}"
    r"|(?:(?<=[.!?\u2026,;:])|(?<=[.!?\u2026,;:][\"'\u00bb\u201c\u201d)]))\{[pw]\})[ \t]*"
)
# a line break written as an escape (\n, \r\n: a Godot or Unity CSV cell's), with its spaces
_ESCAPED_BREAK = re.compile(r"[ \t]*(?:(?:\\r)?\\n[ \t]*)+")
# where an escaped line break ends a text: after a sentence's end or a closing quote or bracket;
# and where the next begins: a capital, a digit, a quote (escaped too: a Ren'Py line's
# ``read:\n\"Meet me ...\"``, which went to the model whole and came out with its halves'
# meanings swapped), a bracket or a list's mark. Not a path's (%APPDATA%\nvim, ..\new), a
# LaTeX command's (\newpage) or prose naming the escape ("Type \n to insert")
_BREAK_BEFORE = re.compile(r"""[.!?:;…)\]"'»“”]$""")
_BREAK_AFTER = re.compile(r"""\\?["']|[A-ZÄÖÜ0-9«»„“(\[<{*•-]""")
# a word that is code: an option (-x, --log, +reverse, -V[N][fname], --mirror=fetch) or an
# option's argument named in angle brackets (<file>)
_CODE_WORD = re.compile(r"[-+]{1,2}[^\W\d_]\S*|<[^\s<>]+>")
# a whole line that names rather than says: a URL, an e-mail address, a path, a dotted
# identifier (com.apple.dt.xcode, app.title, index.html); translated, they break
_NAME_LINE = re.compile(
    r"[a-z][a-z0-9+.-]*://\S+"
    r"|[^\s@]+@[^\s@]+\.[A-Za-z]{2,}"
    r"|~?/[^\s/]\S*"
    rf"|{PATH_LINE}"
    r"|[a-z][\w-]*(?:\.[\w-]+)+"
)
# one capitalised word (``Trackly``, ``GitHub``): a name where English writes no such word in
# lower case inside a sentence (:func:`ltmt.word_tables.lowercase_words`)
_ONE_WORD = re.compile(r"[A-Z][a-z]+(?:[A-Z][a-z]*)*")


@dataclass(frozen=True)
class Unit:
    """One piece of one input segment that the model translates: a line, or a sentence (or a
    word-bounded cut) of a line too long for the model. ``joiner``: the whitespace that followed
    it in its line; ``line_end``: the last piece of its line; ``titled``: for a line in title
    case that the model gets in lower case, the same words with a first capital, its other
    reading (:mod:`ltmt.title_case`)."""

    segment: int
    text: str
    joiner: str = ""
    line_end: bool = True
    cut: bool = False
    titled: str = ""
    # a sentence of a line the model could take whole, given alone for its sentences
    # (``sentences`` of :func:`plan_units`), not for the line's length
    for_sentences: bool = False


class LineLimits(Protocol):
    """How long a line the model takes whole (a :class:`~ltmt.translator.Translator` is one)."""

    split_tokens: int  # a line with more source tokens is split
    source_language: str  # the language its sentences are split by

    def source_tokens(self, text: str) -> int:
        """Source tokens of ``text``, ``</s>`` included."""
        ...

    def count_words(self, text: str) -> int:
        """Source tokens of ``text``, without ``</s>``."""
        ...


@dataclass(frozen=True)
class LineForm:
    """How one line was changed for the model, undone on its translation by :meth:`restore`."""

    accelerator: Accelerator | None  # set aside (ltmt.accelerators)
    capitals: bool  # given as English writes it (ltmt.capitals.cased_for_model)
    titled: bool = False  # in title case, given in lower case (ltmt.capitals.in_title_case)
    before: str = ""  # decoration set aside (``--- `` of ``--- Menus ---``)
    after: str = ""
    inner: pictographs.SetAside | None = None  # pictographs inside the words, as tags
    marker: str = ""  # its list or clause marker set aside (``C) ``: ltmt.clause_markers)
    doubled: Spacing = ()  # its ``&&`` given as ``&`` (ltmt.doubled_ampersands)
    escaped_quotes: bool = False  # its ``\"`` given as ``"`` (ltmt.escaped_quotes)
    # its character references given as their characters (ltmt.entity_characters)
    references: Spellings = field(default_factory=Spellings)
    # its fields glued to a word given spaced from it (ltmt.glued_fields)
    glue: Glue = field(default_factory=Glue)

    def restore(self, translation: str) -> str:
        """``translation`` with the line's fields glued to their words again, its pictographs
        and its character references, in capitals where the line was (its first letter a
        capital where the line was in title case), with the line's accelerator, decoration and
        list or clause marker."""
        translation = self.glue.glued_again(translation)
        if self.inner is not None:
            translation = self.inner.put_back(translation)
        if self.escaped_quotes:
            translation = escaped_again(translation)
        if self.capitals:
            translation = in_capitals(translation)
        if self.titled:
            translation = with_first_capital(translation)
        if self.doubled:
            translation = doubled_again(translation, self.doubled)
        translation = self.references.written_back(translation)
        if self.accelerator is not None:
            translation = place_accelerator(translation, self.accelerator)
        return self.marker + self.before + translation + self.after


@dataclass(frozen=True)
class LineForms:
    """What a line gets changed for the model: with ``decorations`` its leading list or clause
    marker set aside (``C) ``, ``• ``, ``1) ``: :func:`ltmt.clause_markers.marker_for_model`; the
    model dropped ``C) `` and read ``I. `` as ``Ich.``) and the runs of symbols around its
    words set aside (``--- Menus ---``, ``*** WARNING ***``: the model dropped or doubled them,
    ``*** Befehle **``, ``-- -- More --``), its keyboard accelerator of one of
    ``accelerator_markers`` set aside (:func:`ltmt.accelerators.find_accelerator`), and with
    ``capitals`` a line written in capitals given as English writes it
    (:func:`ltmt.capitals.written_in_capitals`); with ``title_case`` (an English source) a line in
    title case given in lower case where no word of it names something
    (:func:`ltmt.capitals.title_case_for_model`: ``Move to Trash``); with ``decorations`` too, the
    pictographs inside its words given as tags (:func:`ltmt.pictographs.set_aside`), its
    doubled ampersands as the ``&`` they show (``Rock && Roll``, whatever
    ``accelerator_markers``: :mod:`ltmt.doubled_ampersands`), its escaped double quotes as the
    ``"`` they show (``\\"run\\"``: :mod:`ltmt.escaped_quotes`), the words and signs with a
    character the model cannot write (``unwritable``: :mod:`ltmt.model.writable`), the
    date and time formats (``%B %-d``: :mod:`ltmt.date_formats`), the words too long for the
    model (a long URL, base64: :mod:`ltmt.long_words`) and, with a ``target_language``,
    the key combinations (``Ctrl+S``: :mod:`ltmt.key_combinations`); a line of date formats alone is
    kept as written, and one of key combinations alone or (``english_names``) naming a language, a
    day or a month in English is translated without the model (:meth:`kept_whole`)."""

    accelerator_markers: tuple[str, ...] = ()
    capitals: bool = False
    decorations: bool = False
    title_case: bool = False
    # whether the model cannot write a character (ltmt.model.writable); None: every one
    unwritable: Callable[[str], bool] | None = None
    # the target language: whose key names key combinations get (ltmt.key_combinations; one
    # it has no names for: as written), and, with ``english_names`` (an English source), whose
    # names a line naming a language, a day or a month gets (ltmt.language_names,
    # ltmt.calendar_names); "": neither is done
    target_language: str = ""
    english_names: bool = False
    # whether a line is a label the model's label lexicon translates (``Home``, ``Help``:
    # ltmt.label_lexicon); None: no lexicon, and no site's name is told from a label
    is_label: Callable[[str], bool] | None = None
    # whether a line has a glossary term the glossary writes in its case alone (``Lead`` of
    # ``Lead Score``: ltmt.terminology.matching.has_case_sensitive_term); such a line in title
    # case goes to the model as written, where lowering it hid the term from the glossary
    cased_terms: Callable[[str], bool] | None = None
    # whether a memory match writes a number with decimals that opens a line with a decimal
    # comma (ltmt.clause_markers.counted_in_memory: :meth:`as_memory_writes`); such a number is
    # then a quantity, given to the model, and never set aside as a clause's
    decimals_counted: bool = False

    def as_memory_writes(self, matches: tuple[Match, ...]) -> LineForms:
        """These forms, with :attr:`decimals_counted` where one of ``matches`` writes a number
        with decimals that opens a line of its source with a decimal comma (``2.5 Stars`` as
        ``2,5 Sterne``): set aside, ``4.5 Stars`` came out ``4.5 2,5 Sterne``."""
        if self.decimals_counted or not any(
            counted_in_memory(m.segment.source, m.segment.target) for m in matches
        ):
            return self
        return replace(self, decimals_counted=True)

    def for_model(self, line: str) -> tuple[str, LineForm | None]:
        """``line`` as the model gets it, and how it was changed (``None``: nothing to undo on
        its translation; its soft hyphens and word joiners are dropped all the same:
        :func:`ltmt.text.without_break_hints`)."""
        line = without_break_hints(line)
        marker, unmarked = self._unmarked(line)
        before, words, after = self._undecorated(unmarked)
        plain, accelerator = find_accelerator(words, self.accelerator_markers)
        capitals = self.capitals and written_in_capitals(plain)
        if capitals:
            plain = cased_for_model(plain)
        lowered = (
            title_case_for_model(plain)
            if self.title_case
            and not capitals
            and not (self.cased_terms is not None and self.cased_terms(plain))
            else None
        )
        titled = lowered is not None and plain[first_letter(plain) or 0].isupper()
        plain = plain if lowered is None else lowered
        # (before what is set aside: "run\" of \"run\" read as a quoted name)
        plain, quotes = unescaped_quotes(plain) if self.decorations else (plain, False)
        # (before what is set aside: an ``&`` of ``&amp;`` is set aside as a bare one is)
        plain, references = self._decoded(plain)
        plain, inner = self._tagged(plain)
        plain, doubled = single(plain) if self.decorations else (plain, ())
        plain, glue = self._spaced(plain)
        if (
            accelerator is None
            and not capitals
            and lowered is None
            and not before
            and not after
            and inner is None
            and not marker
            and not doubled
            and not quotes
            and not references.written
            and not glue.fields
        ):
            return line, None
        return plain, LineForm(
            accelerator,
            capitals,
            titled,
            before,
            after,
            inner,
            marker,
            doubled,
            quotes,
            references,
            glue,
        )

    def _unmarked(self, line: str) -> tuple[str, str]:
        """``(marker, line without it)``: the marker after the line's leading blanks, which
        stay (a match's lines have them; :func:`split_segment`'s come stripped)."""
        if not self.decorations:
            return "", line
        words = line.lstrip()
        marker, rest = marker_for_model(words, self.decimals_counted)
        return marker, line[: len(line) - len(words)] + rest

    def _undecorated(self, line: str) -> tuple[str, str, str]:
        return undecorated(line) if self.decorations else ("", line, "")

    def _single(self, words: str) -> str:
        return single(words)[0] if self.decorations else words

    def _decoded(self, words: str) -> tuple[str, Spellings]:
        return characters_for_model(words) if self.decorations else (words, Spellings())

    def _spaced(self, words: str) -> tuple[str, Glue]:
        return spaced_fields(words) if self.decorations else (words, Glue())

    def _unescaped(self, words: str) -> str:
        return unescaped_quotes(words)[0] if self.decorations else words

    def _tagged(self, words: str) -> tuple[str, pictographs.SetAside | None]:
        if not self.decorations:
            return words, None
        keys = (
            [
                *combination_spans(words, self.target_language),
                # Press E to open the chest: the model dropped the E
                *pressed_key_spans(words, self.target_language),
            ]
            if self.target_language
            else []
        )
        dates = [(run.start, run.end, run.text) for run in date_runs(words)]
        code = quoted_code_spans(words)
        fields = [(p.start, p.end, p.text) for p in sent_as_tags(words)]
        # amounts: in the target language's form (German: 1.234,56 $)
        money = amount_spans(words, self.target_language)
        menus = separator_spans(words)  # Settings > Account: the model dropped a ">"
        # a single ``&`` marking no key garbled the words around it (``Copy & Paste``,
        # ``AT&T``); an ``&&`` between words is given as ``&`` (single), which kept them, and
        # one between letters or beside a ``Q&A`` as a tag, as before (shown_as_single)
        doubled = (
            literal_ampersands(words)
            if "&" in self.accelerator_markers and not shown_as_single(words)
            else []
        )
        ampersands = [*doubled, *text_ampersands(words)]
        # words joined by underscores: the model split them and dropped words (O_file.txt)
        joined = underscore_words(words)
        # JSON in the text (a Rasa payload): its quotes came back German, {»priority«: »high«}
        objects = [(start, end, words[start:end]) for start, end in json_spans(words)]
        spans = [*keys, *dates, *code, *fields, *money, *menus, *ampersands, *joined, *objects]
        spans += long_word_spans(words)
        return pictographs.set_aside(words, self.unwritable, spans)

    def kept_whole(self, cell: str) -> str | None:
        """``cell``'s translation without the model, where it is date formats alone (as
        written: fitting writes them in the target language's form, :mod:`ltmt.date_formats`),
        key combinations alone (their keys named in the target language:
        :mod:`ltmt.key_combinations`) or, with
        ``english_names``, the English name of a language (:mod:`ltmt.language_names`), a day
        or a month (:mod:`ltmt.calendar_names`); ``None`` otherwise."""
        if not self.decorations:
            return None
        if only_directives(cell):  # as written: fitting writes it in the target language's form
            return cell
        if not self.target_language:
            return None
        if only_combinations(cell):
            return written_line(cell, self.target_language)
        if self.english_names:
            found = language_name(cell, self.target_language)
            return found if found is not None else calendar_name(cell, self.target_language)
        return None

    def text_for_model(self, text: str) -> str:
        """Each line of ``text`` as the model gets it, its line breaks kept."""
        lines, breaks = split_lines(text)
        return join_lines([self.for_model(line)[0] for line in lines], breaks)

    def target_for_model(self, text: str, source: str) -> str:
        """Each line of a translation ``text`` of ``source`` without its decoration and
        accelerator, and without its list or clause marker where the source's line of the same
        number starts with the same (a German ``1. Januar`` of a line with none keeps its
        ``1.``): a match's target as fusion reads it. Its capitals stay: the output is written
        in capitals where its line was, and a sentence case of German lowers its nouns
        (``Vim - achtung``)."""
        lines, breaks = split_lines(text)
        sources = split_lines(source)[0]
        sources += [""] * (len(lines) - len(sources))
        words = [
            self._undecorated(self._unmarked_as(line, source_line))[1]
            for line, source_line in zip(lines, sources)
        ]
        return join_lines([self._target_line(line) for line in words], breaks)

    def _target_line(self, line: str) -> str:
        """A line of a match's target, its marker and decoration set aside, as the model
        gets a line of its source (:meth:`for_model`)."""
        words = self._unescaped(find_accelerator(line, self.accelerator_markers)[0])
        return self._spaced(self._single(self._tagged(self._decoded(words)[0])[0]))[0]

    def _unmarked_as(self, line: str, source_line: str) -> str:
        """``line`` without its marker where ``source_line``, which it translates, has the same,
        a final full stop aside (a clause's ``2.3.`` for ``2.3``: kept, the model copied it)."""
        marker, rest = self._unmarked(line)
        source_marker = self._unmarked(source_line)[0]
        same = marker and marker.strip().rstrip(".") == source_marker.strip().rstrip(".")
        return rest if same else line

    def matches_for_model(self, matches: tuple[Match, ...]) -> tuple[Match, ...]:
        """``matches`` with their source lines as the model gets them and their target lines
        without accelerators and their sources' markers (:meth:`target_for_model`), scores as
        retrieved: what fusion reads for a line that the model gets changed."""
        return tuple(
            Match(
                replace(
                    m.segment,
                    source=self.text_for_model(m.segment.source),
                    target=self.target_for_model(m.segment.target, m.segment.source),
                ),
                m.score,
            )
            for m in matches
        )


def meant_as_written(line: str) -> bool:
    """Whether ``line`` is key combinations alone (``CmdOrCtrl+Shift+F``) or ``strftime``
    directives alone (``%H:%M``), or one name (:func:`is_one_name`: ``Trackly``): what a
    translation keeps as written (or writes with its own key names and date order), so neither
    ``ltmt translate`` nor ``ltmt qa`` calls it a copy."""
    return only_combinations(line.strip()) or only_directives(line) or is_one_name(line)


def undecorated(line: str) -> tuple[str, str, str]:
    """``(decoration before, words, decoration after)`` of ``line``: the runs of two or more
    symbols on both sides of its words (``--- ``, ``Menus``, `` ---``), or the pictographs
    before or after them (``🎉 ``, ``Congratulations!``, ``""``: :func:`ltmt.pictographs.edges`),
    or ``("", line, "")``; Minecraft's formatting codes before or after its words are
    decoration too (``§7``, ``Line one``, ``""``:
    :func:`ltmt.formats.formatting_codes.code_edges`)."""
    codes_before, rest, codes_after = code_edges(line)
    decorated = _DECORATED.match(rest)
    if decorated is not None:
        return codes_before + decorated[1], decorated[2], decorated[3] + codes_after
    before, words, after = pictographs.edges(rest)
    return codes_before + before, words, after + codes_after


class SplitSegment(NamedTuple):
    """What :func:`split_segment` makes of a segment."""

    lines: list[str]  # what the model translates, in order
    rebuild: Callable[[list[str]], str]  # the segment from the lines' translations
    changed: list[LineForm]  # how the lines the model gets changed were changed
    # each of ``lines`` as a label reads it: a line in title case the model gets in lower case
    # with its first capital (the label lexicon tells ``Open``, a button, from ``open``)
    as_labels: list[str]

    @property
    def accelerators(self) -> int:
        """Lines whose keyboard accelerator was set aside, placed again by ``rebuild``."""
        return sum(form.accelerator is not None for form in self.changed)


def split_segment(text: str, forms: LineForms = LineForms()) -> SplitSegment:
    """Split ``text`` into the stripped lines the model sees and a function that rebuilds it.

    Newlines, tabs inside a line and the whitespace around each line (and the zero-width
    characters and references among it: :mod:`ltmt.invisible_edges`) are structure the model
    would lose (SentencePiece folds whitespace): they are kept here and put back around the
    translations. A tab (with any spaces around it) separates columns, each translated on its
    own: an option and its help (``--log <file>\\t\\tStart logging``), a label and its value.
    An option table's help aligned with spaces goes back to its column once the line is
    restored (:func:`ltmt.help_columns.align_help`).
    A line's leading stage direction (``[whispering] ``: :mod:`ltmt.stage_directions`) is set
    aside, its words translated as a line of their own and put back in its marks.
    A line or column that is code (:func:`is_code`) or one name (:func:`is_one_name`) is kept
    as written, and so is a fenced code
    block's line (:func:`ltmt.code_fences.fenced_code_lines`). A line that ``forms``
    changes for the model (its accelerator, capitals) gets its translation changed back.
    """
    parts, breaks = split_lines(text)
    fenced = fenced_code_lines(parts)
    lines: list[str] = []
    as_labels: list[str] = []
    # kept as written, or the next line's translation (restored where its form is a LineForm)
    frame: list[str | _Translated] = []
    for index, part in enumerate(parts):
        if index:
            frame.append(breaks[index - 1])
        lead, body, trail = split_formatting_edges(part)  # a preheader's &zwnj; run too
        if not body or index in fenced:
            frame.append(part)
            continue
        frame.append(lead)
        direction = split_direction(body)
        if direction is not None:  # [whispering] Stay close.: the direction's words alone
            frame += [direction.opening, _Translated(direction.words, None, direction=True)]
            lines.append(direction.words)
            as_labels.append(direction.words)
            frame.append(direction.closing)
            body = direction.spoken
        pieces, separators = _pieces(body)
        for column, cell in enumerate(pieces):
            if column:
                frame.append(separators[column - 1])
            if is_code(cell):
                frame.append(cell)
            elif (whole := forms.kept_whole(cell)) is not None:
                frame.append(whole)
            elif (forms.english_names and is_one_name(cell)) or _site_name(
                pieces, separators, column, forms
            ):  # an English source's name, or a site's in its title
                frame.append(cell)
            else:
                seen, form = forms.for_model(cell)
                lines.append(seen)
                as_labels.append(with_first_capital(seen) if form and form.titled else seen)
                frame.append(_Translated(cell, form))
        frame.append(trail)

    def rebuild(translations: list[str]) -> str:
        pending = iter(translations)
        rebuilt = "".join(_rebuilt(kept, pending) for kept in frame)
        # a tag the model moved to another line than its own is put back on its own line,
        # and must not stay where the model put it (but the segment's own tags like ours)
        return pictographs.without_tags(rebuilt, text)

    changed = [kept.form for kept in frame if isinstance(kept, _Translated) and kept.form]
    return SplitSegment(lines, rebuild, changed, as_labels)


class _Translated(NamedTuple):
    """A cell of the segment the model translates, and how its line was changed for it."""

    cell: str
    form: LineForm | None
    direction: bool = False  # a stage direction's words (ltmt.stage_directions)


def _rebuilt(kept: str | _Translated, pending: Iterator[str]) -> str:
    if isinstance(kept, str):
        return kept
    translation = next(pending)
    if kept.direction:
        return as_direction(translation, kept.cell)
    restored = translation if kept.form is None else kept.form.restore(translation)
    # an option table's help at the source's column (help_columns), measured once the line's
    # tags are put back: ``-G, --groups=<x/>``'s column was lost when G_LIST was put back
    return align_help(kept.cell, restored)


def cells(text: str) -> list[str]:
    """The non-blank lines of ``text`` cut at their tabs, stripped: :func:`split_segment`'s
    lines before code is set aside (a leading stage direction kept on its line: a match's
    target need not write one as a direction, ``[Flüstern]``)."""
    return [cell for line in content_lines(text) for cell in _pieces(line)[0]]


def _titled_bars(body: str) -> bool:
    """Whether the spaced ``|`` of ``body`` part a table's cells (``| Name | Email |``) or a
    title or breadcrumb (``Sign up | Brightly``): each part starts with a capital, none looks
    like code or ends a sentence (:data:`_NO_TITLE`) and one has several words. A shell pipe
    (``cat app.log | grep error``), a usage (``app [options] | app --help``), values (``Values:
    yes | no``) and a list of single words (``Free | Pro | Enterprise``: the model translates a
    word alone worse) are translated whole."""
    if body.startswith("| ") and body.endswith(" |"):
        return True
    parts = body.split(" | ")
    return all(part[:1].isupper() and not _NO_TITLE.search(part) for part in parts) and any(
        " " in part.strip() for part in parts
    )


def _pieces(body: str) -> tuple[list[str], list[str]]:
    """The pieces of a line that the model translates apart, and the separators between them
    (``pieces[0] + separators[0] + pieces[1] ...`` is ``body``): columns at its tabs, items at a
    spaced ``·`` or ``•`` (:data:`_ITEM_SEPARATOR`) or a ``|`` between a title's parts
    (:func:`_titled_bars`), the parts of a category path at its ``::`` (``Billing::Refund
    approved``: :mod:`ltmt.category_paths`), branches at a conditional merge tag
    (:data:`_BRANCH_TAG`: the tag kept as written between them) or a template's condition tag
    (``{% else %}``, ``{{else}}``: :data:`_TEMPLATE_BRANCH_TAG`), texts at Ren'Py's pause
    (:data:`_PAUSE_TAG`), and the lines a line break written as an escape between two texts makes
    (``Quest complete!\\nReturn to Eldoria.``: the model read ``\\nReturn`` as one word and left it
    in English), where one text ends and the next begins (:data:`_BREAK_BEFORE`,
    :data:`_BREAK_AFTER`): one in a path (``%APPDATA%\\nvim``, ``C:\\new``), a command
    (``\\newpage``) or prose (``Type \\n to``) is none."""
    breaks = list(_ESCAPED_BREAK.finditer(body))
    # (the placeholders are read only where there is an escaped break: fusion cuts every match
    # it reads so, :func:`ltmt.fusion.selection.align_lines`)
    escapes = {p.start for p in find_placeholders(body) if p.kind == "escape"} if breaks else set()
    cuts = (
        [found.span() for found in _TAB_RUN.finditer(body)]
        + escaped_tabs(body)  # "&New\tCtrl+N"
        + [
            found.span()
            for found in _ITEM_SEPARATOR.finditer(body)
            if not _bracketed(body[: found.start()])  # a usage's [-a | --all]: one piece
            and (found[0] != " | " or _titled_bars(body))
        ]
        + [found.span() for found in _BRANCH_TAG.finditer(body)]
        + category_separators(body)  # Billing::Refund approved: Zendesk's category path
        + _template_branch_tags(body)
        + [found.span() for found in _PAUSE_TAG.finditer(body) if found.start() > 0]
        + [
            found.span()
            for found in breaks
            if found.start() + len(found.group()) - len(found.group().lstrip(" \t")) in escapes
            and body[: found.start()].strip()
            and (
                found.end() == len(body)  # a text's last line end: its edge, kept out of the model
                or (
                    _BREAK_BEFORE.search(body[: found.start()])
                    and _BREAK_AFTER.match(body[found.end() :])
                )
            )
        ]
    )
    pieces, separators, position = [], [], 0
    for start, end in sorted(cuts):
        if start < position:  # (a tab among an escape's spaces: cut once)
            continue
        pieces.append(body[position:start])
        separators.append(body[start:end])
        position = end
    return [*pieces, body[position:]], separators


def _template_branch_tags(body: str) -> list[tuple[int, int]]:
    """The spans of ``body``'s template condition tags with their blanks
    (:data:`_TEMPLATE_BRANCH_TAG`), each a placeholder of its own in ``body``."""
    found = list(_TEMPLATE_BRANCH_TAG.finditer(body))
    if not found:
        return []
    tags = {(p.start, p.end) for p in find_placeholders(body) if p.kind == "brace"}
    return [tag.span() for tag in found if tag.span("tag") in tags]


def _site_name(pieces: list[str], separators: list[str], column: int, forms: LineForms) -> bool:
    """Whether ``pieces[column]`` is a site's or brand's name in a title or footer parted by
    ``·``, ``|`` or ``•`` (``Made with love · Brightly``, ``Help Center | Trackly``; the model
    wrote ``Leuchtbar``): one capitalised word, the line's first or last part, beside a part of
    several words, and no label the lexicon translates (``Home``, ``Help``). A list of single
    words (``Terms · Privacy · Status``) is a menu, translated as before; so is any line of a
    source not in English, or without a lexicon."""
    if not forms.english_names or forms.is_label is None or len(pieces) < 2:
        return False
    if column not in (0, len(pieces) - 1) or _ONE_WORD.fullmatch(pieces[column]) is None:
        return False
    separator = separators[0] if column == 0 else separators[-1]
    if separator not in _ITEM_SEPARATORS:  # not a column at a tab
        return False
    return any(" " in piece.strip() for piece in pieces) and not forms.is_label(pieces[column])


def _bracketed(before: str) -> bool:
    """Whether a bracket or parenthesis opened in ``before`` is still open at its end."""
    return any(before.count(o) > before.count(c) for o, c in ("[]", "()", "{}", "<>"))


def is_code(text: str) -> bool:
    """Whether ``text`` has nothing to translate: each of its words is an option, an option's
    argument (``--log <file>``, ``-V[N][fname]``, ``+reverse``) or has neither a letter nor a
    quote mark outside its placeholders (``#``, ``%s:``, ``1.``; not ``'%s'``, which German
    writes ``»%s«``); or it is one name alone: a URL, an e-mail address, a path or a dotted
    identifier (``com.apple.dt.xcode``, ``app.title``; not ``Node.js`` or ``e.g.``)."""
    from ltmt.formats.placeholder_syntax import without_placeholders

    if _NAME_LINE.fullmatch(text.strip()):
        return True
    return all(
        _CODE_WORD.fullmatch(word) or not any(c.isalpha() or c in QUOTE_MARKS for c in word)
        for word in without_placeholders(text).split()
    )


# what English puts before a word to make another (``unarchive``, ``reconnect``)
_PREFIXES = ("un", "re", "dis", "de", "pre", "over", "under", "multi", "sub")


def is_one_name(text: str) -> bool:
    """Whether ``text`` is one capitalised word that is a name (``Trackly``, ``GitHub``; not
    ``Settings`` or ``Typography``), which the model translated (``Trackly`` → ``Enthüllend``):
    ltmt's table has no form of it, and it has a capital inside (``GitHub``, ``PayPal``; not
    ``ScreenSaver``, whose ``screensaver`` the table has) or English never writes it (wordfreq
    knows no such word: its Zipf frequency is 0). A rare word is no name: a word of an
    interface (``Strikethrough`` 1.4, ``Unpin``, ``Sitemap``), a country's or region's name
    (``Czechia`` 2.0, ``Comoros``, ``Valais``; none of CLDR's English names of countries and
    territories is one word English never writes or with a capital inside), which German
    translates, and a product's (``Jira`` 2.1), which the model copies or translates. A German
    word (``Einstellungen``: ltmt's German word table has it) is no name either: qa's copied
    check asks this of a German source copied unchanged."""
    word = text.strip()
    if _ONE_WORD.fullmatch(word) is None or _english_word(word.lower()):
        return False
    from ltmt.word_tables import english_zipf, target_words

    if word.lower() in (target_words("de") or frozenset()):
        return False

    return any(c.isupper() for c in word[1:]) or english_zipf(word.lower()) == 0


def _english_word(word: str) -> bool:
    """Whether English writes ``word`` (small letters) in lower case: it, or a form of it
    (``certified`` for ``certify``, which the table lacks), is in the table, or it is such a
    word after ``un``, ``re`` ... (``unarchive``)."""
    from ltmt.word_tables import command_verbs, lowercase_words

    table = lowercase_words()
    stem = word[:-1] if word.endswith(("e", "y")) else word
    endings = ("", "s", "es", "ed", "d", "ing")
    forms = [word + end for end in endings] + [stem + end for end in ("ied", "ies", "ing")]
    if word in command_verbs() or any(form in table for form in forms):
        return True
    prefix = next((p for p in _PREFIXES if word.startswith(p)), "")
    return len(word) - len(prefix) >= 4 and prefix != "" and _english_word(word[len(prefix) :])


def plan_units(
    segment: int,
    lines: list[str],
    limits: LineLimits,
    as_labels: list[str] | None = None,
    *,
    sentences: bool = False,
) -> list[Unit]:
    """The pieces the model translates for ``lines`` of one segment: each line whole, or
    split into sentences when it has more than ``limits.split_tokens`` tokens (with
    ``sentences``: whenever it has more than one), and a sentence still too long cut between
    words (``cut``). ``as_labels``: the lines as labels read them (:attr:`SplitSegment.as_labels`):
    a line whole that differs there gets it as ``titled``."""
    units: list[Unit] = []
    for number, line in enumerate(lines):
        line_units: list[Unit] = []
        pieces, fits = _line_pieces(line, limits, sentences)
        for piece, cut in pieces:
            body = piece.rstrip()
            if body:
                apart = fits and len(pieces) > 1
                line_units.append(
                    Unit(segment, body, piece[len(body) :], False, cut, for_sentences=apart)
                )
            elif line_units:  # whitespace between sentences stays between them
                previous = line_units[-1]
                line_units[-1] = replace(previous, joiner=previous.joiner + piece)
        # lines come stripped: the last piece has no whitespace after it
        line_units[-1] = replace(line_units[-1], joiner="", line_end=True)
        label = as_labels[number] if as_labels is not None else line
        if len(line_units) == 1 and label != line:
            line_units[0] = replace(line_units[0], titled=label)
        units.extend(line_units)
    return units


def _line_pieces(
    line: str, limits: LineLimits, sentences: bool
) -> tuple[list[tuple[str, bool]], bool]:
    """``(piece, cut)`` of one stripped line (``sentences``: split into its sentences whatever
    its length), and whether the line fits the model whole; the pieces join back to the line."""
    from ltmt.sentences import cut_words, split_sentences

    if limits.source_tokens(line) <= limits.split_tokens:
        if not sentences:
            return [(line, False)], True
        return [(s, False) for s in whole_sentences(line, limits.source_language)], True
    pieces: list[tuple[str, bool]] = []
    for sentence in split_sentences(line, limits.source_language):
        if limits.source_tokens(sentence) <= limits.split_tokens:
            pieces.append((sentence, False))
        else:
            cuts = cut_words(sentence, limits.count_words, limits.split_tokens - 1)  # + </s>
            pieces.extend((piece, True) for piece in cuts)
    return pieces, False


# a sentence's end: a full stop, question or exclamation mark (a closing quote or bracket
# after it), then blanks; not an ellipsis (``[OPTION]... FILE``)
_SENTENCE_END = re.compile(r"""(?<!\.\.)[.!?]["'»”)\]]*\s+$""")


def whole_sentences(line: str, language: str) -> list[str]:
    """The sentences of a line the model could take whole (each with the whitespace after it),
    where the split is sure: a piece that does not end a sentence (``(%s)...%s``, ``[OPTION]...
    FILE``), or has fewer than two words (``Error: %s.``), stays with the next."""
    from ltmt.formats.placeholder_syntax import without_placeholders
    from ltmt.sentences import split_sentences

    def words(text: str) -> int:
        return len(LETTERS.findall(without_placeholders(text)))

    pieces: list[str] = []
    for piece in split_sentences(line, language):
        if pieces and (not _SENTENCE_END.search(pieces[-1]) or words(pieces[-1]) < 2):
            pieces[-1] += piece
        else:
            pieces.append(piece)
    if len(pieces) > 1 and words(pieces[-1]) < 2:  # a last word alone
        pieces[-2:] = [pieces[-2] + pieces[-1]]
    return pieces


def join_pieces(units: list[Unit], outputs: list[str]) -> dict[int, list[str]]:
    """Each segment's line translations, its pieces joined with the whitespace between them."""
    grouped: dict[int, list[str]] = {}
    line = ""
    for unit, output in zip(units, outputs):
        line += output + (unit.joiner if not unit.line_end else "")
        if unit.line_end:
            grouped.setdefault(unit.segment, []).append(line)
            line = ""
    return grouped
