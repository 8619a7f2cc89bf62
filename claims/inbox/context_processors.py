"""The inbox link of the top bar: the unread count, counted only when a page shows it."""

from __future__ import annotations

import functools
from typing import Any

from django.http import HttpRequest

from claims import permissions
from claims.inbox.selectors import unread_count


def inbox(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    if not permissions.is_staff_member(user):
        return {}
    # A callable: the template calls it where the count is shown (one query), fragments never do.
    return {"inbox_enabled": True, "inbox_unread": functools.cache(lambda: unread_count(user))}
