"""The value types that flow through ltmt: stored segments, retrieval matches, translations,
and the requests of :meth:`ltmt.Translator.translate_for_users`."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Segment:
    """One stored source/target pair of a user's memory.

    ``id`` is unique within the user's memory; ``created`` is a Unix timestamp in seconds;
    ``origin`` says where the pair came from (an import file name, ``learn``, ``api``).
    """

    id: int
    user: str
    source: str
    target: str
    created: float
    origin: str
    # not hashed (a dict is not hashable); equal segments still have equal hashes
    metadata: Mapping[str, Any] = field(default_factory=dict, hash=False)


@dataclass(frozen=True)
class Match:
    """A retrieved segment with its fuzzy score (0-100; 100 = same normalised source);
    ``source`` and ``target`` are its segment's (the server's JSON writes a match flat)."""

    segment: Segment
    score: float

    @property
    def source(self) -> str:
        """The matched segment's source."""
        return self.segment.source

    @property
    def target(self) -> str:
        """The matched segment's target."""
        return self.segment.target

    def to_dict(self) -> dict[str, Any]:
        """The match as the server's JSON writes it: its segment's ``id``, ``source`` and
        ``target``, and ``score`` rounded to 2 decimals."""
        segment = self.segment
        return {
            "id": segment.id,
            "source": segment.source,
            "target": segment.target,
            "score": round(self.score, 2),
        }


@dataclass(frozen=True)
class Translation:
    """The translation of one input segment.

    ``matches``: the input's memory matches, best first: the translator's ``top_k``, or as many
    as its fusion reads where that is more (``knn-trained``: its combiner's ``max_matches``).
    ``method`` names what produced ``text``: ``exact`` (a 100 % memory match reused without the
    model), ``model`` (plain decoding), or the fusion method (``knn``, ``knn-trained``,
    ``attention``), ``tm`` (``ltmt bench``'s best fuzzy match's target as it is), or ``empty``
    for an empty input. ``pieces``: how many pieces the model translated separately (more than
    the lines when a long line was split into sentences); ``cut``: the translation met the
    model's length limit: a piece still had to be cut between words to fit it, or is
    ``unfinished``; ``unfinished``: the model's output of a piece ran to the decoder's length
    limit without ending, cut short and most often repeating itself (:mod:`ltmt.output_limit`:
    check or retranslate it); ``copy_guarded``: the copy guard decoded a piece
    again with memory trusted less, its first output having copied a match of other words,
    and replaced that output (:mod:`ltmt.copy_guard`); ``copies_other_words``: ``text`` is
    still, word for word, the translation of a memory match whose source says other words
    (the copy guard's second decode copied it too, or lost its shape): words the source adds
    to the match's may be missing, check it; ``numbers_repaired``: a number the model wrote
    with a repeated digit once, or a message code it dropped, or an angle it wrote as a
    temperature (``90°C``, ``90°°`` for ``90°``), was written as the source has it, or a line
    that lost a number was decoded again with its numbers as tags
    (:mod:`ltmt.numbers_kept`), and the result has every number right;
    ``numbers_not_repairable``: the repair changed a number, but the result still lacks one of
    the source's or has one the source does not
    (``1.299,99,99`` for ``1,299.99``), or the output has a number the source has in no form
    (``2.4.4.1`` for ``2.4.1``), or a fused output lacks one of the source's that
    neither the repair nor the model without memory kept (``SKU-001515`` for ``SKU-000015``),
    or the output lacks a letter of a reference's (``Art. 6(1)`` for ``Art. 6(1)(b)``:
    :mod:`ltmt.reference_subdivisions`);
    ``seams_repaired``: words the translation ended one line with
    and started the next with were written once (:mod:`ltmt.line_seams`); ``doubled_repaired``:
    a word the translation said twice in a row, where its source does not, was written once
    (:func:`ltmt.line_seams.drop_doubled_words`); ``accelerators``:
    lines whose keyboard accelerator (``&Open``) was taken out before the model translated them
    and placed in the translation (:mod:`ltmt.accelerators`); ``fitted``: fitting the output to
    its source changed it (a placeholder the model garbled, dropped or invented put back or taken
    out, edge whitespace or line breaks as the source has them:
    :func:`ltmt.formats.placeholders.fit_translation`); ``target_language``: the language ``text``
    is in (a BCP 47 tag, the translator's, as the model's card names it: of the model's output,
    a memory match the memory was checked to hold in it, an empty input alike; ``""`` for a
    translation made without a translator), in whose form fitting writes the source's date
    formats (:mod:`ltmt.date_formats`; not into a memory match's approved target).
    ``sentences_lost``: the source line says several sentences and ``text`` fewer (or, fused, kept
    some of its words and none of its own), even after it was translated again a sentence at a time
    and without memory (:mod:`ltmt.sentence_memory`):
    check it. ``negation_lost``: ``text`` says fewer negations than the source (``not``,
    ``never``, ``no``, ``unless``: none of one, one of two) or more (``nicht ... nicht`` for one
    ``not``), as ``ltmt qa``'s negation check reads them, even after the line was decoded
    again steered to one (:mod:`ltmt.negation_guard`): it may say the opposite, check it.
    ``match_set_aside``: a memory match was read for a piece, and its fused output set aside for
    the model's own without memory, as it changed or lost a placeholder or a number of the
    source (:mod:`ltmt.placeholder_guard`), said another frequency than the source
    (:mod:`ltmt.frequency_repair`), lacked its negation (:mod:`ltmt.negation_guard`),
    stopped where the match it followed goes on (:mod:`ltmt.tail_guard`), said a near match's
    negation or comparison the source lacks (:mod:`ltmt.polarity_guard`) or a weak match's
    words (:mod:`ltmt.weak_match_guard`):
    a run's summary says so beside ``without a usable match``.
    ``match_polarity``: a fused translation still says a memory match's negation or comparison
    word where the source differs from the match's source in it (``nicht`` where it says no
    ``not``, ``über`` where it says ``below``), even after the line was decoded without memory
    (:mod:`ltmt.polarity_guard`): it may say the opposite, check it.
    ``by_sentence``: the line was translated as this
    many sentences, each with its own memory matches (:mod:`ltmt.sentence_memory`; 0: whole),
    which ``pieces`` counts too. ``sentence_split``: a line the model could take whole was given
    to it a sentence at a time (``Translator(sentence_split=True)``), no line split for its
    length.
    """

    source: str
    text: str
    matches: tuple[Match, ...] = ()
    method: str = "model"
    pieces: int = 1
    cut: bool = False
    copy_guarded: bool = False
    copies_other_words: bool = False
    numbers_repaired: bool = False
    numbers_not_repairable: bool = False
    seams_repaired: bool = False
    doubled_repaired: bool = False
    accelerators: int = 0
    fitted: bool = False
    target_language: str = ""
    unfinished: bool = False
    sentences_lost: bool = False
    negation_lost: bool = False
    match_set_aside: bool = False
    match_polarity: bool = False
    by_sentence: int = 0
    sentence_split: bool = False

    def __str__(self) -> str:
        """The translation's text (``print(translation)``; ``repr`` shows every field)."""
        return self.text

    @property
    def unknown_words(self) -> tuple[str, ...]:
        """The words of ``text`` that the target language's spelling dictionary does not know,
        nor the source nor the memory matches have (:func:`ltmt.spelling.unknown_in`; none for
        a reused match or where no dictionary is installed), as the server's answer lists them."""
        from ltmt.spelling import unknown_in

        return tuple(unknown_in(self)[1])

    @property
    def english_words(self) -> tuple[str, ...]:
        """The common English words of ``source`` that a German ``text`` left in English
        (``Line two`` → ``Line zwei``: ``Line``), each once: what ``ltmt qa``'s english check
        names (:func:`ltmt.qa.english_checks.copied_english`: a word English writes often and
        German seldom, at a sentence's start in the source); none for a reused translation
        (``exact``: the user's own), a ``text`` left as its source (``copied`` says so) or a
        target language other than German. Unlike qa's check it knows no glossary: a term the
        glossary keeps in English may be named."""
        from ltmt.formats.common import primary_language

        if self.method == "exact" or primary_language(self.target_language) != "de":
            return ()
        from ltmt.qa.english_checks import copied_english

        return tuple(copied_english(self.source, self.text))

    @property
    def copied(self) -> bool:
        """Whether the model left ``text`` as ``source``, words to translate and all (the run
        summary's ``left as in the source by the model``:
        :func:`ltmt.formats.unit_translation.left_as_source`; the summary also leaves out a
        glossary term kept as written)."""
        from ltmt.formats.unit_translation import left_as_source

        return left_as_source(self)

    @property
    def exact_numbers(self) -> bool:
        """Whether ``text`` reuses a 100 % memory match whose numbers disagree with
        ``source``'s (``Heute 25 % Rabatt`` for ``Save 20% today``), as ``ltmt translate``
        counts it (``100 % memory match with other numbers``; trial s77: the server's
        ``/v1/translate`` did not say it)."""
        if self.method != "exact":
            return False
        from ltmt.memory.import_checks import numbers_disagree  # qa's checks: not at import
        from ltmt.routing import reused_segment

        reused = reused_segment(self.source, self.matches)
        return numbers_disagree(self.source, self.text, reused.metadata if reused else {})

    def to_dict(self) -> dict[str, Any]:
        """Every field, the matches as :meth:`Match.to_dict` writes them, and the properties
        ``copied``, ``exact_numbers``, ``unknown_words`` and ``english_words`` (lists), which
        :func:`dataclasses.asdict` leaves out (``copies_other_words`` among the fields: a copy of
        a match of other words, to check):
        what the server's ``/v1/translate`` answers with for a segment (its JSON leaves out
        ``target_language`` and ``by_sentence``), ready for :func:`json.dumps`."""
        fields = {name: getattr(self, name) for name in self.__dataclass_fields__}
        return {
            **fields,
            "matches": [match.to_dict() for match in self.matches],
            "copied": self.copied,
            "exact_numbers": self.exact_numbers,
            "unknown_words": list(self.unknown_words),
            "english_words": list(self.english_words),
        }

    @property
    def used_memory(self) -> bool:
        """Whether ``text`` came from the user's memory: a match reused, or fused."""
        return self.method not in MEMORY_FREE


# the methods of a :class:`Translation` that read no memory: the model alone, an empty input
MEMORY_FREE = frozenset({"model", "empty"})


@dataclass(frozen=True)
class PairRecord:
    """A source/target pair read from a file, with where it was found (for error messages).

    ``unpaired``: why the file gives ``source`` no target (a subtitle cue the other file has
    no cue lined up with), the reason an import counts it skipped under; empty for a pair.
    ``stored``: the segment an export's record is of (its id, origin and creation time, which
    a JSON Lines export writes: :func:`ltmt.formats.pairs.write_jsonl`); None for a pair read
    from a file. ``origin``: the file of a folder the pair was read from (``proj/de/app.po``),
    which an import stores it under, so that deleting that origin undoes that file alone;
    empty: the import's own origin. ``line``: the line of the file the pair is on, where its
    position does not end in it (a PO entry's ``msgid`` line, as msgfmt names it), which
    ``ltmt qa --json`` says; None where not known (it is not stored). ``record_key``: the
    key under which the record of what ltmt wrote into the file keeps the pair
    (:mod:`ltmt.formats.output_sources`), where that is not its name (``metadata["context"]``):
    a CSV table's row by its key cell (:func:`ltmt.formats.csv_table.record_keys`), a keyed
    catalog's plural form or array item by its own key (``days_left#one``, ``prio[1]``); None where
    it is its name, or where the file's format says none (it is not stored). ``key``: the
    pair's key in its file where its context is not that key (a Transifex STRUCTURED_JSON
    string's JSON Pointer, ``/status/open/string``, whose context is its translator's, ``task
    status``), which warnings name it by and the record of the output keeps it under; None
    where its context is its key or it has none (it is not stored)."""

    source: str
    target: str
    position: str = ""
    metadata: Mapping[str, Any] = field(default_factory=dict, hash=False)
    unpaired: str = ""
    stored: Segment | None = None
    origin: str = ""
    line: int | None = field(default=None, compare=False)
    record_key: str | None = field(default=None, compare=False)
    key: str | None = field(default=None, compare=False)

    @classmethod
    def of_segment(cls, segment: Segment) -> PairRecord:
        """A stored segment as a record to export (its id as the position)."""
        return cls(
            segment.source,
            segment.target,
            f"segment {segment.id}",
            segment.metadata,
            stored=segment,
        )


# (user, texts) or (user, texts, prefer): one request of Translator.translate_for_users
UserRequest = (
    tuple[str | None, Sequence[str]]
    | tuple[str | None, Sequence[str], Sequence[Mapping[str, Any]] | None]
)
