"""Magento email templates' ``{{trans}}`` directive: its quoted string is the text to
translate (``{{trans "Hello %customer_name," customer_name=$order.getCustomerName()}}``,
``{{trans 'Your Order <span class="no-link">#%increment_id</span>' increment_id=... |raw}}``),
its ``%name`` placeholders kept; the directive's name, parameters and modifiers are code, as
every other directive is (``{{var order.increment_id}}``, ``{{template ...}}``). Magento reads
the string with a backslash before a quote like its own (``"Say \\"hi\\""``) and drops the
backslashes (PHP's ``stripslashes``): a translation is written back so. In an HTML page
(:mod:`ltmt.formats.html_segments`) such a string is a unit of its own where directives
alone stand in a run's place, and in the ``<!--@subject ... @-->`` comment that holds the
email's subject; the whole run was kept as code before, and the emails stayed English.
"""

from __future__ import annotations

import re

from ltmt.formats.attribute_values import ANY_TAG
from ltmt.formats.placeholder_syntax import has_words
from ltmt.text import has_letter

# a {{trans}} directive: its quote, its string (backslash escapes in it), the rest up to "}}"
TRANS = re.compile(
    r"""\{\{trans\s+(?P<quote>["'])(?P<value>(?:\\.|(?!(?P=quote))[^\\])*)(?P=quote)"""
    r"(?:(?!\}\}).)*\}\}",
    re.DOTALL | re.IGNORECASE,
)
# any template directive ({{var x}}, {{template config_path="..."}}, {{trans "..."}})
_DIRECTIVE = re.compile(r"\{\{(?:(?!\}\}).)*\}\}", re.DOTALL)
# a tag or a character reference beside them (``<br>``, ``&nbsp;``): no words
_MARKUP = re.compile(rf"{ANY_TAG}|&#?\w+;")
# the comment that holds an email template's subject
SUBJECT = re.compile(r"<!--@subject\b")
_ESCAPED = re.compile(r"\\(.)", re.DOTALL)


def trans_directives(text: str, start: int, end: int) -> list[re.Match[str]]:
    """The ``{{trans}}`` directives in ``text[start:end]`` whose string has a word outside its
    placeholders and tags (``{{trans "%name"}}`` is code alone)."""
    return [
        found
        for found in TRANS.finditer(text, start, end)
        if has_words(unescaped(found.group("value")))
    ]


def directives_alone(text: str, start: int, end: int) -> list[re.Match[str]] | None:
    """The ``{{trans}}`` directives of ``text[start:end]`` where it holds one and no letter
    outside its directives (markup and ``{{var ...}}`` may stand beside it); None else."""
    found = trans_directives(text, start, end)
    if not found or has_letter(_MARKUP.sub(" ", _DIRECTIVE.sub(" ", text[start:end]))):
        return None
    return found


def unescaped(value: str) -> str:
    """A directive's string as Magento reads it: each backslash escape its character."""
    return _ESCAPED.sub(r"\1", value)


def trans_string(translation: str, quote: str) -> str:
    """``translation`` as a directive's string in ``quote`` marks: a backslash and the quote
    escaped with a backslash, as Magento reads them (module docstring)."""
    escaped = translation.replace("\\", "\\\\").replace(quote, "\\" + quote)
    return f"{quote}{escaped}{quote}"
