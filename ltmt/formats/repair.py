"""Repair one line of model output so that it carries exactly its source line's placeholders.

The steps, in order: placeholders the tokenizer garbled (``% s``, ``%S``, ``{ 0 }``) are put back
in place; duplicates and invented ones are dropped (an invented one takes the place of a missing
one of the same kind); missing ones are inserted where the source had them (a tag beside its
partner, else at the start, before the final punctuation or at the end); non-positional printf
conversions and tags that no longer nest are put back in the source's order; a hyphen glued
to a field the source follows with a space (``{{count}}- Fotos``) becomes that space
(:mod:`ltmt.formats.glued_hyphens`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from ltmt.date_formats import DateRun, date_runs
from ltmt.formats import format_message
from ltmt.formats.attribute_values import TAG_BODY
from ltmt.formats.bracket_fields import garbled_pattern, is_bracket_field
from ltmt.formats.conversion_remnants import remnant_pattern, separator
from ltmt.formats.garbled_tags import broken_copy
from ltmt.formats.glued_hyphens import without_glued_hyphens
from ltmt.formats.php_properties import properties_restored
from ltmt.formats.placeholder_edges import without_stray_backslashes
from ltmt.formats.placeholder_syntax import (
    INTERPOLATION,
    Placeholder,
    extract_placeholders,
    find_placeholders,
    lokalise_conversion,
    tag_parts,
)
from ltmt.formats.stray_percents import without_stray_percents

_GLUED_AT = re.compile(r"[^\W\d_]{0,3}@")  # after a placeholder: "@", "E@"
_WORD = re.compile(r"\w+(?:['\u2019-]\w+)*")
_PUNCT = " \t.,;:!?…)]\"'»«“”"
_QUOTES = "[\"'»«“”„\u201a\u2018\u2019]"  # ASCII, German and English quotes
# a tag's id (``<x id="2"/>``, ``<ph id="ltmt-v1"/>``), which a garbled copy may keep alone
_ID_REMNANT = re.compile(r"""\bid\s*=\s*["']([^"']+)["']""")
_TRAILING_PUNCT = re.compile(r"[\s.,;:!?…)\]\"'»«“”]*$")
# what joins two placeholders and nothing else (``/``, ``-``, ``, ``): signs, no word, bracket
# or quote
_JOINER = re.compile(r"[ \t]*[^\w\s()\[\]{}<>\"'«»“”„\u201a\u2018\u2019]+[ \t]*")


@dataclass
class _Slot:
    """A placeholder position in the output being repaired (``text`` may change)."""

    text: str
    kind: str
    keep: bool = True


def repair_line(
    source: str, output: str, aliases: Mapping[str, str] | None = None
) -> tuple[str, list[str]]:
    """Repair one line of output against one line of source; returns the text and the problems.

    ``aliases`` maps output placeholders that stand for a source one (a numbered ``%2$s`` for
    the source's second ``%s``: :func:`positional_aliases`); they are kept as they are.
    """
    aliases = aliases or {}
    expected = find_placeholders(source)
    problems: list[str] = []
    if (restored := properties_restored(source, output)) != output:
        problems.append("broken copy of a braced variable put back")  # {$a user}: {$a->user}
        output = restored
    pieces: list[str | _Slot] = []
    position = 0
    for found in find_placeholders(output):
        pieces.append(output[position : found.start])
        pieces.append(_Slot(found.text, found.kind))
        position = found.end
    pieces.append(output[position:])
    if not expected and not any(isinstance(p, _Slot) for p in pieces):
        return output, problems
    remaining = Counter(p.text for p in expected)
    extras: list[_Slot] = []
    for slot in (p for p in pieces if isinstance(p, _Slot)):
        key = aliases.get(slot.text, slot.text)
        if remaining[key] > 0:
            remaining[key] -= 1
        else:
            extras.append(slot)
    missing = [p for p in expected if _take(remaining, p.text)]
    missing = _recover_garbled(pieces, missing, problems, source)
    for slot in extras:
        if _percent_restored(slot, source, missing):  # "%0A" for the source's "%%0A"
            problems.append(f"{slot.text[1:]!r} for the source's {slot.text!r}")
            continue
        # a bare conversion stands for the Lokalise placeholder around it first ([%2$d])
        same_kind = next((p for p in missing if lokalise_conversion(p.text) == slot.text), None)
        same_kind = same_kind or next((p for p in missing if p.kind == slot.kind), None)
        if same_kind is not None:
            problems.append(f"{slot.text!r} instead of {same_kind.text!r}")
            slot.text = same_kind.text
            missing.remove(same_kind)
            at = next(i for i, piece in enumerate(pieces) if piece is slot)
            if slot.kind == "tag" and at + 1 < len(pieces):
                before = "".join(p for p in pieces[:at] if isinstance(p, str))
                following = pieces[at + 1]
                if isinstance(following, str):
                    pieces[at + 1] = _without_stray_close(before, following)
            if slot.kind == "printf":
                _drop_loose_brackets(pieces, at)
                rest = pieces[at + 1] if at + 1 < len(pieces) else None
                if isinstance(rest, str):  # "%1!s!!" for the model's "%1!"
                    pieces[at + 1] = format_message.without_split_remains(slot.text, rest)
        else:
            problems.append(f"extra {slot.text!r}")
            slot.keep = False
    _drop_joiners(pieces, source)
    text = _render(pieces)
    for placeholder in missing:
        problems.append(f"missing {placeholder.text!r}")
        text = _insert(text, source, placeholder)
    # the clean-ups after the placeholders are in place, each said where it changed the text
    clean_ups: tuple[tuple[Callable[[str, str], str], str], ...] = (
        (_reorder, "placeholders out of order"),
        (_drop_broken_tags, "broken copy of a tag removed"),
        (drop_repeated_tails, "a placeholder's end written twice"),
        (_drop_broken_names, "broken copy of a named conversion removed"),
        (_drop_stray_braces, "stray braces removed"),
        (without_stray_backslashes, "a stray backslash beside a placeholder removed"),
        (_drop_stray_at_signs, "stray @ removed"),
        (_escaped_lone_percents, "a lone % where the source writes %%"),
        (without_stray_percents, "a stray % removed"),
        (without_glued_hyphens, "a hyphen glued to a placeholder removed"),
        (punctuation_outside_tags, "punctuation moved back out of a tag"),
        (_unquoted_tags, "quote marks around a tag removed"),
    )
    for clean_up, said in clean_ups:
        cleaned = clean_up(source, text)
        if cleaned != text:
            problems.append(said)
        text = cleaned
    return text, problems


_OPENING_QUOTES = '\u00bb\u201e\u201c"'  # », „, “ and "
_CLOSING_QUOTES = '\u00ab\u201c\u201d"'  # «, “, ” and "


def _unquoted_tags(source: str, text: str) -> str:
    """``text`` without the quote marks the model put around a tag where the source has none
    before it: a code given to it as ``<x/>`` came back quoted as if it were a word
    (``Please read <x/>the terms`` → ``» <x/>«-Belegung``)."""
    pieces, position = [], 0
    for tag in find_placeholders(text):
        if tag.kind != "tag" or tag.start < position:
            continue
        before = text[position : tag.start]
        after = text[tag.end :]
        opening, closing = before.rstrip(" ")[-1:], after.lstrip(" ")[:1]
        quoted = bool(opening and closing) and opening in _OPENING_QUOTES
        if not quoted or closing not in _CLOSING_QUOTES:
            continue
        if re.search(rf"{_QUOTES}\s*{re.escape(tag.text)}", source):  # the source quotes it
            continue
        pieces += [before.rstrip(" ")[:-1], tag.text]
        position = tag.end + len(after) - len(after.lstrip(" ")) + 1
    return "".join(pieces) + text[position:]


# a sign beside a tag: after an opening one, before or after a closing one (BBCode's too:
# "[color=#f00]Warning:[/color]" came back "[color=#f00]Warnung[/color]:")
_OPENED_BY = re.compile(rf"(?P<tag><[A-Za-z]{TAG_BODY}(?<!/)>)[ \t]*(?P<sign>[.:;,!?])[ \t]*")
_CLOSING_TAG = r"</[A-Za-z][^<>]*>|\[/[A-Za-z][\w-]*\]"
_CLOSED_BY = re.compile(rf"(?P<sign>[.:;,!?])[ \t]*(?P<tag>{_CLOSING_TAG})")
_CLOSED_THEN = re.compile(rf"(?P<tag>{_CLOSING_TAG})(?P<sign>[.:;,!?])")


def punctuation_outside_tags(source: str, text: str) -> str:
    """``text`` with a sign the model moved across a tag put back on the side the source has
    it: ``Customer name: <g id="1">...`` came back ``Kundenname<g id="1">: Klicken...``, the
    colon inside a Word content control (gone once the control is filled in);
    ``...printing.<g id="2"> It also...`` came back with the full stop inside the tracked
    insertion (rejecting it took the stop along); ``<i>...night.</i>`` came back
    ``<i>...Nacht</i>.``."""

    def beside(sign: str, tag: str, sign_first: bool) -> re.Match[str] | None:
        pair = (re.escape(sign), re.escape(tag))
        return re.search(r"{}([ \t]*){}".format(*(pair if sign_first else pair[::-1])), source)

    def opened(found: re.Match[str]) -> str:
        tag, sign = found["tag"], found["sign"]
        before = beside(sign, tag, sign_first=True)
        if before is None or beside(sign, tag, sign_first=False) is not None:
            return found.group()
        inside = re.search(rf"{re.escape(tag)}([ \t]*)", source)  # the space the tag opens with
        return f"{sign}{before.group(1)}{tag}{inside.group(1) if inside else ''}"

    def closed(found: re.Match[str]) -> str:
        tag, sign = found["tag"], found["sign"]
        if beside(sign, tag, sign_first=False) is None or beside(sign, tag, sign_first=True):
            return found.group()
        again = found.string[found.end() : found.end() + 1] == sign  # ".</b>." written
        return tag if again else f"{tag}{sign}"

    def closed_then(found: re.Match[str]) -> str:
        tag, sign = found["tag"], found["sign"]
        following = found.string[found.end() : found.end() + 1]
        if following and following in ".!?":  # an ellipsis, "?!": as written
            return found.group()
        if beside(sign, tag, sign_first=True) is None or beside(sign, tag, sign_first=False):
            return found.group()
        again = found.string[found.start() - 1 : found.start()] == sign
        return tag if again else f"{sign}{tag}"

    return _CLOSED_THEN.sub(closed_then, _CLOSED_BY.sub(closed, _OPENED_BY.sub(opened, text)))


def drop_repeated_tails(source: str, text: str) -> str:
    """``text`` without the end of a placeholder written again right after it, where the source
    does not write it so: the model repeated the last pieces of ``%(changes)s`` as
    ``%(changes)s)s`` (4 of Django's 228 strings with a placeholder, session 51). Two characters
    or more (one, ``{name}}``, is :func:`_drop_stray_braces`'s); of them, what the source writes
    after the placeholder stays. Not reST's markup, which the model gets as a tag and never
    writes: the word after ``:term:`API`\\ s`` is the sentence's (``sind``, not ``ind``)."""
    pieces = []
    position = 0
    for found in find_placeholders(text):
        if found.start < position:  # within a tail already dropped
            continue
        if found.kind in ("rest", "markdown"):  # sent as a tag: the text after it is the
            # model's own
            continue
        pieces.append(text[position : found.end])
        position = found.end
        for size in range(len(found.text) - 1, 1, -1):
            tail = found.text[-size:]
            if text.startswith(tail, found.end) and found.text + tail not in source:
                # what the source itself writes after the placeholder stays: "(up to
                # %(max_length)s)" written "... %(max_length)s)s" loses the "s" alone
                kept = max((k for k in range(size) if found.text + tail[:k] in source), default=0)
                pieces.append(tail[:kept])
                position += size
                break
    pieces.append(text[position:])
    return "".join(pieces)


def _percent_restored(slot: _Slot, source: str, missing: list[Placeholder]) -> bool:
    """Whether an invented printf conversion is a ``%%`` of the source with what follows it,
    one ``%`` lost (gnupg's ``%%0A``, an escaped line break, written ``%0A``: a conversion,
    ``%A``, with a flag): ``slot`` then becomes the source's text, its ``%%`` no longer
    missing."""
    percent = next((p for p in missing if p.text == "%%"), None)
    if slot.kind != "printf" or percent is None or f"%{slot.text}" not in source:
        return False
    slot.text = f"%{slot.text}"
    missing.remove(percent)
    return True


def _drop_stray_braces(source: str, text: str) -> str:
    """``text`` without the braces outside its placeholders, where the source has brace
    placeholders and no brace outside them: the model doubled or split the braces of
    ``{{name}}`` (``{{{name}}``, ``{{{{count}``), and the repair put the field back beside the
    rest; or wrote one beside Ruby's ``%{title}`` (``»%{title}}«``)."""
    found = find_placeholders(source)
    outside = _outside(source, found)
    braced = any(p.kind == "brace" or p.text.startswith("%{") for p in found)
    if not braced or "{" in outside or "}" in outside:
        return text
    return _drop_outside(text, "{}")


def _drop_stray_at_signs(source: str, text: str) -> str:
    """``text`` without the ``@`` outside its placeholders, where the source has Apple's
    placeholders (``%@``, ``%1$@``, ``%#@files@``) and no ``@`` outside them: the model
    repeated their last character (``%@@``, ``%#@items@E@``). A few letters glued to such an
    ``@``, right after a placeholder, go with it."""
    found = find_placeholders(source)
    if not any(p.text.endswith("@") for p in found) or "@" in _outside(source, found):
        return text
    return _drop_outside(text, "@", glued=_GLUED_AT)


def _escaped_lone_percents(source: str, text: str) -> str:
    """``text`` with each ``%`` outside its placeholders written ``%%``, where the source
    writes ``%%`` and no lone ``%`` (a printf format string: a lone ``%`` makes Java's
    ``String.format`` throw); one glued to a ``%%`` is dropped instead, the model having
    written the escape three times (``%1$d%%%`` for ``%1$d%%``)."""
    found = find_placeholders(source)
    if not any(p.text == "%%" for p in found) or "%" in _outside(source, found):
        return text
    pieces, position = [], 0
    for placeholder in find_placeholders(text):
        pieces.append(text[position : placeholder.start].replace("%", "%%"))
        pieces.append(placeholder.text)
        position = placeholder.end
        if placeholder.text == "%%" and text.startswith("%", position):
            position += 1
    pieces.append(text[position:].replace("%", "%%"))
    return "".join(pieces)


def _drop_outside(text: str, chars: str, glued: re.Pattern[str] | None = None) -> str:
    """``text`` without ``chars`` outside its placeholders; with ``glued``, what it matches
    right after a placeholder that ends in one of ``chars`` goes too."""
    pieces, position = [], 0
    for placeholder in find_placeholders(text):
        pieces.append(text[position : placeholder.start].translate(_deleting(chars)))
        pieces.append(placeholder.text)
        position = placeholder.end
        if glued is not None and placeholder.text[-1:] in chars:
            found = glued.match(text, position)
            position = found.end() if found else position
    pieces.append(text[position:].translate(_deleting(chars)))
    return "".join(pieces)


def _deleting(chars: str) -> dict[int, None]:
    return dict.fromkeys(map(ord, chars))


def _outside(text: str, placeholders: list[Placeholder]) -> str:
    """``text`` without ``placeholders`` (found in it, left to right)."""
    out, position = [], 0
    for placeholder in placeholders:
        out.append(text[position : placeholder.start])
        position = placeholder.end
    out.append(text[position:])
    return "".join(out)


def _drop_broken_tags(source: str, text: str) -> str:
    """``text`` without what looks like one of the source's tags but is none (the model wrote
    ``<g id=»id=«>`` beside the real ``<g id="1">``): such text would show as markup."""
    names: dict[str, set[str]] = {bracket: set() for bracket in _LOOKS_LIKE}
    for placeholder in find_placeholders(source):
        parts = tag_parts(placeholder.text) if placeholder.kind == "tag" else None
        if parts is not None:
            names[parts.bracket].add(re.escape(parts.name))
    looks = [
        _LOOKS_LIKE[bracket].format(names="|".join(sorted(found)))
        for bracket, found in names.items()
        if found
    ]
    if not looks:
        return text
    kept = {(p.start, p.end) for p in find_placeholders(text)}

    def drop(match: re.Match[str]) -> str:
        return match.group() if (match.start(), match.end()) in kept else "\0"

    # "\0" (never in a segment) marks the cut, so a space on both sides becomes one
    pattern = re.compile("|".join(looks), re.IGNORECASE)
    return pattern.sub(drop, text).replace(" \0 ", " ").replace("\0", "")


def _broken_name(placeholder: Placeholder) -> str:
    """A pattern of what the model leaves of a Python conversion by name (``%(year)s``) once
    it has translated the name: blanks in its brackets (``%( Jahre)s``) or its ``%`` lost
    (``( Jahre)s``), which no longer reads as a placeholder; ``""`` for other placeholders."""
    if not placeholder.reference.startswith("%("):
        return ""
    conversion = re.escape(placeholder.text[len(placeholder.reference) :])
    spaced = rf"%\((?:\s+\w+\s*|\w+\s+)\)(?:{conversion}(?!\w))?"
    unmarked = rf"(?<![%\w])\(\s*\w+\s*\){conversion}(?!\w)"
    return f"{spaced}|{unmarked}"


def _drop_broken_names(source: str, text: str) -> str:
    """``text`` without the broken copies of ``source``'s conversions by name
    (:func:`_broken_name`) that the source does not write itself: the model wrote
    ``%(year)s %( Jahre)s``, or the repair put the conversion back beside what is left of it."""
    broken = [b for p in find_placeholders(source) if (b := _broken_name(p))]
    if not broken:
        return text
    pattern = re.compile("|".join(broken))
    if pattern.search(source):
        return text
    # "\0" (never in a segment) marks the cut, so a space on both sides becomes one
    cut = pattern.sub("\0", text)
    return cut.replace(" \0 ", " ").replace("\0 ", "").replace(" \0", "").replace("\0", "")


# what looks like a tag of one of ``names``, by bracket
_LOOKS_LIKE = {
    "<": r"</?(?:{names})\b" + TAG_BODY.replace("{", "{{").replace("}", "}}") + ">",
    "[": r"\[/?(?:{names})\b[^\[\]]*\]",
    "{": r"\{{/?(?:{names})\b[^{{}}]*\}}",  # Ren'Py's text tags
    "{$": r"\{{\$(?:START|CLOSE)_(?:{names})\b[^{{}}]*\}}",  # Angular's paired placeholders
}


def _take(counter: Counter[str], key: str) -> bool:
    if counter[key] > 0:
        counter[key] -= 1
        return True
    return False


def _recover_garbled(
    pieces: list[str | _Slot], missing: list[Placeholder], problems: list[str], source: str
) -> list[Placeholder]:
    """Turn text such as ``% s``, ``%S``, ``{ 0 }``, a renamed game token
    (:func:`_renamed_token`) or a field in double brackets with a bracket lost or added
    (:func:`~ltmt.formats.bracket_fields.garbled_pattern`) back into a missing placeholder of
    ``source``, in place."""
    still_missing = []
    for placeholder in missing:
        # spaces may have crept in, and quotes may have become German ones (href=»...«)
        loose = r"\s*".join(
            _QUOTES if char in "\"'" else re.escape(char) for char in placeholder.text
        )
        if placeholder.text == "%%":
            loose = r"(?<!%)%(?:\s*%)?"  # the model wrote a lone "%"
        if placeholder.kind == "entity":
            loose = loose[: -len(re.escape(";"))] + r"(?:\s*;)?(?!\w)"  # '&gt' for '&gt;'
        if placeholder.text[-1:].isalnum():
            loose += r"(?!\w)"
        if placeholder.reference not in ("", placeholder.text):
            # ... or kept the name and lost the conversion: "%(count) Schlüssel", Ruby's
            # "%<Name>" for "%<name>s", or translated the name too: "%(Datei)" for "%(file)s"
            lost = r"(?![-+ #0]*\d*(?:\.\d+)?[a-zA-Z%]\b)"
            named = r"%\(\w+\)" if placeholder.reference.startswith("%(") else r"%<\w+>"
            loose = f"(?:{loose}|{re.escape(placeholder.reference)}{lost}|{named}{lost})"
            if broken := _broken_name(placeholder):
                loose = f"(?:{loose}|{broken})"
        remnant = _ID_REMNANT.search(placeholder.text) if placeholder.kind == "tag" else None
        if remnant is not None:
            # ... or lost its name and kept its id: 'id=»ltmt-v5«/>' for '<ph id="ltmt-v5"/>'
            name = re.escape(placeholder.text[1:].split()[0])
            quoted = rf"{_QUOTES}\s*{re.escape(remnant.group(1))}\s*{_QUOTES}"
            named = rf"(?:<\s*{name}\s+|(?<!\S){name}\s+|<\s*)?"
            loose = rf"(?:{loose}|{named}id\s*=\s*{quoted}(?:\s*/?\s*>)?)"
        if is_bracket_field(placeholder.text):  # [[count], [[Name], [[team]]] for [[team]]
            loose = f"(?:{garbled_pattern(placeholder.text)}|{loose})"
        renamed = _renamed_token(placeholder.text, source) if placeholder.kind == "token" else None
        if renamed is not None:
            loose = f"(?:{loose}|{renamed})"
        pattern = re.compile(loose, re.IGNORECASE)
        for index, piece in enumerate(pieces):
            if isinstance(piece, str) and (match := pattern.search(piece)):
                before, after = piece[: match.start()], piece[match.end() :]
                if placeholder.kind == "tag":
                    after = _without_stray_close(before, after)
                pieces[index : index + 1] = [
                    before,
                    _Slot(placeholder.text, placeholder.kind),
                    after,
                ]
                problems.append(f"{match.group()!r} for {placeholder.text!r}")
                break
        else:
            if not _recover_remnant(pieces, placeholder, problems, source) and not (
                _recover_broken_copy(pieces, placeholder, problems, missing)
            ):
                still_missing.append(placeholder)
    return still_missing


def _recover_broken_copy(
    pieces: list[str | _Slot],
    tag: Placeholder,
    problems: list[str],
    missing: list[Placeholder],
) -> bool:
    """Turn the one copy of ``tag`` the model garbled past recovery
    (:func:`ltmt.formats.garbled_tags.broken_copy`: ``<sprite=»buttons«-Index=2>``) back into
    it, in place, rather than insert it at the line's end. Whether there was one."""
    pattern = broken_copy(tag, missing)
    if pattern is None:
        return False
    copies = [
        (index, match)
        for index, piece in enumerate(pieces)
        if isinstance(piece, str)
        for match in pattern.finditer(piece)
    ]
    if len(copies) != 1:
        return False
    index, match = copies[0]
    piece = pieces[index]
    assert isinstance(piece, str)
    before, after = piece[: match.start()], piece[match.end() :]
    pieces[index : index + 1] = [before, _Slot(tag.text, tag.kind), after]
    problems.append(f"{match.group()!r} for {tag.text!r}")
    return True


def _recover_remnant(
    pieces: list[str | _Slot], conversion: Placeholder, problems: list[str], source: str
) -> bool:
    """Turn what the model left of a printf conversion whose ``%`` it lost (``3$.1f`` of
    ``%3$.1f``, :mod:`ltmt.formats.conversion_remnants`) back into it, in place; glued to the
    placeholder before it, with what the source writes between the two (``%2$@3$.1f mg)`` →
    ``%2$@ (%3$.1f mg)``). Whether there was one."""
    pattern = remnant_pattern(source, conversion)
    if pattern is None:
        return False
    for index, piece in enumerate(pieces):
        if not isinstance(piece, str):
            continue
        slot = pieces[index - 1] if index else None
        after = slot.text if isinstance(slot, _Slot) and slot.keep else ""
        match = pattern.find(piece, after)
        if match is None:
            continue
        before, rest = piece[: match.start()], piece[match.end() :]
        if after and not before:
            before = separator(source, conversion, rest)
        pieces[index : index + 1] = [before, _Slot(conversion.text, conversion.kind), rest]
        problems.append(f"{match.group()!r} for {conversion.text!r}")
        return True
    return False


# a game token's shapes, by its first character: a name in square brackets ([KEY_JUMP]) and a
# kind and a name in angle ones (<action:Jump>); capitals of Latin-1 (the target's Ä, Ö, Ü)
_CAPITALS = "A-ZÀ-ÖØ-Þ"
_TOKEN_SHAPES = {
    "[": rf"\[(?-i:[{_CAPITALS}][{_CAPITALS}0-9_]*)\]",
    "<": r"<[^\W\d_][\w-]*:[\w.-]+>",
}
# an interpolated variable's shape as the model renamed it: one word in square brackets, of any
# case, with the variable's dots and conversion flags ([Wiedername], [o], [Spieler.Name!t])
_VARIABLE_SHAPE = r"\[[^\W\d][\w.]*(?:![a-z]+)?\]"
# text in the brackets of a game token, which a renamed token must not be
_BRACKETED = {"[": re.compile(r"\[[^\[\]\s]*\]"), "<": re.compile(r"<[^<>\s]*>")}


def _renamed_token(token: str, source: str) -> str | None:
    """A pattern of a game's token the model renamed: the same brackets around one name in
    capitals (``[TASTE_SPRINGEN]`` for ``[KEY_JUMP]``), around one word for an interpolated
    variable (``[Wiedername]`` for ``[player_name]``), or a kind and a name (``<aktion:
    springen>`` for ``<action:Jump>``), that ``source`` does not write (a label ``[OK]`` beside
    the token is the label's). The game finds no token of the new name: it shows it as text,
    and the source's token put back beside it showed both. ``None`` for a variable in a source
    that writes a label in square brackets too: the label's translation (``[Hinweis]`` for
    ``[Note]``) has the shape of a renamed variable."""
    bracket = token[0]
    shape = _TOKEN_SHAPES[bracket]
    bracketed = _BRACKETED[bracket].findall(source)
    if re.fullmatch(INTERPOLATION, token):
        if not set(bracketed) <= set(extract_placeholders(source)):
            return None
        shape = _VARIABLE_SHAPE
    written = "|".join(map(re.escape, bracketed))
    return f"(?!{written})(?:{shape})" if written else shape


_CLOSING_OF = {"\u00ab": "\u00bb", "\u201c": "\u201e"}  # « closes », “ closes „
_STRAY_CLOSE = re.compile(r"(?:[\u00ab\u201c](?:\s*/\s*>)?)+")


def _without_stray_close(before: str, after: str) -> str:
    """``after``, the text after a tag the model garbled, without the German closing quote mark
    it starts with where nothing in ``before`` opened it, nor the tag's end written again
    after it, as often as the model repeated them: it read ``<ph id="v1"/>`` as quoted text
    (``<ph id=»v1«/>«``, ``<ph id=»v1«/>«/>``, ``<ph id=»v1«/>«/>«``)."""
    opening = _CLOSING_OF.get(after[:1])
    if opening is None or before.rfind(opening) > before.rfind(after[0]):
        return after
    match = _STRAY_CLOSE.match(after)
    return after[match.end() :] if match else after


def _drop_loose_brackets(pieces: list[str | _Slot], at: int) -> None:
    """Where the slot at ``at`` became a Lokalise placeholder (``[%2$d]``) for the bare
    conversion the model wrote, drop the brackets the model kept beside it apart
    (``[ %2$d ]``), which would be written twice."""
    slot = pieces[at]
    if not (isinstance(slot, _Slot) and lokalise_conversion(slot.text)):
        return
    before, after = pieces[at - 1] if at else None, pieces[at + 1] if at + 1 < len(pieces) else None
    if isinstance(before, str):
        pieces[at - 1] = re.sub(r"\[\s*$", "", before)
    if isinstance(after, str):
        pieces[at + 1] = re.sub(r"^\s*\]", "", after)


def _drop_joiners(pieces: list[str | _Slot], source: str) -> None:
    """Empty, in place, the text that joins each dropped placeholder of ``pieces`` to the one
    before it (else after it), where it is only a joiner (:data:`_JOINER`: ``/``, ``-``, ``, ``)
    and ``source`` writes no sign of its own on that side of the kept one
    (:func:`_signed_beside`): the model's ``{{from}}/{{to}}/{to}`` with its invented ``{to}``
    dropped left ``{{from}}/{{to}}/`` (an i18next trial, session 76); ``Hallo %s! %s`` for
    ``Hello %s!`` keeps its ``!``."""
    found = find_placeholders(source)
    for at, slot in enumerate(pieces):
        if not isinstance(slot, _Slot) or slot.keep:
            continue
        for step in (-1, 1):  # the joiner before the dropped slot, else the one after it
            if not 0 <= at + 2 * step < len(pieces):
                continue
            joiner, other = pieces[at + step], pieces[at + 2 * step]
            if not isinstance(joiner, str) or not isinstance(other, _Slot):
                continue
            if not _JOINER.fullmatch(joiner):
                continue
            if other.keep and _signed_beside(source, found, other.text, after=step < 0):
                continue
            pieces[at + step] = ""
            break


def _signed_beside(source: str, found: list[Placeholder], text: str, after: bool) -> bool:
    """Whether ``source`` (its placeholders ``found``) writes a sign right after (else before)
    a placeholder ``text``, spaces aside, other than a joiner to another placeholder
    (``{{a}}/{{b}}``): the source's own sign beside it (``{{name}}.``, ``%s!``), which a joiner
    the model wrote there may be."""
    for i, placeholder in enumerate(found):
        if placeholder.text != text:
            continue
        if after:
            other = found[i + 1] if i + 1 < len(found) else None
            gap = source[placeholder.end : other.start if other else len(source)]
            sign = gap.lstrip(" \t")[:1]
        else:
            other = found[i - 1] if i else None
            gap = source[other.end if other else 0 : placeholder.start]
            sign = gap.rstrip(" \t")[-1:]
        if other is not None and _JOINER.fullmatch(gap):
            continue
        if sign and not sign.isspace() and not (sign.isalnum() or sign == "_"):
            return True
    return False


def _render(pieces: list[str | _Slot]) -> str:
    """Join the pieces; where a slot was dropped, do not leave a double space behind."""
    out, dropped = "", False
    for piece in pieces:
        if isinstance(piece, _Slot):
            out += piece.text if piece.keep else ""
            dropped = not piece.keep
            continue
        if dropped and out.endswith(" ") and (not piece or piece[0] in _PUNCT):
            out = out[:-1]
        out += piece
        dropped = False
    return out.strip()


def _insert(text: str, source: str, placeholder: Placeholder) -> str:
    """Put a missing placeholder where the source had it: at the start, before the final
    punctuation, or (when it stood in the middle, where no position can be trusted) at the end."""
    if (
        placeholder.kind == "tag"
        and (spot := _beside_partner(text, source, placeholder)) is not None
    ):
        return text[:spot] + placeholder.text + text[spot:]
    before, after = source[: placeholder.start], source[placeholder.end :]
    if not before.strip():
        separator = " " if after[:1].isspace() else ""
        return placeholder.text + separator + text
    separator = " " if before[-1:].isspace() else ""
    if not after.strip():
        return text + separator + placeholder.text
    if not after.strip(_PUNCT):
        tail = _TRAILING_PUNCT.search(text)
        cut = tail.start() if tail else len(text)
        return text[:cut] + separator + placeholder.text + text[cut:]
    return text + " " + placeholder.text


def _beside_partner(text: str, source: str, tag: Placeholder) -> int | None:
    """Where a missing opening (closing) tag goes: as many words before (after) its partner tag
    in ``text`` as the source has between the two (:func:`_word_spans`); ``None`` when there is
    no partner. The partner is found as written: an opening ``<bold>`` is a tag only where its
    text closes it (:mod:`ltmt.formats.placeholder_syntax`), and ``text`` lacks the closing
    one."""
    parts = tag_parts(tag.text)
    if parts is None or parts.self_closing:
        return None
    closing = parts.closing
    tags = [p for p in find_placeholders(source) if p.kind == "tag"]
    partner_match = [p for p in tags if _tag_key(p.text) == (not closing, parts.element)]
    if closing:
        partners = [p for p in partner_match if p.end <= tag.start]
        partner = partners[-1] if partners else None
    else:
        partner = next((p for p in partner_match if p.start >= tag.end), None)
    if partner is None:
        return None
    inside = (partner.end, tag.start) if closing else (tag.end, partner.start)
    count = len(_word_spans(source, *inside))
    found = [match.span() for match in re.finditer(re.escape(partner.text), text)]
    if not found:
        return None
    if closing:
        words = _word_spans(text, found[-1][1], len(text))
        return words[min(count, len(words)) - 1][1] if count and words else found[-1][1]
    words = _word_spans(text, 0, found[0][0])
    return words[-min(count, len(words))][0] if count and words else found[0][0]


def _word_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The words of ``text[start:end]`` and its placeholders other than tags, each one unit:
    a tag goes beside a placeholder, never inside it (``<b>`` put before the word ``name`` of
    ``{{name}}`` broke the field)."""
    spans: list[tuple[int, int]] = []
    position = start
    for placeholder in find_placeholders(text):
        if placeholder.start < start or placeholder.end > end:
            continue
        spans += [word.span() for word in _WORD.finditer(text, position, placeholder.start)]
        if placeholder.kind != "tag":
            spans.append((placeholder.start, placeholder.end))
        position = placeholder.end
    return spans + [word.span() for word in _WORD.finditer(text, position, end)]


def _tag_key(text: str) -> tuple[bool, str] | None:
    """Whether a tag closes, and its element (:attr:`TagParts.element`); ``None`` for one
    that closes itself."""
    parts = tag_parts(text)
    if parts is None or parts.self_closing:
        return None
    return parts.closing, parts.element


def _reorder(source: str, text: str) -> str:
    """Put non-positional printf conversions, and tags that no longer nest, in source order;
    the directives of a date format (``%m/%d``: :func:`ltmt.date_formats.date_runs`) are no
    printf arguments, and a translation may move the date or order its fields otherwise."""
    expected, found = find_placeholders(source), find_placeholders(text)
    replacement: dict[int, str] = {}
    text_runs, source_runs = date_runs(text), date_runs(source)
    ordered_found = [p for p in found if p.ordered and not _dated(p, text_runs)]
    ordered_expected = [p.text for p in expected if p.ordered and not _dated(p, source_runs)]
    if [p.text for p in ordered_found] != ordered_expected and sorted(
        p.text for p in ordered_found
    ) == sorted(ordered_expected):
        replacement.update(
            (p.start, want) for p, want in zip(ordered_found, ordered_expected, strict=True)
        )
    if balanced(source) and not balanced(text):
        tags_found = [p for p in found if p.kind == "tag"]
        tags_expected = [p.text for p in expected if p.kind == "tag"]
        if sorted(p.text for p in tags_found) == sorted(tags_expected):
            replacement.update(
                (p.start, want) for p, want in zip(tags_found, tags_expected, strict=True)
            )
    if not replacement:
        return text
    out, position = [], 0
    for placeholder in found:
        out.append(text[position : placeholder.start])
        out.append(replacement.get(placeholder.start, placeholder.text))
        position = placeholder.end
    out.append(text[position:])
    return "".join(out)


def _dated(placeholder: Placeholder, runs: list[DateRun]) -> bool:
    """Whether ``placeholder`` is a directive of one of the date ``runs`` of its text."""
    return placeholder.kind == "printf" and any(run.holds(placeholder.start) for run in runs)


def balanced(text: str) -> bool:
    """Whether the paired tags of ``text`` (names that have a closing tag) nest properly."""
    tags = []
    for placeholder in find_placeholders(text):
        parts = tag_parts(placeholder.text) if placeholder.kind == "tag" else None
        if parts is not None:
            tags.append((parts.closing, parts.element, parts.self_closing))
    paired = {name for closing, name, _ in tags if closing}
    stack: list[str] = []
    for closing, name, self_closing in tags:
        if name not in paired or self_closing:
            continue
        if not closing:
            stack.append(name)
        elif not stack or stack.pop() != name:
            return False
    return not stack
