"""Every write to articles and claims. Keyword-only arguments, an explicit acting user, atomic."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from claims import hooks, permissions
from claims.models import (
    VERDICT_APPROVED,
    WITH_REVIEWER,
    Article,
    Claim,
    ClaimEvent,
    ClaimStatus,
    Comment,
    Confidence,
    Evidence,
    Priority,
    Rating,
    Stance,
    Verdict,
    content_hash,
    display_name,
)
from claims.workflow import WorkflowError, transition
from factcheck.errors import ServiceError
from factcheck.outbox import services as outbox
from factcheck.text import normalise_doi, normalise_newlines

A = ClaimEvent.Action


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
    body = normalise_newlines(body)
    if "\x00" in body or "\x00" in title:
        raise ServiceError("The text holds NUL characters, so it is not plain text; nothing was imported.")
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

    Apps subscribed to :data:`claims.hooks.claim_created` act in the same transaction (the sources app
    records its searches and enqueues them after commit); ``search_sources`` tells them whether to search.
    """
    if by is not None:
        permissions.ensure_editor(by, "Only an editor can pick claims from an article.")
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
    hooks.claim_created_notify(claim, by=by, search_sources=search_sources)
    return claim


@transaction.atomic
def claim_edit(*, claim_id: int, by: Any, version: int, text: str, claimant: str, priority: int | None = None) -> Claim:
    """Reword a claim or change its claimant. A stale ``version`` is refused; nothing is overwritten."""
    claim = Claim.objects.select_for_update().get(pk=claim_id)
    permissions.ensure_editor(by, "Only an editor can edit a claim.")
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
        action=A.EDIT,
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


class StaleAssignment(ServiceError):
    """The claim changed after the editor opened it: the assignment is refused, nothing changes."""

    def __init__(self, current: Claim) -> None:
        self.current = current
        if current.assignee_id:
            message = _(
                "Someone changed this claim while you were assigning it: it is now %(status)s and assigned "
                "to %(reviewer)s. Nothing was changed. Check the claim as it is now, then assign it again if "
                "it still needs it."
            ) % {"status": ClaimStatus(current.status).label.lower(), "reviewer": display_name(current.assignee)}
        else:
            message = _(
                "Someone changed this claim while you were assigning it. Nothing was changed. Check the claim "
                "as it is now, then assign it again if it still needs it."
            )
        super().__init__(message)


@transaction.atomic
def claim_assign(
    *,
    claim_id: int,
    reviewer_id: int,
    due_date: dt.date | None,
    by: Any,
    note: str = "",
    version: int | None = None,
) -> Claim:
    """Assign (or reassign) a claim to a reviewer with a due date, and email the reviewer (through the outbox).

    Giving the same reviewer a new due date is an edit, not a move: a review in progress stays in
    progress and the reviewer is not emailed again. ``version`` is the claim's version the editor saw
    (the form carries it): if the claim changed since, for example because another editor assigned it
    a moment earlier, :class:`StaleAssignment` refuses instead of silently reassigning it.
    ``version=None`` (the command line, the seeds) assigns whatever the state.
    """
    reviewer = _reviewer(reviewer_id)
    if due_date is not None and due_date < timezone.localdate():
        raise ServiceError("The due date is in the past.")
    # Lock first, so the choice between assign, reassign and a due-date edit sees the current state.
    current = Claim.objects.select_for_update().get(pk=claim_id)
    if version is not None and current.version != version:
        raise StaleAssignment(current)
    if current.assignee_id == reviewer.pk and current.status in WITH_REVIEWER:
        return _claim_due_date_set(current, due_date=due_date, by=by, note=note)
    action = A.ASSIGN if current.status == ClaimStatus.NEW else A.REASSIGN
    claim = transition(
        claim_id,
        action,
        by=by,
        note=note,
        changes={"assignee": reviewer, "due_date": due_date},
        data={
            "assignee": reviewer.get_username(),
            "assignee_name": display_name(reviewer),
            "due_date": due_date.isoformat() if due_date else None,
        },
    )
    _assignment_email_queue(claim, note=note)
    return claim


def _claim_due_date_set(claim: Claim, *, due_date: dt.date | None, by: Any, note: str) -> Claim:
    if not permissions.is_editor(by):
        raise WorkflowError("Only an editor can change the due date of this claim.")
    if claim.due_date == due_date:
        raise ServiceError("The claim is already assigned to this reviewer with this due date.")
    before = claim.due_date.isoformat() if claim.due_date else None
    claim.due_date = due_date
    claim.version += 1
    claim.save(update_fields=["due_date", "version", "updated_at"])
    ClaimEvent.objects.create(
        claim=claim,
        actor=by,
        kind=ClaimEvent.Kind.EDIT,
        action=A.DUE_DATE,
        note=note,
        data={"before": before, "due_date": due_date.isoformat() if due_date else None},
    )
    return claim


def _assignment_email_queue(claim: Claim, *, note: str) -> None:
    """Write the reviewer's email to the outbox, in the assignment's own transaction."""
    reviewer = claim.assignee
    if reviewer is None or not reviewer.email:
        return
    due = f" It is due on {claim.due_date:%d %B %Y}." if claim.due_date else ""
    body = (
        f"You have been asked to check this claim from “{claim.article.title}”:\n\n"
        f"    {claim.text}\n\n{due}\n"
        + (f"Note from the editor: {note}\n\n" if note else "")
        + f"Open it: {settings.SITE_URL}{claim.get_absolute_url()}\n"
    )
    outbox.email_queue(kind="assignment", to=reviewer.email, subject=f"Claim to check: {claim.text[:60]}", body=body)


@transaction.atomic
def claim_unassign(*, claim_id: int, by: Any, note: str = "") -> Claim:
    """Take a claim back from its reviewer; it returns to the new claims, without a due date."""
    previous = Claim.objects.select_related("assignee").get(pk=claim_id).assignee
    return transition(
        claim_id,
        A.UNASSIGN,
        by=by,
        note=note,
        changes={"due_date": None},
        data={"previous_assignee": previous.get_username() if previous else None},
    )


# The verdict -----------------------------------------------------------------------------------


def _audit(claim: Claim, by: Any, action: str, note: str = "", data: dict[str, Any] | None = None) -> ClaimEvent:
    return ClaimEvent.objects.create(
        claim=claim, actor=by, kind=ClaimEvent.Kind.VERDICT, action=action, note=note, data=data or {}
    )


def _locked_claim(claim_id: int) -> Claim:
    # The row lock serialises concurrent saves of one verdict (two tabs, autosave and a click).
    return Claim.objects.select_for_update().get(pk=claim_id)


def _editable_verdict(claim: Claim, by: Any) -> Verdict:
    """The claim's verdict, if ``by`` may change it now; otherwise a readable refusal."""
    if claim.status in VERDICT_APPROVED:
        raise ServiceError("This verdict has been approved and is locked. An editor can reopen the claim to change it.")
    if not permissions.is_assignee(by, claim):
        raise ServiceError("Only the reviewer assigned to this claim can write its verdict.")
    if claim.status != ClaimStatus.IN_REVIEW:
        if claim.status == ClaimStatus.SUBMITTED:
            raise ServiceError(
                "The verdict has been submitted for approval; it can be changed if an editor sends it back."
            )
        raise ServiceError("Start the review before writing the verdict.")
    verdict, _ = Verdict.objects.select_for_update().get_or_create(claim=claim, defaults={"author": by})
    return verdict


@transaction.atomic
def review_start(*, claim_id: int, by: Any) -> Claim:
    """The assigned reviewer starts (or resumes, after a send-back) the review; a draft verdict exists from now on."""
    claim = transition(claim_id, A.START_REVIEW, by=by)
    Verdict.objects.get_or_create(claim=claim, defaults={"author": by})
    return claim


def _rating(rating_id: int | None) -> Rating | None:
    if rating_id in (None, ""):
        return None
    rating = Rating.objects.filter(pk=rating_id, is_active=True).first()
    if rating is None:
        raise ServiceError("That rating is not on the newsroom's scale; choose one from the list.")
    return rating


@transaction.atomic
def verdict_save_draft(
    *,
    claim_id: int,
    by: Any,
    version: int,
    rating_id: int | None,
    explanation: str,
    confidence: str = "",
) -> Verdict:
    """Save the verdict draft. A stale ``version`` raises :class:`StaleEdit` carrying the newer verdict."""
    claim = _locked_claim(claim_id)
    verdict = _editable_verdict(claim, by)
    if confidence not in ("", *Confidence.values):
        raise ServiceError("Choose a confidence of low, medium or high.")
    rating = _rating(rating_id)
    changed = (verdict.rating_id, verdict.explanation, verdict.confidence) != (
        rating.pk if rating else None,
        explanation,
        confidence,
    )
    # Identical content is no conflict: an autosave in flight may already have saved these very words.
    if not changed:
        return verdict
    if verdict.version != version:
        raise StaleEdit(verdict)
    verdict.rating = rating
    verdict.explanation = explanation
    verdict.confidence = confidence
    verdict.author = by
    verdict.version += 1
    verdict.save()
    _audit(
        claim,
        by,
        A.DRAFT_SAVED,
        data={"version": verdict.version, "rating": rating.label if rating else None, "confidence": confidence},
    )
    return verdict


def verdict_missing(verdict: Verdict | None) -> list[str]:
    """What a verdict still needs before it can be submitted, as words for a sentence."""
    missing = []
    if verdict is None or verdict.rating_id is None:
        missing.append("a rating")
    if verdict is None or not verdict.explanation.strip():
        missing.append("an explanation")
    return missing


@transaction.atomic
def verdict_submit(*, claim_id: int, by: Any, draft: dict[str, Any] | None = None) -> Claim:
    """Submit the verdict for approval, saving ``draft`` first (version-checked) when given.

    ``draft`` holds ``version``, ``rating_id``, ``explanation`` and ``confidence`` from the form.
    """
    if draft is not None:
        verdict_save_draft(claim_id=claim_id, by=by, **draft)
    claim = _locked_claim(claim_id)
    verdict = _editable_verdict(claim, by)
    missing = verdict_missing(verdict)
    if missing:
        raise ServiceError(f"Before submitting, add {' and '.join(missing)}.")
    claim = transition(claim_id, A.SUBMIT, by=by, data={"verdict_version": verdict.version})
    verdict.submitted_at = timezone.now()
    verdict.save(update_fields=["submitted_at", "updated_at"])
    return claim


@transaction.atomic
def verdict_approve(*, claim_id: int, by: Any, note: str = "") -> Claim:
    """An editor approves the submitted verdict; from now on it is locked."""
    claim = transition(claim_id, A.APPROVE, by=by, note=note)
    verdict = Verdict.objects.select_for_update().get(claim=claim)
    verdict.approved_at = timezone.now()
    verdict.approved_by = by
    verdict.save(update_fields=["approved_at", "approved_by", "updated_at"])
    return claim


@transaction.atomic
def verdict_send_back(*, claim_id: int, by: Any, note: str) -> Claim:
    """An editor sends the submitted verdict back to the reviewer, saying what to change."""
    if not note.strip():
        raise ServiceError("Say what needs to change: the note is sent back to the reviewer.")
    claim = transition(claim_id, A.REQUEST_CHANGES, by=by, note=note.strip())
    Verdict.objects.filter(claim=claim).update(submitted_at=None, updated_at=timezone.now())
    return claim


@transaction.atomic
def evidence_add(
    *,
    claim_id: int,
    by: Any,
    stance: str,
    candidate_id: int | None = None,
    url: str = "",
    doi: str = "",
    title: str = "",
    quote: str = "",
    locator: str = "",
) -> Evidence:
    """Add a confirmed candidate source or a manual citation (URL or DOI) to the verdict."""
    claim = _locked_claim(claim_id)
    verdict = _editable_verdict(claim, by)
    if stance not in Stance.values:
        raise ServiceError("Say whether the evidence supports the claim, refutes it or gives context.")
    source = None
    typed_doi = doi.strip()
    doi = normalise_doi(typed_doi)
    url = url.strip()
    if typed_doi and not doi:
        raise ServiceError("A DOI starts with “10.”, for example 10.1001/jamapsychiatry.2022.1234.")
    if candidate_id:
        source = hooks.confirmed_source(claim, candidate_id)
        if source is None:
            raise ServiceError("Only a source an editor has confirmed for this claim can be cited from the list.")
        if Evidence.objects.filter(verdict=verdict, candidate_id=source.pk).exists():
            raise ServiceError("That source is already part of the evidence.")
        title = title or source.title
        doi = doi or source.doi
        url = url or source.url
    elif not url and not doi:
        raise ServiceError("Give the citation's URL or DOI.")
    if url and not url.lower().startswith(("http://", "https://")):
        raise ServiceError("A citation URL must start with http:// or https://.")
    evidence = Evidence.objects.create(
        verdict=verdict,
        candidate_id=source.pk if source else None,
        url=url[:2000],
        doi=doi[:255],
        title=title.strip()[:1000],
        stance=stance,
        quote=quote.strip(),
        locator=locator.strip()[:100],
        added_by=by,
    )
    _audit(claim, by, A.EVIDENCE_ADDED, data={"evidence_id": evidence.pk, "doi": doi, "url": url, "stance": stance})
    return evidence


@transaction.atomic
def evidence_remove(*, claim_id: int, evidence_id: int, by: Any) -> None:
    """Remove one piece of evidence from the verdict."""
    claim = _locked_claim(claim_id)
    verdict = _editable_verdict(claim, by)
    evidence = Evidence.objects.filter(pk=evidence_id, verdict=verdict).first()
    if evidence is None:
        raise ServiceError("That piece of evidence is no longer part of this verdict.")
    _audit(
        claim,
        by,
        A.EVIDENCE_REMOVED,
        data={"evidence_id": evidence.pk, "doi": evidence.doi, "url": evidence.url, "title": evidence.title},
    )
    evidence.delete()


@transaction.atomic
def comment_add(*, claim_id: int, by: Any, body: str) -> Comment:
    """Editors and the assigned reviewer discuss a claim on its timeline."""
    claim = _locked_claim(claim_id)
    if not permissions.can_comment(by, claim):
        raise ServiceError("Only editors and the reviewer assigned to this claim can comment on it.")
    body = body.strip()
    if not body:
        raise ServiceError("Write something before posting a comment.")
    comment = Comment.objects.create(claim=claim, author=by, body=body)
    ClaimEvent.objects.create(
        claim=claim, actor=by, kind=ClaimEvent.Kind.EDIT, action=A.COMMENT, data={"comment_id": comment.pk}
    )
    return comment


__all__ = [
    "ServiceError",
    "StaleAssignment",
    "StaleEdit",
    "WorkflowError",
    "article_create",
    "claim_assign",
    "claim_create",
    "claim_edit",
    "claim_unassign",
    "comment_add",
    "evidence_add",
    "evidence_remove",
    "review_start",
    "verdict_approve",
    "verdict_save_draft",
    "verdict_send_back",
    "verdict_submit",
]
