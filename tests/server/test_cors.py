"""Cross-origin requests: ``ltmt serve --cors-origin`` lets browser pages of other origins call
the server (a web CAT tool, a LibreTranslate web page); without it no CORS header is sent."""

from __future__ import annotations

import pytest

CAT_TOOL = "https://cat.example.com"
PREFLIGHT = {
    "Access-Control-Request-Method": "POST",
    "Access-Control-Request-Headers": "authorization, content-type",
}


def _preflight(client, origin: str):
    return client.options("/translate", headers={"Origin": origin, **PREFLIGHT})


def _translate(client, origin: str, token: str):
    body = {"q": "open the file", "source": "en", "target": "de", "api_key": token}
    return client.post("/translate", json=body, headers={"Origin": origin})


def test_a_named_origin_is_allowed_and_another_is_not(launch, make_key, tmp_path):
    """Browsers refused every answer of the server to a page on another origin: it sent no
    ``Access-Control-Allow-Origin``, nor answered the preflight ``OPTIONS`` (405)."""
    server = launch("--cors-origin", CAT_TOOL, "--cors-origin", "http://localhost:5000")
    token = make_key(tmp_path / "store", "browser")
    with server.client() as client:
        preflight = _preflight(client, CAT_TOOL)
        answer = _translate(client, CAT_TOOL, token)
        local = _translate(client, "http://localhost:5000", token)
        stranger = _preflight(client, "https://evil.example")
    assert preflight.status_code == 200, preflight.text
    assert preflight.headers["access-control-allow-origin"] == CAT_TOOL
    assert "POST" in preflight.headers["access-control-allow-methods"]
    assert set(preflight.headers["access-control-allow-headers"].split(", ")) >= {
        "authorization",
        "content-type",
    }
    assert answer.status_code == 200, answer.text
    assert answer.headers["access-control-allow-origin"] == CAT_TOOL
    assert "retry-after" in answer.headers["access-control-expose-headers"].lower()
    assert local.headers["access-control-allow-origin"] == "http://localhost:5000"
    assert stranger.status_code == 400
    assert "access-control-allow-origin" not in stranger.headers


def test_a_star_allows_every_origin_errors_included(launch, make_key, tmp_path):
    server = launch("--cors-origin", "*")
    with server.client() as client:
        preflight = _preflight(client, "https://any.example")
        refused = _translate(client, "https://any.example", "ltmt_nope_wrong")
    assert preflight.status_code == 200
    assert preflight.headers["access-control-allow-origin"] == "*"
    assert refused.status_code in (401, 403)
    assert refused.headers["access-control-allow-origin"] == "*"


def test_without_cors_origins_no_cors_header_is_sent(api):
    with api.client() as client:
        answer = client.get("/health", headers={"Origin": CAT_TOOL})
        preflight = _preflight(client, CAT_TOOL)
    assert "access-control-allow-origin" not in answer.headers
    assert "access-control-allow-origin" not in preflight.headers


@pytest.mark.parametrize("origin", ["https://cat.example.com/", "cat.example.com", "https://a/b"])
def test_an_origin_no_browser_sends_is_refused(origin):
    from ltmt.errors import ConfigError
    from ltmt.server.config import ServerConfig

    with pytest.raises(ConfigError, match="is not an origin: write it as a browser sends it"):
        ServerConfig(cors_origins=(origin,))
