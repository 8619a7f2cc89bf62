"""``/healthz``: is the database answering, and is the broker?"""

from __future__ import annotations

import logging

from django.db import connection
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

logger = logging.getLogger(__name__)


def _database_ok() -> str | None:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as exc:
        # Any failure means unhealthy. Host names and users stay in the log: the answer is public.
        logger.warning("Health check: the database did not answer: %s", exc)
        return f"database: not answering ({exc.__class__.__name__})"
    return None


def _broker_ok() -> str | None:
    from factcheck.celery import app

    try:
        with app.connection_for_write() as conn:
            conn.ensure_connection(max_retries=1, timeout=2)
    except Exception as exc:
        logger.warning("Health check: the broker did not answer: %s", exc)
        return f"broker: not answering ({exc.__class__.__name__})"
    return None


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    failures = [f for f in (_database_ok(), _broker_ok()) if f]
    body = {
        "status": "ok" if not failures else "unavailable",
        "database": "ok" if not any(f.startswith("database") for f in failures) else "failed",
        "broker": "ok" if not any(f.startswith("broker") for f in failures) else "failed",
    }
    if failures:
        body["errors"] = failures
    return JsonResponse(body, status=503 if failures else 200)
