"""Publishing, versions and corrections: the snapshot, reopening a claim, republishing with a note."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import lxml.html
import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from claims.models import Check, CheckVersion, Claim, ClaimEvent, ClaimStatus, Rating
from claims.publishing import services as publishing
from claims.services import ServiceError
from claims.workflow import WorkflowError, transition
from tests.claims.publishing.conftest import publish, withdraw

pytestmark = pytest.mark.django_db


def correct_claim(
    check: Check, *, number: int, editor: Any, reviewer: Any, rating: str, explanation: str = ""
) -> Claim:
    """Reopen claim ``number``, let its reviewer revise the verdict, and approve it again."""
    claim = check.article.claims.order_by("span_start", "id")[number - 1]
    publishing.claim_reopen_for_correction(claim_id=claim.pk, by=editor, note="A newer study disagrees.")
    transition(claim.pk, "start_review", by=reviewer)
    verdict = claim.verdict
    verdict.rating = Rating.objects.get(label=rating)
    if explanation:
        verdict.explanation = explanation
    verdict.save()
    transition(claim.pk, "submit", by=reviewer)
    transition(claim.pk, "approve", by=editor)
    return Claim.objects.get(pk=claim.pk)


def test_publishing_freezes_version_1_and_publishes_each_claim(make_check: Callable, editor: Any) -> None:
    check = make_check(3)
    version = publish(check, editor)
    check.refresh_from_db()
    assert (check.status, check.current_version, version.number) == ("published", version, 1)
    assert check.first_published_at == version.published_at
    assert version.correction_note == ""
    assert [c["number"] for c in version.snapshot["claims"]] == [1, 2, 3]
    assert set(check.article.claims.values_list("status", flat=True)) == {ClaimStatus.PUBLISHED}
    assert ClaimEvent.objects.filter(action="publish", actor=editor).count() == 3


def test_publishing_is_refused_with_a_list_of_claims_missing_a_verdict(
    make_check: Callable, editor: Any, reviewer: Any
) -> None:
    from tests.factories import ClaimFactory

    check = make_check(2)
    waiting = ClaimFactory(
        article=check.article,
        status=ClaimStatus.IN_REVIEW,
        assignee=reviewer,
        text="Unfinished",
        span_start=90,
        span_end=99,
    )
    with pytest.raises(ServiceError, match=r"Claim 3 \(“Unfinished”\) is in review; it needs an approved verdict"):
        publish(check, editor)
    check.refresh_from_db()
    assert check.status == Check.Status.DRAFT and not CheckVersion.objects.exists()
    assert set(check.article.claims.exclude(pk=waiting.pk).values_list("status", flat=True)) == {"approved"}


def test_a_claim_left_out_does_not_block_and_never_appears(
    make_check: Callable, editor: Any, reviewer: Any, client: Client
) -> None:
    from tests.factories import ClaimFactory, UserFactory

    check = make_check(2)
    secret_reviewer = UserFactory(username="sam", first_name="Secretus", last_name="Samsonite", groups=["reviewer"])
    left_out = ClaimFactory(
        article=check.article, status=ClaimStatus.IN_REVIEW, assignee=secret_reviewer, text="A claim we left out"
    )
    publishing.check_prepare(
        article_id=check.article_id,
        by=editor,
        headline=check.headline,
        summary="",
        assessment="",
        excluded_claim_ids=[left_out.pk],
    )
    version = publish(check, editor)
    assert len(version.snapshot["claims"]) == 2
    left_out.refresh_from_db()
    assert left_out.status == ClaimStatus.IN_REVIEW
    html = client.get(reverse("public:check", args=[check.slug])).content.decode()
    assert "A claim we left out" not in html and "Secretus" not in html


def test_a_headline_is_required(make_check: Callable, editor: Any) -> None:
    check = make_check(1)
    Check.objects.filter(pk=check.pk).update(headline="")
    with pytest.raises(ServiceError, match="Write a headline"):
        publish(check, editor)


def test_reviewer_cannot_publish_or_withdraw(published: Check, make_check: Callable, reviewer: Any) -> None:
    draft = make_check(1, title="Another")
    with pytest.raises(ServiceError, match="Only an editor can publish"):
        publishing.check_publish(check_id=draft.pk, by=reviewer)
    with pytest.raises(ServiceError, match="Only an editor can withdraw"):
        publishing.check_withdraw(check_id=published.pk, by=reviewer, reason="x")


def test_reopening_a_claim_keeps_the_public_page_on_version_1(
    client: Client, published: Check, editor: Any, reviewer: Any
) -> None:
    claim = published.article.claims.order_by("span_start").first()
    publishing.claim_reopen_for_correction(claim_id=claim.pk, by=editor, note="Check the dose again.")
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.CHANGES_REQUESTED
    html = client.get(reverse("public:check", args=[published.slug])).content.decode()
    assert 'id="claim-1"' in html and "Misleading" in html
    # Until the claim is approved again, republishing is refused with the reason.
    with pytest.raises(ServiceError, match="Claim 1 .* is changes requested"):
        publish(published, editor, "x")


def test_reopen_needs_a_note_and_an_editor(published: Check, editor: Any, reviewer: Any) -> None:
    claim = published.article.claims.first()
    with pytest.raises(ServiceError, match="Say what needs correcting"):
        publishing.claim_reopen_for_correction(claim_id=claim.pk, by=editor, note=" ")
    with pytest.raises(ServiceError, match="Only an editor"):
        publishing.claim_reopen_for_correction(claim_id=claim.pk, by=reviewer, note="why")


def test_republishing_makes_version_2_with_a_correction_note_readers_see(
    client: Client, published: Check, editor: Any, reviewer: Any
) -> None:
    correct_claim(published, number=3, editor=editor, reviewer=reviewer, rating="Inaccurate")
    with time_machine.travel("2026-12-01 10:00:00+00:00", tick=False):
        version = publishing.check_publish(
            check_id=published.pk, by=editor, reason="a larger trial published in 2024 found no effect"
        )
    assert version.number == 2
    assert version.correction_note == (
        "The rating of claim 3 changed from Misleading to Inaccurate "
        "because a larger trial published in 2024 found no effect."
    )
    published.refresh_from_db()
    assert published.current_version == version
    assert published.versions.count() == 2
    doc = lxml.html.fromstring(client.get(reverse("public:check", args=[published.slug])).content)
    log = " ".join(doc.get_element_by_id("corrections").text_content().split())
    # The date once, then the note (no "Updated 1 December 2026:" inside it).
    assert f"1 December 2026 (version 2): {version.correction_note}" in log
    assert log.count("December 2026") == 1
    assert "Inaccurate" in doc.get_element_by_id("claim-3").text_content()
    assert "Updated" in doc.find_class("byline")[0].text_content()
    # Version 1 is kept as it was.
    v1 = published.versions.get(number=1)
    assert v1.snapshot["claims"][2]["rating"]["label"] == "Misleading"


def test_republishing_without_a_reason_is_refused_and_says_what_changed(
    published: Check, editor: Any, reviewer: Any
) -> None:
    correct_claim(published, number=1, editor=editor, reviewer=reviewer, rating="Accurate", explanation="New text")
    with pytest.raises(ServiceError, match="the rating of claim 1 changed from Misleading to Accurate"):
        publish(published, editor, "")
    assert published.versions.count() == 1
    claim = published.article.claims.order_by("span_start").first()
    assert claim.status == ClaimStatus.APPROVED  # nothing moved


def test_snapshot_diff_names_added_and_removed_claims_and_text_changes() -> None:
    rating = {"label": "Accurate", "value": 6}
    base = {"claim_id": 1, "number": 1, "text": "A", "explanation": "e", "evidence": [], "rating": rating}
    old = {"headline": "H", "summary": "", "assessment": "", "claims": [base]}
    new = {
        "headline": "H2",
        "summary": "",
        "assessment": "",
        "claims": [{**base, "claim_id": 2, "text": "B"}],
    }
    changes = publishing.snapshot_diff(old, new)
    assert changes == [
        "claim 1 (“B”) was added, rated Accurate",
        "the earlier claim 1 (“A”) was removed",
        "the headline was revised",
    ]


def test_withdrawn_check_answers_410_with_the_reason(client: Client, published: Check, editor: Any) -> None:
    url = reverse("public:check", args=[published.slug])
    assert client.get(url).status_code == 200
    withdraw(published, editor, "The article was retracted by its outlet.")
    response = client.get(url)
    assert response.status_code == 410
    html = response.content.decode()
    assert "This fact-check has been withdrawn" in html
    assert "The article was retracted by its outlet." in html
    assert response["Content-Security-Policy"]
    assert published.slug not in client.get(reverse("public:check_list")).content.decode()
    assert published.slug not in client.get(reverse("public:sitemap")).content.decode()


def test_withdrawal_needs_a_reason_and_a_published_check(published: Check, make_check: Callable, editor: Any) -> None:
    with pytest.raises(ServiceError, match="reason"):
        withdraw(published, editor, "  ")
    draft = make_check(1, title="Draft one")
    with pytest.raises(ServiceError, match="Only a published check can be withdrawn"):
        withdraw(draft, editor, "why")


def test_a_withdrawn_check_can_be_published_again_with_a_note(client: Client, published: Check, editor: Any) -> None:
    withdraw(published, editor, "Pending a review.")
    version = publish(published, editor, "the review found no error")
    assert version.number == 2
    assert version.correction_note == "The review found no error."
    assert client.get(reverse("public:check", args=[published.slug])).status_code == 200


def test_publish_refuses_a_move_the_workflow_refuses(published: Check, editor: Any) -> None:
    claim = published.article.claims.first()
    with pytest.raises(WorkflowError):
        transition(claim.pk, "publish", by=editor)


@pytest.mark.parametrize(
    ("reason", "note"),
    [
        (
            "A reader pointed out the dose",
            "The explanation of claim 1 was revised because a reader pointed out the dose.",
        ),
        (
            "Because The authors corrected it.",
            "The explanation of claim 1 was revised because the authors corrected it.",
        ),
        ("JAMA issued a correction", "The explanation of claim 1 was revised because JAMA issued a correction."),
        ("I misread the table", "The explanation of claim 1 was revised because I misread the table."),
        ("Bottemanne's team sent data", "The explanation of claim 1 was revised because Bottemanne's team sent data."),
    ],
)
def test_a_correction_note_reads_as_one_sentence(reason: str, note: str) -> None:
    assert publishing.correction_note_compose(["the explanation of claim 1 was revised"], reason) == note


def test_notes_stored_with_their_date_lose_it_in_the_log() -> None:
    from claims.publishing.selectors import correction_text

    assert correction_text("Updated 2 December 2026: the rating changed because x.") == "The rating changed because x."
    assert correction_text("The rating changed.") == "The rating changed."
