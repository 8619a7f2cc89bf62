"""One number per claim (its order in the article) everywhere, and no second claim over the same words."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.utils import timezone

from claims import services
from claims.models import Check, ClaimEvent, ClaimStatus, Rating
from claims.publishing import services as publishing
from factcheck.outbox.models import OutboundEmail
from tests.factories import ArticleFactory, ClaimFactory, VerdictFactory

BODY = "First sentence here. Second sentence there. Third sentence everywhere."


def _span(text: str) -> tuple[int, int]:
    start = BODY.index(text)
    return start, start + len(text)


@pytest.mark.django_db
def test_numbers_follow_the_order_of_the_text_and_move_when_a_claim_is_added_earlier(editor: Any) -> None:
    article = ArticleFactory(body=BODY)
    third = services.claim_create(article=article, span_start=_span("Third")[0], span_end=_span("Third")[1], by=editor)
    assert third.number == 1 and third.label == "Claim 1"
    first = services.claim_create(article=article, span_start=0, span_end=5, by=editor)
    second = services.claim_create(
        article=article, span_start=_span("Second")[0], span_end=_span("Second")[1], by=editor
    )
    numbers = {c.pk: c.number for c in article.claims.all()}
    assert numbers == {first.pk: 1, second.pk: 2, third.pk: 3}
    assert ClaimEvent.objects.get(claim=third, kind="created").data == {"number": 1}


@pytest.mark.django_db
def test_any_writer_gets_numbers_from_the_database(editor: Any) -> None:
    article = ArticleFactory(body=BODY)
    later = ClaimFactory(article=article, span_start=20, span_end=30)
    earlier = ClaimFactory(article=article, span_start=0, span_end=5)
    later.refresh_from_db()
    earlier.refresh_from_db()
    assert (earlier.number, later.number) == (1, 2)
    earlier.delete()
    later.refresh_from_db()
    assert later.number == 1


@pytest.mark.django_db
def test_the_same_words_twice_are_refused_with_a_link_to_the_claim(client: Any, editor: Any) -> None:
    article = ArticleFactory(body=BODY)
    existing = services.claim_create(article=article, span_start=0, span_end=20, by=editor)
    with pytest.raises(services.DuplicateClaim) as refused:
        services.claim_create(article=article, span_start=0, span_end=20, by=editor)
    assert refused.value.existing == existing and "already claim 1" in str(refused.value)
    client.force_login(editor)
    response = client.post(f"/articles/{article.pk}/claims/", {"span_start": 0, "span_end": 20})
    assert response.status_code == 409
    body = response.content.decode()
    assert "already claim 1 of this article" in body and f'href="/claims/{existing.pk}/"' in body
    assert article.claims.count() == 1
    # A selection that trims to the same words is the same claim.
    response = client.post(f"/articles/{article.pk}/claims/", {"quote": "First sentence here. "})
    assert response.status_code == 409 and article.claims.count() == 1


@pytest.mark.django_db
def test_the_claim_page_and_the_assignment_email_use_the_number(
    client: Any, editor: Any, reviewer: Any, django_capture_on_commit_callbacks: Any
) -> None:
    article = ArticleFactory(body=BODY, title="The article")
    services.claim_create(article=article, span_start=0, span_end=5, by=editor)
    claim = services.claim_create(
        article=article, span_start=_span("Second")[0], span_end=_span("Second")[1], by=editor
    )
    client.force_login(editor)
    page = client.get(f"/claims/{claim.pk}/").content.decode()
    assert "<title>Claim 2:" in page and '<p class="eyebrow">Claim 2' in page
    with django_capture_on_commit_callbacks(execute=True):
        services.claim_assign(claim_id=claim.pk, reviewer_id=reviewer.pk, due_date=None, by=editor)
    email = OutboundEmail.objects.get()
    assert email.subject.startswith("Claim 2 to check:")
    assert "check claim 2 of “The article”" in email.body


def _approved(article: Any, span: tuple[int, int], reviewer: Any, editor: Any) -> Any:
    claim = ClaimFactory(
        article=article, span_start=span[0], span_end=span[1], status=ClaimStatus.APPROVED, assignee=reviewer
    )
    VerdictFactory(
        claim=claim, author=reviewer, rating=Rating.objects.first(), approved_at=timezone.now(), approved_by=editor
    )
    claim.refresh_from_db()
    return claim


@pytest.mark.django_db
def test_publish_page_snapshot_and_public_page_use_the_same_numbers_and_a_published_check_keeps_its_own(
    client: Any, editor: Any, reviewer: Any
) -> None:
    article = ArticleFactory(body=BODY)
    second = _approved(article, _span("Second"), reviewer, editor)
    third = _approved(article, _span("Third"), reviewer, editor)
    left_out = ClaimFactory(article=article, span_start=0, span_end=5)
    check = publishing.check_prepare(
        article_id=article.pk, by=editor, headline="H", summary="", assessment="", excluded_claim_ids=[left_out.pk]
    )
    version = publishing.check_publish(check_id=check.pk, by=editor)
    rows = {row["claim_id"]: row["number"] for row in version.snapshot["claims"]}
    second.refresh_from_db()
    third.refresh_from_db()
    assert rows == {second.pk: 2, third.pk: 3} == {second.pk: second.number, third.pk: third.number}
    client.force_login(editor)
    publish_page = client.get(f"/articles/{article.pk}/publish/").content.decode()
    assert "Reopen claim 2" in publish_page and "Reopen claim 3" in publish_page
    public = client.get(f"/checks/{check.slug}/").content.decode()
    assert "Claim 2</span>" in public and "Report an error in claim 3" in public
    # An earlier claim added later shifts the workspace numbers; the published version keeps its own.
    with connection.cursor() as cursor:
        cursor.execute("UPDATE claims_claim SET span_start = 0, span_end = 1 WHERE id = %s", [left_out.pk])
    assert Check.objects.get(pk=check.pk).current_version.snapshot["claims"][0]["number"] == 2
