"""``ltmt serve --forwarded-allow-ips``: every entry is an IP address or network, as uvicorn
reads them, or the server does not start (a typo left the proxy untrusted without a word)."""

from __future__ import annotations

import pytest

from ltmt.errors import ConfigError
from ltmt.server.trusted_proxies import check_forwarded_allow_ips

HINT = (
    r", so no proxy would be trusted by it: name each proxy by its IP address \(10\.0\.0\.5\) "
    r"or network \(10\.0\.0\.0/24\), comma-separated, or give \* alone$"
)


@pytest.mark.parametrize(
    "value",
    [
        None,
        "*",
        "127.0.0.1",
        "10.0.0.5, 10.1.0.0/16",
        "::1,fe80::/10",
        "192.168.0.0/16,10.0.0.1",
        # an empty entry, as uvicorn passes it: a unit file's trailing comma, an empty "$PROXIES"
        "10.0.0.5,",
        "",
    ],
)
def test_addresses_networks_and_a_lone_star_are_taken(value: str | None) -> None:
    check_forwarded_allow_ips(value)


@pytest.mark.parametrize(
    ("value", "said"),
    [
        (
            "127.0.0.l",
            r"entry '127\.0\.0\.l' is not an IP address \(host names are not looked up\)",
        ),
        (
            "10.0.0.300,proxy.internal",
            r"entry '10\.0\.0\.300' is not an IP address \(host names are not looked up\)",
        ),
        (
            "10.0.0.1,proxy.internal",
            r"entry 'proxy\.internal' is not an IP address \(host names are not looked up\)",
        ),
        (
            "10.0.0.1/24",
            r"entry '10\.0\.0\.1/24' has host bits set \(the network is 10\.0\.0\.0/24\)",
        ),
        ("10.0.0.0/33", r"entry '10\.0\.0\.0/33' is not an IP network"),
        (
            "10.0.0.1,*",
            r"entry '\*' stands among other entries \(\* trusts every address only alone\)",
        ),
    ],
)
def test_an_entry_uvicorn_would_keep_as_a_literal_is_refused(value: str, said: str) -> None:
    with pytest.raises(ConfigError, match=r"^--forwarded-allow-ips " + said + HINT):
        check_forwarded_allow_ips(value)
