"""User ids: which names a memory may have (1-64 of ``A-Z a-z 0-9 . _ -``), the error that
names an invalid one without filling the screen with it, the users a new name is close to, and
the refusal of a name that is likely a typo of one of them."""

from __future__ import annotations

import difflib
import re
from collections.abc import Collection, Iterable

from ltmt.errors import InputError
from ltmt.wording import shortened

USER_ID = re.compile(r"[A-Za-z0-9._-]{1,64}")
USER_ID_SHOWN = 72  # characters of an invalid id that its error shows (a valid one has 64)


def check_user(user: object) -> str:
    """``user`` if it is a valid user id (1-64 of ``A-Z a-z 0-9 . _ -``), else InputError."""
    if not isinstance(user, str) or not USER_ID.fullmatch(user):
        raise InputError(
            f"invalid user id {_shown(user)}: use 1-64 characters from A-Z, a-z, 0-9, '.', '_', '-'"
        )
    return user


def check_new_user(user: object) -> str:
    """``user`` if it may name a new memory: a valid id (:func:`check_user`) that is not dots
    alone (``.``, ``..``: a URL or a path would read them as a folder). An existing memory of
    such a name, stored before this check, stays readable by :func:`check_user`."""
    if check_user(user).strip(".") == "":
        raise InputError(
            f"invalid user id {user!r}: dots alone would read as a folder in a URL or a path; "
            "use a letter or a digit too"
        )
    return str(user)


def _shown(user: object) -> str:
    """``user`` quoted as an error names it, cut to :data:`USER_ID_SHOWN` characters: an id
    of thousands of characters filled the screen (and a log line)."""
    if isinstance(user, str):
        return repr(shortened(user, USER_ID_SHOWN))
    return shortened(repr(user), USER_ID_SHOWN)


_DIGITS = re.compile(r"\d+")


def close_users(user: str, users: Iterable[str]) -> list[str]:
    """The ``users`` whose names are close to ``user``'s but not it: the same letters in
    another case (``WebApp``, ``webapp``), or, where either name has 4 letters or more, one
    edit apart (a letter left out, added, changed, or two swapped: ``webap``; ``shp`` for
    ``shop``, ``lar`` for ``lara``, which two trials ran without their memory, session 75),
    case differences first, 3 at most; a new user of such a name is likely a typo of theirs.
    Two shorter names are close only with two neighbours swapped (``nv`` for ``vn``, ``gti``
    for ``git``): one letter changed is another short name (``got``), but a swap keeps every
    letter. A ratio of likeness named ``imp_hdr_tsv`` close to ``imp_longhdr_tsv``, 4 letters
    apart. Names that differ in their digits alone (``client1``, ``client2``: users numbered on
    purpose) are not close."""
    folded = user.casefold()
    others = [name for name in users if name != user]
    same = [name for name in others if name.casefold() == folded]
    edited = [
        name
        for name in others
        if _close(folded, name.casefold()) and not _numbered_apart(folded, name.casefold())
    ]
    return (same + edited)[:3]


def _close(typed: str, stored: str) -> bool:
    """Whether the case-folded names ``typed`` and ``stored`` are close (:func:`close_users`):
    one edit apart where either has 4 letters or more, else two neighbours swapped."""
    if max(len(typed), len(stored)) >= 4:
        return _one_edit_apart(typed, stored)
    return _swapped_apart(typed, stored)


def likely_typo(user: str, users: Collection[str], where: str, on_purpose: str) -> str | None:
    """The one-line refusal of a command about to go on without ``user``'s memory, where
    ``users`` (those of the store ``where`` names) hold none of that name but one close to it
    (:func:`close_users`, what ``memory import`` warns of): ``no user 'nv' in memory store
    /srv/tm; did you mean vn? ...``, then ``on_purpose``, how the caller goes on for a new user
    all the same (``--new-user``). A run told only a warning rewrote a reviewed file without
    its memory (session 72). None where ``user`` is one of ``users`` or none is close to it
    (a new user, said as :func:`ltmt.lookup.missing_user` says it)."""
    if user in users:
        return None
    close = close_users(user, users)
    if not close:
        return None
    return f"no user {user!r} in {where}; did you mean {', '.join(close)}? {on_purpose}"


def close_user_warning(user: str, before: Iterable[str], undo: str) -> str | None:
    """The warning of a write that made ``user`` anew, where a user of the store ``before``
    it has a name close to it (:func:`close_users`: ``webap`` beside ``webapp``): a typo's
    pairs are otherwise stored apart, unnoticed. ``undo``: what undoes it, in the caller's
    words (``Memory.delete_user('webap')``, ``'ltmt memory delete --user webap --yes'``).
    None where none is close. A notice, not a refusal: a write makes its user, and the first
    write of each is one."""
    close = close_users(user, before)
    if not close:
        return None
    return f"did you mean {', '.join(close)}? (a new user {user} was created; {undo} undoes it)"


def likely_users(user: str, users: Iterable[str]) -> list[str]:
    """The ``users`` a misspelt ``user`` likely meant, 3 at most: those of the same letters in
    another case first (``Globex`` for ``globex``: difflib, which tells cases apart, left it
    out behind three typos, and found no ``aptco`` for ``APTCO``), then the close ones
    (:func:`difflib.get_close_matches`), their case ignored. Looser than :func:`close_users`:
    this names the users a name that was not found may have meant (``did you mean``), where
    that one warns that a new name is likely a typo of a user's, where a false alarm costs."""
    folded = user.casefold()
    others = [name for name in users if name != user]
    same = [name for name in others if name.casefold() == folded]
    by_fold: dict[str, list[str]] = {}
    for name in others:
        by_fold.setdefault(name.casefold(), []).append(name)
    close = difflib.get_close_matches(folded, [f for f in by_fold if f != folded], n=3)
    return (same + [name for fold in close for name in by_fold[fold]])[:3]


def _numbered_apart(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` differ in their digits alone (``client1``, ``client12``)."""
    return _DIGITS.sub("", a) == _DIGITS.sub("", b)


def _swapped_apart(a: str, b: str) -> bool:
    """Whether ``b`` is ``a`` with two neighbouring letters swapped, and nothing else."""
    if len(a) != len(b) or a == b:
        return False
    start = next(i for i, (x, y) in enumerate(zip(a, b)) if x != y)
    return a[start : start + 2] == b[start : start + 2][::-1] and a[start + 2 :] == b[start + 2 :]


def _one_edit_apart(a: str, b: str) -> bool:
    """Whether ``b`` is ``a`` with one letter left out, added or changed, or two neighbours
    swapped (a Damerau-Levenshtein distance of 1)."""
    if abs(len(a) - len(b)) > 1 or a == b:
        return False
    start = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    if len(a) != len(b):
        longer, shorter = (a, b) if len(a) > len(b) else (b, a)
        return longer[start + 1 :] == shorter[start:]
    return a[start + 1 :] == b[start + 1 :] or (
        a[start : start + 2] == b[start : start + 2][::-1] and a[start + 2 :] == b[start + 2 :]
    )
