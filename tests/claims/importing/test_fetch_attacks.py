"""Imports under attack: compression bombs, servers that drip their headers, lookups that never end,
and every IPv6 form that hides an IPv4 address.

Each test reproduces an attack made on the running app; the outside web is a local server.
"""

from __future__ import annotations

import gzip
import socket
import struct
import threading
import time
import tracemalloc
import zlib
from collections.abc import Iterator
from typing import Any

import pytest
from django.urls import reverse
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from claims.importing.fetch import ImportRefused, fetch_url
from claims.models import Article
from factcheck import httpcap

ARTICLE_HTML = (
    "<!doctype html><html><head><meta charset='utf-8'><title>Ketamine lifts mood</title></head><body><article>"
    "<h1>Ketamine lifts mood</h1><p>These results, published in the journal JAMA Psychiatry, open new "
    "therapeutic avenues in the management of mood disorders resistant to antidepressants.</p></article></body></html>"
)


@pytest.fixture
def allow_local(settings: Any) -> Any:
    settings.IMPORT_ALLOW_PRIVATE_HOSTS = True
    return settings


def gzip_of_zeros(mebibytes: int) -> bytes:
    """A valid gzip stream of ``mebibytes`` MiB of zeros, built without compressing them all (fast)."""
    deflate = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    mib = bytes(1 << 20)
    # After a full flush the compressor starts afresh: every further MiB compresses to the same bytes.
    block = deflate.compress(mib) + deflate.flush(zlib.Z_FULL_FLUSH)
    crc = 0
    for _ in range(mebibytes):
        crc = zlib.crc32(mib, crc)
    header = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff"
    trailer = struct.pack("<II", crc, (mebibytes << 20) & 0xFFFFFFFF)
    return header + block * mebibytes + deflate.flush() + trailer


@pytest.fixture(scope="module")
def nested_bomb() -> bytes:
    """About 2.5 kB on the wire: gzip around gzip around 1 GiB of zeros, as in the attack."""
    return gzip.compress(gzip_of_zeros(1024), 9)


def test_the_bomb_builder_makes_valid_gzip() -> None:
    assert gzip.decompress(gzip_of_zeros(3)) == bytes(3 << 20)


def test_a_nested_gzip_bomb_is_refused_without_filling_the_memory(
    allow_local: Any, httpserver: HTTPServer, nested_bomb: bytes
) -> None:
    assert len(nested_bomb) < 4000
    httpserver.expect_request("/bomb").respond_with_data(
        nested_bomb, content_type="text/html", headers={"Content-Encoding": "gzip, gzip"}
    )
    tracemalloc.start()
    try:
        with pytest.raises(ImportRefused, match="larger than the 5 MB import limit"):
            fetch_url(httpserver.url_for("/bomb"))
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    # The cap is 5 MB: each layer is undone under it. Before, one call inflated the whole gigabyte.
    assert peak < 40 * 1024 * 1024


def test_the_import_asks_for_an_uncompressed_page(allow_local: Any, httpserver: HTTPServer) -> None:
    seen: list[str] = []

    def handler(request: Request) -> Response:
        seen.append(request.headers.get("Accept-Encoding", ""))
        return Response(ARTICLE_HTML, content_type="text/html")

    httpserver.expect_request("/story").respond_with_handler(handler)
    fetch_url(httpserver.url_for("/story"))
    assert seen == ["identity"]


def test_a_page_compressed_anyway_is_decoded(allow_local: Any, httpserver: HTTPServer) -> None:
    httpserver.expect_request("/gz").respond_with_data(
        gzip.compress(ARTICLE_HTML.encode()), content_type="text/html", headers={"Content-Encoding": "gzip"}
    )
    assert "JAMA Psychiatry" in fetch_url(httpserver.url_for("/gz")).body


def test_an_encoding_we_cannot_undo_is_refused_with_a_sentence(allow_local: Any, httpserver: HTTPServer) -> None:
    httpserver.expect_request("/br").respond_with_data(
        b"\x8b\x02\x80", content_type="text/html", headers={"Content-Encoding": "br"}
    )
    with pytest.raises(ImportRefused, match="compressed form that cannot be read"):
        fetch_url(httpserver.url_for("/br"))


def test_a_broken_gzip_body_is_refused_with_a_sentence(allow_local: Any, httpserver: HTTPServer) -> None:
    httpserver.expect_request("/broken").respond_with_data(
        b"\x1f\x8b\x08\x00garbage-not-deflate", content_type="text/html", headers={"Content-Encoding": "gzip"}
    )
    with pytest.raises(ImportRefused, match="compressed form that cannot be read"):
        fetch_url(httpserver.url_for("/broken"))


@pytest.mark.parametrize("layers", [["gzip"], ["gzip", "gzip"], ["deflate"]])
def test_the_capped_decoder_gives_back_exactly_what_was_compressed(layers: list[str]) -> None:
    original = b"Ketamine lifts mood within hours. " * 3000
    data = original
    for layer in layers:
        data = gzip.compress(data) if layer == "gzip" else zlib.compress(data)
    chunks = [data[i : i + 7] for i in range(0, len(data), 7)]
    assert httpcap.decode_capped(chunks, layers, cap=len(original)) == original
    with pytest.raises(httpcap.TooLarge):
        httpcap.decode_capped(chunks, layers, cap=len(original) - 1)


@pytest.fixture
def header_dripper() -> Iterator[str]:
    """A raw server that sends its status line and headers one byte every 0.2 s (for 10 s, then hangs up)."""
    listener = socket.create_server(("127.0.0.1", 0))
    port = listener.getsockname()[1]
    stop = threading.Event()

    def serve() -> None:
        listener.settimeout(0.5)
        while not stop.is_set():
            try:
                connection, _ = listener.accept()
            except OSError:
                continue
            with connection:
                connection.recv(65536)
                headers = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n" + b"X-Padding: " + b"a" * 10_000
                until = time.monotonic() + 10
                for byte in headers:
                    if stop.is_set() or time.monotonic() > until:
                        break
                    try:
                        connection.sendall(bytes([byte]))
                    except OSError:
                        break
                    time.sleep(0.2)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{port}/story"
    stop.set()
    listener.close()
    thread.join(timeout=5)


def test_headers_dripped_byte_by_byte_are_cut_off_at_the_deadline(allow_local: Any, header_dripper: str) -> None:
    allow_local.IMPORT_TIMEOUT_SECONDS = 1.0
    started = time.monotonic()
    with pytest.raises(ImportRefused, match=r"did not answer within 1 second\."):
        fetch_url(header_dripper)
    # Every byte came well within the per-read timeout; the one deadline still ends it.
    assert time.monotonic() - started < 2.5


def test_the_import_page_answers_a_dripping_server_with_a_sentence(
    client: Any, editor: Any, allow_local: Any, header_dripper: str
) -> None:
    allow_local.IMPORT_TIMEOUT_SECONDS = 1.0
    client.force_login(editor)
    started = time.monotonic()
    response = client.post(reverse("imports:article_import"), {"source_url": header_dripper, "title": "A story"})
    assert time.monotonic() - started < 3.0
    assert response.status_code == 200
    assert "did not answer within 1 second." in response.content.decode()
    assert not Article.objects.exists()


def test_a_dns_lookup_that_never_ends_is_held_to_the_deadline(allow_local: Any, monkeypatch: Any) -> None:
    allow_local.IMPORT_TIMEOUT_SECONDS = 0.5
    real = socket.getaddrinfo

    def hanging_getaddrinfo(host: str, *args: Any, **kwargs: Any) -> Any:
        if host == "slow-dns.example":
            time.sleep(3)
        return real(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", hanging_getaddrinfo)
    started = time.monotonic()
    with pytest.raises(ImportRefused, match=r"did not answer within 0\.5 seconds"):
        fetch_url("http://slow-dns.example/story")
    assert time.monotonic() - started < 1.5


@pytest.mark.parametrize(
    "url",
    [
        "http://[::127.0.0.1]/",  # IPv4-compatible
        "http://[::10.0.0.1]/",
        "http://[::ffff:0:127.0.0.1]/",  # IPv4-translated (SIIT)
        "http://[::ffff:0:169.254.169.254]/",
        "http://[64:ff9b:1::7f00:1]/",  # NAT64 for local use
        "http://[64:ff9b:1:2::]/",
        "http://[fec0::1]/",  # site-local
        "http://[fed0::10:0:0:1]/",
        "http://[2606:4700:1:2:0:5efe:7f00:1]/",  # ISATAP around 127.0.0.1
        "http://[64:ff9b::a9fe:a9fe]/",  # NAT64 around 169.254.169.254 (already refused; kept)
        "http://[::]/",
    ],
)
def test_every_ipv6_form_that_embeds_a_private_ipv4_is_refused(settings: Any, url: str) -> None:
    settings.IMPORT_ALLOW_PRIVATE_HOSTS = False
    with pytest.raises(ImportRefused, match="private or local network address"):
        fetch_url(url)


@pytest.mark.parametrize("address", ["2606:4700::6810:84e5", "::ffff:0:93.184.216.34", "64:ff9b::5db8:d822"])
def test_public_ipv6_addresses_stay_allowed(address: str) -> None:
    from claims.importing.fetch import _address_is_public

    assert _address_is_public(address)
