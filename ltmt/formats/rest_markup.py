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
"""

from __future__ import annotations

# a role's name, a domain's with it (``ref``, ``py:func``, ``c.macro``)
_ROLE_NAME = r"[A-Za-z0-9]+(?:[-_+:.][A-Za-z0-9]+)*"
# interpreted text: a backtick span of one line that starts and ends with no space
_INTERPRETED = r"`(?=[^`\s])[^`\n]*(?<=[^`\s])`"
# reST's recognition rules for inline markup: a start-string after the text's start, a space
# or an opening sign; an end-string before the text's end, a space or a closing sign
_MARKUP_START = r"""(?<![^\s'"(\[{<\-/:])"""
_MARKUP_END = r"""(?![^\s'")\]}>\-/:.,;!?\\])"""

# a role with its content, reST's (``:ref:`install```, ``:py:func:`f```) or MyST's
# (``{ref}`install```): the model translated the role's name (``:Klasse:``) or dropped it
ROLE = rf"(?::{_ROLE_NAME}:|\{{{_ROLE_NAME}\}}){_INTERPRETED}"
# a hyperlink reference, named (`` `Sphinx <https://...>`_ ``, `` `tutorial`_ ``) or
# anonymous (`` `Read the Docs`__ ``): its text is the target's name, which must stay as written
HYPERLINK_REFERENCE = rf"(?<![\w`]){_INTERPRETED}__?(?![\w`])"
# a footnote's or citation's reference: auto-numbered (``[#]_``, ``[#note]_``), auto-symbol
# (``[*]_``), numbered (``[1]_``) or a citation's (``[CIT2002]_``)
FOOTNOTE_REFERENCE = r"(?<![\w\]])\[(?:#[\w.-]*|\*|[0-9]+|[A-Za-z][\w.-]*)\]_(?!\w)"
# a substitution's reference (``|version|``, ``|name|_``): its name is a definition's
SUBSTITUTION_REFERENCE = rf"{_MARKUP_START}\|(?=[^\s|])[^|\n]*(?<=[^\s|])\|(?:__?)?{_MARKUP_END}"

REST_MARKUP = "|".join((ROLE, HYPERLINK_REFERENCE, FOOTNOTE_REFERENCE, SUBSTITUTION_REFERENCE))
