"""Hostile text in articles, claims, comments and explanations renders inert."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from claims.models import ClaimStatus, Comment, Evidence
from tests.factories import ArticleFactory, ClaimFactory, VerdictFactory

pytestmark = pytest.mark.django_db

HOSTILE = (
    '<script>alert("x")</script> <img src=x onerror="alert(1)"> '
    '<a href="javascript:alert(2)">click</a> <svg onload=alert(3)>'
)


def _assert_inert(html: str) -> None:
    assert '<script>alert("x")</script>' not in html
    assert "<img src=x onerror" not in html
    assert '<a href="javascript:' not in html
    assert "<svg onload" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html


@pytest.fixture
def hostile_claim(reviewer: Any, editor: Any) -> Any:
    body = f"Intro sentence. {HOSTILE} Closing sentence.\n\nSecond paragraph {HOSTILE}."
    article = ArticleFactory(title=HOSTILE[:200], body=body)
    start = body.index("<script>")
    claim = ClaimFactory(
        article=article,
        span_start=start,
        span_end=start + len(HOSTILE),
        text=HOSTILE,
        claimant=HOSTILE[:200],
        status=ClaimStatus.SUBMITTED,
        assignee=reviewer,
        due_date=timezone.localdate(),
    )
    verdict = VerdictFactory(claim=claim, explanation=HOSTILE)
    Comment.objects.create(claim=claim, author=editor, body=HOSTILE)
    Evidence.objects.create(
        verdict=verdict, url="https://example.org/x", title=HOSTILE[:200], stance="supports", quote=HOSTILE
    )
    return claim


def test_article_page_escapes_hostile_article_and_claim_text(client: Any, editor: Any, hostile_claim: Any) -> None:
    client.force_login(editor)
    html = client.get(reverse("claims:article", args=[hostile_claim.article_id])).content.decode()
    _assert_inert(html)
    # The embedded copy of the body for the selection script is JSON-escaped too.
    assert "\\u003Cscript\\u003E" in html


def test_claim_page_escapes_claim_comment_explanation_and_evidence(
    client: Any, editor: Any, hostile_claim: Any
) -> None:
    client.force_login(editor)
    html = client.get(reverse("claims:claim", args=[hostile_claim.pk])).content.decode()
    _assert_inert(html)
    assert html.count("&lt;script&gt;") >= 4


def test_board_and_queue_escape_hostile_text(client: Any, editor: Any, reviewer: Any, hostile_claim: Any) -> None:
    client.force_login(editor)
    _assert_inert(client.get(reverse("claims:board")).content.decode())
    client.force_login(reviewer)
    _assert_inert(client.get(reverse("claims:queue")).content.decode())


def test_a_javascript_url_cannot_become_an_evidence_link(client: Any, reviewer: Any) -> None:
    claim = ClaimFactory(status=ClaimStatus.IN_REVIEW, assignee=reviewer)
    VerdictFactory(claim=claim, rating=None, explanation="")
    client.force_login(reviewer)
    response = client.post(
        reverse("claims:evidence_add", args=[claim.pk]), {"url": "javascript:alert(1)", "stance": "supports"}
    )
    assert response.status_code == 400
    assert not Evidence.objects.exists()
    assert 'href="javascript:' not in response.content.decode()
