"""Whether a translated file that pairs with its source file by place, not by key (a plain-text
file line by line, ``--format paragraphs`` paragraph by paragraph), reads shifted against it:
a line deleted in one file and one added in the other keep the counts equal, and put each
translation after the first beside the next source (:mod:`ltmt.memory.shifted_lines`).
``ltmt memory import rev.de.txt --source-file src.txt`` and the server's ``/v1/memory/import``
stored such a file, only warning of each pair whose numbers disagreed; ``translate --learn``
refused it (trial s76, defect 4).

    refuse_shifted_file("rev.de.txt", "src.txt's", "txt", records, "import")
"""

from __future__ import annotations

from collections.abc import Sequence

from ltmt.errors import InputError
from ltmt.memory.shifted_lines import find_shift
from ltmt.segments import PairRecord
from ltmt.wording import first_few

# the formats whose pairs are placed, not keyed: what each calls a place, and how a
# translation is said to be at one
PLACES = {"txt": ("line", "on"), "paragraphs": ("paragraph", "in")}


def refuse_shifted_file(
    name: str, against: str, kind: str, records: Sequence[PairRecord], verb: str
) -> None:
    """An InputError where ``records`` (the pairs of the file ``name``, in format ``kind``,
    and of its source file, in their order) read shifted against ``against`` (the source file
    as a message names it: ``src.txt's``), naming the first places shifted; ``verb`` says what
    to do again (``import``). Nothing for a format whose pairs are not placed
    (:data:`PLACES`)."""
    if kind not in PLACES:
        return
    unit, at = PLACES[kind]
    shift = find_shift([r.source for r in records], [r.target for r in records])
    if shift is None:
        return
    places = [_place(record, unit) for record in records]
    line, offset = shift.lines[0] - 1, shift.offsets[0]
    numbers = dict.fromkeys(places[index - 1][1] for index in shift.lines)
    units = unit if len(numbers) == 1 else f"{unit}s"
    raise InputError(
        f"{name}: its {unit}s read shifted against {against}: {places[line][0]}'s "
        f"translation has the numbers of {places[line + offset][0]}'s source ({units} "
        f"{first_few(numbers)}); nothing {verb}ed: put each translation {at} the {unit} of its "
        f"source and {verb} again"
    )


def _place(record: PairRecord, unit: str) -> tuple[str, int]:
    """How a message names ``record``'s place (``line 3``, ``paragraph 2, sentence 1``) and the
    number of its ``unit``, read from its position (``rev.de.txt:3``, ``rev.de.txt: paragraph
    2, sentence 1``: as :mod:`ltmt.formats.text_pairs` and :mod:`ltmt.formats.paragraphs`
    write them)."""
    if unit == "line":
        number = record.position.rpartition(":")[2]
        return f"line {number}", int(number)
    said = record.position.rpartition(": ")[2]
    return said, int(said.removeprefix(f"{unit} ").partition(",")[0])
