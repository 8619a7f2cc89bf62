"""The one way providers reach the outside: polite, rate-limited, retried, cached, never hanging.

Every provider client calls :func:`fetch`. It answers from the shared cache when it can, waits for
a rate-limit slot shared by all workers, retries 429 and 5xx with backoff (honouring Retry-After),
does not retry other 4xx, and turns every failure into a :class:`ProviderError` whose message a
person can read ("PubMed unreachable: ...").
"""

from __future__ import annotations

import contextlib
import contextvars
import datetime as dt
import email.utils
import hashlib
import random
import threading
import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode, urlsplit

import httpx
from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from factcheck import httpcap
from sources import ratelimit, registry
from sources.models import ProviderResponse
from sources.types import PermanentError, TransientError, Unreachable

# A person is waiting (an editor adding a source by DOI): one try per provider, no long waits.
_interactive: contextvars.ContextVar[bool] = contextvars.ContextVar("sources_interactive", default=False)


@contextlib.contextmanager
def interactive() -> Any:
    """Requests made inside this block try once and never wait out a long Retry-After."""
    token = _interactive.set(True)
    try:
        yield
    finally:
        _interactive.reset(token)


# Never part of a cache key, never written to the database.
SECRET_PARAMS = {"api_key", "key", "email", "mailto", "tool"}
RETRYABLE = {429, 500, 502, 503, 504}

_clients: dict[tuple[float, float], httpx.Client] = {}
_clients_lock = threading.Lock()


@dataclass
class Answer:
    status: int
    content_type: str
    text: str
    from_cache: bool = False

    @property
    def ok(self) -> bool:
        return self.status == 200


label = registry.label


def user_agent() -> str:
    return f"factcheck/1.0 (+{settings.SITE_URL}; mailto:{settings.SOURCES_CONTACT_EMAIL})"


def client() -> httpx.Client:
    """One pooled client per process (httpx clients are thread-safe), rebuilt if timeouts change."""
    key = (float(settings.SOURCES_CONNECT_TIMEOUT), float(settings.SOURCES_HTTP_TIMEOUT))
    with _clients_lock:
        if key not in _clients:
            connect, read = key
            _clients[key] = httpx.Client(
                timeout=httpx.Timeout(read, connect=connect, pool=connect),
                follow_redirects=True,
                headers={"User-Agent": user_agent()},
                limits=httpx.Limits(max_connections=50, max_keepalive_connections=20),
            )
        return _clients[key]


def cache_key(provider: str, url: str, params: dict[str, Any]) -> tuple[str, str]:
    public = sorted((k, str(v)) for k, v in params.items() if k not in SECRET_PARAMS)
    request = f"{url}?{urlencode(public)}" if public else url
    return hashlib.sha256(f"{provider} {request}".encode()).hexdigest(), request


def _retry_after(response: httpx.Response) -> float | None:
    value = response.headers.get("Retry-After", "").strip()
    if not value:
        return None
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max((when - timezone.now()).total_seconds(), 0.0)


def _backoff(attempt: int) -> float:
    base = float(settings.SOURCES_BACKOFF_SECONDS)
    return min(base * (2 ** (attempt - 1)) * (0.5 + random.random()), float(settings.SOURCES_BACKOFF_MAX))


def _cached(provider: str, key: str, max_age: float) -> Answer | None:
    if max_age <= 0:
        return None
    since = timezone.now() - dt.timedelta(seconds=max_age)
    row = ProviderResponse.objects.filter(provider=provider, key=key, fetched_at__gte=since).first()
    if row is None:
        return None
    return Answer(row.status_code, row.content_type, row.body, from_cache=True)


def _store(provider: str, key: str, request: str, answer: Answer) -> None:
    values = {
        "request": request[:5000],
        "status_code": answer.status,
        "content_type": answer.content_type[:200],
        "body": answer.text,
        "fetched_at": timezone.now(),
    }
    try:
        with transaction.atomic():
            ProviderResponse.objects.update_or_create(provider=provider, key=key, defaults=values)
    except IntegrityError:
        # Two workers fetched the same thing at once; either copy will do.
        pass


def fetch(
    provider: str,
    url: str,
    params: dict[str, Any] | None = None,
    *,
    kind: str = "search",
    use_cache: bool = True,
) -> Answer:
    """GET ``url`` for ``provider``; 200 and 404 come back as answers, everything else raises.

    ``kind`` picks the rate limit ("search" or "single"); ``use_cache=False`` forces a fresh copy
    (the daily retraction re-check) but still stores it.
    """
    params = {k: v for k, v in (params or {}).items() if v not in (None, "")}
    name = label(provider)
    key, request = cache_key(provider, url, params)
    max_age = settings.SOURCES_CACHE_SECONDS if kind == "search" else settings.SOURCES_RECORD_CACHE_SECONDS
    if use_cache:
        hit = _cached(provider, key, max_age)
        if hit is not None:
            return hit
    host = urlsplit(url).hostname or url
    attempts = 1 if _interactive.get() else max(int(settings.SOURCES_MAX_ATTEMPTS), 1)
    problem = ""
    for attempt in range(1, attempts + 1):
        rate_key = f"{provider}:{kind}"
        ratelimit.wait_for_slot(rate_key)
        cap = int(settings.SOURCES_CONCURRENCY.get(rate_key, settings.SOURCES_CONCURRENCY.get(provider, 0)))
        delay: float | None = None
        try:
            with ratelimit.concurrency_slot(rate_key, cap):
                response, body = _get(url, params, name)
        except httpx.TimeoutException as exc:
            if isinstance(exc, httpx.ConnectTimeout):
                problem = f"{name} unreachable: no connection to {host} within {settings.SOURCES_CONNECT_TIMEOUT:g} s"
            else:
                problem = f"{name} unavailable: no answer within {settings.SOURCES_HTTP_TIMEOUT:g} s"
            # A host that cannot be reached at all is not worth many tries.
            if isinstance(exc, httpx.ConnectTimeout) and attempt >= min(attempts, 2):
                raise Unreachable(problem) from exc
        except httpx.InvalidURL as exc:
            raise PermanentError(f"{name} cannot be asked about that: {_short(exc)}") from exc
        except (httpx.ConnectError, httpx.UnsupportedProtocol) as exc:
            problem = f"{name} unreachable: could not connect to {host} ({_short(exc)})"
            if attempt >= min(attempts, 2):
                raise Unreachable(problem) from exc
        except httpx.HTTPError as exc:
            problem = f"{name} unreachable: {_short(exc)}"
        else:
            content_type = response.headers.get("Content-Type", "")
            if response.status_code in (200, 404):
                answer = Answer(response.status_code, content_type, body)
                _store(provider, key, request, answer)
                return answer
            if response.status_code not in RETRYABLE:
                raise PermanentError(
                    f"{name} refused the request ({response.status_code} {response.reason_phrase}): {_excerpt(body)}"
                )
            problem = f"{name} unavailable: it answered {response.status_code} {response.reason_phrase}"
            delay = _retry_after(response)
            if delay is not None and delay > settings.SOURCES_RETRY_AFTER_MAX:
                raise TransientError(f"{problem} and asked us to wait {delay:.0f} s")
        if attempt < attempts:
            time.sleep(delay if delay is not None else _backoff(attempt))
    raise TransientError(f"{problem} ({attempts} attempt{'s' if attempts != 1 else ''})")


# Compressed answers are welcome: they are undone under the same cap (factcheck.httpcap).
ACCEPT_ENCODING = {"Accept-Encoding": "gzip, deflate"}
ERROR_BODY_BYTES = 64 * 1024


def _get(url: str, params: dict[str, Any], name: str) -> tuple[httpx.Response, str]:
    """GET ``url`` and read at most ``SOURCES_MAX_RESPONSE_BYTES`` of its body, decoded.

    The body is streamed and counted as it arrives (compressed or not), so an answer of any size
    costs no more memory than the cap; an error page is only read far enough for an excerpt. An
    answer over the cap is a :class:`PermanentError`: asking again would bring the same.
    """
    with client().stream("GET", url, params=params, headers=ACCEPT_ENCODING) as response:
        wanted = response.status_code in (200, 404)
        cap = int(settings.SOURCES_MAX_RESPONSE_BYTES) if wanted else ERROR_BODY_BYTES
        try:
            data = httpcap.read_capped(response, cap)
        except httpcap.TooLarge:
            if wanted:
                raise PermanentError(
                    _("%(provider)s sent an answer larger than %(megabytes)s MB, so it was not read.")
                    % {"provider": name, "megabytes": f"{cap / (1024 * 1024):g}"}
                ) from None
            data = b""
        except httpcap.BadEncoding:
            if wanted:
                raise PermanentError(
                    _("%(provider)s sent an answer in an encoding that cannot be read.") % {"provider": name}
                ) from None
            data = b""
        return response, httpcap.text_of(response, data)


def _short(exc: Exception) -> str:
    text = str(exc) or type(exc).__name__
    return text[:200]


def _excerpt(text: str) -> str:
    text = " ".join(text.split())
    return text[:300] if text else "no explanation given"
