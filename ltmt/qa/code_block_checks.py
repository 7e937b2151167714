"""qa's check of a code block's code: a doctest (``>>> import widgetry``), a shell session of
several lines (``$ pip install widgetry``) and a reST directive line (``.. image:: a.png``) are
copied as written by ``ltmt translate`` (:mod:`ltmt.formats.sphinx_code_messages`), and a
translation made otherwise changed them with no finding (``>> import-Widgetriere``, ``$ Pip
install-Widgetrie.``, ``.. Bild: a.png``: trial s77). A prompt line's code is to be as the
source writes it, its comment may be translated (``>>> w.render()  # zeichnet es``); an output
line is not checked (a session's output may be a message the user reads); a directive keeps its
name, its argument may change (a localised screenshot, ``dashboard.de.png``).
"""

from __future__ import annotations

import re

from ltmt.formats.sphinx_code_messages import is_console, is_directive, is_doctest
from ltmt.wording import counted, shortened

_SHOWN = 60  # the characters of a line a finding quotes

# a doctest's prompts and its continuation's, a shell's prompt
_PROMPT = re.compile(r"(?:>>>|\.\.\.|\$)(?: |$)")
# a comment after the code: " # ..." (Python, shells); its blanks are stripped after, so that
# a long run of blanks is not scanned again from each of them
_COMMENT = re.compile(r"(?<=\s)#")
# a directive's marks and name: ".. image::"
_DIRECTIVE_NAME = re.compile(r"\.\. \S+?::")


def changed_code_lines(source: str, target: str) -> list[str]:
    """One finding where ``source`` is a doctest, a shell session of several lines or a
    directive line and ``target`` changes its code (see the module docstring)."""
    if is_directive(source):
        return _changed_directive(source, target)
    if is_doctest(source) or (is_console(source) and "\n" in source):
        return _changed_prompt_lines(source, target)
    return []


def _changed_directive(source: str, target: str) -> list[str]:
    name = _DIRECTIVE_NAME.match(source)
    if name is None or target.startswith(name.group()):
        return []
    return [
        f"changes code: the translation has {shortened(target, _SHOWN)!r} for the directive "
        f"{shortened(source, _SHOWN)!r}; write {name.group()!r} as the source does (Sphinx "
        "reads anything else as another directive or a comment)"
    ]


def _changed_prompt_lines(source: str, target: str) -> list[str]:
    source_lines, target_lines = source.splitlines(), target.splitlines()
    if len(source_lines) != len(target_lines):
        return [
            f"changes code: the translation has {counted(len(target_lines), 'line')} where the "
            f"source's doctest or shell session has {len(source_lines)}; copy its code as written"
        ]
    changed = [
        (written, wanted)
        for wanted, written in zip(source_lines, target_lines)
        if _PROMPT.match(wanted) and _code(written) != _code(wanted)
    ]
    if not changed:
        return []
    written, wanted = (shortened(line, _SHOWN) for line in changed[0])
    more = f" (and {counted(len(changed) - 1, 'more line')})" if len(changed) > 1 else ""
    return [
        f"changes code: the translation has {written!r} for {wanted!r}{more}; copy a doctest's "
        "or a shell session's code as written (only its comments may be translated)"
    ]


def _code(line: str) -> str:
    """``line`` without the comment after its code and the blanks at its end."""
    return _COMMENT.split(line, maxsplit=1)[0].rstrip()
