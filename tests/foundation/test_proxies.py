"""Whose address a request comes from: X-Forwarded-For only from our own proxies, only valid IPs."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import ImproperlyConfigured

from factcheck.proxies import client_ip


def test_without_trusted_proxies_the_header_is_ignored(settings: Any) -> None:
    settings.TRUSTED_PROXIES = []
    meta = {"REMOTE_ADDR": "198.51.100.7", "HTTP_X_FORWARDED_FOR": "203.0.113.1"}
    assert client_ip(meta) == "198.51.100.7"


def test_from_our_proxy_the_entry_it_appended_is_the_client(settings: Any) -> None:
    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
    meta = {"REMOTE_ADDR": "10.0.0.2", "HTTP_X_FORWARDED_FOR": "1.2.3.4, 203.0.113.7"}
    assert client_ip(meta) == "203.0.113.7"  # "1.2.3.4" is whatever the client claimed


def test_a_chain_of_our_proxies_is_walked_back_to_the_first_outsider(settings: Any) -> None:
    settings.TRUSTED_PROXIES = ["10.0.0.2", "10.0.1.0/24"]
    meta = {"REMOTE_ADDR": "10.0.0.2", "HTTP_X_FORWARDED_FOR": "6.6.6.6, 203.0.113.7, 10.0.1.5"}
    assert client_ip(meta) == "203.0.113.7"


def test_a_client_talking_to_us_directly_cannot_choose_its_address(settings: Any) -> None:
    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
    seen = {client_ip({"REMOTE_ADDR": "198.51.100.7", "HTTP_X_FORWARDED_FOR": f"203.0.113.{n}"}) for n in range(20)}
    assert seen == {"198.51.100.7"}


@pytest.mark.parametrize("header", ["not-an-ip", "203.0.113.7, not-an-ip", "", " , ", "999.1.1.1", "\x00"])
def test_a_header_that_is_not_an_address_falls_back_to_the_last_trusted_hop(settings: Any, header: str) -> None:
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    assert client_ip({"REMOTE_ADDR": "127.0.0.1", "HTTP_X_FORWARDED_FOR": header}) == "127.0.0.1"


def test_a_mapped_ipv6_address_is_the_ipv4_address_it_wraps(settings: Any) -> None:
    settings.TRUSTED_PROXIES = []
    assert client_ip({"REMOTE_ADDR": "::ffff:203.0.113.9"}) == "203.0.113.9"


def test_no_remote_address_is_no_address(settings: Any) -> None:
    assert client_ip({}) is None
    assert client_ip({"REMOTE_ADDR": "garbage"}) is None


def test_a_misconfigured_proxy_list_says_which_entry_is_wrong(settings: Any) -> None:
    settings.TRUSTED_PROXIES = ["10.0.0.0/8", "proxy.internal"]
    with pytest.raises(ImproperlyConfigured, match="proxy.internal"):
        client_ip({"REMOTE_ADDR": "10.0.0.1"})
