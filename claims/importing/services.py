"""Every write of the import wing: storing an imported article and dismissing a hint.

Keyword-only arguments, an explicit acting user, atomic.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from django.db import connection, transaction
from django.utils import formats
from django.utils.translation import gettext as _

from claims import permissions
from claims.importing.fetch import ImportedText, ImportRefused
from claims.models import Article, DismissedSuggestion, content_hash, url_key
from claims.services import article_create
from factcheck.errors import ServiceError

_SPACES = re.compile(r"\s+")


class AlreadyImported(ImportRefused):
    """The text, or the address, was imported before. ``existing`` is that article; ``same`` says which."""

    def __init__(self, existing: Article, *, same: str) -> None:
        self.existing = existing
        self.same = same
        values = {"date": formats.date_format(existing.imported_at, "j F Y"), "title": existing.title}
        if same == "text":
            message = _(
                "This text was already imported on %(date)s as “%(title)s”, so you are on that article now. "
                "If it is a genuinely new version, import it anyway."
            )
        else:
            message = _(
                "An article from this address was already imported on %(date)s as “%(title)s”, so you are on "
                "that article now. If the page has changed since, import it anyway as a new version."
            )
        super().__init__(message % values)


def _body_hashes(body: str) -> set[str]:
    # The same text pasted twice may gain or lose the blank lines around it; it is still the same text.
    stripped = body.strip()
    return {content_hash(body), content_hash(stripped), content_hash(stripped + "\n")}


def earlier_import(*, body: str, url: str) -> tuple[Article, str] | None:
    """The article already imported with this text (first) or from this address, and which of the two matched."""
    same_text = Article.objects.filter(content_hash__in=_body_hashes(body)).order_by("imported_at", "id").first()
    if same_text is not None:
        return same_text, "text"
    key = url_key(url)
    if key:
        same_url = Article.objects.filter(url_key=key).order_by("-imported_at", "-id").first()
        if same_url is not None:
            return same_url, "url"
    return None


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
    anyway: bool = False,
    language: str = "",
) -> Article:
    """Store an imported article. What the editor typed wins over what the source says.

    Text already imported, or an address already imported from, raises :class:`AlreadyImported`
    naming that article, unless ``anyway``: then the new article is recorded as a new version of it.
    ``by=None`` is the command line (trusted operator); a user must be an editor.
    """
    if by is not None and not permissions.is_editor(by):
        raise ImportRefused(_("Only an editor can import articles."))
    final_title = _SPACES.sub(" ", title.strip() or source.title).strip()
    if not final_title:
        raise ImportRefused(_("Give the article a title; none was found in the text."), field="title")
    final_url = (url.strip() or source.url)[:2000]
    # Two editors importing the same text at once: the second waits, then finds the first one's article.
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", ["article-import"])
    found = earlier_import(body=source.body, url=final_url)
    if found is not None and not anyway:
        raise AlreadyImported(found[0], same=found[1])
    return article_create(
        title=final_title,
        body=source.body,
        by=by,
        outlet=(outlet.strip() or source.outlet)[:200],
        authors=(authors.strip() or source.authors)[:500],
        url=final_url,
        published_on=published_on or source.published_on,
        origin=source.origin,
        earlier_version=found[0] if found else None,
        language=language,
    )


@transaction.atomic
def suggestion_dismiss(*, article_id: int, start: int, end: int, by: Any) -> None:
    """Hide the hint for ``body[start:end]`` on this article. Dismissing twice is harmless."""
    permissions.ensure_editor(by, _("Only an editor can dismiss hints."))
    article = Article.objects.filter(pk=article_id).only("id", "body").first()
    if article is None:
        raise ServiceError(_("That article no longer exists."))
    if not (0 <= start < end <= len(article.body)):
        raise ServiceError(_("That hint is not part of this article; reload the page."))
    # ON CONFLICT DO NOTHING: two editors dismissing the same hint at once both succeed, one row stays.
    DismissedSuggestion.objects.bulk_create(
        [DismissedSuggestion(article=article, start=start, end=end, dismissed_by=by)], ignore_conflicts=True
    )
