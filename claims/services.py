"""Every write to articles and claims. Keyword-only arguments, an explicit acting user, atomic."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, gettext_noop

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
    url_key,
)
from claims.workflow import WorkflowError, transition
from factcheck import languages
from factcheck.errors import ServiceError
from factcheck.text import normalise_doi, normalise_newlines, normalise_pmid

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
    earlier_version: Article | None = None,
    language: str = "",
) -> Article:
    """Store an imported article exactly as given (claim offsets point into ``body``).

    ``earlier_version`` is the article this one was imported anyway as a new version of. ``language``
    (en or fr) as chosen at import; left empty, it is detected from the text.
    """
    body = normalise_newlines(body)
    if "\x00" in body or "\x00" in title:
        raise ServiceError(_("The text holds NUL characters, so it is not plain text; nothing was imported."))
    if not body.strip():
        raise ServiceError(_("The article has no text to check."))
    if not title.strip():
        raise ServiceError(_("The article needs a title."))
    return Article.objects.create(
        title=title.strip()[:500],
        body=body,
        content_hash=content_hash(body),
        outlet=outlet.strip(),
        authors=authors.strip(),
        url=url.strip(),
        url_key=url_key(url),
        published_on=published_on,
        origin=origin,
        imported_by=by,
        earlier_version=earlier_version,
        language=language if language in dict(languages.ARTICLE_LANGUAGES) else languages.detect(body),
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
        permissions.ensure_editor(by, _("Only an editor can pick claims from an article."))
    if not (0 <= span_start < span_end <= len(article.body)):
        raise ServiceError(_("The selected text is not part of this article."))
    quote = article.body[span_start:span_end]
    if not quote.strip():
        raise ServiceError(_("The selection holds only spaces; select the words of the claim."))
    # The article's row lock serialises claims made from it: two editors selecting the same words at
    # once make one claim, and the numbers the database gives follow the text.
    Article.objects.select_for_update().filter(pk=article.pk).first()
    existing = Claim.objects.filter(article=article, span_start=span_start, span_end=span_end).first()
    if existing is not None:
        raise DuplicateClaim(existing)
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
    claim.refresh_from_db(fields=["number"])
    ClaimEvent.objects.create(
        claim=claim,
        actor=by,
        kind=ClaimEvent.Kind.CREATED,
        to_status=claim.status,
        note=claim.text,
        data={"number": claim.number},
    )
    hooks.claim_created_notify(claim, by=by, search_sources=search_sources)
    return claim


@transaction.atomic
def claim_edit(*, claim_id: int, by: Any, version: int, text: str, claimant: str, priority: int | None = None) -> Claim:
    """Reword a claim or change its claimant. A stale ``version`` is refused; nothing is overwritten."""
    claim = Claim.objects.select_for_update().get(pk=claim_id)
    permissions.ensure_editor(by, _("Only an editor can edit a claim."))
    if claim.version != version:
        raise StaleEdit(claim)
    if not text.strip():
        raise ServiceError(_("The claim cannot be empty."))
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
        note=gettext_noop("Claim edited"),
        data={"before": before, "after": after},
    )
    return claim


class DuplicateClaim(ServiceError):
    """A claim over exactly these words exists already. ``existing`` holds it so the page can link to it."""

    def __init__(self, existing: Claim) -> None:
        self.existing = existing
        super().__init__(
            _("These exact words are already %(label)s of this article; nothing new was made. Open it instead.")
            % {"label": existing.label.lower() if existing.number else _("a claim")}
        )


class StaleEdit(ServiceError):
    """Someone saved a newer version first. ``current`` holds it so the page can show it."""

    def __init__(self, current: Any) -> None:
        self.current = current
        super().__init__(
            _(
                "Someone else saved this first. Your changes were not saved; "
                "the newer version is shown below so you can reapply them."
            )
        )


def _reviewer(user_id: int | None) -> Any:
    User = get_user_model()
    user = User.objects.filter(pk=user_id, is_active=True).first() if user_id else None
    if user is None or not permissions.is_reviewer(user):
        raise ServiceError(_("Choose a reviewer to assign the claim to."))
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
    """Assign (or reassign) a claim to a reviewer with a due date.

    The move tells the reviewer (their inbox, and email as they chose) through :data:`claims.hooks.claim_moved`.
    Giving the same reviewer a new due date is an edit, not a move: a review in progress stays in
    progress and the reviewer is not told again. ``version`` is the claim's version the editor saw
    (the form carries it): if the claim changed since, for example because another editor assigned it
    a moment earlier, :class:`StaleAssignment` refuses instead of silently reassigning it.
    ``version=None`` (the command line, the seeds) assigns whatever the state.
    """
    reviewer = _reviewer(reviewer_id)
    if due_date is not None and due_date < timezone.localdate():
        raise ServiceError(_("The due date is in the past."))
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
    return claim


def _claim_due_date_set(claim: Claim, *, due_date: dt.date | None, by: Any, note: str) -> Claim:
    if not permissions.is_editor(by):
        raise WorkflowError(_("Only an editor can change the due date of this claim."))
    if claim.due_date == due_date:
        raise ServiceError(_("The claim is already assigned to this reviewer with this due date."))
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
        raise ServiceError(
            _("This verdict has been approved and is locked. An editor can reopen the claim to change it.")
        )
    if not permissions.is_assignee(by, claim):
        raise ServiceError(_("Only the reviewer assigned to this claim can write its verdict."))
    if claim.status != ClaimStatus.IN_REVIEW:
        if claim.status == ClaimStatus.SUBMITTED:
            raise ServiceError(
                _("The verdict has been submitted for approval; it can be changed if an editor sends it back.")
            )
        raise ServiceError(_("Start the review before writing the verdict."))
    verdict, _created = Verdict.objects.select_for_update().get_or_create(claim=claim, defaults={"author": by})
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
        raise ServiceError(_("That rating is not on the newsroom's scale; choose one from the list."))
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
        raise ServiceError(_("Choose a confidence of low, medium or high."))
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
    """What a verdict still needs before it can be submitted: ``"rating"``, ``"explanation"``, both or neither.

    Pages and refusals say it in a whole sentence for each case (:data:`MISSING_REFUSALS`, claims/claim.html).
    """
    missing = []
    if verdict is None or verdict.rating_id is None:
        missing.append("rating")
    if verdict is None or not verdict.explanation.strip():
        missing.append("explanation")
    return missing


MISSING_REFUSALS = {
    ("rating",): gettext_lazy("Before submitting, add a rating."),
    ("explanation",): gettext_lazy("Before submitting, add an explanation."),
    ("rating", "explanation"): gettext_lazy("Before submitting, add a rating and an explanation."),
}


def _submission(verdict: Verdict) -> dict[str, Any]:
    evidence = Evidence.objects.filter(verdict=verdict).order_by("id")
    return {
        "rating": verdict.rating.label if verdict.rating else "",
        "confidence": verdict.get_confidence_display() if verdict.confidence else "",
        "explanation": verdict.explanation,
        "evidence": [
            {"title": e.title or e.doi or e.url, "doi": e.doi, "url": e.url, "stance": e.get_stance_display()}
            for e in evidence
        ],
    }


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
        raise ServiceError(str(MISSING_REFUSALS[tuple(missing)]))
    # The submission as the editor sees it, so a later resubmission can show what changed.
    claim = transition(claim_id, A.SUBMIT, by=by, data={"verdict_version": verdict.version, **_submission(verdict)})
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
        raise ServiceError(_("Say what needs to change: the note is sent back to the reviewer."))
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
        raise ServiceError(_("Say whether the evidence supports the claim, refutes it or gives context."))
    source = None
    typed_doi = doi.strip()
    doi = normalise_doi(typed_doi)
    pmid = "" if doi else normalise_pmid(typed_doi)
    url = url.strip()
    if typed_doi and not doi and not pmid:
        raise ServiceError(
            _("A DOI starts with “10.”, for example 10.1001/jamapsychiatry.2022.1234; a PMID is digits only.")
        )
    if candidate_id:
        source = hooks.confirmed_source(claim, candidate_id)
        if source is None:
            raise ServiceError(_("Only a source an editor has confirmed for this claim can be cited from the list."))
        if Evidence.objects.filter(verdict=verdict, candidate_id=source.pk).exists():
            raise ServiceError(_("That source is already part of the evidence."))
        title = title or source.title
        doi = doi or source.doi
        url = url or source.url
    elif not url and not doi and not pmid:
        raise ServiceError(_("Give the citation's URL or DOI."))
    if url and not url.lower().startswith(("http://", "https://")):
        raise ServiceError(_("A citation URL must start with http:// or https://."))
    # Typed by hand: a DOI or PMID is looked up after commit by whoever listens (the sources app).
    needs_lookup = source is None and bool(doi or pmid)
    evidence = Evidence.objects.create(
        verdict=verdict,
        candidate_id=source.pk if source else None,
        url=url[:2000],
        doi=doi[:255],
        pmid=pmid,
        title=title.strip()[:1000],
        authors=list(getattr(source, "authors", []) or []) if source else [],
        journal=(getattr(source, "journal", "") or "")[:500] if source else "",
        year=getattr(source, "year", None) if source else None,
        study=dict(getattr(source, "study", {}) or {}) if source else {},
        lookup=Evidence.Lookup.PENDING if needs_lookup else Evidence.Lookup.NONE,
        lookup_requested_at=timezone.now() if needs_lookup else None,
        stance=stance,
        quote=quote.strip(),
        locator=locator.strip()[:100],
        added_by=by,
    )
    _audit(
        claim,
        by,
        A.EVIDENCE_ADDED,
        data={"evidence_id": evidence.pk, "doi": doi, "pmid": pmid, "url": url, "stance": stance},
    )
    if needs_lookup:
        hooks.evidence_added_notify(evidence)
    return evidence


@transaction.atomic
def evidence_describe(
    *,
    evidence_id: int,
    title: str = "",
    authors: list[str] | None = None,
    journal: str = "",
    year: int | None = None,
    doi: str = "",
    pmid: str = "",
    study: dict[str, Any] | None = None,
    failure: str = "",
) -> Evidence | None:
    """Write what a look-up found about evidence typed by hand (or why it found nothing).

    Called by the app that did the look-up (sources) from a task. A title the reviewer typed is kept;
    identifiers are only filled in. Safe to run twice; evidence removed meanwhile is left alone (None).
    """
    evidence = Evidence.objects.select_for_update().filter(pk=evidence_id).first()
    if evidence is None:
        return None
    if failure:
        evidence.lookup = Evidence.Lookup.FAILED
        evidence.lookup_note = failure[:2000]
    else:
        evidence.title = evidence.title or title.strip()[:1000]
        evidence.authors = list(authors or evidence.authors)
        evidence.journal = (journal or evidence.journal)[:500]
        evidence.year = year if isinstance(year, int) and 0 < year < 10_000 else evidence.year
        evidence.doi = evidence.doi or normalise_doi(doi)
        evidence.pmid = evidence.pmid or normalise_pmid(pmid)
        evidence.study = dict(study or evidence.study)
        evidence.lookup = Evidence.Lookup.DONE
        evidence.lookup_note = ""
    evidence.save()
    return evidence


@transaction.atomic
def evidence_remove(*, claim_id: int, evidence_id: int, by: Any) -> None:
    """Remove one piece of evidence from the verdict."""
    claim = _locked_claim(claim_id)
    verdict = _editable_verdict(claim, by)
    evidence = Evidence.objects.filter(pk=evidence_id, verdict=verdict).first()
    if evidence is None:
        raise ServiceError(_("That piece of evidence is no longer part of this verdict."))
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
        raise ServiceError(_("Only editors and the reviewer assigned to this claim can comment on it."))
    body = body.strip()
    if not body:
        raise ServiceError(_("Write something before posting a comment."))
    comment = Comment.objects.create(claim=claim, author=by, body=body)
    ClaimEvent.objects.create(
        claim=claim, actor=by, kind=ClaimEvent.Kind.EDIT, action=A.COMMENT, data={"comment_id": comment.pk}
    )
    hooks.comment_added_notify(comment)
    return comment


# Earlier checks of the same claim -------------------------------------------------------------


@transaction.atomic
def claim_same_as_set(*, claim_id: int, earlier_id: int | None, by: Any, note: str = "") -> Claim:
    """Mark ``claim`` as saying the same thing as the newsroom's ``earlier`` claim, or clear the mark (None).

    Audited on the claim's timeline. The reviewer then sees the earlier verdict and its evidence, and
    the public page links to the earlier check once that check is published.
    """
    permissions.ensure_editor(by, _("Only an editor can say that two claims are the same."))
    claim = Claim.objects.select_for_update().select_related("article").get(pk=claim_id)
    if earlier_id is None:
        if claim.same_as_id is None:
            raise ServiceError(_("This claim is not marked as an earlier claim; there is nothing to undo."))
        previous = claim.same_as_id
        claim.same_as = None
        claim.version += 1
        claim.save(update_fields=["same_as", "version", "updated_at"])
        ClaimEvent.objects.create(
            claim=claim,
            actor=by,
            kind=ClaimEvent.Kind.EDIT,
            action=A.SAME_CLAIM_UNDONE,
            note=note,
            data={"earlier_claim_id": previous},
        )
        return claim
    earlier = Claim.objects.select_related("article").filter(pk=earlier_id).first()
    if earlier is None:
        raise ServiceError(_("That earlier claim no longer exists."))
    if earlier.pk == claim.pk:
        raise ServiceError(_("A claim cannot be the same as itself."))
    if earlier.same_as_id == claim.pk:
        raise ServiceError(_("That claim is already marked as the same as this one; mark only one way round."))
    if claim.same_as_id == earlier.pk:
        raise ServiceError(_("This claim is already marked as the same as that one."))
    claim.same_as = earlier
    claim.version += 1
    claim.save(update_fields=["same_as", "version", "updated_at"])
    ClaimEvent.objects.create(
        claim=claim,
        actor=by,
        kind=ClaimEvent.Kind.EDIT,
        action=A.SAME_CLAIM,
        note=note,
        data={
            "earlier_claim_id": earlier.pk,
            "earlier_article_id": earlier.article_id,
            "earlier_article_title": earlier.article.title[:300],
            "earlier_number": earlier.number,
        },
    )
    return claim


@transaction.atomic
def verdict_reuse(*, claim_id: int, by: Any) -> Verdict:
    """The reviewer starts from the verdict of the earlier claim this one is marked the same as.

    The rating and explanation go into the draft (only while the draft is still empty, so nothing
    written is overwritten) and the earlier evidence is added as citations, skipping any already cited.
    """
    claim = _locked_claim(claim_id)
    verdict = _editable_verdict(claim, by)
    earlier = (
        Claim.objects.select_related("verdict__rating", "article").filter(pk=claim.same_as_id).first()
        if claim.same_as_id
        else None
    )
    earlier_verdict = getattr(earlier, "verdict", None) if earlier else None
    if earlier is None or earlier_verdict is None:
        raise ServiceError(_("There is no earlier verdict to start from: no earlier claim with a verdict is marked."))
    started = verdict.explanation.strip() or verdict.rating_id
    if started and verdict.explanation.strip() != earlier_verdict.explanation.strip():
        raise ServiceError(
            _("Your draft already has a rating or an explanation; clear them first to start from the earlier one.")
        )
    if earlier_verdict.rating_id and not (earlier_verdict.rating and earlier_verdict.rating.is_active):
        rating_id = None
    else:
        rating_id = earlier_verdict.rating_id
    verdict.rating_id = rating_id
    verdict.explanation = earlier_verdict.explanation
    verdict.confidence = earlier_verdict.confidence
    verdict.author = by
    verdict.version += 1
    verdict.save()
    cited = {(e.doi, e.url) for e in Evidence.objects.filter(verdict=verdict)}
    copied = 0
    for item in Evidence.objects.filter(verdict=earlier_verdict).select_related("candidate").order_by("id"):
        doi = item.doi or (item.candidate.doi if item.candidate else "")
        url = item.url or (item.candidate.url if item.candidate else "")
        title = item.title or (item.candidate.title if item.candidate else "")
        if not (doi or url) or (doi, url) in cited:
            continue
        Evidence.objects.create(
            verdict=verdict,
            url=url[:2000],
            doi=doi[:255],
            title=title[:1000],
            stance=item.stance,
            quote=item.quote,
            locator=item.locator,
            added_by=by,
        )
        cited.add((doi, url))
        copied += 1
    _audit(
        claim,
        by,
        A.VERDICT_REUSED,
        data={"earlier_claim_id": earlier.pk, "evidence_copied": copied, "version": verdict.version},
    )
    return verdict


__all__ = [
    "DuplicateClaim",
    "ServiceError",
    "StaleAssignment",
    "StaleEdit",
    "WorkflowError",
    "article_create",
    "claim_assign",
    "claim_create",
    "claim_edit",
    "claim_same_as_set",
    "claim_unassign",
    "comment_add",
    "evidence_add",
    "evidence_describe",
    "evidence_remove",
    "review_start",
    "verdict_approve",
    "verdict_reuse",
    "verdict_save_draft",
    "verdict_send_back",
    "verdict_submit",
]
