"""The placeholder inventory of a string: printf, brace, tag, entity, escape and sigil
(``:count``, ``$1``) placeholders, a game's input tokens (``[KEY_JUMP]``, ``<action:Jump>``), and
Ren'Py's interpolated variables (``[player_name]``, ``[player.name!t]``), Smartling's fields in
double brackets (``[[name]]``: :mod:`ltmt.formats.bracket_fields`), inline code in
backticks (``Set `MAX_RETRIES=5` in .env``), reST's and MyST's inline markup (``:kbd:`Esc```,
`` `Read the Docs`__ ``, ``|version|``: :mod:`ltmt.formats.rest_markup`), a Markdown link's
marks (``[``, ``](#config-reference)``: :mod:`ltmt.formats.markdown_link_marks`), a man page's
POD codes and groff escapes (``B<--dry-run>``, ``E<lt>``, ``\\fB``: :mod:`ltmt.formats.pod_codes`),
kaomoji (``¯\\_(ツ)_/¯``, :data:`_KAOMOJI`), Apple's inflection markup's marks (``^[`` and
``](inflect: true)``: :mod:`ltmt.formats.inflection_markup`), a masked card number (``•••• 4242``:
:mod:`ltmt.formats.masked_numbers`), a phone number (``+49 89 1234-5678``, ``(555) 123-4567``:
:mod:`ltmt.formats.phone_numbers`), Minecraft's formatting codes (``§7``, ``§l``:
:mod:`ltmt.formats.formatting_codes`), and the URLs and e-mail addresses in running text (the
model mangled them: ``support@example.com`` → ``Mailge@example.com``).

Tags are HTML's and XLIFF's, and the markup of game text: Unity TextMeshPro's rich text
(``<color=#FF0000>``, ``<size=120%>``, ``<link="item_01">``, ``<sprite=3>``) and BBCode (``[b]``,
``[color=#ff0000]``, ``[url=https://...]``, Godot's ``[wave amp=50]``, and their ``[/b]``) and
Ren'Py's text tags (``{b}``, ``{color=#f00}``, ``{/b}``: a glossary term placed between them
took the ``{/b}`` with it, which was no placeholder). A tag
with a value or attributes is markup wherever it stands; a bare name (``<bold>``, ``[b]``) only
where its text closes it later (``[b]`` in any case: the model wrote ``[b]Iron Swort[/B]``): a
bracketed word alone (``[OK]``, ``[1]``) is a label the text names, ``<name>`` a metavariable
translators translate; PrestaShop's numbered markers (``[1]Sign in[/1]``) are tags where the
text has both ends of a number (:mod:`ltmt.formats.numbered_markers`). This is the one
definition of markup that the repair, ``ltmt qa``, the glossary (no term inside a tag) and
capitals (a line's first letter is the first outside them) read.

See :mod:`ltmt.formats.placeholders` for what is done with them.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass
from functools import lru_cache

from ltmt.formats import format_message
from ltmt.formats.angular_json import PLACEHOLDER as _ANGULAR
from ltmt.formats.asciidoc_markup import ASCIIDOC_MARKUP
from ltmt.formats.attribute_values import QUOTED_VALUE, TAG_BODY
from ltmt.formats.bracket_fields import BRACKET_FIELD
from ltmt.formats.dollar_references import an_amount
from ltmt.formats.formatting_codes import FORMATTING_CODE, has_letter_code, section_number
from ltmt.formats.inflection_markup import inflection_marks
from ltmt.formats.latex_markup import LATEX_MARKUP, is_latex, latex_paired
from ltmt.formats.markdown_link_marks import MARKDOWN_MARKS, markdown_paired
from ltmt.formats.masked_numbers import MASKED_NUMBER
from ltmt.formats.numbered_markers import NUMBERED_MARKER, markers_in, partner
from ltmt.formats.percent_names import (
    DRUPAL_PERCENT,
    DRUPAL_TEXT_PERCENT,
    SYMFONY_PERCENT,
    drupal_text,
)
from ltmt.formats.phone_numbers import PHONE_NUMBER, is_phone_number
from ltmt.formats.php_properties import PLACEHOLDER as _PHP_PROPERTY
from ltmt.formats.pod_codes import pod_codes, pod_paired
from ltmt.formats.rest_markup import REST_MARKUP, paired
from ltmt.formats.wordpress_shortcodes import SHORTCODE

# a Lokalise universal placeholder: a printf conversion in square brackets (``[%s]``,
# ``[%1$s]``, ``[%.2f]``, ``[%s:name]``), the brackets part of it (Lokalise exports only the
# bracketed one as the platform's placeholder): one placeholder, so that a repair puts it back
# whole (it inserted a bare ``%2$d`` for a lost ``[%2$d]``); group 1 is the conversion
LOKALISE_PLACEHOLDER = r"\[(%(?:\d+\$)?[-+0 #]*\d*(?:\.\d+)?[a-zA-Z])(?::\w+)?\]"
# printf's conversions, C's, Python's, Ruby's, Apple's and Go's (%v, %+v, %#v, %T, %q, %t, %U,
# %[2]s; not %b and %w, a date's month and weekday), and Lokalise's in brackets, first
_PRINTF = (
    rf"{LOKALISE_PLACEHOLDER}|%%"
    rf"|{format_message.INSERT}"  # Windows' FormatMessage insert (%1!s!), before Qt's %1
    r"|%\([^()\s]+\)[-+#0]*\d*(?:\.\d+)?[diouxXeEfFgGcrsa]"
    r"|%<PRI[diouxX]\w*>"
    r"|%(?:[1-9]\d*\$)?#@\w+@"  # an Apple .stringsdict variable
    r"|%arg(?![A-Za-z0-9_])"  # an Xcode string catalog substitution's own argument
    # Ruby's, named; a space flag only before a conversion that ends the word: the model
    # dropped the "d" of "%<count>d unread" and "%<count> u" of "%<count> ungelesene" is none
    r"|%\{\w+\}|%<\w+>(?:[-+#0]*|[-+ #0]* [-+ #0]*(?=[\d.]*[diouxXeEfgGsbBcaA](?!\w)))"
    r"\d*(?:\.\d+)?[diouxXeEfgGsbBcaA]"
    r"|%(?:[1-9]\d*\$)?[-+#0']*(?:\d+|\*(?:[1-9]\d*\$)?)?(?:\.(?:\d+|\*(?:[1-9]\d*\$)?))?"
    r"(?:hh|ll|I64|I32|[hlLqjzZtI])?[diouxXeEfFgGaAcCsSpnm@vTqtU]"
    # Go's argument index (%[2]s, %-[1]10.2f)
    r"|%[-+# 0]*\[[1-9]\d*\](?:\d+|\*)?(?:\.\d+)?[diouxXeEfFgGcsSpvTqtU]"
    r"|%[1-9]\d?(?!\d)"
)
# Inline markup of UI strings (HTML, Pango) and the inline codes of XLIFF and TMX. A <word> that
# is none of these, has no attribute and is not closed later in its text is left alone: "<name>",
# "<unknown>" or "<host name>" are meta-variables that translators translate ("<Name>",
# "<unbekannt>"). Closing tags always count.
_TAG_NAMES = (
    "a|abbr|b|big|blockquote|bpt|br|bx|center|cite|code|cp|dd|del|div|dl|dt|ec|em|ept|ex|font|g|"
    "h[1-6]|hr|i|img|ins|it|kbd|li|mark|mrk|nobr|ol|p|pc|ph|pre|q|s|samp|sc|small|sm|span|strike|"
    "strong|sub|sup|table|tbody|td|th|thead|tr|tt|u|ul|var|wbr|x"
)
_ATTRIBUTE = rf"""\s+[\w:.-]+(?:\s*=\s*(?:{QUOTED_VALUE}|[^\s"'<>/=]+))?"""
# a self-closing tag with attributes: XLIFF's codes (<x id="1" ctype="x-link"/>, <sc id="1"
# type="fmt"/>, the <ph id="ltmt-v1"/> that stands for a code element), an <img src="..."/>
_EMPTY_WITH_ATTRIBUTES = re.compile(rf"<[A-Za-z][\w:.-]*(?:{_ATTRIBUTE})+\s*/>")
# quote marks, which end a URL (an attribute's value, or German quotes a model wrote)
_QUOTE_MARKS = "\"'\u00ab\u00bb\u201e\u201c\u201d\u2018\u2019"
_VALUED_ATTRIBUTE = rf"\s+[\w:.-]+\s*=\s*(?:{QUOTED_VALUE})"
# what follows the "&" of a character reference (&amp;, &#8212;, &#x2014;), and the reference
REFERENCE_TAIL = r"(?:[A-Za-z][A-Za-z0-9]*|#[0-9]+|#[xX][0-9A-Fa-f]+);"
CHARACTER_REFERENCE = "&" + REFERENCE_TAIL
# TextMeshPro's rich-text tag with a value or unquoted attributes (<color=#FF0000>, <size=120%>,
# <link="item_01">, <sprite=3 tint=1>, <sprite name=coin>): a tag closed later or not
# (<sprite=3>, <pos=75%> stand alone); a value in German quotes is a garbled tag's
_TAG_VALUE = rf"""(?:{QUOTED_VALUE}|[^\s<>={_QUOTE_MARKS}]+)"""
_VALUED_TAG = (
    rf"<[A-Za-z][\w-]*(?:={_TAG_VALUE}(?:\s+[\w:.-]+={_TAG_VALUE})*"
    rf"|(?:\s+[\w:.-]+={_TAG_VALUE})+)\s*>"
)
# TextMeshPro's short colour tag, which </color> closes: <#FF0000>, <#F00>, <#FF000080>, <#F008>
# (the model recoloured it, <#FFFF00>, and the number repair dropped its ">")
_TMP_SHORT_COLOR = r"<#(?:[0-9A-Fa-f]{8}|[0-9A-Fa-f]{6}|[0-9A-Fa-f]{3,4})>"
# itstool's placeholder for an element it takes out of a message (GNOME help, DocBook and
# Mallard catalogs: <_:media-1/>, <_:link-1/>, <_:footnote-1/>): the element's name and its
# number, put back by itstool only as written (the model dropped its colon, <_media-1/>)
ITSTOOL_PLACEHOLDER = r"<_:[A-Za-z_][\w.-]*-[0-9]+/>"
# BBCode (forums, Godot's RichTextLabel): a closing tag or one with settings of BBCode's own
# names ([/b], [color=#ff0000], [url=...], [wave amp=50 freq=2]), or a tag of any name closed
# later in any case ([b] ... [/B], [quote] ... [/quote]). Not a bracketed name of another
# kind: a command line's [default=N], [NAME=VALUE], Target[/prefix], which translators translate
_BBCODE_NAMES = (
    "b|i|u|s|color|colour|size|font|url|img|quote|code|center|left|right|fill|indent|list|"
    "table|cell|tr|td|sup|sub|spoiler|bgcolor|fgcolor|outline_size|outline_color|wave|shake|"
    "tornado|fade|rainbow|pulse|hint|lang|ol|ul|dropcap|opentype_features|p|br|hr"
)
_BBCODE_VALUE = r"""(?:"[^"\]\n]*"|[^\s\[\]"]+)"""
_BBCODE_SETTINGS = rf"(?:={_BBCODE_VALUE}|(?:[ \t]+[\w-]+={_BBCODE_VALUE})+)"
_BBCODE = (
    rf"\[/(?i:{_BBCODE_NAMES})\]|\[(?i:{_BBCODE_NAMES}){_BBCODE_SETTINGS}\]"
    rf"|\[(?P<bbcode>[A-Za-z][\w-]*){_BBCODE_SETTINGS}?\](?=(?s:.*?)(?i:\[/(?P=bbcode)\]))"
    # a closing tag of another name: a tag where a BBCode tag opened before it in the text
    # (a model's garbled copy, [color=...]Eisenschwert[/Farre]), else text (Target[/prefix])
    r"|(?P<bbclose>\[/[A-Za-z][\w-]*\])"
)
# Ren'Py's text tags: a closing tag of any name ({/b}, a game's own {/shake}), an opening one
# with a value of Ren'Py's names ({color=#f00}, {size=+10}, {a=https://...}, {w=0.5}), and a
# bare name closed later ({b}Sword of Dawn{/b}); a bare name not closed ({w}, {nw}, or {name}
# of a format string) is a brace field
_RENPY_NAMES = (
    "a|alpha|alt|b|color|cps|font|i|image|k|noalt|outlinecolor|plain|rb|rt|s|shader|size|"
    "space|u|vspace|w|p|nw|fast|done|clear"
)
# an opening Ren'Py tag with a value, of Ren'Py's names ({color=#f00}, {w=0.5})
_RENPY_VALUED = r"\{(?:" + _RENPY_NAMES + r")=[^{}\n]*\}"
_RENPY = (
    r"\{/(?:" + _RENPY_NAMES + r")\}|" + _RENPY_VALUED + r"|\{(?P<renpy>[A-Za-z][\w-]*)\}"
    r"(?=(?s:.*?)\{/(?P=renpy)\})"
    # a closing tag of another name: a tag where a Ren'Py tag opened before it ({shake}...
    # {/shake}, a model's garbled {/colour}), else text: Smarty's and Latte's {if $user}...
    # {/if}, whose opening is no tag, lost its opening
    r"|(?P<renpyclose>\{/[A-Za-z][\w-]*\})"
)
# a Ren'Py tag read as one (:data:`_RENPY`): sent to the model as a tag
_RENPY_TAG = re.compile(_RENPY_VALUED + r"|\{/?[A-Za-z][\w-]*\}")
# a Ren'Py tag that opens: of a value and a name of Ren'Py's, or a bare name closed later
_RENPY_OPENING = re.compile(_RENPY_VALUED + r"|\{[A-Za-z][\w-]*\}")
# Ren'Py's interpolation of a variable: an identifier starting with a small letter or an
# underscore, of two characters or more, in square brackets, that has a code's shape (an
# underscore, a dot or conversion flags: [player_name], [player.name], [name!t]); the model
# translated the name ([player_name] came back [Wiedername]). A plain word ([hero], [options])
# is not one: command lines' metavariables, which translators translate ([Optionen]), are
# written so too. Not a checkbox ([x]), a footnote ([1]), a label
# in capitals ([OK]), BBCode's own names ([b], [color]), a Markdown link's text ([text](url),
# [text][ref]), an index glued to a word (items[count]) or Ren'Py's escaped bracket ([[name])
_BBCODE_NAME = rf"(?:{_BBCODE_NAMES})(?![\w.!])"
INTERPOLATION = (
    rf"(?<![\w\[\]])\[(?!{_BBCODE_NAME})"
    r"(?=[a-z_][A-Za-z0-9_]*(?:_|\.[A-Za-z_]|![rsticlqu]))"  # a name of its code's shape
    r"[a-z_][A-Za-z0-9_]+(?:\.[A-Za-z_]\w*)*(?:![rsticlqu]+)?\](?![(\[])"
)
# a key or button named in brackets, which a game shows as its glyph (Press [E] to open, [F5],
# [LMB], a pad's [LB] or [A]): a capital letter, a function key, a mouse or pad button's short
# name, which German writes as English does; not a key with a German name ([Ctrl] is [Strg],
# [Del] [Entf], [Space] [Leertaste]: a key's name is text, translated), a footnote ([1]), a
# checkbox ([x]), a button's label ([Continue], [OK]), a Markdown link's text ([E](url)), an
# index (items[E]) or Ren'Py's escaped bracket ([[E]) (a prompt's [Y], "yes", may be German's
# [J]: :mod:`ltmt.qa.pair_checks` lets it)
_KEY_NAMES = "[A-Z]|F(?:[1-9]|1[0-9]|2[0-4])|LMB|RMB|MMB|LB|RB|LT|RT|L[1-3]|R[1-3]"
_KEY_GLYPH = rf"(?<![\w\[\]])\[(?:{_KEY_NAMES})\](?![(\[\]])"
# the top-level domains of a bare domain (contoso.com): the common ones and those reserved for
# examples; not those that are file extensions too (README.md, setup.py, main.rs, run.sh,
# Makefile.in, logo.ai), so that a file name stays words as config.yaml does
_TOP_LEVEL_DOMAINS = "|".join(
    (
        "com", "net", "org", "edu", "gov", "mil", "int", "info", "biz", "io", "co", "app",
        "dev", "cloud", "online", "site", "shop", "store", "tech", "blog", "news", "xyz", "me",
        "tv", "eu", "de", "at", "ch", "uk", "fr", "it", "es", "nl", "be", "se", "dk", "fi",
        "ie", "us", "ca", "au", "nz", "jp", "cn", "ru", "br", "mx", "pt", "gr", "cz", "sk",
        "hu", "ro", "bg", "hr", "si", "lt", "lv", "ee", "lu", "li", "kr", "tw", "hk", "sg",
        "za", "example", "test",
    )
)  # fmt: skip
# a bare domain, with or without a path (contoso.com/why, www.contoso.de): the model mangled
# it (Kontoso.com/) where it kept one with its https://
_BARE_DOMAIN = (
    rf"(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+(?:{_TOP_LEVEL_DOMAINS})(?![\w-]|\.\w)"
    rf"(?:/(?:[^\s<>(){{}}\[\]{_QUOTE_MARKS}]*[^\s<>(){{}}\[\]{_QUOTE_MARKS}.,;:!?])?)?"
)
# an ICU argument with a type and its style or skeleton (``{ts, date, medium}``, ``{n, number,
# ::currency/EUR}``): one field, whose keywords the model translated (``{ts, Datum, mittel}``)
# ICU's argument types that do not branch (MessageFormat's ``argType``)
ICU_SIMPLE_TYPES = ("number", "date", "time", "spellout", "ordinal", "duration")
_ICU_TYPED_ARGUMENT = rf"\{{\s*[\w.-]+\s*,\s*(?:{'|'.join(ICU_SIMPLE_TYPES)})\s*(?:,[^{{}}]*)?\}}"
# a template's comment on one line (:data:`_TEMPLATE_FIELD`): each piece of its text starts with
# a character of its own (a field in it has its braces), so an unclosed one fails at once
_TEMPLATE_COMMENT = r"\{#(?:[^{}#\n]|#(?!\})|\{\{?[^{}\n]*\}\}?)*#\}"
# a template's field in double braces: i18next's, Mustache's, Liquid's, Jinja's (``{{name}}``,
# ``{{- name}}``, ``{{val, number}}``, ``{{ product.title }}``, ``{{ price | money }}``,
# ``{{- x -}}``, a quoted translation key through a filter: ``{{ 'cart.checkout' | t }}``), or a
# Liquid or Jinja tag (``{% if x %}``, ``{%- endif -%}``), or a Handlebars or Mustache block
# helper (``{{#if premium}}``, ``{{/if}}``, ``{{^items}}``, ``{{else}}``, ``{{else if x}}``,
# ``{{~#each items~}}``): the model translated and split them (``{{#if-Prämie}``). Any
# expression between the braces, on one line, its quoted strings holding any sign: Odoo's mail
# templates write ``{{ object.name or 'n/a' }}`` and ``{{ format_date(object.date_order) }}``,
# whose words the model translated (``{{Objekt.name oder »n/a« })``)
_TEMPLATE_FIELD = (
    # Handlebars' and Mustache's unescaped "triple-stash" first (``{{{unsubscribeLink}}}``,
    # ``{{~{body}~}}``): one field, not a ``{{x}}`` inside stray braces (the model wrote
    # ``{{{{unsubscribeLink}}``, and a ``{{x}}`` for it HTML-escapes the value)
    r"""\{\{~?\{(?:[^{}'"\n]|'[^'\n]*'|"[^"\n]*")+\}~?\}\}|"""
    r"""\{\{(?:[^{}'"\n]|'[^'\n]*'|"[^"\n]*")+\}\}"""
    r"|\{%-?\s*[A-Za-z_][^{}%]*?-?%\}"
    # a Jinja, Twig, HubL or Django comment (``{# Internal note #}``, ``{#- x -#}``) on one line,
    # a field in it too (``{# {{ old }} #}``): the model translated it and wrote ``{#-``; a
    # comment is never shown, so it is kept as written. Not an ICU case's ``{# item}`` (its
    # ``}`` is no comment's end), nor a heading's ``{#known-issues}``
    rf"|{_TEMPLATE_COMMENT}"
)
# Ren'Py's escaped brace with the word it makes literal, up to its single closing brace
# ({{this} shows "{this}", {{b} "{b}", {{/b} "{/b}"): one field, kept as written; read as a
# brace and the field {this}, the model wrote {{{this}, a stray brace and a tag Ren'Py does not
# know. Not a template's {{name}} (two closing braces: a field of its own), one with a blank (a
# model's garbled {{ name }}: {{Objekt.name oder »n/a« }), nor an ICU branch's brace and field,
# which a brace after them closes (one {{count} day})
_ESCAPED_BRACE = r"\{\{[A-Za-z/#][^{}\s]*\}(?![^{}]*\})"
_ESCAPED_BRACE_ALONE = re.compile(_ESCAPED_BRACE)
# Angular's placeholder ({$INTERPOLATION}, ng extract-i18n's JSON); a START_ and a CLOSE_ one of
# the same name ({$START_BOLD_TEXT}, {$CLOSE_BOLD_TEXT}) open and close a pair, as tags do
_ANGULAR_PAIRED = r"\{\$(?:START|CLOSE)_[A-Za-z_]\w*\}"
# SmartFormat's plural, choice or conditional formatter up to its first form (``{lives:plural:``,
# ``{0:p:``, ``{gender:choose(m|f):``, ``{hp:cond:``): the forms after it are words to
# translate, and the formatter's head, its nested fields, a conditional form's condition
# (``>50?``) and its closing ``}`` are kept (:mod:`ltmt.formats.smart_format`)
SMARTFORMAT_HEAD = r"\{[\w.]+:(?:plural|p|cond|conditional|choose\([^(){}\n]*\)):"
_EL_EXPRESSION = r"""\$\{(?:[^{}'"\n]|'[^'\n]*'|"[^"\n]*")+\}"""
# A path: a Windows one (C:\Program Files\Contoso\app.exe, \\server\share), or a "/" one of
# several parts (/opt/Contoso/Program Files/app, ~/notes/todo.txt, docs/guide/setup.md). A
# name may have spaces where its words are a name's: each starts with a capital or a digit and
# has no punctuation ("Program Files", "Application Support", "Program Files (x86)"), so that
# prose ends the path (C:\Windows\System32 or in the Program Files\..., C:\Data, then open
# the Reports\2024 folder: its words were swallowed and the rest lost). A spaced folder's name
# is followed by its separator; the last part is a file name up to its extension (My
# Report.docx), a spaced name up to a closing quote or the line's end ("C:\Program Files",
# Install to C:\Program Files), else one word. Not and/or, Yes/No, 10/20, km/h or Save/Open,
# which are words: a "/" path starts with its "/" (or ~/, ./) or, relative, ends in a file's
# extension; so does a Windows one (..\Reports\May.xlsx, Reports\2024\May.xlsx: the model
# translated its folders, and "\202" of it was read as an octal escape). The Reports\2024 folder
# is words.
_PATH_SIGNS = rf"\s\\/<>|?*:{_QUOTE_MARKS}"  # what no part of a path has
_WINDOWS_PART = rf"[^{_PATH_SIGNS}]+"
_SLASH_PART = rf"[^{_PATH_SIGNS}(){{}}\[\]]+"
_CAPITAL = r"(?=[A-Z0-9(])"  # a word of a spaced name


def _path_tail(part: str, separator: str) -> str:
    """A path's folders and last part after its root: parts written ``part`` (a character class
    with ``+``) separated by ``separator``, a part's name spaced where its words are a name's."""
    name_word = _CAPITAL + part[:-2] + ".,;!?]+"  # a part's word without punctuation
    spaced_name = rf"{name_word}(?:[ ]{name_word})+"
    last = (
        rf"(?:{name_word}[ ])*{part}\.[A-Za-z][A-Za-z0-9]{{0,7}}(?![\w-]|\.\w)"  # a file name
        rf"|{spaced_name}(?=[{_QUOTE_MARKS}]|\s*$)"  # to a closing quote or the line's end
        rf"|{part}(?<![.,;:!?)])"  # one word, without the punctuation after it
    )
    return rf"(?:(?:{spaced_name}|{part}){separator})*(?:{last})?"


# a file's Windows path in quotes, straight or typographic, relative or not, its names spaced
# as they are ("Reports\2024\May Sales.xlsx", „C:\old data\notes.txt“): the quotes end it, so
# no spaced name is prose (the model split it at the space: »Reports\2024\May Sales.xx«). It
# ends in a file's extension and has no field's sign: "%s\n" and "Hello\nWorld" are a string
_QUOTED_PART = rf"[^{_PATH_SIGNS}%{{}}$]+(?:[ ][^{_PATH_SIGNS}%{{}}$]+)*"
_QUOTED_WINDOWS_PATH = (
    rf"(?<=(?<!\w)[{_QUOTE_MARKS}])(?=[^{_QUOTE_MARKS}\n]*\.[A-Za-z][A-Za-z0-9]{{0,7}}"
    rf"[{_QUOTE_MARKS}](?!\w))(?:[A-Za-z]:|{_QUOTED_PART})(?:\\{_QUOTED_PART})+"
    rf"(?=[{_QUOTE_MARKS}](?!\w))"
)
_WINDOWS_PATH = (
    _QUOTED_WINDOWS_PATH
    + r"|(?<![\w\\])(?:[A-Za-z]:|\\\\[\w.$-]+|(?<!\.)\.{1,2})\\"
    + _path_tail(_WINDOWS_PART, r"\\")
    + r"|(?<![\w\\.-])[\w.-]+(?:\\[\w.-]+)+\.[A-Za-z][A-Za-z0-9]{0,7}(?![\w-]|\.\w)"
)
_SLASH_PATH = (
    rf"(?<![\w/.~:@-])(?:~|\.{{1,2}})?/{_SLASH_PART}/"
    + _path_tail(_SLASH_PART, "/")
    + r"|(?<![\w/.~:@-])[\w.-]+(?:/[\w.-]+)+\.[A-Za-z][A-Za-z0-9]{0,7}(?![\w-]|\.\w)"
)
# a path the line is, alone (``ltmt.units.is_code``)
PATH_LINE = rf"{_WINDOWS_PATH}|{_SLASH_PATH}"
_A_SLASH_PATH = re.compile(_SLASH_PATH)
# the double-brace fields the model keeps as written: ``{{name}}``, ``{{product.title}}``
# (it garbled the others, those with spaces inside: ``{{ product.title }}`` → `` Produkt.title ``
# beside its copy, ``{{ count }}`` → ``Anzahl``)
_KEPT_TEMPLATE_FIELD = re.compile(r"\{\{[\w.]+\}\}")
# inline code in backticks, its marks with it (``Set `MAX_RETRIES=5` in .env``, ``run
# ``make`` ``): the model read the marks as quotation and wrote ``»MAX_RETRIES=5«`` or took
# the words inside for its own (``npm laufen Sie``). Of one line, closed by as many backticks,
# no other backtick touching it, its text neither starting nor ending with a space and without
# TeX's closing quote ``''``: not GNU's quotation, a backtick closed by an apostrophe (``use `%s'
# here``, ``` `foo' and `bar' ```, whose "span" ends with a space), nor TeX's (``` ``hello'' and
# ``goodbye'' ```), nor stray backticks (``` the ` key and the ` key ```)
_CODE_TEXT = r"(?! )(?:(?!'')[^`\n])+(?<! )"
_CODE_SPAN = rf"(?<!`)(?:``{_CODE_TEXT}``|`{_CODE_TEXT}`)(?!`)"
# an emoticon drawn in signs, a kaomoji (``¯\_(ツ)_/¯``, ``(╯°□°)╯︵┻━┻``, ``ಠ_ಠ``): a run
# between spaces without an ASCII letter or digit, with a bracket, slash, underscore or caret
# (its arms and face) and a sign beyond ASCII that is not punctuation or a quote (``(…)`` and
# ``«(...)»`` are text), but a word in brackets (``Tokyo (東京)``); the model dropped its parts
# (``¯\_(ツ)_¯``). A full stop after it is the sentence's
_KAOMOJI_END = r"(?<![.,;:!?])(?![^\s.,;:!?])"
_KAOMOJI = (
    rf"(?<!\S)(?!\(\w+\){_KAOMOJI_END})"
    r"(?=\S*[()\\/_^])(?=\S*[^\x00-\x7f\u00a0-\u00bf\u2000-\u206f])"
    rf"[^\sA-Za-z0-9]{{3,}}{_KAOMOJI_END}"
)
# Drupal's placeholders (``@name``, ``%name``, ``!name``: an identifier of two characters or
# more, a small letter first: ``@Zuhause`` is a word a model wrote) and Symfony's ``%name%``
# (``%count%``, ``%APPDATA%``, ``%host%`` alike): the model split and translated them (``!email``
# → ``! E-Mail``, ``@user's`` → ``@users``, ``%count%`` → ``%c``). Neither is a printf conversion
# with a unit glued to it (``%dpx``, ``%dx%d``, ``%ds``, ``%lu%%``:
# :mod:`ltmt.formats.percent_names`), and a ``%name`` without its closing ``%`` is in small
# letters (``%sFiles``, ``%OB``); not an e-mail's, a package's or a resource's at sign
# (``a@b.com``, ``@angular/core``, ``@android:string/ok``, curl's ``file=@name``), a ``!`` after a
# word or a bracket (``Hello!World``, Markdown's ``[!NOTE]``, a sheet's ``'Q1'!C2``)
# an @ that may start Drupal's ``@name``: not inside a word, an address or a path
# (``user@host``, ``a.b@c``), nor a second @; ``ltmt qa`` reads a translator's own @-words by it
AT_WORD_START = r"(?<![\w@.+/=-])@"
# Drupal's and Symfony's placeholders but ``%name``
_DRUPAL_NOT_PERCENT = (
    rf"{SYMFONY_PERCENT}"
    rf"|{AT_WORD_START}[a-z]\w+(?![\w/]|:\w)"
    r"""|(?<![^\s(">])![a-z]\w+"""
)
_DRUPAL = f"{_DRUPAL_NOT_PERCENT}|{DRUPAL_PERCENT}"
# the sigil kind's placeholders but Drupal's and Symfony's (described at its entry of _PATTERNS)
_SIGIL = (
    r"__MSG_[A-Za-z0-9@_]+?__|"
    r"@(?:\.[A-Za-z]+)?:(?:\{'[^'{}]*'\}|\([\w.:|/-]+\)|[\w$-]+(?:[./][\w$-]+)*)"
    r"|(?<![\w:/.\\\[-]):(?:[a-z_][a-z0-9_]*|[A-Z](?:[a-z0-9_]+|[A-Z0-9_]+))(?![\w:/])"
    r"|\$\$|\$t\([^(),\s]+(?:\s*,\s*\{(?:[^{}]|\{\{[^{}]*\}\})*\})?\s*\)|(?<![\w$])\$[1-9](?![\d.,]\d|\d)|(?<![\w$])\$[A-Za-z_]\w*\$(?![\w$])"
    # Dialogflow's, Rasa's, PHP's and a shell's parameter reference after the dollar
    r"|(?<![\w$])\$[A-Za-z_](?:[\w.-]*\w)?"
    # Dialogflow's context parameter (#order-followup.address): a word, a dot and a word
    r"|(?<![\w#&<])#[A-Za-z_][\w-]*\.[A-Za-z_](?:[\w.-]*\w)?"
)
# Mailchimp's (and Mandrill's) merge tag: a name in capitals and its argument (``*|FNAME|*``,
# ``*|LIST:COMPANY|*``, ``*|DATE:d.m.Y|*``), and the conditional ones
# (:data:`CONDITIONAL_MERGE_TAG`): its asterisks were read as reST's emphasis and the model
# dropped or translated the rest (``*|ELSE:|*Hi da,*Hi da,``)
MERGE_TAG = r"\*\|[A-Z][A-Z0-9_]*(?::[^|*\n]*)?\|\*"
# a conditional merge tag, which starts or ends a branch (``*|IF:MMERGE5=Gold|*``,
# ``*|IFNOT:FNAME|*``, ``*|ELSEIF:...|*``, ``*|ELSE:|*``, ``*|END:IF|*``, ``*|INTERESTED:...|*``):
# a line is translated a branch at a time (:func:`ltmt.units.split_segment`)
CONDITIONAL_MERGE_TAG = r"\*\|(?:IF|IFNOT|ELSEIF|ELSE|END|INTERESTED):[^|*\n]*\|\*"
# a template's tag that starts or ends a branch of a condition, translated a branch at a time as
# a conditional merge tag is (:func:`ltmt.units.split_segment`): Jinja's, Twig's, HubL's,
# Django's and Liquid's (``{% if contact.firstname %}``, ``{%- elif x -%}``, ``{% elsif x %}``,
# ``{% else %}``, ``{% endif %}``, ``{% unless x %}``, ``{% endunless %}``) and Handlebars'
# (``{{#if premium}}``, ``{{else}}``, ``{{else if x}}``, ``{{/if}}``, ``{{#unless x}}``,
# ``{{/unless}}``): given whole, the model left a branch's first words and a fallback in English
# (``{% else %}there{% endif %}``, ``Thanks for being a customer`` → ``Thanks, um ...``)
TEMPLATE_CONDITION_TAG = (
    r"\{%[-+]?[ \t]*(?:if|elif|elsif|else|endif|unless|endunless)(?![\w.])[^{}%\n]*%\}"
    r"|\{\{~?(?:[#/](?:if|unless)|else)(?![\w.-])[^{}\n]*\}\}"
)
# a URL's scheme (``https``, ``git+ssh``, ``view-source``) and an e-mail address's local part
# (``first.last+tag``), each tried from every word's start and read at most this far: unbounded,
# each ran to the end of a chain of words and dots or hyphens (``a.b.c.…``, a minified line) and
# failed there, again from the chain's next word, a minute on a 50,000-character line. No scheme
# is that long; an address's local part is at most 64 characters (RFC 5321, 4.5.3.1.1). Taken
# whole (``{0,63}+``, ``{1,64}+``): a ``:`` or an ``@`` ends them, no sign of their own
_URL_SCHEME = r"[a-z][a-z0-9+.-]{0,63}+"
_LOCAL_PART = r"[\w.+-]{1,64}+"
_PATTERNS = {
    # first: Mailchimp's merge tag (:data:`MERGE_TAG`), whose asterisks are no emphasis
    "merge": MERGE_TAG,
    # first: reST's and MyST's inline markup, a role's name and a link's underscores with the
    # backtick span they mark (``{ref}`` is no brace field there)
    "rest": REST_MARKUP,
    # AsciiDoc's inline macros: one kept whole (``include::x.adoc[]``), or a macro's name,
    # target and opening bracket (``xref:install.adoc[``), whose words are translated
    "asciidoc": ASCIIDOC_MARKUP,
    # a field in double square brackets, Smartling's custom placeholder (``[[name]]``,
    # ``[[user.email]]``): a name of a code's shape, not a wiki's link (``[[Main Page]]``,
    # ``[[Help]]``: :mod:`ltmt.formats.bracket_fields`); an AsciiDoc anchor of the shape is above
    "bracket": BRACKET_FIELD,
    # then: a backtick starts no other kind, and a URL or path inside is the span's
    "code": _CODE_SPAN,
    # a masked card or account number, its marks and the digits after them (``•••• 4242``,
    # ``**** 1234``: :mod:`ltmt.formats.masked_numbers`), before any kind its asterisks start
    "masked": MASKED_NUMBER,
    # a phone number, one unit kept as written (``+49 89 1234-5678``, ``(555) 123-4567``:
    # :mod:`ltmt.formats.phone_numbers`)
    "phone": PHONE_NUMBER,
    # Minecraft's formatting codes (``§7``, ``§l``, ``§r``: :mod:`ltmt.formats.formatting_codes`)
    "formatting": FORMATTING_CODE,
    "tag": (
        rf"{ITSTOOL_PLACEHOLDER}"
        rf"|</?(?i:{_TAG_NAMES})(?![\w:.-])(?:{_ATTRIBUTE})*\s*/?>"
        rf"|<[A-Za-z][\w:.-]*(?:{_VALUED_ATTRIBUTE})+\s*/?>"
        r"|</[A-Za-z][\w:.-]*\s*>"
        # any other name closed later in the text: react-i18next's <bold>, <link>, a component's
        r"|<(?P<element>[A-Za-z][\w:.-]*)\s*>(?=(?s:.*?)</(?P=element)\s*>)"
        # Unreal Engine's rich text: a style's tag closed by the bare </> attached to its text
        # (<Bold>Warning:</>); not a </> between spaces (click the </> icon), nor a <Return>
        # before one
        r"|<[A-Za-z][\w.-]*\s*>(?=[^<]*[^<\s]</>)|(?<=[^\s<>])</>"
        r"|</?[0-9]{1,2}\s*/?>"  # react-i18next's numbered tags: <1>settings</1>, <0/>
        # OmegaT's tags in its plain text: a letter or two and a number (<x0/>, <t0/>,
        # <b0>Save</b0>, <g1>...</g1>), opening, closing or empty, closed later or not
        r"|</?[A-Za-z]{1,2}[0-9]{1,3}/?>"
        # PrestaShop's numbered markers ([1]Sign in[/1]), where the text has both of a pair
        # (:mod:`ltmt.formats.numbered_markers`)
        rf"|(?P<numbered>{NUMBERED_MARKER})"
        rf"|{_TMP_SHORT_COLOR}|{_VALUED_TAG}|{_BBCODE}|{_RENPY}"
        # Angular's paired placeholders ({$START_LINK}Contact us{$CLOSE_LINK}: :data:`_ANGULAR`)
        rf"|{_ANGULAR_PAIRED}"
    ),
    # a Markdown link's opening ``[`` and its closing ``](target)`` or ``][label]``, whose
    # target the model translated (MyST's messages), and a task list item's box (``- [ ]``:
    # :mod:`ltmt.formats.markdown_link_marks`); its text between them is translated. After
    # the tags: ``[b][i]Critical[/i]`` is BBCode, not a reference link
    "markdown": MARKDOWN_MARKS,
    # a game's input token, which the game replaces by its glyph: a key or button named in
    # capitals after its kind ([KEY_JUMP], [BUTTON_A]) or an input action (<action:Jump>); not
    # a command line's [OUTPUT_FILE] or <user:admin>, which translators translate; and a
    # variable the game interpolates (:data:`INTERPOLATION`)
    "token": (
        r"\[(?:KEY|BUTTON|BTN|INPUT|ACTION|PAD|JOY|GAMEPAD|MOUSE)_[A-Z0-9_]+\]"
        rf"|{_KEY_GLYPH}"
        r"|<(?i:action|input|key|button|gamepad|glyph):[\w.-]+>|<[A-Za-z][\w-]*:[A-Z][\w.-]*>"
        rf"|{INTERPOLATION}"
    ),
    # a WordPress shortcode not closed later in the text (``[easy_booking_form id="123"]``,
    # ``[booking_summary /]``: :mod:`ltmt.formats.wordpress_shortcodes`);
    # after the tags, so that a pair (``[caption id="x"]…[/caption]``) and BBCode stay theirs
    "shortcode": SHORTCODE,
    # a field named after a sigil: Laravel's ``:count`` and the same key capitalised (``:Name``)
    # or in capitals (``:NAME``), which Laravel fills with the value capitalised or upper-cased
    # (the model dropped them: ``Hello :Name`` came out ``Hello``); at the start or after a
    # space or punctuation and two letters at least, so a command's ``[:PATH]``, prose's
    # ``Note:Name`` and a smiley's ``:D`` stay text; a JavaScript or Chrome message's ``$1`` (not
    # one that reads as money, ``Fee: $5``, ``$5k``: :mod:`ltmt.formats.dollar_references`) and
    # ``$name$`` and its escaped ``$$`` (a ``$`` of its own: ``$$5`` lost, or ``$9.99`` for
    # ``$$9.99``, a reference to a ninth substitution), i18next's nested ``$t(key)`` with its
    # JSON options (``$t(key, {"count": {{n}}})``: their quotes became German ones), and
    # vue-i18n's linked message (``@:common.help.link``, ``@.lower:path``, ``@:{'key'}``,
    # ``@:(key)``), whose key the model translated (``@:cart. Titel`` for ``@:cart.title``),
    # and a WebExtension's reference to a message (``__MSG_extName__``, ``__MSG_@@ui_locale__``
    # in messages.json and manifest.json: the model wrote ``_O_MSG_extName_optionen``); a
    # parameter reference, Dialogflow's and Rasa's (``$number``, ``$pizza-size``,
    # ``$session.params.size``: the model wrote ``$pizza-Größe`` and lost ``$number``), PHP's and
    # a shell's (``$HOME``), a letter or ``_`` after the ``$`` and not ending in ``.`` or ``-``
    # (not money, ``$5``, ``US$``), and Dialogflow's context parameter
    # (``#order-followup.address``: a word, a dot, a word; not ``#3`` nor ``#v1.2``); and
    # Drupal's ``@name``, ``%name``, ``!name`` and Symfony's ``%name%`` (:data:`_DRUPAL`). Before
    # printf, which read ``%page`` as ``%p`` and ``%count%`` as ``%c``
    "sigil": f"{_SIGIL}|{_DRUPAL}",
    "entity": CHARACTER_REFERENCE,
    "printf": _PRINTF,
    # an i18next field (``{{name}}``, unescaped ``{{- name}}``, formatted ``{{val, number}}``),
    # Liquid's and Jinja's output with filters and trimming (``{{ price | money }}``,
    # ``{{- x -}}``) and their tags (``{% if x %}``), an ICU argument with a type
    # (:data:`_ICU_TYPED_ARGUMENT`), a Python/.NET/ICU-style one (``{0}``, ``{name!r:>10}``,
    # ``{1,10:C2}``) or vue-i18n's literal (``{'@'}``, a sign its syntax would read otherwise;
    # a word between literal braces, ``{'{'}error{'}'}``, shown as ``{error}``, is one); first,
    # an EL or template expression with its dollar (Bean Validation's ``${validatedValue}``,
    # ``${formatter.format('%1$.2f', validatedValue)}``, its quotes and parentheses: the model
    # translated its words), or a JavaScript template literal's or a shell's ``${name}``;
    # Angular's ``{$NAME}``; SmartFormat's plural or choice head (:data:`SMARTFORMAT_HEAD`)
    "brace": (
        rf"{SMARTFORMAT_HEAD}|{_EL_EXPRESSION}|{_TEMPLATE_FIELD}|{_ESCAPED_BRACE}|\{{'\{{'\}}[^\s'{{}}]*\{{'\}}'\}}"
        rf"|\{{'(?:[^'{{}}]*|[{{}}])'\}}"
        rf"|{_ICU_TYPED_ARGUMENT}"
        r"|\{[\w.\[\]]*(?:![rsa])?(?::[^{}\s][^{}]*|:)?\}"
        # Angular's placeholder (``{$INTERPOLATION}``, ``{$LINE_BREAK}``): JSON from
        # ``ng extract-i18n --format=json``
        rf"|{_ANGULAR}"
        # PHP's braced property, Moodle's ``{$a->user}`` (:mod:`ltmt.formats.php_properties`)
        rf"|{_PHP_PROPERTY}"
        # a .NET composite format item with its alignment (``{0,-20}``, ``{1,10:C2}``)
        r"|\{\d+[ \t]*,[ \t]*-?\d+[ \t]*(?::[^{}]*)?\}"
        # vue-i18n's named one with spaces inside, which it reads as {name} (the model wrote
        # ``{Name }`` for ``{ name }``)
        r"|\{[ \t]*[A-Za-z_][\w.]*[ \t]*\}"
        # an AsciiDoc attribute reference with hyphens (``{product-name}``: po4a's catalogs of
        # AsciiDoc pages), words joined by single hyphens; one without is a field above
        r"|\{\w+(?:-\w+)+\}"
    ),
    # a C escape as a catalog writes it: a line break or tab, a bell, an octal or hex byte, a
    # terminal's escape sequence (\033[1m); an octal byte of three digits that starts with 0
    # whatever follows (C reads "\0123" as "\012" and "3"), another not before a fourth digit
    # (the Reports\2024 folder, whose "\202" was read as an octal byte)
    "escape": (
        r"\\(?:033|x1[bB]|e)\[[0-?]*[ -/]*[@-~]"
        r"|\\[nrt]|\\[abfv](?![A-Za-z])|\\0[0-7]{2}|\\[1-7][0-7]{2}(?![0-9])"
        r"|\\x[0-9A-Fa-f]{2}(?![0-9A-Fa-f])"
    ),
    # a URL (without the punctuation after it, and not an attribute's value, which is its tag's)
    # or an e-mail address, also with vue-i18n's literal at sign (``support{'@'}acme.com``: the
    # model translated the mailbox, ``um{'@'}acme.com zu unterstützen``)
    "name": (
        # an autolink, its angle brackets with it (<feedback@example.com>, <https://...>): the
        # model copied the address and left a "<feedback" of it as words
        r"<(?:[a-z][a-z0-9+.-]*://[^\s<>]+|(?:mailto:)?[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,})>|"
        rf"(?<![=/])(?<!=[{_QUOTE_MARKS}])\b{_URL_SCHEME}://[^\s<>(){{}}\[\]{_QUOTE_MARKS}]*"
        rf"[^\s<>(){{}}\[\]{_QUOTE_MARKS}.,;:!?]"
        # (ending before a POD code glued to it: E<lt>bugs@example.comE<gt>)
        rf"|\b{_LOCAL_PART}(?:@|\{{'@'\}})[\w-]+(?:\.[\w-]+)*\."
        r"(?:[A-Za-z]{2,}(?=[BCEFILSXZ]<)|[A-Za-z]{2,}\b)"
        rf"|(?<![\w@./\\:=-])(?<!=[{_QUOTE_MARKS}]){_BARE_DOMAIN}"
        # a path (:data:`_WINDOWS_PATH`, :data:`_SLASH_PATH`)
        rf"|{_WINDOWS_PATH}|{_SLASH_PATH}"
    ),
    "kaomoji": _KAOMOJI,
    # last, as its closing bracket is one only after its opening code: POD's formatting codes
    # and groff's font escapes and options (:mod:`ltmt.formats.pod_codes`)
    "pod": pod_codes(_TAG_NAMES),
}
_PLACEHOLDER = re.compile("|".join(f"(?P<{kind}>{pattern})" for kind, pattern in _PATTERNS.items()))
# the same without Drupal's ``%name``, for a text with printf conversions
# (:mod:`ltmt.formats.percent_names`)
_PLACEHOLDER_OF_PRINTF = re.compile(
    "|".join(
        f"(?P<{kind}>{pattern})"
        for kind, pattern in {**_PATTERNS, "sigil": f"{_SIGIL}|{_DRUPAL_NOT_PERCENT}"}.items()
    )
)
_DRUPAL_PERCENT_ALONE = re.compile(DRUPAL_PERCENT)
# the same with a Drupal ``%name`` of a conversion's and a unit's shape (``%id``), for a Drupal
# text (:func:`ltmt.formats.percent_names.drupal_text`)
_PLACEHOLDER_OF_DRUPAL = re.compile(
    "|".join(
        f"(?P<{kind}>{pattern})"
        for kind, pattern in {
            **_PATTERNS,
            "sigil": f"{_SIGIL}|{_DRUPAL_NOT_PERCENT}|{DRUPAL_TEXT_PERCENT}",
        }.items()
    )
)
# the same with LaTeX's markup first, for a LaTeX text (:mod:`ltmt.formats.latex_markup`), where
# a command's name is no escape (``\texttt``'s ``\t``) and a command's argument no brace field
# and without Windows paths, where a backslash starts a command (``done.\footnote{This``)
_PLACEHOLDER_OF_LATEX = re.compile(
    "|".join(
        f"(?P<{kind}>{pattern})"
        for kind, pattern in {
            "latex": LATEX_MARKUP,
            **_PATTERNS,
            "name": _PATTERNS["name"].replace(f"|{_WINDOWS_PATH}|", "|"),
        }.items()
    )
)
# the same with FormatMessage's escapes (%0, %., %!, %r, %b), for a text with its inserts
# (:mod:`ltmt.formats.format_message`)
_PLACEHOLDER_OF_FORMAT_MESSAGE = re.compile(
    "|".join(
        f"(?P<{kind}>{pattern})"
        for kind, pattern in {
            **_PATTERNS,
            "sigil": f"{_SIGIL}|{_DRUPAL_NOT_PERCENT}",
            "printf": f"{_PRINTF}|{format_message.ESCAPE}",
        }.items()
    )
)
_FORMAT_MESSAGE_INSERT = re.compile(format_message.INSERT)
# a sigil placeholder that may be money: a ``$`` and one digit
# (:mod:`ltmt.formats.dollar_references`)
_DOLLAR_DIGIT = re.compile(r"\$[1-9]")
# the reference of a printf conversion by name: Python's %(name), Ruby's %<name> and %{name}
# (not C's %<PRIu64>, a conversion in order)
_REFERENCE = re.compile(r"%(?:\([^()\s]+\)|<(?!PRI[diouxX])\w+>|\{\w+\})")


_LOKALISE = re.compile(LOKALISE_PLACEHOLDER)


def lokalise_conversion(text: str) -> str | None:
    """The printf conversion of a Lokalise placeholder (``%2$d`` of ``[%2$d]``), else None."""
    found = _LOKALISE.fullmatch(text)
    return found.group(1) if found else None


# a .NET format item with its alignment (``{0, -20}``, ``{1,10:C2}``), which .NET reads
# whatever the blanks around its index and alignment
_DOTNET_ITEM = re.compile(r"(?P<head>\{\s*\d+\s*,\s*-?\d+\s*)(?P<format>:[^{}]*)?\}")


@dataclass(frozen=True)
class Placeholder:
    """One placeholder found in a text: ``text[start:end] == self.text``."""

    text: str
    kind: str
    start: int
    end: int

    @property
    def reference(self) -> str:
        """The name a printf conversion takes its argument by (``%(count)`` of ``%(count)d``,
        Ruby's ``%<amount>`` of ``%<amount>.2f`` and ``%{name}``), else ``""``."""
        found = _REFERENCE.match(self.text) if self.kind == "printf" else None
        return found.group() if found else ""

    @property
    def ordered(self) -> bool:
        """Whether its position carries meaning: a printf argument without a number (``%2$s``,
        Go's ``%[2]s``) or a name (``%%`` and glibc's ``%m`` take no argument)."""
        return (
            self.kind == "printf"
            and self.text not in ("%%", "%m")
            and "$" not in self.text
            and "[" not in self.text
            and not self.reference
            and not self.text[1:].isdigit()
            and not format_message.is_format_message(self.text)
        )


# a tag's parts: whether it closes, its name, whether it closes itself (<br/>)
_TAG_PARTS = re.compile(
    r"\{\$(?P<angular_closing>START|CLOSE)_(?P<angular_name>[A-Za-z_]\w*)\}|"
    rf"<(?P<closing>/?)\s*(?P<name>[^\s/<>=]+){TAG_BODY}?(?P<empty>/?)\s*>"  # its body lazy
    r"|\[(?P<bb_closing>/?)(?P<bb_name>[^\s/\[\]=]+)[^\[\]]*\]"
    r"|\{(?P<renpy_closing>/?)(?P<renpy_name>[A-Za-z][\w-]*)(?:=[^{}]*)?\}",
    re.DOTALL,
)


@dataclass(frozen=True)
class TagParts:
    """What a tag says of its element: ``<color=#FF0000>`` opens ``color``, ``[/b]`` closes
    ``b``, ``<br/>`` closes itself. ``bracket`` (``<``, ``[`` or Ren'Py's ``{``) tells markups
    apart: ``[/b]`` closes no ``<b>``."""

    closing: bool
    name: str  # in lower case: <B> ... </b> is one element
    self_closing: bool
    bracket: str

    @property
    def element(self) -> str:
        """The element's name with its bracket (``<b``, ``[b``): what an opening tag and its
        closing one share."""
        return self.bracket + self.name


def tag_parts(tag: str) -> TagParts | None:
    """The parts of a tag placeholder's text (``<b>``, ``</color>``, ``[url=...]``, ``{/b}``),
    or ``None`` for text that is no tag."""
    found = _TAG_PARTS.fullmatch(tag)
    if found is None:
        return None
    if found["angular_name"] is not None:
        closing = found["angular_closing"] == "CLOSE"
        return TagParts(closing, found["angular_name"].lower(), False, "{$")
    if found["renpy_name"] is not None:
        return TagParts(bool(found["renpy_closing"]), found["renpy_name"].lower(), False, "{")
    if found["bb_name"] is not None:
        return TagParts(bool(found["bb_closing"]), found["bb_name"].lower(), False, "[")
    if re.fullmatch(_TMP_SHORT_COLOR, tag):  # <#FF0000> opens what </color> closes
        return TagParts(False, "color", False, "<")
    return TagParts(bool(found["closing"]), found["name"].lower(), bool(found["empty"]), "<")


def sent_as_tag(placeholder: Placeholder) -> bool:
    """Whether the model gets ``placeholder`` as a tag (:func:`ltmt.pictographs.set_aside`):
    the forms it garbles or drops where it keeps ``%s`` and ``{name}``: a sigil's field
    (``:count`` was dropped, ``$1`` lost its ``$``), i18next's unescaped or formatted fields
    (``{{- userName}}`` became ``{{{-BenutzerName}``, ``{{val, number}}`` ``{{{{val, Zahl}}``),
    a Liquid or Jinja field with spaces inside and their tags (``{{ product.title }}`` came out
    `` Produkt.title `` beside a copy put back, ``{{ count }}`` as ``Anzahl``, ``{{ discount |
    money }}`` as ``{{{ Discount | Geld }``)
    and paths (``C:\\Users\\bob\\file.txt`` lost ``bob``); and a self-closing tag with
    attributes, whose quotes the model read as quotation (``<x id="1" ctype="x-link"/>`` came out
    ``<x id=» ctype=»x-link«/>«/>«``, ``<sc id="1" type="fmt" subType="xlf:i"/>`` as
    ``<sc id=»1« Typ=»fmt« Untertyp=»xlf:i«/>«`` with the words after it lost); and inline code
    in backticks (:data:`_CODE_SPAN`), reST's and MyST's inline markup
    (:mod:`ltmt.formats.rest_markup`) and LaTeX's (``\\textt{``, an argument or a ``|`` lost:
    :mod:`ltmt.formats.latex_markup`); and Ren'Py's text tags (``You have
    {color=#ffcc00}50{/color} gold.`` came out ``{color=#ffcc00}50{/color} Gold.``, its first
    words lost, where ``<color=#ffcc00>`` kept them); and a phone number (``call +49 89
    1234-5678`` lost its ``+49``: :mod:`ltmt.formats.phone_numbers`); and a WordPress shortcode
    (``[x service="spa"]`` came out ``[x Dienst=»spa«]``:
    :mod:`ltmt.formats.wordpress_shortcodes`)."""
    if placeholder.kind == "tag" and _RENPY_TAG.fullmatch(placeholder.text):
        return True  # a Ren'Py tag's braces: the model dropped the words before a count's pair
    if placeholder.kind == "pod":  # an option's hyphens: the model dropped one (B<-dry-run>);
        # but a pair's marks (I<, >) stay as written, where the model kept them with its words
        return placeholder.text != ">" and not placeholder.text.endswith("<")
    if placeholder.kind in ("code", "rest", "markdown", "kaomoji", "masked", "phone", "latex"):
        return True  # the model quoted, translated, split them; read a mask's bullets as words
    if placeholder.kind == "formatting":  # no token for its §: §7 came back "§Spieler 7"
        return True
    if placeholder.kind == "merge":  # Mailchimp's: the model dropped its asterisks and bars
        return True
    if placeholder.kind == "inflection":  # Apple's ^[ and ](inflect: true): the model
        return True  # translated the value (inflect: wahr) and glued words to the ^[
    if placeholder.kind == "shortcode":  # its attributes' names and quotes: the model
        return True  # translated them ([x Dienst=»spa«]: ltmt.formats.wordpress_shortcodes)
    if placeholder.kind == "bracket":  # [[name]]: the model lost a bracket or capitalised it
        return True  # ([[count], [[Name]], [[team]]]: ltmt.formats.bracket_fields)
    if placeholder.kind == "printf" and format_message.is_format_message(placeholder.text):
        return True  # FormatMessage's: the model split it (%1! … !s) and tripled its full stop
    if placeholder.kind == "tag" and re.fullmatch(ITSTOOL_PLACEHOLDER, placeholder.text):
        return True  # itstool's <_:media-1/>: the model dropped its colon (<_media-1/>)
    if placeholder.kind == "tag" and re.fullmatch(_TMP_SHORT_COLOR, placeholder.text):
        return True  # its digits: the model recoloured it (<#FFFF00>) or dropped some (<#FFF00>)
    if placeholder.kind == "tag" and _EMPTY_WITH_ATTRIBUTES.fullmatch(placeholder.text):
        # but ltmt's own stand-in for a code element (<ph id="ltmt-v1"/>), which the repair
        # knows in its garbled forms: as a tag it came back "»x/>«", beside the code
        return 'id="ltmt-' not in placeholder.text
    if placeholder.kind == "name" and "\\" in placeholder.text:  # a Windows path lost parts
        return True
    if placeholder.kind == "name" and _A_SLASH_PATH.fullmatch(placeholder.text):
        return True  # and a "/" one its names (/opt/Contoso/Programmdateien/ansicht)
    if placeholder.kind == "name" and placeholder.text.startswith("<"):  # an autolink: its
        return True  # brackets were copied apart from it ("Zu <feedback an <feedback@...>")
    if placeholder.kind == "name" and re.fullmatch(_BARE_DOMAIN, placeholder.text):
        return True  # a bare domain: the model wrote Kontoso.com/ and dropped the words around
    if placeholder.kind == "escape" and placeholder.text not in ("\\n", "\\r", "\\t"):
        return True  # a bell, an escape sequence: the model dropped them
    if placeholder.kind == "brace" and re.fullmatch(_ICU_TYPED_ARGUMENT, placeholder.text):
        return True  # its commas and keywords: the model translated them ({ts, Datum, mittel})
    return placeholder.kind == "sigil" or (
        placeholder.kind == "brace"
        and placeholder.text.startswith(("{{", "{%", "{#"))
        and not _KEPT_TEMPLATE_FIELD.fullmatch(placeholder.text)
    )


def is_escaped_brace(text: str) -> bool:
    """Whether a placeholder's ``text`` is Ren'Py's escaped brace with its word (``{{this}``):
    the field ``{this}`` with a brace before it, where a source has that field (the model's
    ``{{name}`` for ``{name}``: a stray brace, :mod:`ltmt.formats.placeholder_edges`)."""
    return _ESCAPED_BRACE_ALONE.fullmatch(text) is not None


def sent_as_tags(text: str) -> list[Placeholder]:
    """The placeholders of ``text`` the model gets as tags: those :func:`sent_as_tag` says,
    a self-closing tag glued to a word (``Welcome back!<br/>You have``: the model left the
    ``You`` it read as one word with the tag in English; as a tag it is spaced from the word
    and glued back after, :func:`ltmt.pictographs.set_aside`), and an opening tag with
    attributes whose element does not end in ``text`` (a code whose end is in another segment:
    XLIFF 2.0's ``<sc>`` read as its ``<a href="/terms">``), whose quotes the model garbled as
    it did a self-closing tag's (``terms«>ter``). A pair's opening tag stays as written: the
    model keeps the pair together."""
    found = find_placeholders(text)
    return [
        placeholder
        for placeholder in found
        if sent_as_tag(placeholder)
        or _glued_empty_tag(text, placeholder)
        or _lone_opening_tag(text, placeholder)
        or _bracket_in_value(placeholder)
    ]


def _bracket_in_value(placeholder: Placeholder) -> bool:
    """Whether ``placeholder`` is a tag with a ``<`` or ``>`` in a quoted attribute value
    (Moodle's ``<a href="{$a->url}">``, ``<a title="x>y">``): given as written, the model read
    the quoted ``>`` as the tag's end and garbled both (``<a href="{$a url}" Seiten</a>``,
    ``<atitle=»x>y« href=»/r«>``)."""
    return placeholder.kind == "tag" and any(b in placeholder.text[1:-1] for b in "<>")


def _glued_empty_tag(text: str, placeholder: Placeholder) -> bool:
    """Whether ``placeholder`` is a self-closing tag with a letter or digit right beside it in
    ``text``."""
    parts = tag_parts(placeholder.text) if placeholder.kind == "tag" else None
    if parts is None or not parts.self_closing:
        return False
    beside = text[placeholder.start - 1 : placeholder.start] + text[placeholder.end :][:1]
    return any(character.isalnum() for character in beside)


def _lone_opening_tag(text: str, placeholder: Placeholder) -> bool:
    """Whether ``placeholder`` opens an element with attributes that no closing tag after it in
    ``text`` ends."""
    parts = tag_parts(placeholder.text) if placeholder.kind == "tag" else None
    if parts is None or parts.closing or parts.self_closing or parts.bracket != "<":
        return False
    if not re.search(_VALUED_ATTRIBUTE, placeholder.text):
        return False
    closing = re.compile(rf"</{re.escape(parts.name)}\s*>", re.IGNORECASE)
    return closing.search(text, placeholder.end) is None


def find_placeholders(text: str) -> list[Placeholder]:
    """Every placeholder of ``text``, left to right, not overlapping."""
    return list(_placeholders_of(text) if len(text) <= _KEPT_TEXT_MAX else _found(text))


# texts longer than this are not kept (a whole document's text would hold memory)
_KEPT_TEXT_MAX = 4096


@lru_cache(maxsize=8192)
def _placeholders_of(text: str) -> tuple[Placeholder, ...]:
    """:func:`find_placeholders`, kept for the texts read last: a line's checks and repairs ask
    for the placeholders of the same few texts again and again (12,806 asks of 3,330 texts in
    a kNN pass over the speed benchmark's 349 segments), and :data:`_PLACEHOLDER`, thousands of
    characters of alternatives, takes about 160 µs over a 54-character line (both measured by
    hand in session 73, on the dev users' 2,000 test sources and a wrapped pass). It keeps at
    most 8,192 texts of at most :data:`_KEPT_TEXT_MAX` characters: 34 MB of ASCII text at most,
    twice or four times that where a text holds wider characters (CPython's strings)."""
    return _found(text)


def _found(text: str) -> tuple[Placeholder, ...]:
    """The placeholders of ``text``, found afresh: Apple's inflection markup's marks
    (:mod:`ltmt.formats.inflection_markup`) and, outside them, :data:`_PLACEHOLDER`'s."""
    found = [
        Placeholder(m.group(), m.lastgroup or "", m.start(), m.end())
        for m in _placeholder_matches(text)
    ]
    marks = inflection_marks(text)
    if not marks:
        return tuple(found)
    # a mark holds no other placeholder (a closing's ``](see: https://...)``)
    outside = [p for p in found if not any(p.start < end and start < p.end for start, end in marks)]
    inflection = [Placeholder(text[start:end], "inflection", start, end) for start, end in marks]
    return tuple(sorted([*outside, *inflection], key=lambda placeholder: placeholder.start))


def _placeholder_matches(text: str) -> Iterator[re.Match[str]]:
    """The matches of :data:`_PLACEHOLDER` in ``text``, but a closing BBCode tag of a name not
    BBCode's own where no BBCode tag opened before it (``Target[/prefix]`` is text), and a
    closing Ren'Py tag of a name not Ren'Py's own where no Ren'Py tag opened before it
    (``{if $user}Welcome{/if}``, Smarty's, is text: its opening is none), and reST's closing
    mark of a pair that its opening one does not open (``Price*`` is text:
    :func:`ltmt.formats.rest_markup.paired`), and a Markdown reference's closing that no
    opening comes before (:func:`ltmt.formats.markdown_link_marks.markdown_paired`); in a text
    with printf conversions, a ``%name`` is a conversion and a word, not Drupal's placeholder,
    but in a Drupal text a ``%name`` of a conversion's and a unit's shape is Drupal's
    (``@number: %id``: :mod:`ltmt.formats.percent_names`); none in
    a form of a Yarn Spinner marker (``one="%st"``: its words, :mod:`ltmt.formats.yarn_markup`);
    in a text with ``FormatMessage``'s inserts (``%1!s!``), its escapes (``%.``, ``%!``) too;
    not a ``$`` and a digit that reads as an amount (``Fee: $5``, ``$5k``:
    :func:`ltmt.formats.dollar_references.an_amount`), nor a ``§`` and a digit that reads as a
    law's section (``§12``: :func:`ltmt.formats.formatting_codes.section_number`), nor a ``+``
    and counts that read as no phone number (``+5 10 15``, ``+12 345 678``:
    :func:`ltmt.formats.phone_numbers.is_phone_number`)."""
    opened = renpy_opened = False
    written_markers: set[str] | None = None  # PrestaShop's [1], [/1] in text, read once
    lettered = "§" in text and has_letter_code(text)  # read once: §12 is a law's section
    matches = list(_PLACEHOLDER.finditer(text))
    latex = "\\" in text and is_latex(text, any(m.lastgroup != "escape" for m in matches))
    if latex:
        matches = list(_PLACEHOLDER_OF_LATEX.finditer(text))  # \texttt{...}: no \t escape
    elif any(_FORMAT_MESSAGE_INSERT.fullmatch(m.group()) for m in matches):
        matches = list(_PLACEHOLDER_OF_FORMAT_MESSAGE.finditer(text))  # %1!s!%n%0: its escapes
    if "/]" in text:
        from ltmt.formats.yarn_markup import form_spans

        spans = form_spans(text)
        matches = [m for m in matches if not any(a <= m.start() and m.end() <= b for a, b in spans)]
    printf = [m for m in matches if m.lastgroup == "printf"]
    if (
        not latex
        and printf
        and drupal_text(text, [m for m in matches if m.lastgroup == "sigil"], printf)
    ):
        matches = list(_PLACEHOLDER_OF_DRUPAL.finditer(text))  # @number: %id, not %i and "d"
    elif (
        not latex
        and printf
        and any(
            m.lastgroup == "sigil" and _DRUPAL_PERCENT_ALONE.fullmatch(m.group()) for m in matches
        )
    ):
        matches = list(_PLACEHOLDER_OF_PRINTF.finditer(text))  # %snumbers: %s and a word
    pattern = matches[0].re if matches else _PLACEHOLDER

    def inside(start: int, end: int) -> Iterator[re.Match[str]]:  # a label's placeholders
        return (m for m in pattern.finditer(text, start, end) if m.lastgroup != "markdown")

    for match in latex_paired(pod_paired(markdown_paired(paired(iter(matches)), inside))):
        dollar = match.lastgroup == "sigil" and _DOLLAR_DIGIT.fullmatch(match.group())
        if dollar and an_amount(text, match.start(), match.end()):
            continue  # Fee: $5, $5k: money (ltmt.formats.dollar_references)
        if match.lastgroup == "formatting" and section_number(text, match.start(), lettered):
            continue  # §12: a law's section (ltmt.formats.formatting_codes)
        if match.lastgroup == "phone" and not is_phone_number(match.group()):
            continue  # +5 10 15, +12 345 678: a sign and counts (ltmt.formats.phone_numbers)
        if match.group("bbclose") is not None and not opened:
            continue
        numbered = match.group("numbered") is not None
        if numbered and written_markers is None:
            written_markers = {marker.group() for marker in markers_in(text)}
        if numbered and partner(match.group()) not in (written_markers or ()):
            continue  # a footnote mark or an index (see [1], array[1]): text
        if match.group("renpyclose") is not None and not renpy_opened:
            continue
        opened = opened or (
            match.group().startswith("[")
            and not match.group().startswith("[/")
            and not numbered
            and match.lastgroup != "markdown"  # a link's [ opens no BBCode
        )
        renpy_opened = renpy_opened or _RENPY_OPENING.fullmatch(match.group()) is not None
        yield match


def without_placeholders(text: str, filler: str = " ", kept: Collection[str] = ()) -> str:
    """``text`` with each placeholder replaced by ``filler`` (what is left is its words), but
    those of the ``kept`` kinds (``phone``: a number check reads a phone number's digits)."""
    for placeholder in reversed(find_placeholders(text)):
        if placeholder.kind not in kept:
            text = text[: placeholder.start] + filler + text[placeholder.end :]
    return text


_BRACKET_ENDS = {"<": ">", "[": "]", "{": "}"}


def without_tag_remains(
    text: str, source: str, filler: str = " ", kept: Collection[str] = ()
) -> str:
    """``text`` (a translation of ``source``) :func:`without_placeholders`, and without what is
    left of a tag of ``source``'s that it garbled, which is no text: a tag's bracket and the
    name of an element ``source`` has tags of right after it, up to the bracket's end
    (``<size=120 %>`` for ``<size=120%>``: its ``120`` is no number, its ``size`` no word; the
    placeholder check says the tag is lacking); the placeholders of the ``kept`` kinds left as
    they are (:func:`without_placeholders`)."""
    elements = {
        parts.element
        for placeholder in find_placeholders(source)
        if placeholder.kind == "tag" and (parts := tag_parts(placeholder.text)) is not None
    }
    text = without_placeholders(text, filler, kept)
    for element in elements:
        bracket, name, end = element[0], element[1:], _BRACKET_ENDS[element[0]]
        # an itstool placeholder's name without its colon too (<_media-1/> for <_:media-1/>)
        written = re.sub(r"^_:", "_:?", re.escape(name))
        remains = (
            rf"{re.escape(bracket)}/?{written}(?![\w-])"
            rf"[^<>\[\]{{}}\n]*{re.escape(end)}"
        )
        text = re.sub(remains, filler, text, flags=re.IGNORECASE)
    return text


def outside_placeholders(text: str, change: Callable[[str], str]) -> str:
    """``text`` with ``change`` applied to each stretch between its placeholders."""
    pieces, end = [], 0
    for placeholder in find_placeholders(text):
        pieces += [change(text[end : placeholder.start]), placeholder.text]
        end = placeholder.end
    return "".join(pieces) + change(text[end:])


def extract_placeholders(text: str) -> list[str]:
    """The placeholder inventory of ``text``, in order (duplicates kept)."""
    return [placeholder.text for placeholder in find_placeholders(text)]


def positional_aliases(
    source: str, written: Callable[[str], str] = lambda text: text
) -> dict[str, str]:
    """``%N$x`` (Go's ``%[N]x``) → the source's N-th argument conversion ``%x``, for a source
    without numbered ones.

    A translation may number the arguments to reorder them (``%s … %d`` → ``%2$d … %1$s``);
    that keeps the source's placeholders, and is counted so. ``written``: each conversion as the
    caller compares them (``ltmt qa`` without widths: ``%-12s`` as ``%s``).
    """
    found = find_placeholders(source)
    if any("$" in p.text or (p.kind == "printf" and "[" in p.text) for p in found):
        return {}
    arguments = [written(p.text) for p in found if p.ordered]
    numbered = {f"%{n}${text[1:]}": text for n, text in enumerate(arguments, 1)}
    return numbered | {f"%[{n}]{text[1:]}": text for n, text in enumerate(arguments, 1)}


def placeholder_matches(source: str, hypothesis: str) -> tuple[int, int]:
    """``(kept, total)``: how many of the source's placeholders the hypothesis has unchanged.

    Counted as multisets: a source with ``%s`` twice needs ``%s`` twice in the hypothesis. A
    numbered argument (``%2$s``) counts as the source's second argument conversion.
    """
    wanted, found = _placeholder_counts(source, hypothesis)
    return sum(min(count, found[text]) for text, count in wanted.items()), sum(wanted.values())


def placeholders_added(source: str, hypothesis: str) -> int:
    """How many placeholders the hypothesis has beyond the source's (as multisets, numbered
    arguments as in :func:`placeholder_matches`): a ``%s`` a printf would read with no argument
    behind it."""
    wanted, found = _placeholder_counts(source, hypothesis)
    return sum((found - wanted).values())


def placeholder_shape(source: str, hypothesis: str) -> tuple[int, int]:
    """``(-lost, -added)`` placeholders of the hypothesis against the source
    (:func:`placeholder_matches`, :func:`placeholders_added`): ``(0, 0)`` when it has exactly the
    source's; between hypotheses of one source, higher is better, the ones kept counted first."""
    wanted, found = _placeholder_counts(source, hypothesis)
    return -sum((wanted - found).values()), -sum((found - wanted).values())


def _placeholder_counts(source: str, hypothesis: str) -> tuple[Counter[str], Counter[str]]:
    aliases = positional_aliases(source)
    wanted = Counter(extract_placeholders(source))
    found = Counter(aliases.get(text, text) for text in extract_placeholders(hypothesis))
    return wanted, found


def unspaced_template(text: str) -> str:
    """A template's field or tag as its engine reads it, whatever the blanks inside its braces
    (Go's, Handlebars', Jinja's, i18next's ``{{ .Name }}`` is ``{{.Name}}``, Handlebars'
    ``{{{ body }}}`` is ``{{{body}}}``): its blanks next to the braces dropped, a run of them
    inside one space; a .NET format item's blanks before its format string dropped (``{0, -20}``
    is ``{0,-20}``); other text as it is."""
    item = _DOTNET_ITEM.fullmatch(text)
    if item is not None:
        return "".join(item["head"].split()) + (item["format"] or "") + "}"
    if not (text.startswith(("{{", "{%")) and text.endswith(("}}", "%}"))):
        return text
    braces = 3 if text.startswith("{{{") and text.endswith("}}}") else 2  # a triple-stash
    return text[:braces] + " ".join(text[braces:-braces].split()) + text[-braces:]


def has_words(text: str) -> bool:
    """Whether ``text`` has a letter outside its placeholders (``%ld items``, not ``%n %u`` or
    ``%#@items@``): whether there is anything to translate."""
    return any(char.isalpha() for char in without_placeholders(text))
