"""Quote marks a translation adds that pair with nothing and that its source does not write.

The model writes a quote mark of its own beside a placeholder or a word where the source has
none: a Symfony message's ``The coupon "%code%" expired on %date%.`` came out ``Der Coupon
»%code%« ist auf %date%« abgelaufen.`` (a third mark glued to ``%date%``), a fused output's
``The address {{ value }} is already subscribed.`` ``Die Adresse {{ value }} “ ist bereits ...``,
and a Markdown line whose code span holds quotes (`` `root_path="/dashboards"` ``, which the
model sees) ``... hinter »Ginx« oder Traefik« funktioniert.`` (trial s77). A reader sees the
stray mark in the app or on the page.

:func:`stray_quotes` finds such marks: the typographic double marks (``»«„“”``) of a translation's
prose that open or close no quotation (:func:`_unpaired`) where the translation's prose has more
double marks than its source's (the source lacks them); prose is the text outside tags, JSON,
placeholders and code (``<code>...</code>``, a backtick span), whose marks are their own.
:func:`without_stray_quotes` removes them. Narrow on purpose: a quotation the model adds
(``Klicken Sie auf „Speichern“``: a UI label quoted) pairs off and is kept; a mark whose
partner the model lost (``Sag »hallo jetzt`` for ``Say "hi" now``) has one in the source
(``ltmt qa``'s ``punctuation`` note says it), and so has a source's single-quoted item
(``'git add'`` → ``»git add«``); a straight ``"`` is kept (an inch's ``27"``), and so is a mark
at the text's start or after its last word, or one that opens speech after a colon (a quotation
that runs on into the next sentence); a source with an unpaired mark of its own, or fewer marks
to spare than the output has unpaired, has all of them kept. Measured on the references (README,
"Stray quote marks"): it fires on none of the dev users' 2,000 test pairs and 12,057 memory pairs.
"""

from __future__ import annotations

import re

from ltmt.formats.placeholder_syntax import find_placeholders
from ltmt.quote_style import double_marks

# a mark's side tells whether it opens or closes a quotation: an opening mark stands before a
# word with a space, a bracket or a mark before it (``„Speichern``), a closing mark after one
# with a space, a punctuation mark or a mark after it (``Speichern“.``); a mark glued on both
# sides, or apart on both, closes the innermost open quotation, else opens one
_DOUBLE = frozenset('»«„“”"')
_BEFORE_OPENING = frozenset("([{/-") | _DOUBLE  # a compound's »roff«-».so«
_AFTER_CLOSING = frozenset(".,;:!?)]}…-") | _DOUBLE  # not where a word follows: ».so«
_TYPOGRAPHIC = frozenset("»«„“”")  # a straight " may be an inch's (27"): never removed
# a single quote mark, not an apostrophe between two letters or digits (don't, O'Hagan)
_SINGLE = re.compile(r"(?<![^\W_])['`\u2018\u2019\u201a]|['`\u2018\u2019\u201a](?![^\W_])")
_WORD = re.compile(r"[^\W_]")  # a letter or digit
# code whose quote marks are its own: a <code> element's text, a backtick span of one line
# (no <code> inside one: each start scans to the next <code> at most, which keeps it linear)
_CODE = re.compile(r"<code\b[^<>]*>[^<]*(?:<(?!/?code\b)[^<]*)*</code>|`[^`\n]+`")
# what may follow a removed mark that had a space before it: that space goes too
_AFTER_SPACE = frozenset(" \n.,;:!?)")


def stray_quotes(source: str, output: str) -> list[int]:
    """Where ``output`` (a translation of ``source``) has a typographic double quote mark that
    opens or closes no quotation of its prose, where its prose has more double marks than
    ``source``'s (module docstring): none where it has as many or fewer, nor more stray ones than
    the marks the source lacks."""
    marks, source_marks = prose_marks(output), prose_marks(source)
    lacking = len(marks) - len(source_marks) - len(_single_marks(source))
    if lacking <= 0 or _unpaired(source, source_marks):  # the source's runs on: so may ours
        return []
    unpaired = [at for at in _unpaired(output, marks) if _removable(output, at)]
    return unpaired if len(unpaired) <= lacking else []


def without_stray_quotes(source: str, output: str) -> str:
    """``output`` without its :func:`stray_quotes`, and without a space beside one where the
    mark stood apart (``{{ value }} “ ist`` → ``{{ value }} ist``)."""
    text = output
    for at in reversed(stray_quotes(source, output)):
        start, end = at, at + 1
        before = text[at - 1] if at else "\n"
        after = text[end] if end < len(text) else "\n"
        if before == " " and after in _AFTER_SPACE:
            start -= 1
        elif before == "\n" and after == " ":
            end += 1
        text = text[:start] + text[end:]
    return text


def prose_marks(text: str) -> list[int]:
    """Where ``text``'s double quote marks are outside its tags, JSON, placeholders and code."""
    hidden = _hidden(text)
    return [at for at in double_marks(text) if not hidden[at]]


def _hidden(text: str) -> bytearray:
    """For each character of ``text``, whether it is in a placeholder (a tag among them) or in
    code, whose marks are their own."""
    hidden = bytearray(len(text))
    spans = [(p.start, p.end) for p in find_placeholders(text)]
    for start, end in spans + [found.span() for found in _CODE.finditer(text)]:
        hidden[start:end] = b"\x01" * (end - start)
    return hidden


def _single_marks(text: str) -> list[int]:
    """Where ``text``'s single quote marks are (straight, a backtick, curly and low ones: a
    German translation quotes ``'git add'`` with ``»...«``), outside its tags, JSON,
    placeholders and code; not an apostrophe between two letters (``don't``, ``O'Hagan``)."""
    hidden = _hidden(text)
    return [found.start() for found in _SINGLE.finditer(text) if not hidden[found.start()]]


def _removable(text: str, at: int) -> bool:
    """Whether the unpaired mark at ``at`` may be removed: a typographic one (a straight ``"``
    may be an inch's: ``27"``) with words of ``text`` on both sides of it, not one that opens
    direct speech after a colon (``Er sagte: »Als Arzt ...``). Those belong to a quotation that
    runs on from or into the text beside it (a news article's next sentence, a subtitle's next
    cue): a mark at the text's start, or after its last word (``Ich werde bei dir sein.“``)."""
    speech = text.endswith(": ", 0, at) and _role(text, at) == "open"
    if text[at] not in _TYPOGRAPHIC or speech:
        return False
    return bool(_WORD.search(text, 0, at)) and bool(_WORD.search(text, at + 1))


def _unpaired(text: str, marks: list[int]) -> list[int]:
    """The ``marks`` of ``text`` that open or close no quotation, read left to right: a mark
    that closes (:func:`_role`) closes the innermost open quotation whatever its kind (a pair
    of two kinds is :mod:`ltmt.quote_pairs`' to mend), or is unpaired where none is open; one
    that opens opens one; the quotations left open at the end are unpaired."""
    opened: list[int] = []
    unpaired: list[int] = []
    for at in marks:
        role = _role(text, at)
        if role == "close" or (role == "either" and opened):
            if opened:
                opened.pop()
            else:
                unpaired.append(at)
        else:
            opened.append(at)
    return sorted(unpaired + opened)


def _role(text: str, at: int) -> str:
    """Whether the mark at ``at`` opens (``"open"``) or closes (``"close"``) a quotation by the
    side it stands on, or may do ``"either"`` (glued on both sides, or apart on both)."""
    before = text[at - 1] if at else " "
    after = text[at + 1] if at + 1 < len(text) else " "
    apart_before = before.isspace() or before in _BEFORE_OPENING
    following = text[at + 2 : at + 3]
    apart_after = after.isspace() or (after in _AFTER_CLOSING and not _WORD.match(following))
    if apart_before and not apart_after:
        return "open"
    if apart_after and not apart_before:
        return "close"
    return "either"
