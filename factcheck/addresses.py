"""The local address of the web server, as a link: what SITE_URL defaults to on a laptop."""

from __future__ import annotations

# Addresses a server listens on but a browser cannot open: a link names the loopback address instead.
_ANY_HOST = {"0.0.0.0": "127.0.0.1", "": "127.0.0.1", "[::]": "[::1]", "::": "[::1]"}  # noqa: S104


def local_site_url(run_addr: str) -> str:
    """``http://host:port`` for a ``runserver`` address: "8001", "0.0.0.0:8080", "[::1]:8000", "localhost:9000"."""
    addr = run_addr.strip() or "127.0.0.1:8000"
    if addr.isdigit():
        return f"http://127.0.0.1:{addr}"
    host, sep, port = addr.rpartition(":")
    if not sep or (":" in host and not host.startswith("[")):
        # A bare host, or a bare IPv6 address without brackets: runserver's default port.
        host, port = (f"[{addr}]" if ":" in addr else addr), "8000"
    host = _ANY_HOST.get(host, host)
    return f"http://{host}:{port}"
