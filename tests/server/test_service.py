"""The service behind the endpoints: one translator per decoding option set."""

from __future__ import annotations

import logging
import threading

from fastapi.testclient import TestClient

from ltmt.memory.keys import KeyRing
from ltmt.memory.store import Memory
from ltmt.server.app import create_app
from ltmt.server.config import ServerConfig
from ltmt.server.service import Service


def test_two_first_requests_at_once_make_one_translator(monkeypatch, tiny_model_dir, tmp_path):
    """The decoding thread and a request thread asking for a translator not made yet each made
    one: the fusion's modules loaded twice, and two translators of one option set. The first
    to ask makes it while the other waits, and both get that one."""
    from ltmt.server import service as module

    made = []
    second_in = threading.Event()  # set when a second thread is making one too (the race)

    def making(*args, **kwargs):
        made.append(threading.current_thread().name)
        if len(made) == 2:
            second_in.set()
        second_in.wait(timeout=1.0)  # room for a second thread to come in, if it can
        return real(*args, **kwargs)

    real = module.Translator
    monkeypatch.setattr(module, "Translator", making)
    service = Service(ServerConfig(model=str(tiny_model_dir), memory_dir=str(tmp_path / "store")))
    try:
        options = service.options("none", 1)
        start = threading.Barrier(2)
        got = [None, None]

        def ask(slot: int) -> None:
            start.wait()
            got[slot] = service._translator(options)

        threads = [threading.Thread(target=ask, args=(slot,)) for slot in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(30)
    finally:
        service.close()
    assert len(made) == 1
    assert got[0] is got[1] is not None


def test_a_tagged_segment_is_answered_with_the_matches_of_its_own_text(tiny_model_dir, tmp_path):
    """A segment with paired tags is translated without them (its text decoded again), and the
    answer carried the matches of that text without tags (80.0 for ``Click <b>Save</b> now.``)
    where ``/v1/search`` and ``ltmt memory search`` score the segment as sent (90.91). The
    answer's matches are those of the segment itself; its method is what made its text: a
    100 % match of the text without tags reused, tags put back, is ``exact`` as
    ``ltmt translate`` counts it."""
    config = ServerConfig(model=str(tiny_model_dir), memory_dir=str(tmp_path / "store"))
    service = Service(config)
    try:
        service.memory.add("u", "Click <b>Save</b> to store the file.", "Klicken Sie Speichern.")
        service.memory.add("u", "Save the file", "Speichern Sie die Datei")
        service.memory.add("u", "Save", "Speichern")
        segments = ["Click <b>Save</b> now.", "<b>Save</b> the file"]
        answers = service.translate_segments("u", segments, service.options("none", 1))
        searched = [service.memory.search("u", text) for text in segments]
    finally:
        service.close()
    for answer, matches in zip(answers, searched, strict=True):
        assert [(m.segment.id, round(m.score, 2)) for m in answer.matches] == [
            (m.segment.id, round(m.score, 2)) for m in matches
        ]
    assert answers[1].method == "exact"
    assert answers[1].text == "<b>Speichern</b> Sie die Datei"


def test_the_startup_says_what_is_served(tiny_model_dir, tmp_path, caplog):
    """No ltmt line said which model, store and limits a server had started with."""
    with Memory(tmp_path / "store") as memory:
        memory.add("u1", "open the file", "öffne die Datei")
        memory.add("u2", "save", "speichern")
        KeyRing(memory).create("new-team")  # a key, nothing stored yet: counted, not "0 users"
    config = ServerConfig(
        model=str(tiny_model_dir), memory_dir=str(tmp_path / "store"), limit_concurrency=8
    )
    service = Service(config)
    with (
        caplog.at_level(logging.INFO, logger="ltmt.server.app"),
        TestClient(create_app(config, service)),
    ):
        pass
    said = [(r.levelname, r.getMessage()) for r in caplog.records if r.name == "ltmt.server.app"]
    assert said == [
        (
            "INFO",
            f"serving model {tiny_model_dir} ({service.backbone.fingerprint}), store "
            f"{tmp_path / 'store'} (1 user with a key, 2 with a memory), limits: 16 MB, 128 "
            "segments of 5000 characters a request, 1 file a user at once, 4 translate requests "
            "a user at once, 20 wrong keys an address in 60 s, 8 requests in "
            "flight",
        )
    ]


def test_a_long_request_decoded_in_pieces_is_answered_as_one_decoded_whole(
    tiny_model_dir, tmp_path
):
    """Pieces of a long request take turns with other users' requests; its answer stays the
    one it got decoded in one batch."""
    segments = [f"Open the file number {i} and save the report. Then close it." for i in range(6)]
    answers = []
    for store, max_chars in (("whole", 100_000), ("pieces", 70)):
        config = ServerConfig(
            model=str(tiny_model_dir), memory_dir=str(tmp_path / store), max_batch_chars=max_chars
        )
        service = Service(config)
        try:
            answers.append(service.translate_segments("u", segments, service.options("none", 1)))
            batches = service.stats.batches
        finally:
            service.close()
    assert batches == 6  # one segment a piece
    assert [a.text for a in answers[1]] == [a.text for a in answers[0]]


def test_another_users_short_request_waits_one_batch_behind_a_long_one(
    monkeypatch, tiny_model_dir, tmp_path
):
    """The decoder is held in the long request's first piece while a short request of another
    user arrives: the short one is in the next batch, with one more piece of the long one."""
    entered, release = threading.Event(), threading.Event()
    calls: list[list[tuple[str, int]]] = []
    real = Service._decode

    def holding(self, options, requests):
        calls.append([(user, len(texts)) for user, texts, _ in requests])
        entered.set()
        release.wait(30)
        return real(self, options, requests)

    monkeypatch.setattr(Service, "_decode", holding)
    config = ServerConfig(
        model=str(tiny_model_dir), memory_dir=str(tmp_path / "store"), max_batch_chars=120
    )
    service = Service(config)
    try:
        options = service.options("none", 1)
        long = service.batcher.submit(
            "a", [f"Save the report number {i} now." for i in range(8)], options
        )
        assert entered.wait(30)
        short = service.batcher.submit("b", ["Refund issued"], options)
        release.set()
        assert len(short.result(60)) == 1
        assert len(long.result(60)) == 8
    finally:
        service.close()
    assert calls[:2] == [[("a", 4)], [("b", 1), ("a", 3)]]
