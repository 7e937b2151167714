"""The LibreTranslate-compatible endpoints, checked against that API's published shapes.

LibreTranslate's docs (``POST /translate``): a body of ``q`` (string or list of strings),
``source`` (a code or ``auto``), ``target``, ``format`` (``text``/``html``), ``api_key``, sent as
JSON or as a form; the answer ``{"translatedText": str}`` for a string, a list for a list, and
``detectedLanguage: {"confidence", "language"}`` when ``source`` is ``auto``; errors
``{"error": str}``. ``GET /languages``: a list of ``{"code", "name", "targets"}``.
"""

from __future__ import annotations

import json
import re
import time

import pytest

from ltmt.language_detection import detect

LANGUAGE_KEYS = {"code", "name", "targets"}


@pytest.fixture(scope="module")
def key(api):
    token = api.key("libre")
    with api.client(token) as client:
        client.post(
            "/v1/memory/pairs",
            json={"pairs": [{"source": "open the file", "target": "öffne die Datei"}]},
        )
    return token


def test_languages_lists_code_name_and_targets_without_a_key(api):
    with api.client() as client:
        languages = client.get("/languages").json()
    assert all(set(lang) == LANGUAGE_KEYS for lang in languages)
    assert languages == [
        {"code": "en", "name": "English", "targets": ["de"]},
        {"code": "de", "name": "German", "targets": []},
    ]


def test_a_string_q_gets_a_string_from_the_keys_memory(api, key):
    with api.client() as client:
        answer = client.post(
            "/translate",
            json={
                "q": "open the file",
                "source": "en",
                "target": "de",
                "format": "text",
                "api_key": key,
            },
        )
    assert answer.status_code == 200
    assert answer.json() == {"translatedText": "öffne die Datei"}


@pytest.mark.parametrize(
    ("source", "target"), [("eng", "deu"), ("en-US", "de-DE"), ("en_GB", "de_AT"), ("auto", "ger")]
)
def test_the_pair_is_the_servers_whatever_the_regions_and_code_lengths(api, key, source, target):
    """``eng``/``deu`` (memoQ's codes) were "this server translates en to de, not eng to deu"."""
    with api.client() as client:
        body = {"q": "open the file", "source": source, "target": target, "api_key": key}
        answer = client.post("/translate", json=body)
    assert answer.status_code == 200, answer.json()
    assert answer.json()["translatedText"] == "öffne die Datei"


def test_a_list_q_gets_a_list_in_order(api, key):
    with api.client() as client:
        answer = client.post(
            "/translate",
            json={
                "q": ["hello world", "open the file"],
                "source": "en",
                "target": "de",
                "api_key": key,
            },
        ).json()
    assert isinstance(answer["translatedText"], list) and len(answer["translatedText"]) == 2
    assert answer["translatedText"][1] == "öffne die Datei"
    assert set(answer) == {"translatedText"}


def test_a_blank_text_comes_back_as_it_is(api, key):
    with api.client() as client:
        body = {"q": ["  \n\t ", "", "open the file"], "source": "en", "target": "de"}
        answer = client.post("/translate", json={**body, "api_key": key}).json()
    assert answer == {"translatedText": ["  \n\t ", "", "öffne die Datei"]}


def test_a_form_body_as_older_weblate_sends_it(api, key):
    with api.client() as client:
        answer = client.post(
            "/translate",
            data={"q": "open the file", "source": "en", "target": "de", "api_key": key},
        )
    assert answer.json() == {"translatedText": "öffne die Datei"}


def test_auto_source_reports_the_detected_language(api, key):
    with api.client() as client:
        answer = client.post(
            "/translate",
            json={"q": "open the file", "source": "auto", "target": "de", "api_key": key},
        ).json()
    english = detect("open the file")[0]
    assert english.language == "en"
    assert answer == {
        "translatedText": "öffne die Datei",
        "detectedLanguage": {"confidence": round(100 * english.confidence, 1), "language": "en"},
    }


def test_auto_source_leaves_a_text_in_the_target_language_as_it_is(api, key):
    """LibreTranslate's ``source: auto``: each text's language is detected; one the detector is
    sure is German (the target) already comes back as it is, the others are translated."""
    german = "Die Datei konnte nicht geöffnet werden, bitte versuchen Sie es erneut."
    with api.client() as client:
        answer = client.post(
            "/translate",
            json={"q": [german, "open the file"], "source": "auto", "target": "de", "api_key": key},
        ).json()
    assert answer["translatedText"] == [german, "öffne die Datei"]
    first, second = answer["detectedLanguage"]
    assert first["language"] == "de" and first["confidence"] >= 90
    assert second["language"] == "en"


@pytest.mark.parametrize(
    ("q", "named", "language"),
    [
        ("Le fichier a été enregistré. Voulez-vous le fermer maintenant ?", "q", "French (fr)"),
        ("ファイルを開けませんでした。", "q", "Japanese (ja)"),
        (
            ["open the file", "ファイルを開けませんでした。"],
            "q (its texts read together)",
            "Japanese (ja)",
        ),
    ],
)
def test_auto_source_refuses_a_text_in_a_language_the_server_does_not_translate(
    api, key, q, named, language
):
    """French sent with ``source: auto`` to the en→de server was read by the model as English
    (200, gibberish): LibreTranslate's 400, naming the language and the server's."""
    with api.client() as client:
        answer = client.post(
            "/translate", json={"q": q, "source": "auto", "target": "de", "api_key": key}
        )
    assert answer.status_code == 400
    assert answer.json() == {
        "error": f"{named} reads as {language}, which this server does not translate: it "
        "translates English (en) to German (de); send source: en to translate it anyway"
    }


@pytest.mark.parametrize(
    "q",
    [
        "Our café serves crème brûlée.",
        "Crème brûlée",
        "Cirque du Soleil",
        "Le Monde",
        "Ciao!",
        "Mañana",
        "Vamos!",
        ["open the file", "Pizza Quattro Formaggi"],
    ],
)
def test_auto_source_translates_english_with_a_few_foreign_words(api, key, q):
    """A few words are not enough to tell a language by: English menu strings that read as
    French or Italian (0.91 to 0.98) were refused with a 400, and a list for one such item."""
    with api.client() as client:
        answer = client.post(
            "/translate", json={"q": q, "source": "auto", "target": "de", "api_key": key}
        )
    assert answer.status_code == 200, answer.text
    translated = answer.json()["translatedText"]
    if isinstance(q, list):
        assert translated[0] == "öffne die Datei" and len(translated) == 2
    else:
        assert isinstance(translated, str) and translated.strip()


def test_detect_names_the_likeliest_languages_with_their_confidence(api, key):
    """LibreTranslate's ``POST /detect``: a list of ``{"confidence", "language"}``, likeliest
    first; a text without letters has none; the key is needed, as for ``/translate``."""
    with api.client() as client:
        german = client.post(
            "/detect", json={"q": "Die Datei wurde gespeichert.", "api_key": key}
        ).json()
        form = client.post("/detect", data={"q": "The file was saved.", "api_key": key}).json()
        none = client.post("/detect", json={"q": "%s: %d", "api_key": key}).json()
        missing = client.post("/detect", json={"api_key": key})
        no_key = client.post("/detect", json={"q": "Hallo Welt"})
    assert german[0]["language"] == "de" and german[0]["confidence"] >= 90
    assert all(set(item) == {"confidence", "language"} for item in german)
    assert [item["confidence"] for item in german] == sorted(
        (item["confidence"] for item in german), reverse=True
    )
    assert form[0]["language"] == "en"
    assert none == []
    assert (missing.status_code, missing.json()) == (
        400,
        {"error": "Invalid request: missing q parameter"},
    )
    assert no_key.status_code == 401


def test_the_key_may_also_come_as_a_bearer_header(api, key):
    with api.client(key) as client:
        answer = client.post(
            "/translate", json={"q": "open the file", "source": "en", "target": "de"}
        )
    assert answer.json() == {"translatedText": "öffne die Datei"}


def test_the_key_may_also_come_in_the_query_string_and_is_not_logged(api):
    """LibreTranslate reads ``api_key`` from the query string too (``request.values``); its
    clients that send it there were answered 401."""
    token = api.key("libre-query-key")
    body = {"q": "open the file", "source": "en", "target": "de"}
    with api.client() as client:
        translated = client.post("/translate", params={"api_key": token}, json=body)
        detected = client.post("/detect", params={"api_key": token}, data={"q": "open the file"})
    assert translated.status_code == 200, translated.text
    assert detected.status_code == 200, detected.text
    deadline = time.monotonic() + 5
    while "/detect?api_key=…" not in api.server.output() and time.monotonic() < deadline:
        time.sleep(0.05)
    output = api.server.output()
    assert '"POST /translate?api_key=… HTTP/1.1" 200' in output, output[-2000:]
    assert token not in output


@pytest.mark.parametrize(
    ("body", "status", "error"),
    [
        (
            {"q": "a", "source": "en", "target": "de"},
            401,
            "an API key is needed: send the api_key field (or 'Authorization: Bearer <token>')",
        ),
        (
            {"q": "a", "source": "en", "target": "de", "api_key": "wrong"},
            403,
            "the API key is not valid (wrong, revoked or mistyped)",
        ),
        (
            {"q": "a", "source": "en", "target": "fr", "api_key": "KEY"},
            400,
            "this server translates en to de, not en to fr",
        ),
        (
            {"q": "a", "source": "en", "api_key": "KEY"},
            400,
            "Invalid request: missing target parameter",
        ),
        (
            {"q": "a", "source": "en", "target": "de", "format": "pdf", "api_key": "KEY"},
            400,
            "invalid request: format: Input should be 'text' or 'html'",
        ),
        (
            {"q": ["a"] * 9, "source": "en", "target": "de", "api_key": "KEY"},
            422,
            "9 segments in one request; this server takes at most 8 (send several requests)",
        ),
        (
            {"q": ["a", "open \ud800 file"], "source": "en", "target": "de", "api_key": "KEY"},
            400,
            "segment 2 holds \\ud800, half of a UTF-16 surrogate pair with no other half; send "
            "whole characters (fix the escape, or write the character itself)",
        ),
    ],
)
def test_errors_come_as_libretranslate_error_objects(api, key, body, status, error):
    if body.get("api_key") == "KEY":
        body = {**body, "api_key": key}
    with api.client() as client:  # JSON in ASCII, as a lone surrogate can be sent
        answer = client.post(
            "/translate", content=json.dumps(body), headers={"Content-Type": "application/json"}
        )
    assert (answer.status_code, answer.json()) == (status, {"error": error})


def test_a_path_out_of_the_downloads_is_no_download(api):
    with api.client() as client:
        answer = client.get("/download_file/..%2F..%2Fdata.mdb")
    assert answer.status_code == 404
    assert answer.json() == {
        "error": "no such endpoint: GET /download_file/../../data.mdb (see /docs)"
    }


def _translate_file(client, key, name="notes.txt", content=b"open the file\n", **form):
    data = {"source": "en", "target": "de", **({"api_key": key} if key else {}), **form}
    return client.post("/translate_file", data=data, files={"file": (name, content)})


def test_a_file_is_translated_and_downloaded_from_its_url_without_a_key(api, key):
    """LibreTranslate's ``/translate_file``: a form with ``file``, ``source``, ``target`` and
    ``api_key``; the answer ``{"translatedFileUrl"}``, fetched with a plain GET."""
    with api.client() as client:
        answer = _translate_file(client, key)
        assert answer.status_code == 200, answer.text
        assert set(answer.json()) == {"translatedFileUrl"}
        url = answer.json()["translatedFileUrl"]
        assert url.startswith(f"{api.server.url}/download_file/") and url.endswith(".notes.txt")
        download = client.get(url)
    assert download.status_code == 200
    assert download.text == "öffne die Datei\n"
    assert download.headers["content-disposition"] == 'attachment; filename="notes.txt"'
    assert download.headers["content-type"].startswith("text/plain")
    assert download.headers["cache-control"] == "no-store"


def test_a_file_of_a_name_that_says_no_format_is_read_as_the_format_field_says(api, key):
    with api.client() as client:
        answer = _translate_file(client, key, "README", b"open the file\n", format="txt")
        download = client.get(answer.json()["translatedFileUrl"])
    assert download.text == "öffne die Datei\n"
    assert download.headers["content-disposition"] == 'attachment; filename="README"'


def test_an_error_names_the_file_sent(api, key):
    """Word's owner file ``~$flyer.docx`` was named ``flyer.docx`` (the document it is
    beside) in the error: the marks of its name were left out."""
    with api.client() as client:
        answer = _translate_file(client, key, "~$flyer.docx", bytes([4]) + b"Anna" + bytes(157))
    assert answer.status_code == 400
    assert answer.json()["error"].startswith("~$flyer.docx: not a Word document")


def test_a_file_named_in_another_script_keeps_its_name(api, key):
    """An upload named ``файл.txt`` is read as its extension says and downloaded under its own
    name (RFC 6266's ``filename*``, an ASCII ``filename`` for old clients)."""
    with api.client() as client:
        answer = _translate_file(client, key, "заметки.txt")
        assert answer.status_code == 200, answer.text
        download = client.get(answer.json()["translatedFileUrl"])
        v1 = client.post(
            "/v1/translate/file",
            files={"file": ("日本語.txt", b"open the file\n")},
            headers={"Authorization": f"Bearer {key}"},
        )
    assert download.text == "öffne die Datei\n"
    assert download.headers["content-disposition"] == (
        'attachment; filename="_______.txt"; '
        "filename*=UTF-8''%D0%B7%D0%B0%D0%BC%D0%B5%D1%82%D0%BA%D0%B8.txt"
    )
    assert (v1.status_code, v1.text) == (200, "öffne die Datei\n")
    assert "filename*=UTF-8''%E6%97%A5%E6%9C%AC%E8%AA%9E.txt" in v1.headers["content-disposition"]


def test_a_text_file_wrapped_at_a_width_is_read_by_its_paragraphs(api, key):
    """LibreTranslate's clients send documents: a ``.txt`` file whose lines go on in the next is
    translated paragraph by paragraph (``--format paragraphs``), a list of lines line by line."""
    wrapped = (
        b"hello world this line goes on and on until it is cut at the\n"
        b"open the file\n"  # read alone, the memory's exact match
        b"and this line goes on and on and on until it is cut at the end\n"
        b"of it.\n"
    )
    with api.client() as client:
        url = _translate_file(client, key, "mail.txt", wrapped).json()["translatedFileUrl"]
        by_paragraph = client.get(url).text
        url = _translate_file(client, key, "list.txt", b"hello\nopen the file\n").json()[
            "translatedFileUrl"
        ]
        by_line = client.get(url).text
    assert "öffne die Datei" not in by_paragraph  # "... cut at the open the file and ...": one
    assert len(by_paragraph.splitlines()) >= 2  # sentence, wrapped again
    assert by_line.endswith("\nöffne die Datei\n")


def test_an_html_page_is_translated_as_a_page(api, key):
    page = b"<!DOCTYPE html>\n<html><body><p>open the file</p></body></html>\n"
    with api.client() as client:
        url = _translate_file(client, key, "page.html", page).json()["translatedFileUrl"]
        download = client.get(url)
    # a page that declares no encoding gets other letters than ASCII as references
    assert '<html lang="de"><body><p>&#246;ffne die Datei</p>' in download.text
    assert download.headers["content-type"].startswith("text/html")


@pytest.mark.parametrize(
    ("name", "form", "status", "error"),
    [
        ("notes.txt", {"api_key": None}, 401, "an API key is needed"),
        ("notes.txt", {"api_key": "wrong"}, 403, "the API key is not valid"),
        ("notes.txt", {"target": "fr"}, 400, "this server translates en to de, not en to fr"),
        ("scan.pdf", {}, 400, "scan.pdf is a PDF; translate the document it was made from"),
        (
            "README",
            {},
            400,
            "README: cannot tell the format from a name without an extension; send the format "
            "field (txt, ",
        ),
    ],
)
def test_file_errors_come_as_libretranslate_error_objects(api, key, name, form, status, error):
    form = {"api_key": key, **form}
    token = form.pop("api_key")
    content = b"%PDF-1.4\n" if name.endswith(".pdf") else b"open the file\n"
    with api.client() as client:
        answer = _translate_file(client, token, name, content, **form)
    assert answer.status_code == status
    assert set(answer.json()) == {"error"} and answer.json()["error"].startswith(error)
    assert "\n" not in answer.json()["error"]


def test_a_file_form_without_a_field_is_answered_in_libretranslates_words(api, key):
    with api.client() as client:
        answer = client.post(
            "/translate_file",
            data={"target": "de", "api_key": key},
            files={"file": ("notes.txt", b"open the file\n")},
        )
    assert (answer.status_code, answer.json()) == (
        400,
        {"error": "Invalid request: missing source parameter"},
    )


@pytest.mark.parametrize("filename", ["0" * 32 + ".notes.txt", "notes.txt", "..%5Ckeys"])
def test_a_download_that_is_not_there_is_a_404_that_says_why(api, filename):
    with api.client() as client:
        answer = client.get(f"/download_file/{filename}")
    assert answer.status_code == 404
    assert answer.json()["error"].endswith(
        "a translation is kept for an hour after /translate_file, and only there; "
        "translate the file again"
    )


def test_deleting_my_memory_deletes_my_waiting_downloads(api):
    token = api.key("libre-forget")
    with api.client(token) as client:
        url = _translate_file(client, token).json()["translatedFileUrl"]
        assert client.get(url).status_code == 200
        assert client.delete("/v1/memory").status_code == 200
        assert client.get(url).status_code == 404


def test_frontend_settings_say_what_files_are_taken(api):
    with api.client() as client:
        settings = client.get("/frontend/settings").json()
    assert settings["keyRequired"] is True and settings["filesTranslation"] is True
    assert {".txt", ".html", ".docx", ".pptx", ".odt", ".odp", ".epub"} <= set(
        settings["supportedFilesFormat"]
    )
    assert settings["language"] == {
        "source": {"code": "en", "name": "English"},
        "target": {"code": "de", "name": "German"},
    }
    assert settings["charLimit"] == 200
    assert settings["suggestions"] is True


def test_a_download_reaches_another_server_process_of_the_same_store(launch, make_key, tmp_path):
    """``ltmt serve --workers N``: the download may reach another process than the upload."""
    first = launch()
    token = make_key(tmp_path / "store", "u1")
    with first.client() as client:
        url = _translate_file(client, token, content=b"hello\n").json()["translatedFileUrl"]
    second = launch()
    with second.client() as client:
        answer = client.get(url.replace(first.url, second.url))
    assert answer.status_code == 200 and answer.text.endswith("\n")


def test_an_encrypted_stores_translated_files_wait_encrypted(encrypted_store):
    from fastapi.testclient import TestClient

    from ltmt.server.app import create_app

    with TestClient(create_app(encrypted_store.config)) as client:
        url = _translate_file(client, encrypted_store.token).json()["translatedFileUrl"]
        [waiting] = (encrypted_store.path / "downloads").iterdir()
        assert "öffne".encode() not in waiting.read_bytes()
        assert client.get(url).text == "öffne die Datei\n"


def test_a_translated_file_that_cannot_be_kept_is_a_one_line_500(encrypted_store):
    from fastapi.testclient import TestClient

    from ltmt.server.app import create_app

    (encrypted_store.path / "downloads").write_text("in the way")  # a file where the folder goes
    with TestClient(create_app(encrypted_store.config)) as client:
        answer = _translate_file(client, encrypted_store.token)
    assert answer.status_code == 500
    assert answer.json() == {
        "error": "cannot keep the translated file for its download: File exists"
    }


def _translate(client, key, q, **body):
    answer = client.post(
        "/translate", json={"q": q, "source": "en", "target": "de", "api_key": key, **body}
    )
    assert answer.status_code == 200, answer.text
    return answer.json()["translatedText"]


def test_html_fragments_keep_their_markup_and_take_the_memory(api, key):
    """``format: html``: each ``q`` is a fragment of a page; its text is translated (here the
    memory's exact match), its markup, references, scripts and attributes that are no text
    stay."""
    fragments = [
        "<p>open the file</p>",
        '<p class="note">hello <b>world</b> and more &amp; more</p>',
        "<script>var open = 'the file';</script><br>",
        "",
    ]
    with api.client() as client:
        html = _translate(client, key, fragments, format="html")
        text = _translate(client, key, "<p>open the file</p>", format="text")
    assert html[0] == "<p>öffne die Datei</p>"
    assert html[1].startswith('<p class="note">') and html[1].endswith("</p>")
    assert html[1].count("<b>") == 1 and html[1].count("</b>") == 1
    assert re.search(r"&(?![a-z]+;|#[0-9]+;)", html[1]) is None  # the model's "&" escaped
    assert html[2:] == fragments[2:]
    assert text == html[0]  # as text, paired tags are kept around their words too


def test_a_text_with_paired_tags_is_translated_without_them_as_a_text_file_is(api):
    """``<b>Save</b> the file`` as ``text`` went to the model with its tags, which it left
    untranslated (``<b>Save</b> Die Datei``); it is translated without them, the tagged words
    on their own, and the tags put back, as ``ltmt translate tags.txt`` does."""
    token = api.key("libre-paired-tags")
    pairs = [
        {"source": "Save the file", "target": "Speichern Sie die Datei"},
        {"source": "Save", "target": "Speichern"},
    ]
    with api.client(token) as client:
        client.post("/v1/memory/pairs", json={"pairs": pairs})
        translated = _translate(client, token, ["<b>Save</b> the file", "Save the file"])
    assert translated == ["<b>Speichern</b> Sie die Datei", "Speichern Sie die Datei"]


def test_a_form_body_is_read_as_utf8_whether_escaped_or_not(api):
    """``curl -d 's=Den Reiter schließen'`` sends the bytes as they are, where a browser
    percent-escapes them: both are UTF-8, as LibreTranslate reads them."""
    token = api.key("libre-form-bytes")
    raw = "q=close+the+tab&s=Den+Reiter+schließen&source=en&target=de&api_key=" + token
    escaped = "q=close+the+window&s=Fenster+schlie%C3%9Fen&source=en&target=de&api_key=" + token
    form = {"Content-Type": "application/x-www-form-urlencoded"}
    with api.client(token) as client:
        for body in (raw, escaped):
            answer = client.post("/suggest", content=body.encode("utf-8"), headers=form)
            assert (answer.status_code, answer.json()) == (200, {"success": True})
        assert _translate(client, token, ["close the tab", "close the window"]) == [
            "Den Reiter schließen",
            "Fenster schließen",
        ]
        latin1 = client.post(
            "/translate", content=b"q=Gr\xfc\xdfe&source=en&target=de", headers=form
        )
    assert latin1.status_code == 400
    assert latin1.json()["error"].startswith("the request body is not valid JSON or form data: ")


def test_a_json_body_is_known_by_its_content_type_in_any_case_and_may_not_nest_too_deeply(api, key):
    body = {"q": "open the file", "source": "en", "target": "de", "api_key": key}
    with api.client() as client:
        answer = client.post(
            "/translate",
            content=json.dumps(body).encode(),
            headers={"Content-Type": "Application/JSON; charset=UTF-8"},
        )
        assert answer.json() == {"translatedText": "öffne die Datei"}
        deep = client.post(
            "/translate",
            content=b"[" * 5000 + b"]" * 5000,
            headers={"Content-Type": "application/json"},
        )
    assert (deep.status_code, deep.json()) == (
        400,
        {"error": "the request body is not valid JSON: it nests too deeply"},
    )


def test_alternatives_are_the_memorys_other_translations_then_the_model_without_it(api):
    """LibreTranslate's ``alternatives``: the other translations the user's memory holds for
    the very same text (newest first), then, where the answer used the memory, the model's
    without it; never the answer itself, never twice."""
    token = api.key("libre-alternatives")
    pairs = [
        {"source": "open the file", "target": "öffne die Datei"},
        {"source": "open the file", "target": "Datei öffnen"},  # the newest: the answer
    ]
    with api.client(token) as client:
        client.post("/v1/memory/pairs", json={"pairs": pairs})
        body = {"source": "en", "target": "de", "api_key": token, "alternatives": 3}
        answer = client.post("/translate", json={"q": "open the file", **body}).json()
        plain = _model_alone(api, "open the file")
        one = client.post("/translate", json={"q": "open the file", **body, "alternatives": 1})
        listed = client.post("/translate", json={"q": ["open the file", " "], **body}).json()
    assert answer["translatedText"] == "Datei öffnen"
    expected = [
        "öffne die Datei",
        *([plain] if plain not in ("Datei öffnen", "öffne die Datei") else []),
    ]
    assert answer["alternatives"] == expected
    assert one.json()["alternatives"] == ["öffne die Datei"]
    assert listed["alternatives"] == [expected, []]


def _model_alone(api, text):
    """The model's translation of ``text`` without any memory (a new user's)."""
    with api.client(api.key("libre-no-memory")) as client:
        body = {"segments": [text], "fusion": "none"}
        return client.post("/v1/translate", json=body).json()["translations"][0]["text"]


def test_the_alternative_to_a_100_percent_match_is_the_model_without_it(api):
    """A suggestion's text translated again had no alternative: the translation "without the
    memory" (``fusion: none``) still reused the 100 % match, the answer itself."""
    token = api.key("libre-alternative-to-exact")
    suggestion = {"q": "open the file", "s": "Datei aufmachen", "source": "en", "target": "de"}
    body = {"q": "open the file", "source": "en", "target": "de", "alternatives": 3}
    with api.client() as client:
        client.post("/suggest", json={**suggestion, "api_key": token})
        answer = client.post("/translate", json={**body, "api_key": token}).json()
    plain = _model_alone(api, "open the file")
    assert plain not in ("", "Datei aufmachen")
    assert answer == {"translatedText": "Datei aufmachen", "alternatives": [plain]}


def test_a_suggestion_whose_numbers_disagree_is_stored_with_a_warning(api):
    """Trial s77: ``Ships in 2 days`` suggested as ``Versand in 5 Tagen`` was stored without a
    word; the answer now says it, as ``ltmt memory add`` does (a sound one is LibreTranslate's
    ``{"success": true}`` alone)."""
    token = api.key("libre-suggest-numbers")
    with api.client() as client:
        wrong = {"q": "Ships in 2 days", "s": "Versand in 5 Tagen", "source": "en", "target": "de"}
        answer = client.post("/suggest", json={**wrong, "api_key": token}).json()
        right = {"q": "Ships in 3 days", "s": "Versand in 3 Tagen", "source": "en", "target": "de"}
        sound = client.post("/suggest", json={**right, "api_key": token}).json()
    assert answer == {
        "success": True,
        "warnings": ["1 pair whose numbers disagree with the source's stored (s)"],
    }
    assert sound == {"success": True}


def test_a_suggestion_is_the_next_translation_of_its_text(api):
    """LibreTranslate's ``/suggest``: ``s`` is stored in the key's memory, newest first, so
    the next translation of ``q`` is ``s``; as JSON or as a form."""
    token = api.key("libre-suggest")
    with api.client(token) as client:
        client.post(
            "/v1/memory/pairs",
            json={"pairs": [{"source": "open the file", "target": "öffne die Datei"}]},
        )
        assert _translate(client, token, "open the file") == "öffne die Datei"
        suggestion = {"q": "open the file", "s": "Datei öffnen", "source": "en", "target": "de"}
        answer = client.post("/suggest", json={**suggestion, "api_key": token})
        assert (answer.status_code, answer.json()) == (200, {"success": True})
        assert _translate(client, token, "open the file") == "Datei öffnen"
        form = {"q": "save the file", "s": "Datei speichern", "source": "auto", "target": "de"}
        answer = client.post("/suggest", data={**form, "api_key": token})
        assert (answer.status_code, answer.json()) == (200, {"success": True})
        assert _translate(client, token, ["save the file"]) == ["Datei speichern"]
        stored = client.get("/v1/memory/search", params={"q": "open the file", "k": 2}).json()
    assert [m["target"] for m in stored["matches"]] == ["Datei öffnen", "öffne die Datei"]


@pytest.mark.parametrize(
    ("body", "status", "error"),
    [
        (
            {"q": "a", "s": "b", "source": "en", "target": "de"},
            401,
            "an API key is needed: send the api_key field (or 'Authorization: Bearer <token>')",
        ),
        (
            {"q": "a", "source": "en", "target": "de", "api_key": "KEY"},
            400,
            "Invalid request: missing s parameter",
        ),
        (
            {"q": "a", "s": "b", "source": "en", "target": "fr", "api_key": "KEY"},
            400,
            "this server translates en to de, not en to fr",
        ),
        (
            {"q": "a", "s": " ", "source": "en", "target": "de", "api_key": "KEY"},
            400,
            "cannot add to 'libre': the target is empty",
        ),
        (
            {"q": "open", "s": "x" * 80, "source": "en", "target": "de", "api_key": "KEY"},
            400,
            "cannot add to 'libre': source and target lengths differ too much (4 vs 80 characters)",
        ),
        (
            {"q": "x" * 201, "s": "y", "source": "en", "target": "de", "api_key": "KEY"},
            422,
            "q has 201 characters; the limit is 200",
        ),
        (
            {
                "q": "Seite drucken",
                "s": "Print the page",
                "source": "en",
                "target": "de",
                "api_key": "KEY",
            },
            400,
            "q reads as German and s as English: the two look swapped (q is the English text, "
            "s its German translation); nothing stored",
        ),
    ],
)
def test_a_suggestion_the_memory_cannot_take_is_an_error_that_says_why(
    api, key, body, status, error
):
    if body.get("api_key") == "KEY":
        body = {**body, "api_key": key}
    with api.client() as client:
        answer = client.post("/suggest", json=body)
    assert (answer.status_code, answer.json()) == (status, {"error": error})
