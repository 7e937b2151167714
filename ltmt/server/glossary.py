"""The ``/v1/glossary`` API: the glossary of the key's user (list, add, import, delete).

The same rules as ``ltmt glossary``: imports are all or nothing (a bad row is refused with its
line number, a TBX entry without both languages with its number), terms are keyed by their
source. A per-request glossary goes with ``POST /v1/translate`` (``glossary`` in its body).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, File, Form, Query, Request, UploadFile
from pydantic import BaseModel, Field

from ltmt.memory.glossary import GlossaryUpdate
from ltmt.server.errors import ApiError
from ltmt.server.files import safe_name, upload_path
from ltmt.server.json_body import Utf8JsonRoute
from ltmt.server.routes import (
    KeyDep,
    UserParam,
    existing_user,
    known_parameters,
    service_of,
    write_fence,
)
from ltmt.server.schemas import RequestBody, TermIn, request_terms
from ltmt.terminology.files import read_glossary

router = APIRouter(
    prefix="/v1/glossary", dependencies=[Depends(known_parameters)], route_class=Utf8JsonRoute
)


class GlossaryOut(BaseModel):
    user: str
    terms: list[TermIn]


class TermsRequest(RequestBody):
    terms: list[TermIn] = Field(min_length=1, description="Terms to add (or replace by source).")


class GlossaryUpdateOut(BaseModel):
    user: str
    added: int
    replaced: int
    unchanged: int

    @classmethod
    def of(cls, user: str, update: GlossaryUpdate) -> GlossaryUpdateOut:
        return cls(
            user=user, added=update.added, replaced=update.replaced, unchanged=update.unchanged
        )


class GlossaryDeleted(BaseModel):
    user: str
    deleted: int
    not_found: list[str] = Field(
        default_factory=list, description="Sources asked for that the glossary does not have."
    )


@router.get("", response_model=GlossaryOut)
def list_terms(request: Request, key: KeyDep, user: UserParam = None) -> GlossaryOut:
    """Every term of the user's glossary."""
    who = existing_user(service_of(request), key, user)
    terms = service_of(request).memory.glossary(who).terms()
    return GlossaryOut(user=who, terms=[TermIn.of(t) for t in terms])


@router.post("", response_model=GlossaryUpdateOut)
def add_terms(
    body: TermsRequest, request: Request, key: KeyDep, user: UserParam = None
) -> GlossaryUpdateOut:
    """Add terms (all in one transaction; a term with a stored source replaces it)."""
    service = service_of(request)
    who = existing_user(service, key, user)
    fence = write_fence(service, key, who)
    terms = request_terms(body.terms, "terms")
    return GlossaryUpdateOut.of(who, service.memory.glossary(who).add_terms(terms, fence=fence))


@router.post("/import", response_model=GlossaryUpdateOut)
def import_terms(
    request: Request,
    key: KeyDep,
    file: Annotated[UploadFile, File(description="A .csv, .tsv or .tbx glossary.")],
    format: Annotated[str | None, Form(description="csv, tsv or tbx (default: from the name)")] = (
        None
    ),
    user: UserParam = None,
    language_check: Annotated[
        bool,
        Form(
            description="Refuse a glossary whose terms read as other languages than the "
            "server's pair (swapped columns, another pair); false imports it as it is"
        ),
    ] = True,
) -> GlossaryUpdateOut:
    """Import a glossary file, checked whole first (a bad row, or with ``language_check``
    terms that read as other languages, as ``ltmt glossary import`` refuses them, write
    nothing)."""
    service = service_of(request)
    who = existing_user(service, key, user)
    fence = write_fence(service, key, who)
    name = safe_name(file.filename, "glossary")
    with upload_path(name, file.file.read(), service.memory.path) as path:
        terms = read_glossary(
            path,
            format,
            src_lang=service.source_lang,
            tgt_lang=service.target_lang,
            language_check=language_check,
            override="language_check=false",
            format_option="the format field",
        )
    return GlossaryUpdateOut.of(who, service.memory.glossary(who).add_terms(terms, fence=fence))


@router.delete("", response_model=GlossaryDeleted)
def delete_terms(
    request: Request,
    key: KeyDep,
    source: Annotated[
        list[str] | None, Query(description="Source terms to delete (none given: all).")
    ] = None,
    case_sensitive: Annotated[
        bool | None,
        Query(
            description="Only the case-sensitive term written exactly so (true), or only the "
            "case-insensitive one (false); not given: both."
        ),
    ] = None,
    user: UserParam = None,
) -> GlossaryDeleted:
    """Delete the terms with these sources, or the whole glossary. 404 when none of the
    sources is in the glossary (as ``ltmt glossary delete``); the ones missing are listed."""
    who = existing_user(service_of(request), key, user)
    glossary = service_of(request).memory.glossary(who)
    if not source and case_sensitive is not None:  # as ltmt glossary delete --all refuses it
        raise ApiError(
            422,
            "case_sensitive picks the term of each source given; with no source every term is "
            "deleted: give source, or leave case_sensitive out; nothing deleted",
        )
    if not source:
        return GlossaryDeleted(user=who, deleted=glossary.clear())
    counts = {s: glossary.delete(s, case_sensitive=case_sensitive) for s in source}
    missing = [s for s, count in counts.items() if not count]
    if len(missing) == len(counts):
        names = ", ".join(repr(s) for s in missing)
        raise ApiError(404, f"{who} has no glossary term {names}; nothing deleted")
    return GlossaryDeleted(user=who, deleted=sum(counts.values()), not_found=missing)
