"""The JSON shapes of the server's API (pydantic models; they also make the OpenAPI docs)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, StrictBool
from pydantic_core import PydanticCustomError

from ltmt.errors import InputError
from ltmt.memory.keys import ApiKey
from ltmt.memory.report import ImportReport
from ltmt.segments import Match, Translation
from ltmt.server.errors import ApiError
from ltmt.server.upload_origins import label_problem
from ltmt.terminology.files import refuse_two_targets
from ltmt.terminology.terms import MAX_TERM_CHARS, Term


class RequestBody(BaseModel):
    """A request's JSON shape: a field it does not have is refused (422, naming it), so a
    mistyped ``"fusoin"`` is not ignored without a word."""

    model_config = ConfigDict(extra="forbid")


class Pair(RequestBody):
    source: str
    target: str
    metadata: dict[str, Any] = Field(default_factory=dict)


class TermIn(RequestBody):
    """A glossary term: ``source`` is translated by ``target``."""

    source: str = Field(min_length=1, max_length=MAX_TERM_CHARS)
    target: str = Field(min_length=1, max_length=MAX_TERM_CHARS)
    note: str = ""
    case_sensitive: bool = False

    def term(self) -> Term:
        return Term(self.source, self.target, self.note, self.case_sensitive)

    @classmethod
    def of(cls, term: Term) -> TermIn:
        return cls(
            source=term.source,
            target=term.target,
            note=term.note,
            case_sensitive=term.case_sensitive,
        )


def request_terms(terms: Sequence[TermIn], field: str) -> list[Term]:
    """The terms of a request body's ``field``; a 422 where two give one source different
    targets, as a glossary file's import refuses them (the last one won)."""
    located = [(each.term(), f"entry {index}") for index, each in enumerate(terms)]
    try:
        refuse_two_targets(located, f"body.{field}")
    except InputError as exc:
        raise ApiError(422, str(exc)) from exc
    return [term for term, _ in located]


def _no_text_for_a_number(value: object) -> object:
    """``value`` where it is no string nor boolean: a JSON number is read as a whole number
    (``4`` and a Python client's ``4.0``; ``4.5`` is refused), but ``"4"`` and ``true`` are
    refused as any other value of the wrong type is."""
    if isinstance(value, str | bool):
        raise PydanticCustomError("int_type", "Input should be a valid integer")
    return value


# a whole JSON number: 4 or 4.0, not "4", 4.5 or true
JsonInteger = Annotated[int, BeforeValidator(_no_text_for_a_number)]


class TranslateRequest(RequestBody):
    segments: list[str] = Field(min_length=1, description="Segments to translate, in order.")
    fusion: str | None = Field(None, description="none, knn, attention or auto (default: server's)")
    beam: JsonInteger | None = Field(
        None, ge=1, description="Beam size, a whole number (default: the server's)."
    )
    learn: list[Pair] = Field(
        default_factory=list,
        description="Approved pairs added to the memory after translating (at most 10,000 a "
        "request: more is a 422 that adds nothing).",
    )
    glossary: list[TermIn] = Field(
        default_factory=list,
        description="Terms for this request only, on top of the user's stored glossary.",
    )


class MatchOut(BaseModel):
    id: int
    source: str
    target: str
    score: float

    @classmethod
    def of(cls, match: Match) -> MatchOut:
        return cls(**match.to_dict())


class TranslationOut(BaseModel):
    source: str
    text: str
    method: str = Field(description="exact, model, knn, attention or empty")
    matches: list[MatchOut]
    copy_guarded: bool = Field(
        False,
        description="the first fused output copied a match of other words and was decoded "
        "again with memory trusted less, which replaced it",
    )
    match_set_aside: bool = Field(
        False,
        description="a memory match was read, and its fused output set aside for the model's "
        "own without memory, as it changed or lost a placeholder, number or frequency of the "
        "source, lacked its negation, stopped where the match goes on or said a near match's "
        "negation or comparison the source lacks or a weak match's words",
    )
    copies_other_words: bool = Field(
        False,
        description="the translation is still a memory match's translation word for word while "
        "the match's source says other words: words the source adds may be missing: check it",
    )
    numbers_repaired: bool = Field(
        False,
        description="a number the model wrote with a repeated digit once, or a message code it "
        "dropped, or an angle it wrote as a temperature (90°C for 90°), was written as the "
        "source has it",
    )
    seams_repaired: bool = Field(
        False,
        description="words the translation ended one line with and started the next with, "
        "where the source does not repeat them, were written once",
    )
    doubled_repaired: bool = Field(
        False,
        description="a word the translation said twice in a row, where the source does not, "
        "was written once",
    )
    accelerators: int = Field(
        0,
        description="lines whose keyboard accelerator (&Open, _Quit) was taken out before the "
        "model translated them and placed in the translation",
    )
    fitted: bool = Field(
        False,
        description="fitting the model's output to its source changed it: a placeholder put "
        "back or taken out, edge whitespace or line breaks as the source has them",
    )
    pieces: int = Field(
        1,
        description="pieces the model translated apart (more than the lines where a line was "
        "translated sentence by sentence or split for length)",
    )
    sentence_split: bool = Field(
        False,
        description="a line the model could take whole was given to it a sentence at a time "
        "(no line split for its length)",
    )
    cut: bool = Field(
        False,
        description="the translation met the model's length limit: a piece was cut between "
        "words to fit, or is unfinished",
    )
    unfinished: bool = Field(
        False,
        description="the model's output of a piece ran to the decoder's length limit without "
        "ending (cut short, most often repeating itself): check or retranslate it",
    )
    sentences_lost: bool = Field(
        False,
        description="the source says several sentences and the translation fewer, even after "
        "it was translated again a sentence at a time: check it",
    )
    negation_lost: bool = Field(
        False,
        description="the translation says fewer negations than the source (not, never, no, "
        "unless), too few even decoded again steered to one, or more (nicht ... nicht for one "
        "not), as ltmt qa's negation check reads them: it may say the opposite, check it",
    )
    match_polarity: bool = Field(
        False,
        description="the translation says a memory match's negation or comparison word where "
        "the source differs from the match's source in it (nicht where it says no not, über "
        "where it says below), even decoded again without memory: it may say the opposite, "
        "check it",
    )
    numbers_not_repairable: bool = Field(
        False,
        description="the translation lacks a number of the source's or has one the source "
        "does not, or more often than the source, and no repair could make it right",
    )
    exact_numbers: bool = Field(
        False,
        description="a 100 % memory match reused whose numbers disagree with the source's "
        "(Heute 25 % Rabatt for Save 20% today: the stored translation is wrong, or the memory "
        "pairs two texts): ltmt translate's '100 % memory match with other numbers'",
    )
    copied: bool = Field(
        False,
        description="the model left the segment as in the source, words to translate and all "
        "(ltmt translate's 'left as in the source by the model')",
    )
    unknown_words: list[str] = Field(
        default_factory=list,
        description="words of the translation the target language's spelling dictionary does "
        "not know, nor the source nor the memory matches have (a reviewer looks here first; "
        "empty where the server has no dictionary)",
    )
    english_words: list[str] = Field(
        default_factory=list,
        description="common English words of the source left in English in a German "
        "translation (ltmt qa's english check; empty for a reused translation or another "
        "target language)",
    )

    @classmethod
    def of(cls, translation: Translation) -> TranslationOut:
        # the fields it lacks (target_language, by_sentence) are ignored: pydantic's default
        return cls(**translation.to_dict())


class ImportReportOut(BaseModel):
    user: str
    read: int
    added: int
    duplicates: int
    refreshed: int = Field(
        0,
        description="of the duplicates, those made the newest translation of their source (the "
        "one translations reuse), as another translation of it was stored since",
    )
    older: int = Field(
        0,
        description="pairs added dated before the stored translation of their source (a TMX "
        "unit's changedate), kept as alternatives: the stored one stays the one translations "
        "reuse; one stored already as an alternative is not counted again",
    )
    skipped: dict[str, int]
    examples: list[str]
    not_read: dict[str, int] = Field(
        default_factory=dict,
        description="the upload's entries that were not read as pairs, counted by reason "
        '(PO: "fuzzy", "untranslated"; XLIFF: "awaiting review", "needing translation", '
        '"untranslated", "marked translate=\\"no\\""; TMX: "untranslated", "empty target" '
        "...); not counted in read",
    )
    warnings: list[str] = Field(
        default_factory=list,
        description="what reading the upload warned of, one line each",
    )
    origin: str = Field(
        description="the origin the pairs were stored under: an upload's own "
        "(upload-20261208T011823Z-3f9a1c/export.tmx), which DELETE /v1/memory?origin= with it "
        "undoes alone; api for a batch of pairs, or api/LABEL for one its body's origin "
        "labelled; learn for learn pairs",
    )

    @classmethod
    def of(cls, report: ImportReport, origin: str, warnings: Sequence[str] = ()) -> ImportReportOut:
        return cls(**report.to_dict(), warnings=list(warnings), origin=origin)


class TranslateResponse(BaseModel):
    translations: list[TranslationOut]
    learned: ImportReportOut | None = None


class PairsRequest(RequestBody):
    pairs: list[Pair] = Field(
        min_length=1,
        description="At most 10,000 pairs a request (more is a 422 that adds nothing: send "
        "them in parts, or import a file with /v1/memory/import).",
    )


def _origin_label(label: str) -> str:
    """``label`` where it is an origin label (:func:`~ltmt.server.upload_origins.label_problem`
    says why not: a 422)."""
    problem = label_problem(label)
    if problem is not None:
        raise PydanticCustomError("origin_label", "{problem}", {"problem": problem})
    return label


class AddPairsRequest(PairsRequest):
    origin: Annotated[str, AfterValidator(_origin_label)] | None = Field(
        None,
        description="A label for this batch (review-42: 1 to 64 ASCII letters, digits, '.', '_' "
        "or '-', the first a letter or digit): its pairs are stored as origin api/review-42, "
        "which DELETE /v1/memory?origin=review-42 undoes. Without it: api, every batch's.",
    )


class QaRequest(PairsRequest):
    """Translated pairs to check (``metadata``: ``context``, PO ``flags`` such as
    ``c-format``, ``plural``), and which checks (default: all; ``ltmt qa --list-checks``)."""

    checks: list[str] | None = None


class FindingOut(BaseModel):
    check: str
    severity: str
    entry: int = Field(description="the pair's index in the request, from 0")
    position: str
    source: str
    target: str
    message: str


class QaReportOut(BaseModel):
    """What ``ltmt qa`` reports: the findings in the pairs' order, counted by severity and
    check; ``not_run``: checks that had nothing to compare with (a user without memory or
    glossary), with why; ``notes``: what was left out (a memory of another target language)."""

    entries: int
    untranslated: int
    checks: list[str]
    not_run: dict[str, str]
    notes: list[str] = []
    by_severity: dict[str, int]
    by_check: dict[str, int]
    findings: list[FindingOut]


class SearchResponse(BaseModel):
    matches: list[MatchOut]


class Stats(BaseModel):
    user: str
    segments: int
    created: float | None = Field(description="null: nothing stored yet")
    updated: float | None = Field(description="null: nothing stored yet")
    origins: dict[str, int]
    languages: list[str] | None = None  # (source, target), once an import named them


class Deleted(BaseModel):
    user: str
    deleted_segments: int
    revoked_keys: int = 0


class DeletedUserOut(Deleted):
    deleted_glossary_terms: int = 0
    note: str | None = Field(
        None,
        description="What is left of the user's text: in data.mdb's freed pages until "
        "'ltmt memory compact' runs with the server stopped (an encrypted store: its data key "
        "is destroyed); null where no text was deleted.",
    )


class KeyRequest(RequestBody):
    user: str
    # a privilege is given by true only: "yes" or 1 read as true made admin keys by mistake
    admin: StrictBool = False


class KeyOut(BaseModel):
    id: str
    user: str
    admin: bool
    created: float
    token: str | None = Field(None, description="Only when the key is created: keep it safe.")

    @classmethod
    def of(cls, key: ApiKey, token: str | None = None) -> KeyOut:
        return cls(id=key.id, user=key.user, admin=key.admin, created=key.created, token=token)


class CreatedKeyOut(KeyOut):
    warnings: list[str] = Field(
        default_factory=list,
        description="The key made a new user whose name is close to a user's (a typo's key?): "
        "'did you mean acme? a new user ACME was created'.",
    )


class UserOut(BaseModel):
    user: str
    segments: int
    memory: bool = Field(description="whether the user has a memory (false: a key, nothing stored)")
    keys: int = Field(description="the user's keys not revoked")


class Health(BaseModel):
    status: Literal["ok"]
    model: str
    languages: list[str]
    batches: int
    batched_requests: int
    batched_segments: int


class Language(BaseModel):
    code: str
    name: str
    targets: list[str]


class LibreRequest(BaseModel):
    """LibreTranslate's ``POST /translate`` body (JSON or form)."""

    q: str | list[str]
    source: str = "auto"
    target: str
    format: Literal["text", "html"] = "text"
    api_key: str | None = None
    alternatives: int = Field(0, ge=0)


class LibreDetection(BaseModel):
    """LibreTranslate's ``POST /detect`` body (JSON or form)."""

    q: str
    api_key: str | None = None


class LibreSuggestion(BaseModel):
    """LibreTranslate's ``POST /suggest`` body (JSON or form): ``s``, a better translation of
    ``q``."""

    q: str
    s: str
    source: str
    target: str
    api_key: str | None = None
