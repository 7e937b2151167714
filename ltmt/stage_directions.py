"""A stage direction at the start of a dialogue line: ``[whispering] Mira, stay close.``,
``(sighs) You always say that.``, ``*laughs* And I'm always right.``.

A game's or a film's script writes how a line is said before it, in brackets, parentheses or
stars: one to three words in small letters (``[whispering]``, ``(sighs heavily)``), then the
spoken text. Given whole to the model, the direction was copied and capitalised
(``[Whispering] …``, ``(Sighs) Du sagst das immer.``), moved into the sentence with the
spoken text's first word in small letters (``und ich *lache* immer recht.``), or garbled
(``[shouting] KAEL! OVER HERE!`` → ``[Süd] Kael! OVER HERE!``; a game VO trial's, session 71).
:func:`split_direction` takes it off (:func:`ltmt.units.split_segment`): the model gets its
words as a line of their own and the spoken text as another, and the translation is put back
between the direction's marks, in small letters (:func:`as_direction`: ``[flüstern]``,
``*lacht*``, where the source's first word and the model's read as verbs; ``[Tür schlägt
zu]`` as the model writes it; a direction the model copies stays as written, ``(sighs)``),
before the spoken text's. A direction reads as an action or a sound: one of its words is a
verb form (``-s``, ``-ing``) of a verb of :data:`_DELIVERY_VERBS` (``sighs``,
``door slams``, ``clears throat``, ``phone ringing``). A UI's or a log's tag (``[info]``,
``[warning]``, ``(optional)``, ``[beta]``, ``(see below)``), a noun (``[music]``), a
capitalised word in the marks (``(Optional) Enter a name``), a footnote (``[1]``), a checkbox
(``[x] Done``) or marks before a small letter (``*very* good``) are no direction: the line goes
to the model whole (session 71's regression test: ``[info]`` became ``[information]``).
``ltmt qa`` warns of a translation that lacks the source's direction's marks altogether
(:func:`direction_problems`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, NamedTuple

# one to three words of two small letters or more (an apostrophe or a hyphen inside), between
# matching marks, then blanks, then the spoken text (which :func:`split_direction` checks)
_WORDS = r"[a-z][a-z'-]+(?: [a-z][a-z'-]+){0,2}"
_DIRECTION = re.compile(
    rf"(?P<opening>\[)(?P<words>{_WORDS})(?P<closing>\][ \t]+)(?=\S)"
    rf"|(?P<opening2>\()(?P<words2>{_WORDS})(?P<closing2>\)[ \t]+)(?=\S)"
    rf"|(?P<opening3>\*)(?P<words3>{_WORDS})(?P<closing3>\*[ \t]+)(?=\S)"
)
_CLOSING = {"[": "]", "(": ")", "*": "*"}
# what the model may write around a direction's translation: its marks, a full stop
_AROUND = "[]()*.!: \t"
# verbs of how a line is said or of a sound a script notes: a direction has a form of one
# (``sighs``, ``whispering``, ``door slams``); a UI's tag (``warning``, ``required``) has none
_DELIVERY_VERBS = frozenset(
    {
        "whisper", "sigh", "laugh", "shout", "scream", "yell", "cry", "sob", "gasp", "groan",
        "moan", "mutter", "murmur", "mumble", "chuckle", "giggle", "snicker", "cough", "clear",
        "sniff", "sniffle", "snore", "grunt", "pant", "hum", "sing", "breathe", "exhale",
        "inhale", "shiver", "smile", "grin", "smirk", "nod", "shrug", "hesitate", "stammer",
        "stutter", "whimper", "growl", "hiss", "beep", "buzz", "creak", "thud", "bang", "crash",
        "slam", "knock", "ring", "rumble", "clap", "cheer", "applaud", "yawn", "hiccup",
        "wheeze", "choke", "scoff", "snort", "huff", "sneeze", "gulp", "whistle", "squeal",
        "shriek", "howl", "bark", "roar", "blare", "crackle", "clatter", "rustle", "splash",
        "chime", "weep", "wail", "rasp", "croak", "yelp", "squeak", "thump", "tap",
    }
)  # fmt: skip
# a German direction's first word that reads as a verb (seufzt, flüstern, schreiend): written
# in small letters; a noun (Musik, Tür) stays as the model writes it
_GERMAN_VERB_ENDINGS = ("t", "n", "nd", "nde")


def _stems(word: str) -> set[str]:
    """The verbs ``word`` may be a form of: ``sighs`` sigh, ``slamming`` slam, ``breathing``
    breathe, ``cries`` cry. No ``-ed``: a script writes directions in the present, and a log's
    tags in the past (``[paused]``, ``[cleared]``, ``(required)``)."""
    stems = set()
    for ending in ("ing", "es", "s"):
        if word.endswith(ending) and len(word) > len(ending) + 1:
            stem = word[: -len(ending)]
            stems |= {stem, stem + "e"}
            if len(stem) > 2 and stem[-1] == stem[-2]:
                stems.add(stem[:-1])  # slamming, sobbing
            if ending == "es" and stem.endswith("i"):
                stems.add(stem[:-1] + "y")  # cries
    return stems


def _is_verb_form(word: str) -> bool:
    """``word`` is a form of one of :data:`_DELIVERY_VERBS` other than its base form (which a
    UI writes as a command: ``(see below)``)."""
    return not _DELIVERY_VERBS.isdisjoint(_stems(word))


class Direction(NamedTuple):
    """A line's leading stage direction: ``opening + words + closing + spoken`` is the line."""

    opening: str  # ``[``
    words: str  # ``whispering``
    closing: str  # ``] ``, the blanks after the mark included
    spoken: str  # the rest of the line


def split_direction(line: str) -> Direction | None:
    """The stage direction that starts ``line`` (module docstring), or None: marks around one
    to three words in small letters, one of them a verb form of :data:`_DELIVERY_VERBS`, then
    blanks and a spoken text that does not start with a small letter."""
    found = _DIRECTION.match(line)
    if found is None:
        return None
    opening, words, closing = (part for part in found.groups() if part is not None)
    spoken = line[found.end() :]
    if spoken[:1].islower() or not any(_is_verb_form(word) for word in words.split()):
        return None
    return Direction(opening, words, closing, spoken)


def direction_marks(text: str) -> set[int]:
    """Where the two marks of the stage direction that starts ``text`` (after its blanks)
    are, or none: ``*laughs* And …``'s stars are no reST emphasis around ``laughs``
    (:mod:`ltmt.formats.paired_tags`)."""
    lead = len(text) - len(text.lstrip())
    direction = split_direction(text[lead:])
    if direction is None:
        return set()
    return {lead, lead + len(direction.opening) + len(direction.words)}


def as_direction(translation: str, words: str) -> str:
    """``translation`` of a direction's ``words`` as a direction's words: without the marks or
    final full stop the model put around it; its first letter small where ``words`` starts
    with a verb form and so does the translation (German scripts write ``(seufzt)``), else as
    the model writes it (``[Tür schlägt zu]``, ``[Seufzer]``); ``words`` where nothing is
    left."""
    inner = translation.strip(_AROUND)
    if not inner:
        return words
    first = inner.split()[0]
    if _is_verb_form(words.split()[0]) and first.endswith(_GERMAN_VERB_ENDINGS):
        return inner[0].lower() + inner[1:]
    return inner


def direction_problems(source: str, target: str, metadata: Mapping[str, Any]) -> list[str]:
    """A translation without the marks of its source's leading stage direction around some
    words anywhere (``[whispering] Stay close.`` → ``Bleib nah bei mir.``: the direction
    lost). One put elsewhere passes (``Du sagst das immer (seufzt).``), and so does a UI's tag
    moved to the end, which is no direction (``(optional) Enter a name`` → ``Namen eingeben
    (optional)``, German UI's order)."""
    direction = split_direction(source)
    if direction is None or not target.strip():
        return []
    opening, closing = direction.opening, _CLOSING[direction.opening]
    if re.search(rf"{re.escape(opening)}[^\n{re.escape(closing)}]+{re.escape(closing)}", target):
        return []
    written = direction.opening + direction.words + direction.closing.rstrip()
    return [
        f"the source starts with the stage direction {written}, the translation has none in "
        f"{opening}{closing}: put its translation first, in its marks"
    ]
