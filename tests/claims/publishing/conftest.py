"""Builders for publishing tests: articles whose claims have approved verdicts with evidence."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.core.cache import cache
from django.test import TestCase
from django.utils import timezone

from claims.models import Article, Check, ClaimStatus, Rating
from claims.publishing import services as publishing
from claims.publishing.public_views import page_memory
from tests.factories import ArticleFactory, CandidateSourceFactory, ClaimFactory, EvidenceFactory, VerdictFactory


@pytest.fixture(autouse=True)
def _empty_cache(db: Any) -> None:
    # The cache is a database table shared by tests; start every test from a cold cache.
    cache.clear()
    page_memory.clear()


def approved_claim(article: Article, *, number: int, reviewer: Any, editor: Any, rating: str = "Misleading") -> Any:
    claim = ClaimFactory(
        article=article,
        status=ClaimStatus.APPROVED,
        assignee=reviewer,
        span_start=number,
        span_end=number + 20,
        text=f"Claim number {number}: ketamine lifts mood within {number} hours.",
        claimant=f"Dr Claimant {number}",
    )
    verdict = VerdictFactory(
        claim=claim,
        author=reviewer,
        rating=Rating.objects.get(label=rating),
        explanation=f"The study behind claim {number} measured optimism, not depression.",
        submitted_at=timezone.now(),
        approved_at=timezone.now(),
        approved_by=editor,
    )
    candidate = CandidateSourceFactory(
        claim=claim,
        title=f"Ketamine and optimism, study {number}",
        authors=["Bottemanne H", "Morlaas O", "Claret A", "Schmidt L"],
        journal="JAMA Psychiatry",
        year=2022,
        is_retracted=(number == 2),
    )
    EvidenceFactory(verdict=verdict, candidate=candidate, stance="refutes")
    return claim


@pytest.fixture
def make_check(editor: Any, reviewer: Any) -> Callable[..., Check]:
    """Build an article with ``claims`` approved claims and a prepared (draft) check for it."""

    def make(claims: int = 3, *, title: str = "Ketamine proves effective against depression", **extra: Any) -> Check:
        article = ArticleFactory(
            title=title, outlet="The Daily Example", url="https://news.example.org/ketamine", **extra
        )
        for n in range(1, claims + 1):
            approved_claim(article, number=n, reviewer=reviewer, editor=editor)
        return publishing.check_prepare(
            article_id=article.pk,
            by=editor,
            headline=f"Checked: {title}",
            summary="Two claims hold up; the rest overstate a small study.",
            assessment="The article reports a real study but overstates what it shows.",
            excluded_claim_ids=[],
        )

    return make


@pytest.fixture
def published(make_check: Callable[..., Check], editor: Any) -> Check:
    """A published check with three claims."""
    check = make_check(3)
    publish(check, editor)
    check.refresh_from_db()
    return check


def publish(check: Check, editor: Any, reason: str = "") -> Any:
    """Publish and run the after-commit cache invalidation, as a real request would."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        return publishing.check_publish(check_id=check.pk, by=editor, reason=reason)


def withdraw(check: Check, editor: Any, reason: str) -> Check:
    with TestCase.captureOnCommitCallbacks(execute=True):
        return publishing.check_withdraw(check_id=check.pk, by=editor, reason=reason)
