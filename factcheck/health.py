"""``/healthz``: is the database answering, and is the broker?"""

from __future__ import annotations

from django.db import connection
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET


def _database_ok() -> str | None:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as exc:
        return f"database: {exc.__class__.__name__}: {str(exc).strip()[:200]}"
    return None


def _broker_ok() -> str | None:
    from factcheck.celery import app

    try:
        with app.connection_for_write() as conn:
            conn.ensure_connection(max_retries=1, timeout=2)
    except Exception as exc:
        return f"broker: {exc.__class__.__name__}: {str(exc).strip()[:200]}"
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
