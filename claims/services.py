"""Every write to articles and claims. Keyword-only arguments, an explicit acting user, atomic."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone

from claims import permissions
from claims.models import Article, Claim, ClaimEvent, Priority, content_hash
from claims.workflow import WorkflowError, transition


class ServiceError(Exception):
    """A refused write, with a sentence a person can read."""


@transaction.atomic
def article_create(
    *,
    title: str,
    body: str,
    by: Any | None,
    outlet: str = "",
    authors: str = "",
    url: str = "",
    published_on: dt.date | None = None,
    origin: str = Article.Origin.PASTE,
) -> Article:
    """Store an imported article exactly as given (claim offsets point into ``body``)."""
    body = body.replace("\r\n", "\n").replace("\r", "\n")
    if not body.strip():
        raise ServiceError("The article has no text to check.")
    if not title.strip():
        raise ServiceError("The article needs a title.")
    return Article.objects.create(
        title=title.strip()[:500],
        body=body,
        content_hash=content_hash(body),
        outlet=outlet.strip(),
        authors=authors.strip(),
        url=url.strip(),
        published_on=published_on,
        origin=origin,
        imported_by=by,
    )


def locate_quote(body: str, quote: str, hint: int | None = None) -> tuple[int, int] | None:
    """Find ``quote`` in ``body``, preferring the occurrence nearest ``hint``; None if absent."""
    if not quote:
        return None
    positions = []
    start = body.find(quote)
    while start != -1:
        positions.append(start)
        start = body.find(quote, start + 1)
    if not positions:
        return None
    best = min(positions, key=lambda p: abs(p - hint)) if hint is not None else positions[0]
    return best, best + len(quote)


@transaction.atomic
def claim_create(
    *,
    article: Article,
    span_start: int,
    span_end: int,
    by: Any | None,
    text: str = "",
    claimant: str = "",
    priority: int = Priority.NORMAL,
    search_sources: bool | None = None,
) -> Claim:
    """Make a claim from the exact span ``body[span_start:span_end]`` and audit it.

    Source searches are recorded in the same transaction and enqueued after commit.
    """
    if by is not None and not permissions.is_editor(by):
        raise ServiceError("Only an editor can pick claims from an article.")
    if not (0 <= span_start < span_end <= len(article.body)):
        raise ServiceError("The selected text is not part of this article.")
    quote = article.body[span_start:span_end]
    if not quote.strip():
        raise ServiceError("The selection holds only spaces; select the words of the claim.")
    claim = Claim.objects.create(
        article=article,
        text=(text.strip() or quote.strip()),
        span_start=span_start,
        span_end=span_end,
        quote=quote,
        claimant=claimant.strip(),
        priority=priority,
        created_by=by,
    )
    ClaimEvent.objects.create(
        claim=claim, actor=by, kind=ClaimEvent.Kind.CREATED, to_status=claim.status, note=claim.text
    )
    if search_sources if search_sources is not None else settings.SOURCES_AUTO_SEARCH:
        from sources.services import searches_start

        searches_start(claim=claim, by=by)
    return claim


@transaction.atomic
def claim_edit(*, claim_id: int, by: Any, version: int, text: str, claimant: str, priority: int | None = None) -> Claim:
    """Reword a claim or change its claimant. A stale ``version`` is refused; nothing is overwritten."""
    claim = Claim.objects.select_for_update().get(pk=claim_id)
    if not permissions.is_editor(by):
        raise ServiceError("Only an editor can edit a claim.")
    if claim.version != version:
        raise StaleEdit(claim)
    if not text.strip():
        raise ServiceError("The claim cannot be empty.")
    before = {"text": claim.text, "claimant": claim.claimant, "priority": claim.priority}
    claim.text = text.strip()
    claim.claimant = claimant.strip()
    if priority is not None:
        claim.priority = priority
    after = {"text": claim.text, "claimant": claim.claimant, "priority": claim.priority}
    if before == after:
        return claim
    claim.version += 1
    claim.save()
    ClaimEvent.objects.create(
        claim=claim,
        actor=by,
        kind=ClaimEvent.Kind.EDIT,
        action="edit",
        note="Claim edited",
        data={"before": before, "after": after},
    )
    return claim


class StaleEdit(ServiceError):
    """Someone saved a newer version first. ``current`` holds it so the page can show it."""

    def __init__(self, current: Any) -> None:
        self.current = current
        super().__init__(
            "Someone else saved this first. Your changes were not saved; "
            "the newer version is shown below so you can reapply them."
        )


def _reviewer(user_id: int | None) -> Any:
    User = get_user_model()
    user = User.objects.filter(pk=user_id, is_active=True).first() if user_id else None
    if user is None or not permissions.is_reviewer(user):
        raise ServiceError("Choose a reviewer to assign the claim to.")
    return user


@transaction.atomic
def claim_assign(*, claim_id: int, reviewer_id: int, due_date: dt.date | None, by: Any, note: str = "") -> Claim:
    """Assign (or reassign) a claim to a reviewer with a due date, and email the reviewer."""
    reviewer = _reviewer(reviewer_id)
    if due_date is not None and due_date < timezone.localdate():
        raise ServiceError("The due date is in the past.")
    current = Claim.objects.get(pk=claim_id)
    action = "assign" if current.status == "new" else "reassign"
    claim = transition(
        claim_id,
        action,
        by=by,
        note=note,
        changes={"assignee": reviewer, "due_date": due_date},
        data={"assignee": reviewer.get_username(), "due_date": due_date.isoformat() if due_date else None},
    )
    transaction.on_commit(lambda: _notify_assignee(claim.pk, note))
    return claim


def _notify_assignee(claim_id: int, note: str) -> None:
    claim = Claim.objects.select_related("assignee", "article").get(pk=claim_id)
    if not claim.assignee or not claim.assignee.email:
        return
    due = f" It is due on {claim.due_date:%d %B %Y}." if claim.due_date else ""
    body = (
        f"You have been asked to check this claim from “{claim.article.title}”:\n\n"
        f"    {claim.text}\n\n{due}\n"
        + (f"Note from the editor: {note}\n\n" if note else "")
        + f"Open it: {settings.SITE_URL}{claim.get_absolute_url()}\n"
    )
    send_mail(f"Claim to check: {claim.text[:60]}", body, settings.DEFAULT_FROM_EMAIL, [claim.assignee.email])


__all__ = ["ServiceError", "StaleEdit", "WorkflowError", "article_create", "claim_assign", "claim_create", "claim_edit"]
