"""The memory store as the CLI opens it: the --memory-dir and --key-file options, a store that
must exist, and one made on first use (said on stderr, so a mistyped path shows), and the notice
of a write that made a user whose name is close to another's."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer

from ltmt.cli.json_output import warn
from ltmt.cli.path_options import given_path
from ltmt.errors import InputError

MEMORY_DIR_HELP = (
    "Memory store directory (default: $LTMT_HOME, else $XDG_DATA_HOME/ltmt, else "
    "~/.local/share/ltmt)."
)
MEMORY_DIR_OPTION = typer.Option(None, "--memory-dir", parser=given_path, help=MEMORY_DIR_HELP)
KEY_FILE_HELP = (
    "Store key of an encrypted store (default: $LTMT_KEY_FILE); given to a new store, it makes "
    "the store encrypted. Make one with 'ltmt memory keygen'."
)
KEY_FILE_OPTION = typer.Option(None, "--key-file", parser=given_path, help=KEY_FILE_HELP)
# for the commands that only read or maintain a store, which never make one
EXISTING_KEY_FILE_OPTION = typer.Option(
    None,
    "--key-file",
    parser=given_path,
    help="Store key of an encrypted store (default: $LTMT_KEY_FILE).",
)


def open_store(
    memory_dir: Path | None,
    key_file: Path | None,
    *,
    existing: bool = False,
    user: str | None = None,
) -> Any:
    """The memory store of ``--memory-dir`` and ``--key-file`` (a context manager).

    A missing store is created (and the user told where, on stderr: a mistyped
    ``--memory-dir`` shows), unless ``existing`` (commands that only read or maintain a
    store): then a missing one is an :class:`InputError`, so a mistyped ``--memory-dir`` is
    not answered with an empty result. ``user`` is checked first: a bad one makes no store.
    """
    from ltmt.memory.store import Memory
    from ltmt.memory.user_ids import check_user

    if user is not None:
        check_user(user)
    if existing:
        require_store(memory_dir)
    new = not store_exists(memory_dir)
    memory = Memory(memory_dir, key_file=key_file)
    if new:
        typer.echo(f"ltmt: created a new memory store at {memory.path}", err=True)
    return memory


def open_store_before_reading(
    memory_dir: Path | None, key_file: Path | None, *, user: str
) -> Any | None:
    """For a command that reads a long input before it writes (an import): the existing store
    of ``--memory-dir`` opened now, so that a wrong key or user fails before the read; None
    when there is no store yet, once what making it would refuse is checked (the user id, the
    key file, a file where the store's directory would be): the caller makes it with
    :func:`open_store` when the input is read, so a bad input still makes no store."""
    from ltmt.memory.crypto import read_key_file, resolve_key_file
    from ltmt.memory.env import check_store_path
    from ltmt.memory.user_ids import check_user
    from ltmt.paths import resolve_memory_dir

    check_user(user)
    if store_exists(memory_dir):
        return open_store(memory_dir, key_file, user=user)
    check_store_path(resolve_memory_dir(memory_dir))
    key = resolve_key_file(key_file)
    if key is not None:
        read_key_file(key)
    return None


def require_store(memory_dir: Path | None) -> None:
    """:class:`InputError` unless ``--memory-dir`` (or its default) holds a store."""
    from ltmt.memory.env import check_not_a_file
    from ltmt.paths import resolve_memory_dir

    if not store_exists(memory_dir):
        path = resolve_memory_dir(memory_dir)
        check_not_a_file(path)
        raise InputError(
            f"no memory store at {path}: check --memory-dir (a store is made by its first "
            "import or add, or by 'ltmt keys create')"
        )


def store_exists(memory_dir: Path | None) -> bool:
    """Whether ``--memory-dir`` (or its default) holds a store."""
    from ltmt.memory.layout import DATA_FILE
    from ltmt.paths import resolve_memory_dir

    folder = resolve_memory_dir(memory_dir)
    try:
        data = folder / DATA_FILE
        if data.exists() and not data.is_file():  # not "no store": a damaged one
            raise InputError(
                f"{data} is not a file; the memory store {folder} is damaged: restore it from a "
                "backup (README: Restoring a backup)"
            )
        return data.is_file()
    except OSError as exc:  # a folder this user may not read (another user's store)
        raise InputError(
            f"cannot read memory store {folder}: {exc.strerror}; check its owner and mode "
            f"(ls -ld {folder})"
        ) from None


def warn_if_close_to_a_user(user: str, users_before: list[str]) -> None:
    """A notice where a write made ``user`` anew (not among ``users_before``, the store's before
    it) and another user's name is close to it (:func:`~ltmt.memory.user_ids.close_user_warning`,
    the Python API's, said with the command that undoes it): ``memory import``'s, and ``memory
    add``'s and ``glossary import|add``'s, whose typo's pairs or terms went to a new user
    unnoticed (session 72)."""
    from ltmt.memory.user_ids import close_user_warning

    if user in users_before:
        return
    warning = close_user_warning(user, users_before, f"'ltmt memory delete --user {user} --yes'")
    if warning is not None:
        warn(warning)
