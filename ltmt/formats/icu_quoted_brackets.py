"""ICU's quoted angle brackets (``'<'Enter'>'``): literal text the model gets as stand-ins.

FormatJS (react-intl, Tolgee) reads an apostrophe before ``<`` or ``>`` as the start of quoted
literal text, up to the next single apostrophe (``''`` inside it is one apostrophe): ``Press
'<'Enter'>' to confirm.`` shows ``Press <Enter> to confirm.`` in a message whose ``<b>`` is a
tag. The default model read the apostrophes as quotation marks and dropped the word
(``Bestätigen Sie »<«, um »<« zu bestätigen.``, trial s75): the app's tag parsing then meets a
lone ``<``. So each *run* of such quoted text, with the word glued between two of them (a key's
name, kept as it is), goes to the model as a numbered printf conversion (``Press %1$s to
confirm.``), which the placeholder repair holds the output to, and comes back as the source
writes it, byte for byte. A message with a ``%`` of its own has no stand-in free of it:
:func:`hidden_runs` gives None, and it is left to a person (:mod:`ltmt.formats.json_catalog`).

    runs = quoted_runs("Press '<'Enter'>' to confirm.")   # ("'<'Enter'>'",)
    hidden_runs("Press '<'Enter'>' to confirm.", runs)    # "Press %1$s to confirm."
    shown_runs("Drücke %1$s zum Bestätigen.", runs)        # "Drücke '<'Enter'>' zum Bestätigen."
"""

from __future__ import annotations

import re

# one quoted literal that starts at an angle bracket: its inner apostrophes doubled, so every
# alternative starts with another character and a long run cannot backtrack
_QUOTED = r"'[<>](?:[^']|'')*'"
# quoted literals with the word glued between them (``'<'Enter'>'``): one run, kept whole
QUOTED_RUN = re.compile(rf"{_QUOTED}(?:\w*{_QUOTED})*")
_STAND_IN = re.compile(r"%([1-9]\d*)\$s")


def quoted_runs(message: str) -> tuple[str, ...]:
    """The runs of quoted angle brackets in ``message``, in order (module docstring)."""
    return tuple(run.group() for run in QUOTED_RUN.finditer(message))


def hidden_runs(text: str, runs: tuple[str, ...]) -> str | None:
    """``text`` (a source message or its translation) with each of ``runs`` it writes as its
    stand-in (the first run ``%1$s``, the second ``%2$s``; a run it writes that ``runs`` lacks
    stays as it is); None where ``text`` has a ``%`` of its own, which a stand-in could be
    taken for."""
    if "%" in text:
        return None
    unused: dict[str, list[int]] = {}  # the numbers of each run not yet written, last first
    for number in range(len(runs), 0, -1):
        unused.setdefault(runs[number - 1], []).append(number)

    def stand_in(run: re.Match[str]) -> str:
        numbers = unused.get(run.group())
        return f"%{numbers.pop()}$s" if numbers else run.group()

    return QUOTED_RUN.sub(stand_in, text)


def shown_runs(text: str, runs: tuple[str, ...]) -> str:
    """A translation of :func:`hidden_runs`' text with each stand-in written as its run."""

    def run(stand_in: re.Match[str]) -> str:
        number = int(stand_in.group(1))
        return runs[number - 1] if number <= len(runs) else stand_in.group()

    return _STAND_IN.sub(run, text)
