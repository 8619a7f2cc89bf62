"""What a person sees when logins are throttled (django-axes calls :func:`locked_out`)."""

from __future__ import annotations

import logging
from typing import Any

from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

logger = logging.getLogger(__name__)


def lockout_minutes() -> int:
    """How long a lockout lasts, in whole minutes (at least one)."""
    return max(1, round(settings.AXES_COOLOFF_TIME.total_seconds() / 60))


def locked_out(
    request: HttpRequest, original_response: HttpResponse | None = None, credentials: dict[str, Any] | None = None
) -> HttpResponse:
    """The login page again, saying why logging in is refused and for how long (429).

    The admin's login page lands here too: editors are staff, so the admin is behind the same limit.
    Axes records every failure and the lockout itself (Admin › Axes); this log line says it happened.
    """
    username = (credentials or {}).get("username") or request.POST.get("username", "")
    logger.warning(
        "Logins locked out after repeated failures (username %r, address %s)",
        username[:150],
        getattr(request, "axes_ip_address", None) or "unknown",
    )
    form = AuthenticationForm(request, initial={"username": username[:150]})
    context = {
        "form": form,
        "locked_out": True,
        "lockout_minutes": lockout_minutes(),
        "next": request.POST.get("next", ""),
    }
    return render(request, "registration/login.html", context, status=429)
