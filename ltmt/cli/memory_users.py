"""``ltmt memory stats|users|warm|delete``: what the store holds per user, warming a user's
decoded states, and deleting a user, one segment or the segments of one import."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from ltmt.cli.json_output import echo_json
from ltmt.cli.store import (
    EXISTING_KEY_FILE_OPTION,
    MEMORY_DIR_OPTION,
    open_store,
)
from ltmt.errors import InputError, StoreError
from ltmt.memory.freed_pages import COMPACT_NOTE, deleted_user_note
from ltmt.wording import counted

if TYPE_CHECKING:
    from ltmt.memory.keys import ApiKey
    from ltmt.memory.store import Memory
    from ltmt.memory.writes import OriginShare

# merged into ``ltmt memory`` (ltmt.cli.memory), not a group of its own
app = typer.Typer()


@app.command("stats")
def stats(
    user: str | None = typer.Option(
        None, "--user", "-u", help="One user's counts (default: the store's)."
    ),
    memory_dir: Path | None = MEMORY_DIR_OPTION,
    key_file: Path | None = EXISTING_KEY_FILE_OPTION,
    as_json: bool = typer.Option(False, "--json", help="Print a JSON object."),
) -> None:
    """Counts of the store, or of one user's memory (segments, origins, times).

    A user's origins are each import's file (its path) with what 'ltmt memory delete --origin'
    of it would do: the segments it deletes, held by that origin alone, and, as "+N shared",
    those it keeps, which other origins hold too (a pair imported again from another file).
    --json: origins (the segments each holds as their latest import), shared_origins (those
    each holds besides another's) and origin_shares (each one's "alone" and "shared")."""
    with open_store(memory_dir, key_file, existing=True) as memory:
        data = memory.stats(user)
        if user is not None:
            data["shared_origins"] = memory.shared_origins(user)
            shares = memory.origin_shares(user)
            data["origin_shares"] = {
                name: {"alone": share.alone, "shared": share.shared}
                for name, share in sorted(shares.items())
            }
    if as_json:
        echo_json(data)
        return
    if user is not None:
        del data["shared_origins"], data["origin_shares"]
        data["origins"] = _origins_text(shares)
    for key, value in data.items():
        typer.echo(f"{key}: {_stat_text(key, value)}")


def _origins_text(shares: dict[str, OriginShare]) -> dict[str, str]:
    """Every origin that holds segments of a user, with the segments it holds alone and those
    other origins hold too, as deleting it says them: ``{"cl1.tmx": "0 (+3 shared)",
    "cl2.tmx": "1 (+3 shared)"}``; named as a person gives them
    (:func:`~ltmt.memory.origins.shown_origin`), as stored where two would read alike (a file
    imported alone and with its folder)."""
    from ltmt.memory.origins import shown_origins

    shown = shown_origins(shares)
    return {
        shown[name]: f"{share.alone}" + (f" (+{share.shared} shared)" if share.shared else "")
        for name, share in shares.items()
    }


def _stat_text(key: str, value: Any) -> str:
    """One value of ``stats`` as a person reads it: times in UTC, yes/no, origins on one line."""
    from datetime import datetime, timezone

    if isinstance(value, dict):
        return ", ".join(f"{k}: {v}" for k, v in sorted(value.items())) or "-"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if key == "languages":  # ["en", "de"], or None before an import named them
        return " → ".join(value) if value else "-"
    if key in ("created", "updated") and isinstance(value, (int, float)):
        return datetime.fromtimestamp(value, timezone.utc).strftime("%Y-%m-%d %H:%M:%S UTC")
    return str(value)


@app.command("users")
def users(
    memory_dir: Path | None = MEMORY_DIR_OPTION,
    key_file: Path | None = EXISTING_KEY_FILE_OPTION,
    as_json: bool = typer.Option(False, "--json", help='JSON list of {"user", "segments"}.'),
) -> None:
    """List the users of the store with their segment counts. A user whose memory cannot be
    read (a damaged data key) is listed without a count (JSON: null), and the command then
    fails naming the damage: the other users are still listed."""
    unreadable: list[StoreError] = []

    def count(memory: Any, name: str) -> int | None:
        try:
            return int(memory.count(name))
        except StoreError as exc:
            unreadable.append(exc)
            return None

    with open_store(memory_dir, key_file, existing=True) as memory:
        rows = [{"user": name, "segments": count(memory, name)} for name in memory.users()]
    if as_json:
        echo_json(rows)
    else:
        if not rows:  # said where a person reads it; standard output stays empty for scripts
            typer.echo(f"ltmt: memory store {memory.path} holds no users yet", err=True)
        for row in rows:
            segments = row["segments"]
            typer.echo(f"{row['user']}\t{'?' if segments is None else segments}")
    if unreadable:
        raise unreadable[0]


@app.command("warm")
def warm(
    user: str | None = typer.Option(
        None, "--user", "-u", help="Whose memory (default: every user of the store, in turn)."
    ),
    model: str | None = typer.Option(
        None, "--model", "-m", help="Marian directory (default: embedded), as translations use."
    ),
    fusion: str = typer.Option(
        "auto", "--fusion", help="The fusion the translations use: knn, knn-trained or auto."
    ),
    fusion_weights: str = typer.Option(
        "auto",
        "--fusion-weights",
        help="The fused batches' weights, as translations use (auto, float32, bfloat16, "
        "float32-int8-head, float32-int8-encoder-head, bfloat16-int8-head, int8): states are "
        "kept per weights.",
    ),
    threads: int = typer.Option(0, "--threads", min=0, help="CPU threads (0: one per core)."),
    memory_dir: Path | None = MEMORY_DIR_OPTION,
    key_file: Path | None = EXISTING_KEY_FILE_OPTION,
    as_json: bool = typer.Option(False, "--json", help="Print a JSON list, one report a user."),
) -> None:
    """Force-decode --user's segments now, so that the first translations read them from disk.

    kNN fusion reads each match's decoder states: a run force-decodes the matches it meets and
    keeps them on disk for the next runs. Warming does it for every segment ahead of time
    (after an import, before a server's first requests); use the --model, --fusion and
    --fusion-weights the translations will use. Bounded by the states' disk cache
    ($LTMT_STATE_CACHE_MB, default 256): warming stops when it is 80 % full and says so.
    """
    from dataclasses import asdict

    from ltmt.model.engine import fusion_weight_options
    from ltmt.translator import Translator

    weight_options = fusion_weight_options(fusion_weights)
    with open_store(memory_dir, key_file, existing=True, user=user) as memory:
        if user is not None:
            memory.require_user(user)
        users = [user] if user is not None else memory.users()
        if not users:
            raise InputError(f"memory store {memory.path} has no users: nothing to warm")
        translator = Translator(model, memory, fusion=fusion, threads=threads, **weight_options)
        reports = [_warm_one(translator, memory, name, as_json) for name in users]
    if as_json:
        echo_json([asdict(report) for report in reports])


def _warm_one(translator: Any, memory: Any, user: str, quiet: bool) -> Any:
    """Warm ``user`` with a progress bar (made at the first progress: an error comes before
    any bar); its report, also printed on stderr unless ``quiet``."""
    from tqdm import tqdm

    bars: list[Any] = []

    def advance(count: int) -> None:
        if not bars:
            bars.append(tqdm(total=memory.count(user), unit="segment", desc=f"warm {user}"))
        bars[0].update(count)

    try:
        report = translator.warm(user, progress=advance)
    finally:
        for bar in bars:
            bar.close()
    if not quiet:
        # the folder is the CLI's to say (a server's clients are not told its paths)
        store = translator.fusion.cache.store.base
        full = (
            f"; {report.left_out} left out: the states' disk cache {store} is full "
            "(raise LTMT_STATE_CACHE_MB, default 256, or empty that folder: what it holds is "
            "decoded again when needed)"
        )
        typer.echo(
            f"warmed {user}: {counted(report.decoded, 'segment')} force-decoded "
            f"({report.megabytes} MB), "
            f"{report.on_disk} on disk already, of {report.segments}"
            f"{full if report.left_out else ''}, in {report.seconds} s",
            err=True,
        )
    return report


@app.command("delete")
def delete(
    user: str = typer.Option(..., "--user", "-u", help="Whose memory."),
    segment_id: int | None = typer.Option(None, "--id", help="Delete only this segment."),
    origin: str | None = typer.Option(
        None,
        "--origin",
        help="Delete only the segments of this origin (needs --yes): an import's file, its "
        "path or its name where no other file of the user's has it, as 'ltmt memory stats' "
        "counts them; a folder import's files are origins of their own "
        "(/work/proj/de/app.po), and the folder (/work/proj, or proj where no other "
        "folder imported has the name) deletes them all.",
    ),
    yes: bool = typer.Option(
        False,
        "--yes",
        help="Confirm deleting --user (its whole memory and its API keys) or its --origin.",
    ),
    memory_dir: Path | None = MEMORY_DIR_OPTION,
    key_file: Path | None = EXISTING_KEY_FILE_OPTION,
) -> None:
    """Delete --user's whole memory (needs --yes), one segment with --id, or the segments of
    one import with --origin (needs --yes; without it, says how many would go).

    --origin FILE undoes an import of FILE (into the wrong user): it deletes the pairs whose
    latest import was FILE. Each file of an imported folder is an origin of its own, its path
    (/work/proj/de/app.po); --origin /work/proj (or proj, where no other folder imported has
    the name) undoes them all, and no other folder's.
    A pair FILE re-approved (stored before, then imported again with FILE) goes too, and the
    translation of its source stored before it is the newest again, the one translations
    reuse.

    Deleting the user also revokes its API keys ('ltmt keys'; a user with keys and no memory
    yet is deleted so too), as the server's DELETE /v1/admin/users/NAME does, and removes what
    ltmt keeps of it elsewhere: its translated files waiting for their download and, in every
    cache folder the store noted, the decoded states and the records of its translated
    documents.

    Plaintext can remain: LMDB does not overwrite freed pages at once, so a plain store's
    data.mdb keeps deleted text until 'ltmt memory compact' rewrites it. In an encrypted store a
    deleted user's data key is destroyed, so what remains cannot be decrypted; a deleted single
    segment stays decryptable in freed pages until compact.
    """
    if segment_id is not None and origin is not None:
        raise InputError("--id deletes one segment, --origin the segments of an import: give one")
    if origin is not None:
        _delete_origin(user, origin, yes, memory_dir, key_file)
        return
    with open_store(memory_dir, key_file, existing=True) as memory:
        if segment_id is not None:
            if not memory.delete(user, segment_id):
                memory.require_user(user)  # an unknown user is said as such, with the users
                raise InputError(f"user {user!r} has no segment {segment_id}")
            typer.echo(f"deleted segment {segment_id} of {user}; {COMPACT_NOTE}")
            return
        from ltmt.cli.keys import warn_if_no_admin_left
        from ltmt.memory.keys import KeyRing
        from ltmt.server import accounts

        keys = KeyRing(memory).list(user)
        if not keys:  # a user with a key only is deleted too
            memory.require_user(user)
        # the user's glossary and keys go with its memory: said, so that they are no surprise
        segments, terms = memory.count(user), len(memory.glossary(user))
        if not yes:
            from ltmt.cli.main import click_errors

            going = _held(segments, terms, keys)
            raise click_errors.UsageError(
                f"refusing to delete user {user!r} ({going}) without --yes (it cannot be undone)"
            )
        deleted = accounts.delete_user(memory, user)
        warn_if_no_admin_left(KeyRing(memory), keys)
        encrypted = memory.encrypted
        if deleted.memory is not None:  # what it found holding the lock: an import meanwhile too
            segments, terms = deleted.memory.segments, deleted.memory.terms
    revoked = counted(deleted.revoked, "API key")
    said = f"deleted user {user} ({_held(segments, terms)}); revoked {revoked}"
    # freed pages keep text only where text was deleted; a destroyed key is of a stored user
    note = deleted_user_note(
        encrypted=encrypted and deleted.memory is not None,
        text_deleted=not encrypted and bool(segments or terms),
    )
    if note:
        said += f"; {note}"
    typer.echo(said)


def _delete_origin(
    user: str, origin: str, yes: bool, memory_dir: Path | None, key_file: Path | None
) -> None:
    """``ltmt memory delete --origin``: without ``yes``, a refusal saying how many segments
    would go and how many stay (other origins hold them too); with it, the delete
    (:meth:`~ltmt.memory.store.Memory.undo_origin`), said with the counts it found and the
    origin it named (resolved once, there)."""
    with open_store(memory_dir, key_file, existing=True) as memory:
        if not yes:
            from ltmt.cli.main import click_errors

            share = memory.origin_share(user, origin)
            share = replace(share, origin=_shown_origin(memory, user, share.origin))
            raise click_errors.UsageError(
                f"refusing to {_origin_delete_plan(share, user)} without --yes"
                " (it cannot be undone)"
            )
        shown = _shown_origin(memory, user, memory.named_origin(user, origin))
        undone = memory.undo_origin(user, origin)  # counted in its own read of the segments
    deleted, kept = counted(undone.alone, "segment"), _kept(undone.shared)
    typer.echo(f"deleted {deleted} of {user} from {shown}{kept}; {COMPACT_NOTE}")


def _shown_origin(memory: Memory, user: str, origin: str) -> str:
    """``origin`` of ``user`` as :func:`_origins_text` (stats) shows it: a folder import's file
    as its path, as stored where a file imported alone has that path."""
    from ltmt.memory.origins import shown_origins

    held = [name for name in memory.origin_shares(user) if name != origin]
    return shown_origins([origin, *held])[origin]


def _origin_delete_plan(share: OriginShare, user: str) -> str:
    """What ``memory delete --origin`` will do, as its refusal says it: ``delete the 1 segment
    of git from git.jsonl (2 kept: ...)``; where every pair is another origin's too, ``take
    origin copy.jsonl off 3 segments of git, delete none`` (it said it would delete the 0
    segments)."""
    origin = share.origin
    if share.alone:
        deleted = counted(share.alone, "segment")
        return f"delete the {deleted} of {user} from {origin}{_kept(share.shared)}"
    segments = counted(share.shared, "segment")
    return f"take origin {origin} off {segments} of {user}, delete none (other origins hold them)"


def _kept(shared: int) -> str:
    """`` (2 kept: other origins hold them too)``: the segments an origin's delete leaves."""
    return f" ({shared} kept: other origins hold them too)" if shared > 0 else ""


def _held(segments: int, terms: int, keys: Sequence[ApiKey] = ()) -> str:
    """``12 segments, 3 glossary terms and 2 API keys, one of them an admin key``: what a
    delete of a user takes, as it says it (no terms, no keys: left unsaid)."""
    parts = [counted(segments, "segment")]
    if terms:
        parts.append(counted(terms, "glossary term"))
    if keys:
        parts.append(counted(len(keys), "API key") + _admins_among(keys))
    return " and ".join([", ".join(parts[:-1]), parts[-1]] if len(parts) > 1 else parts)


def _admins_among(keys: Sequence[ApiKey]) -> str:
    """``, one of them an admin key``: a delete that revokes an admin's key says so."""
    admins = sum(key.admin for key in keys)
    if not admins:
        return ""
    if admins == len(keys):
        return ", an admin key" if admins == 1 else ", all of them admin keys"
    return ", one of them an admin key" if admins == 1 else f", {admins} of them admin keys"
