"""The origin the server records for the pairs one request stores: each upload an origin of its
own, so that ``DELETE /v1/memory?origin=`` undoes that one alone; batches of pairs one shared
origin, ``api``, or the one their client names.

An upload of ``export.tmx`` is recorded as ``upload-20261208T011823Z-3f9a1c/export.tmx``: its
upload id (when it came, in UTC, and six random hex digits) as a folder, and its file name in
it. The upload id alone names that upload, and so does the file name where no other upload has
it (:func:`ltmt.memory.origins.named_origin` refuses a name several uploads have, naming them).

A batch of ``POST /v1/memory/pairs`` is recorded as ``api``, or with the ``origin`` label its
client gives (``review-42``) as ``api/review-42``: the label names it as a file name names an
upload, and ``api`` names every batch, labelled or not. Batches are not one origin each, as
uploads are: a CAT tool posts each pair on its own, and the user's record keeps a count per
origin, rewritten by every write (trial s77: one origin per batch made 3,000 one-pair posts
take 10.0 s where one origin took 7.6 s, and ``/v1/memory/stats`` list every one).

Before trial s77 an upload's origin was its file name alone, so two files named ``export.tmx``
were one origin and undoing one deleted both; stores written so keep those origins, named as
before, and those a server gave each batch for a while (``api-20261208T011823Z-3f9a1c``).
"""

from __future__ import annotations

import re
import secrets
from datetime import datetime, timezone

UPLOAD_PREFIX = "upload-"
PAIRS_ORIGIN = "api"  # every batch of pairs, and the folder of the labelled ones
LEARN_ORIGIN = "learn"  # the pairs learned with a translation: one origin, as they come one by one
MAX_LABEL_CHARS = 64
# one path part that names itself: no "/", no "." or ".." (a leading letter or digit), no space
_LABEL = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")


def new_upload_id(now: datetime | None = None) -> str:
    """An id for one upload: ``20261208T011823Z-3f9a1c``, the time ``now`` (default: the
    present) in UTC to the second, and six random hex digits that tell apart two uploads of
    one second."""
    when = (now or datetime.now(timezone.utc)).astimezone(timezone.utc)
    return f"{when:%Y%m%dT%H%M%SZ}-{secrets.token_hex(3)}"


def upload_origin(name: str, upload_id: str) -> str:
    """The origin of the pairs of an uploaded file ``name`` (a safe name: no ``/``), uploaded
    as ``upload_id``: ``upload-20261208T011823Z-3f9a1c/export.tmx``."""
    return f"{UPLOAD_PREFIX}{upload_id}/{name}"


def pairs_origin(label: str | None = None) -> str:
    """The origin of a batch of pairs: ``api``, or ``api/review-42`` for the ``label``
    ``review-42`` (checked by :func:`label_problem` first)."""
    return PAIRS_ORIGIN if label is None else f"{PAIRS_ORIGIN}/{label}"


def label_problem(label: str) -> str | None:
    """What makes ``label`` no origin label for a batch of pairs, in one line; None for a
    label: 1 to 64 ASCII letters, digits, ``.``, ``_`` or ``-``, the first a letter or digit,
    so that it is one part of the origin's path and names itself."""
    if len(label) <= MAX_LABEL_CHARS and _LABEL.fullmatch(label):
        return None
    said = (
        f"a label of {len(label)} characters is too long"
        if len(label) > MAX_LABEL_CHARS
        else f"{label!r} is no origin label"
    )
    return (
        f"{said}: give 1 to {MAX_LABEL_CHARS} ASCII letters, digits, '.', '_' or '-', the "
        "first a letter or digit (review-42)"
    )
