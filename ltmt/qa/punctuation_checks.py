"""The punctuation checks of one entry: ``punctuation`` (the source's closing colon, question
or exclamation mark or ellipsis, a hyphen glued to a field, a lone quote mark, a full stop lost
after a closing tag) and ``quoting`` (a lone quote mark beside a placeholder, a quotation of
the source whose marks the translation lost, a quotation whose two marks are of two kinds).
:data:`ltmt.qa.pair_checks.PAIR_CHECKS` names them beside the other checks of one entry.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from ltmt.folded_characters import dots_added, final_dots
from ltmt.formats.attribute_values import ANY_TAG
from ltmt.formats.glued_hyphens import glued_hyphens
from ltmt.formats.placeholder_syntax import find_placeholders, without_placeholders
from ltmt.quote_pairs import closing_mark, mixed_pairs
from ltmt.quote_style import MAX_QUOTED, double_marks, quoted_spans
from ltmt.stray_quotes import prose_marks, stray_quotes

# the marks that end a sentence whose translation must end with them too (:func:`_ending`)
_ENDINGS = (
    ("...", "an ellipsis"),
    ("\u2026", "an ellipsis"),
    (":", "a colon"),
    ("?", "a question mark"),
    ("!", "an exclamation mark"),
)
# the double quote marks of English and German (single ones are apostrophes too)
_DOUBLE_QUOTES = '"\u00ab\u00bb\u201c\u201d\u201e'
# single quote marks a translation may quote with (German's low-9 and left marks, its single
# angle marks, English's straight and curly ones, and gnupg's `...'): a pair quotes where it
# stands apart from words, not where an apostrophe is one of its marks (``don't ... isn't``)
_SINGLE_QUOTES = (
    ("\u201a", "\u2018"),
    ("\u203a", "\u2039"),
    ("\u2018", "\u2019"),
    ("`", "'"),
    ("'", "'"),
)
_SINGLE_MARKS = re.escape("".join(sorted({mark for pair in _SINGLE_QUOTES for mark in pair})))
_SINGLE_QUOTED = [
    re.compile(
        rf"(?<!\w){re.escape(opening)}([^\s{_SINGLE_MARKS}]"
        rf"(?:[^\n{_SINGLE_MARKS}]{{0,{MAX_QUOTED - 2}}}[^\s{_SINGLE_MARKS}])?)"
        rf"{re.escape(closing)}(?!\w)"
    )
    for opening, closing in _SINGLE_QUOTES
]
_TAG = re.compile(ANY_TAG)  # a tag's attribute values hold quotes of their own
# quotes and brackets that may close a sentence after its mark (``"Quit?"``, ``(optional):``)
_CLOSERS = "\"'\u201c\u201d\u2019\u00bb\u00ab\u203a)]"


def punctuation_problems(source: str, target: str, metadata: Mapping[str, Any]) -> list[str]:
    """Whether ``target`` ends with another colon, question or exclamation mark or ellipsis
    than ``source``; has a hyphen glued to a field that the source follows with a space
    (``{{count}}- Fotos``: :mod:`ltmt.formats.glued_hyphens`); or has a quote mark that
    neither opens nor closes a quotation the source's marks do not explain (:func:`_lone_quote`:
    ``Version <xliff:g ...>%s</xliff:g>«``); or ends with a closing tag where the source ends
    with a full stop (:func:`_stop_after_tag_lost`)."""
    problems = [
        f"a hyphen glued to {field.text}, which the source follows with a space"
        for field in glued_hyphens(source, target)
    ]
    lone = _lone_quote(source, target)
    if lone is not None and not quoting_problems(source, target, {}):  # else quoting's warning
        problems.append(f"a quote mark ({lone}) that opens or closes nothing")
    problems += _stop_after_tag_lost(source, target)
    problems += _ellipsis_changed(source, target)
    want, have = _ending(source), _ending(target)
    if want == have or not target.strip():
        return problems
    if have is None:
        return [*problems, f"the source ends with {want}, the translation does not"]
    if want is None:
        return [*problems, f"the translation ends with {have}, the source does not"]
    return [*problems, f"the source ends with {want}, the translation with {have}"]


def quoting_problems(source: str, target: str, metadata: Mapping[str, Any]) -> list[str]:
    """A quote mark that opens or closes nothing (:func:`_lone_quote`) right beside a
    placeholder of ``target`` on one side of it alone (``Datei »%1 zu speichern``): the
    quotation around a value lost a mark, which the program shows. A placeholder quoted on
    both sides (``„%s“``) holds no lone mark. A lone mark elsewhere that the source lacks
    (``Die Adresse {{ value }} “ ist``, ``hinter »Ginx« oder Traefik«``: what ``ltmt
    translate`` takes out, :mod:`ltmt.stray_quotes`) is one too; one whose partner the
    translation lost (``Abschnitt „Erste Schritte.`` for ``the "Getting started" section``)
    is a ``punctuation`` note. A quotation in double marks of the source that the translation
    writes without its marks (:func:`_quotes_lost`) is one too, a placeholder's among them
    (``"{{title}}"`` → ``{{title}}``: a dialog shows the title unquoted), and so is a quotation
    whose two marks are of two kinds (``»{{title}}“``: :func:`_pairs_mixed`)."""
    lost = _pairs_mixed(source, target) + _quotes_lost(source, target)
    stray = [
        f"a quote mark ({target[at]}) that opens or closes nothing, which the source does not "
        "have: remove it"
        for at in stray_quotes(source, target)
    ]
    if stray or _lone_quote(source, target) is None:  # a stray one beside a field: remove it
        return lost + stray
    prose = set(prose_marks(target))  # not a code span's own mark (`root_path="/a"`)
    for placeholder in find_placeholders(target):
        sides = ((placeholder.start - 1, "before"), (placeholder.end, "after"))
        quoted = [(target[at], where) for at, where in sides if at in prose]
        if len(quoted) == 1:
            mark, where = quoted[0]
            return [
                f"a quote mark ({mark}) {where} {placeholder.text} that opens or closes "
                "nothing: quote the placeholder as the source does"
            ]
    return lost


def _quotes_lost(source: str, target: str) -> list[str]:
    """The source's quotations in double marks (``Please enter a valid "Gift Card" code.``)
    that ``target`` lost: their words written there without marks (``einen gültigen Code von
    Gift Card``), or no double mark in it at all. Single marks are apostrophes too (``isn't
    ... don't``), but a pair of them around words is a quotation (German's single marks:
    :func:`_single_quoted`), and a translation that quotes as many items as the source, or
    quotes in other words, is let be (in marks of two kinds too: :func:`_pairs_mixed` says
    those). A placeholder quoted alone counts (``"{{title}}"`` →
    ``{{title}}``): the program shows its value unquoted."""
    quoted = [(item, m) for _, _, item, m in quoted_spans(source) if m[0] in _DOUBLE_QUOTES]
    single = _single_quoted(target)
    kept = [item for _, _, item, m in quoted_spans(target) if m[0] in _DOUBLE_QUOTES] + single
    kept += [target[opening + 1 : closing] for opening, closing in mixed_pairs(target)]
    if len(kept) >= len(quoted):
        return []
    unmarked = not double_marks(target) and not single
    problems = []
    for item, marks in quoted:
        shown = f"{marks[0]}{item}{marks[1]}"
        if item not in kept and re.search(rf"(?<!\w){re.escape(item)}(?!\w)", target):
            problems.append(f"the source quotes {shown}, the translation writes {item} without")
        elif unmarked:
            problems.append(f"the source quotes {shown}, the translation has no")
    return [f"{problem} quote marks: quote it as the source does" for problem in problems]


def _pairs_mixed(source: str, target: str) -> list[str]:
    """The quotations of ``target`` whose marks are of two kinds (``»{{title}}“``, ``„%s”``:
    :func:`ltmt.quote_pairs.mixed_pairs`), where ``source`` has fewer such (a copied one is the
    source's), each said with the pair its opening mark takes."""
    found = mixed_pairs(target)
    if len(found) <= len(mixed_pairs(source)):
        return []
    return [
        f"a quotation opened with {target[opening]} and closed with {target[closing]} "
        f"({target[opening : closing + 1]}): write one pair of marks "
        f"({target[opening]}...{closing_mark(target[opening])})"
        for opening, closing in found
    ]


def _single_quoted(text: str) -> list[str]:
    """The items ``text`` quotes in a pair of single marks (:data:`_SINGLE_QUOTES`) that stands
    apart from words: ``'Speichern'`` and German's single low-9 and left marks around it, not
    the apostrophes of ``don't do it, isn't``; outside its tags."""
    plain = _TAG.sub(" ", text)
    return [found[1] for pattern in _SINGLE_QUOTED for found in pattern.finditer(plain)]


def _lone_quote(source: str, target: str) -> str | None:
    """A double quote mark of ``target``, outside its placeholders, where their number is odd
    and the source's is even (an even number of marks pairs off; the source's odd one, an inch's
    ``5"``, may be copied); ``None`` otherwise."""
    marks = [c for c in without_placeholders(target) if c in _DOUBLE_QUOTES]
    if len(marks) % 2 == 0:
        return None
    source_marks = sum(c in _DOUBLE_QUOTES for c in without_placeholders(source))
    return marks[-1] if source_marks % 2 == 0 else None


# a closing tag at the end of a text (``</terms>``)
_CLOSING_TAG_AT_END = re.compile(r"</[\w.:-]+>\s*$")
_CLOSING_TAGS_AT_END = re.compile(r"(?:</[\w.:-]+>\s*)+$")


def _stop_after_tag_lost(source: str, target: str) -> list[str]:
    """A translation that ends with a closing tag where its source ends with a full stop
    (``<terms>Terms of <b>Service</b></terms>.`` → ``... </terms>``; ``<guide>...</guide>
    first.`` → ``... </guide>``): the model left out what followed the tag, a full stop at
    least (a full stop alone is no ending :func:`_ending` reads: German may drop one)."""
    tag = _CLOSING_TAG_AT_END.search(target)
    if tag is None or not source.rstrip().endswith("."):
        return []
    closing = tag.group().strip()
    return [
        f"the source ends with a full stop, the translation with {closing}: check that nothing "
        "after it was lost"
    ]


def _ellipsis_changed(source: str, target: str) -> list[str]:
    """A translation that ends with dots other than one ellipsis where its source ends with
    one (``So...`` → ``Also.......``, ``Vorher auf Harborenlicht. ...``: the model's), or that
    has four dots or more before its end where the source writes ``...``
    (``I thought... I`` → ``Ich dachte.... Ich``: :func:`ltmt.folded_characters.dots_added`)."""
    dots = final_dots(target)
    body = target.rstrip()
    if dots:  # the final run is the final check's
        body = body[: body.rfind(dots)]
    problems = [
        f"an ellipsis written {run!r} where the source writes '...': write one (... or …)"
        for run in dots_added(source, body)
    ]
    if _ending(source) != "an ellipsis" or dots in ("", "...", final_dots(source)):
        return problems
    return [
        *problems,
        f"the source ends with an ellipsis, the translation with {dots!r}: write one (... or …)",
    ]


def _ending(text: str) -> str | None:
    """What ``text`` ends with, of :data:`_ENDINGS` (inside closing quotes, brackets or tags:
    ``...</i>``), or None (also for a text that ends with a placeholder: ``Name: %s``)."""
    plain = _CLOSING_TAGS_AT_END.sub("", text.rstrip())
    placeholders = find_placeholders(plain)
    if placeholders and placeholders[-1].end == len(plain):
        return None
    plain = plain.rstrip(_CLOSERS).rstrip()
    return next((name for mark, name in _ENDINGS if plain.endswith(mark)), None)
