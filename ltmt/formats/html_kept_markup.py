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
such values) is the source's, as before. Markdown's HTML blocks keep it alike
(:mod:`ltmt.formats.html_blocks_kept`).
"""

from __future__ import annotations

import logging
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
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


@dataclass
class KeptMarkups:
    """The output's markups to write in place of the source's (:func:`kept_markups`), by the
    key of the run they stand around, each with the source's; ``changed``: the keys of those
    whose source's markup changed since ltmt last wrote the output, ``unknown``: those a record
    of before such markup cannot tell of; ``warned``: the keys warned of
    (:meth:`warn`)."""

    kept: dict[str, tuple[Markup, Markup]] = field(default_factory=dict)
    changed: set[str] = field(default_factory=set)
    unknown: set[str] = field(default_factory=set)
    warned: set[str] = field(default_factory=set)

    def written(self, keys: Collection[str]) -> dict[str, Markup]:
        """The output's markups around the runs ``keys`` (those written as the output has
        them: their kept translations), by run key."""
        return {key: theirs for key, (_, theirs) in self.kept.items() if key in keys}

    def warn(self, target: Path, keys: Collection[str]) -> None:
        """Warn of the markups kept around the runs ``keys`` (:meth:`written`) that the source
        has otherwise now, where someone set them since the source's changed, or the record
        cannot tell; and of those around the other runs (translated again: their source
        changed, or ``--overwrite``), written as the source's again. Each once."""
        kept = [key for key in self.kept if key in keys and key not in self.warned]
        reverted = [key for key in self.kept if key not in keys and key not in self.warned]
        changed = [key for key in kept if key in self.changed]
        unknown = [key for key in kept if key in self.unknown]
        self.warned.update(changed, unknown, reverted)
        said = (
            (
                changed,
                "%s: the markup around %s (a link's address, a class) kept as the output has "
                "it, set there by someone, though the source's changed since ltmt last wrote "
                "it (%s); write the source's there to take it",
            ),
            (
                unknown,
                "%s: the markup around %s (a link's address, a class) kept as the output has "
                "it, not as the source has it now (%s): ltmt's record of the output is older "
                "than its recording of such markup, so who set it cannot be told; write the "
                "source's there to take it",
            ),
            (
                reverted,
                "%s: the markup around %s translated again (a link's address, a class) was "
                "set there by someone and is written as the source's again (%s); copy it into "
                "the source page, or set it there again",
            ),
        )
        for keys_said, message in said:
            if keys_said:
                logger.warning(
                    message, target, counted(len(keys_said), "text"), self._named(keys_said)
                )

    def _named(self, keys: list[str]) -> str:
        """The first few of ``keys``, each with the output's markup and the source's."""
        return first_few(
            f"{key}: {self.kept[key][1].opening!r}, the source's {self.kept[key][0].opening!r}"
            for key in keys
        )


def kept_markups(
    lined_up: Iterable[tuple[str, str, Markup, Markup]], record: Record | None
) -> KeptMarkups:
    """Of ``lined_up`` (each run's key, the name the ``record`` of the output so far keeps its
    markup under, the source's markup and the output's), those of the output that someone set
    there, to write in place of the source's: not ltmt's copy of the source's then, which
    follows the source (module docstring)."""
    differing = {
        name: (key, mine, theirs)
        for key, name, mine, theirs in lined_up
        if theirs.holes == mine.holes and theirs.text != mine.text
    }
    kept = {name: theirs.text for name, (_, _, theirs) in differing.items()}
    sources = {name: mine.text for name, (_, mine, _) in differing.items()}
    found = sort_values(kept, sources, record)
    again = set(found.again)
    return KeptMarkups(
        {
            key: (mine, theirs)
            for name, (key, mine, theirs) in differing.items()
            if name not in again
        },
        {differing[name][0] for name in found.changed},
        {differing[name][0] for name in found.unknown},
    )
