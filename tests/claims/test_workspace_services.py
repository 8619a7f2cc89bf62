"""Workspace services: the allowed path, the refused path and the audit row of each."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.utils import timezone

from claims import services
from claims.models import ClaimEvent, ClaimStatus, Comment, Evidence, Rating, Verdict
from claims.services import ServiceError, StaleEdit
from claims.workflow import WorkflowError
from tests.factories import CandidateSourceFactory, ClaimFactory, VerdictFactory

S = ClaimStatus
pytestmark = pytest.mark.django_db


def _in_review(reviewer: Any, **verdict: Any) -> Any:
    claim = ClaimFactory(status=S.IN_REVIEW, assignee=reviewer)
    VerdictFactory(claim=claim, **{"rating": None, "explanation": "", "confidence": "", **verdict})
    return claim


def _rating() -> Rating:
    return Rating.objects.order_by("-value").first()


def test_review_start_moves_to_in_review_and_creates_a_draft(reviewer: Any) -> None:
    claim = ClaimFactory(status=S.ASSIGNED, assignee=reviewer)
    result = services.review_start(claim_id=claim.pk, by=reviewer)
    assert result.status == S.IN_REVIEW
    assert Verdict.objects.get(claim=claim).author == reviewer
    assert ClaimEvent.objects.filter(claim=claim, action="start_review", actor=reviewer).exists()


def test_review_start_by_another_reviewer_is_refused(reviewer: Any, other_reviewer: Any) -> None:
    claim = ClaimFactory(status=S.ASSIGNED, assignee=reviewer)
    with pytest.raises(WorkflowError, match="Only the assigned reviewer"):
        services.review_start(claim_id=claim.pk, by=other_reviewer)
    assert not Verdict.objects.filter(claim=claim).exists()
    assert not ClaimEvent.objects.filter(claim=claim).exists()


def test_verdict_save_draft_bumps_the_version_and_audits(reviewer: Any) -> None:
    claim = _in_review(reviewer)
    verdict = services.verdict_save_draft(
        claim_id=claim.pk, by=reviewer, version=1, rating_id=_rating().pk, explanation="Because.", confidence="high"
    )
    assert (verdict.version, verdict.explanation, verdict.confidence) == (2, "Because.", "high")
    event = ClaimEvent.objects.get(claim=claim, action="draft_saved")
    assert event.actor == reviewer
    assert event.data["version"] == 2


def test_verdict_save_draft_with_a_stale_version_keeps_the_newer_text(reviewer: Any) -> None:
    claim = _in_review(reviewer)
    services.verdict_save_draft(claim_id=claim.pk, by=reviewer, version=1, rating_id=None, explanation="First tab.")
    with pytest.raises(StaleEdit) as caught:
        services.verdict_save_draft(claim_id=claim.pk, by=reviewer, version=1, rating_id=None, explanation="Old tab.")
    assert caught.value.current.version == 2
    assert caught.value.current.explanation == "First tab."
    assert Verdict.objects.get(claim=claim).explanation == "First tab."


def test_verdict_save_draft_by_someone_else_is_refused(reviewer: Any, other_reviewer: Any, editor: Any) -> None:
    claim = _in_review(reviewer)
    for user in (other_reviewer, editor):
        with pytest.raises(ServiceError, match="Only the reviewer assigned"):
            services.verdict_save_draft(claim_id=claim.pk, by=user, version=1, rating_id=None, explanation="x")
    assert not ClaimEvent.objects.filter(claim=claim).exists()


def test_verdict_save_draft_before_starting_the_review_is_refused(reviewer: Any) -> None:
    claim = ClaimFactory(status=S.ASSIGNED, assignee=reviewer)
    with pytest.raises(ServiceError, match="Start the review"):
        services.verdict_save_draft(claim_id=claim.pk, by=reviewer, version=1, rating_id=None, explanation="x")


def test_approved_verdict_is_locked(reviewer: Any) -> None:
    claim = ClaimFactory(status=S.APPROVED, assignee=reviewer)
    VerdictFactory(claim=claim)
    with pytest.raises(ServiceError, match="approved and is locked"):
        services.verdict_save_draft(claim_id=claim.pk, by=reviewer, version=1, rating_id=None, explanation="x")
    with pytest.raises(ServiceError, match="approved and is locked"):
        services.evidence_add(claim_id=claim.pk, by=reviewer, stance="supports", url="https://example.org/")


def test_unknown_rating_is_refused(reviewer: Any) -> None:
    claim = _in_review(reviewer)
    with pytest.raises(ServiceError, match="not on the newsroom's scale"):
        services.verdict_save_draft(claim_id=claim.pk, by=reviewer, version=1, rating_id=999999, explanation="x")


def test_verdict_submit_needs_a_rating_and_an_explanation(reviewer: Any) -> None:
    claim = _in_review(reviewer)
    with pytest.raises(ServiceError, match="add a rating and an explanation"):
        services.verdict_submit(claim_id=claim.pk, by=reviewer)
    claim.refresh_from_db()
    assert claim.status == S.IN_REVIEW
    assert not ClaimEvent.objects.filter(claim=claim, action="submit").exists()


def test_verdict_submit_saves_the_draft_and_moves_to_submitted(reviewer: Any) -> None:
    claim = _in_review(reviewer)
    draft = {"version": 1, "rating_id": _rating().pk, "explanation": "Well sourced.", "confidence": "medium"}
    result = services.verdict_submit(claim_id=claim.pk, by=reviewer, draft=draft)
    assert result.status == S.SUBMITTED
    verdict = Verdict.objects.get(claim=claim)
    assert verdict.submitted_at is not None
    assert verdict.explanation == "Well sourced."
    assert ClaimEvent.objects.filter(claim=claim, action="submit", actor=reviewer).exists()


def test_verdict_approve_records_the_editor_and_locks(editor: Any, reviewer: Any) -> None:
    claim = ClaimFactory(status=S.SUBMITTED, assignee=reviewer)
    VerdictFactory(claim=claim)
    result = services.verdict_approve(claim_id=claim.pk, by=editor)
    assert result.status == S.APPROVED
    verdict = Verdict.objects.get(claim=claim)
    assert verdict.approved_by == editor
    assert verdict.approved_at is not None
    assert ClaimEvent.objects.filter(claim=claim, action="approve", actor=editor).exists()


def test_reviewer_cannot_approve_their_own_verdict(reviewer: Any) -> None:
    claim = ClaimFactory(status=S.SUBMITTED, assignee=reviewer)
    VerdictFactory(claim=claim)
    with pytest.raises(WorkflowError, match="Only an editor"):
        services.verdict_approve(claim_id=claim.pk, by=reviewer)
    assert Verdict.objects.get(claim=claim).approved_at is None


def test_verdict_send_back_needs_a_note(editor: Any, reviewer: Any) -> None:
    claim = ClaimFactory(status=S.SUBMITTED, assignee=reviewer)
    VerdictFactory(claim=claim, submitted_at=timezone.now())
    with pytest.raises(ServiceError, match="Say what needs to change"):
        services.verdict_send_back(claim_id=claim.pk, by=editor, note="  ")
    result = services.verdict_send_back(claim_id=claim.pk, by=editor, note="Cite the paper itself.")
    assert result.status == S.CHANGES_REQUESTED
    assert Verdict.objects.get(claim=claim).submitted_at is None
    event = ClaimEvent.objects.get(claim=claim, action="request_changes")
    assert (event.actor, event.note) == (editor, "Cite the paper itself.")


def test_send_back_by_a_reviewer_is_refused(reviewer: Any) -> None:
    claim = ClaimFactory(status=S.SUBMITTED, assignee=reviewer)
    with pytest.raises(WorkflowError, match="Only an editor"):
        services.verdict_send_back(claim_id=claim.pk, by=reviewer, note="Please redo.")


def test_evidence_add_manual_citation_with_doi(reviewer: Any) -> None:
    claim = _in_review(reviewer)
    evidence = services.evidence_add(
        claim_id=claim.pk,
        by=reviewer,
        stance="refutes",
        doi="https://doi.org/10.1001/JAMAPSYCHIATRY.2022.1",
        quote="No effect at 4 hours.",
        locator="Figure 2",
    )
    assert evidence.doi == "10.1001/jamapsychiatry.2022.1"
    assert (evidence.stance, evidence.locator, evidence.added_by) == ("refutes", "Figure 2", reviewer)
    assert ClaimEvent.objects.filter(claim=claim, action="evidence_added", data__evidence_id=evidence.pk).exists()


def test_evidence_add_without_url_or_doi_is_refused(reviewer: Any) -> None:
    claim = _in_review(reviewer)
    with pytest.raises(ServiceError, match="URL or DOI"):
        services.evidence_add(claim_id=claim.pk, by=reviewer, stance="supports")
    with pytest.raises(ServiceError, match="must start with http"):
        services.evidence_add(claim_id=claim.pk, by=reviewer, stance="supports", url="javascript:alert(1)")
    assert not Evidence.objects.exists()


def test_evidence_from_a_confirmed_source_only(reviewer: Any, editor: Any) -> None:
    claim = _in_review(reviewer)
    suggested = CandidateSourceFactory(claim=claim)
    confirmed = CandidateSourceFactory(claim=claim, decision="confirmed", decided_by=editor, decided_at=timezone.now())
    with pytest.raises(ServiceError, match="Only a source an editor has confirmed"):
        services.evidence_add(claim_id=claim.pk, by=reviewer, stance="supports", candidate_id=suggested.pk)
    evidence = services.evidence_add(claim_id=claim.pk, by=reviewer, stance="supports", candidate_id=confirmed.pk)
    assert evidence.candidate == confirmed
    assert evidence.doi == confirmed.doi
    with pytest.raises(ServiceError, match="already part of the evidence"):
        services.evidence_add(claim_id=claim.pk, by=reviewer, stance="context", candidate_id=confirmed.pk)


def test_evidence_remove_deletes_and_audits(reviewer: Any, other_reviewer: Any) -> None:
    claim = _in_review(reviewer)
    evidence = services.evidence_add(claim_id=claim.pk, by=reviewer, stance="context", url="https://example.org/a")
    with pytest.raises(ServiceError):
        services.evidence_remove(claim_id=claim.pk, evidence_id=evidence.pk, by=other_reviewer)
    services.evidence_remove(claim_id=claim.pk, evidence_id=evidence.pk, by=reviewer)
    assert not Evidence.objects.filter(pk=evidence.pk).exists()
    assert ClaimEvent.objects.filter(claim=claim, action="evidence_removed", data__url="https://example.org/a").exists()


def test_comment_add_by_editor_and_assignee(editor: Any, reviewer: Any) -> None:
    claim = ClaimFactory(status=S.ASSIGNED, assignee=reviewer)
    services.comment_add(claim_id=claim.pk, by=editor, body="Look at the preprint too.")
    services.comment_add(claim_id=claim.pk, by=reviewer, body="Will do.")
    assert list(Comment.objects.filter(claim=claim).values_list("body", flat=True)) == [
        "Look at the preprint too.",
        "Will do.",
    ]
    assert ClaimEvent.objects.filter(claim=claim, action="comment").count() == 2


def test_comment_by_an_unassigned_reviewer_is_refused(reviewer: Any, other_reviewer: Any) -> None:
    claim = ClaimFactory(status=S.ASSIGNED, assignee=reviewer)
    with pytest.raises(ServiceError, match="Only editors and the reviewer"):
        services.comment_add(claim_id=claim.pk, by=other_reviewer, body="Hi")
    with pytest.raises(ServiceError, match="Write something"):
        services.comment_add(claim_id=claim.pk, by=reviewer, body="   ")
    assert not Comment.objects.exists()


def test_claim_unassign_returns_the_claim_to_new(editor: Any, reviewer: Any) -> None:
    claim = ClaimFactory(status=S.ASSIGNED, assignee=reviewer, due_date=timezone.localdate())
    result = services.claim_unassign(claim_id=claim.pk, by=editor, note="Rita is away.")
    assert (result.status, result.assignee, result.due_date) == (S.NEW, None, None)
    event = ClaimEvent.objects.get(claim=claim, action="unassign")
    assert event.data["previous_assignee"] == reviewer.username


def test_claim_unassign_by_a_reviewer_is_refused(reviewer: Any) -> None:
    claim = ClaimFactory(status=S.ASSIGNED, assignee=reviewer)
    with pytest.raises(WorkflowError, match="Only an editor"):
        services.claim_unassign(claim_id=claim.pk, by=reviewer)


def test_claim_assign_emails_the_reviewer_after_commit(
    editor: Any, reviewer: Any, mailoutbox: list, django_capture_on_commit_callbacks: Any
) -> None:
    from factcheck.outbox.models import OutboundEmail
    from factcheck.outbox.services import email_deliver

    claim = ClaimFactory()
    with django_capture_on_commit_callbacks() as callbacks:
        services.claim_assign(
            claim_id=claim.pk, reviewer_id=reviewer.pk, due_date=timezone.localdate(), by=editor, note="Urgent"
        )
    assert len(callbacks) == 1  # the email is enqueued after commit, never sent inside the request
    assert mailoutbox == []
    email = OutboundEmail.objects.get()  # written in the assignment's own transaction
    assert (email.kind, email.to, email.status) == ("assignment", reviewer.email, "pending")
    assert email_deliver(email.pk) is True
    assert email_deliver(email.pk) is False  # sent once, never twice
    assert len(mailoutbox) == 1
    assert "Urgent" in mailoutbox[0].body and mailoutbox[0].to == [reviewer.email]
    assert ClaimEvent.objects.filter(claim=claim, action="assign").exists()


def test_a_broken_mail_server_does_not_break_the_assignment(
    editor: Any, reviewer: Any, settings: Any, django_capture_on_commit_callbacks: Any, mailoutbox: list
) -> None:
    from factcheck.outbox.models import OutboundEmail
    from factcheck.outbox.services import email_deliver, outbox_sweep

    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 2
    claim = ClaimFactory()
    with django_capture_on_commit_callbacks():
        services.claim_assign(claim_id=claim.pk, reviewer_id=reviewer.pk, due_date=None, by=editor)
    claim.refresh_from_db()
    assert claim.status == S.ASSIGNED
    # The worker meets the mail error and keeps the email for later; the request never saw it.
    email = OutboundEmail.objects.get()
    assert email_deliver(email.pk) is False
    email.refresh_from_db()
    assert (email.status, email.attempts) == ("pending", 1) and "ConnectionRefusedError" in email.last_error
    assert email.next_attempt_at > timezone.now()
    # Once the mail server is back and the retry is due, the sweep sends it.
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    OutboundEmail.objects.update(next_attempt_at=timezone.now())
    assert outbox_sweep() == 1
    assert [m.to for m in mailoutbox] == [[reviewer.email]]


def test_same_reviewer_new_due_date_keeps_the_review_going(editor: Any, reviewer: Any, mailoutbox: list) -> None:
    claim = ClaimFactory(status=S.IN_REVIEW, assignee=reviewer, due_date=timezone.localdate())
    later = timezone.localdate() + dt.timedelta(days=3)
    services.claim_assign(claim_id=claim.pk, reviewer_id=reviewer.pk, due_date=later, by=editor, note="More time")
    claim.refresh_from_db()
    assert (claim.status, claim.due_date) == (S.IN_REVIEW, later)
    event = ClaimEvent.objects.get(claim=claim, action="due_date")
    assert event.kind == ClaimEvent.Kind.EDIT and event.data["due_date"] == later.isoformat()
    assert not ClaimEvent.objects.filter(claim=claim, kind=ClaimEvent.Kind.STATUS).exists()


def test_same_reviewer_same_due_date_is_refused_with_a_reason(editor: Any, reviewer: Any) -> None:
    claim = ClaimFactory(status=S.ASSIGNED, assignee=reviewer, due_date=None)
    with pytest.raises(ServiceError, match="already assigned to this reviewer"):
        services.claim_assign(claim_id=claim.pk, reviewer_id=reviewer.pk, due_date=None, by=editor)


def test_full_review_round_trip(editor: Any, reviewer: Any) -> None:
    claim = ClaimFactory()
    services.claim_assign(claim_id=claim.pk, reviewer_id=reviewer.pk, due_date=None, by=editor)
    services.review_start(claim_id=claim.pk, by=reviewer)
    draft = {"version": 1, "rating_id": _rating().pk, "explanation": "First go.", "confidence": "low"}
    services.verdict_submit(claim_id=claim.pk, by=reviewer, draft=draft)
    services.verdict_send_back(claim_id=claim.pk, by=editor, note="Add the evidence.")
    services.review_start(claim_id=claim.pk, by=reviewer)
    services.evidence_add(claim_id=claim.pk, by=reviewer, stance="supports", url="https://example.org/paper")
    services.verdict_submit(claim_id=claim.pk, by=reviewer)
    final = services.verdict_approve(claim_id=claim.pk, by=editor)
    assert final.status == S.APPROVED
    actions = list(ClaimEvent.objects.filter(claim=claim, kind="status").values_list("action", flat=True))
    assert actions == ["assign", "start_review", "submit", "request_changes", "start_review", "submit", "approve"]


def test_a_stale_save_of_identical_words_is_not_a_conflict(reviewer: Any) -> None:
    claim = _in_review(reviewer)
    services.verdict_save_draft(claim_id=claim.pk, by=reviewer, version=1, rating_id=None, explanation="Same words.")
    # The autosave already saved these words; the button click carrying the older version changes nothing.
    verdict = services.verdict_save_draft(
        claim_id=claim.pk, by=reviewer, version=1, rating_id=None, explanation="Same words."
    )
    assert verdict.version == 2
    assert ClaimEvent.objects.filter(claim=claim, action="draft_saved").count() == 1
