"""Rate limits, concurrency caps and rest periods shared by every worker, kept in PostgreSQL.

A rate limit is a queue of evenly spaced slots: one atomic UPDATE reserves the next slot and says
how long to wait for it, so no lock is held while waiting and workers on other machines agree.
A concurrency cap (Crossref allows 3 searches at once) is a set of session advisory locks, which
PostgreSQL releases by itself if a worker dies.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import time
from collections.abc import Iterator

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from sources.models import ProviderState
from sources.types import TransientError

TABLE = ProviderState._meta.db_table

RESERVE_SQL = f"""
INSERT INTO {TABLE} (key, next_slot_at, failures, last_error)
VALUES (%(key)s, clock_timestamp() + %(interval)s * interval '1 second', 0, '')
ON CONFLICT (key) DO UPDATE
   SET next_slot_at = GREATEST({TABLE}.next_slot_at, clock_timestamp()) + %(interval)s * interval '1 second'
RETURNING EXTRACT(EPOCH FROM (next_slot_at - %(interval)s * interval '1 second' - clock_timestamp()))
"""  # noqa: S608 (the table name is ours, the values are parameters)


def bucket(key: str) -> tuple[str, float]:
    """The shared bucket and its requests per second for ``key`` ("crossref:search").

    A provider without a limit per kind of request ("pubmed") shares one bucket for all of them.
    """
    limits: dict[str, float] = settings.SOURCES_RATE_LIMITS
    if key in limits:
        return key, float(limits[key] or 0)
    provider = key.split(":")[0]
    return provider, float(limits.get(provider, 0) or 0)


def wait_for_slot(key: str) -> float:
    """Reserve the next request slot of ``key`` and sleep until it comes; returns the seconds waited."""
    name, rate = bucket(key)
    if rate <= 0:
        return 0.0
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(RESERVE_SQL, {"key": f"rate:{name}", "interval": 1.0 / rate})
        wait = float(cursor.fetchone()[0])
    if wait > settings.SOURCES_RATE_MAX_WAIT:
        raise TransientError(f"too many requests queued ({wait:.0f} s to wait for a free slot)")
    if wait > 0:
        time.sleep(wait)
    return max(wait, 0.0)


def _lock_ids(key: str) -> int:
    return int.from_bytes(hashlib.sha256(key.encode()).digest()[:4], "big", signed=True)


@contextlib.contextmanager
def concurrency_slot(key: str, limit: int, *, timeout: float = 60.0) -> Iterator[None]:
    """Hold one of ``limit`` slots for ``key`` across all workers while the block runs."""
    if limit <= 0:
        yield
        return
    group = _lock_ids(key)
    deadline = time.monotonic() + timeout
    held: int | None = None
    while held is None:
        with connection.cursor() as cursor:
            for slot in range(limit):
                cursor.execute("SELECT pg_try_advisory_lock(%s, %s)", [group, slot])
                if cursor.fetchone()[0]:
                    held = slot
                    break
        if held is None:
            if time.monotonic() > deadline:
                raise TransientError(f"no free connection slot after {timeout:.0f} s")
            time.sleep(0.02)
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_unlock(%s, %s)", [group, held])


def provider_resting(provider: str) -> ProviderState | None:
    """The provider's state if it is resting after repeated failures, else None."""
    state = ProviderState.objects.filter(key=provider, down_until__gt=timezone.now()).first()
    return state


def provider_failed(provider: str, reason: str) -> None:
    """Count a failure; after SOURCES_BREAKER_FAILURES in a row the provider rests for a while."""
    with transaction.atomic():
        state, _ = ProviderState.objects.select_for_update().get_or_create(key=provider)
        state.failures += 1
        state.last_error = reason[:2000]
        if state.failures >= settings.SOURCES_BREAKER_FAILURES:
            state.down_until = timezone.now() + dt.timedelta(seconds=settings.SOURCES_BREAKER_SECONDS)
        state.save(update_fields=["failures", "last_error", "down_until"])


def provider_succeeded(provider: str) -> None:
    ProviderState.objects.filter(key=provider).exclude(failures=0, down_until=None).update(failures=0, down_until=None)
