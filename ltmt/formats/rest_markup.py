"""reStructuredText's and MyST's inline markup in a catalog string: what ``sphinx-build -b
gettext`` leaves in the messages of a documentation (``:kbd:`Esc```, ``:ref:`Installing
<install>```, `` `Read the Docs`__ ``, ``|version|``, ``[#]_``, MyST's ``{ref}`install```).

Sphinx parses the translation again as reST: the model's changes broke the German build or
lost content without a word (``:kbd:`Esc``` came back `` `Esc`Esc` ``, ``:option:`--user```
as ``-user``, `` `Read the Docs`__ `` as `` `Read den Docs`_ ``: "Unknown target name"). Each
construct is one placeholder, its marks, role and target with it, that the model gets as a tag
and the output carries byte for byte (:mod:`ltmt.formats.placeholder_syntax`, kind ``rest``).

The constructs are read in every catalog string, not only where the source is known to be a
Sphinx project's: each is of a shape that text of another kind does not take (a role's
``:name:`` or ``{name}`` glued to a backtick span, a span closed by ``_`` or ``__``, a bracket
closed by ``]_``), and a substitution's ``|name|`` is one only as reST reads it, at a word's
edges (``json|yaml|xml`` and ``a | b`` are text).

Where the markup holds words a reader sees, its marks are placeholders of their own and the
words between them are translated: an emphasis's or a strong emphasis's asterisks (``*very*``
→ ``*sehr*``; an asterisk that opens or closes none, ``5 * 3``, ``Price*``, is text) and a
cross-reference's explicit title (``:doc:`User guide <guide>``` → ``:doc:`` before and
`` <guide>``` after ``Benutzerhandbuch``). A pair's closing mark counts only after its opening
one (:func:`paired`). An inflection glued to markup by reST's escaped space (``:term:`API`\\
s``, ``:class:`Foo`\\ es``, ````str``\\ s``) goes with the markup: the model doubled the
backslash (Sphinx then wrote it) or took the letters for a word (``\\ sage``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from ltmt.formats.opened_marks import opened_only

# a role's name, a domain's with it (``ref``, ``py:func``, ``c.macro``), of at most 63
# characters: read from each colon, an unbounded name ran to the end of a chain of words and
# colons (``a:b:c:…``, an IPv6 address) and back, a minute on a 50,000-character line; so the
# run of a name's characters after the colon, its closing ``:`` with it, is first checked to
# be that short, which no role's name exceeds
_NAME_SIGN = r"[A-Za-z0-9_+:.-]"
_ROLE_NAME = rf"(?={_NAME_SIGN}{{1,64}}+(?!{_NAME_SIGN}))[A-Za-z0-9]+(?:[-_+:.][A-Za-z0-9]+)*"
# interpreted text: a backtick span of one line that starts and ends with no space
_INTERPRETED = r"`(?=[^`\s])[^`\n]*(?<=[^`\s])`"
# reST's recognition rules for inline markup: a start-string after the text's start, a space
# or an opening sign; an end-string before the text's end, a space or a closing sign
_MARKUP_START = r"""(?<![^\s'"(\[{<\-/:])"""
_MARKUP_END = r"""(?![^\s'")\]}>\-/:.,;!?\\])"""

# an inflection glued to the markup before it by reST's escaped space (``:term:`API`\ s``),
# which Sphinx renders as nothing: the markup's, as its content is
_SUFFIX = r"(?:\\ \w*)?"
# a role's name and marks, reST's (``:ref:``, ``:py:func:``) or MyST's (``{ref}``)
_ROLE = rf"(?::{_ROLE_NAME}:|\{{{_ROLE_NAME}\}})"
# the roles whose content is literal text, where `` <...>`` is no target (``:samp:`cat <file>```)
_LITERAL_ROLES = "|".join(
    ("abbr", "code", "command", "dfn", "file", "guilabel", "kbd", "literal", "math",
     "menuselection", "program", "regexp", "samp")
)  # fmt: skip

# a cross-reference's explicit title ends before its target (`` <guide>```): the target's marks,
# from the first space before it (or the first after an escaped space, ``\ ``, a match of its
# own): tried at every space of a run, the run was read to its end from each, and a line of
# 40,000 spaces took seconds
TITLE_CLOSING = rf"(?:(?<!\s)|(?<=\\ ))\s+<[^<>`\n]+>`{_SUFFIX}"
# a cross-reference with an explicit title (``:doc:`User guide <guide>```): its role and
# opening backtick, before the title a reader sees
TITLED_ROLE_OPENING = (
    rf"(?![:{{](?:{_LITERAL_ROLES})[:}}]`){_ROLE}`(?=[^`\s<][^`\n]*?{TITLE_CLOSING}(?![\w`]))"
)
# an emphasis's or a strong emphasis's opening asterisks (``*very*``, ``**warning**``), by reST's
# start rules, where the same asterisks close it after words
EMPHASIS_OPENING = (
    rf"{_MARKUP_START}(?P<rest_marks>\*\*?)"
    rf"(?=[^\s*][^*]*?(?<=[^\s*])(?P=rest_marks)(?!\*){_MARKUP_END})"
)
# an emphasis's closing asterisks: a pair's only after its opening ones (:func:`paired`)
EMPHASIS_CLOSING = rf"(?<=[^\s*])\*\*?(?!\*){_MARKUP_END}{_SUFFIX}"
# an inline literal (````make install````, ````str``\ s``), which may hold a backtick: the
# model translated the words inside it or doubled its suffix's backslash
LITERAL = rf"{_MARKUP_START}``(?=[^\s`])(?:[^`\n]|`(?!`))*?(?<=[^\s`])``(?!`){_SUFFIX}"
# a role with its content, reST's (``:ref:`install```, ``:py:func:`f```) or MyST's
# (``{ref}`install```): the model translated the role's name (``:Klasse:``) or dropped it
ROLE = rf"{_ROLE}{_INTERPRETED}{_SUFFIX}"
# a hyperlink reference, named (`` `Sphinx <https://...>`_ ``, `` `tutorial`_ ``) or
# anonymous (`` `Read the Docs`__ ``): its text is the target's name, which must stay as written
HYPERLINK_REFERENCE = rf"(?<![\w`]){_INTERPRETED}__?{_SUFFIX}(?![\w`])"
# a footnote's or citation's reference: auto-numbered (``[#]_``, ``[#note]_``), auto-symbol
# (``[*]_``), numbered (``[1]_``) or a citation's (``[CIT2002]_``)
FOOTNOTE_REFERENCE = r"(?<![\w\]])\[(?:#[\w.-]*|\*|[0-9]+|[A-Za-z][\w.-]*)\]_(?!\w)"
# a substitution's reference (``|version|``, ``|name|_``): its name is a definition's
SUBSTITUTION_REFERENCE = (
    rf"{_MARKUP_START}\|(?=[^\s|])[^|\n]*(?<=[^\s|])\|(?:__?)?{_MARKUP_END}{_SUFFIX}"
)

# a pair's marks: a titled cross-reference's or an emphasis's, opening or closing
REST_PAIR_MARKS = (
    rf"(?P<rest_opening>{TITLED_ROLE_OPENING}|{EMPHASIS_OPENING})"
    rf"|(?P<rest_closing>{TITLE_CLOSING}|{EMPHASIS_CLOSING})"
)
# the markup whose text is kept as written, where an asterisk is no emphasis's (``:samp:`*a*```,
# ````*args````): what :func:`paired` passes over in a pattern that looks for pairs alone
_VERBATIM = (LITERAL, f"{_ROLE}?{_INTERPRETED}", FOOTNOTE_REFERENCE, SUBSTITUTION_REFERENCE)
REST_VERBATIM = f"(?P<rest_verbatim>{'|'.join(_VERBATIM)})"
REST_MARKUP = "|".join(
    (
        REST_PAIR_MARKS,
        LITERAL,
        ROLE,
        HYPERLINK_REFERENCE,
        FOOTNOTE_REFERENCE,
        SUBSTITUTION_REFERENCE,
    )
)


def pair_name(marks: str) -> str:
    """What a pair's opening and closing marks (:data:`REST_PAIR_MARKS`) share: an emphasis's
    asterisks (``*``, ``**``), or a backtick for a titled cross-reference's role and target."""
    core = marks.partition("\\")[0].strip()
    return core if core.startswith("*") else "`"


def paired(matches: Iterable[re.Match[str]]) -> Iterator[re.Match[str]]:
    """``matches`` of a pattern holding :data:`REST_PAIR_MARKS`, without the closing marks
    that close no opening one before them (an asterisk after a word, ``Price*``, a footnote's
    mark, is text) and without the matches of :data:`REST_VERBATIM`."""
    return opened_only(matches, "rest_opening", "rest_closing", pair_name, skipped="rest_verbatim")
