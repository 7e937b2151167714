"""The origin each upload and batch of pairs is stored under: one of its own."""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

import pytest

from ltmt.server.upload_origins import new_upload_id, pairs_origin, upload_origin

UPLOAD_ID = re.compile(r"\d{8}T\d{6}Z-[0-9a-f]{6}")


@pytest.mark.parametrize(
    ("now", "stamp"),
    [
        (datetime(2026, 12, 8, 1, 18, 23, tzinfo=timezone.utc), "20261208T011823Z"),
        # another zone's time is written in UTC
        (datetime(2026, 12, 8, 2, 18, 23, tzinfo=timezone(timedelta(hours=1))), "20261208T011823Z"),
    ],
)
def test_an_upload_id_is_its_utc_time_and_six_hex_digits(now: datetime, stamp: str) -> None:
    upload_id = new_upload_id(now)
    assert UPLOAD_ID.fullmatch(upload_id) and upload_id.startswith(f"{stamp}-")


def test_two_uploads_of_one_second_get_two_ids() -> None:
    now = datetime(2026, 12, 8, 1, 18, 23, tzinfo=timezone.utc)
    assert len({new_upload_id(now) for _ in range(50)}) == 50
    assert UPLOAD_ID.fullmatch(new_upload_id())  # the present, without a time given


def test_an_upload_is_its_id_as_a_folder_and_a_batch_is_its_id() -> None:
    upload_id = "20261208T011823Z-3f9a1c"
    assert upload_origin("export.tmx", upload_id) == "upload-20261208T011823Z-3f9a1c/export.tmx"
    assert pairs_origin(upload_id) == "api-20261208T011823Z-3f9a1c"
