"""POD's formatting codes and groff's inline escapes in a catalog string: what po4a's man and
pod modules leave in the messages of a man page (``B<cloudsync> copies I<SOURCE>``, ``B<-n>,
B<--dry-run>``, ``E<lt>bugs@example.comE<gt>``, ``B<\\-\\-sync>``), and what a man page's own
text holds (``\\fB--sync\\fR``, ``\\-\\-sync``).

The model garbled the options inside them (``B<--dry-run>`` came back ``B<-dry-run>``,
``B<\\-\\-sync>`` ``B<\\-sync>``, ``B<--verbose>`` ``B<-Verbose>``), which po4a writes back
into the page. So a code whose content is a command-line option (``B<-n>``, ``B<--dry-run>``,
``B<\\-\\-sync>``, ``B<-n, --dry-run>``), an entity (``E<lt>``), code, a file name, a link, an
index entry or a zero-width mark (``C<>``, ``F<>``, ``L<>``, ``X<>``, ``Z<>``), or one in the
``<< ... >>`` form, is one placeholder kept byte for byte (:mod:`ltmt.formats.placeholder_syntax`,
kind ``pod``), as are a groff font escape (``\\fB``, ``\\fI``, ``\\fR``, ``\\fP``, ``\\f(CW``)
and a groff option (``\\-\\-sync``). Bold, italic and non-breaking text with words (``I<FILE>``)
keeps its letter and brackets as placeholders of their own while its words are translated
(``I<DATEI>``): a closing ``>`` counts only after its opening code (:func:`pod_paired`).

A code is one of perlpod's nine capitals (B, I, C, F, L, S, E, Z, X) right before ``<``, after
no letter or digit, and closed on its line: ``Vec<T>``, ``a<b`` and ``I<3`` are text. Nor is
a comparison or a generic of ordinary text a code: a content that starts with a digit, a space,
``=`` or ``<`` (``C<10 and D>20``, ``X<5 and Y>3``), one of a single character (``B<T>``,
``S<T>``), one that ends in a lone capital (``C<x and D>``) or is closed before a digit or ``=``
(the model left ``and`` of ``C<10 and D>20`` untranslated, and ``ltmt qa`` said a correct ``C<10
und D>20`` lacked ``C<10 and D>``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from ltmt.formats.opened_marks import opened_only

# a command-line option, with groff's escaped hyphens too (``-n``, ``--dry-run``, ``\-\-sync``)
_OPTION = r"(?:-|\\-){1,2}[A-Za-z0-9?](?:[\w.]|\\?-)*"
# options listed, or one with its value's name (``-n, --dry-run``, ``--exclude=PATTERN``)
_OPTIONS = rf"{_OPTION}(?:(?:,[ ]?|[ ]|=){_OPTION}|=[\w.]+)*"
# a code's letter after no letter, digit or hyphen: ``Vec<T>`` is text, and so is an option's
# value's name (``-F<changelog-format>``, a help text's metavar)
_LETTER = r"(?<![A-Za-z0-9_\\-])[{}]<"
# an entity: named, decimal or hexadecimal (``E<lt>``, ``E<verbar>``, ``E<0x201E>``)
_ENTITY = r"E<(?:[A-Za-z]\w*|0[xX][0-9A-Fa-f]+|[0-9]+)>"
# what a code with words may hold besides its words: entities
_CONTENT = rf"(?:[^<>\n]|{_ENTITY})*"
# what a code's opening bracket may hold: not a comparison's number, space, ``=`` or ``<``
# (``C<10 and D>20``, ``a<=b``), nor a single character closed at once (a generic's ``B<T>``,
# ``X<Y>``); ``Z<>`` and ``C<>`` are empty codes
_STARTS = r"(?![\d\s=<])(?![^<>\n]>)"
# its closing bracket: not a comparison's, after a lone capital (``C<x and D>``) or before a
# number or ``=`` (``D>20``, ``c>=d``)
_CLOSES = r"(?<![ ][A-Z])>(?![\d=])"
# groff's font escapes: a one-character font, a two-character one, a named one
_FONT = r"\\f(?:[1-4BIRPC]|\(\w\w|\[\w*\])"
# groff's option, its hyphens escaped (``\-\-sync``)
_GROFF_OPTION = r"(?<![\w\\-])(?:\\-){1,2}[A-Za-z0-9](?:[\w.]|\\-)*"


def pod_codes(tag_names: str) -> str:
    """The pattern of POD's codes and groff's escapes: kept whole, or a pair's marks (groups
    ``pod_opening`` and ``pod_closing``). ``tag_names`` (a pattern) are markup's, whose tags a
    capital before them does not make a code: ``<kbd>S</kbd>``, ``B<br/>``, ``A<b>x</b>``."""
    tag = rf"(?!/?(?:{tag_names})(?![\w:.-])|/[A-Za-z][\w:.-]*\s*>|[A-Za-z][\w:.-]*\s+[\w:.-]+\s*=)"
    kept = (
        rf"{_ENTITY}"  # glued to a word too (E<lt>bugs@example.comE<gt>)
        rf"|{_LETTER.format('BCFILSXZ')}(?:<+[ ][^\n]*?[ ]>>+"  # the << ... >> form
        rf"|{tag}(?:{_OPTIONS}>|(?<=[CFLXZ]<){_STARTS}{_CONTENT}{_CLOSES}))"
        rf"|\\f[BIC]{_OPTIONS}\\f[RP]|{_FONT}|{_GROFF_OPTION}"
    )
    # bold, italic and non-breaking text's opening code and its closing bracket: a pair's marks
    pair = (
        rf"(?P<pod_opening>{_LETTER.format('BIS')}{tag}{_STARTS})(?={_CONTENT}{_CLOSES})"
        r"|(?P<pod_closing>>)"
    )
    return f"{kept}|{pair}"


def pod_paired(matches: Iterable[re.Match[str]]) -> Iterator[re.Match[str]]:
    """``matches`` of a pattern holding :func:`pod_codes`, without the closing brackets
    that close no opening code before them (``a > b`` is text)."""
    return opened_only(matches, "pod_opening", "pod_closing", lambda _: ">", nested=True)
