"""Translated files kept for their download (ltmt.server.downloads): by token, for a while, in
the clear only beside a plain store, and gone with their user."""

from __future__ import annotations

import os
import time

import pytest

from ltmt.server.downloads import Download, Downloads

KEY = bytes(range(32))
NOTES = Download("u1", "notes.txt", "text/plain; charset=utf-8", "öffne die Datei\n".encode())


@pytest.mark.parametrize("store_key", [None, KEY], ids=["plain", "encrypted"])
def test_a_download_comes_back_by_its_token(tmp_path, store_key):
    downloads = Downloads(tmp_path / "downloads", store_key)
    token = downloads.put(NOTES)
    assert len(token) == 32 and int(token, 16) >= 0
    assert downloads.get(token) == NOTES
    assert downloads.get(token) == NOTES  # fetched again: still there within its time
    assert downloads.get("0" * 32) is None
    assert (tmp_path / "downloads").stat().st_mode & 0o777 == 0o700
    assert (tmp_path / "downloads" / token).stat().st_mode & 0o777 == 0o600


@pytest.mark.parametrize("token", ["../../etc/passwd", "", "ABC", "0" * 31, "g" * 32])
def test_a_name_that_is_no_token_finds_nothing(tmp_path, token):
    downloads = Downloads(tmp_path / "downloads", None)
    downloads.put(NOTES)
    assert downloads.get(token) is None


def test_an_encrypted_stores_downloads_are_encrypted(tmp_path):
    downloads = Downloads(tmp_path / "downloads", KEY)
    token = downloads.put(NOTES)
    stored = (tmp_path / "downloads" / token).read_bytes()
    assert "öffne".encode() not in stored and b"notes.txt" not in stored and b"u1" not in stored
    # another key, or a plain reader, reads nothing; nor does the file under another token
    assert Downloads(tmp_path / "downloads", bytes(32)).get(token) is None
    assert Downloads(tmp_path / "downloads", None).get(token) is None
    other = "f" * 32
    (tmp_path / "downloads" / other).write_bytes(stored)
    assert downloads.get(other) is None


def test_a_plain_stores_downloads_are_not_read_as_encrypted(tmp_path):
    token = Downloads(tmp_path / "downloads", None).put(NOTES)
    assert Downloads(tmp_path / "downloads", KEY).get(token) is None


def test_a_download_kept_past_its_time_is_removed(tmp_path):
    downloads = Downloads(tmp_path / "downloads", None, keep_s=60)
    old, new = downloads.put(NOTES), downloads.put(NOTES)
    an_hour_ago = time.time() - 3600
    os.utime(tmp_path / "downloads" / old, (an_hour_ago, an_hour_ago))
    assert downloads.get(old) is None
    assert not (tmp_path / "downloads" / old).exists()
    assert downloads.get(new) == NOTES


def test_a_file_left_half_written_by_a_crash_goes_with_its_time(tmp_path):
    downloads = Downloads(tmp_path / "downloads", None, keep_s=60)
    downloads.put(NOTES)
    left = tmp_path / "downloads" / f".{'a' * 32}.part"
    left.write_bytes(b"P{")
    downloads.sweep()
    assert left.exists()
    an_hour_ago = time.time() - 3600
    os.utime(left, (an_hour_ago, an_hour_ago))
    downloads.sweep()
    assert not left.exists()


def test_the_oldest_downloads_make_room_for_a_new_one(tmp_path):
    downloads = Downloads(tmp_path / "downloads", None)
    first = downloads.put(NOTES)
    size = (tmp_path / "downloads" / first).stat().st_size
    downloads.max_bytes = 2 * size + len(NOTES.data) // 2
    earlier = time.time() - 10
    os.utime(tmp_path / "downloads" / first, (earlier, earlier))
    second = downloads.put(NOTES)
    third = downloads.put(NOTES)  # three do not fit: the oldest goes
    assert downloads.get(first) is None
    assert downloads.get(second) == NOTES and downloads.get(third) == NOTES


def test_deleting_a_user_removes_only_their_downloads(tmp_path):
    downloads = Downloads(tmp_path / "downloads", KEY)
    mine = downloads.put(NOTES)
    theirs = downloads.put(Download("u2", "a.txt", "text/plain", b"x\n"))
    assert downloads.forget_user("u1") == 1
    assert downloads.get(mine) is None
    assert downloads.get(theirs) is not None


def test_no_folder_yet_is_no_download(tmp_path):
    downloads = Downloads(tmp_path / "downloads", None)
    assert downloads.get("0" * 32) is None
    assert downloads.forget_user("u1") == 0


@pytest.mark.parametrize("stored", [b"", b"P", b"Pnot json\nx", b'P{"user": "u1"}\nx', b"Xabc"])
def test_a_file_this_module_did_not_write_is_no_download(tmp_path, stored):
    downloads = Downloads(tmp_path / "downloads", None)
    downloads.put(NOTES)
    (tmp_path / "downloads" / ("e" * 32)).write_bytes(stored)
    assert downloads.get("e" * 32) is None
