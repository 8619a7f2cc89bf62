"""Article import: fetch a page or read a file and keep its text only (:mod:`claims.importing.services` stores it).

Everything from outside is reduced to plain text before it is stored; the workspace never renders
outside HTML. Fetching refuses non-http(s) schemes and hosts that resolve to private, loopback or
link-local addresses, on the first request and on every redirect hop, and it checks the address it
actually connects to (so a name that re-resolves between check and connect gains nothing).
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import logging
import socket
import threading
import time
import typing
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any, TypeVar
from urllib.parse import urljoin, urlsplit

import httpcore
import httpx
from django.conf import settings
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from claims.models import Article
from factcheck import httpcap
from factcheck.errors import ServiceError
from factcheck.text import normalise_newlines

logger = logging.getLogger(__name__)
T = TypeVar("T")

MAX_REDIRECTS = 5
MIN_ARTICLE_WORDS = 8
USER_AGENT = "FactcheckNewsroom/1.0 (article import)"
HTML_TYPES = {"text/html", "application/xhtml+xml"}
TEXT_TYPES = {"text/plain", "text/markdown", "text/x-markdown"}
UPLOAD_SUFFIXES = {".txt": "text", ".md": "text", ".markdown": "text", ".html": "html", ".htm": "html"}


class ImportRefused(ServiceError):
    """An import that cannot go ahead, with the reason in a sentence.

    ``field`` names the form field the reason concerns, when it is not the source itself.
    """

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


def max_megabytes() -> str:
    """The size cap as people read it ("5 MB")."""
    megabytes = settings.IMPORT_MAX_BYTES / (1024 * 1024)
    if megabytes >= 0.1:
        shown = float(f"{megabytes:g}")
        return _("%(size)s MB") % {"size": number_format(int(shown) if shown.is_integer() else shown)}
    count = settings.IMPORT_MAX_BYTES
    return ngettext("%(count)s byte", "%(count)s bytes", count) % {"count": number_format(count)}


@dataclass(frozen=True)
class ImportedText:
    """Plain text and whatever metadata its source carried, ready to be stored."""

    body: str
    origin: str
    title: str = ""
    authors: str = ""
    published_on: dt.date | None = None
    url: str = ""
    outlet: str = ""


# -- Text from each kind of source ------------------------------------------------------------------


def _first_line_title(body: str) -> str:
    """A pasted article usually opens with its headline; use it when it looks like one."""
    for line in body.split("\n"):
        line = line.strip().lstrip("#").strip()
        if line:
            return line if len(line) <= 200 else ""
    return ""


def _parse_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def text_from_paste(text: str) -> ImportedText:
    """Pasted text is stored as it is (newlines normalised)."""
    body = normalise_newlines(text)
    if not body.strip():
        raise ImportRefused(_("Paste the article's text, upload a file or give a URL."))
    return ImportedText(body=body, origin=Article.Origin.PASTE, title=_first_line_title(body))


def _decode_utf8(data: bytes, name: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportRefused(
            _("“%(name)s” is not UTF-8 text, so it cannot be read. Save it as UTF-8 and upload it again.")
            % {"name": name}
        ) from None


def extract_html(html: str | bytes, *, url: str = "", origin: str = Article.Origin.URL) -> ImportedText:
    """Reduce an HTML page to its article text and metadata (title, author, date, site name).

    Scripts, attributes and links are dropped by the extraction: only text survives. Paragraphs
    are separated by a blank line so they stay paragraphs in the stored body.
    """
    import trafilatura  # imported late: it loads large language data at import time

    try:
        document = trafilatura.bare_extraction(
            html,
            url=url or None,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            include_images=False,
            include_links=False,
            include_formatting=False,
        )
    except Exception:  # the extractor raises a variety of parser errors on broken markup
        logger.warning("Article extraction failed for %s", url or "an uploaded page", exc_info=True)
        document = None
    text = (getattr(document, "text", None) or "") if document is not None else ""
    paragraphs = [line.strip() for line in normalise_newlines(text).split("\n") if line.strip()]
    title = (getattr(document, "title", None) or "").strip()
    # The extractor often repeats the headline as the first paragraph; the title field holds it.
    if paragraphs and title and paragraphs[0] == title:
        paragraphs = paragraphs[1:]
    body = "\n\n".join(paragraphs)
    if len(body.split()) < MIN_ARTICLE_WORDS:
        if origin == Article.Origin.URL:
            message = _(
                "This page has no article text that could be extracted. Copy the article's text and paste it instead."
            )
        else:
            message = _(
                "This file has no article text that could be extracted. Copy the article's text and paste it instead."
            )
        raise ImportRefused(message)
    return ImportedText(
        body=body,
        origin=origin,
        title=title,
        authors=(getattr(document, "author", None) or "").strip(),
        published_on=_parse_date(getattr(document, "date", None)),
        url=url,
        outlet=(getattr(document, "sitename", None) or "").strip(),
    )


def text_from_upload(name: str, data: bytes) -> ImportedText:
    """An uploaded .txt/.md file is stored as text; an .html file goes through extraction."""
    suffix = PurePath(name).suffix.lower()
    kind = UPLOAD_SUFFIXES.get(suffix)
    if kind is None:
        raise ImportRefused(
            _("“%(name)s” is not a .txt, .md or .html file. Upload one of those, or paste the text.") % {"name": name}
        )
    if not data.strip():
        raise ImportRefused(_("“%(name)s” is empty.") % {"name": name})
    if kind == "html":
        # Bytes, not text: the extractor honours the page's own <meta charset>.
        return extract_html(data, origin=Article.Origin.FILE)
    body = normalise_newlines(_decode_utf8(data, name))
    title = _first_line_title(body) or PurePath(name).stem.replace("-", " ").replace("_", " ").strip()
    return ImportedText(body=body, origin=Article.Origin.FILE, title=title)


# -- Fetching a URL ------------------------------------------------------------------------------


# IPv6 ranges whose last 32 bits are an IPv4 address the packet ends up at: judged as that address.
IPV4_IN_LAST_32_BITS = (
    ipaddress.IPv6Network("64:ff9b::/96"),  # NAT64, the well-known prefix
    ipaddress.IPv6Network("::/96"),  # IPv4-compatible (deprecated): ::a.b.c.d, also :: and ::1
    ipaddress.IPv6Network("::ffff:0:0:0/96"),  # IPv4-translated (SIIT): ::ffff:0:a.b.c.d
)
# Never a public web server: NAT64 for local use (RFC 8215) translates to any IPv4 address, private
# ones included, and site-local addresses (deprecated) are still routed inside some networks.
NEVER_PUBLIC = (ipaddress.IPv6Network("64:ff9b:1::/48"), ipaddress.IPv6Network("fec0::/10"))
ISATAP_IDS = {0x00005EFE, 0x02005EFE}


def _address_is_public(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    # An IPv4 address wrapped in IPv6 (::ffff:127.0.0.1) must be judged as the IPv4 address it is.
    mapped = getattr(ip, "ipv4_mapped", None)
    if mapped is not None:
        ip = mapped
    if isinstance(ip, ipaddress.IPv6Address):
        if any(ip in network for network in NEVER_PUBLIC):
            return False
        last_32 = ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
        if any(ip in network for network in IPV4_IN_LAST_32_BITS):
            return _address_is_public(str(last_32))
        # 6to4, Teredo and ISATAP carry an IPv4 address too: a private one makes the whole address private.
        isatap = last_32 if (int(ip) >> 32) & 0xFFFFFFFF in ISATAP_IDS else None
        embedded = ip.sixtofour or (ip.teredo[1] if ip.teredo else None) or isatap
        if embedded is not None and not _address_is_public(str(embedded)):
            return False
    return ip.is_global and not ip.is_multicast


def resolve_public(host: str, port: int) -> list[str]:
    """Every address ``host`` resolves to, refusing the lot if any one is not a public address."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError):
        # A name that does not resolve is as often this server being offline as a mistyped address.
        raise ImportRefused(
            _(
                "The site “%(host)s” could not be reached: its address could not be looked up. Either this server "
                "cannot reach the internet right now or the address is mistyped; try again later, or check the "
                "address."
            )
            % {"host": host}
        ) from None
    addresses = list(dict.fromkeys(info[4][0] for info in infos))
    if not settings.IMPORT_ALLOW_PRIVATE_HOSTS:
        for address in addresses:
            if not _address_is_public(address):
                raise ImportRefused(
                    _(
                        "“%(host)s” points to a private or local network address (%(address)s); "
                        "only public web pages can be imported."
                    )
                    % {"host": host, "address": address}
                )
    return addresses


def _before(deadline: float, func: Callable[..., T], *args: Any) -> T:
    """Run ``func`` (a DNS lookup, which has no timeout of its own) but give up at ``deadline``.

    A lookup still running then is left to finish on its own in a daemon thread; the import does not wait.
    """
    outcome: dict[str, Any] = {}

    def run() -> None:
        try:
            outcome["value"] = func(*args)
        except BaseException as exc:  # handed to the caller's thread as it is
            outcome["error"] = exc

    thread = threading.Thread(target=run, daemon=True, name="import-dns")
    thread.start()
    thread.join(max(deadline - time.monotonic(), 0.0))
    if thread.is_alive():
        raise httpx.ConnectTimeout("The address could not be looked up in time.")
    if "error" in outcome:
        raise outcome["error"]
    return typing.cast(T, outcome["value"])


class _DeadlineStream(httpcore.NetworkStream):
    """A connection whose every read and write ends by the fetch's one deadline.

    The per-read timeout alone lets a server that sends its headers one byte at a time hold the
    import for ever: each byte arrives in time, the whole never does.
    """

    def __init__(self, stream: httpcore.NetworkStream, deadline: float) -> None:
        self.stream = stream
        self.deadline = deadline

    def _timeout(self, timeout: float | None, error: type[Exception]) -> float:
        remaining = self.deadline - time.monotonic()
        if remaining <= 0:
            raise error("The whole fetch took too long.")
        return remaining if timeout is None else min(timeout, remaining)

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self.stream.read(max_bytes, self._timeout(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self.stream.write(buffer, self._timeout(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self.stream.close()

    def start_tls(
        self, ssl_context: Any, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.NetworkStream:
        tls = self.stream.start_tls(ssl_context, server_hostname, self._timeout(timeout, httpcore.ConnectTimeout))
        return _DeadlineStream(tls, self.deadline)

    def get_extra_info(self, info: str) -> Any:
        return self.stream.get_extra_info(info)


class _GuardedBackend(httpcore.SyncBackend):
    """Connects only to addresses that pass the public-address check, whatever DNS says now, and
    holds every step (the lookup, the connection, each read and write) to one deadline."""

    def __init__(self, deadline: float) -> None:
        self.deadline = deadline

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: typing.Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        last_error: Exception | None = None
        for address in _before(self.deadline, resolve_public, host, port):
            remaining = self.deadline - time.monotonic()
            if remaining <= 0:
                raise httpcore.ConnectTimeout("The whole fetch took too long.")
            try:
                stream = super().connect_tcp(
                    address, port, min(timeout or remaining, remaining), local_address, socket_options
                )
            except httpcore.ConnectError as exc:
                last_error = exc
            else:
                return _DeadlineStream(stream, self.deadline)
        raise last_error or httpcore.ConnectError(f"No address to connect to for {host}")


class _GuardedTransport(httpx.HTTPTransport):
    def __init__(self, deadline: float) -> None:
        super().__init__()
        # httpx has no public hook for the network backend; the pool is rebuilt with ours.
        self._pool = httpcore.ConnectionPool(
            ssl_context=httpx.create_ssl_context(),
            http1=True,
            http2=False,
            network_backend=_GuardedBackend(deadline),
        )


def validate_url(url: str) -> tuple[str, int]:
    """Refuse anything but an http(s) URL with a public host; return the host and port."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        raise ImportRefused(_("That URL is not valid. Give the full address, starting with https://.")) from None
    scheme = parts.scheme.lower()
    if scheme not in {"http", "https"}:
        if scheme:
            message = _(
                "“%(scheme)s:” addresses cannot be imported; give a web address starting with http:// or https://."
            ) % {"scheme": scheme}
        else:
            message = _(
                "Addresses without http:// or https:// cannot be imported; give a web address starting with "
                "http:// or https://."
            )
        raise ImportRefused(message)
    host = parts.hostname
    if not host:
        raise ImportRefused(_("That URL has no host name. Give the full address, starting with https://."))
    port = port or (443 if scheme == "https" else 80)
    resolve_public(host, port)
    return host, port


def _media_type(content_type: str) -> str:
    return content_type.split(";", 1)[0].strip().lower()


def _looks_like_html(data: bytes) -> bool:
    head = data[:1024].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html", b"<head", b"<body", b"<article", b"<p", b"<div"))


def _too_big_message() -> str:
    return _("The page is larger than the %(size)s import limit.") % {"size": max_megabytes()}


def _read_capped(response: httpx.Response, deadline: float) -> bytes:
    """Read the body, stopping as soon as it passes the cap or the deadline (whatever the headers claim).

    A compressed body is undone here under the same cap, layer by layer: nested gzip around a
    gigabyte of zeros stops at the cap instead of filling the memory.
    """
    try:
        return httpcap.read_capped(response, settings.IMPORT_MAX_BYTES, deadline)
    except httpcap.TooLarge:
        raise ImportRefused(_too_big_message()) from None
    except httpcap.BadEncoding:
        raise ImportRefused(
            _("The site sent this page in a compressed form that cannot be read. Paste the article's text instead.")
        ) from None


def fetch_url(url: str) -> ImportedText:
    """Fetch ``url`` and extract its article, following at most a few redirects, each one checked."""
    timeout = settings.IMPORT_TIMEOUT_SECONDS
    deadline = time.monotonic() + timeout
    current = url.strip()
    try:
        with httpx.Client(
            transport=_GuardedTransport(deadline),
            timeout=httpx.Timeout(timeout),
            follow_redirects=False,
            trust_env=False,
            headers={
                "User-Agent": USER_AGENT,
                "Accept": "text/html, application/xhtml+xml, text/plain;q=0.9",
                # Uncompressed, please; a server that compresses anyway is decoded under the cap.
                "Accept-Encoding": "identity",
            },
        ) as client:
            for _hop in range(MAX_REDIRECTS + 1):
                _before(deadline, validate_url, current)
                with client.stream("GET", current) as response:
                    if response.is_redirect:
                        location = response.headers.get("location", "")
                        if not location:
                            raise ImportRefused(_("The page redirected without saying where to."))
                        current = urljoin(current, location)
                        continue
                    if response.status_code >= 400:
                        status = f"{response.status_code} {httpx.codes.get_reason_phrase(response.status_code)}"
                        raise ImportRefused(
                            _("The site answered “%(status)s” for this URL, so there is nothing to import.")
                            % {"status": status}
                        )
                    media_type = _media_type(response.headers.get("content-type", ""))
                    if media_type and media_type not in HTML_TYPES | TEXT_TYPES:
                        raise ImportRefused(
                            _(
                                "This URL serves “%(type)s”, not a web page or text, so there is no article "
                                "to import. Download the article's text and paste it instead."
                            )
                            % {"type": media_type}
                        )
                    data = _read_capped(response, deadline)
                    charset = response.charset_encoding
                    return _page_text(data, media_type, charset, current)
            raise ImportRefused(
                ngettext(
                    "The page redirected more than %(count)s time; give its final address.",
                    "The page redirected more than %(count)s times; give its final address.",
                    MAX_REDIRECTS,
                )
                % {"count": MAX_REDIRECTS}
            )
    except httpx.TimeoutException:
        seconds = float(f"{timeout:g}")
        raise ImportRefused(
            ngettext(
                "The site did not answer within %(seconds)s second. Try again later.",
                "The site did not answer within %(seconds)s seconds. Try again later.",
                int(seconds) if seconds.is_integer() else 2,
            )
            % {"seconds": number_format(int(seconds) if seconds.is_integer() else seconds)}
        ) from None
    except (httpx.ConnectError, httpx.RemoteProtocolError, httpx.ReadError, httpx.WriteError) as exc:
        logger.info("Import of %s failed to connect: %s", url, exc)
        raise ImportRefused(_("The site could not be reached. Check the URL, or try again later.")) from None
    except httpx.InvalidURL:
        raise ImportRefused(_("That URL is not valid. Give the full address, starting with https://.")) from None
    except httpx.HTTPError as exc:
        logger.info("Import of %s failed: %s", url, exc)
        raise ImportRefused(_("The page could not be fetched. Check the URL, or try again later.")) from None


def _page_text(data: bytes, media_type: str, charset: str | None, url: str) -> ImportedText:
    if media_type in HTML_TYPES or (not media_type and _looks_like_html(data)):
        # Without a declared charset, the extractor reads <meta charset> from the bytes itself.
        html: str | bytes = data
        if charset:
            try:
                html = data.decode(charset, errors="replace")
            except LookupError:  # a charset name Python does not know: let the extractor sniff
                html = data
        return extract_html(html, url=url, origin=Article.Origin.URL)
    try:
        text = data.decode(charset or "utf-8")
    except (UnicodeDecodeError, LookupError):
        raise ImportRefused(_("This URL's text is not in a readable encoding.")) from None
    if "\x00" in text:
        raise ImportRefused(_("This URL does not serve text, so there is no article to import."))
    body = normalise_newlines(text)
    if len(body.split()) < MIN_ARTICLE_WORDS:
        raise ImportRefused(_("This page has no article text that could be extracted. Paste the text instead."))
    return ImportedText(body=body, origin=Article.Origin.URL, title=_first_line_title(body), url=url)
