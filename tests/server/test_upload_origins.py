"""The origin each upload is stored under (one of its own), and a batch of pairs (``api``, or
``api/LABEL`` for the label its client gives)."""

from __future__ import annotations

import re
import time
from datetime import datetime, timedelta, timezone

import pytest

from ltmt.server.upload_origins import (
    label_problem,
    new_upload_id,
    pairs_origin,
    upload_origin,
)

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


def test_an_upload_is_its_id_as_a_folder_and_its_file_name() -> None:
    upload_id = "20261208T011823Z-3f9a1c"
    assert upload_origin("export.tmx", upload_id) == "upload-20261208T011823Z-3f9a1c/export.tmx"


@pytest.mark.parametrize(
    ("label", "origin"),
    [(None, "api"), ("review-42", "api/review-42"), ("v1.2_de", "api/v1.2_de")],
)
def test_a_batch_of_pairs_is_api_or_its_label_under_api(label: str | None, origin: str) -> None:
    assert pairs_origin(label) == origin


@pytest.mark.parametrize("label", ["review-42", "x", "7", "v1.2_de", "export.tmx", "a" * 64])
def test_a_label_of_safe_characters_is_taken(label: str) -> None:
    assert label_problem(label) is None


SAFE = "1 to 64 ASCII letters, digits, '.', '_' or '-', the first a letter or digit (review-42)"


@pytest.mark.parametrize(
    ("label", "problem"),
    [
        ("", f"'' is no origin label: give {SAFE}"),
        ("team a", f"'team a' is no origin label: give {SAFE}"),
        ("a/b", f"'a/b' is no origin label: give {SAFE}"),  # two path parts
        ("..", f"'..' is no origin label: give {SAFE}"),
        (".hidden", f"'.hidden' is no origin label: give {SAFE}"),
        ("-rf", f"'-rf' is no origin label: give {SAFE}"),
        ("Zürich", f"'Zürich' is no origin label: give {SAFE}"),
        ("x{y}", f"'x{{y}}' is no origin label: give {SAFE}"),
        ("a\nb", f"'a\\nb' is no origin label: give {SAFE}"),
        ("a" * 65, f"a label of 65 characters is too long: give {SAFE}"),
    ],
)
def test_a_label_that_is_no_safe_name_is_refused_saying_what_to_give(
    label: str, problem: str
) -> None:
    assert label_problem(label) == problem


@pytest.mark.parametrize("label", ["a" * 200_000 + "/", "a." * 100_000 + " ", "a-" * 100_000])
def test_a_long_adversarial_label_is_refused_at_once(label: str) -> None:
    # the length is checked first, and the pattern is linear: no backtracking over the input
    start = time.perf_counter()
    assert label_problem(label) is not None
    assert time.perf_counter() - start < 2  # a backtracking pattern takes minutes
