"""A sentence's translation laid out over the subtitle cues its source filled: split where the
source's cues split (by their share of its characters, at a word, a punctuation mark preferred),
each cue's text in at most two balanced lines, and italics or bold that a split cuts in two
closed in one cue and opened again in the next.

    parts = split_over(translation, [len(cue) for cue in source_cues])
    lines = wrap(parts[0])
"""

from __future__ import annotations

import itertools
import re

LINE_LENGTH = 42  # characters a subtitle line holds (the usual broadcast and streaming limit)
_BREAK = re.compile(r" +")
_PUNCTUATION = tuple(",.;:!?…")
_TAG = re.compile(r"<(/?)(i|b|u|font)(?:\s[^<>]*)?>", re.IGNORECASE)


def split_over(text: str, shares: list[int]) -> list[str]:
    """``text`` in ``len(shares)`` parts whose lengths follow ``shares`` (the source cues'
    lengths), cut between words; a cut after a punctuation mark is preferred within a few
    characters. A part may be empty only where ``text`` has fewer words than ``shares``."""
    if len(shares) <= 1:
        return [text.strip()]
    text = text.strip()
    spaces = [m.start() for m in _BREAK.finditer(text)]
    total = max(sum(shares), 1)
    cuts: list[int] = []
    done = 0
    for share in shares[:-1]:
        done += share
        ideal = len(text) * done / total
        after = cuts[-1] if cuts else -1
        candidates = [s for s in spaces if s > after]
        if not candidates:
            break
        slack = max(4.0, len(text) / len(shares) / 6)

        def cost(space: int, ideal: float = ideal, slack: float = slack) -> float:
            bonus = slack if text[space - 1 : space] in _PUNCTUATION else 0.0
            return abs(space - ideal) - bonus

        cuts.append(min(candidates, key=cost))
    bounds = [0, *cuts, len(text)]
    parts = [text[a:b].strip() for a, b in itertools.pairwise(bounds)]
    parts += [""] * (len(shares) - len(parts))
    return balance_tags(parts)


def balance_tags(parts: list[str]) -> list[str]:
    """Close in each part the formatting tags still open at its end, and open them again at
    the start of the next (``<i>a b</i>`` cut after ``a``: ``<i>a</i>``, ``<i>b</i>``)."""
    balanced: list[str] = []
    carried: list[tuple[str, str]] = []  # (name, opening tag) still open, in order
    for part in parts:
        opened = list(carried)
        for found in _TAG.finditer(part):
            name = found.group(2).lower()
            if not found.group(1):
                opened.append((name, found.group(0)))
                continue
            for index in range(len(opened) - 1, -1, -1):
                if opened[index][0] == name:
                    del opened[index]
                    break
        closing = "".join(f"</{name}>" for name, _ in reversed(opened)) if part else ""
        balanced.append("".join(tag for _, tag in carried) + part + closing)
        carried = opened
    return balanced


def wrap(text: str, limit: int = LINE_LENGTH) -> list[str]:
    """``text`` as one line, or two of near equal length where it is longer than ``limit``
    (broken at the space nearest the middle, after a punctuation mark where one is close)."""
    text = text.strip()
    if len(_TAG.sub("", text)) <= limit:
        return [text]
    spaces = [m.start() for m in _BREAK.finditer(text)]
    if not spaces:
        return [text]
    middle = len(text) / 2

    def cost(space: int) -> float:
        bonus = 4.0 if text[space - 1 : space] in _PUNCTUATION else 0.0
        return abs(space - middle) - bonus

    cut = min(spaces, key=cost)
    return [text[:cut].strip(), text[cut:].strip()]
