"""Characters the model cannot write, given back as the source writes them.

The shipped model, as OPUS-MT's models do, reads and writes text through SentencePiece's NFKC
normalisation, so a character that NFKC folds into others never comes out of it: the ellipsis
``…`` comes out as ``...``, ``™`` as ``TM``, ``m²`` as ``m2``. In user interfaces the ellipsis
is everywhere (a command that asks for more before it acts: ``Settings…``, ``Open File…``), and
German interfaces write it as English ones do, attached (``Einstellungen…``: 27 of the 29 in
AntennaPod's and Thunderbird for Android's German strings, counted by hand). None of Firefox's
362 strings with ``…`` kept it (``eval/folded_characters_trial.py``: ``Settings…`` →
``Setzes ...``).

:func:`restore_folded` gives them back where the source has the character and not its folded
form (then the output's folded form can only be the model's rendering of it): every run of
two or more dots, spaces between them too (``Out.. ...``, ``Off. ...``), becomes one ``…``
(without the space before it, unless the source puts one there), and ``TM``, ``SM`` and the
superscript and subscript digits folded after the same character as in the source
(``FirefoxTM`` for ``Firefox™``, ``m2`` for ``m²``, ``CO2`` for ``CO₂``), as many times as the
source has it there, become the source's character; a run of them after a number's digits comes
back after the same digits (``109/L`` for ``10⁹/L``, ``1012`` for ``10¹²``, a number alone: the
model wrote ``1 \u00d7 10⁹/L`` as ``1 \u00d7 109/L``, a factor of ten million). A source that
ends with ``...`` (not folded, but the model's rendering of it too) gets its output's final
run of dots written as that ellipsis once: the model wrote
``So...`` as ``Also.......`` and ``Previously on Harbor Lights...`` as ``Vorher auf
Harborenlicht. ...`` (:func:`one_final_ellipsis`). Inside a line, a source that writes its
ellipses as ``...`` (and never with four dots or more) gets each run of four dots or more of
its output written ``...``: the model put its full stop after an ellipsis
(``I thought... I thought you were gone...`` → ``Ich dachte.... Ich dachte, du wärest weg...``,
``Wait... what was that?`` → ``Warten Sie.... Was war das?``: :func:`dots_added`).
No-break spaces (U+00A0, the narrow U+202F, the figure space U+2007) and the thin space
(U+2009) fold into a plain space, and the non-breaking hyphen (U+2011) into a hyphen (U+2010),
so the model never writes one, though catalogs ask for them: between a number and its unit
(Django's ``%(count)s\u00a0hours ago``, with the comment "please keep a non-breaking space
between count and time unit", which 5 of its 6 German translations lost; ``20\u2009kg``), in a
phone number (``0800\u2011123``, Word's ``<w:noBreakHyphen/>``). Each of the source's such
separators, between the runs ``left`` and ``right``, comes back in place of the output's folded
form between the same two runs, else after ``left`` or before ``right`` where the output
writes that run as the source does (a number, a placeholder, a name: ``vor %(count)s Stunden``
→ ``vor %(count)s\u00a0Stunden``; a number with separators also in the other convention's:
``1.299,99\u00a0Euro`` for ``1,299.99\u00a0EUR``), as many times as the source has it there.
The translator does it for every output it decodes, and for a reused 100 % match whose stored
source writes a plain space where the line writes such a separator (the score reads them
alike: :func:`separators_for_reuse`).
"""

from __future__ import annotations

import re
from collections import Counter

from ltmt.currency_amounts import swapped_marks

ELLIPSIS = "…"
# two or more dots, spaces between them too: the model wrote two once ("Warten Sie bitte.."),
# and broke one into pieces ("Schreibt Out.. ..", "Macht Off. ...": two ellipses once)
_DOTS = re.compile(r"\.(?:[ \t]*\.)+")
_SPACED_DOTS = re.compile(r"[ \t]*\.(?:[ \t]*\.)+")
# the run of dots that ends a text, spaces between them too, before closing quotes, brackets
# and tags
_FINAL_DOTS = re.compile(r"\.(?:[ \t]*\.)+(?=(?:[\"'\u201c\u201d\u00bb\u00ab)\]]|</\w+>)*\s*$)")
# a run of four dots or more: an ellipsis with a full stop after it
_MORE_DOTS = re.compile(r"\.{4,}")
# the superscript and subscript digits, each its own run of them (``10¹²``, ``C₁₂``): NFKC folds
# them into the digits (``10⁹`` into ``109``)
SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
SUBSCRIPT_DIGITS = "₀₁₂₃₄₅₆₇₈₉"
_SCRIPT_DIGITS = {
    **{digit: str(value) for value, digit in enumerate(SUPERSCRIPT_DIGITS)},
    **{digit: str(value) for value, digit in enumerate(SUBSCRIPT_DIGITS)},
}
# characters written after a word or a number, and what NFKC folds them into
ATTACHED = {"™": "TM", "℠": "SM", **_SCRIPT_DIGITS}
# a run of superscript or subscript digits right after a number's digits (``10⁹/L``, ``10¹²``):
# given back after the same digits, not after their last one (``09`` is in ``2009``)
_SCRIPTS_AFTER_DIGITS = re.compile(rf"(?<!\d)(\d+)([{SUPERSCRIPT_DIGITS}]+|[{SUBSCRIPT_DIGITS}]+)")
# the character before a superscript or subscript digit given back after the same character:
# a letter (``m²``, ``CO₂``); after a digit it is :data:`_SCRIPTS_AFTER_DIGITS`' run
_LETTER_BEFORE = rf"([^\W\d_{SUPERSCRIPT_DIGITS}{SUBSCRIPT_DIGITS}])"
# the no-break spaces NFKC folds into a plain space, and their names for messages
NO_BREAK_SPACE_NAMES = {
    "\u00a0": "no-break space",
    "\u202f": "narrow no-break space",
    "\u2007": "figure space",
}
NO_BREAK_SPACES = "".join(NO_BREAK_SPACE_NAMES)
# the separators NFKC folds, between two runs of other characters, and what the model writes
# in their place
FOLDED_SEPARATORS = {
    **dict.fromkeys(NO_BREAK_SPACES, " "),
    "\u2009": " ",  # thin space, between a number and its unit
    "\u2011": "\u2010",  # non-breaking hyphen
}
_SEPARATORS = "".join(FOLDED_SEPARATORS)
# the characters NFKC folds that :func:`restore_folded` gives back: the model may write their
# folded forms (:mod:`ltmt.model.writable`)
RESTORED = frozenset({ELLIPSIS, *ATTACHED, *FOLDED_SEPARATORS})
# a character of a run between separators: not a space of any kind, a separator or the model's
# rendering of one
_RUN_CHARACTER = rf"[^\s{_SEPARATORS}\u2010]"
# a number with thousands separators or a decimal point (``1,299.99``)
_SEPARATED_NUMBER = re.compile(r"\d+(?:[.,]\d+)+")


def restore_folded(source: str, output: str) -> str:
    """``output`` with the characters of ``source`` that the model's normalisation folded
    written as ``source`` writes them (module docstring)."""
    if ELLIPSIS in source and ".." not in source:
        spaced = re.search(r"\s" + ELLIPSIS, source) is not None
        output = (_DOTS if spaced else _SPACED_DOTS).sub(ELLIPSIS, output)
    output = one_final_ellipsis(source, output)
    if dots_added(source, output):
        output = _MORE_DOTS.sub("...", output)
    output = _scripts_after_digits(source, output)
    for character, folded in ATTACHED.items():
        if character not in source:
            continue
        for (before, after), times in Counter(_attached_at(character, source)).items():
            if before + folded in source:
                continue
            # a letter the source writes after a subscript is the formula's (H₂O): H2O
            ends = f"(?={re.escape(after)})" if after else r"(?![^\W_])"
            found = re.escape(before + folded) + ends
            output = re.sub(found, before + character, output, count=times)
    return restore_separators(source, output)


def _attached_at(character: str, source: str) -> list[tuple[str, str]]:
    """``(the character before, a letter after or "")`` for each ``character`` of
    :data:`ATTACHED` in ``source``: any word character before ``™`` (``Firefox™``, ``10™``); a
    letter before a superscript or subscript digit (``m²``), with the letter after it where
    one is (``H₂O``: ``("H", "O")``); after a digit it is :func:`_scripts_after_digits`'."""
    if character not in _SCRIPT_DIGITS:
        return [(before, "") for before in re.findall(r"(\w)" + character, source)]
    return re.findall(_LETTER_BEFORE + character + r"([^\W\d_]?)", source)


def _scripts_after_digits(source: str, output: str) -> str:
    """``output`` with each run of superscript or subscript digits that ``source`` writes
    right after a number's digits (``10⁹``, ``10¹²``) in place of its folded form after the
    same digits (``109`` → ``10⁹``, a number alone: not inside ``2109``), as many times as
    ``source`` has it, where ``source`` does not write that folded form itself."""
    if not any(digit in source for digit in _SCRIPT_DIGITS):  # most sources
        return output
    for (digits, script), times in Counter(_SCRIPTS_AFTER_DIGITS.findall(source)).items():
        folded = digits + "".join(_SCRIPT_DIGITS[digit] for digit in script)
        alone = re.compile(rf"(?<!\d){folded}(?!\d)")
        if alone.search(source) is None:
            output = alone.sub(digits + script, output, count=times)
    return output


def one_final_ellipsis(source: str, output: str) -> str:
    """``output`` ending with one ``...`` in place of its final run of dots (``.......``,
    ``. ...``) where ``source`` ends with ``...`` (module docstring); a space before the run
    stays (``Warte ...``)."""
    if final_dots(source) != "...":
        return output
    return _FINAL_DOTS.sub("...", output, count=1)


def dots_added(source: str, output: str) -> list[str]:
    """The runs of four dots or more of ``output`` (``....``) where ``source`` writes an
    ellipsis as ``...`` and has no such run: a full stop the model put after the source's
    ellipsis (module docstring); ``[]`` otherwise."""
    if "..." not in source or _MORE_DOTS.search(source):
        return []
    return _MORE_DOTS.findall(output)


def final_dots(text: str) -> str:
    """The run of two dots or more (spaces between them too) that ends ``text``, before closing
    quotes, brackets and tags: ``...``, ``. ...``; ``""`` for none."""
    found = _FINAL_DOTS.search(text)
    return found.group() if found else ""


def restore_separators(source: str, output: str) -> str:
    """``output`` with the folded separators of ``source`` (no-break and thin spaces,
    non-breaking hyphens) in place of their folded forms between the same runs of characters,
    or beside one of them (module docstring)."""
    if not any(separator in source for separator in _SEPARATORS):
        return output
    return _put_separators(Counter(folded_separators(source)), output)


def separators_for_reuse(source: str, stored_source: str, target: str) -> str:
    """``target``, the stored translation of ``stored_source`` reused for ``source`` (a 100 %
    match: the score reads a no-break space as a space), with the folded separators of
    ``source`` that ``stored_source`` lacks put back as :func:`restore_separators` puts them
    in a decoded output (``2\u00a0°C`` for a stored ``2 °C`` → ``Bei 2 °C …``: ``Bei
    2\u00a0°C``); those the stored source has too are its translator's to write or not."""
    if not any(separator in source for separator in _SEPARATORS):
        return target
    lacked = Counter(folded_separators(source)) - Counter(folded_separators(stored_source))
    return _put_separators(lacked, target) if lacked else target


def _put_separators(separators: Counter[tuple[str, str, str]], output: str) -> str:
    """``output`` with each ``(left, separator, right)`` of ``separators`` (as many times as
    counted) in place of its folded form (:func:`restore_separators`)."""
    for (left, separator, right), times in separators.items():
        left_run, right_run = _either_form(left), _either_form(right)
        folded = re.escape(FOLDED_SEPARATORS[separator])
        starts, ends = f"(?<!{_RUN_CHARACTER})", f"(?!{_RUN_CHARACTER})"
        for pattern in (
            rf"{starts}{left_run}({folded})(?={right_run}{ends})",
            rf"{starts}{left_run}({folded})(?={_RUN_CHARACTER})",
            rf"(?<={_RUN_CHARACTER})({folded})(?={right_run}{ends})",
        ):
            found = list(re.finditer(pattern, output))[:times]
            if found:
                for match in reversed(found):
                    output = output[: match.start(1)] + separator + output[match.end(1) :]
                break
    return output


def _either_form(run: str) -> str:
    """A pattern for ``run`` as written, or, for a number with separators, written with the
    other convention's (``1,299.99``: ``1.299,99``, as a German translation writes it)."""
    if _SEPARATED_NUMBER.fullmatch(run) is None:
        return re.escape(run)
    return f"(?:{re.escape(run)}|{re.escape(swapped_marks(run))})"


def folded_separators(source: str) -> list[tuple[str, str, str]]:
    """``(left, separator, right)`` for each separator of :data:`FOLDED_SEPARATORS` in
    ``source`` between two runs of other characters (spaces of any kind and these separators
    end a run)."""
    found = []
    for line in source.splitlines():
        words = re.split(rf"([ \t{_SEPARATORS}]+)", line)
        for index in range(1, len(words) - 1, 2):
            gap = words[index]
            if len(gap) == 1 and gap in _SEPARATORS and words[index - 1] and words[index + 1]:
                found.append((words[index - 1], gap, words[index + 1]))
    return found
