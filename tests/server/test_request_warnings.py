"""A request's warnings go to its client, not to the log every customer shares."""

from __future__ import annotations

import json
import logging
import time
from concurrent.futures import ThreadPoolExecutor

from ltmt.server.request_warnings import (
    WARNINGS_HEADER,
    RequestWarningFilter,
    collected_warnings,
)

FUZZY_PO = """msgid ""
msgstr ""
"Language: de\\n"
"Content-Type: text/plain; charset=UTF-8\\n"

msgid "open the file"
msgstr "öffne die Datei"

#, fuzzy
msgid "close the file"
msgstr "schließe die Datei"
"""


def _logged(message: str) -> bool:
    """Whether the filter lets a warning through to the shared log."""
    record = logging.LogRecord("ltmt.formats.po", logging.WARNING, __file__, 1, message, (), None)
    return RequestWarningFilter().filter(record)


def test_a_warning_in_a_request_is_kept_for_it_with_its_paths_as_the_client_names_them():
    with collected_warnings() as warnings:
        warnings.name("/tmp/ltmt-upload-x", ".")
        warnings.name("/tmp/ltmt-upload-x/fz.po", "fz.po")
        assert not _logged("/tmp/ltmt-upload-x/fz.po: 1 fuzzy entries not read")
    assert warnings.messages == ["fz.po: 1 fuzzy entries not read"]
    assert json.loads(warnings.header()[WARNINGS_HEADER]) == warnings.messages
    assert _logged("outside any request: logged as before")


def test_concurrent_requests_keep_their_own_warnings():
    def request(number: int) -> list[str]:
        with collected_warnings() as warnings:
            for _ in range(50):
                _logged(f"warning of request {number}")
        return warnings.messages

    with ThreadPoolExecutor(4) as pool:
        answers = list(pool.map(request, range(8)))
    assert answers == [[f"warning of request {n}"] * 50 for n in range(8)]


def test_an_import_tells_its_client_of_the_fuzzy_entries_not_read(api):
    with api.client(api.key("warned")) as client:
        answer = client.post(
            "/v1/memory/import", files={"file": ("fz.po", FUZZY_PO.encode(), "text/plain")}
        )
    assert answer.status_code == 200, answer.text
    assert (answer.json()["read"], answer.json()["added"]) == (1, 1)
    # counted in the report's field for them, not said again as a warning
    assert (answer.json()["not_read"], answer.json()["warnings"]) == ({"fuzzy": 1}, [])
    assert "fz.po" not in api.server.output()
    with api.client(api.key("warned")) as client:
        clean = client.post("/v1/memory/pairs", json={"pairs": [{"source": "a", "target": "b"}]})
    assert clean.json()["warnings"] == []


def test_a_translated_file_says_its_warnings_in_a_header(api):
    source = "hello world, how are you"
    target = "Hallo Welt, wie geht es euch allen an diesem schönen Tag"
    srt = f"1\n00:00:01,000 --> 00:00:02,500\n{source}\n"
    with api.client(api.key("subtitler")) as client:
        client.post("/v1/memory/pairs", json={"pairs": [{"source": source, "target": target}]})
        answer = client.post(
            "/v1/translate/file", files={"file": ("kino.srt", srt.encode(), "text/plain")}
        )
    assert answer.status_code == 200, answer.text
    assert "Hallo Welt" in answer.text
    (warning,) = json.loads(answer.headers[WARNINGS_HEADER])
    assert warning.startswith("kino.srt: 1 cue now read faster than"), warning
    assert "kino.srt" not in api.server.output()


def test_a_key_holder_with_no_memory_yet_is_not_named_in_the_shared_log(api):
    """``no user 'newcomer-gamma' in memory store ...; translating without memory`` went to the
    log every customer shares; a key holder with nothing stored yet is no mistake to warn of."""
    with api.client(api.key("newcomer-gamma")) as client:
        answer = client.post("/v1/translate", json={"segments": ["hello world"]})
    assert answer.status_code == 200, answer.text
    deadline = time.monotonic() + 5
    while "POST /v1/translate " not in api.server.output() and time.monotonic() < deadline:
        time.sleep(0.05)
    output = api.server.output()
    assert "POST /v1/translate " in output, output[-2000:]
    assert "newcomer-gamma" not in output and "translating without memory" not in output
