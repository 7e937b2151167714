"""The markup around a whole run of an HTML page (the link of ``<p><a class="btn"
href="https://example.com/webinar">Save my seat</a></p>``, which the model does not see:
:mod:`ltmt.formats.html_segments`) on a run into the page's translation so far.

The page is written from its source, so such markup was written as the source's whatever the
output held there: a reviewer's link to the German landing page (``/de/webinar``) went back
to the English one on every update, and the run said the paragraph was kept as it is (trial
s74 hubspot). It is a value ltmt copies from the source (:mod:`ltmt.formats.copied_values`):
the record of what ltmt wrote keeps the digest of the source's markup around each run
(:data:`AROUND`), so that the output's markup that is ltmt's copy of the source's then follows
the source, and another, set there by someone, is kept as written, and named in a warning
where the source's changed since too (which of the two is right cannot be told); without a
record, the output's is kept, as its translations are. The attribute values people read in it
(a link's ``title``) are units of their own, written as their translations are; markup with a
language mark (set to the target's) or of another shape than the source's (another number of
such values) is the source's, as before.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ltmt.formats.copied_values import sort_values
from ltmt.formats.html_segments import Run, Segments
from ltmt.wording import counted, first_few, shortened

if TYPE_CHECKING:
    from ltmt.formats.output_sources import Record

logger = logging.getLogger(__name__)

# what starts the name under which a record keeps the digest of the source's markup around a
# run (``around:text4``: :data:`~ltmt.formats.output_sources.VALUE`)
AROUND = "around:"
_HOLE = "\0"  # what marks a hole in :attr:`Markup.text` (no text of a page holds it)
_SHOWN = 100  # the characters of a markup a warning shows


@dataclass(frozen=True)
class Markup:
    """The markup around a run as a text has it (:attr:`~ltmt.formats.html_segments.Run.outer`):
    ``parts``, the text between its ``holes``, each the name of an attribute value people read
    (a unit of its own), or "" where the run's text stands."""

    parts: tuple[str, ...]
    holes: tuple[str, ...]

    @property
    def text(self) -> str:
        """What two markups compare by and the record digests: the parts, each hole named."""
        pieces = [self.parts[0]]
        for hole, part in zip(self.holes, self.parts[1:], strict=True):
            pieces += [f"{_HOLE}{hole}{_HOLE}", part]
        return "".join(pieces)

    @property
    def opening(self) -> str:
        """The markup before the run's text as a warning shows it (its values as ``…``)."""
        before = self.parts[: self.holes.index("") + 1]
        return shortened('"…"'.join(before), _SHOWN)

    def filled(self, values: Sequence[str], run: str) -> str:
        """The markup written with ``values`` (as written, quoted) in its attribute value
        holes, in order, and ``run`` in the run's."""
        given = iter(values)
        pieces = [self.parts[0]]
        for hole, part in zip(self.holes, self.parts[1:], strict=True):
            pieces += [next(given) if hole else run, part]
        return "".join(pieces)


def markup_around(text: str, run: Run, found: Segments) -> Markup | None:
    """The markup around ``run`` of ``text`` (whose runs and values are ``found``), or None
    where it has none or a language mark (written as the target's)."""
    if run.outer is None:
        return None
    start, end = run.outer
    if any(start <= at < end for at, _ in found.languages):
        return None
    holes = sorted(
        [
            (value.start, value.end, value.name)
            for value in found.attributes
            if start <= value.start < end and not run.start <= value.start < run.end
        ]
        + [(run.start, run.end, "")]
    )
    parts, names, last = [], [], start
    for at, after, name in holes:
        parts.append(text[last:at])
        names.append(name)
        last = after
    parts.append(text[last:end])
    return Markup(tuple(parts), tuple(names))


def kept_markups(
    target: Path,
    lined_up: Iterable[tuple[str, str, Markup, Markup]],
    record: Record | None,
) -> dict[str, Markup]:
    """Of ``lined_up`` (each run's key, the name the ``record`` of ``target``, the output so
    far, keeps its markup under, the source's markup and the output's), the output's markups
    written in place of the source's, by run key (module docstring); warns of those kept that
    the source has otherwise now, where someone set them since the source's changed, or the
    record cannot tell."""
    differing = {
        name: (key, mine, theirs)
        for key, name, mine, theirs in lined_up
        if theirs.holes == mine.holes and theirs.text != mine.text
    }
    kept = {name: theirs.text for name, (_, _, theirs) in differing.items()}
    sources = {name: mine.text for name, (_, mine, _) in differing.items()}
    found = sort_values(kept, sources, record)

    def named(names: list[str]) -> str:
        return first_few(
            f"{differing[name][0]}: {differing[name][2].opening!r}, the source's "
            f"{differing[name][1].opening!r}"
            for name in names
        )

    if found.changed:
        logger.warning(
            "%s: the markup around %s (a link's address, a class) kept as the output has it, "
            "set there by someone, though the source's changed since ltmt last wrote it (%s); "
            "write the source's there to take it",
            target,
            counted(len(found.changed), "text"),
            named(found.changed),
        )
    if found.unknown:
        logger.warning(
            "%s: the markup around %s (a link's address, a class) kept as the output has it, "
            "not as the source has it now (%s): ltmt's record of the output is older than its "
            "recording of such markup, so who set it cannot be told; write the source's there "
            "to take it",
            target,
            counted(len(found.unknown), "text"),
            named(found.unknown),
        )
    again = set(found.again)
    return {key: theirs for name, (key, _, theirs) in differing.items() if name not in again}
