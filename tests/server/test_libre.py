"""The LibreTranslate-compatible endpoints, checked against that API's published shapes.

LibreTranslate's docs (``POST /translate``): a body of ``q`` (string or list of strings),
``source`` (a code or ``auto``), ``target``, ``format`` (``text``/``html``), ``api_key``, sent as
JSON or as a form; the answer ``{"translatedText": str}`` for a string, a list for a list, and
``detectedLanguage: {"confidence", "language"}`` when ``source`` is ``auto``; errors
``{"error": str}``. ``GET /languages``: a list of ``{"code", "name", "targets"}``.
"""

from __future__ import annotations

import pytest

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
    assert answer == {
        "translatedText": "öffne die Datei",
        "detectedLanguage": {"confidence": 100.0, "language": "en"},
    }


def test_the_key_may_also_come_as_a_bearer_header(api, key):
    with api.client(key) as client:
        answer = client.post(
            "/translate", json={"q": "open the file", "source": "en", "target": "de"}
        )
    assert answer.json() == {"translatedText": "öffne die Datei"}


@pytest.mark.parametrize(
    ("body", "status", "error"),
    [
        (
            {"q": "a", "source": "en", "target": "de"},
            401,
            "an API key is needed: send 'Authorization: Bearer <token>'",
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
            "invalid request: target: Field required",
        ),
        (
            {"q": ["a"] * 9, "source": "en", "target": "de", "api_key": "KEY"},
            422,
            "9 segments in one request; this server takes at most 8 (send several requests)",
        ),
    ],
)
def test_errors_come_as_libretranslate_error_objects(api, key, body, status, error):
    if body.get("api_key") == "KEY":
        body = {**body, "api_key": key}
    with api.client() as client:
        answer = client.post("/translate", json=body)
    assert (answer.status_code, answer.json()) == (status, {"error": error})
