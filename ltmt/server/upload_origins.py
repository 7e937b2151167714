"""The origin the server records for the pairs one request stores: each upload and each batch
of pairs an origin of its own, so that ``DELETE /v1/memory?origin=`` undoes that one alone.

An upload of ``export.tmx`` is recorded as ``upload-20261208T011823Z-3f9a1c/export.tmx``: its
upload id (when it came, in UTC, and six random hex digits) as a folder, and its file name in
it. The upload id alone names that upload, and so does the file name where no other upload has
it (:func:`ltmt.memory.origins.named_origin` refuses a name several uploads have, naming them).
A batch of ``POST /v1/memory/pairs`` is recorded as ``api-20261208T011823Z-3f9a1c``.

Before (trial s77), an upload's origin was its file name alone, so two files named
``export.tmx`` were one origin and undoing one deleted both, and every batch was ``api``. Stores
written so keep those origins, named as before.
"""

from __future__ import annotations

import secrets
from datetime import datetime, timezone

UPLOAD_PREFIX = "upload-"
PAIRS_PREFIX = "api-"
LEARN_ORIGIN = "learn"  # the pairs learned with a translation: one origin, as they come one by one


def new_upload_id(now: datetime | None = None) -> str:
    """An id for one request's pairs: ``20261208T011823Z-3f9a1c``, the time ``now`` (default:
    the present) in UTC to the second, and six random hex digits that tell apart two requests
    of one second."""
    when = (now or datetime.now(timezone.utc)).astimezone(timezone.utc)
    return f"{when:%Y%m%dT%H%M%SZ}-{secrets.token_hex(3)}"


def upload_origin(name: str, upload_id: str) -> str:
    """The origin of the pairs of an uploaded file ``name`` (a safe name: no ``/``), uploaded
    as ``upload_id``: ``upload-20261208T011823Z-3f9a1c/export.tmx``."""
    return f"{UPLOAD_PREFIX}{upload_id}/{name}"


def pairs_origin(upload_id: str) -> str:
    """The origin of one batch of pairs posted as ``upload_id``:
    ``api-20261208T011823Z-3f9a1c``."""
    return f"{PAIRS_PREFIX}{upload_id}"
