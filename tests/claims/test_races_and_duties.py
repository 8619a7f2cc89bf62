"""Two editors at once on one claim, and the four-eyes rule on verdicts.

The attacks: two editors assigning one claim at once both succeeded, silently an assign then a
reassign, and the first reviewer was emailed about a claim they no longer had; a user who is both
editor and reviewer approved their own verdict.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.db import transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from claims import services
from claims.models import ClaimStatus, Verdict
from claims.services import StaleAssignment
from claims.workflow import WorkflowError, allowed_actions
from factcheck.outbox.models import OutboundEmail
from tests.concurrency import Racer
from tests.factories import ClaimFactory, UserFactory, VerdictFactory

ASSIGN_RACE = "Someone changed this claim while you were assigning it: it is now assigned and assigned to Rita"


def _client(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.django_db(transaction=True)
def test_two_editors_assigning_one_claim_at_once_the_second_is_refused(
    editor: Any, reviewer: Any, other_reviewer: Any
) -> None:
    second_editor = UserFactory(username="eddie", groups=["editor"])
    claim = ClaimFactory()
    url = reverse("claims:claim_assign", args=[claim.pk])
    first, second = _client(editor), _client(second_editor)
    with transaction.atomic():
        # The first assignment holds the claim's lock until it commits; the second arrives meanwhile.
        assert first.post(url, {"reviewer": reviewer.pk, "version": 1}).status_code == 302
        racer = Racer(lambda: second.post(url, {"reviewer": other_reviewer.pk, "version": 1})).start_until_blocked()
        assert racer.thread.is_alive(), "the second assignment should wait for the first"
    response = racer.result()
    assert response.status_code == 409
    html = response.content.decode()
    assert ASSIGN_RACE in html and "Nothing was changed." in html
    claim.refresh_from_db()
    assert (claim.status, claim.assignee) == (ClaimStatus.ASSIGNED, reviewer)
    # One assignment, one email, to the reviewer who has the claim.
    assert list(OutboundEmail.objects.values_list("to", flat=True)) == [reviewer.email]


def test_a_stale_assignment_keeps_the_choice_with_the_version_now_shown(
    client: Any, editor: Any, reviewer: Any, other_reviewer: Any
) -> None:
    claim = ClaimFactory()
    services.claim_assign(claim_id=claim.pk, reviewer_id=reviewer.pk, due_date=None, by=editor)
    client.force_login(editor)
    response = client.post(
        reverse("claims:claim_assign", args=[claim.pk]),
        {"reviewer": other_reviewer.pk, "version": 1},
        HTTP_HX_REQUEST="true",
    )
    html = response.content.decode()
    assert ASSIGN_RACE in html
    assert 'id="assign-version" value="2"' in html
    assert f'<option value="{other_reviewer.pk}" selected>' in html
    with pytest.raises(StaleAssignment):
        services.claim_assign(claim_id=claim.pk, reviewer_id=other_reviewer.pk, due_date=None, by=editor, version=1)


def test_an_assignment_without_the_version_seen_is_refused(client: Any, editor: Any, reviewer: Any) -> None:
    claim = ClaimFactory()
    client.force_login(editor)
    response = client.post(reverse("claims:claim_assign", args=[claim.pk]), {"reviewer": reviewer.pk})
    assert response.status_code == 400
    assert "This form is out of date. Reload the page and assign the claim again." in response.content.decode()
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.NEW


def test_after_rewording_the_claim_the_assignment_form_moves_on_to_the_new_version(
    client: Any, editor: Any, reviewer: Any
) -> None:
    claim = ClaimFactory()
    client.force_login(editor)
    edited = client.post(
        reverse("claims:claim_edit", args=[claim.pk]),
        {"text": "Reworded", "claimant": "", "priority": 1, "version": 1},
        HTTP_HX_REQUEST="true",
    )
    html = edited.content.decode()
    # Out of band: the assignment form (elsewhere on the page) now carries version 2.
    assert '<input type="hidden" name="version" id="assign-version" value="2" hx-swap-oob="true">' in html
    response = client.post(reverse("claims:claim_assign", args=[claim.pk]), {"reviewer": reviewer.pk, "version": 2})
    assert response.status_code == 302


# Separation of duties --------------------------------------------------------------------------


@pytest.fixture
def editor_and_reviewer(db: Any) -> Any:
    return UserFactory(username="bo", first_name="Bo", last_name="Both", groups=["editor", "reviewer"])


def _submitted_by(author: Any) -> Any:
    claim = ClaimFactory(status=ClaimStatus.SUBMITTED, assignee=author)
    VerdictFactory(claim=claim, author=author, submitted_at=timezone.now())
    return claim


def test_nobody_approves_a_verdict_they_wrote(editor_and_reviewer: Any, editor: Any) -> None:
    claim = _submitted_by(editor_and_reviewer)
    with pytest.raises(WorkflowError, match="You wrote this verdict, so you cannot approve it yourself"):
        services.verdict_approve(claim_id=claim.pk, by=editor_and_reviewer)
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.SUBMITTED
    assert "approve" not in allowed_actions(claim, editor_and_reviewer)
    assert "request_changes" in allowed_actions(claim, editor_and_reviewer)
    services.verdict_approve(claim_id=claim.pk, by=editor)
    assert Verdict.objects.get(claim=claim).approved_by == editor


def test_the_claim_page_offers_the_author_no_approve_button(client: Any, editor_and_reviewer: Any, editor: Any) -> None:
    claim = _submitted_by(editor_and_reviewer)
    client.force_login(editor_and_reviewer)
    html = client.get(reverse("claims:claim", args=[claim.pk])).content.decode()
    assert "Approve the verdict</button>" not in html
    assert "You wrote this verdict, so another editor approves it." in html
    refused = client.post(reverse("claims:verdict_approve", args=[claim.pk]))
    assert refused.status_code == 409
    assert "another editor must approve it" in refused.content.decode()
    client.force_login(editor)
    assert "Approve the verdict</button>" in client.get(reverse("claims:claim", args=[claim.pk])).content.decode()
