"""The application as a whole: paths it does not have, its OpenAPI document, its shutdown."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("method", "path"), [("GET", "/v1/memory/stats/"), ("POST", "/v1/memory/pairs/")]
)
def test_a_trailing_slash_is_a_json_404_not_a_redirect(api, method, path):
    """It was a 307 with an empty body to an http:// URL made from Host: behind a TLS proxy a
    redirect to plain http, which clients follow with their key."""
    with api.client(api.key("slasher")) as client:
        answer = client.request(method, path, json={"pairs": []}, follow_redirects=False)
    assert answer.status_code == 404
    assert "location" not in answer.headers
    assert answer.json() == {"error": f"no such endpoint: {method} {path} (see /docs)"}
