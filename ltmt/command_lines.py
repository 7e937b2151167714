"""Command lines a text writes: code, which a translation keeps as written.

A line tells its reader what to type (``(use "git branch --unset-upstream" to fixup)``), and
translators copy the command as it is. A glossary term found in one was forced into it: with
'branch' → ``Branch`` the terminology benchmark's output read ``"git Branch
--unset-upstream"`` (session 76). So the words of a command line are code to the glossary, as
its options and placeholders are (:func:`command_line_spans`). A command line is:

- a quoted command: the text right inside a pair of quote marks
  (:data:`ltmt.quote_style.QUOTE_MARKS`), of one line, that starts with a program (a word in
  lower case, a path or a placeholder: ``git``, ``dpkg-deb``, ``/bin/sh``, ``%s``) and has an
  option among the words after it (``"git branch --unset-upstream"``, ``'sort -u'``,
  ``»dpkg-deb --extract«``); quoted words without an option (``"kill switch"``, ``'git
  commit'``) are left as they are;
- a shell prompt's line: what follows ``$`` at a line's start, a program first
  (``  $ df -B1 | %s --header``; not ``$ 5 a month``);
- a synopsis: the words in lower case that open a line before an option or a placeholder in
  brackets (``git tag [-n[<num>]] -l``, ``usage: git branch [<options>]``).

A command in prose without quote marks (``Run git branch -d to delete it``) is none: its first
word may as well be the sentence's (``use --purge``, ``same as -b``, ``except omit -p``, as
help texts write them).
"""

from __future__ import annotations

import re

from ltmt.quote_style import QUOTE_MARKS

# a program opens a command: a word in lower case, a path, a placeholder (not an option, a
# capital, a sign of prose)
_PROGRAM_START = r"[a-z0-9_./~%$]"
# an option among a command's words: one or two hyphens, a letter, then its name and value
_OPTION = re.compile(r"--?[A-Za-z][\w.+-]*(?:\[?=\S*\]?)?")


def _quoted_pattern(opening: str, closing: str) -> re.Pattern[str]:
    """The command that ``opening`` ... ``closing`` may quote: words parted by one space, none
    with either mark or a blank, so that a match from a mark ends at the next one (a scan of
    every mark of a long line is linear in its length). A mark inside a word is an apostrophe
    ("don't use -f if it's set" quotes nothing)."""
    word = f"[^\\s{re.escape(opening + closing)}]"
    return re.compile(
        f"(?<![^\\W_]){re.escape(opening)}((?={_PROGRAM_START}){word}+(?: {word}+)*)"
        f"{re.escape(closing)}(?![^\\W_])"
    )


_QUOTED = [(opening, _quoted_pattern(opening, closing)) for opening, closing in QUOTE_MARKS]
# what follows a shell prompt at a line's start, a program first ("$ 5 a month" is a price)
_PROMPT = re.compile(r"^[ \t]*\$ ([a-z_./~%][^\n]*)", re.MULTILINE)
# a synopsis: lower-case words that open a line (after "usage:" or "or:") before "[-x" or "[<"
_SYNOPSIS = re.compile(
    r"^[ \t]*(?:(?:[Uu]sage|or): +)?([a-z][\w.+-]*(?: [a-z][\w.+-]*)*) \[(?:--?[A-Za-z]|<)",
    re.MULTILINE,
)


def is_command(item: str) -> bool:
    """Whether quoted ``item`` is a command: a program and an option among the words after it
    (module docstring)."""
    program, *rest = item.split(" ")
    return bool(re.match(_PROGRAM_START, program)) and any(_OPTION.fullmatch(w) for w in rest)


def command_line_spans(text: str) -> list[tuple[int, int]]:
    """The ``(start, end)`` spans of ``text``'s command lines (module docstring), a quoted
    command's marks left out; left to right, possibly overlapping."""
    spans = [m.span(1) for m in _PROMPT.finditer(text)]
    spans += [m.span(1) for m in _SYNOPSIS.finditer(text)]
    for opening, pattern in _QUOTED:
        # from each mark, not only after the last match: an apostrophe ("don't use 'git rm
        # --cached'") opens no command, and must not take the mark that opens one
        position = text.find(opening)
        while position >= 0:
            found = pattern.match(text, position)
            if found and is_command(found.group(1)):
                spans.append(found.span(1))
                position = text.find(opening, found.end())
            else:
                position = text.find(opening, position + 1)
    return sorted(spans)
