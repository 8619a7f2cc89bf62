"""Reads of the inbox: the unread count of the top bar and one page of a person's items."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Q

from claims.inbox.models import Kind, Notification

PAGE_SIZE = 30
SHOWS = ("unread", "all")


def unread_count(user: Any) -> int:
    """How many of ``user``'s items are unread (one index-only count)."""
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()


@dataclass
class InboxFilters:
    show: str = "unread"
    kind: str = ""
    page: int = 1

    def querystring(self, **overrides: Any) -> str:
        from urllib.parse import urlencode

        values = {"show": self.show, "kind": self.kind, "page": self.page, **overrides}
        defaults = {"show": "unread", "page": 1}
        return urlencode({k: v for k, v in values.items() if v not in ("", None) and defaults.get(k) != v})


def inbox_filters(params: Any) -> InboxFilters:
    """Filters from the query string; nonsense is ignored, never an error page."""
    show = params.get("show", "unread")
    kind = params.get("kind", "")
    try:
        page = max(1, int(params.get("page", "1")))
    except ValueError:
        page = 1
    return InboxFilters(
        show=show if show in SHOWS else "unread", kind=kind if kind in Kind.values else "", page=min(page, 1000)
    )


@dataclass
class InboxPage:
    items: list[Notification]
    unread: int
    total: int
    by_kind: dict[str, int]
    page: int
    has_next: bool


def inbox_page(*, user: Any, filters: InboxFilters, page_size: int = PAGE_SIZE) -> InboxPage:
    """One page of ``user``'s inbox, newest first, and the counts the filters show. Two queries."""
    mine = Notification.objects.filter(recipient=user)
    counts = mine.order_by().aggregate(
        total=Count("id"),
        unread=Count("id", filter=Q(read_at__isnull=True)),
        **{f"kind_{kind}": Count("id", filter=Q(kind=kind) & Q(read_at__isnull=True)) for kind in Kind.values},
    )
    rows = mine
    if filters.show == "unread":
        rows = rows.filter(read_at__isnull=True)
    if filters.kind:
        rows = rows.filter(kind=filters.kind)
    offset = (filters.page - 1) * page_size
    items = list(
        rows.select_related("claim__article", "actor", "error_report__check_page__article")
        .defer("claim__article__body", "claim__quote", "error_report__check_page__article__body")
        .order_by("-created_at", "-id")[offset : offset + page_size + 1]
    )
    return InboxPage(
        items=items[:page_size],
        unread=counts["unread"],
        total=counts["total"],
        by_kind={kind: counts[f"kind_{kind}"] for kind in Kind.values},
        page=filters.page,
        has_next=len(items) > page_size,
    )
