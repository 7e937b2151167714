"""Minecraft's formatting codes: a ``§`` and one character that colours or styles the text after
it (``§0`` to ``§9`` and ``§a`` to ``§f`` colours, ``§k`` obfuscated, ``§l`` bold, ``§m`` struck
through, ``§n`` underlined, ``§o`` italic, ``§r`` reset; either case, ``§C`` is ``§c``).

A code is one unit of inline formatting, a placeholder (:mod:`ltmt.formats.placeholder_syntax`)
that the model gets as a tag: it has no token for ``§``, and read ``§7`` as a ``§`` and a number
(``The turret will attack §nall§r§7 players!`` came out ``... §nall§r§Spieler 7 angreifen``, an
``§S`` that Minecraft shows as no code, and a word glued to a code stayed English:
``§6Laser Gun``). Its character is no number, nor a word's letter (:func:`without_codes`).

In a text with no code of a letter, a ``§`` and a digit is a code only glued to the word it
colours or to another code (``§7turret``, ``§4§5Text``); else it is a law's section and its
number (``§3 The data``, ``§12``, ``§1.5``, ``§5a``: :func:`section_number`). A ``§`` and a
letter outside the set (``§S``) is no code: Minecraft shows nothing for it and eats the letter
(:func:`invalid_codes`, which ``ltmt qa`` reports).
"""

from __future__ import annotations

import re

# one code: the section sign and its character, in either case (written out: an ignore-case
# class would take the Kelvin sign for a k)
FORMATTING_CODE = "§[0-9a-fk-orA-FK-OR]"
_CODE = re.compile(FORMATTING_CODE)
_LETTER_CODE = re.compile("§[a-fk-orA-FK-OR]")
# codes in a row, or apart only by spaces and tabs: what one tag given to the model may hold
_CODE_RUN = re.compile(rf"(?:{FORMATTING_CODE})+(?:[ \t]+(?:{FORMATTING_CODE})+)*")
_DIGIT_CODE = re.compile("§[0-9]")
# a digit's code that colours a word, or is followed by another code (``§7turret``, ``§4§l``):
# not a law's section with a letter (``§5a``)
_GLUED_DIGIT_CODE = re.compile(r"§[0-9](?=[^\W\d_]{2}|§)")
# a section sign before a letter that is not a code's
_INVALID_CODE = re.compile(r"§(?![0-9a-fk-orA-FK-OR])[^\W\d_]")


def section_number(text: str, start: int, lettered: bool | None = None) -> bool:
    """Whether the ``§`` at ``start`` of ``text`` and the digit after it are a law's section
    and its number (``§12``, ``§1.5``, ``§5a``, ``§3 The data``), not a code: ``text`` has no
    code of a letter (``§k12345§r`` is obfuscated digits, ``§7 players§r`` grey words), and
    no word or code is glued to it (``§7turret``, ``§4§5Text``). ``lettered``: whether ``text``
    has a code of a letter (:func:`has_letter_code`), where the caller read it once for many
    calls."""
    if _DIGIT_CODE.match(text, start) is None or _GLUED_DIGIT_CODE.match(text, start):
        return False
    return not (has_letter_code(text) if lettered is None else lettered)


def has_letter_code(text: str) -> bool:
    """Whether ``text`` has a formatting code of a letter (``§c``, ``§r``)."""
    return _LETTER_CODE.search(text) is not None


def code_spans(text: str) -> list[tuple[int, int]]:
    """The ``(start, end)`` of each formatting code of ``text``, but a law's section
    (:func:`section_number`)."""
    lettered = has_letter_code(text)
    return [
        found.span()
        for found in _CODE.finditer(text)
        if not section_number(text, found.start(), lettered)
    ]


def without_codes(text: str) -> str:
    """``text`` with each formatting code (:func:`code_spans`) written as two spaces, its
    length kept: ``§7turret`` holds no number and ``§k12345`` the number ``12345``, not the
    code ``k12345``."""
    for start, end in reversed(code_spans(text)):
        text = text[:start] + " " * (end - start) + text[end:]
    return text


def code_edges(line: str) -> tuple[str, str, str]:
    """``(codes before, words, codes after)`` of ``line``: the formatting codes before and after
    its words, with the blanks between them and the words (``§c§l``, ``WARNING:``, ``""``), or
    ``("", line, "")`` where it has none at its edges or no words. The model got a short line's
    code as a tag and garbled the words after it (``§7Line one`` came out ``§7geordnete
    Eins``, ``Line one`` ``Zeile ein``)."""
    spans = code_spans(line)
    start = 0
    for code_start, code_end in spans:
        if line[start:code_start].strip(" \t"):
            break
        start = code_end
    end = len(line)
    for code_start, code_end in reversed(spans):
        if code_start < start or line[code_end:end].strip(" \t"):
            break
        end = code_start
    words = line[start:end]
    if (start == 0 and end == len(line)) or not any(c.isalnum() for c in words):
        return "", line, ""
    start += len(words) - len(words.lstrip(" \t"))
    end -= len(words) - len(words.rstrip(" \t"))
    return line[:start], line[start:end], line[end:]


def only_codes(text: str) -> bool:
    """Whether ``text`` is formatting codes alone, in a row or apart only by spaces (``§c§l``,
    ``§r §7``): what the model gets spaced from a word glued to it
    (:func:`ltmt.pictographs.set_aside`)."""
    return _CODE_RUN.fullmatch(text) is not None


def invalid_codes(text: str) -> list[str]:
    """Each ``§`` of ``text`` with a letter after it that is no code's (``§S``, ``§L`` is
    ``§l``'s), as written, in order."""
    return _INVALID_CODE.findall(text)
