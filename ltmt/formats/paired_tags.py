"""Paired tags kept out of the model's way: XLIFF's paired inline codes (``<g>``, ``<pc>``,
``<mrk>``) and markup elements (``<a href="...">``, Fluent's DOM overlays ``<label
data-l10n-name="status">``, ``<strong>``, ``<i>`` of subtitles, react-i18next's numbered
``<1>terms</1>``), and game text's markup around words: TextMeshPro's tags with a value
(``<color=#FFD700>Gold Coins</color>``) and BBCode (``[b]Start[/b]``, ``[color=#ff0]...``), whose
words the model left English as it did ``<b>``'s (``Ihr <color=#FF0000>shield</color>``), and
PrestaShop's numbered markers (``[1]Sign in[/1]``: :mod:`ltmt.formats.numbered_markers`).

The model garbles text inside paired tags: ``Open <pc id="1">the file</pc> now`` came out as
``Open <pc id="1">thedatei</pc>``, the words in the tags left untranslated and joined,
``Downloading update — <label data-l10n-name="download-status">{transfer}</label>`` as
``... <labeldaten-l10n-name=»download-status«><label ...>transfer</label>``, and ``You can
<strong>always</strong> undo this.`` as ``Sie können <strong>always</strong> und das hier.``. So a
segment with such tags is translated without them, the text inside each pair is translated
on its own, and the pair is put back around the words of the translation that match that
inner translation best (rapidfuzz's partial-ratio alignment, widened to whole words):

    plain = strip_pairs(source)            # PairedText("Open the file now", (Pair(...),))
    text = place_pairs(plain, "Öffnen Sie jetzt die Datei", ["die Datei"])
    # 'Öffnen Sie jetzt <pc id="1">die Datei</pc>'

Where the inner translation is not found whole, as the sentence's translation words it another
way, the pair goes around the words that look like its words (``Get <a>extra privacy</a>``,
inner ``Überflüssige Privatsphäre``: ``Zusätzliche <a>Privatsphäre</a>``; before, the inner
translation was put in beside them, ``Zusätzliche <a>Überflüssige Privatsphäre</a>
Privatsphäre``). A pair with no such word, as when the model dropped those words, is put back
with its inner translation at the word nearest its place in the source (``<a href="...">Learn
more</a> about privacy.`` → ``<a href="...">Mehr erfahren</a> Über Privatsphäre hinaus!``;
before, empty at the end, where a link had no words to click): the element and its words are
not lost, and machine output is marked for review. But a pair around one English word at
the end of its sentence goes around the translation's last word where the model garbled that
word alone (``Your order has been <pc>shipped</pc>.`` → ``Ihre Bestellung wurde
<pc>verschifft</pc>.``, not ``verschifft <pc>shipped</pc>``: :func:`_last_word`).
A pair marked not to be translated (``translate="no"``, 1.2's ``mtype="protected"``, the class
``notranslate``, Android's ``<xliff:g>``), a pair whose class marks code (:data:`CODE_CLASSES`:
DocBook's ``<span class="command">``), a pair around no word of two letters (an index's
``<b>A</b>``, a number, a placeholder alone: ``delete <strong>%s</strong>?``, where the model
moved the ``<strong>`` over other words, ``<strong>%s löschen möchten</strong>``), and a code
element (``<code>``, ``<kbd>``, ``<samp>``, ``<var>``, ``<tt>``,
``<pre>``, BBCode's ``[code]``), stands in the text as a self-closing placeholder
(``<ph id="ltmt-1"/>``), which the model and the placeholder repair keep, and comes back whole,
its text unchanged (one the model dropped, at its place in the source too).
A note's reference (a link marked ``epub:type="noteref"``, or a ``<sup>`` or in-page link around
a short number glued to the text before it: ``ends.<sup><a href="#fn1">1</a></sup>``) is kept
whole so too, where a count's pair (``<b>5</b> stars``, ``sold <a href="/sales">1,500</a>
copies``) stays in the text as written: left to the model, the link after a sentence came out
broken (``<a epub:type=»noteref« id=»#fn1«>1«>1</a>``).
Self-closing codes (``<x/>``, ``<ph/>``) stay in the text: they are placeholders the model keeps;
but XLIFF 2.0's ``<sc id="1"/>`` and the ``<ec startRef="1"/>`` that ends it, in one segment, are
a pair as ``<pc>`` is (the model kept them and left their words untranslated: ``Open <sc
id="1"/>the file<ec startRef="1"/> now.`` came out ``Open <sc id="1"/>the Datei<ec
startRef="1"/>.``), and so are XLIFF 1.2's ``<bx id="3"/>`` and ``<ex id="3"/>`` (paired by
``rid`` where they have one: ``Tell your doctor <bx id="3"/>immediately<ex id="3"/>`` lost its
``immediately``) and a ``<bpt>`` and ``<ept>`` whose native code is not markup (memoQ's ``{}``,
whose words stayed English where ``&lt;b&gt;``'s were translated); one whose other end is in
another segment stays a placeholder.
A pair glued to the words beside it (``Click<bx id="1"/>here<ex id="1"/>to continue.``) goes to the
model spaced from them (without its tags, ``Clickhereto`` was one word to it, and the pair went
around all three) and is glued back to the translation's words where the source has it glued.
Spaces at a pair's inner edge (a Word run's layout spaces, ``<g>REF 12-345-67    </g>Rx only``)
stay inside it (:mod:`ltmt.formats.pair_edge_spaces`).
Pairs stacked with nothing between their tags (``<a href="..."><em>the guide</em></a>``,
Sphinx's ``<a class="reference internal"><span class="std std-ref">Modules</span></a>``) are one
pair; other nested pairs are left to the model (:func:`strip_pairs` returns ``None``).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace

from ltmt.formats.asciidoc_markup import (
    ASCIIDOC_PAIR_MARKS,
    adoc_paired,
    closing_of,
    has_pairs,
    verbatim_macros,
)
from ltmt.formats.attribute_values import ANY_TAG, QUOTED_VALUE, TAG_BODY
from ltmt.formats.glued_hyphens import counts
from ltmt.formats.inflection_markup import (
    INFLECTION_PAIR_MARKS,
    has_inflection,
    inflection_paired,
    opens_inflection,
)
from ltmt.formats.latex_markup import (
    LATEX_PAIR_MARKS,
    LATEX_VERBATIM,
    is_latex,
    latex_paired,
)
from ltmt.formats.latex_markup import closing_of as latex_closing_of
from ltmt.formats.markdown_link_marks import MARKDOWN_PAIR_MARKS, markdown_paired
from ltmt.formats.numbered_markers import numbers_with_text
from ltmt.formats.pair_edge_spaces import spaces_inside
from ltmt.formats.placeholder_syntax import (
    CHARACTER_REFERENCE,
    find_placeholders,
    without_placeholders,
)
from ltmt.formats.rest_markup import REST_PAIR_MARKS, REST_VERBATIM, pair_name, paired
from ltmt.key_combinations import KEY_JOIN
from ltmt.sentences import split_sentences
from ltmt.stage_directions import direction_marks
from ltmt.text import (
    LETTERS,
    QUOTE_MARKS,
    fuzzy_score,
    has_letter,
    match_score,
    nearest_word_start,
)
from ltmt.word_tables import lowercase_words

_CODE_NAMES = frozenset({"g", "pc", "mrk"})
# an element's opening tag with an attribute: <label data-l10n-name="status">, <a href="...">
_ATTRIBUTED = re.compile(
    rf"<([A-Za-z][\w:.-]*)\s+[\w:.-]+\s*=\s*(?:{QUOTED_VALUE}){TAG_BODY}(?<!/)>"
)
# code by its class: DocBook's HTML marks commands, file names, options, functions, variables
# and what the user types or the computer prints (<span class="command">, <em
# class="parameter">), as Sphinx and other generators do by element
CODE_CLASSES = (
    "command", "filename", "literal", "option", "function", "varname", "parameter", "envar",
    "userinput", "computeroutput", "systemitem", "constant", "returnvalue", "structname",
    "classname", "methodname",
)  # fmt: skip
# marked not to translate: XLIFF's and HTML's translate="no", XLIFF 1.2's protected mark, the
# notranslate class that translation services and CMSs honour, and a class of code
_PROTECTED = re.compile(
    r"""\s(?:translate\s*=\s*["']no["']|mtype\s*=\s*["']protected["']"""
    r"""|class\s*=\s*["'][^"']*\bnotranslate\b"""
    rf"""|class\s*=\s*["'](?:[^"']*\s)?(?:{"|".join(CODE_CLASSES)})(?=["'\s]))"""
)
# SSML's elements whose text is said as written or as a spelled sound: ``<say-as>`` (a number,
# a date, letters), ``<phoneme ph="...">`` (the name its pronunciation spells); kept whole as a
# protected pair, a count in them stays the model's (:func:`_holds_a_count`)
_SAID_AS_WRITTEN = re.compile(r"<(?:say-as|phoneme)[\s>]", re.IGNORECASE)
# a markup element without attributes (<b>...</b>, react-i18next's numbered <1>...</1>: left to
# the model, it moved a pair's words out and the repair closed the pair empty), not nested
_PLAIN_ELEMENT = re.compile(r"<([A-Za-z][\w.-]*|[0-9]{1,2})>([^<]*)</\1>")
# such an element stacked around one other (``<sup><a href="#fn1">1</a></sup>``): one pair
_STACKED_ELEMENT = re.compile(rf"<([A-Za-z][\w.-]*)>(<[A-Za-z]{TAG_BODY}>[^<]*</[^<>]+>)</\1>")
# the markup of game text (ltmt.formats.placeholder_syntax), not nested: TextMeshPro's tag with
# a value (<color=#FFD700>Gold Coins</color>, <link="item_01">...</link>; the model left its
# words in English as it did <b>'s), and BBCode of any case ([b]Start[/B], [color=#ff0]...)
_VALUED_ELEMENT = re.compile(r"<([A-Za-z][\w-]*)=[^<>]*>([^<]*)</\1\s*>")
_BBCODE_ELEMENT = re.compile(
    r"\[([A-Za-z][\w-]*)(?:[=\s][^\[\]]*)?\]((?:(?!\[/).)*)\[/\1\]",
    re.IGNORECASE | re.DOTALL,
)
# Ren'Py's text tags around words ({b}key{/b}, {color=#f00}Danger!{/color}, {a=...}...{/a}):
# left as placeholders, the model kept their words English ({b}key{/b}) or dropped the words
# before them; not a tag after an escaped brace ({{b} is a literal "{b}"), nor one holding
# other braces (a {w} inside, left to the model)
_RENPY_ELEMENT = re.compile(r"(?<!\{)\{([A-Za-z][\w-]*)(?:=[^{}\n]*)?\}([^{}]*)\{/\1\}")
# BBCode's code, which keeps its text as written as <code> does
_BBCODE_VERBATIM = re.compile(r"\[(?:code|kbd|noparse)[\]=\s]", re.IGNORECASE)
# an element whose text is kept as written: code, and Android's <xliff:g>, which marks text not
# to translate (an app's name, a placeholder's example); DITA's code elements (<codeph>,
# <option>, <filepath> ...) are marked translate="no" by its dialect alone
# (ltmt.formats.html_segments.Dialect): in other formats <option> is a word the user reads
VERBATIM_NAMES = frozenset({"code", "kbd", "samp", "var", "tt", "pre", "xliff:g"})
# DocBook's and Mallard's inline code, in the strings itstool makes of a help page (``Run
# <cmd>photonic --reset</cmd>``: the model dropped the program's name and pulled the next
# sentence into the link before it): kept whole in a string, as <code> is; not in HTML's
# vocabulary (:data:`VERBATIM_NAMES`), where DITA's <cmd> is a step's sentence. DocBook's
# <replaceable> is not code: its words name what the reader puts there (``<replaceable>file
# name</replaceable>``), in the reader's language; nor <option> and <varname>, words a user
# reads in other formats (session 68). Only with their closing tag: ``<file name>`` and
# ``<input>`` alone are metavariables (:data:`_METAVARIABLE`), no element. Only in an itstool
# catalog's entries (``docbook``): elsewhere ``Save the <file>current file</file>`` is an app's
# markup around words its user reads (the model kept them English and lost ``Save``)
DOCBOOK_CODE_NAMES = frozenset({
    "command", "userinput", "computeroutput", "filename", "literal", "envar", "parameter",
    "cmd", "input", "output", "file", "sys",
})  # fmt: skip


def _verbatim_element(names: frozenset[str]) -> re.Pattern[str]:
    """An element of ``names`` with its text, closing tag included (with the markup inside it:
    ``<code><a href="...">xsl:stylesheet</a></code>``); keys joined by + (``<kbd>Ctrl</kbd>+
    <kbd>/</kbd>``) are one code: two tokens side by side, the model garbled their ids (press
    »ltmt-v1«/>+<ph ...) and the line was left English."""
    return re.compile(
        rf"<({'|'.join(sorted(names))})(\s{TAG_BODY})?>((?:(?!</?\1[\s>]).)*"
        rf"(?:</\1>{KEY_JOIN}<\1(?:\s{TAG_BODY})?>(?:(?!</?\1[\s>]).)*)*)</\1>",
        re.IGNORECASE | re.DOTALL,
    )


_VERBATIM_ELEMENT = _verbatim_element(VERBATIM_NAMES)
_DOCBOOK_VERBATIM_ELEMENT = _verbatim_element(VERBATIM_NAMES | DOCBOOK_CODE_NAMES)
# the inner translation must match this well (0-100) to be wrapped
MIN_SCORE = 70.0
# failing that, the words of the translation wrapped are those like the inner text's words:
# this fuzzy score, or the same first letters, for words of this many letters or more
MIN_WORD_SCORE = 75.0
SAME_PREFIX = 5
MIN_WORD_LETTERS = 4
_TAG = re.compile(ANY_TAG)
# an element around a whole text: <speak>...</speak>, <p class="x">...</p>
_WRAPPING = re.compile(
    rf"(?P<opening><(?P<name>[A-Za-z][\w:.-]*)(?:\s{TAG_BODY})?(?<!/)>)(?P<inner>.*)"
    r"(?P<closing></(?P=name)\s*>)",
    re.DOTALL,
)
# the quote marks but those that are apostrophes too (``Don't``: no quotation inside a word)
_QUOTATION_MARKS = QUOTE_MARKS - frozenset("'\u2019")
# brackets, and the marks a pair's text never starts or ends with unless its source text does
_BRACKETS = {"(": ")", "[": "]", "{": "}"}
_BRACKET_MARKS = frozenset(_BRACKETS) | frozenset(_BRACKETS.values())
_EDGE_MARKS = _BRACKET_MARKS | _QUOTATION_MARKS
# what a word may have at its edges besides its letters (``(„Nov.``, ``30“).``)
_WORD_EDGES = _EDGE_MARKS | QUOTE_MARKS | frozenset(".,;:!?")
_REFERENCE = re.compile(CHARACTER_REFERENCE)
# a word or words in angle brackets, no markup of the text's: a metavariable (``<Enter>``,
# ``<file name>``), which segments hold as text (:mod:`ltmt.formats.markup_characters`)
_METAVARIABLE = re.compile(r"""<[^\W\d_][^<>/="']*>""")
# a word of two letters or more: a pair around less outside placeholders (an index's letter
# ``<b>A</b>``, a number, ``<strong>%s</strong>``) stays as written, where the model translated
# ``A`` alone as ``Ein`` and moved ``<strong>`` over the words beside ``%s``
_WORD = re.compile(r"[^\W\d_]{2,}")
# a number alone, grouped or with decimals (``42``, ``1,299.99``): a pair around it is a count's
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
# a link marked as a note's reference (EPUB's ``epub:type="noteref"``, ARIA's
# ``role="doc-noteref"``), whatever its text
_NOTE_ROLE = re.compile(
    r"""\b(?:epub:type\s*=\s*["'][^"']*\bnoteref|role\s*=\s*["']doc-noteref)\b""", re.IGNORECASE
)
# a superscript or a link within the page (``<sup>``, ``<a href="#fn1">``): a note's reference
# when it holds a short number or symbol glued to the text before it (``ends.<sup>1</sup>``),
# where ``sold <a href="/sales">1,500</a> copies`` and ``contains <sup>4</sup> batteries`` count
_NOTE_MARK = re.compile(rf"""<(?:sup[\s>]|a\s{TAG_BODY}?\bhref\s*=\s*["']#)""", re.IGNORECASE)
_NOTE_TEXT = re.compile(r"\d{1,3}|[^\w\s]{1,3}")
# the word after a count, spaced from it (``%lld Element``): its noun
_NEXT_WORD = re.compile(r"[ \t\u00a0]+[^\W\d_][\w-]*")


@dataclass(frozen=True)
class Pair:
    """One paired code: its tags and the text between them (``start``/``end`` in the plain
    text)."""

    opening: str
    closing: str
    inner: str
    start: int
    end: int
    token: str = ""  # a protected pair's placeholder in the plain text (else "")
    # glued to the word before its opening tag, or after its closing tag, in the source
    # (``Click<g>here</g>to``): spaced from it for the model, glued back in the translation
    glued_before: bool = False
    glued_after: bool = False


@dataclass(frozen=True)
class PairedText:
    """A source without its paired tags (``text``) and the pairs taken out."""

    text: str
    pairs: tuple[Pair, ...]
    # the tags of an element around the whole source (``<speak>``...``</speak>``), taken off
    # before its pairs: :func:`place_pairs` puts them around the whole translation
    wrapper: tuple[str, str] = ("", "")

    @property
    def to_translate(self) -> list[str]:
        """The inner texts to translate: those of the pairs that are not protected."""
        return [pair.inner for pair in self.pairs if not pair.token]


# a paired code written as two empty elements, one for each end: XLIFF 2.0's <sc id="1"/> and
# the <ec startRef="1"/> that ends it, 1.2's <bx id="1"/> and <ex id="1"/> (or <bx id="1"
# rid="7"/> and <ex id="2" rid="7"/>), and 1.2's <bpt id="1"/> and <ept id="1"/> whose native
# code is not markup (memoQ's ``{}``; :mod:`ltmt.formats.inline` reads ``<b>`` as itself)
_EMPTY_CODE = re.compile(r"<(sc|ec|bx|ex|bpt|ept)(?=\s)[^<>]*/>")
_CODE_ENDS = {"ec": "sc", "ex": "bx", "ept": "bpt"}  # an end's name -> its start's
_CODE_REFERENCE = re.compile(r"""\s(rid|startRef|id)\s*=\s*(?:"([^"]*)"|'([^']*)')""")


@functools.lru_cache(maxsize=256)
def _pair_tag(
    names: frozenset[str],
    codes: frozenset[str],
    bbcode: frozenset[str],
    adoc: bool = False,
    latex: bool = False,
    renpy: frozenset[str] = frozenset(),
    numbered: frozenset[str] = frozenset(),
    inflection: bool = False,
) -> re.Pattern[str]:
    """The opening and closing tags of the elements ``names``, the empty codes ``codes`` (tags
    as written: :func:`_paired_codes`), the BBCode tags of the names ``bbcode`` (any case), the
    Ren'Py text tags of the names ``renpy`` (:data:`_RENPY_ELEMENT`), PrestaShop's markers of
    the numbers ``numbered`` (``[1]``, ``[/1]``: :mod:`ltmt.formats.numbered_markers`),
    with ``adoc`` AsciiDoc's macros (:mod:`ltmt.formats.asciidoc_markup`), with ``inflection``
    Apple's inflection markup (:mod:`ltmt.formats.inflection_markup`), and with ``latex``
    LaTeX's prose commands and quotes (:mod:`ltmt.formats.latex_markup`; its commands kept
    whole are passed over, their braces no pair's)."""
    alternatives = "|".join(sorted(map(re.escape, names)))
    pattern = rf"<(?P<close>/)?(?P<name>{alternatives})(?![\w:.-])(?(close)\s*|{TAG_BODY}?)(?<!/)>"
    if bbcode:
        squared = "|".join(sorted(map(re.escape, bbcode)))
        pattern += (
            rf"|\[(?P<bbclose>/)?(?P<bbname>(?i:{squared}))"
            r"(?(bbclose)\s*|(?:[=\s][^\[\]]*)?)\]"
        )
    if numbered:
        numbers = "|".join(sorted(numbered))
        pattern += rf"|\[(?P<nmclose>/)?(?P<nmname>{numbers})\]"
    if renpy:
        braced = "|".join(sorted(map(re.escape, renpy)))
        pattern += (
            rf"|(?<!\{{)\{{(?P<rpclose>/)?(?P<rpname>{braced})"
            r"(?(rpclose)|(?:=[^{}\n]*)?)\}"
        )
    if codes:
        pattern += f"|(?P<code>{'|'.join(sorted(map(re.escape, codes), key=len, reverse=True))})"
    if adoc:
        pattern += f"|{ASCIIDOC_PAIR_MARKS}"
    if inflection:
        pattern += f"|{INFLECTION_PAIR_MARKS}"
    if latex:
        pattern += f"|(?P<latex_verbatim>{LATEX_VERBATIM})|{LATEX_PAIR_MARKS}"
    return re.compile(f"{pattern}|{REST_PAIR_MARKS}|{REST_VERBATIM}|{MARKDOWN_PAIR_MARKS}")


def _passed_over(matches: Iterable[re.Match[str]]) -> Iterator[re.Match[str]]:
    """``matches`` without LaTeX's commands kept whole (``\\ref{...}``: group
    ``latex_verbatim``), which :func:`_pair_tag` finds so that their braces close no pair."""
    return (match for match in matches if match.group("latex_verbatim") is None)


def _code_role(tag: str) -> tuple[bool, str]:
    """Whether the empty code ``tag`` (:data:`_EMPTY_CODE`) ends a pair, and what ties it to
    its other end: the start's name and 1.2's ``rid`` where it has one, else the id (2.0's
    ``<ec>``: ``startRef``)."""
    name = tag[1:].split(maxsplit=1)[0]
    references = {found[1]: found[2] or found[3] or "" for found in _CODE_REFERENCE.finditer(tag)}
    reference = references.get("rid") or references.get("startRef" if name == "ec" else "id")
    return name in _CODE_ENDS, f"{_CODE_ENDS.get(name, name)} {reference or ''}"


def _paired_codes(source: str) -> frozenset[str]:
    """The empty codes of ``source`` (:data:`_EMPTY_CODE`) that start a pair whose end comes
    after them in ``source``, and those ends; a code whose other end is in another segment
    stays a placeholder."""
    opened: dict[str, str] = {}  # what ties a start not ended yet to its end -> the start
    paired: set[str] = set()
    for found in _EMPTY_CODE.finditer(source):
        closes, key = _code_role(found.group())
        if not closes:
            opened[key] = found.group()
        elif key in opened:
            paired.update((opened.pop(key), found.group()))
    return frozenset(paired)


def _role(match: re.Match[str]) -> tuple[bool, str]:
    """Whether a tag :func:`_pair_tag` found closes a pair, and the name its partner has
    alike: an element's name, or for an empty code what ties its two ends (:func:`_code_role`)."""
    found = match.groupdict()
    if found.get("adoc_opening") is not None:
        return False, closing_of(match.group())
    if found.get("adoc_closing") is not None:
        return True, match.group()
    if found.get("inflection_opening") is not None:
        return False, "^["
    if found.get("inflection_closing") is not None:
        return True, "^["
    if found.get("latex_opening") is not None:
        return False, latex_closing_of(match.group())
    if found.get("latex_closing") is not None:
        return True, match.group()
    if found["md_opening"] is not None:  # a Markdown link's [, closed by its ](target)
        return False, "["
    if found["md_inline"] is not None or found["md_reference"] is not None:
        return True, "["
    if found["rest_opening"] is not None or found["rest_closing"] is not None:
        return found["rest_closing"] is not None, pair_name(match.group())
    if found.get("bbname") is not None:  # [b] closes no <b>, and [/B] closes [b]
        return bool(found["bbclose"]), f"[{found['bbname'].lower()}"
    if found.get("nmname") is not None:  # PrestaShop's [/1] closes [1]
        return bool(found["nmclose"]), f"[{found['nmname']}"
    if found.get("rpname") is not None:  # {/b} closes {b}, not <b>
        return bool(found["rpclose"]), "{" + found["rpname"]
    if found.get("code") is not None:
        return _code_role(found["code"])
    return bool(found["close"]), str(found["name"])


def kept_as_written(opening: str) -> bool:
    """Whether the element an opening tag (``<code>``, ``<span class="notranslate">``) starts
    keeps its text as written: code, or marked not to translate."""
    name = re.match(r"<([^\s/>]+)", opening)
    return (name is not None and name[1].lower() in VERBATIM_NAMES) or _protected(opening)


def _protected(opening: str) -> bool:
    """Whether a pair's opening tag marks its text not to translate (:data:`_PROTECTED`), or
    is SSML's said as written (:data:`_SAID_AS_WRITTEN`)."""
    return bool(_PROTECTED.search(opening) or _SAID_AS_WRITTEN.match(opening))


def verbatim_spans(text: str, *, docbook: bool = False) -> list[tuple[int, int]]:
    """The ``(start, end)`` spans of ``text``'s code elements, tags included (``<code>cloudsync
    login</code>``: :data:`VERBATIM_NAMES`; with ``docbook``, an itstool catalog's entry,
    :data:`DOCBOOK_CODE_NAMES` too), whose text is kept as written."""
    return [found.span() for found in _kept_elements(docbook).finditer(text)]


def _kept_elements(docbook: bool) -> re.Pattern[str]:
    """The code elements kept whole: DocBook's and Mallard's too where ``docbook``."""
    return _DOCBOOK_VERBATIM_ELEMENT if docbook else _VERBATIM_ELEMENT


def strip_pairs(source: str, *, docbook: bool = False) -> PairedText | None:
    """``source`` without its paired codes, or ``None`` when it has none, or unbalanced ones,
    or ones nested otherwise than stacked (those are left to the model and the placeholder
    repair). An element around the whole source (SSML's ``<speak>``) is taken off first
    (:attr:`PairedText.wrapper`), and the pairs inside it are stripped as in a source of their
    own: left on, the model read its tag and first word as one (``<speak>I <emphasis>told
    </emphasis> you so.</speak>`` kept ``I``), and the sentence's final mark went after the
    closing tag (``<speak>Warte</speak>!``). A code element
    (``<code>`` ...) becomes its token first, inside other markup too (a link's ``<code>``):
    where the rest is left to the model, the code is not; with ``docbook`` (an itstool
    catalog's entry) DocBook's and Mallard's code too (:data:`DOCBOOK_CODE_NAMES`)."""
    wrapped = element_around(source, docbook=docbook)
    if wrapped is not None:
        opening, inner, closing = wrapped
        found = strip_pairs(inner, docbook=docbook)
        if found is None:
            return PairedText(inner, (), (opening, closing))
        return replace(found, wrapper=(opening + found.wrapper[0], found.wrapper[1] + closing))
    verbatim: list[Pair] = []

    def token(found: re.Match[str]) -> str:
        verbatim.append(
            Pair(
                source[found.start() : found.start(3)],
                source[found.end(3) : found.end()],
                found.group(3),
                0,
                0,
                f'<ph id="ltmt-v{len(verbatim) + 1}"/>',
            )
        )
        return verbatim[-1].token

    text = _kept_elements(docbook).sub(token, source)
    # AsciiDoc's macros kept whole (pass:[<u>yes</u>]: no <u> pair of its own)
    for macro in reversed(list(verbatim_macros(text))):
        verbatim.append(Pair(macro[0], "", "", 0, 0, f'<ph id="ltmt-v{len(verbatim) + 1}"/>'))
        text = text[: macro.start()] + verbatim[-1].token + text[macro.end() :]
    found = _strip_pairs(text)
    plain = found.text if found is not None else text
    placed = []
    for pair in verbatim:
        start = plain.find(pair.token)
        if start >= 0:  # (else inside a pair kept as written, which takes its code back)
            placed.append(replace(pair, start=start, end=start + len(pair.token)))
    if found is None:
        return PairedText(text, tuple(placed)) if placed else None
    return PairedText(found.text, (*placed, *(_with_code(pair, verbatim) for pair in found.pairs)))


def element_around(source: str, *, docbook: bool = False) -> tuple[str, str, str] | None:
    """``(opening tag, text, closing tag)`` of an element around the whole of ``source``, not
    one kept as written (:func:`kept_as_written`; with ``docbook``, DocBook's code too) nor one
    around no word (a count, a placeholder alone: :func:`_strip_pairs` keeps those); ``None``
    where there is none."""
    found = _WRAPPING.fullmatch(source.strip())
    if found is None or kept_as_written(found["opening"]):
        return None
    if docbook and _DOCBOOK_VERBATIM_ELEMENT.fullmatch(source.strip()):  # <cmd>...</cmd> alone
        return None
    inner, name = found["inner"], re.escape(found["name"])
    if not _WORD.search(without_placeholders(_TAG.sub(" ", inner))):
        return None
    depth = 0  # the element's own tags inside: its closing tag must end the source's opening
    for tag in re.finditer(rf"<(/?){name}(?:\s{TAG_BODY})?(?<!/)>", inner):
        depth += -1 if tag[1] else 1
        if depth < 0:
            return None
    return (found["opening"], inner, found["closing"]) if depth == 0 else None


def pairs_over_terms(paired: PairedText, terms: Sequence[tuple[int, int]]) -> PairedText:
    """``paired`` with each pair that cuts a glossary term (``terms``: the ``(start, end)`` of
    each in the plain text) widened to hold the whole term: ``Set the <g id="1">flow</g> rate``
    with ``flow rate`` → ``Förderrate`` is translated as ``<g id="1">flow rate</g>``, so the
    pair goes around the term's translation (its inner text, translated alone, was ``flow``,
    which the translation lacked: ``die <g id="1">flow</g> Förderrate``). A pair kept as
    written (a token), or one that the widening would run into another pair, stays as it is."""
    pairs = list(paired.pairs)
    for n, pair in enumerate(pairs):
        for start, end in terms:
            cut = (
                start < pair.end and pair.start < end and not pair.start <= start < end <= pair.end
            )
            if pair.token or not cut:
                continue
            begin, stop = min(start, pair.start), max(end, pair.end)
            if any(o.start < stop and begin < o.end for k, o in enumerate(pairs) if k != n):
                continue
            pair = replace(pair, inner=paired.text[begin:stop], start=begin, end=stop)
        pairs[n] = pair
    return replace(paired, pairs=tuple(pairs))


def _with_code(pair: Pair, verbatim: list[Pair]) -> Pair:
    """``pair``, when kept as written, with the code elements its text holds as tokens written
    back (``<em class="parameter"><code>x</code></em>``)."""
    if not pair.token:
        return pair
    inner = pair.inner
    for code in verbatim:
        inner = inner.replace(code.token, code.opening + code.inner + code.closing)
    return replace(pair, inner=inner)


def _strip_pairs(source: str) -> PairedText | None:
    """:func:`strip_pairs` once code elements are tokens. Pairs stacked with no text between
    their tags (``<a href="..."><em>the guide</em></a>``) are one pair; any other nesting is
    left to the model (``None``)."""
    pieces: list[str] = []
    pairs: list[Pair] = []
    opened: list[tuple[str, str, int]] = []  # (name, tag, where), the outermost first
    closings: list[str] = []  # the closing tags met of the open ones, the innermost first
    length = last = inner_end = 0
    names = (
        _CODE_NAMES
        | {found.group(1) for found in _ATTRIBUTED.finditer(source)}
        | _names_with_text(_PLAIN_ELEMENT, source)
        | _names_with_text(_STACKED_ELEMENT, source)
        | _names_with_text(_VALUED_ELEMENT, source)
    )
    bbcode = frozenset(name.lower() for name in _names_with_text(_BBCODE_ELEMENT, source))
    renpy = _names_with_text(_RENPY_ELEMENT, source) if "{/" in source else frozenset()
    numbered = numbers_with_text(source) if "[/" in source else frozenset()
    adoc = has_pairs(source)
    latex = "\\" in source and is_latex(source)
    inflection = has_inflection(source)
    pair_tag = _pair_tag(
        names, _paired_codes(source), bbcode, adoc, latex, renpy, numbered, inflection
    )
    tags = pair_tag.finditer(source)
    tags = inflection_paired(tags) if inflection else tags
    tags = latex_paired(_passed_over(tags)) if latex else tags
    marks = direction_marks(source)  # *laughs* And I'm always right.: no emphasis
    tags = (tag for tag in tags if tag.start() not in marks) if marks else tags
    for match in markdown_paired(paired(adoc_paired(tags) if adoc else tags)):
        between = source[last : match.start()]
        pieces.append(between)
        length += len(between)
        last = match.end()
        closing, name = _role(match)
        if not closing:
            if closings or (opened and between):  # a tag opened inside with text before it
                return None
            opened.append((name, match.group(), length))
            continue
        if not opened or name != opened[len(opened) - 1 - len(closings)][0]:
            return None
        if closings and between:  # text between an inner closing tag and an outer one
            return None
        if not closings:
            inner_end = match.start()
        closings.append(match.group())
        if len(closings) < len(opened):
            continue
        start = opened[0][2]
        opening = "".join(tag for _, tag, _ in opened)
        plain = "".join(pieces)
        pair = Pair(opening, "".join(closings), plain[start:], start, length)
        opened, closings = [], []
        if not _is_note_reference(pair, plain) and _holds_a_count(pair.inner, source, inner_end):
            written = pair.opening + pair.inner + pair.closing
            pieces[:] = [plain[: pair.start] + written]
            length = pair.start + len(written)
            continue
        if (
            _protected(pair.opening)
            or _BBCODE_VERBATIM.search(pair.opening)
            or not _WORD.search(without_placeholders(pair.inner))
        ):
            token = f'<ph id="ltmt-{len(pairs) + 1}"/>'
            del pieces[:]
            pieces.append(plain[: pair.start] + token)
            length = pair.start + len(token)
            pair = Pair(pair.opening, pair.closing, pair.inner, pair.start, length, token)
        pairs.append(pair)
    if opened or not pairs:
        return None
    pieces.append(source[last:])
    return _spaced_from_words(PairedText("".join(pieces), tuple(pairs)))


def _spaced_from_words(paired: PairedText) -> PairedText:
    """``paired`` with a space where taking a pair's tags out glued its words to the words
    beside them (``Use the <bx/>Save<ex/>button`` → ``Use the Save button``: the model read
    ``Savebutton`` as one word and the pair went around both), and each such pair marked glued
    on that side, so :func:`place_pairs` glues it back as the source has it."""
    text = paired.text

    def glued(at: int) -> bool:
        return 0 < at < len(text) and text[at - 1].isalnum() and text[at].isalnum()

    pairs = [
        pair
        if pair.token
        else replace(pair, glued_before=glued(pair.start), glued_after=glued(pair.end))
        for pair in paired.pairs
    ]
    spaces = sorted(
        {pair.start for pair in pairs if pair.glued_before}
        | {pair.end for pair in pairs if pair.glued_after}
    )
    if not spaces:
        return paired

    def moved(at: int, *, end: bool) -> int:  # a space at a pair's own edge stays outside it
        return at + sum(1 for space in spaces if space < at or (space == at and not end))

    for at in reversed(spaces):
        text = text[:at] + " " + text[at:]
    return PairedText(
        text,
        tuple(
            replace(pair, start=moved(pair.start, end=False), end=moved(pair.end, end=True))
            for pair in pairs
        ),
    )


def _is_note_reference(pair: Pair, text: str) -> bool:
    """Whether ``pair``, at its place in ``text`` (the text taken out so far), is a note's
    reference, kept whole as one placeholder: a link marked as one, or a superscript or
    in-page link around a short number or symbol glued to the word or mark before it
    (``It ends.<sup><a href="#fn1">1</a></sup>``). Left in the text as a count, the model broke
    its markup; a link or superscript around a count read before its noun (``sold <a
    href="/sales">1,500</a> copies``) is not one, and stays a count the model localises."""
    if _NOTE_ROLE.search(pair.opening):
        return True
    glued = pair.start > 0 and not text[pair.start - 1].isspace()
    return (
        glued
        and _NOTE_MARK.match(pair.opening) is not None
        and _NOTE_TEXT.fullmatch(pair.inner) is not None
    )


def _holds_a_count(inner: str, source: str, inner_end: int) -> bool:
    """Whether a pair's text ``inner``, which ends at ``inner_end`` in ``source``, is a number
    or a count's field alone (``<b>%d</b> drafts``, ``<b>{count}</b>``): the pair stays in the
    text as written, as the model reads a count before its noun (kept whole as a token, it read
    none and wrote ``<b>%d</b>-Vorgaben``); a name's field (``<strong>%s</strong>``) is kept
    whole."""
    if _NUMBER.fullmatch(inner.strip()):
        return True
    fields = find_placeholders(source[: inner_end - len(inner) + len(inner.rstrip())])
    field = fields[-1] if fields else None
    return field is not None and field.text == inner.strip() and counts(field, source)


def _names_with_text(element: re.Pattern[str], source: str) -> frozenset[str]:
    """The names of the elements of one markup (``element``: a pattern of its name and text)
    in ``source`` whose text is not blank: one around words is translated apart, one around
    no word (a placeholder alone, ``<strong>%s</strong>``; a number) kept whole as written
    (:func:`_strip_pairs`)."""
    return frozenset(name for name, inner in element.findall(source) if inner.strip())


def place_pairs(
    paired: PairedText,
    translation: str,
    inner_translations: Sequence[str],
    match_words: Sequence[str] = (),
    kept_apart: Collection[str] = (),
    edge_words: Sequence[str] = (),
) -> str:
    """``translation`` (of ``paired.text``) with each pair put back around the words that match
    best its words in the memory match the translation followed (``match_words``, one per
    :attr:`PairedText.to_translate`, ``""`` for none: :mod:`ltmt.formats.match_pairs`), its
    inner translation (``inner_translations``, one per pair likewise) or its untranslated inner
    text, the last in place where the translation copied a label it translates otherwise
    (:func:`_in_place_of_copy`); failing that, around the words like theirs
    (:func:`_find_words`); a pair found in none of these ways, with its inner translation, at
    the word nearest its place in the source (see the module docstring). But a pair whose
    opening tag is one of ``kept_apart`` (a Word document's tracked insertion) is left out
    where it is not found: its words written in beside the translation's would say the
    sentence twice (``kann <ins>Mai</ins>`` for ``<ins>may</ins>``), so the translation's
    words stand untracked. A pair that would be put in goes around its ``edge_words`` (one per
    pair to translate, ``""`` for none: a plain match's words at the pair's edge,
    :func:`ltmt.formats.match_pairs.edge_words_in_matches`) where the translation has them."""
    spans: list[tuple[int, int, Pair]] = []
    translated = iter(inner_translations)
    pending = [(pair, next(translated).strip()) for pair in paired.pairs if not pair.token]
    remembered = dict(zip((pair for pair, _ in pending), match_words, strict=False))
    at_edge = dict(zip((pair for pair, _ in pending), edge_words, strict=False))
    wording = {pair: remembered.get(pair) or inner for pair, inner in pending}
    while pending:  # the best found first: a weaker match never takes a better one's words
        found = [
            _find(
                translation,
                [remembered.get(pair, ""), inner, pair.inner.strip()],
                spans,
                _place(paired.text, pair),
            )
            for pair, inner in pending
        ]
        hits = [(hit, number) for number, hit in enumerate(found) if hit is not None]
        if not hits:
            break
        (_, start, end), number = max(hits, key=lambda hit: hit[0][0])  # ties: the first
        spans.append((start, end, pending.pop(number)[0]))
    unfound = sorted(pending, key=lambda item: item[0].start)
    lost: list[tuple[Pair, str]] = []
    for pair, inner in unfound:  # after the pairs found whole, which keep their words
        source = pair.inner.strip()
        span = _find_words(translation, inner, source, spans, _place(paired.text, pair))
        words = _words_for_lost(source, inner)
        if span is None and words == source and source.lower() in lowercase_words():
            span = _last_word(translation, spans, _place(paired.text, pair))
        if span is None:
            span = _same_sentence(paired.text, pair, translation, spans, inner)
        if span is None and at_edge.get(pair):  # (only where it would be put in: a fallback)
            edge = _find(translation, [at_edge[pair]], spans, _place(paired.text, pair))
            span = edge[1:] if edge is not None else None
        if span is not None:
            spans.append((*span, pair))
        elif pair.opening not in kept_apart:  # (else its words stay the translation's)
            lost.append((pair, words))
    spans = [
        (start, _with_counted_noun(translation, start, end, pair, spans), pair)
        for start, end, pair in spans
    ]
    text = translation
    place = functools.partial(_place, paired.text)
    for pair, inner in lost:
        text, start = _insert(text, spans, place(pair), inner)
        spans.append((start, start + len(inner), pair))
    for pair in paired.pairs:
        if pair.token and pair.token not in text:  # lost by the model and its repair
            text, _ = _insert(text, spans, place(pair), pair.token)
    inserted = {pair for pair, _ in lost}
    for found_start, found_end, pair in sorted(spans, key=lambda s: s[0], reverse=True):
        start, whole_end = _without_marks_outside(text, found_start, found_end, pair.inner)
        end = _without_compound_tail(text, start, whole_end, pair.inner)
        start, end = _words_outside_kept(text, (start, end), paired.text, pair)
        if pair not in inserted and end == whole_end:  # (not a name a compound starts with)
            text, end = _in_place_of_copy(text, (start, end), pair.inner, wording[pair])
        before, after = text[:start], text[end:]
        if pair.glued_before and before.rstrip()[-1:].isalnum():
            before = before.rstrip()
        if pair.glued_after and after.lstrip()[:1].isalnum():
            after = after.lstrip()
        before, inside, after = spaces_inside(pair.inner, before, text[start:end], after)
        text = before + pair.opening + inside + pair.closing + after
    for pair in paired.pairs:
        if pair.token:
            text = text.replace(pair.token, pair.opening + pair.inner + pair.closing, 1)
    return paired.wrapper[0] + text + paired.wrapper[1]


def _with_counted_noun(
    text: str, start: int, end: int, pair: Pair, spans: Sequence[tuple[int, int, Pair]]
) -> int:
    """The end of ``pair``'s words in ``text``, found from ``start`` to ``end``: ``end``, but
    for Apple's inflection markup found around a count alone (``%lld``) where its source has
    words too (``^[%lld item](inflect: true)``), the end of the word right after it. Foundation
    makes the words inside the brackets agree with the count there (``^[%lld
    Element](inflect: true)``); the count's own translation matched where its noun's did not
    (``%lld Objekt`` for ``%lld Element``), and the markup went around ``%lld`` alone."""
    if not opens_inflection(pair.opening) or has_letter(without_placeholders(text[start:end])):
        return end
    word = _NEXT_WORD.match(text, end)
    if word is None or not has_letter(without_placeholders(pair.inner)):
        return end
    if any(word.start() < e and s < word.end() for s, e, other in spans if other is not pair):
        return end
    return word.end()


def without_tags(source: str, pairs: Iterable[Pair]) -> str:
    """``source`` without the tags of ``pairs`` (their text kept): the source a translation
    that left those pairs out (:func:`place_pairs`' ``kept_apart``) is checked against, so that
    the placeholder repair does not write them back in, empty."""
    for pair in pairs:
        start = source.find(pair.opening)
        end = source.find(pair.closing, start + len(pair.opening))
        if start < 0 or end < 0:
            continue
        inner = source[start + len(pair.opening) : end]
        source = source[:start] + inner + source[end + len(pair.closing) :]
    return source


def _last_word(
    text: str, spans: list[tuple[int, int, Pair]], place: float
) -> tuple[int, int] | None:
    """The last word of ``text`` outside ``spans``: where a pair around one English word (one
    a sentence writes in lower case: no name, which a translation drops, ``docutils``) at the
    end of its source (``place`` 1) goes when neither its words nor their own translation are
    in ``text`` and that translation is no use (the model garbled the word alone: ``shipped``
    → ``Schiffsped``): the sentence's translation translated the word there (``Your order has
    been <pc>shipped</pc>.`` → ``Ihre Bestellung wurde <pc>verschifft</pc>.``, where the
    English word was put back beside it: ``verschifft <pc>shipped</pc>``); None for a pair
    elsewhere (a sentence's first words are another language's article or subject as often
    as the pair's word)."""
    if place != 1.0:
        return None
    blanked = _blank_tags(text)
    words = [
        _core(text, *found.span())
        for found in re.finditer(r"\S+", blanked)
        if LETTERS.search(found.group())
        and not any(start < found.end() and found.start() < end for start, end, _ in spans)
    ]
    if not words:
        return None
    return words[-1]


# how much shorter than the link's words' own translation (or it than them) the sentence it
# goes around may be: "Lesen mehr" for "Weiterlesen", not a stray "Unter" for "Rückgängig"
_SENTENCE_LENGTH_RATIO = 0.6


def _same_sentence(
    text: str, pair: Pair, translation: str, spans: list[tuple[int, int, Pair]], inner: str
) -> tuple[int, int] | None:
    """The words of the sentence of ``translation`` that stands where ``pair``'s sentence
    stands in ``text``, where the pair holds a whole sentence of it (but its end mark) and
    both have as many sentences: a link that is a sentence of its own, whose words the model
    translated otherwise than alone (``... verfügbar. Lesen mehr`` for ``... available.
    <link>Read more</link>``, alone ``Weiterlesen``: the inner translation was written in
    beside them, ``Lesen mehr <link>Weiterlesen</link>``, the link's text said twice); None
    where the pair is not a whole sentence, the counts differ, those words are taken or they
    are no likely translation of the pair's: much shorter or longer than ``inner``, its words'
    own translation (``Unter``, a stray word, for ``Undo``, alone ``Rückgängig``)."""
    sources, targets = split_sentences(text), split_sentences(translation)
    if len(sources) < 2 or len(sources) != len(targets):
        return None
    starts = [sum(map(len, sources[:number])) for number in range(len(sources))]
    for number, sentence in enumerate(sources):
        if _trimmed(text, starts[number], starts[number] + len(sentence)) != (pair.start, pair.end):
            continue
        begin = sum(map(len, targets[:number]))
        start, end = _trimmed(translation, begin, begin + len(targets[number]))
        taken = any(s < end and start < e for s, e, _ in spans)
        lengths = sorted((end - start, len(inner.strip())))
        alike = lengths[0] >= _SENTENCE_LENGTH_RATIO * lengths[1]
        return None if taken or start == end or not alike else (start, end)
    return None


def _in_place_of_copy(
    text: str, span: tuple[int, int], source: str, translation: str
) -> tuple[str, int]:
    """``text`` with its words ``span`` replaced by ``translation`` where the pair's source
    text ``source`` is a label (:func:`_is_label`) or words in lower case
    (:func:`_common_words`), they are it copied (the same words but for
    case and edge punctuation) and ``translation``, its words alone, says other words: the
    model copied a label it translates (``Important: Geben Sie ...``, where ``Important:``
    alone is ``Wichtig:``; ``invoice 42``, alone ``Rechnung 42``); and where the span ends now.
    Else ``text`` and the span's end as they are: any other copied words are a name or UI label
    the model chose to keep
    (``<b>Paint</b>``, whose one-word translation is ``Schmerzen``)."""
    start, end = _core(text, *span)
    copied, wanted = text[start:end], _bare(translation)
    if not (_is_label(source) or _common_words(source)) or not wanted:
        return text, span[1]
    if _fold(copied) != _fold(_bare(source)) or _fold(wanted) == _fold(copied):
        return text, span[1]
    return text[:start] + wanted + text[end:], span[1] + len(wanted) - len(copied)


def _common_words(source: str) -> bool:
    """Whether a pair's source text is English words a sentence writes in lower case (and
    numbers), no name: copied into a German sentence, they are words the model did not
    translate (``Delete <span class="visually-hidden">invoice 42</span>`` → ``Löschen
    invoice 42``, whose words alone are ``Rechnung 42``). Two words or more, or a word with a
    number: one word alone is kept as copied, as a term the model chose to keep (its
    translation alone may take another sense: ``<b>manual</b>`` is not ``Handbuch``)."""
    words = LETTERS.findall(source)
    if len(words) < 2 and not any(character.isdigit() for character in source):
        return False
    return all(word in lowercase_words() for word in words)


def _is_label(source: str) -> bool:
    """Whether a pair's source text is a label that introduces the sentence (``Important:``,
    ``Tip:``, ``Note:``), the one kind of copied English the pair's own translation replaces."""
    return source.rstrip().endswith(":")


def _bare(words: str) -> str:
    """``words`` without the spaces, brackets, quote marks and punctuation at its edges."""
    words = words.strip()
    start, end = _core(words, 0, len(words))
    return words[start:end]


def _without_marks_outside(text: str, start: int, end: int, inner: str) -> tuple[int, int]:
    """``[start, end)`` of ``text`` without the brackets, quotation marks and symbols at its
    edges where the pair's source text ``inner`` has none at that edge (the source has them
    outside the pair: ``(<g>Nov. 30, 2026</g>)``, which the translation's ``(Nov. 30, 2026)``
    must not pull inside it, nor a button's icon after its hidden label, ``<span
    class="sr-only">Close</span>&times;``, its ``Schließen&times;``), as long as what is left
    holds its brackets balanced and no quotation mark of a quotation cut in two; else
    ``[start, end)`` as it is."""
    source = inner.strip()
    peel_start = not _outside_mark(source[:1])
    peel_end = not _outside_mark(source[-1:])

    def peeled(character: str, peel: bool) -> bool:
        # at an edge where the source has a mark, still a bracket its text has nowhere
        # (``<b>"Agreement"</b>)``, not ``<b>"Agreement")</b>``)
        if peel:
            return _outside_mark(character)
        return character in _BRACKET_MARKS and character not in source

    inner_start, inner_end = start, end
    while True:
        if inner_start < inner_end and peeled(text[inner_start], peel_start):
            inner_start += 1
        elif inner_end > inner_start and peeled(text[inner_end - 1], peel_end):
            inner_end -= 1
        else:
            break
    left = text[inner_start:inner_end]
    peeled_quote = any(c in _QUOTATION_MARKS for c in text[start:inner_start] + text[inner_end:end])
    if not left.strip() or not _balanced(left) or (peeled_quote and _quoted(left)):
        return start, end
    return inner_start, inner_end


def _outside_mark(character: str) -> bool:
    """Whether ``character`` is a mark a pair's edge leaves out where its source text has none
    there: a bracket, a quotation mark, a symbol (``&times;``, ``👁``, ``→``) or what joins or
    varies an emoji's."""
    return bool(character) and (
        character in _EDGE_MARKS
        or unicodedata.category(character).startswith("S")
        or character in "\u200d\ufe0f"
    )


def _without_compound_tail(text: str, start: int, end: int, inner: str) -> int:
    """The end of a pair around ``inner`` in its source whose words in ``text`` (``[start,
    end)``) end in a hyphenated compound that starts with those words as written: right after
    them (``<strong>AeroFlex</strong>-Matte`` for ``<strong>AeroFlex</strong> mat``, not
    ``<strong>AeroFlex-Matte</strong>``, a bold over the word the source has outside it; a
    kept name of several words alike, ``<g>CardioSense™ X1</g>-Sensor`` for ``<g>CardioSense™
    X1</g> sensor``); else ``end``."""
    name, words = inner.strip(), text[start:end]
    if not name or not _fold(words).startswith(_fold(name) + "-"):
        return end
    tail = words[len(name) + 1 :]
    return start + len(name) if tail and not any(c.isspace() for c in tail) else end


def _words_outside_kept(
    text: str, span: tuple[int, int], source: str, pair: Pair
) -> tuple[int, int]:
    """``span`` of ``text``, where a pair with words of its ``source`` outside it on one side
    only would hold all of ``text``'s words, one hyphenated compound of a part for each word of
    the source, cut so that it holds a part for each of its own words: ``#
    Minihilfen-<Badge>Benta</Badge>`` for ``# Tooltip <Badge>Beta</Badge>``, not ``#
    <Badge>Minihilfen-Benta</Badge>``, the heading's word moved into the badge. A pair whose
    source has a hyphen of its own, or a compound whose parts do not go one to a source word,
    keeps its span (``<i>Read-only</i>`` stays whole, not ``Read-<i>only</i>``; ``E-Mail
    verwenden`` for ``Use <b>E-mail</b>`` is no one compound)."""
    start, end = span
    blank = _blank_tags(text)
    words = blank[start:end].strip()
    plain = _blank_tags(source)
    inside = _words(plain[pair.start : pair.end])
    before, after = _words(plain[: pair.start]), _words(plain[pair.end :])
    parts = words.split("-")
    if (
        any(map(str.isalpha, blank[:start] + blank[end:]))
        or any(c.isspace() for c in words)
        or "-" in plain[pair.start : pair.end]
        or not inside
        or bool(before) == bool(after)
        or len(parts) != len(inside) + len(before) + len(after)
        or not all(parts)
    ):
        return span
    start += blank[start:end].index(words)
    cut = len("-".join(parts[: len(before)])) + 1 if before else 0
    kept = len("-".join(parts[len(before) :][: len(inside)]))
    return start + cut, start + cut + kept


def _words(text: str) -> list[str]:
    """The words of ``text`` (split at blanks) that hold a letter."""
    return [word for word in text.split() if any(map(str.isalpha, word))]


def _balanced(text: str) -> bool:
    """Whether each bracket of ``text`` is closed by its partner, in order."""
    opened: list[str] = []
    for character in text:
        if character in _BRACKETS:
            opened.append(_BRACKETS[character])
        elif character in _BRACKETS.values() and (not opened or opened.pop() != character):
            return False
    return not opened


def _quoted(text: str) -> bool:
    """Whether ``text`` holds a quotation mark (one that is no apostrophe)."""
    return any(character in _QUOTATION_MARKS for character in text)


def _words_for_lost(source: str, translation: str) -> str:
    """The words a pair the model dropped comes back with: its inner translation, or its source
    text where that translation is nearly the source (a name the model garbled alone:
    ``docutils`` → ``Doktutils``) or empty."""
    if not translation or match_score(translation, source) >= MIN_SCORE:
        return source
    return translation


def _place(text: str, pair: Pair) -> float:
    """Where ``pair`` stands in the plain ``text`` (0: its start, 1: its end): at an edge when
    nothing but punctuation is beyond it, else at its middle."""
    if not text[: pair.start].strip():
        return 0.0
    if not text[pair.end :].strip(" .,;:!?"):
        return 1.0
    return (pair.start + pair.end) / 2 / len(text)


def _insert(
    text: str, spans: list[tuple[int, int, Pair]], place: float, piece: str
) -> tuple[str, int]:
    """``text`` with ``piece`` at the word nearest ``place`` outside ``spans`` (which are
    moved along) and tags, and where it starts."""
    apart = _apart(text, spans)
    at = nearest_word_start(text, place, lambda i: not any(s < i < e for s, e in apart))
    before, after = text[:at], text[at:]
    lead = " " if before and not before[-1].isspace() else ""
    trail = " " if after and not after[0].isspace() and after[0] not in ".,;:!?" else ""
    shift = len(lead + piece + trail)
    spans[:] = [(s + shift if s >= at else s, e + shift if e > at else e, p) for s, e, p in spans]
    return before + lead + piece + trail + after, at + len(lead)


def _find(
    text: str, needles: list[str], taken: list[tuple[int, int, Pair]], place: float
) -> tuple[float, int, int] | None:
    """The best match of one of ``needles`` in ``text`` outside ``taken`` (partial-ratio
    alignment, score :data:`MIN_SCORE` or more, starting at a word's start or a compound
    part's, widened to whole words): (score, start, end).
    Of two as good, the one nearer ``place`` (where the pair stands in its source, 0 to 1):
    the inner translation ``Ungeladen`` matched the ``ungeladen`` of another clause as well
    as the source's ``Unload`` matched the button's ``Unload-Knopfs``."""
    from rapidfuzz import fuzz

    best: tuple[float, int, int] | None = None

    def distance(start: int, end: int) -> float:
        return abs((start + end) / 2 - place * len(text))

    for needle in needles:
        if not needle or not text.strip():
            continue
        found = fuzz.partial_ratio_alignment(_fold(needle), _fold(text))
        if found is None or found.score < MIN_SCORE or _inside_a_word(text, found.dest_start):
            continue
        start, end = _whole_words(text, found.dest_start, found.dest_end)
        if start >= end:  # punctuation alone
            continue
        if any(start < t_end and t_start < end for t_start, t_end, _ in taken):
            continue
        if (
            best is None
            or found.score > best[0]
            or (found.score == best[0] and distance(start, end) < distance(*best[1:]))
        ):
            best = (found.score, start, end)
    return best


def _inside_a_word(text: str, at: int) -> bool:
    """Whether ``at`` is inside a word of ``text``, after a letter or digit of it: a match
    starting there is part of another word (``Laub``, the inner translation of ``leave``, in
    ``Erlauben``), which a pair never encloses; a word's start, or a part's after a hyphen
    (``Dokument`` of ``Mein-Dokument``), is no such place."""
    return 0 < at < len(text) and text[at - 1].isalnum() and text[at].isalnum()


def _find_words(
    text: str, inner: str, source: str, taken: list[tuple[int, int, Pair]], place: float
) -> tuple[int, int] | None:
    """Where the inner text (``source``, translated alone ``inner``) was translated other than
    on its own, the words of ``text`` that look like its words: one like a word of either of
    :data:`MIN_WORD_LETTERS` letters or more (fuzzy score :data:`MIN_WORD_SCORE`, or the same
    first :data:`SAME_PREFIX` letters, as a German compound and its head:
    ``Privatsphäre``/``Privatsphäre-Einstellungen``), or a shorter word of the source as written
    (``Tab``, ``VPN``), the others run on from it with at most one other word between. Of
    several runs, the one with the most such words, then the nearest ``place``; None where no
    word is alike."""
    wanted = {_fold(piece) for piece in _pieces(f"{inner} {source}")}
    wanted = {piece for piece in wanted if len(piece) >= MIN_WORD_LETTERS}
    as_written = {piece for piece in _pieces(source) if len(piece) >= 3}
    apart = _apart(text, taken)
    words = [
        (found.start(), found.end())
        for found in re.finditer(r"\S+", _blank_tags(text))
        if not any(found.start() < a_end and a_start < found.end() for a_start, a_end in apart)
    ]

    def alike(word: str) -> bool:
        pieces = _pieces(word)
        return not as_written.isdisjoint(pieces) or any(
            fuzzy_score(piece, other) >= MIN_WORD_SCORE
            or (len(piece) >= SAME_PREFIX and piece[:SAME_PREFIX] == other[:SAME_PREFIX])
            for piece in map(_fold, pieces)
            if len(piece) >= MIN_WORD_LETTERS
            for other in wanted
        )

    runs: list[list[int]] = []  # positions in words of alike words, each run's in order
    for number, (start, end) in enumerate(words):
        if not alike(text[start:end]):
            continue
        last = runs[-1][-1] if runs else None
        if last is not None and number - last <= 2 and not _between(apart, words[last][1], start):
            runs[-1].append(number)
        else:
            runs.append([number])
    if not runs:
        return None
    middle = place * len(text)

    def rank(run: list[int]) -> tuple[int, float]:
        begin, end = words[run[0]][0], words[run[-1]][1]
        return -len(run), abs((begin + end) / 2 - middle)

    best = min(runs, key=rank)
    start, end = _whole_words(text, words[best[0]][0], words[best[-1]][1])
    return (start, end) if start < end else None


def _pieces(text: str) -> list[str]:
    """The runs of letters of ``text`` outside its placeholders."""
    return LETTERS.findall(without_placeholders(text))


def _apart(text: str, spans: list[tuple[int, int, Pair]]) -> list[tuple[int, int]]:
    """Where in ``text`` a pair's words may not go: other pairs' words (``spans``) and tags (a
    protected pair's token, an ``<img/>``)."""
    return [(start, end) for start, end, _ in spans] + _tags(text)


def _tags(text: str) -> list[tuple[int, int]]:
    """Where ``text``'s tags are: each ``<...>`` but a metavariable (``<Enter>``: words, which a
    pair may wrap; taken for a tag, the pair around it was not found, and put back beside it
    with its text again: ``Druck <Enter> <g id="1"><Enter></g>``)."""
    markup = {(p.start, p.end) for p in find_placeholders(text) if p.kind == "tag"}
    return [
        found.span()
        for found in _TAG.finditer(text)
        if found.span() in markup or not _METAVARIABLE.fullmatch(found.group())
    ]


def _blank_tags(text: str) -> str:
    """``text`` with its tags (:func:`_tags`) and character references as spaces (the same
    length): a word ends at either (``Datei&gt;`` is the word ``Datei``, not ``Datei&gt`` and a
    ``;``)."""
    blanked = [*_tags(text), *(found.span() for found in _REFERENCE.finditer(text))]
    for start, end in blanked:
        text = text[:start] + " " * (end - start) + text[end:]
    return text


def _between(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether one of ``spans`` lies between ``start`` and ``end``."""
    return any(start <= s_start and s_end <= end for s_start, s_end in spans)


def _fold(text: str) -> str:
    """``text`` case-folded character by character, its length kept (``ß`` stays ``ß``, where
    ``str.casefold`` makes it ``ss`` and the alignment's places would fall past the text)."""
    return "".join(c if len(f := c.casefold()) != 1 else f for c in text)


def _whole_words(text: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` snapped to whole words (a word cut at an edge is kept when at least half
    of it is inside, or a whole part of it, cut at a hyphen: the glossary's ``CloudSync Agent``
    in ``CloudSync Agent-Version``, which lost its ``Agent`` before; when that leaves nothing,
    the words it touches; a word's brackets, quote marks and punctuation count for no half of
    it: ``30“).`` is not cut after ``30``), without edge spaces, tags or final punctuation (a
    tag ends a word), nor the quote marks around them that ``[start, end)`` left out
    (``„<b>Netzwerk</b>“`` where a memory's translation quotes the word, not
    ``<b>„Netzwerk“</b>``)."""
    text = _blank_tags(text)
    start_found, end_found = start, end
    first, last = _word_around(text, start), _word_around(text, end)
    (first_start, first_end), (last_start, last_end) = _core(text, *first), _core(text, *last)
    keep_first = first_end - start >= start - first_start or text[start - 1 : start] == "-"
    keep_last = end - last_start >= last_end - end or text[end : end + 1] == "-"
    snapped = (first[0] if keep_first else first[1], last[1] if keep_last else last[0])
    if snapped[0] >= snapped[1]:  # ``ookies`` of ``Recent-Bookies``: the whole word
        snapped = (first[0], last[1])
    start, end = _trimmed(text, *snapped)
    inside = _without_outer_quotes(text, start, end, found=(start_found, end_found))
    return _trimmed(text, *inside)


def _core(text: str, start: int, end: int) -> tuple[int, int]:
    """The word ``text[start:end]`` without the brackets, quote marks and punctuation at its
    edges (empty, at its start, where it is nothing else)."""
    while start < end and text[start] in _WORD_EDGES:
        start += 1
    while end > start and text[end - 1] in _WORD_EDGES:
        end -= 1
    return start, end


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` without edge spaces and final punctuation."""
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".,;:!?"):
        end -= 1
    while start < end and text[start].isspace():
        start += 1
    return start, end


def _without_outer_quotes(
    text: str, start: int, end: int, found: tuple[int, int]
) -> tuple[int, int]:
    """``[start, end)`` without the quote marks at its edges that the match (``found``) did not
    cover, where what is left holds no quote mark of its own (``„<b>Netzwerk</b>“``, but
    ``<b>„Netzwerk“-Einstellungen</b>``: a pair never crosses a quotation)."""
    inner_start, inner_end = start, end
    while inner_start < inner_end and text[inner_start] in QUOTE_MARKS and inner_start < found[0]:
        inner_start += 1
    while inner_end > inner_start and text[inner_end - 1] in QUOTE_MARKS and inner_end > found[1]:
        inner_end -= 1
    if any(character in _QUOTATION_MARKS for character in text[inner_start:inner_end]):
        return start, end
    return inner_start, inner_end


def _word_around(text: str, position: int) -> tuple[int, int]:
    """The run of non-space characters around ``position`` (empty between two spaces)."""
    start = end = position
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    while end < len(text) and not text[end].isspace():
        end += 1
    return start, end
