"""AsciiDoc's inline macros in a catalog string: what po4a's AsciiDoc module leaves in the
messages of a page (``xref:install.adoc[the guide]``, ``menu:File[Save As]``,
``footnote:[...]``, ``<<_prerequisites,the prerequisites>>``, ``include::partial$x.adoc[]``).

The model broke them (trial as170): ``include::partial$snippet.adoc[]`` came out
``einschließen:: Wohnungs-[]``, ``menu:File[Save As]`` ``Menü:File[Save As]``,
``xref:install.adoc[...]`` ``xref: install.adoc[...]``, ``<<prerequisites,the
prerequisites>>`` ``...>>>``. So:

- a macro with words a reader sees is a pair (:mod:`ltmt.formats.paired_tags`): its name and
  target with the opening bracket (``xref:install.adoc[``, :data:`ASCIIDOC_OPENING`), and the
  closing bracket; a cross-reference's ``<<id,`` and ``>>``; a role's ``[.role]#`` and ``#``.
  The words between are translated, the marks kept byte for byte;
- a key macro of a combination (``kbd:[Ctrl+S]``) is a pair too, its keys named as the
  target's keyboards name them (``kbd:[Strg+S]``, :mod:`ltmt.key_combinations`);
- a macro whose text is kept as written (``pass:[...]``, ``include::...[...]``, a key's
  ``kbd:[Enter]``, ``image::...[...]``), an anchor (``[[install-linux]]``) and a
  cross-reference without text (``<<install-linux>>``) is one placeholder, whole
  (:data:`ASCIIDOC_VERBATIM`).

Only the macros of AsciiDoc's names are read, glued to their colon and bracket: a shape prose
and other formats do not take (``Note: [1]``, ``key:value`` are text). The forms that chat,
quotes, wiki links and tickets write too count only with an id of a code's shape (regression
rega70: ``ltmt qa`` said ``Type <<hello>> in the chat.`` lacked ``<<hello>>``, and ``Ticket
[#123]#open# now.`` came back ``Ticket [#123]#offen# öffnet hier.``): a bare cross-reference's
id holds a separator (``<<install-linux>>``, ``<<guide.adoc#setup>>``; not ``<<hello>>``), so
does a cross-reference's with text (``<<_install,the guide>>``; not ``<<Mom,see you at 5>>``), an
anchor's too and is in lower case (``[[install-linux]]``; not ``[[Help]]``, ``[[Main_Page]]``),
and a role's or id's name starts with a letter (``[.big]#``; not ``[#123]#``). Nothing tells
these strings that they are AsciiDoc, so a catalog's ``<<install>>`` and ``<<install,the
guide>>`` are text, and ``[[install]]`` is no anchor (it is a field in double brackets, kept
whole all the same: :mod:`ltmt.formats.bracket_fields`).

The openings and the whole macros are placeholders (kind ``asciidoc``), so ``ltmt qa`` reports
one changed or lost as it reports a lost tag; a closing mark is text alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from ltmt.formats.opened_marks import opened_only
from ltmt.key_combinations import COMBINATION

# the inline macros whose bracket holds words a reader sees
_TEXT_MACROS = "link|xref|footnote|menu|btn|mailto"
# those whose bracket is kept as written: raw output, an included file, keys, an image's
# attributes (a block image:: or an inline image:)
_KEPT_MACROS = "pass|include|kbd|image|icon|anchor"
_TARGET = r"[^\s\[\]]*"
# a key macro's combination alone (``kbd:[Ctrl+S]``), whose keys a German page names as its
# keyboards do (``kbd:[Strg+S]``, :mod:`ltmt.key_combinations`): the macro is a pair, not kept
# whole (regression regf170: ``ltmt qa`` said a correct ``kbd:[Strg+S]`` lacked
# ``kbd:[Ctrl+S]``); a key alone (``kbd:[Enter]``), which the model translated, is kept whole
_KEYS = rf"kbd:\[(?=(?:{COMBINATION.pattern})\])"
# an id with a code's shape, which chat and quotes do not write: one with a separator
# (``install-linux``, ``_overview``, ``guide.adoc#setup``; not ``<<hello>>``, ``<<Mom,see you>>``,
# nor ``<<mom,`` that the model wrote for the latter)
_CODE_ID = r"[\w.:#/-]*[-_.:#/][\w.:#/-]*"
# an anchor's id: lower case too (``[[install-linux]]``; ``[[Main_Page]]`` is a wiki's link)
_ANCHOR_ID = r"(?=[a-z0-9_:.-]*[-_.:])[a-z_][a-z0-9_:.-]*"
# a role's or an id's name starts with a letter (``[.role]#``; ``[#123]#open#`` is a ticket)
_ROLE = r"[.#%][A-Za-z_][\w-]*"
# a macro with words: its name, target and opening bracket, where a closing one follows on the
# line; a cross-reference's id and comma before its text; a role's attribute list and hash
ASCIIDOC_OPENING = (
    rf"(?<![\w:])(?:{_TEXT_MACROS}):{_TARGET}\[(?=[^\[\]\n]*[^\s\[\]][^\[\]\n]*\])"
    rf"|(?<![\w:]){_KEYS}"
    rf"|<<{_CODE_ID},(?=[^<>\n]*?[^\s<>][^<>\n]*>>)"
    rf"|(?<![\w\]])\[{_ROLE}(?:{_ROLE})*\]#(?=[^#\n]*[^\s#]#)"
)
# the whole macro kept as written, an anchor, a cross-reference without text
ASCIIDOC_VERBATIM = (
    rf"(?<![\w:])(?!{_KEYS})(?:{_KEPT_MACROS}):{{1,2}}{_TARGET}\[[^\]\n]*\]"
    rf"|\[\[{_ANCHOR_ID}(?:,[^\]\n]*)?\]\]"
    rf"|<<{_CODE_ID}>>"
)
ASCIIDOC_MARKUP = f"{ASCIIDOC_VERBATIM}|{ASCIIDOC_OPENING}"
# the pair marks paired_tags looks for, and the closing mark of each opening's kind
ASCIIDOC_PAIR_MARKS = rf"(?P<adoc_opening>{ASCIIDOC_OPENING})|(?P<adoc_closing>\]|>>|#)"
_VERBATIM = re.compile(ASCIIDOC_VERBATIM)
_OPENING = re.compile(ASCIIDOC_OPENING)


def closing_of(opening: str) -> str:
    """The mark that closes ``opening`` (:data:`ASCIIDOC_OPENING`): ``]``, ``>>`` or ``#``."""
    return ">>" if opening.startswith("<<") else "#" if opening.endswith("#") else "]"


def has_pairs(text: str) -> bool:
    """Whether ``text`` holds a macro opening (:data:`ASCIIDOC_OPENING`)."""
    return _OPENING.search(text) is not None


def verbatim_macros(text: str) -> Iterator[re.Match[str]]:
    """The macros of ``text`` kept as written whole (:data:`ASCIIDOC_VERBATIM`)."""
    return _VERBATIM.finditer(text)


def adoc_paired(matches: Iterable[re.Match[str]]) -> Iterator[re.Match[str]]:
    """``matches`` of a pattern holding :data:`ASCIIDOC_PAIR_MARKS`, without the closing marks
    that close no opening before them (a ``]``, ``>>`` or ``#`` of the text)."""
    return opened_only(matches, "adoc_opening", "adoc_closing", closing_of, lambda mark: mark)
