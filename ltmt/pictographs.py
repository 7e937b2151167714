"""Pictographs (emoji, dingbats, arrows and signs) in a line the model translates.

The model has no tokens for them: it dropped them and made words up in their place
(``Your order 📦 has shipped.`` → ``In Ihrer Bestellung hat sich der Auftraggeber verschüttet.``).
Those before or after a line's words are set aside and put back around its translation
(:func:`edges`, used by :func:`ltmt.units.undecorated`). Those inside its words go to the model
as an empty inline tag, which it keeps and places the way it places ``<br/>``
(:func:`set_aside`: ``<x/>``, or ``<x1/>``, ``<x2/>`` ... for several), and come back in its
place (:meth:`SetAside.put_back`); a tag the model dropped gets its pictographs at the same
relative place in the translation.

A run of pictographs (with their variation selectors, skin tones, joiners and keycaps, and the
spaces between them) is one unit: ``👍🏽 👍🏽`` is one tag.

The same tags carry what else the model cannot write or would garble (session 51): the words
and signs with a character its vocabulary has no token for (``東京``, ``±``: ``unwritable``,
:mod:`ltmt.model.writable`), and spans the caller gives with the text to put back (key
combinations, their keys named in the target language: :mod:`ltmt.key_combinations`). Runs
apart only by spaces are one tag; a no-break space beside a run is written back as one.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from ltmt.folded_characters import NO_BREAK_SPACES
from ltmt.formats.attribute_values import TAG_BODY
from ltmt.formats.formatting_codes import only_codes
from ltmt.text import CONTROL_CHARACTERS, SPACING_CONTROLS, nearest_word_start

# the signs of copyright and trade marks, which a translation keeps as many as its source has
# (``ltmt qa``'s ``signs`` check). The model lost © and ® though it has tokens for them
# (``© 2026 Example Corp.`` → ``— 2026 Example Corp.``, ``CloudDesk®`` → ``CloudDesk-Fahrungs-``)
# and has none for ℗; NFKC folds ™ and ℠ into TM and SM, and a name glued to them read as one
# unknown word that the model repeated to its length limit (``Buy UltraGrip™ Gloves now.`` →
# ``UltraGrip™-GripTM-GripTM-GripTM-GripTM``; ``Buy FlexiGrip™ Gloves now.`` too): all of
# them go to it as tags
OWNERSHIP_SIGNS = "\u00a9\u00ae\u2117\u2122\u2120"
# one pictograph: an emoji or a sign, the marks that change it (a variation selector, a joiner,
# a keycap's enclosure), or a keycap (``1️⃣``); the multiplication sign, which the shipped
# model has a token for and still turns into words (``%S \u00d7 %S pixels`` → ``%S Kopfzeile
# %S Pixel``, ``%d\u00d7%d`` → ``%d Tax%d``); the signs of copyright set aside (above); and
# control characters (a bell, NUL), which the tokenizer drops
_CHARACTER = (
    "[\U0001f000-\U0001faff\u2190-\u21ff\u2300-\u23ff\u2600-\u27bf\u2b00-\u2bff\ufe0f\u200d\u20e3"
    f"\u00d7{OWNERSHIP_SIGNS}{CONTROL_CHARACTERS}{SPACING_CONTROLS}]"
)
# a terminal's escape sequence (``\x1b[1m``): one piece of code, as a control character is
_ESCAPE_SEQUENCE = r"\x1b\[[0-?]*[ -/]*[@-~]"
_CONTROL = re.compile(rf"(?:{_ESCAPE_SEQUENCE}|[{CONTROL_CHARACTERS}{SPACING_CONTROLS}])+")
_ONE = rf"(?:{_ESCAPE_SEQUENCE}|[#*0-9]\ufe0f?\u20e3|{_CHARACTER})"
_RUN = re.compile(rf"{_ONE}+(?:[ \t]+{_ONE}+)*")
_LEADING = re.compile(rf"(?:{_ONE}+\s*)+")
_IS_CHARACTER = re.compile(_CHARACTER)
_WORD_CHARACTER = re.compile(r"[^\W_]")
# a word (letters, digits and marks), or one character that is neither a word's nor a space
_UNWRITABLE_CANDIDATE = re.compile(r"[^\W_]+(?:[\u0300-\u036f][^\W_]*)*|[^\w\s]")
_TAG_NAME = "x"
# the names tried in turn for a line that already has tags named like the first (OmegaT's
# ``<x0/>``): the model is given tags of a name the line does not use
_TAG_NAMES = (_TAG_NAME, "y", "z")
# markup tags set aside, one or several in a row: inline codes (XLIFF's ``<x id="2"/>``, 2.0's
# ``<ph id="1" dataRef="d1"/>``), an ``<a href="...">`` whose end is in another segment
# (:func:`ltmt.formats.placeholder_syntax.sent_as_tags`)
_MARKUP_TAGS = re.compile(rf"(?:</?[A-Za-z][\w:.-]*(?:\s{TAG_BODY})?(?<!/)/?>)+")
# a tag of each name ours may take, numbered or not, as the model may write it (``<y/>``,
# ``<Y2 />``): a line's own would be confused with ours
_NAMED_TAGS = {name: re.compile(rf"<\s*{name}\d*\s*/?\s*>", re.IGNORECASE) for name in _TAG_NAMES}
# a tag of any name ours may take, the spaces before it, and its name and number (``y1``)
_SPACED_TAG = re.compile(
    rf"[ \t]*<\s*(?P<name>(?:{'|'.join(_TAG_NAMES)})\d*)\s*/?\s*>", re.IGNORECASE
)


def holds_pictographs(text: str) -> bool:
    """Whether ``text`` has a pictograph anywhere."""
    return _RUN.search(text) is not None


def edges(line: str) -> tuple[str, str, str]:
    """``(pictographs before, words, pictographs after)`` of ``line`` (with the spaces between
    them and the words), or ``("", line, "")`` when it has none at its edges or no words.
    Found in one pass from each end (a regular expression over both ends took seconds on a
    long line)."""
    leading = _LEADING.match(line)
    start = leading.end() if leading else 0
    end = len(line)
    while end > start and (line[end - 1].isspace() or _IS_CHARACTER.match(line[end - 1])):
        end -= 1
    if not any(_IS_CHARACTER.match(c) for c in line[end:]):
        end = len(line)
    if (start == 0 and end == len(line)) or not _WORD_CHARACTER.search(line, start, end):
        return "", line, ""
    return line[:start], line[start:end], line[end:]


@dataclass(frozen=True)
class _Run:
    text: str  # the pictographs as the line has them
    tag: str  # what the model got instead
    at: float  # where in the model's line its tag starts (0: the start, 1: the end)
    spaced_before: bool  # the line had a space (or the start) before it
    spaced_after: bool
    # the space the line had there, written back as it was (a no-break space stays one)
    space_before: str = " "
    space_after: str = " "
    # the line had a letter or digit right beside it (``10€``, ``foo.c``'s ``c``): a word of
    # the translation may touch it there too
    glued_before: bool = False
    glued_after: bool = False


@dataclass(frozen=True)
class SetAside:
    """The pictographs inside a line's words, each run replaced by a tag for the model."""

    runs: tuple[_Run, ...]

    def put_back(self, translation: str) -> str:
        """``translation`` with each tag replaced by its pictographs, spaced as the line had
        them; a tag the model wrote without its start (``/>``: :func:`_remnant`) is replaced
        the same way, one it dropped is added at its relative place, a repeated one once."""
        for run in self.runs:
            found = list(_tag_pattern(run.tag).finditer(translation))
            if not found:
                remnant = _remnant(translation, run.tag, alone=len(self.runs) == 1)
                if remnant is None:
                    translation = _inserted(translation, run)
                else:
                    before, after = translation[: remnant.start()], translation[remnant.end() :]
                    translation = _spaced(before, run, after)
                continue
            for extra in reversed(found[1:]):
                translation = _joined(translation[: extra.start()], translation[extra.end() :])
            first = found[0]
            translation = _spaced(translation[: first.start()], run, translation[first.end() :])
        return translation


def set_aside(
    line: str,
    unwritable: Callable[[str], bool] | None = None,
    others: Sequence[tuple[int, int, str]] = (),
) -> tuple[str, SetAside | None]:
    """``line`` with each run of pictographs inside its words replaced by a tag (``<x/>``; with
    several ``<x1/>``, ``<x2/>`` ...; named ``y`` or ``z`` where the line has tags named ``x``),
    and what :meth:`SetAside.put_back` needs; ``(line, None)`` when there are none, or when the
    line has tags of every name ours may take. With
    ``unwritable`` (whether the model cannot write a character: it has no token for it), the
    words that hold such a character (``東京``, ``Крым``) and such signs (``±``, ``§``) are set
    aside the same way (:func:`unwritable_spans`); ``others``: more spans set aside, ``(start,
    end, text)``, each put back as its ``text`` (key combinations:
    :func:`ltmt.key_combinations.combination_spans`)."""
    found = [(*match.span(), match.group()) for match in _RUN.finditer(line)]
    if unwritable is not None:
        spans = unwritable_spans(line, unwritable)
        found += [(start, end, line[start:end]) for start, end in spans]
    if unwritable is not None or others:
        found = _merged([*found, *others], line)
    name = _free_tag_name(line)
    if not found or name is None:
        return line, None
    pieces: list[str] = []
    runs: list[_Run] = []
    position = 0
    for number, (start, end, text) in enumerate(found, 1):
        tag = f"<{name}/>" if len(found) == 1 else f"<{name}{number}/>"
        before, after = line[:start], line[end:]
        pieces.append(line[position:start])
        runs.append(
            _Run(
                text,
                tag,
                len("".join(pieces)),
                not before or before[-1].isspace(),
                not after or after[0].isspace(),
                _space(before[-1:]),
                _space(after[:1]),
                before[-1:].isalnum(),
                after[:1].isalnum(),
            )
        )
        # control characters, inline codes and Minecraft's formatting codes glued to a word go
        # to the model spaced from it (it read ``bell<x/>`` as one word, and left
        # ``pharmacist<x/>how`` and ``§cthree`` English); put back as the line had them
        glued = (
            _CONTROL.fullmatch(text) is not None
            or _MARKUP_TAGS.fullmatch(text) is not None
            or only_codes(text)
        )
        before_tag = " " if glued and before[-1:].isalnum() else ""
        after_tag = " " if glued and after[:1].isalnum() else ""
        pieces.append(before_tag + tag + after_tag)
        position = end
    pieces.append(line[position:])
    text = "".join(pieces)
    return text, SetAside(tuple(replace(run, at=run.at / len(text)) for run in runs))


def unwritable_spans(line: str, unwritable: Callable[[str], bool]) -> list[tuple[int, int]]:
    """The spans of ``line`` the model cannot write: each word (letters, digits and marks)
    holding a character ``unwritable`` says it has no token for, and each run of such
    characters outside words (a sign: ``±``, ``§``, ``≤``). ASCII is always written."""
    spans = []
    for match in _UNWRITABLE_CANDIDATE.finditer(line):
        if any(not character.isascii() and unwritable(character) for character in match.group()):
            spans.append(match.span())
    return spans


def _merged(spans: list[tuple[int, int, str]], line: str) -> list[tuple[int, int, str]]:
    """``spans`` (``(start, end, text put back)``) in order, those that overlap, touch or are
    apart only by spaces or tabs made one (a run of several words the model cannot write is
    one tag), its text theirs with the line's own between them."""
    merged: list[tuple[int, int, str]] = []
    for start, end, text in sorted(spans):
        if merged and merged[-1][1] >= start:  # overlapping: the first one's text
            last_start, last_end, last_text = merged[-1]
            if end > last_end:
                merged[-1] = (last_start, end, last_text + line[last_end:end])
        elif merged and not line[merged[-1][1] : start].strip(" \t"):
            last_start, last_end, last_text = merged[-1]
            merged[-1] = (last_start, end, last_text + line[last_end:start] + text)
        else:
            merged.append((start, end, text))
    return merged


def _free_tag_name(line: str) -> str | None:
    """The first of the tag names :func:`set_aside` may give the model that ``line`` has no tag
    of (``<x/>``, ``<x1/>``: its own would be confused with ours); ``None`` when it has all."""
    return next((name for name, tag in _NAMED_TAGS.items() if not tag.search(line)), None)


def starts_with_tag(text: str) -> bool:
    """Whether ``text`` starts with one of the tags :func:`set_aside` gives the model (``<x/>``,
    ``<y1/>``), spaces aside."""
    return _SPACED_TAG.match(text) is not None


def without_tags(text: str, source: str = "", filler: str = "") -> str:
    """``text`` without the tags :func:`set_aside` gives the model (``<x/>``, ``<y1/>``), and
    the spaces before each, but as many of each as ``source`` has of its own (an OmegaT
    ``<x0/>``, which made its line's pictographs ``<y1/>``, ``<y2/>`` ...): a tag the model
    moved to another line of the segment than its own (whose pictographs
    :meth:`SetAside.put_back` put back on its own) was left there as text. ``filler``: what
    each is replaced by (a space keeps the words on its two sides apart: ``is <x/>5`` is no
    code ``is5``)."""
    own = Counter(found["name"].lower() for found in _SPACED_TAG.finditer(source))

    def dropped(found: re.Match[str]) -> str:
        name = found["name"].lower()
        if own[name]:
            own[name] -= 1
            return found.group()
        return filler

    return _SPACED_TAG.sub(dropped, text)


def _tag_pattern(tag: str) -> re.Pattern[str]:
    """``tag`` as the model may write it back (``<x1/>``, ``<x1 />``, ``<X1>``)."""
    name = tag.strip("</>")
    return re.compile(rf"<\s*{re.escape(name)}\s*/?\s*>", re.IGNORECASE)


def _remnant(translation: str, tag: str, alone: bool) -> re.Match[str] | None:
    """The one end of ``tag`` that ``translation`` has without the tag's start, outside any
    tag of its own: ``/>`` or ``x/>`` for ``<x/>``, where ``alone`` (the line's only tag: a
    bare ``/>`` is whose?), else ``x2/>`` for ``<x2/>``. The model wrote ``5-/>`` for
    ``5\u2013<x/>`` (the ``10`` of ``5\u201310`` set aside), and the ``10`` went in before
    it, ``10 5-/>`` (a Zendesk trial, session 76)."""
    name = re.escape(tag.strip("</>"))
    pattern = rf"(?<![\w<])(?:{name})?/>" if alone else rf"(?<![\w<]){name}/>"
    ends, position, in_tag = [], 0, False
    for found in re.finditer(pattern, translation, re.IGNORECASE):
        between = translation[position : found.start()]  # read once: linear in the text
        if "<" in between or ">" in between:
            in_tag = between.rfind("<") > between.rfind(">")
        position = found.start()
        if not in_tag:
            ends.append(found)
    return ends[0] if len(ends) == 1 else None


def _spaced(before: str, run: _Run, after: str) -> str:
    """``run``'s pictographs between ``before`` and ``after``, with a space on each side where
    the line had one and the translation has words, but beside a hyphen."""
    # no space beside a hyphen the translation put there: a compound's (``Standard-14-Schriften``)
    spaced = run.spaced_before and before.strip() and not before.rstrip().endswith("-")
    before = before.rstrip() + run.space_before if spaced else before.rstrip()
    after = after.lstrip()
    if run.spaced_after and after and after[0] not in ".,;:!?)-":
        after = run.space_after + after
    # a word the model glued to the tag, where the line had none beside it (``use :lmap;``
    # → ``:lmapverwenden``, ``<feedback@example.com>senden``): apart
    if not run.glued_after and after[:1].isalnum():
        after = " " + after
    if not run.glued_before and before[-1:].isalnum():
        before += " "
    return before + run.text + after


def _space(character: str) -> str:
    """A space as the line had it beside a run: a no-break one as it is, any other as ``" "``."""
    return character if character and character in NO_BREAK_SPACES else " "


def _joined(before: str, after: str) -> str:
    """The translation around a removed tag, with one space where it had spaces."""
    if before.endswith(" ") or after.startswith(" "):
        return before.rstrip() + " " + after.lstrip()
    return before + after


def _inserted(translation: str, run: _Run) -> str:
    """``run`` put in ``translation`` (which lost its tag) at the word nearest its relative
    place in the line."""
    cut = nearest_word_start(translation, run.at)
    return _spaced(translation[:cut], run, translation[cut:])
