"""A term learnt from a memory (:func:`~ltmt.terminology.suggest.suggest_terms`), with its
evidence."""

from __future__ import annotations

from dataclasses import dataclass

from ltmt.terminology.terms import Term


@dataclass(frozen=True)
class Suggestion:
    """A term the memory translates consistently: ``agreeing`` of the ``segments`` segments
    with ``source`` render ``target``.

    ``noun_like``: every word of the target is one the memory's targets write with a capital
    inside a sentence, as German writes its nouns (and names) wherever they stand, or, seen
    only where sentences start, one ltmt's German noun table knows
    (:func:`~ltmt.terminology.suggest.written_as_nouns`), and the memory's English does not
    use the source mostly as a verb (:func:`~ltmt.terminology.source_verbs.used_mostly_as_verb`:
    ``Craft a Ruby Sword`` → ``Stelle ein Rubinschwert her`` has a ``Stelle`` that is no
    noun). Such terms are the likeliest to be safe to follow: a noun inflects by adding letters
    (``Datei`` → ``Dateien``), which the stem rule of
    :func:`~ltmt.terminology.matching.renders` accepts, while a verb or adjective inflects
    inside the word (``verwenden`` → ``verwendet``) or depends on the sentence, so forcing the
    form the memory shows most often hurts.
    """

    source: str
    target: str
    segments: int
    agreeing: int
    dice: float
    noun_like: bool = False

    @property
    def consistency(self) -> float:
        return self.agreeing / self.segments if self.segments else 0.0

    def term(self) -> Term:
        note = f"suggested: {self.agreeing}/{self.segments} segments"
        return Term(self.source, self.target, note)

    def to_dict(self) -> dict[str, object]:
        return {
            "source": self.source,
            "target": self.target,
            "segments": self.segments,
            "agreeing": self.agreeing,
            "consistency": round(self.consistency, 4),
            "dice": round(self.dice, 4),
        }
