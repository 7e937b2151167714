"""``ltmt memory check|backup|compact|keygen|rekey``: the store's upkeep: its integrity, copies
of it, its size on disk, and the keys of an encrypted store."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer

from ltmt.cli.path_options import given_path
from ltmt.cli.store import (
    EXISTING_KEY_FILE_OPTION,
    MEMORY_DIR_OPTION,
    open_store,
    require_store,
)
from ltmt.errors import InputError, LtmtError, StoreError

# merged into ``ltmt memory`` (ltmt.cli.memory), not a group of its own
app = typer.Typer()


@app.command("check")
def check(
    memory_dir: Path | None = MEMORY_DIR_OPTION,
    key_file: Path | None = EXISTING_KEY_FILE_OPTION,
) -> None:
    """Verify every table of the store (users, segments, dedup entries, index, counts).

    Exit 0 with a summary when everything agrees, else exit 1 naming the first problem. The
    check runs in a process of its own: a page damaged in LMDB's own structure stops the
    process that reads it (LMDB's C assertion), and is then named as damage too.
    """
    require_store(memory_dir)
    typer.echo(_check_in_a_child(memory_dir, key_file))


def _check_in_a_child(memory_dir: Path | None, key_file: Path | None) -> str:
    """The summary of ``memory.check()`` run in a child process (``spawn``: nothing of this
    process's store is shared); its error raised here, and a child that LMDB aborted named as
    a damaged store (:class:`~ltmt.memory.check.Damage`)."""
    import multiprocessing
    import signal

    from ltmt.memory.check import Damage
    from ltmt.paths import resolve_memory_dir

    context = multiprocessing.get_context("spawn")
    receiving, sending = context.Pipe(duplex=False)
    child = context.Process(target=_check_and_send, args=(memory_dir, key_file, sending))
    child.start()
    sending.close()
    try:
        answer = receiving.recv() if receiving.poll(None) else None
    except EOFError:  # the child died before it answered
        answer = None
    child.join()
    if answer is not None:
        kind, text = answer
        if kind == "ok":
            return str(text)
        raise {"input": InputError, "damage": Damage}.get(kind, StoreError)(text)
    code = child.exitcode or 0
    how = f"signal {signal.Signals(-code).name}" if code < 0 else f"exit status {code}"
    raise Damage(
        f"memory store {resolve_memory_dir(memory_dir)} is damaged in LMDB's own structure: "
        f"reading it stopped the process ({how}); restore a backup (README: Restoring a backup)"
    )


def _check_and_send(memory_dir: Path | None, key_file: Path | None, sending: Any) -> None:
    """In the child: check the store and send ``("ok", summary)`` or the error's kind and
    message. Its warnings read as the command's (a spawned child starts without logging)."""
    from ltmt.cli.main import configure_logging
    from ltmt.memory.check import Damage

    configure_logging()
    try:
        with open_store(memory_dir, key_file, existing=True) as memory:
            sending.send(("ok", memory.check().summary()))
    except InputError as exc:
        sending.send(("input", str(exc)))
    except Damage as exc:
        sending.send(("damage", str(exc)))
    except LtmtError as exc:
        sending.send(("store", str(exc)))


@app.command("backup")
def backup(
    directory: Path = typer.Argument(
        ..., parser=given_path, help="New (or empty) directory for the copy."
    ),
    memory_dir: Path | None = MEMORY_DIR_OPTION,
    key_file: Path | None = EXISTING_KEY_FILE_OPTION,
    no_check: bool = typer.Option(
        False,
        "--no-check",
        help="Copy without checking the store first (a damaged store is copied as it is).",
    ),
) -> None:
    """Copy the store into DIRECTORY while it stays in use (consistent and compacted).

    The copy is a store: open it with --memory-dir DIRECTORY (and the same key file). The
    store is checked first ('ltmt memory check'): a damaged one is not backed up, so that the
    damage does not replace good backups.
    """
    from ltmt.memory.check import Damage
    from ltmt.memory.store import no_backup_of_damage

    if not no_check:  # in a child, as 'memory check': a damaged page may abort the reader
        require_store(memory_dir)
        try:
            _check_in_a_child(memory_dir, key_file)
        except Damage as exc:
            raise no_backup_of_damage(exc) from exc
    with open_store(memory_dir, key_file, existing=True) as memory:
        target = memory.backup(directory, check=False)
    typer.echo(f"backed up {memory.path} to {target}")


@app.command("compact")
def compact(
    memory_dir: Path | None = MEMORY_DIR_OPTION,
    key_file: Path | None = EXISTING_KEY_FILE_OPTION,
) -> None:
    """Rewrite the store without its free pages, then swap it in atomically (crash-safe).

    Deleted text stays in data.mdb's freed pages until they are reused; compact removes it and
    shrinks the file. It needs the store to itself: stop other ltmt processes using it first.
    """
    with open_store(memory_dir, key_file, existing=True) as memory:
        report = memory.compact()
    typer.echo(f"compacted {memory.path}: data.mdb {report.before} -> {report.after} bytes")


@app.command("keygen")
def keygen(
    output: Path = typer.Option(
        ...,
        "--output",
        "-o",
        parser=given_path,
        help="Key file to create (mode 0600), or - for standard output (a secrets manager's).",
    ),
) -> None:
    """Write a new random store key to --output (never overwrites a file).

    Keep it apart from the store and back it up: without it an encrypted store cannot be read.
    """
    from ltmt.memory.crypto import new_key_text
    from ltmt.memory.store import Memory
    from ltmt.outputs import describe, is_stdout

    if is_stdout(output):  # "-" is standard output, as for every output (never a file "-")
        typer.echo(new_key_text(), nl=False)
    else:
        Memory.generate_key_file(output)
    typer.echo(f"wrote a new key to {describe(output)}", err=is_stdout(output))


@app.command("rekey")
def rekey(
    new_key_file: Path = typer.Option(
        ..., "--new-key-file", parser=given_path, help="The new store key (make it with keygen)."
    ),
    memory_dir: Path | None = MEMORY_DIR_OPTION,
    key_file: Path | None = EXISTING_KEY_FILE_OPTION,
) -> None:
    """Rotate the store key of an encrypted store: every user's data key is rewrapped.

    The old key still opens backups made before; the store needs --new-key-file from now on.
    The data keys stay: the old key with an old keyring still opens the data. After a leak,
    export every user into a new store instead. Stop a server using the store first.
    """
    with open_store(memory_dir, key_file, existing=True) as memory:
        memory.rekey(new_key_file)
    typer.echo(f"rekeyed {memory.path}: use {new_key_file} from now on")
