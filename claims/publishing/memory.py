"""Each web process's memory of the public pages it rendered: the hot path that reads no snapshot.

A reader's request for a check page, the list, a feed or the sitemap is answered from this memory:
no query, no template, the body already compressed. The memory is checked against the public
revision (one row, :class:`~claims.publishing.models.PublicRevision`) at most once every
``PUBLIC_REFRESH_SECONDS`` (1 s by default); when the revision moved (a publish, a republish, a
withdrawal) it is emptied, so a correction or a withdrawal reaches every reader within that second.
If the database cannot be reached, pages already in memory go on being served.
"""

from __future__ import annotations

import gzip
import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.db import DatabaseError
from django.http import HttpRequest, HttpResponse
from django.utils.cache import get_conditional_response
from django.utils.http import parse_http_date_safe

logger = logging.getLogger(__name__)

clock = time.monotonic  # tests move time on by replacing it
CACHE_CONTROL = "public, max-age=0, must-revalidate"
GZIP_MIN_BYTES = 200
# Every public page: a strict CSP (no script may run at all), and no framing.
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
    "base-uri 'none'; frame-ancestors 'none'"
)
PUBLIC_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "DENY",
}


def memory_key(request: HttpRequest) -> str:
    """Where a public response is kept: its path and its query string exactly as sent."""
    query = request.META.get("QUERY_STRING", "")
    return f"{request.path_info}?{query}" if query else request.path_info


@dataclass(frozen=True)
class Entry:
    """One rendered public response, as sent, plain and gzipped."""

    status: int
    body: bytes
    gzipped: bytes
    content_type: str
    etag: str
    last_modified: str
    revision: int

    @classmethod
    def of(cls, response: HttpResponse, revision: int) -> Entry:
        body = response.content
        return cls(
            status=response.status_code,
            body=body,
            gzipped=gzip.compress(body, compresslevel=6, mtime=0) if len(body) >= GZIP_MIN_BYTES else b"",
            content_type=response["Content-Type"],
            etag=response.get("ETag", ""),
            last_modified=response.get("Last-Modified", ""),
            revision=revision,
        )

    @property
    def size(self) -> int:
        return len(self.body) + len(self.gzipped)

    def respond(self, request: HttpRequest) -> HttpResponse:
        """The response for this reader: 304 when their copy is current, gzip when they accept it."""
        meta = request.META
        if self.etag and ("HTTP_IF_NONE_MATCH" in meta or "HTTP_IF_MODIFIED_SINCE" in meta):
            last_modified = parse_http_date_safe(self.last_modified) if self.last_modified else None
            not_modified = get_conditional_response(request, etag=self.etag, last_modified=last_modified)
            if not_modified is not None:
                return self._headers(not_modified, compressed=False)
        compressed = bool(self.gzipped) and "gzip" in meta.get("HTTP_ACCEPT_ENCODING", "")
        response = HttpResponse(
            self.gzipped if compressed else self.body, status=self.status, content_type=self.content_type
        )
        if compressed:
            response["Content-Encoding"] = "gzip"
        return self._headers(response, compressed=compressed)

    def _headers(self, response: HttpResponse, *, compressed: bool) -> HttpResponse:
        if self.etag:
            # The compressed bytes differ from the plain ones: a strong tag becomes a weak one.
            response["ETag"] = f"W/{self.etag}" if compressed and not self.etag.startswith("W/") else self.etag
        if self.last_modified:
            response["Last-Modified"] = self.last_modified
        for name, value in PUBLIC_HEADERS.items():
            response[name] = value
        # Every public page is in the newsroom's language, whatever the reader's Accept-Language: so
        # the memory holds one copy of each page, and no Vary on Accept-Language is needed.
        response["Content-Language"] = _content_language()
        response["Vary"] = "Accept-Encoding"
        response["Cache-Control"] = CACHE_CONTROL + (
            f", s-maxage={settings.PUBLIC_CDN_MAX_AGE}" if settings.PUBLIC_CDN_MAX_AGE else ""
        )
        return response


def _content_language() -> str:
    from claims.publishing.wording import bcp47

    return bcp47(settings.NEWSROOM_LANGUAGE)


def _database_revision() -> int:
    from claims.publishing.services import public_revision

    return public_revision()


class PublicPages:
    """A bounded LRU of :class:`Entry`, emptied whenever the public revision moves."""

    def __init__(self, revision_reader: Callable[[], int] = _database_revision) -> None:
        self.read_revision = revision_reader
        self.entries: OrderedDict[str, Entry] = OrderedDict()
        self.bytes = 0
        self.revision = -1
        self.next_check = 0.0
        self.lock = threading.Lock()

    def _refresh(self) -> None:
        now = clock()
        if now < self.next_check:
            return
        with self.lock:
            if now < self.next_check:
                return
            self.next_check = now + float(settings.PUBLIC_REFRESH_SECONDS)
        try:
            revision = self.read_revision()
        except DatabaseError:
            # Keep serving what is known; the next check tries again (Django closes the broken connection).
            logger.warning("Could not read the public revision; serving the pages in memory", exc_info=True)
            return
        if revision != self.revision:
            with self.lock:
                self.entries.clear()
                self.bytes = 0
                self.revision = revision

    def get(self, key: str) -> Entry | None:
        self._refresh()
        entry = self.entries.get(key)
        if entry is not None and len(self.entries) > 1:
            with self.lock:
                if key in self.entries:
                    self.entries.move_to_end(key)
        return entry

    def put(self, key: str, entry: Entry) -> None:
        """Keep ``entry`` unless the revision moved on since it was rendered (then it is just served)."""
        limit = int(settings.PUBLIC_PAGE_MEMORY_MB) * 1024 * 1024
        with self.lock:
            if entry.revision != self.revision or entry.size > limit:
                return
            old = self.entries.pop(key, None)
            self.bytes -= old.size if old else 0
            self.entries[key] = entry
            self.bytes += entry.size
            while self.bytes > limit and self.entries:
                _key, dropped = self.entries.popitem(last=False)
                self.bytes -= dropped.size

    def serve(self, request: HttpRequest, build: Callable[[], HttpResponse], *, keep: bool = True) -> HttpResponse:
        """Answer from memory, or ``build()`` the response and answer from that.

        A 200 or 410 is kept (under :func:`memory_key`) when ``keep``: a view passes ``keep=False`` for a
        query string it does not use, so made-up query strings never crowd real pages out of memory.
        """
        key = memory_key(request)
        entry = self.get(key)
        if entry is None:
            # The label is the revision known before the data is read: data can only be newer than it.
            revision = self.revision
            response = build()
            if response.status_code not in (200, 410):
                return response
            entry = Entry.of(response, revision)
            if keep:
                self.put(key, entry)
        return entry.respond(request)

    def clear(self) -> None:
        with self.lock:
            self.entries.clear()
            self.bytes = 0
            self.revision = -1
            self.next_check = 0.0


pages = PublicPages()
