"""Every write of the import wing: storing an imported article and dismissing a hint.

Keyword-only arguments, an explicit acting user, atomic.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from django.db import transaction

from claims import permissions
from claims.importing.fetch import ImportedText, ImportRefused
from claims.models import Article, DismissedSuggestion
from claims.services import article_create
from factcheck.errors import ServiceError

_SPACES = re.compile(r"\s+")


@transaction.atomic
def article_import(
    *,
    source: ImportedText,
    by: Any | None,
    title: str = "",
    outlet: str = "",
    authors: str = "",
    url: str = "",
    published_on: dt.date | None = None,
) -> Article:
    """Store an imported article. What the editor typed wins over what the source says.

    ``by=None`` is the command line (trusted operator); a user must be an editor.
    """
    if by is not None and not permissions.is_editor(by):
        raise ImportRefused("Only an editor can import articles.")
    final_title = _SPACES.sub(" ", title.strip() or source.title).strip()
    if not final_title:
        raise ImportRefused("Give the article a title; none was found in the text.", field="title")
    return article_create(
        title=final_title,
        body=source.body,
        by=by,
        outlet=(outlet.strip() or source.outlet)[:200],
        authors=(authors.strip() or source.authors)[:500],
        url=(url.strip() or source.url)[:2000],
        published_on=published_on or source.published_on,
        origin=source.origin,
    )


@transaction.atomic
def suggestion_dismiss(*, article_id: int, start: int, end: int, by: Any) -> None:
    """Hide the hint for ``body[start:end]`` on this article. Dismissing twice is harmless."""
    permissions.ensure_editor(by, "Only an editor can dismiss hints.")
    article = Article.objects.filter(pk=article_id).only("id", "body").first()
    if article is None:
        raise ServiceError("That article no longer exists.")
    if not (0 <= start < end <= len(article.body)):
        raise ServiceError("That hint is not part of this article; reload the page.")
    # ON CONFLICT DO NOTHING: two editors dismissing the same hint at once both succeed, one row stays.
    DismissedSuggestion.objects.bulk_create(
        [DismissedSuggestion(article=article, start=start, end=end, dismissed_by=by)], ignore_conflicts=True
    )
