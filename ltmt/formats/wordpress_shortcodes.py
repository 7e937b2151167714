"""WordPress shortcodes in a string: ``[easy_booking_form id="123"]``, ``[gallery ids='1,2']``,
``[booking_summary /]``.

WordPress expands them by name and reads their attributes by name, with straight quotes. The
model read an unpaired one as words: its attribute names were translated and its quotes made
German (``[easy_booking_calendar Dienst=»spa« Monate=»2«]``, WordPress trial s76), and the
shortcode no longer worked. A pair with its closing tag later in the text (``[caption
id="x"]…[/caption]``) was already markup (BBCode's shape: :mod:`ltmt.formats.placeholder_syntax`),
and a bare snake_case name (``[easy_booking_form]``) an interpolated variable; what this adds is
the unpaired ones of a shortcode's own shape, each one placeholder (kind ``shortcode``) that the
model gets as a tag and that ``ltmt qa`` holds a translation to:

- a lowercase name and one or more ``attr="value"`` (or ``'value'``) pairs, maybe ``/`` before
  the ``]``: ``[easy_booking_calendar service="spa" months="2"]``;
- a lowercase name that closes itself: ``[booking_summary /]``.

A closing one (``[/easy_booking_box]``) is a tag where a bracket opened before it, as BBCode's.

Not a footnote (``[1]``), an editor's ``[sic]``, a subtitle's ``[DOOR SLAMS]``, a Markdown link
(``[text](url)``), a command line's ``[NAME=VALUE]`` or ``[default=N]`` (capitals, or no space
before its ``=``), nor BBCode's own names (``[url="…"]``), which stay as they were.
"""

from __future__ import annotations

# a shortcode's name: lowercase letters and digits, words joined by "_" or "-"
_NAME = r"[a-z][a-z0-9]*(?:[_-][a-z0-9]+)*"
# one attribute and its quoted value; a value ends at its quote, a bracket or the line's end, so
# a pair reads one way only and an unclosed quote fails in one scan
_ATTRIBUTE = r"""[ \t]+[a-z_][a-z0-9_-]*=(?:"[^"\[\]\n]*"|'[^'\[\]\n]*')"""
SHORTCODE = (
    rf"(?<![\w\[])\[{_NAME}(?:{_ATTRIBUTE})+[ \t]*/?\](?![(\[])"
    rf"|(?<![\w\[])\[{_NAME}[ \t]*/\](?![(\[])"
)
