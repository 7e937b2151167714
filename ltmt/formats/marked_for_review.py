"""What a run marked for review in an XLIFF file, counted as the tool that reads the mark shows it.

    marks = ReviewMarks()
    marks.set(segment, TRADOS, review=True)   # an <sdl:seg> written conf="Draft"
    marks.counts()                            # Counter({"trados": 1})

A mark is on an element, and the element is what a reviewer sees: an XLIFF 1.2 unit's
``<target state="needs-review-translation">`` (:data:`XLIFF_12`: one for all the segments of a
unit ``<seg-source>`` splits), a 2.0 ``<segment>``'s ltmt ``subState`` (:data:`XLIFF_20`), a
Trados segment's ``<sdl:seg conf="Draft">`` (:data:`TRADOS`: Trados shows its segments by their
``conf``, not by the XLIFF state) and a memoQ row's ``mq:status="Pretranslated"``
(:data:`MEMOQ`). Each element is counted once however many of its segments were filled, and not
where the run left it as it was (a rejected row given its rejected translation again).
"""

from __future__ import annotations

from collections import Counter
from typing import Any, Protocol, runtime_checkable

XLIFF_12 = "xliff"  # a 1.2 <trans-unit>'s target state needs-review-translation
XLIFF_20 = "xliff2"  # a 2.0 <segment> state="translated" with ltmt's subState
TRADOS = "trados"  # a Trados <sdl:seg> conf="Draft"
MEMOQ = "memoq"  # a memoQ <trans-unit> mq:status="Pretranslated"


class ReviewMarks:
    """The elements of one XLIFF document marked for review, each with the kind of its mark."""

    def __init__(self) -> None:
        self._marked: dict[Any, str] = {}  # lxml element -> kind

    def set(self, element: Any, kind: str, *, review: bool) -> None:
        """Record that ``element`` was just written marked for review (``review``) with a mark of
        ``kind``, or written without one (a mark recorded before is dropped)."""
        if review:
            self._marked[element] = kind
        else:
            self._marked.pop(element, None)

    def counts(self) -> Counter[str]:
        """How many elements are marked for review, by kind."""
        return Counter(self._marked.values())


@runtime_checkable
class ReviewMarked(Protocol):
    """A document that records what it marked for review (XLIFF), which a run's summary counts
    as the tool shows it."""

    review_marks: ReviewMarks
