"""``DELETE /v1/memory?origin=``: undo one import, or with ``dry_run=true`` say what undoing it
would delete, as ``ltmt memory delete --origin`` does without ``--yes`` (trial s77: the API
deleted at once, and said neither which origin it took nor what it kept).

The origin is named as the CLI names it (:meth:`~ltmt.memory.store.Memory.named_origin`): as
``GET /v1/memory/stats`` lists it, or an upload's id (``upload-20261208T011823Z-3f9a1c``), or
its file name where one upload alone has it; a name several uploads have is refused with
their origins named (:mod:`ltmt.server.upload_origins`).
"""

from __future__ import annotations

from pydantic import Field

from ltmt.errors import InputError
from ltmt.memory.origins import shown_origin
from ltmt.memory.store import Memory
from ltmt.server.errors import ApiError
from ltmt.server.schemas import Deleted

# what the store's messages name to list a user's origins, and the API's way to
_CLI_STATS = ("'ltmt memory stats --user USER'", "'ltmt memory stats'")
_API_STATS = "GET /v1/memory/stats"


class DeletedOrigin(Deleted):
    origin: str = Field(description="the origin the delete took, as /v1/memory/stats lists it")
    kept_segments: int = Field(
        description="its segments that other origins hold too (a pair another import or batch "
        "stored as well): kept, that origin's"
    )
    dry_run: bool = Field(description="true: nothing was deleted (dry_run=true)")
    would_delete: int | None = Field(
        None,
        description="in a dry run, the segments the delete would delete; null otherwise",
    )


def delete_origin(memory: Memory, user: str, origin: str, *, dry_run: bool) -> DeletedOrigin:
    """Delete ``user``'s segments of ``origin`` (:meth:`~ltmt.memory.store.Memory.undo_origin`),
    or with ``dry_run`` count them alone (:meth:`~ltmt.memory.store.Memory.origin_share`). A
    key's user with no memory yet is answered so (the store's error would name its folder); a
    name that several origins end in, or none, is a 400 whose hint names the API's stats."""
    if user not in memory.users():
        raise ApiError(400, f"{user} has no segments of origin {origin!r} (it has no segments)")
    try:
        share = memory.origin_share(user, origin) if dry_run else memory.undo_origin(user, origin)
    except InputError as exc:
        raise InputError(api_hint(str(exc))) from exc
    return DeletedOrigin(
        user=user,
        origin=shown_origin(share.origin),
        deleted_segments=0 if dry_run else share.alone,
        kept_segments=share.shared,
        dry_run=dry_run,
        would_delete=share.alone if dry_run else None,
    )


def api_hint(message: str) -> str:
    """``message`` (the store's) with its pointer to the CLI's list of origins turned to the
    API's: a client of the server has no shell on it."""
    for cli in _CLI_STATS:
        message = message.replace(cli, _API_STATS)
    return message
