"""LibreTranslate's API: ``POST /translate``, ``/translate_file``, ``/detect``, ``/suggest`` and
``GET /languages``, for its existing clients.

The request is LibreTranslate's, as JSON or as a form (Weblate sends both, depending on its
version): ``q`` (a string or a list), ``source`` (a code or ``auto``), ``target``, ``format``
(``text``/``html``) and ``api_key``. The answer is ``{"translatedText": ...}`` with a string for
a string and a list for a list, errors ``{"error": ...}``. ``api_key`` picks the memory, like a
``/v1`` key (``Authorization: Bearer`` works too). With ``source: auto`` each text's language
is detected (:mod:`ltmt.language_detection`) and reported as ``detectedLanguage`` the way
LibreTranslate does: the language the detector is sure of (a confidence of 90 % or more), else
the model's source language, with the detector's confidence in it; a text that reads as the
target language already comes back as it is, one that reads as a language the server does not
translate is a 400 naming it (the model would read French as English), any other is translated
from the source language.
``POST /detect`` (``q``, ``api_key``) answers the detector's three likeliest languages.
With ``format: html`` each ``q`` is a fragment of HTML, translated as a page is (its text and
the attribute values people read, its markup kept: :mod:`ltmt.formats.html_fragments`); with
``text``, a text is translated as a line of a text file is: paired tags (``<b>Save</b> the
file``) are kept out of the model's way and put back around the words that translate theirs
(:mod:`ltmt.formats.paired_tags`), other markup is text like any other.

``POST /suggest`` (``q``, ``s``, ``source``, ``target``, ``api_key``) stores ``s``, a better
translation of ``q``, in the key's user's memory, as an approved pair: the next translation of
``q`` is ``s`` (the newest of a source's translations is reused), and texts like ``q`` follow
it. LibreTranslate keeps suggestions in a table for its operators; here they are what the
memory is for. A pair the memory refuses (an empty side, one far longer than the other) is a
400 that says why.

``POST /translate_file`` takes a form with ``file``, ``source``, ``target`` and ``api_key``, and
answers ``{"translatedFileUrl": ".../download_file/<token>.<name>"}`` (ltmt's own ``format``
field names the format of a file whose name does not); a plain ``GET`` of that
URL, without a key, returns the file for an hour (:mod:`ltmt.server.downloads`). Every format
``POST /v1/translate/file`` translates is taken (LibreTranslate's own: ``.txt``, ``.html``,
``.docx``, ``.pptx``, ``.odt``, ``.odp``, ``.epub``; and catalogs, Markdown, subtitles ...).
A ``.txt`` file whose lines look wrapped at a width is read by its paragraphs
(:mod:`ltmt.formats.paragraphs`): LibreTranslate's clients send documents, not lists of strings.
``GET /frontend/settings`` says so, as LibreTranslate's does, for its web page and clients.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, TypeVar
from urllib.parse import parse_qsl

from fastapi import APIRouter, File, Form, Header, Request, UploadFile
from fastapi.responses import Response
from pydantic import BaseModel, ValidationError
from starlette.concurrency import run_in_threadpool

from ltmt.errors import InputError
from ltmt.formats.common import primary_language, same_language
from ltmt.formats.html_fragments import translated_fragments
from ltmt.formats.pair_languages import pairs_read_swapped
from ltmt.language_detection import language_name
from ltmt.memory.keys import ApiKey
from ltmt.segments import PairRecord, Translation
from ltmt.server import files
from ltmt.server.auth import BEARER_HEADER, bearer_token
from ltmt.server.disconnects import (
    Cancellation,
    in_thread_unless_disconnected,
)
from ltmt.server.downloads import Download
from ltmt.server.errors import TOO_DEEP, ApiError
from ltmt.server.json_body import read_json
from ltmt.server.openapi import file_answer
from ltmt.server.pair_checks import pair_warnings
from ltmt.server.public_url import absolute_url
from ltmt.server.request_warnings import Warnings, collected_warnings
from ltmt.server.routes import (
    check_segments,
    client_address,
    pipeline_translate,
    service_of,
    translated_upload,
    write_fence,
)
from ltmt.server.schemas import Language, LibreDetection, LibreRequest, LibreSuggestion
from ltmt.server.service import Service
from ltmt.wording import counted

router = APIRouter(tags=["LibreTranslate-compatible"])

Body = TypeVar("Body", LibreRequest, LibreDetection, LibreSuggestion)


def _documented(shape: type[BaseModel]) -> dict[str, Any]:
    """The OpenAPI ``requestBody`` of an endpoint that reads ``shape`` itself (:func:`_body`:
    JSON or a form), so that ``/docs`` and clients generated from ``/openapi.json`` know it."""
    schema = shape.model_json_schema()
    return {
        "requestBody": {
            "required": True,
            "content": {
                kind: {"schema": schema}
                for kind in ("application/json", "application/x-www-form-urlencoded")
            },
        }
    }


LIBRE_KEY = f"the api_key field (or {BEARER_HEADER})"  # how these endpoints take a key


async def libre_key(request: Request, api_key: str | None, authorization: str | None) -> ApiKey:
    """The key of a LibreTranslate request: its ``api_key`` field, else the query string's
    (LibreTranslate reads both: its clients may send ``?api_key=``; the access log writes no
    query value), else its ``Authorization: Bearer`` header (401 naming them where none came;
    403 / 429 as on ``/v1``)."""
    token = api_key or request.query_params.get("api_key") or bearer_token(authorization)
    check = service_of(request).auth.check
    return await run_in_threadpool(check, token, client_address(request), LIBRE_KEY)


async def _body(request: Request, shape: type[Body]) -> Body:
    """The request's fields as ``shape``: from a JSON object, a URL-encoded form (its bytes read
    as UTF-8, percent-escaped or not, as LibreTranslate reads them: ``curl -d q=Grüße``) or a
    multipart form; a repeated ``q`` is a list."""
    content_type = request.headers.get("content-type", "").lower()
    try:
        if content_type.startswith("application/json"):
            data: Any = read_json(await request.body())
        else:
            fields: list[tuple[str, Any]]
            if content_type.startswith("multipart/form-data"):
                fields = (await request.form()).multi_items()
            else:  # URL-encoded, whatever the header says (Weblate's older versions)
                text = (await request.body()).decode("utf-8")
                fields = parse_qsl(text, keep_blank_values=True, errors="strict")
            values: dict[str, list[Any]] = {}
            for key, value in fields:
                values.setdefault(key, []).append(value)
            data = {k: (v if k == "q" and len(v) > 1 else v[0]) for k, v in values.items()}
    except RecursionError as exc:
        raise ApiError(400, TOO_DEEP) from exc
    except ValueError as exc:  # UnicodeDecodeError too
        raise ApiError(400, f"the request body is not valid JSON or form data: {exc}") from exc
    if not isinstance(data, dict):
        raise ApiError(400, "the request body must be a JSON object with q, source and target")
    try:
        return shape.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first.get("loc", ()))
        if first.get("type") == "missing":  # LibreTranslate's own words
            raise ApiError(400, f"Invalid request: missing {where} parameter") from exc
        raise ApiError(400, f"invalid request: {where}: {first.get('msg')}") from exc


def _check_pair(service: Service, source: str, target: str) -> None:
    """A 400 unless ``source`` (or ``auto``) and ``target`` are the server's languages, whatever
    their regions and scripts (``de-DE``), a three-letter code as its two-letter one (``deu``)."""
    sources = ("auto", primary_language(service.source_lang))
    if primary_language(source) not in sources or not same_language(target, service.target_lang):
        raise ApiError(
            400,
            f"this server translates {service.source_lang} to {service.target_lang}, "
            f"not {source} to {target}",
        )


@router.post("/translate", openapi_extra=_documented(LibreRequest))
async def translate(
    request: Request, authorization: Annotated[str | None, Header()] = None
) -> dict[str, Any]:
    """Translate ``q`` with the memory of the ``api_key``'s user (LibreTranslate's shapes)."""
    service = service_of(request)
    body = await _body(request, LibreRequest)
    key = await libre_key(request, body.api_key, authorization)
    _check_pair(service, body.source, body.target)
    texts = [body.q] if isinstance(body.q, str) else list(body.q)
    check_segments(service, texts, field="q" if isinstance(body.q, str) else None)
    auto = primary_language(body.source) == "auto"
    detected = (
        await run_in_threadpool(_detected_all, service, texts, isinstance(body.q, str))
        if auto
        else []
    )
    # with source auto, a text in the target language already comes back as it is; a blank
    # text too, as the edges of any other do
    todo = [
        i
        for i in range(len(texts))
        if texts[i].strip() and (not auto or not same_language(detected[i][0], service.target_lang))
    ]
    with service.user_requests.taken(key.user):  # 429 where the user has its most in flight
        done, results = await _translated(request, service, key.user, texts, todo, body.format)
    outputs = list(texts)
    for i, text in zip(todo, done, strict=True):
        outputs[i] = text
    answer: dict[str, Any] = {"translatedText": outputs[0] if isinstance(body.q, str) else outputs}
    if body.alternatives:
        others: list[list[str]] = [[] for _ in outputs]
        if results:  # text, not html fragments
            suggested = await _alternatives(service, key.user, results, body.alternatives)
            for i, alternatives in zip(todo, suggested, strict=True):
                others[i] = alternatives
        answer["alternatives"] = others[0] if isinstance(body.q, str) else others
    if auto:
        found = [{"confidence": confidence, "language": code} for code, confidence in detected]
        answer["detectedLanguage"] = found[0] if isinstance(body.q, str) else found
    return answer


async def _translated(
    request: Request,
    service: Service,
    user: str,
    texts: list[str],
    todo: list[int],
    text_format: str,
) -> tuple[list[str], list[Translation]]:
    """The translations of ``texts[i]`` for each ``i`` in ``todo`` with ``user``'s memory: as
    html fragments (``text_format`` html) or as text, and the latter's :class:`Translation` too."""
    done: list[str] = []
    results: list[Translation] = []
    if todo and text_format == "html":
        fragments = [texts[i] for i in todo]
        done = await in_thread_unless_disconnected(
            request,
            lambda cancellation: translated_fragments(
                fragments,
                pipeline_translate(service, user, cancellation=cancellation),
                service.target_lang,
            ),
            counted(len(fragments), "text"),
        )
    elif todo:
        todo_texts, options = [texts[i] for i in todo], service.options(None, None)
        results = await in_thread_unless_disconnected(
            request,
            lambda cancellation: service.translate_segments(
                user, todo_texts, options, cancellation
            ),
            counted(len(todo_texts), "text"),
        )
        done = [translation.text for translation in results]
    return done, results


async def _alternatives(
    service: Service, user: str, results: list[Translation], count: int
) -> list[list[str]]:
    """Up to ``count`` other translations of each of ``results``' sources, each unlike the
    answer and the others: first those the user's memory holds for the very same source (its
    other approved translations, newest first), then, where the answer used the memory, the
    model's translation without it."""
    sources = [result.source for result in results]
    held = await run_in_threadpool(service.memory.search_batch, user, sources, count + 1)
    used_memory = [i for i, result in enumerate(results) if result.used_memory]
    without = service.without_memory()
    plain = (
        await run_in_threadpool(
            service.translate_segments, user, [sources[i] for i in used_memory], without
        )
        if used_memory
        else []
    )
    without_memory = dict(zip(used_memory, (t.text for t in plain), strict=True))
    alternatives = []
    for i, result in enumerate(results):
        exact = [m.segment.target for m in held[i] if m.score >= 100.0]
        candidates = [*exact, *([without_memory[i]] if i in without_memory else [])]
        unique = [t for t in dict.fromkeys(candidates) if t.strip() and t != result.text]
        alternatives.append(unique[:count])
    return alternatives


def _detected_all(service: Service, texts: list[str], single: bool) -> list[tuple[str, float]]:
    """What each of ``texts`` (a ``source: auto`` request's) reads as (:func:`_detected`),
    once :func:`_check_detected` has let them through: one call on the server's thread pool."""
    _check_detected(service, texts, single)
    return [_detected(service, text) for text in texts]


def _detected(service: Service, text: str) -> tuple[str, float]:
    """The language ``text`` reads as where the detector is sure of it (``SURE``), else the
    server's source language, and the detector's confidence in it (0-100)."""
    from ltmt.language_detection import SURE, detect

    found = {item.language: item.confidence for item in detect(text, 5)}
    best = max(found, key=found.__getitem__, default=None)
    code = best if best is not None and found[best] >= SURE else service.source_lang
    return code, round(100 * found.get(code, 0.0), 1)


def _check_detected(service: Service, texts: list[str], single: bool) -> None:
    """A 400 (LibreTranslate's: a language the server has no model for) where the texts of a
    ``source: auto`` request, read together, surely are neither of the server's languages: the
    model would read French as English and answer gibberish. A few words are not enough to
    tell (English menu strings name a ``Crème brûlée``), and one short item does not refuse
    a list (:func:`~ltmt.language_detection.told_language`). ``single``: ``q`` is one string."""
    from ltmt.language_detection import told_language

    source, target = service.source_lang, service.target_lang
    found = told_language(texts, source)
    if found is None or any(same_language(found.language, own) for own in (source, target)):
        return
    code = found.language
    named = "q" if single else "q (its texts read together)"
    raise ApiError(
        400,
        f"{named} reads as {language_name(code)} ({code}), which this server does not "
        f"translate: it translates {language_name(source)} ({source}) to "
        f"{language_name(target)} ({target}); send source: {source} to translate it anyway",
    )


@router.post("/detect", openapi_extra=_documented(LibreDetection))
async def detect_language(
    request: Request, authorization: Annotated[str | None, Header()] = None
) -> list[dict[str, Any]]:
    """The languages ``q`` may be written in, likeliest first, with the detector's confidence
    (0-100; LibreTranslate's shapes). Any language is named, not only the server's."""
    from ltmt.language_detection import detect

    service = service_of(request)
    body = await _body(request, LibreDetection)
    await libre_key(request, body.api_key, authorization)
    check_segments(service, [body.q], field="q")
    found = await run_in_threadpool(detect, body.q)
    return [
        {"confidence": round(100 * item.confidence, 1), "language": item.language} for item in found
    ]


@router.post("/suggest", openapi_extra=_documented(LibreSuggestion))
async def suggest(
    request: Request, authorization: Annotated[str | None, Header()] = None
) -> dict[str, bool | list[str]]:
    """Store ``s``, a better translation of ``q``, in the memory of the ``api_key``'s user: the
    next translations of ``q`` and of texts like it follow it (LibreTranslate's shapes)."""
    service = service_of(request)
    body = await _body(request, LibreSuggestion)
    key = await libre_key(request, body.api_key, authorization)
    fence = write_fence(service, key, key.user)
    _check_pair(service, body.source, body.target)
    check_segments(service, [body.q], field="q")
    swapped = await run_in_threadpool(
        pairs_read_swapped, [body.q], [body.s], service.source_lang, service.target_lang
    )
    if swapped:
        source, target = language_name(service.source_lang), language_name(service.target_lang)
        raise ApiError(
            400,
            f"q reads as {target} and s as {source}: the two look swapped (q is the {source} "
            f"text, s its {target} translation); nothing stored",
        )
    await run_in_threadpool(
        lambda: service.memory.add(key.user, body.q, body.s, origin="suggestion", fence=fence)
    )
    # stored, as ltmt memory add stores one, with its warnings (trial s77: "Ships in 2 days" as
    # "Versand in 5 Tagen" was stored without a word); LibreTranslate's shape has no such field
    said = pair_warnings([PairRecord(body.q, body.s, "s")], service.memory.clean, "stored")
    return {"success": True, "warnings": said} if said else {"success": True}


@router.get("/languages", response_model=list[Language])
def languages(request: Request) -> list[Language]:
    """The model's languages: its source, with the target it translates into, and its target."""
    service = service_of(request)
    source, target = service.source_lang, service.target_lang
    return [
        Language(code=source, name=language_name(source), targets=[target]),
        Language(code=target, name=language_name(target), targets=[]),
    ]


@router.post("/translate_file")
async def translate_file(
    request: Request,
    file: Annotated[UploadFile, File(description="The file to translate (.txt, .docx, ...).")],
    source: Annotated[str, Form(description="The source language, or auto.")],
    target: Annotated[str, Form(description="The target language.")],
    api_key: Annotated[str | None, Form(description="Your ltmt key.")] = None,
    format: Annotated[
        str | None, Form(description="ltmt's: txt, docx, po, ... (default: from the name)")
    ] = None,
    authorization: Annotated[str | None, Header()] = None,
) -> dict[str, Any]:
    """Translate a file with the memory of the ``api_key``'s user; the answer is the URL to
    download it from (LibreTranslate's shapes; the file is kept for an hour), and ltmt's
    ``warnings`` where reading or writing the file warned of something. Its translation stops
    when the client disconnects."""
    service = service_of(request)
    key = await libre_key(request, api_key, authorization)
    _check_pair(service, source, target)

    def work(cancellation: Cancellation) -> tuple[str, str, Warnings]:
        # a document's text, not a list of strings
        wanted = "paragraphs" if format is None and wrapped_text(file) else format
        with collected_warnings() as warnings:  # in the thread: its warnings are the request's
            name, kind, data, _ = translated_upload(
                service, key.user, file, format=wanted, cancellation=cancellation
            )
        download = Download(key.user, name, files.media_type(kind, name), data)
        try:
            return service.downloads.put(download), name, warnings
        except OSError as exc:
            raise ApiError(
                500, f"cannot keep the translated file for its download: {exc.strerror or exc}"
            ) from exc

    kept, name, warnings = await in_thread_unless_disconnected(
        request, work, "the translated file's address"
    )
    public_url = service.config.public_url
    url = absolute_url(request, public_url, "download_file", filename=f"{kept}.{name}")
    return {
        "translatedFileUrl": url,
        **({"warnings": warnings.messages} if warnings.messages else {}),
    }


def wrapped_text(file: UploadFile) -> bool:
    """Whether ``file`` is a ``.txt`` file whose lines look cut by wrapping at a width
    (:func:`ltmt.formats.paragraphs.wrapped_lines`, as ``ltmt translate`` warns of them)."""
    from ltmt.formats.common import decode
    from ltmt.formats.paragraphs import wrapped_lines
    from ltmt.formats.registry import EXTENSIONS

    if EXTENSIONS.get(Path(file.filename or "").suffix.lower()) != "txt":
        return False
    content = file.file.read()
    file.file.seek(0)
    try:
        text = decode(content, Path(file.filename or "upload.txt"))
    except InputError:
        return False
    return wrapped_lines(text.splitlines()) > 0


@router.get(
    "/download_file/{filename}",
    name="download_file",
    response_class=Response,
    responses=file_answer(files.document_media_types(), "The translated file"),
)
def download_file(request: Request, filename: str) -> Response:
    """A file ``/translate_file`` translated, within an hour (no key: the URL is the key)."""
    token = filename.split(".", 1)[0]
    download = service_of(request).downloads.get(token)
    if download is None:
        raise ApiError(
            404,
            f"no translated file {filename}: a translation is kept for an hour after "
            "/translate_file, and only there; translate the file again",
        )
    return Response(
        download.data,
        media_type=download.media_type,
        headers={
            "Content-Disposition": files.attachment(download.name),
            "Cache-Control": "no-store",
        },
    )


@router.get("/frontend/settings")
def frontend_settings(request: Request) -> dict[str, Any]:
    """What LibreTranslate's web page and clients read of a server: its limits, that a key is
    required, the file formats ``/translate_file`` takes and the languages."""
    service = service_of(request)
    source, target = service.source_lang, service.target_lang
    return {
        "charLimit": service.config.max_segment_chars,
        "frontendTimeout": 500,  # LibreTranslate's default (ms): its page's, not ltmt's
        "apiKeys": True,
        "keyRequired": True,
        "suggestions": True,
        "filesTranslation": True,
        "supportedFilesFormat": files.document_extensions(),
        "language": {
            "source": {"code": source, "name": language_name(source)},
            "target": {"code": target, "name": language_name(target)},
        },
    }
