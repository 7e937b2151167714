"""``/v1/admin``: users and keys, for admin keys only."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request

from ltmt.memory.freed_pages import deleted_user_note
from ltmt.memory.keys import LastAdminKeyError, check_key_id, new_user_typo
from ltmt.memory.user_ids import check_new_user, check_user
from ltmt.server import accounts
from ltmt.server.auth import require_admin
from ltmt.server.errors import ApiError
from ltmt.server.json_body import Utf8JsonRoute
from ltmt.server.routes import KeyDep, known_parameters, no_such_user, service_of
from ltmt.server.schemas import CreatedKeyOut, DeletedUserOut, KeyOut, KeyRequest, UserOut

router = APIRouter(
    prefix="/v1/admin", dependencies=[Depends(known_parameters)], route_class=Utf8JsonRoute
)


@router.post("/keys", response_model=CreatedKeyOut, status_code=201)
def create_key(body: KeyRequest, request: Request, key: KeyDep) -> CreatedKeyOut:
    """A new key for a user (the token is in this answer only); its user id is checked as
    ``ltmt keys create`` checks it (:func:`~ltmt.memory.user_ids.check_new_user`: no ``..``)."""
    require_admin(key)
    check_new_user(body.user)
    keys = service_of(request).keys
    typo = new_user_typo(keys, body.user)
    created, token = keys.create(body.user, admin=body.admin)
    return CreatedKeyOut(**KeyOut.of(created, token).model_dump(), warnings=[typo] if typo else [])


@router.get("/keys", response_model=list[KeyOut])
def list_keys(request: Request, key: KeyDep, user: str | None = None) -> list[KeyOut]:
    """Every key (of ``user`` when given, a valid user id), without tokens."""
    require_admin(key)
    named = None if user is None else check_user(user)
    return [KeyOut.of(k) for k in service_of(request).keys.list(named)]


@router.delete("/keys/{key_id}", response_model=KeyOut)
def revoke_key(key_id: str, request: Request, key: KeyDep) -> KeyOut:
    """Revoke a key: it is refused from the next request on. The last admin key is not revoked
    (409): that would leave no key to manage users and keys with."""
    require_admin(key)
    check_key_id(key_id)  # a token pasted here is refused without its secret in the answer
    keys = service_of(request).keys
    if key_id not in {k.id for k in keys.list()}:
        raise ApiError(
            404,
            f"no key {key_id!r}: revoked already, or never made (GET /v1/admin/keys lists "
            "the keys in use)",
        )
    try:
        return KeyOut.of(keys.revoke(key_id, keep_an_admin=True))
    except LastAdminKeyError:
        raise ApiError(
            409,
            f"key {key_id} is the last admin key: revoking it would lock every admin out; make "
            'another first (POST /v1/admin/keys with "admin": true)',
        ) from None


@router.get("/users", response_model=list[UserOut])
def list_users(request: Request, key: KeyDep) -> list[UserOut]:
    """Every user: those with a memory, with their segment counts, and those with a key and
    nothing stored yet (``memory: false``), by name."""
    require_admin(key)
    service = service_of(request)
    stored = set(service.memory.users())
    keys: dict[str, int] = {}
    for each in service.keys.list():
        keys[each.user] = keys.get(each.user, 0) + 1
    return [
        UserOut(
            user=name,
            segments=service.memory.count(name) if name in stored else 0,
            memory=name in stored,
            keys=keys.get(name, 0),
        )
        for name in sorted(stored | set(keys))
    ]


@router.delete("/users/{user}", response_model=DeletedUserOut)
def delete_user(user: str, request: Request, key: KeyDep) -> DeletedUserOut:
    """Delete a user's memory and its translated files waiting for their download, and revoke
    all of its keys. An admin key's own user is not deleted (409): that revoked the key of
    the request, and with it, often, the last admin key."""
    require_admin(key)
    check_user(user)
    if user == key.user:
        raise ApiError(
            409,
            f"an admin key cannot delete its own user {user!r} (that would revoke this key): "
            "use another admin's key, or 'ltmt memory delete' on the server",
        )
    service = service_of(request)
    known = user in service.memory.users() or service.keys.list(user)
    if not known:
        raise ApiError(404, no_such_user(service, user))
    deleted = accounts.delete_user(service.memory, user, service.downloads)
    encrypted = service.memory.encrypted
    return DeletedUserOut(
        user=user,
        deleted_segments=deleted.segments,
        revoked_keys=deleted.revoked,
        deleted_glossary_terms=deleted.terms,
        note=deleted_user_note(
            encrypted=encrypted and deleted.memory is not None,
            text_deleted=bool(deleted.segments or deleted.terms),
            server=True,
        ),
    )
