"""The inbox: who hears of each move, in the move's own transaction, and the emails it sends through the outbox."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.db import transaction
from django.utils import timezone

from claims import services
from claims.inbox import services as inbox
from claims.inbox.models import EmailState, Kind, Notification, Preference
from claims.models import ClaimStatus, ErrorReport
from claims.publishing import services as publishing
from claims.workflow import transition
from factcheck.outbox.models import OutboundEmail
from factcheck.outbox.services import outbox_sweep
from tests.factories import ClaimFactory, UserFactory, VerdictFactory

pytestmark = pytest.mark.django_db
S = ClaimStatus


def _items(user: Any, kind: str | None = None) -> list[Notification]:
    rows = Notification.objects.filter(recipient=user)
    return list(rows.filter(kind=kind) if kind else rows)


def _submitted(reviewer: Any, editor: Any) -> Any:
    claim = ClaimFactory()
    services.claim_assign(claim_id=claim.pk, reviewer_id=reviewer.pk, due_date=None, by=editor)
    services.review_start(claim_id=claim.pk, by=reviewer)
    verdict = claim.verdict
    services.verdict_save_draft(
        claim_id=claim.pk, by=reviewer, version=verdict.version, rating_id=_rating().pk, explanation="It holds."
    )
    services.verdict_submit(claim_id=claim.pk, by=reviewer)
    return claim


def _rating() -> Any:
    from claims.models import Rating

    return Rating.objects.order_by("-value").first()


def test_an_assignment_lands_in_the_reviewers_inbox_and_email(editor: Any, reviewer: Any) -> None:
    claim = ClaimFactory()
    services.claim_assign(claim_id=claim.pk, reviewer_id=reviewer.pk, due_date=None, by=editor, note="Urgent one")
    [item] = _items(reviewer)
    assert (item.kind, item.claim_id, item.actor, item.note) == (Kind.ASSIGNMENT, claim.pk, editor, "Urgent one")
    assert item.target == f"/claims/{claim.pk}/#verdict" and item.is_unread
    email = OutboundEmail.objects.get()
    assert (email.kind, email.to, email.key) == ("assignment", reviewer.email, f"inbox:{item.pk}")
    assert "Urgent one" in email.body and f"/claims/{claim.pk}/#verdict" in email.body
    assert _items(editor) == []  # the actor never hears of their own move


def test_a_move_rolled_back_notifies_nobody(editor: Any, reviewer: Any) -> None:
    claim = ClaimFactory()
    with pytest.raises(RuntimeError), transaction.atomic():
        services.claim_assign(claim_id=claim.pk, reviewer_id=reviewer.pk, due_date=None, by=editor)
        assert Notification.objects.count() == 1 and OutboundEmail.objects.count() == 1
        raise RuntimeError("something after the move failed")
    assert Notification.objects.count() == 0
    assert OutboundEmail.objects.count() == 0
    claim.refresh_from_db()
    assert claim.status == S.NEW


def test_a_refused_move_notifies_nobody(editor: Any, reviewer: Any) -> None:
    claim = ClaimFactory(status=S.ASSIGNED, assignee=reviewer)
    with pytest.raises(services.WorkflowError):
        transition(claim.pk, "approve", by=editor)
    assert Notification.objects.count() == 0


def test_submitted_verdicts_reach_every_editor_but_not_the_reviewer(editor: Any, reviewer: Any) -> None:
    other_editor = UserFactory(groups=["editor"])
    claim = _submitted(reviewer, editor)
    assert [i.claim_id for i in _items(editor, Kind.SUBMITTED)] == [claim.pk]
    assert [i.claim_id for i in _items(other_editor, Kind.SUBMITTED)] == [claim.pk]
    assert _items(reviewer, Kind.SUBMITTED) == []


def test_sent_back_reopened_and_approved_reach_the_reviewer_with_the_note(editor: Any, reviewer: Any) -> None:
    claim = _submitted(reviewer, editor)
    services.verdict_send_back(claim_id=claim.pk, by=editor, note="Quote the exact figure.")
    [sent_back] = _items(reviewer, Kind.SENT_BACK)
    assert sent_back.note == "Quote the exact figure."
    services.review_start(claim_id=claim.pk, by=reviewer)
    services.verdict_submit(claim_id=claim.pk, by=reviewer)
    services.verdict_approve(claim_id=claim.pk, by=editor, note="Good work")
    [approved] = _items(reviewer, Kind.APPROVED)
    assert approved.note == "Good work"
    publishing.claim_reopen_for_correction(claim_id=claim.pk, by=editor, note="The dose is wrong.")
    [reopened] = _items(reviewer, Kind.REOPENED)
    assert reopened.note == "The dose is wrong."
    kinds = set(OutboundEmail.objects.filter(to=reviewer.email).values_list("kind", flat=True))
    assert kinds == {"assignment", "sent_back", "approved", "reopened"}


def test_a_comment_reaches_the_people_on_the_claim_but_not_its_author(editor: Any, reviewer: Any) -> None:
    bystander_editor = UserFactory(groups=["editor"])
    claim = ClaimFactory()
    services.claim_assign(claim_id=claim.pk, reviewer_id=reviewer.pk, due_date=None, by=editor)
    comment = services.comment_add(claim_id=claim.pk, by=reviewer, body="Which figure did you mean?")
    [item] = _items(editor, Kind.COMMENT)
    assert item.note == "Which figure did you mean?" and item.target.endswith(f"#comment-{comment.pk}")
    assert _items(reviewer, Kind.COMMENT) == []
    assert _items(bystander_editor, Kind.COMMENT) == []  # never worked on this claim
    services.comment_add(claim_id=claim.pk, by=editor, body="Figure 2.")
    assert [i.note for i in _items(reviewer, Kind.COMMENT)] == ["Figure 2."]


def test_a_reviewer_the_claim_was_taken_from_hears_no_more_of_it(editor: Any, reviewer: Any) -> None:
    other = UserFactory(groups=["reviewer"])
    claim = ClaimFactory()
    services.claim_assign(claim_id=claim.pk, reviewer_id=reviewer.pk, due_date=None, by=editor)
    services.comment_add(claim_id=claim.pk, by=reviewer, body="On it.")
    services.claim_assign(claim_id=claim.pk, reviewer_id=other.pk, due_date=None, by=editor)
    services.comment_add(claim_id=claim.pk, by=editor, body="Over to you.")
    assert _items(reviewer, Kind.COMMENT) == []
    assert [i.note for i in _items(other, Kind.COMMENT)] == ["Over to you."]


def test_a_readers_error_report_reaches_every_editor(published_claim: Any, editor: Any) -> None:
    check = published_claim.article.check_page
    report = publishing.error_report_create(
        check_id=check.pk, claim_number=1, message="The dose was 0.5 mg/kg, not 5.", ip="203.0.113.9"
    )
    assert report is not None
    [item] = _items(editor, Kind.ERROR_REPORT)
    assert (item.error_report_id, item.claim_id) == (report.pk, published_claim.pk)
    assert item.target == f"/error-reports/{report.pk}/"
    email = OutboundEmail.objects.get(kind="error_report")
    assert "The dose was 0.5 mg/kg, not 5." in email.body and f"/error-reports/{report.pk}/" in email.body


def test_a_report_rolled_back_with_its_transaction_notifies_nobody(published_claim: Any, editor: Any) -> None:
    check = published_claim.article.check_page
    with pytest.raises(RuntimeError), transaction.atomic():
        publishing.error_report_create(check_id=check.pk, claim_number=None, message="Wrong", ip=None)
        raise RuntimeError("rolled back")
    assert not ErrorReport.objects.exists() and not Notification.objects.exists()


def test_due_tomorrow_and_overdue_reminders_come_once_a_day(reviewer: Any, editor: Any) -> None:
    today = timezone.localdate()
    tomorrow = ClaimFactory(status=S.ASSIGNED, assignee=reviewer, due_date=today + dt.timedelta(days=1))
    late = ClaimFactory(status=S.IN_REVIEW, assignee=reviewer, due_date=today - dt.timedelta(days=2))
    ClaimFactory(status=S.APPROVED, assignee=reviewer, due_date=today - dt.timedelta(days=9))  # done: no reminder
    ClaimFactory(status=S.ASSIGNED, assignee=reviewer, due_date=today + dt.timedelta(days=5))  # not yet
    assert inbox.reminders_write(today=today) == 2
    assert inbox.reminders_write(today=today) == 0  # a second run the same day writes nothing
    assert {(i.kind, i.claim_id) for i in _items(reviewer)} == {
        (Kind.DUE_TOMORROW, tomorrow.pk),
        (Kind.OVERDUE, late.pk),
    }
    assert OutboundEmail.objects.filter(kind__in=["due_tomorrow", "overdue"]).count() == 2
    # The next day the claim that is still late is reminded of again; the one due "tomorrow" is now due today.
    assert inbox.reminders_write(today=today + dt.timedelta(days=1)) == 1
    assert len(_items(reviewer, Kind.OVERDUE)) == 2


def test_the_daily_round_waits_for_its_hour(reviewer: Any) -> None:
    ClaimFactory(status=S.ASSIGNED, assignee=reviewer, due_date=timezone.localdate() - dt.timedelta(days=1))
    early = timezone.make_aware(dt.datetime.combine(timezone.localdate(), dt.time(5, 0)))
    assert inbox.daily(now=early, hour=7) == {"reminders": 0, "digests": 0}
    later = early + dt.timedelta(hours=3)
    assert inbox.daily(now=later, hour=7)["reminders"] == 1
    assert inbox.daily(now=later + dt.timedelta(minutes=10), hour=7)["reminders"] == 0


def test_a_kind_left_out_of_the_preferences_is_in_the_inbox_but_not_emailed(editor: Any, reviewer: Any) -> None:
    inbox.preference_set(by=reviewer, email_kinds=[Kind.SENT_BACK], digest=False)
    claim = ClaimFactory()
    services.claim_assign(claim_id=claim.pk, reviewer_id=reviewer.pk, due_date=None, by=editor)
    [item] = _items(reviewer)
    assert item.email_state == EmailState.NONE
    assert not OutboundEmail.objects.exists()


def test_the_daily_digest_replaces_single_emails_and_is_sent_once_a_day(editor: Any, reviewer: Any) -> None:
    inbox.preference_set(by=reviewer, email_kinds=list(Kind.values), digest=True)
    first, second = ClaimFactory(text="First claim to check"), ClaimFactory(text="Second claim to check")
    for claim in (first, second):
        services.claim_assign(claim_id=claim.pk, reviewer_id=reviewer.pk, due_date=None, by=editor, note="Soon")
    assert not OutboundEmail.objects.exists()
    assert {i.email_state for i in _items(reviewer)} == {EmailState.DIGEST}
    today = timezone.localdate()
    assert inbox.digests_send(today=today) == 1
    digest = OutboundEmail.objects.get()
    assert (digest.kind, digest.to, digest.key) == ("digest", reviewer.email, f"digest:{reviewer.pk}:{today}")
    assert "2 updates in your inbox" in digest.subject
    assert "First claim to check" in digest.body and "Second claim to check" in digest.body
    assert {i.email_state for i in _items(reviewer)} == {EmailState.DIGESTED}
    # A rerun the same day sends nothing; what arrives later waits for tomorrow's digest.
    assert inbox.digests_send(today=today) == 0
    third = ClaimFactory(text="Third claim")
    services.claim_assign(claim_id=third.pk, reviewer_id=reviewer.pk, due_date=None, by=editor)
    assert inbox.digests_send(today=today) == 0
    assert inbox.digests_send(today=today + dt.timedelta(days=1)) == 1
    assert OutboundEmail.objects.filter(kind="digest").count() == 2


def test_preferences_keep_only_kinds_the_person_can_receive(reviewer: Any) -> None:
    saved = inbox.preference_set(by=reviewer, email_kinds=[Kind.SENT_BACK, Kind.SUBMITTED], digest=False)
    # "submitted" is an editors' event: a reviewer's choice of it is not stored, their default stays.
    assert Kind.SENT_BACK in saved.email_kinds
    assert Kind.ASSIGNMENT not in saved.email_kinds
    assert Kind.SUBMITTED in saved.email_kinds  # untouched: not theirs to choose
    with pytest.raises(services.ServiceError):
        inbox.preference_set(by=reviewer, email_kinds=["spam"], digest=False)
    assert Preference.objects.count() == 1


def test_an_email_for_each_event_waits_in_the_outbox_and_is_sent_once_when_the_broker_was_down(
    editor: Any,
    reviewer: Any,
    published_claim: Any,
    monkeypatch: Any,
    caplog: Any,
    django_capture_on_commit_callbacks: Any,
    mailoutbox: list,
) -> None:
    from kombu.exceptions import OperationalError

    from factcheck.outbox.tasks import outbox_send

    def broker_down(*args: Any, **kwargs: Any) -> None:
        raise OperationalError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")

    monkeypatch.setattr(outbox_send, "apply_async", broker_down)
    today = timezone.localdate()
    with django_capture_on_commit_callbacks(execute=True):
        claim = _submitted(reviewer, editor)  # assignment (reviewer), submitted (editor)
        services.verdict_send_back(claim_id=claim.pk, by=editor, note="Say more.")  # sent back
        services.review_start(claim_id=claim.pk, by=reviewer)
        services.comment_add(claim_id=claim.pk, by=reviewer, body="Done.")  # comment (editor)
        services.verdict_submit(claim_id=claim.pk, by=reviewer)  # submitted again
        services.verdict_approve(claim_id=claim.pk, by=editor)  # approved
        publishing.claim_reopen_for_correction(claim_id=published_claim.pk, by=editor, note="Recheck")  # reopened
        publishing.error_report_create(
            check_id=published_claim.article.check_page.pk, claim_number=None, message="Typo", ip=None
        )  # error report (editor)
        ClaimFactory(status=S.ASSIGNED, assignee=reviewer, due_date=today + dt.timedelta(days=1))
        ClaimFactory(status=S.ASSIGNED, assignee=reviewer, due_date=today - dt.timedelta(days=1))
        inbox.reminders_write(today=today)  # due tomorrow, overdue
    assert "Could not send factcheck.outbox.tasks.outbox_send" in caplog.text
    kinds = sorted(OutboundEmail.objects.values_list("kind", flat=True))
    assert set(kinds) == set(Kind.values)
    assert set(OutboundEmail.objects.values_list("status", flat=True)) == {"pending"}
    # The broker is back: the beat's sweep sends each email once, and a second sweep sends nothing.
    assert outbox_sweep() == len(kinds)
    assert outbox_sweep() == 0
    assert len(mailoutbox) == len(kinds)
    assert sorted(m.to[0] for m in mailoutbox) == sorted(OutboundEmail.objects.values_list("to", flat=True))


def test_an_inactive_or_addressless_person_gets_no_email(editor: Any) -> None:
    nobody = UserFactory(username="noemail", email="", groups=["reviewer"])
    claim = ClaimFactory()
    services.claim_assign(claim_id=claim.pk, reviewer_id=nobody.pk, due_date=None, by=editor)
    assert [i.email_state for i in _items(nobody)] == [EmailState.NONE]
    assert not OutboundEmail.objects.exists()


def test_the_email_of_an_item_names_the_claim_the_article_and_the_link(
    editor: Any, reviewer: Any, settings: Any
) -> None:
    settings.SITE_URL = "http://127.0.0.1:8123"
    claim = ClaimFactory(text="One in three patients do not respond", due_date=timezone.localdate())
    services.claim_assign(claim_id=claim.pk, reviewer_id=reviewer.pk, due_date=claim.due_date, by=editor)
    email = OutboundEmail.objects.get()
    claim.refresh_from_db()  # the database numbers claims
    assert email.subject == f"Claim {claim.number} to check: One in three patients do not respond"
    assert claim.article.title in email.body
    assert f"http://127.0.0.1:8123/claims/{claim.pk}/#verdict" in email.body
    assert "http://127.0.0.1:8123/inbox/email/" in email.body  # where to choose which emails come


def test_a_verdict_with_no_assignee_to_tell_is_harmless(editor: Any, reviewer: Any) -> None:
    claim = ClaimFactory(status=S.SUBMITTED, assignee=reviewer)
    VerdictFactory(claim=claim)
    services.verdict_approve(claim_id=claim.pk, by=editor)
    assert [i.kind for i in _items(reviewer)] == [Kind.APPROVED]
