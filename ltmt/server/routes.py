"""The ``/v1`` API: translate, and read and write the memory of the key's user.

Every endpoint needs a key. A user key acts on its own user; an admin key may name another with
``?user=``. Blocking store work runs in FastAPI's thread pool (sync endpoints), decoding on the
service's decoding thread; nothing blocks the event loop.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from types import UnionType
from typing import Annotated, Any, Union, get_args, get_origin

from fastapi import APIRouter, Depends, File, Form, Header, Query, Request, UploadFile, params
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from ltmt.errors import InputError
from ltmt.formats.json_identifiers import parse_skip_keys
from ltmt.formats.pair_languages import pairs_read_swapped
from ltmt.formats.pipeline import RunResult
from ltmt.formats.unit_translation import TranslateFn
from ltmt.language_detection import language_name
from ltmt.memory.keys import ApiKey
from ltmt.memory.user_ids import likely_users
from ltmt.memory.write_fences import WriteFence, take_fence
from ltmt.segments import PairRecord, Translation
from ltmt.server import files
from ltmt.server.auth import acting_user, bearer_token
from ltmt.server.disconnects import (
    Cancellation,
    in_thread_unless_disconnected,
)
from ltmt.server.errors import ApiError
from ltmt.server.file_slots import RETRY_AFTER_S
from ltmt.server.json_body import Utf8JsonRoute
from ltmt.server.openapi import file_answer
from ltmt.server.origin_deletes import DeletedOrigin, delete_origin
from ltmt.server.pair_checks import pair_warnings, refuse_shifted
from ltmt.server.request_warnings import Warnings, collected_warnings
from ltmt.server.schemas import (
    AddPairsRequest,
    Deleted,
    ImportReportOut,
    MatchOut,
    QaReportOut,
    QaRequest,
    SearchResponse,
    Stats,
    TranslateRequest,
    TranslateResponse,
    TranslationOut,
    request_terms,
)
from ltmt.server.service import DecodeOptions, Service
from ltmt.server.upload_origins import LEARN_ORIGIN, pairs_origin
from ltmt.state_warming import Warmth
from ltmt.text import half_character
from ltmt.wording import counted


def _query_fields(dependant: Any) -> list[Any]:
    """The query parameters (FastAPI's fields) an endpoint (its ``Dependant``) and its
    dependencies take."""
    fields = list(dependant.query_params)
    for sub in dependant.dependencies:
        fields += _query_fields(sub)
    return fields


def _takes_many(annotation: Any) -> bool:
    """Whether a query parameter of type ``annotation`` is a list (``list[str] | None``), which
    a query string gives by repeating its name."""
    if get_origin(annotation) in (Union, UnionType):
        return any(_takes_many(each) for each in get_args(annotation))
    return get_origin(annotation) in (list, set, frozenset, tuple)


async def known_parameters(request: Request) -> None:
    """Refuse a ``/v1`` request with a query parameter its endpoint does not take (422): a
    mistyped filter (``DELETE /v1/glossary?sources=branch``) must not be read as no filter,
    which deletes everything; a parameter of one value given twice (``?q=open&q=save`` searched
    one of them, ``?user=a&user=b`` would act on one); a form field it does not take (an
    admin's ``-F user=bob`` was dropped, and the import went into the admin's own memory); and
    a ``DELETE`` with a body, which names what to delete where the endpoint deletes all."""
    route = request.scope.get("route")
    dependant = getattr(route, "dependant", None)
    if dependant is None:  # pragma: no cover - every /v1 route has one
        return
    query_fields = _query_fields(dependant)
    queries = {field.alias for field in query_fields}
    _check_query(request, query_fields)
    if dependant.body_params:
        _check_content_type(request, dependant)
    if dependant.body_params and _is_form(request):
        fields = {field.alias for field in dependant.body_params}
        stray = sorted(set((await request.form()).keys()) - fields)
        if stray:
            where = (
                f"{stray[0]!r} goes in the query string (?{stray[0]}=...)"
                if stray[0] in queries
                else f"it takes no form field {stray[0]!r} (its fields are in /docs)"
            )
            raise ApiError(422, f"{request.method} {request.url.path}: {where}; nothing done")
    if request.method == "DELETE" and await request.body():
        raise ApiError(
            422,
            f"{request.method} {request.url.path} takes no body (it would delete all, not what "
            "the body names); nothing done",
        )


def _check_query(request: Request, fields: list[Any]) -> None:
    """Refuse (422) a query parameter that is not one of ``fields`` (the endpoint's), or one
    of a single value given more than once."""
    unknown = sorted(set(request.query_params) - {field.alias for field in fields})
    if unknown:
        raise ApiError(
            422,
            f"{request.method} {request.url.path} takes no parameter {unknown[0]!r} "
            "(its parameters are in /docs); nothing done",
        )
    single = {field.alias for field in fields if not _takes_many(field.field_info.annotation)}
    repeated = sorted(name for name in single if len(request.query_params.getlist(name)) > 1)
    if repeated:
        raise ApiError(
            422,
            f"{request.method} {request.url.path} takes one {repeated[0]!r}, given "
            f"{len(request.query_params.getlist(repeated[0]))} times; nothing done",
        )


def _content_kind(request: Request) -> str:
    return request.headers.get("content-type", "").split(";")[0].strip().lower()


def _is_form(request: Request) -> bool:
    return _content_kind(request) in ("multipart/form-data", "application/x-www-form-urlencoded")


def _check_content_type(request: Request, dependant: Any) -> None:
    """A 415 naming the type a body must have where it has another (``text/plain`` for JSON
    was a 422 saying ``body: Input should be a valid dictionary``; a file sent as JSON, ``body.
    file: Field required``)."""
    kind = _content_kind(request)
    sent = f"not {kind}" if kind else "and the request sent no Content-Type"
    takes_form = any(isinstance(f.field_info, params.Form) for f in dependant.body_params)
    where = f"{request.method} {request.url.path}"
    if takes_form and not _is_form(request):
        raise ApiError(
            415, f"{where} takes multipart/form-data (curl -F file=@NAME), {sent}; nothing done"
        )
    if not takes_form and kind != "application/json" and not kind.endswith("+json"):
        raise ApiError(415, f"{where} takes a JSON body (application/json), {sent}; nothing done")


router = APIRouter(
    prefix="/v1", dependencies=[Depends(known_parameters)], route_class=Utf8JsonRoute
)

UserParam = Annotated[
    str | None, Query(description="Admin keys only: act on this user instead of the key's.")
]
FormatForm = Annotated[str | None, Form(description="Force the format")]
SourceFileUpload = Annotated[
    UploadFile | None,
    File(
        description="A one-language file (Android, JSON ...): the source-language file it "
        "translates."
    ),
]


def service_of(request: Request) -> Service:
    service: Service = request.app.state.service
    return service


def client_address(request: Request) -> str:
    return request.client.host if request.client is not None else "unknown"


def current_key(request: Request, authorization: Annotated[str | None, Header()] = None) -> ApiKey:
    """The key of the request's ``Authorization: Bearer`` header (401 / 403 / 429 otherwise)."""
    return service_of(request).auth.check(bearer_token(authorization), client_address(request))


KeyDep = Annotated[ApiKey, Depends(current_key)]


def check_segments(
    service: Service, segments: list[str], whole: bool = True, field: str | None = None
) -> None:
    """The configured limits on segment count and length (422 with the limit named), and,
    with ``whole``, segments of whole characters (400 for half of a UTF-16 surrogate pair: no
    model reads it); ``field``: the request's field that holds a single text (``q``), which
    the messages name instead of ``segment 1``."""
    config = service.config
    if len(segments) > config.max_segments:
        raise ApiError(
            422,
            f"{len(segments)} segments in one request; this server takes at most "
            f"{config.max_segments} (send several requests)",
        )
    for number, text in enumerate(segments, 1):
        named = field or f"segment {number}"
        if len(text) > config.max_segment_chars:
            raise ApiError(
                422,
                f"{named} has {len(text)} characters; the limit is {config.max_segment_chars}",
            )
        problem = half_character(text) if whole else None
        if problem is not None:
            raise ApiError(400, f"{named} {problem}")


def check_pairs(service: Service, pairs: list[Any]) -> None:
    if len(pairs) > service.config.max_pairs:
        raise ApiError(
            422, f"{len(pairs)} pairs in one request; the limit is {service.config.max_pairs}"
        )
    # (a pair with half a character is the memory's to skip and report, as any broken pair)
    sources = [p.source for p in pairs][: service.config.max_segments]
    check_segments(service, sources, whole=False)


def refuse_swapped(service: Service, pairs: Sequence[Any], field: str) -> None:
    """A 422 where ``field``'s pairs read swapped (:func:`pairs_read_swapped`), as
    LibreTranslate's ``/suggest`` refuses one: stored, they would steer every later
    translation the wrong way."""
    sources, targets = [p.source for p in pairs], [p.target for p in pairs]
    if pairs_read_swapped(sources, targets, service.source_lang, service.target_lang):
        source, target = language_name(service.source_lang), language_name(service.target_lang)
        raise ApiError(
            422,
            f"{field}: the sources read as {target} and the targets as {source}: the two sides "
            f"look swapped (source is the {source} text, target its {target} translation); "
            "nothing done",
        )


def existing_user(service: Service, key: ApiKey, user: str | None) -> str:
    """:func:`~ltmt.server.auth.acting_user` for every endpoint that takes ``?user=``, writes
    included: a user an admin names must have a key or a memory (a glossary is one too): 404
    otherwise, naming the users it likely meant. A mistyped name read as an empty memory went
    unnoticed, and a write to it made a user no key reaches."""
    who = acting_user(key, user)
    if who == key.user:
        return who
    if who in service.keys.users():  # with a memory or a key
        return who
    raise ApiError(
        404,
        f"{no_such_user(service, who)} (GET /v1/admin/users lists the users; a new user starts "
        "with a key: POST /v1/admin/keys)",
    )


def write_fence(service: Service, key: ApiKey, who: str) -> WriteFence:
    """The fence of a request by ``key`` that writes for ``who``, taken before its work: its
    write stores nothing (409) where ``who`` is deleted or ``key`` revoked meanwhile
    (:mod:`ltmt.memory.write_fences`)."""
    return take_fence(service.memory.store, who, key.id)


def no_such_user(service: Service, who: str) -> str:
    """``no user 'Checkout': no key and no memory has that name; did you mean checkout?``: the
    404 of a user no key and no memory has, naming the users it likely meant."""
    close = likely_users(who, service.keys.users())
    hint = f"; did you mean {', '.join(close)}?" if close else ""
    return f"no user {who!r}: no key and no memory has that name{hint}"


def pair_records(service: Service, pairs: list[Any]) -> list[PairRecord]:
    """A request's pairs, within the limits (:func:`check_pairs`), as records named by their
    number (``pair 3``)."""
    check_pairs(service, pairs)
    return [
        PairRecord(p.source, p.target, f"pair {number}", p.metadata)
        for number, p in enumerate(pairs, 1)
    ]


@router.post("/translate", response_model=TranslateResponse)
async def translate(
    body: TranslateRequest, request: Request, key: KeyDep, user: UserParam = None
) -> TranslateResponse:
    """Translate segments with the user's memory; ``learn`` pairs are added afterwards."""
    service = service_of(request)
    who = existing_user(service, key, user)
    fence = write_fence(service, key, who) if body.learn else None
    check_segments(service, body.segments)
    if body.learn:
        check_pairs(service, body.learn)
        await run_in_threadpool(refuse_swapped, service, body.learn, "learn")
        await run_in_threadpool(refuse_shifted, body.learn, "learn")
    options = service.options(body.fusion, body.beam, request_terms(body.glossary, "glossary"))
    with service.user_requests.taken(who):  # 429 where the user has its most in flight
        results = await in_thread_unless_disconnected(
            request,
            lambda cancellation: service.translate_segments(
                who, body.segments, options, cancellation
            ),
            counted(len(body.segments), "segment"),
        )
        learned = None
        if body.learn:
            pairs = [(p.source, p.target) for p in body.learn]
            with collected_warnings() as warnings:
                report = await run_in_threadpool(
                    lambda: service.memory.import_pairs(
                        who, pairs, origin=LEARN_ORIGIN, fence=fence
                    )
                )
            named = [PairRecord(*pair, f"pair {n}") for n, pair in enumerate(pairs, 1)]
            # qa's checks of each pair: off the event loop, as the import is
            said = await run_in_threadpool(pair_warnings, named, service.memory.clean, "learned")
            learned = ImportReportOut.of(report, LEARN_ORIGIN, [*warnings.messages, *said])
    return TranslateResponse(translations=[TranslationOut.of(t) for t in results], learned=learned)


def _upload(file: UploadFile | None) -> tuple[str | None, bytes] | None:
    """A second, optional upload as its name and bytes."""
    return None if file is None else (file.filename, file.file.read())


@router.post(
    "/translate/file",
    response_class=Response,
    responses=file_answer(
        files.document_media_types(),
        "The translated file, in the upload's format (headers: X-Ltmt-Translated, "
        "X-Ltmt-Placeholders, X-Ltmt-Warnings)",
    ),
)
async def translate_file(
    request: Request,
    key: KeyDep,
    file: Annotated[
        UploadFile,
        File(
            description="A catalog (.po, .xliff, Android strings.xml, JSON, ...) or a document "
            "(.txt, .md, .html, .epub, .docx, .pptx, .xlsx, .odt, .ods, .odp, subtitles ...): "
            "the formats `ltmt formats` lists as translated."
        ),
    ],
    format: Annotated[
        str | None,
        Form(description="po, xliff, android, json, docx, odf, ... (default: from the name)"),
    ] = None,
    fusion: Annotated[str | None, Form()] = None,
    beam: Annotated[int | None, Form(ge=1)] = None,
    overwrite: Annotated[bool, Form(description="Retranslate translated entries too.")] = False,
    mark_fuzzy: Annotated[bool, Form(description="Flag machine translations for review.")] = True,
    translation: Annotated[
        UploadFile | None,
        File(
            description="Android or JSON: the file's translation so far; its strings are kept "
            "and only the ones it lacks are translated."
        ),
    ] = None,
    user: UserParam = None,
) -> Response:
    """Fill the untranslated entries of a catalog (PO, XLIFF, ...), or translate a
    one-language file (Android strings.xml, JSON, ...) or a document (plain text, Markdown,
    HTML, EPUB, Office, OpenDocument, subtitles) into the target language's; the answer is the
    file. Its translation stops when the client disconnects."""
    service = service_of(request)
    who = existing_user(service, key, user)
    options = service.options(fusion, beam)
    started = time.perf_counter()

    def work(cancellation: Cancellation) -> tuple[tuple[str, str, bytes, RunResult], Warnings]:
        with collected_warnings() as warnings:  # in the thread: its warnings are the request's
            translated = translated_upload(
                service,
                who,
                file,
                format=format,
                options=options,
                overwrite=overwrite,
                mark_fuzzy=mark_fuzzy,
                translation=_upload(translation),
                cancellation=cancellation,
            )
        return translated, warnings

    (name, kind, data, result), warnings = await in_thread_unless_disconnected(
        request, work, "the translated file"
    )
    result.report.seconds = time.perf_counter() - started  # the summary's segments a second
    return Response(
        data,
        media_type=files.media_type(kind, name),
        headers={
            "Content-Disposition": files.attachment(name),
            "X-Ltmt-Translated": str(result.translated),
            "X-Ltmt-Placeholders": result.report.summary(
                overwrite="overwrite=true",
                unflagged="mark_fuzzy=false",
                approved="exact_approved=true",
                fuzzy_entries=None,  # the form has no such field
                copies=None,  # nor this one
            ),
            **warnings.header(),
        },
    )


def pipeline_translate(
    service: Service,
    who: str,
    options: DecodeOptions | None = None,
    cancellation: Cancellation | None = None,
) -> TranslateFn:
    """The file pipeline's translate function for ``who`` (from a worker thread): the texts
    decoded with ``who``'s memory, ``options`` (the server's defaults where None), a request's
    worth at a time, each within the segment limits; ``cancellation``: the request's, whose
    client leaving stops the decoding at its next piece."""
    decoding = options if options is not None else service.options(None, None)

    def run(texts: list[str], prefer: list[dict[str, Any]]) -> list[Translation]:
        # contexts and plural forms break ties between memory matches, as in `ltmt translate`
        limit = service.config.max_segment_chars
        for text in texts:  # all of them before any is decoded: a refusal wastes no decoding
            if len(text) > limit:
                shown = " ".join(text[:40].split())
                raise ApiError(
                    422,
                    f"a segment of the file has {len(text)} characters ({shown!r}...); the "
                    f"limit is {limit}",
                )
        out: list[Translation] = []
        for start in range(0, len(texts), service.config.max_segments):
            end = start + service.config.max_segments
            check_segments(service, texts[start:end])
            out.extend(
                service.translate_blocking(
                    who, texts[start:end], decoding, prefer[start:end], cancellation
                )
            )
        return out

    return run


def translated_upload(
    service: Service,
    who: str,
    file: UploadFile,
    *,
    format: str | None = None,
    options: DecodeOptions | None = None,
    overwrite: bool = False,
    mark_fuzzy: bool = True,
    translation: tuple[str | None, bytes] | None = None,
    cancellation: Cancellation | None = None,
) -> tuple[str, str, bytes, RunResult]:
    """The uploaded ``file`` translated with ``who``'s memory (:func:`files.translate_upload`:
    its safe name, its format, the translated bytes and what was done); ``options``: the
    server's defaults where None; ``cancellation``: the request's (its client leaving stops
    the translation). A user with ``files_per_user`` files being translated already
    is answered 429 at once (:mod:`ltmt.server.file_slots`)."""
    decoding = options if options is not None else service.options(None, None)
    with service.file_slots.taken(who) as taken:
        if not taken:
            raise ApiError(
                429,
                f"you have {counted(service.file_slots.per_user, 'file')} being translated, "
                "the most at once; send this one when one is done",
                headers={"Retry-After": str(RETRY_AFTER_S)},
            )
        return files.translate_upload(
            file.filename,
            file.file.read(),
            format,
            pipeline_translate(service, who, decoding, cancellation),
            (service.source_lang, service.target_lang),
            store=service.memory.path,
            overwrite=overwrite,
            mark_fuzzy=mark_fuzzy,
            translation=translation,
            exact=service.exact_matches(who, decoding),
        )


@router.post("/memory/pairs", response_model=ImportReportOut)
def add_pairs(
    body: AddPairsRequest, request: Request, key: KeyDep, user: UserParam = None
) -> ImportReportOut:
    """Add approved pairs (all in one transaction; duplicates and unclean pairs are counted),
    under the origin ``api``, or ``api/LABEL`` for the body's ``origin`` label (the answer's
    ``origin``): one origin for every batch, not one each, as a CAT tool posts each pair on
    its own and the user's record keeps a count per origin (trial s77)."""
    service = service_of(request)
    who = existing_user(service, key, user)
    fence = write_fence(service, key, who)
    records = pair_records(service, body.pairs)
    refuse_swapped(service, body.pairs, "pairs")
    refuse_shifted(body.pairs, "pairs")
    origin = pairs_origin(body.origin)
    with collected_warnings() as warnings:
        # a key made the user: ``keys create`` warned of a typo
        report = service.memory.import_pairs(
            who, records, origin=origin, warn_new_user=False, fence=fence
        )
    said = pair_warnings(records, service.memory.clean, "added")
    return ImportReportOut.of(report, origin, [*warnings.messages, *said])


@router.post("/memory/import", response_model=ImportReportOut)
def import_file(
    request: Request,
    key: KeyDep,
    file: Annotated[
        UploadFile,
        File(
            description="A .tmx, .po, .xliff/.xlf, .jsonl or .tsv; or a translated Android "
            "strings.xml or JSON message file with its source_file"
        ),
    ],
    format: FormatForm = None,
    source_file: SourceFileUpload = None,
    user: UserParam = None,
    language_check: Annotated[
        bool,
        Form(
            description="Refuse a file whose sides read as other languages than the server's "
            "pair (swapped columns, another pair), or whose PO Language header or XLIFF "
            "languages name others; false imports it as it is"
        ),
    ] = True,
    skip_keys: Annotated[
        str | None,
        Form(
            description="JSON, YAML: names of keys whose strings are identifiers, not text, "
            "or patterns (*Accelerator), separated by commas (id,next,speaker), as ltmt memory "
            "import --skip-keys: no pairs of them"
        ),
    ] = None,
) -> ImportReportOut:
    """Import a memory file, with the checks of ``ltmt memory import`` (all or nothing), under
    an origin of this upload's own (the answer's ``origin``)."""
    service = service_of(request)
    who = existing_user(service, key, user)
    fence = write_fence(service, key, who)
    with collected_warnings() as warnings:
        origin, report = files.import_upload(
            service.memory,
            who,
            file.filename,
            file.file.read(),
            format,
            (service.source_lang, service.target_lang),
            _upload(source_file),
            language_check=language_check,
            skip_keys=_skip_keys(skip_keys),
            fence=fence,
        )
    return ImportReportOut.of(report, origin, warnings.messages)


def _skip_keys(field: str | None) -> frozenset[str]:
    """The key names of an import's ``skip_keys`` field (none without it); a bad list is an
    :class:`InputError` that names the field."""
    if field is None:
        return frozenset()
    try:
        return parse_skip_keys(field)
    except InputError as exc:
        raise InputError(f"skip_keys: {exc}") from exc


@router.post("/qa", response_model=QaReportOut)
def quality_checks(
    body: QaRequest, request: Request, key: KeyDep, user: UserParam = None
) -> QaReportOut:
    """Check translated pairs as ``ltmt qa`` does: format strings, placeholders, numbers,
    accelerators, key combinations, whitespace, no-break spaces, doubled words, one source
    translated two ways, and the user's memory (a source it holds translated otherwise) and
    glossary."""
    service = service_of(request)
    who = existing_user(service, key, user)
    return _qa_report(service, who, pair_records(service, body.pairs), body.checks)


@router.post("/qa/file", response_model=QaReportOut)
def quality_checks_file(
    request: Request,
    key: KeyDep,
    file: Annotated[
        UploadFile,
        File(
            description="A translated .po, .xliff/.xlf, .ts, .xcstrings, .tmx, .csv, .jsonl or "
            ".tsv (translations not yet reviewed included); or a translated one-language file "
            "(Android strings.xml, JSON ...) with its source_file"
        ),
    ],
    format: FormatForm = None,
    source_file: SourceFileUpload = None,
    checks: Annotated[
        str | None, Form(description="Comma-separated checks to run (default: all)")
    ] = None,
    user: UserParam = None,
) -> QaReportOut:
    """Check a translated file as ``ltmt qa FILE`` does (its findings name the file)."""
    service = service_of(request)
    who = existing_user(service, key, user)
    _, records = files.upload_records(
        file.filename,
        file.file.read(),
        format,
        (service.source_lang, service.target_lang),
        _upload(source_file),
        store=service.memory.path,
        include_fuzzy=True,
    )
    # bounded by the request's size, as a memory file's import is
    return _qa_report(service, who, records, [checks] if checks else None)


def _qa_report(
    service: Service, who: str, records: list[PairRecord], checks: list[str] | None
) -> QaReportOut:
    """``ltmt qa``'s report of ``records`` with ``who``'s memory and glossary (none for a user
    who has stored nothing yet)."""
    from ltmt import qa

    names = qa.check_names(checks or ())
    memory = service.memory if who in service.memory.users() else None
    report = qa.check_pairs(
        records,
        checks=names or None,
        memory=memory,
        user=who,
        language=service.target_lang,
    )
    said = report.to_dict()
    # the server's entry is the pair's index in the request, as it always was
    said["findings"] = [
        {**said_finding, "entry": finding.entry}
        for said_finding, finding in zip(said["findings"], report.findings, strict=True)
    ]
    return QaReportOut(**said)


@router.get("/memory/search", response_model=SearchResponse)
def search(
    request: Request,
    key: KeyDep,
    q: Annotated[str, Query(min_length=1, description="Source text to look up.")],
    k: Annotated[int, Query(ge=1, le=100)] = 5,
    user: UserParam = None,
) -> SearchResponse:
    """The best fuzzy matches of ``q`` in the memory, best first (score 0-100)."""
    service = service_of(request)
    who = existing_user(service, key, user)
    check_segments(service, [q], field="q")
    return SearchResponse(matches=[MatchOut.of(m) for m in service.memory.search(who, q, k=k)])


@router.get("/memory/stats", response_model=Stats)
def stats(request: Request, key: KeyDep, user: UserParam = None) -> Stats:
    """Counts of the memory (an empty memory has 0 segments: a key's user with nothing stored,
    an admin key's own one without ``?user=`` included)."""
    service = service_of(request)
    who = existing_user(service, key, user)
    try:
        return Stats(**service.memory.stats(who))
    except InputError:  # no memory yet: the key's user exists, with nothing stored
        return Stats(user=who, segments=0, created=None, updated=None, origins={})  # not 1970


@router.get(
    "/memory/export",
    response_class=Response,
    responses=file_answer(files.MEDIA_TYPES.values(), "Every pair of the memory, as a file"),
)
def export(
    request: Request,
    key: KeyDep,
    format: Annotated[
        str, Query(description="jsonl, tsv, csv, tmx, po, xliff (1.2) or xliff2 (XLIFF 2.0)")
    ] = "jsonl",
    user: UserParam = None,
) -> Response:
    """Every segment of the memory as a file."""
    service = service_of(request)
    who = existing_user(service, key, user)
    data = files.export_memory(
        service.memory, who, format, (service.source_lang, service.target_lang)
    )
    return Response(
        data,
        media_type=files.MEDIA_TYPES[format],
        headers={"Content-Disposition": files.attachment(files.export_name(who, format))},
    )


@router.post("/memory/warm", response_model=Warmth)
def warm(
    request: Request,
    key: KeyDep,
    user: UserParam = None,
    fusion: Annotated[
        str | None, Query(description="The fusion the translations use (default: the server's)")
    ] = None,
) -> Warmth:
    """Force-decode the memory's segments now, so that the first translations read them from
    disk (``ltmt memory warm``; within the states' disk bound, ``LTMT_STATE_CACHE_MB``)."""
    service = service_of(request)
    return service.warm(existing_user(service, key, user), fusion)


@router.delete("/memory", response_model=DeletedOrigin | Deleted)
def delete_memory(
    request: Request,
    key: KeyDep,
    user: UserParam = None,
    origin: Annotated[
        str | None,
        Query(
            description="Delete only the segments of this origin: an upload's or a batch's as "
            "its answer and /v1/memory/stats give it (the pairs whose latest import it was), "
            "an upload's id, its file name where one upload alone has it, or an imported folder"
        ),
    ] = None,
    dry_run: Annotated[
        bool,
        Query(
            description="With origin: delete nothing, answer what the delete would delete "
            "(would_delete) and keep (kept_segments), as ltmt memory delete --origin without --yes"
        ),
    ] = False,
) -> DeletedOrigin | Deleted:
    """Delete every segment of the memory, and the translated files waiting for their download
    (the keys stay valid); with ``origin``, only the segments of that import
    (``ltmt memory delete --origin``: a pair it re-approved goes too, and the translation of
    its source stored before it is reused again), or with ``dry_run`` what it would delete."""
    service = service_of(request)
    who = existing_user(service, key, user)
    if origin is not None:
        return delete_origin(service.memory, who, origin, dry_run=dry_run)
    if dry_run:
        raise ApiError(422, "dry_run counts what deleting an origin would delete: give origin too")
    return Deleted(user=who, deleted_segments=service.forget(who))
