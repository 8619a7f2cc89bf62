"""The client's address, believing ``X-Forwarded-For`` only as far as our own proxies wrote it.

Anyone can send an ``X-Forwarded-For`` header. An entry is believed only when the hop that handed
it to us is one of ``TRUSTED_PROXIES``: walking the header from the right (the entry our proxy
appended) to the left, the first address that is not one of our proxies is the client. Anything
that is not an IP address ends the walk, so a forged or broken header is never stored or counted
as an address. With no trusted proxy configured the header is ignored and ``REMOTE_ADDR`` is the client.
"""

from __future__ import annotations

import functools
import ipaddress
from collections.abc import Mapping
from typing import Any

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

Network = ipaddress.IPv4Network | ipaddress.IPv6Network
Address = ipaddress.IPv4Address | ipaddress.IPv6Address


@functools.cache
def _networks(entries: tuple[str, ...]) -> tuple[Network, ...]:
    networks = []
    for entry in entries:
        try:
            networks.append(ipaddress.ip_network(entry.strip(), strict=False))
        except ValueError:
            raise ImproperlyConfigured(
                f"TRUSTED_PROXIES holds “{entry}”, which is not an IP address or network (e.g. 10.0.0.0/8)."
            ) from None
    return tuple(networks)


def trusted_networks() -> tuple[Network, ...]:
    """The proxies whose ``X-Forwarded-For`` entries are believed (setting ``TRUSTED_PROXIES``)."""
    return _networks(tuple(entry for entry in settings.TRUSTED_PROXIES if entry.strip()))


def _address(value: str) -> Address | None:
    try:
        address = ipaddress.ip_address(value.strip())
    except ValueError:
        return None
    # "::ffff:203.0.113.9" is 203.0.113.9: one client, one address, whichever way it is written.
    mapped = getattr(address, "ipv4_mapped", None)
    return mapped or address


def _is_trusted(address: Address, networks: tuple[Network, ...]) -> bool:
    return any(address in network for network in networks)


def client_ip(meta: Mapping[str, Any]) -> str | None:
    """The client's IP address from a request's ``META``, or None when there is none to be had."""
    peer = _address(str(meta.get("REMOTE_ADDR") or ""))
    if peer is None:
        return None
    networks = trusted_networks()
    if not networks or not _is_trusted(peer, networks):
        return str(peer)
    forwarded = str(meta.get("HTTP_X_FORWARDED_FOR") or "")
    client = peer
    for entry in reversed(forwarded.split(",")):
        address = _address(entry)
        if address is None:
            # Not an address: our proxy did not write that. The last hop we trust is all we know.
            break
        client = address
        if not _is_trusted(address, networks):
            break
    return str(client)


def request_client_ip(request: Any) -> str | None:
    """:func:`client_ip` for a request; django-axes asks for it (``AXES_CLIENT_IP_CALLABLE``)."""
    return client_ip(request.META)
