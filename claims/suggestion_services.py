"""Writes for check-worthiness hints. Keyword-only arguments, an explicit acting user, atomic."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from claims import permissions
from claims.models import Article, DismissedSuggestion
from claims.services import ServiceError


@transaction.atomic
def suggestion_dismiss(*, article_id: int, start: int, end: int, by: Any) -> None:
    """Hide the hint for ``body[start:end]`` on this article. Dismissing twice is harmless."""
    if not permissions.is_editor(by):
        raise ServiceError("Only an editor can dismiss hints.")
    article = Article.objects.filter(pk=article_id).only("id", "body").first()
    if article is None:
        raise ServiceError("That article no longer exists.")
    if not (0 <= start < end <= len(article.body)):
        raise ServiceError("That hint is not part of this article; reload the page.")
    # ON CONFLICT DO NOTHING: two editors dismissing the same hint at once both succeed, one row stays.
    DismissedSuggestion.objects.bulk_create(
        [DismissedSuggestion(article=article, start=start, end=end, dismissed_by=by)], ignore_conflicts=True
    )
