"""``ltmt serve --public-url``: the address the download URLs of ``/translate_file`` start
with, whatever the request's ``Host`` or a proxy's ``X-Forwarded-*`` headers say."""

from __future__ import annotations

import pytest

from ltmt.errors import ConfigError
from ltmt.server.config import ServerConfig

# what nginx sends with its default upstream Host, here naming the server itself
PROXIED = {
    "Host": "127.0.0.1:8731",
    "X-Forwarded-Host": "mt.saas.example",
    "X-Forwarded-Proto": "https",
    "X-Forwarded-For": "203.0.113.7",
}


def _translate_file(client, token: str, headers: dict[str, str]) -> str:
    answer = client.post(
        "/translate_file",
        data={"source": "en", "target": "de", "api_key": token},
        files={"file": ("notes.txt", b"open the file\n")},
        headers=headers,
    )
    assert answer.status_code == 200, answer.text
    return str(answer.json()["translatedFileUrl"])


def test_download_urls_start_with_the_public_url_whatever_host_says(launch, make_key, tmp_path):
    """A client's ``Host: evil.example`` got ``http://evil.example/download_file/...``, and
    behind nginx's default Host every customer got ``https://127.0.0.1:8731/...``."""
    server = launch("--public-url", "https://mt.example/", "--forwarded-allow-ips", "127.0.0.1")
    token = make_key(tmp_path / "store", "tenant")
    with server.client() as client:
        urls = [
            _translate_file(client, token, {"Host": "evil.example"}),
            _translate_file(client, token, PROXIED),
        ]
        for url in urls:
            assert url.startswith("https://mt.example/download_file/"), url
            assert url.endswith(".notes.txt")
            path = url.removeprefix("https://mt.example")
            assert client.get(path).status_code == 200


@pytest.mark.parametrize(
    "url",
    ["mt.example", "ftp://mt.example", "https://", "https://mt.example/?x=1", "https://a/#top"],
)
def test_a_public_url_clients_cannot_be_sent_to_is_refused(url):
    with pytest.raises(ConfigError) as caught:
        ServerConfig(public_url=url)
    assert str(caught.value) == (
        f"public url {url!r} is not an address clients can be sent to: write it as "
        "http(s)://host[:port][/path], without a query (https://mt.example.com)"
    )


def test_a_public_url_may_have_a_path_and_a_port():
    assert ServerConfig(public_url="http://gw.example:8443/mt").public_url == (
        "http://gw.example:8443/mt"
    )
