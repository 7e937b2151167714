"""``ltmt serve --forwarded-allow-ips``: the reverse proxies whose ``X-Forwarded-For`` names the
client that the wrong-key lockout counts.

uvicorn reads the value as ``*`` (every address) or a comma-separated list of IP addresses and
networks; any other entry it keeps as a literal to compare with the peer's text, without a word
(``uvicorn/middleware/proxy_headers.py``: literals are for servers on a unix socket). ``ltmt
serve`` listens on TCP, where the peer is always an IP address, so such an entry can never
match: ``127.0.0.l`` (a typo), ``10.0.0.300`` or ``proxy.internal`` (never resolved) left the
proxy untrusted, and a wrong-key lockout locked the proxy's own address, every client behind it.
Each entry is checked here, before the server starts.
"""

from __future__ import annotations

import ipaddress

from ltmt.errors import ConfigError

ANY_ADDRESS = "*"  # uvicorn trusts every address only where the whole value is this


def check_forwarded_allow_ips(value: str | None) -> None:
    """Refuse an entry of ``value`` (uvicorn's comma-separated form) that is not an IP address
    or network, and a ``*`` among other entries (uvicorn reads it as a literal then). An empty
    entry (``10.0.0.5,``, or an empty value from ``"$PROXIES"``) is passed over, as uvicorn
    passes it: the others are trusted (a unit file with a trailing comma ran before session
    71's check)."""
    if value is None or value == ANY_ADDRESS:
        return
    for entry in (item.strip() for item in value.split(",")):
        if not entry:  # a stray comma, or an empty value: uvicorn trusts nothing by it
            continue
        problem = _problem(entry)
        if problem is not None:
            raise ConfigError(
                f"--forwarded-allow-ips entry {entry!r} {problem}, so no proxy would be trusted "
                "by it: name each proxy by its IP address (10.0.0.5) or network (10.0.0.0/24), "
                "comma-separated, or give * alone"
            )


def _problem(entry: str) -> str | None:
    """What is wrong with one entry as uvicorn reads it (None: an address or a network)."""
    if entry == ANY_ADDRESS:
        return "stands among other entries (* trusts every address only alone)"
    try:
        if "/" in entry:
            ipaddress.ip_network(entry)
        else:
            ipaddress.ip_address(entry)
    except ValueError:
        pass
    else:
        return None
    if "/" in entry:
        try:  # host bits set: uvicorn wants the network's own address
            network = ipaddress.ip_network(entry, strict=False)
        except ValueError:
            return "is not an IP network"
        return f"has host bits set (the network is {network})"
    return "is not an IP address (host names are not looked up)"
