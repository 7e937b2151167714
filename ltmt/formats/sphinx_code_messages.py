"""Which messages of a Sphinx catalog are code, by their shape.

With ``gettext_additional_targets`` (``literal-block``, ``doctest-block``, ``image``, ``raw``)
Sphinx's gettext builder writes a code block's source as its message (``sphinx/util/nodes.py``,
``extract_messages``): a literal block's or a raw block's text with its line breaks and
indentation, a doctest as written (``>>> import widgetry``), an image as ``.. image:: URI``.
The model translated them as prose (``>> import-Widgetriere``, ``True`` → ``Wahr``, ``$ Pip
install-Widgetrie.``, ``.. Bild: _static/dashboard.png``: the screenshot gone once approved).
Such a message is copied byte for byte, as po4a's listings and itstool's code elements are
(:mod:`ltmt.formats.code_entries`); Sphinx shows a msgstr that is its msgid as it shows an
untranslated one, and a reviewer may still translate a block's comments by hand.

By shape alone, in any catalog: a doctest (a first line ``>>> `` and code: docutils' own rule
for a doctest block) and a lone directive line with at most one argument (``.. image::
_static/a.png``). Only in an entry from a document (a ``#:`` reference to a ``.rst``, ``.md``,
``.txt`` or ``.ipynb`` source, and no ``#.`` note: po4a's and itstool's entries have theirs): a
shell session (a first line ``$ `` and a command) and a block of several lines none of which
reads as a sentence. Sphinx writes every other message on one line (it joins a paragraph's
lines), so a message of several lines from a page is a block; one whose lines read as prose
(another tool's wrapped paragraph) is still translated.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

# docutils reads a paragraph whose first line starts ">>> " as a doctest block
_DOCTEST = re.compile(r">>> \S")
# a shell prompt and a command (a word, a path, an option): "$ pip install", "$ ./configure"
_CONSOLE = re.compile(r"\$ [A-Za-z_./~]")
# a directive alone, with at most one argument: Sphinx's ".. image:: _static/a.png"; a domain's
# name has one colon ("py:function"), so the name's end is never in doubt
_DIRECTIVE = re.compile(r"\.\. [A-Za-z][\w+.-]*(?::[A-Za-z][\w+.-]*)?::(?: +\S+)? *")
# a reference to a page Sphinx reads (reST, MyST, a Django-style .txt, a notebook)
_DOCUMENT = re.compile(r"\.(?:rst|md|txt|ipynb)(?::\d+)?", re.IGNORECASE)
# what prose seldom has and code does
_CODE_CHARACTERS = re.compile(r"[=(){}\[\]<>;\\|$@`_]")
_COMMENT_STARTS = ("#", "//", "--", "/*", ";")
_SENTENCE_ENDS = (".", "!", "?")


def is_code_message(source: str, references: Sequence[str] = (), note: str = "") -> bool:
    """Whether the msgid ``source`` of an entry with the ``#:`` ``references`` and the ``#.``
    ``note`` is a code block Sphinx wrote (see the module docstring): copied, not
    translated."""
    if is_doctest(source) or is_directive(source):
        return True
    if note.strip() or not any(_DOCUMENT.fullmatch(_extension(ref)) for ref in references):
        return False
    return is_console(source) or _is_block(source)


def is_doctest(source: str) -> bool:
    """Whether ``source`` is a doctest: its first line starts ``>>> `` and code."""
    return _DOCTEST.match(source) is not None


def is_console(source: str) -> bool:
    """Whether ``source`` is a shell session: its first line is a ``$ `` prompt and a command."""
    return _CONSOLE.match(source) is not None


def is_directive(source: str) -> bool:
    """Whether ``source`` is one reST directive line, with at most one argument (``.. image::
    _static/dashboard.png``)."""
    return _DIRECTIVE.fullmatch(source) is not None


def _extension(reference: str) -> str:
    """The end of a ``#:`` ``reference`` from its file's last dot (``.rst:12``), or ""."""
    dot = reference.rfind(".")
    return reference[dot:] if dot >= 0 else ""


def _is_block(source: str) -> bool:
    """Whether ``source`` has two lines or more and none of them reads as prose."""
    lines = [line for line in source.splitlines() if line.strip()]
    return len(lines) > 1 and not any(_reads_as_prose(line) for line in lines)


def _reads_as_prose(line: str) -> bool:
    """Whether ``line`` reads as a sentence, or a part of one: three words or more, unindented,
    no comment, no character of code, and a capital first or a full stop last ("Install
    the package", "onto the next line."; not "pip install widgetry", "name: clock")."""
    if line[0].isspace() or line.startswith(_COMMENT_STARTS) or _CODE_CHARACTERS.search(line):
        return False
    words = line.split()
    return len(words) > 2 and (words[0][0].isupper() or line.rstrip().endswith(_SENTENCE_ENDS))
