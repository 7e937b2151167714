"""A hyphen the model glued to a field that its source follows with a space.

German joins a number to a noun with a hyphen in compounds (``3-Zimmer-Wohnung``), and the
model wrote a count's field so too where the source counts things: ``{{count}} photos`` came
out ``{{count}}- Fotos``, ``{{n}} photos selected`` ``{{n}}- Fotos ausgewählt``, ``{count}
items`` ``{count}-Einträge`` (session 60; ``%d photos`` and ``{count} photos`` came out right).
The placeholder repair kept the field and the hyphen with it. Such a hyphen is one:

- right after a field (a printf conversion, a brace field, a sigil's: not a tag, which may
  stand glued to a word) that the source follows with a space, and never with a hyphen;
- followed by a space and a word, not by ``und``, ``oder``, ``bzw.``, ``sowie``, ``bis``: a
  suspended compound (``{app}- und Systemeinstellungen``, ``10- bis 20-Jährige``) is German;
- or, after a count (an integer conversion, ``%d``; a field named ``n`` or for a count,
  ``{count}``, ``{{fileCount}}``, Ruby's ``%{count}``; a field in order, ``{0}``, that the
  source follows by an English plural and reads as a count, the plural followed by a plural
  verb or the field by a word of counting: .NET's ``{0} files were deleted`` came out
  ``{0}-Dateien``, Rails' ``%{count} messages`` ``%{count}-Nachrichten``, session 63; a field
  in order is an app's name as often, ``Open {0} settings``, ``{0}-Einstellungen``),
  followed by a capitalised word, a noun, that no further
  hyphen continues: ``{n}-mal`` and ``{n}-fach`` are German, and so is the chain of a
  compound, ``{n}-Zimmer-Wohnung``; a name glued to a noun is a compound (``%s-Datei``, a
  ``PDF-Datei``).

Go's ``{{.PluralCount}}`` and Drupal's ``@count``, ``%count`` are named for a count too
(``{{.PluralCount}}-Dateien``, ``@count-Kommentare``, session 66), an Apple catalog's
plural substitution's ``%arg`` is its number (``%arg day`` came out ``%arg-Tag``, session
77), and so is a field named for
the plural the source follows it by (``in {days} days`` came out ``in {days}-Tag``, session
67); a hyphen before the dash of the source's range is glued (``@start- - @end``); and a
number of digits the source follows with a space gets its spaced hyphen taken away before a
word in lower case (``1- neue Kommentar``), though never a noun's (``3-Zimmer``), a range's
(``10- 20``) or a separator's before a capital (``Schritt 1- Installieren``):
:func:`without_hyphens_glued_to_numbers`, the number repair's step.

A field inside markup counts by what follows the markup's closing tags (``<b>%d</b> drafts``
came out ``<b>%d</b>-Vorgaben``, session 63): the hyphen after ``</b>`` is the field's.

:func:`without_glued_hyphens` writes a space in its place (the repair's clean-up);
:func:`glued_hyphens` names the fields that have one (``ltmt qa``'s punctuation check).
"""

from __future__ import annotations

import re

from ltmt.formats.attribute_values import TAG_BODY
from ltmt.formats.placeholder_syntax import Placeholder, find_placeholders

_FIELD_KINDS = frozenset({"printf", "brace", "sigil"})
# the conjunctions after a suspended compound's hyphen ("Ein- und Ausgang")
_SUSPENDED = r"(?:und|oder|bzw\.|sowie|noch|bis)(?!\w)"
# a hyphen before a word, or before a dash of the source's range ("@start- - @end")
_SPACED_HYPHEN = re.compile(rf"-[ \t]+(?!{_SUSPENDED})(?=\w|[-\u2013][ \t])")
# after a number of digits, only before a word in lower case ("1- neue Kommentar"): a spaced
# hyphen before a number is a range's ("10- 20"), before a capital a separator's ("Schritt 1-
# Installieren")
_NUMBER_HYPHEN = re.compile(rf"-[ \t]+(?!{_SUSPENDED})(?=[a-zäöüß])")
_NOUN_HYPHEN = re.compile(r"-(?=[A-ZÄÖÜ]\w*(?![\w-]))")
# an integer conversion, in order or by name: %d, %1$ld, %(count)d, Ruby's %<count>d
_INTEGER_CONVERSION = re.compile(
    r"%(?:[1-9]\d*\$|\(\w+\)|<\w+>)?[-+ #0']*\d*(?:hh|ll|[hlqjzt])?[diu]"
)
# the name of a field: {count}, {{- n}}, Go's {{.Count}}, Ruby's %{count}, :count, $1, $name$,
# Qt's %1, {0}, Drupal's @count, %count, !count
_FIELD_NAME = re.compile(r"(?:%?\{+-?|[:$@!]|%(?=\w))\s*\.?(?P<name>\w+)\s*-?\}*\$?")
# the closing tags right after a field inside markup: </b>, </strong >, BBCode's [/b]
_CLOSING_TAGS = re.compile(r"(?:</[\w:.-]+\s*>|\[/\w+\])+")
# the opening tags right before a field inside markup: <b>, <strong class="x">, [b]
_OPENING_TAGS = re.compile(rf"(?:<[\w:.-]+(?:\s{TAG_BODY})?>|\[\w+(?:=[^\[\]]*)?\])+\Z")
# a number of digits alone, not part of a word, a code or a decimal (E351, 1.5, v2)
_NUMBER = re.compile(r"(?<![\w.,-])\d+(?!\w|[.,]\d)")
# the argument of an Apple catalog's plural substitution ("%arg day"), always its number
_PLURAL_ARGUMENT = "%arg"
_COUNT_NAME = re.compile(r"n|\w*?(?i:count|num|number|total|quantity|qty)")
# an English plural after a field, in the source: "{0} files" counts files, "{0} file" names one;
# not a word whose last s is no plural's (status, bonus, process, analysis, news, canvas, series)
_NOT_PLURAL = r"\w*(?:us|ss|is)|news|series|species|canvas|alias|atlas|bias|has|was"
_PLURAL_AFTER = re.compile(rf"[ \t]+(?!(?:{_NOT_PLURAL})\b)[a-z]{{2,}}s\b")
# what makes a field in order before a plural read as a count, not a name ("Open {0} settings"
# is the app's): a plural verb after the noun ("{0} files were deleted") or a word of counting
# before the field ("Delete {0} files?", "of {0} files", "all {0} items")
_PLURAL_VERB = re.compile(r"[ \t]+(?:were|are|have|remain|need)\b")
_COUNT_BEFORE = re.compile(
    r"\b(?i:of|all|only|over|under|about|approximately|least|most|than|up to|total|"
    r"delete|deleted|remove|removed|move|moved|copy|copied|found|skipped)[ \t]+\Z"
)


def glued_hyphens(source: str, text: str) -> list[Placeholder]:
    """The fields of ``text`` with a hyphen glued to them that ``source`` writes them without
    (module docstring)."""
    return [field for field, _ in _glued(source, text)]


def without_glued_hyphens(source: str, text: str) -> str:
    """``text`` with a space for each hyphen glued to a field that ``source`` writes without
    one (module docstring): ``{{count}}- Fotos`` → ``{{count}} Fotos``."""
    return _unglued(text, _glued(source, text))


def without_hyphens_glued_to_numbers(source: str, text: str) -> str:
    """:func:`without_glued_hyphens` for the numbers of ``text`` alone (``1- neue Kommentar``
    → ``1 neue Kommentar``), its fields left to the placeholder repair."""
    return _unglued(text, [glued for glued in _glued(source, text) if glued[0].kind == "number"])


def _unglued(text: str, glued: list[tuple[Placeholder, re.Match[str]]]) -> str:
    """``text`` with a space for each of the ``glued`` hyphens (with the spaces after them)."""
    pieces, position = [], 0
    for _, hyphen in glued:
        pieces += [text[position : hyphen.start()], " "]
        position = hyphen.end()
    return "".join(pieces) + text[position:]


def _glued(source: str, text: str) -> list[tuple[Placeholder, re.Match[str]]]:
    """Each field of ``text`` glued to a hyphen, and the hyphen (with the spaces after it)."""
    fields = _fields(source)
    following = [(p.text, source[_after_markup(source, p) :][:1]) for p in fields]
    spaced = {field for field, after in following if after.isspace()}
    hyphened = {field for field, after in following if after == "-"}
    counted = {p.text for p in fields if counts(p, source)}
    found = []
    for field in _fields(text):
        if field.text not in spaced or field.text in hyphened:
            continue
        after = _after_markup(text, field)
        spaced_hyphen = _NUMBER_HYPHEN if field.kind == "number" else _SPACED_HYPHEN
        hyphen = spaced_hyphen.match(text, after)
        if hyphen is None and field.text in counted and field.kind != "number":
            hyphen = _NOUN_HYPHEN.match(text, after)
        if hyphen is not None:
            found.append((field, hyphen))
    return found


def _fields(text: str) -> list[Placeholder]:
    """The fields of ``text`` and its numbers outside them (``1 new comment`` came out ``1-
    neue Kommentar``, session 66), left to right; a number is never a count's noun hyphen's
    (``3-Zimmer-Wohnung``), so it is of kind ``"number"``, which :func:`counts` does not read."""
    placeholders = find_placeholders(text)
    fields = [p for p in placeholders if p.kind in _FIELD_KINDS]
    for number in _NUMBER.finditer(text):
        if not any(p.start < number.end() and number.start() < p.end for p in placeholders):
            fields.append(Placeholder(number.group(), "number", number.start(), number.end()))
    return sorted(fields, key=lambda field: field.start)


def _after_markup(text: str, field: Placeholder) -> int:
    """Where ``field`` of ``text`` ends with the closing tags right after it (``<b>%d</b>``:
    after ``</b>``), which the words after them follow as they would the field."""
    tags = _CLOSING_TAGS.match(text, field.end)
    return tags.end() if tags else field.end


def counts(field: Placeholder, source: str) -> bool:
    """Whether ``field`` of ``source`` stands for a number of things: an integer conversion, a
    field named for a count or for the plural after it (``{days} days``), or one in order
    that reads as a count (``{0} files were deleted``; ``{0} file`` names a kind of file, a
    ``PDF-Datei``)."""
    if _INTEGER_CONVERSION.fullmatch(field.text) or field.text == _PLURAL_ARGUMENT:
        return True
    named = _FIELD_NAME.fullmatch(field.text)
    name = named["name"] if named else ""
    if _COUNT_NAME.fullmatch(name) or _named_by_its_plural(field, name, source):
        return True
    return name.isdigit() and _counted_in_order(field, source)


def _named_by_its_plural(field: Placeholder, name: str, source: str) -> bool:
    """Whether ``field`` of ``source`` is named for the plural that follows it (``{days}
    days``, ``%(files)d files``): it counts those things."""
    plural = _PLURAL_AFTER.match(source, _after_markup(source, field))
    return plural is not None and plural.group().strip().lower() == name.lower()


def _counted_in_order(field: Placeholder, source: str) -> bool:
    """Whether a field in order (``{0}``, ``%1``, ``$1``), which may as well be a name, reads as
    a count in ``source``: an English plural follows it, and a plural verb follows that or a
    word of counting stands before the field (``Delete {0} files?``; not ``Open {0} settings``,
    whose ``{0}-Einstellungen`` is a compound)."""
    plural = _PLURAL_AFTER.match(source, _after_markup(source, field))
    if plural is None:
        return False
    return (
        _PLURAL_VERB.match(source, plural.end()) is not None
        or _COUNT_BEFORE.search(source, 0, _before_markup(source, field)) is not None
    )


def _before_markup(text: str, field: Placeholder) -> int:
    """Where ``field`` of ``text`` starts with the opening tags right before it (``<b>%d</b>``:
    at ``<b>``), which the words before them precede as they would the field."""
    tags = _OPENING_TAGS.search(text, 0, field.start)
    return tags.start() if tags else field.start
