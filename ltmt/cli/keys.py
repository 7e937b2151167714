"""``ltmt keys``: create, list and revoke the server's API keys."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from ltmt.cli.markup import HELP_MARKUP
from ltmt.cli.store import (
    EXISTING_KEY_FILE_OPTION,
    KEY_FILE_OPTION,
    MEMORY_DIR_OPTION,
    open_store,
)

if TYPE_CHECKING:
    from ltmt.memory.keys import ApiKey, KeyRing

app = typer.Typer(
    help="API keys of 'ltmt serve': create, list, revoke.",
    no_args_is_help=True,
    rich_markup_mode=HELP_MARKUP,
)


def register(app_: typer.Typer) -> None:
    app_.add_typer(app, name="keys")


@contextmanager
def _ring(
    memory_dir: Path | None, key_file: Path | None, *, existing: bool = True
) -> Iterator[Any]:
    """The keys of the store; only ``create`` (``existing=False``) may make a new store."""
    from ltmt.memory.keys import KeyRing

    with open_store(memory_dir, key_file, existing=existing) as memory:
        yield KeyRing(memory)


@app.command("create")
def create(
    user: str = typer.Option(..., "--user", "-u", help="Whose memory the key reaches."),
    admin: bool = typer.Option(
        False,
        "--admin",
        help="The key reaches every user's memory (reads, exports, changes, deletes) and manages "
        "users and keys; give it to no customer.",
    ),
    memory_dir: Path | None = MEMORY_DIR_OPTION,
    key_file: Path | None = KEY_FILE_OPTION,
) -> None:
    """Create a key for --user and print its token (shown this once; only a hash is stored)."""
    from ltmt.memory.user_ids import check_new_user

    check_new_user(user)  # before a store is made for it
    from ltmt.memory.keys import new_user_typo

    with _ring(memory_dir, key_file, existing=False) as ring:
        typo = new_user_typo(ring, user)
        key, token = ring.create(user, admin=admin)
    typer.echo(token)
    kind = "admin key" if admin else "key"
    typer.echo(
        f"ltmt: created {kind} {key.id} for {user}; keep the token, it is not stored", err=True
    )
    if typo:
        typer.echo(f"ltmt: warning: {typo}", err=True)


@app.command("list")
def list_(
    user: str | None = typer.Option(None, "--user", "-u", help="Only this user's keys."),
    memory_dir: Path | None = MEMORY_DIR_OPTION,
    key_file: Path | None = EXISTING_KEY_FILE_OPTION,
    as_json: bool = typer.Option(
        False, "--json", help="A JSON list of {id, user, admin, created}."
    ),
) -> None:
    """List the keys (ids, users, admin flags; never tokens)."""
    with _ring(memory_dir, key_file) as ring:
        keys = ring.list(user)
    if as_json:
        typer.echo(json.dumps([k.to_dict() for k in keys], indent=2))
        return
    if not keys:  # said on stderr: a typo in --user or --memory-dir shows at once
        typer.echo("ltmt: no keys" + (f" for {user}" if user else "") + " in this store", err=True)
    for key in keys:
        made = time.strftime("%Y-%m-%d %H:%M", time.gmtime(key.created))
        typer.echo(f"{key.id}\t{key.user}\t{'admin' if key.admin else 'user'}\t{made}")


@app.command("revoke")
def revoke(
    key_id: str = typer.Argument(
        ...,
        help="The key's id, as 'ltmt keys list' shows it, or its whole token (a leaked one).",
    ),
    memory_dir: Path | None = MEMORY_DIR_OPTION,
    key_file: Path | None = EXISTING_KEY_FILE_OPTION,
) -> None:
    """Revoke a key: a running server refuses it from the next request on."""
    from ltmt.memory.keys import is_token

    with _ring(memory_dir, key_file) as ring:
        key = ring.revoke_token(key_id) if is_token(key_id) else ring.revoke(key_id)
        warn_if_no_admin_left(ring, [key])
    typer.echo(f"revoked key {key.id} of {key.user}")


def warn_if_no_admin_left(ring: KeyRing, revoked: Sequence[ApiKey]) -> None:
    """Warn on stderr where the keys just ``revoked`` took the store's last admin key: the
    command line may (its user can make another), the API refuses, as it locks its admins out."""
    if any(key.admin for key in revoked) and not ring.has_admin():
        typer.echo(
            "ltmt: warning: no admin key is left in this store: the server's /v1/admin "
            "endpoints refuse every key until 'ltmt keys create --user NAME --admin' makes one",
            err=True,
        )
